"""How much a shared word weighs: the rarity of the word pairs it is shared through, learned from the case.

A phrase that recurs across the case ("officials said on Monday", "the Syrian Observatory for Human Rights")
is evidence of nothing when two texts share it; a run of words that no other text has is evidence however
common each word is. So the audit weighs *word pairs* (two adjacent content words, :mod:`kit.auditing.exact`), not
single words: each pair's rarity is ``w = log(m / df) / log(m / 2)``, clipped to 0-1 (:func:`rarity`), where ``df``
is the number of distinct texts with the pair and ``m`` the number of distinct texts plus :data:`BACKGROUND`
imagined texts without it. A shared word weighs the rarity of the rarest pair it is shared through, and a text's
own weight is the sum over its content words of the rarest pair each is in (:func:`pair_counts` counts them).
A run that several outlets each write in their own sentences weighs less still (:mod:`kit.auditing.stock`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kit.auditing.hashing import mix64

__all__ = ["SCALE", "BACKGROUND", "rarity", "score", "PairWeights", "pair_weights", "pair_counts", "with_weights"]

#: evidence strength giving a score of 1 - 1/e (about 0.63).
SCALE = 3.0
#: imagined texts without any of the word pairs (see :func:`rarity`).
BACKGROUND = 10


def rarity(df, n_texts: int) -> np.ndarray:
    """How rare a word pair is: 1 when only the two texts of a pair have it, near 0 when every text has it.

    ``w = log(m / df) / log(m / 2)``, clipped to 0..1, with ``m = n_texts + BACKGROUND`` (the imagined texts keep
    a three-claim case from calling every copied pair common).

    Parameters
    ----------
    df : numpy.ndarray of int
        Distinct texts with each word pair.
    n_texts : int
        Distinct texts in all.

    Returns
    -------
    numpy.ndarray of float

    Examples
    --------
    >>> rarity(np.array([2, 4, 8, 100]), 100).round(2).tolist()
    [1.0, 0.83, 0.65, 0.02]
    """
    df = np.maximum(np.asarray(df, dtype=float), 1)
    m = n_texts + BACKGROUND
    return np.clip(np.log(m / df) / np.log(m / 2), 0, 1)


def score(shared_weight, claim_weight):
    """Score of shared words: ``1 - exp(-S / SCALE)``, ``S = W * (1 + W / T) / 2``.

    ``W`` is the summed weight of the shared words, ``T`` that of the later text's words of the same kind (its
    own prose, or its quoted words): the evidence counts in full when the shared words are all of them and half
    when they are a small part.

    Parameters
    ----------
    shared_weight : float or numpy.ndarray
        ``W``.
    claim_weight : float or numpy.ndarray
        ``T``.

    Returns
    -------
    float or numpy.ndarray
        Between 0 and 1.

    Examples
    --------
    >>> round(float(score(8.0, 8.0)), 2), round(float(score(2.0, 10.0)), 2)
    (0.93, 0.33)
    """
    w = np.asarray(shared_weight, dtype=float)
    t = np.maximum(np.asarray(claim_weight, dtype=float), 1e-12)
    return 1 - np.exp(-w * (1 + np.minimum(w / t, 1)) / 2 / SCALE)


@dataclass(frozen=True)
class PairWeights:
    """Word-pair weights of a corpus, per content word (as :attr:`kit.auditing.text.Corpus.ids`).

    Attributes
    ----------
    weight : numpy.ndarray of float32
        ``weight[k]``: the rarity of the pair (word ``k``, word ``k + 1``) of one text (0 for a text's last word).
    word : numpy.ndarray of float32
        ``word[k]``: the rarity of the rarest pair word ``k`` is in (0 for a text of one content word).
    """

    weight: np.ndarray
    word: np.ndarray


def pair_weights(corp, heads) -> PairWeights:
    """The rarity of every word pair of ``corp``, counted over the distinct texts ``heads``.

    Parameters
    ----------
    corp : kit.auditing.text.Corpus
    heads : numpy.ndarray of int
        One text of each group of equal texts (so syndicated copy counts once).

    Returns
    -------
    PairWeights

    Examples
    --------
    >>> from kit.auditing.text import corpus
    >>> c = corpus(["officials said on Monday that floods hit Ashford", "officials said on Monday the bridge fell",
    ...             "the school shut, officials said on Monday"])
    >>> pw = pair_weights(c, np.arange(3))
    >>> pw.weight[:2].astype(float).round(2).tolist()  # "officials monday" (three texts), "monday floods" (one)
    [0.78, 1.0]
    """
    at, df = pair_counts(corp, heads)
    weight = np.zeros(len(corp.ids), dtype=np.float32)
    weight[at] = rarity(df, len(np.asarray(heads)))
    return with_weights(corp, weight)


def pair_counts(corp, heads, per_text=None, story=None) -> tuple[np.ndarray, np.ndarray]:
    """How many of the texts ``heads`` have each word pair of ``corp``, or their summed ``per_text`` values.

    The counts come from a count-min sketch (two hashed tables, the smaller count wins): memory and time in
    proportion to the number of word pairs, with no sort and no table of distinct pairs.

    Parameters
    ----------
    corp : kit.auditing.text.Corpus
    heads : numpy.ndarray of int
        The texts counted (one of each group of equal texts).
    per_text : numpy.ndarray of float, optional
        What each text counts for (indexed by text position; 1 for every text when not given).
    story : numpy.ndarray of int, optional
        Each text's story (a code per text position): when given, a pair is counted within each story apart (the
        count of a pair of text ``i`` is over the texts of ``story[i]``).

    Returns
    -------
    at : numpy.ndarray of int64
        The position (in ``corp.ids``) of each word pair's first word: every content word but a text's last.
    count : numpy.ndarray
        Each pair's count (an upper bound: two pairs rarely share both hashed cells).

    Examples
    --------
    >>> from kit.auditing.text import corpus
    >>> c = corpus(["floods hit Ashford", "floods hit Leeds"])
    >>> at, count = pair_counts(c, np.arange(2))
    >>> at.tolist(), count.tolist()  # "floods hit" twice, "hit ashford" and "hit leeds" once
    ([0, 1, 3, 4], [2, 1, 2, 1])
    """
    ptr, ids = corp.ptr, corp.ids
    n = len(ids)
    length = np.diff(ptr)
    has_next = np.ones(n, dtype=bool)
    has_next[ptr[1:][length > 0] - 1] = False
    at = np.flatnonzero(has_next)
    del has_next
    counted = np.zeros(len(length), dtype=bool)
    counted[np.asarray(heads, dtype=np.int64)] = True
    mine = np.repeat(counted, length)[at]  # the pair's text is counted (one of each group of equal texts)
    value = None if per_text is None else np.repeat(np.asarray(per_text, dtype=float), length)[at][mine]
    key = corp.bigrams[at]  # each word pair's hash (hashed once per corpus)
    if story is not None:
        salt = mix64(np.asarray(story, dtype=np.int64).astype(np.uint64) + np.uint64(1 << 40))  # per text, not word
        key ^= np.repeat(salt, length)[at]
    size = 1 << max(10, int(np.ceil(np.log2(max(len(at), 1)))))
    mask = np.uint64(size - 1)
    df = None
    for shift in (0, 32):  # count-min: two hashed tables, the smaller count wins
        h = ((key >> np.uint64(shift)) & mask).astype(np.int32)
        count = np.bincount(h[mine], weights=value, minlength=size)
        count = count.astype(np.int32) if value is None else count
        got = count[h]  # (np.take would copy the indices as 64-bit integers first: 8 bytes a word pair more)
        df = got if df is None else np.minimum(df, got, out=got)
        del h, count, got
    assert df is not None
    return at, df


def with_weights(corp, weight) -> PairWeights:
    """:class:`PairWeights` from each word pair's weight (``weight[k]`` for the pair word ``k``, word ``k + 1``).

    Parameters
    ----------
    corp : kit.auditing.text.Corpus
    weight : numpy.ndarray of float32
        One per content word (0 for a text's last word).

    Returns
    -------
    PairWeights
        ``word[k]``: the largest weight of the (one or two) pairs word ``k`` is in.

    Examples
    --------
    >>> from kit.auditing.text import corpus
    >>> with_weights(corpus(["floods hit Ashford"]), np.array([0.2, 0.9, 0.0], dtype=np.float32)).word.tolist()
    [0.20000000298023224, 0.8999999761581421, 0.8999999761581421]
    """
    ptr = corp.ptr
    length = np.diff(ptr)
    word = weight.copy()
    has_prev = np.ones(len(weight), dtype=bool)
    has_prev[ptr[:-1][length > 0]] = False
    prev = np.flatnonzero(has_prev)
    word[prev] = np.maximum(word[prev], weight[prev - 1])
    return PairWeights(weight=weight, word=word)
