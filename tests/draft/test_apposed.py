"""kit.draft.apposed: "Riaz Ahmed, a 74-year-old lawyer, had gone …" is the "he" of the next sentence (issue 21)."""

from __future__ import annotations

from kit.draft import draft_case
from kit.draft.apposed import apposed_person

# unseen21/b3-nepsnews-guardian (The Guardian, Quetta 2016), shortened
_QUETTA = (
    "The death toll had risen to 63 by 4.05pm, according to hospital director Abdul Rehman.\n\n"
    "Riaz Ahmed, a 74-year-old lawyer, had gone to the hospital with an assistant and his nephew to find out what "
    "had happened to Kasi when the blast occurred.\n\n"
    "“I was near a wall and I fell down,” he said. “The wall protected me.\n"
)


def _cited(text: str) -> list[str]:
    t = draft_case("Intro.\n" + text, publisher="Nepsnews", published="2016-08-08")
    names = dict(zip(t["sources"].source_id, t["sources"].name, strict=True))
    return [names[c] for c in t["citations"].cites]


def test_apposed_person_needs_a_full_name_and_an_apposition() -> None:
    assert apposed_person("Riaz Ahmed, a 74-year-old lawyer, had gone to the hospital.") == "Riaz Ahmed"
    assert apposed_person("Another lawyer, Jameel Ahmed, 48, said he headed for the hospital.") is None
    assert apposed_person("Riaz Ahmed had gone to the hospital.") is None  # no apposition
    assert apposed_person("Kasi, a lawyer, was shot.") is None  # one word: no full name


def test_apposed_subject_in_a_draft() -> None:
    cited = _cited(_QUETTA)
    assert cited.count("Riaz Ahmed") >= 2 and "Abdul Rehman" in cited
    # with no apposition, "he" is still the nearest speaker (the rule reads only the one frame)
    plain = _QUETTA.replace("Riaz Ahmed, a 74-year-old lawyer, had gone", "A lawyer had gone")
    assert "Riaz Ahmed" not in _cited(plain)
