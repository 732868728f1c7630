"""A bracketed aside between a speaker's name and the verb (issue 21's PolNeAR pass).

Political copy puts a party, a state or a clause in brackets after a name: "Gov. Phil Bryant (R) said", "Rep. Ann
Lowry (Mich.), a member of the committee, said", "Kasich (who has 25 delegates) said". :func:`kit.draft.phrases.
subject_before` read the closing bracket as the end of no name and found nobody. The rule here, named where it is
applied and tested in ``tests/draft/test_asides.py`` on sentences written for it:

- ``bracketed_aside``: a bracketed aside right after a word, before a comma or the verb, is left out before the
  speaker is read; an acronym in brackets ("the Office of Civil Defence (OCD)") is not an aside but the name's alias,
  kept for :mod:`kit.draft.coref` as before, and so is a party and state ("(D-R.I.)", :data:`kit.draft.nouns.PARTY`).
"""

from __future__ import annotations

import re

__all__ = ["without_aside"]

#: a bracketed aside after a word, not an acronym ("(OCD)", "(Monusco)"), before a comma or the prefix's end
_ASIDE = re.compile(r"(?<=[\w.’'])\s*\((?![A-Z][A-Za-z]{1,9}\))(?![DRI]-)[^()“”\"]{1,80}\)(?=\s*,|\s*$)")


def without_aside(prefix: str) -> str:
    """``bracketed_aside``: the sentence up to a verb without the bracketed asides after its names.

    Parameters
    ----------
    prefix : str
        The sentence up to the verb.

    Returns
    -------
    str
        ``prefix`` without the asides, or ``prefix`` unchanged.

    Examples
    --------
    >>> without_aside("Gov. Ann Lowry (R) ")
    'Gov. Ann Lowry '
    >>> without_aside("Rep. Tom Reyes (Mich.), a member of the committee, ")
    'Rep. Tom Reyes, a member of the committee, '
    >>> without_aside("the Office of Civil Defence (OCD) ")
    'the Office of Civil Defence (OCD) '
    """
    return _ASIDE.sub("", prefix)
