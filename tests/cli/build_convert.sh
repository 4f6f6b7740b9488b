#!/bin/sh
# build → every format → convert back: JSON → GraphML → JSON and JSON → DOT →
# JSON are byte-identical; outputs are deterministic; render writes images.
. "$(dirname "$0")/lib.sh"
S=$SCRATCH
EX=$TEXTGRAPH_EXAMPLES

expect_status 0 "$TEXTGRAPH" build "$EX/peace-talks.tsv" "$EX/peace-talks.jsonl" -o "$S/g.json"
for f in graphml gexf dot tsv jsonl carb; do
  expect_status 0 "$TEXTGRAPH" convert "$S/g.json" "$S/g.$f"
  [ -s "$S/g.$f" ] || fail "empty $f export"
done
# Same input, same bytes (here: built a second time, and through stdout).
expect_status 0 "$TEXTGRAPH" build "$EX/peace-talks.tsv" "$EX/peace-talks.jsonl" -o - --format json
same_file "$S/out" "$S/g.json"

expect_status 0 "$TEXTGRAPH" convert "$S/g.graphml" "$S/from-graphml.json"
same_file "$S/from-graphml.json" "$S/g.json"
expect_status 0 "$TEXTGRAPH" convert "$S/g.dot" "$S/from-dot.json"
same_file "$S/from-dot.json" "$S/g.json"
expect_status 0 "$TEXTGRAPH" convert "$S/g.json" "$S/again.graphml"
same_file "$S/again.graphml" "$S/g.graphml"
# --from/--format override extensions.
cp "$S/g.dot" "$S/g.txt"
expect_status 0 "$TEXTGRAPH" convert "$S/g.txt" "$S/dot.out" --from dot --format json
same_file "$S/dot.out" "$S/g.json"
# JSONL export rebuilds the same graph.
expect_status 0 "$TEXTGRAPH" build "$S/g.jsonl" -o "$S/from-jsonl.json"
expect_status 0 "$TEXTGRAPH" convert "$S/from-jsonl.json" "$S/from-jsonl.jsonl"
same_file "$S/from-jsonl.jsonl" "$S/g.jsonl"
# CaRB lines: sentence, confidence, relation, arg1, arg2 [, more].
awk -F'\t' 'NF < 5 { bad = 1 } END { exit bad }' "$S/g.carb" || fail "CaRB line with < 5 columns"

# Rendering with gvc: dot for small graphs, sfdp on request, PNG by extension.
expect_status 0 "$TEXTGRAPH" render "$S/g.json" -o "$S/g.svg"
grep -q "<svg" "$S/g.svg" || fail "render: no SVG"
grep -q "Vladimir Putin" "$S/g.svg" || fail "render: label missing"
expect_status 0 "$TEXTGRAPH" render "$S/g.graphml" -o "$S/g.png" --layout sfdp
[ "$(head -c 4 "$S/g.png" | tail -c 3)" = "PNG" ] || fail "render: not a PNG"
expect_status 0 "$TEXTGRAPH" render "$S/g.json" -o "$S/auto.svg" --dot-limit 3
grep -q "<svg" "$S/auto.svg" || fail "render with sfdp (auto): no SVG"
expect_status 2 "$TEXTGRAPH" render "$S/g.json" -o "$S/g.svg" --layout nosuchengine
expect_status 2 "$TEXTGRAPH" render "$S/g.json" -o "$S/g.nosuchformat"
[ -e "$S/g.nosuchformat" ] && fail "failed render left a file"

# Every command answers --help with status 0.
for c in build convert render query stats; do
  expect_status 0 "$TEXTGRAPH" "$c" --help
done
finish
