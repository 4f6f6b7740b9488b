#!/bin/sh
# Issue 6: a person's title and affiliation and a group's role are node
# attributes end to end. A news text written for this test goes through the
# whole pipeline (`textgraph build`); Debian's networkx (for /usr/bin/python3)
# reads them from the GraphML, and GEXF, DOT (also converted back to JSON),
# query and stats show them.
. "$(dirname "$0")/lib.sh"
S=$SCRATCH
PY=/usr/bin/python3
$PY -c "import networkx" || { fail "$PY lacks networkx (see .ci/install-deps)"; finish; }

cat >"$S/news.txt" <<'TEXT'
Russian President Vladimir Putin met Chinese envoys in Moscow on Tuesday. Putin praised the talks.
Iranian leaders warned Israel on Wednesday. Vladimir Putin thanked the envoys.
TEXT

expect_status 0 "$TEXTGRAPH" build "$S/news.txt" -o "$S/g.graphml" -o "$S/g.json" -o "$S/g.gexf" -o "$S/g.dot"
$PY - "$S/g.graphml" <<'PY' || fail "networkx read_graphml: node attributes"
import sys
import networkx as nx
G = nx.read_graphml(sys.argv[1])
putin = G.nodes["vladimir putin"]
assert putin["label"] == "Vladimir Putin" and putin["type"] == "PERSON", putin
assert putin["title"] == "Russian President", putin
assert putin["affiliation"] == "Russia", putin
assert "role" not in putin, putin
# Every phrase that named him is an alias with its count.
import json
aliases = dict(json.loads(putin["aliases"]))
assert aliases.get("Russian President Vladimir Putin") == 1 and aliases.get("Putin") == 1, aliases
assert json.loads(putin["titles"]) == [["Russian President", 1]], putin["titles"]
iran = G.nodes["iran"]
assert iran["role"] == "leaders", iran
assert "title" not in iran, iran
assert "putin" not in G and "iranian leaders" not in G, list(G)
print("ok: networkx reads title, affiliation and role")
PY
grep -q '<attvalue for="title" value="Russian President"/>' "$S/g.gexf" || fail "gexf: no title"
grep -q '<attvalue for="role" value="leaders"/>' "$S/g.gexf" || fail "gexf: no role"
grep -q 'affiliation=Russia' "$S/g.dot" || fail "dot: no affiliation: $(grep -i putin "$S/g.dot" | head -3)"
grep -q 'tooltip="Vladimir Putin\\ntitle: Russian President\\naffiliation: Russia"' "$S/g.dot" ||
  fail "dot: no tooltip"
# DOT → JSON keeps them, as GraphML → JSON does.
expect_status 0 "$TEXTGRAPH" convert "$S/g.dot" "$S/from-dot.json"
same_file "$S/g.json" "$S/from-dot.json"
expect_status 0 "$TEXTGRAPH" convert "$S/g.graphml" "$S/from-graphml.json"
same_file "$S/g.json" "$S/from-graphml.json"

expect_status 0 "$TEXTGRAPH" query "$S/g.json" 'Putin -[?]-> ?' --format tsv
grep -q "	title=Russian President; affiliation=Russia	" "$S/out" || fail "query tsv: $(cat "$S/out")"
expect_status 0 "$TEXTGRAPH" query "$S/g.json" 'Iran -[?]-> ?' --format json
grep -q '"subject_attributes":{"role":"leaders"}' "$S/out" || fail "query json: $(cat "$S/out")"
expect_status 0 "$TEXTGRAPH" stats "$S/g.json"
grep -q "Vladimir Putin  \[title=Russian President; affiliation=Russia\]" "$S/out" ||
  fail "stats: $(cat "$S/out")"
finish
