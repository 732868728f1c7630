"""The ``shared_text`` signal: the later claim repeats a run of an earlier claim's words.

How a pair is found and judged (``docs/audit.md`` says it for reporters):

1. **words**: texts become words and content words (:mod:`kit.auditing.text`); texts with the same words in the same
   order (stop words too: :func:`kit.auditing.groups.group_keys`) form one *group* (syndicated copy), handled once;
2. **candidates**: MinHash/LSH over each group's set of content words (:mod:`kit.auditing.minhash`); never all pairs;
   a candidate whose signatures agree on fewer than :data:`kit.auditing.groups.MIN_SIMILARITY` of their entries is
   dropped;
3. **exact check**: a content word of the later text is *shared* when it starts or ends a pair of adjacent content
   words that the earlier text also has. Shared words at most :data:`GAP` words apart form one *passage*; a
   passage counts when it holds at least :data:`MIN_RUN` shared words, and the pair's counted passages must hold
   :data:`MIN_WORDS` shared words in all (so a stock phrase such as "three hundred pupils" never suffices, and a
   copy whose edits cut it into runs of three or four words is still found);
4. **score** (see :func:`score`): from how many words are shared, how rare they are in the case, and how much of
   the later claim they cover;
5. **what is already explained**: an earlier claim of the later claim's own publisher, a claim it already cites
   (any citation row) or one that a followed chain of citations reaches (:func:`kit.auditing.reach.explained_pairs`)
   *explains* the words they share. The later claim's matches are taken closest first: the earlier text whose
   pairs of adjacent words (stop words too) it repeats most closely (a Jaccard similarity: a deleted, inserted or
   replaced word breaks the pairs around it), then the one sharing the most content words for their lengths, then
   the strongest, then one the tables explain, another publisher's before its own publisher's, the earlier. A
   suspected pair is kept only if its shared words not yet accounted for still make :data:`MIN_WORDS` words
   scoring at least ``min_score``, and then its words count as accounted for.
   So a copy of a copy is listed against the copy it repeats most closely (the one whose edits it carries), not
   against every claim with the same words, and a claim that repeats its declared source's words is not listed
   against that source's source. Texts with exactly the same words cannot be told apart: a copy of one is listed
   against the earliest (of another publisher).

``evidence`` is the shared passages as the later claim has them (its own characters, from the first to the last
shared word), joined by " … ".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.auditing.groups import head_candidates, ranges
from kit.auditing.minhash import distinct, member, mix64
from kit.auditing.text import PUNCTUATION, word_spans

__all__ = [
    "MIN_WORDS",
    "MIN_RUN",
    "GAP",
    "SCALE",
    "BACKGROUND",
    "word_weights",
    "score",
    "shared_text",
]

#: a pair's counted passages must hold at least this many shared words in all
MIN_WORDS = 5
#: a passage counts when it holds at least this many shared words (and the pair's passages :data:`MIN_WORDS`)
MIN_RUN = 3
#: shared words at most this many words apart form one passage
GAP = 2
#: evidence strength giving a score of 1 - 1/e (about 0.63).
SCALE = 3.0
#: imagined texts without any of the words (see :func:`word_weights`).
BACKGROUND = 10


def word_weights(df: np.ndarray, n_texts: int) -> np.ndarray:
    """How rare each word is: 1 for a word only the two texts of a pair have, near 0 for a word every text has.

    ``w = log(m / df) / log(m / 2)``, clipped to 0..1, where ``df`` is the number of distinct texts with the word
    and ``m = n + BACKGROUND``: ``n`` distinct texts plus :data:`BACKGROUND` imagined texts without the word, so
    that in a case of three claims the words that a copy shares with its source do not all count as common.

    Parameters
    ----------
    df : numpy.ndarray of int
        Distinct texts with each word.
    n_texts : int
        Distinct texts in all.

    Returns
    -------
    numpy.ndarray of float

    Examples
    --------
    >>> word_weights(np.array([2, 4, 8, 100]), 100).round(2).tolist()
    [1.0, 0.83, 0.65, 0.02]
    >>> word_weights(np.array([3]), 3).round(2).tolist()
    [0.78]
    """
    df = np.maximum(np.asarray(df, dtype=float), 1)
    m = n_texts + BACKGROUND
    return np.clip(np.log(m / df) / np.log(m / 2), 0, 1)


def score(shared_weight, claim_weight):
    """Score of a shared passage: ``1 - exp(-S / SCALE)``, ``S = W * (1 + W / T) / 2``.

    ``W`` is the summed rarity (:func:`word_weights`) of the shared words, ``T`` that of all the later claim's
    content words: the evidence is the shared words' rarity, counted in full when they are the whole claim and
    half when they are a small part of it.

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


def _exact(corp, weight, doc_weight, later, earlier):
    """The exact check of text pairs: kept passages and each pair's shared weight, words and positions."""
    ptr, ids = corp.ptr, corp.ids
    salt = mix64(np.arange(len(later), dtype=np.uint64) + np.uint64(1 << 50))
    lu, lv = np.diff(ptr)[later], np.diff(ptr)[earlier]
    ui, uo = ranges(ptr[later], lu - 1)
    vi, vo = ranges(ptr[earlier], lv - 1)

    def bigrams(i, o):  # word ids are below 2**31: (a, b) packs into 64 bits
        return mix64((ids[i] << 32) | ids[i + 1]) ^ salt[o]

    hit = member(bigrams(ui, uo), bigrams(vi, vo))
    del vi, vo
    tstart = np.cumsum(lu) - lu
    rel = ui - ptr[later][uo]
    matched = np.zeros(int(lu.sum()), dtype=bool)
    matched[(tstart[uo] + rel)[hit]] = True
    matched[(tstart[uo] + rel + 1)[hit]] = True
    idx = np.flatnonzero(matched)
    owner = np.searchsorted(tstart, idx, side="right") - 1
    rel = idx - tstart[owner]
    new = np.ones(len(idx), dtype=bool)
    new[1:] = (owner[1:] != owner[:-1]) | (rel[1:] - rel[:-1] > GAP + 1)
    passage = np.cumsum(new) - 1
    n_pass = int(passage[-1]) + 1 if len(passage) else 0
    w = weight[ids[ptr[later][owner] + rel]]
    p_words = np.bincount(passage, minlength=n_pass)
    p_weight = np.bincount(passage, weights=w, minlength=n_pass)
    p_owner = owner[new]
    keep = p_words >= MIN_RUN
    keep &= (np.bincount(p_owner[keep], weights=p_words[keep], minlength=len(later)) >= MIN_WORDS)[p_owner]
    in_kept = keep[passage]
    pair_weight = np.bincount(p_owner[keep], weights=p_weight[keep], minlength=len(later))
    pair_words = np.bincount(p_owner[keep], weights=p_words[keep], minlength=len(later)).astype(np.int64)
    starts = rel[new][keep]
    ends = rel[np.concatenate([new[1:], [True]])][keep] if len(rel) else rel
    return {
        "weight": pair_weight,
        "words": pair_words,
        "score": score(pair_weight, doc_weight[later]),
        "passages": (p_owner[keep], starts, ends),
        "positions": (owner[in_kept], rel[in_kept], w[in_kept]),
    }


def shared_text(claims, corp, explained, *, min_score: float = 0.5) -> pd.DataFrame:
    """Pairs (later, earlier) whose texts share a passage, with score and evidence (see the module's docstring).

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    corp : kit.auditing.text.Corpus
        The words of ``claims.text``, in the same (time) order.
    explained : callable
        ``explained(later, earlier) -> bool array`` for time-order positions: a followed chain leads there.
    min_score : float

    Returns
    -------
    pandas.DataFrame
        Columns ``later``, ``earlier`` (time-order positions), ``signal``, ``score``, ``evidence``.

    Examples
    --------
    >>> import kit
    >>> from kit.auditing.context import claims_in_time_order
    >>> from kit.auditing.text import corpus
    >>> c = claims_in_time_order(kit.testing.synth.make_case(40, seed=1, copy_rate=0.3))
    >>> rows = shared_text(c, corpus(c.text), lambda a, b: np.zeros(len(a), bool))
    >>> bool((rows["score"] >= 0.5).all()), sorted(set(rows["signal"]))
    (True, ['shared_text'])
    """
    n = len(claims)
    ptr, ids = corp.ptr, corp.ids
    codes, head, cand = head_candidates(corp)
    heads = head[head >= 0]
    n_texts = len(heads)
    # rarity of words over distinct texts
    hw, hwo = ranges(ptr[heads], np.diff(ptr)[heads])
    nv = max(len(corp.vocab), 1)
    df = np.bincount(distinct(hwo.astype(np.int64) * nv + ids[hw]) % nv, minlength=len(corp.vocab))
    weight = word_weights(df, n_texts)
    doc_weight = np.zeros(n)
    live = np.diff(ptr) > 0
    if live.any():
        doc_weight[live] = np.add.reduceat(weight[ids], ptr[:-1][live])
    # candidates among the heads, then each head compared with itself for groups of more than one text
    sizes = np.bincount(codes[codes >= 0], minlength=len(head))
    multi = head[sizes > 1]
    later_h = np.concatenate([heads[cand[:, 0]], multi])
    earlier_h = np.concatenate([heads[cand[:, 1]], multi])
    m = _exact(corp, weight, doc_weight, later_h, earlier_h)
    good = np.flatnonzero(m["words"] > 0)
    # spread a head pair to the texts of the later group: each against the earlier group's first text and, when
    # that one is by its own publisher, also against the group's first text by another publisher
    members = np.flatnonzero(codes >= 0)
    by_group = members[np.argsort(codes[members], kind="stable")]
    gptr = np.concatenate([[0], np.cumsum(sizes)])
    g_later = codes[later_h[good]]
    u, mi = ranges(gptr[g_later], sizes[g_later])
    u, mi = by_group[u], good[mi]
    g_earlier = codes[earlier_h[mi]]
    v = head[g_earlier]
    f2 = _first_other_publisher(by_group, gptr, claims.publisher)[g_earlier]
    also = (claims.publisher[v] == claims.publisher[u]) & (f2 >= 0)
    u, v, mi = np.concatenate([u, u[also]]), np.concatenate([v, f2[also]]), np.concatenate([mi, mi[also]])
    ok = (v < u) & (v >= 0)
    u, v, mi = u[ok], v[ok], mi[ok]
    if len(u) == 0:
        return _rows(claims, corp, [], [], [], [])
    # how each match is explained: 0 by the tables (cited, or a followed chain), 1 not (suspected), 2 by its own
    # publisher; on equal evidence the tables' explanation is preferred, and one's own publisher's last
    kind = np.where((claims.publisher[u] == claims.publisher[v]) | (claims.publisher[u] < 0), 2, 1)
    cited = member(claims.pair_keys(u, v), claims.cited)
    kind[cited] = 0
    rest = np.flatnonzero(kind == 1)
    kind[rest[explained(u[rest], v[rest])]] = 0
    lengths = np.diff(ptr)
    similar = m["words"] / np.maximum(lengths[later_h] + lengths[earlier_h] - m["words"], 1)
    return _choose(claims, corp, m, u, v, mi, kind, similar, doc_weight, min_score)


def _first_other_publisher(by_group, gptr, publisher):
    """For each group: its first text whose publisher differs from the first text's (-1 if none)."""
    g = np.repeat(np.arange(len(gptr) - 1), np.diff(gptr))
    out = np.full(len(gptr) - 1, -1, dtype=np.int64)
    if len(by_group) == 0:
        return out
    head_pub = publisher[by_group[gptr[:-1][np.diff(gptr) > 0]]]
    other = np.flatnonzero(publisher[by_group] != np.repeat(head_pub, np.diff(gptr)[np.diff(gptr) > 0]))
    if len(other):
        firsts = other[np.concatenate([[True], g[other][1:] != g[other][:-1]])]
        out[g[firsts]] = by_group[firsts]
    return out


def _word_pair_overlap(corp, later, earlier) -> np.ndarray:
    """How closely the later text repeats the earlier one: the Jaccard similarity of their pairs of adjacent words,
    stop words included (a word the copy deleted, inserted or replaced breaks the pairs around it)."""
    ptr, ids = corp.all_ptr, corp.all_ids.astype(np.int64)
    salt = mix64(np.arange(len(later), dtype=np.uint64) + np.uint64(1 << 50))
    lu, lv = np.diff(ptr)[later], np.diff(ptr)[earlier]
    ui, uo = ranges(ptr[later], lu - 1)
    vi, vo = ranges(ptr[earlier], lv - 1)
    hit = member(mix64((ids[ui] << 32) | ids[ui + 1]) ^ salt[uo], mix64((ids[vi] << 32) | ids[vi + 1]) ^ salt[vo])
    shared = np.bincount(uo, weights=hit, minlength=len(later))
    return shared / np.maximum(np.maximum(lu - 1, 0) + np.maximum(lv - 1, 0) - shared, 1)


def _choose(claims, corp, m, u, v, mi, kind, similar, doc_weight, min_score):
    """Keep the suspected pairs whose shared words are not yet accounted for (see the module's docstring)."""
    sc = m["score"][mi]
    close = similar[mi]
    # a later claim matching several earlier texts: how closely it repeats each one, stop words included
    alike = np.zeros(len(u))
    several = np.flatnonzero(np.bincount(u, minlength=len(claims))[u] > 1)
    alike[several] = _word_pair_overlap(corp, u[several], v[several])
    # per later claim: the text it repeats most closely first (pairs of words, then content words), then the
    # strongest, then the explained, then the earliest
    order = np.lexsort((v, kind, -sc, -close, -alike, u))
    u, v, mi, sc = u[order], v[order], mi[order], sc[order]
    accounted = kind[order] != 1
    starts = np.flatnonzero(np.concatenate([[True], u[1:] != u[:-1]]))
    count = np.diff(np.concatenate([starts, [len(u)]]))
    single = np.repeat(count == 1, count)
    keep = single & ~accounted & (sc >= min_score)
    po, prel, pw = m["positions"]
    pptr = np.concatenate([[0], np.cumsum(np.bincount(po, minlength=len(m["score"])))])
    for s, c in zip(starts[count > 1], count[count > 1], strict=False):
        covered = set()
        for i in range(s, s + c):
            j = mi[i]
            pos = prel[pptr[j] : pptr[j + 1]].tolist()
            if accounted[i]:
                covered.update(pos)
                continue
            fresh = [k for k, p in enumerate(pos) if p not in covered]
            if len(fresh) >= MIN_WORDS and sc[i] >= min_score:
                wn = float(pw[pptr[j] : pptr[j + 1]][fresh].sum())
                if score(wn, doc_weight[u[i]]) >= min_score:
                    keep[i] = True
                    covered.update(pos)
    k = np.flatnonzero(keep)
    return _rows(claims, corp, u[k], v[k], mi[k], sc[k], m)


def _rows(claims, corp, u, v, mi, sc, m=None) -> pd.DataFrame:
    import pyarrow as pa

    texts = claims.text.take(pa.array(np.asarray(u, dtype=np.int64))).to_pylist() if len(u) else []
    evidence = (
        [_evidence(t or "", corp, int(a), int(j), m) for t, a, j in zip(texts, u, mi, strict=False)]
        if m is not None
        else []
    )
    return pd.DataFrame(
        {
            "later": np.asarray(u, dtype=np.int64),
            "earlier": np.asarray(v, dtype=np.int64),
            "signal": "shared_text",
            "score": np.asarray(sc, dtype=float),
            "evidence": pd.Series(evidence, dtype=object),
        }
    )


def _evidence(text: str, corp, u: int, j: int, m) -> str:
    owner, starts, ends = m["passages"]
    lo, hi = np.searchsorted(owner, [j, j + 1])
    base = int(corp.ptr[u])
    cut = [(int(corp.pos[base + s]), int(corp.pos[base + e])) for s, e in zip(starts[lo:hi], ends[lo:hi], strict=False)]
    chunks = text.split()
    if " ".join(chunks) == text.strip():  # single spaces: the chunks give the characters
        at = [i for i, c in enumerate(chunks) if c.strip(PUNCTUATION)]
        if len(at) == corp.n_words[u]:
            return " … ".join(" ".join(chunks[at[a] : at[b] + 1]).strip(PUNCTUATION) for a, b in cut)
    spans = word_spans(text)
    if len(spans) == corp.n_words[u]:
        return " … ".join(text[spans[a][1] : spans[b][2]] for a, b in cut)
    # the two normalisations disagree (an unusual space or letter case): show the normalised words
    return " … ".join(
        " ".join(corp.vocab[corp.ids[base + s : base + e + 1]])
        for s, e in zip(starts[lo:hi], ends[lo:hi], strict=False)
    )
