"""kit.draft.verbs: the speaker of one speech verb (split from kit.draft.cues in issue 21's fourth pass); the rules are
tested on whole sentences in test_cues.py and test_fourth_pass.py, the function's contract here."""

from __future__ import annotations

from kit.draft.lexicon import SPEECH_VERBS
from kit.draft.verbs import speaker_cues


def cues_of(s: str) -> list[tuple[str, str, str | None]]:
    out: list = []
    for m in SPEECH_VERBS.finditer(s):
        speaker_cues(s, m, out)
    return [(role, who.text, via.text if via else None) for _, role, who, _, via in out]


def test_the_speaker_before_after_and_by():
    assert cues_of("Police superintendent Dave Cliff said 75 died.") == [("speaker", "Dave Cliff", None)]
    assert cues_of("Two died, their associates told Reuters.") == [("told", "their associates", "Reuters")]
    assert cues_of("“No,” said Mustafa Bali.") == [("inverted", "Mustafa Bali", None)]


def test_a_documents_author_and_a_shared_subject():  # nymag.com, 2015; the kind of "…, but said"
    assert cues_of("Aerial photos released by Amnesty International show the destruction.") == [
        ("speaker", "Amnesty International", None)
    ]
    assert cues_of("Residents of Kurfa Danya village buried the dead, but said 140 were missing.") == [
        ("speaker", "Residents of Kurfa Danya village", None)
    ]


def test_no_cue_for_what_is_no_speech():
    assert cues_of("With hundreds reported missing, the search went on.") == []
    assert cues_of("Officials hadn’t said anything.") == []


def test_what_was_a_free_relative_after_a_preposition_is_the_speakers_word():
    # what_was (twelfth pass; unseen10/e3-hngn, unseen10/f3-tribune): "in what X said was", "in what X described as"
    s = "At least 11 children were killed Saturday in what Israel said was a rocket attack by Hezbollah militants."
    assert cues_of(s) == [("speaker", "Israel", None)]
    s = "Russia launched 158 missiles on Friday in what Ukrainian officials described as the worst bombardment."
    assert cues_of(s) == [("speaker", "Ukrainian officials", None)]
    # not a free relative with no preposition before it, nor one with no copula or "as" after the verb
    assert cues_of("I know what he said was true.") == []
    assert cues_of("They acted in what Trump said.") == []
