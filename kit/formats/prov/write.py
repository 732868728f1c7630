"""A case as W3C PROV-JSON: :func:`to_prov`, :func:`prov_json`, :func:`write_prov` (the mapping:
:mod:`kit.formats.prov`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pandas as pd

from kit.cells import is_null
from kit.formats.prov.kitdoc import free_text, text_lines, text_name
from kit.schema import TABLES
from kit.text.redact import redact

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["NAMESPACES", "DERIVED", "to_prov", "prov_json", "write_prov"]

#: prefix -> namespace URI: ``kit:`` the case's columns and types, ``kitdoc:`` what the one ``kitdoc:case`` entity
#: carries (the settings, the tables' columns and row order, the free texts: :mod:`kit.formats.prov.kitdoc`), then
#: the identifiers
NAMESPACES = {
    "kit": "urn:x-kit:term:",
    "kitdoc": "urn:x-kit:doc:",
    "source": "urn:x-kit:source:",
    "report": "urn:x-kit:report:",
    "claim": "urn:x-kit:claim:",
    "said": "urn:x-kit:said:",
    "publishing": "urn:x-kit:publishing:",
}
#: columns the structure of the document carries (not repeated as kit: attributes)
_STRUCTURAL = {
    "sources": {"source_id"},
    "reports": {"report_id", "source_id"},
    "claims": {"claim_id", "report_id"},
    "citations": {"claim_id", "cites"},
}
#: typed columns the kit derives on loading, never written in a case's files (contract version 2)
DERIVED = {"reports": ("published_latest",)}
_ID = {"sources": "source", "reports": "report", "claims": "claim"}


def _local(text) -> str:
    """An id or column name as the local part of a qualified name (percent-encoded beyond ``[A-Za-z0-9_.-]``)."""
    return quote(str(text), safe="-_.")


def _value(v):
    """A table cell as a PROV attribute value (None when the cell is empty)."""
    if is_null(v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime(warn=False)
    if hasattr(v, "item") and not isinstance(v, str):
        v = v.item()
    if isinstance(v, str) and v == "":
        return None
    return v


def _strings(node):
    """PROV-JSON written the same by prov 2.0 and 3.2 and read back by both: every typed value ``{"$": ..., "type":
    ...}`` a string (prov 2.0 writes numbers there), a qualified name's type ``prov:QUALIFIED_NAME`` (prov 3.2 writes
    ``xsd:QName``, which prov 2.0 reads as a plain literal; 3.2 reads both), and the values of a many-valued attribute
    in a fixed order (prov keeps them in a set)."""
    if isinstance(node, dict):
        if set(node) == {"$", "type"}:
            value = node["$"]
            if not isinstance(value, str):
                value = ("true" if value else "false") if isinstance(value, bool) else str(value)
            return {"$": value, "type": "prov:QUALIFIED_NAME" if node["type"] == "xsd:QName" else node["type"]}
        return {k: _strings(v) for k, v in node.items()}
    if isinstance(node, list):
        return sorted((_strings(v) for v in node), key=lambda v: json.dumps(v, sort_keys=True))
    return node


def to_prov(case: Case, *, reveal_confidential: bool = False):
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

    from kit.text.tables import claim_names, report_labels

    red = redact(case, reveal=reveal_confidential)
    doc = pm.ProvDocument()
    ns = {p: doc.add_namespace(p, uri) for p, uri in NAMESPACES.items()}
    kit, kitdoc = ns["kit"], ns["kitdoc"]

    # the case: a collection of its reports (drawn below them), carrying what no record a drawing shows should
    case_record = doc.entity(kitdoc["case"], {"prov:type": kit["Case"], "prov:label": red.title})
    case_record.add_attributes({"prov:type": pm.PROV["Collection"]})
    case_attrs: dict = {}

    def carry(name: str, text: str) -> None:  # a text on the kitdoc:case entity, in lines
        case_attrs.update({kitdoc[k]: v for k, v in text_lines(name, text).items()})

    def attrs(row, table):
        """The row's values as the record's attributes; its free texts go on the kitdoc:case entity."""
        out = {}
        key = (row["claim_id"], row["cites"]) if table == "citations" else row[f"{_ID[table]}_id"]
        for col, v in row.items():
            if col in _STRUCTURAL[table]:
                continue
            v = _value(v)
            if v is not None and free_text(table, col, v):
                carry(text_name(table, key, col), v)
            elif v is not None:
                out[kit[_local(col)]] = v
        return out

    from kit.store.saving import meta_toml

    columns = {t: list(getattr(red, t).columns) for t in TABLES}
    # each table's records in row order, on the case entity only, so no record a drawing shows carries bookkeeping
    order: dict[str, list] = {t: [str(v) for v in getattr(red, t)[f"{_ID[t]}_id"]] for t in _ID}
    order["citations"] = [
        [str(c), str(k)] for c, k in zip(red.citations["claim_id"], red.citations["cites"], strict=True)
    ]
    carry("meta_toml", meta_toml(red.meta))
    carry("columns", json.dumps(columns))
    carry("order", json.dumps(order))
    for row in red.sources.to_dict("records"):
        a = attrs(row, "sources")
        if _value(row.get("name")) is not None:
            a["prov:label"] = row["name"]
        doc.agent(ns["source"][_local(row["source_id"])], a)
    report_label, claim_label = report_labels(red), claim_names(red)
    for i, row in enumerate(red.reports.to_dict("records")):
        rid = ns["report"][_local(row["report_id"])]
        label = str(report_label.iat[i])
        doc.entity(rid, {"prov:type": kit["Report"], "prov:label": label, **attrs(row, "reports")})
        doc.get_record(rid)[0].add_attributes({"prov:type": pm.PROV["Collection"]})
        publisher = ns["source"][_local(row["source_id"])]
        doc.wasAttributedTo(rid, publisher)
        doc.hadMember(kitdoc["case"], rid)
        # publishing: an activity from the earliest to the latest moment the report can have appeared; the report
        # was generated at a known time only where the two are the same
        earliest = _value(row.get("published"))
        latest = _value(row.get("published_latest")) or earliest
        act = doc.activity(ns["publishing"][_local(row["report_id"])], earliest, latest)
        act.add_attributes({"prov:type": kit["Publishing"], "prov:label": f"published: {label}"})
        doc.wasAssociatedWith(act, publisher)
        doc.wasGeneratedBy(rid, act, earliest if earliest is not None and earliest == latest else None)
    for row in red.claims.to_dict("records"):
        cid = ns["claim"][_local(row["claim_id"])]
        a = {
            "prov:type": kit["Claim"],
            "prov:label": str(claim_label.get(row["claim_id"])),
            **attrs(row, "claims"),
        }
        doc.entity(cid, a)
        doc.hadMember(ns["report"][_local(row["report_id"])], cid)
    claim_ids = set(red.claims["claim_id"])
    said = set()
    for row in red.citations.to_dict("records"):
        a = attrs(row, "citations")
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
    case_record.add_attributes(case_attrs)
    return doc


def prov_json(case: Case, *, reveal_confidential: bool = False, indent: int | None = 1) -> str:
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
        The same text whichever prov version (2.0 or 3.2) wrote it: typed values as strings.

    See Also
    --------
    to_prov : the document itself; import_prov : the way back.

    Examples
    --------
    >>> import json, kit
    >>> data = json.loads(prov_json(kit.load_case("tests/cases/loop")))
    >>> sorted(data)[:3], data["prefix"]["kit"]
    (['activity', 'agent', 'entity'], 'urn:x-kit:term:')
    >>> data["activity"]["publishing:r1"]["prov:startTime"], list(data["wasGeneratedBy"].values())[0]["prov:time"]
    ('2020-01-01T08:00:00+00:00', '2020-01-01T08:00:00+00:00')
    """
    text = to_prov(case, reveal_confidential=reveal_confidential).serialize(format="json")
    return json.dumps(_strings(json.loads(text)), ensure_ascii=False, indent=indent)


def write_prov(case: Case, path, *, reveal_confidential: bool = False) -> Path:
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
    >>> from kit.formats.prov import import_prov
    >>> p = write_prov(kit.load_case("tests/cases/loop"), os.path.join(tempfile.mkdtemp(), "loop.prov.json"))
    >>> import_prov(p).claims["claim_id"].tolist()[:3]
    ['self_s', 'ring_k', 'ring_b']
    """
    from kit.store.outputs import refuse_output_over_case
    from kit.store.saving import atomic_write

    path = Path(path)
    refuse_output_over_case(case, path.parent)
    atomic_write(path, prov_json(case, reveal_confidential=reveal_confidential))
    return path
