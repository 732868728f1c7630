"""Groups and candidates for the ``shared_text`` signal: identical texts grouped once, then MinHash/LSH pairs.

Texts with the same words in the same order (stop words too) form one *group* (:func:`group_keys`): a syndicated
copy is handled once. Each group's head is then paired, by MinHash/LSH over its set of content words
(:mod:`kit.auditing.minhash`), with the heads it may share a passage with (:func:`head_candidates`); never all pairs.
:mod:`kit.auditing.signals` checks each candidate word by word.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.auditing.minhash import candidate_pairs, mix64, signatures, word_hashes

__all__ = ["MIN_SIMILARITY", "ranges", "text_keys", "group_keys", "head_candidates"]

#: candidates whose signatures agree on fewer than this share of entries are not checked word by word.
MIN_SIMILARITY = 0.25


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
    cuts = np.searchsorted(ptr, np.arange(0, int(ptr[-1]) + chunk, chunk)) if n else np.zeros(1, np.int64)
    for lo, hi in zip(np.concatenate([[0], cuts]), np.concatenate([cuts, [n]]), strict=True):
        lo, hi = int(min(lo, n)), int(min(hi, n))
        if hi <= lo:
            continue
        a, b = int(ptr[lo]), int(ptr[hi])
        v = values[a:b] if table is None else table[values[a:b]]
        pos = np.arange(b - a) - np.repeat(ptr[lo:hi] - a, length[lo:hi])
        h = mix64(mix64(v) ^ mix64(pos + (1 << 40)))
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
