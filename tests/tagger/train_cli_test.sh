#!/bin/sh
# `textgraph train tagger` from the command line: help, usage errors, a run on
# the fixture, and that the model it writes is refused when damaged.
set -eu
T=${TMPDIR:-/tmp}/tg-train-cli-$$
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT
FIX="$TEXTGRAPH_TEST_DATA/tagger/news_fixture.conllu"

"$TEXTGRAPH" train --help | grep -q "train tagger"
"$TEXTGRAPH" train tagger --help | grep -q -- "--min-count"

status=0; "$TEXTGRAPH" train 2>/dev/null || status=$?
[ "$status" -eq 2 ] || { echo "no kind: exit $status, want 2"; exit 1; }
status=0; "$TEXTGRAPH" train lexer --train "$FIX" -o "$T/m.tgm" 2>/dev/null || status=$?
[ "$status" -eq 2 ] || { echo "unknown kind: exit $status, want 2"; exit 1; }
status=0; "$TEXTGRAPH" train tagger -o "$T/m.tgm" 2>/dev/null || status=$?
[ "$status" -eq 2 ] || { echo "no --train: exit $status, want 2"; exit 1; }
status=0; "$TEXTGRAPH" train tagger --train "$FIX" -o "$T/m.tgm" --seed x 2>/dev/null || status=$?
[ "$status" -eq 2 ] || { echo "bad seed: exit $status, want 2"; exit 1; }

# A missing training file: exit 1, the message names it, no model written.
status=0; "$TEXTGRAPH" train tagger --train "$T/none.conllu" -o "$T/m.tgm" 2>"$T/err" || status=$?
[ "$status" -eq 1 ] || { echo "missing file: exit $status, want 1"; exit 1; }
grep -q "none.conllu" "$T/err"
[ ! -e "$T/m.tgm" ]

"$TEXTGRAPH" train tagger --train "$FIX" --dev "$FIX" -o "$T/m.tgm" --epochs 3 --folds 2 \
  --min-count 1 2>"$T/log"
grep -q "dev news_fixture.conllu: UPOS" "$T/log"
[ -s "$T/m.tgm" ]
# Same command and seed, same bytes (the output name is part of the recorded
# command, so the first model is moved away and the run repeated).
mv "$T/m.tgm" "$T/first.tgm"
"$TEXTGRAPH" train tagger --train "$FIX" --dev "$FIX" -o "$T/m.tgm" --epochs 3 --folds 2 \
  --min-count 1 2>/dev/null
cmp "$T/first.tgm" "$T/m.tgm"
echo "ok"
