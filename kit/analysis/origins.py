"""On whose word does a claim stand: origins, independence and echo for one claim or all of them.

One array engine (:mod:`kit.graph.engine`, whose docstring says how it works) serves :func:`origins`,
:func:`origin_hops`, :func:`independence`, :func:`provenance` and :func:`without`, so their answers agree by
construction. Citations whose basis is not followed (``follow=``) are left out before its arrays are built.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from kit.errors import UnknownName
from kit.graph.citation import require_proposition
from kit.graph.engine import Engine, Graph, gather, unique_sorted
from kit.schema import DEFAULT_FOLLOW

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["origins", "origin_hops", "independence", "provenance", "without"]


def provenance(case: Case, *, follow: Iterable[str] = DEFAULT_FOLLOW) -> pd.DataFrame:
    """Origins, independence and echo for every claim of the case at once.

    Computed in one pass over the whole citation graph with array operations (see the module's
    docstring): loops condensed, levels walked in topological order, origin sets propagated as sparse
    boolean rows. The answers equal a per-claim search; only building the output tuples touches each
    claim in Python.

    Parameters
    ----------
    case : kit.Case
    follow : iterable of str, default ("stated", "inferred")
        The citation bases to follow (contract version 2); a citation of another basis counts as absent.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``claim_id`` in the claims table's order, with ``n_cited`` (distinct items the claim
        cites with ``relies_on``/``corroborates``), ``n_origins``, ``echo`` (two or more supports share an
        origin) and ``origins`` (a sorted tuple of source ids). Claims in a loop with no way out of it
        rest on nothing: ``n_origins`` 0.

    Notes
    -----
    A claim resting on very many origins keeps them all: the answer is exact, never truncated or
    estimated. The cost is one stored entry per (claim, origin) pair: memory and time grow with the sum
    of the origin-set sizes (about 12 bytes per pair while computing, plus one tuple slot per pair in
    the result), so a graph where, say, 100,000 claims each rest on 10,000 origins needs about a billion
    entries and will run out of memory rather than give an approximate answer. Claims of one loop share
    a single tuple. Nothing is cached on the case between calls.

    Examples
    --------
    >>> import kit
    >>> p = kit.provenance(kit.testing.synth.make_case(50))
    >>> list(p.columns)
    ['n_cited', 'n_origins', 'echo', 'origins']
    >>> bool((p["n_origins"] == p["origins"].map(len)).all())
    True
    """
    e = Engine(case, follow)
    g = e.graph
    out = pd.DataFrame(
        {
            "n_cited": g.n_cited.astype("int64"),
            "n_origins": e.n_origins.astype("int64"),
            "echo": e.echo.astype(bool),
            "origins": e.origin_tuples(),
        },
        index=pd.Index(g.claim_ids, name="claim_id", dtype=object),
    )
    return out


def origins(case: Case, claim_id: str, *, follow: Iterable[str] = DEFAULT_FOLLOW) -> pd.DataFrame:
    """The origin sources a claim finally rests on, one row each, nearest first.

    Follows ``relies_on`` and ``corroborates`` citations (never ``disputes``) down to sources; a claim
    with no supporting citation rests on its own report's publisher, one hop away.

    Parameters
    ----------
    case : kit.Case
    claim_id : str
        The claim to trace.
    follow : iterable of str, default ("stated", "inferred")
        The citation bases to follow (contract version 2); a citation of another basis counts as absent.

    Returns
    -------
    pandas.DataFrame
        Columns ``source_id``, ``name``, ``kind``, ``reliability``, ``hops`` (the shortest path length),
        sorted by ``hops`` then ``source_id``.

    Raises
    ------
    kit.UnknownName
        (a KeyError) When the case has no such claim; the message suggests the nearest ids.

    Examples
    --------
    >>> import kit
    >>> case = kit.testing.synth.make_case(50)
    >>> o = kit.origins(case, case.claims["claim_id"].iloc[-1])
    >>> list(o.columns)
    ['source_id', 'name', 'kind', 'reliability', 'hops']
    """
    g = Graph(case, follow)
    where = np.flatnonzero(g.claim_ids == claim_id) if isinstance(claim_id, str) else []
    if not len(where):
        raise UnknownName("claim", claim_id, g.claim_ids)
    found, hops = _hops(g, int(where[0]))
    ids = g.source_ids[found].tolist()
    src = case.sources.drop_duplicates("source_id").set_index("source_id")

    def column(name: str) -> pd.api.extensions.ExtensionArray:
        return pd.array(src[name].reindex(ids).to_numpy(dtype=object, na_value=None), dtype="string")

    return pd.DataFrame(
        {
            "source_id": pd.array(ids, dtype="string"),
            "name": column("name"),
            "kind": column("kind"),
            "reliability": column("reliability"),
            "hops": pd.array(hops, dtype="int64"),
        }
    )


def _hops(g: Graph, start: int) -> tuple[np.ndarray, np.ndarray]:
    """Breadth first from claim number ``start``: the origin source numbers, nearest first, and their hops."""
    n = g.n
    seen = np.zeros(n, dtype=bool)
    hops = np.full(g.m, np.iinfo(np.int64).max, dtype=np.int64)
    frontier = np.array([start], dtype=np.int64)
    seen[frontier] = True
    own_claims, own_hops = [], []
    d = 0
    while len(frontier):  # breadth first, a whole distance at a time
        own = frontier[g.n_cited[frontier] == 0]
        own_claims.append(own)
        own_hops.append(np.full(len(own), d + 1, dtype=np.int64))
        _, flat = gather(g.ptr, frontier)
        items = g.b[flat]
        direct = items[items >= n] - n
        hops[direct] = np.minimum(hops[direct], d + 1)
        nxt = unique_sorted(items[items < n])
        frontier = nxt[~seen[nxt]]
        seen[frontier] = True
        d += 1
    np.minimum.at(hops, g.publishers(np.concatenate(own_claims)), np.concatenate(own_hops))
    hops[hops == np.iinfo(np.int64).max] = -1
    found = np.flatnonzero(hops >= 0)  # sorted ids; a stable sort by hops keeps that
    found = found[np.argsort(hops[found], kind="stable")]
    return found, hops[found]


def origin_hops(case: Case, *, follow: Iterable[str] = DEFAULT_FOLLOW) -> pd.DataFrame:
    """Every claim's origins with their hops at once: the rows :func:`origins` gives, for all claims.

    The supporting citations are turned into arrays once and walked breadth first backwards from the origins,
    all claims at once (one walk over the (claim, origin) pairs, not one per claim: a chain or loop of 3,000
    claims takes well under a second); the answers are those of :func:`origins` for each claim.

    Parameters
    ----------
    case : kit.Case
    follow : iterable of str, default ("stated", "inferred")
        The citation bases to follow.

    Returns
    -------
    pandas.DataFrame
        Columns ``claim_id``, ``source_id``, ``hops``; claims in the claims table's order, each claim's origins
        nearest first (then by id).

    See Also
    --------
    origins : one claim's origins with their names and grades.

    Examples
    --------
    >>> import kit
    >>> case = kit.testing.synth.make_case(40)
    >>> t = origin_hops(case)
    >>> k = case.claims["claim_id"].iloc[5]
    >>> t[t["claim_id"] == k]["source_id"].tolist() == kit.origins(case, k)["source_id"].tolist()
    True
    """
    g = Graph(case, follow)
    claim, source, hops = _all_hops(g)
    order = np.lexsort((source, hops, claim))  # claims in their order, nearest origin first, then by id
    return pd.DataFrame(
        {
            "claim_id": pd.array(g.claim_ids[claim[order]].tolist(), dtype="string"),
            "source_id": pd.array(g.source_ids[source[order]].tolist(), dtype="string"),
            "hops": pd.array(hops[order], dtype="int64"),
        }
    )


def _all_hops(g: Graph) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every (claim, origin source, hops) at once: one breadth-first walk backwards from the origins, a whole
    distance at a time, over (claim, source) pairs, so its work follows the number of pairs found, never one walk
    per claim (a chain or loop of 3,000 claims would be walked 3,000 times)."""
    n, m = g.n, g.m
    to_source = g.b >= n
    own = np.flatnonzero(g.n_cited == 0)  # no followed citation: the claim rests on its publisher
    g.cache_publishers()
    first = unique_sorted(
        np.concatenate([g.a[to_source] * m + (g.b[to_source] - n), own * m + g.publishers(own)]).astype(np.int64)
    )
    cited, citing = g.b[~to_source], g.a[~to_source]  # a claim's citing claims: the walk goes backwards
    back = citing[np.argsort(cited, kind="stable")]
    back_ptr = np.concatenate([[0], np.cumsum(np.bincount(cited, minlength=n))]).astype(np.int64)
    seen = set(first.tolist())
    found, dist = [first], [np.ones(len(first), dtype=np.int64)]
    frontier, d = first, 1
    while len(frontier):
        pos, flat = gather(back_ptr, frontier // m)
        reached = unique_sorted(back[flat] * m + (frontier % m)[pos])
        frontier = np.array([c for c in reached.tolist() if c not in seen], dtype=np.int64)
        seen.update(frontier.tolist())
        d += 1
        found.append(frontier)
        dist.append(np.full(len(frontier), d, dtype=np.int64))
    codes = np.concatenate(found)
    return codes // m, codes % m, np.concatenate(dist)


def independence(case: Case, proposition: str, *, follow: Iterable[str] = DEFAULT_FOLLOW) -> pd.DataFrame:
    """How many independent origins each claim about ``proposition`` rests on, and where support is an echo.

    Parameters
    ----------
    case : kit.Case
    proposition : str
        The question the claims answer.
    follow : iterable of str, default ("stated", "inferred")
        The citation bases to follow (contract version 2); a citation of another basis counts as absent.

    Returns
    -------
    pandas.DataFrame
        One row per claim of the proposition, indexed by ``claim_id``, sorted by publication:
        ``published``, ``source_id`` (the publisher), ``n_cited``, ``n_origins``, ``echo`` and ``origins``.

    Raises
    ------
    kit.UnknownName
        (a KeyError) When no claim has that proposition.

    Examples
    --------
    >>> import kit
    >>> case = kit.testing.synth.make_case(50)
    >>> prop = case.claims["proposition"].iloc[0]
    >>> d = kit.independence(case, prop)
    >>> list(d.columns)
    ['published', 'source_id', 'n_cited', 'n_origins', 'echo', 'origins']
    """
    from kit.analysis.selection import in_publication_order
    from kit.graph.citation import claim_context

    ctx = claim_context(case)
    props = ctx["proposition"]
    require_proposition(case, proposition)
    p = provenance(case, follow=follow)
    rows = in_publication_order(ctx[props == proposition])
    out = rows.set_index("claim_id")[["published", "source_id"]].join(p)
    out.index = pd.Index(list(out.index), name="claim_id", dtype=object)
    return out


def without(case: Case, *source_ids: str, follow: Iterable[str] = DEFAULT_FOLLOW) -> list[str]:
    """The claims that lose every origin if the sources ``source_ids`` are all discredited (removed as origins).

    These are the claims whose origins are all among those sources. Claims that already rest on nothing (a loop
    with no way out) are not listed: they have nothing to lose. Every view that asks "what falls?" (the tracer, the
    explorable graph, the Datasette query) asks this.

    Parameters
    ----------
    case : kit.Case
    *source_ids : str
        The sources to discredit (one or more; none gives an empty list).
    follow : iterable of str, default ("stated", "inferred")
        The citation bases to follow (contract version 2); a citation of another basis counts as absent.

    Returns
    -------
    list of str
        Claim ids, in the claims table's order.

    Raises
    ------
    kit.UnknownName
        (a KeyError) When the case has no such source.

    See Also
    --------
    origins : the origins of one claim.

    Examples
    --------
    >>> import kit
    >>> from kit.testing import examples
    >>> case = examples.diamond()
    >>> kit.without(case, "paper-b"), kit.without(case, "wire-a", "paper-b")
    ([], ['wire-a-12', 'paper-b-12', 'paper-c-12', 'site-d-12'])
    """
    known = list(case.sources["source_id"])
    known_set = set(known)
    gone = list(dict.fromkeys(str(s) for s in source_ids))
    for s in gone:
        if s not in known_set:
            raise UnknownName("source", s, known)
    e = Engine(case, follow)
    if not gone or not len(e.set_idx):
        return []
    ids = e.graph.source_ids.astype(str)
    js = np.searchsorted(ids, gone)
    in_gone = np.isin(e.set_idx, js)
    counted = np.concatenate([[0], np.cumsum(in_gone)])
    ptr = e.set_ptr
    lost_row = (ptr[1:] > ptr[:-1]) & (counted[ptr[1:]] - counted[ptr[:-1]] == ptr[1:] - ptr[:-1])
    return e.graph.claim_ids[lost_row[e.row_of]].tolist()
