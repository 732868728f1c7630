"""A short sentence reprinted word for word by an outlet that copies the other elsewhere in the story.

The exact check (:mod:`kit.auditing.exact`) lists a pair when it shares :data:`kit.auditing.exact.MIN_WORDS` content
words or more: fewer are too little evidence on their own ("The cause of the blast was not immediately known" is
how many outlets end a story). But an outlet that reprints an agency's story reprints its short sentences too
("Many children were still missing."), and when the two outlets copy each other in other sentences of the story
(:func:`kit.auditing.stock.related_pairs`), a short sentence of theirs that is the same word for word, every word,
function words too, is one more copied sentence. :func:`short_reprints` lists such pairs as ``shared_text``: texts
of at least :data:`kit.auditing.exact.MIN_RUN` content words and fewer than ``MIN_WORDS``, none of them quoted (a
quotation two outlets give alike is the speaker's, :mod:`kit.auditing.quotes`).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from kit.auditing.exact import MIN_RUN, MIN_WORDS
from kit.auditing.lone import copy_elsewhere, word_keys
from kit.auditing.rows import pair_rows
from kit.auditing.stock import COPY_SIMILARITY, RELATED_FROM, related_pairs
from kit.auditing.weights import score
from kit.draft.numbers import NUMBER_WORDS

__all__ = [
    "EDITED",
    "FIGURE",
    "LOOK_BACK",
    "REPRINTS_FROM",
    "cut_reprints",
    "edited_reprints",
    "kept_share",
    "short_reprints",
]

#: a short text is compared with at most this many earlier texts of its group (a sentence many outlets print alike
#: costs no more than this per text)
LOOK_BACK = 16
_NUMBER = "|".join(
    [w for w, v in NUMBER_WORDS.items() if v]
    + ["hundred", "hundreds", "thousand", "thousands", "million", "dozen", "dozens"]
)
#: a figure, in digits or in words ("35", "4,349", "nine", "forty-nine"): an update of a wire sentence changes it
FIGURE = rf"\d[\d.,:]*|(?:{_NUMBER})(?:-(?:{_NUMBER}))*"
_FIGURE = re.compile(FIGURE)
#: the share of the shorter text's distinct content words (figures left out, each word weighed by its rarity) an
#: edited reprint keeps
EDITED = 0.8
#: an edited reprint is looked for between outlets with at least this many copies of each other in the story (one
#: outlet reprinting the other's story, not two outlets sharing a sentence or two)
REPRINTS_FROM = 4
#: an edited reprint's shorter text holds at most this many content words (a sentence edited, not a paragraph)
SHORTER = 2 * MIN_WORDS


def short_reprints(claims, corp, found, *, min_score: float = 0.5) -> pd.DataFrame:
    """Pairs (later, earlier) of short texts of different publishers that are the same word for word, whose
    publishers copy each other elsewhere in the story (see the module's docstring); for each later text, the earliest.

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    corp : kit.auditing.text.Corpus
    found : kit.auditing.signals.Matches
    min_score : float
        Only pairs scoring this are listed (the text's own words against themselves,
        :func:`kit.auditing.weights.score`).

    Returns
    -------
    pandas.DataFrame
        ``later``, ``earlier`` (time-order positions), ``signal`` (``shared_text``), ``score``, ``evidence``
        ("copied prose: " and the later text).

    Examples
    --------
    >>> from kit.testing.synth import make_case
    >>> from kit.auditing.context import claims_in_time_order
    >>> from kit.auditing.text import corpus
    >>> from kit.auditing.signals import matches
    >>> claims = claims_in_time_order(make_case(60, seed=2, copy_rate=0.2))
    >>> words = corpus(claims.text)
    >>> len(short_reprints(claims, words, matches(words)))  # the generator's texts are long: none is short
    0
    """
    codes, pub = found.codes, claims.publisher
    n = np.diff(corp.ptr)
    quoted = _quoting(corp)
    short = np.flatnonzero((codes >= 0) & (n >= MIN_RUN) & (n < MIN_WORDS) & ~quoted & (pub >= 0))
    later: list = []
    earlier: list = []
    # a group of texts with the same content words holds only short texts, in time order
    order = short[np.argsort(codes[short], kind="stable")]
    for group in np.split(order, np.flatnonzero(np.diff(codes[order])) + 1):
        for i, m in enumerate(group.tolist()):
            words = corp.all_ids[corp.all_ptr[m] : corp.all_ptr[m + 1]]
            for o in group[max(0, i - LOOK_BACK) : i].tolist():  # the earliest the same in every word
                if pub[o] != pub[m] and np.array_equal(corp.all_ids[corp.all_ptr[o] : corp.all_ptr[o + 1]], words):
                    later.append(m)
                    earlier.append(o)
                    break
    if not later:
        return pair_rows([], [], "shared_text", [], [])
    related = _related(claims, corp, found, later, earlier)
    u, v = np.array(later, dtype=np.int64)[related], np.array(earlier, dtype=np.int64)[related]
    return _listed(claims, found, u, v, u, min_score)


def _quoting(corp) -> np.ndarray:
    """Whether each text quotes anything (one of its content words is inside quotation marks)."""
    n = np.diff(corp.ptr)
    return np.bincount(np.repeat(np.arange(len(n)), n), weights=corp.quoted, minlength=len(n)) > 0


def _related(claims, corp, found, later, earlier, at_least: int = RELATED_FROM) -> np.ndarray:
    """Whether the publishers of each pair (``later``, ``earlier``) copy each other elsewhere in its story: the
    checked pairs that are copies, and the texts with a copy's words (:func:`kit.auditing.stock.related_pairs`), at
    least ``at_least`` of them."""
    codes, n = found.codes, np.diff(corp.ptr)
    words = found.check["prose"]["words"]
    similar = words / np.maximum(n[found.later] + n[found.earlier] - words, 1) >= COPY_SIMILARITY
    dup = np.flatnonzero((codes >= 0) & (found.head[np.maximum(codes, 0)] != np.arange(len(codes))))
    return related_pairs(
        np.concatenate([found.later, dup, later]).astype(np.int64),
        np.concatenate([found.earlier, found.head[codes[dup]], earlier]).astype(np.int64),
        np.concatenate([similar, np.ones(len(dup), bool), np.zeros(len(later), bool)]),
        claims.publisher,
        claims.proposition,
        at_least=at_least,
    )[len(found.later) + len(dup) :]


def _listed(claims, found, u, v, own, min_score) -> pd.DataFrame:
    """Rows ``shared_text`` for the pairs (``u``, ``v``), scored by the words of the text ``own`` of each (the
    shorter) against themselves, its text the evidence; for each later text, the first."""
    sc = np.asarray(score(found.prose_weight[own], found.prose_weight[own]), dtype=float)
    keep = sc >= min_score
    u, v, own, sc = u[keep], v[keep], own[keep], sc[keep]
    texts = [claims.text[i].as_py() or "" for i in own.tolist()]
    out = pair_rows(u, v, "shared_text", sc, ["copied prose: " + t.strip() for t in texts])
    return out.drop_duplicates("later").reset_index(drop=True)


def cut_reprints(claims, corp, found, *, min_score: float = 0.5) -> pd.DataFrame:
    """Pairs (later, earlier) of checked texts of outlets that copy each other elsewhere in the story, sharing too
    few content words to be listed, where one text is the other cut short or with words put before it, a figure
    changed: every word of the shorter (function words too, each figure as one), in order, starts or ends the other.

    Edits of a wire sentence in its reprints ("There were no immediate claims of responsibility for the attacks."
    cut from Reuters' "… for the attacks in a country which was at war for decades …"; "At least 35 foreigners were
    among the dead, the officials said." after "Nine foreigners were among the dead, the officials said." in the
    story's first version) leave fewer than :data:`kit.auditing.exact.MIN_WORDS` content words in common: too
    little evidence between any two outlets, a copy between two that reprint each other. The shorter text must
    hold at least :data:`kit.auditing.exact.MIN_RUN` content words and at most ``MIN_WORDS``; neither text quotes
    anything (a quotation two outlets give alike is the speaker's). Outlets copy each other when another pair of
    their texts in the story is a copy (:func:`kit.auditing.lone.copy_elsewhere`).

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    corp : kit.auditing.text.Corpus
    found : kit.auditing.signals.Matches
    min_score : float
        Only pairs whose shorter text's own words score this are listed.

    Returns
    -------
    pandas.DataFrame
        As :func:`short_reprints` (the evidence the shorter text).

    Examples
    --------
    >>> from kit.testing.synth import make_case
    >>> from kit.auditing.context import claims_in_time_order
    >>> from kit.auditing.text import corpus
    >>> from kit.auditing.signals import matches
    >>> claims = claims_in_time_order(make_case(60, seed=2, copy_rate=0.2))
    >>> words = corpus(claims.text)
    >>> len(cut_reprints(claims, words, matches(words)))  # the generator's copies share many words: none
    0
    """
    n, pub = np.diff(corp.ptr), claims.publisher
    later, earlier = _unlisted_short(claims, corp, found, most=MIN_WORDS)
    cut = [
        _cut(corp, a, b) and copy_elsewhere(corp, a, b, pub, claims.proposition)
        for a, b in zip(later.tolist(), earlier.tolist(), strict=True)
    ]
    u, v = later[np.array(cut, dtype=bool)], earlier[np.array(cut, dtype=bool)]
    own = np.where(n[u] <= n[v], u, v)
    return _listed(claims, found, u, v, own, min_score)


def _unlisted_short(claims, corp, found, *, most: int) -> tuple[np.ndarray, np.ndarray]:
    """The checked pairs (later, earlier) sharing fewer than ``MIN_WORDS`` content words in a run, whose shorter text
    holds ``MIN_RUN`` to ``most`` content words, neither quoting anything (a quotation two outlets give alike is the
    speaker's), of two known publishers."""
    n, pub, quoted = np.diff(corp.ptr), claims.publisher, _quoting(corp)
    later, earlier, words = found.later, found.earlier, found.check["prose"]["words"]
    short = np.where(n[later] <= n[earlier], later, earlier)
    keep = (words < MIN_WORDS) & (n[short] >= MIN_RUN) & (n[short] <= most)
    keep &= ~quoted[later] & ~quoted[earlier]
    keep &= (pub[later] != pub[earlier]) & (pub[later] >= 0) & (pub[earlier] >= 0)
    return later[keep], earlier[keep]


def _cut(corp, a: int, b: int) -> bool:
    """Whether all the words of the shorter of texts ``a`` and ``b``, figures as one, start or end the other's."""
    x, y = (_shape(corp, i) for i in (a, b))
    x, y = (x, y) if len(x) <= len(y) else (y, x)
    return bool(x) and (y[: len(x)] == x or y[len(y) - len(x) :] == x)


def _shape(corp, i: int) -> list:
    words = corp.vocab[corp.all_ids[corp.all_ptr[i] : corp.all_ptr[i + 1]]].tolist()
    return ["#" if _FIGURE.fullmatch(w) else w for w in words]


def edited_reprints(claims, corp, found, *, min_score: float = 0.5, share: float = EDITED) -> pd.DataFrame:
    """Pairs (later, earlier) of checked texts of outlets that copy each other elsewhere in the story, sharing too
    few content words in a run to be listed, where most of the shorter text's content words (figures left out, each
    word weighed by how rare it is in the case, so that shared boilerplate counts little) are in the other: a wire
    sentence edited in a reprint, words moved, dropped or put in.

    The Nation's "He said that 15 people, including some children, had not been accounted for." from Reuters'
    "Mayor Sergio Pirozzi said around 15 people, including some children and the local baker, had not been accounted
    for." shares four content words in a run, too few on their own; The Nation reprints more of Reuters' story. The
    outlets must have at least :data:`REPRINTS_FROM` copies of each other in the story (two outlets that share two
    or three sentences also share descriptions, "the Shangri-La, Kingsbury and the Cinnamon Grand in Colombo", and
    an official's words each reported in its own sentence); neither text quotes anything.

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    corp : kit.auditing.text.Corpus
    found : kit.auditing.signals.Matches
    min_score : float
        Only pairs whose shorter text's own words score this are listed.
    share : float
        The share of the shorter text's distinct content words the other holds (by rarity).

    Returns
    -------
    pandas.DataFrame
        As :func:`short_reprints` (the evidence the shorter text).

    Examples
    --------
    >>> from kit.testing.synth import make_case
    >>> from kit.auditing.context import claims_in_time_order
    >>> from kit.auditing.text import corpus
    >>> from kit.auditing.signals import matches
    >>> claims = claims_in_time_order(make_case(60, seed=2, copy_rate=0.2))
    >>> words = corpus(claims.text)
    >>> len(edited_reprints(claims, words, matches(words)))
    0
    """
    n = np.diff(corp.ptr)
    later, earlier = _unlisted_short(claims, corp, found, most=SHORTER)
    if len(later):
        related = _related(claims, corp, found, later, earlier, at_least=REPRINTS_FROM)
        later, earlier = later[related], earlier[related]
    kept = kept_share(corp, later, earlier)
    ok = kept >= share
    u, v = later[ok], earlier[ok]
    own = np.where(n[u] <= n[v], u, v)
    return _listed(claims, found, u, v, own, min_score)


def kept_share(corp, later, earlier) -> np.ndarray:
    """For each pair, the share of the shorter text's distinct content words (figures left out) that the other holds,
    each word weighed by how rare it is in the case (``log(texts / occurrences)``: a boilerplate word weighs little).

    Parameters
    ----------
    corp : kit.auditing.text.Corpus
    later, earlier : numpy.ndarray of int
        Pairs of texts (positions).

    Returns
    -------
    numpy.ndarray of float
        Between 0 and 1.

    Examples
    --------
    >>> from kit.auditing.text import corpus
    >>> c = corpus(["Fire crews reached the valley at dawn", "Crews reached the valley", "Rain fell"])
    >>> kept_share(c, np.array([1, 2]), np.array([0, 0])).round(2).tolist()
    [1.0, 0.0]
    """
    n = np.diff(corp.ptr)
    short = np.where(n[later] <= n[earlier], later, earlier)
    other = np.where(short == later, earlier, later)
    size = len(corp.vocab)
    x, y = _keys(corp, short), _keys(corp, other)
    often = np.bincount(corp.ids, minlength=size)
    rare = np.log((len(corp) + 1) / np.maximum(often, 1))
    both = np.intersect1d(x, y, assume_unique=True)
    shared = np.bincount(both // size, weights=rare[both % size], minlength=len(short))
    return shared / np.maximum(np.bincount(x // size, weights=rare[x % size], minlength=len(short)), 1e-12)


def _keys(corp, texts) -> np.ndarray:
    """Each text's distinct content words but figures, as keys ``row * vocabulary + word`` (sorted)."""
    keys = word_keys(corp, texts)[1]
    seen = np.unique(keys % len(corp.vocab))
    figure = seen[[bool(_FIGURE.fullmatch(w)) for w in corp.vocab[seen].tolist()]]
    return keys[~np.isin(keys % len(corp.vocab), figure)]
