"""Dates as the case format writes them (ISO 8601 dates and date-times, UTC) and what to say about any other."""
from __future__ import annotations

import calendar
import re
from datetime import datetime

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .arrays import arrow, fullmatch, np_bool

__all__ = ["parse_published", "date_problem", "as_ns", "ISO", "ALT_FORMATS"]

#: an ISO 8601 date, or date and time (with or without seconds, fractions and a zone)
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|z|[+-]\d{2}(?::?\d{2})?)?)?$")
#: the other ways of writing a date that date_problem recognises, to say which ISO date is meant
ALT_FORMATS = ("%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d", "%b %d %Y", "%b %d, %Y", "%B %d %Y",
                "%B %d, %Y", "%d %b %Y", "%d %B %Y", "%Y%m%d", "%d/%m/%y", "%m/%d/%y")


NS_MIN, NS_MAX = pd.Timestamp.min.tz_localize("UTC"), pd.Timestamp.max.tz_localize("UTC")


def as_ns(ts: pd.Series) -> pd.Series:
    """``ts`` as datetime64[ns, UTC]; times outside what nanoseconds can hold (before 1677, after 2262) become NaT."""
    if str(ts.dtype) == "datetime64[ns, UTC]":
        return ts
    if len(ts):
        ts = ts.where((ts >= NS_MIN) & (ts <= NS_MAX))
    return ts.astype("datetime64[ns, UTC]")


def date_problem(v: str) -> str:
    if v == "":
        return "the date is empty; write it as YYYY-MM-DD, e.g. 2018-02-13"
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", v)
    if m and ISO.match(v):
        y, mo, d = map(int, m.groups())
        if not 1 <= mo <= 12:
            return f"'{v}' is not a real date: there is no month {mo}; write dates as YYYY-MM-DD"
        days = calendar.monthrange(y, mo)[1]
        if not 1 <= d <= days:
            return (f"'{v}' is not a real date: {calendar.month_name[mo]} {y} has {days} days; "
                    "check the day (dates are YYYY-MM-DD)")
        if not 1677 < y < 2262:
            return f"'{v}' is outside the years the kit handles (1678 to 2261); check the year"
        return f"'{v}' is not a real time of day; write date-times as 2018-02-13T14:05:00Z"
    found = set()
    squeezed = re.sub(r"\s+", " ", v.replace(".", " ").strip()) if re.search(r"[A-Za-z]", v) else v
    for fmt in ALT_FORMATS:
        for candidate in {v, squeezed}:
            try:
                found.add(datetime.strptime(candidate, fmt).date().isoformat())
            except ValueError:
                pass
    if len(found) == 1:
        return f"'{v}' is not an ISO date; write it as {found.pop()} (YYYY-MM-DD)"
    if len(found) > 1:
        options = " or ".join(sorted(found))
        return f"'{v}' is ambiguous: it could be {options}; write it as YYYY-MM-DD"
    return "'%s' is not a date the kit can read; write it as YYYY-MM-DD (e.g. 2018-02-13) or a date-time such " \
           "as 2018-02-13T14:05:00Z" % v


def parse_published(values: pd.Series):
    """Parse ISO 8601 dates and date-times to UTC; return ``(timestamps, [(row, message), ...])``.

    A bare date is 00:00 UTC and a date-time without a zone is UTC.

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
    normal = pc.replace_substring(pc.replace_substring(arr, " ", "T", max_replacements=1), ",", ".",
                                  max_replacements=1)
    normal = pc.if_else(pa.array(iso), normal, pa.scalar(None, pa.large_string()))
    ts = pd.to_datetime(pd.Series(normal.to_numpy(zero_copy_only=False), index=values.index, dtype=object),
                        format="ISO8601", utc=True, errors="coerce")
    ts = as_ns(ts)
    bad = [(int(i), date_problem(values.iat[i])) for i in np.flatnonzero(ts.isna().to_numpy() & ~np_bool(pc.equal(arr, "")))]
    return ts, bad
