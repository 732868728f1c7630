"""Fit a learned pair scorer (benchmarks/audit_pair_features.py) on the annotated coverage and measure it by
leave-one-part-out (LOPO).

For each part of tests/auditing/test_audit_corpus.py's PARTS the audit is run once as it is, and the candidate pairs
a learned stage after kit.auditing.restated would score (checked pairs of different publishers whose later text is
not listed) are recorded with their features and labels from reuse.csv (1: both claims in one copied_prose group,
as score() counts a listed pair right). Then, for each part, a logistic regression (plain numpy, L2) is fitted on
the other eight, its threshold chosen on those eight (the lowest at which the pairs it would add there are right at
least PRECISION of the time and none is an annotated shared quotation), and the held-out part is scored with the
full audit plus that stage. Each feature set of VARIANTS is measured so; the fit on all nine parts is in the
results file (benchmarks/results-audit-corpus-learned-lopo.json), with how many of the copies the audit misses have
any candidate at all (the ceiling of any scorer of these candidates).

The cost of each pool is measured on kit.testing.synth's case of --cost claims (benchmarks/bench_audit.py's).

    .venv/bin/python benchmarks/fit_audit_pairs.py [--cost 100000]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pathlib
import resource
import sys

import audit_pair_features as learned
import numpy as np
import pandas as pd

import kit.auditing

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "results-audit-corpus-learned-lopo.json"
#: the share of the added pairs that must be right on the parts fitted on
PRECISION = 0.9
#: the L2 penalty of the fit (on standardised features)
L2 = 1.0
#: the feature sets measured
POOLS = ("checked", "linked")
VARIANTS = {
    "all": ("checked", learned.FEATURES),
    "without prose_run": ("checked", tuple(f for f in learned.FEATURES if f != "prose_run")),
    "linked pool": ("linked", learned.FEATURES),
}
KEEP = ("copies", "found", "recall", "listed", "right", "precision", "shared_quotes_as_copying", "missed")


def _corpus_tests():
    spec = importlib.util.spec_from_file_location("corpus_tests", ROOT / "tests" / "auditing" / "test_audit_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def staged(model, got=None, pool="checked"):
    """Run the audit with a learned stage after kit.auditing.restated (``model`` None: record its candidates into
    ``got`` for each pool and add nothing)."""
    real = kit.auditing.restated_copies

    def restated_then_learned(claims, corp, found, listed_later, listed_earlier, *, min_score=0.5):
        more = real(claims, corp, found, listed_later, listed_earlier, min_score=min_score)
        ll = np.concatenate([np.asarray(listed_later, dtype=np.int64), more["later"].to_numpy(np.int64)])
        le = np.concatenate([np.asarray(listed_earlier, dtype=np.int64), more["earlier"].to_numpy(np.int64)])
        if model is None:
            for name in POOLS:
                check, later, earlier, links = learned.candidate_pairs(claims, corp, found, ll, le, pool=name)
                got[name] = {
                    "x": learned.pair_features(claims, corp, check, later, earlier, links),
                    "later": claims.ids_at(later).to_numpy(str),
                    "earlier": claims.ids_at(earlier).to_numpy(str),
                }
            return more
        add = learned.learned_copies(claims, corp, found, ll, le, model=model, pool=pool, min_score=min_score)
        return pd.concat([more, add], ignore_index=True) if len(add) else more

    kit.auditing.restated_copies = restated_then_learned
    return real


def record(tests, names) -> dict:
    """Per pool, the current audit's candidates for the learned stage, their features and labels; and its score."""
    case, reuse = tests.load_part(names)
    got: dict = {}
    real = staged(None, got)
    try:
        current = tests.score(case, reuse)
    finally:
        kit.auditing.restated_copies = real
    same, kind = tests.copy_groups(reuse)  # the test's own rule for one group of copies
    current = {k: current[k] for k in KEEP}
    out = {}
    for name in POOLS:
        g = got.get(name, {})
        pairs = list(zip(g.get("later", []), g.get("earlier", []), strict=True))
        y = np.array([same(a, b) for a, b in pairs], dtype=bool)
        quote = np.array([kind.get(frozenset(p)) == "shared_quote" for p in pairs], dtype=bool)
        later = np.array([a for a, _ in pairs], dtype=object)
        reachable = sorted(set(current["missed"]) & {str(a) for a, ok in zip(later, y, strict=True) if ok})
        x = g.get("x", np.zeros((0, len(learned.FEATURES))))
        out[name] = {"x": x, "y": y, "quote": quote, "later": later, "current": current, "reachable": reachable}
    return out


def fit(x: np.ndarray, y: np.ndarray, features) -> dict:
    """A logistic regression with an L2 penalty, by Newton's method, on standardised ``features``."""
    x = x[:, [learned.FEATURES.index(f) for f in features]]
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
    return {"features": tuple(features), "mean": mean, "scale": scale, "coef": w[1:], "intercept": float(w[0])}


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


def scored(tests, names, model, pool) -> dict:
    """The part scored with the full audit plus the learned stage."""
    case, reuse = tests.load_part(names)
    real = staged(model, pool=pool)
    try:
        s = tests.score(case, reuse)
    finally:
        kit.auditing.restated_copies = real
    return {k: s[k] for k in KEEP}


def lopo(tests, every: dict, pool, features) -> dict:
    """Each part scored with a model fitted and thresholded on the others, the totals, and the fit on all."""
    data = {p: d[pool] for p, d in every.items()}
    parts = list(data)
    folds = {}
    for p in parts:
        rest = [data[q] for q in parts if q != p]
        model = fit(np.concatenate([d["x"] for d in rest]), np.concatenate([d["y"] for d in rest]), features)
        model["threshold"] = threshold(model, rest)
        folds[p] = {
            "threshold": model["threshold"],
            "current": data[p]["current"],
            "learned": scored(tests, tests.PARTS[p], model, pool),
        }
        print(
            p,
            {k: (v["found"], v["copies"], v["right"], v["listed"]) for k, v in folds[p].items() if k != "threshold"},
            round(folds[p]["threshold"], 3),
            flush=True,
        )
    total = {}
    for which in ("current", "learned"):
        t = {k: sum(folds[p][which][k] for p in parts) for k in ("copies", "found", "listed", "right")}
        t["shared_quotes_as_copying"] = sum(folds[p][which]["shared_quotes_as_copying"] for p in parts)
        t["recall"], t["precision"] = t["found"] / t["copies"], t["right"] / t["listed"]
        total[which] = t
    final = fit(np.concatenate([data[p]["x"] for p in parts]), np.concatenate([data[p]["y"] for p in parts]), features)
    final["threshold"] = threshold(final, [data[p] for p in parts])
    model = {
        k: (v.tolist() if isinstance(v, np.ndarray) else list(v) if k == "features" else v) for k, v in final.items()
    }
    return {"folds": folds, "total": total, "model_fit_on_all": model}


def cost(n: int) -> dict:
    """Per pool, the candidates of the learned stage on kit.testing.synth's case of ``n`` claims (bench_audit's)
    and the seconds to find them and compute their features, or the MemoryError (under this script's RLIMIT_AS)."""
    import time

    from bench_audit import make

    case, _ = make(n, "kit")
    real = kit.auditing.restated_copies
    out: dict = {"claims": len(case.claims), "memory_limit_gb": 4}

    def measured(claims, corp, found, listed_later, listed_earlier, *, min_score=0.5):
        more = real(claims, corp, found, listed_later, listed_earlier, min_score=min_score)
        ll = np.concatenate([np.asarray(listed_later, dtype=np.int64), more["later"].to_numpy(np.int64)])
        le = np.concatenate([np.asarray(listed_earlier, dtype=np.int64), more["earlier"].to_numpy(np.int64)])
        for pool in POOLS:
            t = time.perf_counter()
            try:
                check, later, earlier, links = learned.candidate_pairs(claims, corp, found, ll, le, pool=pool)
                learned.pair_features(claims, corp, check, later, earlier, links)
                out[pool] = {"pairs": len(later), "seconds": round(time.perf_counter() - t, 2)}
            except MemoryError:
                out[pool] = {"memory_error_after_seconds": round(time.perf_counter() - t, 1)}
        return more

    kit.auditing.restated_copies = measured
    try:
        kit.audit(case, progress=False)
    finally:
        kit.auditing.restated_copies = real
    return out


def main(argv=None) -> int:
    resource.setrlimit(resource.RLIMIT_AS, (4 * 2**30, 4 * 2**30))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cost", type=int, default=100_000, help="claims of the synthetic case the cost is measured on"
    )
    args = parser.parse_args(argv)
    tests = _corpus_tests()
    data = {p: record(tests, tests.PARTS[p]) for p in tests.PARTS}
    candidates = {
        pool: {
            p: {
                "pairs": len(d[pool]["y"]),
                "copied": int(d[pool]["y"].sum()),
                "shared_quotes": int(d[pool]["quote"].sum()),
                "missed": len(d[pool]["current"]["missed"]),
                "missed_with_a_candidate": d[pool]["reachable"],
            }
            for p, d in data.items()
        }
        for pool in POOLS
    }
    print(json.dumps(candidates), flush=True)
    result = {
        "what": "Leave-one-part-out of a learned pair scorer (benchmarks/audit_pair_features.py) added after "
        "kit.auditing.restated: for each of the nine parts, fitted and thresholded on the other eight, the held-out "
        "part scored with the full audit plus that stage ('learned') and as the audit is ('current'), for each "
        "feature set; 'candidates': the pairs such a stage scores per part, how many are copied prose, how many "
        "annotated shared quotations, and which missed copies have any candidate at all.",
        "machine": "2-core shared machine, Python 3.11, one run",
        "precision_target": PRECISION,
        "l2": L2,
        "candidates": candidates,
        "variants": {name: lopo(tests, data, *variant) for name, variant in VARIANTS.items()},
        "cost": cost(args.cost),
    }
    OUT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v["total"] for k, v in result["variants"].items()}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
