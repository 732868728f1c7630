"""The numbers BENCHMARKS.md states for issue 22's audit run are the ones its JSON recorded."""

from __future__ import annotations

import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_the_issue_22_section_states_the_recorded_numbers():
    text = ROOT.joinpath("BENCHMARKS.md").read_text(encoding="utf-8")
    section = text[text.index("# Benchmarks: the audit on text as news is written (issue 22)") :]
    section = section[: section.index("\n# Benchmarks:", 10)]
    r = json.loads(ROOT.joinpath("benchmarks", "results-audit-2026-12-07-stop30.json").read_text(encoding="utf-8"))
    kit_, held = r["comparison"], r["heldout_comparison"]
    for c in (kit_, held):
        a = c["kit_audit"]
        assert f"{a['recall']:.4f}" in section and f"{a['precision']:.4f}" in section
        assert f"{a['cpu_s_median']:.2f} s" in section
        assert f"{c['speedup_wall']:.1f}×" in section and f"{c['speedup_cpu']:.1f}×" in section
        assert f"{a['hidden_copies']:,}" in section
    for s in (r["scale"], r["heldout_scale"]):
        assert f"{s['audit_cpu_s']:.1f} s" in section and f"{s['peak_rss_mb']:,} MB" in section
        assert f"{s['recall']:.4f}" in section and f"{s['precision']:.4f}" in section
    assert f"{r['scale']['audit_wall_s']:.1f} s" in section and f"{r['heldout_scale']['audit_wall_s']:.1f} s" in section
    assert f"load average {r['load_average_before'][0]:.2f} before" in section
    assert f"{r['load_average_after'][0]:.2f} after" in section
    best = held["rapidfuzz_token_set_ratio_80"]["with_the_audit_rules_best_per_claim"]
    assert f"recall {best['recall']:.4f}" in section
    m = kit_["minhash"]
    assert f"signatures {m['numpy_signatures_s']:.2f} s against {m['datasketch_bulk_s']:.2f} s" in " ".join(
        section.split()
    )
    assert f"({m['signatures_ratio']:.1f}×" in section and f"({m['candidates_ratio']:.1f}×" in section


def test_the_changelog_states_the_recorded_speed_ups():
    # stop 29's run and stop 30's (after its cost work), each met the goal; the run before stop 30's cost work did not
    text = " ".join(ROOT.joinpath("CHANGELOG.md").read_text(encoding="utf-8").split())
    for name in ("stop29", "stop30"):
        r = json.loads(ROOT.joinpath("benchmarks", f"results-audit-2026-12-07-{name}.json").read_text(encoding="utf-8"))
        kit_, held = r["comparison"]["speedup_wall"], r["heldout_comparison"]["speedup_wall"]
        assert f"the audit is {kit_:.1f}× and {held:.1f}× rapidfuzz's pass by wall clock" in text
        assert min(kit_, held) >= 10 and r["goals"]["10x_faster_than_rapidfuzz_wall"]
        assert r["goals_heldout"]["10x_faster_than_rapidfuzz_wall"]
    before = json.loads(ROOT.joinpath("benchmarks", "results-audit-2026-12-07-stop30-before.json").read_text())
    kit_, held = before["comparison"]["speedup_wall"], before["heldout_comparison"]["speedup_wall"]
    assert f"where a run before this work gave {kit_:.1f}× and {held:.1f}×" in text
    assert not before["goals"]["10x_faster_than_rapidfuzz_wall"]


def test_the_issue_22_section_states_the_run_before_stop_30s_cost_work():
    text = " ".join(ROOT.joinpath("BENCHMARKS.md").read_text(encoding="utf-8").split())
    r = json.loads(ROOT.joinpath("benchmarks", "results-audit-2026-12-07-stop30-before.json").read_text())
    kit_, held = r["comparison"]["speedup_wall"], r["heldout_comparison"]["speedup_wall"]
    assert f"(`benchmarks/results-audit-2026-12-07-stop30-before.json`), gave {kit_:.1f}× and {held:.1f}×" in text
    now = json.loads(ROOT.joinpath("benchmarks", "results-audit-2026-12-07-stop30.json").read_text())
    a = now["comparison"]
    runs = a["kit_audit"]["wall_s_runs"]
    slowest = a["rapidfuzz_token_set_ratio_80"]["wall_s"] / max(runs)
    assert f"the ratio would be {slowest:.1f}× on kit's shape" in text
