"""Checking the values of each table: required cells, ids (slugs, unique), enums, grades, numbers, dates
(:mod:`kit.checking.dates`)."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from kit.checking.arrays import (
    arrow,
    ascii_digits,
    bad_values,
    first_seen,
    fullmatch,
    is_empty,
    np_bool,
    numbers,
    ok_mask,
)
from kit.checking.checker import Checker
from kit.checking.suggestions import slugify, suggest
from kit.errors import shown
from kit.reading.limits import MAX_FIGURE
from kit.schema import BASES, CERTAINTIES, ID_COLUMN, KINDS, MEASURES, RELATIONS, RELIABILITY, REQUIRED

__all__ = [
    "check_values",
    "check_sources",
    "check_claims",
    "number_problem",
    "SLUG",
    "NUMBER",
    "TRUE",
    "FALSE",
    "ENUMS",
    "ROW_NOUN",
]

#: a valid id (and proposition): lower-case letters a-z, digits 0-9, "-" and "_"
SLUG = re.compile(r"^[a-z0-9_-]+$")
#: a figure: digits 0-9 only (a figure in Arabic-Indic or full-width digits is a problem that gives it in 0-9)
NUMBER = re.compile(r"^\+?[0-9]+(?:\.[0-9]+)?$")
#: the words (lower-cased) that mean true in ``sources.confidential``
TRUE = {"true", "yes", "1", "y", "t"}
#: the words (lower-cased) that mean false there; an empty cell is false
FALSE = {"false", "no", "0", "n", "f", ""}
#: the columns of an enum, ``(table, column) -> its values`` (matched ignoring case)
ENUMS = {
    ("sources", "kind"): KINDS,
    ("claims", "measure"): MEASURES,
    ("claims", "certainty"): CERTAINTIES,
    ("citations", "relation"): RELATIONS,
    ("citations", "basis"): BASES,
}
#: what one row of each table is called in the messages
ROW_NOUN = {"sources": "source", "reports": "report", "claims": "claim", "citations": "citation"}


def check_values(c: Checker, name: str) -> None:
    """Report every bad value of one table: an empty required cell, an id that is not a valid id or is used
    twice, a value of no enum (with the nearest one), and what :func:`check_sources`, ``published``
    (:func:`kit.checking.dates.parse_published_range`) and :func:`check_claims` find.

    Parameters
    ----------
    c : Checker
        The check under way; the problems go to ``c.problems``.
    name : str
        The table: ``"sources"``, ``"reports"``, ``"claims"`` or ``"citations"``.

    See Also
    --------
    kit.checking.columns.check_columns : the table's columns, checked before its values.
    kit.checking.references.check_references : the ids that point between tables.

    Examples
    --------
    In ``tests/cases/bad_mixed`` a source's id has a capital and a space, and a kind is misspelt:

    >>> from kit.reading import read_raw
    >>> c = Checker(read_raw("tests/cases/bad_mixed").tables)
    >>> check_values(c, "sources")
    >>> print(*c.problems, sep="\\n")
    tests/cases/bad_mixed/sources.csv:3: source_id: 'Kyiv Post' is not a valid id: use only lower-case letters,
    digits, '-' and '_' (for example 'kyiv_post')
    tests/cases/bad_mixed/sources.csv:4: kind: 'anonymus' is not a kind: did you mean 'anonymous'? Use one of:
    wire, newspaper, broadcaster, online, official, military, monitor, company, individual, social, anonymous,
    document
    """
    t = c.tables[name]
    noun = ROW_NOUN[name]
    for col in REQUIRED[name]:
        if col in t.cells.columns:
            for i in np.flatnonzero(is_empty(c.col(name, col))):
                if col == "published":
                    c.err(
                        name,
                        i,
                        col,
                        f"the published date is empty; every {noun} needs one: write it as YYYY-MM-DD, e.g. 2018-02-13",
                    )
                else:
                    c.err(name, i, col, f"the {col} is empty; every {noun} needs one")
    # ids: slugs and uniqueness
    slug_cols = [ID_COLUMN.get(name)] + (["proposition"] if name == "claims" else [])
    for col in filter(None, slug_cols):
        if not c.has(name, col):
            continue
        values = c.col(name, col)
        for i in np.flatnonzero(~(is_empty(values) | fullmatch(values, SLUG))):
            v = values.iat[i]
            c.err(
                name,
                i,
                col,
                f"'{shown(v)}' is not a valid id: use only lower-case letters, digits, '-' and '_' "
                f"(for example '{shown(slugify(v))}')",
            )
    if name in ID_COLUMN and c.has(name, ID_COLUMN[name]):
        col = ID_COLUMN[name]
        values = c.col(name, col)
        dup = np.zeros(0, dtype=bool)
        if pc.count_distinct(c.pa(name, col)).as_py() < len(values):
            codes, first = first_seen(values)
            dup = (first[codes] != np.arange(len(codes))) & ~is_empty(values)
        for i in np.flatnonzero(dup):
            v = values.iat[i]
            c.err(
                name,
                i,
                col,
                f"the id '{shown(v)}' is already used on line {int(t.lines[first[codes[i]]])}; "
                f"give each {noun} its own id",
            )
    # enums
    for (table, col), allowed in ENUMS.items():
        if table == name and c.has(name, col):
            values = c.col(name, col)
            exact = np_bool(pc.is_in(c.pa(name, col), value_set=pa.array(("",) + tuple(allowed), pa.large_string())))
            rest = np.flatnonzero(~exact)
            if len(rest):
                rest = rest[bad_values(values.iloc[rest], lambda v, allowed=allowed: v.lower() in allowed)]
            for i in rest:
                v = values.iat[i]
                s = suggest(v, allowed)
                hint = f": did you mean '{s}'? Use" if s else "; use"
                c.err(name, i, col, f"'{shown(v)}' is not a {col}{hint} one of: {', '.join(allowed)}")
    if name == "sources":
        check_sources(c)
    elif name == "reports" and c.has(name, "published"):
        _, bad = c.published()
        for row, message in bad:
            c.err(name, row, "published", message)
    elif name == "claims":
        check_claims(c)


def check_sources(c: Checker) -> None:
    """Report a bad ``country`` (not two capital letters), ``reliability`` (not A to F) or ``confidential`` (not
    one of :data:`TRUE` or :data:`FALSE`) in the sources table.

    Parameters
    ----------
    c : Checker
        The check under way; the problems go to ``c.problems``.

    See Also
    --------
    check_values : calls it for the sources table.
    kit.schema.RELIABILITY : the reliability grades.

    Examples
    --------
    >>> import pandas as pd
    >>> from kit.reading import RawTable
    >>> cells = pd.DataFrame({"source_id": ["tass", "rbc"], "country": ["ru", "RU"], "reliability": ["B", "G"],
    ...                       "confidential": ["no", "maybe"]})
    >>> c = Checker({"sources": RawTable("sources", "sources.csv", cells, [2, 3])})
    >>> check_sources(c)
    >>> print(*c.problems, sep="\\n")
    sources.csv:2: country: 'ru' is not a country code (write 'RU'): use two capital letters, an ISO 3166 code
    such as RU, US, SY, or XX for unknown
    sources.csv:3: reliability: 'G' is not a reliability grade: use a letter A to F (A completely reliable ...
    E unreliable, F cannot be judged), or leave it empty for F
    sources.csv:3: confidential: 'maybe' is not true or false: write true, false, yes, no, 1 or 0 (empty means
    false)
    """
    if c.has("sources", "country"):
        values = c.obj("sources", "country")
        for i in np.flatnonzero(((values != "") & ~values.str.match(r"^[A-Z]{2}$")).to_numpy()):
            v = values.iat[i]
            fix = f" (write '{v.upper()}')" if re.fullmatch(r"[A-Za-z]{2}", v) else ""
            c.err(
                "sources",
                i,
                "country",
                f"'{shown(v)}' is not a country code{fix}: use two capital letters, "
                "an ISO 3166 code such as RU, US, SY, or XX for unknown",
            )
    if c.has("sources", "reliability"):
        values = c.obj("sources", "reliability")
        for i in np.flatnonzero(((values != "") & ~values.str.upper().isin(RELIABILITY)).to_numpy()):
            c.err(
                "sources",
                i,
                "reliability",
                f"'{shown(values.iat[i])}' is not a reliability grade: use a letter A to F "
                "(A completely reliable ... E unreliable, F cannot be judged), "
                "or leave it empty for F",
            )
    if c.has("sources", "confidential"):
        values = c.obj("sources", "confidential")
        for i in np.flatnonzero((~values.str.lower().isin(TRUE | FALSE)).to_numpy()):
            c.err(
                "sources",
                i,
                "confidential",
                f"'{shown(values.iat[i])}' is not true or false: write true, false, yes, no, 1 or 0 "
                "(empty means false)",
            )


def number_problem(v: str, col: str) -> str:
    """What to say about a ``low`` or ``high`` cell that is not a figure: what is wrong, and what to write.

    Parameters
    ----------
    v : str
        The cell, not matching :data:`NUMBER`.
    col : str
        Its column, ``"low"`` or ``"high"``.

    Returns
    -------
    str
        The message: the figure in digits 0-9, without separators, as a range in two cells, as a count (not
        negative), or the report's words kept in ``text``.

    See Also
    --------
    check_claims : calls it for each such cell.

    Examples
    --------
    >>> number_problem("1,200", "low")
    "'1,200' is not a number: write it without separators, as 1200"
    >>> number_problem("10-20", "low")
    "'10-20' is not a number: a range goes in two cells: low 10 and high 20"
    >>> number_problem("١٢", "low")
    "'١٢' is written with digits other than 0-9; write it as 12"
    """
    base = f"'{shown(v)}' is not a number"
    fixed = ascii_digits(v)
    if fixed is not None and NUMBER.match(fixed.strip()):
        return f"'{shown(v)}' is written with digits other than 0-9; write it as {fixed.strip()}"
    compact = v.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("_", "")
    if NUMBER.match(compact):
        return f"{base}: write it without separators, as {compact}"
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(?:-|–|—|to)\s*(\d+(?:\.\d+)?)", v.strip())
    if m:
        return f"{base}: a range goes in two cells: low {m.group(1)} and high {m.group(2)}"
    if v.startswith("-") and NUMBER.match(v[1:]):
        return (
            f"{base} the kit can use: a count cannot be negative; write how many were counted "
            f"(e.g. {v[1:]}) and put the report's wording in 'text'"
        )
    return (
        f"{base}: keep the report's own words in 'text' and put a range in low/high "
        "(e.g. 'more than 200' is low 201 with high empty, 'about 100' is low 100, high 100; "
        "leave both empty when the report gives no figure)"
    )


def check_claims(c: Checker) -> None:
    """Report a bad figure (``low``, ``high``: not a number, too large, not kept exactly, ``high`` below ``low``)
    or ``credibility`` (not 1 to 6) in the claims table; keep the figures read in ``c.numbers``.

    Parameters
    ----------
    c : Checker
        The check under way; the problems go to ``c.problems``, the figures (floats, NaN where a cell is empty
        or bad) to ``c.numbers["low"]`` and ``c.numbers["high"]``.

    See Also
    --------
    number_problem : the message for a cell that is not a figure.
    kit.checking.arrays.figure : how a cell is read as a figure.

    Examples
    --------
    In ``tests/cases/bad_mixed`` a claim gives its figure in words, and another's high is below its low:

    >>> from kit.reading import read_raw
    >>> c = Checker(read_raw("tests/cases/bad_mixed").tables)
    >>> check_claims(c)
    >>> print(*c.problems, sep="\\n")
    tests/cases/bad_mixed/claims.csv:7: low: 'dozens' is not a number: keep the report's own words in 'text' and
    put a range in low/high (e.g. 'more than 200' is low 201 with high empty, 'about 100' is low 100, high 100;
    leave both empty when the report gives no figure)
    tests/cases/bad_mixed/claims.csv:4: high: high (5) is below low (10); swap them, or leave high empty for no
    upper bound
    """
    parsed = {}
    for col in ("low", "high"):
        if not c.has("claims", col):
            continue
        values = c.col("claims", col)
        ok = ok_mask(values, lambda v: v == "" or NUMBER.fullmatch(v))
        for i in np.flatnonzero(~ok):
            c.err("claims", i, col, number_problem(values.iat[i], col))
        nums = numbers(values, ok)
        huge, rounded = nums == np.inf, nums == -np.inf
        for i in np.flatnonzero(huge.to_numpy()):
            c.err("claims", i, col, f"'{shown(values.iat[i], 20)}' is too large a number for a count; check it")
        for i in np.flatnonzero(rounded.to_numpy()):
            c.err(
                "claims",
                i,
                col,
                f"'{shown(values.iat[i])}' cannot be kept exactly: the kit keeps figures as floating-point numbers, "
                f"exact for every whole number up to {MAX_FIGURE:,} (2**53) and for about 16 significant digits; "
                "check it, or round it yourself",
            )
        parsed[col] = nums.where(~(huge | rounded))
    c.numbers = parsed
    if len(parsed) == 2:
        bad = parsed["low"] > parsed["high"]
        for i in np.flatnonzero(bad.fillna(False).to_numpy()):
            c.err(
                "claims",
                i,
                "high",
                f"high ({c.col('claims', 'high').iat[i]}) is below low "
                f"({c.col('claims', 'low').iat[i]}); swap them, or leave high empty "
                "for no upper bound",
            )
    if c.has("claims", "credibility"):
        values = c.col("claims", "credibility")
        ok = np_bool(pc.is_in(arrow(values), value_set=pa.array(["", "1", "2", "3", "4", "5", "6"], pa.large_string())))
        for i in np.flatnonzero(~ok):
            c.err(
                "claims",
                i,
                "credibility",
                f"'{shown(values.iat[i])}' is not a credibility grade: use a number 1 to 6 "
                "(1 confirmed ... 5 improbable, 6 cannot be judged), or leave it "
                "empty for 6",
            )
