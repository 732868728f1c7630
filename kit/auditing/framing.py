"""A quotation reprinted with a word of its framing, between two reports that copy each other elsewhere.

Two outlets that quote the same words of one speaker rest on the speaker, not on each other
(:mod:`kit.auditing.quotes`): a quotation with a bare attribution ("…,” he said", "…,” Prime Minister Sushil Koirala
told Reuters") shared is a shared quotation, never copying. The words a reporter writes around it are the reporter's:
the speaker described in lower-case words ("said Nahar, a ministry official"; "the WMO chief further told reporters";
"the prime minister said in a tweet"), the occasion ("said in a televised address"). Between any two outlets
:func:`kit.auditing.quotes.framed_quotes` wants at least :data:`kit.auditing.quotes.FRAMING_WORDS` such words before it
calls the quotation copied with its framing, since two outlets quoting one statement often describe its speaker alike.
Between two *reports* that copy each other elsewhere (at least :data:`LINKED` pairs of their sentences listed), the
same quotation with the same framing is one more sentence of the copied report, however few its words.

:func:`linked_framed_quotes` takes every pair of sentences of two such reports whose later sentence is not listed yet,
both quoting, and lists it when the quoted content words of the shorter quotation are at least :data:`SAME_QUOTE` in
the other (at least :data:`QUOTED` of them: one passage quoted by both), at least :data:`FRAMING` content word outside
the quotation marks is the reporter's and shared (written in lower case, so a description or a channel and not a name;
not the speaker's bare designation next to the speech verb, an article and lower-case words: "…,” the official
added" is a bare attribution, found as a shared quotation in two versions of one Reuters story; not in the speech
clause, :data:`kit.auditing.marks.SPEECH_CLAUSE`: "told reporters"; not a speech verb,
:data:`kit.auditing.marks.SPEECH_VERB`: "But he also warned: “…”" is a bare attribution), and at least :data:`KEPT` of
the later sentence's content words outside the quotation are in the earlier one's (its framing is the other's, not a
sentence of its own around the same quoted words). Only a reporter's case is looked at (the small stories within
:data:`kit.auditing.stories.PAIR_BUDGET`, :func:`kit.auditing.stories.small_stories`), so the cost is bounded by the
pairs of sentences of linked reports there; an archive's audit is unchanged. What the rule changes on the real
coverage, and how its settings were chosen (leaving one part out): ``docs/audit.md`` (the twelfth round).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from kit.auditing.marks import SPEECH_CLAUSE, SPEECH_VERB
from kit.auditing.minhash import member
from kit.auditing.rows import pair_rows
from kit.auditing.stories import small_pairs
from kit.auditing.text import word_spans
from kit.auditing.weights import score

__all__ = [
    "LINKED",
    "SAME_QUOTE",
    "QUOTED",
    "FRAMING",
    "KEPT",
    "linked_reports",
    "linked_quote_pairs",
    "linked_framed_quotes",
    "ordered_words",
    "shared_score",
]

#: two reports copy each other when at least this many pairs of their sentences are listed
LINKED = 2
#: the share of the shorter quotation's distinct quoted content words that the other quotes too
SAME_QUOTE = 0.8
#: ... at least this many of them
QUOTED = 2
#: lower-case content words outside the quotation and the attribution, not speech verbs, that both sentences hold
FRAMING = 1
#: the share of the later sentence's content words outside the quotation that the earlier holds outside its own
KEPT = 0.4
_SPEECH = re.compile(SPEECH_VERB)
#: the speaker's bare designation and the speech clause: an article and up to four lower-case words right before the
#: speech verb (or an adverb before it, which is the reporter's), after the quotation or at the sentence's start
#: ("…,” the official added"; "A police spokesman said: “…”"; not "the WMO chief further told reporters", which
#: describes the speaker by an organisation's name),
#: or right after it at the sentence's end ("…,” added the official."), and the clause itself ("told reporters",
#: "said in a statement"): the speaker's, not the reporter's framing
_ADVERB = r"(?:[a-z]+ly|also|further|later|then)"
_BARE = re.compile(
    rf"(?:(?<=[”\"»])[,.]?\s*|^)(?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w'’.-]*\s+){{0,3}}?(?=(?:{_ADVERB}\s+)?{SPEECH_CLAUSE})"
    rf"|{SPEECH_CLAUSE}\s+(?:the|an?)\s+(?:[a-z][\w'’.-]*\s+){{0,3}}?[a-z][\w'’.-]*[.,]?\s*$"
    rf"|{SPEECH_CLAUSE}"
)


def linked_reports(report, later, earlier, *, at_least: int = LINKED) -> set:
    """The pairs of reports (a frozenset of two codes) of which at least ``at_least`` pairs are listed.

    Parameters
    ----------
    report : numpy.ndarray of int
        Each text's report (code).
    later, earlier : numpy.ndarray of int
        The listed pairs (text positions).
    at_least : int

    Returns
    -------
    set of frozenset

    Examples
    --------
    >>> sorted(map(sorted, linked_reports(np.array([0, 0, 1, 1, 2]), np.array([2, 3, 4]), np.array([0, 1, 1]))))
    [[0, 1]]
    """
    report = np.asarray(report, dtype=np.int64)
    a, b = report[np.asarray(later, dtype=np.int64)], report[np.asarray(earlier, dtype=np.int64)]
    keys, counts = np.unique(np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1), axis=0, return_counts=True)
    return {frozenset(k) for k, n in zip(keys.tolist(), counts.tolist(), strict=True) if n >= at_least and k[0] != k[1]}


def linked_framed_quotes(
    claims,
    corp,
    found,
    report,
    listed_later,
    listed_earlier,
    *,
    min_score: float = 0.5,
    at_least: int = LINKED,
    small: np.ndarray | None = None,
) -> pd.DataFrame:
    """Pairs (later, earlier) of sentences of two linked reports that quote the same words with the same framing (see
    the module's docstring).

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    corp : kit.auditing.text.Corpus
    found : kit.auditing.signals.Matches
    report : numpy.ndarray of int
        Each text's report (code), by time-order position.
    listed_later, listed_earlier : numpy.ndarray of int
        The pairs listed so far (text positions).
    min_score : float
        Only pairs whose shared words (quoted and framing) score this against the later text's
        (:func:`kit.auditing.weights.score`).
    at_least : int
        :data:`LINKED`.
    small : numpy.ndarray of bool, optional
        Which texts are of small stories (:func:`kit.auditing.stories.small_stories`), when the caller has it.

    Returns
    -------
    pandas.DataFrame
        ``later``, ``earlier`` (time-order positions), ``signal`` (``shared_text``), ``score``, ``evidence``; for each
        later text, the earlier text sharing the most framing words (then the earliest).

    Examples
    --------
    >>> import kit
    >>> from kit.auditing import context, signals, text
    >>> c = context.claims_in_time_order(kit.testing.synth.make_case(40, seed=1, copy_rate=0.3))
    >>> w, none = text.corpus(c.text), np.array([], int)
    >>> linked_framed_quotes(c, w, signals.matches(w), np.zeros(len(c), int), none, none).empty  # nothing listed yet
    True
    """
    empty = pair_rows([], [], "shared_text", [], [])
    texts = linked_quote_pairs(claims, corp, report, listed_later, listed_earlier, at_least=at_least, small=small)
    if not texts:
        return empty
    best: dict = {}
    parts: dict = {}  # each text read once (its quoted words, its other words, those in lower case)
    for a in sorted(texts):
        qa, fa, lower = parts[a] if a in parts else parts.setdefault(a, _parts(claims, corp, a))
        for b in sorted(texts[a]):
            qb, fb, _ = parts[b] if b in parts else parts.setdefault(b, _parts(claims, corp, b))
            same = qa & qb
            if len(same) < QUOTED or len(same) < SAME_QUOTE * min(len(qa), len(qb)):
                continue
            framing = lower & fb
            if len(framing) < FRAMING or len(fa & fb) < KEPT * len(fa):
                continue
            sc = shared_score(corp, found, a, same | (fa & fb))
            if sc >= min_score and (a not in best or (len(framing), -b) > best[a][:2]):
                best[a] = (len(framing), -b, sc, ordered_words(corp, a, framing), ordered_words(corp, a, same))
    if not best:
        return empty
    us = sorted(best)
    evidence = [
        f"copied prose: {best[u][3]}; both quote: {best[u][4]} (a quotation framed alike by two reports that copy each "
        "other)"
        for u in us
    ]
    return pair_rows(us, [-best[u][1] for u in us], "shared_text", [best[u][2] for u in us], evidence)


def linked_quote_pairs(
    claims, corp, report, listed_later, listed_earlier, *, at_least: int = LINKED, small: np.ndarray | None = None
) -> dict:
    """The pairs of sentences, both quoting, of two reports of a small story linked by at least ``at_least`` listed
    pairs (:func:`linked_reports`), of different publishers, whose later sentence is not listed yet and whose pair is
    not cited: the pairs :func:`linked_framed_quotes` and :func:`kit.auditing.description.described_quotes` look at.

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    corp : kit.auditing.text.Corpus
    report : numpy.ndarray of int
        Each text's report (code), by time-order position.
    listed_later, listed_earlier : numpy.ndarray of int
        The pairs listed so far (text positions).
    at_least : int
    small : numpy.ndarray of bool, optional
        Which texts are of small stories (:func:`kit.auditing.stories.small_stories`).

    Returns
    -------
    dict
        later text -> list of earlier texts (time-order positions).

    Examples
    --------
    >>> import kit
    >>> from kit.auditing import context, text
    >>> c = context.claims_in_time_order(kit.testing.synth.make_case(40, seed=1, copy_rate=0.3))
    >>> linked_quote_pairs(c, text.corpus(c.text), np.zeros(len(c), int), np.array([], int), np.array([], int))
    {}
    """
    ll, le = np.asarray(listed_later, dtype=np.int64), np.asarray(listed_earlier, dtype=np.int64)
    keep = small_pairs(claims, ll, le, small)
    if not keep.any():
        return {}
    report = np.asarray(report, dtype=np.int64)
    linked = linked_reports(report, ll[keep], le[keep], at_least=at_least)
    if not linked:
        return {}
    quotes = np.bincount(np.repeat(np.arange(len(corp)), np.diff(corp.ptr)), weights=corp.quoted, minlength=len(corp))
    pub = claims.publisher
    texts: dict = {}
    for pair in sorted(tuple(sorted(p)) for p in linked):
        x = np.flatnonzero((report == pair[0]) & (quotes > 0))
        y = np.flatnonzero((report == pair[1]) & (quotes > 0))
        if len(x) == 0 or len(y) == 0:
            continue
        u, v = np.meshgrid(x, y, indexing="ij")
        later, earlier = np.maximum(u, v).ravel(), np.minimum(u, v).ravel()
        ok = (pub[later] != pub[earlier]) & (pub[earlier] >= 0) & ~np.isin(later, ll)
        ok &= ~member(claims.pair_keys(later, earlier), claims.cited)
        for a, b in zip(later[ok].tolist(), earlier[ok].tolist(), strict=True):
            texts.setdefault(a, []).append(b)
    return texts


def shared_score(corp, found, i: int, which: set) -> float:
    """The score text ``i`` gets for the content words ``which`` it shares with another: their weights in ``i``
    (``found.pairs.word``) against all of ``i``'s, prose and quoted (:func:`kit.auditing.weights.score`); the score
    :func:`linked_framed_quotes` and :func:`kit.auditing.description.described_quotes` give a pair.

    Parameters
    ----------
    corp : kit.auditing.text.Corpus
    found : kit.auditing.signals.Matches
    i : int
        The later text (time-order position).
    which : set of int
        Content word ids the two texts share.

    Returns
    -------
    float

    Examples
    --------
    >>> import kit
    >>> from kit.auditing import context, signals, text
    >>> c = context.claims_in_time_order(kit.testing.synth.make_case(40, seed=1, copy_rate=0.3))
    >>> w = text.corpus(c.text)
    >>> shared_score(w, signals.matches(w), 0, set())
    0.0
    """
    mine = corp.ids[corp.ptr[i] : corp.ptr[i + 1]]
    w = float(found.pairs.word[corp.ptr[i] : corp.ptr[i + 1]][np.isin(mine, list(which))].sum())
    return float(score(w, found.prose_weight[i] + found.quote_weight[i]))


def ordered_words(corp, i: int, which: set) -> str:
    """Text ``i``'s content words among ``which`` (word ids), in its order, each once: the evidence's words.

    Parameters
    ----------
    corp : kit.auditing.text.Corpus
    i : int
        The text (time-order position).
    which : set of int

    Returns
    -------
    str

    Examples
    --------
    >>> from kit.auditing.text import corpus
    >>> w = corpus(["Crews searched the hotel, crews said."])
    >>> ordered_words(w, 0, set(w.ids.tolist()))
    'crews searched hotel'
    """
    seen: list = []
    for w in corp.ids[corp.ptr[i] : corp.ptr[i + 1]].tolist():
        if w in which and w not in seen:
            seen.append(w)
    return " ".join(corp.vocab[seen].tolist())


def _parts(claims, corp, i: int) -> tuple:
    """Text ``i``'s quoted content words, its other content words, and those of them written in lower case (ids)."""
    ids = corp.ids[corp.ptr[i] : corp.ptr[i + 1]]
    quoted = corp.quoted[corp.ptr[i] : corp.ptr[i + 1]]
    text = claims.text[i].as_py() or ""
    spans = word_spans(text)
    at = corp.pos[corp.ptr[i] : corp.ptr[i + 1]]
    bare = [m.span() for m in _BARE.finditer(text)]
    lower = {
        w
        for w, q, k in zip(ids.tolist(), quoted.tolist(), at.tolist(), strict=True)
        if not q
        and k < len(spans)
        and text[spans[k][1] : spans[k][1] + 1].islower()
        and not _SPEECH.fullmatch(corp.vocab[w])
        and not any(a <= spans[k][1] < b for a, b in bare)
    }
    return set(ids[quoted].tolist()), set(ids[~quoted].tolist()), lower
