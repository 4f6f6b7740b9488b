#!/bin/sh
# `textgraph parse` through the real binary: inputs, output layout, -j,
# atomic output, exit statuses and FILE:LINE messages.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
T=$TEXTGRAPH
D=$TEXTGRAPH_TEST_DATA/pipeline

"$T" parse --help > "$dir/out" || fail "--help exits $?"
grep -q '^usage: textgraph parse' "$dir/out" || fail "--help prints no usage"
"$T" --help | grep -q '^  parse ' || fail "parse not listed in textgraph --help"

# Usage errors exit 2.
for args in "" "--input xml $D/article.txt" "-j 0 $D/article.txt" "--bogus $D/article.txt" \
            "--line-breaks never $D/article.txt" "--chunk-size 0 $D/article.txt"; do
  # shellcheck disable=SC2086
  "$T" parse $args > /dev/null 2> "$dir/err"
  status=$?
  [ $status -eq 2 ] || fail "'parse $args' exits $status, expected 2"
done

# A missing file: exit 1 naming it, nothing written.
"$T" parse "$dir/missing.txt" -o "$dir/none.conllu" 2> "$dir/err"
[ $? -eq 1 ] || fail "missing file: exit status"
grep -q "^textgraph: error: $dir/missing.txt: cannot open" "$dir/err" || fail "missing file: $(cat "$dir/err")"
[ ! -e "$dir/none.conllu" ] || fail "missing file: output created"

# A bad model directory: exit 1 naming the model file.
"$T" parse --model-dir "$dir" "$D/article.txt" > /dev/null 2> "$dir/err"
[ $? -eq 1 ] || fail "bad model dir: exit status"
grep -q "$dir/tagger.tgm" "$dir/err" || fail "bad model dir: $(cat "$dir/err")"

# Text: valid CoNLL-U that eval reads; comments in place.
"$T" parse "$D/article.txt" -o "$dir/a1.conllu" 2> "$dir/err" || fail "article: exit $? $(cat "$dir/err")"
[ -s "$dir/err" ] && fail "article: unexpected stderr: $(cat "$dir/err")"
"$T" eval "$dir/a1.conllu" "$dir/a1.conllu" > "$dir/eval" || fail "eval cannot read the output"
grep -q '^LAS .*100.00' "$dir/eval" || fail "output does not score 100 against itself"
[ "$(head -1 "$dir/a1.conllu")" = "# newdoc id = $D/article.txt" ] || fail "no newdoc first: $(head -1 "$dir/a1.conllu")"
[ "$(grep -c '^# newpar' "$dir/a1.conllu")" -eq 6 ] || fail "expected 6 newpar"
[ "$(grep -c '^# sent_id = ' "$dir/a1.conllu")" -eq "$(grep -c '^# text = ' "$dir/a1.conllu")" ] || fail "sent_id count"
grep -q 'TokenRange=0:6$' "$dir/a1.conllu" || fail "first token's TokenRange"

# -j N and chunk sizes: the same bytes.
for j in 2 3; do
  for size in 1 200; do
    "$T" parse -j $j --chunk-size $size "$D/article.txt" "$D/article.txt" > "$dir/aj.conllu" || fail "-j $j: exit $?"
    "$T" parse --chunk-size $size "$D/article.txt" "$D/article.txt" > "$dir/a1j.conllu"
    cmp -s "$dir/aj.conllu" "$dir/a1j.conllu" || fail "-j $j --chunk-size $size differs from -j 1"
  done
done

# Standard input, with - as the output.
"$T" parse - -o - < "$D/article.txt" > "$dir/stdin.conllu" || fail "stdin: exit $?"
sed 1d "$dir/a1.conllu" > "$dir/a1.body"
sed 1d "$dir/stdin.conllu" > "$dir/stdin.body"
cmp -s "$dir/a1.body" "$dir/stdin.body" || fail "stdin output differs from file output"
[ "$(head -1 "$dir/stdin.conllu")" = "# newdoc id = stdin" ] || fail "stdin newdoc"

# A directory: its .txt and .jsonl files in order.
mkdir -p "$dir/corpus/sub" "$dir/corpus/.hidden"
cp "$D/article.txt" "$dir/corpus/b.txt"
cp "$D/docs.jsonl" "$dir/corpus/a.jsonl"
printf 'A short note.\n' > "$dir/corpus/sub/c.txt"
printf 'Skipped.\n' > "$dir/corpus/.hidden/d.txt"
printf 'Skipped.\n' > "$dir/corpus/e.md"
"$T" parse "$dir/corpus" > "$dir/dir.conllu" || fail "directory: exit $?"
grep '^# newdoc' "$dir/dir.conllu" > "$dir/docs"
printf '%s\n' "# newdoc id = brief-1" "# newdoc id = 42" "# newdoc id = $dir/corpus/a.jsonl:4" \
  "# newdoc id = $dir/corpus/b.txt" "# newdoc id = $dir/corpus/sub/c.txt" > "$dir/docs.expected"
cmp -s "$dir/docs" "$dir/docs.expected" || fail "directory documents: $(cat "$dir/docs")"

# Atomic output: a failure leaves an existing file as it was.
printf 'keep me\n' > "$dir/kept.conllu"
printf '{"id": "ok", "text": "Fine."}\n{"id": "bad", "text": }\n' > "$dir/bad.jsonl"
"$T" parse "$dir/bad.jsonl" -o "$dir/kept.conllu" 2> "$dir/err"
[ $? -eq 1 ] || fail "malformed JSONL: exit status"
grep -q "^textgraph: error: $dir/bad.jsonl:2:[0-9]*: invalid JSON" "$dir/err" || fail "malformed JSONL: $(cat "$dir/err")"
[ "$(cat "$dir/kept.conllu")" = "keep me" ] || fail "existing output changed on failure"
[ "$(ls -A "$dir" | grep -c '\.tmp\.')" -eq 0 ] || fail "temporary file left behind"

# CoNLL-U in: tokens kept, every predicted column replaced.
"$T" parse --input conllu "$D/wrong_annotation.conllu" > "$dir/gold.conllu" || fail "conllu: exit $?"
grep -q 'zzz\|INTJ\|NER=\|2:dep' "$dir/gold.conllu" && fail "conllu: input annotation leaked"
"$T" eval "$D/wrong_annotation.conllu" "$dir/gold.conllu" > "$dir/eval" || fail "conllu: eval"
grep -q '^Words .*100.00 |    100.00 |    100.00' "$dir/eval" || fail "conllu: tokens changed"
"$T" parse --keep-given --input conllu "$D/wrong_annotation.conllu" | grep -q 'zzz' || fail "--keep-given lost the given tags"

# Sentence per line: one sentence per non-blank line, PTB tokens kept.
"$T" parse --sentence-per-line "$D/lines.txt" > "$dir/lines.conllu" || fail "lines: exit $?"
[ "$(grep -c '^# text = ' "$dir/lines.conllu")" -eq 4 ] || fail "lines: expected 4 sentences"
grep -q "^3	's	" "$dir/lines.conllu" || fail "lines: 's is not a token"

# Re-tagging: --no-retag keeps the tagger's tags; the trees are the same
# either way (the parser reads the tagger's tags in both).
F="$TEXTGRAPH_TEST_DATA/tagger/news_fixture.conllu"
"$T" parse --input conllu "$F" > "$dir/retag.conllu" || fail "retag: exit $?"
"$T" parse --input conllu --no-retag "$F" > "$dir/noretag.conllu" || fail "--no-retag: exit $?"
for f in retag noretag; do
  cut -f 1,2,7,8 "$dir/$f.conllu" > "$dir/$f.trees"
  cut -f 4,5 "$dir/$f.conllu" > "$dir/$f.tags"
done
cmp -s "$dir/retag.trees" "$dir/noretag.trees" || fail "re-tagging changed a tree"
cmp -s "$dir/retag.tags" "$dir/noretag.tags" && fail "re-tagging changed no tag on the fixture"

if [ $failures -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "all passed"
