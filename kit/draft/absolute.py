"""The speaker of "with X saying …", a clause of attendant circumstance (issue 21's recall pass).

News copy adds a second speaker's words to a sentence with "with", a noun phrase and a verb of speech in its -ing
form: "The toll from the strikes rose throughout the morning with Ukraine's SBU security service saying least 39
people had been killed" (unseen6's d2-zuerchernachrichten-afp), "…, with Western countries saying Moscow had used up
much of its long range missile arsenal" (unseen18's a2-nationthailand-reuters), "… a humanitarian crisis with the UN
warning 350,000 people are on the brink of famine" (unseen7's b2-myprofit-afp). The participle has no subject of
its own before it, so the draft read none ("warning" is a progressive that needs "is", "saying" looked for the
sentence's first name: "Beginning"). The rule ``with_saying`` takes the noun phrase between "with" and the verb as
its speaker.
"""

from __future__ import annotations

import re

from kit.draft.phrases import Mention, subject_before

__all__ = ["WITH_VERBS", "with_speaker"]

#: the -ing verbs of speech read after "with" and their subject
WITH_VERBS = {"saying", "warning", "claiming", "insisting", "arguing", "suggesting"}
#: "with", then at most six words up to the verb (no punctuation between)
_WITH = re.compile(r"(?:^|[\s,])with\s+(?P<np>[^,;:“”\"()]{2,80}?)\s*$", re.I)


def with_speaker(prefix: str, verb: str) -> Mention | None:
    """``with_saying``: the speaker of "with X saying …", or None.

    Parameters
    ----------
    prefix : str
        The sentence up to the verb.
    verb : str
        The verb of speech (a match of :data:`kit.draft.lexicon.SPEECH_VERBS`).

    Returns
    -------
    Mention or None
        The noun phrase between "with" and ``verb`` when ``verb`` is in :data:`WITH_VERBS` and the phrase is the
        whole of what :func:`kit.draft.phrases.subject_before` reads before the verb (at most six words); None
        otherwise.

    Examples
    --------
    >>> with_speaker("A crisis deepened with the UN ", "warning").text
    'the UN'
    >>> with_speaker("The toll rose with Ukraine's SBU security service ", "saying").text
    "Ukraine's SBU security service"
    >>> with_speaker("Officials met with reporters, ", "saying") is None, with_speaker("with the UN ", "said") is None
    (True, True)
    """
    if verb.lower() not in WITH_VERBS:
        return None
    m = _WITH.search(prefix)
    if m is None or len(m.group("np").split()) > 6:
        return None
    who = subject_before(prefix)
    if not isinstance(who, Mention) or who.text != m.group("np").strip():
        return None
    return who
