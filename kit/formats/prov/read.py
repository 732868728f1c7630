"""A PROV-JSON document written by :mod:`kit.formats.prov.write` read back as a case: :func:`import_prov`."""

from __future__ import annotations

import datetime as _dt
import json
import os
import tomllib
from pathlib import Path
from urllib.parse import unquote

import pandas as pd

from kit.errors import CaseError, Problem
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
            raise CaseError(
                [
                    Problem(
                        name,
                        0,
                        None,
                        f"cannot read this file ({err.__class__.__name__}: {err}); "
                        "give a PROV-JSON file written by kit.formats.prov",
                    )
                ]
            ) from None
    try:
        return pm.ProvDocument.deserialize(content=text, format="json"), name
    except Exception as err:  # noqa: BLE001 - the prov library raises many kinds on bad input
        raise CaseError(
            [
                Problem(
                    name,
                    0,
                    None,
                    f"this is not PROV-JSON that the prov library can read "
                    f"({err.__class__.__name__}: {err}); give a file written by "
                    "kit.formats.prov.write_prov",
                )
            ]
        ) from None


def _types(record) -> set:
    return {str(t) for t in record.get_attribute("prov:type")}


def _kit_attrs(record, prefix="kit") -> dict:
    """``name -> value`` from a record's attributes in the namespace ``prefix`` (``kit``: the columns)."""
    out = {}
    for k, v in record.attributes:
        if k.namespace.uri == NAMESPACES[prefix]:
            out[unquote(k.localpart)] = v
    return out


def _row(record) -> dict:
    """A record's columns, and its place in its table under the key None."""
    return {**_kit_attrs(record), None: _kit_attrs(record, "kitdoc").get("row")}


def _id(qn, prefix):
    """The kit id in a qualified name of namespace ``prefix``, else None."""
    if qn is None or getattr(qn, "namespace", None) is None or qn.namespace.uri != NAMESPACES[prefix]:
        return None
    return unquote(qn.localpart)


def import_prov(doc_or_path_or_text):
    """Read a PROV document written by :func:`to_prov` back into a :class:`kit.Case`.

    The tables are rebuilt as text and checked by the kit's own loader, so the case is typed exactly as
    :func:`kit.load_case` types it, and bad values are reported the same way.

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
        When the input is not PROV-JSON, is not a kit case (no ``kitdoc:case`` entity), or its tables do not check;
        every problem at once, as ``NAME#TABLE:LINE: COLUMN: message`` where LINE is the row's line in the CSV
        the case would be saved as (the header is line 1).

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
    """
    from kit.case import Case
    from kit.checking import check_tables
    from kit.reading import parse_csv_text
    from kit.store.saving import table_csv

    doc, name = _load(doc_or_path_or_text)
    rows: dict[str, list] = {t: [] for t in TABLES}
    publisher, report_of, case_entity = {}, {}, None
    for rec in doc.get_records():
        kind = type(rec).__name__
        if kind == "ProvAgent" and _id(rec.identifier, "source") is not None:
            rows["sources"].append({"source_id": _id(rec.identifier, "source"), **_row(rec)})
        elif kind == "ProvEntity" and "kit:Case" in _types(rec):
            case_entity = rec
        elif kind == "ProvEntity" and "kit:Report" in _types(rec):
            rows["reports"].append({"report_id": _id(rec.identifier, "report"), **_row(rec)})
        elif kind == "ProvEntity" and "kit:Claim" in _types(rec):
            rows["claims"].append({"claim_id": _id(rec.identifier, "claim"), **_row(rec)})
        elif kind == "ProvAttribution" and _id(rec.args[0], "report") is not None:
            publisher[_id(rec.args[0], "report")] = _id(rec.args[1], "source")
        elif kind == "ProvMembership":
            report_of[_id(rec.args[1], "claim")] = _id(rec.args[0], "report")
        elif kind in ("ProvDerivation", "ProvInfluence") and "relation" in _kit_attrs(rec):
            target = rec.args[1]
            cites = _id(target, "claim") or _id(target, "said") or _id(target, "source")
            rows["citations"].append({"claim_id": _id(rec.args[0], "claim"), "cites": cites, **_row(rec)})
    if case_entity is None:
        raise CaseError(
            [
                Problem(
                    name,
                    0,
                    None,
                    "there is no kitdoc:case entity here, so this is not a case written "
                    "by kit.formats.prov; write one with kit.formats.prov.write_prov",
                )
            ]
        )
    found = _kit_attrs(case_entity, "kitdoc")
    problems: list = []
    try:
        meta = tomllib.loads(str(found.get("meta_toml", "")))
        columns = json.loads(str(found.get("columns", "{}")))
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as err:
        raise CaseError(
            [
                Problem(
                    name,
                    0,
                    None,
                    f"the kitdoc:case entity's kitdoc:meta_toml or kitdoc:columns "
                    f"cannot be "
                    f"read ({err}); write the document again with kit.formats.prov",
                )
            ]
        ) from None
    for r in rows["reports"]:
        r["source_id"] = publisher.get(r["report_id"])
    for r in rows["claims"]:
        r["report_id"] = report_of.get(r["claim_id"])
    raw = {}
    for table in TABLES:
        ordered = sorted(rows[table], key=lambda r: (not isinstance(r[None], int), r[None] or 0))
        frame = pd.DataFrame([{k: v for k, v in r.items() if k is not None} for r in ordered])
        frame = _as_cells(frame, table, columns.get(table))
        raw[table] = parse_csv_text(table_csv(frame, table), f"{name}#{table}", table, problems)
    frames, errors, warnings = check_tables({t: v for t, v in raw.items() if v is not None})
    problems += errors
    if problems or frames is None:
        raise CaseError(problems, warnings)
    return Case(
        frames["sources"],
        frames["reports"],
        frames["claims"],
        frames["citations"],
        meta=meta,
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
