"""What a witness or a reporter saw: "A Reuters witness saw about 12 bodies" (issue 21's eighth pass).

A wire's own reporter (or a witness it sent) states what they saw with "saw" or "counted", not with a verb of
speech: "A Reuters witness saw about 12 bodies, four of them in cars" (unseen3, Reuters' Zaporizhzhia story), "An
AFP journalist saw fierce clashes …" (unseen5, AFP's Tal Afar story). The rule ``witness_saw`` reads such a sentence
as the witness' statement when the subject of "saw" is one whose head noun is a witness or a reporter (never "the
strike saw", "residents saw smoke" is left to the verbs of speech); the claim is the sentence, its speaker the
witness. Tested in ``tests/draft/test_eighth_pass.py``. The tenth pass's ``wire_saw``: a wire or an outlet named
as the subject ("AFP saw dozens of people throng the station", "AFP later saw three more people carried away") is
its own reporter; tested in ``tests/draft/test_tenth_pass.py``.
"""

from __future__ import annotations

import re

from kit.draft.heads import postmodified_head
from kit.draft.names import outlet_of
from kit.draft.phrases import Mention, subject_before

__all__ = ["WITNESS_NOUNS", "witness_cues"]

#: head nouns of a person who reports what they saw
WITNESS_NOUNS = {
    "witness", "witnesses", "eyewitness", "eyewitnesses", "journalist", "journalists", "reporter", "reporters",
    "correspondent", "correspondents", "photographer", "photographers", "cameraman", "cameramen",
}  # fmt: skip
_SAW = re.compile(r"\b(?:saw|counted)\b")


def witness_cues(s: str) -> list[tuple]:
    """``witness_saw``: the cues ``(position, "speaker", Mention, verb, None)`` of "<a witness> saw …" in ``s``.

    Parameters
    ----------
    s : str
        A sentence.

    Returns
    -------
    list of tuple
        One cue per "saw" or "counted" whose subject's head noun is in :data:`WITNESS_NOUNS`, or whose subject is a
        well-known outlet (``wire_saw``); ``[]`` otherwise.

    See Also
    --------
    kit.draft.verbs.speaker_cues : the cues of the verbs of speech.

    Examples
    --------
    >>> [(c[2].text, c[3]) for c in witness_cues("A Reuters witness saw about 12 bodies, four of them in cars.")]
    [('A Reuters witness', 'saw')]
    >>> witness_cues("Residents saw smoke rising from the building.")
    []
    >>> [c[2].text for c in witness_cues("Journalists at the scene counted 14 bodies.")]
    ['Journalists']
    """
    out = []
    for m in _SAW.finditer(s):
        who = postmodified_head(s[: m.start()], subject_before(s[: m.start()]))  # not "the village of the witnesses"
        if not isinstance(who, Mention):
            continue
        head = re.split(r"\s(?:of|in|at|on|from|for|with)\s", who.text)[0].split()
        wire = not who.common and outlet_of(who.text) is not None  # wire_saw (tenth pass): "AFP later saw"
        if head and head[-1].lower() in WITNESS_NOUNS or wire:
            out.append((m.start(), "speaker", who, m.group(), None))
    return out
