"""What reading gives: :class:`RawTable` and :class:`RawCase`, and the rules every reader shares (column names,
cell text as a workbook writes it).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from kit.errors import Problem, shown
from kit.reading.limits import file_problem

__all__ = ["RawTable", "RawCase", "read_bytes", "name_columns", "column_letters", "cell_text"]


@dataclass
class RawTable:
    """One table as text: ``cells`` (a DataFrame of str, blank rows left out) and ``lines`` (record start lines).

    Examples
    --------
    >>> t = RawTable("citations", "citations.csv", pd.DataFrame({"claim_id": ["k1"]}), [2])
    >>> t.header_line, t.bad_rows
    (1, set())
    """

    name: str
    file: str
    cells: pd.DataFrame
    lines: list | np.ndarray
    header_line: int = 1
    #: rows (0-based) already reported as unreadable (e.g. too many values): their values are not checked again.
    bad_rows: set = field(default_factory=set)


@dataclass
class RawCase:
    """What :func:`kit.reading.read_raw` found: the raw tables, ``meta``, and the problems met while reading.

    Attributes
    ----------
    tables : dict
        ``name -> RawTable`` for the four tables that could be read.
    meta : dict
        The settings of ``case.toml`` (or of a workbook's ``case`` sheet).
    meta_file : str or None
        Where those settings were read from (``.../case.toml`` or ``book.xlsx#case``).
    meta_lines : dict
        ``key path -> line``: where each setting is written (``("verdicts", "p", "rating") -> 7``).
    story : RawTable or None
        The optional ``story.csv`` beside the case, read like the other tables (only when asked for).
    story_file : str or None
        Where that file is (or would be).
    story_problems : list of Problem
        The problems met reading it (kept apart: a broken story does not stop a case loading).

    Examples
    --------
    >>> RawCase("no/such/case").tables
    {}
    """

    path: str
    tables: dict = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    folder: str | None = None
    meta_file: str | None = None
    meta_lines: dict = field(default_factory=dict)
    story: RawTable | None = None
    story_file: str | None = None
    story_problems: list = field(default_factory=list)


def column_letters(n: int) -> str:
    """A spreadsheet's column letters: 1 -> A, 27 -> AA.

    Parameters
    ----------
    n : int
        The column's number, from 1.

    Returns
    -------
    str
        Its letters, as a spreadsheet heads it.

    See Also
    --------
    kit.reading.workbook.read_workbook : names a sheet's cells this way in its problems.

    Examples
    --------
    >>> column_letters(1), column_letters(26), column_letters(28)
    ('A', 'Z', 'AB')
    """
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def name_columns(table: RawTable, columns: list, problems: list) -> RawTable:
    """Give ``table.cells`` (columns numbered 0, 1, ...) the header's ``columns``; report a column named twice
    or a column with values but no name (both left out).

    Parameters
    ----------
    table : RawTable
        The table as read, its columns numbered.
    columns : list of str
        The header's names as the reader normalised them, one per numbered column (``""``: no name).
    problems : list of kit.errors.Problem
        Where the problems found are appended (on the header's line).

    Returns
    -------
    RawTable
        The same table, its cells with named columns (the first of a name written twice, none without a name).

    See Also
    --------
    kit.reading.csv.read_csv_table, kit.reading.parquet.read_parquet_table : name a table's columns with it.

    Examples
    --------
    >>> probs = []
    >>> t = RawTable("sources", "s.csv", pd.DataFrame({0: ["a"], 1: ["b"], 2: ["c"]}), [2])
    >>> list(name_columns(t, ["name", "kind", "name"], probs).cells.columns)
    ['name', 'kind']
    >>> print(probs[0])
    s.csv:1: name: the column 'name' appears twice in the header (columns 1 and 3); keep one
    """
    seen: dict = {}
    keep, names = [], []
    for i, col in enumerate(columns):
        if col == "":
            if (table.cells[i].astype(str).str.strip() != "").any():
                values = table.cells[i].astype(str).str.strip()
                numbered = len(values) < 10**7 and values.tolist() == [str(k) for k in range(len(values))]
                index = (
                    " (it holds 0, 1, 2, ...: a pandas index, written by to_csv without index=False; write the file "
                    "with df.to_csv(path, index=False))"
                    if numbered
                    else ""
                )
                problems.append(
                    Problem(
                        table.file,
                        table.header_line,
                        None,
                        f"column {i + 1} ({column_letters(i + 1)} in a spreadsheet) has values but "
                        f"no name in the header row{index}; give it a name in the first row, or delete the "
                        "column",
                    )
                )
            continue
        if col in seen:
            problems.append(
                Problem(
                    table.file,
                    table.header_line,
                    col,
                    f"the column '{shown(col)}' appears twice in the header (columns {seen[col] + 1} and {i + 1}); "
                    "keep one",
                )
            )
            continue
        seen[col] = i
        keep.append(i)
        names.append(col)
    cells = table.cells[keep].copy()
    cells.columns = names
    table.cells = cells.reset_index(drop=True)
    return table


def cell_text(v: object) -> str:
    """A workbook's (or a parquet file's) value as the text a CSV file would hold.

    Parameters
    ----------
    v : object
        The value: None, a bool, a number, a date or a date-time, text.

    Returns
    -------
    str
        Empty for a missing value; ``true``/``false``; a whole float without ``.0``; a date in ISO 8601 (a midnight
        date-time without a zone as a date); anything else as :class:`str` writes it.

    See Also
    --------
    kit.formats.export.neutralise : the same text, made safe for a spreadsheet.

    Examples
    --------
    >>> [cell_text(v) for v in (None, True, 3.0, 2.5, float("nan"), _dt.datetime(2018, 2, 13), "x")]
    ['', 'true', '3', '2.5', '', '2018-02-13', 'x']
    """
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        if v != v:  # NaN
            return ""
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, _dt.datetime):
        if v.time() == _dt.time(0) and v.tzinfo is None:
            return v.date().isoformat()
        return v.isoformat()
    if isinstance(v, (_dt.date, pd.Timestamp)):
        return v.isoformat()
    return str(v)


def read_bytes(file: str, problems: list) -> bytes | None:
    """The bytes of ``file``, or None after appending why it cannot be read (:func:`~kit.reading.limits.file_problem`:
    a folder, a pipe, a device or a symlink loop is refused before it is opened).

    Parameters
    ----------
    file : str
        The path of the file.
    problems : list of kit.errors.Problem
        Where the problem is appended when the file cannot be read.

    Returns
    -------
    bytes or None
        The file's bytes; None when it cannot be read.

    See Also
    --------
    kit.reading.limits.file_problem : what is refused before the file is opened.

    Examples
    --------
    >>> probs = []
    >>> read_bytes("no/such/file.csv", probs) is None
    True
    >>> print(probs[0])  # doctest: +ELLIPSIS
    no/such/file.csv: the file cannot be read (No such file or directory); check that you may open it ...
    """
    wrong = file_problem(file)
    if wrong is not None and wrong != "the file is missing":  # a folder, a pipe, a device, a symlink loop
        problems.append(Problem(file, 0, None, wrong))
        return None
    try:
        with open(file, "rb") as fh:
            return fh.read()
    except OSError as e:
        problems.append(
            Problem(
                file,
                0,
                None,
                f"the file cannot be read ({e.strerror}); check that "
                "you may open it and that no other program locks it",
            )
        )
        return None
