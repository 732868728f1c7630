"""docs/draft.md's "A dependency parser for the speakers?" states what benchmarks/results-parser-speakers.json holds.

The benchmark (``benchmarks/parser_speakers.py``) runs in a scratch venv with spaCy, which the kit does not depend on:
these tests read its results file and the prose only (no spaCy). Every number of the section is one of the results
file's (or a literal named here), and each table row and sentence with numbers is rebuilt from the file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results-parser-speakers.json"
HEADING = "### A dependency parser for the speakers?"


@pytest.fixture(scope="module")
def results() -> dict:
    return json.loads(RESULTS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def section() -> str:
    doc = (ROOT / "docs" / "draft.md").read_text(encoding="utf-8")
    assert doc.count(HEADING) == 1, "the section is missing or written twice"
    start = doc.index(HEADING)
    end = doc.index("\n## ", start)
    return " ".join(doc[start:end].split())  # the prose with its line breaks made single spaces


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} %"


def _row(name: str, c: dict) -> str:
    n = c["attributions"]
    cells = [name, c["articles"], n, c["both"], c["kit_only"], c["parser_only"], c["neither"]]
    cells += [f"{c['kit_found']} ({_pct(c['kit_found'], n)})", f"{c['parser_found']} ({_pct(c['parser_found'], n)})"]
    for who in ("kit", "parser"):
        right, cites = c[f"{who}_right"], c[f"{who}_citations"]
        cells.append(f"{right} of {cites} ({_pct(right, cites)})")
    return "| " + " | ".join(str(x) for x in cells) + " |"


def test_the_counts_add_up(results: dict) -> None:
    for c in (results["corpus"]["total"], results["polnear"]["dev"]):
        assert c["both"] + c["kit_only"] + c["parser_only"] + c["neither"] == c["attributions"]
        assert c["kit_found"] == c["both"] + c["kit_only"]
        assert c["parser_found"] == c["both"] + c["parser_only"]
        assert c["kit_wrong"] == c["kit_citations"] - c["kit_right"]
        wrong = sum(c[f"second_opinion_kit_wrong_{o}"] for o in ("agrees", "differs", "silent"))
        assert wrong == c["kit_wrong"]
        assert c["kit_right"] + wrong == c["kit_citations"]
    assert "test" not in results["polnear"], "PolNeAR's test split is never read"


def test_the_table_rows_are_the_results(results: dict, section: str) -> None:
    assert _row("draft corpus, every part but `test`", results["corpus"]["total"]) in section
    assert _row("PolNeAR dev", results["polnear"]["dev"]) in section
    assert _row("unseen20–unseen22, tuned on by neither", results["fresh_parts"]["total"]) in section


def test_the_fresh_parts_sentence_is_the_results(results: dict, section: str) -> None:
    c = results["fresh_parts"]["total"]
    assert results["fresh_parts"]["parts"] == ["unseen20", "unseen21", "unseen22"]
    assert c["both"] + c["kit_only"] + c["parser_only"] + c["neither"] == c["attributions"]
    assert c["parser_found"] < c["kit_found"] and c["parser_right"] / c["parser_citations"] < c["kit_precision"]
    said = (
        f"gives {c['fill_found']} found ({_pct(c['fill_found'], c['attributions'])}) and {c['fill_right']} of "
        f"{c['fill_citations']} citations right ({_pct(c['fill_right'], c['fill_citations'])}); {c['neither']} of the "
        f"{c['attributions']} attributions are found by neither."
    )
    assert said in section


def test_the_sentences_are_the_results(results: dict, section: str) -> None:
    c, d, t, w = results["corpus"]["total"], results["polnear"]["dev"], results["timing_polnear_dev"], None
    speech = d["speech_both"] + d["speech_kit_only"] + d["speech_parser_only"] + d["speech_neither"]
    kit_speech, parser_speech = d["speech_both"] + d["speech_kit_only"], d["speech_both"] + d["speech_parser_only"]
    w = results["model_wheel"]
    expected = [
        f"of dev's {speech} reported-speech attributions, {parser_speech} against the kit's {kit_speech}",
        f"(of the {d['speech_parser_only']} it finds and the kit does not, {d['speech_parser_only_pronoun_source']} "
        "have a pronoun as their Source",
        f"of the kit's {c['kit_wrong']} wrong citations on the corpus the parser names the right speaker in "
        f"{c['kit_wrong_parser_right']}, repeats the kit's wrong speaker in {c['second_opinion_kit_wrong_agrees']} "
        f"and says nothing in {c['second_opinion_kit_wrong_silent']}",
        f"lifts speaker precision to {_pct(c['veto_right'], c['veto_citations'])} ({c['veto_right']} of "
        f"{c['veto_citations']}) but lowers attributions to {_pct(c['veto_found'], c['attributions'])} "
        f"({c['veto_found']}): it contradicts {c['second_opinion_kit_right_differs']} right citations for "
        f"{c['second_opinion_kit_wrong_differs']} wrong ones",
        f"lifts attributions to {_pct(c['fill_found'], c['attributions'])} ({c['fill_found']}) and lowers speaker "
        f"precision to {_pct(c['fill_right'], c['fill_citations'])} ({c['fill_right']} of {c['fill_citations']}); on "
        f"PolNeAR dev that gives {d['fill_found']} found and {d['fill_right']} of {d['fill_citations']} citations",
        f"The parse costs {t['parse_seconds_per_1000_sentences']:.2f} s per 1,000 sentences against "
        f"{t['kit_draft_seconds_per_1000_sentences']:.2f} s for the kit's whole draft, and "
        f"{t['peak_rss_mb_after_parse']} MB of peak memory against {t['peak_rss_mb_before_model']} MB",
        f"spaCy and the model add {results['install']['spacy_and_model_alone']['packages']} packages and "
        f"{results['install']['spacy_and_model_alone']['venv_mb_added']} MB to a venv",
        f"wheel sha256 {w['sha256']}",
        f"spaCy {results['versions']['spacy']} with",
        f"`en_core_web_sm` {w['meta_version']}",
        f"this machine, {int(results['date'][8:])} Dec {results['date'][:4]}, the kit at {results['kit_commit']};",
    ]
    for piece in expected:
        assert piece in section, piece


def test_every_number_in_the_section_is_the_results(results: dict, section: str) -> None:
    # "per 1,000 sentences", spaCy's minor version "3.8" (the full one is checked above), the article's "another 52"
    allowed: set[str] = {"1,000", "3.8", "52"}

    def walk(v) -> None:
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, bool):
            return
        elif isinstance(v, int | float):
            allowed.add(f"{v:g}" if isinstance(v, int) else f"{v}")
            allowed.add(f"{v:.2f}")
        elif isinstance(v, str):
            allowed.update(re.findall(r"\d+(?:\.\d+)*", v))

    walk(results)
    d = results["polnear"]["dev"]
    speech = [d["speech_both"] + d[f"speech_{k}"] for k in ("kit_only", "parser_only")]
    allowed |= {str(sum(d[f"speech_{k}"] for k in ("both", "kit_only", "parser_only", "neither"))), *map(str, speech)}
    allowed.add(str(int(results["date"][8:])))  # "8 Dec 2026"
    for c in (results["corpus"]["total"], results["polnear"]["dev"], results["fresh_parts"]["total"]):
        for a, b in ((c["kit_found"], c["attributions"]), (c["parser_found"], c["attributions"])):
            allowed.add(_pct(a, b)[:-2])
        for k in ("kit", "parser", "veto", "fill"):
            allowed.add(_pct(c[f"{k}_right"], c[f"{k}_citations"])[:-2])
            allowed.add(_pct(c[f"{k}_found"], c["attributions"])[:-2])
    text = re.sub(r"`[^`]*`|[0-9a-f]{64}", " ", section)  # names in backticks and the sha256 are checked above
    numbers = re.findall(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?", text)
    assert numbers, "the section states no number"
    for n in numbers:
        assert n in allowed, f"{n} in the section is not a number of {RESULTS.name}"
