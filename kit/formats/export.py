"""Export a case for other tools: Gephi (GEXF, GraphML), node-link JSON, spreadsheet-safe CSV, ClaimReview JSON-LD.

:func:`export` writes, into one folder, from the *redacted* case (:func:`kit.text.redact.redact`):

=========================  =====================================================================================
``citation_graph.gexf``    the citation graph for Gephi: node attributes ``node_type``, ``kind``, ``reliability``,
                           ``published`` ... (all text), edge attribute ``relation``
``citation_graph.graphml`` the same graph as GraphML
``citation_graph.json``    the same graph as node-link JSON (``nodes``, ``links``)
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
from kit.schema import COLUMNS
from kit.store.atomic import atomic_write_all
from kit.store.outputs import refuse_output_over_case
from kit.text.html import xml_safe
from kit.text.redact import redact
from kit.text.wording import cell_text, figure_words

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


def export_graph(case: Case) -> nx.DiGraph:
    """The citation graph with only text attributes (``None`` dropped), ready for the GEXF and GraphML writers.

    Claim nodes: ``node_type="claim"``, ``label`` (outlet, date, figure), ``kind`` and ``reliability`` of the
    publisher, ``published`` (ISO 8601, UTC), ``proposition``, ``text``, ``low``, ``high``, ``certainty``,
    ``credibility``, ``outlet``, ``source_id``, ``report_id``. Source nodes: ``node_type="source"``, ``label``
    (the name), ``kind``, ``reliability`` and the other source columns. Edges: ``relation`` and ``evidence``.

    Parameters
    ----------
    case : kit.Case
        The case as it is: nothing is redacted here (:func:`export` passes it the redacted case, made with
        :func:`kit.text.redact.redact`).

    Returns
    -------
    networkx.DiGraph
        One node per claim and per source, one edge per citation, every attribute a string.

    See Also
    --------
    kit.graph.citation.citation_graph : the graph it is made from, with typed attributes.
    export : writes it as ``graph.gexf`` and ``graph.graphml``.

    Examples
    --------
    In :func:`kit.testing.examples.diamond`, Site D cites Paper B and Paper C, which both rely on Wire A:

    >>> from kit.testing import examples
    >>> g = export_graph(examples.diamond())
    >>> g.number_of_nodes(), g.number_of_edges()
    (8, 4)
    >>> g.nodes["site-d-12"]["label"], g.nodes["site-d-12"]["published"]
    ('Site D, 2020-01-02: 12', '2020-01-02T09:00:00Z')
    >>> sorted(g.successors("site-d-12")), g.edges["site-d-12", "paper-c-12"]
    (['paper-b-12', 'paper-c-12'], {'relation': 'corroborates', 'evidence': 'Paper C confirms'})
    >>> all(isinstance(v, str) for _, d in g.nodes(data=True) for v in d.values())
    True
    """
    from kit.graph.citation import citation_graph

    src = citation_graph(case)
    kinds = case.sources.set_index("source_id")
    g = nx.DiGraph()
    for n, d in src.nodes(data=True):
        attrs = {}
        if d.get("node_type") == "claim":
            pub = d.get("source_id")
            attrs["kind"] = kinds.at[pub, "kind"] if pub in kinds.index else None
            attrs["reliability"] = kinds.at[pub, "reliability"] if pub in kinds.index else None
            date = pd.Timestamp(d["published"]).strftime("%Y-%m-%d") if d.get("published") is not None else ""
            fig = figure_words(d.get("low"), d.get("high"))
            attrs["label"] = f"{d.get('outlet')}, {date}" + (f": {fig}" if fig else "")
            # the claim's own columns (the case format's, in its order) and where it was published
            keys: tuple[str, ...] = (
                "node_type",
                "published",
                *(c for c in COLUMNS["claims"] if c not in ("claim_id", "report_id")),
                "outlet",
                "source_id",
                "report_id",
            )
        else:
            attrs["label"] = d.get("name")
            keys = ("node_type", *(c for c in COLUMNS["sources"] if c != "source_id"))
        for k in keys:
            if k in d:
                attrs[k] = d[k]
        clean = {k: cell_text(v) for k, v in attrs.items() if cell_text(v) != ""}
        g.add_node(str(n), **clean)
    for u, v, d in src.edges(data=True):
        g.add_edge(str(u), str(v), **{k: cell_text(x) for k, x in d.items() if cell_text(x) != ""})
    return g


def _xml_graph(g: nx.DiGraph) -> nx.DiGraph:
    """A copy of ``g`` whose node ids, attribute names and values are XML-safe (:func:`kit.text.html.xml_safe`)."""
    out = nx.DiGraph(**{xml_safe(k): xml_safe(v) for k, v in g.graph.items()})
    for n, d in g.nodes(data=True):
        out.add_node(xml_safe(n), **{xml_safe(k): xml_safe(v) for k, v in d.items()})
    for u, v, d in g.edges(data=True):
        out.add_edge(xml_safe(u), xml_safe(v), **{xml_safe(k): xml_safe(x) for k, x in d.items()})
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
    xml = _xml_graph(g)
    for key, name, writer in (
        ("gexf", "citation_graph.gexf", nx.write_gexf),
        ("graphml", "citation_graph.graphml", nx.write_graphml),
    ):
        buf = io.BytesIO()
        writer(xml, buf)
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
