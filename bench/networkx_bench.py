"""The graph benchmark's job done with networkx, for scale.

usage: /usr/bin/python3 networkx_bench.py DIR [RUNS]

Reads DIR/triples.tsv (written by graph_bench), builds a MultiDiGraph that
merges triples the way textgraph does (node key = ASCII-lowercased text with
whitespace collapsed; edge key = subject, relation, object; count and
noisy-or confidence; the observations kept as compact JSON, as textgraph
does), writes GraphML, GEXF and node-link JSON, and loads the JSON back.
Prints the median wall and CPU seconds of RUNS runs (default 1) per step and
the peak resident memory.
"""
import json
import re
import resource
import statistics
import sys
import time

import networkx as nx
from networkx.readwrite import json_graph

DIR = sys.argv[1]
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 1
SPACE = re.compile(r"[ \t\n\r\f\v\u00a0]+")


def key(text):
    return SPACE.sub(" ", text).strip().translate(ASCII_LOWER)


ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def build():
    g = nx.MultiDiGraph()
    nodes = g.nodes
    with open(f"{DIR}/triples.tsv", encoding="utf-8") as f:
        for line in f:
            s, r, o, c = line.rstrip("\n").split("\t")
            c = float(c)
            ks, ko, kr = key(s), key(o), key(r)
            for k, text in ((ks, s), (ko, o)):
                if k in nodes:
                    a = nodes[k]
                    a["mentions"] += 1
                    a["aliases"][text] = a["aliases"].get(text, 0) + 1
                else:
                    g.add_node(k, label=text, mentions=1, aliases={text: 1})
            if g.has_edge(ks, ko, kr):
                e = g.edges[ks, ko, kr]
                e["count"] += 1
                e["keep"] *= 1 - c
                e["obs"].append(c)
            else:
                g.add_edge(ks, ko, key=kr, relation=kr, label=r, count=1, keep=1 - c, obs=[c])
    return g


def flatten(g):
    # GraphML and GEXF take scalar attributes only: lists become JSON text.
    for _, a in g.nodes(data=True):
        a["aliases"] = json.dumps(sorted(a["aliases"].items()))
    for _, _, a in g.edges(data=True):
        a["confidence"] = 1 - a.pop("keep")
        a["weight"] = a["count"]
        a["provenance"] = json.dumps([{"confidence": c} for c in a.pop("obs")])


def timed(step, f):
    wall, cpu = [], []
    result = None
    for _ in range(RUNS):
        w0, c0 = time.perf_counter(), time.process_time()
        result = f()
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{step:14s} wall {statistics.median(wall):8.2f} s | cpu {statistics.median(cpu):8.2f} s"
          f" | peak {peak} MB", flush=True)
    return result


print(f"networkx {nx.__version__}, {RUNS} run(s), medians", flush=True)
g = timed("build", build)
print(f"  {g.number_of_nodes()} nodes, {g.number_of_edges()} edges", flush=True)
flatten(g)
timed("export graphml", lambda: nx.write_graphml(g, f"{DIR}/nx.graphml"))
timed("export gexf", lambda: nx.write_gexf(g, f"{DIR}/nx.gexf"))


def write_json():
    with open(f"{DIR}/nx.json", "w", encoding="utf-8") as f:
        json.dump(json_graph.node_link_data(g), f)


timed("export json", write_json)
del g


def load_json():
    with open(f"{DIR}/nx.json", encoding="utf-8") as f:
        return json_graph.node_link_graph(json.load(f))


h = timed("load json", load_json)
print(f"  {h.number_of_edges()} edges loaded", flush=True)
