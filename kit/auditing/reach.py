"""Which pairs of claims the tables already explain: a followed chain of supporting citations leads there.

One function, :func:`explained_pairs`. Which citations are followed is the kit's one rule,
:func:`kit.graph.citation.followed_mask` (supporting relation, basis in ``follow``; a missing or empty basis means
``stated``).
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from kit.auditing.ids import arrow_strings, positions
from kit.auditing.minhash import distinct, member
from kit.graph.citation import followed_mask
from kit.schema import DEFAULT_FOLLOW

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["explained_pairs", "explained_rows", "shared_origin_rows"]


def explained_pairs(case: Case, pairs, follow=DEFAULT_FOLLOW) -> np.ndarray:
    """For each ``(claim_id, cites)`` pair: does a followed chain of supporting citations lead from one to the other?

    Parameters
    ----------
    case : kit.Case
    pairs : pandas.DataFrame with columns ``claim_id`` and ``cites``, or a sequence of 2-tuples
    follow : tuple of str
        The citation bases followed.

    Returns
    -------
    numpy.ndarray of bool
        False where either id is not a claim of the case.

    Notes
    -----
    The graph is the claims and their followed citations of other claims. A pair whose citing claim cites
    nothing is answered without a search, a direct citation by a lookup; then all the other pairs' chains are
    walked together, a step at a time in arrays, for up to 8 steps; what is left then gets one
    ``scipy.sparse.csgraph.breadth_first_order`` per distinct citing claim.

    Examples
    --------
    >>> import kit
    >>> case = kit.testing.synth.make_case(300, seed=2)
    >>> cit = case.citations
    >>> first = cit[cit["cites"].isin(case.claims["claim_id"])].iloc[0]
    >>> explained_pairs(case, [(first["claim_id"], first["cites"]), (first["cites"], first["claim_id"])]).tolist()
    [True, False]
    """
    if isinstance(pairs, pd.DataFrame):
        a_ids, b_ids = pairs["claim_id"], pairs["cites"]
    else:
        pairs = list(pairs)
        a_ids = pd.Series([p[0] for p in pairs], dtype=object)
        b_ids = pd.Series([p[1] for p in pairs], dtype=object)
    if len(a_ids) == 0:
        return np.zeros(0, dtype=bool)
    claim_ids = _edges(case, tuple(follow))[0]
    return explained_rows(case, positions(a_ids, claim_ids), positions(b_ids, claim_ids), follow)


def explained_rows(case: Case, pa, pb, follow=DEFAULT_FOLLOW) -> np.ndarray:
    """:func:`explained_pairs` for pairs given as rows of ``case.claims`` (-1: not a claim; never explained).

    Parameters
    ----------
    case : kit.Case
    pa, pb : numpy.ndarray of int
        Rows of the citing and the cited claim.
    follow : tuple of str

    Returns
    -------
    numpy.ndarray of bool

    Examples
    --------
    >>> import kit
    >>> case = kit.testing.synth.make_case(300, seed=2)
    >>> ids = list(case.claims["claim_id"])
    >>> cit = case.citations[case.citations["cites"].isin(ids)].iloc[0]
    >>> a, b = ids.index(cit["claim_id"]), ids.index(cit["cites"])
    >>> explained_rows(case, np.array([a, b, -1]), np.array([b, a, b])).tolist()
    [True, False, False]
    """
    from scipy import sparse
    from scipy.sparse.csgraph import breadth_first_order

    pa, pb = np.asarray(pa, dtype=np.int64), np.asarray(pb, dtype=np.int64)
    out = np.zeros(len(pa), dtype=bool)
    if len(out) == 0:
        return out
    claim_ids, ea, eb, _, _, edge_keys = _edges(case, tuple(follow))
    n = len(claim_ids)
    valid = (pa >= 0) & (pb >= 0)
    out_degree = np.bincount(ea, minlength=n)
    todo = valid & (out_degree[np.maximum(pa, 0)] > 0)
    if not todo.any():
        return out
    direct = member(pa.astype(np.int64) * n + pb, edge_keys)
    out[todo & direct] = True
    todo &= ~direct
    if not todo.any():
        return out
    rows = np.flatnonzero(todo)
    rows = rows[~_search_together(ea, eb, n, pa[rows], pb[rows], out, rows)]
    if len(rows) == 0:
        return out
    # the few left after several steps: one breadth-first search per citing claim (float64 data: the dtype
    # csgraph works in, so that no call converts the matrix again)
    adj = sparse.csr_matrix((np.ones(len(ea)), (ea, eb)), shape=(n, n))
    rows = rows[np.argsort(pa[rows], kind="stable")]
    cuts = np.flatnonzero(np.diff(pa[rows])) + 1
    for these in np.split(rows, cuts):
        reached = breadth_first_order(adj, int(pa[these[0]]), directed=True, return_predecessors=False)
        out[these] = member(pb[these], reached)
    return out


def _search_together(ea, eb, n, src, dst, out, rows, *, steps: int = 8, budget: int = 20_000_000):
    """Walk all pairs' chains at once, a step at a time, as arrays; mark ``out[rows]`` where ``dst`` is reached.

    Returns True for the pairs settled (reached, or nothing more to walk); the rest (long chains, or more than
    ``budget`` open paths in all) are left to a breadth-first search.
    """
    order = np.argsort(ea, kind="stable")
    nb = eb[order]
    ptr = np.concatenate([[0], np.cumsum(np.bincount(ea, minlength=n))])
    settled = np.zeros(len(rows), dtype=bool)
    f_pair, f_node = np.arange(len(rows)), src.astype(np.int64)
    seen = f_pair.astype(np.int64) * n + f_node
    for _ in range(steps):
        deg = ptr[f_node + 1] - ptr[f_node]
        if int(deg.sum()) > budget:
            break
        pair = np.repeat(f_pair, deg)
        first = np.repeat(ptr[f_node] - (np.cumsum(deg) - deg), deg)
        node = nb[first + np.arange(len(pair))].astype(np.int64)
        hit = node == dst[pair]
        if hit.any():
            done = np.zeros(len(rows), dtype=bool)
            done[pair[hit]] = True
            out[rows[done]] = True
            settled |= done
            node, pair = node[~done[pair]], pair[~done[pair]]
        key = distinct(pair.astype(np.int64) * n + node)
        key = key[~member(key, seen)]
        seen = np.concatenate([seen, key])
        f_pair, f_node = key // n, key % n
        open_ = np.zeros(len(rows), dtype=bool)
        open_[f_pair] = True
        settled |= ~open_
        if len(f_pair) == 0:
            return settled
    return settled


def shared_origin_rows(case: Case, pa, pb, follow=DEFAULT_FOLLOW) -> np.ndarray:
    """For pairs of claim rows: do both claims rest, by a followed supporting citation, on one same *source*?

    Two outlets that each cite the same speaker (a person, a body, a document: an id of ``sources.csv``, not a
    claim) for the words they share rest on that speaker, not on each other: a quotation both give, stored without
    its quotation marks (as ``kit draft`` stores a quoted statement), is the speaker's words. The audit counts such
    a pair as explained by the tables (issue 22: a shared quotation is a shared origin, not copying).

    Parameters
    ----------
    case : kit.Case
    pa, pb : numpy.ndarray of int
        Rows of ``case.claims`` (-1: not a claim; never explained).
    follow : tuple of str
        The citation bases followed (:func:`kit.graph.citation.followed_mask`).

    Returns
    -------
    numpy.ndarray of bool

    Examples
    --------
    >>> import kit
    >>> case = kit.testing.synth.make_case(300, seed=2)
    >>> cit = case.citations
    >>> ids = list(case.claims["claim_id"])
    >>> on_source = cit[~cit["cites"].isin(ids)]
    >>> by_source = on_source.groupby("cites")["claim_id"].unique()
    >>> both = [list(c) for c in by_source if len(c) > 1][0]
    >>> rows = np.array([ids.index(both[0])]), np.array([ids.index(both[1])])
    >>> shared_origin_rows(case, *rows).tolist(), shared_origin_rows(case, rows[0], np.array([-1])).tolist()
    ([True], [False])
    """
    pa = np.asarray(pa, dtype=np.int64)
    pb = np.asarray(pb, dtype=np.int64)
    out = np.zeros(len(pa), dtype=bool)
    key, span = _edges(case, tuple(follow))[3:5]
    if len(key) == 0 or len(pa) == 0:
        return out
    row = key // span
    start = np.searchsorted(row, pa, side="left")
    count = np.where(pa >= 0, np.searchsorted(row, pa, side="right") - start, 0)
    pair = np.repeat(np.arange(len(pa)), count)
    if len(pair) == 0:
        return out
    offset = np.arange(len(pair)) - np.repeat(np.cumsum(count) - count, count)
    source = key[start[pair] + offset] % span
    want = np.where(pb[pair] >= 0, pb[pair] * span + source, -1)
    at = np.minimum(np.searchsorted(key, want), len(key) - 1)
    hit = key[at] == want
    return np.bincount(pair[hit], minlength=len(pa)) > 0


_LAST: list = []


def _edges(case: Case, follow):
    """The claims' index, the followed claim -> claim citations as positions, the followed claim -> source
    citations as sorted keys ``row * span + source code`` with their ``span``, and the claim -> claim citations as
    sorted keys ``row * n + row`` (the last case's kept)."""
    key = (id(case.claims), id(case.citations), follow)
    if _LAST and _LAST[0][0] == key and _LAST[0][1]() is case.claims and _LAST[0][2]() is case.citations:
        return _LAST[0][3]
    claim_ids = arrow_strings(case.claims["claim_id"])
    cit = case.citations[followed_mask(case.citations, follow)]
    import pyarrow as pa

    # both columns in one look-up: the claims' index is built once
    both = positions(pa.concat_arrays([arrow_strings(cit["claim_id"]), arrow_strings(cit["cites"])]), claim_ids)
    ea, eb = both[: len(cit)], both[len(cit) :]
    ok = (ea >= 0) & (eb >= 0)
    # a citation of a source (not a claim) by a claim: shared_origin_rows' keys
    on_source = (ea >= 0) & (eb < 0)
    codes, uniques = pd.factorize(cit["cites"].to_numpy()[on_source])
    span = max(len(uniques), 1)
    origins = np.unique(ea[on_source].astype(np.int64) * span + codes)
    value = (claim_ids, ea[ok], eb[ok], origins, span, np.sort(ea[ok].astype(np.int64) * len(claim_ids) + eb[ok]))
    _LAST[:] = [(key, weakref.ref(case.claims), weakref.ref(case.citations), value)]
    return value
