#!/bin/sh
# Hostile labels (quotes, backslashes, <, &, ]]>, newlines, tabs, CR,
# right-to-left and non-BMP text, a 10 kB label) through every format and
# back, byte for byte, via the real binary.
. "$(dirname "$0")/lib.sh"
S=$SCRATCH
expect_status 0 "$TEXTGRAPH" build "$TEXTGRAPH_TEST_DATA/graph/hostile.jsonl" -o "$S/g.json"
for f in graphml dot; do
  expect_status 0 "$TEXTGRAPH" convert "$S/g.json" "$S/g.$f"
  expect_status 0 "$TEXTGRAPH" convert "$S/g.$f" "$S/back-$f.json"
  same_file "$S/back-$f.json" "$S/g.json"
  expect_status 0 "$TEXTGRAPH" convert "$S/back-$f.json" "$S/again.$f"
  same_file "$S/again.$f" "$S/g.$f"
done
expect_status 0 "$TEXTGRAPH" convert "$S/g.json" "$S/g.jsonl"
expect_status 0 "$TEXTGRAPH" build "$S/g.jsonl" -o "$S/back-jsonl.jsonl"
same_file "$S/back-jsonl.jsonl" "$S/g.jsonl"
# The observations written out are the triples read in.
sort "$TEXTGRAPH_TEST_DATA/graph/hostile.jsonl" >"$S/in.sorted"
sort "$S/g.jsonl" >"$S/out.sorted"
same_file "$S/in.sorted" "$S/out.sorted"
# TSV keeps every label (escaped); CaRB keeps the column count.
expect_status 0 "$TEXTGRAPH" convert "$S/g.json" "$S/g.tsv"
expect_status 0 "$TEXTGRAPH" build "$S/g.tsv" -o "$S/from-tsv.json"
/usr/bin/python3 - "$S/g.json" "$S/from-tsv.json" <<'PY' || fail "TSV lost labels"
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:])
la = {n["id"]: n["label"] for n in a["nodes"]}
lb = {n["id"]: n["label"] for n in b["nodes"]}
assert la == lb, sorted(set(la.items()) ^ set(lb.items()))[:2]
PY
expect_status 0 "$TEXTGRAPH" convert "$S/g.json" "$S/g.carb"
awk -F'\t' 'NF != 5 { bad = 1 } END { exit bad }' "$S/g.carb" || fail "CaRB columns broken"
finish
