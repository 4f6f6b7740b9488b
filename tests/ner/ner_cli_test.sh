#!/bin/sh
# `textgraph ner` and `textgraph train ner` from the command line: help,
# usage errors, the IOB2 layout for each input kind, scores, thread-count
# independence, atomic output, damaged models, and deterministic training.
set -eu
T=${TMPDIR:-/tmp}/tg-ner-cli-$$
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT
FIX="$TEXTGRAPH_TEST_DATA/ner/train_fixture.iob2"
NEWS="$TEXTGRAPH_TEST_DATA/ner/news_eval.iob2"

fail() { echo "FAIL: $*"; exit 1; }
expect_status() {  # expect_status WANT COMMAND...
  want=$1; shift
  status=0; "$@" >"$T/out" 2>"$T/err" || status=$?
  [ "$status" -eq "$want" ] || { cat "$T/err"; fail "$*: exit $status, want $want"; }
}

"$TEXTGRAPH" ner --help | grep -q "IOB2"
"$TEXTGRAPH" --help | grep -q "^  ner "
"$TEXTGRAPH" train --help | grep -q "train ner"

# A model trained here from the fixture (a second or two).
"$TEXTGRAPH" train ner --train "$FIX" --dev "$FIX" -o "$T/m.tgm" --epochs 4 --min-count 1 2>"$T/log"
grep -q "dev train_fixture.iob2: " "$T/log" || fail "no dev line in the training log"
M="--model $T/m.tgm"

# Usage errors: exit 2.
expect_status 2 "$TEXTGRAPH" ner $M
expect_status 2 "$TEXTGRAPH" ner $M "$FIX" --input xml
expect_status 2 "$TEXTGRAPH" ner $M "$FIX" "$FIX" --input iob2
expect_status 2 "$TEXTGRAPH" ner $M "$FIX" --score
expect_status 2 "$TEXTGRAPH" ner $M "$FIX" --input iob2 --bogus
expect_status 2 "$TEXTGRAPH" ner $M "$FIX" --input iob2 -j 0
expect_status 2 "$TEXTGRAPH" train ner -o "$T/x.tgm"
expect_status 2 "$TEXTGRAPH" train ner --train "$FIX"
expect_status 2 "$TEXTGRAPH" train ner --train "$FIX" -o "$T/x.tgm" --min-count 0

# IOB2 in, IOB2 out: the same layout, comments and words; tags from the model.
"$TEXTGRAPH" ner $M "$NEWS" --input iob2 -o "$T/news.iob2" --score 2>"$T/score"
grep -q "^all " "$T/score" || fail "no score table"
grep -v '^[0-9]' "$NEWS" >"$T/a"; grep -v '^[0-9]' "$T/news.iob2" >"$T/b"
cmp "$T/a" "$T/b" || fail "comment lines differ"
cut -f1,2,4,5 "$NEWS" >"$T/a"; cut -f1,2,4,5 "$T/news.iob2" >"$T/b"
cmp "$T/a" "$T/b" || fail "word columns differ"
awk -F'\t' 'NF && !/^#/ && (NF != 5 || $3 !~ /^(O|[BI]-(PER|ORG|LOC))$/) {exit 1}' "$T/news.iob2" \
  || fail "bad IOB2 line"

# Any thread count, the same bytes; standard input and output work.
"$TEXTGRAPH" ner $M "$NEWS" --input iob2 -j 3 >"$T/news3.iob2"
cmp "$T/news.iob2" "$T/news3.iob2" || fail "-j 3 differs"
"$TEXTGRAPH" ner $M - --input iob2 <"$NEWS" | cmp - "$T/news.iob2" || fail "stdin differs"

# CoNLL-U in: the same words give the same tags.
awk -F'\t' 'BEGIN{OFS="\t"} /^#/ || !NF {print; next} {print $1,$2,"_","_","_","_","_","_","_","_"}' \
  "$NEWS" >"$T/news.conllu"
"$TEXTGRAPH" ner $M "$T/news.conllu" -o "$T/from-conllu.iob2"
cmp "$T/news.iob2" "$T/from-conllu.iob2" || fail "CoNLL-U input gives other tags"

# Raw text in: sentences numbered from 1, text rebuilt, entities found.
printf 'Maria Lopez flew to Berlin on Monday.\nShe met NATO officials in Brussels.\n' >"$T/in.txt"
"$TEXTGRAPH" ner $M "$T/in.txt" --input text >"$T/text.iob2"
head -3 "$T/text.iob2" >"$T/head"
printf '# sent_id = 1\n# text = Maria Lopez flew to Berlin on Monday.\n1\tMaria\tB-PER\t-\t-\n' \
  | cmp - "$T/head" || { cat "$T/text.iob2"; fail "text input layout"; }
grep -q "^# sent_id = 2$" "$T/text.iob2" || fail "second sentence"
: >"$T/empty.txt"
"$TEXTGRAPH" ner $M "$T/empty.txt" --input text -o "$T/empty.iob2"
[ -e "$T/empty.iob2" ] && [ ! -s "$T/empty.iob2" ] || fail "empty text should give an empty file"

# Bad input: exit 1, FILE:LINE named, an existing output left untouched.
echo "keep me" >"$T/keep.iob2"
printf '1\tA\tO\n3\tB\tO\n' >"$T/bad.iob2"
expect_status 1 "$TEXTGRAPH" ner $M "$T/bad.iob2" --input iob2 -o "$T/keep.iob2"
grep -q "bad.iob2:2" "$T/err" || fail "error does not name bad.iob2:2: $(cat "$T/err")"
[ "$(cat "$T/keep.iob2")" = "keep me" ] || fail "output overwritten on failure"
expect_status 1 "$TEXTGRAPH" ner $M "$T/missing.conllu" -o "$T/keep.iob2"
grep -q "missing.conllu" "$T/err" || fail "missing file not named"
printf '1\tA\n' >"$T/bad.conllu"
expect_status 1 "$TEXTGRAPH" ner $M "$T/bad.conllu" -o "$T/keep.iob2"
grep -q "bad.conllu:1" "$T/err" || fail "CoNLL-U error not located"
printf 'a\0b' >"$T/binary.txt"
expect_status 1 "$TEXTGRAPH" ner $M "$T/binary.txt" --input text -o "$T/keep.iob2"
[ "$(cat "$T/keep.iob2")" = "keep me" ] || fail "output overwritten on failure"

# Damaged or missing models: exit 1 naming the model.
head -c 1000 "$T/m.tgm" >"$T/cut.tgm"
expect_status 1 "$TEXTGRAPH" ner --model "$T/cut.tgm" "$NEWS" --input iob2
grep -q "cut.tgm" "$T/err" || fail "damaged model not named"
expect_status 1 "$TEXTGRAPH" ner --model "$T/none.tgm" "$NEWS" --input iob2
TEXTGRAPH_MODELS="$T/nowhere" expect_status 1 "$TEXTGRAPH" ner "$NEWS" --input iob2
grep -q "ner.tgm" "$T/err" || fail "missing default model not named"

# `textgraph parse --ner`: NER=... in the MISC of every word line, the same
# tags as `textgraph ner` gives the same words; any thread count, the same
# bytes; a bad NER model is exit 1 naming it, the output left untouched.
"$TEXTGRAPH" parse --help | grep -q -- "--ner"
printf 'Maria Lopez flew to Berlin on Monday.\nShe met NATO officials in Brussels.\n\nThe Kremlin said Vladimir Putin would not go.\n' >"$T/p.txt"
"$TEXTGRAPH" parse --ner-model "$T/m.tgm" "$T/p.txt" -o "$T/p.conllu"
awk -F'\t' '$1 ~ /^[0-9]+$/ && $10 !~ /(^|\|)NER=(O|[BI]-(PER|ORG|LOC))(\||$)/ {exit 1}' "$T/p.conllu" \
  || { cat "$T/p.conllu"; fail "a word line without a valid NER= in MISC"; }
grep -q "NER=B-PER" "$T/p.conllu" || fail "no person found by parse --ner"
awk -F'\t' '$1 ~ /^[0-9]+$/ {print $8}' "$T/p.conllu" | grep -qv "^_$" || fail "no dependency relations"
"$TEXTGRAPH" ner $M "$T/p.conllu" -o "$T/p.iob2"
awk -F'\t' '$1 ~ /^[0-9]+$/ {match($10, /NER=[^|]*/); print $1 "\t" $2 "\t" substr($10, RSTART + 4, RLENGTH - 4)}' \
  "$T/p.conllu" >"$T/a"
awk -F'\t' '$1 ~ /^[0-9]+$/ {print $1 "\t" $2 "\t" $3}' "$T/p.iob2" >"$T/b"
cmp "$T/a" "$T/b" || fail "parse --ner and ner disagree"
"$TEXTGRAPH" parse --ner-model "$T/m.tgm" "$T/p.txt" -j 3 | cmp - "$T/p.conllu" || fail "parse --ner -j 3 differs"
"$TEXTGRAPH" parse "$T/p.txt" | grep -q "NER=" && fail "NER= written without --ner"
mkdir "$T/md"
ln -s "$TEXTGRAPH_MODELS/tagger.tgm" "$TEXTGRAPH_MODELS/parser.tgm" "$T/md/"
expect_status 1 "$TEXTGRAPH" parse --ner --model-dir "$T/md" "$T/p.txt"
grep -q "ner.tgm" "$T/err" || fail "parse --ner: missing model not named"
cp "$T/m.tgm" "$T/md/ner.tgm"
"$TEXTGRAPH" parse --ner --model-dir "$T/md" "$T/p.txt" | cmp - "$T/p.conllu" || fail "--model-dir ner.tgm"
echo "keep me" >"$T/keep.conllu"
expect_status 1 "$TEXTGRAPH" parse --ner-model "$T/cut.tgm" "$T/p.txt" -o "$T/keep.conllu"
grep -q "cut.tgm" "$T/err" || fail "parse --ner: damaged model not named"
[ "$(cat "$T/keep.conllu")" = "keep me" ] || fail "parse --ner: output overwritten on failure"

# Training: a missing file is exit 1 naming it, no model written; the same
# command and seed give the same bytes.
expect_status 1 "$TEXTGRAPH" train ner --train "$T/none.iob2" -o "$T/n.tgm"
grep -q "none.iob2" "$T/err" || fail "missing training file not named"
[ ! -e "$T/n.tgm" ] || fail "model written after a failure"
mv "$T/m.tgm" "$T/first.tgm"
"$TEXTGRAPH" train ner --train "$FIX" --dev "$FIX" -o "$T/m.tgm" --epochs 4 --min-count 1 --quiet
cmp "$T/first.tgm" "$T/m.tgm" || fail "training is not deterministic"

# The BiLSTM scorer: bad options are usage errors; a small model trains
# deterministically and tags through `ner` and `parse --ner` alike.
expect_status 2 "$TEXTGRAPH" train ner --train "$FIX" -o "$T/x.tgm" --arch transformer
expect_status 2 "$TEXTGRAPH" train ner --train "$FIX" -o "$T/x.tgm" --arch bilstm --dropout 1.5
NB="--arch bilstm --lstm-dim 16 --word-dim 16 --batch 4 --epochs 6 --patience 6 --min-count 1"
"$TEXTGRAPH" train ner --train "$FIX" --dev "$FIX" -o "$T/nn.tgm" $NB --crf --quiet
mv "$T/nn.tgm" "$T/nn1.tgm"
"$TEXTGRAPH" train ner --train "$FIX" --dev "$FIX" -o "$T/nn.tgm" $NB --crf --quiet
cmp "$T/nn1.tgm" "$T/nn.tgm" || fail "BiLSTM training is not deterministic"
"$TEXTGRAPH" ner --model "$T/nn.tgm" "$NEWS" --input iob2 -o "$T/nn.iob2" --score 2>"$T/score"
grep -q "^all " "$T/score" || fail "no score table for the BiLSTM model"
"$TEXTGRAPH" ner --model "$T/nn.tgm" "$NEWS" --input iob2 -j 3 | cmp - "$T/nn.iob2" \
  || fail "BiLSTM -j 3 differs"
"$TEXTGRAPH" parse --ner-model "$T/nn.tgm" "$T/p.txt" -o "$T/nn.conllu"
"$TEXTGRAPH" ner --model "$T/nn.tgm" "$T/nn.conllu" -o "$T/nn-p.iob2"
awk -F'\t' '$1 ~ /^[0-9]+$/ {match($10, /NER=[^|]*/); print $1 "\t" $2 "\t" substr($10, RSTART + 4, RLENGTH - 4)}' \
  "$T/nn.conllu" >"$T/a"
awk -F'\t' '$1 ~ /^[0-9]+$/ {print $1 "\t" $2 "\t" $3}' "$T/nn-p.iob2" >"$T/b"
cmp "$T/a" "$T/b" || fail "BiLSTM: parse --ner and ner disagree"
echo "ok"
