"""On whose word does a claim stand: origins, independence and echo for one claim or all of them.

One engine serves :func:`origins`, :func:`independence`, :func:`provenance` and :func:`without`, so
their answers agree by construction. It condenses citation loops into single nodes, walks the
condensed graph once in topological order, and passes each node's origin set up to the claims that
cite it.
"""
from __future__ import annotations

from collections import deque

import networkx as nx
import pandas as pd

from .graph import claim_context, supporting_citations

__all__ = ["origins", "independence", "provenance", "without"]


def _unknown(kind: str, value, choices) -> KeyError:
    from .checking import suggest
    s = suggest(value, list(choices))
    hint = f"; did you mean '{s}'?" if s else ""
    return KeyError(f"there is no {kind} '{value}' in this case{hint}")


class _Engine:
    """Origin sets for every claim of a case, computed once."""

    def __init__(self, case):
        ctx = claim_context(case)
        self.claim_ids = list(ctx["claim_id"])
        self.publisher = dict(zip(ctx["claim_id"], ctx["source_id"]))
        support = supporting_citations(case)
        claims = set(self.claim_ids)
        self.supports = {c: [] for c in self.claim_ids}
        for citing, cited in support[["claim_id", "cites"]].itertuples(index=False):
            self.supports[citing].append(cited)
        g = nx.DiGraph()
        g.add_nodes_from(self.claim_ids)
        g.add_edges_from((a, b) for a, bs in self.supports.items() for b in bs if b in claims)
        cond = nx.condensation(g)
        member_of = cond.graph["mapping"]
        sets = {}
        for node in reversed(list(nx.topological_sort(cond))):
            found = set()
            for claim in cond.nodes[node]["members"]:
                cited = self.supports[claim]
                if not cited:
                    found.add(self.publisher[claim])
                for item in cited:
                    if item not in claims:
                        found.add(item)
            for succ in cond.successors(node):
                found |= sets[succ]
            sets[node] = frozenset(found)
        self.origins = {c: sets[member_of[c]] for c in self.claim_ids}
        self.claims = claims

    def support_origins(self, item) -> frozenset:
        return self.origins[item] if item in self.claims else frozenset([item])

    def row(self, claim):
        cited = list(dict.fromkeys(self.supports[claim]))
        seen, echo = set(), False
        if len(cited) >= 2:
            for item in cited:
                o = self.support_origins(item)
                if seen & o:
                    echo = True
                    break
                seen |= o
        return len(cited), len(self.origins[claim]), echo, tuple(sorted(self.origins[claim]))


def provenance(case) -> pd.DataFrame:
    """Origins, independence and echo for every claim of the case at once.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``claim_id`` in the claims table's order, with ``n_cited`` (distinct items the claim
        cites with ``relies_on``/``corroborates``), ``n_origins``, ``echo`` (two or more supports share an
        origin) and ``origins`` (a sorted tuple of source ids). Claims in a loop with no way out of it
        rest on nothing: ``n_origins`` 0. A claim resting on very many origins keeps them all (the
        tuple is exact, never truncated), at a memory cost of one id per origin per claim.

    Examples
    --------
    >>> import kit
    >>> p = kit.provenance(kit.synth.make_case(50))
    >>> list(p.columns)
    ['n_cited', 'n_origins', 'echo', 'origins']
    >>> bool((p["n_origins"] == p["origins"].map(len)).all())
    True
    """
    e = _Engine(case)
    rows = [e.row(c) for c in e.claim_ids]
    out = pd.DataFrame(rows, columns=["n_cited", "n_origins", "echo", "origins"],
                       index=pd.Index(e.claim_ids, name="claim_id", dtype=object))
    return out.astype({"n_cited": "int64", "n_origins": "int64", "echo": bool})


def origins(case, claim_id: str) -> pd.DataFrame:
    """The origin sources a claim finally rests on, one row each, nearest first.

    Follows ``relies_on`` and ``corroborates`` citations (never ``disputes``) down to sources; a claim
    with no supporting citation rests on its own report's publisher, one hop away.

    Returns
    -------
    pandas.DataFrame
        Columns ``source_id``, ``name``, ``kind``, ``reliability``, ``hops`` (the shortest path length),
        sorted by ``hops`` then ``source_id``.

    Raises
    ------
    KeyError
        When the case has no such claim.

    Examples
    --------
    >>> import kit
    >>> case = kit.synth.make_case(50)
    >>> o = kit.origins(case, case.claims["claim_id"].iloc[-1])
    >>> list(o.columns)
    ['source_id', 'name', 'kind', 'reliability', 'hops']
    """
    e = _Engine(case)
    if claim_id not in e.claims:
        raise _unknown("claim", claim_id, e.claim_ids)
    hops = {}
    dist = {claim_id: 0}
    queue = deque([claim_id])
    while queue:
        claim = queue.popleft()
        d = dist[claim]
        cited = e.supports[claim]
        reached = [e.publisher[claim]] if not cited else [i for i in cited if i not in e.claims]
        for source in reached:
            hops.setdefault(source, d + 1)
        for item in cited:
            if item in e.claims and item not in dist:
                dist[item] = d + 1
                queue.append(item)
    src = case.sources.set_index("source_id")
    ids = sorted(hops, key=lambda s: (hops[s], s))
    out = pd.DataFrame({
        "source_id": pd.array(ids, dtype="string"),
        "name": pd.array([src.at[s, "name"] for s in ids], dtype="string"),
        "kind": pd.array([src.at[s, "kind"] for s in ids], dtype="string"),
        "reliability": pd.array([src.at[s, "reliability"] for s in ids], dtype="string"),
        "hops": pd.array([hops[s] for s in ids], dtype="int64"),
    })
    return out


def independence(case, proposition: str) -> pd.DataFrame:
    """How many independent origins each claim about ``proposition`` rests on, and where support is an echo.

    Returns
    -------
    pandas.DataFrame
        One row per claim of the proposition, indexed by ``claim_id``, sorted by publication:
        ``published``, ``source_id`` (the publisher), ``n_cited``, ``n_origins``, ``echo`` and ``origins``.

    Raises
    ------
    KeyError
        When no claim has that proposition.

    Examples
    --------
    >>> import kit
    >>> case = kit.synth.make_case(50)
    >>> prop = case.claims["proposition"].iloc[0]
    >>> d = kit.independence(case, prop)
    >>> list(d.columns)
    ['published', 'source_id', 'n_cited', 'n_origins', 'echo', 'origins']
    """
    ctx = claim_context(case)
    props = ctx["proposition"]
    if not (props == proposition).any():
        raise _unknown("proposition", proposition, props.unique())
    p = provenance(case)
    rows = ctx[props == proposition].sort_values(["published", "claim_id"], kind="stable")
    out = rows.set_index("claim_id")[["published", "source_id"]].join(p)
    out.index = pd.Index(list(out.index), name="claim_id", dtype=object)
    return out


def without(case, source_id: str) -> list[str]:
    """The claims that lose every origin if ``source_id`` is discredited (removed as an origin).

    These are the claims whose only origin is that source. Claims that already rest on nothing
    (a loop with no way out) are not listed: they have nothing to lose.

    Returns
    -------
    list of str
        Claim ids, in the claims table's order.

    Raises
    ------
    KeyError
        When the case has no such source.

    Examples
    --------
    >>> import kit
    >>> case = kit.synth.make_case(50)
    >>> lost = kit.without(case, case.sources["source_id"].iloc[0])
    >>> isinstance(lost, list)
    True
    """
    known = list(case.sources["source_id"])
    if source_id not in set(known):
        raise _unknown("source", source_id, known)
    e = _Engine(case)
    return [c for c in e.claim_ids if e.origins[c] == frozenset([source_id])]
