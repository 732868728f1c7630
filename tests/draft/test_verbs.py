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
