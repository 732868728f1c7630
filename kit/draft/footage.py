"""Footage, videos and photos "from the scene" as the speaker, their phrase whole (issue 21's recall pass).

Wire copy gives what pictures show to the pictures: "Footage from the scene showed smoke pouring from a convenience
store" (unseen10's a1-daily8-afp), "Photos of the aftermath of the bombing showed dazed residents …" (unseen13's
p2-dawn-afp), "Purported videos from the spot showed …" (unseen13's q2-arunachaltimes-pti), "A photograph of the
attack published on a local news site showed …" (unseen15's b3-financialtribune), "a video taken by a witness showed
…" (unseen15's c1-aljazeera). The verbs "showed", "depicted" attribute only after a document
(:data:`kit.draft.documents.DOCUMENT_ONLY`), and the subject found before them was the last noun of the phrase:
"the scene", "the spot", "the bombing" became the speaker. The rule ``footage_phrase`` takes the picture's phrase
whole, from its first word to the verb, as the (unnamed) speaker, when the phrase opens the sentence or follows
"and": a picture whose author the article does not give stands for itself (``released_by``, "Video footage
released by the ministry", still gives the ministry: :func:`kit.draft.documents.document_speaker` reads that first).
"""

from __future__ import annotations

import re

from kit.draft.lexicon import SPEECH_VERBS
from kit.draft.nouns import Mention

__all__ = ["PICTURE_NOUNS", "SCENE_NOUNS", "footage_phrase"]

#: the head nouns of a picture that shows what happened
PICTURE_NOUNS = (
    "footage", "videos?", "images?", "photos?", "photographs?", "pictures?", "imagery", "clips?",
)  # fmt: skip

_PHRASE = re.compile(
    r"(?:^|(?<=,\sand\s)|(?<=\sand\s))"
    r"(?P<np>(?:(?:an?|the|one|some|several|other)\s+)?(?P<pre>(?:[\w’'-]+\s+){0,2}?)"
    r"(?:" + "|".join(PICTURE_NOUNS) + r")"
    r"\s+(?:(?P<from>from)|of|taken\s+by|shown\s+on|published\s+on|posted\s+from)\s+[^,;:“”\"()]{2,70}?)\s*$",
    re.I,
)
#: what a picture comes "from" that is a place or an event, not its author: "Footage from the scene"
SCENE_NOUNS = {
    "scene", "spot", "site", "area", "aftermath", "ground", "attack", "blast", "strike", "strikes", "bombing",
    "explosion", "incident", "town", "village", "city", "hospital", "street", "streets", "building", "rubble",
}  # fmt: skip
#: a head before the picture noun that makes the phrase something else: "the release of images", "a report of video"
_NOT_HEAD = re.compile(r"(?i)\b(?:release|report|analysis|review|study|number|series)\s+of\s")


def footage_phrase(prefix: str) -> Mention | None:
    """``footage_phrase``: the picture that is the subject of "showed", its phrase whole, or None.

    Parameters
    ----------
    prefix : str
        The sentence up to the verb ("Footage from the scene ").

    Returns
    -------
    Mention or None
        The phrase from its picture noun's determiner to the verb (``common``, ``about`` "a document"), when it opens
        the sentence or follows "and" and its head noun is a picture's (:data:`PICTURE_NOUNS`) followed by "from",
        "of", "taken by", "shown on", "published on" or "posted from" (after "from", only a place or an event:
        :data:`SCENE_NOUNS`); None otherwise.

    See Also
    --------
    kit.draft.documents.document_speaker : a document released by someone, or seen online.

    Examples
    --------
    >>> footage_phrase("Footage from the scene ").text
    'Footage from the scene'
    >>> footage_phrase("A Reuters witness saw two people wounded and a video taken by a witness ").text
    'a video taken by a witness'
    >>> footage_phrase("Rescuers from the scene ") is None, footage_phrase("Police said images from the scene ") is None
    (True, True)
    """
    text = prefix.rstrip()
    m = _PHRASE.search(text)
    if m is None or _NOT_HEAD.search(m.group("np")) or SPEECH_VERBS.search(m.group("pre")):
        return None  # "Police said images from the scene": the phrase is no subject
    if m.group("from") and text.split()[-1].lower() not in SCENE_NOUNS:
        return None  # "Images from the ministry": the ministry's word (kit.draft.documents' released_by)
    return Mention(m.group("np").strip(), common=True, about="a document")
