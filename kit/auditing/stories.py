"""Candidates in a reporter's case: every pair of a small story's claims that shares a run of words kept whole.

MinHash/LSH (:func:`kit.auditing.groups.head_candidates`) pairs texts whose *sets* of content words are alike, and
rare runs (:func:`kit.auditing.groups.rare_run_candidates`) pair texts of outlets already seen copying each other.
A sentence copied as a small part of another outlet's longer sentence ("Records show the plane was new and had been
delivered to the airline in November." from "It was not immediately clear what caused the crash of the Boeing 737-8
MAX plane, which was new and had been delivered to the airline in November.") is neither: on real coverage most
missed copies had no candidate pair with their source at all.

In a small case, every pair can be looked at. :func:`story_candidates` takes every pair of texts of different
publishers within each story of at most :data:`SMALL_STORY` texts, and keeps those that share a run of
:data:`kit.auditing.reworded.RUN` words in a row (stop words too) holding content words neither quotes, a run few of
the texts compared hold (:func:`kit.auditing.reworded.shared_runs`: two outlets that do not copy each other rarely
write seven words alike in a row). These pairs are then checked like any other candidate (:mod:`kit.auditing.exact`)
and judged by the same rules.

Cost: a story of at most :data:`SMALL_STORY` texts gives at most ``SMALL_STORY / 2`` pairs per text, so the pairs
are ``O(texts * SMALL_STORY)``; and a case whose small stories hold more than :data:`PAIR_BUDGET` pairs in all gets
none of them (an archive, not a reporter's case: there the audit stays linear in its claims and relies on MinHash and
rare runs alone). The stories of tests/audit_corpus (39-134 claims each, at most 16,000 pairs in a part) are
within both bounds; the synthetic benchmark cases of 100,000 claims (stories of 2 to 1,871 claims, 29 at the
median; 4.8 million pairs within those of at most 400) are not, and their audit is unchanged.
"""

from __future__ import annotations

import numpy as np

from kit.auditing.groups import ranges
from kit.auditing.reworded import shared_runs

__all__ = ["SMALL_STORY", "PAIR_BUDGET", "story_pairs", "small_stories", "small_pairs", "story_candidates"]

#: a story of at most this many texts (group heads) is small: all its pairs of different publishers are looked at
SMALL_STORY = 400
#: ... when the small stories of the case hold at most this many such pairs in all
PAIR_BUDGET = 200_000


def story_pairs(
    story, publisher, *, most: int = SMALL_STORY, budget: int = PAIR_BUDGET, same_publisher: bool = False
) -> np.ndarray:
    """Every pair of texts of different (known) publishers within each story of at most ``most`` texts; none when
    these are more than ``budget`` pairs in all.

    Parameters
    ----------
    story, publisher : numpy.ndarray of int
        Each text's story and publisher (codes; -1 unknown: such a text is in no pair).
    most, budget : int
    same_publisher : bool
        Pairs of one publisher too (the budget counts those of different publishers all the same).

    Returns
    -------
    numpy.ndarray of int64, shape (m, 2)
        ``(later, earlier)`` text positions, ``later > earlier``, sorted.

    Examples
    --------
    >>> story_pairs(np.array([0, 0, 0, 1, 1]), np.array([5, 6, 5, 5, 6])).tolist()
    [[1, 0], [2, 1], [4, 3]]
    >>> len(story_pairs(np.array([0, 0, 0, 1, 1]), np.array([5, 6, 5, 5, 6]), budget=2))
    0
    >>> story_pairs(np.array([0, 0, 0, 1, 1]), np.array([5, 6, 5, 5, 6]), same_publisher=True).tolist()
    [[1, 0], [2, 0], [2, 1], [4, 3]]
    """
    none = np.zeros((0, 2), dtype=np.int64)
    order, st, first, size, small, total = _small(story, publisher, most)
    if total == 0 or total > budget:
        return none
    publisher = np.asarray(publisher, dtype=np.int64)
    keep = np.flatnonzero(np.repeat(small, size))
    rank = np.arange(len(st)) - np.repeat(first, size)
    earlier, owner = ranges(np.repeat(first, size)[keep], rank[keep])
    later, earlier = order[keep[owner]], order[earlier]
    ok = (publisher[later] != publisher[earlier]) | same_publisher
    pairs = np.stack([later[ok], earlier[ok]], axis=1)
    return pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]


def _small(story, publisher, most: int) -> tuple:
    """The known texts by story (time order within each), each story's first and size, which stories are small, and
    how many pairs of different publishers the small ones hold."""
    story, publisher = np.asarray(story, dtype=np.int64), np.asarray(publisher, dtype=np.int64)
    live = np.flatnonzero((story >= 0) & (publisher >= 0))
    order = live[np.argsort(story[live], kind="stable")]  # by story, in time order within each
    st = story[order]
    first = np.flatnonzero(np.concatenate([[True], st[1:] != st[:-1]])) if len(st) else np.zeros(0, np.int64)
    size = np.diff(np.concatenate([first, [len(st)]]))
    small = size <= most
    # pairs of different publishers: all pairs less those of one publisher, counted before any is made
    key = st * np.int64(publisher.max(initial=0) + 1) + publisher[order]
    _, same = np.unique(key[np.repeat(small, size)], return_counts=True)
    total = int((size[small] * (size[small] - 1) // 2).sum() - (same * (same - 1) // 2).sum())
    return order, st, first, size, small, total


def small_stories(story, publisher, *, most: int = SMALL_STORY, budget: int = PAIR_BUDGET) -> np.ndarray:
    """Which texts are of a story whose pairs :func:`story_pairs` takes: a story of at most ``most`` texts, in a
    case whose such stories hold at most ``budget`` pairs (none otherwise).

    Parameters
    ----------
    story, publisher : numpy.ndarray of int
        Each text's story and publisher (codes; -1 unknown: such a text is in none).
    most, budget : int

    Returns
    -------
    numpy.ndarray of bool

    Examples
    --------
    >>> small_stories(np.array([0, 0, 0, 1, 1]), np.array([5, 6, 5, 5, 6]), most=2).tolist()
    [False, False, False, True, True]
    >>> small_stories(np.array([0, 0, 0, 1, 1]), np.array([5, 6, 5, 5, 6]), budget=2).tolist()
    [False, False, False, False, False]
    """
    out = np.zeros(len(np.asarray(story)), dtype=bool)
    order, _, _, size, small, total = _small(story, publisher, most)
    if 0 < total <= budget:
        out[order[np.repeat(small, size)]] = True
    return out


def small_pairs(claims, later, earlier, small: np.ndarray | None = None) -> np.ndarray:
    """Which pairs (``later``, ``earlier``) of texts are both of small stories (:func:`small_stories` of the claims'
    stories and publishers): the pairs a rule for a reporter's case looks around (:mod:`kit.auditing.aligned`,
    :mod:`kit.auditing.framing`).

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    later, earlier : numpy.ndarray of int
        Pairs of texts (positions).
    small : numpy.ndarray of bool, optional
        :func:`small_stories` of the claims, when the caller has it already (it is not computed again).

    Returns
    -------
    numpy.ndarray of bool

    Examples
    --------
    >>> import kit
    >>> from kit.auditing.context import claims_in_time_order
    >>> c = claims_in_time_order(kit.testing.synth.make_case(40, seed=1))
    >>> small_pairs(c, np.array([5, 9]), np.array([1, 2])).tolist()
    [True, True]
    """
    small = small_stories(claims.proposition, claims.publisher) if small is None else small
    return small[np.asarray(later, dtype=np.int64)] & small[np.asarray(earlier, dtype=np.int64)]


def story_candidates(corp, heads, story, publisher, known=None) -> np.ndarray:
    """The pairs of :func:`story_pairs` among ``heads`` (one text of each group of equal texts) that share a run of
    words kept whole (:func:`kit.auditing.reworded.shared_runs`), less the ``known`` candidates.

    Parameters
    ----------
    corp : kit.auditing.text.Corpus
    heads : numpy.ndarray of int
        The texts compared, in time order.
    story, publisher : numpy.ndarray of int
        Each text's story and publisher.
    known : numpy.ndarray of int64, shape (k, 2), optional
        ``(later, earlier)`` positions among ``heads`` already candidates.

    Returns
    -------
    numpy.ndarray of int64, shape (m, 2)
        ``(later, earlier)`` positions among ``heads``, sorted.

    Examples
    --------
    >>> from kit.auditing.text import corpus
    >>> c = corpus(["It was not clear what caused the crash of the plane, which was new and had been delivered to "
    ...             "the airline in November.", "Rain fell all day on the capital.",
    ...             "Records show the plane was new and had been delivered to the airline in November."])
    >>> story_candidates(c, np.arange(3), np.zeros(3, int), np.array([0, 1, 2])).tolist()
    [[2, 0]]
    """
    heads = np.asarray(heads, dtype=np.int64)
    pairs = story_pairs(np.asarray(story)[heads], np.asarray(publisher)[heads])
    if len(pairs) and known is not None and len(known):
        n = np.int64(len(heads))
        pairs = pairs[~np.isin(pairs[:, 0] * n + pairs[:, 1], known[:, 0] * n + known[:, 1])]
    if len(pairs) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    runs, _, _ = shared_runs(corp, heads[pairs[:, 0]], heads[pairs[:, 1]])
    return pairs[runs > 0]
