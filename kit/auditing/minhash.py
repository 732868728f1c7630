"""Candidate pairs of similar texts: MinHash signatures and locality-sensitive hashing, in numpy arrays.

A text is the *set* of its content words (:mod:`kit.auditing.text`). Its MinHash signature holds, for each of
``bands * rows`` hash functions, the smallest hash of its words; two texts agree on one entry with probability
equal to the Jaccard similarity ``J`` of their sets. Texts that agree on all ``rows`` entries of at least one band
become a candidate pair: probability ``1 - (1 - J**rows)**bands``. With the default 30 bands of 3 rows a copy with
about one word in ten changed (``J`` about 0.8) is a candidate with probability 1 - 5e-10, a heavily edited one
(``J`` about 0.5: a short text with several edits, or a copy of a copy) with 0.98, and two texts of one story that
share only a stock phrase and a few topic words (``J`` about 0.15) with probability 0.1. Candidates are only
candidates: the signatures must also agree on :data:`kit.auditing.groups.MIN_SIMILARITY` of their entries, and the
exact check (:mod:`kit.auditing.signals`) decides.

Why 30 bands of 3 rows (90 hash functions) rather than the 20 bands of 4 rows used first: at 100,000 synthetic
claims (``benchmarks/bench_audit.py``) the hidden copies that 20 x 4 missed were heavily edited short texts with
``J`` between 0.45 and 0.7 (probability 0.57 to 0.996 of becoming a candidate); 30 x 3 gives 0.94 to 1 there, for
about twice the candidate pairs, most of them dropped cheaply by the ``MIN_SIMILARITY`` test on the signatures.

The hash functions are ``h_k(x) = (a_k * x + b_k) mod 2**64`` on a 64-bit mix of the word id (odd random ``a_k``),
each product giving two (its low and high 32 bits); whole-array numpy, against ``datasketch`` in the benchmark.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd

from kit.auditing.hashing import mix64, stable_order
from kit.graph.engine import unique_sorted

__all__ = [
    "BANDS",
    "ROWS",
    "WINDOW",
    "estimated_similarity",
    "distinct",
    "member",
    "signatures",
    "word_hashes",
    "band_keys",
    "bucket_pairs",
    "candidate_pairs",
    "collision_probability",
]

#: LSH bands of the MinHash signature
BANDS = 30
#: hash rows per band (BANDS * ROWS hashes in all)
ROWS = 3
#: each text pairs only with the ``WINDOW`` texts before it in its LSH bucket (and with the bucket's first).
#: A bucket of more texts than that holds a band value common in the case (a frequent word, a stock phrase's):
#: its pairs are almost all unrelated texts, and a copy agrees with its source on the bands of its rarer words
#: too. 100 (the first value) tested about 7 times the pairs at 1,000,000 held-out claims (BENCHMARKS.md).
WINDOW = 10


def distinct(x: np.ndarray) -> np.ndarray:
    """The distinct values of an integer array, sorted (:func:`kit.graph.engine.unique_sorted`: by sorting, for
    ``np.unique`` hashes, which is slower here).

    Parameters
    ----------
    x : numpy.ndarray of integers

    Returns
    -------
    numpy.ndarray

    Examples
    --------
    >>> distinct(np.array([3, 1, 3, 2])).tolist()
    [1, 2, 3]
    """
    return unique_sorted(np.asarray(x))


def member(values: np.ndarray, of: np.ndarray) -> np.ndarray:
    """``np.isin(values, of)`` for integer arrays, with pandas' hash table (a binary search per value, as
    ``np.isin`` does, is several times slower on large arrays), or, for a few values against a large array that
    is sorted already, a binary search per value.

    Parameters
    ----------
    values, of : numpy.ndarray of integers

    Returns
    -------
    numpy.ndarray of bool
        ``True`` where the value is in ``of``.

    Examples
    --------
    >>> member(np.array([1, 5, 2]), np.array([2, 3, 1])).tolist()
    [True, False, True]
    """
    values, of = np.asarray(values), np.asarray(of)
    if values.dtype == np.uint64:
        values, of = values.view(np.int64), of.astype(np.uint64).view(np.int64)
    if 4 * len(values) < len(of) and values.dtype == of.dtype and bool(np.all(of[1:] >= of[:-1])):
        # a few values against a large sorted array (the cited pairs, the citations): a binary search per value
        # costs less than a hash table of the whole array
        at = np.minimum(np.searchsorted(of, values), len(of) - 1)
        return of[at] == values
    return pd.Series(values, copy=False).isin(pd.Series(of, copy=False)).to_numpy(dtype=bool)


def collision_probability(j, bands: int = BANDS, rows: int = ROWS):
    """The chance that two texts of Jaccard similarity ``j`` become a candidate pair.

    Parameters
    ----------
    j : float or numpy.ndarray
        Jaccard similarity.
    bands, rows : int

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    >>> round(float(collision_probability(0.5)), 3), round(float(collision_probability(0.15)), 3)
    (0.982, 0.096)
    >>> round(float(collision_probability(0.5, bands=20, rows=4)), 3)
    0.725
    """
    return 1 - (1 - np.asarray(j, dtype=float) ** rows) ** bands


def signatures(
    ptr: np.ndarray, ids: np.ndarray, *, n_hashes: int = BANDS * ROWS, seed: int = 1, chunk: int = 1 << 11
) -> np.ndarray:
    """MinHash signatures of the word-id sets ``ids[ptr[i]:ptr[i+1]]``.

    Parameters
    ----------
    ptr, ids : numpy.ndarray
        A CSR list of word ids per text (as :class:`kit.auditing.text.Corpus` holds them).
    n_hashes : int
        Signature length (even).
    seed : int
        Seeds the hash functions: the same seed gives the same signatures.
    chunk : int
        Texts of one length hashed at a time, word position by word position, all the hash functions at once (a
        block of ``chunk * n_hashes * 4`` bytes stays in the processor's cache; ``np.minimum.reduceat`` per text
        was twice as slow).

    Returns
    -------
    numpy.ndarray of uint32, shape (n_texts, n_hashes)
        Rows of texts with no words are all ``2**32 - 1``.

    Examples
    --------
    >>> s = signatures(np.array([0, 3, 6, 6]), np.array([1, 2, 3, 1, 2, 3]))
    >>> s.shape, bool((s[0] == s[1]).all()), bool((s[2] == 2**32 - 1).all())
    ((3, 90), True, True)
    """
    n = len(ptr) - 1
    half = (n_hashes + 1) // 2
    rng = np.random.default_rng(seed)
    a = (rng.integers(0, 2**63, half, dtype=np.uint64) << np.uint64(1)) | np.uint64(1)
    b = rng.integers(0, 2**63, half, dtype=np.uint64)
    out = np.full((n, 2 * half), np.iinfo(np.uint32).max, dtype=np.uint32)
    lengths = np.diff(ptr)
    docs = np.flatnonzero(lengths > 0)
    if len(docs) == 0:
        return out[:, :n_hashes]
    x = mix64(ids)
    docs = docs[np.argsort(lengths[docs], kind="stable")]  # texts of one length together
    size = lengths[docs]
    edge = np.flatnonzero(np.concatenate([[True], size[1:] != size[:-1], [True]])).tolist()
    spans = [(lo, min(lo + chunk, e)) for s, e in zip(edge[:-1], edge[1:], strict=True) for lo in range(s, e, chunk)]
    cost = np.cumsum([(hi - lo) * int(size[lo]) for lo, hi in spans])

    def sign(part) -> None:
        h = np.empty((chunk, half), dtype=np.uint64)
        for lo, hi in part:
            d, step = docs[lo:hi], h[: hi - lo]
            first = ptr[d]
            for k in range(int(size[lo])):  # the words at position k of each text, by all the hash functions
                np.add(np.multiply(x[first + k][:, None], a[None, :], out=step), b[None, :], out=step)
                if k == 0:
                    least = step.view(np.uint32).copy()
                else:
                    np.minimum(least, step.view(np.uint32), out=least)
            out[d] = least

    # about half the words in a second thread (numpy releases the GIL; each writes rows of its own texts)
    cut = int(np.searchsorted(cost, cost[-1] / 2)) + 1
    with ThreadPoolExecutor(max_workers=1) as pool:
        second = pool.submit(sign, spans[cut:])
        sign(spans[:cut])
        second.result()
    return out[:, :n_hashes]


def estimated_similarity(sig: np.ndarray, pairs: np.ndarray, *, chunk: int = 1 << 14) -> np.ndarray:
    """The share of equal signature entries of each pair: an estimate of their Jaccard similarity.

    Parameters
    ----------
    sig : numpy.ndarray
        From :func:`signatures`.
    pairs : numpy.ndarray, shape (m, 2)
        Row numbers of ``sig``.
    chunk : int
        Pairs compared at a time (bounds the memory used; a small chunk stays in the processor's cache).

    Returns
    -------
    numpy.ndarray of float, shape (m,)

    Examples
    --------
    >>> s = signatures(np.array([0, 3, 6]), np.array([1, 2, 3, 1, 2, 3]))
    >>> estimated_similarity(s, np.array([[1, 0]])).tolist()
    [1.0]
    """
    out = np.empty(len(pairs))
    width = sig.shape[1] if sig.ndim == 2 else 0
    for lo in range(0, len(pairs), chunk):
        p = pairs[lo : lo + chunk]
        # np.take gathers rows faster than fancy indexing; equal entries counted as bytes (width < 256)
        equal = np.take(sig, p[:, 0], axis=0) == np.take(sig, p[:, 1], axis=0)
        count = equal.view(np.uint8).sum(axis=1, dtype=np.uint8 if width < 256 else np.int64)
        out[lo : lo + chunk] = count / max(width, 1)
    return out


def _similar(sig: np.ndarray, low: np.ndarray, pairs: np.ndarray, min_similarity: float) -> np.ndarray:
    """``estimated_similarity(sig, pairs) >= min_similarity``, in a quarter of the memory traffic for most pairs.

    Two equal entries have equal low bytes (``low``): the share of equal low bytes bounds the share of equal entries
    from above, and only the pairs at ``min_similarity`` on it (few of a bucket) are compared entry by entry.
    """
    keep = estimated_similarity(low, pairs) >= min_similarity
    maybe = np.flatnonzero(keep)
    keep[maybe] = estimated_similarity(sig, pairs[maybe]) >= min_similarity
    return keep


def word_hashes(vocab) -> np.ndarray:
    """A 64-bit hash of each word, from its characters alone (the same in every process and on every machine).

    Signatures are made from these, not from a word's position in one corpus's vocabulary, so that texts
    normalised in separate pieces (:mod:`kit.auditing.dask`) get the same signatures.

    Parameters
    ----------
    vocab : sequence of str

    Returns
    -------
    numpy.ndarray of uint64

    Examples
    --------
    >>> h = word_hashes(["pupils", "moved", "pupils"])
    >>> h.dtype, bool(h[0] == h[2]), bool(h[0] != h[1])
    (dtype('uint64'), True, True)
    """
    return pd.util.hash_array(np.asarray(vocab, dtype=object), categorize=False)


def band_keys(sig: np.ndarray, band: int, rows: int = ROWS, at=None) -> np.ndarray:
    """One hash per text of its signature's entries in ``band``: texts agreeing on the whole band share the key.

    Parameters
    ----------
    sig : numpy.ndarray, shape (n, bands * rows)
        From :func:`signatures`.
    band, rows : int
    at : numpy.ndarray of int, optional
        Only these rows of ``sig`` (all by default).

    Returns
    -------
    numpy.ndarray of uint64, shape (n,) or (len(at),)

    Examples
    --------
    >>> s = signatures(np.array([0, 3, 6, 8]), np.array([1, 2, 3, 1, 2, 3, 7, 8]))
    >>> k = band_keys(s, 0)
    >>> bool(k[0] == k[1]), bool(k[0] != k[2]), bool(band_keys(s, 1)[0] != k[0])
    (True, True, True)
    """
    cols = slice(band * rows, (band + 1) * rows)
    block = (sig[:, cols] if at is None else sig[at, cols]).astype(np.uint64)
    with np.errstate(over="ignore"):
        key = np.full(len(block), mix64(np.array(band, dtype=np.uint64)), dtype=np.uint64)
        for j in range(rows):  # a polynomial in the row values, then one mix
            key = key * np.uint64(0x100000001B3) + block[:, j]
    return mix64(key)


def bucket_pairs(key: np.ndarray, window: int = WINDOW):
    """Pairs of texts with equal ``key`` (one LSH bucket), the texts being in time order.

    Each text pairs with the ``window`` texts before it in its bucket and with the bucket's first.

    Parameters
    ----------
    key : numpy.ndarray
        One key per text, texts in time order (row ``i`` not later than row ``i + 1``).
    window : int

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        ``later`` and ``earlier``: row numbers into ``key`` (not sorted, possibly repeated when ``window`` is
        large).

    Examples
    --------
    >>> later, earlier = bucket_pairs(np.array([7, 3, 7, 7]), window=1)
    >>> sorted(zip(later.tolist(), earlier.tolist()))
    [(2, 0), (3, 0), (3, 2)]
    """
    order = stable_order(key)  # stable: time order within a bucket
    k = key[order]
    new = np.concatenate([[True], k[1:] != k[:-1]])
    start = np.flatnonzero(new)
    size = np.diff(np.concatenate([start, [len(k)]]))
    big = size > 1
    if not big.any():
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    run_of = np.repeat(np.arange(len(start)), size)
    rank = np.arange(len(k)) - start[run_of]  # position within its bucket
    members = np.flatnonzero(big[run_of] & (rank > 0))
    r = rank[members]
    take = np.minimum(r, window)
    later = np.repeat(members, take)
    ramp = np.arange(len(later)) - np.repeat(np.cumsum(take) - take, take)
    earlier = later - 1 - ramp
    far = members[r > window]  # ... and each far member with its bucket's first
    later = np.concatenate([later, far])
    earlier = np.concatenate([earlier, start[run_of[far]]])
    return order[later], order[earlier]


def candidate_pairs(
    sig: np.ndarray, *, bands: int = BANDS, rows: int = ROWS, window: int = WINDOW, min_similarity: float = 0.0
) -> np.ndarray:
    """Pairs of texts that agree on a whole band of their signatures.

    Texts are taken to be in time order (row ``i`` not later than row ``i + 1``); each pair is given as
    ``(later, earlier)``. Texts with no words never pair.

    Parameters
    ----------
    sig : numpy.ndarray, shape (n, bands * rows)
        From :func:`signatures`.
    bands, rows : int
    window : int
        In a bucket of more than ``window + 1`` texts, each text pairs with the ``window`` texts before it in the
        bucket and with the bucket's first, so that a text repeated a million times costs linear, not quadratic,
        work.
    min_similarity : float
        Only pairs whose signatures agree on at least this share of their entries (:func:`estimated_similarity`)
        are kept. They are tested band by band (two bands at a time, in two threads), so that the pairs of all
        bands are never held at once.

    Returns
    -------
    numpy.ndarray of int64, shape (m, 2)
        Distinct pairs, sorted.

    Examples
    --------
    >>> s = signatures(np.array([0, 3, 6, 8]), np.array([1, 2, 3, 1, 2, 3, 7, 8]))
    >>> candidate_pairs(s).tolist()
    [[1, 0]]
    """
    n = len(sig)
    empty = (sig == np.iinfo(np.uint32).max).all(axis=1)
    live = np.flatnonzero(~empty)
    low = sig.astype(np.uint8) if min_similarity > 0 else sig  # each entry's low byte (see _similar)

    def pairs_of(band: int) -> np.ndarray:
        later, earlier = bucket_pairs(band_keys(sig, band, rows, at=None if len(live) == n else live), window)
        key = distinct(live[later].astype(np.int64) * n + live[earlier])
        del later, earlier
        if min_similarity > 0 and len(key):
            key = key[_similar(sig, low, np.stack([key // n, key % n], axis=1), min_similarity)]
        return key

    # the odd bands in a second thread (numpy releases the GIL): the same pairs, sorted below
    with ThreadPoolExecutor(max_workers=1) as pool:
        odd = pool.submit(lambda: [pairs_of(band) for band in range(1, bands, 2)])
        keys_out = [pairs_of(band) for band in range(0, bands, 2)] + odd.result()
    if not keys_out:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = distinct(np.concatenate(keys_out))
    return np.stack([pairs // n, pairs % n], axis=1)
