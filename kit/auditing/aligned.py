"""Sentences in the same place of two articles that copy each other: a short or edited copy next to a listed one.

A copy of an article keeps its sentences in their order. When sentence ``i`` of one article is listed as copying
sentence ``j`` of another's, the sentences around them are the first place to look for more: a short sentence
repeated ("She said she was lucky to survive.", two content words), or one edited so that no run of three content
words survives, shares too little to be listed on its own words, and is no candidate of the word searches
(:mod:`kit.auditing.groups`, :mod:`kit.auditing.stories`) when it is short. Next to a listed copy, in the same order,
it is one more sentence of the copied article.

:func:`aligned_copies` takes each listed pair (``i``, ``j``) of two reports and the sentences ``i + d`` and ``j + e``
around them, ``d`` within :data:`WINDOW` and ``e`` at most :data:`SKEW` from ``d`` (a sentence the copy dropped or
added between them): at most ``2 * WINDOW * (2 * SKEW + 1)`` pairs per listed pair, so the cost is bounded by what is
listed. A pair is kept when neither text quotes anything (two outlets quoting one speaker in the same place of two
reports are a shared quotation, :mod:`kit.auditing.quotes`, however aligned), their distinct content words are at
least :data:`ALIKE` the same (a Jaccard similarity) and at least :data:`PROSE` of them shared, and its later text is
not listed yet (for each, the earlier text most alike). The order of sentences is each report's order in the claims
table (the article's, as :mod:`kit.draft` writes it). Only a reporter's case is looked at: stories of at most
:data:`kit.auditing.stories.SMALL_STORY` texts within :data:`kit.auditing.stories.PAIR_BUDGET`
(:func:`kit.auditing.stories.small_stories`), as for the small stories' candidates; an archive's audit is unchanged.
What the rule changes on the real coverage, and how its settings were chosen (leaving one part out):
``docs/audit.md`` (the eleventh round).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.auditing.minhash import member
from kit.auditing.rows import pair_rows
from kit.auditing.stock import COPY_SIMILARITY
from kit.auditing.stories import small_pairs
from kit.auditing.weights import score

__all__ = ["WINDOW", "SKEW", "ALIKE", "PROSE", "aligned_copies", "neighbours"]

#: sentences up to this many places before or after a listed pair's are looked at
WINDOW = 2
#: ... the other report's sentence up to this many places off the same step
SKEW = 1
#: the share of the two texts' distinct content words that must be the same (a Jaccard similarity): as for a copy
#: that shows two outlets copying each other (:data:`kit.auditing.stock.COPY_SIMILARITY`)
ALIKE = COPY_SIMILARITY
#: ... and at least this many of them
PROSE = 2


def neighbours(report, row, later, earlier, *, window: int = WINDOW, skew: int = SKEW) -> tuple:
    """The pairs of texts around each pair (``later``, ``earlier``) in their two reports' order.

    Parameters
    ----------
    report, row : numpy.ndarray of int
        Each text's report (code) and its row in the claims table (the order within a report).
    later, earlier : numpy.ndarray of int
        Pairs of texts (positions).
    window, skew : int
        :data:`WINDOW`, :data:`SKEW`.

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        The texts ``i + d`` of ``later``'s report and ``j + e`` of ``earlier``'s, each pair once.

    Examples
    --------
    >>> x, y = neighbours(np.array([0, 0, 0, 1, 1, 1]), np.arange(6), np.array([4]), np.array([1]), window=1, skew=0)
    >>> sorted(zip(x.tolist(), y.tolist()))
    [(3, 0), (5, 2)]
    """
    report, row = np.asarray(report, dtype=np.int64), np.asarray(row, dtype=np.int64)
    later, earlier = np.asarray(later, dtype=np.int64), np.asarray(earlier, dtype=np.int64)
    order = np.lexsort((row, report))
    inv = np.empty(len(order), np.int64)
    inv[order] = np.arange(len(order))
    sorted_report = report[order]
    start = np.searchsorted(sorted_report, report, "left")
    size = np.searchsorted(sorted_report, report, "right") - start
    rank = inv - start
    xs, ys = [], []
    for d in [d for d in range(-window, window + 1) if d]:
        for e in [e for e in range(d - skew, d + skew + 1) if e]:
            rx, ry = rank[later] + d, rank[earlier] + e
            ok = (rx >= 0) & (rx < size[later]) & (ry >= 0) & (ry < size[earlier])
            xs.append(order[start[later[ok]] + rx[ok]])
            ys.append(order[start[earlier[ok]] + ry[ok]])
    x = np.concatenate(xs) if xs else np.zeros(0, np.int64)
    y = np.concatenate(ys) if ys else np.zeros(0, np.int64)
    pairs = np.unique(np.stack([x, y], axis=1), axis=0) if len(x) else np.zeros((0, 2), np.int64)
    return pairs[:, 0], pairs[:, 1]


def aligned_copies(
    claims,
    corp,
    found,
    report,
    listed_later,
    listed_earlier,
    *,
    alike: float | None = None,
    min_score: float = 0.5,
    small: np.ndarray | None = None,
) -> pd.DataFrame:
    """Pairs (later, earlier) of texts in the same place of two reports of which a pair is listed (see the module's
    docstring).

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    corp : kit.auditing.text.Corpus
    found : kit.auditing.signals.Matches
    report : numpy.ndarray of int
        Each text's report (code), by time-order position.
    listed_later, listed_earlier : numpy.ndarray of int
        The pairs listed so far (text positions).
    alike : float, optional
        :data:`ALIKE` by default.
    min_score : float
        Only pairs scoring this: ``1 - (1 - s) * (1 - J)``, ``s`` the shared words' score against the later text's
        (:func:`kit.auditing.weights.score`), ``J`` the two texts' Jaccard similarity.
    small : numpy.ndarray of bool, optional
        Which texts are of small stories (:func:`kit.auditing.stories.small_stories`), when the caller has it.

    Returns
    -------
    pandas.DataFrame
        ``later``, ``earlier`` (time-order positions), ``signal`` (``shared_text``), ``score``, ``evidence``.

    Examples
    --------
    >>> import kit
    >>> from kit.auditing.context import claims_in_time_order
    >>> from kit.auditing.signals import matches
    >>> from kit.auditing.text import corpus
    >>> c = claims_in_time_order(kit.testing.synth.make_case(40, seed=1, copy_rate=0.3))
    >>> w = corpus(c.text)
    >>> len(aligned_copies(c, w, matches(w), np.zeros(len(c), int), np.array([], int), np.array([], int)))
    0
    """
    empty = pair_rows([], [], "shared_text", [], [])
    ll, le = np.asarray(listed_later, dtype=np.int64), np.asarray(listed_earlier, dtype=np.int64)
    keep = small_pairs(claims, ll, le, small)
    if not keep.any():
        return empty
    alike = ALIKE if alike is None else alike
    x, y = neighbours(report, claims.row, ll[keep], le[keep], window=WINDOW, skew=SKEW)
    later, earlier = np.maximum(x, y), np.minimum(x, y)
    pub = claims.publisher
    ok = (pub[later] >= 0) & (pub[earlier] >= 0) & (pub[later] != pub[earlier]) & ~np.isin(later, ll)
    ok &= ~member(claims.pair_keys(later, earlier), claims.cited)
    quotes = np.bincount(np.repeat(np.arange(len(corp)), np.diff(corp.ptr)), weights=corp.quoted, minlength=len(corp))
    ok &= (quotes[later] == 0) & (quotes[earlier] == 0)
    later, earlier = later[ok], earlier[ok]
    weight = found.pairs.word
    best: dict = {}
    for u, v in zip(later.tolist(), earlier.tolist(), strict=True):
        mine = corp.ids[corp.ptr[u] : corp.ptr[u + 1]]
        a, b = set(mine.tolist()), set(corp.ids[corp.ptr[v] : corp.ptr[v + 1]].tolist())
        both = len(a & b)
        similar = both / max(len(a | b), 1)
        if both < PROSE or similar < alike:
            continue
        w = float(weight[corp.ptr[u] : corp.ptr[u + 1]][np.isin(mine, list(a & b))].sum())
        # the shared words' score (few words of a short sentence score little) and how alike the two sentences are
        sc = 1 - (1 - float(score(w, found.prose_weight[u]))) * (1 - similar)
        if sc >= min_score and (u not in best or (similar, -v) > best[u][:2]):
            best[u] = (similar, -v, sc)
    if not best:
        return empty
    us = sorted(best)
    texts = claims.text.take(np.asarray(us, dtype=np.int64)).to_pylist()
    evidence = [f"copied prose: {t} (in the same place of two reports that copy each other)" for t in texts]
    return pair_rows(us, [-best[u][1] for u in us], "shared_text", [best[u][2] for u in us], evidence)
