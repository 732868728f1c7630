"""Checking a table's columns: the required ones are there, unknown ones are named."""

from __future__ import annotations

import re

from kit.checking.checker import Checker
from kit.checking.suggestions import suggest
from kit.errors import Problem, shown
from kit.schema import COLUMNS, KEPT_COLUMNS, REQUIRED, RESERVED_COLUMNS

__all__ = ["check_columns", "PANDAS_INDEX"]

#: the header pandas gives an unnamed index column when a frame read from CSV is written back with its index
PANDAS_INDEX = re.compile(r"unnamed: \d+(?:_level_\d+)?")


def check_columns(c: Checker, name: str) -> None:
    """Report a required column that is missing (an error), a column named like one the kit derives
    (:data:`kit.schema.RESERVED_COLUMNS`, an error) and an unknown column (a warning) of one table.

    A column the kit writes itself beyond the contract's (:data:`kit.schema.KEPT_COLUMNS`: ``notes`` on claims and
    citations, where ``kit draft`` puts its ``draft: check`` notes) is kept as text with no warning.

    A missing column's error names the header cell that looks like it, if any; an unknown column's warning names
    the known column it looks like, or says it is a pandas index written by ``to_csv`` without ``index=False``.

    Parameters
    ----------
    c : Checker
        The check under way; the problems go to ``c.problems``, the warnings to ``c.warnings``.
    name : str
        The table: ``"sources"``, ``"reports"``, ``"claims"`` or ``"citations"`` (a key of ``c.tables``).

    See Also
    --------
    kit.schema.REQUIRED, kit.schema.COLUMNS : the required and the known columns of each table.
    kit.schema.KEPT_COLUMNS : the free-text columns the kit writes itself and keeps without a warning.
    kit.checking.check_tables : runs this check on every table.

    Examples
    --------
    ``tests/cases/warnings`` has a column the kit does not know:

    >>> from kit.reading import read_raw
    >>> c = Checker(read_raw("tests/cases/warnings").tables)
    >>> check_columns(c, "sources")
    >>> c.problems
    []
    >>> print(*c.warnings, sep="\\n")
    tests/cases/warnings/sources.csv:1: twitter_handle: warning: unknown column 'twitter_handle';
    it is kept as text but the kit does not use it
    """
    t = c.tables[name]
    have = list(t.cells.columns)
    for col in REQUIRED[name]:
        if col not in have:
            near = suggest(col, [h for h in have if h not in COLUMNS[name]])
            hint = f" (the header has '{shown(near)}': rename it '{col}')" if near else ""
            where = f"the {name} sheet" if "#" in t.file else f"{name}.csv"
            c.problems.append(
                Problem(
                    t.file,
                    t.header_line,
                    col,
                    f"the required column '{col}' is missing{hint}; add it to the header row: "
                    f"{where} needs {', '.join(REQUIRED[name])}",
                )
            )
    for col in have:
        if str(col).casefold() in RESERVED_COLUMNS[name]:  # SQLite compares column names in any case
            c.problems.append(
                Problem(
                    t.file,
                    t.header_line,
                    shown(col),
                    f"'{shown(col)}' is a name the kit gives a column of its own in {name} (derived, or SQLite's "
                    f"row number), so this column would be replaced or lost on saving and export; rename it "
                    f"(e.g. 'my_{shown(col).lower()}'), or delete it if a loaded case's table was written as it is",
                )
            )
        elif col not in COLUMNS[name] and col not in KEPT_COLUMNS[name]:
            s = suggest(col, COLUMNS[name])
            hint = f" (did you mean '{s}'?)" if s else ""
            if PANDAS_INDEX.fullmatch(col):
                hint = (
                    " (it looks like a pandas index, written by to_csv without index=False: delete the column, "
                    "or write the file with df.to_csv(path, index=False))"
                )
            c.warn(
                name,
                None,
                shown(col),
                f"unknown column '{shown(col)}'{hint}; it is kept as text but the kit does not use it",
            )
