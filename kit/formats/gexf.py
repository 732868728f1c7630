"""The citation graph as dynamic GEXF, so Gephi's timeline replays the story: :func:`write_dynamic_gexf`.

Every node and edge gets a ``start`` (and, with ``lasting=False``, an ``end``) from the time of publication:

- a claim starts at its report's ``published`` time (the earliest the report can have appeared). With
  ``lasting=True`` (the default) it stays from then on; with ``lasting=False`` it lasts until
  ``published_latest`` (contract version 2: the latest the report can have appeared), or ``published`` where
  the case has no such column, so the timeline shows when each claim was published and nothing more;
- a citation (edge) starts when both its ends exist and ends (``lasting=False``) with its citing claim; a cited
  claim that would end before a citation of it is kept until that citation ends, so no edge outlives its nodes
  (Gephi drops such an edge from its timeline);
- a source starts with the first claim that cites it or that it publishes; one that is neither cited nor
  publishes anything has no ``start`` (present throughout).

Each time is written twice: as ``start``/``end`` (the GEXF attributes Gephi 0.10's timeline reads) and as the
attributes ``appears``/``until`` (text), because graphology-gexf, with which Gephi Lite imports GEXF, reads
neither ``start``/``end`` nor ``<spells>`` but keeps every attribute (``docs/exports.md`` says what was checked).
The nodes and edges carry :func:`kit.formats.gephi.gephi_graph`'s typed attributes, findings and ``viz``.

The file is GEXF 1.3 in ``mode="dynamic"``. ``timeformat`` is ``date`` (values ``2018-02-13``) when every time is
midnight UTC, else ``dateTime`` (values ``2018-02-13T14:05:00Z``), as the GEXF schema spells it. networkx 3
reads ``date`` files but not ``dateTime`` ones (a ``KeyError``); ``timeformat="date"`` writes the same date-time
values under ``timeformat="date"``, which networkx reads (as text) and Gephi too.

Every text is made safe for XML 1.0 first (:func:`kit.text.html.xml_safe`, also importable from here): a vertical
tab or form feed (a manual line break from Word) becomes a line break, any other character XML forbids becomes
U+FFFD, so the file is always well-formed. Writers redact confidential sources first (:func:`kit.text.redact.redact`),
as every other export does.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
import pandas as pd

from kit.cells import is_missing, iso_text
from kit.text.html import xml_safe
from kit.text.redact import redact

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["xml_safe", "dynamic_gexf", "write_dynamic_gexf"]


def _when(v):
    if is_missing(v):
        return None
    ts = pd.Timestamp(v)
    return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")


def _fmt(ts: pd.Timestamp, dates_only: bool) -> str:
    if dates_only:
        return ts.strftime("%Y-%m-%d")
    text = iso_text(ts)
    return text if "T" in text else text + "T00:00:00Z"  # a time-stamped graph gives every moment its time


def _times(graph: nx.DiGraph, case: Case | None = None):
    """``(published, latest)``: claim node -> earliest and latest time of publication."""
    published, latest = {}, {}
    if case is not None:
        from kit.graph.citation import claim_context

        ctx = claim_context(case)
        published = dict(zip(ctx["claim_id"].astype(str), ctx["published"], strict=False))
        if "published_latest" in case.reports.columns:
            by_report = case.reports.set_index("report_id")["published_latest"]
            latest = dict(
                zip(ctx["claim_id"].astype(str), by_report.reindex(ctx["report_id"]).to_numpy(), strict=False)
            )
    else:
        for n, d in graph.nodes(data=True):
            if d.get("node_type") == "claim":
                published[n] = d.get("published")
                latest[n] = d.get("published_latest")
    published = {k: _when(v) for k, v in published.items()}
    latest = {k: _when(latest.get(k)) or v for k, v in published.items()}
    return published, latest


def dynamic_gexf(
    graph_or_case, *, lasting: bool = True, timeformat: str | None = None, reveal_confidential: bool = False
) -> nx.DiGraph:
    """A copy of the citation graph with ``start``/``end`` on nodes and edges, every text XML-safe.

    Parameters
    ----------
    graph_or_case : kit.Case or networkx.DiGraph
        A case (redacted first; its graph is :func:`kit.formats.gephi.gephi_graph`'s), or a citation graph as
        :func:`kit.citation_graph` or :func:`kit.formats.gephi.export_graph` makes it (not redacted: pass a case for
        that), whose claim nodes carry ``node_type="claim"`` and ``published`` (and maybe ``published_latest``).
    lasting : bool
        True: claims and citations stay once published (no ``end``); False: they end at ``published_latest``.
    timeformat : {None, "date", "dateTime"}
        None chooses ``date`` when every time is midnight UTC, else ``dateTime``; ``"date"`` writes date-times
        under ``timeformat="date"`` where needed (networkx reads that).
    reveal_confidential : bool
        For internal use only: confidential sources keep their names (cases only).

    Returns
    -------
    networkx.DiGraph
        Graph attributes ``mode="dynamic"``, ``timeformat`` and ``name`` (the case's title); node and edge
        attributes as the source graph has them (text XML-safe), with ``start``/``end`` and ``appears``/``until``.

    Raises
    ------
    ValueError
        When ``timeformat`` is not one of the above, or a claim node has no time of publication.

    Examples
    --------
    >>> import kit
    >>> g = dynamic_gexf(kit.load_case("data/deir-ez-zor"))
    >>> g.graph["mode"], g.graph["timeformat"], g.nodes["bloomberg-more-than-200"]["start"]
    ('dynamic', 'date', '2018-02-13')
    >>> "end" in g.nodes["bloomberg-more-than-200"], g.nodes["bloomberg"]["start"]
    (False, '2018-02-13')
    """
    if timeformat not in (None, "date", "dateTime"):
        raise ValueError(f"timeformat must be None, 'date' or 'dateTime', not {timeformat!r}")
    if isinstance(graph_or_case, nx.Graph):
        src, case, title = graph_or_case, None, graph_or_case.graph.get("title", "")
    else:
        from kit.formats.gephi import gephi_graph

        case = redact(graph_or_case, reveal=reveal_confidential)
        src, title = gephi_graph(case), case.title
    published, latest = _times(src, case)
    missing = sorted(k for k, v in published.items() if v is None)
    if missing:
        raise ValueError(f"claim {missing[0]!r} has no time of publication (published); every claim needs one")
    every = [t for t in (*published.values(), *latest.values()) if t is not None]
    dates_only = all(t == t.normalize() for t in every) and timeformat != "dateTime"
    fmt = "date" if dates_only or timeformat == "date" else "dateTime"
    first_seen: dict = {}

    def seen(node, t):
        if t is not None and (node not in first_seen or t < first_seen[node]):
            first_seen[node] = t

    for n, d in src.nodes(data=True):
        if n in published and d.get("source_id") is not None:
            seen(str(d["source_id"]), published[n])
    for u, v in src.edges():
        seen(v, published.get(u))
    # a node's interval, then every edge inside both its nodes': it starts when both exist and, not lasting, ends
    # with its citing claim; a node it would outlive (a cited claim) is kept until its last citation ends
    start = {n: published.get(n) or first_seen.get(n) for n in src.nodes}
    end = {n: (None if lasting or n not in published else latest[n]) for n in src.nodes}
    edge_times = {}
    for u, v in src.edges():
        s = max((t for t in (start[u], start[v]) if t is not None), default=None)
        e = None if lasting or u not in published else max(latest[u], s)
        edge_times[(u, v)] = (s, e)
        for n in (u, v):
            if e is not None and end[n] is not None and end[n] < e:
                end[n] = e

    def timed(attrs, s, e):
        if s is not None:
            attrs["start"] = attrs["appears"] = _fmt(s, dates_only)  # start: Gephi; appears: Gephi Lite (a date)
        if e is not None:
            attrs["end"] = attrs["until"] = _fmt(e, dates_only)
        return attrs

    def safe(d):
        return {
            xml_safe(k): (x if isinstance(x, (bool, int, float, dict)) else xml_safe(x))
            for k, x in d.items()
            if x is not None and k not in ("start", "end", "appears", "until")
        }

    g = nx.DiGraph(mode="dynamic", timeformat=fmt, name=xml_safe(title))
    for n, d in src.nodes(data=True):
        g.add_node(xml_safe(n), **timed(safe(d), start[n], end[n]))
    for u, v, d in src.edges(data=True):
        g.add_edge(xml_safe(u), xml_safe(v), **timed(safe(d), *edge_times[(u, v)]))
    return g


def write_dynamic_gexf(
    case: Case | nx.DiGraph,
    path,
    *,
    lasting: bool = True,
    timeformat: str | None = None,
    reveal_confidential: bool = False,
):
    """Write :func:`dynamic_gexf` of ``case`` (redacted first) to ``path`` as GEXF 1.3, atomically.

    Parameters are those of :func:`dynamic_gexf`; ``path`` is the file to write (its folder must exist).

    Returns
    -------
    pathlib.Path
        The file written.

    See Also
    --------
    kit.formats.export.export : the static GEXF and the other exports.

    Examples
    --------
    >>> import kit, tempfile, os, networkx as nx
    >>> p = write_dynamic_gexf(kit.load_case("data/deir-ez-zor"), os.path.join(tempfile.mkdtemp(), "deir.gexf"))
    >>> g = nx.read_gexf(p)
    >>> g.graph["mode"], g.nodes["reuters-two-killed"]["start"]
    ('dynamic', '2018-02-12')
    """

    from kit.store.outputs import refuse_output_over_case
    from kit.store.saving import atomic_write

    refuse_output_over_case(case if not isinstance(case, nx.Graph) else None, Path(path).parent)
    g = dynamic_gexf(case, lasting=lasting, timeformat=timeformat, reveal_confidential=reveal_confidential)
    buf = io.BytesIO()
    nx.write_gexf(
        nx.DiGraph(g), buf, version="1.3"
    )  # networkx writes timeformat="date" for text times; set the one chosen
    text = buf.getvalue().decode("utf-8")
    text = re.sub(r'(<graph\b[^>]*?)\btimeformat="[^"]*"', rf'\1timeformat="{g.graph["timeformat"]}"', text, count=1)
    path = Path(path)
    atomic_write(path, text)
    return path
