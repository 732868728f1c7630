"""The citation graph (claims and sources) and the outlet graph (who cites whom)."""
from __future__ import annotations

import networkx as nx
import pandas as pd

from .schema import SUPPORTING

__all__ = ["claim_context", "citation_graph", "outlet_graph"]


def claim_context(case) -> pd.DataFrame:
    """The claims table with each claim's ``published`` time, publisher ``source_id`` and ``outlet`` name.

    Examples
    --------
    >>> import kit
    >>> list(claim_context(kit.synth.make_case(3)).columns[-3:])
    ['published', 'source_id', 'outlet']
    """
    reports = case.reports.set_index("report_id")
    names = case.sources.set_index("source_id")["name"]
    out = case.claims.copy()
    by_report = reports.reindex(out["report_id"])
    out["published"] = by_report["published"].array
    out["source_id"] = by_report["source_id"].astype("string").array
    out["outlet"] = names.reindex(out["source_id"]).astype("string").array
    return out


def _plain(v):
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float) and v != v:
        return None
    if hasattr(v, "item") and not isinstance(v, pd.Timestamp):
        return v.item()
    return v


def citation_graph(case) -> nx.DiGraph:
    """A directed graph with a node per claim and per source and an edge from citing to cited.

    Claim nodes carry ``node_type="claim"``, every claim column, ``published``, ``source_id`` (the
    publisher) and ``outlet``; source nodes carry ``node_type="source"`` and every source column.
    Edges carry ``relation`` and ``evidence``. Disputes are edges too (the analyses never follow them).

    Examples
    --------
    >>> import kit
    >>> g = kit.citation_graph(kit.synth.make_case(30))
    >>> g.nodes[next(iter(g))]["node_type"] in ("claim", "source")
    True
    >>> all(d["relation"] in ("relies_on", "corroborates", "disputes") for *_, d in g.edges(data=True))
    True
    """
    g = nx.DiGraph(title=case.title)
    for row in case.sources.to_dict("records"):
        g.add_node(row["source_id"], node_type="source", **{k: _plain(v) for k, v in row.items()})
    for row in claim_context(case).to_dict("records"):
        g.add_node(row["claim_id"], node_type="claim", **{k: _plain(v) for k, v in row.items()})
    for row in case.citations.to_dict("records"):
        g.add_edge(row["claim_id"], row["cites"], relation=row["relation"], evidence=_plain(row.get("evidence")))
    return g


def outlet_graph(case) -> nx.DiGraph:
    """One node per source; an edge u -> v weighted by how many citations run from u's claims to v.

    A citation counts towards u -> v when its claim is published by u and it cites a claim published by v,
    or cites the source v itself. ``relations`` on each edge counts the citations by relation.
    An outlet citing its own claims is left out (no self-loops).

    Examples
    --------
    >>> import kit
    >>> g = kit.outlet_graph(kit.synth.make_case(40))
    >>> g.number_of_nodes() == len(kit.synth.make_case(40).sources)
    True
    >>> all(d["weight"] == sum(d["relations"].values()) for *_, d in g.edges(data=True))
    True
    """
    g = nx.DiGraph(title=case.title)
    for row in case.sources.to_dict("records"):
        g.add_node(row["source_id"], **{k: _plain(v) for k, v in row.items()})
    ctx = claim_context(case)
    publisher = dict(zip(ctx["claim_id"], ctx["source_id"]))
    for citing, cited, relation in case.citations[["claim_id", "cites", "relation"]].itertuples(index=False):
        u = publisher[citing]
        v = publisher.get(cited, cited)
        if u == v:
            continue
        if g.has_edge(u, v):
            d = g.edges[u, v]
            d["weight"] += 1
            d["relations"][relation] = d["relations"].get(relation, 0) + 1
        else:
            g.add_edge(u, v, weight=1, relations={relation: 1})
    return g


def supporting_citations(case) -> pd.DataFrame:
    """The citations that carry support (``relies_on`` and ``corroborates``), as a new frame.

    Examples
    --------
    >>> import kit
    >>> set(supporting_citations(kit.synth.make_case(50))["relation"]) <= {"relies_on", "corroborates"}
    True
    """
    c = case.citations
    return c[c["relation"].isin(SUPPORTING)].reset_index(drop=True)
