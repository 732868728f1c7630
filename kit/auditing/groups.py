"""Groups and candidates for the ``shared_text`` signal: identical texts grouped once, then MinHash/LSH pairs.

Texts with the same words in the same order (stop words too) form one *group* (:func:`group_keys`): a syndicated
copy is handled once. Each group's head is then paired, by MinHash/LSH over its set of content words
(:mod:`kit.auditing.minhash`), with the heads it may share a passage with (:func:`head_candidates`); never all pairs.
:mod:`kit.auditing.signals` checks each candidate word by word.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.auditing.hashing import mix64, stable_order
from kit.auditing.minhash import candidate_pairs, signatures, word_hashes

__all__ = [
    "MIN_SIMILARITY",
    "RARE_AT_MOST",
    "RARE_SHARED",
    "ranges",
    "text_keys",
    "group_keys",
    "head_candidates",
    "rare_run_candidates",
]

#: candidates whose signatures agree on fewer than this share of entries are not checked word by word.
MIN_SIMILARITY = 0.25
#: a pair of adjacent content words held by at most this many texts is *rare*: its texts are candidates of each other
RARE_AT_MOST = 8
#: ... when they share at least this many rare word pairs
RARE_SHARED = 2


def ranges(starts: np.ndarray, lengths: np.ndarray):
    """Flat indices ``starts[i] .. starts[i] + lengths[i] - 1`` for all ``i``, and the ``i`` of each.

    Parameters
    ----------
    starts, lengths : numpy.ndarray of int
        Where each range starts and how long it is (a negative length counts as 0).

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        The indices of all ranges, one after another, and for each index the range it belongs to.

    Examples
    --------
    >>> import numpy as np
    >>> [a.tolist() for a in ranges(np.array([10, 20]), np.array([2, 3]))]
    [[10, 11, 20, 21, 22], [0, 0, 1, 1, 1]]
    """
    lengths = np.maximum(lengths, 0).astype(np.int64)
    owner = np.repeat(np.arange(len(lengths)), lengths)
    first = np.cumsum(lengths) - lengths
    return np.asarray(starts, dtype=np.int64)[owner] + np.arange(int(lengths.sum())) - first[owner], owner


def text_keys(ptr: np.ndarray, values: np.ndarray, table=None, *, chunk: int = 1 << 16) -> np.ndarray:
    """A 64-bit key per text of its content words in order: texts with the same words in the same order share it.

    Parameters
    ----------
    ptr : numpy.ndarray
        Text ``i``'s words are ``values[ptr[i]:ptr[i+1]]``.
    values : numpy.ndarray of integers
        One per word: its hash (:func:`kit.auditing.minhash.word_hashes`), so that the key does not depend on which
        corpus the text was read in.
    table : numpy.ndarray, optional
        When given, ``values`` are positions in it, and the words' hashes are ``table[values]``.
    chunk : int
        About this many words are hashed at a time (bounds the memory used; a small chunk stays in the
        processor's cache).

    Returns
    -------
    numpy.ndarray of uint64

    Examples
    --------
    >>> k = text_keys(np.array([0, 2, 4, 6]), np.array([5, 9, 5, 9, 9, 5]))
    >>> bool(k[0] == k[1]), bool(k[0] != k[2])
    (True, True)
    """
    n = len(ptr) - 1
    length = np.diff(ptr)
    doc_hash = np.zeros(n, dtype=np.uint64)
    # each word's and each position's hash made once (per distinct word, per position), not once per word
    mixed = None if table is None else mix64(table)
    at = mix64(np.arange(int(length.max(initial=0)), dtype=np.int64) + (1 << 40))
    cuts = np.searchsorted(ptr, np.arange(0, int(ptr[-1]) + chunk, chunk)) if n else np.zeros(1, np.int64)
    for lo, hi in zip(np.concatenate([[0], cuts]), np.concatenate([cuts, [n]]), strict=True):
        lo, hi = int(min(lo, n)), int(min(hi, n))
        if hi <= lo:
            continue
        a, b = int(ptr[lo]), int(ptr[hi])
        v = mix64(values[a:b]) if mixed is None else mixed[values[a:b]]
        pos = np.arange(b - a) - np.repeat(ptr[lo:hi] - a, length[lo:hi])
        h = mix64(v ^ at[pos])
        live = np.flatnonzero(length[lo:hi] > 0)
        if len(live):
            doc_hash[lo + live] = np.add.reduceat(h, (ptr[lo:hi] - a)[live])
    return doc_hash ^ mix64(length)


def group_keys(corp) -> np.ndarray:
    """Each text's :func:`text_keys` over *all* its words (stop words too): texts sharing a key are verbatim the
    same after normalising, and form one group.

    Parameters
    ----------
    corp : kit.auditing.text.Corpus

    Returns
    -------
    numpy.ndarray of uint64

    Examples
    --------
    >>> from kit.auditing.text import corpus
    >>> k = group_keys(corpus(["Pupils moved to the hall.", "pupils moved to the hall", "Pupils moved to a hall"]))
    >>> bool(k[0] == k[1]), bool(k[0] != k[2])
    (True, True)
    """
    return text_keys(corp.all_ptr, corp.all_ids, word_hashes(corp.vocab))


def _groups(keys, live):
    """Texts with the same key share a group; the group's first text is its head (texts not ``live``: -1)."""
    n = len(keys)
    codes, _ = pd.factorize(pd.Series(keys))
    codes = np.where(live, codes, -1)  # equal keys, equal words: a group is all live or all not
    head = np.full(int(codes.max()) + 1 if n else 0, -1, dtype=np.int64)
    # factorize numbers groups in order of first appearance: a text opens its group when its code is a new maximum
    seen = np.maximum.accumulate(np.concatenate([[-1], codes[:-1]])) if n else codes
    first = np.flatnonzero(codes > seen)
    head[codes[first]] = first
    return codes, head


def head_candidates(corp):
    """Steps 1 and 2 of the module's docstring: the groups of equal texts, and candidate pairs of their heads.

    Parameters
    ----------
    corp : kit.auditing.text.Corpus
        Texts in time order.

    Returns
    -------
    codes : numpy.ndarray of int64
        Each text's group (-1 for a text with no content words).
    head : numpy.ndarray of int64
        Each group's first text.
    cand : numpy.ndarray of int64, shape (m, 2)
        ``(later, earlier)`` positions among the heads (``head[head >= 0]``), sorted: pairs that agree on a whole
        band of their MinHash signatures and on at least :data:`MIN_SIMILARITY` of their entries.

    Examples
    --------
    >>> from kit.auditing.text import corpus
    >>> c = corpus(["pupils move to the old library on Monday", "Pupils move to the old library on Monday!",
    ...             "the roof of Hill School is repaired", "pupils move to the old library Monday"])
    >>> codes, head, cand = head_candidates(c)
    >>> codes.tolist(), head.tolist(), cand.tolist()
    ([0, 0, 1, 2], [0, 2, 3], [[2, 0]])

    The first two texts are one group (the same words once normalised); the last has the same content words but
    not the same words (no "on"), so it is a group of its own, and its head is a candidate against the first.
    """
    ptr = corp.ptr
    codes, head = _groups(group_keys(corp), np.diff(ptr) > 0)
    heads = head[head >= 0]
    hw, _ = ranges(ptr[heads], np.diff(ptr)[heads])
    hptr = np.concatenate([[0], np.cumsum(np.diff(ptr)[heads])])
    sig = signatures(hptr, word_hashes(corp.vocab)[corp.ids[hw]])
    del hw
    return codes, head, candidate_pairs(sig, min_similarity=MIN_SIMILARITY)


def rare_run_candidates(corp, heads, *, most: int = RARE_AT_MOST, least: int = RARE_SHARED) -> np.ndarray:
    """Candidate pairs of texts that share rare runs: at least ``least`` pairs of adjacent content words that at
    most ``most`` of the texts hold.

    MinHash compares the texts' whole sets of content words: a passage copied as a small part of two long sentences
    leaves the sets too unlike. A run of words few texts hold is found however long the sentences around it, and
    a phrase that recurs across the case (held by more than ``most`` texts) makes no candidates, so each word pair
    yields at most ``most * (most - 1) / 2`` pairs: the cost is bounded per text, whatever the case's boilerplate.

    Parameters
    ----------
    corp : kit.auditing.text.Corpus
    heads : numpy.ndarray of int
        The texts compared (one of each group of equal texts), in time order.
    most, least : int

    Returns
    -------
    numpy.ndarray of int64, shape (m, 2)
        ``(later, earlier)`` positions among ``heads``, sorted.

    Examples
    --------
    >>> from kit.auditing.text import corpus
    >>> c = corpus(["After the storm, volunteers searched the flattened coastal town of Mexico Beach for survivors",
    ...             "Rain fell all day on the capital",
    ...             "Officials said volunteers searched the flattened coastal town again on Thursday, with dogs"])
    >>> rare_run_candidates(c, np.arange(3)).tolist()
    [[2, 0]]
    """
    ptr = corp.ptr
    heads = np.asarray(heads, dtype=np.int64)
    at, owner = ranges(ptr[heads], np.diff(ptr)[heads] - 1)
    if len(at) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    ids = corp.ids.astype(np.uint64)
    key = (ids[at] << np.uint64(32)) | ids[at + 1]
    order = stable_order(key)  # equal keys together, each key's texts in order (owner ascends)
    key, owner = key[order], owner[order]
    new = np.concatenate([[True], (key[1:] != key[:-1]) | (owner[1:] != owner[:-1])])
    key, owner = key[new], owner[new]
    start = np.concatenate([[True], key[1:] != key[:-1]])
    first = np.flatnonzero(start)
    size = np.diff(np.concatenate([first, [len(key)]]))
    rank = np.arange(len(key)) - np.repeat(first, size)
    rare = np.repeat((size >= 2) & (size <= most), size)
    codes = []
    for d in range(1, most):
        sel = np.flatnonzero(rare & (rank >= d))
        if len(sel) == 0:
            break
        codes.append(owner[sel] * np.int64(len(heads)) + owner[sel - d])
    if not codes:
        return np.zeros((0, 2), dtype=np.int64)
    pair, times = np.unique(np.concatenate(codes), return_counts=True)
    pair = pair[times >= least]
    return np.stack([pair // len(heads), pair % len(heads)], axis=1)
