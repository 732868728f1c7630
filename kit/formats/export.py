"""Export a case for other tools: Gephi (GEXF, GraphML), node-link JSON, spreadsheet-safe CSV, ClaimReview JSON-LD.

:func:`export` writes, into one folder, from the *redacted* case (:func:`kit.text.redact.redact`):

=========================  =====================================================================================
``citation_graph.gexf``    the citation graph for Gephi (GEXF 1.3): :func:`kit.formats.gephi.gephi_graph`, typed
                           attributes, the kit's findings per node, ``viz`` colours and positions
``citation_graph.graphml`` the same graph as GraphML (positions and colours as ``x``, ``y``, ``r``, ``g``, ``b``)
``citation_graph.json``    the citation graph as node-link JSON (``nodes``, ``links``; :func:`export_graph`: text)
``sources.csv`` ...        the four tables, plus ``provenance.csv`` (per claim: n_cited, n_origins, echo, origins),
                           safe to open in a spreadsheet: a cell starting with ``=``, ``+``, ``-``, ``@``, tab or
                           carriage return is prefixed with ``'`` (OWASP "CSV injection")
``claimreview.jsonld``     schema.org ClaimReview for each proposition with a verdict in ``case.toml``
                           (:func:`kit.formats.claimreview.claim_reviews`)
=========================  =====================================================================================

Every text of the GEXF and GraphML files is XML-safe (:func:`kit.text.html.xml_safe`: a vertical tab becomes a line
break, any other character XML 1.0 forbids U+FFFD), so they are always well-formed. ``out_dir`` may not hold a
case's tables nor be inside the case (:func:`kit.store.outputs.refuse_output_over_case`).
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING

import networkx as nx
import pandas as pd

from kit.formats.claimreview import claim_reviews
from kit.formats.gephi import export_graph, gephi_graph, graphml_ready
from kit.store.atomic import atomic_write_all
from kit.store.outputs import refuse_output_over_case
from kit.text.html import xml_safe
from kit.text.redact import redact
from kit.text.wording import cell_text

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["export", "export_graph", "neutralise", "csv_text", "claim_reviews", "FORMULA_STARTS"]

#: first characters that make a spreadsheet read a cell as a formula (OWASP), plus their full-width forms
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(value) -> str:
    """A cell as text a spreadsheet will not run: prefixed with ``'`` when it starts like a formula.

    Parameters
    ----------
    value : object
        The cell: text, a number, a date, or missing (written as :func:`kit.reading.raw.cell_text` writes it).

    Returns
    -------
    str
        The cell's text, with ``'`` in front when it starts with one of :data:`FORMULA_STARTS`.

    See Also
    --------
    csv_text : a whole table written this way.

    Examples
    --------
    >>> [neutralise(v) for v in ["=1+1", "+1", "-2", "@SUM(A1)", "\\tx", "\\rx", "plain", "", None, 3]]
    ["'=1+1", "'+1", "'-2", "'@SUM(A1)", "'\\tx", "'\\rx", 'plain', '', '', '3']
    """
    text = cell_text(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(frame: pd.DataFrame) -> str:
    """The table as CSV text with every cell quoted and neutralised (:func:`neutralise`).

    Parameters
    ----------
    frame : pandas.DataFrame
        The table; its header is written as its first row, its index is not written.

    Returns
    -------
    str
        The CSV text, one line per row, each ending in ``\\n``.

    See Also
    --------
    neutralise : what is done to each cell.
    export : writes the case's tables with it.

    Examples
    --------
    >>> import pandas as pd
    >>> print(csv_text(pd.DataFrame({"a": ["=cmd", "ok"], "n": [1, None]})), end="")
    "a","n"
    "'=cmd","1"
    "ok",""
    """
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writerow([neutralise(c) for c in frame.columns])
    for row in frame.itertuples(index=False, name=None):
        w.writerow([neutralise(v) for v in row])
    return buf.getvalue()


def _safe(v):
    return xml_safe(v) if isinstance(v, str) else v


def _xml_graph(g: nx.DiGraph) -> nx.DiGraph:
    """A copy of ``g`` whose node ids, attribute names and text values are XML-safe (:func:`kit.text.html.xml_safe`);
    numbers, booleans and ``viz`` are kept as they are."""
    out = nx.DiGraph(**{xml_safe(k): _safe(v) for k, v in g.graph.items()})
    for n, d in g.nodes(data=True):
        out.add_node(xml_safe(n), **{xml_safe(k): _safe(v) for k, v in d.items()})
    for u, v, d in g.edges(data=True):
        out.add_edge(xml_safe(u), xml_safe(v), **{xml_safe(k): _safe(x) for k, x in d.items()})
    return out


def _tables(case: Case) -> dict:
    from kit.analysis.origins import provenance
    from kit.graph.citation import claim_context

    out = {name: getattr(case, name) for name in ("sources", "reports", "claims", "citations")}
    prov = provenance(case)
    ctx = claim_context(case).set_index("claim_id")
    p = prov[["n_cited", "n_origins", "echo", "origins"]].copy()
    p.insert(0, "proposition", ctx["proposition"].reindex(p.index))
    out["provenance"] = p.reset_index()
    return out


def export(case: Case, out_dir, *, reveal_confidential: bool = False, built=None) -> dict:
    """Write every export of ``case`` (redacted first) into ``out_dir``; return ``name -> path``.

    Parameters
    ----------
    case : kit.Case
        Not changed.
    out_dir : str or path
        Created if needed.
    reveal_confidential : bool
        For internal use only: confidential sources keep their names.
    built : str, optional
        The ClaimReview ``datePublished`` (ISO date; today, UTC, by default).

    Returns
    -------
    dict
        ``"gexf"``, ``"graphml"``, ``"json"``, ``"sources.csv"`` ... ``"provenance.csv"`` and, when the case has
        verdicts, ``"claimreview"``: the files written.

    Examples
    --------
    >>> import kit, tempfile
    >>> files = export(kit.load_case("tests/cases/hostile"), tempfile.mkdtemp(), built="2026-01-01")
    >>> sorted(files)  # doctest: +NORMALIZE_WHITESPACE
    ['citations.csv', 'claimreview', 'claims.csv', 'gexf', 'graphml', 'json', 'provenance.csv', 'reports.csv',
     'sources.csv']
    >>> any("Ivan Petrov" in p.read_text(encoding="utf-8") for p in files.values())
    False
    """
    out = refuse_output_over_case(case, out_dir)
    red = redact(case, reveal=reveal_confidential)
    out.mkdir(parents=True, exist_ok=True)
    files, data_of = {}, {}
    g = export_graph(red)
    typed = _xml_graph(gephi_graph(red))
    for key, name, graph, writer in (
        ("gexf", "citation_graph.gexf", typed, lambda x, b: nx.write_gexf(x, b, version="1.3")),
        ("graphml", "citation_graph.graphml", graphml_ready(typed), nx.write_graphml),
    ):
        buf = io.BytesIO()
        writer(graph, buf)
        files[key] = out / name
        data_of[key] = buf.getvalue()
    data = nx.node_link_data(g, edges="links")
    data["graph"] = {"title": red.title}
    files["json"] = out / "citation_graph.json"
    data_of["json"] = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    for name, frame in _tables(red).items():
        files[f"{name}.csv"] = out / f"{name}.csv"
        data_of[f"{name}.csv"] = csv_text(frame).encode("utf-8-sig")
    reviews = claim_reviews(red, built=built)
    if reviews:
        files["claimreview"] = out / "claimreview.jsonld"
        data_of["claimreview"] = json.dumps(list(reviews.values()), ensure_ascii=False, indent=1).encode("utf-8")
    atomic_write_all({files[k]: data_of[k] for k in files})  # all written before any is replaced
    return files
