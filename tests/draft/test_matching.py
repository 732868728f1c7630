"""kit.draft.matching: measuring a draft against a hand-built case; a case compared with itself matches whole, a
case missing what the reference has is short by exactly that, and claim texts overlap by the documented rule."""

import pytest

import kit
from kit.draft.matching import compare, overlaps


@pytest.mark.parametrize("name", ["echo", "own_reporting", "disputes"])  # (drift has two-word claims: see overlaps)
def test_a_case_matches_itself_whole(cases_dir, name):
    case = kit.load_case(cases_dir / name)
    m = compare(case, case)
    assert m["sources"] == m["sources_matched"] == len(case.sources)
    assert m["source_share"] == 1.0
    assert m["citations"] == m["citations_matched"] == len(case.citations.drop_duplicates(["claim_id", "cites"]))
    assert m["draft_sources_unmatched"] == m["draft_citations_unmatched"] == m["draft_claims_unmatched"] == 0
    assert m["missed_sources"] == [] and m["missed_citations"] == []
    assert m["source_pairs"] == {s: s for s in case.sources["source_id"]}


def test_a_draft_missing_a_source_is_short_by_it(cases_dir):
    reference = kit.load_case(cases_dir / "echo")
    tables = {
        "sources": reference.sources[reference.sources["source_id"] != "expert1"],
        "reports": reference.reports,
        "claims": reference.claims,
        "citations": reference.citations[reference.citations["cites"] != "expert1"],
    }
    m = compare(tables, reference)
    assert m["sources_matched"] == m["sources"] - 1 and list(m["missed_sources"]) == ["expert1"]
    assert m["citations_matched"] == m["citations"] - 1
    assert m["source_share"] == round(5 / 6, 3)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("with 200 to 300 injured.", "The U.S. official put the toll at about 100, with 200 to 300 injured.", True),
        ("The Moscow Times also reported it.", "Reuters also reported it.", False),
        (
            "Two Russians were killed in the strike on Wednesday",
            "“Two Russians were KILLED in the strike”, he said",
            True,
        ),
        ("killed.", "Ten were killed.", False),  # one word is not a claim
        ("a b c d e f g", "x a b c d e f y", True),  # six words in a row
        ("a b c d e x g", "q a b c d e y", False),  # five
    ],
)
def test_overlaps(a, b, same):
    assert overlaps(a, b) is same
    assert overlaps(b, a) is same
