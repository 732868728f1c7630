"""A quotation copied with its attribution: the reporter's description of the speaker, repeated word for word.

Two outlets that quote the same words of the same speaker rest on the speaker (:mod:`kit.auditing.quotes`), and
the attribution that names the speaker is the speaker's too (:func:`kit.auditing.marks.attribution_flags`): every
outlet writes "Prime Minister Sushil Koirala told Reuters" or "Greater Manchester Police Chief Constable Ian Hopkins
said" alike. But a post described in the reporter's own words ("…,” Sergio Cabanas, the general secretary of
Guatemala's CONRED national disaster management agency, said on radio"; "said Mario Cruz, spokesman for the
volunteer firefighter corps") is how one reporter put it: when another outlet repeats that description with the
quotation, it copied the sentence, not only the speaker's words.

So a pair of claims of different publishers that shares a quotation (:data:`kit.auditing.exact.MIN_WORDS` quoted
words or more) and at least :data:`kit.auditing.quotes.FRAMING_WORDS` words of its framing, counting the lower-case
words of the attributions that describe the speaker (:func:`kit.auditing.marks.described_flags`; not a name, a
title, a speech verb or "told reporters") together with the shared prose outside the quotation (not the speaker's
name), of which at least one describes the speaker, is copied prose: :func:`described_copies` lists it as
``shared_text``, its evidence the description and the quoted words. Between outlets that do not copy each other,
the ordinary ways of naming a speaker stay out: a title and a name are capitalised, and a post in an agency's own
name ("spokesman for the National Disaster Management Agency") gives one described word.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from kit.auditing.exact import MIN_WORDS
from kit.auditing.marks import DESCRIBED_HINT, described_flags
from kit.auditing.quotes import FRAMING_WORDS, speaker
from kit.auditing.signals import passages
from kit.auditing.text import STOP_WORDS, word_spans

__all__ = ["described", "described_copies"]

_HINT = re.compile(DESCRIBED_HINT)


def described(text: str) -> list[tuple[str, int, int]]:
    """The words of ``text``'s attributions that describe the speaker in the reporter's words
    (:func:`kit.auditing.marks.described_flags`), function words left out: (word, start, end) in ``text``.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of (str, int, int)

    Examples
    --------
    >>> [w for w, _, _ in described("“We have 7 dead,” said Mario Cruz, spokesman for the volunteer corps.")]
    ['spokesman', 'volunteer', 'corps']
    """
    spans = word_spans(text)
    flags = described_flags(text)
    if len(flags) != len(spans):  # the two normalisations disagree (an unusual space): nothing is read
        return []
    return [s for s, f in zip(spans, flags, strict=True) if f and s[0] not in STOP_WORDS]


def _prose(corp, i: int) -> set:
    """The content words of text ``i`` outside quotation marks."""
    at = slice(corp.ptr[i], corp.ptr[i + 1])
    return set(corp.vocab[corp.ids[at][~corp.quoted[at]]].tolist())


def described_copies(claims, corp, found, *, min_score: float = 0.5) -> pd.DataFrame:
    """Pairs (later, earlier) of claims of different publishers that share a quotation and the reporter's framing of
    it, the description of the speaker counted (see the module's docstring); for each later claim, the first pair.

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    corp : kit.auditing.text.Corpus
    found : kit.auditing.signals.Matches
    min_score : float
        Only pairs whose shared quotation scores this are listed (it is their score).

    Returns
    -------
    pandas.DataFrame
        ``later``, ``earlier`` (time-order positions), ``signal`` (``shared_text``), ``score``, ``evidence``
        ("copied prose: " the description as the later claim has it, then "; both quote: " the quoted words).

    Examples
    --------
    >>> from kit.auditing.context import claims_in_time_order
    >>> from kit.auditing.signals import matches
    >>> from kit.auditing.text import corpus
    >>> import kit
    >>> c = claims_in_time_order(kit.testing.synth.make_case(40, seed=1, copy_rate=0.3))
    >>> described_copies(c, corpus(c.text), matches(corpus(c.text))).columns.tolist()
    ['later', 'earlier', 'signal', 'score', 'evidence']
    """
    q = found.check["quote"]
    sel = np.flatnonzero((q["words"] >= MIN_WORDS) & (q["score"] >= min_score))
    pub = claims.publisher
    pairs: list = []  # (later, earlier, pair): a group's own pair (equal words) spread to its members
    for j, hu, hv in zip(sel.tolist(), found.later[sel].tolist(), found.earlier[sel].tolist(), strict=True):
        if hu != hv:
            pairs.append((hu, hv, j) if hv < hu else (hv, hu, j))
            continue
        members = np.flatnonzero(found.codes == found.codes[hu])
        for m in members[1:].tolist():
            other = members[(members < m) & (pub[members] != pub[m])]
            if len(other):
                pairs.append((m, int(other[0]), j))
    pairs = [(a, b, j) for a, b, j in pairs if pub[a] != pub[b] and pub[a] >= 0]
    texts: dict = {}
    said: dict = {}  # each text's description, read once

    def text(i: int) -> str:
        if i not in texts:
            texts[i] = claims.text[i].as_py() or ""
        return texts[i]

    def description(i: int) -> list:
        if i not in said:
            said[i] = described(text(i)) if _HINT.search(text(i)) else []
        return said[i]

    rows = []
    for a, b, j in pairs:
        da = description(a)
        shared = {w for w, _, _ in da} & {w for w, _, _ in description(b)} if da else set()
        if not shared:
            continue
        x, y = text(a), text(b)
        name = set((speaker(x) + " " + speaker(y)).casefold().split())
        if len(shared) + len((_prose(corp, a) & _prose(corp, b)) - name - shared) < FRAMING_WORDS:
            continue
        at = [(s, e) for w, s, e in da if w in shared]
        evidence = f"copied prose: {x[at[0][0] : at[-1][1]]}; both quote: {passages(x, corp, a, j, q['passages'])}"
        rows.append((a, b, float(q["score"][j]), evidence))
    out = pd.DataFrame(rows, columns=["later", "earlier", "score", "evidence"]).assign(signal="shared_text")
    out = out.sort_values(["later", "earlier"], kind="stable").drop_duplicates("later")
    return out.astype({"later": np.int64, "earlier": np.int64, "score": float})[
        ["later", "earlier", "signal", "score", "evidence"]
    ].reset_index(drop=True)
