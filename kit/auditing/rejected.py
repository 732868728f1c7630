"""Rejected suggestions: ``audit_rejected.csv`` beside the case's tables.

A reporter who looks at a suggested pair and finds no dependence rejects it (the review widget,
:class:`kit.widgets.AuditReview`). The pair is then kept in ``audit_rejected.csv`` with the columns ``claim_id``,
``cites``, ``signal`` (the signal shown when it was rejected) and ``rejected_on`` (the date, ``YYYY-MM-DD``), so that
:func:`kit.auditing.audit` does not suggest it again. The file is not one of the case's tables: the loader and
``kit check`` ignore it, and no analysis reads it. Delete a line of it to have the pair suggested again.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os

import pandas as pd

__all__ = ["REJECTED_FILE", "REJECTED_COLUMNS", "read_rejected", "append_rejected"]

#: the file, in the case folder, that keeps the rejected pairs
REJECTED_FILE = "audit_rejected.csv"
#: its columns, in order
REJECTED_COLUMNS = ("claim_id", "cites", "signal", "rejected_on")


def read_rejected(folder) -> pd.DataFrame:
    """The rejected pairs kept in ``folder/audit_rejected.csv`` (an empty table when there is no such file).

    Parameters
    ----------
    folder : str or os.PathLike
        The case folder.

    Returns
    -------
    pandas.DataFrame
        The columns of :data:`REJECTED_COLUMNS`, as text.

    Raises
    ------
    ValueError
        When the file is not UTF-8 or not comma-separated (read as the case's tables are read), lacks the
        ``claim_id`` or ``cites`` column, or a line leaves one of them empty: every such problem at once, as
        ``FILE:LINE: COLUMN: message``. An empty file holds no pairs.

    Examples
    --------
    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> len(read_rejected(d))
    0
    >>> _ = append_rejected(d, [("k2", "k1", "shared_text")], on="2026-01-05")
    >>> read_rejected(d).values.tolist()
    [['k2', 'k1', 'shared_text', '2026-01-05']]
    """
    path = os.path.join(os.fspath(folder), REJECTED_FILE)
    if not os.path.isfile(path):
        return _none()
    from kit.reading.encoding import DELIMITERS, decode_bytes, sniff_delimiter

    with open(path, "rb") as fh:
        data = fh.read()
    found: list = []
    text = decode_bytes(data, path, found)
    if text is not None and (delim := sniff_delimiter(text.split("\n", 1)[0])) is not None:
        raise ValueError(
            f"{path}: the file is {DELIMITERS[delim]}-separated; the kit reads comma-separated files: re-save it "
            "as 'CSV UTF-8 (Comma delimited)', or delete it to have every pair suggested again"
        )
    if text is None:
        raise ValueError("\n".join(map(str, found)))
    if not text.strip():
        return _none()  # an empty file: no pair rejected yet
    records = list(csv.reader(io.StringIO(text, newline="")))
    header = [h.strip().lower() for h in records[0]] if records else []
    missing = [c for c in ("claim_id", "cites") if c not in header]
    if missing:
        raise ValueError(
            "\n".join(
                f"{path}:1: {c}: the column '{c}' is missing; the file needs the columns {','.join(REJECTED_COLUMNS)}"
                for c in missing
            )
        )
    problems, rows = [], []
    for line, rec in enumerate(records[1:], start=2):
        if not any(v.strip() for v in rec):
            continue
        values = dict(zip(header, (v.strip() for v in rec), strict=False))
        for c in ("claim_id", "cites"):
            if not values.get(c):
                problems.append(f"{path}:{line}: {c}: the {c} is empty; give the pair's {c}, or delete the line")
        rows.append([values.get(c, "") for c in REJECTED_COLUMNS])
    if problems:
        raise ValueError("\n".join(problems))
    return pd.DataFrame(rows, columns=list(REJECTED_COLUMNS)).astype("string")


def _none() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="string") for c in REJECTED_COLUMNS})


def append_rejected(folder, pairs, *, on=None) -> int:
    """Add rejected pairs to ``folder/audit_rejected.csv``, creating it with its header when absent.

    Only appends: the bytes already in the file stay. The file is written atomically
    (:func:`kit.store.saving.atomic_write`).

    Parameters
    ----------
    folder : str or os.PathLike
        The case folder.
    pairs : iterable of (claim_id, cites, signal)
        The pairs rejected.
    on : str, optional
        The date of the rejection (``YYYY-MM-DD``); today by default.

    Returns
    -------
    int
        The number of rows appended.

    Examples
    --------
    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> append_rejected(d, [("k2", "k1", "shared_text")], on="2026-01-05")
    1
    >>> print(open(d + "/audit_rejected.csv").read(), end="")
    claim_id,cites,signal,rejected_on
    k2,k1,shared_text,2026-01-05
    """
    from kit.store.saving import atomic_write

    path = os.path.join(os.fspath(folder), REJECTED_FILE)
    on = on or dt.date.today().isoformat()
    data = b""
    if os.path.isfile(path):
        with open(path, "rb") as fh:
            data = fh.read()
    newline = "\r\n" if b"\r\n" in data else "\n"
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=newline)
    if not data.strip():
        data = b""
        w.writerow(REJECTED_COLUMNS)
    n = 0
    for claim_id, cites, signal in pairs:
        w.writerow([claim_id, cites, signal, on])
        n += 1
    if n == 0:
        return 0
    lead = b"" if not data or data.endswith((b"\n", b"\r")) else newline.encode()
    atomic_write(path, data + lead + buf.getvalue().encode("utf-8"))
    return n
