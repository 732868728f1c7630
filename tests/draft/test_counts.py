"""kit.draft.counts' twelfth-pass rules (issue 21): ages in a range or before a speech verb, numbered names. The
earlier rules are tested in tests/draft/test_phrases.py and the passes' own test files."""

from __future__ import annotations

import re

import pytest

from kit.draft.counts import not_a_count


def rules(text: str) -> list[str | None]:
    return [not_a_count(text, m.start(), m.end()) for m in re.finditer(r"\d+", text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # age_range (unseen12/m1-thefinancialexpress-reuters)
        ("He said the dead children were aged between 12 and 14.", ["age", "age"]),
        ("victims aged from 3 to 70", ["age", "age"]),
        # age_before_verb (unseen11/k3-dailymail): the speaker's name masked (as build masks it) or not
        ("University student Chris Jurado, 21, told local media", ["age"]),
        ("University student             , 21, told local media", ["age"]),
        # numbered_name (unseen10/e3-hngn): "Channel 12" is a channel, not twelve of anything
        ("video shown on Channel 12 showed a large blast crater", ["name"]),
        ("Ha'il Mahmoud told Channel 12 that children were playing", ["name"]),
        ("under Resolution 2254 and Article 5", ["name", "name"]),
    ],
)
def test_twelfth_pass_numbers_that_count_nothing(text, expected):
    assert rules(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Police said 12 were killed and 14 injured.",
        "killed 12, police said",
        "In total, 40 were killed",
        "the channel said 12 people died",  # a channel speaking, not a numbered name
        "aged people, 30 of them, died",
    ],
)
def test_counts_stay_counts(text):
    assert all(r is None for r in rules(text))
