"""Checking raw tables against the case format and turning them into typed frames.

Every check runs on the whole table at once and reports *every* row it finds, each with its file, physical line
and column, in a sentence that says how to fix it: :mod:`~kit.checking.columns`, :mod:`~kit.checking.values`
(enums, grades, numbers, dates), :mod:`~kit.checking.references`, :mod:`~kit.checking.time_order` (warnings),
:mod:`~kit.checking.meta` (case.toml), :mod:`~kit.checking.story_rows` (story.csv); :mod:`~kit.checking.typed` makes
the typed frames, :mod:`~kit.checking.suggestions` the suggestions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.checking.checker import Checker
from kit.checking.columns import check_columns
from kit.checking.dates import parse_published
from kit.checking.references import check_references
from kit.checking.suggestions import suggest
from kit.checking.time_order import check_time_order
from kit.checking.typed import typed_frame
from kit.checking.values import check_values
from kit.schema import TABLES

if TYPE_CHECKING:
    import pandas as pd

    from kit.errors import Problem
    from kit.reading.raw import RawTable

__all__ = ["check_tables", "suggest", "parse_published", "THREAD_ROWS"]

#: from this many rows in all, the ids are hashed in a second thread while the other checks run
THREAD_ROWS = 100_000


def check_tables(
    raw_tables: dict[str, RawTable],
) -> tuple[dict[str, pd.DataFrame] | None, list[Problem], list[Problem]]:
    """Check the raw tables; return ``(typed_frames_or_None, problems, warnings)``.

    ``typed_frames`` is None when any error was found.

    Parameters
    ----------
    raw_tables : dict of str to kit.reading.RawTable
        The raw tables by name (``RawCase.tables`` of :func:`kit.reading.read_raw`); a missing table is not an error
        here (the reader reports it), but gives no typed frames.

    Returns
    -------
    tuple of (dict or None, list of kit.errors.Problem, list of kit.errors.Problem)
        The typed frames by table name (:func:`kit.checking.typed.typed_frame`), or None when any error was found,
        any table is missing or any row was unreadable; the errors; the warnings.

    See Also
    --------
    kit.checking.checker.Checker : what the checks share.
    kit.case.check_case : reads and checks a whole case (``case.toml`` and ``story.csv`` too).
    kit.load_case : the same, raising :class:`kit.CaseError` with every problem.

    Examples
    --------
    >>> from kit.reading import read_raw
    >>> raw = read_raw("no/such/place")
    >>> check_tables(raw.tables)
    (None, [], [])
    >>> frames, problems, warnings = check_tables(read_raw("tests/cases/warnings").tables)
    >>> sorted(frames), problems, len(warnings)
    (['citations', 'claims', 'reports', 'sources'], [], 2)
    >>> frames, problems, warnings = check_tables(read_raw("tests/cases/bad_mixed").tables)
    >>> frames is None, len(problems)
    (True, 8)
    >>> print(problems[0])
    tests/cases/bad_mixed/sources.csv:3: source_id: 'Kyiv Post' is not a valid id: use only lower-case letters,
    digits, '-' and '_' (for example 'kyiv_post')
    """
    from concurrent.futures import ThreadPoolExecutor

    c = Checker(raw_tables)
    big = sum(len(t.cells) for t in raw_tables.values()) > THREAD_ROWS
    with ThreadPoolExecutor(max_workers=1) as pool:
        c.start_ids(pool if big else None)  # on big tables, hashing every id runs beside the single-column checks
        for name in TABLES:
            if name in raw_tables:
                check_columns(c, name)
                check_values(c, name)
        check_references(c)
    if c.problems or set(raw_tables) != set(TABLES) or any(t.bad_rows for t in raw_tables.values()):
        return None, c.problems, c.warnings
    frames = {name: typed_frame(c, name) for name in TABLES}
    check_time_order(c, frames)
    return frames, c.problems, c.warnings
