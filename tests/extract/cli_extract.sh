#!/bin/sh
# `textgraph extract` end to end over the golden trees: formats, errors,
# exit statuses and atomic output.
set -eu
T=${TMPDIR:-/tmp}/tg-extract-cli.$$
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT
D=$TEXTGRAPH_TEST_DATA/extract
fail() { echo "FAIL: $*" >&2; exit 1; }

"$TEXTGRAPH" extract --help > "$T/help" || fail "--help exit status"
grep -q "usage: textgraph extract" "$T/help" || fail "--help text"

# TSV: document, sentence, confidence, subject, lemma, object, text, ...
"$TEXTGRAPH" extract "$D/passive.conllu" > "$T/out.tsv"
grep -q "	Saudi Arabia	host	The talks	were hosted by	+" "$T/out.tsv" || fail "tsv passive"

# CaRB: the passive reads as written, patient first.
"$TEXTGRAPH" extract --format carb -o "$T/out.carb" "$D/passive.conllu"
grep -q "	were hosted by	The talks	Saudi Arabia$" "$T/out.carb" || fail "carb passive"
grep -q "	host	Saudi Arabia	The talks$" "$T/out.carb" || fail "carb active reading"

# Standard input, and --stats on standard error.
"$TEXTGRAPH" extract --input conllu --stats - < "$D/verbal.conllu" > /dev/null 2> "$T/stats"
n=$(grep -c '^# sent_id' "$D/verbal.conllu")
grep -q "sentences $n " "$T/stats" || fail "stats: $(cat "$T/stats")"

# Text: the models tokenize, tag and parse; the rules extract.
printf 'The court ordered Meta to pay a fine. Oslo hosted the talks.\n' > "$T/a.txt"
"$TEXTGRAPH" extract "$T/a.txt" > "$T/a.tsv"
grep -q "	The court	order	Meta	ordered	+" "$T/a.tsv" || fail "text: $(cat "$T/a.tsv")"
grep -q "	Meta	pay	a fine	to pay	+" "$T/a.tsv" || fail "text control"
# JSONL documents keep their ids; standard input reads as text.
printf '{"id": "n1", "text": "Oslo hosted the talks.", "date": "2024-01-01"}\n\n{"id": 7, "text": "Riga met Tallinn."}\n' > "$T/docs.jsonl"
"$TEXTGRAPH" extract "$T/docs.jsonl" > "$T/docs.tsv"
grep -q "^n1	0	.*	Oslo	host	the talks" "$T/docs.tsv" || fail "jsonl id: $(cat "$T/docs.tsv")"
grep -q "^7	0	.*	Riga	meet	Tallinn" "$T/docs.tsv" || fail "jsonl numeric id"
echo "Oslo hosted the talks." | "$TEXTGRAPH" extract - | grep -q "	Oslo	host	the talks" || fail "stdin"
# Pre-tokenized lines stay one sentence each, written back as they came.
printf "Oslo 's envoy met Riga 's mayor .\n" > "$T/lines.txt"
"$TEXTGRAPH" extract --sentence-per-line --format carb "$T/lines.txt" > "$T/lines.carb"
grep -q "^Oslo 's envoy met Riga 's mayor .	[0-9.]*	met	Oslo 's envoy	Riga 's mayor$" "$T/lines.carb" || fail "sentence per line: $(cat "$T/lines.carb")"
# A directory, and the same bytes with any number of threads.
mkdir -p "$T/dir/sub"
cp "$TEXTGRAPH_EXAMPLES/geneva-talks.txt" "$T/dir/b.txt"
cp "$T/a.txt" "$T/dir/sub/a.txt"
"$TEXTGRAPH" extract -j 1 "$T/dir" > "$T/j1.tsv"
"$TEXTGRAPH" extract -j 3 "$T/dir" > "$T/j3.tsv"
cmp -s "$T/j1.tsv" "$T/j3.tsv" || fail "-j 3 differs from -j 1"
grep -q "^$T/dir/sub/a.txt	" "$T/j1.tsv" || fail "directory files"
# A bad JSONL record: exit 1 naming FILE:LINE.
printf '{"id": "ok", "text": "Fine."}\n{"id": "x", "txt": "no text"}\n' > "$T/bad.jsonl"
if "$TEXTGRAPH" extract "$T/bad.jsonl" > /dev/null 2> "$T/err"; then fail "bad jsonl accepted"; fi
grep -q "bad.jsonl:2" "$T/err" || fail "jsonl error location: $(cat "$T/err")"

# Bad input: exit 1, FILE:LINE in the message, the old output untouched.
printf '1\tOslo\tOslo\tPROPN\n\n' > "$T/bad.conllu"
echo keep > "$T/kept.tsv"
if "$TEXTGRAPH" extract -o "$T/kept.tsv" "$T/bad.conllu" 2> "$T/err"; then fail "bad input accepted"; else
  [ $? -eq 1 ] || fail "bad input exit status"; fi
grep -q "bad.conllu:1" "$T/err" || fail "error location: $(cat "$T/err")"
[ "$(cat "$T/kept.tsv")" = keep ] || fail "output replaced on failure"

# Usage errors: exit 2.
set +e
"$TEXTGRAPH" extract --format xml "$D/verbal.conllu" > /dev/null 2>&1; [ $? -eq 2 ] || fail "bad format"
"$TEXTGRAPH" extract > /dev/null 2>&1; [ $? -eq 2 ] || fail "no input"
"$TEXTGRAPH" extract --min-confidence 2 "$D/verbal.conllu" > /dev/null 2>&1; [ $? -eq 2 ] || fail "confidence range"
exit 0
