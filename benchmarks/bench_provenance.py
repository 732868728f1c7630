"""Benchmark kit.provenance against a per-claim networkx loop and python-igraph, at scale.

Run from the repository root:

    .venv/bin/python benchmarks/bench_provenance.py            # full: 100,000 and 1,000,000 reports
    .venv/bin/python benchmarks/bench_provenance.py --quick    # 10x smaller, under a minute

What it does, in one process and one run (see BENCHMARKS.md for results and how to read them):

1. writes synthetic cases (``kit.testing.synth.make_case``) to disk as CSV with ``kit.save_case`` -- in a child
   process, so generating them does not count towards this process's memory -- and caches them in
   ``--data`` (default ``benchmarks/data``, git-ignored by its own ``.gitignore``);
2. **comparison** (100,000 reports; 10,000 with ``--quick``): loads the case with ``kit.load_case``, then
   times, build included,
   * ``kit.provenance(case)`` (median of 3 runs),
   * the plain per-claim networkx answer: a DiGraph built from the tables, then ``nx.descendants`` per
     claim and the own-reporting rule, with ``n_cited`` and ``echo`` (one run),
   * python-igraph: a graph built from the tables, reachability of every claim with
     ``Graph.neighborhood(order=|V|, mode="out")`` (C), origins filtered with numpy, the same tuples
     (one run),
   and checks the three give the same answers;
3. **scale** (1,000,000 reports; 100,000 with ``--quick``), in a fresh child process so that its peak
   RSS is that of the workload alone: ``kit.load_case`` time from CSV, then ``kit.provenance`` (median
   of 5 runs after loading) and the process's peak RSS; then, in another fresh process, ``kit.load_case`` of
   the same case written as ``<table>.parquet`` files (same provenance checked);
4. **import time**: ``python -X importtime -c "import kit"`` against ``import pandas, networkx``
   (median of 7 runs each, cumulative microseconds of the top-level imports).

It prints a table with the ratios and the goals, and writes the numbers as JSON (``--json``).
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
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import kit  # noqa: E402

SUPPORTING = ("relies_on", "corroborates")


# ------------------------------------------------------------------------------------------ helpers


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, *args):
    gc.collect()
    t = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - t, out


def timed_cpu(fn, *args):
    """(wall seconds, CPU seconds of this process, result): CPU time is what machine load does not inflate."""
    gc.collect()
    t, c = time.perf_counter(), time.process_time()
    out = fn(*args)
    return time.perf_counter() - t, time.process_time() - c, out


def ensure_case(folder: Path, n: int, seed: int) -> float:
    """Write make_case(n, seed) to ``folder`` as CSV (in a child process) unless already there."""
    stamp = folder / ".made"
    want = f"{n} {seed} {kit.__version__}\n"
    if stamp.exists() and stamp.read_text() == want:
        return 0.0
    folder.mkdir(parents=True, exist_ok=True)
    code = (
        "import sys, kit; n, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]; "
        "kit.save_case(kit.testing.synth.make_case(n, seed=seed), out)"
    )
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(n), str(seed), str(folder)], check=True, cwd=ROOT)
    stamp.write_text(want)
    return time.perf_counter() - t


def tuples_from_csr(ptr: np.ndarray, flat_ids: list) -> np.ndarray:
    p = ptr.tolist()
    return np.fromiter(
        (tuple(flat_ids[i:j]) for i, j in zip(p[:-1], p[1:], strict=False)), dtype=object, count=len(p) - 1
    )


# ------------------------------------------------------------------------------------------ baselines


def networkx_loop(case) -> pd.DataFrame:
    """The plain answer: one nx.descendants search per claim, then the own-reporting rule."""
    import networkx as nx

    claim_ids = case.claims["claim_id"].tolist()
    claims = set(claim_ids)
    publisher_of_report = dict(zip(case.reports["report_id"], case.reports["source_id"], strict=False))
    publisher = {c: publisher_of_report[r] for c, r in zip(claim_ids, case.claims["report_id"], strict=False)}
    sup = case.citations[case.citations["relation"].isin(SUPPORTING)]
    g = nx.DiGraph()
    g.add_nodes_from(claim_ids)
    g.add_edges_from(zip(sup["claim_id"], sup["cites"], strict=False))
    sets = {}
    for c in claim_ids:
        reach = nx.descendants(g, c)
        reach.add(c)
        found = set()
        for x in reach:
            if x not in claims:
                found.add(x)
            elif g.out_degree(x) == 0:
                found.add(publisher[x])
        sets[c] = found
    rows = []
    for c in claim_ids:
        cited = list(g.successors(c))
        total = sum(len(sets[i]) if i in claims else 1 for i in cited)
        union = set().union(*[sets[i] if i in claims else {i} for i in cited]) if cited else set()
        rows.append((len(cited), len(sets[c]), total > len(union), tuple(sorted(sets[c]))))
    return pd.DataFrame(
        rows,
        columns=["n_cited", "n_origins", "echo", "origins"],
        index=pd.Index(claim_ids, name="claim_id", dtype=object),
    )


def igraph_all(case, chunk: int = 20_000) -> pd.DataFrame:
    """python-igraph: graph from the tables, reachability of every claim in C, origins filtered with numpy."""
    import igraph as ig

    claim_ids = case.claims["claim_id"].to_numpy(dtype=object)
    source_ids = np.sort(case.sources["source_id"].to_numpy(dtype=str)).astype(object)
    n, m = len(claim_ids), len(source_ids)
    nodes = pd.Index(np.concatenate([claim_ids, source_ids]))
    sup = case.citations[case.citations["relation"].isin(SUPPORTING)]
    ea = nodes.get_indexer(sup["claim_id"].to_numpy(dtype=object))
    eb = nodes.get_indexer(sup["cites"].to_numpy(dtype=object))
    g = ig.Graph(n=n + m, edges=np.column_stack([ea, eb]), directed=True)
    # what each node contributes as an origin: a source itself; a claim without support, its publisher
    outdeg = np.bincount(ea, minlength=n + m)
    report_pub = pd.Series(
        case.reports["source_id"].to_numpy(dtype=object), index=case.reports["report_id"].to_numpy(dtype=object)
    )
    pub = pd.Index(source_ids).get_indexer(
        report_pub.reindex(case.claims["report_id"].to_numpy(dtype=object)).to_numpy(dtype=object)
    )
    origin_of = np.full(n + m, -1, dtype=np.int64)
    origin_of[:n][outdeg[:n] == 0] = pub[outdeg[:n] == 0]
    origin_of[n:] = np.arange(m)
    ptrs, vals = [np.zeros(1, dtype=np.int64)], []
    done = 0
    for lo in range(0, n, chunk):
        hi = min(n, lo + chunk)
        reach = g.neighborhood(vertices=range(lo, hi), order=n + m, mode="out")
        lengths = np.fromiter(map(len, reach), dtype=np.int64, count=hi - lo)
        flat = np.fromiter((v for r in reach for v in r), dtype=np.int64, count=int(lengths.sum()))
        owner = np.repeat(np.arange(lo, hi), lengths)
        o = origin_of[flat]
        key = np.sort(owner[o >= 0] * m + o[o >= 0])  # sort-based unique (numpy's hash one is slow)
        key = key[np.concatenate([[True], key[1:] != key[:-1]])] if len(key) else key
        counts = np.bincount(key // m - lo, minlength=hi - lo)
        ptrs.append(done + np.cumsum(counts))
        done += int(counts.sum())
        vals.append(key % m)
    ptr = np.concatenate(ptrs)
    flat_ids = source_ids[np.concatenate(vals)].tolist() if vals else []
    origins = tuples_from_csr(ptr, flat_ids)
    return pd.DataFrame(
        {"n_origins": np.diff(ptr), "origins": origins}, index=pd.Index(claim_ids, name="claim_id", dtype=object)
    )


# ------------------------------------------------------------------------------------------ import time


def import_time_us(statement: str) -> int:
    """Summed cumulative import time of the top-level imports of one ``python -X importtime`` run (us)."""
    p = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement], capture_output=True, text=True, cwd=ROOT, check=True
    )
    total = 0
    for line in p.stderr.splitlines():
        parts = line.split("|")
        if not line.startswith("import time:") or len(parts) != 3 or parts[1].strip() == "cumulative":
            continue
        if parts[2].startswith(" ") and not parts[2].startswith("  "):  # top level: one space after '|'
            total += int(parts[1])
    return total


def import_times(statements, runs: int = 7) -> list:
    """Median import time of each statement, the statements' runs interleaved (machine load hits all alike)."""
    got = [[] for _ in statements]
    for _ in range(runs):
        for i, st in enumerate(statements):
            got[i].append(import_time_us(st))
    return [statistics.median(g) for g in got]


def heavy_modules_in(statement: str) -> list:
    code = (
        f"{statement}; import sys; print(' '.join(m for m in ('matplotlib', 'ipywidgets', 'dask', 'scipy', "
        "'igraph', 'pyarrow') if m in sys.modules))"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout.split()


# ------------------------------------------------------------------------------------------ main


def machine() -> dict:
    def sh(cmd):
        try:
            return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
        except OSError:  # pragma: no cover
            return "?"

    import networkx
    import scipy

    try:
        import igraph

        igv = igraph.__version__
    except ImportError:
        igv = None
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "nproc": sh("nproc"),
        "memory": sh("free -h | awk '/Mem:/ {print $2}'"),
        "cpu": sh("lscpu | grep 'Model name' | cut -d: -f2"),
        "load_average": os.getloadavg(),
        "python": platform.python_version(),
        "pandas": pd.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "networkx": networkx.__version__,
        "igraph": igv,
        "kit": kit.__version__,
    }


def scale_only(folder: str) -> dict:
    """Load the big case and time provenance; print the numbers as one JSON line (run as a child process)."""
    kit.provenance(kit.testing.synth.make_case(50))  # imports (scipy) are not what is measured
    t_load, big = timed(kit.load_case, folder)
    rss_after_load = peak_rss_mb()
    case_size = {t: len(getattr(big, t)) for t in ("sources", "reports", "claims", "citations")}
    full = [timed_cpu(kit.provenance, big) for _ in range(5)]
    runs = [(w, c) for w, c, _ in full]
    p = full[-1][2]
    return {
        "scale_case": case_size,
        "scale_fingerprint": [int(p["n_origins"].sum()), int(p["echo"].sum()), int(p["n_cited"].sum())],
        "scale": {
            "load_csv_s": t_load,
            "provenance_median_s": statistics.median(w for w, _ in runs),
            "provenance_cpu_median_s": statistics.median(c for _, c in runs),
            "provenance_runs_s": [w for w, _ in runs],
            "provenance_cpu_runs_s": [c for _, c in runs],
            "peak_rss_after_load_mb": rss_after_load,
            "peak_rss_mb": peak_rss_mb(),
            "load_average_after": os.getloadavg(),
        },
    }


def ensure_parquet(csv_folder: Path, folder: Path) -> float:
    """The same case as ``<table>.parquet`` files (written from the loaded CSV case, in a child process)."""
    stamp = folder / ".made"
    want = (csv_folder / ".made").read_text()
    if stamp.exists() and stamp.read_text() == want:
        return 0.0
    folder.mkdir(parents=True, exist_ok=True)
    code = (
        "import sys, shutil, kit; c = kit.load_case(sys.argv[1]); "
        "[getattr(c, t).to_parquet(f'{sys.argv[2]}/{t}.parquet', index=False) "
        "for t in ('sources', 'reports', 'claims', 'citations')]; "
        "shutil.copy(f'{sys.argv[1]}/case.toml', sys.argv[2])"
    )
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(csv_folder), str(folder)], check=True, cwd=ROOT)
    stamp.write_text(want)
    return time.perf_counter() - t


def parquet_only(folder: str) -> dict:
    """Time kit.load_case of the parquet folder; a fingerprint of the provenance to compare (child process)."""
    kit.provenance(kit.testing.synth.make_case(50))
    t_load, big = timed(kit.load_case, folder)
    p = kit.provenance(big)
    return {
        "load_parquet_s": t_load,
        "peak_rss_mb": peak_rss_mb(),
        "fingerprint": [int(p["n_origins"].sum()), int(p["echo"].sum()), int(p["n_cited"].sum())],
    }


def main(argv=None) -> int:
    if argv is None and len(sys.argv) == 3 and sys.argv[1] == "--scale-only":
        print(json.dumps(scale_only(sys.argv[2])))
        return 0
    if argv is None and len(sys.argv) == 3 and sys.argv[1] == "--parquet-only":
        print(json.dumps(parquet_only(sys.argv[2])))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="10x smaller (10,000 and 100,000 reports)")
    ap.add_argument("--data", default=str(ROOT / "benchmarks" / "data"), help="where the CSV cases are cached")
    ap.add_argument("--json", default=None, help="write the results here as JSON")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--skip-networkx", action="store_true", help="leave out the (slow) per-claim networkx loop")
    args = ap.parse_args(argv)
    scale = 10 if args.quick else 1
    n_cmp, n_big = 100_000 // scale, 1_000_000 // scale
    data = Path(args.data)
    data.mkdir(parents=True, exist_ok=True)
    (data / ".gitignore").write_text("*\n")
    res = {"machine": machine(), "quick": args.quick, "n_compare": n_cmp, "n_scale": n_big}
    print(
        f"kit provenance benchmark{' (quick)' if args.quick else ''}: {res['machine']['date']}, "
        f"{res['machine']['nproc']} cores, {res['machine']['memory']} RAM, load {res['machine']['load_average']}"
    )

    cmp_dir, big_dir = data / f"synth_{n_cmp}_s{args.seed}", data / f"synth_{n_big}_s{args.seed}"
    for folder, n in ((cmp_dir, n_cmp), (big_dir, n_big)):
        t = ensure_case(folder, n, args.seed)
        if t:
            print(f"  wrote {folder} ({n:,} reports) in {t:.1f} s")

    # warm-up: imports (scipy inside the engine) are not what is measured
    kit.provenance(kit.testing.synth.make_case(50))

    # ---- comparison
    t_load_cmp, case = timed(kit.load_case, cmp_dir)
    res["compare_case"] = {t: len(getattr(case, t)) for t in ("sources", "reports", "claims", "citations")}
    runs = [timed_cpu(kit.provenance, case) for _ in range(3)]
    p = runs[-1][2]
    t_kit = statistics.median(t for t, _, _ in runs)
    cpu_kit = statistics.median(c for _, c, _ in runs)
    t_ig, cpu_ig, ig_out = timed_cpu(igraph_all, case)
    assert ig_out["origins"].equals(p["origins"]), "igraph and kit disagree"
    assert (ig_out["n_origins"].to_numpy() == p["n_origins"].to_numpy()).all()
    if args.skip_networkx:
        t_nx = cpu_nx = float("nan")
    else:
        t_nx, cpu_nx, nx_out = timed_cpu(networkx_loop, case)
        assert nx_out.equals(p), "networkx and kit disagree"
        del nx_out
    res["compare"] = {
        "load_s": t_load_cmp,
        "kit_provenance_s": t_kit,
        "kit_runs_s": [t for t, _, _ in runs],
        "networkx_loop_s": t_nx,
        "igraph_s": t_ig,
        "same_answers": True,
        "vs_networkx": t_nx / t_kit,
        "vs_igraph": t_ig / t_kit,
        "cpu_s": {"kit": cpu_kit, "networkx": cpu_nx, "igraph": cpu_ig},
        "cpu_vs_networkx": cpu_nx / cpu_kit,
        "cpu_vs_igraph": cpu_ig / cpu_kit,
        "load_average_after": os.getloadavg(),
        "mean_origins": float(p["n_origins"].mean()),
        "echo_share": float(p["echo"].mean()),
    }
    del case, p, runs, ig_out
    gc.collect()
    res["compare"]["peak_rss_mb"] = peak_rss_mb()

    # ---- scale, in a fresh process so its peak RSS is that of loading + provenance alone
    out = subprocess.run(
        [sys.executable, __file__, "--scale-only", str(big_dir)], cwd=ROOT, check=True, capture_output=True, text=True
    )
    res.update(json.loads(out.stdout.strip().splitlines()[-1]))
    # ---- the same case from parquet tables (kit.load_case reads <table>.parquet when no CSV is there)
    pq_dir = data / f"synth_{n_big}_s{args.seed}_parquet"
    ensure_parquet(big_dir, pq_dir)
    out = subprocess.run(
        [sys.executable, __file__, "--parquet-only", str(pq_dir)], cwd=ROOT, check=True, capture_output=True, text=True
    )
    res["parquet"] = json.loads(out.stdout.strip().splitlines()[-1])
    assert res["parquet"]["fingerprint"] == res["scale_fingerprint"], "parquet and CSV cases disagree"

    # ---- import time
    t_kit_imp, t_base_imp = import_times(["import kit", "import pandas, networkx"])
    res["import"] = {
        "kit_us": t_kit_imp,
        "pandas_networkx_us": t_base_imp,
        "ratio": t_kit_imp / t_base_imp,
        "heavy_modules_after_import_kit": heavy_modules_in("import kit"),
    }

    c, s, i = res["compare"], res["scale"], res["import"]
    print()
    print(
        f"comparison, {res['compare_case']['claims']:,} claims / {res['compare_case']['citations']:,} citations "
        f"(mean {c['mean_origins']:.2f} origins per claim), build included:"
    )
    print(f"  {'kit.provenance (median of 3)':38s} {c['kit_provenance_s']:8.2f} s")
    print(
        f"  {'networkx per-claim descendants loop':38s} {c['networkx_loop_s']:8.2f} s   "
        f"{c['vs_networkx']:6.1f}x slower than kit   (goal: kit >= 10x faster)"
    )
    print(
        f"  {'python-igraph neighborhood + numpy':38s} {c['igraph_s']:8.2f} s   "
        f"{c['vs_igraph']:6.1f}x slower than kit   (goal: kit faster)"
    )
    print("  same answers: yes (origins for all three; n_cited and echo also against networkx)")
    print(
        f"  CPU seconds (not inflated by other load): kit {c['cpu_s']['kit']:.2f}, networkx "
        f"{c['cpu_s']['networkx']:.2f} ({c['cpu_vs_networkx']:.1f}x), igraph {c['cpu_s']['igraph']:.2f} "
        f"({c['cpu_vs_igraph']:.1f}x)"
    )
    print(
        f"scale, {res['scale_case']['reports']:,} reports / {res['scale_case']['claims']:,} claims / "
        f"{res['scale_case']['citations']:,} citations:"
    )
    print(f"  {'kit.load_case from CSV (all checks)':38s} {s['load_csv_s']:8.2f} s   (goal <= 8 s at 1M)")
    print(
        f"  {'kit.load_case from parquet':38s} {res['parquet']['load_parquet_s']:8.2f} s   (goal <= 4 s at 1M; "
        f"that process's peak RSS {res['parquet']['peak_rss_mb'] / 1024:.2f} GB)"
    )
    print(
        f"  {'kit.provenance, median of 5':38s} {s['provenance_median_s']:8.2f} s   (goal <= 5 s at 1M); "
        f"CPU {s['provenance_cpu_median_s']:.2f} s; runs {', '.join(f'{t:.2f}' for t in s['provenance_runs_s'])}"
    )
    print(f"  {'peak RSS of that process':38s} {s['peak_rss_mb'] / 1024:8.2f} GB  (goal <= 3 GB at 1M)")
    print(
        f"import time: kit {i['kit_us'] / 1e3:.0f} ms, pandas+networkx {i['pandas_networkx_us'] / 1e3:.0f} ms, "
        f"ratio {i['ratio']:.2f} (goal <= 1.5); heavy modules after `import kit`: "
        f"{i['heavy_modules_after_import_kit'] or 'none'}"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
