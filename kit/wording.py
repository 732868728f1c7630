"""How the kit says a figure: one place for the words and symbols every renderer uses."""
from __future__ import annotations

import pandas as pd

__all__ = ["is_missing", "figure_label", "figure_words"]


def is_missing(v) -> bool:
    """True for an empty cell: None, ``pd.NA``, NaN or blank text.

    Examples
    --------
    >>> is_missing(None), is_missing(pd.NA), is_missing(float("nan")), is_missing(""), is_missing(0)
    (True, True, True, True, False)
    """
    if v is None or v is pd.NA:
        return True
    if isinstance(v, float) and v != v:
        return True
    return isinstance(v, str) and not v.strip()


def _num(v) -> str:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return str(v)
    return str(int(f)) if f.is_integer() else f"{f:g}"


def figure_label(low, high) -> str:
    """A claim's figure, short, for pictures: ``201+``, ``100``, ``200–300``, ``≤200`` or ``''``.

    Examples
    --------
    >>> figure_label(201, None), figure_label(100, 100), figure_label(200, 300), figure_label(None, 200)
    ('201+', '100', '200–300', '≤200')
    >>> figure_label(None, None)
    ''
    """
    if is_missing(low):
        return "" if is_missing(high) else f"≤{_num(high)}"
    if is_missing(high):
        return f"{_num(low)}+"
    return _num(low) if _num(low) == _num(high) else f"{_num(low)}–{_num(high)}"


def figure_words(low, high) -> str:
    """A claim's figure in words: ``at least 2``, ``at most 200``, ``100``, ``200 to 300`` or ``''``.

    Examples
    --------
    >>> figure_words(2, None), figure_words(None, 200), figure_words(100.0, 100), figure_words("200", "300")
    ('at least 2', 'at most 200', '100', '200 to 300')
    """
    if is_missing(low):
        return "" if is_missing(high) else f"at most {_num(high)}"
    if is_missing(high):
        return f"at least {_num(low)}"
    return _num(low) if _num(low) == _num(high) else f"{_num(low)} to {_num(high)}"
