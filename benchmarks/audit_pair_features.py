"""Features of the audit's checked pairs for a learned pair scorer, and that scorer's stage; used by
benchmarks/fit_audit_pairs.py (leave-one-part-out over tests/audit_corpus/). Not part of kit: its leave-one-part-out
result did not justify adopting it into kit.audit (benchmarks/results-audit-corpus-learned-lopo.json).

For each checked pair (:class:`kit.auditing.signals.Matches`: candidates, never all pairs) of two known publishers
whose later text is not listed yet, :func:`pair_features` computes :data:`FEATURES`:

``prose_words``, ``prose_score``, ``quote_words``
    the exact check's shared prose words, their score, and the shared quoted words (:mod:`kit.auditing.exact`);
``longest_run``
    the longest stretch of the later text, stop words too, each of whose runs of three words the earlier text has
    (figures in words as their digits, as :mod:`kit.auditing.reworded` reads them);
``prose_run``
    the same, counting only runs of three words none of which the later text quotes;
``kept``
    the share of the shorter text's rarer words the other holds (:func:`kit.auditing.reprints.kept_share`);
``same_figure``
    1 when both give a figure in digits outside quotation marks that few texts of the story give
    (:mod:`kit.auditing.restated`);
``jaccard``
    the Jaccard similarity of the two texts' distinct content words;
``length_ratio``
    the shorter text's words over the longer's;
``links``
    ``log(1 + n)``, ``n`` the pairs already listed between the two publishers in the story;
``quoted_share``
    the shared quoted words over all shared words of the exact check;
``same_speaker``
    1 when both texts name the same speaker (:func:`kit.auditing.quotes.speaker`).

:func:`learned_copies` scores each pair with a model (``1 / (1 + exp(-(b + w . z)))``, ``z`` the model's features
standardised by the fitted means and scales) and lists, for each later text, the earlier scoring highest when it
scores at least the model's threshold.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.auditing.exact import exact_check
from kit.auditing.groups import ranges
from kit.auditing.minhash import mix64
from kit.auditing.quotes import speaker
from kit.auditing.reprints import kept_share
from kit.auditing.restated import _same_figure
from kit.auditing.reworded import _tokens
from kit.auditing.text import word_spans
from kit.auditing.weights import score

__all__ = ["FEATURES", "SHARED", "candidate_pairs", "learned_copies", "pair_features", "predict"]

#: the features of a pair, in the model's order (see the module's docstring)
FEATURES = (
    "prose_words",
    "prose_score",
    "quote_words",
    "longest_run",
    "prose_run",
    "kept",
    "same_figure",
    "jaccard",
    "length_ratio",
    "links",
    "quoted_share",
    "same_speaker",
)
_WINDOW = 3
#: a pair of the ``linked`` pool shares at least this many distinct content words
SHARED = 3


def predict(model: dict, x: np.ndarray) -> np.ndarray:
    """The model's probability that each pair (a row of ``x``, :data:`FEATURES`) is copied prose.

    Parameters
    ----------
    model : dict
        ``features`` (names of :data:`FEATURES`), ``mean``, ``scale``, ``coef`` (arrays), ``intercept``.
    x : numpy.ndarray of float, shape (pairs, len(FEATURES))

    Returns
    -------
    numpy.ndarray of float

    Examples
    --------
    >>> model = {"features": FEATURES[:2], "mean": 0, "scale": 1, "coef": np.array([1.0, -1.0]), "intercept": 0.0}
    >>> x = np.zeros((2, len(FEATURES)))
    >>> x[1, 0] = 3.0
    >>> predict(model, x).round(2).tolist()
    [0.5, 0.95]
    """
    cols = [FEATURES.index(f) for f in model["features"]]
    z = (np.asarray(x, dtype=float)[:, cols] - model["mean"]) / model["scale"]
    return 1 / (1 + np.exp(-(z @ model["coef"] + model["intercept"])))


def candidate_pairs(claims, corp, found, listed_later, listed_earlier, *, pool: str = "checked"):
    """The candidate pairs of two different known publishers whose later text is not listed, their exact check, and
    the pairs listed between the two publishers in the story.

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    corp : kit.auditing.text.Corpus
    found : kit.auditing.signals.Matches
    listed_later, listed_earlier : numpy.ndarray of int
        The pairs listed so far (text positions).
    pool : {"checked", "linked"}
        ``checked``: the pairs ``found`` checked. ``linked``: every pair of texts of two publishers listed as
        copying each other in the story (at least one pair) sharing :data:`SHARED` distinct content words, checked
        here (a measure of what a wider pool would give; its cost is not bounded per claim).

    Returns
    -------
    check : dict
        ``prose`` and ``quote``, each ``words`` and ``score`` per pair (:func:`kit.auditing.exact.exact_check`).
    later, earlier : numpy.ndarray of int64
        The pairs' texts.
    links : numpy.ndarray of int64
        The listed pairs between their publishers in their story.

    Examples
    --------
    >>> from kit.testing.synth import make_case
    >>> from kit.auditing.context import claims_in_time_order
    >>> from kit.auditing.text import corpus
    >>> from kit.auditing.signals import matches
    >>> claims = claims_in_time_order(make_case(60, seed=2, copy_rate=0.2))
    >>> c = corpus(claims.text)
    >>> found = matches(c)
    >>> check, later, earlier, links = candidate_pairs(claims, c, found, np.array([], int), np.array([], int))
    >>> bool((claims.publisher[later] != claims.publisher[earlier]).all()), len(check["prose"]["words"]) == len(later)
    (True, True)
    """
    pub, story = claims.publisher, claims.proposition
    ll, le = np.asarray(listed_later, dtype=np.int64), np.asarray(listed_earlier, dtype=np.int64)
    known = (pub[ll] >= 0) & (pub[le] >= 0)
    ll, le = ll[known], le[known]
    width = np.int64(max(int(pub.max()), 0) + 1) if len(pub) else np.int64(1)

    def key(a, b):
        lo, hi = np.minimum(pub[a], pub[b]).astype(np.int64), np.maximum(pub[a], pub[b]).astype(np.int64)
        return (story[a].astype(np.int64) * width + lo) * width + hi

    have, count = np.unique(key(ll, le), return_counts=True)
    if pool == "checked":
        later, earlier = found.later, found.earlier
    else:
        later, earlier = _linked_pairs(corp, pub, story, have, width)
    keep = (pub[later] != pub[earlier]) & (pub[later] >= 0) & (pub[earlier] >= 0) & ~np.isin(later, ll)
    at = np.flatnonzero(keep)
    later, earlier = later[at].astype(np.int64), earlier[at].astype(np.int64)
    if pool == "checked":
        check = {k: {m: found.check[k][m][at] for m in ("words", "score")} for k in ("prose", "quote")}
    else:
        check = exact_check(corp, found.pairs, later, earlier)
    links = np.zeros(len(at), dtype=np.int64)
    if len(at) and len(have):
        k = key(later, earlier)
        i = np.minimum(np.searchsorted(have, k), len(have) - 1)
        links = np.where(have[i] == k, count[i], 0)
    return check, later, earlier, links


def _linked_pairs(corp, pub, story, have, width):
    """Every pair (later, earlier) of texts of two publishers linked in their story (keys ``have``) sharing
    :data:`SHARED` distinct content words."""
    texts: dict = {}
    for i, k in enumerate((story.astype(np.int64) * width + pub).tolist()):
        texts.setdefault(k, []).append(i)
    later, earlier = [], []
    for k in have.tolist():
        s, rest = divmod(k, width * width)
        lo, hi = divmod(rest, width)
        a = np.asarray(texts.get(s * width + lo, []), dtype=np.int64)
        b = np.asarray(texts.get(s * width + hi, []), dtype=np.int64)
        x, y = np.repeat(a, len(b)), np.tile(b, len(a))
        later.append(np.maximum(x, y))
        earlier.append(np.minimum(x, y))
    if not later:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    later_a, earlier_a = np.concatenate(later), np.concatenate(earlier)
    size = np.int64(len(corp.vocab))
    pairs = np.arange(len(later_a), dtype=np.int64)
    sides = []
    for t in (later_a, earlier_a):
        at, owner = ranges(corp.ptr[t], np.diff(corp.ptr)[t])
        sides.append(np.unique(pairs[owner] * size + corp.ids[at]))
    both = np.bincount(np.intersect1d(*sides, assume_unique=True) // size, minlength=len(later_a))
    keep = both >= SHARED
    return later_a[keep], earlier_a[keep]


def pair_features(claims, corp, check, later, earlier, links) -> np.ndarray:
    """:data:`FEATURES` of the candidate pairs of :func:`candidate_pairs` (see the module's docstring).

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    corp : kit.auditing.text.Corpus
    check : dict
    later, earlier, links : numpy.ndarray of int
        As :func:`candidate_pairs` gives them.

    Returns
    -------
    numpy.ndarray of float, shape (pairs, len(FEATURES))

    Examples
    --------
    >>> from kit.auditing.context import claims_in_time_order
    >>> from kit.auditing.text import corpus
    >>> from kit.auditing.signals import matches
    >>> from kit.testing.synth import make_case
    >>> claims = claims_in_time_order(make_case(60, seed=2, copy_rate=0.2))
    >>> c = corpus(claims.text)
    >>> found = matches(c, story=claims.proposition, publisher=claims.publisher)
    >>> x = pair_features(claims, c, *candidate_pairs(claims, c, found, np.array([], int), np.array([], int)))
    >>> x.shape[1] == len(FEATURES), bool((x[:, FEATURES.index("jaccard")] <= 1).all())
    (True, True)
    """
    x = np.zeros((len(later), len(FEATURES)), dtype=float)
    if not len(later):
        return x
    x[:, 0] = check["prose"]["words"]
    x[:, 1] = check["prose"]["score"]
    x[:, 2] = check["quote"]["words"]
    x[:, 3] = _longest_runs(corp, later, earlier)
    x[:, 4] = _longest_runs(corp, later, earlier, prose=True)
    x[:, 5] = kept_share(corp, later, earlier)
    x[:, 6] = _same_figure(corp, claims.proposition, later, earlier) >= 0
    x[:, 7] = _jaccard(corp, later, earlier)
    n = corp.n_words
    x[:, 8] = np.minimum(n[later], n[earlier]) / np.maximum(np.maximum(n[later], n[earlier]), 1)
    x[:, 9] = np.log1p(links)
    x[:, 10] = x[:, 2] / np.maximum(x[:, 0] + x[:, 2], 1)
    quoting = np.flatnonzero(x[:, 2] > 0)  # a speaker is read only where the two share quoted words
    for i in quoting.tolist():
        name = speaker(claims.text[int(later[i])].as_py() or "")
        x[i, 11] = bool(name) and name == speaker(claims.text[int(earlier[i])].as_py() or "")
    return x


def learned_copies(claims, corp, found, listed_later, listed_earlier, *, model, pool="checked", min_score=0.5):
    """Pairs (later, earlier) of checked texts the model scores as copied prose (see the module's docstring); for
    each later text not listed yet, the earlier scoring highest, when at least the model's threshold.

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    corp : kit.auditing.text.Corpus
    found : kit.auditing.signals.Matches
    listed_later, listed_earlier : numpy.ndarray of int
        The pairs listed so far (text positions).
    model : dict
        As :func:`predict` takes it, and ``threshold``.
    pool : {"checked", "linked"}
        As :func:`candidate_pairs` takes it.
    min_score : float
        Only pairs whose later text's own words score this (:func:`kit.auditing.weights.score`) are listed.

    Returns
    -------
    pandas.DataFrame
        ``later``, ``earlier`` (time-order positions), ``signal`` (``shared_text``), ``score``, ``evidence``
        ("copied prose: " and the longest shared run, as the later text has it, or the later text).

    Examples
    --------
    >>> from kit.testing.synth import make_case
    >>> from kit.auditing.context import claims_in_time_order
    >>> from kit.auditing.text import corpus
    >>> from kit.auditing.signals import matches
    >>> claims = claims_in_time_order(make_case(60, seed=2, copy_rate=0.2))
    >>> words = corpus(claims.text)
    >>> model = {"features": FEATURES, "mean": 0, "scale": 1, "coef": np.zeros(len(FEATURES)), "intercept": 0.0}
    >>> none = np.array([], int)
    >>> list(learned_copies(claims, words, matches(words), none, none, model={**model, "threshold": 0.6}).columns)
    ['later', 'earlier', 'signal', 'score', 'evidence']
    """
    columns = ["later", "earlier", "signal", "score", "evidence"]
    check, later, earlier, links = candidate_pairs(claims, corp, found, listed_later, listed_earlier, pool=pool)
    p = predict(model, pair_features(claims, corp, check, later, earlier, links)) if len(later) else np.zeros(0)
    sc = np.asarray(score(found.prose_weight[later], found.prose_weight[later]), dtype=float)
    ok = (p >= model["threshold"]) & (sc >= min_score)
    later, earlier, p, sc = later[ok], earlier[ok], p[ok], sc[ok]
    order = np.lexsort((earlier, -p, later))  # per later text, the most probable, then the earliest
    later, earlier, sc = later[order], earlier[order], sc[order]
    first = np.concatenate([[True], later[1:] != later[:-1]]) if len(later) else np.zeros(0, bool)
    later, earlier, sc = later[first], earlier[first], sc[first]
    if not len(later):
        return pd.DataFrame({c: [] for c in columns}).astype({"later": np.int64, "earlier": np.int64, "score": float})
    spans = _run_spans(corp, later, earlier)  # the longest shared run, quoted words too
    evidence = []
    for i, (a, b) in zip(later.tolist(), spans, strict=True):
        text = claims.text[i].as_py() or ""
        words = word_spans(text)
        evidence.append("copied prose: " + (text[words[a][1] : words[b][2]] if b >= a >= 0 else text.strip()))
    out = pd.DataFrame({"later": later, "earlier": earlier, "signal": "shared_text", "score": sc})
    out["evidence"] = pd.Series(evidence, dtype=object)
    return out[columns]


def _matched_windows(corp, later, earlier, prose=False):
    """Each window of :data:`_WINDOW` words of each pair's later text: its pair, its first word's position, and
    whether the earlier text has it (and, ``prose``, the later text quotes none of its words)."""
    texts, inv = np.unique(np.concatenate([later, earlier]), return_inverse=True)
    tok, _, quoted, _, start = _tokens(corp, texts)
    n = np.diff(start)
    w_at, _ = ranges(start[:-1], np.maximum(n - _WINDOW + 1, 0))
    h = np.zeros(len(w_at), dtype=np.uint64)
    for j in range(_WINDOW):
        h = mix64(h ^ (tok[w_at + j].astype(np.uint64) + np.uint64(j << 40)))
    first_w = np.concatenate([[0], np.cumsum(np.maximum(n - _WINDOW + 1, 0))])
    a, b = inv[: len(later)], inv[len(later) :]
    ia, pa = ranges(first_w[a], first_w[a + 1] - first_w[a])
    ib, pb = ranges(first_w[b], first_w[b + 1] - first_w[b])
    key_a = mix64(h[ia] ^ mix64(pa.astype(np.uint64) + np.uint64(1)))
    key_b = mix64(h[ib] ^ mix64(pb.astype(np.uint64) + np.uint64(1)))
    hit = np.isin(key_a, key_b)
    if prose:
        cum = np.concatenate([[0], np.cumsum(quoted)])
        hit &= cum[w_at[ia] + _WINDOW] == cum[w_at[ia]]
    return pa, w_at[ia] - start[a[pa]], hit


def _chains(corp, later, earlier, prose=False):
    """Per pair, the longest chain of consecutive matched windows of the later text: its length and first window."""
    pair, pos, hit = _matched_windows(corp, later, earlier, prose)
    size = np.zeros(len(later), dtype=np.int64)
    first = np.full(len(later), -1, dtype=np.int64)
    if not hit.any():
        return size, first
    new = np.concatenate([[True], (pair[1:] != pair[:-1]) | ~hit[:-1]])
    chain = np.cumsum(new) - 1
    length = np.bincount(chain, weights=hit).astype(np.int64)
    c_pair, c_pos = pair[new], pos[new]
    order = np.lexsort((c_pos, -length, c_pair))
    best = order[np.concatenate([[True], c_pair[order][1:] != c_pair[order][:-1]])]
    size[c_pair[best]] = length[best]
    first[c_pair[best]] = np.where(length[best] > 0, c_pos[best], -1)
    return size, first


def _longest_runs(corp, later, earlier, prose=False) -> np.ndarray:
    """Per pair, the words of the longest run of the later text held by the earlier (see the module's docstring)."""
    size, _ = _chains(corp, later, earlier, prose)
    return np.where(size > 0, size + _WINDOW - 1, 0).astype(float)


def _run_spans(corp, later, earlier) -> list:
    """Per pair, the first and last word (positions in the later text) of its longest shared run, or (-1, -1)."""
    size, first = _chains(corp, later, earlier)
    return [(f, f + s + _WINDOW - 2) if s > 0 else (-1, -1) for f, s in zip(first.tolist(), size.tolist(), strict=True)]


def _jaccard(corp, later, earlier) -> np.ndarray:
    """Per pair, the Jaccard similarity of the two texts' distinct content words."""
    size = np.int64(len(corp.vocab))
    pairs = np.arange(len(later), dtype=np.int64)
    sides = []
    for texts in (later, earlier):
        at, owner = ranges(corp.ptr[texts], np.diff(corp.ptr)[texts])
        sides.append(np.unique(pairs[owner] * size + corp.ids[at]))
    both = np.bincount(np.intersect1d(*sides, assume_unique=True) // size, minlength=len(later))
    each = np.bincount(sides[0] // size, minlength=len(later)) + np.bincount(sides[1] // size, minlength=len(later))
    return both / np.maximum(each - both, 1)
