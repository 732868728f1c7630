"""A quotation repeated with the reporter's description of its speaker, between two reports that copy each other.

A quotation an agency gathered itself is the agency's framing as much as the speaker's words: a copy repeats the
words *and* the agency's description of the speaker or of the occasion ("…,” said Abdullah Lotfy of Egypt"; "…,” said
Ankit Yadav, a diver"; "…,” Greek Prime Minister Alexis Tsipras said in a televised address"). Two outlets that each
quote the speaker (:mod:`kit.auditing.quotes`) frame the words each in their own way ("Ardern said", "she told
reporters"), or with nothing but the speaker's bare designation: a pronoun or the name and title next to the speech
verb, the speech clause ("told reporters", "told Reuters", "said in a statement"), a bare post ("…,” the official
added"). :func:`description` keeps only the reporter's words of the framing: those outside the quotation marks that
are none of these (nor stop words, speech verbs or the channel a statement was posted on,
:data:`kit.auditing.quotes.CHANNEL_WORDS`).

:func:`described_quotes` takes every pair of sentences of two reports linked by at least :data:`LINKED_ONCE` listed
pair (:func:`kit.auditing.framing.linked_quote_pairs`: a reporter's small stories only, so the cost is bounded by the
pairs of sentences of linked reports), both quoting, whose later sentence is not listed yet, and lists it when

- the two quote the same words: the quoted content words of the shorter quotation at least :data:`SAME_QUOTE` in the
  other, at least :data:`kit.auditing.framing.QUOTED` of them;
- both describe: each holds a word of description, and they share at least one, at least :data:`DESCRIBED` of the
  shorter description's words ("said in a televised address" / "said in a televised addresses from the State
  House").

The separating evidence is the reporters' prose outside the quotation marks, never the quoted words. What the rule
changes on the real coverage: ``docs/audit.md`` (the fourteenth round).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from kit.auditing.framing import QUOTED, linked_quote_pairs, ordered_words, shared_score
from kit.auditing.marks import ROLE, SPEECH_CLAUSE, SPEECH_VERB, quoted_flags
from kit.auditing.quotes import CHANNEL_WORDS, speaker
from kit.auditing.rows import pair_rows
from kit.auditing.text import STOP_WORDS, word_spans

__all__ = ["LINKED_ONCE", "SAME_QUOTE", "DESCRIBED", "description", "described_quotes"]

#: two reports copy each other when at least this many pairs of their sentences are listed (a description of the
#: speaker repeated is evidence enough to need only one more)
LINKED_ONCE = 1
#: the share of the shorter quotation's distinct quoted content words that the other quotes too ("(Silt, weeds and
#: mud / Mud, weed and muck) are hampering our efforts to find missing people": 6 of 8)
SAME_QUOTE = 0.75
#: the share of the shorter description's words that the other description holds
DESCRIBED = 0.75
_CLAUSE = re.compile(rf"(?<![\w'’.-])(?:has\s+|had\s+)?{SPEECH_CLAUSE}\b")
_SPEECH = re.compile(SPEECH_VERB)
#: a bare post next to the speech verb: an article, up to three lower-case words and a post (:data:`ROLE`): "…,” the
#: official added", "A police spokesman said", "added the prime minister" (not "said an elderly grandmother")
_POST = rf"(?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w'’-]*\s+){{0,3}}?(?i:{ROLE})\b"
_BARE = re.compile(rf"{_POST}(?=\s+(?:[a-z]+ly\s+|also\s+)?{SPEECH_VERB}\b)|\b{SPEECH_VERB}\s+{_POST}")


def description(text: str, name: str | None = None) -> set:
    """The words of ``text``'s framing that describe the speaker or the occasion (lower-case; see the module's
    docstring): outside the quotation marks, not the speaker's name nor the capitalised title written next to it,
    not the speech clause nor a bare post, not a stop word, a speech verb or a channel.

    Parameters
    ----------
    text : str
    name : str, optional
        The speaker's name (:func:`kit.auditing.quotes.speaker` of ``text`` when not given).

    Returns
    -------
    set of str

    Examples
    --------
    >>> sorted(description('“People were climbing over one another just to breathe,” said Abdullah Lotfy of Egypt.'))
    ['egypt']
    >>> sorted(description('“The country is going through an unspeakable tragedy,” Greek Prime Minister Alexis '
    ...                    'Tsipras said in a televised address.'))
    ['address', 'televised']
    >>> description('“The government is doing all it can,” Prime Minister Sushil Koirala told Reuters.')
    set()
    >>> description('“Rescue teams are at the site,” the official added.')
    set()
    """
    spans = word_spans(text)
    flags = quoted_flags(text)
    if len(flags) != len(spans):
        return set()
    cut = [m.span() for m in _CLAUSE.finditer(text)] + [m.span() for m in _BARE.finditer(text)]
    names = set((speaker(text) if name is None else name).casefold().split())
    inside = [any(a <= s < b for a, b in cut) for _, s, _ in spans]
    out = {i for i, (w, _, _) in enumerate(spans) if w in names and not flags[i]}
    for i in sorted(out, reverse=True):  # the title written before the name: capitalised words right before it
        j = i - 1
        while (
            j >= 0 and not flags[j] and text[spans[j][1]].isupper() and not text[spans[j][2] : spans[j + 1][1]].strip()
        ):
            out.add(j)
            j -= 1
    return {
        w
        for i, (w, _, _) in enumerate(spans)
        if not flags[i]
        and not inside[i]
        and i not in out
        and w not in STOP_WORDS
        and w not in CHANNEL_WORDS
        and not _SPEECH.fullmatch(w)
    }


def described_quotes(
    claims,
    corp,
    found,
    report,
    listed_later,
    listed_earlier,
    *,
    min_score: float = 0.5,
    small: np.ndarray | None = None,
) -> pd.DataFrame:
    """Pairs (later, earlier) of sentences of two linked reports that quote the same words with the same description
    of the speaker or the occasion (see the module's docstring).

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
        Only pairs whose shared content words score this against the later text's
        (:func:`kit.auditing.weights.score`).
    small : numpy.ndarray of bool, optional
        Which texts are of small stories (:func:`kit.auditing.stories.small_stories`), when the caller has it.

    Returns
    -------
    pandas.DataFrame
        ``later``, ``earlier`` (time-order positions), ``signal`` (``shared_text``), ``score``, ``evidence``; for each
        later text, the earlier text sharing the most words of description (then the earliest).

    Examples
    --------
    >>> import kit
    >>> from kit.auditing import context, signals, text
    >>> c = context.claims_in_time_order(kit.testing.synth.make_case(40, seed=1, copy_rate=0.3))
    >>> w, none = text.corpus(c.text), np.array([], int)
    >>> described_quotes(c, w, signals.matches(w), np.zeros(len(c), int), none, none).empty  # nothing listed yet
    True
    """
    texts = linked_quote_pairs(claims, corp, report, listed_later, listed_earlier, at_least=LINKED_ONCE, small=small)
    if not texts:
        return pair_rows([], [], "shared_text", [], [])
    parts: dict = {}  # each text read once: its quoted content words, its other content words, its text and speaker

    def read(i: int) -> tuple:
        if i not in parts:
            ids = corp.ids[corp.ptr[i] : corp.ptr[i + 1]]
            quoted = corp.quoted[corp.ptr[i] : corp.ptr[i + 1]]
            text = claims.text[i].as_py() or ""
            parts[i] = (set(ids[quoted].tolist()), set(ids[~quoted].tolist()), text, speaker(text))
        return parts[i]

    best: dict = {}
    for a in sorted(texts):
        qa, fa, ta, sa = read(a)
        for b in sorted(texts[a]):
            qb, fb, tb, sb = read(b)
            same = qa & qb
            if len(same) < QUOTED or len(same) < SAME_QUOTE * min(len(qa), len(qb)):
                continue
            da, db = description(ta, f"{sa} {sb}"), description(tb, f"{sa} {sb}")  # either's name is the speaker's
            alike = da & db
            if not alike or len(alike) < DESCRIBED * min(len(da), len(db)):
                continue
            sc = shared_score(corp, found, a, same | (fa & fb))
            if sc >= min_score and (a not in best or (len(alike), -b) > best[a][:2]):
                best[a] = (len(alike), -b, sc, " ".join(sorted(alike)), ordered_words(corp, a, same))
    us = sorted(best)
    evidence = [
        f"copied prose: {best[u][3]}; both quote: {best[u][4]} (a quotation repeated with the same description of "
        "its speaker by two reports that copy each other)"
        for u in us
    ]
    return pair_rows(us, [-best[u][1] for u in us], "shared_text", [best[u][2] for u in us], evidence)
