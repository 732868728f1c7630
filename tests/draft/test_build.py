"""kit.draft.build: the draft's four tables from an article's attributions; every claim text and citation evidence a
verbatim span of the article, every reference resolving, every guess marked 'draft: check', and the tables a case
the checker accepts."""

import pytest

from kit.case import check_case
from kit.draft.build import COLUMNS, build_tables
from kit.draft.cues import find_attributions
from kit.draft.extract import sentences
from kit.schema import REQUIRED

ARTICLES = [
    "At least two men were killed, their associates told Reuters on Monday.",
    "Key said 75 died, and Gibson said more. The ministry denied that any Russians were there.",
    "According to the Syrian Observatory for Human Rights, 25 fighters were killed. It rained.",
]


def _tables(text, publisher="Paper"):
    return build_tables(text, find_attributions(sentences(text)), publisher=publisher, published="2018-02-13")


@pytest.mark.parametrize("text", ARTICLES)
def test_the_tables_are_verbatim_and_resolve(text):
    t = _tables(text)
    for name, frame in t.items():
        assert list(frame.columns) == COLUMNS[name]
        assert all(isinstance(v, str) for v in frame.to_numpy().ravel())  # "" for empty, never NaN
        for col in REQUIRED[name]:
            if col not in ("low", "high"):
                assert (frame[col] != "").all(), (name, col)
    assert all(claim in text for claim in t["claims"]["text"])
    assert all(e in text for e in t["citations"]["evidence"] if e)
    sources, reports, claims = (
        set(t[n][c]) for n, c in [("sources", "source_id"), ("reports", "report_id"), ("claims", "claim_id")]
    )
    assert set(t["reports"]["source_id"]) <= sources
    assert set(t["claims"]["report_id"]) <= reports
    assert set(t["citations"]["claim_id"]) <= claims and set(t["citations"]["cites"]) <= claims | sources
    for name in ("sources", "reports", "claims"):
        ids = t[name][REQUIRED[name][0]]
        assert ids.is_unique


@pytest.mark.parametrize("text", ARTICLES)
def test_the_draft_is_a_case_the_checker_accepts(tmp_path, text):
    for name, frame in _tables(text).items():
        frame.to_csv(tmp_path / f"{name}.csv", index=False)
    case, problems, _ = check_case(tmp_path)
    assert problems == [] and case is not None


def test_each_guess_is_marked_for_checking():
    t = _tables(ARTICLES[0])
    assert all("draft: check" in n for n in t["claims"]["notes"])
    guessed = t["sources"][t["sources"]["name"] != "Paper"]
    assert all("draft: check" in n for n in guessed["notes"])
    [reuters] = t["reports"].loc[t["reports"]["source_id"] == "reuters", "notes"]
    assert "draft: check date" in reuters


def test_no_publisher_is_said_so():
    t = _tables(ARTICLES[0], publisher=None)
    assert "Publisher of the article (not given)" in set(t["sources"]["name"])


def test_an_articles_publisher_is_an_outlet_not_a_person():
    # publisher_outlet: a publisher named by a file ("c1-wtvr-cnn.txt" drafted with others) or not given at all looked
    # like a person's name and was typed `individual` (issue 21's fifth kind: "a publisher without a site name
    # `individual`"); the publisher of an article is an outlet: `online` until the reporter says, with a note
    from kit.draft import draft_case

    for publisher in ("C1-wtvr-cnn", None):
        t = draft_case("Two people were killed, police said.", publisher=publisher, published="2020")
        own = t["sources"].iloc[0]
        assert own["kind"] == "online", publisher
        assert "draft: check kind (the article's publisher: an outlet the kit does not know)" in own["notes"]
    # a speaker with a person's name is still a person
    t = draft_case("Two people were killed, Maxim Buga said.", publisher="Tsarizm", published="2020")
    assert t["sources"].set_index("name").loc["Maxim Buga", "kind"] == "individual"
