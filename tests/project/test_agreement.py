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
#: the audit corpus' parts with a second annotation, and the word their results files are named by
AUDIT_ONCE = {"held-out-20": "twentieth", "held-out-22": "twenty-second"}
DIRECTIONS = (("the second reader, against the first", "second_against_first"),
              ("the first reader, against the second", "first_against_second"))  # fmt: skip


def _bench():
    spec = importlib.util.spec_from_file_location("agreement", ROOT / "benchmarks" / "agreement.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _block(name: str) -> str:
    m = re.search(rf"<!-- agreement {name} -->\n(.*?)<!-- /agreement {name} -->", DOC, re.S)
    assert m, name
    return m.group(1)


def _results(name: str) -> dict:
    return json.loads((ROOT / "benchmarks" / f"results-{name}.json").read_text(encoding="utf-8"))


def _of(a: int, b: int, pct: bool = True) -> str:
    return f"{a} of {b} ({100 * a / b:.1f} %)" if pct else f"{a} of {b} ({a / b:.2f})"


def _draft_row(label: str, t: dict, figures: str) -> str:
    cells = (
        _of(t["sources_found"], t["sources"]),
        _of(t["attributions_found"], t["attributions"]),
        _of(t["citations_right"], t["citations"]),
        f"{t[figures]} of {t['figures']}",
    )
    return f"| {label} | " + " | ".join(cells) + " |"


def _audit_row(label: str, t: dict) -> str:
    cells = (
        _of(t["found"], t["copies"], pct=False),
        _of(t["right"], t["listed"], pct=False),
        f"{t['shared_quotes_as_copying']} of {t['shared_quotes']}",
    )
    return f"| {label} | " + " | ".join(cells) + " |"


def draft_block() -> str:
    """The draft's table as docs/agreement.md must have it: each part's two readers and the kit, then pooled."""
    rows = ["| part | | sources | attributions | right speaker | figures differing |", "|---|---|---|---|---|---|"]
    for part, d in RESULTS["draft"].items():
        for label, key in DIRECTIONS:
            rows.append(_draft_row(f"{part} | {label}", d[key], "figures_differing"))
        kit = _results(f"draft-corpus-{part}-scored-once")[part]
        rows.append(_draft_row(f"{part} | `kit draft`, against the first (scored once)", kit, "figure_errors"))
    for label, key in DIRECTIONS:
        rows.append(_draft_row(f"pooled | {label}", RESULTS["pooled"]["draft"][key], "figures_differing"))
    kits = [_results(f"draft-corpus-{part}-scored-once")[part] for part in RESULTS["draft"]]
    kit = {k: sum(x[k] for x in kits) for k in kits[0]}
    rows.append(_draft_row("pooled | `kit draft`, against the first (scored once)", kit, "figure_errors"))
    return "\n".join(rows) + "\n"


def _audit_once(part: str) -> dict:
    stories = "+".join(_audit_stories(part))
    return _results(f"audit-corpus-{AUDIT_ONCE[part]}-held-out-scored-once")[stories]


def _audit_stories(part: str) -> tuple:
    tests = _bench()._module("test_audit_corpus", ROOT / "tests" / "auditing" / "test_audit_corpus.py")
    return tests.PARTS[part]


def audit_block() -> str:
    """The audit's table as docs/agreement.md must have it: each part's two readers and the audit, then pooled."""
    rows = [
        "| part | | copies found | pairs listed right | shared quotations called copying |",
        "|---|---|---|---|---|",
    ]
    for part, d in RESULTS["audit_parts"].items():
        for label, key in DIRECTIONS:
            rows.append(_audit_row(f"{part} | {label}", d[key]))
        rows.append(_audit_row(f"{part} | `kit audit`, against the first (scored once)", _audit_once(part)))
    for label, key in DIRECTIONS:
        rows.append(_audit_row(f"pooled | {label}", RESULTS["pooled"]["audit"][key]))
    audits = [_audit_once(part) for part in RESULTS["audit_parts"]]
    keys = ("found", "copies", "right", "listed", "shared_quotes_as_copying", "shared_quotes")
    rows.append(
        _audit_row(
            "pooled | `kit audit`, against the first (scored once)", {k: sum(a[k] for a in audits) for k in keys}
        )
    )
    return "\n".join(rows) + "\n"


def test_the_results_are_what_the_benchmark_computes_now():
    assert _bench().score() == RESULTS
    assert set(RESULTS["audit_parts"]) == set(AUDIT_ONCE)


def test_the_tables_are_the_results():
    assert _block("draft") == draft_block()
    assert _block("audit") == audit_block()


def _kinds() -> dict:
    kinds: dict = {}
    for story in RESULTS["audit"].values():
        for k, n in story["kinds_first_second"].items():
            kinds[k] = kinds.get(k, 0) + n
    return kinds


def test_the_prose_says_what_the_results_say():
    prose = " ".join(DOC.split())
    kinds = _kinds()
    second_only = {k.split(" / ")[0]: n for k, n in kinds.items() if k.endswith("/ copied_prose") and k[:6] != "copied"}
    first_only = {
        k.split(" / ")[1]: n for k, n in kinds.items() if k.startswith("copied_prose /") and k[-6:] != "_prose"
    }
    said = (
        f"Of the pairs either reader calls copied prose, both do in {kinds['copied_prose / copied_prose']}; the second "
        f"alone in {sum(second_only.values())} ({second_only['stock_phrase']} the first calls a stock phrase, "
        f"{second_only['rewritten']} a rewrite, {second_only['shared_quote']} a shared quotation, "
        f"{second_only['none']} it does not list), the first alone in {sum(first_only.values())} "
        "(both a rewrite to the second)."
    )
    assert said in prose and set(first_only) == {"rewritten"} and first_only["rewritten"] == 2
    pooled = RESULTS["pooled"]["audit"]["second_against_first"]
    audits = [_audit_once(part) for part in RESULTS["audit_parts"]]
    audit = {k: sum(a[k] for a in audits) for k in ("found", "copies", "right", "listed", "shared_quotes_as_copying")}
    assert f"the second's precision ({pooled['right'] / pooled['listed']:.2f}) is below the audit's " in prose
    assert f"({audit['right'] / audit['listed']:.2f})" in prose and pooled["right"] / pooled["listed"] < 0.9
    assert pooled["shared_quotes_as_copying"] == audit["shared_quotes_as_copying"] > 0
    assert (
        f"the second calls {pooled['shared_quotes_as_copying']} of the first's {pooled['shared_quotes']} shared"
        in prose
    )
    assert f"finds {pooled['found']} of the first's {pooled['copies']} copies, the audit {audit['found']}." in prose
    draft = RESULTS["pooled"]["draft"]["second_against_first"]
    d = (draft["sources_found"], draft["sources"], draft["attributions_found"], draft["attributions"])
    assert f"the second finds {d[0]} of {d[1]} sources, {d[2]} of {d[3]} attributions" in prose
    assert f"names the right speaker in {draft['citations_right']} of its {draft['citations']}" in prose
    assert draft["figures_differing"] == 2 and "all but two figures" in prose
    kits = [_results(f"draft-corpus-{part}-scored-once")[part] for part in RESULTS["draft"]]
    kit = {k: sum(x[k] for x in kits) for k in kits[0]}
    shares = (
        f"{100 * kit['sources_found'] / kit['sources']:.1f} % of the sources and "
        f"{100 * kit['attributions_found'] / kit['attributions']:.1f} % of the attributions where the second reader "
        f"finds {100 * d[0] / d[1]:.1f} % and {100 * d[2] / d[3]:.1f} %"
    )
    assert shares in prose
    wrong = kit["citations"] - kit["citations_right"]
    assert (
        f"names a wrong speaker in {wrong} of its {kit['citations']} citations where the second reader does in "
        in prose
    )
    assert f"does in {draft['citations'] - draft['citations_right']} of {draft['citations']}:" in prose
    goals = draft["sources_found"] / draft["sources"], draft["attributions_found"] / draft["attributions"]
    assert goals[0] >= 0.95 and goals[1] >= 0.85 and draft["citations_right"] / draft["citations"] >= 0.95
