"""A PROV-JSON document written by :mod:`kit.formats.prov.write` read back as a case: :func:`import_prov`."""

from __future__ import annotations

import datetime as _dt
import os
import warnings
from pathlib import Path
from urllib.parse import unquote

import pandas as pd

from kit.errors import CaseError, Problem, shown
from kit.formats.prov.kitdoc import read_case_entity
from kit.formats.prov.write import DERIVED, NAMESPACES
from kit.schema import COLUMNS, TABLES

__all__ = ["import_prov"]


def _load(doc_or_path_or_text):
    """``(ProvDocument, name for messages)``; raises CaseError when the input is not PROV-JSON."""
    import prov.model as pm

    if isinstance(doc_or_path_or_text, pm.ProvDocument):
        return doc_or_path_or_text, "PROV document"
    text = doc_or_path_or_text
    name = "PROV-JSON text"
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig")
    elif isinstance(text, os.PathLike) or (isinstance(text, str) and not text.lstrip().startswith("{")):
        name = os.fspath(text)
        try:
            text = Path(name).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as err:
            message = f"cannot read this file ({err.__class__.__name__}: {err}); "
            raise CaseError(
                [Problem(name, 0, None, message + "give a PROV-JSON file written by kit.formats.prov")]
            ) from None
    try:
        with warnings.catch_warnings(record=True) as dropped:
            warnings.simplefilter("always")
            doc = pm.ProvDocument.deserialize(content=text, format="json")
    except Exception as err:  # noqa: BLE001 - the prov library raises many kinds on bad input
        message = f"this is not PROV-JSON that the prov library can read ({err.__class__.__name__}: {err}); "
        raise CaseError(
            [Problem(name, 0, None, message + "give a file written by kit.formats.prov.write_prov")]
        ) from None
    if dropped:  # what the prov library reads leniently (a null, a value of no PROV form) it drops: a loss
        raise CaseError(
            [
                Problem(
                    name,
                    0,
                    None,
                    f"the prov library drops or changes a value of this document ({shown(w.message, 300)}); "
                    "write the document again with kit.formats.prov",
                )
                for w in dropped
            ]
        )
    return doc, name


def _types(record) -> set:
    return {str(t) for t in record.get_attribute("prov:type")}


def _kit_attrs(record, prefix="kit") -> dict:
    """``name -> [values]`` from a record's attributes in the namespace ``prefix`` (``kit``: the columns)."""
    out: dict = {}
    for k, v in record.attributes:
        if getattr(k, "namespace", None) is not None and k.namespace.uri == NAMESPACES[prefix]:
            out.setdefault(unquote(k.localpart), []).append(v)
    return out


def _id(qn, prefix):
    """The kit id in a qualified name of namespace ``prefix``, else None."""
    if qn is None or getattr(qn, "namespace", None) is None or qn.namespace.uri != NAMESPACES[prefix]:
        return None
    return unquote(qn.localpart)


#: the kinds of value a cell is written as (a text, a number, yes/no, a time); anything else was not written by kit
_CELL = (str, bool, int, float, _dt.datetime)


class _Reader:
    """The records of one document checked, before use, into rows of text: every problem kept, with where."""

    def problem(self, table: str, row, column, message: str) -> None:
        line = row + 2 if isinstance(row, int) else 0  # the row's line in the CSV the case would be saved as
        self.problems.append(Problem(f"{self.name}#{table}", line, column, message))

    def __init__(self, name: str):
        self.name = name
        self.problems: list = []
        self.rows: dict[str, list] = {t: [] for t in TABLES}
        #: ``table -> {record key -> place}`` from kitdoc:order; None: an older document, kitdoc:row on each record
        self.order: dict | None = None
        self.placed: set = set()
        #: ``(table, record key) -> row``, where the free texts the kitdoc:case entity carries go
        self.keyed: dict = {}

    def place(self, table: str, what: str, record, key):
        """The record's place in its table (kitdoc:order, or an older document's kitdoc:row), else None."""
        if self.order is not None:
            self.placed.add((table, key))
            if table in self.order and key not in self.order[table]:
                self.problem(
                    table,
                    None,
                    None,
                    f"{what} is not in the kitdoc:case entity's kitdoc:order, so its place in the table is not "
                    "known; write the document again with kit.formats.prov",
                )
            return self.order.get(table, {}).get(key)
        rows = _kit_attrs(record, "kitdoc").get("row", [])
        place = rows[0] if len(rows) == 1 and isinstance(rows[0], int) and not isinstance(rows[0], bool) else None
        if place is None or place < 0:
            shown_rows = ", ".join(repr(r) for r in rows) or "none"
            self.problem(
                table,
                None,
                None,
                f"{what} has kitdoc:row {shown_rows}, not one whole number from 0: its place in the table is "
                "not known; write the document again with kit.formats.prov",
            )
            return None
        return place

    def unplaced(self) -> None:
        """A problem for each record kitdoc:order names that the document does not hold."""
        for table, places in (self.order or {}).items():
            for key, place in places.items():
                if (table, key) not in self.placed:
                    named = (
                        " by ".join(f"'{shown(k)}'" for k in reversed(key))
                        if table == "citations"
                        else f"'{shown(key)}'"
                    )
                    self.problem(
                        table,
                        place,
                        None,
                        f"the kitdoc:case entity's kitdoc:order names {named}, but no record of the document is "
                        "that row; write the document again with kit.formats.prov",
                    )

    def row(self, table: str, what: str, record, fixed: dict, key) -> None:
        """One record as a row of ``table``: its ``kit:`` columns, one value each, at its place."""
        place = self.place(table, what, record, key)
        row = {**fixed, None: place}
        for col, values in _kit_attrs(record).items():
            if col in fixed:  # the ids come from the record's own identifier and relations
                continue
            if len(values) > 1:  # never a guess between them: kit:confidential [true, false] is not "false"
                shown_values = ", ".join(repr(v) for v in values[:5])
                self.problem(
                    table,
                    place,
                    col,
                    f"{what} has {len(values)} values ({shown_values}) where the case has one; keep the one that "
                    "is right and write the document again",
                )
                continue
            value = values[0]
            if not isinstance(value, _CELL):
                self.problem(
                    table,
                    place,
                    col,
                    f"{what} has a value of a kind kit does not write ({type(value).__name__}: "
                    f"{shown(value)}); give a text, a number, true or false, or a time",
                )
                continue
            row[col] = value
        self.rows[table].append(row)
        self.keyed.setdefault((table, key), row)

    def texts(self, texts: dict) -> None:
        """The free texts the kitdoc:case entity carries, each into the row of its record."""
        for (table, key, column), text in texts.items():
            row = self.keyed.get((table, key))
            if row is None or column in row:
                named = (
                    " by ".join(f"'{shown(k)}'" for k in reversed(key)) if table == "citations" else f"'{shown(key)}'"
                )
                what = (
                    "no record of the document is" if row is None else f"the record has one too ({shown(row[column])})"
                )
                self.problem(
                    table,
                    None if row is None else row[None],
                    column,
                    f"the kitdoc:case entity carries a {column} for {named}, but {what}; write the document again "
                    "with kit.formats.prov",
                )
                continue
            row[column] = text

    def link(self, table: str, into: dict, key, value, what: str) -> None:
        """``into[key] = value``, where a second, different value for one key is a problem."""
        if key is None:
            return
        if key in into and into[key] != value:
            self.problem(
                table,
                None,
                None,
                f"{what} '{shown(key)}' is given twice ('{shown(into[key])}' and '{shown(value)}'); a case has "
                "one; keep the right one and write the document again",
            )
        into.setdefault(key, value)

    def ordered(self, table: str) -> list:
        """The rows of ``table`` in their order; a place used twice (two records of one id) is a problem."""
        seen: dict = {}
        for r in self.rows[table]:
            if r[None] is not None and r[None] in seen:
                self.problem(
                    table,
                    r[None],
                    None,
                    f"place {r[None]} in the table is given to two records; each row has its own place; write the "
                    "document again with kit.formats.prov",
                )
            seen.setdefault(r[None], r)
        return sorted(self.rows[table], key=lambda r: (r[None] is None, r[None] if r[None] is not None else 0))


def import_prov(doc_or_path_or_text):
    """Read a PROV document written by :func:`to_prov` back into a :class:`kit.Case`.

    Every record is checked before it is used: one value for each column (``kit:confidential [true, false]`` is a
    problem, never a guess), every record once in ``kitdoc:order`` and no id there without its record (an older
    document's whole ``kitdoc:row`` on each record, used once), values of the kinds the writer writes, one publisher
    for a report and one report for a claim, the texts the ``kitdoc:case`` entity carries each in lines numbered
    from 0 and each for a record the document holds, never also on that record (:mod:`kit.formats.prov.kitdoc`),
    ``kitdoc:columns`` each table's column names, ``kitdoc:meta_toml`` read and checked as :func:`kit.load_case`
    reads and checks ``case.toml``. Older documents (free texts on the records, each setting in one attribute;
    before that, ``kitdoc:row`` on each record) are read the same. The tables are then rebuilt as text
    and checked by the kit's own loader, so the case is typed exactly as :func:`kit.load_case` types it, and bad
    values are reported the same way. Whatever the document holds, the answer is a case or a
    :class:`kit.CaseError`.

    Parameters
    ----------
    doc_or_path_or_text : prov.model.ProvDocument, str, path or bytes
        A document, a PROV-JSON file's path, or PROV-JSON text (a string starting with ``{``).

    Returns
    -------
    kit.Case
        With ``meta`` from the document's ``kitdoc:meta_toml`` and ``path`` None.

    Raises
    ------
    kit.CaseError
        When the input is not PROV-JSON, is not a kit case (no ``kitdoc:case`` entity), or its records, settings
        or tables do not check; every problem at once, as ``NAME#TABLE:LINE: COLUMN: message`` where LINE is the
        row's line in the CSV the case would be saved as (the header is line 1; 0 when the row is not known),
        ``NAME#case.toml:LINE: KEY: message`` for the settings.

    See Also
    --------
    to_prov, prov_json

    Examples
    --------
    >>> import kit
    >>> from kit.formats.prov import prov_json
    >>> case = kit.load_case("tests/cases/disputes")
    >>> again = import_prov(prov_json(case))
    >>> all(getattr(again, t).equals(getattr(case, t)) for t in ("sources", "reports", "claims", "citations"))
    True
    >>> try:
    ...     import_prov('{"prefix": {}}')
    ... except kit.CaseError as err:
    ...     print(err.problems[0])
    PROV-JSON text: there is no kitdoc:case entity here, so this is not a case written by kit.formats.prov; ...
    >>> bad = prov_json(case).replace('"kit:kind": "official"', '"kit:kind": ["official", "anonymous"]')
    >>> try:
    ...     import_prov(bad)
    ... except kit.CaseError as err:
    ...     print(err.problems[0])  # doctest: +ELLIPSIS
    PROV-JSON text#sources:3: kind: source 'ministry' has 2 values ('official', 'anonymous') where the case has ...
    """
    from kit.case import Case
    from kit.checking import check_tables
    from kit.checking.meta import check_meta
    from kit.reading import parse_csv_text
    from kit.store.saving import table_csv

    doc, name = _load(doc_or_path_or_text)
    reader = _Reader(name)
    cases = [r for r in doc.get_records() if type(r).__name__ == "ProvEntity" and "kit:Case" in _types(r)]
    if len(cases) != 1:
        message = (
            "there is no kitdoc:case entity here, so this is not a case written by kit.formats.prov; write one with "
            "kit.formats.prov.write_prov"
            if not cases
            else f"there are {len(cases)} kitdoc:case entities here; a document holds one case"
        )
        raise CaseError([Problem(name, 0, None, message)])
    raw_meta, columns, reader.order, texts = read_case_entity(cases[0], reader, NAMESPACES["kitdoc"])
    publisher: dict = {}
    report_of: dict = {}
    for rec in doc.get_records():
        kind = type(rec).__name__
        args = tuple(rec.args) + (None, None)
        if kind == "ProvAgent" and (sid := _id(rec.identifier, "source")) is not None:
            reader.row("sources", f"source '{shown(sid)}'", rec, {"source_id": sid}, sid)
        elif kind == "ProvEntity" and "kit:Report" in _types(rec):
            rid = _id(rec.identifier, "report")
            reader.row("reports", f"report '{shown(rid)}'", rec, {"report_id": rid}, rid)
        elif kind == "ProvEntity" and "kit:Claim" in _types(rec):
            cid = _id(rec.identifier, "claim")
            reader.row("claims", f"claim '{shown(cid)}'", rec, {"claim_id": cid}, cid)
        elif kind == "ProvAttribution" and _id(args[0], "report") is not None:
            reader.link("reports", publisher, _id(args[0], "report"), _id(args[1], "source"), "the publisher of report")
        elif kind == "ProvMembership":
            reader.link("claims", report_of, _id(args[1], "claim"), _id(args[0], "report"), "the report of claim")
        elif kind in ("ProvDerivation", "ProvInfluence") and "relation" in _kit_attrs(rec):
            cites = _id(args[1], "claim") or _id(args[1], "said") or _id(args[1], "source")
            claim = _id(args[0], "claim")
            fixed = {"claim_id": claim, "cites": cites}
            reader.row("citations", f"the citation of '{shown(cites)}' by '{shown(claim)}'", rec, fixed, (claim, cites))
    reader.unplaced()
    reader.texts(texts)
    for r in reader.rows["reports"]:
        r["source_id"] = publisher.get(r["report_id"])
    for r in reader.rows["claims"]:
        r["report_id"] = report_of.get(r["claim_id"])
    raw = {}
    for table in TABLES:
        frame = pd.DataFrame([{k: v for k, v in r.items() if k is not None} for r in reader.ordered(table)])
        frame = _as_cells(frame, table, columns.get(table))
        raw[table] = parse_csv_text(table_csv(frame, table), f"{name}#{table}", table, reader.problems)
    frames, errors, warnings = check_tables({t: v for t, v in raw.items() if v is not None})
    claims = frames["claims"] if frames is not None else None
    meta_errors, meta_warnings = check_meta(raw_meta.meta, claims, f"{name}#case.toml", raw_meta.meta_lines)
    problems = reader.problems + meta_errors + errors
    warnings = meta_warnings + warnings
    if problems or frames is None:
        raise CaseError(problems, warnings)
    return Case(
        frames["sources"],
        frames["reports"],
        frames["claims"],
        frames["citations"],
        meta=dict(raw_meta.meta),
        warnings=warnings,
        path=None,
    )


def _as_cells(frame: pd.DataFrame, table: str, columns) -> pd.DataFrame:
    """The rows read from the document, in the table's columns, with times as Timestamps (the case's columns)."""
    from kit.store.saving import table_csv

    cols = [c for c in (columns or list(COLUMNS[table])) if c not in DERIVED.get(table, ())]
    cols += [c for c in frame.columns if c not in cols and c not in DERIVED.get(table, ())]
    out = frame.reindex(columns=cols).astype(object)
    out = out.where(out.notna(), None)
    for col in out.columns:
        out[col] = [pd.Timestamp(v) if isinstance(v, _dt.datetime) else v for v in out[col]]
    if table == "reports" and "published_latest" in frame.columns:
        # contract version 2: an interval START/END gives back both points of a published value that is not exact
        latest = [pd.Timestamp(v) if isinstance(v, _dt.datetime) else v for v in frame["published_latest"]]
        start = out["published"].tolist()
        both = pd.DataFrame({"published": start + latest})
        text = table_csv(both, "reports").splitlines()[1:]
        n = len(start)
        out["published"] = [a if b == a or not b else f"{a}/{b}" for a, b in zip(text[:n], text[n:], strict=False)]
    return out
