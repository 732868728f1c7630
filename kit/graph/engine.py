"""The array engine behind :mod:`kit.provenance` (private: its names may change; use the functions of kit.provenance).

One engine serves :func:`origins`, :func:`independence`, :func:`provenance` and :func:`without`, so
their answers agree by construction. It works on arrays, never a Python loop or a search per claim:

1. the supporting citations (``relies_on``, ``corroborates``) become integer edges, claim -> claim or
   claim -> source (``disputes`` are never followed);
2. citation loops are condensed with ``scipy.sparse.csgraph.connected_components(connection="strong")``;
3. the condensed graph is cut into levels (a level's nodes cite only nodes of lower levels), peeled
   from the claims that cite no other claim upwards, with numpy;
4. origin sets are sparse boolean rows (node x source), computed a level at a time as
   ``own origins + (citations of the level) @ (rows of the levels below)`` with scipy's sparse product.

A claim's own origins are the sources it cites directly, or its publisher when it has no supporting
citation at all ("own reporting"). :func:`origins` walks the same integer edges breadth-first from one
claim to give each origin's ``hops``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from kit.graph.citation import followed_mask
from kit.schema import DEFAULT_FOLLOW

if TYPE_CHECKING:
    import pyarrow as pa
    from pandas._libs.hashtable import StringHashTable

    from kit.case import Case

__all__ = ["Graph", "Engine", "Lookup", "ids_array", "arrow_strings", "gather", "unique_sorted"]


def ids_array(values: np.ndarray | pd.Series | pd.Index | pd.api.extensions.ExtensionArray) -> np.ndarray:
    """A column of ids as a numpy array of Python strings (no copy for the kit's string columns).

    Parameters
    ----------
    values : numpy.ndarray, pandas.Series, pandas.Index or pandas ExtensionArray
        The ids.

    Returns
    -------
    numpy.ndarray of object
    """
    if isinstance(values, np.ndarray):
        return values if values.dtype == object else values.astype(object)
    if isinstance(values, (pd.Series, pd.Index, pd.api.extensions.ExtensionArray)):
        return np.asarray(values.to_numpy(dtype=object), dtype=object)
    return np.asarray(list(values), dtype=object)


def arrow_strings(values: pd.Series | pd.Index | pd.api.extensions.ExtensionArray | np.ndarray) -> pa.Array | None:
    """``values`` as a pyarrow array when they are Arrow-backed strings already, else None (no conversion).

    Parameters
    ----------
    values : pandas.Series, pandas.Index or array
        A column of strings.

    Returns
    -------
    pyarrow.Array or None
    """
    arr = values.array if isinstance(values, (pd.Series, pd.Index)) else values
    dtype = getattr(arr, "dtype", None)
    if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow":
        import pyarrow as pa

        out = pa.array(arr)
        return out.combine_chunks() if isinstance(out, pa.ChunkedArray) else out
    return None


class Lookup:
    """Positions of ids in an array of unique ids (-1 when absent).

    Arrow-backed strings are looked up with ``pyarrow.compute.index_in`` (C++, no Python objects made);
    other strings with pandas' string hash table, built once.
    """

    def __init__(self, ids: np.ndarray | pd.Series | pd.Index | pd.api.extensions.ExtensionArray) -> None:
        self.source = ids
        self.table: StringHashTable | None = None
        self.index: pd.Index | None = None
        self.arrow: pa.Array | None = None

    def _hashed(self) -> None:
        if self.table is None and self.index is None:
            ids = ids_array(self.source)
            try:  # pandas' string hash table: the fastest exact lookup of Python strings pandas offers
                from pandas._libs.hashtable import StringHashTable

                self.table = StringHashTable(max(len(ids), 1))
                self.table.map_locations(ids)
            except Exception:  # noqa: BLE001  # pragma: no cover - other pandas versions, or ids not all str
                self.table, self.index = None, pd.Index(ids, dtype=object)

    def __call__(
        self, values: np.ndarray | pd.Series | pd.api.extensions.ExtensionArray, runs: bool = False
    ) -> np.ndarray:
        """Positions of ``values``; with ``runs``, runs of equal values are looked up once."""
        if len(values) == 0:
            return np.zeros(0, dtype=np.int64)
        queried = arrow_strings(values)
        if queried is not None:
            import pyarrow as pa
            import pyarrow.compute as pc

            if self.arrow is None:
                self.arrow = arrow_strings(self.source)
                if self.arrow is None:
                    self.arrow = pa.array(ids_array(self.source), type=queried.type)
            found = pc.index_in(queried.cast(self.arrow.type), value_set=self.arrow)
            return np.asarray(pc.fill_null(found, -1).to_numpy(zero_copy_only=False), dtype=np.int64)
        obj = ids_array(values)
        if runs:
            heads = np.flatnonzero(np.concatenate([[True], obj[1:] != obj[:-1]]))
            if len(heads) < 0.7 * len(obj):
                return np.repeat(self(obj[heads]), np.diff(np.append(heads, len(obj))))
        self._hashed()
        if self.table is not None:
            try:
                return self.table.lookup(obj).astype(np.int64)
            except Exception:  # noqa: BLE001  # pragma: no cover - a value that is not a str
                self.table, self.index = None, pd.Index(ids_array(self.source), dtype=object)
        assert self.index is not None  # _hashed() set it when there is no string hash table
        return self.index.get_indexer(obj).astype(np.int64)


def unique_sorted(x: np.ndarray) -> np.ndarray:
    """``np.unique`` for integers, by sorting (numpy's hash-based unique is far slower on millions).

    Parameters
    ----------
    x : numpy.ndarray of int

    Returns
    -------
    numpy.ndarray
        The distinct values, sorted.

    Examples
    --------
    >>> unique_sorted(np.array([3, 1, 3, 2])).tolist()
    [1, 2, 3]
    """
    x = np.sort(x)
    return x[np.concatenate([[True], x[1:] != x[:-1]])] if len(x) else x


def gather(indptr: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For CSR ``indptr`` and some ``rows``: (position in ``rows``, flat index) of every entry of those rows.

    Parameters
    ----------
    indptr : numpy.ndarray of int
        A CSR matrix's row pointers.
    rows : numpy.ndarray of int
        Some of its rows.

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        For every entry of those rows, the position of its row in ``rows`` and its index into the CSR data.
    """
    starts = indptr[rows]
    lengths = indptr[rows + 1] - starts
    total = int(lengths.sum())
    owner = np.repeat(np.arange(len(rows)), lengths)
    if total == 0:
        return owner, np.zeros(0, dtype=np.int64)
    offsets = np.cumsum(lengths) - lengths
    flat = np.arange(total, dtype=np.int64) - np.repeat(offsets - starts, lengths)
    return owner, flat


class Graph:
    """The case's supporting citations as integer arrays.

    Claims are numbered 0..n-1 in claims-table order; sources 0..m-1 in sorted id order (so sorting
    source numbers sorts their ids). ``ptr``/``b`` is a CSR list of each claim's distinct supports,
    where an item below ``n`` is a claim and ``n + j`` is source ``j``; ``a`` is the citing claim of
    each entry.
    """

    def __init__(self, case: Case, follow: Iterable[str] = DEFAULT_FOLLOW):
        self.case = case
        claims, cit = case.claims, case.citations
        self.claim_ids = ids_array(claims["claim_id"])
        n = self.n = len(self.claim_ids)
        supporting = followed_mask(cit, follow)  # citations not followed are left out before any array is built
        citing = cit["claim_id"].array[supporting]
        cited = cit["cites"].array[supporting]

        claim_index = Lookup(claims["claim_id"])
        a = claim_index(citing, runs=True)
        cited_claim = claim_index(cited)
        cited_other = ids_array(cited[cited_claim < 0])
        # every id that can be an origin: the sources table, plus (only in a case that was never checked)
        # publishers or cited ids missing from it
        source_ids = ids_array(case.sources["source_id"])
        known = Lookup(source_ids)
        extra = ids_array(
            pd.unique(np.concatenate([ids_array(pd.unique(case.reports["source_id"].array)), cited_other]))
        )
        missing = extra[known(extra) < 0]
        if len(missing):
            source_ids = np.concatenate([source_ids, missing])
        self.source_ids = np.sort(pd.unique(source_ids).astype(str)).astype(object)
        m = self.m = len(self.source_ids)
        self.source_index = Lookup(self.source_ids)

        b = cited_claim.copy()
        b[cited_claim < 0] = n + self.source_index(cited_other)
        keep = a >= 0
        key = unique_sorted(a[keep] * (n + m) + b[keep])  # distinct (claim, item) pairs, sorted by claim
        self.a, self.b = key // (n + m), key % (n + m)
        self.n_cited = np.bincount(self.a, minlength=n).astype(np.int64)
        self.ptr = np.concatenate([[0], np.cumsum(self.n_cited)]).astype(np.int64)

    def publishers(self, claims: np.ndarray) -> np.ndarray:
        """The source number of each given claim's publisher."""
        every = getattr(self, "_every_publisher", None)
        if every is not None:
            return every[claims]
        case = self.case
        if len(claims) == 0:
            return np.zeros(0, dtype=np.int64)
        wanted = ids_array(case.claims["report_id"].array[claims])
        uniq = pd.unique(wanted)
        # look every report up in a small table of the wanted ones (cheaper than hashing all reports)
        hit = Lookup(uniq)(case.reports["report_id"])
        found = np.flatnonzero(hit >= 0)
        report = np.full(len(uniq), -1, dtype=np.int64)
        report[hit[found]] = found
        return self.source_index(ids_array(case.reports["source_id"].array[report[Lookup(uniq)(wanted)]]))

    def cache_publishers(self) -> None:
        """Look every claim's publisher up once, for callers that ask about many claims one at a time."""
        self._every_publisher = None
        self._every_publisher = self.publishers(np.arange(self.n, dtype=np.int64))


class Engine:
    """Origin sets for every claim of a case, computed once in arrays (see the module's docstring)."""

    def __init__(self, case: Case, follow: Iterable[str] = DEFAULT_FOLLOW):
        from scipy import sparse
        from scipy.sparse.csgraph import connected_components

        g = self.graph = Graph(case, follow)
        n, m = g.n, g.m
        a, b = g.a, g.b
        to_claim = b < n
        # 1. condense loops
        adj = sparse.csr_matrix((np.ones(int(to_claim.sum()), dtype=bool), (a[to_claim], b[to_claim])), shape=(n, n))
        k, comp = connected_components(adj, directed=True, connection="strong") if n else (0, np.zeros(0, int))
        comp = comp.astype(np.int64)
        ca, cb = comp[a[to_claim]], comp[b[to_claim]]
        cross = ca != cb
        ca, cb = ca[cross], cb[cross]  # condensed edges (repeats are harmless below)
        # 2. levels: a node's level is one more than the highest level it cites; peel from level 0 up
        level = np.full(k, -1, dtype=np.int64)
        cited_by = sparse.csr_matrix((np.ones(len(ca), dtype=bool), (cb, ca)), shape=(k, k))
        rptr, rsrc = cited_by.indptr.astype(np.int64), cited_by.indices.astype(np.int64)
        remaining = np.diff(sparse.csr_matrix(cited_by.T).indptr).astype(np.int64)
        frontier = np.flatnonzero(remaining == 0)
        depth = 0
        while len(frontier):
            level[frontier] = depth
            _, flat = gather(rptr, frontier)
            hit = np.sort(rsrc[flat])
            first = np.flatnonzero(np.concatenate([[True], hit[1:] != hit[:-1]])) if len(hit) else hit
            citers, counts = hit[first], np.diff(np.append(first, len(hit)))
            remaining[citers] -= counts
            frontier = citers[remaining[citers] == 0]
            depth += 1
        self.depth = depth
        small = np.int16 if depth < 2**15 else np.int64  # numpy sorts int16 by radix: linear time
        order = np.argsort(level.astype(small), kind="stable")  # condensed nodes, level by level
        pos = np.empty(k, dtype=np.int64)
        pos[order] = np.arange(k)
        bounds = np.searchsorted(level[order], np.arange(depth + 1))
        # own origins of each node: sources cited directly, or the publisher of a claim without support
        to_src = ~to_claim
        own_rows = np.concatenate([pos[comp[a[to_src]]], pos[comp[g.n_cited == 0]]])
        own_cols = np.concatenate([b[to_src] - n, g.publishers(np.flatnonzero(g.n_cited == 0))])
        own = sparse.csr_matrix((np.ones(len(own_rows), dtype=bool), (own_rows, own_cols)), shape=(k, m))
        own.sum_duplicates()
        # condensed edges in level order, grouped by citing level
        eorder = np.argsort(level[ca].astype(small), kind="stable")
        ea, eb = pos[ca[eorder]], pos[cb[eorder]]
        ebounds = np.searchsorted(level[ca[eorder]], np.arange(depth + 1))
        # 3. origin sets, a level at a time, into one growing CSR (rows in level order)
        idx_dtype: type[np.signedinteger] = np.int32  # scipy keeps int32 index arrays as they are (no copy per level)
        indptr = np.zeros(k + 1, dtype=idx_dtype)
        indices = np.zeros(max(16, own.nnz * 2), dtype=idx_dtype)
        nnz = 0
        for lv in range(depth):
            lo, hi = bounds[lv], bounds[lv + 1]
            rows = own[lo:hi]
            e0, e1 = ebounds[lv], ebounds[lv + 1]
            if e1 > e0:
                below = sparse.csr_matrix(
                    (np.ones(nnz, dtype=bool), indices[:nnz], indptr[: lo + 1]), shape=(lo, m), copy=False
                )
                step = sparse.csr_matrix(
                    (np.ones(e1 - e0, dtype=bool), (ea[e0:e1] - lo, eb[e0:e1])), shape=(hi - lo, lo)
                )
                rows = (rows + step @ below).tocsr()
            rows.sum_duplicates()
            add = rows.nnz
            if nnz + add >= np.iinfo(idx_dtype).max:
                idx_dtype = np.int64
                indptr, indices = indptr.astype(idx_dtype), indices.astype(idx_dtype)
            if nnz + add > len(indices):
                indices = np.concatenate(
                    [indices, np.zeros(max(nnz + add, 2 * len(indices)) - len(indices), dtype=idx_dtype)]
                )
            indices[nnz : nnz + add] = rows.indices
            indptr[lo + 1 : hi + 1] = nnz + rows.indptr[1:]
            nnz += add
        sets = sparse.csr_matrix((np.ones(nnz, dtype=bool), indices[:nnz], indptr), shape=(k, m))
        sets.sort_indices()
        self.set_ptr, self.set_idx = sets.indptr.astype(np.int64), sets.indices.astype(np.int64)
        self.row_of = pos[comp] if n else np.zeros(0, dtype=np.int64)  # claim -> its node's row
        sizes = np.diff(self.set_ptr)
        self.n_origins = sizes[self.row_of].astype(np.int64)
        # 4. echo: some origin is reached through two or more supports, i.e. the supports' origin sets,
        # counted with repeats, hold more than their union.
        item_size = np.concatenate([self.n_origins, np.ones(m, dtype=np.int64)])
        with_repeats = np.bincount(a, weights=item_size[b], minlength=n).astype(np.int64)
        # for a claim outside a loop the union is its own origin set; inside one, count it
        union = self.n_origins.copy()
        comp_size = np.bincount(comp, minlength=k)
        looped = comp_size[comp] > 1
        looped[a[a == b]] = True  # a claim citing itself
        lc = np.flatnonzero(looped)
        if len(lc):
            owner, flat = gather(g.ptr, lc)
            items = b[flat]
            claim_items = items < n
            src_owner = owner[~claim_items]
            src_vals = items[~claim_items] - n
            o2, f2 = gather(self.set_ptr, self.row_of[items[claim_items]])
            all_owner = np.concatenate([src_owner, owner[claim_items][o2]])
            all_vals = np.concatenate([src_vals, self.set_idx[f2]])
            pairs = unique_sorted(all_owner * max(m, 1) + all_vals)
            union[lc] = np.bincount(pairs // max(m, 1), minlength=len(lc))
        self.echo = with_repeats > union

    def origin_tuples(self) -> np.ndarray:
        """A sorted tuple of source ids per claim; claims with the same origin set share one tuple object.

        Sets of up to three origins (most of them) are encoded exactly as one integer each, so equal sets
        are found by sorting; a tuple is built once per distinct small set and once per larger set.
        """
        import gc

        ptr, idx = self.set_ptr, self.set_idx
        rows = len(ptr) - 1
        size = np.diff(ptr)
        base = self.graph.m + 1
        small = (size <= 3) & (base**3 * 4 < 2**62)
        key = np.zeros(rows, dtype=np.int64)
        for j in range(3):  # key = (size, first, second, third) in base m + 1
            has = small & (size > j)
            digit = np.zeros(rows, dtype=np.int64)
            digit[has] = idx[ptr[:-1][has] + j] + 1
            key = key * base + digit
        key = np.where(small, key + size * base**3, -1)
        distinct, first, inverse = (
            np.unique(key[small], return_index=True, return_inverse=True)
            if small.any()
            else (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64))
        )
        build = np.concatenate([np.flatnonzero(small)[first], np.flatnonzero(~small)])
        starts, ends = ptr[build], ptr[build + 1]
        flat = self.graph.source_ids[idx].tolist()
        enabled = gc.isenabled()
        gc.disable()  # a million new tuples: no cycle hunting meanwhile
        try:
            made = np.fromiter(
                (tuple(flat[i:j]) for i, j in zip(starts.tolist(), ends.tolist(), strict=False)),
                dtype=object,
                count=len(build),
            )
        finally:
            if enabled:
                gc.enable()
        per_row = np.empty(rows, dtype=object)
        per_row[np.flatnonzero(small)] = made[: len(distinct)][inverse]
        per_row[np.flatnonzero(~small)] = made[len(distinct) :]
        return per_row[self.row_of]
