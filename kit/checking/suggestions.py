"""Suggesting the nearest existing value for a misspelt one (an enum value, an id, a column)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable

__all__ = ["suggest", "nearest", "Suggester", "slugify", "MAX_SUGGEST"]

#: values longer than this get no suggestion (no id, column or enum word is that long)
MAX_SUGGEST = 200


def suggest(value: str, choices: Iterable[str]) -> str | None:
    """The closest of ``choices`` to ``value``, or None when nothing is close.

    Parameters
    ----------
    value : str
        The misspelt value (compared in lower case).
    choices : iterable
        The values it may be meant to be.

    Returns
    -------
    str or None
        The closest choice by :func:`difflib.get_close_matches` (a ratio of at least 0.6), or None.

    See Also
    --------
    nearest : also tries the choices ``value`` begins, or that begin it.
    Suggester : the same against many thousands of ids.

    Examples
    --------
    >>> suggest("anonymus", ["wire", "anonymous", "social"])
    'anonymous'
    >>> suggest("zzz", ["wire", "anonymous"]) is None
    True
    """
    value = str(value)
    if len(value) > MAX_SUGGEST:  # no name is that long; comparing would take seconds
        return None
    found = difflib.get_close_matches(value.lower(), [str(c) for c in choices], n=1, cutoff=0.6)
    return found[0] if found else None


def nearest(value: str, choices: Iterable[str]) -> str | None:
    """The choice nearest ``value``: by spelling (:func:`suggest`), else the closest of those it begins (or that
    begin it), else None.

    Parameters
    ----------
    value : str
        The name as written (an id cut short, or misspelt).
    choices : iterable
        The names it may be meant to be.

    Returns
    -------
    str or None
        The nearest choice, or None when none is near.

    See Also
    --------
    suggest : by spelling only.
    kit.errors.nearest_names : the same for the messages about unknown names.

    Examples
    --------
    >>> nearest("russians_kiled", ["russians_killed_feb7", "servicemen_involved"])
    'russians_killed_feb7'
    >>> nearest("daily-beast-200", ["daily-beast-200-russian-fighters", "bloomberg-more-than-200"])
    'daily-beast-200-russian-fighters'
    >>> nearest("zzz", ["wire"]) is None
    True
    """
    choices = [str(c) for c in choices]
    found = Suggester(choices)(value)
    if found:
        return found
    v = str(value).lower()
    if not v or len(v) > MAX_SUGGEST:
        return None
    near = [
        (difflib.SequenceMatcher(None, v, c.lower()).ratio(), -i, c)
        for i, c in enumerate(choices)
        if c.lower().startswith(v) or (len(c) > 2 and v.startswith(c.lower()))
    ]
    return max(near)[2] if near else None


class Suggester:
    """``suggest`` against a possibly large set of ids; for a large set only ids of about the same length are
    compared (the index is built on the first call: most checks never need it)."""

    def __init__(self, choices: Collection[str]) -> None:
        self.choices = choices
        self.by_len: dict[int, list[str]] | None = None

    def __call__(self, value: str) -> str | None:
        if len(self.choices) <= 2000:
            return suggest(value, self.choices)
        self.calls = getattr(self, "calls", 0) + 1
        if self.calls > 200:  # a table of thousands of wrong ids: the first suggestions are enough
            return None
        if self.by_len is None:
            self.by_len = {}
            for ch in self.choices:
                self.by_len.setdefault(len(ch), []).append(ch)
        n = len(value)
        near = [ch for k in range(max(0, n - 3), n + 4) for ch in self.by_len.get(k, ())]
        if len(near) > 20_000:  # too many look-alikes to compare quickly; no suggestion
            return None
        return suggest(value, near)


def slugify(value: str) -> str:
    """An id made from ``value``, to suggest in place of one that is not valid.

    Lower case, each run of characters other than ``a-z``, ``0-9``, ``-`` and ``_`` becomes one ``_``, none at
    either end.

    Parameters
    ----------
    value : str
        The id as written.

    Returns
    -------
    str
        A valid id (``an_id`` when nothing of ``value`` is left).

    See Also
    --------
    kit.checking.values.SLUG : what a valid id is.

    Examples
    --------
    >>> slugify("Kyiv Post")
    'kyiv_post'
    >>> slugify("  Wagner (PMC)! ")
    'wagner_pmc'
    >>> slugify("???")
    'an_id'
    """
    s = re.sub(r"[^a-z0-9_-]+", "_", value.strip().lower()).strip("_")
    return s or "an_id"
