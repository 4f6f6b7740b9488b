#!/bin/sh
# `--view` and `--actors` of `textgraph extract` and `textgraph build`
# through the real binary, on texts written for this test: the actor view
# merges aliases into one node (and keeps them), the mentions view does not;
# user dictionary entries; malformed entries are FILE:LINE errors (exit 1,
# existing output untouched); -j 2 gives the same bytes as -j 1; --link
# corpus (build) links a surname read before the full name, --link order
# (extract) does not.
set -eu
T=$(mktemp -d "${TMPDIR:-/tmp}/tg-actors-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT
TG=$TEXTGRAPH
fail() { echo "FAIL: $*" >&2; exit 1; }

cat > "$T/a.txt" <<'EOF'
Russian President Vladimir Putin met European Union envoys in Minsk. Putin praised the EU.
The Kremlin rejected the criticism. Iranian leaders warned Washington.
EOF

# Actor view (build's default): one node per actor, aliases kept with counts.
"$TG" build "$T/a.txt" -o "$T/actors.json"
grep -q '"id":"vladimir putin"' "$T/actors.json" || fail "no vladimir putin node: $(cat "$T/actors.json")"
grep -q '"Russian President Vladimir Putin"' "$T/actors.json" || fail "alias kept"
grep -q '"id":"european union"' "$T/actors.json" || fail "EU → European Union"
grep -q '"id":"russia"' "$T/actors.json" || fail "the Kremlin → Russia"
grep -q '"id":"iran"' "$T/actors.json" || fail "Iranian leaders → Iran"
grep -q '"id":"united states"' "$T/actors.json" || fail "Washington → United States"
if grep -q '"id":"putin"' "$T/actors.json"; then fail "Putin left as its own node"; fi

# The actor table: every phrase with its count, and the attributes.
"$TG" build "$T/a.txt" -o "$T/t.json" --actor-table "$T/actors.tsv"
grep -q "^Vladimir Putin	PERSON	2	Russian President Vladimir Putin (1) | Putin (1)	title=Russian President | affiliation=Russia$" "$T/actors.tsv" \
  || fail "actor table: $(cat "$T/actors.tsv")"
grep -q "^Iran	COUNTRY	1	Iranian leaders (1)	role=leaders$" "$T/actors.tsv" || fail "actor table: Iran"

# Mentions view: the phrases are the nodes.
"$TG" build --view mentions "$T/a.txt" -o "$T/mentions.json"
grep -q '"id":"putin"' "$T/mentions.json" || fail "mentions view: no putin node"
grep -q '"id":"the kremlin"' "$T/mentions.json" || fail "mentions view: no 'the kremlin' node"

# extract: TSV holds actors in the actor view, phrases in the mentions view.
"$TG" extract --format tsv "$T/a.txt" > "$T/a.tsv"
grep -q "^Russia	reject	" "$T/a.tsv" || fail "extract tsv actors: $(cat "$T/a.tsv")"
"$TG" extract --format tsv --view mentions "$T/a.txt" > "$T/m.tsv"
grep -q "^The Kremlin	reject	" "$T/m.tsv" || fail "extract tsv mentions: $(cat "$T/m.tsv")"
# JSONL keeps the phrase and the actor.
"$TG" extract "$T/a.txt" > "$T/a.jsonl"
grep -q '"subject":{"text":"The Kremlin","type":"COUNTRY","actor":"Russia"' "$T/a.jsonl" \
  || fail "extract jsonl: $(cat "$T/a.jsonl")"

# -j 2: the same bytes.
"$TG" build -j 2 "$T/a.txt" -o "$T/actors-j2.json"
cmp -s "$T/actors.json" "$T/actors-j2.json" || fail "-j 2 differs from -j 1"

# A user's entries.
printf 'org\tAcme Holdings\tAcme\t-\tAcme Tower\n' > "$T/mine.tsv"
printf 'Acme Tower announced a merger. Acme praised the deal.\n' > "$T/b.txt"
"$TG" extract --format tsv --actors "$T/mine.tsv" "$T/b.txt" > "$T/b.tsv"
grep -q "^Acme Holdings	announce	" "$T/b.tsv" || fail "--actors entry: $(cat "$T/b.tsv")"
grep -q "^Acme Holdings	praise	" "$T/b.tsv" || fail "--actors alias: $(cat "$T/b.tsv")"

# Malformed entries: exit 1, FILE:LINE, nothing written, old output kept.
printf '# mine\norg\tAcme Holdings\tAcme\n' > "$T/bad.tsv"
echo keep > "$T/out.json"
set +e
"$TG" build --actors "$T/bad.tsv" "$T/a.txt" -o "$T/out.json" 2> "$T/err"
st=$?
set -e
[ "$st" -eq 1 ] || fail "bad --actors: exit $st"
grep -q "^textgraph: error: $T/bad.tsv:2: expected 5 tab-separated columns" "$T/err" \
  || fail "bad --actors message: $(cat "$T/err")"
[ "$(cat "$T/out.json")" = keep ] || fail "output touched on error"
printf 'nation\tAtlantis\t-\t-\t-\n' > "$T/bad2.tsv"
set +e
"$TG" extract --actors "$T/bad2.tsv" "$T/a.txt" > /dev/null 2> "$T/err"
st=$?
set -e
[ "$st" -eq 1 ] || fail "unknown kind: exit $st"
grep -q "^textgraph: error: $T/bad2.tsv:1:1: unknown kind 'nation'" "$T/err" \
  || fail "unknown kind message: $(cat "$T/err")"
set +e
"$TG" build --actors "$T/missing.tsv" "$T/a.txt" -o "$T/out.json" 2> "$T/err"
st=$?
"$TG" build --view everything "$T/a.txt" -o "$T/out.json" 2> "$T/err2"
st2=$?
"$TG" build --link sometimes "$T/a.txt" -o "$T/out.json" 2> "$T/err3"
st3=$?
set -e
[ "$st" -eq 1 ] || fail "missing --actors file: exit $st"
grep -q "missing.tsv" "$T/err" || fail "missing file message: $(cat "$T/err")"
[ "$st2" -eq 2 ] || fail "bad --view: exit $st2 (want 2, usage)"
[ "$st3" -eq 2 ] || fail "bad --link: exit $st3 (want 2, usage)"
grep -q "^textgraph build: --link must be corpus or order" "$T/err3" || fail "--link message: $(cat "$T/err3")"

# A surname read before the full name: build links it over the whole input
# (--link corpus, its default); extract streams (--link order, its default).
cat > "$T/late.jsonl" <<'EOF'
{"id": "monday", "text": "Halvorsen criticized the trade agreement."}
{"id": "tuesday", "text": "Ingrid Halvorsen visited Oslo in May."}
EOF
"$TG" build "$T/late.jsonl" -o "$T/late.json" --actor-table "$T/late.tsv"
grep -q "^Ingrid Halvorsen	PERSON	2	Halvorsen (1) | Ingrid Halvorsen (1)	" "$T/late.tsv" \
  || fail "whole-input linking: $(cat "$T/late.tsv")"
"$TG" build --link order "$T/late.jsonl" -o "$T/late-order.json"
grep -q '"id":"halvorsen"' "$T/late-order.json" || fail "--link order: $(cat "$T/late-order.json")"
"$TG" extract --format tsv "$T/late.jsonl" > "$T/late-extract.tsv"
grep -q "^Halvorsen	criticize	" "$T/late-extract.tsv" || fail "extract streams: $(cat "$T/late-extract.tsv")"
"$TG" extract --link corpus --format tsv "$T/late.jsonl" > "$T/late-corpus.tsv"
grep -q "^Ingrid Halvorsen	criticize	" "$T/late-corpus.tsv" || fail "extract --link corpus: $(cat "$T/late-corpus.tsv")"

echo "all checks passed"
