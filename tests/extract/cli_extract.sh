#!/bin/sh
# `textgraph extract` and `textgraph build` end to end through the real
# binary: text files, directories, standard input, JSONL documents,
# pre-tokenized lines, parsed CoNLL-U; output formats; -j determinism; bad
# input (exit 1, FILE:LINE[:COL], existing output untouched); the examples/
# article as a golden end-to-end run.
set -eu
T=$(mktemp -d "${TMPDIR:-/tmp}/tg-extract-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT
D=$TEXTGRAPH_TEST_DATA/extract
TG=$TEXTGRAPH
fail() { echo "FAIL: $*" >&2; exit 1; }

for c in extract build; do
  "$TG" $c --help > "$T/help" || fail "$c --help exit status"
  grep -q "usage: textgraph $c" "$T/help" || fail "$c --help text"
done

# Text: the models tokenize, tag and parse; the rules extract. JSONL by
# default, spans are byte ranges in the file. Phrases as nodes (--view
# mentions) here; the actor view (the default) is checked below.
printf 'The court ordered Meta to pay a fine. Oslo hosted the talks.\n' > "$T/a.txt"
"$TG" extract --view mentions "$T/a.txt" > "$T/a.jsonl"
grep -q '"subject":{"text":"Oslo","type":"","actor":"","spans":\[\[38,42\]\]},"relation":{"text":"hosted","lemma":"host"' "$T/a.jsonl" \
  || fail "jsonl: $(cat "$T/a.jsonl")"
grep -q '"provenance":{"document":"'"$T"'/a.txt","sentence":1,' "$T/a.jsonl" || fail "provenance"
"$TG" extract --view mentions --format tsv "$T/a.txt" > "$T/a.tsv"
grep -q "^The court	order	Meta	" "$T/a.tsv" || fail "tsv: $(cat "$T/a.tsv")"
grep -q "^Meta	pay	a fine	" "$T/a.tsv" || fail "tsv control"
# What extract writes, build reads: the same graph from JSONL and TSV edges.
"$TG" build "$T/a.jsonl" -o "$T/from-jsonl.tsv"
"$TG" build "$T/a.tsv" -o "$T/from-tsv.tsv"
cut -f1-3 "$T/from-jsonl.tsv" > "$T/e1"; cut -f1-3 "$T/from-tsv.tsv" > "$T/e2"
cmp -s "$T/e1" "$T/e2" || fail "extract tsv and jsonl give different edges"
# ... and the same graph as building from the text directly.
"$TG" build --view mentions "$T/a.txt" -o "$T/from-text.json"
"$TG" build "$T/a.jsonl" -o "$T/from-triples.json"
cmp -s "$T/from-text.json" "$T/from-triples.json" || fail "build text vs build extract output"
# The actor view: extract's JSONL carries the actors, build keys nodes by them.
"$TG" extract "$T/a.txt" > "$T/a-actors.jsonl"
grep -q '"subject":{"text":"Oslo","type":"COUNTRY","actor":"Norway"' "$T/a-actors.jsonl" \
  || fail "actor view jsonl: $(cat "$T/a-actors.jsonl")"
"$TG" build "$T/a.txt" -o "$T/actors-text.json"
"$TG" build "$T/a-actors.jsonl" -o "$T/actors-triples.json"
cmp -s "$T/actors-text.json" "$T/actors-triples.json" || fail "actor view: build text vs extract output"

# Standard input is text.
echo "Oslo hosted the talks." | "$TG" extract --view mentions --format tsv - | grep -q "^Oslo	host	the talks" || fail "stdin"
echo "Oslo hosted the talks." | "$TG" build - -o "$T/stdin.tsv"
grep -q "^Norway	host	the talks" "$T/stdin.tsv" || fail "build stdin: $(cat "$T/stdin.tsv")"

# JSONL documents keep their ids; blank lines are skipped.
printf '{"id": "n1", "text": "Oslo hosted the talks.", "date": "2024-01-01", "x": 1}\n\n{"id": 7, "text": "Riga met Tallinn."}\n' > "$T/docs.jsonl"
"$TG" extract "$T/docs.jsonl" > "$T/docs.out"
grep -q '"provenance":{"document":"n1","sentence":0' "$T/docs.out" || fail "jsonl id: $(cat "$T/docs.out")"
grep -q '"subject":{"text":"Riga".*"document":"7"' "$T/docs.out" || fail "jsonl numeric id"
"$TG" build --view mentions "$T/docs.jsonl" -o "$T/docs.tsv"
grep -q "^Riga	meet	Tallinn" "$T/docs.tsv" || fail "build jsonl documents: $(cat "$T/docs.tsv")"

# Pre-tokenized (PTB, CaRB style) lines: one sentence each, written back as
# they came.
printf "Oslo 's envoy met Riga 's mayor .\nThe 30 - year accord was signed by Estonia .\n" > "$T/lines.txt"
"$TG" extract --sentence-per-line --format carb "$T/lines.txt" > "$T/lines.carb"
grep -q "^Oslo 's envoy met Riga 's mayor .	[0-9.]*	met	Oslo 's envoy	Riga 's mayor$" "$T/lines.carb" \
  || fail "sentence per line: $(cat "$T/lines.carb")"
grep -q "	sign	Estonia	The 30 - year accord$" "$T/lines.carb" || fail "sentence per line, passive"

# Parsed CoNLL-U keeps its trees; CaRB writes a passive as read and active.
"$TG" extract --format carb -o "$T/out.carb" "$D/passive.conllu"
grep -q "	were hosted by	The talks	Saudi Arabia$" "$T/out.carb" || fail "carb passive"
grep -q "	host	Saudi Arabia	The talks$" "$T/out.carb" || fail "carb active reading"
"$TG" extract --input conllu --stats - < "$D/verbal.conllu" > /dev/null 2> "$T/stats"
n=$(grep -c '^# sent_id' "$D/verbal.conllu")
grep -q "sentences $n " "$T/stats" || fail "stats: $(cat "$T/stats")"

# A directory (its .txt and .jsonl files, recursively), and the same bytes
# with any number of threads, for extract and for build.
mkdir -p "$T/dir/sub"
cp "$TEXTGRAPH_EXAMPLES/geneva-talks.txt" "$T/dir/b.txt"
cp "$T/a.txt" "$T/dir/sub/a.txt"
cp "$T/docs.jsonl" "$T/dir/c.jsonl"
echo "not read" > "$T/dir/notes.md"
"$TG" extract -j 1 "$T/dir" > "$T/j1.jsonl"
"$TG" extract -j 3 "$T/dir" > "$T/j3.jsonl"
cmp -s "$T/j1.jsonl" "$T/j3.jsonl" || fail "extract -j 3 differs from -j 1"
grep -q "\"document\":\"$T/dir/sub/a.txt\"" "$T/j1.jsonl" || fail "directory files"
grep -q '"document":"n1"' "$T/j1.jsonl" || fail "directory jsonl"
for f in json graphml dot; do
  "$TG" build -j 1 "$T/dir" -o "$T/g1.$f"
  "$TG" build -j 2 "$T/dir" -o "$T/g2.$f"
  cmp -s "$T/g1.$f" "$T/g2.$f" || fail "build -j 2 .$f differs from -j 1"
done

# Bad input: exit 1, "textgraph: error: FILE:LINE[:COL]: ...", the old output
# untouched, for extract and build alike.
printf '{"id": "ok", "text": "Oslo hosted the talks."}\n{"id": "x", "text": 5}\n' > "$T/bad.jsonl"
printf '{"id": "ok", "text": "Fine."}\n{"id": "y", "text": "cut\n' > "$T/cut.jsonl"
printf 'ab\0cd' > "$T/binary.txt"
for cmd in extract build; do
  for bad in "bad.jsonl:2" "cut.jsonl:2:25" "binary.txt:1" "missing.txt"; do
    file=${bad%%:*}
    echo keep > "$T/kept.out"
    set +e
    if [ $cmd = extract ]; then
      "$TG" extract -o "$T/kept.out" "$T/a.txt" "$T/$file" 2> "$T/err"
    else
      "$TG" build -o "$T/kept.out" --format json "$T/a.txt" "$T/$file" 2> "$T/err"
    fi
    status=$?
    set -e
    [ $status -eq 1 ] || fail "$cmd $file: exit status $status"
    grep -q "^textgraph: error: $T/$bad: " "$T/err" || fail "$cmd $file: message $(cat "$T/err")"
    [ "$(cat "$T/kept.out")" = keep ] || fail "$cmd $file: output replaced on failure"
    ls "$T" | grep -q '\.tmp' && fail "$cmd $file: temporary file left"
  done
done

# Control characters no file format can hold become spaces, with a warning;
# invalid UTF-8 is repaired, with a warning naming the file.
printf 'Oslo\001 hosted the talks\033 with Riga.\n' > "$T/ctl.txt"
"$TG" build "$T/ctl.txt" -o "$T/ctl.graphml" 2> "$T/err" || fail "control characters: $(cat "$T/err")"
grep -q "control character(s)" "$T/err" || fail "control characters warning: $(cat "$T/err")"
printf 'Caf\351 owners met. Oslo hosted the talks.\n' > "$T/latin1.txt"
"$TG" extract "$T/latin1.txt" > /dev/null 2> "$T/err" || fail "invalid UTF-8"
grep -q "^textgraph: warning: $T/latin1.txt: 1 invalid UTF-8" "$T/err" || fail "UTF-8 warning: $(cat "$T/err")"

# Usage errors: exit 2.
set +e
"$TG" extract --format xml "$T/a.txt" > /dev/null 2>&1; [ $? -eq 2 ] || fail "bad format"
"$TG" extract > /dev/null 2>&1; [ $? -eq 2 ] || fail "no input"
"$TG" extract --min-confidence 2 "$T/a.txt" > /dev/null 2>&1; [ $? -eq 2 ] || fail "confidence range"
"$TG" extract --intransitive "$T/a.txt" > /dev/null 2>&1; [ $? -eq 2 ] || fail "intransitive without carb"
"$TG" build "$T/a.txt" > /dev/null 2>&1; [ $? -eq 2 ] || fail "build without -o"
"$TG" build "$T/a.txt" -o "$T/x.json" --from xml > /dev/null 2>&1; [ $? -eq 2 ] || fail "build --from"
set -e

# Golden: the examples/ article, text → graph, holds its key relations:
# first among the actors (the default view), then among the phrases.
"$TG" build "$TEXTGRAPH_EXAMPLES/geneva-talks.txt" -o "$T/geneva.json"
q() { "$TG" query "$T/geneva.json" "$1" --format tsv > "$T/q" || fail "no edge for $1"; }
q 'united nations -[host]-> the meeting'
q 'ukraine -[demand]-> the withdrawal of russian troops'
q 'turkey -[warn]-> both sides'
q 'iran -[reject]-> new demands'
q 'russia -[invade]-> ukraine'
"$TG" build --view mentions "$TEXTGRAPH_EXAMPLES/geneva-talks.txt" -o "$T/geneva.json"
q() { "$TG" query "$T/geneva.json" "$1" --format tsv > "$T/q" || fail "no edge for $1"; }
q 'the united nations -[host]-> the meeting'
q "norway's foreign minister -[chair]-> the meeting"
q 'turkey -[offer to act as]-> guarantors of any agreement'
q 'qatar -[offer to act as]-> guarantors of any agreement'
q 'kyiv -[demand]-> the withdrawal of russian troops'
q 'russia -[invade]-> ukraine'
q 'the united states -[welcome]-> the talks'
q 'drones -[damage]-> two cargo ships'
q 'ankara -[warn]-> both sides'
q 'iran -[reject]-> new demands'
q 'the european union -[lift]-> any of its sanctions'
grep -q "negative" "$T/q" || grep -q "	-	" "$T/q" || grep -qi "not" "$T/q" || fail "lift is negated: $(cat "$T/q")"
exit 0
