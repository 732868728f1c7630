"""Benchmark kit.audit on synthetic cases with hidden copies: recall, precision, speed and memory.

Run from the repository root (needs the bench extra: rapidfuzz, datasketch):

    .venv/bin/python benchmarks/bench_audit.py                 # 100,000 and 1,000,000 reports
    .venv/bin/python benchmarks/bench_audit.py --quick         # 10,000 and 100,000 reports

What it measures, in one process and one run (the 1,000,000 case in fresh child processes):

1. **comparison** (100,000 reports; 10,000 with ``--quick``), ``kit.testing.synth.make_case(n, seed=1, copy_rate=0.1)``
   (what the audit is tuned on), ground truth from ``kit.testing.synth.hidden_copies``; and the same on the held-out
   generator ``benchmarks/heldout_gen.py`` (``make_heldout(n, seed=1)``: shaped unlike kit's texts, used only to
   report):
   * ``kit.auditing.audit(case)``: wall and CPU time (median of 3 runs), recall and precision of the pairs it lists
     against the hidden copies (all signals; and ``shared_text`` alone); also counted with a listed pair whose
     earlier claim has exactly the same content words as the copied one taken as found (a copy of a text that
     several claims carry verbatim cannot be traced to one of them);
   * the plain alternative a user would write: rapidfuzz
     ``process.cdist(texts, texts, scorer=fuzz.token_set_ratio, workers=-1, score_cutoff=80)`` over all pairs
     within each proposition (timed: the cdist calls and reading the pairs off), a pair counted from the later
     claim to the earlier one of another publisher, in the audit's time order; its recall and precision raw,
     after the same rules the audit applies (not already cited, not explained by a followed chain; these rules
     are not timed), and after those rules counted the way the audit lists pairs: one earlier claim per later
     claim, its best match (the audit names one source per copy; all pairs above the cutoff name every claim
     of a story that shares its words, which finds every copy at a precision near 0.01);
2. **MinHash**: ``kit.auditing.minhash.signatures`` (numpy) against ``datasketch.MinHash.bulk`` on the same sets of
   content words (``BANDS * ROWS`` = 90 hash functions), and candidate pairs by
   ``kit.auditing.minhash.candidate_pairs`` against ``datasketch.MinHashLSH`` (the same bands and rows) insert + query;
3. **scale** (1,000,000 reports; 100,000 with ``--quick``), for both generators: one child process makes the case
   and writes it as ``<table>.parquet`` files with the truth beside them; a fresh child process loads it with
   ``kit.load_case`` and runs ``kit.auditing.audit`` once: audit wall/CPU time, peak RSS of that process (loading
   included), recall and precision. Each child sets ``RLIMIT_AS`` (:data:`CHILD_LIMIT`), so that running out of
   memory is a MemoryError in the child, not the kernel killing processes.

The goals (issues 12 and 22): at 100,000 claims recall >= 0.95 and precision >= 0.95, >= 10x faster than rapidfuzz
with recall at least as good; at 1,000,000 claims <= 60 s and <= 4 GB peak RSS; the held-out shape costing at most
2x kit's own. The machine has 2 cores shared with
other sessions: wall times are inflated by their load, CPU times less so; the JSON records the load average.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))  # heldout_gen

import kit  # noqa: E402
from kit.auditing import audit, explained_pairs  # noqa: E402
from kit.schema import RESERVED_COLUMNS  # noqa: E402

SEED, COPY_RATE = 1, 0.1
TABLES = ("sources", "reports", "claims", "citations")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, *args, **kw):
    gc.collect()
    t, c = time.perf_counter(), time.process_time()
    out = fn(*args, **kw)
    return time.perf_counter() - t, time.process_time() - c, out


def quality(found: set, truth: set) -> dict:
    hit = len(found & truth)
    return {
        "listed": len(found),
        "hidden_copies": len(truth),
        "found": hit,
        "recall": round(hit / len(truth), 4) if truth else None,
        "precision": round(hit / len(found), 4) if found else None,
    }


def same_words_quality(found: set, truth: set, case) -> dict:
    """Like :func:`quality`, but a listed pair also counts when its earlier claim has the same content words, in the
    same order, as the claim really copied: identical texts cannot be told apart by any method."""
    from kit.auditing.text import STOP_WORDS, words

    text = dict(zip(case.claims["claim_id"], case.claims["text"], strict=False))
    key = {}

    def content(k):
        if k not in key:
            key[k] = tuple(w for w in words(text[k]) if w not in STOP_WORDS)
        return key[k]

    by_later = {}
    for a, b in found:
        by_later.setdefault(a, []).append(b)
    ok = {(c, s) for c, s in truth if (c, s) in found or any(content(w) == content(s) for w in by_later.get(c, ()))}
    copied = dict(truth)
    good = {(a, b) for a, b in found if (a, b) in truth or (a in copied and content(copied[a]) == content(b))}
    return {
        "recall": round(len(ok) / len(truth), 4) if truth else None,
        "precision": round(len(good) / len(found), 4) if found else None,
    }


def truth_of(case) -> set:
    return set(map(tuple, kit.testing.synth.hidden_copies(case).to_numpy()))


# ------------------------------------------------------------------------------------------ the baseline


def claims_table(case) -> pd.DataFrame:
    """Claims with their publisher, in the audit's time order (:func:`kit.auditing.context.claims_in_time_order`), so
    that both methods call the same claim of a pair the later one."""
    from kit.auditing.context import claims_in_time_order

    rep = case.reports[["report_id", "source_id", "published"]]
    df = case.claims[["claim_id", "report_id", "proposition", "text"]].iloc[claims_in_time_order(case).row]
    return df.merge(rep, on="report_id", how="left").reset_index(drop=True)


def rapidfuzz_pairs(df: pd.DataFrame) -> dict:
    """Every pair (later, earlier) of claims of one proposition and of different publishers with
    ``token_set_ratio >= 80``, with its ratio."""
    from rapidfuzz import fuzz, process

    out = {}
    for _, g in df.groupby("proposition", sort=False):
        if len(g) < 2:
            continue
        texts = g["text"].tolist()
        m = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, workers=-1, score_cutoff=80, dtype=np.uint8)
        earlier, later = np.nonzero(np.triu(m, 1) >= 80)  # rows and columns in time order
        pub = g["source_id"].to_numpy()
        ids = g["claim_id"].to_numpy()
        keep = pub[earlier] != pub[later]
        e, la = earlier[keep], later[keep]
        out.update(zip(zip(ids[la].tolist(), ids[e].tolist(), strict=True), m[e, la].tolist(), strict=True))
    return out


def best_per_claim(pairs: dict, order: dict) -> set:
    """Counted the way the audit lists pairs: for each later claim, one earlier claim, its best match (the
    highest ratio; on a tie the earliest, as ``argmax`` over a row in time order gives)."""
    best = {}
    for (a, b), r in pairs.items():
        k = (r, -order[b])
        if a not in best or k > best[a][0]:
            best[a] = (k, b)
    return {(a, b) for a, (_, b) in best.items()}


def with_rules(case, pairs: set) -> set:
    cited = set(zip(case.citations["claim_id"], case.citations["cites"], strict=False))
    cited |= {(b, a) for a, b in cited}
    rest = [p for p in pairs if p not in cited]
    if not rest:
        return set()
    explained = explained_pairs(case, rest)
    return {p for p, e in zip(rest, explained, strict=False) if not e}


# ------------------------------------------------------------------------------------------ MinHash


def minhash_comparison(case) -> dict:
    from datasketch import MinHash, MinHashLSH

    from kit.auditing.minhash import BANDS, ROWS, candidate_pairs, signatures
    from kit.auditing.text import corpus

    corp = corpus(claims_table(case)["text"])
    n = len(corp)
    t_np, c_np, sig = timed(signatures, corp.ptr, corp.ids)
    t_cand, _, cand = timed(candidate_pairs, sig)
    words = corp.vocab[corp.ids]
    sets = [[w.encode() for w in set(words[corp.ptr[i] : corp.ptr[i + 1]])] for i in range(n)]
    sets = [s for s in sets if s]
    t_ds, c_ds, mhs = timed(MinHash.bulk, sets, num_perm=BANDS * ROWS)

    def lsh_candidates():
        lsh = MinHashLSH(num_perm=BANDS * ROWS, params=(BANDS, ROWS))
        for i, m in enumerate(mhs):
            lsh.insert(i, m)
        return sum(len(lsh.query(m)) - 1 for m in mhs) // 2

    t_lsh, _, n_pairs = timed(lsh_candidates)
    return {
        "texts": n,
        "hash_functions": BANDS * ROWS,
        "numpy_signatures_s": round(t_np, 3),
        "numpy_signatures_cpu_s": round(c_np, 3),
        "numpy_candidates_s": round(t_cand, 3),
        "numpy_candidate_pairs": int(len(cand)),
        "datasketch_bulk_s": round(t_ds, 3),
        "datasketch_bulk_cpu_s": round(c_ds, 3),
        "datasketch_lsh_insert_query_s": round(t_lsh, 3),
        "datasketch_candidate_pairs": int(n_pairs),
        "signatures_ratio": round(t_ds / t_np, 1),
        "candidates_ratio": round(t_lsh / t_cand, 1),
        "chosen": "numpy" if t_np + t_cand < t_ds + t_lsh else "datasketch",
    }


# ------------------------------------------------------------------------------------------ comparison


def make(n: int, generator: str):
    """The case and its truth: kit's own generator (what the audit is tuned on) or the held-out one."""
    if generator == "heldout":
        from heldout_gen import make_heldout

        case, truth = make_heldout(n, seed=SEED)
        return case, set(map(tuple, truth.to_numpy()))
    case = kit.testing.synth.make_case(n, seed=SEED, copy_rate=COPY_RATE)
    return case, truth_of(case)


def comparison(n: int, generator: str = "kit") -> dict:
    t_make, _, (case, truth) = timed(make, n, generator)
    runs = [timed(audit, case) for _ in range(3)]
    walls, cpus = [r[0] for r in runs], [r[1] for r in runs]
    rows = runs[0][2]
    found = set(zip(rows["claim_id"], rows["cites"], strict=False))
    shared = rows[rows["signal"] == "shared_text"]
    df = claims_table(case)
    t_rf, c_rf, rf = timed(rapidfuzz_pairs, df)
    rf_rules = with_rules(case, set(rf))
    rf_best = best_per_claim({p: rf[p] for p in rf_rules}, dict(zip(df["claim_id"], range(len(df)), strict=True)))
    kit_q, rf_q, rf_b = quality(found, truth), quality(rf_rules, truth), quality(rf_best, truth)
    kit_q["same_words_counted"] = same_words_quality(found, truth, case)
    rf_q["same_words_counted"] = same_words_quality(rf_rules, truth, case)
    rf_b["same_words_counted"] = same_words_quality(rf_best, truth, case)
    return {
        "generator": generator,
        "reports": n,
        "claims": len(case.claims),
        "citations": len(case.citations),
        "propositions": int(case.claims["proposition"].nunique()),
        "make_case_s": round(t_make, 2),
        "peak_rss_mb_so_far": round(peak_rss_mb()),
        "kit_audit": {
            "wall_s_median": round(statistics.median(walls), 3),
            "wall_s_runs": [round(w, 3) for w in walls],
            "cpu_s_median": round(statistics.median(cpus), 3),
            **kit_q,
            "by_signal": rows["signal"].value_counts().to_dict(),
            "shared_text_only": quality(set(zip(shared["claim_id"], shared["cites"], strict=False)), truth),
        },
        "rapidfuzz_token_set_ratio_80": {
            "wall_s": round(t_rf, 3),
            "cpu_s": round(c_rf, 3),
            "raw": quality(set(rf), truth),
            "with_the_audit_rules": rf_q,
            "with_the_audit_rules_best_per_claim": rf_b,
        },
        "speedup_wall": round(t_rf / statistics.median(walls), 1),
        "speedup_cpu": round(c_rf / statistics.median(cpus), 1),
        "recall_at_least_as_good": bool(kit_q["recall"] >= rf_q["recall"]),
        "recall_at_least_as_good_same_words_counted": bool(
            kit_q["same_words_counted"]["recall"] >= rf_q["same_words_counted"]["recall"]
        ),
        "recall_at_least_as_good_one_pair_per_claim": bool(kit_q["recall"] >= rf_b["recall"]),
        "recall_at_least_as_good_one_pair_per_claim_same_words_counted": bool(
            kit_q["same_words_counted"]["recall"] >= rf_b["same_words_counted"]["recall"]
        ),
        **({"minhash": minhash_comparison(case)} if generator == "kit" else {}),
    }


# ------------------------------------------------------------------------------------------ scale (children)


#: address space allowed to a child (RLIMIT_AS): past it the child fails with MemoryError instead of the kernel
#: killing processes of the whole machine
CHILD_LIMIT = 12 << 30


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CHILD_LIMIT, CHILD_LIMIT))


def make_child(n: int, folder: str, generator: str) -> dict:
    limit_memory()
    t, _, (case, truth) = timed(make, n, generator)
    for name in TABLES:
        frame = getattr(case, name)
        exact = "published_latest" not in frame.columns or frame["published_latest"].equals(frame["published"])
        if not exact:  # published_latest is derived on loading: every date the generators give is exact
            raise ValueError("the generator gave an uncertain date: write it as published_text() gives it")
        frame = frame.drop(columns=[c for c in RESERVED_COLUMNS[name] if c in frame.columns])
        frame.to_parquet(os.path.join(folder, f"{name}.parquet"), index=False)
    pd.DataFrame(sorted(truth), columns=["claim_id", "cites"]).to_parquet(os.path.join(folder, "truth.parquet"))
    return {"generator": generator, "make_case_s": round(t, 2)}


def audit_child(folder: str) -> dict:
    limit_memory()
    t_load, _, case = timed(kit.load_case, folder)
    rss_loaded = peak_rss_mb()
    t, c, rows = timed(audit, case)
    truth = set(map(tuple, pd.read_parquet(os.path.join(folder, "truth.parquet")).to_numpy()))
    return {
        "reports": len(case.reports),
        "claims": len(case.claims),
        "load_parquet_s": round(t_load, 2),
        "peak_rss_after_load_mb": round(rss_loaded),
        "audit_wall_s": round(t, 2),
        "audit_cpu_s": round(c, 2),
        "peak_rss_mb": round(peak_rss_mb()),
        **quality(set(zip(rows["claim_id"], rows["cites"], strict=False)), truth),
        "by_signal": rows["signal"].value_counts().to_dict(),
    }


def child(*args) -> dict:
    p = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, cwd=ROOT)
    if p.returncode:
        raise RuntimeError(p.stderr)
    return json.loads(p.stdout.strip().splitlines()[-1])


def scale(n: int, generator: str = "kit") -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-audit-") as folder:
        made = child("--make", str(n), folder, generator)
        return {**made, **child("--audit", folder)}


def main(argv=None) -> int:
    if argv is None and len(sys.argv) == 5 and sys.argv[1] == "--make":
        print(json.dumps(make_child(int(sys.argv[2]), sys.argv[3], sys.argv[4])))
        return 0
    if argv is None and len(sys.argv) == 3 and sys.argv[1] == "--audit":
        print(json.dumps(audit_child(sys.argv[2])))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="10x smaller")
    ap.add_argument("--json", help="write the results here")
    args = ap.parse_args(argv)
    small, big = (10_000, 100_000) if args.quick else (100_000, 1_000_000)
    started = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    load_before = os.getloadavg()
    results = {
        "started": started,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "machine": "2 cores shared with other agents' sessions: wall times include their load",
        "load_average_before": [round(x, 2) for x in load_before],
        "seed": SEED,
        "copy_rate": COPY_RATE,
    }
    results["comparison"] = comparison(small)
    results["heldout_comparison"] = comparison(small, "heldout")
    results["scale"] = scale(big)
    results["heldout_scale"] = scale(big, "heldout")
    results["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    sc, cmp_ = results["scale"], results["comparison"]
    k = cmp_["kit_audit"]
    results["goals"] = {
        "recall_0.95_at_comparison": k["recall"] >= 0.95,
        "precision_0.95_at_comparison": k["precision"] >= 0.95,
        "10x_faster_than_rapidfuzz_wall": cmp_["speedup_wall"] >= 10,
        "recall_at_least_rapidfuzz": cmp_["recall_at_least_as_good"],
        "recall_at_least_rapidfuzz_same_words_counted": cmp_["recall_at_least_as_good_same_words_counted"],
        "recall_at_least_rapidfuzz_one_pair_per_claim": cmp_["recall_at_least_as_good_one_pair_per_claim"],
        "recall_at_least_rapidfuzz_one_pair_per_claim_same_words_counted": cmp_[
            "recall_at_least_as_good_one_pair_per_claim_same_words_counted"
        ],
        "scale_under_60_s": sc["audit_wall_s"] <= 60,
        "scale_under_4_gb": sc["peak_rss_mb"] <= 4096,
    }
    ho, hs = results["heldout_comparison"], results["heldout_scale"]
    results["goals_heldout"] = {
        "recall_0.95_at_comparison": ho["kit_audit"]["recall"] >= 0.95,
        "precision_0.95_at_comparison": ho["kit_audit"]["precision"] >= 0.95,
        "10x_faster_than_rapidfuzz_wall": ho["speedup_wall"] >= 10,
        "scale_under_60_s": hs["audit_wall_s"] <= 60,
        "scale_under_4_gb": hs["peak_rss_mb"] <= 4096,
        "heldout_costs_at_most_2x_kit_at_scale": hs["audit_cpu_s"] <= 2 * sc["audit_cpu_s"],
    }
    text = json.dumps(results, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
