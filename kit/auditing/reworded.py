"""A sentence reworded around words kept whole: a run of the other's words, stop words too, by an outlet that
copies the other elsewhere in the story.

The exact check (:mod:`kit.auditing.exact`) counts shared *content* words: an edit on every other content word
leaves no run of three, and a copy whose surviving words are mostly function words counts for little ("Another
survivor, who did not give his name, said he was asleep when the shock woke him up." from the AP's "Another survivor,
who did not give his name, said he was sleeping when the impact of the crash woke him up."; "Police are
investigating whether the two hostages were killed by the gunman or died in the crossfire" recast as "An
investigation would determine whether hostages were killed by the gunman or died in cross-fire"). What such a
rewording keeps is a run of the reporter's words in their order, stop words too. Two outlets that do not copy each
other rarely write :data:`RUN` words alike in a row outside a quotation; between outlets already listed as copying
each other elsewhere in the story (:data:`LINKED` pairs or more), such a run is one more copied sentence.

:func:`reworded_copies` looks only at checked pairs (:class:`kit.auditing.signals.Matches`: candidates, never all
pairs) whose later text is not listed yet: a run of :data:`RUN` words the same in both texts, figures in words the
same as in digits ("seven" and "7"), holding at least :data:`PROSE` content words that neither text quotes (a
quotation two outlets give alike is the speaker's, :mod:`kit.auditing.quotes`), and held by at most
:data:`kit.auditing.groups.RARE_AT_MOST` of the texts compared (a longer run of boilerplate, "officials said on
Monday, according to local media", is no evidence). For each later text, the earlier
text sharing the most such runs is listed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.auditing.groups import RARE_AT_MOST, ranges
from kit.auditing.hashing import mix64
from kit.auditing.rows import pair_rows
from kit.auditing.text import word_spans
from kit.auditing.weights import score
from kit.draft.numbers import NUMBER_WORDS

__all__ = ["LINKED", "PROSE", "RUN", "reworded_copies", "shared_runs", "unlisted_linked", "linked_publishers"]

#: a run of this many words, stop words too, the same in both texts
RUN = 7
#: ... holding at least this many content words that neither text quotes
PROSE = 2
#: between outlets listed as copying each other in at least this many other pairs of the story
LINKED = 2
#: figures in words up to twenty, each the same word as its digits (its position)
_NUMBERS = tuple(w for w, v in sorted(NUMBER_WORDS.items(), key=lambda wv: wv[1]) if v <= 20)


def reworded_copies(claims, corp, found, listed_later, listed_earlier, *, min_score: float = 0.5) -> pd.DataFrame:
    """Pairs (later, earlier) of checked texts that share a run of :data:`RUN` words holding :data:`PROSE` content
    words neither quotes, of outlets listed as copying each other in :data:`LINKED` other pairs of the story (see
    the module's docstring); for each later text not listed yet, the earlier sharing the most such runs.

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    corp : kit.auditing.text.Corpus
    found : kit.auditing.signals.Matches
    listed_later, listed_earlier : numpy.ndarray of int
        The pairs listed so far (text positions).
    min_score : float
        Only pairs whose later text's own words score this (:func:`kit.auditing.weights.score`) are listed.

    Returns
    -------
    pandas.DataFrame
        ``later``, ``earlier`` (time-order positions), ``signal`` (``shared_text``), ``score``, ``evidence``
        ("copied prose: " and the run, as the later text has it).

    Examples
    --------
    >>> from kit.testing.synth import make_case
    >>> from kit.auditing.context import claims_in_time_order
    >>> from kit.auditing.text import corpus
    >>> from kit.auditing.signals import matches
    >>> claims = claims_in_time_order(make_case(60, seed=2, copy_rate=0.2))
    >>> words = corpus(claims.text)
    >>> len(reworded_copies(claims, words, matches(words), np.array([], int), np.array([], int)))
    0
    """
    later, earlier = unlisted_linked(claims, found, listed_later, listed_earlier)
    u, v, first, last = _runs(corp, later, earlier)
    if len(u):
        sc = np.asarray(score(found.prose_weight[u], found.prose_weight[u]), dtype=float)
        keep = sc >= min_score
        u, v, first, last, sc = u[keep], v[keep], first[keep], last[keep], sc[keep]
    if not len(u):
        return pair_rows([], [], "shared_text", [], [])
    evidence = []
    for i, a, b in zip(u.tolist(), first.tolist(), last.tolist(), strict=True):
        text = claims.text[i].as_py() or ""
        spans = word_spans(text)
        evidence.append("copied prose: " + text[spans[a][1] : spans[b][2]])
    return pair_rows(u, v, "shared_text", sc, evidence)


def unlisted_linked(
    claims, found, listed_later, listed_earlier, *, at_least: int = LINKED
) -> tuple[np.ndarray, np.ndarray]:
    """The checked pairs of two known publishers whose later text is not listed, the publishers listed as copying
    each other in at least ``at_least`` pairs of the story.

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    found : kit.auditing.signals.Matches
    listed_later, listed_earlier : numpy.ndarray of int
        The pairs listed so far (text positions).
    at_least : int
        The listed pairs of the two publishers in the story that link them (:data:`LINKED`).

    Returns
    -------
    later, earlier : numpy.ndarray of int64
        The checked pairs (text positions).

    Examples
    --------
    >>> from kit.testing.synth import make_case
    >>> from kit.auditing.context import claims_in_time_order
    >>> from kit.auditing.text import corpus
    >>> from kit.auditing.signals import matches
    >>> claims = claims_in_time_order(make_case(60, seed=2, copy_rate=0.2))
    >>> found = matches(corpus(claims.text))
    >>> [len(x) for x in unlisted_linked(claims, found, np.array([], int), np.array([], int))]  # nothing listed
    [0, 0]
    """
    pub = claims.publisher
    later, earlier = found.later, found.earlier
    keep = (pub[later] != pub[earlier]) & (pub[later] >= 0) & (pub[earlier] >= 0)
    keep &= ~np.isin(later, np.asarray(listed_later, dtype=np.int64))
    later, earlier = later[keep], earlier[keep]
    linked = linked_publishers(claims, listed_later, listed_earlier, later, earlier, at_least=at_least)
    return later[linked], earlier[linked]


def linked_publishers(claims, listed_later, listed_earlier, later, earlier, *, at_least: int = LINKED) -> np.ndarray:
    """For each pair (``later``, ``earlier``) of texts: are their two (known) publishers listed as copying each other
    in at least ``at_least`` pairs of the later text's story?

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    listed_later, listed_earlier : numpy.ndarray of int
        The pairs listed so far (text positions).
    later, earlier : numpy.ndarray of int
        The pairs asked about (text positions).
    at_least : int
        :data:`LINKED`.

    Returns
    -------
    numpy.ndarray of bool

    Examples
    --------
    >>> from kit.testing.synth import make_case
    >>> from kit.auditing.context import claims_in_time_order
    >>> claims = claims_in_time_order(make_case(60, seed=2, copy_rate=0.2))
    >>> linked_publishers(claims, np.array([], int), np.array([], int), np.array([5]), np.array([1])).tolist()
    [False]
    """
    pub, story = claims.publisher, claims.proposition
    later, earlier = np.asarray(later, dtype=np.int64), np.asarray(earlier, dtype=np.int64)
    ll, le = np.asarray(listed_later, dtype=np.int64), np.asarray(listed_earlier, dtype=np.int64)
    ll, le = ll[(pub[ll] >= 0) & (pub[le] >= 0)], le[(pub[ll] >= 0) & (pub[le] >= 0)]
    if not len(later) or not len(ll):
        return np.zeros(len(later), dtype=bool)
    width = np.int64(max(int(pub.max()), 0) + 1)

    def key(a, b):
        lo, hi = np.minimum(pub[a], pub[b]).astype(np.int64), np.maximum(pub[a], pub[b]).astype(np.int64)
        return (story[a].astype(np.int64) * width + lo) * width + hi

    have, count = np.unique(key(ll, le), return_counts=True)
    at = np.minimum(np.searchsorted(have, key(later, earlier)), len(have) - 1)
    return (have[at] == key(later, earlier)) & (count[at] >= at_least) & (pub[later] >= 0) & (pub[earlier] >= 0)


def _tokens(corp, texts: np.ndarray):
    """The words of ``texts`` one after another (figures in words as their digits), whether each is a content word,
    whether it is quoted, the text of each, and where each text starts."""
    at, owner = ranges(corp.all_ptr[texts], np.diff(corp.all_ptr)[texts])
    canon = np.arange(len(corp.vocab), dtype=np.int64)
    index = pd.Index(corp.vocab)
    for n, word in enumerate(_NUMBERS):
        ids = index.get_indexer([word, str(n)])
        canon[ids[ids >= 0]] = len(corp.vocab) + n
    tok = canon[corp.all_ids[at]]
    start = np.concatenate([[0], np.cumsum(np.diff(corp.all_ptr)[texts])])
    content, quoted = np.zeros(len(tok), bool), np.zeros(len(tok), bool)
    c_at, c_owner = ranges(corp.ptr[texts], np.diff(corp.ptr)[texts])
    flat = start[c_owner] + corp.pos[c_at]
    content[flat] = True
    quoted[flat] = corp.quoted[c_at]
    return tok, content, quoted, owner, start


def shared_runs(corp, later, earlier, *, run: int = RUN) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """How many runs of ``run`` words (:data:`RUN`; stop words too, figures in words as their digits) each pair of texts
    shares, each holding :data:`PROSE` content words neither quotes and held by at most
    :data:`kit.auditing.groups.RARE_AT_MOST` of the texts compared; and the first and last word (of the later text)
    of those runs.

    Parameters
    ----------
    corp : kit.auditing.text.Corpus
    later, earlier : numpy.ndarray of int
        Pairs of text positions.
    run : int
        Words in a run.

    Returns
    -------
    runs, first, last : numpy.ndarray of int64
        Per pair (``first`` and ``last`` meaningful where ``runs > 0``).

    Examples
    --------
    >>> from kit.auditing.text import corpus
    >>> c = corpus(["The plane was new and had been delivered to the airline in November, officials said",
    ...             "Records show the plane was new and had been delivered to the airline in November",
    ...             "The airline said the plane was delivered in November"])
    >>> shared_runs(c, np.array([1, 2]), np.array([0, 0]))[0].tolist()
    [7, 0]
    """
    empty = np.zeros(0, dtype=np.int64)
    pairs = len(later)
    if not pairs:
        return empty, empty, empty
    texts, inv = np.unique(np.concatenate([later, earlier]), return_inverse=True)
    tok, content, quoted, owner, start = _tokens(corp, texts)
    n = np.diff(start)
    # each window of run words: its text, its first word, its hash, its content words, its quoted content words
    w_at, w_owner = ranges(start[:-1], n - run + 1)
    h = np.zeros(len(w_at), dtype=np.uint64)
    cum_c = np.concatenate([[0], np.cumsum(content)])
    cum_q = np.concatenate([[0], np.cumsum(content & quoted)])
    for j in range(run):
        h = mix64(h ^ (tok[w_at + j].astype(np.uint64) + np.uint64(j << 40)))
    wc, wq = cum_c[w_at + run] - cum_c[w_at], cum_q[w_at + run] - cum_q[w_at]
    # a run that more than RARE_AT_MOST of the texts compared hold is boilerplate ("according to local media")
    held = np.unique(h.astype(np.uint64) ^ mix64(w_owner.astype(np.uint64)), return_index=True)[1]
    kinds, seen = np.unique(h[held], return_counts=True)
    common = np.isin(h, kinds[seen > RARE_AT_MOST])
    first_w = np.concatenate([[0], np.cumsum(np.maximum(n - run + 1, 0))])
    a, b = inv[:pairs], inv[pairs:]
    # every window of each pair's two texts, tagged with the pair and the side; equal hashes side by side
    ia, pa = ranges(first_w[a], first_w[a + 1] - first_w[a])
    ib, pb = ranges(first_w[b], first_w[b + 1] - first_w[b])
    win = np.concatenate([ia, ib])
    pair = np.concatenate([pa, pb])
    side = np.concatenate([np.zeros(len(ia), np.int8), np.ones(len(ib), np.int8)])
    order = np.lexsort((side, h[win], pair))
    win, pair, side = win[order], pair[order], side[order]
    hit = np.flatnonzero((pair[:-1] == pair[1:]) & (h[win[:-1]] == h[win[1:]]) & (side[:-1] == 0) & (side[1:] == 1))
    wa, wb, p = win[hit], win[hit + 1], pair[hit]
    prose = np.minimum(wc[wa], wc[wb]) - wq[wa] - wq[wb]
    keep = (prose >= PROSE) & ~common[wa]
    wa, p = wa[keep], p[keep]
    runs = np.bincount(p, minlength=pairs).astype(np.int64)
    lo = np.full(pairs, np.iinfo(np.int64).max)
    hi = np.full(pairs, -1, dtype=np.int64)
    pos = w_at[wa] - start[w_owner[wa]]
    np.minimum.at(lo, p, pos)
    np.maximum.at(hi, p, pos + run - 1)
    return runs, lo, hi


def _runs(corp, later, earlier):
    """For each later text, the earlier sharing the most :func:`shared_runs`, and the first and last word (of the
    later text) of those runs."""
    empty = np.zeros(0, dtype=np.int64)
    runs, lo, hi = shared_runs(corp, later, earlier)
    cand = np.flatnonzero(runs > 0)
    if not len(cand):
        return empty, empty, empty, empty
    # per later text, the most runs, then the earliest earlier text
    order = np.lexsort((earlier[cand], -runs[cand], later[cand]))
    cand = cand[order]
    cand = cand[np.concatenate([[True], later[cand][1:] != later[cand][:-1]])]
    return later[cand], earlier[cand], lo[cand], hi[cand]
