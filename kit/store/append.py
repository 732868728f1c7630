"""Rows appended to a case's ``citations.csv`` without rewriting what is there: the audit's suspected citations
(``kit audit --write``) and the ones a reporter accepts in the review widget."""

from __future__ import annotations

import csv
import io
import os
from typing import TYPE_CHECKING

from kit.store.atomic import atomic_write
from kit.store.journal import settled
from kit.store.safety import refuse_links
from kit.store.saving import CASE_FILES

if TYPE_CHECKING:
    import pandas as pd
    from _typeshed import StrPath

__all__ = ["append_suspected"]


def append_suspected(folder: StrPath, rows: pd.DataFrame, *, basis: str = "suspected") -> int:
    """Append ``rows`` (``claim_id``, ``cites``, ``evidence``) to ``folder/citations.csv`` as suspected citations
    (or, with ``basis=``, as citations a reporter has accepted: ``"stated"`` or ``"inferred"``).

    Only appends: every byte already in the file stays. The rows use the file's own columns, column order and
    line ending; the file keeps its permissions. The file is read and replaced under the case folder's exclusive
    lock (:func:`kit.store.journal.settled`), and a pair (``claim_id``, ``cites``) the file already holds, or given
    twice, is not appended again: two writers at once (two ``kit audit --write``) append each row once.

    Parameters
    ----------
    folder : str or os.PathLike
        The case folder.
    rows : pandas.DataFrame
        ``claim_id``, ``cites`` and optionally ``evidence``.
    basis : str
        The new rows' basis (their relation is ``relies_on``).

    Returns
    -------
    int
        The number of rows appended (the pairs the file did not hold yet).

    Raises
    ------
    ValueError
        When the file has no ``basis`` column (a suspected row could not be told from a stated one).
    kit.errors.UnsafeCaseFolder
        When ``citations.csv`` is a symbolic link (:func:`kit.store.safety.refuse_links`), or the folder holds a
        journal the kit did not write; nothing is written.

    Examples
    --------
    >>> import os, tempfile, pandas as pd
    >>> d = tempfile.mkdtemp(); p = os.path.join(d, "citations.csv")
    >>> _ = open(p, "w").write("claim_id,cites,relation,evidence,basis\\r\\nk2,s1,relies_on,,\\r\\n")
    >>> append_suspected(d, pd.DataFrame({"claim_id": ["k3"], "cites": ["k2"], "evidence": ['a "b", c']}))
    1
    >>> open(p, newline="").read()
    'claim_id,cites,relation,evidence,basis\\r\\nk2,s1,relies_on,,\\r\\nk3,k2,relies_on,"a ""b"", c",suspected\\r\\n'
    >>> append_suspected(d, pd.DataFrame({"claim_id": ["k3"], "cites": ["k2"]}))  # already there
    0
    """
    # a save killed after its commit is finished first (append to its citations.csv); no other writer meanwhile
    with settled(folder, CASE_FILES):
        refuse_links(folder, ["citations.csv"])
        return _append_locked(os.path.join(os.fspath(folder), "citations.csv"), rows, basis)


def _append_locked(path: str, rows: pd.DataFrame, basis: str) -> int:
    with open(path, "rb") as fh:
        data = fh.read()
    text = data.decode("utf-8-sig")
    records = csv.reader(io.StringIO(text))
    header = next(records, [])
    names = [h.strip().lower() for h in header]
    if "basis" not in names:
        raise ValueError(
            f"{path}: there is no basis column, so a {basis} row could not be told from a stated "
            "one; add a column named basis (an empty value means stated), then write the rows again"
        )
    newline = "\r\n" if "\r\n" in text else "\n"
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=newline)
    at = {n: names.index(n) for n in ("claim_id", "cites") if n in names}
    held = {tuple(_at(r, at.get(n)) for n in ("claim_id", "cites")) for r in records}
    evidence = rows["evidence"] if "evidence" in rows.columns else [""] * len(rows)
    n = 0
    for claim, cited, ev in zip(rows["claim_id"], rows["cites"], evidence, strict=False):
        pair = (str(claim).strip(), str(cited).strip())
        if pair in held:
            continue
        held.add(pair)
        n += 1
        values = {
            "claim_id": claim,
            "cites": cited,
            "relation": "relies_on",
            "basis": basis,
            "evidence": "" if ev is None or str(ev) == "<NA>" else str(ev),
        }
        w.writerow([values.get(name, "") for name in names])
    if not buf.getvalue():
        return 0
    lead = b"" if not data or data.endswith((b"\n", b"\r")) else newline.encode()
    atomic_write(path, data + lead + buf.getvalue().encode("utf-8"))  # keeps the file's permissions
    return n


def _at(record: list[str], i: int | None) -> str:
    return record[i].strip() if i is not None and i < len(record) else ""
