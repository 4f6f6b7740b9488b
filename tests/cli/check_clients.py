"""Reads one graph, written by textgraph in every format, with real clients.

usage: /usr/bin/python3 check_clients.py DIR
DIR holds g.json, g.graphml and g.gexf of the same graph. The expected nodes
and edges come from g.json read with Python's own json module; networkx
(node_link_graph, read_graphml, read_gexf) and python-igraph (Read_GraphML)
must each find exactly those ids, labels, relations and polarities, and the
node attributes title, affiliation and role (absent when a node has none).
Exits 1 with the first difference.
"""
import json
import sys
import xml.etree.ElementTree as ET

import igraph
import networkx as nx
from networkx.readwrite import json_graph
from networkx.readwrite.gexf import GEXF

d = sys.argv[1]
failures = []


ATTRIBUTES = ("title", "affiliation", "role")


def attributes(client, nodes):
    """nodes: id -> {attribute: value}; compared with the JSON's."""
    got = {n: tuple(a.get(k) or "" for k in ATTRIBUTES) for n, a in nodes.items()}
    if got != expected_attributes:
        diff = sorted(set(expected_attributes.items()) ^ set(got.items()))
        failures.append(f"{client}: node attributes differ, e.g. {diff[:2]!r}")
    else:
        print(f"ok: {client}: attributes of {sum(any(v) for v in got.values())} nodes")


def check(client, nodes, edges):
    before = len(failures)
    if nodes != expected_nodes:
        missing = set(expected_nodes.items()) ^ set(nodes.items())
        failures.append(f"{client}: nodes differ, e.g. {sorted(missing)[:2]!r}")
    if edges != expected_edges:
        diff = sorted(set(expected_edges) ^ set(edges))
        failures.append(f"{client}: edges differ ({len(edges)} vs {len(expected_edges)}), "
                        f"e.g. {diff[:2]!r}")
    print(f"ok: {client}: {len(nodes)} nodes, {len(edges)} edges" if len(failures) == before
          else f"FAILED: {client}")


with open(f"{d}/g.json", encoding="utf-8") as f:
    data = json.load(f)
expected_nodes = {n["id"]: n["label"] for n in data["nodes"]}
expected_attributes = {n["id"]: tuple(n.get(k, "") for k in ATTRIBUTES) for n in data["nodes"]}
expected_edges = sorted((l["source"], l["target"], l["label"], l["relation"], l["polarity"],
                         l["confidence"], l["count"]) for l in data["links"])
assert expected_nodes, "the test graph is empty"

# JSON node-link: networkx 2.8 reads the "links" key by default.
G = json_graph.node_link_graph(data)
assert isinstance(G, nx.MultiDiGraph), type(G)
attributes("networkx node_link_graph", dict(G.nodes(data=True)))
check("networkx node_link_graph",
      {n: a["label"] for n, a in G.nodes(data=True)},
      sorted((u, v, a["label"], a["relation"], a["polarity"], a["confidence"], a["count"])
             for u, v, a in G.edges(data=True)))

# GraphML with networkx.
G = nx.read_graphml(f"{d}/g.graphml")
assert G.is_directed()
attributes("networkx read_graphml", dict(G.nodes(data=True)))
check("networkx read_graphml",
      {n: a["label"] for n, a in G.nodes(data=True)},
      sorted((u, v, a["label"], a["relation"], a["polarity"], a["confidence"], a["count"])
             for u, v, a in G.edges(data=True)))

# GraphML with igraph. igraph 0.10 reads XML attribute values through
# libxml2's SAX2 interface without entity substitution and so receives a '&'
# in an attribute as "&#38;": node ids (XML attributes) holding '&' come back
# that way, while labels (element content) are exact. Only that one known
# rewrite is accepted, and only in ids.
def igraph_id(raw):
    plain = raw.replace("&#38;", "&")
    return plain if plain in expected_nodes and plain.replace("&", "&#38;") == raw else raw


g = igraph.Graph.Read_GraphML(f"{d}/g.graphml")
assert g.is_directed()
attributes("igraph Read_GraphML", {igraph_id(v["id"]): v.attributes() for v in g.vs})
check("igraph Read_GraphML",
      {igraph_id(v["id"]): v["label"] for v in g.vs},
      sorted((igraph_id(g.vs[e.source]["id"]), igraph_id(g.vs[e.target]["id"]), e["label"],
              e["relation"], e["polarity"], e["confidence"], e["count"]) for e in g.es))

# GEXF 1.3 with networkx. networkx before 3.6 knows GEXF only up to 1.2draft;
# registering the 1.3 namespaces is all that later versions added.
GEXF.versions.setdefault("1.3", {
    "NS_GEXF": "http://gexf.net/1.3",
    "NS_VIZ": "http://gexf.net/1.3/viz",
    "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
    "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
    "VERSION": "1.3",
})
G = nx.read_gexf(f"{d}/g.gexf", version="1.3")
assert G.is_directed()
attributes("networkx read_gexf", dict(G.nodes(data=True)))
check("networkx read_gexf",
      {n: a["label"] for n, a in G.nodes(data=True)},
      sorted((u, v, a["label"], a["relation"], a["polarity"], a["confidence"], a["count"])
             for u, v, a in G.edges(data=True)))
# Gephi keeps parallel relations apart by edge kind; networkx does not read
# it, so check it straight from the XML.
ns = {"g": "http://gexf.net/1.3"}
for e in ET.parse(f"{d}/g.gexf").getroot().iterfind(".//g:edge", ns):
    rel = next(a.get("value") for a in e.iterfind(".//g:attvalue", ns)
               if a.get("for") == "relation")
    pol = next(a.get("value") for a in e.iterfind(".//g:attvalue", ns)
               if a.get("for") == "polarity")
    want = rel + (" (negated)" if pol == "negative" else "")
    if e.get("kind") != want:
        failures.append(f"gexf: edge kind {e.get('kind')!r}, expected {want!r}")
        break

if failures:
    print("\n".join(failures))
    sys.exit(1)
