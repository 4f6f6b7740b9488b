#!/bin/sh
# `textgraph train parser` from the command line: help, usage errors, a tiny
# training run on the fixture, and a bad input file.
set -u
fail() { echo "FAIL: $*"; exit 1; }
out="${TMPDIR:-/tmp}/tg-train-cli-$$"
mkdir -p "$out"
trap 'rm -rf "$out"' EXIT

"$TEXTGRAPH" train --help > "$out/help" || fail "train --help exit $?"
grep -q "train parser" "$out/help" || fail "help does not describe train parser"
"$TEXTGRAPH" train parser 2> /dev/null; [ $? -eq 2 ] || fail "missing options should exit 2"
"$TEXTGRAPH" train nonsense 2> /dev/null; [ $? -eq 2 ] || fail "unknown kind should exit 2"
"$TEXTGRAPH" train parser --train x --output y --hidden 0 2> /dev/null; [ $? -eq 2 ] || fail "bad value should exit 2"
"$TEXTGRAPH" train parser --train x -o y --slots s0,zz 2> /dev/null; [ $? -eq 2 ] || fail "bad slot should exit 2"

fixture="$TEXTGRAPH_TEST_DATA/parser/fixture.conllu"
"$TEXTGRAPH" train parser --train "$fixture" --dev "$fixture" -o "$out/p.tgm" --epochs 2 \
  --lstm-dim 8 --hidden 16 2> "$out/log" || fail "training failed: $(cat "$out/log")"
[ -s "$out/p.tgm" ] || fail "no model written"
grep -q "dev UAS" "$out/log" || fail "no dev scores in the log"

# Jack-knifing with the project's tagger: each fold tagged by a tagger
# trained on the other fold with the options recorded in --tagger's model.
"$TEXTGRAPH" train parser --train "$fixture" -o "$out/j.tgm" --jackknife 2 2> /dev/null
[ $? -eq 2 ] || fail "--jackknife without --tagger should exit 2"
"$TEXTGRAPH" train parser --train "$fixture" -o "$out/j.tgm" --jackknife 2 --tagger t \
  --input-tags "$fixture" 2> /dev/null
[ $? -eq 2 ] || fail "--jackknife with --input-tags should exit 2"
"$TEXTGRAPH" train tagger --train "$TEXTGRAPH_TEST_DATA/tagger/news_fixture.conllu" \
  -o "$out/t.tgm" --epochs 2 --folds 2 --quiet || fail "fixture tagger training failed"
"$TEXTGRAPH" train parser --train "$fixture" --dev "$fixture" -o "$out/j.tgm" --epochs 1 \
  --lstm-dim 8 --hidden 16 --jackknife 2 --tagger "$out/t.tgm" \
  --tagger-train "$TEXTGRAPH_TEST_DATA/tagger/news_fixture.conllu" \
  --save-input-tags "$out/jk.conllu" 2> "$out/jlog" || fail "jack-knifed training failed: $(cat "$out/jlog")"
grep -q "jack-knifing tags with 2 folds" "$out/jlog" || fail "no jack-knifing in the log"
[ "$(grep -c '^# sent_id' "$out/jk.conllu")" -eq "$(grep -c '^# sent_id' "$fixture")" ] ||
  fail "the saved input tags do not hold every training sentence"
# The fold taggers' tags differ from the gold ones somewhere; the trees are kept.
cut -f 4,5 "$out/jk.conllu" > "$out/jk.tags"; cut -f 4,5 "$fixture" > "$out/gold.tags"
! cmp -s "$out/jk.tags" "$out/gold.tags" || fail "jack-knifed tags equal the gold tags"
cut -f 1,2,7,8 "$out/jk.conllu" > "$out/jk.trees"; cut -f 1,2,7,8 "$fixture" > "$out/gold.trees"
cmp -s "$out/jk.trees" "$out/gold.trees" || fail "jack-knifing changed the trees"
grep -q -- "--jackknife 2" "$out/jlog" || fail "the recorded command lacks --jackknife"

printf '1\tbad\n' > "$out/bad.conllu"
"$TEXTGRAPH" train parser --train "$out/bad.conllu" -o "$out/q.tgm" 2> "$out/err"
[ $? -eq 1 ] || fail "malformed training file should exit 1"
grep -q "bad.conllu:1" "$out/err" || fail "error does not name FILE:LINE: $(cat "$out/err")"
[ ! -e "$out/q.tgm" ] || fail "a model was written despite the error"
echo "train cli: ok"
