"""Dates as the case format writes them (ISO 8601 dates and date-times, UTC) and what to say about any other."""

from __future__ import annotations

import calendar
import contextlib
import re
from datetime import datetime

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kit.checking.arrays import arrow, ascii_digits, fullmatch, np_bool
from kit.errors import shown

__all__ = [
    "parse_published",
    "parse_published_range",
    "date_problem",
    "as_ns",
    "ISO",
    "ALT_FORMATS",
    "YEAR_MONTH",
]

#: an ISO 8601 date, or date and time (with or without seconds, fractions and a zone)
ISO = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|z|[+-]\d{2}(?::?\d{2})?)?)?$", re.ASCII
)
#: a year (``2018``) or a month (``2018-02``): an uncertain date (contract version 2)
YEAR_MONTH = re.compile(r"^(\d{4})(?:-(\d{2}))?$", re.ASCII)
#: the other ways of writing a date that date_problem recognises, to say which ISO date is meant
ALT_FORMATS = (
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%d.%m.%Y",
    "%d-%m-%Y",
    "%Y/%m/%d",
    "%b %d %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%B %d, %Y",
    "%d %b %Y",
    "%d %B %Y",
    "%Y%m%d",
    "%d/%m/%y",
    "%m/%d/%y",
)


NS_MIN, NS_MAX = pd.Timestamp.min.tz_localize("UTC"), pd.Timestamp.max.tz_localize("UTC")


def as_ns(ts: pd.Series) -> pd.Series:
    """``ts`` as datetime64[ns, UTC]; times outside what nanoseconds can hold (before 1677, after 2262) become NaT.

    Parameters
    ----------
    ts : pandas.Series
        Timestamps with a UTC zone, of any unit.

    Returns
    -------
    pandas.Series
        The same moments as ``datetime64[ns, UTC]``.

    See Also
    --------
    parse_published : gives its timestamps this way.

    Examples
    --------
    >>> ts = pd.Series(pd.to_datetime(["2018-02-07", "1500-01-01"], utc=True, format="ISO8601").as_unit("s"))
    >>> ns = as_ns(ts)
    >>> str(ns.dtype), str(ns[0]), ns.isna().tolist()
    ('datetime64[ns, UTC]', '2018-02-07 00:00:00+00:00', [False, True])

    """
    if str(ts.dtype) == "datetime64[ns, UTC]":
        return ts
    if len(ts):
        ts = ts.where((ts >= NS_MIN) & (ts <= NS_MAX))
    return ts.astype("datetime64[ns, UTC]")


def date_problem(v: str) -> str:
    """What to say about a ``published`` cell that is not a date the kit reads: what is wrong, and how to write it.

    A date written another way (``13/02/2018``, ``Feb 13, 2018``) is given back as the ISO date it means, or as
    the ISO dates it may mean when the order of day and month is unclear.

    Parameters
    ----------
    v : str
        The cell, stripped.

    Returns
    -------
    str
        The message, a sentence with the fix.

    See Also
    --------
    ALT_FORMATS : the other ways of writing a date it recognises.
    parse_published : calls it for each cell that is not a date.

    Examples
    --------
    >>> date_problem("13/02/2018")
    "'13/02/2018' is not an ISO date; write it as 2018-02-13 (YYYY-MM-DD)"
    >>> date_problem("07/02/2018")
    "'07/02/2018' is ambiguous: it could be 2018-02-07 or 2018-07-02; write it as YYYY-MM-DD"
    >>> date_problem("2018-02-30")
    "'2018-02-30' is not a real date: February 2018 has 28 days; check the day (dates are YYYY-MM-DD)"
    """
    if v == "":
        return "the date is empty; write it as YYYY-MM-DD, e.g. 2018-02-13"
    fixed = ascii_digits(v)
    if fixed is not None:
        return f"'{shown(v)}' is written with digits other than 0-9; write it as {shown(fixed)}"
    if len(v) > 64:  # no date is that long
        return f"'{shown(v)}' is not a date the kit can read; write it as YYYY-MM-DD (e.g. 2018-02-13)"
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", v, re.ASCII)
    if m and ISO.match(v):
        y, mo, d = map(int, m.groups())
        if not 1 <= mo <= 12:
            return f"'{v}' is not a real date: there is no month {mo}; write dates as YYYY-MM-DD"
        days = calendar.monthrange(y, mo)[1]
        if not 1 <= d <= days:
            return (
                f"'{v}' is not a real date: {calendar.month_name[mo]} {y} has {days} days; "
                "check the day (dates are YYYY-MM-DD)"
            )
        if not 1677 < y < 2262:
            return f"'{v}' is outside the years the kit handles (1678 to 2261); check the year"
        return f"'{v}' is not a real time of day; write date-times as 2018-02-13T14:05:00Z"
    found = set()
    squeezed = re.sub(r"\s+", " ", v.replace(".", " ").strip()) if re.search(r"[A-Za-z]", v) else v
    for fmt in ALT_FORMATS:
        for candidate in {v, squeezed}:
            with contextlib.suppress(ValueError):
                found.add(datetime.strptime(candidate, fmt).date().isoformat())
    if len(found) == 1:
        return f"'{v}' is not an ISO date; write it as {found.pop()} (YYYY-MM-DD)"
    if len(found) > 1:
        options = " or ".join(sorted(found))
        return f"'{v}' is ambiguous: it could be {options}; write it as YYYY-MM-DD"
    return (
        f"'{shown(v)}' is not a date the kit can read; write it as YYYY-MM-DD (e.g. 2018-02-13) or a date-time such "
        "as 2018-02-13T14:05:00Z"
    )


def parse_published(values: pd.Series) -> tuple[pd.Series, list[tuple[int, str]]]:
    """Parse ISO 8601 dates and date-times to UTC; return ``(timestamps, [(row, message), ...])``.

    A bare date is 00:00 UTC and a date-time without a zone is UTC.

    Parameters
    ----------
    values : pandas.Series
        The cells as text (other dtypes are written as text first); white space at either end is ignored.

    Returns
    -------
    tuple of (pandas.Series, list of (int, str))
        The moments as ``datetime64[ns, UTC]`` (NaT where a cell is empty or not a date); and for each cell that
        is not empty but not a date, its position (from 0) and what to write instead (:func:`date_problem`).

    See Also
    --------
    parse_published_range : also reads uncertain dates (a year, a month, a range).
    date_problem : the message for one cell.

    Examples
    --------
    >>> ts, bad = parse_published(pd.Series(["2018-02-13", "2018-02-13T14:05:00+03:00", "13/02/2018"]))
    >>> [str(t) for t in ts[:2]]
    ['2018-02-13 00:00:00+00:00', '2018-02-13 11:05:00+00:00']
    >>> bad
    [(2, "'13/02/2018' is not an ISO date; write it as 2018-02-13 (YYYY-MM-DD)")]
    """
    if values.dtype != object and not isinstance(values.dtype, pd.StringDtype):
        values = values.astype(str)
    arr = pc.utf8_trim_whitespace(arrow(values))  # the same white space as str.strip
    values = pd.Series(pd.arrays.ArrowStringArray(arr.cast(pa.string())), index=values.index)
    iso = fullmatch(values, ISO)
    normal = pc.replace_substring(pc.replace_substring(arr, " ", "T", max_replacements=1), ",", ".", max_replacements=1)
    normal = pc.if_else(pa.array(iso), normal, pa.scalar(None, pa.large_string()))
    ts = pd.to_datetime(
        pd.Series(normal.to_numpy(zero_copy_only=False), index=values.index, dtype=object),
        format="ISO8601",
        utc=True,
        errors="coerce",
    )
    ts = as_ns(ts)
    bad = [
        (int(i), date_problem(values.iat[i]))
        for i in np.flatnonzero(ts.isna().to_numpy() & ~np_bool(pc.equal(arr, "")))
    ]
    return ts, bad


def _point(text: str) -> str | tuple[pd.Timestamp, pd.Timestamp]:
    """One side of a ``published`` value: ``(earliest, latest)`` as UTC timestamps, or a problem message."""
    m = YEAR_MONTH.match(text)
    if m:
        year, month = int(m.group(1)), m.group(2)
        if not 1677 < year < 2262:
            return f"'{text}' is outside the years the kit handles (1678 to 2261); check the year"
        if month is None:
            return pd.Timestamp(year, 1, 1, tz="UTC"), pd.Timestamp(year, 12, 31, tz="UTC")
        mo = int(month)
        if not 1 <= mo <= 12:
            return f"'{text}' is not a real month: there is no month {mo}; write a month as YYYY-MM, e.g. 2018-02"
        last = calendar.monthrange(year, mo)[1]
        return pd.Timestamp(year, mo, 1, tz="UTC"), pd.Timestamp(year, mo, last, tz="UTC")
    ts, bad = parse_published(pd.Series([text], dtype=object))
    if bad:
        return bad[0][1]
    return ts.iat[0], ts.iat[0]


def parse_published_range(values: pd.Series) -> tuple[pd.Series, pd.Series, list[tuple[int, str]]]:
    """Parse ``published`` values, exact or uncertain; return ``(earliest, latest, [(row, message), ...])``.

    An exact date or date-time gives the same point twice. Since contract version 2 a value may also be a month
    (``2018-02``: 2018-02-01 to 2018-02-28), a year (``2018``: 2018-01-01 to 2018-12-31) or an interval
    ``START/END`` of two such values (``2018-02-08/2018-02-13``); an interval whose end is before its start is a
    problem. Exact values take the fast array path of :func:`parse_published`; only the others are read one by one.

    Parameters
    ----------
    values : pandas.Series of str
        The ``published`` column as written.

    Returns
    -------
    earliest, latest : pandas.Series of datetime64[ns, UTC]
        NaT where the value is empty or wrong.
    problems : list of (int, str)
        Row position and message for each value that is not a date.

    Examples
    --------
    >>> lo, hi, bad = parse_published_range(pd.Series(["2018-02", "2018", "2018-02-08/2018-02-13", "2018-02-13",
    ...                                                  "2018-02-13/2018-02-08"]))
    >>> [f"{a:%Y-%m-%d}..{b:%Y-%m-%d}" for a, b in zip(lo[:4], hi[:4])]
    ['2018-02-01..2018-02-28', '2018-01-01..2018-12-31', '2018-02-08..2018-02-13', '2018-02-13..2018-02-13']
    >>> bad
    [(4, "the interval '2018-02-13/2018-02-08' ends before it starts: write the earlier date first,
    2018-02-08/2018-02-13")]
    """
    earliest, bad = parse_published(values)
    latest = earliest.copy()
    if not bad:
        return earliest, latest, bad
    text = values.astype(object)
    fixed, still = [], []
    for i, message in bad:
        v = str(text.iat[i]).strip()
        if "/" in v and len(v) <= 64 and all(re.match(r"^[0-9]{4}(?:-|$)", p.strip()) for p in v.split("/")):
            parts = [p.strip() for p in v.split("/")]
            if len(parts) != 2 or not all(parts):
                still.append(
                    (
                        i,
                        f"'{shown(v)}' is not a date or an interval: write an interval as START/END, e.g. "
                        "2018-02-08/2018-02-13",
                    )
                )
                continue
            a, b = _point(parts[0]), _point(parts[1])
            wrong = [x for x in (a, b) if isinstance(x, str)]
            if wrong:
                still.append((i, f"in the interval '{shown(v)}': {wrong[0]}"))
                continue
            if b[1] < a[0]:
                still.append(
                    (
                        i,
                        f"the interval '{v}' ends before it starts: write the earlier date first, "
                        f"{parts[1]}/{parts[0]}",
                    )
                )
                continue
            fixed.append((i, a[0], b[1]))
        elif YEAR_MONTH.match(v):
            p = _point(v)
            if isinstance(p, str):
                still.append((i, p))
            else:
                fixed.append((i, p[0], p[1]))
        else:
            still.append((i, message))
    if fixed:
        rows = [i for i, _, _ in fixed]
        earliest = earliest.copy()
        earliest.iloc[rows] = pd.DatetimeIndex([a for _, a, _ in fixed]).as_unit("ns")
        latest.iloc[rows] = pd.DatetimeIndex([b for _, _, b in fixed]).as_unit("ns")
    return earliest, latest, still
