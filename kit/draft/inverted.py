"""The speaker after an inverted verb ("…, said the mayor.") (issue 21's PolNeAR pass).

An inverted verb's speaker closes the clause: "…, said the mayor.", "…, said the mayor on Monday", "…, said the
mayor, who …". After a comma, "said" may also open the reported clause itself, with its own subject: "Hemsley, the
author of a book about it, said the days when … are gone": there the words after the verb are what was said, and
"the days" is not a speaker. The rule here, named where it is applied and tested in ``tests/draft/test_inverted.py``
on sentences written for it:

- ``inverted_closes``: a common noun phrase read after an inverted verb is not its speaker when a verb or a
  relative word follows it ("the days when", "the economy was"); a name ("…, said Bali") keeps the rules before.
"""

from __future__ import annotations

import re

from kit.draft.nouns import Mention

__all__ = ["inverted_closes"]

#: what goes on a clause after a noun phrase: a verb or a relative word ("the days when …", "the economy was …")
_CLAUSE_GOES_ON = re.compile(
    r"\s+(?:when|where|that|which|was|were|is|are|has|have|had|will|would|could|can|may|might|should|must|did|does|"
    r"do)\b"
)


def inverted_closes(rest: str, found: Mention) -> bool:
    """``inverted_closes``: whether a speaker read after an inverted verb ends its clause.

    Parameters
    ----------
    rest : str
        The sentence after the verb.
    found : Mention
        The speaker read there (:func:`kit.draft.objects.object_after`).

    Returns
    -------
    bool
        True for a name, or a common noun phrase not followed by a verb or a relative word; False for one that is
        ("…, said the days when …").

    Examples
    --------
    >>> inverted_closes(" the mayor on Monday.", Mention("the mayor", True))
    True
    >>> inverted_closes(" the economy was weak.", Mention("the economy", True))
    False
    """
    if not found.common:
        return True
    at = rest.find(found.text)
    return at < 0 or not _CLAUSE_GOES_ON.match(rest[at + len(found.text) :])
