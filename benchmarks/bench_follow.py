"""kit.provenance before contract version 2 (commit f9f7f3e) against today's, with and without a basis column.

Run from the repository root (needs git): ``.venv/bin/python benchmarks/bench_follow.py 100000``.
The old kit is unpacked with ``git archive`` into a temporary folder and imported after today's, in one process,
so both run on the same synthetic case.
"""

from __future__ import annotations

import dataclasses
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
OLD = "f9f7f3e"


def median_time(f, reps=3):
    xs = []
    for _ in range(reps):
        s = time.perf_counter()
        f()
        xs.append(time.perf_counter() - s)
    return statistics.median(xs)


def main(n: int) -> None:
    sys.path.insert(0, str(ROOT))
    import kit

    new = sys.modules["kit.provenance"]
    case = kit.testing.synth.make_case(n)
    rng = np.random.default_rng(0)
    cit = case.citations.copy()
    cit["basis"] = pd.array(
        np.where(rng.random(len(cit)) < 0.9, "stated", "inferred"), dtype=case.citations["cites"].dtype
    )
    with_basis = dataclasses.replace(case, citations=cit)
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", OLD, "kit"], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        for m in [m for m in sys.modules if m == "kit" or m.startswith("kit.")]:
            del sys.modules[m]
        sys.path.remove(str(ROOT))
        sys.path.insert(0, tmp)
        import kit as old

        print(f"{n} reports, v1 engine ({OLD}): {median_time(lambda: old.provenance(case)):.3f} s")
    print(f"{n} reports, v2, no basis column: {median_time(lambda: new.provenance(case)):.3f} s")
    print(f"{n} reports, v2, basis column: {median_time(lambda: new.provenance(with_basis)):.3f} s")
    print(
        f"{n} reports, v2, basis column, stated only: "
        f"{median_time(lambda: new.provenance(with_basis, follow=('stated',))):.3f} s"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
