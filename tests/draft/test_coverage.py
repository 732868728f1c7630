"""kit draft on a story's coverage (issue 21, Build 2): several articles give one case that kit check passes and kit
audit reads; and the dates the seed's draft gives the reports it quotes.

The articles are from the development corpus (tests/draft_corpus/dev): the Ludian earthquake of 2014 as Xinhua
wrote it (y4, CNTV's copy of Xinhua's story, saved here as xinhua.txt so its publisher is Xinhua) and as a copy of
AP (y2), AFP (y3) and Deutsche Welle (y7) told it.
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

import pytest

import kit
import kit.draft.coverage
from conftest import SEED
from kit.cli.draft import add_parser
from kit.draft import PROGRESS_ARTICLES, draft_case, write_coverage
from kit.draft.build import build_tables
from kit.draft.report_dates import report_date

DEV = Path(__file__).resolve().parents[1] / "draft_corpus" / "dev"
ROOT = Path(__file__).resolve().parents[2]


def kit_draft(*argv) -> int:
    parser = argparse.ArgumentParser(prog="kit")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["draft", *map(str, argv)])
    return args.func(args)


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    d = tmp_path_factory.mktemp("story")
    names = {"y4-cntv-xinhua": "xinhua", "y2-wavetv-ap": "wave-tv", "y3-asiaone-afp": "asiaone", "y7-dw": "dw"}
    (d / "articles").mkdir()
    for stem, name in names.items():
        shutil.copy(DEV / f"{stem}.txt", d / "articles" / f"{name}.txt")
    out = d / "case"
    assert kit_draft(*sorted((d / "articles").iterdir()), out, "--published", "2014-08-04") == 0
    return kit.load_case(out), d


def test_several_articles_make_one_case_that_kit_check_passes(story):
    case, d = story
    assert len(case.reports[case.reports["report_id"].str.endswith("-article")]) == 4  # one report per article
    # the folder gives the same case as its files
    assert kit_draft(d / "articles", d / "again", "--published", "2014-08-04") == 0
    assert kit.load_case(d / "again").claims.equals(case.claims)


def test_sources_are_merged_by_entity_across_articles(story):
    case, _ = story
    names = case.sources["name"].tolist()
    assert names.count("Xinhua") == 1, names  # "China's official Xinhua News Agency", "Xinhua", "the news agency"
    assert names.count("Ma Liya") == 1, names  # in y2 and y7


def test_a_citation_of_an_outlet_in_the_set_points_at_its_claim(story):
    case, _ = story
    cites = case.citations.merge(case.claims[["claim_id", "report_id", "text"]], on="claim_id")
    # y2 (a copy of AP): "Xinhua said there are 181 missing." -> Xinhua's own "At least 175 dead, 181 missing …"
    row = cites[cites["text"].str.contains("Xinhua said there are 181 missing")].iloc[0]
    target = case.claims.set_index("claim_id").loc[row["cites"]]
    assert target["report_id"] == "xinhua-article" and re.search(r"181 (?:others are )?missing", target["text"])
    assert row["basis"] == "stated" and "linked to" in row["notes"]
    # the claim made from Xinhua's own words is verbatim and says it was made for the citation
    text = (DEV / "y4-cntv-xinhua.txt").read_text(encoding="utf-8")
    assert target["text"] in text and "made from the article's own words" in target["notes"]


def test_claims_are_grouped_by_what_they_count(story):
    case, _ = story
    figured = case.claims[case.claims["low"].notna() | case.claims["high"].notna()]
    killed = figured[figured["proposition"] == "killed"]
    assert killed["report_id"].nunique() >= 3  # the same proposition across articles
    assert set(figured["proposition"]) <= {
        "killed",
        "wounded",
        "casualties",
        "captured",
        "missing",
        "strikes",
        "figure",
    }


def test_kit_audit_reads_the_draft(story):
    case, _ = story
    rows = kit.audit(case)
    assert {"claim_id"} <= set(rows.columns) or rows.empty


def test_several_articles_refuse_publisher_and_need_dates(tmp_path, capsys):
    a = DEV / "y2-wavetv-ap.txt"
    assert kit_draft(a, DEV / "y7-dw.txt", tmp_path / "x", "--publisher", "AP", "--published", "2014-08-04") == 2
    assert "--publisher and --url name one article's" in capsys.readouterr().err
    assert kit_draft(a, DEV / "y7-dw.txt", tmp_path / "y") == 2
    err = capsys.readouterr().err
    assert "no date for" in err and "y2-wavetv-ap.txt" in err and not (tmp_path / "y").exists()


def test_write_coverage_links_only_what_the_article_carries(tmp_path):
    (tmp_path / "reuters.txt").write_text("Two people were killed in the blast, police said.\n", encoding="utf-8")
    (tmp_path / "daily.txt").write_text(
        "The mayor resigned, according to Reuters.\nTwo people were killed in the blast, according to Reuters.\n",
        encoding="utf-8",
    )
    case = kit.load_case(write_coverage([tmp_path], tmp_path / "case", published="2024-01-02"))
    cites = dict(zip(case.citations["claim_id"], case.citations["cites"], strict=True))
    assert cites["daily-article-1"] == "reuters"  # Reuters' article does not carry it: Reuters, the source
    assert cites["daily-article-2"] == "reuters-article-1"  # it does: its claim


def _articles(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"outlet{i:02}.txt").write_text(f"{i + 2} people were killed in the blast, police said.\n", "utf-8")
    return folder


def test_a_draft_of_many_articles_shows_its_progress_and_of_a_few_does_not(tmp_path, capsys):
    many = _articles(tmp_path / "many", PROGRESS_ARTICLES)
    write_coverage([many], tmp_path / "a", published="2024-01-02")
    err = capsys.readouterr().err
    assert "draft" in err and f"{PROGRESS_ARTICLES}/{PROGRESS_ARTICLES}" in err  # tqdm's bar, every article counted
    write_coverage([many], tmp_path / "b", published="2024-01-02", progress=False)
    assert capsys.readouterr().err == ""
    few = _articles(tmp_path / "few", 2)
    write_coverage([few], tmp_path / "c", published="2024-01-02")
    assert capsys.readouterr().err == ""
    write_coverage([few], tmp_path / "d", published="2024-01-02", progress=True)
    assert "2/2" in capsys.readouterr().err
    assert kit.load_case(tmp_path / "a").claims.equals(kit.load_case(tmp_path / "b").claims)  # the bar changes nothing


def test_docs_state_when_a_draft_shows_its_progress():
    text = (ROOT / "docs" / "draft.md").read_text(encoding="utf-8")
    assert f"from {PROGRESS_ARTICLES} articles on\n(`kit.draft.PROGRESS_ARTICLES`)" in text


def test_an_interrupted_draft_writes_nothing(tmp_path, monkeypatch):
    folder = _articles(tmp_path / "articles", 4)
    calls = []

    def stopped_at_the_third(*args, **kwargs):  # Ctrl-C while the third article is drafted
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return build_tables(*args, **kwargs)

    monkeypatch.setattr(kit.draft.coverage, "build_tables", stopped_at_the_third)
    with pytest.raises(KeyboardInterrupt):
        write_coverage([folder], tmp_path / "case", published="2024-01-02", progress=True)
    assert len(calls) == 3 and sorted(p.name for p in tmp_path.iterdir()) == ["articles"]  # no folder, no temporary


# --- dates from the text ----------------------------------------------------------------------------------------


def test_the_seed_dates_reuters_on_12_february():
    t = draft_case(SEED.read_text(encoding="utf-8"), publisher="Tsarizm", published="2018-02-13")
    dates = dict(zip(t["reports"]["report_id"], t["reports"]["published"], strict=True))
    assert dates["reuters-report"] == "2018-02-12"
    assert dates["bloomberg-report"] == "2018-02-13"
    assert dates["december-report"] == "2017-12"
    assert dates["afp-report"] == "2018-02-13"  # no date given: the article's, marked
    notes = dict(zip(t["reports"]["report_id"], t["reports"]["notes"], strict=True))
    assert "from the article's words 'On February 12 Reuters'" in notes["reuters-report"]
    assert "the article gives no date" in notes["afp-report"]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Then on February 13 Bloomberg claimed that", "Bloomberg", "2018-02-13"),  # date_before
        ("Reuters reported on Feb. 9 that", "Reuters", "2018-02-09"),  # date_after
        ("According to a December report the toll", "December report", "2017-12"),  # month_of_report
        ("On 3 January Reuters said", "Reuters", "2018-01-03"),
    ],
)
def test_report_date_rules(text, name, expected):
    assert report_date(text, name, "2018-02-13")[0] == expected
