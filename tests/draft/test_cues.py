"""kit.draft.cues: who a sentence says its claim rests on, read from its attribution cue; each expectation written by
hand from the sentence before the kit was run (a real reader's reading of attributions)."""

import pytest

from kit.draft.cues import find_attributions
from kit.draft.extract import sentences


def _read(text):
    return [
        ([c.text for c in f.cited], f.relay.text if f.relay else None, f.certainty)
        for f in find_attributions(sentences(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At least two men were killed, their associates told Reuters on Monday.",
            [(["their associates"], "Reuters", "alleged")],
        ),
        ("Key said 75 died, and Gibson said more.", [(["Key"], None, "alleged"), (["Gibson"], None, "alleged")]),
        (
            "According to the Syrian Observatory for Human Rights, 25 fighters were killed.",
            [(["the Syrian Observatory for Human Rights"], None, "alleged")],
        ),
        ("The Russian defence ministry denied that any of its servicemen were involved.", "denied"),
    ],
)
def test_who_a_sentence_rests_on(text, expected):
    got = _read(text)
    if isinstance(expected, str):  # only the certainty is asserted
        assert [c for _, _, c in got] == [expected]
    else:
        assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "It rained in Deir ez-Zor on Monday.",
        "The convoy crossed the river at dawn and the bridge held.",
        "",
    ],
)
def test_a_sentence_without_an_attribution_gives_none(text):
    assert _read(text) == []


def test_the_claim_words_are_a_span_of_the_article():
    text = "Officials said the strike killed 12 people. Nothing else happened."
    [f] = find_attributions(sentences(text))
    assert 0 <= f.start < f.end <= len(text)
    assert "killed 12 people" in text[f.start : f.end]
    assert "Nothing else" not in text[f.start : f.end]
