#!/bin/sh
# Real clients read what textgraph writes: Graphviz dot renders our DOT, and
# Debian's networkx and igraph (for /usr/bin/python3, which is not always the
# first python3 on PATH) read our JSON, GraphML and GEXF with identical nodes,
# edges and labels. Run on the example and on the hostile labels.
. "$(dirname "$0")/lib.sh"
S=$SCRATCH
PY=/usr/bin/python3
$PY -c "import networkx, igraph" || { fail "$PY lacks networkx or igraph (see .ci/install-deps)"; finish; }
command -v dot >/dev/null || { fail "Graphviz dot is not installed"; finish; }

for input in "$TEXTGRAPH_EXAMPLES/peace-talks.jsonl" "$TEXTGRAPH_TEST_DATA/graph/hostile.jsonl"; do
  name=$(basename "$input" .jsonl)
  mkdir -p "$S/$name"
  expect_status 0 "$TEXTGRAPH" build "$input" "$TEXTGRAPH_EXAMPLES/peace-talks.tsv" -o "$S/$name/g.json"
  for f in graphml gexf dot; do
    expect_status 0 "$TEXTGRAPH" convert "$S/$name/g.json" "$S/$name/g.$f"
  done
  dot -Tsvg "$S/$name/g.dot" -o "$S/$name/g.svg" 2>"$S/dot.err" || fail "dot -Tsvg $name: $(cat "$S/dot.err")"
  grep -q "<svg" "$S/$name/g.svg" || fail "dot produced no SVG for $name"
  $PY "$(dirname "$0")/check_clients.py" "$S/$name" || fail "clients disagree on $name"
done
# dot draws every relation, parallel ones included, as its own edge.
links=$(grep -c '^{"source":' "$S/peace-talks/g.json")
[ "$(grep -c 'class="edge"' "$S/peace-talks/g.svg")" -eq "$links" ] ||
  fail "dot -Tsvg drew $(grep -c 'class="edge"' "$S/peace-talks/g.svg") edges, want $links"
finish
