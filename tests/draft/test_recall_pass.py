"""docs/draft.md's "The recall pass" and CHANGELOG.md state what benchmarks/results-*-recall-pass.json measured.

The development parts' totals before and after, the misses read and their kinds, each rule's moves (each on the gate
of issue 21's recall pass) and PolNeAR's train and dev; the kit as it stands is compared with the "after" in
tests/draft/test_corpus.py (test_the_kit_as_it_stands_is_the_subject_phrase_pass_merged).
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KEYS = ("sources", "sources_found", "attributions", "attributions_found", "citations", "citations_right")


def _results(name: str) -> dict:
    return json.loads((ROOT / "benchmarks" / name).read_text(encoding="utf-8"))


def _prose() -> str:
    text = (ROOT / "docs" / "draft.md").read_text(encoding="utf-8")
    start = text.index("#### The recall pass: what the kit still missed")
    return " ".join(text[start : text.index("### Against PolNeAR", start)].split())


def _pct(x: int, y: int) -> str:
    return f"{100 * x / y:.1f} %"


def test_the_results_add_up() -> None:
    r = _results("results-draft-corpus-recall-pass.json")
    dev = [p for p in r["after"] if p not in ("test", "dev air strikes")]
    for when in ("before", "after"):
        assert r["development_totals"][when] == {
            k: sum(r[when][p][k] for p in dev) for k in r["development_totals"][when]
        }
    assert r["before"] == _results("results-draft-corpus-subject-phrases-merged.json")["parts"]
    assert r["before"]["test"] == r["after"]["test"]  # Cebu's part is not moved (and was never studied)
    b, a = r["development_totals"]["before"], r["development_totals"]["after"]
    for rule in r["rules"]:  # the gate, each rule on its own
        d = rule["corpus"]["delta"]
        assert d["sources_found"] > 0 or d["attributions_found"] > 0, rule["rule"]
        assert d["citations_right"] >= 0 and d["citations"] - d["citations_right"] <= 0 and d["figure_errors"] <= 0
        assert rule["polnear"]["dev"]["found"] >= 0 and rule["polnear"]["dev"]["right"] >= 0
    for k in ("sources_found", "attributions_found", "citations", "citations_right", "figure_errors"):
        assert sum(rule["corpus"]["delta"][k] for rule in r["rules"]) == a[k] - b[k], k
    assert sum(k["missed"] for k in r["misses_by_kind"]) == r["misses"] == b["attributions"] - b["attributions_found"]
    assert r["misses_after"] == a["attributions"] - a["attributions_found"]
    fixed = sum(k["fixed_by_the_pass"] for k in r["misses_by_kind"])
    assert fixed - len(r["newly_missed"]) == a["attributions_found"] - b["attributions_found"]
    p = _results("results-polnear-recall-pass.json")
    for split in ("train", "dev"):
        for k in ("found", "citations", "right"):
            assert sum(x[split][k] for x in p["rules"]) == p["after"][split][k] - p["before"][split][k]
    assert p["after"]["dev"]["right"] / p["after"]["dev"]["citations"] >= p["before"]["dev"]["precision"]


def test_docs_state_the_recall_pass() -> None:
    r, p = _results("results-draft-corpus-recall-pass.json"), _results("results-polnear-recall-pass.json")
    prose = _prose()
    b, a = r["development_totals"]["before"], r["development_totals"]["after"]
    assert f"PARTS but Cebu's): {r['misses']} of {b['attributions']}. By kind: " in prose
    counts = [k["missed"] for k in r["misses_by_kind"]]
    stated = prose.split("By kind: ")[1].split(". Of these")[0].split("; ")
    assert [int(s.split()[0]) for s in stated] == counts
    whose = {
        w: sum(k["missed"] for k in r["misses_by_kind"] if k["whose"] == w) for w in ("rules", "annotation", "text")
    }
    assert (
        f"Of these, {whose['rules']} are the rules' work, {whose['annotation']} the annotation's reading and "
        f"{whose['text']} the text's defects. Four small rules were kept" in prose
    )
    assert len(r["rules"]) == 4 and all(f"`{x['rule']}`" in prose for x in r["rules"])
    assert (
        f"sources {b['sources_found']} → {a['sources_found']} of {a['sources']} "
        f"({_pct(b['sources_found'], b['sources'])} → {_pct(a['sources_found'], a['sources'])}), attributions "
        f"{b['attributions_found']} → {a['attributions_found']} of {a['attributions']} "
        f"({_pct(b['attributions_found'], b['attributions'])} → {_pct(a['attributions_found'], a['attributions'])}), "
        f"right citations {b['citations_right']} of {b['citations']} → {a['citations_right']} of {a['citations']} "
        f"(wrong {b['citations'] - b['citations_right']} → {a['citations'] - a['citations_right']}), figure errors "
        f"{b['figure_errors']} → {a['figure_errors']};" in prose
    )
    fixed = sum(k["fixed_by_the_pass"] for k in r["misses_by_kind"])
    assert f"of the {r['misses']} misses the rules found {fixed} and lost {len(r['newly_missed'])} " in prose
    pb, pa = p["before"], p["after"]
    assert (
        f"dev: {pb['dev']['found']} → {pa['dev']['found']} found, {pb['dev']['right']} → {pa['dev']['right']} right "
        f"of {pa['dev']['citations']} citations;" in prose
    )
    assert pb["dev"]["citations"] == pa["dev"]["citations"]
    assert (
        f"{pb['train']['found']} → {pa['train']['found']} found, {pb['train']['right']} → {pa['train']['right']} "
        f"right of {pb['train']['citations']} → {pa['train']['citations']}." in prose
    )
    assert "(twelve parts moved)" in prose and len(r["moved"]) == 12


def test_changelog_states_the_recall_pass() -> None:
    r, p = _results("results-draft-corpus-recall-pass.json"), _results("results-polnear-recall-pass.json")
    b, a = r["development_totals"]["before"], r["development_totals"]["after"]
    text = " ".join((ROOT / "CHANGELOG.md").read_text(encoding="utf-8").split())
    wrong = (b["citations"] - b["citations_right"]) - (a["citations"] - a["citations_right"])
    assert (
        f"{a['sources_found'] - b['sources_found']} sources, {a['attributions_found'] - b['attributions_found']} "
        f"attributions and {a['citations_right'] - b['citations_right']} right citations more on the development "
        f"parts, {wrong} wrong citations fewer, no figure error added; PolNeAR dev {p['after']['dev']['found']} found, "
        f"{p['after']['dev']['right']} right ({p['before']['dev']['found']}, {p['before']['dev']['right']} before)"
        in text
    )
