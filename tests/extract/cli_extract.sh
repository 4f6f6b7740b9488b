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
"$TEXTGRAPH" extract --stats - < "$D/verbal.conllu" > /dev/null 2> "$T/stats"
n=$(grep -c '^# sent_id' "$D/verbal.conllu")
grep -q "sentences $n " "$T/stats" || fail "stats: $(cat "$T/stats")"

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
