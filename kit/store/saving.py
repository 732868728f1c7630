"""Saving a case: canonical CSV text of each table, ``case.toml`` text, and atomic writes.

Every file the kit writes goes through :func:`atomic_write` (one file) or :func:`atomic_write_all` (several, all
written before any is replaced), defined in :mod:`kit.store.atomic` and re-exported here: a reader, or a crash,
never sees half a file, and a replaced file keeps its permission bits. :func:`save_case` writes a whole case
atomically (all its files or none) with :func:`kit.store.journal.write_folder`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from kit.cells import is_null, iso_text, published_text
from kit.schema import COLUMNS, TABLES
from kit.store.atomic import atomic_write, atomic_write_all

if TYPE_CHECKING:
    from _typeshed import StrPath

    from kit.case import Case

__all__ = ["save_case", "table_csv", "meta_toml", "atomic_write", "atomic_write_all", "CASE_FILES"]

# The files :func:`save_case` writes (and owns) in a case folder: the four tables and case.toml.
CASE_FILES = (*(f"{name}.csv" for name in TABLES), "case.toml")


def _cell(v: object) -> str:
    if is_null(v):
        return ""  # not is_missing: blank text is kept as the reporter wrote it
    if isinstance(v, (bool, np.bool_)):
        return "true" if v else "false"
    if isinstance(v, (float, np.floating)):
        # positional, shortest round-tripping digits: 1e-05 would not read back as a number
        return np.format_float_positional(float(v), trim="-")
    if isinstance(v, pd.Timestamp):
        return iso_text(v)
    return str(v)


def table_csv(frame: pd.DataFrame, name: str) -> str:
    """The canonical CSV text of one table (contract columns first, extras after).

    Values are written so that :func:`kit.load_case` reads them back equal: empty for missing, ``true`` and
    ``false``, numbers in positional notation with the shortest digits that read back the same, dates as
    ``YYYY-MM-DD`` (times in UTC with ``Z``), an uncertain ``published`` date as it was given. Lines end with
    ``\\n``; a value holding a line break, a comma or a quote is quoted.

    Parameters
    ----------
    frame : pandas.DataFrame
        The typed table, as a :class:`kit.Case` holds it.
    name : str
        Which table: ``"sources"``, ``"reports"``, ``"claims"`` or ``"citations"``.

    Returns
    -------
    str
        The file's text, header first.

    See Also
    --------
    save_case : writes the four of them.

    Examples
    --------
    >>> import kit
    >>> case = kit.load_case("tests/cases/one_row")
    >>> print(table_csv(case.citations.head(0), "citations"), end="")
    claim_id,cites,relation,evidence,basis
    """
    if name == "reports" and "published_latest" in frame.columns:  # an uncertain date is written as it was given
        written = [
            published_text(a, b) if a is not pd.NaT and b is not pd.NaT else a
            for a, b in zip(frame["published"], frame["published_latest"], strict=False)
        ]
        frame = frame.drop(columns="published_latest").assign(published=written)
    cols = [c for c in COLUMNS[name] if c in frame.columns] + [c for c in frame.columns if c not in COLUMNS[name]]
    # csv.writer quotes a value holding "\r" only when "\r" is in its line terminator, so rows are written
    # with "\r\n" (every value with a line break gets quoted) and their terminators turned into "\n".
    buf, out = io.StringIO(), []
    w = csv.writer(buf, lineterminator="\r\n")
    for row in [cols, *frame[cols].itertuples(index=False, name=None)]:
        buf.seek(0)
        buf.truncate()
        w.writerow([_cell(v) for v in row])
        out.append(buf.getvalue()[:-2])
    return "\n".join(out) + "\n"


def _toml_value(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return repr(v)
    if isinstance(v, (dt.datetime, dt.date, dt.time)):
        return v.isoformat()  # TOML's own date and time forms
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(x)}" for k, x in v.items()) + "}"
    s = str(v).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    s = "".join(ch if (" " <= ch != "\x7f") or ch in "\\" else f"\\u{ord(ch):04x}" for ch in s)
    return f'"{s}"'


def _toml_key(k: str) -> str:
    return k if re.fullmatch(r"[A-Za-z0-9_-]+", str(k)) else _toml_value(str(k))


def meta_toml(meta: dict) -> str:
    """``case.toml`` text for ``meta`` (strings, numbers, lists and one level of tables).

    Plain keys are written bare, others quoted; strings are escaped as TOML requires (control characters as
    ``\\u`` and four hex digits); dates and times in TOML's own forms; a dict of dicts becomes ``[a.b]`` tables.

    Parameters
    ----------
    meta : dict
        A case's ``meta`` (what :func:`kit.load_case` read from ``case.toml``).

    Returns
    -------
    str
        The file's text.

    Examples
    --------
    >>> print(meta_toml({"title": 'The "200"', "verdicts": {"x": {"rating": "False"}}}), end="")
    title = "The \\"200\\""
    <BLANKLINE>
    [verdicts.x]
    rating = "False"
    """
    lines, tables = [], []

    key = _toml_key

    for k, v in meta.items():
        if isinstance(v, dict):
            tables.append((key(k), v))
        else:
            lines.append(f"{key(k)} = {_toml_value(v)}")
    out = "\n".join(lines) + ("\n" if lines else "")

    def emit(prefix: str, table: dict) -> None:
        nonlocal out
        simple = {k: v for k, v in table.items() if not isinstance(v, dict)}
        nested = {k: v for k, v in table.items() if isinstance(v, dict)}
        if simple or not nested:
            out += f"\n[{prefix}]\n" + "".join(f"{key(k)} = {_toml_value(v)}\n" for k, v in simple.items())
        for k, v in nested.items():
            emit(f"{prefix}.{key(k)}", v)

    for k, v in tables:
        emit(k, v)
    return out


def save_case(case: Case, path: StrPath) -> Path:
    """Write ``case`` as a folder of canonical CSV files and ``case.toml``, atomically as a whole.

    The four tables and ``case.toml`` are written all together or not at all (:func:`kit.store.journal.write_folder`):
    first in full into a staging folder inside the case folder, then committed by a small journal
    (``.kit-save.json``), then moved in. Whenever the save is interrupted (an error, Ctrl-C, a kill -9, a power
    cut), the folder holds either the old case or the new one: a save that stopped before its commit is rolled
    back, one that stopped after it is finished, by the next save or load of the folder (:func:`kit.load_case`,
    :func:`kit.check_case`, ``kit check``), which also removes the temporary files left behind. Each file keeps
    its permission bits (a new one gets the umask's, as any file you write); files the save does not write (a
    README, notes, ``story.csv``) are not touched. ``load_case(path)`` then gives equal tables and meta.

    Parameters
    ----------
    case : kit.Case
        Not changed.
    path : str or path
        The folder; created if needed.

    Returns
    -------
    pathlib.Path
        The folder.

    Raises
    ------
    OSError
        When the folder cannot be written (it is then as it was).

    See Also
    --------
    kit.load_case : reads it back.
    kit.store.journal.settle : what finishes or undoes an interrupted save.

    Examples
    --------
    >>> import kit, tempfile
    >>> case = kit.load_case("tests/cases/echo")
    >>> out = kit.save_case(case, tempfile.mkdtemp())
    >>> again = kit.load_case(out)
    >>> all(getattr(again, t).equals(getattr(case, t)) for t in ("sources", "reports", "claims", "citations"))
    True
    """
    from kit.store.journal import write_folder

    folder = Path(path)
    texts = [table_csv(getattr(case, name), name) for name in TABLES] + [meta_toml(case.meta)]
    write_folder(folder, dict(zip(CASE_FILES, texts, strict=True)))
    return folder
