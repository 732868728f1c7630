"""The explorable citation graph in Chromium: its first draw, a hover and a click, on Deir ez-Zor and 2,000 claims.

A benchmark, not a timed test. For each case the graph's data (kit.graphview.graph_data, timed too) goes into a
page with the renderer module (static/graphview.js, imported from a blob: URL), then in the page:

- first draw: ``draw(host, data)`` until the next frame is painted (DOM built, style, layout and paint done);
- hover: a ``pointerover`` on a node of the first view until its tooltip is painted;
- click: a ``click`` on a node until its lineage is painted lit (the rest dimmed).

Each starts after the previous change has been painted.

Goals (issue 11): a click <= 50 ms, the first draw at 2,000 claims <= 1 s.

    .venv/bin/python benchmarks/bench_graphview.py            # prints a table
    .venv/bin/python benchmarks/bench_graphview.py --json out.json
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import kit  # noqa: E402
from kit.graphview import graph_data  # noqa: E402
from kit.graphview.fragment import static_text  # noqa: E402

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>{css}</style></head>
<body style="margin:0;font-family:sans-serif"><main style="max-width:62rem;margin:0 auto"><div id="host"></div></main>
</body></html>"""

MEASURE = """async ([src, data, rounds]) => {
  // resolves after the next frame has been painted (a task queued from requestAnimationFrame runs after the paint)
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const url = URL.createObjectURL(new Blob([src], {type: "text/javascript"}));
  const m = await import(url);
  const host = document.getElementById("host");
  const draws = [], scripts = [];
  for (let k = 0; k < 3; k++) {
    await frame();
    const t = performance.now();
    m.draw(host, data);
    scripts.push(performance.now() - t);
    host.getBoundingClientRect();
    await frame();
    draws.push(performance.now() - t);
  }
  // the claims a reader can point at: drawn in the first view
  const nodes = [...host.querySelectorAll(".kgv-nodes .kgv-node.kgv-claim")].filter((n) => n.firstChild);
  const pick = (i) => nodes[Math.floor((i * 7919) % nodes.length)];
  const hovers = [], clicks = [];
  for (let i = 0; i < rounds; i++) {
    const n = pick(i);
    await frame();
    let t = performance.now();
    n.dispatchEvent(new PointerEvent("pointerover", {bubbles: true}));
    host.querySelector("[role=tooltip]").getBoundingClientRect();
    await frame();
    hovers.push(performance.now() - t);
    await frame();
    t = performance.now();
    n.dispatchEvent(new MouseEvent("click", {bubbles: true}));
    host.getBoundingClientRect();
    await frame();
    clicks.push(performance.now() - t);
    if (n.getAttribute("aria-pressed") !== "true") { throw new Error("the click traced nothing"); }
    n.dispatchEvent(new MouseEvent("click", {bubbles: true}));   // untrace
  }
  return {draws, scripts, hovers, clicks, nodes: host.querySelectorAll(".kgv-node").length,
          edges: host.querySelectorAll(".kgv-edge").length};
}"""


def measure(browser, data, rounds=20):
    """In-page milliseconds: first draws (3), hovers and clicks (``rounds`` each)."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.set_content(PAGE.format(css=static_text("graphview.css")))
    out = page.evaluate(MEASURE, [static_text("graphview.js"), data, rounds])
    page.close()
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="write the results to this file")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from _browser import CHROMIUM, CHROMIUM_ARGS

    cases = [
        ("Deir ez-Zor", kit.load_case(ROOT / "data" / "deir-ez-zor"), "russians_killed_feb7"),
        ("synthetic 2,000 reports", kit.testing.synth.make_case(2000, seed=0), None),
    ]
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for label, case, prop in cases:
                t = time.perf_counter()
                data = graph_data(case, prop)
                py = time.perf_counter() - t
                m = measure(browser, data, args.rounds)
                rows.append(
                    {
                        "case": label,
                        "proposition": prop,
                        "nodes": m["nodes"],
                        "edges": m["edges"],
                        "claims": sum(n["kind"] == "claim" for n in data["nodes"]),
                        "json_kb": round(len(json.dumps(data, ensure_ascii=False).encode()) / 1024, 1),
                        "graph_data_s": py,
                        "first_draw_ms": m["draws"][0],
                        "first_draw_script_ms": m["scripts"][0],
                        "redraw_ms": statistics.median(m["draws"][1:]),
                        "hover_median_ms": statistics.median(m["hovers"]),
                        "hover_max_ms": max(m["hovers"]),
                        "click_median_ms": statistics.median(m["clicks"]),
                        "click_max_ms": max(m["clicks"]),
                    }
                )
        finally:
            browser.close()
    js = len(static_text("graphview.js").encode()), len(static_text("graphview.css").encode())
    print(
        os.uname().nodename,
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}",
        time.strftime("%Y-%m-%d %H:%M"),
        f"graphview.js {js[0] / 1024:.1f} kB, graphview.css {js[1] / 1024:.1f} kB",
    )
    print(
        f"{'case':<25}{'claims':>7}{'nodes':>7}{'edges':>7}{'JSON kB':>9}{'data s':>8}{'draw ms':>9}{'(JS)':>8}"
        f"{'hover ms':>10}{'click ms':>10}{'click max':>11}"
    )
    for r in rows:
        print(
            f"{r['case']:<25}{r['claims']:>7}{r['nodes']:>7}{r['edges']:>7}{r['json_kb']:>9}"
            f"{r['graph_data_s']:>8.2f}{r['first_draw_ms']:>9.0f}{r['first_draw_script_ms']:>8.0f}{r['hover_median_ms']:>10.1f}"
            f"{r['click_median_ms']:>10.1f}{r['click_max_ms']:>11.1f}"
        )
    big = rows[-1]
    print(
        f"goals: click <= 50 ms: {'met' if max(r['click_median_ms'] for r in rows) <= 50 else 'NOT met'}; "
        f"first draw at 2,000 claims <= 1 s: {'met' if big['first_draw_ms'] <= 1000 else 'NOT met'}"
    )
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": rows, "js_bytes": js[0], "css_bytes": js[1]}, indent=1))
    return rows


if __name__ == "__main__":
    main()
