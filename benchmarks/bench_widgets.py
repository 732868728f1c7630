"""How long one StoryStepper step takes to update: Deir ez-Zor and a 2,000-report synthetic case.

A benchmark, not a timed test. Each measured step is drawn afresh (the stepper's per-step image cache is emptied
first), so the number is the cost of a step the reader has not seen yet; going back to a seen step is instant.
Goals (issue 3): median <= 100 ms on Deir ez-Zor, <= 300 ms on the 2,000-report case.

    .venv/bin/python benchmarks/bench_widgets.py            # prints a table
    .venv/bin/python benchmarks/bench_widgets.py --json out.json
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import kit  # noqa: E402
import kit.widgets  # noqa: E402


def step_times(case, proposition, rounds=3):
    """Seconds per fresh step update, every step of the story, ``rounds`` times."""
    stepper = kit.widgets.StoryStepper(case, proposition)
    times, cpu = [], []
    for _ in range(rounds):
        for step in list(range(2, stepper.n_steps + 1)) + [1]:
            stepper._images.clear()  # a step not seen yet
            t, c = time.perf_counter(), time.process_time()
            stepper.go(step)
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
    return stepper, times, cpu


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="write the results to this file")
    args = parser.parse_args(argv)
    rows = []
    load_before = os.getloadavg()
    deir = kit.load_case(ROOT / "data" / "deir-ez-zor")
    synth = kit.testing.synth.make_case(2000, seed=0)
    biggest = synth.claims["proposition"].value_counts().index[0]
    for label, case, prop, goal in [
        ("Deir ez-Zor", deir, "russians_killed_feb7", 0.100),
        ("synthetic 2,000 reports", synth, biggest, 0.300),
    ]:
        stepper, times, cpu = step_times(case, prop)
        med = statistics.median(times)
        rows.append(
            {
                "case": label,
                "proposition": prop,
                "steps": stepper.n_steps,
                "claims": int((case.claims["proposition"] == prop).sum()),
                "aggregated": bool(stepper.aggregated),
                "median_s": med,
                "max_s": max(times),
                "median_cpu_s": statistics.median(cpu),
                "goal_s": goal,
                "met": med <= goal,
            }
        )
    machine = {  # the run's machine and its load (1-, 5-, 15-minute averages) before and after
        "when_utc": time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
        "host": os.uname().nodename,
        "cores": os.cpu_count(),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
    }
    for r in rows:
        r.update(machine)
    print(
        os.uname().nodename,
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}",
        time.strftime("%Y-%m-%d %H:%M"),
    )
    print(f"{'case':<26}{'steps':>6}{'claims':>8}{'median ms':>11}{'CPU ms':>8}{'max ms':>9}{'goal ms':>9}  met")
    for r in rows:
        print(
            f"{r['case']:<26}{r['steps']:>6}{r['claims']:>8}{r['median_s'] * 1000:>11.0f}"
            f"{r['median_cpu_s'] * 1000:>8.0f}{r['max_s'] * 1000:>9.0f}{r['goal_s'] * 1000:>9.0f}  "
            f"{'yes' if r['met'] else 'NO'}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
