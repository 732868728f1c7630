"""Hostile inputs that made commands superlinear (issue 24, item 16), measured: each in a fresh child process with
an address-space limit (a runaway fails with MemoryError instead of the machine killing processes), its wall and CPU
seconds and peak RSS.

- ``kit draft`` on 12 KB and 48 KB of "Dr. ", of "said ", of unclosed "*a " in Markdown, and of ordinary prose
  (48 KB of prose is what a long article is): linear if 48 KB takes about four times 12 KB.
- every claim's origins with hops (``kit.analysis.origins.origin_hops``, what ``kit export --sqlite`` writes) on a
  chain and a loop of 3,000 claims and on a 20,000-report synthetic case, against what a user would write instead:
  networkx's ``single_source_shortest_path_length`` from each claim.

Run: ``.venv/bin/python benchmarks/bench_hostile_inputs.py [--json results.json]``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import platform
import resource
import sys
import time

LIMIT = 6 << 30  # bytes of address space per child


def _draft(unit: str, size: int, md: bool):
    from kit.draft import draft_case
    from kit.draft.extract import markdown_text

    text = unit * (size // len(unit))
    if md:
        text, _ = markdown_text(text)
    draft_case(text, publisher="P", published="2018-02-13")


def _chain(n: int, loop: bool):
    import pathlib
    import tempfile

    import pandas as pd

    import kit

    folder = pathlib.Path(tempfile.mkdtemp())
    claims = pd.DataFrame({"claim_id": [f"k{i}" for i in range(n)], "report_id": "r", "proposition": "p", "text": "t"})
    cites = [(f"k{i}", f"k{i + 1}") for i in range(n - 1)] + [(f"k{n - 1}", "k0" if loop else "s0")]
    cites += [("k0", "s0")] if loop else []
    tables = {
        "sources": pd.DataFrame({"source_id": ["s0", "out"], "name": ["S", "Out"], "kind": "official"}),
        "reports": pd.DataFrame({"report_id": ["r"], "source_id": ["out"], "published": ["2020-01-01"]}),
        "claims": claims.assign(certainty="asserted"),
        "citations": pd.DataFrame(cites, columns=["claim_id", "cites"]).assign(relation="relies_on"),
    }
    for name, frame in tables.items():
        frame.to_csv(folder / f"{name}.csv", index=False)
    return kit.load_case(folder)


def _case(kind: str):
    import kit

    if kind == "synth-20000":
        return kit.testing.synth.make_case(20000, seed=0)
    return _chain(3000, loop=kind == "loop-3000")


def _hops_kit(kind: str):
    from kit.analysis.origins import origin_hops

    case = _case(kind)
    start = time.perf_counter()
    rows = len(origin_hops(case))
    return time.perf_counter() - start, rows


def _hops_networkx(kind: str):
    """Per claim, networkx's BFS over the followed citations; the origins are the sources reached (and the
    publishers of claims that cite nothing), as kit.origins defines them."""
    import networkx as nx

    from kit.graph.citation import followed_mask

    case = _case(kind)
    cit = case.citations[followed_mask(case.citations)]
    g = nx.DiGraph()
    g.add_nodes_from(case.claims["claim_id"])
    g.add_edges_from(zip(cit["claim_id"], cit["cites"], strict=False))
    publisher = dict(
        zip(
            case.claims["claim_id"],
            case.claims["report_id"].map(dict(zip(case.reports["report_id"], case.reports["source_id"], strict=False))),
            strict=False,
        )
    )
    claims = set(case.claims["claim_id"])
    start = time.perf_counter()
    rows = 0
    for k in case.claims["claim_id"]:
        best: dict = {}
        for node, d in nx.single_source_shortest_path_length(g, k).items():
            if node not in claims:
                best[node] = min(best.get(node, d), d)
            elif g.out_degree(node) == 0:
                best[publisher[node]] = min(best.get(publisher[node], d + 1), d + 1)
        rows += len(best)
    return time.perf_counter() - start, rows


def _child(queue, fn, args):
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        inner = fn(*args)
        error = None
    except MemoryError:
        inner, error = None, "MemoryError"
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MiB on Linux
    queue.put(
        {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "peak_mib": round(peak), "inner": inner, "error": error}
    )


def run(fn, *args, timeout=900):
    queue = mp.get_context("fork").Queue()
    p = mp.get_context("fork").Process(target=_child, args=(queue, fn, args))
    p.start()
    p.join(timeout)
    if p.is_alive():
        p.kill()
        return {"error": f"timeout after {timeout} s"}
    return queue.get()


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--json")
    args = parser.parse_args(argv)
    results = {
        "machine": platform.platform(),
        "python": sys.version.split()[0],
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    for unit, md in (
        ("Dr. ", False),
        ("said ", False),
        ("*a ", True),
        ("Reuters said 12 people died on Tuesday. ", False),
    ):
        for size in (12_000, 48_000):
            r = run(_draft, unit, size, md)
            results[f"draft {unit.strip()!r} {'md ' if md else ''}{size // 1000} KB"] = r
            print(f"draft {unit!r:45} {size // 1000:3} KB  {r}", flush=True)
    for kind in ("chain-3000", "loop-3000", "synth-20000"):
        for name, fn in (("kit origin_hops", _hops_kit), ("networkx per claim", _hops_networkx)):
            r = run(fn, kind)
            results[f"{name} {kind}"] = r
            print(f"{name:20} {kind:12} {r}", flush=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, indent=1)


if __name__ == "__main__":
    main()
