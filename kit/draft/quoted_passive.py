"""The passive frame "X was quoted by Y as saying" (issue 21's second recall pass).

Wire copy relays a quotation with the passive of "quoted": "“We were walking towards the cemetery …,” an eyewitness
was quoted by ISNA as saying.", "“I unreservedly condemn the acts of barbarism …,” Cameroon Public Health Minister
Malachie Manaouda was quoted by AFP as saying.", "“It's estimated that 10,000 refugees are scattered …,” he was quoted
by Kompas as saying.". :func:`kit.draft.verbs.speaker_cues` read the agent after "by" as the speaker (``passive_by``:
"announced by President Correa"), or, with no "by", no speaker at all (a passive verb).

The rule ``quoted_passive``: "quoted" after "was", "were", "is" or "has been", followed by "by Y as saying" or "as
saying" (also "as telling", "as stating"), gives the quoted words to the passive's subject X, relayed by Y when Y is
named. :func:`quoted_passive` reads the two; the caller appends the cue ("told" with a relay, else "speaker").

Examples
--------
>>> who, via = quoted_passive("quoted", "“It is bad,” an eyewitness was ", " by ISNA as saying.")
>>> who.text, via.text
('an eyewitness', 'ISNA')
"""

from __future__ import annotations

import re

from kit.draft.objects import object_after
from kit.draft.phrases import Mention, subject_before

__all__ = ["quoted_passive"]

_BEFORE = re.compile(r"\b(?:was|were|is|are|has been|have been|had been)\s+$", re.I)
_AFTER = re.compile(r"\s+(?:by\s+(?P<by>[^,;:“”\"]+?)\s+)?as\s+(?:saying|telling|stating)\b")


def quoted_passive(verb: str, prefix: str, rest: str) -> tuple[Mention, Mention | None] | None:
    """``quoted_passive``: the speaker and the relay of "X was quoted (by Y) as saying".

    Parameters
    ----------
    verb : str
        The speech verb as matched.
    prefix : str
        The sentence before the verb.
    rest : str
        The sentence after the verb.

    Returns
    -------
    (Mention, Mention or None) or None
        The passive's subject and the agent after "by" (None without one); None when the verb is not "quoted" in
        that frame or no subject precedes it.

    See Also
    --------
    kit.draft.verbs.speaker_cues : which calls it before its ``passive_by`` rule.

    Examples
    --------
    >>> who, via = quoted_passive("quoted", "“The toll is 40,” he was ", " as saying.")
    >>> who.text, via
    ('he', None)
    >>> quoted_passive("quoted", "The figure was ", " in the report.") is None
    True
    """
    before = _BEFORE.search(prefix)
    after = _AFTER.match(rest)
    if verb != "quoted" or before is None or after is None:
        return None
    who = subject_before(prefix[: before.start()])
    if who is None:
        return None
    via = object_after(after.group("by") + ".") if after.group("by") else None
    return who, via
