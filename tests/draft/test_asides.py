"""kit.draft.asides (issue 21's PolNeAR pass): a bracketed aside between a speaker's name and the verb, on sentences
written for the test in the construction the rule reads, and on sentences whose brackets must stay."""

from __future__ import annotations

import pytest

from kit.draft.asides import without_aside
from kit.draft.cues import find_attributions
from kit.draft.extract import sentences


def cited(text: str) -> list[list[str]]:
    """The names cited by each finding of ``text``."""
    return [[c.text for c in f.cited] for f in find_attributions(sentences(text))]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Gov. Ann Lowry (R) said the dam would be finished by June.", "Ann Lowry"),
        ("Rep. Tom Reyes (Mich.), a member of the committee, said the bill was dead.", "Tom Reyes"),
        ("Lowry (who has led the county since 2019) said the budget was short.", "Lowry"),
    ],
)
def test_bracketed_aside_the_name_before_the_aside_speaks(text: str, speaker: str) -> None:
    assert cited(text) == [[speaker]]


def test_bracketed_aside_an_acronym_stays_the_name_s_alias() -> None:
    assert without_aside("the Office of Civil Defence (OCD) ") == "the Office of Civil Defence (OCD) "
    assert without_aside("Sen. Jack Reed (D-R.I.), ") == "Sen. Jack Reed (D-R.I.), "  # party_state reads it
    (f,) = find_attributions(sentences("The Office of Civil Defence (OCD) said 12 people had died."))
    assert [c.text for c in f.cited] == ["The Office of Civil Defence"] and "(OCD)" in f.cited[0].about


def test_bracketed_aside_only_before_a_comma_or_the_verb() -> None:
    assert without_aside("the dam (begun in 2019) and the road ") == "the dam (begun in 2019) and the road "
