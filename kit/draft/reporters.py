"""A wire's own reporter is a speaker of their own: "an AFP correspondent said" (issue 21's recall pass).

Wire copy gives what its own staff saw or heard as "…, an AFP reporter said", "According to an AFP correspondent,
…" or "An AFP reporter saw …" (unseen5's c1-arabtimes-afp, unseen13's u1-gulfnews-afp, unseen18's c2-dawn-afp,
unseen19's b3-pledgetimes-afp). :func:`kit.draft.names.outlet_of` reads "an AFP correspondent" as AFP itself (its
words "reporter", "correspondent" only describe the outlet), so the draft cited the agency, not the person on the
ground that the article names as the speaker. The rule ``agency_reporter`` keeps such a speaker apart: one unnamed
reporter or correspondent of a well-known outlet is an unnamed source ("AFP correspondent (unnamed)"), kept apart
from the agency (whose name a reader can still see in it). Plurals ("Associated Press reporters") stay the outlet.
"""

from __future__ import annotations

import re

from kit.draft.names import outlet_of

__all__ = ["REPORTER_NOUNS", "agency_reporter"]

#: the head nouns of one of an outlet's own staff who reports what they saw
REPORTER_NOUNS = ("reporter", "correspondent")

_ONE = re.compile(r"(?i)^(?:an?|one|the)\s+(?P<outlet>.+?)\s+(?P<noun>" + "|".join(REPORTER_NOUNS) + r")$")


def agency_reporter(mention: str) -> tuple[str, str] | None:
    """``agency_reporter``: the kind and its reason of a speaker who is one reporter of a well-known outlet, or None.

    Parameters
    ----------
    mention : str
        A speaker's words as the article gives them ("an AFP correspondent").

    Returns
    -------
    tuple of (str, str) or None
        ``("anonymous", reason)`` when ``mention`` is "a/an/one/the" + a well-known outlet's name
        (:func:`kit.draft.names.outlet_of`) + "reporter" or "correspondent"; None otherwise (the caller then guesses
        the kind from the name, :func:`kit.draft.names.guess_kind`).

    See Also
    --------
    kit.draft.witnessed.witness_cues : "An AFP reporter saw …" as the reporter's statement.

    Examples
    --------
    >>> agency_reporter("an AFP correspondent")
    ('anonymous', "one of AFP's own reporters, unnamed")
    >>> agency_reporter("AFP") is None, agency_reporter("Associated Press reporters") is None
    (True, True)
    >>> agency_reporter("a local correspondent") is None
    True
    """
    m = _ONE.match(mention.strip())
    if m is None:
        return None
    outlet = outlet_of(m.group("outlet"))
    if outlet is None:
        return None
    return "anonymous", f"one of {outlet}'s own reporters, unnamed"
