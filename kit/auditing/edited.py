"""A sentence edited word by word: most of the reporter's own words of another outlet's sentence kept in their order.

An outlet that copies an agency's sentence often changes a word here and there: "Rescuers tried to (cut / dig)
through the debris with (earth movers / earthmovers), drilling machines and their bare hands"; "Those who are missing
(may / might) be with (relatives and friends / friends or family), and (they are) not necessarily presumed (to be)
dead". No run of :data:`kit.auditing.reworded.RUN` words survives such edits, so the word searches
(:mod:`kit.auditing.stories`, :mod:`kit.auditing.groups`) may give no candidate pair, and the content words shared are
too few for the exact check; yet the sentence is the other's, word after word.

:func:`edited_sentences` takes every pair of texts within a small story (a reporter's case,
:func:`kit.auditing.stories.story_pairs`) whose later text is not listed yet, reads each text's *own words*
(:func:`own_words`: every word, function words too, outside quotation marks and outside a quotation's attribution,
:mod:`kit.auditing.marks`), and lists a pair of two publishers listed as copying each other in at least
:data:`kit.auditing.reprints.REPRINTS_FROM` pairs of the story (one outlet reprinting the other's story, as an edited
reprint asks: :func:`kit.auditing.reworded.linked_publishers`; an edit, like a short sentence word for word, is no
evidence between outlets that share a sentence or two) as copied prose when both hold at least :data:`PROSE` own words
and their own words are at least :data:`SIMILAR` alike in order (:func:`similarity`: twice the longest common
subsequence of words over the two lengths). A quotation two outlets give alike is the speaker's
(:mod:`kit.auditing.quotes`): its words and the speaker's name do not count, so two outlets quoting one statement with a
bare attribution share no own words at all. For each later text the earlier one most alike (then the earliest) is
listed, unless a text at least as alike accounts for its words: one of its own publisher, one it cites, or one the
tables' citations explain (as :func:`kit.auditing.signals.shared_text` prefers the tables' explanation on equal
evidence).

Cost: the pairs of small stories only (at most :data:`kit.auditing.stories.PAIR_BUDGET`, none in an archive, whose
audit is unchanged); a pair is compared word by word only when its words shared, counted with repeats, could reach
:data:`SIMILAR` (a bound on the longest common subsequence). What the rule changes on the real coverage, and how its
settings were chosen (leaving one part out): ``docs/audit.md`` (the thirteenth round).
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from kit.auditing.marks import attribution_flags, quoted_flags
from kit.auditing.minhash import member
from kit.auditing.reprints import REPRINTS_FROM
from kit.auditing.reworded import linked_publishers
from kit.auditing.rows import pair_rows
from kit.auditing.stories import story_pairs
from kit.auditing.text import words

__all__ = ["PROSE", "SIMILAR", "EDITED", "own_words", "similarity", "edited_sentences"]

#: both texts hold at least this many own words (outside quotation marks and the attribution)
PROSE = 5
#: ... and their own words are at least this alike in order (:func:`similarity`)
SIMILAR = 0.7
#: what the evidence says after the words kept
EDITED = "(a sentence edited word by word, its own words kept in order)"


def own_words(text: str) -> list[str]:
    """The reporter's own words of ``text``: its words (:func:`kit.auditing.text.words`, function words too), in order,
    but those inside quotation marks and those of a quotation's attribution (:mod:`kit.auditing.marks`).

    Parameters
    ----------
    text : str

    Returns
    -------
    list of str

    Examples
    --------
    >>> own_words("The fire spread quickly, “in seconds,” Mayor Ana Ruiz told reporters.")
    ['the', 'fire', 'spread', 'quickly']
    """
    ws, quoted, said = words(text), quoted_flags(text), attribution_flags(text)
    return [w for w, q, a in zip(ws, quoted, said, strict=False) if not q and not a]


def similarity(a: list, b: list) -> float:
    """How alike two word lists are in order: twice their longest common subsequence over their two lengths (1 when
    equal, 0 when they share no word; 0 when both are empty).

    Parameters
    ----------
    a, b : list of str

    Returns
    -------
    float

    Examples
    --------
    >>> similarity("they tried to dig through the debris".split(), "they tried to cut through the debris".split())
    0.8571428571428571
    """
    if not a or not b:
        return 0.0
    return 2 * len(_kept(a, b)) / (len(a) + len(b))


def edited_sentences(
    claims,
    listed_later,
    listed_earlier,
    *,
    explained=None,
    min_score: float = 0.5,
    prose: int = PROSE,
    alike: float = SIMILAR,
    linked: int = REPRINTS_FROM,
) -> pd.DataFrame:
    """Pairs (later, earlier) of texts of one small story whose own words are alike in order (see the module's
    docstring).

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    listed_later, listed_earlier : numpy.ndarray of int
        The pairs listed so far (time-order positions): their later texts are not looked at again, and they link
        publishers (:func:`kit.auditing.reworded.linked_publishers`).
    explained : callable, optional
        ``explained(later, earlier) -> bool array`` for time-order positions: a followed chain of the tables leads
        there. A later text whose own words are those of an earlier text of its own publisher, of one it cites or of
        one the tables explain, at least as closely as any other's, is accounted for and not listed (as for
        :func:`kit.auditing.signals.shared_text`).
    min_score : float
        Only pairs whose similarity is at least this (it is their score).
    prose, alike, linked : int, float, int
        :data:`PROSE`, :data:`SIMILAR`, and the listed pairs that link two publishers
        (:data:`kit.auditing.reprints.REPRINTS_FROM`, as for an edited reprint).

    Returns
    -------
    pandas.DataFrame
        ``later``, ``earlier`` (time-order positions), ``signal`` (``shared_text``), ``score`` (the similarity),
        ``evidence`` ("copied prose: " the later text's own words kept in order, then :data:`EDITED`).

    Examples
    --------
    >>> import kit
    >>> from kit.auditing.context import claims_in_time_order
    >>> c = claims_in_time_order(kit.testing.synth.make_case(40, seed=1, copy_rate=0.3))
    >>> none = np.array([], int)
    >>> edited_sentences(c, none, none).columns.tolist()
    ['later', 'earlier', 'signal', 'score', 'evidence']
    """
    pairs = story_pairs(claims.proposition, claims.publisher, same_publisher=True)
    pairs = pairs[~np.isin(pairs[:, 0], np.asarray(listed_later, dtype=np.int64))]
    if len(pairs) == 0:
        return pair_rows([], [], "shared_text", [], [])
    texts = np.unique(pairs)
    own = dict(zip(texts.tolist(), (own_words(t or "") for t in claims.text.take(texts).to_pylist()), strict=True))
    size = np.zeros(len(claims), dtype=np.int64)
    size[texts] = [len(own[t]) for t in texts.tolist()]
    la, lb = size[pairs[:, 0]], size[pairs[:, 1]]
    # the longest common subsequence is at most the shorter list: the pairs that cannot reach ``alike`` are left out
    pairs = pairs[(la >= prose) & (lb >= prose) & (2 * np.minimum(la, lb) >= alike * (la + lb))]
    counts: dict[int, Counter] = {t: Counter(own[t]) for t in np.unique(pairs).tolist()}
    kept = []
    for a, b in pairs.tolist():
        shared = sum((counts[a] & counts[b]).values())  # words shared, with repeats: a bound on the subsequence
        if 2 * shared >= alike * (len(own[a]) + len(own[b])):
            sc = similarity(own[a], own[b])
            if sc >= alike:
                kept.append((a, b, sc))
    if not kept:
        return pair_rows([], [], "shared_text", [], [])
    u, v = np.array([k[0] for k in kept], dtype=np.int64), np.array([k[1] for k in kept], dtype=np.int64)
    accounted = (claims.publisher[u] == claims.publisher[v]) | member(claims.pair_keys(u, v), claims.cited)
    if explained is not None and (~accounted).any():
        accounted[~accounted] = explained(u[~accounted], v[~accounted])
    # only between outlets listed as copying each other elsewhere in the story as often as an edited reprint asks (one
    # outlet reprinting the other's story, not two outlets sharing a sentence or two)
    ok = accounted | linked_publishers(claims, listed_later, listed_earlier, u, v, at_least=linked)
    best: dict = {}  # per later text: the most alike, the accounted for first, then the earliest
    for (a, b, sc), acc, good in zip(kept, accounted.tolist(), ok.tolist(), strict=True):
        if good and (a not in best or (sc, acc, -b) > best[a]):
            best[a] = (sc, acc, -b)
    best = {a: (sc, b) for a, (sc, acc, b) in best.items() if not acc and sc >= min_score}
    us = sorted(best)
    evidence = [f"copied prose: {' '.join(_kept(own[u], own[-best[u][1]]))} {EDITED}" for u in us]
    return pair_rows(us, [-best[u][1] for u in us], "shared_text", [best[u][0] for u in us], evidence)


def _kept(a: list, b: list) -> list:
    """The words of ``a`` in a longest common subsequence with ``b``, in ``a``'s order (the one rule of
    :func:`similarity` and of the evidence)."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            table[i][j] = table[i + 1][j + 1] + 1 if a[i] == b[j] else max(table[i + 1][j], table[i][j + 1])
    i = j = 0
    kept = []
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            kept.append(a[i])
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return kept
