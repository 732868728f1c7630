"""kit.draft.inverted (issue 21's PolNeAR pass): the speaker after an inverted verb, on sentences written for the test
in the construction the rule reads, and on sentences where the speaker must stay as it was."""

from __future__ import annotations

import pytest

from kit.draft.cues import find_attributions
from kit.draft.extract import sentences
from kit.draft.inverted import inverted_closes
from kit.draft.nouns import Mention


def cited(text: str) -> list[list[str]]:
    """The names cited by each finding of ``text``."""
    return [[c.text for c in f.cited] for f in find_attributions(sentences(text))]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # inverted_closes: "said" opens the reported clause; its subject ("the days", "the budget") is no speaker
        ("Ann Lowry, the author of a book about the town, said the days when it had two mills were gone.", "Ann Lowry"),
        ("Tom Reyes, a member of the council since 2009, said the budget was short by a third.", "Tom Reyes"),
    ],
)
def test_inverted_closes_the_subject_of_the_said_clause_is_not_the_speaker(text: str, speaker: str) -> None:
    assert cited(text) == [[speaker]]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("“We are ready,” said the mayor.", "the mayor"),
        ("The town is ready, said the mayor on Monday.", "the mayor"),
        ("“We are ready,” say local residents, who have waited for weeks.", "local residents"),
        ("The town is ready, said Ann Lowry, who was elected in May.", "Ann Lowry"),
    ],
)
def test_inverted_closes_a_speaker_closing_the_clause_stays(text: str, speaker: str) -> None:
    assert cited(text) == [[speaker]]


def test_inverted_closes_reads_what_follows_a_common_noun_only() -> None:
    assert not inverted_closes(" the economy was weak.", Mention("the economy", True))
    assert not inverted_closes(" the days when it rained.", Mention("the days", True))
    assert inverted_closes(" the mayor on Monday.", Mention("the mayor", True))
    assert inverted_closes(" Bali was right.", Mention("Bali"))  # a name: the rules before decide
