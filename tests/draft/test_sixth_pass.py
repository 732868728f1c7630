"""kit draft's sixth pass (issue 21): rules meant to generalise beyond one construction, each tested here on one
sentence of its kind (written for the test unless a stored page is named). Rules of kit.draft.coref."""

from __future__ import annotations

from kit.draft import draft_case


def _sources(text: str) -> list[str]:
    return list(draft_case(text, publisher="The article", published="2022")["sources"]["name"])


def test_surname_in_passing_an_honorific_names_the_person_named_earlier_without_speaking() -> None:
    # written for the test: the full name appears first in passing, the speaker later as "Mr Kovalenko"
    text = (
        "The strike destroyed the office of the regional governor, Oleh Kovalenko, who was not there at the time.\n\n"
        "Mr Kovalenko said seven people had been killed."
    )
    names = _sources(text)
    assert "Oleh Kovalenko" in names and "Kovalenko" not in names


def test_surname_in_passing_not_when_two_people_share_the_name() -> None:
    text = (
        "The strike destroyed the office of the governor, Oleh Kovalenko, on Tuesday.\n\n"
        "His brother, Ivan Kovalenko, was wounded.\n\n"
        "Mr Kovalenko said seven people had been killed."
    )
    names = _sources(text)
    assert "Kovalenko" in names and "Oleh Kovalenko" not in names and "Ivan Kovalenko" not in names


def test_surname_in_passing_a_bare_surname_too_but_only_as_the_name_s_last_word() -> None:
    text = (
        "The strike destroyed the office of the regional governor, Oleh Kovalenko, who was not there at the time.\n\n"
        "Kovalenko said seven people had been killed. Lou Jiwei was in the building. Lou said it was empty."
    )
    names = _sources(text)
    assert "Oleh Kovalenko" in names and "Lou Jiwei" not in names


def test_polnear_cues_rejected_blasted_attribute() -> None:
    # written for the test, in the kind PolNeAR's train split annotates with these cues
    from kit.draft.cues import find_attributions
    from kit.draft.extract import sentences

    for text, speaker in (
        ("Senator Jane Moss blasted the plan as a disgrace.", "Jane Moss"),
        ("The ministry rejected the report as fabricated.", "ministry"),
    ):
        cited = [c.text for f in find_attributions(sentences(text)) for c in f.cited]
        assert any(speaker in c for c in cited), (text, cited)


def test_relative_speech_a_relative_clause_with_its_own_speaker() -> None:
    # written for the test: "killed" after "said" is no participle when a relative pronoun and a speaker come before
    from kit.draft.cues import find_attributions
    from kit.draft.extract import sentences

    text = "Rescuers searched for survivors of a blast that police said killed 12 people."
    assert [[c.text for c in f.cited] for f in find_attributions(sentences(text))] == [["police"]]
    assert find_attributions(sentences("Two men were reported killed in the blast.")) == []
