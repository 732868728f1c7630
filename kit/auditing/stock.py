"""Set descriptions learned from the case: a run of words that several outlets each write in their own sentence.

Outlets covering one event describe it in the same few words without copying one another ("a motorway bridge
collapsed in the northwestern port city of Genoa", "killing all 189 people on board the Lion Air flight"). Such a
run is rare in the case as a whole (:mod:`kit.auditing.weights` counts it in a handful of texts), so its rarity
alone would call two outlets that share it a copy. What tells it from a wire copy is where it recurs: a copy
repeats most of a sentence, so the texts that hold a copied run are copies of one another; a set description
recurs inside sentences that are otherwise different.

So the audit counts, for each word pair, the *contexts* of its story (the claims of one proposition) that hold it:
the texts that have it, each counting for
``1 / size`` of its *copy cluster* (:func:`copy_clusters`: texts joined by candidate pairs whose content words are
mostly the same, a Jaccard similarity of at least :data:`COPY_SIMILARITY`). A sentence copied by five outlets is one
context; a phrase written in five different sentences is five. A word pair held in more than :data:`STOCK_FROM`
contexts weighs ``(STOCK_FROM / contexts)²`` of its rarity (:func:`stock_factor`): two outlets sharing a run that no
third sentence holds lose nothing, and the weight falls as more otherwise different sentences hold it. The rule
is about runs, never single words: a frequent word does not lower a shared run of ten, and a run of ten that a
copy repeats stays one context however many outlets reprint it. It is counted within a story, since a description
is of one event: across a large case, a pair of frequent words recurs by chance in many sentences of many stories
(that is :mod:`kit.auditing.weights`' business), never in many of one story.
"""

from __future__ import annotations

import numpy as np

from kit.auditing.weights import PairWeights, pair_counts, with_weights

__all__ = [
    "COPY_SIMILARITY",
    "STOCK_FROM",
    "copy_clusters",
    "contexts",
    "related_pairs",
    "stock_factor",
    "stock_weights",
]

#: two texts are copies of one another (one context) when this share of their content words is the same
COPY_SIMILARITY = 0.5
#: two publishers copy each other in a story when this many pairs of their texts there are copies
RELATED_FROM = 2
#: a word pair held in more contexts than this weighs ``(STOCK_FROM / contexts)²`` of its rarity
STOCK_FROM = 2.5


def copy_clusters(
    n: int, later, earlier, similarity, *, threshold: float = COPY_SIMILARITY, publisher=None, story=None
) -> np.ndarray:
    """Each text's copy cluster: texts joined, directly or through others, by pairs of similarity >= ``threshold``,
    and by pairs sharing any counted words whose two publishers copy each other elsewhere in the story
    (:func:`related_pairs`).

    Parameters
    ----------
    n : int
        Number of texts.
    later, earlier : numpy.ndarray of int
        Checked pairs of texts.
    similarity : numpy.ndarray of float
        Each pair's Jaccard similarity of content words (shared words over the two texts' words).
    threshold : float
    publisher, story : numpy.ndarray of int, optional
        Each text's publisher and story (codes): given, a pair whose publishers have a pair of texts of similarity
        >= ``threshold`` in the same story joins its texts too, however little else of them is the same.

    Returns
    -------
    numpy.ndarray of int64
        A cluster label per text (a text in no such pair is a cluster of its own).

    Examples
    --------
    >>> copy_clusters(4, np.array([1, 3]), np.array([0, 2]), np.array([0.8, 0.2])).tolist()
    [0, 0, 1, 2]
    """
    keep = np.asarray(similarity) >= threshold
    if publisher is not None:
        keep |= related_pairs(later, earlier, keep, publisher, story) & (np.asarray(similarity) > 0)
    a = np.asarray(later, dtype=np.int64)[keep]
    b = np.asarray(earlier, dtype=np.int64)[keep]
    from scipy.sparse import coo_matrix  # scipy is imported where first used: `import kit` stays light
    from scipy.sparse.csgraph import connected_components

    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n)).tocsr()
    return connected_components(graph, directed=False)[1].astype(np.int64)


def related_pairs(later, earlier, copied, publisher, story=None, *, at_least: int = RELATED_FROM) -> np.ndarray:
    """Whether each pair's two publishers copy each other elsewhere in its story: some pair of their texts in the
    story is ``copied``.

    Edited copies of one wire sentence can each share under half their words (an outlet's edit of an agency's
    sentence, and the agency's own two versions of it); that the same outlets are copies of one another in other
    sentences of the story says the run they share is one sentence copied, not a description each wrote.

    Parameters
    ----------
    later, earlier : numpy.ndarray of int
        Checked pairs of texts.
    copied : numpy.ndarray of bool
        The pairs that are copies (similarity at least :data:`COPY_SIMILARITY`).
    publisher : numpy.ndarray of int
        Each text's publisher (code; -1 unknown, never related).
    story : numpy.ndarray of int, optional
        Each text's story (not given: one story).
    at_least : int
        The copies between the two publishers in the story that make them related (:data:`RELATED_FROM`; more for
        weaker evidence, :func:`kit.auditing.reprints.edited_reprints`).

    Returns
    -------
    numpy.ndarray of bool

    Examples
    --------
    >>> # texts 0-3 by outlets 7 and 8, copies in two sentences; texts 4 and 5 by outlets 9 and 7
    >>> related_pairs(np.array([1, 3, 5]), np.array([0, 2, 4]), np.array([True, True, False]),
    ...               np.array([7, 8, 8, 7, 9, 7])).tolist()
    [True, True, False]
    """
    later = np.asarray(later, dtype=np.int64)
    earlier = np.asarray(earlier, dtype=np.int64)
    publisher = np.asarray(publisher, dtype=np.int64)
    story = np.zeros(len(publisher), np.int64) if story is None else np.asarray(story, dtype=np.int64)
    a, b = publisher[later], publisher[earlier]
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    span = np.int64(max(int(publisher.max(initial=0)), 0) + 1)
    key = (story[later] * span + lo) * span + hi
    known = (a >= 0) & (b >= 0) & (a != b)
    shown, times = np.unique(key[np.asarray(copied, dtype=bool) & known], return_counts=True)
    return known & np.isin(key, shown[times >= at_least])


def contexts(corp, heads, clusters, story=None) -> tuple[np.ndarray, np.ndarray]:
    """How many otherwise different sentences of its story hold each word pair: its texts, each counting
    ``1 / cluster size``.

    Parameters
    ----------
    corp : kit.auditing.text.Corpus
    heads : numpy.ndarray of int
        The texts counted (one of each group of equal texts).
    clusters : numpy.ndarray of int
        Each text's copy cluster (:func:`copy_clusters`).
    story : numpy.ndarray of int, optional
        Each text's story (its proposition's code): the contexts are counted within it. Not given: the corpus is
        one story.

    Returns
    -------
    at, count : numpy.ndarray
        As :func:`kit.auditing.weights.pair_counts`: each word pair's first word and its contexts.

    Examples
    --------
    >>> from kit.auditing.text import corpus
    >>> c = corpus(["the bridge collapsed in Genoa on Tuesday", "the bridge collapsed in Genoa on Tuesday morning",
    ...             "a bridge collapsed in Genoa, killing dozens", "police said a bridge collapsed in Genoa"])
    >>> at, count = contexts(c, np.arange(4), np.array([0, 0, 1, 2]))
    >>> count[:2].round(2).tolist()  # "bridge collapsed" in three contexts, "collapsed genoa" in three
    [3.0, 3.0]
    """
    clusters = np.asarray(clusters, dtype=np.int64)
    heads = np.asarray(heads, dtype=np.int64)
    size = np.bincount(clusters[heads], minlength=int(clusters.max(initial=-1)) + 1)
    share = np.zeros(len(clusters))
    share[heads] = 1.0 / size[clusters[heads]]
    return pair_counts(corp, heads, share, story)


def stock_factor(count) -> np.ndarray:
    """The share of its rarity a word pair keeps when ``count`` contexts hold it: ``min(1, STOCK_FROM / count)²``.

    Parameters
    ----------
    count : numpy.ndarray of float

    Returns
    -------
    numpy.ndarray of float32

    Examples
    --------
    >>> stock_factor(np.array([1.0, 2.0, 3.0, 4.0, 6.0])).astype(float).round(2).tolist()
    [1.0, 1.0, 0.69, 0.39, 0.17]
    """
    count = np.asarray(count, dtype=float)
    return (np.minimum(1.0, STOCK_FROM / np.maximum(count, 1e-9)) ** 2).astype(np.float32)


def stock_weights(corp, heads, pw: PairWeights, later, earlier, similarity, story=None, publisher=None) -> PairWeights:
    """The case's word-pair weights ``pw`` with set descriptions weighed down (see the module's docstring).

    Parameters
    ----------
    corp : kit.auditing.text.Corpus
    heads : numpy.ndarray of int
        One text of each group of equal texts.
    pw : kit.auditing.weights.PairWeights
        The rarity of each word pair (:func:`kit.auditing.weights.pair_weights`).
    later, earlier, similarity : numpy.ndarray
        The checked candidate pairs and their Jaccard similarity of content words (for :func:`copy_clusters`).
    story : numpy.ndarray of int, optional
        Each text's story (:func:`contexts`).
    publisher : numpy.ndarray of int, optional
        Each text's publisher: pairs of publishers that copy each other in the story join their texts' clusters
        (:func:`copy_clusters`).

    Returns
    -------
    kit.auditing.weights.PairWeights

    Examples
    --------
    >>> from kit.auditing.text import corpus
    >>> from kit.auditing.weights import pair_weights
    >>> c = corpus(["the bridge collapsed in Genoa, police said", "a bridge collapsed in Genoa, killing dozens",
    ...             "rescuers searched after a bridge collapsed in Genoa"])
    >>> pw = pair_weights(c, np.arange(3))
    >>> sw = stock_weights(c, np.arange(3), pw, np.array([1]), np.array([0]), np.array([0.4]))
    >>> bool(sw.weight[0] < pw.weight[0])  # "bridge collapsed" in three different sentences
    True
    """
    clusters = copy_clusters(
        len(corp), later, earlier, similarity, threshold=COPY_SIMILARITY, publisher=publisher, story=story
    )
    at, count = contexts(corp, heads, clusters, story)
    weight = pw.weight.copy()
    weight[at] *= stock_factor(count)
    return with_weights(corp, weight)
