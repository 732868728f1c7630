"""The exact check of candidate pairs: which words the later text shares with the earlier, in which passages, and
whether they are the reporter's own prose or a passage both texts quote.

A content word of the later text is *shared* when it starts or ends a pair of adjacent content words (a *word
pair*) that the earlier text also has. A word pair that both texts put inside quotation marks
(:func:`kit.auditing.marks.quoted_flags`) is a *shared quotation*: it says that both quote the same words, not that one
reporter wrote the other's prose. The words shared through other word pairs are *shared prose*, except the
words the later text quotes (a quoted word is never the reporter's own). Each kind is cut
into passages on its own: shared words at most :data:`GAP` words apart form one passage; a passage counts when it
holds at least :data:`MIN_RUN` shared words, and a pair's counted passages must hold :data:`MIN_WORDS` shared words
in all. Each shared word weighs the rarity of the rarest word pair it is shared through
(:func:`kit.auditing.weights.pair_weights`): a phrase that recurs across the case weighs little however rare its
words, and a run of frequent words that no other text has weighs much.

Everything is whole-array numpy over the candidate pairs: the cost is the pairs' words, not a loop per pair.
"""

from __future__ import annotations

import numpy as np

from kit.auditing.groups import ranges
from kit.auditing.hashing import mix64
from kit.auditing.minhash import member
from kit.auditing.weights import score

__all__ = ["MIN_WORDS", "MIN_RUN", "GAP", "exact_check"]

#: a pair's counted passages must hold at least this many shared words in all
MIN_WORDS = 5
#: a passage counts when it holds at least this many shared words (and the pair's passages :data:`MIN_WORDS`)
MIN_RUN = 3
#: shared words at most this many words apart form one passage
GAP = 2


def exact_check(corp, pw, later, earlier, *, chunk: int = 1 << 14) -> dict:
    """The shared prose and the shared quotations of each pair ``(later[i], earlier[i])`` of texts.

    Parameters
    ----------
    corp : kit.auditing.text.Corpus
    pw : kit.auditing.weights.PairWeights
        The case's word-pair weights.
    later, earlier : numpy.ndarray of int
        Text positions.
    chunk : int
        Pairs checked at a time (bounds the memory used; a small chunk stays in the processor's cache).

    Returns
    -------
    dict
        ``"prose"`` and ``"quote"``, each a dict of per-pair arrays: ``weight`` (summed weight of the counted
        shared words), ``words`` (how many), ``score`` (:func:`kit.auditing.weights.score` against the later text's
        prose, or quoted, words), ``passages`` (``(pair, first, last)``: word positions among the later text's
        content words) and ``positions`` (``(pair, position, weight)`` of each counted word).

    Examples
    --------
    >>> from kit.auditing.text import corpus
    >>> from kit.auditing.weights import pair_weights
    >>> c = corpus(["Flood waters rose over the old stone bridge at Ashford, “we saw the river take three houses "
    ...             "away,” the mayor said", "Flood waters rose over the old stone bridge near Ashford on Sunday",
    ...             "“We saw the river take three houses away,” the mayor said on Monday"])
    >>> m = exact_check(c, pair_weights(c, np.arange(3)), np.array([0, 0]), np.array([1, 2]))
    >>> m["prose"]["words"].tolist(), m["quote"]["words"].tolist()
    ([6, 0], [0, 6])
    """
    later, earlier = np.asarray(later, dtype=np.int64), np.asarray(earlier, dtype=np.int64)
    bigram = corp.bigrams  # hashed once per corpus
    parts = [
        _check(corp, pw, bigram, later[lo : lo + chunk], earlier[lo : lo + chunk]) for lo in range(0, len(later), chunk)
    ]
    if len(parts) == 1:
        return parts[0]
    if not parts:
        return _check(corp, pw, bigram, later, earlier)
    out = {}
    for name in ("prose", "quote"):
        got = [p[name] for p in parts]
        offset = np.cumsum([0] + [len(g["words"]) for g in got[:-1]])
        out[name] = {key: np.concatenate([g[key] for g in got]) for key in ("weight", "words", "score")} | {
            key: tuple(
                np.concatenate([g[key][i] + (o if i == 0 else 0) for g, o in zip(got, offset, strict=True)])
                for i in range(3)
            )
            for key in ("passages", "positions")
        }
    return out


def _check(corp, pw, bigram, later, earlier) -> dict:
    """:func:`exact_check` of one chunk of pairs."""
    ptr, quoted = corp.ptr, corp.quoted
    salt = mix64(np.arange(len(later), dtype=np.uint64) + np.uint64(1 << 50))
    lu, lv = np.diff(ptr)[later], np.diff(ptr)[earlier]
    ui, uo = ranges(ptr[later], lu - 1)
    vi, vo = ranges(ptr[earlier], lv - 1)

    def keys(i, o):
        return bigram[i] ^ salt[o]

    ku, kv = keys(ui, uo), keys(vi, vo)
    hit = member(ku, kv)
    qu, qv = quoted[ui] & quoted[ui + 1], quoted[vi] & quoted[vi + 1]
    qhit = np.zeros(len(ui), dtype=bool)
    if qu.any() and qv.any():
        at = np.flatnonzero(hit & qu)
        qhit[at] = member(ku[at], kv[qv])
    del ku, kv, vi, vo, qv
    bw = pw.weight[ui]
    tstart = np.cumsum(lu) - lu
    at = tstart[uo] + ui - ptr[later][uo]  # a word pair's first word among all the pairs' later words
    total = int(lu.sum())
    words_at = ranges(ptr[later], lu)[0]
    own = quoted[words_at]
    word_w = pw.word[words_at]
    del words_at
    owner = np.repeat(np.arange(len(later)), lu)
    out = {}
    for name, sel in (("prose", hit & ~qhit), ("quote", qhit)):
        first, second = at[sel], at[sel] + 1
        w = np.zeros(total)  # each word starts at most one word pair and ends at most one: no index repeats
        w[first] = bw[sel]
        w2 = np.zeros(total)
        w2[second] = bw[sel]
        np.maximum(w, w2, out=w)
        del w2
        matched = np.zeros(total, dtype=bool)
        matched[first] = True
        matched[second] = True
        matched &= own if name == "quote" else ~own  # a quoted word is never the reporter's own prose
        doc = np.bincount(owner, weights=word_w * (own if name == "quote" else ~own), minlength=len(later))
        out[name] = _passages(matched, w, tstart, lu, doc)
    return out


def _passages(matched, w, tstart, lu, doc_weight) -> dict:
    """Passages of matched words (see the module's docstring) and each pair's counted words, weight and score."""
    n = len(lu)
    idx = np.flatnonzero(matched)
    owner = np.searchsorted(tstart, idx, side="right") - 1
    rel = idx - tstart[owner]
    new = np.ones(len(idx), dtype=bool)
    new[1:] = (owner[1:] != owner[:-1]) | (rel[1:] - rel[:-1] > GAP + 1)
    passage = np.cumsum(new) - 1
    n_pass = int(passage[-1]) + 1 if len(passage) else 0
    wi = w[idx]
    p_words = np.bincount(passage, minlength=n_pass)
    p_weight = np.bincount(passage, weights=wi, minlength=n_pass)
    p_owner = owner[new]
    keep = p_words >= MIN_RUN
    keep &= (np.bincount(p_owner[keep], weights=p_words[keep], minlength=n) >= MIN_WORDS)[p_owner]
    in_kept = keep[passage]
    weight = np.bincount(p_owner[keep], weights=p_weight[keep], minlength=n)
    words = np.bincount(p_owner[keep], weights=p_words[keep], minlength=n).astype(np.int64)
    starts = rel[new][keep]
    ends = rel[np.concatenate([new[1:], [True]])][keep] if len(rel) else rel
    return {
        "weight": weight,
        "words": words,
        "score": score(weight, doc_weight),
        "passages": (p_owner[keep], starts, ends),
        "positions": (owner[in_kept], rel[in_kept], wi[in_kept]),
    }
