"""The :class:`Case` object, and loading, checking and saving cases."""
from __future__ import annotations

import csv
import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .checking import check_tables
from .errors import CaseError, Problem
from .reading import read_raw
from .schema import COLUMNS, TABLES

__all__ = ["Case", "load_case", "check_case", "save_case"]


@dataclass(frozen=True)
class Case:
    """One story under investigation: four typed tables and the case's metadata.

    Build one with :func:`load_case`. The kit's functions never change a case; they return new objects.

    Attributes
    ----------
    sources, reports, claims, citations : pandas.DataFrame
        The tables of ``docs/case-format.md``, typed (see there), in file order, extra columns kept as text.
    meta : dict
        From ``case.toml``; ``title`` is always there (the folder's name when not given).
    warnings : list of Problem
        What looked odd but does not stop the case from loading.
    path : str or None
        Where the case was read from.

    Examples
    --------
    >>> import kit
    >>> case = kit.synth.make_case(5)
    >>> len(case.reports), sorted(case.meta)[:1]
    (5, ['title'])
    """

    sources: pd.DataFrame
    reports: pd.DataFrame
    claims: pd.DataFrame
    citations: pd.DataFrame
    meta: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    path: str | None = None

    @property
    def title(self) -> str:
        """The case's title.

        Examples
        --------
        >>> import kit
        >>> kit.synth.make_case(3).title
        'Synthetic case (3 reports, seed 0)'
        """
        return str(self.meta.get("title", ""))

    def __repr__(self) -> str:
        return (f"<Case {self.title!r}: {len(self.sources)} sources, {len(self.reports)} reports, "
                f"{len(self.claims)} claims, {len(self.citations)} citations>")


def check_case(path):
    """Read and check the case at ``path`` without raising.

    Returns
    -------
    (Case or None, list of Problem, list of Problem)
        The case (None when there are errors), the errors, and the warnings.

    Examples
    --------
    >>> case, problems, warnings = check_case("no/such/case")
    >>> case is None, len(problems)
    (True, 1)
    """
    raw = read_raw(path)
    frames, problems, warnings = check_tables(raw.tables)
    problems = raw.problems + problems
    problems.sort(key=_problem_order)
    warnings = sorted(warnings, key=_problem_order)
    if problems or frames is None:
        return None, problems, warnings
    case = Case(frames["sources"], frames["reports"], frames["claims"], frames["citations"],
                meta=dict(raw.meta), warnings=warnings, path=raw.path)
    return case, [], warnings


def _problem_order(p: Problem):
    base = os.path.basename(p.file).split("#")[-1]
    rank = {"case.toml": 0, "case": 0, **{f"{t}.csv": i + 1 for i, t in enumerate(TABLES)},
            **{t: i + 1 for i, t in enumerate(TABLES)}}.get(base, 9)
    return rank, p.line


def load_case(path) -> Case:
    """Load a case from a folder of CSV files, its ``case.toml``, or an ``.xlsx`` workbook.

    Raises
    ------
    CaseError
        With every problem found in the whole case (``err.problems``), when the case is not valid.

    Examples
    --------
    >>> import kit
    >>> try:
    ...     kit.load_case("no/such/case")
    ... except kit.CaseError as err:
    ...     print(err.problems[0].message.split(";")[0])
    there is no folder or file here
    """
    case, problems, warnings = check_case(path)
    if case is None:
        raise CaseError(problems, warnings)
    return case


# --- saving --------------------------------------------------------------------------------

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
    >>> print(table_csv(kit.synth.make_case(1).citations.head(0), "citations"), end="")
    claim_id,cites,relation,evidence
    """
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
    import datetime as dt
    import math

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
    s = str(v).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") \
        .replace("\t", "\\t")
    s = "".join(ch if (" " <= ch != "\x7f") or ch in "\\" else f"\\u{ord(ch):04x}" for ch in s)
    return f'"{s}"'


def _toml_key(k) -> str:
    import re
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


def _write_temp(path: Path, text: str) -> str:
    """Write ``text`` to a new temporary file beside ``path``; return its name (removed again on failure)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
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


def atomic_write(path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder, then replace: never half a file.

    Examples
    --------
    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "x.csv")
    >>> atomic_write(p, "a,b\\n"); open(p).read()
    'a,b\\n'
    """
    path = Path(path)
    tmp = _write_temp(path, text)
    try:
        os.replace(tmp, path)
    except BaseException:
        _remove(tmp)
        raise


def save_case(case: Case, path) -> Path:
    """Write ``case`` as a folder of canonical CSV files and ``case.toml``, atomically.

    Every file is first written in full to a temporary file in the same folder; only when all of them are
    written are they moved over the old files (``os.replace``, atomic on one file system). If anything fails
    or is interrupted, the temporary files are removed and no file is ever left half-written.
    ``load_case(path)`` then gives equal tables and meta.

    Examples
    --------
    >>> import kit, tempfile
    >>> case = kit.synth.make_case(20, seed=1)
    >>> out = kit.save_case(case, tempfile.mkdtemp())
    >>> again = kit.load_case(out)
    >>> all(getattr(again, t).equals(getattr(case, t)) for t in ("sources", "reports", "claims", "citations"))
    True
    """
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    texts = {f"{name}.csv": table_csv(getattr(case, name), name) for name in TABLES}
    texts["case.toml"] = meta_toml(case.meta)
    temps = {}
    try:
        for file, text in texts.items():
            temps[file] = _write_temp(folder / file, text)
        for file in list(temps):
            os.replace(temps[file], folder / file)
            del temps[file]
    except BaseException:
        for tmp in temps.values():
            _remove(tmp)
        raise
    return folder
