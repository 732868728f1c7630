"""kit.draft.absolute: "with X saying …" gives the words to X (issue 21's recall pass)."""

from __future__ import annotations

from kit.draft import draft_case
from kit.draft.absolute import WITH_VERBS, with_speaker


def _cited(text: str) -> list[str]:
    t = draft_case("Intro.\n" + text + "\n", publisher="Zürcher Nachrichten", published="2024-01-05")
    names = dict(zip(t["sources"].source_id, t["sources"].name, strict=True))
    return [names[c] for c in t["citations"].cites]


def test_with_speaker_reads_the_phrase_between_with_and_the_verb() -> None:
    # unseen7/b2-myprofit-afp, unseen18/a2-nationthailand-reuters
    s = "But nearly eight months later, fighting continues, which has triggered a humanitarian crisis with the UN "
    assert with_speaker(s, "warning").text == "the UN"  # type: ignore[union-attr]
    s = "Russia launched such attacks roughly weekly, though they had tapered off as winter ended, with Western"
    s += " countries"
    s += " "
    assert with_speaker(s, "saying").text == "Western countries"  # type: ignore[union-attr]
    assert with_speaker(s, "said") is None and "said" not in WITH_VERBS  # a finite verb has its own subject
    assert with_speaker("The town was shelled with heavy artillery, ", "saying") is None  # a comma between


def test_with_speaker_in_a_draft() -> None:
    # unseen6/d2-zuerchernachrichten-afp
    s = (
        "The toll from the strikes rose throughout the morning with Ukraine's SBU security service saying least 39 "
        "people had been killed, including at least four children."
    )
    assert set(_cited(s)) == {"Ukraine's SBU security service (unnamed)"}
