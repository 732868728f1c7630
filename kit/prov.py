"""A case as W3C PROV (PROV-JSON), and back.

:func:`to_prov`, :func:`prov_json` and :func:`write_prov` write it; :func:`import_prov` reads it back.

The mapping, made with the ``prov`` library:

==========================  ===========================================================================================
kit                         PROV
==========================  ===========================================================================================
a source                    ``agent(source:ID)``, ``prov:label`` its name
a report                    ``entity(report:ID)`` of ``prov:type`` ``kit:Report`` and ``prov:Collection``,
                            ``wasAttributedTo(report:ID, source:PUBLISHER)`` (publishing)
a claim                     ``entity(claim:ID)`` of ``prov:type`` ``kit:Claim``, ``hadMember(report:R, claim:ID)``
``relies_on`` a claim       ``wasDerivedFrom(claim:A, claim:B)``
``relies_on`` a source      ``wasQuotedFrom(claim:A, said:S)`` (a quotation), where ``entity(said:S)`` is what the
                            source said, ``wasAttributedTo(said:S, source:S)``
``corroborates``,           ``wasInfluencedBy(claim:A, claim:B or source:S)``
``disputes``
the case                    ``entity(kitdoc:case)`` of ``prov:type`` ``kit:Case``: ``kitdoc:meta_toml``
                            (``case.toml``), ``kitdoc:columns`` (each table's columns, as JSON)
==========================  ===========================================================================================

Every column keeps its value as an attribute in the ``kit:`` namespace (``kit:relation``, ``kit:evidence``,
``kit:proposition``, ``kit:low``, ``kit:high``, ``kit:certainty``, ``kit:basis`` when the case has it, extra
columns too), with ``kitdoc:row`` the row's place in its table, so :func:`import_prov` rebuilds the tables exactly:
``import_prov(prov_json(case))`` has tables equal to ``kit.redact.redact(case)`` (or to ``case`` itself with
``reveal_confidential=True``); times are kept to the microsecond. Identifiers are local to the case
(``urn:x-kit:claim:ID`` ...). The writers redact confidential sources first, as every other export does.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import tomllib
from pathlib import Path
from urllib.parse import quote, unquote

import pandas as pd

from .errors import CaseError, Problem
from .redact import redact
from .schema import COLUMNS, TABLES

__all__ = ["NAMESPACES", "to_prov", "prov_json", "write_prov", "import_prov"]

#: prefix -> namespace URI: ``kit:`` the case's columns and types, ``kitdoc:`` the document's own bookkeeping
#: (``kitdoc:row``, ``kitdoc:meta_toml``, ``kitdoc:columns``), then the identifiers
NAMESPACES = {
    "kit": "urn:x-kit:term:",
    "kitdoc": "urn:x-kit:doc:",
    "source": "urn:x-kit:source:",
    "report": "urn:x-kit:report:",
    "claim": "urn:x-kit:claim:",
    "said": "urn:x-kit:said:",
}
#: columns the structure of the document carries (not repeated as kit: attributes)
_STRUCTURAL = {
    "sources": {"source_id"},
    "reports": {"report_id", "source_id"},
    "claims": {"claim_id", "report_id"},
    "citations": {"claim_id", "cites"},
}
#: typed columns the kit derives on loading, never written in a case's files (contract version 2)
_DERIVED = {"reports": ("published_latest",)}
_ID = {"sources": "source", "reports": "report", "claims": "claim"}


def _local(text) -> str:
    """An id or column name as the local part of a qualified name (percent-encoded beyond ``[A-Za-z0-9_.-]``)."""
    return quote(str(text), safe="-_.")


def _value(v):
    """A table cell as a PROV attribute value (None when the cell is empty)."""
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime(warn=False)
    if hasattr(v, "item") and not isinstance(v, str):
        v = v.item()
    if isinstance(v, str) and v == "":
        return None
    return v


def to_prov(case, *, reveal_confidential: bool = False):
    """The case as a :class:`prov.model.ProvDocument` (confidential sources redacted first).

    Parameters
    ----------
    case : kit.Case
        Not changed.
    reveal_confidential : bool
        For internal use only: confidential sources keep their names.

    Returns
    -------
    prov.model.ProvDocument
        One agent per source, one entity per report and claim, one relation per citation (see the module's table).

    See Also
    --------
    prov_json : the same as PROV-JSON text.
    import_prov : the way back.

    Examples
    --------
    >>> import kit
    >>> doc = to_prov(kit.load_case("tests/cases/hostile"))
    >>> sorted(str(a.identifier) for a in doc.get_records() if type(a).__name__ == "ProvAgent")
    ['source:confidential-source-1', 'source:forum', 'source:tabloid', 'source:wire']
    >>> q = [r for r in doc.get_records() if r.get_attribute("prov:type") and "prov:Quotation" in
    ...      {str(t) for t in r.get_attribute("prov:type")}]
    >>> [(str(r.args[0]), str(r.args[1])) for r in q]
    [('claim:k-wire', 'said:confidential-source-1')]
    """
    import prov.model as pm

    red = redact(case, reveal=reveal_confidential)
    doc = pm.ProvDocument()
    ns = {p: doc.add_namespace(p, uri) for p, uri in NAMESPACES.items()}
    kit, kitdoc = ns["kit"], ns["kitdoc"]

    def attrs(row, table, i):
        out = {kitdoc["row"]: i}
        for col, v in row.items():
            if col in _STRUCTURAL[table]:
                continue
            v = _value(v)
            if v is not None:
                out[kit[_local(col)]] = v
        return out

    from .saving import meta_toml

    columns = {t: list(getattr(red, t).columns) for t in TABLES}
    doc.entity(
        kitdoc["case"],
        {
            "prov:type": kit["Case"],
            "prov:label": red.title,
            kitdoc["meta_toml"]: meta_toml(red.meta),
            kitdoc["columns"]: json.dumps(columns),
        },
    )
    for i, row in enumerate(red.sources.to_dict("records")):
        a = attrs(row, "sources", i)
        if _value(row.get("name")) is not None:
            a["prov:label"] = row["name"]
        doc.agent(ns["source"][_local(row["source_id"])], a)
    for i, row in enumerate(red.reports.to_dict("records")):
        rid = ns["report"][_local(row["report_id"])]
        doc.entity(rid, {"prov:type": kit["Report"], **attrs(row, "reports", i)})
        doc.get_record(rid)[0].add_attributes({"prov:type": pm.PROV["Collection"]})
        doc.wasAttributedTo(rid, ns["source"][_local(row["source_id"])])
    for i, row in enumerate(red.claims.to_dict("records")):
        cid = ns["claim"][_local(row["claim_id"])]
        a = {"prov:type": kit["Claim"], **attrs(row, "claims", i)}
        if _value(row.get("text")) is not None:
            a["prov:label"] = row["text"]
        doc.entity(cid, a)
        doc.hadMember(ns["report"][_local(row["report_id"])], cid)
    claim_ids = set(red.claims["claim_id"])
    said = set()
    for i, row in enumerate(red.citations.to_dict("records")):
        a = attrs(row, "citations", i)
        citing = ns["claim"][_local(row["claim_id"])]
        to_claim = row["cites"] in claim_ids
        cited = ns["claim" if to_claim else "source"][_local(row["cites"])]
        if row["relation"] == "relies_on" and to_claim:
            doc.wasDerivedFrom(citing, cited, other_attributes=a)
        elif row["relation"] == "relies_on":
            words = ns["said"][_local(row["cites"])]
            if words not in said:
                said.add(words)
                doc.entity(words, {"prov:type": kit["Statement"]})
                doc.wasAttributedTo(words, cited)
            doc.wasQuotedFrom(citing, words, other_attributes=a)
        else:
            doc.wasInfluencedBy(citing, cited, other_attributes=a)
    return doc


def prov_json(case, *, reveal_confidential: bool = False, indent: int | None = 1) -> str:
    """The case as PROV-JSON text (confidential sources redacted first).

    Parameters
    ----------
    case : kit.Case
    reveal_confidential : bool, default False
        Keep confidential sources' names (internal drafts only).
    indent : int or None, default 1
        JSON indentation.

    Returns
    -------
    str

    See Also
    --------
    to_prov : the document itself; import_prov : the way back.

    Examples
    --------
    >>> import json, kit
    >>> data = json.loads(prov_json(kit.load_case("tests/cases/loop")))
    >>> sorted(data)[:3], data["prefix"]["kit"]
    (['agent', 'entity', 'hadMember'], 'urn:x-kit:term:')
    """
    return to_prov(case, reveal_confidential=reveal_confidential).serialize(format="json", indent=indent)


def write_prov(case, path, *, reveal_confidential: bool = False) -> Path:
    """Write :func:`prov_json` to ``path`` (UTF-8) atomically; return the path.

    Parameters
    ----------
    case : kit.Case
    path : str or Path
    reveal_confidential : bool, default False
        Keep confidential sources' names (internal drafts only).

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import kit, tempfile, os
    >>> p = write_prov(kit.load_case("tests/cases/loop"), os.path.join(tempfile.mkdtemp(), "loop.prov.json"))
    >>> import_prov(p).claims["claim_id"].tolist()[:3]
    ['self_s', 'ring_k', 'ring_b']
    """
    from .outputs import refuse_output_over_case
    from .saving import atomic_write

    path = Path(path)
    refuse_output_over_case(case, path.parent)
    atomic_write(path, prov_json(case, reveal_confidential=reveal_confidential))
    return path


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
                        "give a PROV-JSON file written by kit.prov",
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
                    "kit.prov.write_prov",
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
    >>> case = kit.load_case("tests/cases/disputes")
    >>> again = import_prov(prov_json(case))
    >>> all(getattr(again, t).equals(getattr(case, t)) for t in ("sources", "reports", "claims", "citations"))
    True
    >>> try:
    ...     import_prov('{"prefix": {}}')
    ... except kit.CaseError as err:
    ...     print(err.problems[0])
    PROV-JSON text: there is no kitdoc:case entity here, so this is not a case written by kit.prov; ...
    """
    from .case import Case
    from .checking import check_tables
    from .reading import parse_csv_text
    from .saving import table_csv

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
                    "by kit.prov; write one with kit.prov.write_prov",
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
                    f"read ({err}); write the document again with kit.prov",
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
    from .saving import table_csv

    cols = [c for c in (columns or list(COLUMNS[table])) if c not in _DERIVED.get(table, ())]
    cols += [c for c in frame.columns if c not in cols and c not in _DERIVED.get(table, ())]
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
