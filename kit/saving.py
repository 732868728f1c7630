"""Saving a case: canonical CSV text of each table, ``case.toml`` text, and atomic writes.

Every file the kit writes goes through :func:`atomic_write` (one file) or :func:`atomic_write_all` (several, all
written before any is replaced), built on :func:`write_new_file` and :func:`temp_name`: a reader, or a crash,
never sees half a file, and a replaced file keeps its permission bits. :func:`save_case` writes a whole case
atomically (all its files or none) with :func:`kit.journal.write_folder`.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import math
import os
import re
import secrets
import stat
from pathlib import Path

import numpy as np
import pandas as pd

from .schema import COLUMNS, TABLES

__all__ = [
    "save_case",
    "table_csv",
    "meta_toml",
    "atomic_write",
    "atomic_write_all",
    "write_new_file",
    "temp_name",
    "sync_folder",
]


def _cell(v) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and v != v) or v is pd.NaT:
        return ""
    if isinstance(v, (bool, np.bool_)):
        return "true" if v else "false"
    if isinstance(v, (float, np.floating)):
        # positional, shortest round-tripping digits: 1e-05 would not read back as a number
        return np.format_float_positional(float(v), trim="-")
    if isinstance(v, pd.Timestamp):
        v = v.tz_convert("UTC") if v.tzinfo else v
        if v == v.normalize():
            return v.strftime("%Y-%m-%d")
        text = v.strftime("%Y-%m-%dT%H:%M:%S")
        if v.microsecond or v.nanosecond:
            text += f".{v.microsecond:06d}{v.nanosecond:03d}".rstrip("0")
        return text + "Z"
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
        from .checking.dates import published_text

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


def _toml_value(v) -> str:
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


def _toml_key(k) -> str:
    return k if re.fullmatch(r"[A-Za-z0-9_-]+", str(k)) else _toml_value(str(k))


def meta_toml(meta: dict) -> str:
    """``case.toml`` text for ``meta`` (strings, numbers, lists and one level of tables).

    Plain keys are written bare, others quoted; strings are escaped as TOML requires (control characters as
    ``\\uXXXX``); dates and times in TOML's own forms; a dict of dicts becomes ``[a.b]`` tables.

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

    def emit(prefix, table):
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


def write_new_file(path, data, *, mode_of=None) -> Path:
    """Create ``path`` (it must not exist), write ``data`` in full and flush it to the disk.

    The file gets the permission bits of ``mode_of`` when that file exists (so a replaced file keeps its
    mode), else those of any new file (``0o666`` less the umask, as ``open(path, "w")`` gives). On failure it is
    removed again.

    Parameters
    ----------
    path : str or path
        The new file; its folder must exist.
    data : bytes
        Written as it is.
    mode_of : str or path, optional
        The file whose permission bits to copy (the one ``path`` will replace).

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    FileExistsError
        When ``path`` exists.

    Examples
    --------
    >>> import os, stat, tempfile
    >>> d = tempfile.mkdtemp(); old = os.path.join(d, "a.csv"); _ = open(old, "w").write("x"); os.chmod(old, 0o640)
    >>> p = write_new_file(os.path.join(d, ".a.csv.new"), b"y", mode_of=old)
    >>> oct(stat.S_IMODE(os.stat(p).st_mode)), p.read_bytes()
    ('0o640', b'y')
    """
    path = Path(path)
    try:
        mode = stat.S_IMODE(os.stat(mode_of).st_mode) if mode_of is not None else None
    except OSError:
        mode = None
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(path, mode)
    except BaseException:
        _remove(path)
        raise
    return path


def sync_folder(folder) -> None:
    """Flush a folder's entries (a file created, renamed or removed in it) to the disk, where the system allows.

    Parameters
    ----------
    folder : str or path
        An existing folder.

    Returns
    -------
    None

    Examples
    --------
    >>> import tempfile
    >>> sync_folder(tempfile.mkdtemp())
    """
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its renames are flushed by the file system
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def temp_name(path) -> Path:
    """A fresh name for a temporary file beside ``path``: ``.NAME.RANDOM.tmp`` (hidden, and never a case file).

    Parameters
    ----------
    path : str or path
        The file the temporary one will replace.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> n = temp_name("out/claims.csv")
    >>> n.parent.name, n.name.startswith(".claims.csv."), n.suffix
    ('out', True, '.tmp')
    """
    path = Path(path)
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")


def _remove(tmp) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def _as_bytes(data, encoding: str) -> bytes:
    return data if isinstance(data, (bytes, bytearray)) else str(data).encode(encoding)


def atomic_write(path, data, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder, then replace: never half a file.

    The temporary file (:func:`temp_name`) is written in full and flushed to the disk, given the permission
    bits of the file it replaces (a new file gets the umask's, as with ``open``), then moved over ``path`` with
    ``os.replace`` (atomic on one file system). A reader, or a crash, sees the old file or the new one; if
    anything fails or is interrupted, the temporary file is removed. A kill -9 at the wrong moment can leave
    the hidden temporary file behind (never a half-written ``path``); :func:`kit.journal.settle` removes it from
    a case folder.

    Parameters
    ----------
    path : str or path
        The file to write; its folder must exist.
    data : str or bytes
        Text is written as it is (no newline translation), in ``encoding``; bytes as they are.
    encoding : str
        For text: ``"utf-8"`` by default (``"utf-8-sig"`` for a spreadsheet-friendly BOM).

    Returns
    -------
    pathlib.Path
        ``path``.

    See Also
    --------
    atomic_write_all : several files, none replaced before all are written.
    kit.journal.write_folder : several files of one folder, all or none.

    Examples
    --------
    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "x.csv")
    >>> _ = atomic_write(p, "a,b\\n"); open(p).read()
    'a,b\\n'
    >>> _ = atomic_write(p, b"\\x00\\x01"); open(p, "rb").read()
    b'\\x00\\x01'
    """
    return atomic_write_all({path: data}, encoding)[0]


def atomic_write_all(files: dict, encoding: str = "utf-8") -> list:
    """Write every ``path -> data`` of ``files`` (as :func:`atomic_write`), all to temporary files first.

    Only when all of them are written are they moved over the old files (``os.replace``, atomic on one file
    system). If anything fails or is interrupted, the temporary files are removed and no file is ever left
    half-written. Each file is atomic, the set is not: a crash between two moves leaves some files new and
    some old (each whole); for a case folder, :func:`kit.journal.write_folder` (what :func:`save_case` uses)
    makes the whole set atomic.

    Parameters
    ----------
    files : dict
        ``path -> data`` (str or bytes), as for :func:`atomic_write`; each path's folder must exist.
    encoding : str
        For text values.

    Returns
    -------
    list of pathlib.Path
        The files, in the order given.

    See Also
    --------
    atomic_write : one file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in atomic_write_all({d / "a.txt": "A", d / "b.txt": "B"})], (d / "b.txt").read_text()
    (['a.txt', 'b.txt'], 'B')
    """
    paths = [Path(p) for p in files]
    temps = {}
    try:
        for path, data in zip(paths, files.values(), strict=True):
            temps[path] = write_new_file(temp_name(path), _as_bytes(data, encoding), mode_of=path)
        for path in list(temps):
            os.replace(temps[path], path)
            del temps[path]
    except BaseException:
        for tmp in temps.values():
            _remove(tmp)
        raise
    for folder in dict.fromkeys(p.parent for p in paths):
        sync_folder(folder)
    return paths


def save_case(case, path) -> Path:
    """Write ``case`` as a folder of canonical CSV files and ``case.toml``, atomically as a whole.

    The four tables and ``case.toml`` are written all together or not at all (:func:`kit.journal.write_folder`):
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
    kit.journal.settle : what finishes or undoes an interrupted save.

    Examples
    --------
    >>> import kit, tempfile
    >>> case = kit.load_case("tests/cases/echo")
    >>> out = kit.save_case(case, tempfile.mkdtemp())
    >>> again = kit.load_case(out)
    >>> all(getattr(again, t).equals(getattr(case, t)) for t in ("sources", "reports", "claims", "citations"))
    True
    """
    from .journal import write_folder

    folder = Path(path)
    texts = {f"{name}.csv": table_csv(getattr(case, name), name) for name in TABLES}
    texts["case.toml"] = meta_toml(case.meta)
    write_folder(folder, texts)
    return folder
