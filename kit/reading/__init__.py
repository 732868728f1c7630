"""Reading a case's files into raw tables of text, with the physical line of every record.

Nothing here judges the values; :mod:`kit.checking` does. This package only finds the files, decodes them
(UTF-8, with or without a BOM, CRLF or LF), refuses to guess other encodings or delimiters, and keeps every
record with the line it starts on: :mod:`~kit.reading.csv` (one CSV file, fast and exact parsers),
:mod:`~kit.reading.parquet`, :mod:`~kit.reading.workbook` (``.xlsx``), :mod:`~kit.reading.toml` (``case.toml``),
:mod:`~kit.reading.raw` (what they all give: :class:`RawTable`, :class:`RawCase`).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from kit.errors import Problem
from kit.reading.csv import parse_csv_fast, parse_csv_text, read_csv_table
from kit.reading.encoding import decode_bytes, sniff_delimiter
from kit.reading.limits import file_problem
from kit.reading.parquet import read_parquet_table
from kit.reading.raw import RawCase, RawTable
from kit.reading.toml import read_toml
from kit.reading.workbook import read_workbook
from kit.schema import REQUIRED, STORY, TABLES

if TYPE_CHECKING:
    from _typeshed import StrPath

__all__ = [
    "RawTable",
    "RawCase",
    "read_raw",
    "resolve_case_path",
    "story_file",
    "read_csv_table",
    "parse_csv_fast",
    "parse_csv_text",
    "decode_bytes",
    "sniff_delimiter",
]


def resolve_case_path(path: StrPath) -> tuple[str, str]:
    """Say what kind of case ``path`` names: ``("folder", dir)``, ``("xlsx", file)``, ``("unknown", file)``,
    ``("unreadable", path)`` (a symlink loop, a link to nothing, a pipe, a device) or ``("missing", path)``.

    Parameters
    ----------
    path : str or os.PathLike
        A case's folder, its ``case.toml``, an ``.xlsx`` (or ``.xlsm``) workbook, or anything else.

    Returns
    -------
    tuple of (str, str)
        The kind, and the folder or file to read (a ``case.toml``'s folder).

    See Also
    --------
    read_raw : reads the case it names.

    Examples
    --------
    >>> resolve_case_path("no/such/place")[0]
    'missing'
    >>> resolve_case_path("data/deir-ez-zor/case.toml")
    ('folder', 'data/deir-ez-zor')
    """
    p = os.fspath(path)
    if os.path.isdir(p):
        return "folder", p
    if os.path.isfile(p):
        if p.lower().endswith((".xlsx", ".xlsm")):
            return "xlsx", p
        if os.path.basename(p) == "case.toml":
            return "folder", os.path.dirname(p) or "."
        return "unknown", p
    if os.path.lexists(p):  # a symlink loop or a link to nothing, a pipe, a device
        return "unreadable", p
    return "missing", p


def story_file(path: StrPath) -> str | None:
    """Where the ``story.csv`` of the case at ``path`` is (or would be); None when ``path`` is not a case.

    In a case folder it is ``story.csv``; for a workbook ``book.xlsx`` it is ``book.story.csv`` beside it.

    Parameters
    ----------
    path : str or os.PathLike
        The case: its folder, its ``case.toml``, or its workbook.

    Returns
    -------
    str or None
        The path of the story file (which need not exist), or None.

    See Also
    --------
    kit.case.check_story_file : reads and checks it.

    Examples
    --------
    >>> story_file("data/deir-ez-zor/case.toml").replace(os.sep, "/")
    'data/deir-ez-zor/story.csv'
    >>> story_file("no/such/place") is None
    True
    """
    kind, p = resolve_case_path(path)
    if kind == "folder":
        return os.path.join(p, f"{STORY}.csv")
    if kind == "xlsx":
        return os.path.splitext(p)[0] + f".{STORY}.csv"
    return None


def read_raw(path: StrPath, *, story: bool = False) -> RawCase:
    """Read every table of the case at ``path`` (folder, ``case.toml`` or ``.xlsx``) as text.

    Parameters
    ----------
    path : str or path
        The case's folder, its ``case.toml``, or an ``.xlsx`` workbook.
    story : bool
        Also read the optional ``story.csv`` beside the case (:func:`story_file`) into ``raw.story``; the problems
        met reading it go to ``raw.story_problems``, not ``raw.problems`` (a broken story does not stop a case).

    Returns
    -------
    RawCase

    See Also
    --------
    kit.checking.check_tables : what judges the values.

    Examples
    --------
    >>> raw = read_raw("no/such/place")
    >>> print(raw.problems[0])
    no/such/place: there is no folder or file here; give the case's folder, its case.toml, or an .xlsx workbook
    >>> list(read_raw("data/deir-ez-zor", story=True).story.cells.columns)
    ['step', 'date', 'title', 'text', 'claims']
    """
    kind, p = resolve_case_path(path)
    raw = RawCase(path=os.fspath(path))
    if kind == "missing":
        raw.problems.append(
            Problem(
                raw.path,
                0,
                None,
                "there is no folder or file here; give the case's folder, its case.toml, or an .xlsx workbook",
            )
        )
    elif kind == "unreadable":
        raw.problems.append(Problem(raw.path, 0, None, file_problem(p) or "this cannot be read"))
    elif kind == "unknown":
        raw.problems.append(
            Problem(
                raw.path, 0, None, "this is not a case: give the case's folder, its case.toml, or an .xlsx workbook"
            )
        )
    elif kind == "xlsx":
        read_workbook(p, raw)
    else:
        raw.folder = p
        _read_settled_folder(p, raw)
    if "title" not in raw.meta or not str(raw.meta.get("title") or "").strip():
        base = raw.folder if raw.folder is not None else os.path.splitext(p)[0]
        raw.meta["title"] = os.path.basename(os.path.abspath(base))
    if story:
        raw.story_file = story_file(path)
        if raw.story_file is not None and os.path.lexists(raw.story_file):
            raw.story = read_csv_table(raw.story_file, STORY, raw.story_problems)
    return raw


def _read_settled_folder(folder: str, raw: RawCase) -> None:
    """Read the folder under a shared lock, once an interrupted save in it is finished or rolled back
    (:func:`kit.store.journal.settle`): the tables are all the old ones or all the new ones, never a mix."""
    from kit.errors import UnsafeCaseFolder
    from kit.store.journal import folder_lock, pending, settle
    from kit.store.safety import JOURNAL
    from kit.store.saving import CASE_FILES as names

    for _ in range(3):
        with folder_lock(folder, shared=True):
            if not pending(folder, names):
                _read_folder(folder, raw)
                return
        try:
            settle(folder, names)
        except UnsafeCaseFolder as e:  # a journal the kit did not write: nothing moved, and the case is not read
            raw.problems.append(Problem(e.file, 0, None, e.message))
            return
        except OSError as e:
            raw.problems.append(
                Problem(
                    os.path.join(folder, JOURNAL),
                    0,
                    None,
                    f"a save of this case was interrupted, and finishing it here failed ({e.strerror or e}); "
                    "make the folder writable and run kit check again, which finishes it",
                )
            )
            return
    _read_folder(folder, raw)


def _read_folder(folder: str, raw: RawCase) -> None:
    toml_path = os.path.join(folder, "case.toml")
    if os.path.lexists(toml_path):
        read_toml(toml_path, raw)
    if not any(os.path.lexists(os.path.join(folder, f"{name}.{ext}")) for name in TABLES for ext in ("csv", "parquet")):
        raw.problems.append(
            Problem(
                raw.path,
                0,
                None,
                "this folder holds none of the case's tables (sources.csv, reports.csv, claims.csv, "
                "citations.csv); give the folder that holds them, or start a case as "
                "docs/case-format.md shows",
            )
        )
        return
    for name in TABLES:
        file = os.path.join(folder, f"{name}.csv")
        parquet = os.path.join(folder, f"{name}.parquet")
        if not os.path.lexists(file) and os.path.lexists(parquet):
            table = read_parquet_table(parquet, name, raw.problems)
        elif not os.path.lexists(file):
            raw.problems.append(
                Problem(
                    file,
                    0,
                    None,
                    f"the file is missing; a case needs {name}.csv with the columns "
                    f"{', '.join(REQUIRED[name])} (see docs/case-format.md)",
                )
            )
            continue
        else:
            table = read_csv_table(file, name, raw.problems)
        if table is not None:
            raw.tables[name] = table
