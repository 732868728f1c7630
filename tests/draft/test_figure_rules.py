"""kit draft's figure pass (issue 21): numbers that count nothing, "two or three", a wire's credit line and a link
to another story. Each rule is tested on sentences of its kind written for the test (in the constructions the draft
corpus showed), and on what it must leave alone."""

from __future__ import annotations

import re

import pytest

from kit.draft import draft_case
from kit.draft.clauses import headline_tail
from kit.draft.counts import not_a_count
from kit.draft.extract import sentences
from kit.draft.headlines import credit_line, link_line
from kit.draft.numbers import figures
from kit.draft.objects import object_after


def _rule(text: str, number: str) -> str | None:
    m = re.search(rf"\b{number}\b", text)
    assert m is not None
    return not_a_count(text, m.start(), m.end())


@pytest.mark.parametrize(
    "text, number, rule",
    [
        ("She said the two girls were aged between 9 and 11.", "9", "age"),  # a range of ages
        ("Nurse            , 34, told the radio station that the ward was full.", "34", "age"),  # a masked speaker
        ("footage aired on Channel 4 showed the burning hull", "4", "name"),
        ("the passengers of Flight 370 were never found", "370", "name"),
        ("This was no quarrel between two neighbours.", "two", "sides"),
        (
            "All four spoke on condition of anonymity because they were not allowed to talk to reporters.",
            "four",
            "anonymity",
        ),
        ("Two officials, speaking on condition of anonymity, said the convoy was hit.", "Two", "anonymity"),
        ("Three officers who asked not to be named said the gate was open.", "Three", "anonymity"),
    ],
)
def test_not_a_count_figure_pass_rules(text, number, rule) -> None:
    assert _rule(text, number) == rule


@pytest.mark.parametrize(
    "text, expected",
    [
        ("between 2 and 5 people were killed", [(2, 5)]),  # a range is a count, "between" or not
        ("a channel 12 metres deep", []),  # lower case: a measure, not a name
        ("the collision killed 12 people, speaking on condition of anonymity, an officer said", [(12, 12)]),
        ("Police said 12 people were killed in Block 5 of the camp", [(12, 12)]),
        ("the blast killed 14 of the 40 men aged over 60", [(14, 14), (40, 40)]),
    ],
)
def test_figure_pass_rules_leave_counts_alone(text, expected) -> None:
    assert [(f.low, f.high) for f in figures(text)] == expected


def test_either_or_is_a_range_with_a_note() -> None:
    (f,) = figures("Officials fear four or five more bodies are under the rubble.")
    assert (f.words, f.low, f.high) == ("four or five", 4, 5)
    assert f.note == "draft: check low/high: 'four or five' read as 4 to 5"
    assert [(g.low, g.high) for g in figures("one or two people died")] == [(1, 2)]
    assert figures("in 2019 or 2020") == []  # years, not a range
    assert [(g.low, g.high) for g in figures("two or more were hurt")] == [(2, None)]  # "or more" as before
    assert figures("five or four") == []  # read backwards: not a range


def test_credit_line_is_not_a_headlines_speaker() -> None:
    s = "Floods have now killed at least 90 people across the region since Friday. — Reuters"
    assert credit_line(s, s.index(" —"))
    assert headline_tail(s) is None
    assert headline_tail("Floods kill at least 90 across the region: Reuters") is not None  # a headline's speaker
    claims = draft_case(s, publisher="Paper", published="2024-05-01")["claims"]
    assert claims.empty  # the copy's own sentence, credited to its wire: no claim


def test_link_line_is_another_storys_headline() -> None:
    text = (
        "Army says villagers killed in air raid\n\nThe army said on Monday that villagers had been killed.\n\n"
        "Read also\n\n3 dead as troops open fire in the north: UN\n\nALSO READ: 12 hurt in bus crash, say police\n\n"
        "Residents said about 20 people had died."
    )
    s = sentences(text)
    assert [t.text for t in s if link_line(s, t)] == [
        "3 dead as troops open fire in the north: UN",
        "ALSO READ: 12 hurt in bus crash, say police",
    ]
    claims = draft_case(text, publisher="Paper", published="2024-05-01")["claims"]
    assert [(r.low, r.high) for r in claims.itertuples() if r.low] == [("20", "20")]


def test_numbered_name_keeps_its_number_and_gives_no_figure() -> None:
    # numbered_name (kit.draft.objects.object_after with kit.draft.counts.NAMED)
    assert object_after("Channel 4 that the ward had flooded.").text == "Channel 4"
    assert object_after("Reuters 12 people were killed.").text == "Reuters"  # a name not in NAMED keeps no number
    text = "A nurse told Channel 4 that the ward had flooded."
    claims = draft_case(text, publisher="Paper", published="2024-05-01")["claims"]
    assert [(r.low, r.high) for r in claims.itertuples()] == [("", "")]
