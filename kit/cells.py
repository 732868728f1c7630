"""One cell of a case table, read and written by one rule: is it empty, and how a moment is written as text.

Every module that asks "is this cell empty?" or writes a date as text (the CSV a case is saved to, SQLite, GEXF, the
trace, the cells of exported tables) calls these (PROV-JSON writes its dates as the prov library's xsd:dateTime), so a
time of 09:30:00.25 UTC is ``2018-02-13T09:30:00.25Z`` everywhere and a bare day ``2018-02-13`` everywhere.

Examples
--------
>>> import pandas as pd
>>> iso_text(pd.Timestamp("2018-02-13 09:30:00.25", tz="UTC")), iso_text(pd.Timestamp("2018-02-13"))
('2018-02-13T09:30:00.25Z', '2018-02-13')
>>> is_missing(pd.NaT), is_missing("  "), is_missing(0)
(True, True, False)
"""

from __future__ import annotations

import calendar

import pandas as pd

__all__ = ["is_null", "is_missing", "iso_text", "published_text"]


def is_null(v: object) -> bool:
    """True for a cell that holds no value: None, ``pd.NA``, ``pd.NaT`` or NaN. Blank text is a value here (a file
    keeps it as written); :func:`is_missing` counts it as empty too.

    Parameters
    ----------
    v : object
        A cell of a case table.

    Returns
    -------
    bool

    See Also
    --------
    is_missing : also blank text.

    Examples
    --------
    >>> is_null(pd.NaT), is_null(float("nan")), is_null(""), is_null(0)
    (True, True, False, False)
    """
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v)


def is_missing(v: object) -> bool:
    """True for an empty cell: None, ``pd.NA``, ``pd.NaT``, NaN or blank text.

    Parameters
    ----------
    v : object
        A cell of a case table.

    Returns
    -------
    bool

    See Also
    --------
    is_null : blank text not counted as empty.

    Examples
    --------
    >>> is_missing(None), is_missing(pd.NA), is_missing(float("nan")), is_missing(""), is_missing(0)
    (True, True, True, True, False)
    >>> is_missing(pd.NaT), is_missing(pd.Timestamp("2018-02-07"))
    (True, False)
    """
    return is_null(v) or (isinstance(v, str) and not v.strip())


def iso_text(moment: pd.Timestamp | str) -> str:
    """A moment as the case format writes it: a bare day ``YYYY-MM-DD`` at midnight, else the time in UTC with ``Z``,
    with as many fractional digits as it has (none for whole seconds).

    Parameters
    ----------
    moment : pandas.Timestamp or str
        A time, with or without a zone (without one it is taken as UTC), or text pandas reads as one.

    Returns
    -------
    str

    See Also
    --------
    published_text : an uncertain date as the range it allows.

    Examples
    --------
    >>> iso_text("2018-02-07 22:10"), iso_text(pd.Timestamp("2018-02-07 23:10", tz="Europe/Paris"))
    ('2018-02-07T22:10:00Z', '2018-02-07T22:10:00Z')
    >>> iso_text(pd.Timestamp("2018-02-13 09:30:00.000000001", tz="UTC"))
    '2018-02-13T09:30:00.000000001Z'
    """
    ts = pd.Timestamp(moment)
    ts = ts.tz_convert("UTC") if ts.tzinfo else ts
    if ts == ts.normalize():
        return ts.strftime("%Y-%m-%d")
    text = ts.strftime("%Y-%m-%dT%H:%M:%S")
    if ts.microsecond or ts.nanosecond:
        text += f".{ts.microsecond:06d}{ts.nanosecond:03d}".rstrip("0")
    return text + "Z"


def published_text(earliest: pd.Timestamp, latest: pd.Timestamp | None = None) -> str:
    """How a ``published`` value is written: exact, a month, a year, or ``START/END``.

    Parameters
    ----------
    earliest, latest : pandas.Timestamp
        The ``published`` and ``published_latest`` of a report (``latest`` missing: an exact date).

    Returns
    -------
    str
        The shortest form that reads back as the same two points.

    See Also
    --------
    iso_text : one moment as text.

    Examples
    --------
    >>> T = pd.Timestamp
    >>> published_text(T("2018-02-01", tz="UTC"), T("2018-02-28", tz="UTC"))
    '2018-02'
    >>> published_text(T("2018-02-08", tz="UTC"), T("2018-02-13", tz="UTC"))
    '2018-02-08/2018-02-13'
    >>> published_text(T("2018-02-13 14:05", tz="UTC"), T("2018-02-13 14:05", tz="UTC"))
    '2018-02-13T14:05:00Z'
    """
    if latest is None or is_missing(latest):
        latest = earliest
    a = earliest.tz_convert("UTC") if earliest.tzinfo else earliest
    b = latest.tz_convert("UTC") if latest.tzinfo else latest
    if a == b:
        return iso_text(a)
    if a == a.normalize() and b == b.normalize() and a.year == b.year:
        if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
            return f"{a.year:04d}"
        if a.month == b.month and a.day == 1 and b.day == calendar.monthrange(b.year, b.month)[1]:
            return f"{a.year:04d}-{a.month:02d}"
    return f"{iso_text(a)}/{iso_text(b)}"
