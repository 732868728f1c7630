"""kit.audit on real coverage (tests/audit_corpus/): three stories, every sentence a claim, the reuse annotated by
hand before the audit was run on them. The numbers docs/audit.md states for it are computed here."""

from __future__ import annotations

import dataclasses
import importlib.util
import pathlib
import re

import pandas as pd
import pytest

import kit
from kit.auditing import audit

HERE = pathlib.Path(__file__).resolve().parents[1]
CORPUS = HERE / "audit_corpus"
DOC = HERE.parent / "docs" / "audit.md"
STORIES = sorted(p for p in CORPUS.iterdir() if (p / "articles").is_dir())
KINDS = {"copied_prose", "shared_quote", "stock_phrase", "rewritten"}


def _build():
    spec = importlib.util.spec_from_file_location("audit_corpus_build", CORPUS / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus():
    """The three stories as one case (so that what recurs across stories is learned as such) and the reuse."""
    cases = [kit.load_case(str(p)) for p in STORIES]
    tables = {t: pd.concat([getattr(c, t) for c in cases], ignore_index=True) for t in ("sources", "reports", "claims")}
    tables["citations"] = pd.concat([c.citations for c in cases], ignore_index=True)
    case = dataclasses.replace(cases[0], **tables, meta=dict(cases[0].meta), warnings=[])
    reuse = pd.concat([pd.read_csv(p / "reuse.csv", dtype=str, keep_default_na=False) for p in STORIES])
    return case, reuse.reset_index(drop=True)


def score(case, reuse) -> dict:
    """Copied prose found, and shared quotations (and other annotated reuse) suggested as copying.

    Claims joined by ``copied_prose`` rows form one group (a copy of a copy may be listed against any earlier
    member). Recall: the share of claims annotated as copying another claim (``claim_id`` of a ``copied_prose``
    row) that a ``shared_text`` row pairs with a member of their group. Precision: the share of ``shared_text``
    rows whose two claims are of one group.
    """
    rows = audit(case)
    shared = rows[rows["signal"] == "shared_text"]
    parent: dict = {}

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    copied = reuse[reuse["kind"] == "copied_prose"]
    for a, b in zip(copied["claim_id"], copied["other"], strict=True):
        parent[find(a)] = find(b)
    kind = {frozenset(p): k for *p, k in zip(reuse["claim_id"], reuse["other"], reuse["kind"], strict=True)}
    good = [
        bool(a in parent or b in parent) and find(a) == find(b)
        for a, b in zip(shared["claim_id"], shared["cites"], strict=False)
    ]
    partners: dict = {}
    for a, b, ok in zip(shared["claim_id"], shared["cites"], good, strict=True):
        if ok:
            partners.setdefault(a, set()).add(b)
            partners.setdefault(b, set()).add(a)
    later = set(copied["claim_id"])
    found = {c for c in later if partners.get(c)}
    wrong = [
        kind.get(frozenset((a, b)), "none")
        for (a, b), ok in zip(zip(shared["claim_id"], shared["cites"], strict=False), good, strict=False)
        if not ok
    ]
    return {
        "claims": len(case.claims),
        "articles": len(case.reports),
        "copies": len(later),
        "found": len(found),
        "recall": len(found) / len(later),
        "listed": len(shared),
        "right": sum(good),
        "precision": sum(good) / len(shared) if len(shared) else 1.0,
        "shared_quotes_as_copying": wrong.count("shared_quote"),
        "shared_quotes": int((reuse["kind"] == "shared_quote").sum()),
        "stock_phrases_as_copying": wrong.count("stock_phrase"),
        "unannotated_as_copying": wrong.count("none"),
        "missed": sorted(later - found),
        "rows": rows,
    }


def test_the_tables_are_what_build_py_makes_of_the_articles():
    build = _build()
    for story in STORIES:
        for name, text in build.tables(story).items():
            assert (story / name).read_text(encoding="utf-8") == text, f"{story.name}/{name}: run build.py"


def test_every_sentence_is_a_claim_and_the_cases_check(corpus):
    build = _build()
    case, _ = corpus
    for story in STORIES:
        for path in (story / "articles").glob("*.txt"):
            meta, body = build.read_article(path)
            assert meta["url"].startswith("http") and meta["notes"], path
            got = case.claims[case.claims["report_id"] == path.stem]["text"].tolist()
            assert got == build.sentences(body) and len(got) > 0
    assert build.sentences("“We saw it. It fell,” he said. By 11 p.m. Paris time, the U.S. Army left.") == [
        "“We saw it. It fell,” he said.",
        "By 11 p.m. Paris time, the U.S. Army left.",
    ]


def test_the_reuse_is_annotated_between_claims_of_different_outlets(corpus):
    case, reuse = corpus
    publisher = dict(zip(case.reports["report_id"], case.reports["source_id"], strict=True))
    report = dict(zip(case.claims["claim_id"], case.claims["report_id"], strict=True))
    assert set(reuse["kind"]) <= KINDS and set(reuse["kind"]) == KINDS
    for a, b in zip(reuse["claim_id"], reuse["other"], strict=True):
        assert a in report and b in report, (a, b)
        assert publisher[report[a]] != publisher[report[b]], (a, b)
    assert (reuse["speaker"] != "").equals(reuse["kind"] == "shared_quote")


def test_real_coverage_copied_prose_found_and_no_shared_quotation_called_copying(corpus):
    s = score(*corpus)
    assert s["recall"] >= 0.85, s["missed"]  # measured 0.86 (docs/audit.md); the goal is 0.9, below
    assert s["precision"] >= 0.9
    assert s["shared_quotes_as_copying"] == 0
    # the evidence says which passage is copied prose and which is quoted
    ev = s["rows"].set_index(["claim_id", "cites"])["evidence"]
    assert all(e.startswith("copied prose: ") for e in s["rows"].loc[s["rows"]["signal"] == "shared_text", "evidence"])
    assert ev[("theweek-4", "egyptindependent-6")].startswith("copied prose: Paris fire brigade chief Jean-Claude")
    assert "; both quote: " in ev[("theweek-4", "egyptindependent-6")]


@pytest.mark.xfail(strict=True, reason="issue 22's goal, not met: recall 0.86 on real coverage (docs/audit.md)")
def test_real_coverage_goal_recall_0_9(corpus):
    assert score(*corpus)["recall"] >= 0.9


def _doc_numbers() -> dict:
    text = DOC.read_text(encoding="utf-8")
    m = re.search(r"<!-- real-coverage -->(.*?)<!-- /real-coverage -->", text, re.S)
    assert m, "docs/audit.md has no real-coverage section"
    return {k: v.rstrip(".") for k, v in re.findall(r"\*\*([a-z_]+)\*\*: ([0-9.]+)", m.group(1))}


def test_the_numbers_docs_audit_md_states_for_real_coverage(corpus):
    s = score(*corpus)
    stated = _doc_numbers()
    want = {
        "articles": str(s["articles"]),
        "claims": str(s["claims"]),
        "copies": str(s["copies"]),
        "found": str(s["found"]),
        "recall": f"{s['recall']:.2f}",
        "listed": str(s["listed"]),
        "right": str(s["right"]),
        "precision": f"{s['precision']:.2f}",
        "shared_quotes": str(s["shared_quotes"]),
        "shared_quotes_as_copying": str(s["shared_quotes_as_copying"]),
        "stock_phrases_as_copying": str(s["stock_phrases_as_copying"]),
        "unannotated_as_copying": str(s["unannotated_as_copying"]),
    }
    assert stated == want
