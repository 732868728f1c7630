"""Saving a case: canonical CSV text of each table, ``case.toml`` text, and atomic writes.

Every file the kit writes goes through :func:`atomic_write` (one file) or :func:`atomic_write_all` (several, all
written before any is replaced): a reader, or a crash, never sees half a file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import os
import re
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from .schema import COLUMNS, TABLES

__all__ = ["save_case", "table_csv", "meta_toml", "atomic_write", "atomic_write_all"]


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


def _write_temp(path: Path, data) -> str:
    """Write ``data`` (text as UTF-8, or bytes) to a new temporary file beside ``path``; return its name (removed
    again on failure)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        _remove(tmp)
        raise
    return tmp


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def _as_bytes(data, encoding: str) -> bytes:
    return data if isinstance(data, (bytes, bytearray)) else str(data).encode(encoding)


def atomic_write(path, data, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder, then replace: never half a file.

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
    half-written.

    Returns
    -------
    list of pathlib.Path
        The files, in the order given.

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
        for path, data in zip(paths, files.values(), strict=False):
            temps[path] = _write_temp(path, _as_bytes(data, encoding))
        for path in list(temps):
            os.replace(temps[path], path)
            del temps[path]
    except BaseException:
        for tmp in temps.values():
            _remove(tmp)
        raise
    return paths


def save_case(case, path) -> Path:
    """Write ``case`` as a folder of canonical CSV files and ``case.toml``, atomically.

    Every file is first written in full to a temporary file in the same folder; only when all of them are
    written are they moved over the old files (:func:`atomic_write_all`). If anything fails or is interrupted,
    the temporary files are removed and no file is ever left half-written. ``load_case(path)`` then gives equal
    tables and meta.

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

    See Also
    --------
    kit.load_case : reads it back.

    Examples
    --------
    >>> import kit, tempfile
    >>> case = kit.load_case("tests/cases/echo")
    >>> out = kit.save_case(case, tempfile.mkdtemp())
    >>> again = kit.load_case(out)
    >>> all(getattr(again, t).equals(getattr(case, t)) for t in ("sources", "reports", "claims", "citations"))
    True
    """
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    texts = {folder / f"{name}.csv": table_csv(getattr(case, name), name) for name in TABLES}
    texts[folder / "case.toml"] = meta_toml(case.meta)
    atomic_write_all(texts)
    return folder
