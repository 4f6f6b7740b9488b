#!/usr/bin/env python3
"""Refit the extractor's confidence weights on a development set (dev aid).

usage: fit_confidence.py --scorer CARB_SCORE.py --gold GOLD.tsv FEATURES.tsv
                         [--folds 5] [--l2 0.01]

FEATURES.tsv comes from bench/extract_features (CaRB lines with the feature
vector after a "#" column). Each extraction is labelled with the best CaRB
precision it reaches against the gold tuples of its sentence; a logistic
model over the features is fitted to those soft labels (gradient descent,
L2). The script prints the CaRB AUC and best F1 of the current confidences,
of the refit weights under k-fold cross-validation (fit on k-1 folds of
sentences, score the held-out fold), and of the weights fitted on all of
the data, then those weights in the layout of kWeights in
lib/extract/confidence.cpp. Python 3 standard library only.
"""
import argparse
import importlib.util
import math
import random


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("carb_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_lines(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            continue
        main, feats = line.rsplit("\t#", 1)
        fields = main.split("\t")
        rows.append({"sentence": fields[0], "confidence": float(fields[1]),
                     "relation": fields[2], "arguments": fields[3:],
                     "x": [float(v) for v in feats.split()]})
    return rows


def sigmoid(z):
    if z < -30:
        return 0.0
    if z > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


def fit(rows, dims, l2, steps=3000, rate=0.5):
    w = [0.0] * dims
    n = float(len(rows))
    for _ in range(steps):
        grad = [0.0] * dims
        for r in rows:
            p = sigmoid(sum(wi * xi for wi, xi in zip(w, r["x"])))
            d = p - r["y"]
            for i, xi in enumerate(r["x"]):
                if xi:
                    grad[i] += d * xi
        for i in range(dims):
            w[i] -= rate * (grad[i] / n + l2 * w[i] * (i > 0))
    return w


def score(scorer, gold, rows, confidences):
    predicted = {}
    for r, c in zip(rows, confidences):
        ex = scorer.Extraction(r["relation"], r["arguments"], c, r["sentence"])
        predicted.setdefault(r["sentence"], []).append(ex)
    keyed = scorer._keyed(predicted)
    result = scorer.evaluate(gold, keyed)
    return result["auc"], result["best_f1"]


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scorer", required=True)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("features")
    args = ap.parse_args()

    scorer = load_scorer(args.scorer)
    gold = scorer.read_gold(args.gold)
    rows = read_lines(args.features)
    dims = len(rows[0]["x"])
    for r in rows:
        golds = gold.get(scorer.sentence_key(r["sentence"]), [])
        pred = scorer.Extraction(r["relation"], r["arguments"], 1.0, r["sentence"])
        r["y"] = max([scorer.tuple_score(g, pred)[0] for g in golds] or [0.0])

    auc, f1 = score(scorer, gold, rows, [r["confidence"] for r in rows])
    print("current weights:   AUC %.4f  best F1 %.4f" % (auc, f1))

    sentences = sorted(set(r["sentence"] for r in rows))
    random.Random(7).shuffle(sentences)
    fold_of = {s: i % args.folds for i, s in enumerate(sentences)}
    held_conf = [0.0] * len(rows)
    for k in range(args.folds):
        train = [r for r in rows if fold_of[r["sentence"]] != k]
        w = fit(train, dims, args.l2)
        for i, r in enumerate(rows):
            if fold_of[r["sentence"]] == k:
                held_conf[i] = sigmoid(sum(wi * xi for wi, xi in zip(w, r["x"])))
    auc, f1 = score(scorer, gold, rows, held_conf)
    print("refit, %d-fold CV:  AUC %.4f  best F1 %.4f" % (args.folds, auc, f1))

    w = fit(rows, dims, args.l2)
    auc, f1 = score(scorer, gold, rows,
                    [sigmoid(sum(wi * xi for wi, xi in zip(w, r["x"]))) for r in rows])
    print("refit, all data:   AUC %.4f  best F1 %.4f" % (auc, f1))
    print("weights: {" + ", ".join("%.3f" % v for v in w) + "}")


if __name__ == "__main__":
    main()
