"""docs/agreement.md: how far a second, independent annotation agrees with the first, scored as the tools are
(benchmarks/agreement.py, benchmarks/results-agreement.json); every number of the page is read from the results."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = json.loads((ROOT / "benchmarks" / "results-agreement.json").read_text(encoding="utf-8"))
DOC = (ROOT / "docs" / "agreement.md").read_text(encoding="utf-8")
STORIES = "las-vegas-shooting-2017+kangra-school-bus-crash-2018"


def _bench():
    spec = importlib.util.spec_from_file_location("agreement", ROOT / "benchmarks" / "agreement.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _block(name: str) -> str:
    m = re.search(rf"<!-- agreement {name} -->\n(.*?)<!-- /agreement {name} -->", DOC, re.S)
    assert m, name
    return m.group(1)


def _once(name: str, key: str) -> dict:
    return json.loads((ROOT / "benchmarks" / f"results-{name}-scored-once.json").read_text(encoding="utf-8"))[key]


def _of(a: int, b: int, pct: bool = True) -> str:
    return f"{a} of {b} ({100 * a / b:.1f} %)" if pct else f"{a} of {b} ({a / b:.2f})"


def test_the_results_are_what_the_benchmark_computes_now():
    assert _bench().score() == RESULTS
    assert set(RESULTS["draft"]) == {"unseen20"}
    assert set(RESULTS["audit"]) == set(STORIES.split("+"))


def test_the_draft_table_is_the_results():
    rows = []
    for label, t in (
        ("the second reader, against the first", RESULTS["draft"]["unseen20"]["second_against_first"]),
        ("the first reader, against the second", RESULTS["draft"]["unseen20"]["first_against_second"]),
        ("`kit draft`, against the first (scored once)", None),
    ):
        if t is None:
            k = _once("draft-corpus-unseen20", "unseen20")
            cells = (
                _of(k["sources_found"], k["sources"]),
                _of(k["attributions_found"], k["attributions"]),
                _of(k["citations_right"], k["citations"]),
                f"{k['figure_errors']} of {k['figures']}",
            )
        else:
            cells = (
                _of(t["sources_found"], t["sources"]),
                _of(t["attributions_found"], t["attributions"]),
                _of(t["citations_right"], t["citations"]),
                f"{t['figures_differing']} of {t['figures']}",
            )
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    head = "| | sources | attributions | right speaker | figures differing |\n|---|---|---|---|---|\n"
    assert _block("draft") == head + "\n".join(rows) + "\n"


def test_the_audit_table_is_the_results():
    rows = []
    once = _once("audit-corpus-twentieth-held-out", STORIES)
    for label, t in (
        ("the second reader, against the first", RESULTS["audit_together"]["second_against_first"]),
        ("the first reader, against the second", RESULTS["audit_together"]["first_against_second"]),
        ("`kit audit`, against the first (scored once)", once),
    ):
        cells = (
            _of(t["found"], t["copies"], pct=False),
            _of(t["right"], t["listed"], pct=False),
            f"{t['shared_quotes_as_copying']} of {t['shared_quotes']}",
        )
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    head = "| | copies found | pairs listed right | shared quotations called copying |\n|---|---|---|---|\n"
    assert _block("audit") == head + "\n".join(rows) + "\n"


def test_the_prose_says_what_the_results_say():
    prose = " ".join(DOC.split())
    kinds: dict = {}
    for story in RESULTS["audit"].values():
        for k, n in story["kinds_first_second"].items():
            kinds[k] = kinds.get(k, 0) + n
    more = {
        k.split(" / ")[0]: n for k, n in kinds.items() if k.endswith("/ copied_prose") and not k.startswith("copied")
    }
    said = (
        f"The second calls {sum(more.values())} more pairs copied prose: {more['rewritten']} the first calls a "
        f"rewrite, {more['stock_phrase']} a stock phrase and {more['none']} it does not list."
    )
    assert said in prose
    assert not any(k.startswith("copied_prose / ") and not k.endswith("copied_prose") for k in kinds)  # all agreed
    second = RESULTS["audit_together"]["second_against_first"]
    once = _once("audit-corpus-twentieth-held-out", STORIES)
    assert f"{second['right'] / second['listed']:.2f}" == f"{once['right'] / once['listed']:.2f}" == "0.81"
    assert "the second's precision is the audit's own on this part (0.81)" in prose
    assert f"The audit's shortfall in recall ({once['copies'] - once['found']} copies missed)" in prose
    assert f"its {once['shared_quotes_as_copying']} shared quotations called copying" in prose
    draft = RESULTS["draft"]["unseen20"]["second_against_first"]
    assert draft["figures_differing"] == 1 and "all but one figure" in prose
    goals = (draft["sources_found"] / draft["sources"] >= 0.95, draft["attributions_found"] / draft["attributions"])
    assert goals[0] and goals[1] >= 0.85 and draft["citations_right"] / draft["citations"] >= 0.95
