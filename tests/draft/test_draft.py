"""kit draft: a first draft of a case from one article (docs/draft.md).

The fixtures in tests/cases/draft/ are passages of the seed article (shared/seeds/deir-ez-zor-article.txt) saved
as .txt, as Markdown, and inside an HTML page with navigation, a ticker, a related-articles box and a footer that
carry attribution cues of their own: none of that boilerplate may reach the draft.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import kit
from conftest import SEED
from kit.cli.draft import add_parser
from kit.draft import compare, draft_case, write_draft
from kit.draft.extract import read_article, sentences
from kit.draft.numbers import figures

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "cases" / "draft"
REFERENCE = ROOT / "data" / "deir-ez-zor"

# Targets of issue 13. What is measured now is written out in docs/draft.md ("On the seed article") and README.md,
# and tests/draft/test_draft_prose.py compares those numbers with compare() on every run (last written: sources 18 of
# 18, citations 12 of 19; the draft 20 sources, 2 without a counterpart, 22 claims, 4, and 23 citations, 11).
SOURCE_TARGET, CITATION_TARGET = 0.80, 0.60


def kit_draft(*argv) -> int:
    parser = argparse.ArgumentParser(prog="kit")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["draft", *map(str, argv)])
    return args.func(args)


def rows(tables, name):
    return tables[name].to_dict("records")


@pytest.fixture(scope="module")
def seed_draft(tmp_path_factory):
    if not SEED.is_file():
        pytest.fail(f"the seed article {SEED} is missing")
    out = tmp_path_factory.mktemp("seed") / "draft"
    write_draft(SEED, out, publisher="Tsarizm", published="2018-02-13")
    return kit.load_case(out)


def test_seed_draft_proposes_the_hand_built_sources_and_citations(seed_draft):
    m = compare(seed_draft, REFERENCE)
    print(
        f"\nsources: {m['sources_matched']} of {m['sources']} ({m['source_share']:.1%}); "
        f"citations: {m['citations_matched']} of {m['citations']} ({m['citation_share']:.1%}); "
        f"draft rows without a counterpart: {m['draft_sources_unmatched']} of {m['draft_sources']} sources, "
        f"{m['draft_claims_unmatched']} of {m['draft_claims']} claims, "
        f"{m['draft_citations_unmatched']} of {m['draft_citations']} citations"
    )
    print("missed citations:", m["missed_citations"])
    assert m["source_share"] >= SOURCE_TARGET, m["missed_sources"]
    # the target counts what the article states; a link the hand-built case reads from it (inferred) is the reporter's
    assert m["stated_share"] >= CITATION_TARGET, m["missed_citations"]
    assert m["stated_citations"] == 18 and m["citations"] == 22  # the 4 inferred ones are not counted against it
    # the matches are the right ones, not just enough of them
    assert m["source_pairs"]["reuters_associates"] == "their-associates"
    assert m["source_pairs"]["bloomberg_two_russians"] == "two-of-russians"
    assert ("reuters-two-killed", "reuters_associates") in m["citation_pairs"]
    assert ("daily-beast-200-russian-fighters", "bloomberg-more-than-200") in m["citation_pairs"]


def test_compare_counts_a_draft_against_itself_as_complete(seed_draft):
    m = compare(seed_draft, seed_draft)
    assert (m["source_share"], m["citation_share"], m["draft_citations_unmatched"]) == (1.0, 1.0, 0)


@pytest.mark.parametrize(
    "article",
    [SEED, FIXTURES / "bloomberg.txt", FIXTURES / "reuters-afp.md", FIXTURES / "december-report.html"],
    ids=lambda p: p.name,
)
def test_every_text_and_evidence_is_a_verbatim_span_of_the_article(article):
    text = read_article(article).text
    tables = draft_case(text, publisher="Tsarizm", published="2018-02-13")
    assert len(tables["claims"]) > 0
    whole = {s.text for s in sentences(text)}
    for row in rows(tables, "claims"):
        assert row["text"] and row["text"] in text, row["text"]
    for row in rows(tables, "citations"):
        assert row["evidence"] in whole, row["evidence"]  # the whole sentence, exactly as written
        assert (row["relation"], row["basis"]) == ("relies_on", "stated")


def test_told_reuters_makes_reuters_the_publisher_and_the_speakers_its_source(seed_draft):
    c = seed_draft
    claim = c.claims[c.claims["text"].str.contains("their associates told Reuters")].iloc[0]
    report = c.reports.set_index("report_id").loc[claim["report_id"]]
    assert report["source_id"] == "reuters"
    cited = c.citations[c.citations["claim_id"] == claim["claim_id"]]["cites"].tolist()
    assert cited == ["their-associates"]
    sources = c.sources.set_index("source_id")
    assert sources.loc["their-associates", "kind"] == "anonymous"
    assert sources.loc["facebook-post", "kind"] == "social"
    assert sources.loc["conflict-intelligence-team", "kind"] == "monitor"
    assert sources.loc["maxim-buga", ["kind", "affiliation"]].tolist() == ["individual", "Cossack community"]
    assert claim["low"] == 2 and pd.isna(claim["high"])


def test_figures_follow_the_contract_and_keep_their_words(seed_draft):
    claims = seed_draft.claims.set_index("text")

    def bounds(words):
        row = claims.loc[next(t for t in claims.index if words in t)]
        return (None if pd.isna(row["low"]) else int(row["low"]), None if pd.isna(row["high"]) else int(row["high"]))

    assert bounds("More than 200 contract soldiers") == (201, None)
    assert bounds("The U.S. official put the death toll at about 100") == (100, 100)
    assert bounds("with 200 to 300 injured") == (200, 300)
    assert bounds("could be up to 200 Russians") == (None, 200)
    assert bounds("at least three other Russians") == (3, None)
    buga = claims.loc[next(t for t in claims.index if "“dozens”" in t)]
    assert int(buga["low"]) == 24 and pd.isna(buga["high"]) and "draft: check low/high: 'dozens'" in buga["notes"]
    measures = dict(zip(seed_draft.claims["text"], seed_draft.claims["measure"], strict=False))
    assert measures["with 200 to 300 injured."] == "wounded"


@pytest.mark.parametrize(
    "words, low, high",
    [
        ("at least two Russian men", 2, None),
        ("More than 200 contract soldiers", 201, None),
        ("about 100", 100, 100),
        ("200 to 300 injured", 200, 300),
        ("dozens", 24, None),
        ("up to 200", None, 200),
        ("41 of its troops", 41, 41),
        ("between 10 and 20", 10, 20),
        ("fewer than 10", None, 9),
    ],
)
def test_number_words(words, low, high):
    f = figures(words)[0]
    assert (f.low, f.high) == (low, high)


def test_dates_are_not_figures():
    assert figures("died in Deir al-Zor on Feb. 7. On February 12, 2018 and 7 February") == []


def test_markdown_loses_its_markup_and_keeps_its_attributions():
    article = read_article(FIXTURES / "reuters-afp.md")
    assert article.title == "Russians Killed In Battle With US In Syria"
    for mark in ("**", "](", "# ", "> ", "- Maxim", "*Reuters*", "source:"):
        assert mark not in article.text
    t = draft_case(article.text, publisher="Tsarizm", published="2018-02-13")
    names = set(t["sources"]["name"])
    assert {"Reuters", "AFP", "Conflict Intelligence Team", "Maxim Buga", "Facebook post"} <= names
    relay = {r["claim_id"]: r["report_id"] for r in rows(t, "claims")}
    buga = next(r for r in rows(t, "citations") if r["cites"] == "maxim-buga")
    assert relay[buga["claim_id"]] == "reuters-report"  # "according to Reuters": Reuters relays Buga


def test_html_boilerplate_does_not_leak_and_metadata_fills_in(tmp_path):
    out = tmp_path / "draft"
    assert kit_draft(FIXTURES / "december-report.html", out) == 0  # publisher and date from the page
    case = kit.load_case(out)
    everything = " ".join(case.claims["text"]) + " ".join(case.citations["evidence"]) + " ".join(case.sources["name"])
    for leaked in ("Bloomberg", "Buga", "Moscow Times", "Subscribe", "NIH", "Related", "Home"):
        assert leaked not in everything
    assert set(case.sources["name"]) >= {"Tsarizm", "Russian Defense Ministry", "Fontanka", "December report (unnamed)"}
    own = case.reports[case.reports["source_id"] == "tsarizm"].iloc[0]
    assert str(own["published"].date()) == "2018-02-13"
    assert own["url"] == "https://tsarizm.example/mercenaries-contractors-aftermath"
    assert "draft: check date (from the page's metadata)" in own["notes"]
    quoted = case.reports[case.reports["source_id"] == "december-report"].iloc[0]
    assert "draft: check date" in quoted["notes"]


def test_output_passes_kit_check(tmp_path):
    out = tmp_path / "draft"
    assert kit_draft(FIXTURES / "bloomberg.txt", out, "--publisher", "Tsarizm", "--published", "2018-02-13") == 0
    done = subprocess.run([sys.executable, "-m", "kit", "check", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "OK: Draft: “200 killed”" in done.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["draft"]  # no temporary folder left beside it


def test_the_summary_counts_in_words(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("At least two men were killed, their associates told Reuters on Monday.\n", encoding="utf-8")
    assert kit_draft(article, tmp_path / "out", "--publisher", "Tsarizm", "--published", "2018-02-14") == 0
    said = capsys.readouterr().out
    assert "a draft of 3 sources, 2 reports, 1 claim and 1 citation;" in said, said


def test_never_writes_into_an_existing_case(tmp_path, capsys):
    case = tmp_path / "case"
    kit.save_case(kit.testing.synth.make_case(3), case)
    before = {p.name: p.read_bytes() for p in case.iterdir()}
    assert kit_draft(SEED, case, "--published", "2018-02-13") == 2
    assert "already holds a case" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in case.iterdir()} == before
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    assert kit_draft(SEED, other, "--published", "2018-02-13") == 2
    assert "not empty" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case", "other"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert kit_draft(SEED, empty, "--published", "2018-02-13") == 0 and (empty / "claims.csv").is_file()


@pytest.mark.parametrize(
    "argv, message",
    [
        (["no/such/article.txt", "{out}", "--published", "2018-02-13"], "there is no such file"),
        ([str(FIXTURES / "bloomberg.txt"), "{out}"], "give it with --published DATE"),
        (
            [str(FIXTURES / "bloomberg.txt"), "{out}", "--published", "13/02/2018"],
            "is not a date the case format reads",
        ),
        ([str(FIXTURES / "bloomberg.txt").replace(".txt", ".pdf"), "{out}", "--published", "2018"], "reads .txt, .md"),
    ],
)
def test_usage_errors_exit_2_without_a_traceback(tmp_path, capsys, argv, message):
    out = tmp_path / "out"
    assert kit_draft(*[a.format(out=out) for a in argv]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_article_that_is_not_utf8(tmp_path, capsys):
    art = tmp_path / "a.txt"
    art.write_bytes("Reuters said “two”.".encode("cp1252"))
    assert kit_draft(art, tmp_path / "out", "--published", "2018-02-13") == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_the_draft_says_what_to_check(seed_draft):
    notes = " ".join(seed_draft.claims["notes"])
    assert "draft: check: 'it' taken to be AFP" in notes
    assert "draft: check: 'this report' taken to be Bloomberg" in notes
    assert all("draft: check" in n for n in seed_draft.claims["notes"])
    assert all("draft: check" in n for n in seed_draft.sources["notes"])
    relayed = seed_draft.reports[seed_draft.reports["source_id"] != "tsarizm"]
    assert len(relayed) >= 4 and all(n.startswith("draft: check date") for n in relayed["notes"])
    assert not seed_draft.claims["text"].str.contains("hadn’t said").any()  # a negated verb is no attribution


def test_cli_module_is_light():
    done = subprocess.run(
        [sys.executable, "-c", "import kit.draft, sys; print('trafilatura' in sys.modules)"],
        capture_output=True,
        text=True,
        env={**os.environ},
    )
    assert done.stdout.strip() == "False"
