#!/bin/sh
# query exit statuses (0 found, 1 none, 2 error), formats, neighbours, paths, stats.
. "$(dirname "$0")/lib.sh"
S=$SCRATCH
expect_status 0 "$TEXTGRAPH" build "$TEXTGRAPH_EXAMPLES/peace-talks.tsv" -o "$S/g.json"

expect_status 0 "$TEXTGRAPH" query "$S/g.json" 'vladimir PUTIN -[?]-> ?' --format tsv
[ "$(cat "$S/out")" = "$(printf 'subject\trelation\tobject\tpolarity\tconfidence\tcount\tdocument\tsentence\ttext\tsubject_attributes\tobject_attributes\nVladimir Putin\tmeet with\tUnited States envoys\tpositive\t0.968\t2\t\t0\t\t\t')" ] ||
  fail "query tsv: $(cat "$S/out")"
expect_status 1 "$TEXTGRAPH" query "$S/g.json" 'Moscow -[?]-> ?'
[ -s "$S/out" ] && fail "no rows should print nothing"
expect_status 0 "$TEXTGRAPH" query "$S/g.json" '? -[speak with]-> ?' --format json
grep -c '"subject"' "$S/out" | grep -qx 2 || fail "json rows: $(cat "$S/out")"
expect_status 1 "$TEXTGRAPH" query "$S/g.json" '? -[nothing]-> ?' --format json
[ "$(cat "$S/out")" = "[]" ] || fail "empty json rows: $(cat "$S/out")"
expect_status 0 "$TEXTGRAPH" query "$S/g.json" --neighbors 'Donald Trump' --depth 1
[ "$(wc -l <"$S/out")" -eq 5 ] || fail "neighbors depth 1: $(cat "$S/out")"
expect_status 0 "$TEXTGRAPH" query "$S/g.json" --neighbors 'Donald Trump' --depth 2 --format tsv
[ "$(wc -l <"$S/out")" -eq 9 ] || fail "neighbors depth 2: $(cat "$S/out")"
expect_status 0 "$TEXTGRAPH" query "$S/g.json" --path 'Vladimir Putin' 'Volodymyr Zelensky' --format tsv
[ "$(wc -l <"$S/out")" -eq 3 ] || fail "path Putin→Zelensky: $(cat "$S/out")"
expect_status 0 "$TEXTGRAPH" query "$S/g.json" --path 'Vladimir Putin' 'Moscow' --directed
expect_status 1 "$TEXTGRAPH" query "$S/g.json" --path Moscow 'Vladimir Putin' --directed
expect_status 0 "$TEXTGRAPH" query "$S/g.json" --path Moscow 'Vladimir Putin' --format tsv
[ "$(wc -l <"$S/out")" -eq 3 ] || fail "path Moscow→Putin undirected: $(cat "$S/out")"
expect_status 1 "$TEXTGRAPH" query "$S/g.json" --path Putin Atlantis
grep -q "no node matches 'Atlantis'" "$S/err" || fail "path: no warning for unknown node"
expect_status 0 "$TEXTGRAPH" query "$S/g.json" '? -[?]-> ?' --limit 3 --format tsv
[ "$(wc -l <"$S/out")" -eq 4 ] || fail "--limit 3"
# Errors are status 2, like grep.
expect_status 2 "$TEXTGRAPH" query "$S/missing.json" '? -[?]-> ?'
expect_status 2 "$TEXTGRAPH" query "$S/g.json" 'not a pattern'
expect_status 2 "$TEXTGRAPH" query "$S/g.json" '? -[?]-> ?' --format xml
printf '{"nodes": [' >"$S/broken.json"
expect_status 2 "$TEXTGRAPH" query "$S/broken.json" '? -[?]-> ?'

expect_status 0 "$TEXTGRAPH" stats "$S/g.json"
grep -q "^nodes *15$" "$S/out" || fail "stats: $(head -3 "$S/out")"
grep -q "top entities by PageRank" "$S/out" || fail "stats: no PageRank"
expect_status 0 "$TEXTGRAPH" stats "$S/g.json" --format json --top 3
/usr/bin/python3 -c "
import json, sys
s = json.load(open('$S/out'))
assert s['nodes'] == 15 and s['edges'] == 16, s
assert len(s['top_degree']) == 3 and s['top_degree'][0]['label'] == 'Volodymyr Zelensky', s['top_degree']
assert abs(sum(r['score'] for r in s['top_pagerank'])) > 0
assert s['relation_histogram'][0]['relation'] in ('speak with', 'warn'), s['relation_histogram'][0]
" || fail "stats json"
expect_status 0 "$TEXTGRAPH" stats "$S/g.json" --format tsv
grep -q "^count	edges	16$" "$S/out" || fail "stats tsv"
finish
