"""kit.draft.stance: "decried", "denounced", "expressed condolences" state the speaker's word (issue 21)."""

from __future__ import annotations

import re

from kit.draft import draft_case
from kit.draft.lexicon import SPEECH_VERBS
from kit.draft.stance import STANCE_VERBS


def _cited(text: str) -> list[str]:
    t = draft_case("Intro.\n" + text + "\n", publisher="Leadership", published="2025-04-23")
    names = dict(zip(t["sources"].source_id, t["sources"].name, strict=True))
    return [names[c] for c in t["citations"].cites]


def test_stance_verbs_take_condolences_not_any_expression() -> None:
    stance = re.compile(STANCE_VERBS)
    assert stance.match("decried the “heinous act”")  # unseen12
    assert stance.match("denounced such attacks in his Easter Mass")  # unseen21/a2-newser-ap
    assert stance.match("expressed condolences to the families")  # unseen22
    assert stance.match("expressed “sincere condolences” to relatives")  # Burkina Faso's army
    assert stance.match("offered his condolences")  # Ban Ki-moon, dev
    assert not stance.match("expressed hope") and not stance.match("expressed concern over the attack")
    assert not stance.match("offered help to the families")
    assert SPEECH_VERBS.search("Prime Minister Narendra Modi decried the “heinous act”")


def test_stance_verbs_in_a_draft() -> None:
    s = (
        "Prime Minister Narendra Modi decried the “heinous act” in the summer retreat of Pahalgam, pledging the "
        "attackers “will be brought to justice”."
    )  # unseen12
    assert _cited(s) == ["Narendra Modi"]
    s = (
        "Congress General Secretary Priyanka Gandhi Vadra also expressed condolences to the families of the CRPF "
        "personnel."
    )
    assert _cited(s) == ["Priyanka Gandhi Vadra"]  # unseen22
    assert _cited("The minister expressed hope that the talks would resume.") == []
