"""kit.draft.quoted_passive: "X was quoted by Y as saying" gives the quotation to X, relayed by Y (issue 21)."""

from __future__ import annotations

from kit.draft import draft_case
from kit.draft.quoted_passive import quoted_passive


def _cited(text: str) -> list[str]:
    t = draft_case("Intro.\n" + text + "\n", publisher="India Today", published="2020-10-25")
    names = dict(zip(t["sources"].source_id, t["sources"].name, strict=True))
    return [names[c] for c in t["citations"].cites]


def test_quoted_passive_reads_subject_and_agent() -> None:
    # unseen12/m4-indiatoday
    prefix = "“I unreservedly condemn the acts of barbarism,” Cameroon Public Health Minister Malachie Manaouda was "
    got = quoted_passive("quoted", prefix, " by AFP as saying.")
    assert got is not None
    who, via = got
    assert (who.text, via.text if via else None) == ("Malachie Manaouda", "AFP")
    assert quoted_passive("quoted", "The minister was ", " by AFP.") is None  # no "as saying"
    assert quoted_passive("said", "He was ", " by AFP as saying.") is None  # only "quoted"
    assert quoted_passive("quoted", "“It is bad,” ", " by AFP as saying.") is None  # no passive


def test_quoted_passive_in_a_draft() -> None:
    s = (
        "“I unreservedly condemn the acts of barbarism committed in Kumba. Murdering children... is to attack the "
        "very foundations of our nation,” Cameroon Public Health Minister Malachie Manaouda was quoted by AFP as "
        "saying."
    )  # unseen12/m4-indiatoday: before, both sentences were AFP's own
    assert _cited(s) == ["Malachie Manaouda", "Malachie Manaouda"]
    s = (
        "“We were walking towards the cemetery when a car suddenly stopped behind us and a waste bin containing a "
        "bomb exploded,” an eyewitness was quoted by ISNA as saying."
    )  # unseen8/b1-trtworld-afp
    assert _cited(s) == ["Eyewitness (unnamed, via ISNA)"]


def test_its_passive_names_no_speaker() -> None:
    # unseen22/e3-channelnewsasia: "It's estimated" is "It is estimated" (kit.draft.lexicon.PASSIVE's its_passive),
    # so "It's" is no speaker and the sentence's "he was quoted by Kompas as saying" gives it to the minister
    s = (
        "Willem Rampangilei told reporters the toll had reached 420.\n\n"
        "“It's estimated that 10,000 refugees are scattered in 50 points in Palu city,” he was quoted by Kompas as "
        "saying."
    )
    assert _cited(s) == ["Willem Rampangilei", "Willem Rampangilei"]
    assert _cited("It's estimated that 10,000 refugees are scattered in 50 points.") == []
