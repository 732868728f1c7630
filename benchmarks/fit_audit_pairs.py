"""Fit the learned pair scorer (kit.auditing.learned) on the annotated coverage and measure it by leave-one-part-out.

For each part of tests/auditing/test_audit_corpus.py's PARTS the audit is run once with the learned stage off, and
the candidate pairs it would score are recorded with their features (kit.auditing.learned.pair_features) and
labels from reuse.csv (1: both claims in one copied_prose group, as score() counts a listed pair right). Then, for
each part, a logistic regression (plain numpy, L2) is fitted on the other eight, its threshold chosen on those
eight (the lowest at which the pairs it would add there are right at least PRECISION of the time and none is an
annotated shared quotation), and the held-out part is scored with the full audit and that model. The model fitted
on all nine parts is written to kit/auditing/pair_model.json; the per-part numbers to
benchmarks/results-audit-corpus-learned-lopo.json.

    .venv/bin/python benchmarks/fit_audit_pairs.py [--write-model]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pathlib
import resource
import sys

import numpy as np

import kit.auditing.learned as learned

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "results-audit-corpus-learned-lopo.json"
#: the share of the added pairs that must be right on the parts fitted on
PRECISION = 0.9
#: the L2 penalty of the fit (on standardised features)
L2 = 1.0
KEEP = ("copies", "found", "recall", "listed", "right", "precision", "shared_quotes_as_copying", "missed")


def _corpus_tests():
    spec = importlib.util.spec_from_file_location("corpus_tests", ROOT / "tests" / "auditing" / "test_audit_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def groups_of(reuse):
    """The copied_prose group of each claim, and the kind annotated for each pair."""
    parent: dict = {}

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    copied = reuse[reuse["kind"] == "copied_prose"]
    for a, b in zip(copied["claim_id"], copied["other"], strict=True):
        parent[find(a)] = find(b)
    kind = {frozenset(p): k for *p, k in zip(reuse["claim_id"], reuse["other"], reuse["kind"], strict=True)}
    return (lambda a, b: bool(a in parent or b in parent) and find(a) == find(b)), kind


def record(case, reuse) -> dict:
    """The current audit's candidates for the learned stage, their features and labels."""
    got: dict = {}
    real = learned.pair_features

    def spy(claims, corp, found, at, later, earlier, links):
        x = real(claims, corp, found, at, later, earlier, links)
        got.update(x=x, later=claims.ids_at(later).to_numpy(str), earlier=claims.ids_at(earlier).to_numpy(str))
        return x

    learned.pair_features = spy
    off = {"features": learned.FEATURES, "mean": 0.0, "scale": 1.0, "coef": np.zeros(len(learned.FEATURES))}
    learned.load_model = lambda: {**off, "intercept": -50.0, "threshold": 1.0}
    try:
        from kit.auditing import audit

        audit(case)
    finally:
        learned.pair_features = real
    same, kind = groups_of(reuse)
    x = got.get("x", np.zeros((0, len(learned.FEATURES))))
    pairs = list(zip(got.get("later", []), got.get("earlier", []), strict=True))
    y = np.array([same(a, b) for a, b in pairs], dtype=bool)
    quote = np.array([kind.get(frozenset(p)) == "shared_quote" for p in pairs], dtype=bool)
    return {"x": x, "y": y, "quote": quote, "later": np.array([a for a, _ in pairs], dtype=object)}


def fit(x: np.ndarray, y: np.ndarray) -> dict:
    """A logistic regression with an L2 penalty, by Newton's method, on standardised features."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.column_stack([np.ones(len(x)), (x - mean) / scale])
    w = np.zeros(z.shape[1])
    pen = np.full(z.shape[1], L2)
    pen[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(z @ w)))
        grad = z.T @ (p - y) + pen * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(pen)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {"features": learned.FEATURES, "mean": mean, "scale": scale, "coef": w[1:], "intercept": float(w[0])}


def best_per_later(p, later):
    """The pairs kept by the stage: per later claim, the most probable."""
    order = np.lexsort((-p, later.astype(str)))
    first = np.concatenate([[True], later[order][1:] != later[order][:-1]]) if len(order) else np.zeros(0, bool)
    return order[first]


def threshold(model, data: list) -> float:
    """The lowest threshold at which the pairs added on ``data`` are right PRECISION of the time, none a quotation."""
    p = np.concatenate([learned.predict(model, d["x"]) for d in data])
    later = np.concatenate([np.array([f"{i}:{c}" for c in d["later"]], dtype=object) for i, d in enumerate(data)])
    y = np.concatenate([d["y"] for d in data])
    quote = np.concatenate([d["quote"] for d in data])
    top = best_per_later(p, later)
    p, y, quote = p[top], y[top], quote[top]
    order = np.argsort(-p, kind="stable")
    right = np.cumsum(y[order])
    prec = right / np.arange(1, len(order) + 1)
    quoted = np.cumsum(quote[order]) > 0
    ok = np.flatnonzero((prec >= PRECISION) & ~quoted & (right >= 1))
    if not len(ok):
        return 1.0
    k = int(ok[-1])
    return float(max(p[order][k], 0.5))


def scored(tests, names, model=None) -> dict:
    """The part scored with the full audit (model None: the learned stage off)."""
    case, reuse = tests.load_part(names)
    if model is None:
        off = {"features": learned.FEATURES, "mean": 0.0, "scale": 1.0, "coef": np.zeros(len(learned.FEATURES))}
        model = {**off, "intercept": -50.0, "threshold": 1.0}
    learned.load_model = lambda: model
    s = tests.score(case, reuse)
    return {k: s[k] for k in KEEP}


def main(argv=None) -> int:
    resource.setrlimit(resource.RLIMIT_AS, (6 * 2**30, 6 * 2**30))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-model", action="store_true", help="write kit/auditing/pair_model.json")
    args = parser.parse_args(argv)
    tests = _corpus_tests()
    parts = list(tests.PARTS)
    data = {p: record(*tests.load_part(tests.PARTS[p])) for p in parts}
    for p in parts:
        d = data[p]
        print(p, "candidates", len(d["y"]), "copied", int(d["y"].sum()), "quotes", int(d["quote"].sum()), flush=True)
    folds = {}
    for p in parts:
        rest = [data[q] for q in parts if q != p]
        model = fit(np.concatenate([d["x"] for d in rest]), np.concatenate([d["y"] for d in rest]))
        model["threshold"] = threshold(model, rest)
        folds[p] = {"threshold": model["threshold"], "current": scored(tests, tests.PARTS[p]),
                    "learned": scored(tests, tests.PARTS[p], model)}
        print(p, json.dumps({k: {m: v[m] for m in ("found", "copies", "right", "listed", "shared_quotes_as_copying")}
                             for k, v in folds[p].items() if k != "threshold"}), folds[p]["threshold"], flush=True)
    total = {}
    for which in ("current", "learned"):
        t = {k: sum(folds[p][which][k] for p in parts) for k in ("copies", "found", "listed", "right")}
        t["shared_quotes_as_copying"] = sum(folds[p][which]["shared_quotes_as_copying"] for p in parts)
        t["recall"], t["precision"] = t["found"] / t["copies"], t["right"] / t["listed"]
        total[which] = t
    final = fit(np.concatenate([data[p]["x"] for p in parts]), np.concatenate([data[p]["y"] for p in parts]))
    final["threshold"] = threshold(final, [data[p] for p in parts])
    model_json = {k: (v.tolist() if isinstance(v, np.ndarray) else list(v) if k == "features" else v)
                  for k, v in final.items()}
    result = {
        "what": "Leave-one-part-out of the learned pair scorer (kit.auditing.learned): for each of the nine parts, "
        "fitted and thresholded on the other eight, the held-out part scored with the full audit and that model "
        "('learned') and without the learned stage ('current'). 'model' is the fit on all nine parts.",
        "machine": "2-core shared machine, Python 3.11, one run",
        "precision_target": PRECISION,
        "l2": L2,
        "folds": folds,
        "total": total,
        "model": model_json,
    }
    OUT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    if args.write_model:
        learned.MODEL_PATH.write_text(json.dumps(model_json, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(total, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
