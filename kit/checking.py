"""Checking raw tables against the case format and turning them into typed frames.

Every check runs on the whole table at once and reports *every* row it finds, each with its
file, physical line and column, in a sentence that says how to fix it.
"""
from __future__ import annotations

import calendar
import difflib
import re
from datetime import datetime

import numpy as np
import pandas as pd

from .errors import Problem
from .schema import (CERTAINTIES, COLUMNS, ID_COLUMN, KINDS, MEASURES, RELATIONS, RELIABILITY, REQUIRED, TABLES)

__all__ = ["check_tables", "suggest", "parse_published"]

SLUG = re.compile(r"^[a-z0-9_-]+$")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|z|[+-]\d{2}(?::?\d{2})?)?)?$")
NUMBER = re.compile(r"^\+?\d+(?:\.\d+)?$")
TRUE = {"true", "yes", "1", "y", "t"}
FALSE = {"false", "no", "0", "n", "f", ""}
ENUMS = {("sources", "kind"): KINDS, ("claims", "measure"): MEASURES,
         ("claims", "certainty"): CERTAINTIES, ("citations", "relation"): RELATIONS}
ROW_NOUN = {"sources": "source", "reports": "report", "claims": "claim", "citations": "citation"}


def suggest(value: str, choices) -> str | None:
    """The closest of ``choices`` to ``value``, or None when nothing is close.

    Examples
    --------
    >>> suggest("anonymus", ["wire", "anonymous", "social"])
    'anonymous'
    >>> suggest("zzz", ["wire", "anonymous"]) is None
    True
    """
    found = difflib.get_close_matches(str(value).lower(), [str(c) for c in choices], n=1, cutoff=0.6)
    return found[0] if found else None


def _ok_mask(values: pd.Series, ok) -> np.ndarray:
    """``ok(v)`` for every value, as a boolean array, calling ``ok`` once per distinct value.

    A million-row column usually holds few distinct values (a proposition, a certainty, a report id), so
    this is much faster than a per-row string operation.

    Examples
    --------
    >>> _ok_mask(pd.Series(["a", "B", "a", ""], dtype=object), str.islower).tolist()
    [True, False, True, False]
    """
    arr = values.to_numpy(dtype=object)
    uniq = pd.unique(arr)
    if len(uniq) == len(arr):
        return np.fromiter((bool(ok(v)) for v in arr), dtype=bool, count=len(arr))
    flags = np.fromiter((bool(ok(v)) for v in uniq), dtype=bool, count=len(uniq))
    if flags.all():
        return np.ones(len(arr), dtype=bool)
    return flags[pd.Index(uniq, dtype=object).get_indexer(arr)]


def _bad(values: pd.Series, ok) -> np.ndarray:
    """Positions of the non-empty values for which ``ok`` is false."""
    return np.flatnonzero(~_ok_mask(values, lambda v: v == "" or ok(v)))


class _Suggester:
    """``suggest`` against a possibly large set of ids; for a large set only ids of about the same length are
    compared (the index is built on the first call: most checks never need it)."""

    def __init__(self, choices):
        self.choices = choices
        self.by_len = None

    def __call__(self, value):
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


def _slugify(value: str) -> str:
    s = re.sub(r"[^a-z0-9_-]+", "_", value.strip().lower()).strip("_")
    return s or "an_id"


class _Checker:
    def __init__(self, tables):
        self.tables = tables
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self._cols: dict = {}

    def err(self, table, i, column, message):
        t = self.tables[table]
        if i in t.bad_rows:  # already reported as unreadable; its values are in the wrong columns
            return
        self.problems.append(Problem(t.file, int(t.lines[i]), column, message))

    def warn(self, table, i, column, message):
        t = self.tables[table]
        line = t.header_line if i is None else int(t.lines[i])
        self.warnings.append(Problem(t.file, line, column, message, "warning"))

    def col(self, table, column) -> pd.Series:
        """The column as text (computed once: a million-row table is asked for the same column many times)."""
        key = (table, column)
        if key not in self._cols:
            cells = self.tables[table].cells
            if column in cells.columns:
                col = cells[column]
                self._cols[key] = col if col.dtype == object else col.astype(str)
            else:
                self._cols[key] = pd.Series([""] * len(cells), dtype=object, index=cells.index)
        return self._cols[key]

    def has(self, table, column) -> bool:
        return table in self.tables and column in self.tables[table].cells.columns


def check_tables(raw_tables: dict):
    """Check the raw tables; return ``(typed_frames_or_None, problems, warnings)``.

    ``typed_frames`` is None when any error was found.

    Examples
    --------
    >>> from kit.reading import read_raw
    >>> raw = read_raw("no/such/place")
    >>> check_tables(raw.tables)
    (None, [], [])
    """
    c = _Checker(raw_tables)
    for name in TABLES:
        if name in raw_tables:
            _check_columns(c, name)
            _check_values(c, name)
    _check_references(c)
    if c.problems or set(raw_tables) != set(TABLES) or any(t.bad_rows for t in raw_tables.values()):
        return None, c.problems, c.warnings
    frames = {name: _typed(c, name) for name in TABLES}
    _check_time_order(c, frames)
    return frames, c.problems, c.warnings


def _check_columns(c: _Checker, name: str) -> None:
    t = c.tables[name]
    have = list(t.cells.columns)
    for col in REQUIRED[name]:
        if col not in have:
            near = suggest(col, [h for h in have if h not in COLUMNS[name]])
            hint = f" (the header has '{near}': rename it '{col}')" if near else ""
            where = f"the {name} sheet" if "#" in t.file else f"{name}.csv"
            c.problems.append(Problem(t.file, t.header_line, col,
                                      f"the required column '{col}' is missing{hint}; add it to the header row: "
                                      f"{where} needs {', '.join(REQUIRED[name])}"))
    for col in have:
        if col not in COLUMNS[name]:
            s = suggest(col, COLUMNS[name])
            hint = f" (did you mean '{s}'?)" if s else ""
            c.warn(name, None, col, f"unknown column '{col}'{hint}; it is kept as text but the kit does not use it")


def _check_values(c: _Checker, name: str) -> None:
    t = c.tables[name]
    noun = ROW_NOUN[name]
    for col in REQUIRED[name]:
        if col in t.cells.columns:
            for i in np.flatnonzero((c.col(name, col) == "").to_numpy()):
                if col == "published":
                    c.err(name, i, col, f"the published date is empty; every {noun} needs one: write it as "
                                        "YYYY-MM-DD, e.g. 2018-02-13")
                else:
                    c.err(name, i, col, f"the {col} is empty; every {noun} needs one")
    # ids: slugs and uniqueness
    slug_cols = [ID_COLUMN.get(name)] + (["proposition"] if name == "claims" else [])
    for col in filter(None, slug_cols):
        if not c.has(name, col):
            continue
        values = c.col(name, col)
        for i in _bad(values, SLUG.fullmatch):
            v = values.iat[i]
            c.err(name, i, col, f"'{v}' is not a valid id: use only lower-case letters, digits, '-' and '_' "
                                f"(for example '{_slugify(v)}')")
    if name in ID_COLUMN and c.has(name, ID_COLUMN[name]):
        col = ID_COLUMN[name]
        values = c.col(name, col)
        dup = values.duplicated(keep="first") & (values != "")
        if dup.any():
            first = {}
            for i, v in enumerate(values):
                first.setdefault(v, i)
            for i in np.flatnonzero(dup.to_numpy()):
                v = values.iat[i]
                c.err(name, i, col, f"the id '{v}' is already used on line {t.lines[first[v]]}; "
                                    f"give each {noun} its own id")
    # enums
    for (table, col), allowed in ENUMS.items():
        if table == name and c.has(name, col):
            values = c.col(name, col)
            for i in _bad(values, lambda v: v.lower() in allowed):
                v = values.iat[i]
                s = suggest(v, allowed)
                hint = f": did you mean '{s}'? Use" if s else "; use"
                c.err(name, i, col, f"'{v}' is not a {col}{hint} one of: {', '.join(allowed)}")
    if name == "sources":
        _check_sources(c)
    elif name == "reports" and c.has(name, "published"):
        values = c.col(name, "published")
        _, bad = parse_published(values)
        for i, message in bad:
            c.err(name, i, "published", message)
    elif name == "claims":
        _check_claims(c)


def _check_sources(c: _Checker) -> None:
    if c.has("sources", "country"):
        values = c.col("sources", "country")
        for i in np.flatnonzero(((values != "") & ~values.str.match(r"^[A-Z]{2}$")).to_numpy()):
            v = values.iat[i]
            fix = f" (write '{v.upper()}')" if re.fullmatch(r"[A-Za-z]{2}", v) else ""
            c.err("sources", i, "country", f"'{v}' is not a country code{fix}: use two capital letters, "
                                           "an ISO 3166 code such as RU, US, SY, or XX for unknown")
    if c.has("sources", "reliability"):
        values = c.col("sources", "reliability")
        for i in np.flatnonzero(((values != "") & ~values.str.upper().isin(RELIABILITY)).to_numpy()):
            c.err("sources", i, "reliability", f"'{values.iat[i]}' is not a reliability grade: use a letter A to F "
                                               "(A completely reliable ... E unreliable, F cannot be judged), "
                                               "or leave it empty for F")
    if c.has("sources", "confidential"):
        values = c.col("sources", "confidential")
        for i in np.flatnonzero((~values.str.lower().isin(TRUE | FALSE)).to_numpy()):
            c.err("sources", i, "confidential", f"'{values.iat[i]}' is not true or false: write true, false, yes, "
                                                "no, 1 or 0 (empty means false)")


def _number_problem(v: str, col: str) -> str:
    base = f"'{v}' is not a number"
    compact = v.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("_", "")
    if NUMBER.match(compact):
        return f"{base}: write it without separators, as {compact}"
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(?:-|–|—|to)\s*(\d+(?:\.\d+)?)", v.strip())
    if m:
        return f"{base}: a range goes in two cells: low {m.group(1)} and high {m.group(2)}"
    if v.startswith("-") and NUMBER.match(v[1:]):
        return (f"{base} the kit can use: a count cannot be negative; write how many were counted "
                f"(e.g. {v[1:]}) and put the report's wording in 'text'")
    return (f"{base}: keep the report's own words in 'text' and put a range in low/high "
            "(e.g. 'more than 200' is low 201 with high empty, 'about 100' is low 100, high 100; "
            "leave both empty when the report gives no figure)")


def _check_claims(c: _Checker) -> None:
    parsed = {}
    for col in ("low", "high"):
        if not c.has("claims", col):
            continue
        values = c.col("claims", col)
        ok = pd.Series(_ok_mask(values, lambda v: v == "" or NUMBER.fullmatch(v)), index=values.index)
        for i in np.flatnonzero((~ok).to_numpy()):
            c.err("claims", i, col, _number_problem(values.iat[i], col))
        nums = pd.to_numeric(values.where(ok & (values != "")), errors="coerce")
        huge = nums.abs() == np.inf
        for i in np.flatnonzero(huge.to_numpy()):
            c.err("claims", i, col, f"'{values.iat[i][:20]}...' is too large a number for a count; check it")
        parsed[col] = nums.where(~huge)
    if len(parsed) == 2:
        bad = parsed["low"] > parsed["high"]
        for i in np.flatnonzero(bad.fillna(False).to_numpy()):
            c.err("claims", i, "high", f"high ({c.col('claims', 'high').iat[i]}) is below low "
                                       f"({c.col('claims', 'low').iat[i]}); swap them, or leave high empty "
                                       "for no upper bound")
    if c.has("claims", "credibility"):
        values = c.col("claims", "credibility")
        ok = values.isin(["", "1", "2", "3", "4", "5", "6"])
        for i in np.flatnonzero((~ok).to_numpy()):
            c.err("claims", i, "credibility", f"'{values.iat[i]}' is not a credibility grade: use a number 1 to 6 "
                                              "(1 confirmed ... 5 improbable, 6 cannot be judged), or leave it "
                                              "empty for 6")


_ALT_FORMATS = ("%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d", "%b %d %Y", "%b %d, %Y", "%B %d %Y",
                "%B %d, %Y", "%d %b %Y", "%d %B %Y", "%Y%m%d", "%d/%m/%y", "%m/%d/%y")


_NS_MIN, _NS_MAX = pd.Timestamp.min.tz_localize("UTC"), pd.Timestamp.max.tz_localize("UTC")


def _as_ns(ts: pd.Series) -> pd.Series:
    """``ts`` as datetime64[ns, UTC]; times outside what nanoseconds can hold (before 1677, after 2262) become NaT."""
    if str(ts.dtype) == "datetime64[ns, UTC]":
        return ts
    if len(ts):
        ts = ts.where((ts >= _NS_MIN) & (ts <= _NS_MAX))
    return ts.astype("datetime64[ns, UTC]")


def _date_problem(v: str) -> str:
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
    for fmt in _ALT_FORMATS:
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
    values = values.astype(str).str.strip()
    iso = values.str.match(ISO.pattern)
    normal = values.where(iso).str.replace(" ", "T", n=1).str.replace(",", ".", n=1)
    ts = pd.to_datetime(normal, format="ISO8601", utc=True, errors="coerce")
    ts = _as_ns(ts)
    bad = [(int(i), _date_problem(values.iat[i])) for i in np.flatnonzero((ts.isna() & (values != "")).to_numpy())]
    return ts, bad


def _check_references(c: _Checker) -> None:
    have = c.tables
    # a table that is missing, or lacks its id column, is already reported: checking references against it
    # would only add noise.
    source_ids = set(c.col("sources", "source_id")) - {""} if c.has("sources", "source_id") else None
    report_ids = set(c.col("reports", "report_id")) - {""} if c.has("reports", "report_id") else None
    claim_ids = set(c.col("claims", "claim_id")) - {""} if c.has("claims", "claim_id") else None

    def dangling(table, col, known, what, file_name, alt=None):
        if known is None or not c.has(table, col):
            return
        values = c.col(table, col)
        universe = known | (alt or set())
        near = _Suggester(universe)
        for i in _bad(values, universe.__contains__):
            v = values.iat[i]
            s = near(v)
            hint = f": did you mean '{s}'? Otherwise add it to" if s else "; add it to"
            c.err(table, i, col, f"'{v}' is not {what}{hint} {file_name}, or correct the id")

    dangling("reports", "source_id", source_ids, "a source_id in sources.csv", "sources.csv")
    dangling("claims", "report_id", report_ids, "a report_id in reports.csv", "reports.csv")
    dangling("citations", "claim_id", claim_ids, "a claim_id in claims.csv", "claims.csv")
    if claim_ids is not None and source_ids is not None:
        dangling("citations", "cites", claim_ids, "a claim_id in claims.csv nor a source_id in sources.csv",
                 "claims.csv or sources.csv", source_ids)
        both = claim_ids & source_ids
        if both:
            src_line = dict(zip(c.col("sources", "source_id"), c.tables["sources"].lines))
            values = c.col("claims", "claim_id")
            for i in np.flatnonzero(values.isin(both).to_numpy()):
                v = values.iat[i]
                c.err("claims", i, "claim_id", f"'{v}' is also a source_id (sources.csv line {src_line[v]}); "
                                               "sources and claims share one set of ids, so rename one of them")
    if c.has("citations", "claim_id") and c.has("citations", "cites"):
        pairs = c.col("citations", "claim_id") + "\x00" + c.col("citations", "cites")
        dup = pairs.duplicated(keep="first")
        if dup.any():
            first = {}
            for i, p in enumerate(pairs):
                first.setdefault(p, i)
            for i in np.flatnonzero(dup.to_numpy()):
                line = c.tables["citations"].lines[first[pairs.iat[i]]]
                c.err("citations", i, "cites", f"'{c.col('citations', 'claim_id').iat[i]}' already cites "
                                               f"'{c.col('citations', 'cites').iat[i]}' on line {line}; "
                                               "keep one row per pair")


def _text(values: pd.Series) -> pd.Series:
    return pd.array(values.where(values != "", None), dtype="string")


def _typed(c: _Checker, name: str) -> pd.DataFrame:
    cells = c.tables[name].cells
    out = {}
    for col in COLUMNS[name]:
        values = c.col(name, col).reset_index(drop=True)
        if (name, col) in ENUMS:
            out[col] = _text(values.str.lower())
        elif col == "reliability":
            out[col] = pd.array(values.str.upper().where(values != "", "F"), dtype="string")
        elif col == "confidential":
            out[col] = values.str.lower().isin(TRUE).astype(bool).to_numpy()
        elif col == "published":
            out[col] = parse_published(values)[0].reset_index(drop=True).astype("datetime64[ns, UTC]")
        elif col in ("low", "high"):
            out[col] = _count(values)
        elif col == "credibility":
            out[col] = pd.array(pd.to_numeric(values.where(values != "", "6")), dtype="Int64")
        else:
            out[col] = _text(values)
    for col in cells.columns:
        if col not in out:
            out[col] = _text(cells[col].astype(str).reset_index(drop=True))
    return pd.DataFrame(out)


def _count(values: pd.Series):
    nums = pd.to_numeric(values.where(values != ""), errors="coerce")
    whole = nums.dropna()
    if (whole == whole.round()).all() and (whole.abs() < 2**53).all():
        return pd.array(nums.round().astype("Float64"), dtype="Int64")
    return pd.array(nums, dtype="Float64")


def _check_time_order(c: _Checker, frames: dict) -> None:
    claims, reports, cites = frames["claims"], frames["reports"], frames["citations"]
    when = claims["report_id"].map(dict(zip(reports["report_id"], reports["published"])))
    published = dict(zip(claims["claim_id"], when))
    citing = cites["claim_id"].map(published)
    cited = cites["cites"].map(published)
    later = (cited > citing).fillna(False).to_numpy(dtype=bool)
    for i in np.flatnonzero(later):
        c.warn("citations", i, "cites", f"'{cites['claim_id'].iat[i]}' ({citing.iat[i]:%Y-%m-%d %H:%M}) cites "
                                        f"'{cites['cites'].iat[i]}', published later ({cited.iat[i]:%Y-%m-%d %H:%M}); "
                                        "fine if the report was updated, otherwise check the dates")
