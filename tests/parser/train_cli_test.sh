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

printf '1\tbad\n' > "$out/bad.conllu"
"$TEXTGRAPH" train parser --train "$out/bad.conllu" -o "$out/q.tgm" 2> "$out/err"
[ $? -eq 1 ] || fail "malformed training file should exit 1"
grep -q "bad.conllu:1" "$out/err" || fail "error does not name FILE:LINE: $(cat "$out/err")"
[ ! -e "$out/q.tgm" ] || fail "a model was written despite the error"
echo "train cli: ok"
