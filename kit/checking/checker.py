"""The state one check of a case shares: the tables, the problems found, and each column computed once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kit.checking.arrays import arrow
from kit.checking.dates import parse_published_range
from kit.errors import Problem

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from kit.reading.raw import RawTable

__all__ = ["Checker", "ID_REFS"]

#: the columns that hold ids (encoded together, see Checker.ids)
ID_REFS = (
    ("sources", "source_id"),
    ("reports", "report_id"),
    ("claims", "claim_id"),
    ("reports", "source_id"),
    ("claims", "report_id"),
    ("citations", "claim_id"),
    ("citations", "cites"),
)


class Checker:
    """One check of a case's raw tables: the tables, the problems and warnings found so far, and each column
    (as text, as a pyarrow array, as id codes) computed once and shared by the checks.

    Parameters
    ----------
    tables : dict of str to kit.reading.raw.RawTable
        The raw tables by name, as :func:`kit.reading.read_raw` reads them.

    Attributes
    ----------
    problems, warnings : list of kit.errors.Problem
        What the checks found, in the order they found it (:meth:`err` and :meth:`warn` add to them).

    See Also
    --------
    kit.checking.check_tables : makes one and runs every check with it.

    Examples
    --------
    >>> from kit.reading import read_raw
    >>> c = Checker(read_raw("tests/cases/one_row").tables)
    >>> c.has("claims", "claim_id"), c.has("claims", "colour")
    (True, False)
    >>> list(c.col("sources", "source_id"))
    ['solo']
    """

    def __init__(self, tables: dict[str, RawTable]) -> None:
        self.tables = tables
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self._cols: dict = {}
        self._arrays: dict = {}
        self._published: tuple[pd.Series, pd.Series, list[tuple[int, str]]] | None = None
        self._ids: Any = None  # a Future until the ids are encoded, then a dict
        self.numbers: dict = {}

    def err(self, table: str, i: int | np.integer, column: str | None, message: str) -> None:
        t = self.tables[table]
        if i in t.bad_rows:  # already reported as unreadable; its values are in the wrong columns
            return
        self.problems.append(Problem(t.file, int(t.lines[i]), column, message))

    def warn(self, table: str, i: int | np.integer | None, column: str | None, message: str) -> None:
        t = self.tables[table]
        line = t.header_line if i is None else int(t.lines[i])
        self.warnings.append(Problem(t.file, line, column, message, "warning"))

    def col(self, table: str, column: str) -> pd.Series:
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

    def pa(self, table: str, column: str) -> pa.Array:
        """The column as a pyarrow array (computed once)."""
        key = (table, column)
        if key not in self._arrays:
            self._arrays[key] = arrow(self.col(table, column))
        return self._arrays[key]

    def ids(self, table: str, column: str) -> np.ndarray:
        """The column's id codes: every id column of the case is encoded with one dictionary, once, so that
        look-ups between tables are integer array operations. ``self.n_ids`` is the dictionary's size,
        ``self.empty_id`` the code of the empty string (-1 if there is none)."""
        if self._ids is None:
            self.start_ids()
        if not isinstance(self._ids, dict):
            self._ids_done(self._ids)
            self._ids = self._ids.result()[0]
        return self._ids[(table, column)]

    def start_ids(self, pool: Executor | None = None) -> None:
        """Begin encoding the id columns (see :meth:`ids`): in ``pool``'s thread while the other checks go on
        (pyarrow hashes outside Python's lock), or at once without a pool."""
        from concurrent.futures import Future

        keys = [k for k in ID_REFS if self.has(*k)]
        arrays = [self.pa(*k) for k in keys]  # pandas work stays in this thread

        def encode() -> tuple[dict[tuple[str, str], np.ndarray], int, int | None]:
            chunks = [ch for a in arrays for ch in (a.chunks if isinstance(a, pa.ChunkedArray) else [a])]
            encoded = pc.dictionary_encode(pa.chunked_array(chunks, type=pa.large_string()))
            # the chunks share one dictionary, grown as they are read: the last one holds every id
            codes = np.concatenate(
                [ch.indices.to_numpy(zero_copy_only=False).astype(np.int64) for ch in encoded.chunks]
                or [np.zeros(0, dtype=np.int64)]
            )
            dictionary = (
                encoded.chunk(encoded.num_chunks - 1).dictionary
                if encoded.num_chunks
                else pa.array([], pa.large_string())
            )
            out: dict[tuple[str, str], np.ndarray] = {}
            start = 0
            for k, a in zip(keys, arrays, strict=False):
                out[k] = codes[start : start + len(a)]
                start += len(a)
            return out, len(dictionary), pc.index(dictionary, "").as_py()

        def done(future: Future) -> None:
            self.n_ids, self.empty_id = future.result()[1:]

        if pool is None:
            future: Future = Future()
            future.set_result(encode())
        else:
            future = pool.submit(encode)
        self._ids = future
        self._ids_done = done

    def id_set(self, *columns: tuple[str, str]) -> np.ndarray:
        """A boolean array over id codes: true for the ids found in any of ``columns`` ((table, column) pairs)."""
        self.ids(*columns[0])
        known = np.zeros(self.n_ids + 1, dtype=bool)
        for table, column in columns:
            known[self.ids(table, column)] = True
        return known

    def obj(self, table: str, column: str) -> pd.Series:
        """The column as Python strings (for the checks of small tables that run Python's string methods)."""
        values = self.col(table, column)
        return values if values.dtype == object else values.astype(object)

    def has(self, table: str, column: str) -> bool:
        return table in self.tables and column in self.tables[table].cells.columns

    def published(self) -> tuple[pd.Series, list[tuple[int, str]]]:
        """``(earliest, problems)`` of reports.published (:func:`parse_published_range`, computed once)."""
        earliest, _, bad = self.published_range()
        return earliest, bad

    def published_range(self) -> tuple[pd.Series, pd.Series, list[tuple[int, str]]]:
        """``parse_published_range`` of reports.published: earliest, latest, problems; computed once."""
        if self._published is None:
            self._published = parse_published_range(self.col("reports", "published"))
        return self._published
