"""A wire sentence restated around its figure: the same figure, half the reporter's rarer words, by outlets listed as
copying each other elsewhere in the story.

An outlet that reprints an agency's story edits its sentences: reported speech recast ("He also said that an alert
had been sounded in the area and 3,100 people have been evacuated until now." from Reuters' "He added that 3,100
people had evacuated the area so far."), an official's figure kept while the words around it change ("He said 80 mine
workers were injured, at least four of them in serious condition." from the AP's "Earlier he had put the injured
total at 80, including four in serious condition."). Such an edit keeps too few content words in a run for the exact
check (:mod:`kit.auditing.exact`), no run of :data:`kit.auditing.reworded.RUN` words, and too few of its words for an
edited reprint (:func:`kit.auditing.reprints.edited_reprints`). What it keeps is the figure, outside any quotation,
and about half of the sentence's words, weighed by rarity; between outlets listed as copying each other in
:data:`LINKED` other pairs of the story, that is one more copied sentence.

:func:`restated_copies` looks only at checked pairs (:class:`kit.auditing.signals.Matches`: candidates, never all
pairs) of outlets so linked (:func:`kit.auditing.reworded.unlisted_linked`) whose later text is not listed yet: the
two texts give the same figure in digits outside quotation marks (a year is not such a figure, nor one that more
than :data:`kit.auditing.groups.RARE_AT_MOST` texts of the story give: a toll every outlet repeats), and the shorter
text's distinct content words, figures left out, each weighed by how rare it is in the case, are at least
:data:`KEPT` in the other (:func:`kit.auditing.reprints.kept_share`). For each later text, the earlier keeping the
largest share is listed.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from kit.auditing.groups import RARE_AT_MOST, ranges
from kit.auditing.reprints import kept_share
from kit.auditing.reworded import unlisted_linked
from kit.auditing.rows import pair_rows
from kit.auditing.weights import score

__all__ = ["KEPT", "LINKED", "restated_copies"]

#: between outlets listed as copying each other in at least this many other pairs of the story
LINKED = 3
#: the share of the shorter text's content words (by rarity, figures left out) the other holds
KEPT = 0.5
#: a figure in digits ("80", "3,100", "1.4"); a year ("2018") is not one
_DIGITS = re.compile(r"\d[\d.,]*")
_YEAR = re.compile(r"(?:19|20)\d\d")


def restated_copies(claims, corp, found, listed_later, listed_earlier, *, min_score: float = 0.5) -> pd.DataFrame:
    """Pairs (later, earlier) of checked texts that give the same figure outside quotation marks and keep
    :data:`KEPT` of the shorter text's words, of outlets listed as copying each other in :data:`LINKED` other pairs
    of the story (see the module's docstring); for each later text not listed yet, the earlier keeping the most.

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
        ("copied prose, restated around the same figure (N): " and the later text).

    Examples
    --------
    >>> from kit.testing.synth import make_case
    >>> from kit.auditing.context import claims_in_time_order
    >>> from kit.auditing.text import corpus
    >>> from kit.auditing.signals import matches
    >>> claims = claims_in_time_order(make_case(60, seed=2, copy_rate=0.2))
    >>> words = corpus(claims.text)
    >>> len(restated_copies(claims, words, matches(words), np.array([], int), np.array([], int)))  # none listed
    0
    """
    later, earlier = unlisted_linked(claims, found, listed_later, listed_earlier, at_least=LINKED)
    figure = np.zeros(len(later), dtype=np.int64) - 1
    if len(later):
        figure = _same_figure(corp, claims.proposition, later, earlier)
        keep = figure >= 0
        later, earlier, figure = later[keep], earlier[keep], figure[keep]
    kept = kept_share(corp, later, earlier) if len(later) else np.zeros(0)
    ok = kept >= KEPT
    later, earlier, figure, kept = later[ok], earlier[ok], figure[ok], kept[ok]
    sc = np.asarray(score(found.prose_weight[later], found.prose_weight[later]), dtype=float)
    ok = sc >= min_score
    later, earlier, figure, kept, sc = later[ok], earlier[ok], figure[ok], kept[ok], sc[ok]
    if not len(later):
        return pair_rows([], [], "shared_text", [], [])
    order = np.lexsort((earlier, -kept, later))  # per later text, the largest share, then the earliest
    later, earlier, figure, sc = later[order], earlier[order], figure[order], sc[order]
    first = np.concatenate([[True], later[1:] != later[:-1]])
    later, earlier, figure, sc = later[first], earlier[first], figure[first], sc[first]
    evidence = [
        f"copied prose, restated around the same figure ({corp.vocab[f]}): " + (claims.text[i].as_py() or "").strip()
        for i, f in zip(later.tolist(), figure.tolist(), strict=True)
    ]
    return pair_rows(later, earlier, "shared_text", sc, evidence)


def _same_figure(corp, story: np.ndarray, later: np.ndarray, earlier: np.ndarray) -> np.ndarray:
    """For each pair, a figure in digits (its word id) both texts give outside quotation marks and at most
    :data:`kit.auditing.groups.RARE_AT_MOST` texts of the story hold, or -1."""
    size = np.int64(len(corp.vocab))
    pairs = np.arange(len(later), dtype=np.int64)
    # each pair's content words not quoted, on each side, as keys pair * vocabulary + word
    sides = []
    for texts in (later, earlier):
        at, owner = ranges(corp.ptr[texts], np.diff(corp.ptr)[texts])
        at, owner = at[~corp.quoted[at]], owner[~corp.quoted[at]]
        sides.append(np.unique(pairs[owner] * size + corp.ids[at]))
    both = np.intersect1d(sides[0], sides[1], assume_unique=True)
    seen = np.unique(both % size)
    digits = seen[[bool(_DIGITS.fullmatch(w)) and not _YEAR.fullmatch(w) for w in corp.vocab[seen].tolist()]]
    both = both[np.isin(both % size, digits)]
    # the texts of each story holding each of these figures: a figure most of the story gives is its toll
    at = np.flatnonzero(np.isin(corp.ids, digits))
    holder = np.searchsorted(corp.ptr, at, side="right") - 1
    held = np.unique(holder * size + corp.ids[at])
    kinds, count = np.unique(story[held // size].astype(np.int64) * size + held % size, return_counts=True)
    common = kinds[count > RARE_AT_MOST]
    both = both[~np.isin(story[later[both // size]].astype(np.int64) * size + both % size, common)]
    out = np.full(len(later), -1, dtype=np.int64)
    out[both // size] = both % size  # (one of them: the largest word id)
    return out
