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
import pyarrow as pa
import pyarrow.compute as pc

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
#: from this many rows in all, the ids are hashed in a second thread while the other checks run
THREAD_ROWS = 100_000
#: the columns that hold ids (encoded together, see _Checker.ids)
ID_REFS = (("sources", "source_id"), ("reports", "report_id"), ("claims", "claim_id"), ("reports", "source_id"),
           ("claims", "report_id"), ("citations", "claim_id"), ("citations", "cites"))
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


def _pa(values: pd.Series) -> pa.Array:
    """The column as a pyarrow ``large_string`` array (no copy of the text for pyarrow-backed columns).

    >>> _pa(pd.Series(["a", ""], dtype=object)).to_pylist()
    ['a', '']
    """
    arr = pa.array(values.array) if values.dtype != object else pa.array(values.to_numpy(), type=pa.large_string())
    return arr if arr.type == pa.large_string() else arr.cast(pa.large_string())  # (may be a ChunkedArray)


def _np(mask) -> np.ndarray:
    """A pyarrow boolean array (no nulls) as a numpy one."""
    return mask.to_numpy(zero_copy_only=False).astype(bool, copy=False)


def _empty(values: pd.Series) -> np.ndarray:
    return _np(pc.equal(_pa(values), ""))


def _fullmatch(values: pd.Series, regex: re.Pattern) -> np.ndarray:
    """``regex.fullmatch(v)`` for every value, as a boolean array.

    ASCII values are matched by pyarrow (RE2: the patterns used here mean the same there); any other value by
    Python's ``re`` (whose ``\\d`` also matches other scripts' digits), so the answer is Python's for every value.

    >>> _fullmatch(pd.Series(["ab", "a b", "é", "ab\\n"], dtype=object), SLUG).tolist()
    [True, False, False, False]
    """
    arr = _pa(values)
    pattern = regex.pattern
    pattern = ("" if pattern.startswith("^") else "^") + pattern + ("" if pattern.endswith("$") else "$")
    ok = _np(pc.match_substring_regex(arr, pattern))
    other = np.flatnonzero(~_np(pc.string_is_ascii(arr)))
    if len(other):
        fullmatch = regex.fullmatch
        ok[other] = [bool(fullmatch(values.iat[i])) for i in other]
    return ok


def _first_seen(values: pd.Series):
    """``(codes, first)``: a code per value, and for each code the position where its value first appears."""
    codes, _ = pd.factorize(values, sort=False)
    codes = np.asarray(codes, dtype=np.int64)
    return codes, _first_of_codes(codes)


def _first_of_codes(codes: np.ndarray) -> np.ndarray:
    # codes numbered in order of first appearance: a code is new where it exceeds every earlier one
    if not len(codes):
        return np.zeros(0, dtype=np.int64)
    top = np.maximum.accumulate(codes)
    return np.flatnonzero(np.diff(top, prepend=-1) > 0)


def _by_uniques(values: pd.Series, fn) -> np.ndarray:
    """``fn`` applied to the distinct values only, spread back over the column (a numpy object array).

    >>> _by_uniques(pd.Series(["a", "B", "a"], dtype=object), str.upper).tolist()
    ['A', 'B', 'A']
    """
    codes, uniques = pd.factorize(values, sort=False)
    mapped = np.empty(len(uniques), dtype=object)
    mapped[:] = [fn(v) for v in np.asarray(uniques, dtype=object)]
    return mapped[np.asarray(codes)]


def _numbers(values: pd.Series, ok: np.ndarray) -> pd.Series:
    """``pd.to_numeric`` of the values where ``ok`` (else NaN), converting each distinct value once."""
    codes, uniques = pd.factorize(values, sort=False)
    codes = np.asarray(codes)
    uniques = pd.Series(np.asarray(uniques, dtype=object), dtype=object)
    good = np.zeros(len(uniques), dtype=bool)
    good[codes[ok]] = True
    nums = pd.to_numeric(uniques.where(good & (uniques != "").to_numpy()), errors="coerce").to_numpy(dtype=float)
    out = nums[codes] if len(nums) else np.zeros(len(codes), dtype=float)
    out[~ok] = np.nan
    return pd.Series(out, index=values.index)


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
        self._arrays: dict = {}
        self._published = None
        self._ids = None

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
                keep = col.dtype == object or isinstance(col.dtype, pd.StringDtype)
                self._cols[key] = col if keep else col.astype(str)
            else:
                self._cols[key] = pd.Series([""] * len(cells), dtype=object, index=cells.index)
        return self._cols[key]

    def pa(self, table, column) -> pa.Array:
        """The column as a pyarrow array (computed once)."""
        key = (table, column)
        if key not in self._arrays:
            self._arrays[key] = _pa(self.col(table, column))
        return self._arrays[key]

    def ids(self, table, column) -> np.ndarray:
        """The column's id codes: every id column of the case is encoded with one dictionary, once, so that
        look-ups between tables are integer array operations. ``self.n_ids`` is the dictionary's size,
        ``self.empty_id`` the code of the empty string (-1 if there is none)."""
        if self._ids is None:
            self.start_ids()
        if not isinstance(self._ids, dict):
            self._ids_done(self._ids)
            self._ids = self._ids.result()[0]
        return self._ids[(table, column)]

    def start_ids(self, pool=None) -> None:
        """Begin encoding the id columns (see :meth:`ids`): in ``pool``'s thread while the other checks go on
        (pyarrow hashes outside Python's lock), or at once without a pool."""
        from concurrent.futures import Future

        keys = [k for k in ID_REFS if self.has(*k)]
        arrays = [self.pa(*k) for k in keys]  # pandas work stays in this thread

        def encode():
            chunks = [ch for a in arrays for ch in (a.chunks if isinstance(a, pa.ChunkedArray) else [a])]
            encoded = pc.dictionary_encode(pa.chunked_array(chunks, type=pa.large_string()))
            # the chunks share one dictionary, grown as they are read: the last one holds every id
            codes = np.concatenate([ch.indices.to_numpy(zero_copy_only=False).astype(np.int64)
                                    for ch in encoded.chunks] or [np.zeros(0, dtype=np.int64)])
            dictionary = encoded.chunk(encoded.num_chunks - 1).dictionary if encoded.num_chunks else \
                pa.array([], pa.large_string())
            out, start = {}, 0
            for k, a in zip(keys, arrays):
                out[k] = codes[start:start + len(a)]
                start += len(a)
            return out, len(dictionary), pc.index(dictionary, "").as_py()

        def done(future):
            self.n_ids, self.empty_id = future.result()[1:]

        if pool is None:
            future = Future()
            future.set_result(encode())
        else:
            future = pool.submit(encode)
        self._ids = future
        self._ids_done = done

    def id_set(self, *columns) -> np.ndarray:
        """A boolean array over id codes: true for the ids found in any of ``columns`` ((table, column) pairs)."""
        self.ids(*columns[0])
        known = np.zeros(self.n_ids + 1, dtype=bool)
        for table, column in columns:
            known[self.ids(table, column)] = True
        return known

    def obj(self, table, column) -> pd.Series:
        """The column as Python strings (for the checks of small tables that run Python's string methods)."""
        values = self.col(table, column)
        return values if values.dtype == object else values.astype(object)

    def has(self, table, column) -> bool:
        return table in self.tables and column in self.tables[table].cells.columns

    def published(self):
        """``parse_published`` of reports.published, computed once."""
        if self._published is None:
            self._published = parse_published(self.col("reports", "published"))
        return self._published


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
    from concurrent.futures import ThreadPoolExecutor

    c = _Checker(raw_tables)
    big = sum(len(t.cells) for t in raw_tables.values()) > THREAD_ROWS
    with ThreadPoolExecutor(max_workers=1) as pool:
        c.start_ids(pool if big else None)  # on big tables, hashing every id runs beside the single-column checks
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
            for i in np.flatnonzero(_empty(c.col(name, col))):
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
        for i in np.flatnonzero(~(_empty(values) | _fullmatch(values, SLUG))):
            v = values.iat[i]
            c.err(name, i, col, f"'{v}' is not a valid id: use only lower-case letters, digits, '-' and '_' "
                                f"(for example '{_slugify(v)}')")
    if name in ID_COLUMN and c.has(name, ID_COLUMN[name]):
        col = ID_COLUMN[name]
        values = c.col(name, col)
        dup = np.zeros(0, dtype=bool)
        if pc.count_distinct(c.pa(name, col)).as_py() < len(values):
            codes, first = _first_seen(values)
            dup = (first[codes] != np.arange(len(codes))) & ~_empty(values)
        for i in np.flatnonzero(dup):
            v = values.iat[i]
            c.err(name, i, col, f"the id '{v}' is already used on line {int(t.lines[first[codes[i]]])}; "
                                f"give each {noun} its own id")
    # enums
    for (table, col), allowed in ENUMS.items():
        if table == name and c.has(name, col):
            values = c.col(name, col)
            exact = _np(pc.is_in(c.pa(name, col), value_set=pa.array(("",) + tuple(allowed), pa.large_string())))
            rest = np.flatnonzero(~exact)
            if len(rest):
                rest = rest[_bad(values.iloc[rest], lambda v: v.lower() in allowed)]
            for i in rest:
                v = values.iat[i]
                s = suggest(v, allowed)
                hint = f": did you mean '{s}'? Use" if s else "; use"
                c.err(name, i, col, f"'{v}' is not a {col}{hint} one of: {', '.join(allowed)}")
    if name == "sources":
        _check_sources(c)
    elif name == "reports" and c.has(name, "published"):
        _, bad = c.published()
        for i, message in bad:
            c.err(name, i, "published", message)
    elif name == "claims":
        _check_claims(c)


def _check_sources(c: _Checker) -> None:
    if c.has("sources", "country"):
        values = c.obj("sources", "country")
        for i in np.flatnonzero(((values != "") & ~values.str.match(r"^[A-Z]{2}$")).to_numpy()):
            v = values.iat[i]
            fix = f" (write '{v.upper()}')" if re.fullmatch(r"[A-Za-z]{2}", v) else ""
            c.err("sources", i, "country", f"'{v}' is not a country code{fix}: use two capital letters, "
                                           "an ISO 3166 code such as RU, US, SY, or XX for unknown")
    if c.has("sources", "reliability"):
        values = c.obj("sources", "reliability")
        for i in np.flatnonzero(((values != "") & ~values.str.upper().isin(RELIABILITY)).to_numpy()):
            c.err("sources", i, "reliability", f"'{values.iat[i]}' is not a reliability grade: use a letter A to F "
                                               "(A completely reliable ... E unreliable, F cannot be judged), "
                                               "or leave it empty for F")
    if c.has("sources", "confidential"):
        values = c.obj("sources", "confidential")
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
        ok = _ok_mask(values, lambda v: v == "" or NUMBER.fullmatch(v))
        for i in np.flatnonzero(~ok):
            c.err("claims", i, col, _number_problem(values.iat[i], col))
        nums = _numbers(values, ok)
        huge = nums.abs() == np.inf
        for i in np.flatnonzero(huge.to_numpy()):
            c.err("claims", i, col, f"'{values.iat[i][:20]}...' is too large a number for a count; check it")
        parsed[col] = nums.where(~huge)
    c.numbers = parsed
    if len(parsed) == 2:
        bad = parsed["low"] > parsed["high"]
        for i in np.flatnonzero(bad.fillna(False).to_numpy()):
            c.err("claims", i, "high", f"high ({c.col('claims', 'high').iat[i]}) is below low "
                                       f"({c.col('claims', 'low').iat[i]}); swap them, or leave high empty "
                                       "for no upper bound")
    if c.has("claims", "credibility"):
        values = c.col("claims", "credibility")
        ok = _np(pc.is_in(_pa(values), value_set=pa.array(["", "1", "2", "3", "4", "5", "6"], pa.large_string())))
        for i in np.flatnonzero(~ok):
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
    if values.dtype != object and not isinstance(values.dtype, pd.StringDtype):
        values = values.astype(str)
    arr = pc.utf8_trim_whitespace(_pa(values))  # the same white space as str.strip
    values = pd.Series(pd.arrays.ArrowStringArray(arr.cast(pa.string())), index=values.index)
    iso = _fullmatch(values, ISO)
    normal = pc.replace_substring(pc.replace_substring(arr, " ", "T", max_replacements=1), ",", ".",
                                  max_replacements=1)
    normal = pc.if_else(pa.array(iso), normal, pa.scalar(None, pa.large_string()))
    ts = pd.to_datetime(pd.Series(normal.to_numpy(zero_copy_only=False), index=values.index, dtype=object),
                        format="ISO8601", utc=True, errors="coerce")
    ts = _as_ns(ts)
    bad = [(int(i), _date_problem(values.iat[i])) for i in np.flatnonzero(ts.isna().to_numpy() & ~_np(pc.equal(arr, "")))]
    return ts, bad


def _check_references(c: _Checker) -> None:
    # a table that is missing, or lacks its id column, is already reported: checking references against it
    # would only add noise. Ids are compared as integer codes (see _Checker.ids); Python sets of ids are
    # built only to suggest a correction for an id that is not found.
    has_sources, has_reports, has_claims = c.has("sources", "source_id"), c.has("reports", "report_id"), \
        c.has("claims", "claim_id")

    def dangling(table, col, known, what, file_name):
        if not known or not c.has(table, col):
            return
        values = c.col(table, col)
        ok = c.id_set(*known)
        if c.empty_id is not None:
            ok[c.empty_id] = True
        bad = np.flatnonzero(~ok[c.ids(table, col)])
        if not len(bad):
            return
        universe = set()
        for t, k in known:
            universe.update(c.col(t, k))
        universe.discard("")
        near = _Suggester(universe)
        for i in bad:
            v = values.iat[i]
            s = near(v)
            hint = f": did you mean '{s}'? Otherwise add it to" if s else "; add it to"
            c.err(table, i, col, f"'{v}' is not {what}{hint} {file_name}, or correct the id")

    sources, reports, claims = ("sources", "source_id"), ("reports", "report_id"), ("claims", "claim_id")
    dangling("reports", "source_id", [sources] if has_sources else None, "a source_id in sources.csv",
             "sources.csv")
    dangling("claims", "report_id", [reports] if has_reports else None, "a report_id in reports.csv", "reports.csv")
    dangling("citations", "claim_id", [claims] if has_claims else None, "a claim_id in claims.csv", "claims.csv")
    if has_claims and has_sources:
        dangling("citations", "cites", [claims, sources],
                 "a claim_id in claims.csv nor a source_id in sources.csv", "claims.csv or sources.csv")
        claim_codes = c.ids(*claims)
        both = c.id_set(sources)[claim_codes] & (claim_codes != c.empty_id)
        if both.any():
            src_line = dict(zip(c.col("sources", "source_id"), c.tables["sources"].lines))
            values = c.col("claims", "claim_id")
            for i in np.flatnonzero(both):
                v = values.iat[i]
                c.err("claims", i, "claim_id", f"'{v}' is also a source_id (sources.csv line {int(src_line[v])}); "
                                               "sources and claims share one set of ids, so rename one of them")
    if c.has("citations", "claim_id") and c.has("citations", "cites"):
        key = c.ids("citations", "claim_id") * (c.n_ids + 1) + c.ids("citations", "cites")
        if pd.Series(key).duplicated().any():
            pairs, _ = pd.factorize(key, sort=False)
            pairs = np.asarray(pairs, dtype=np.int64)
            first = _first_of_codes(pairs)
            for i in np.flatnonzero(first[pairs] != np.arange(len(pairs))):
                line = int(c.tables["citations"].lines[first[pairs[i]]])
                c.err("citations", i, "cites", f"'{c.col('citations', 'claim_id').iat[i]}' already cites "
                                               f"'{c.col('citations', 'cites').iat[i]}' on line {line}; "
                                               "keep one row per pair")


def _text(values: pd.Series, arr=None):
    arr = _pa(values) if arr is None else arr
    empty = pc.equal(arr, "")
    n_empty = pc.sum(empty).as_py() or 0
    if n_empty == len(arr):
        arr = pa.nulls(len(arr), arr.type)
    elif n_empty:
        arr = pc.if_else(empty, pa.scalar(None, arr.type), arr)
    return pd.array(arr, dtype="string")


def _lower_text(values: pd.Series, allowed=(), arr=None):
    """Enum values lower-cased (by Python's rules, once per distinct value), empty as missing."""
    arr = _pa(values) if arr is None else arr
    if pc.all(pc.is_in(arr, value_set=pa.array(("",) + tuple(allowed), pa.large_string()))).as_py() is not False:
        return _text(values, arr)  # already lower-case
    codes, uniques = pd.factorize(values, sort=False)
    mapped = pa.array([None if v == "" else v.lower() for v in np.asarray(uniques, dtype=object)], pa.large_string())
    return pd.array(mapped.take(pa.array(np.asarray(codes))), dtype="string")


def _typed(c: _Checker, name: str) -> pd.DataFrame:
    cells = c.tables[name].cells
    numbers = getattr(c, "numbers", {})
    out = {}
    for col in COLUMNS[name]:
        values = c.col(name, col).reset_index(drop=True)
        if (name, col) in ENUMS:
            out[col] = _lower_text(values, ENUMS[(name, col)], c.pa(name, col))
        elif col == "reliability":
            values = c.obj(name, col).reset_index(drop=True)
            out[col] = pd.array(values.str.upper().where(values != "", "F"), dtype="string")
        elif col == "confidential":
            values = c.obj(name, col).reset_index(drop=True)
            out[col] = values.str.lower().isin(TRUE).astype(bool).to_numpy()
        elif col == "published":
            out[col] = c.published()[0].reset_index(drop=True).astype("datetime64[ns, UTC]")
        elif col in ("low", "high"):
            nums = numbers[col] if col in numbers else _numbers(values, np.ones(len(values), dtype=bool))
            out[col] = _count(nums.reset_index(drop=True))
        elif col == "credibility":
            grades = _by_uniques(values, lambda v: 6 if v == "" else int(v))
            out[col] = pd.array(grades.astype(np.int64), dtype="Int64")
        else:
            out[col] = _text(values, c.pa(name, col))
    for col in cells.columns:
        if col not in out:
            values = cells[col]
            if values.dtype != object and not isinstance(values.dtype, pd.StringDtype):
                values = values.astype(str)
            out[col] = _text(values.reset_index(drop=True))
    return pd.DataFrame(out)


def _count(nums: pd.Series):
    """Parsed counts as whole numbers (Int64) when all are whole, else Float64."""
    whole = nums.dropna()
    if (whole == whole.round()).all() and (whole.abs() < 2**53).all():
        return pd.array(nums.round().astype("Float64"), dtype="Int64")
    return pd.array(nums, dtype="Float64")


def _check_time_order(c: _Checker, frames: dict) -> None:
    claims, reports, cites = frames["claims"], frames["reports"], frames["citations"]
    # here every id is unique and every reference resolves (else there were errors): rows by id code
    report_row = np.full(c.n_ids + 1, -1, dtype=np.int64)
    report_row[c.ids("reports", "report_id")] = np.arange(len(reports))
    claim_row = np.full(c.n_ids + 1, -1, dtype=np.int64)
    claim_row[c.ids("claims", "claim_id")] = np.arange(len(claims))
    published = reports["published"].to_numpy(dtype="datetime64[ns]")[report_row[c.ids("claims", "report_id")]]
    citing = published[claim_row[c.ids("citations", "claim_id")]]
    cited_at = claim_row[c.ids("citations", "cites")]
    is_claim = cited_at >= 0
    cited = np.full(len(cites), np.datetime64("NaT"), dtype="datetime64[ns]")
    cited[is_claim] = published[cited_at[is_claim]]
    later = np.zeros(len(cites), dtype=bool)
    later[is_claim] = cited[is_claim] > citing[is_claim]
    for i in np.flatnonzero(later):
        t_citing, t_cited = pd.Timestamp(citing[i], tz="UTC"), pd.Timestamp(cited[i], tz="UTC")
        c.warn("citations", i, "cites", f"'{cites['claim_id'].iat[i]}' ({t_citing:%Y-%m-%d %H:%M}) cites "
                                        f"'{cites['cites'].iat[i]}', published later ({t_cited:%Y-%m-%d %H:%M}); "
                                        "fine if the report was updated, otherwise check the dates")
