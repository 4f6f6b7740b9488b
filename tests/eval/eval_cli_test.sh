#!/bin/sh
# `textgraph eval` through the real binary: output layout, exit statuses and
# FILE:LINE messages. Every file here is written by this script.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# row ID FORM LEMMA UPOS HEAD DEPREL
row() { printf '%s\t%s\t%s\t%s\t_\t_\t%s\t%s\t_\t_\n' "$@"; }

ships() {  # "Ships sail at dawn." with the given form for word 4 and head for word 2
  printf '# sent_id = s1\n# text = Ships sail at %s.\n' "$1"
  row 1 Ships ship NOUN 2 nsubj
  row 2 sail sail VERB "$2" root
  row 3 at at ADP 4 case
  row 4 "$1" "$1" NOUN 2 obl
  row 5 . . PUNCT 2 punct
  printf '\n'
}
ships dawn 0 > "$dir/gold.conllu"
cp "$dir/gold.conllu" "$dir/same.conllu"
{ ships dawn 0 | sed 's/\tVERB\t/\tNOUN\t/'; } > "$dir/tagged.conllu"
ships down 0 > "$dir/other.conllu"
ships dawn 4 > "$dir/cycle.conllu"   # sail -> dawn -> sail
printf '1\tonly\tfour\tcolumns\n\n' > "$dir/bad.conllu"

T=$TEXTGRAPH

"$T" eval --help > "$dir/out" || fail "--help exits $?"
grep -q '^usage: textgraph eval' "$dir/out" || fail "--help prints no usage"

# Identical files: every line 100, in the shared task's layout.
"$T" eval "$dir/gold.conllu" "$dir/same.conllu" > "$dir/out" 2> "$dir/err" || fail "identical: exit $?"
[ "$(grep '^LAS ' "$dir/out")" = "LAS        |    100.00 |    100.00 |    100.00 |    100.00" ] ||
  fail "identical: LAS line: $(grep '^LAS ' "$dir/out")"
[ "$(head -1 "$dir/out")" = "Metric     | Precision |    Recall |  F1 Score | AligndAcc" ] ||
  fail "identical: header"
[ "$(wc -l < "$dir/out")" -eq 15 ] || fail "identical: expected 15 lines"
[ ! -s "$dir/err" ] || fail "identical: stderr not empty"

# One UPOS error of 5 words (sail NOUN), system read from standard input.
"$T" eval "$dir/gold.conllu" - < "$dir/tagged.conllu" > "$dir/out" || fail "tagged: exit $?"
[ "$(grep '^UPOS ' "$dir/out")" = "UPOS       |     80.00 |     80.00 |     80.00 |     80.00" ] ||
  fail "tagged: UPOS line: $(grep '^UPOS ' "$dir/out")"

"$T" eval --format counts "$dir/gold.conllu" "$dir/tagged.conllu" > "$dir/out" || fail "counts: exit $?"
[ "$(grep '^UPOS ' "$dir/out")" = "UPOS       |         4 |         5 |         5 |         5" ] ||
  fail "counts: UPOS line: $(grep '^UPOS ' "$dir/out")"

"$T" eval --format json "$dir/gold.conllu" "$dir/tagged.conllu" > "$dir/out" || fail "json: exit $?"
grep -q '"correct": 4' "$dir/out" || fail "json: no UPOS count"

# Different texts: exit 1, both places named by file and line.
"$T" eval "$dir/gold.conllu" "$dir/other.conllu" > "$dir/out" 2> "$dir/err"
[ $? -eq 1 ] || fail "texts differ: exit status"
expected="textgraph: error: $dir/other.conllu:6: the text of the tokens differs from the gold text ($dir/gold.conllu:6): the system has 'own.' where the gold has 'awn.'"
[ "$(cat "$dir/err")" = "$expected" ] || fail "texts differ: message: $(cat "$dir/err")"
[ ! -s "$dir/out" ] || fail "texts differ: something on stdout"

# A cycle, named at the line of the word where it closes.
"$T" eval "$dir/gold.conllu" "$dir/cycle.conllu" 2> "$dir/err" > /dev/null
[ $? -eq 1 ] || fail "cycle: exit status"
grep -q "^textgraph: error: $dir/cycle.conllu:4: the heads form a cycle" "$dir/err" ||
  fail "cycle: message: $(cat "$dir/err")"

# Malformed CoNLL-U: the reader's FILE:LINE message.
"$T" eval "$dir/bad.conllu" "$dir/gold.conllu" 2> "$dir/err" > /dev/null
[ $? -eq 1 ] || fail "malformed: exit status"
grep -q "^textgraph: error: $dir/bad.conllu:1:.*10 tab-separated columns" "$dir/err" ||
  fail "malformed: message: $(cat "$dir/err")"

"$T" eval "$dir/gold.conllu" "$dir/missing.conllu" 2> "$dir/err" > /dev/null
[ $? -eq 1 ] || fail "missing file: exit status"
grep -q "missing.conllu" "$dir/err" || fail "missing file: message: $(cat "$dir/err")"

# Usage errors: exit 2.
"$T" eval "$dir/gold.conllu" > /dev/null 2>&1
[ $? -eq 2 ] || fail "one file: exit status"
"$T" eval --format xml "$dir/gold.conllu" "$dir/gold.conllu" > /dev/null 2>&1
[ $? -eq 2 ] || fail "bad format: exit status"
"$T" eval - - < /dev/null > /dev/null 2>&1
[ $? -eq 2 ] || fail "both stdin: exit status"

[ $failures -eq 0 ] && echo "all eval CLI checks passed"
exit $failures
