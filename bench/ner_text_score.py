#!/usr/bin/env python3
"""Entity scores of `textgraph parse --ner` on raw text against gold IOB2.

    ner_text_score.py GOLD.iob2 SYSTEM.conllu

SYSTEM is `textgraph parse --ner --sentence-per-line` run on GOLD's "# text"
lines (one per line, in order), so sentence i of SYSTEM is line i of the
text. Tokens may differ from GOLD's (the system tokenizes the text itself),
so entities are compared as character spans of the sentence text: an entity
is correct when its first and last characters and its type match a gold
entity of the same sentence (exact span and type, as conlleval, but
independent of tokenization). Prints P/R/F1 per type and overall.
"""
import sys
from collections import Counter


def read_blocks(path):
    block = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if block:
                    yield block
                block = []
            else:
                block.append(line)
    if block:
        yield block


def char_spans(text, forms, tags):
    """Entity (begin, end, type) character spans, forms located left to right in text."""
    pos, offsets = 0, []
    for form in forms:
        at = text.find(form, pos)
        if at < 0:  # a form that is not verbatim in the text: keep the position
            offsets.append((pos, pos))
            continue
        offsets.append((at, at + len(form)))
        pos = at + len(form)
    spans, start, kind = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        continues = tag.startswith("I-") and kind == tag[2:]
        if start is not None and not continues:
            spans.add((offsets[start][0], offsets[i - 1][1], kind))
            start, kind = None, None
        if tag.startswith("B-") or (tag.startswith("I-") and not continues):
            start, kind = i, tag[2:]
    return spans


def gold_sentences(path):
    for block in read_blocks(path):
        text = next(l[len("# text = "):] for l in block if l.startswith("# text = "))
        rows = [l.split("\t") for l in block if not l.startswith("#")]
        yield text, char_spans(text, [r[1] for r in rows], [r[2] for r in rows])


def system_sentences(path):
    for block in read_blocks(path):
        forms, tags = [], []
        for l in block:
            if l.startswith("#"):
                continue
            cols = l.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue  # multiword token and empty node lines: words carry the tags
            forms.append(cols[1])
            ner = [m[4:] for m in cols[9].split("|") if m.startswith("NER=")]
            tags.append(ner[0] if ner else "O")
        yield forms, tags


def main():
    gold = list(gold_sentences(sys.argv[1]))
    system = list(system_sentences(sys.argv[2]))
    if len(gold) != len(system):
        sys.exit(f"{len(gold)} gold sentences but {len(system)} system sentences")
    g, p, c = Counter(), Counter(), Counter()
    for (text, gs), (forms, tags) in zip(gold, system):
        # The system's own "# text" is rebuilt from its tokens (spacing may
        # differ): its entities are located in the gold text instead.
        ss = char_spans(text, forms, tags)
        for b, e, t in gs:
            g[t] += 1
            g["all"] += 1
        for b, e, t in ss:
            p[t] += 1
            p["all"] += 1
        for b, e, t in gs & ss:
            c[t] += 1
            c["all"] += 1
    print(f"{'type':<6}{'gold':>7}{'pred':>7}{'ok':>7}{'P':>8}{'R':>8}{'F1':>8}")
    for t in sorted(k for k in g.keys() | p.keys() if k != "all") + ["all"]:
        prec = 100 * c[t] / p[t] if p[t] else 0.0
        rec = 100 * c[t] / g[t] if g[t] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(f"{t:<6}{g[t]:>7}{p[t]:>7}{c[t]:>7}{prec:>8.2f}{rec:>8.2f}{f1:>8.2f}")


if __name__ == "__main__":
    main()
