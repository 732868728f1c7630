"""kit.draft.narrative: the outlet's own words around a speaker's act give a claim no figure (issue 21's figure pass).

The sentences are written for the test in the constructions the draft corpus showed (a claim of responsibility, an
accusation, an announcement or a condemnation followed or preceded by the outlet's own account of a toll), with the
constructions the rule must leave alone."""

from __future__ import annotations

import pytest

from kit.draft import draft_case
from kit.draft.narrative import ACT_VERBS, narrative_spans


def _figures(text: str) -> list[tuple[str, str]]:
    claims = draft_case(text, publisher="Paper", published="2024-05-01")["claims"]
    return [(r.low, r.high) for r in claims.itertuples()]


@pytest.mark.parametrize(
    "text, verb, outside",
    [
        # after: the act's object, then the outlet's account of what happened
        (
            "The Northern Front claimed a raid on the depot on Sunday after gunmen killed nine guards.",
            "claimed",
            " after gunmen killed nine guards.",
        ),
        # following … that left: a condemnation, then the outlet's toll
        (
            "The foreign minister condemned the shelling following clashes that left 17 people dead.",
            "condemned",
            " following clashes that left 17 people dead.",
        ),
        # which (no comma) after a claim of responsibility
        (
            "The group has claimed responsibility for the blast at the stadium which wounded 30 fans.",
            "claimed",
            " which wounded 30 fans.",
        ),
        # , which after an accusation
        (
            "Officials in the region accused rebels of shelling the town, which had lost 14 residents a week earlier.",
            "accused",
            ", which had lost 14 residents a week earlier.",
        ),
    ],
)
def test_act_object_the_outlets_words_after_the_object(text, verb, outside) -> None:
    assert [text[a:b] for a, b in narrative_spans(text, verb)] == [outside]


def test_act_object_the_outlets_words_before_a_speaker_introduced_by_as() -> None:
    text = "The toll from the floods rose to 212 on Tuesday as        announced new relief camps."
    assert [text[a:b] for a, b in narrative_spans(text, "announced")] == [
        "The toll from the floods rose to 212 on Tuesday "
    ]


@pytest.mark.parametrize(
    "text, verb",
    [
        ("The ministry announced on Friday that 44 civilians were killed after the attack.", "announced"),  # that
        ("The ministry announced overnight that the toll had risen to 381.", "announced"),  # an adverb, then that
        ("In a raid claimed by the group, which killed one man, police said.", "claimed"),  # passive: claimed by
        ("Rebels accused the army of air strikes on Saturday that killed 30 people.", "accused"),  # their words go on
        ("The army claimed responsibility, saying the raid, which killed 12, was revenge.", "claimed"),  # saying …
        ("Police said 12 people were killed after the blast.", "said"),  # not an act: a reported clause
        ("Twelve people were killed, the governor announced.", "announced"),  # inverted: no object after the verb
    ],
)
def test_act_object_leaves_reported_words_alone(text, verb) -> None:
    assert narrative_spans(text, verb) == []


def test_act_verbs_are_acts_not_verbs_of_speech() -> None:
    assert {"claimed", "condemned", "accused", "announced"} <= ACT_VERBS
    assert not {"said", "told", "reported", "added"} & ACT_VERBS


def test_act_object_in_a_draft_the_claim_stays_and_carries_no_outlets_figure() -> None:
    text = (
        "Police said on Monday that two men were arrested.\n\n"
        "The Northern Front claimed a raid on the depot on Sunday after gunmen killed nine guards.\n\n"
        "Rebels accused the army of air strikes on Saturday that killed 30 people."
    )
    claims = draft_case(text, publisher="Paper", published="2024-05-01")["claims"]
    rows = {r.text[:20]: (r.low, r.high) for r in claims.itertuples()}
    assert rows["The Northern Front c"] == ("", "")  # the claim is drafted, with no figure
    assert rows["Rebels accused the a"] == ("30", "30")  # the accusation's own toll is kept
    assert rows["Police said on Monda"] == ("2", "2")
