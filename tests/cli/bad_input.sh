#!/bin/sh
# Bad input through the real binary: exit status 1 (2 for usage), message
# "textgraph: error: FILE:LINE[:COL]: what", no output created, an existing
# output left untouched.
. "$(dirname "$0")/lib.sh"
S=$SCRATCH
cd "$S" || exit 1

# expect_bad INPUT LOCATION [convert|build]: LOCATION is the expected
# "FILE:LINE[:COL]" prefix.
expect_bad() {
  input=$1
  where=$2
  cmd=${3:-build}
  rm -f out.json
  if [ "$cmd" = build ]; then
    expect_status 1 "$TEXTGRAPH" build "$input" -o out.json
  else
    expect_status 1 "$TEXTGRAPH" convert "$input" out.json
  fi
  line=$(cat "$SCRATCH/err")
  case "$line" in
    "textgraph: error: $where: "?*) ;;
    *) fail "$input: message '$line' does not start with 'textgraph: error: $where: '" ;;
  esac
  [ "$(wc -l <"$SCRATCH/err")" -eq 1 ] || fail "$input: more than one line on stderr"
  [ -e out.json ] && fail "$input: an output file was created"
  # An existing output must survive the failed run byte for byte.
  printf 'precious\n' >out.json
  if [ "$cmd" = build ]; then
    "$TEXTGRAPH" build "$input" -o out.json 2>/dev/null
  else
    "$TEXTGRAPH" convert "$input" out.json 2>/dev/null
  fi
  [ "$(cat out.json)" = precious ] || fail "$input: existing output was changed"
  rm -f out.json
  ls -a | grep -q '\.tmp\.' && fail "$input: temporary file left behind"
}

# TSV triples
printf 'A\tmeets\tB\nA\tonly two\n' >two.tsv;            expect_bad two.tsv two.tsv:2
printf 'A\tmeets\tB\t1.5\n' >conf.tsv;                   expect_bad conf.tsv conf.tsv:1:11
printf 'A\tmeets\tB\tabc\n' >nan.tsv;                    expect_bad nan.tsv nan.tsv:1:11
printf 'A\\x\tmeets\tB\n' >esc.tsv;                      expect_bad esc.tsv esc.tsv:1:2
printf 'A\tmeets\tB\nC\tm\351ets\tD\n' >latin1.tsv;      expect_bad latin1.tsv latin1.tsv:2:4
: >empty.tsv;                                            expect_bad empty.tsv empty.tsv:1
printf '\n\n# nothing\n' >blank.tsv;                     expect_bad blank.tsv blank.tsv:1
head -c 3000 /dev/urandom >binary.tsv; printf '\0' >>binary.tsv
"$TEXTGRAPH" build binary.tsv -o out.json 2>err.txt; [ $? -eq 1 ] || fail "binary.tsv accepted"
grep -q "^textgraph: error: binary.tsv:[0-9]*:[0-9]*: " err.txt || fail "binary.tsv: $(cat err.txt)"
[ -e out.json ] && fail "binary.tsv: output created"
expect_bad missing.tsv missing.tsv
# Any other name is a document (text): a missing one is bad input, not usage.
expect_bad notes.txt notes.txt
# JSONL triples
printf '{"subject":{"text":"A"},"relation":{"text":"r"},"object":{"text":"B"}}\n{"subject":\n' >cut.jsonl
expect_bad cut.jsonl cut.jsonl:2:12
printf '{"subject":{"text":"A"},"relation":{"text":"r"},"object":{"text":"B"},"confidnce":1}\n' >typo.jsonl
expect_bad typo.jsonl typo.jsonl:1:71
# Graph files
printf '{"nodes":[{"id":"a"}],\n "links":[{"source":"a","target":"b","label":"r"}]}\n' >dangling.json
expect_bad dangling.json dangling.json:2:11 convert
printf '{"nodes":[{"id":"a"} {"id":"b"}]}' >syntax.json;  expect_bad syntax.json syntax.json:1:22 convert
: >empty.json;                                            expect_bad empty.json empty.json:1:1 convert
printf '\0\0\0' >binary.json;                             expect_bad binary.json binary.json:1:1 convert
printf '<graphml>\n<graph>\n<node id="a"></graph>\n</graphml>\n' >tags.graphml
expect_bad tags.graphml tags.graphml:3:14 convert
printf '<graphml>\n<graph>\n<node id="a"><data key="x">1</data></node>\n</graph></graphml>\n' >key.graphml
expect_bad key.graphml key.graphml:3:14 convert
printf '<graphml><graph><node id="\377"/></graph></graphml>' >utf8.graphml
expect_bad utf8.graphml utf8.graphml:1:27 convert
printf 'digraph {\n  a -> b [label=r];\n  c -> ;\n}\n' >syntax.dot
expect_bad syntax.dot syntax.dot:3 convert
: >empty.dot;                                             expect_bad empty.dot empty.dot:1 convert
expect_bad missing.graphml missing.graphml convert

# Usage errors: status 2, nothing written.
expect_status 2 "$TEXTGRAPH" build two.tsv
expect_status 2 "$TEXTGRAPH" build -o out.json
expect_status 2 "$TEXTGRAPH" build two.tsv -o out.unknown
expect_status 2 "$TEXTGRAPH" build two.tsv -o out.json --format nosuch
expect_status 2 "$TEXTGRAPH" build two.tsv -o out.json --bogus
expect_status 2 "$TEXTGRAPH" convert a.json
expect_status 2 "$TEXTGRAPH" convert a.gexf b.json
expect_status 2 "$TEXTGRAPH" nosuchcommand
[ -e out.json ] && fail "usage error wrote output"
[ -e out.unknown ] && fail "usage error wrote output"
finish
