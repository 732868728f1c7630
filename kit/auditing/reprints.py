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

import numpy as np
import pandas as pd

from kit.auditing.exact import MIN_RUN, MIN_WORDS
from kit.auditing.stock import COPY_SIMILARITY, related_pairs
from kit.auditing.weights import score

__all__ = ["LOOK_BACK", "short_reprints"]

#: a short text is compared with at most this many earlier texts of its group (a sentence many outlets print alike
#: costs no more than this per text)
LOOK_BACK = 16


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
    columns = ["later", "earlier", "signal", "score", "evidence"]
    codes, pub = found.codes, claims.publisher
    n = np.diff(corp.ptr)
    quoted = np.bincount(np.repeat(np.arange(len(n)), n), weights=corp.quoted, minlength=len(n)) > 0
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
        return pd.DataFrame({c: [] for c in columns}).astype({"later": np.int64, "earlier": np.int64, "score": float})
    # which outlets copy each other: the checked pairs that are copies, and the texts with a copy's words
    lengths = n
    words = found.check["prose"]["words"]
    similar = words / np.maximum(lengths[found.later] + lengths[found.earlier] - words, 1) >= COPY_SIMILARITY
    dup = np.flatnonzero((codes >= 0) & (found.head[np.maximum(codes, 0)] != np.arange(len(codes))))
    related = related_pairs(
        np.concatenate([found.later, dup, later]).astype(np.int64),
        np.concatenate([found.earlier, found.head[codes[dup]], earlier]).astype(np.int64),
        np.concatenate([similar, np.ones(len(dup), bool), np.zeros(len(later), bool)]),
        pub,
        claims.proposition,
    )[-len(later) :]
    u, v = np.array(later, dtype=np.int64)[related], np.array(earlier, dtype=np.int64)[related]
    sc = np.asarray(score(found.prose_weight[u], found.prose_weight[u]), dtype=float)
    keep = sc >= min_score
    u, v, sc = u[keep], v[keep], sc[keep]
    texts = [claims.text[i].as_py() or "" for i in u.tolist()]
    out = pd.DataFrame({"later": u, "earlier": v, "signal": "shared_text", "score": sc})
    out["evidence"] = pd.Series(["copied prose: " + t.strip() for t in texts], dtype=object)
    return out.drop_duplicates("later").reset_index(drop=True)[columns]
