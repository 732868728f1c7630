"""On whose word does a claim stand: origins, independence and echo for one claim or all of them.

One array engine (:mod:`kit._engine`, whose docstring says how it works) serves :func:`origins`,
:func:`origin_hops`, :func:`independence`, :func:`provenance` and :func:`without`, so their answers agree by
construction. Citations whose basis is not followed (``follow=``) are left out before its arrays are built.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit._engine import Engine, Graph, gather, unique_sorted
from kit.errors import UnknownName
from kit.schema import DEFAULT_FOLLOW

__all__ = ["origins", "origin_hops", "independence", "provenance", "without"]


def provenance(case, *, follow=DEFAULT_FOLLOW) -> pd.DataFrame:
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
    >>> p = kit.provenance(kit.synth.make_case(50))
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


def origins(case, claim_id: str, *, follow=DEFAULT_FOLLOW) -> pd.DataFrame:
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
    >>> case = kit.synth.make_case(50)
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

    def column(name):
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


def _hops(g: Graph, start: int):
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


def origin_hops(case, *, follow=DEFAULT_FOLLOW) -> pd.DataFrame:
    """Every claim's origins with their hops at once: the rows :func:`origins` gives, for all claims.

    The supporting citations are turned into arrays once and walked breadth first from each claim, so this is
    much faster than calling :func:`origins` per claim.

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
    >>> case = kit.synth.make_case(40)
    >>> t = origin_hops(case)
    >>> k = case.claims["claim_id"].iloc[5]
    >>> t[t["claim_id"] == k]["source_id"].tolist() == kit.origins(case, k)["source_id"].tolist()
    True
    """
    g = Graph(case, follow)
    g.cache_publishers()
    claims, sources, hops = [], [], []
    for i in range(g.n):
        found, h = _hops(g, i)
        claims.append(np.full(len(found), i, dtype=np.int64))
        sources.append(found)
        hops.append(h)

    def cat(xs):
        return np.concatenate(xs) if xs else np.zeros(0, dtype=np.int64)

    return pd.DataFrame(
        {
            "claim_id": pd.array(g.claim_ids[cat(claims)].tolist(), dtype="string"),
            "source_id": pd.array(g.source_ids[cat(sources)].tolist(), dtype="string"),
            "hops": pd.array(cat(hops), dtype="int64"),
        }
    )


def independence(case, proposition: str, *, follow=DEFAULT_FOLLOW) -> pd.DataFrame:
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
    >>> case = kit.synth.make_case(50)
    >>> prop = case.claims["proposition"].iloc[0]
    >>> d = kit.independence(case, prop)
    >>> list(d.columns)
    ['published', 'source_id', 'n_cited', 'n_origins', 'echo', 'origins']
    """
    from kit.graph import claim_context
    from kit.shown import in_publication_order

    ctx = claim_context(case)
    props = ctx["proposition"]
    if not (props == proposition).any():
        raise UnknownName("proposition", proposition, props.unique())
    p = provenance(case, follow=follow)
    rows = in_publication_order(ctx[props == proposition])
    out = rows.set_index("claim_id")[["published", "source_id"]].join(p)
    out.index = pd.Index(list(out.index), name="claim_id", dtype=object)
    return out


def without(case, source_id: str, *, follow=DEFAULT_FOLLOW) -> list[str]:
    """The claims that lose every origin if ``source_id`` is discredited (removed as an origin).

    These are the claims whose only origin is that source. Claims that already rest on nothing
    (a loop with no way out) are not listed: they have nothing to lose.

    Parameters
    ----------
    case : kit.Case
    source_id : str
        The source to discredit.
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
        raise UnknownName("source", source_id, known)
    e = Engine(case, follow)
    j = int(np.searchsorted(e.graph.source_ids.astype(str), source_id))
    only = (
        (e.n_origins == 1) & (e.set_idx[e.set_ptr[e.row_of].clip(max=max(len(e.set_idx) - 1, 0))] == j)
        if len(e.set_idx)
        else np.zeros(e.graph.n, dtype=bool)
    )
    return e.graph.claim_ids[only].tolist()
