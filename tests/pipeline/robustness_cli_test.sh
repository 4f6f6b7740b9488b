#!/bin/sh
# `textgraph parse` on degenerate and hostile inputs (issue 4 item 5): each
# gives valid CoNLL-U and exit 0, a counted repair, or a clear error naming
# FILE:LINE with exit 1; never a crash.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
T=$TEXTGRAPH

# ok NAME: parse $dir/NAME.txt, expect exit 0 and output that eval reads
# (an empty output is fine for empty input).
ok() {
  "$T" parse -j 2 "$dir/$1.txt" -o "$dir/$1.conllu" 2> "$dir/$1.err"
  status=$?
  [ $status -eq 0 ] || { fail "$1: exit $status: $(cat "$dir/$1.err")"; return; }
  if [ -s "$dir/$1.conllu" ]; then
    "$T" eval "$dir/$1.conllu" "$dir/$1.conllu" > /dev/null 2>&1 || fail "$1: output is not valid CoNLL-U"
  fi
}

# 5,000 tokens without punctuation: cut into sentences of at most 1,000.
i=0; : > "$dir/long.txt"
while [ $i -lt 500 ]; do printf 'the envoys said that talks will go on in Riyadh ' >> "$dir/long.txt"; i=$((i + 1)); done
ok long
[ "$(grep -c '^# text' "$dir/long.conllu")" -eq 5 ] || fail "long: expected 5 sentences"
[ "$(grep -cE '^[0-9]+	' "$dir/long.conllu")" -eq 5000 ] || fail "long: expected 5000 words"

printf '!!! ??? ... ,,, ;; -- (( )) "" %s ?!\n' "''" > "$dir/punct.txt"; ok punct
printf '\360\237\231\202\360\237\231\202 talks \360\237\230\200 \360\237\221\215\360\237\217\275 \360\237\207\272\360\237\207\246\n' > "$dir/emoji.txt"; ok emoji
printf 'RUSSIA AND UKRAINE AGREE TO NEW TALKS IN RIYADH\n' > "$dir/caps.txt"; ok caps
printf 'Hello' > "$dir/single.txt"; ok single
[ "$(grep -cE '^[0-9]+	' "$dir/single.conllu")" -eq 1 ] || fail "single: expected one word"

: > "$dir/empty.txt"; ok empty
[ -s "$dir/empty.conllu" ] && fail "empty: output not empty"
grep -q 'warning: no sentences' "$dir/empty.err" || fail "empty: no warning"
printf '  \n\n\t \n' > "$dir/blank.txt"; ok blank

# Invalid UTF-8: repaired, counted in a warning, the output is valid UTF-8.
printf 'Caf\351 \377\376 talks resumed.\n' > "$dir/latin1.txt"; ok latin1
grep -q "warning: $dir/latin1.txt: 3 invalid UTF-8" "$dir/latin1.err" || fail "latin1: $(cat "$dir/latin1.err")"
grep -q 'TokenRange=0:4' "$dir/latin1.conllu" || fail "latin1: offsets not in original bytes"

# Binary junk with NUL bytes: refused naming the line; no output file.
printf 'first line\nsecond line\n\000\001\002\377 junk\n' > "$dir/binary.txt"
"$T" parse "$dir/binary.txt" -o "$dir/binary.conllu" 2> "$dir/binary.err"
[ $? -eq 1 ] || fail "binary: exit status"
grep -q "^textgraph: error: $dir/binary.txt:3: binary data" "$dir/binary.err" || fail "binary: $(cat "$dir/binary.err")"
[ -e "$dir/binary.conllu" ] && fail "binary: output written"

# Binary junk without NUL (every byte 1..255, many times): a counted repair.
i=0; : > "$dir/junk.txt"
while [ $i -lt 20 ]; do
  printf '\001\002\003\004\005\006\007\010\011\012\013\014\015\016\017\020\021\022\023\024\025\026\027\030\031\032\033\034\035\036\037' >> "$dir/junk.txt"
  printf '\200\201\202\203\204\205\206\207\210\211\212\213\214\215\216\217\220\221\222\223\224\225\226\227\230\231\232\233\234\235\236\237' >> "$dir/junk.txt"
  printf '\300\301\302\303\304\305\306\307\310\311\312\313\314\315\316\317\340\341\342\343\360\361\362\363\364\365\366\367\370\371\372\373\374\375\376\377' >> "$dir/junk.txt"
  printf 'abc !?., 123 ' >> "$dir/junk.txt"
  i=$((i + 1))
done
ok junk
grep -q "warning: $dir/junk.txt: [0-9]* invalid UTF-8" "$dir/junk.err" || fail "junk: no repair warning"

if [ $failures -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "all passed"
