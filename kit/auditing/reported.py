"""A speaker named and described alike, and nothing of what was said: two outlets reporting one person, not copying.

Two outlets that report the same person's account each in their own sentence name that person alike, often with the
same description and the channel they spoke on, and give the same figure: "Rodrigo Moura, a security guard at the
club, told the Diario de Santa Maria newspaper that between 1,000 and 2,000 people were inside the club" and "Rodrigo
Moura, identified by the newspaper Diario de Santa Maria as a security guard at the club, said it was at its maximum
capacity of between 1,000 and 2,000"; or two different quotations of one official, each with "said Andrew Scipione,
police commissioner for the state of New South Wales". The words they share are the speaker's name, the description,
the channel and a figure: that is evidence that both rest on the speaker, as a shared quotation is
(:mod:`kit.auditing.quotes`), not that one outlet wrote the other's sentence.

A *speaker phrase* (:data:`SPEAKER`) is, outside quotation marks, a full name (two capitalised words or more) with an
optional description after a comma, then a speech verb with the channel it names ("told the Diario de Santa Maria
newspaper that", "told AFP news agency", "said on radio"), or a speech verb then a full name and its description to
the clause's end ("said Andrew Scipione, police commissioner for the state of New South Wales"). :func:`speaker_only`
marks a listed pair when both texts hold a speaker phrase and no content word of the later text outside its speaker
phrase, other than a figure, is a word of the earlier text: the statement shares nothing, however reworded, and a
quotation shared as well is not (with its framing it is copied prose: :func:`kit.auditing.quotes.framed_quotes`). A
copy that repeats the description *and* words of the statement ("up to 6,000 people were missing, Othman Abduljalil,
health minister of Libya's eastern government, told ...", an agency's sentence edited) shares words outside the
phrase and is not affected. What the rule changes on the real coverage: ``docs/audit.md`` (the eleventh round).
"""

from __future__ import annotations

import re

import numpy as np

from kit.auditing.marks import SPEECH_VERB, quoted_flags
from kit.auditing.text import word_spans

__all__ = ["SPEAKER", "speaker_spans", "speaker_only"]

_CAP = r"[A-Z][\w'’.-]*"
#: the lower-case words a full name may hold between its capitalised ones ("Diario de Santa Maria")
_JOINER = r"(?:(?:of|the|de|del|da|do|dos|das|al|bin|van|von|la|le|es)\s+)?"
_FULL = rf"{_CAP}(?:\s+{_JOINER}{_CAP}){{1,5}}"
_DESCRIPTION = r"[^,.;:“”\"«»()]{2,120}?"
_CHANNEL = (
    rf"(?:\s+(?:the\s+|a\s+)?(?:[a-z][\w'’-]*\s+){{0,2}}{_CAP}(?:\s+(?:(?:de|da|do|dos|of|the)\s+)?{_CAP}){{0,5}}"
    r"(?:\s+(?:newspaper|daily|television|radio|broadcaster|agency|news\s+agency|TV|channel))?"
    r"|\s+(?:on|to)\s+(?:the\s+)?(?:radio|television|TV|reporters|journalists))?"
)
#: a speaker phrase outside quotation marks (a regular expression): a full name, its description, a speech verb and
#: the channel; or a speech verb, a full name and its description to the clause's end
SPEAKER = (
    rf"(?<![\w'’.-])(?:{_FULL}(?:,\s+{_DESCRIPTION},?)?\s+(?:has\s+|had\s+)?{SPEECH_VERB}\b{_CHANNEL}(?:\s+that\b)?"
    rf"|{SPEECH_VERB}\s+{_FULL}(?:,\s+{_DESCRIPTION}(?=[.;,]|$))?)"
)
_SPEAKER = re.compile(SPEAKER)
_FIGURE = re.compile(r"\d")


def speaker_spans(text: str) -> list[bool]:
    """For each word of ``text`` (as :func:`kit.auditing.text.words` gives them): is it in a speaker phrase outside
    quotation marks (:data:`SPEAKER`)?

    Parameters
    ----------
    text : str

    Returns
    -------
    list of bool

    Examples
    --------
    >>> speaker_spans("Ana Ruiz, a guard at the club, told the Diario de Lima newspaper that 300 were inside.")
    [True, True, True, True, True, True, True, True, True, True, True, True, True, True, False, False, False]
    >>> any(speaker_spans("“Ana Ruiz, a guard, told me so,” he said."))
    False
    """
    spans = word_spans(text)
    flags = [False] * len(spans)
    hits = [m.span() for m in _SPEAKER.finditer(text)]
    if not hits:
        return flags
    quoted = quoted_flags(text)
    if len(quoted) != len(spans):
        return flags
    for i, (_, start, _) in enumerate(spans):
        flags[i] = not quoted[i] and any(a <= start < b for a, b in hits)
    return flags


def speaker_only(texts, corp, later, earlier) -> np.ndarray:
    """Which listed pairs (``later``, ``earlier``) share only a speaker's name, description and channel, and figures
    (see the module's docstring).

    Parameters
    ----------
    texts : sequence of str
        Every text of the corpus, in its order.
    corp : kit.auditing.text.Corpus
    later, earlier : numpy.ndarray of int
        The listed pairs (text positions).

    Returns
    -------
    numpy.ndarray of bool
        True for a pair that shares nothing but the speaker phrase and figures.

    Examples
    --------
    >>> from kit.auditing.text import corpus
    >>> t = ["Ana Maria Ruiz, a night guard at the Lumen club, told the Diario de Lima newspaper that 300 people "
    ...      "were inside.", "Ana Maria Ruiz, identified by the Diario de Lima as a night guard at the Lumen club, "
    ...      "said it held 300 when the fire began."]
    >>> c = corpus(t)
    >>> speaker_only(t, c, np.array([1]), np.array([0])).tolist()
    [True]
    >>> t[1] = t[1].replace("held 300", "held 300 people inside")  # the statement's words shared too: a copy
    >>> speaker_only(t, corpus(t), np.array([1]), np.array([0])).tolist()
    [False]
    """
    later, earlier = np.asarray(later, dtype=np.int64), np.asarray(earlier, dtype=np.int64)
    out = np.zeros(len(later), dtype=bool)
    flags: dict = {i: [] for i in _without_phrase(texts, np.unique(later))}

    def phrase(i: int) -> list:
        if i not in flags:
            text = texts[i] or ""
            flags[i] = speaker_spans(text) if _SPEAKER.search(text) else []
        return flags[i]

    for j, (a, b) in enumerate(zip(later.tolist(), earlier.tolist(), strict=True)):
        own = phrase(a)
        if not any(own) or not any(phrase(b)) or len(own) != corp.n_words[a]:
            continue
        ids, at = corp.ids[corp.ptr[a] : corp.ptr[a + 1]], corp.pos[corp.ptr[a] : corp.ptr[a + 1]]
        other = set(corp.ids[corp.ptr[b] : corp.ptr[b + 1]].tolist())
        said = [w for w, k in zip(ids.tolist(), at.tolist(), strict=True) if not own[k]]
        out[j] = not any(w in other and not _FIGURE.search(corp.vocab[w]) for w in said)
    return out


#: what a speaker phrase needs (read in bulk, RE2): two capitalised words in a row and a speech verb
_NEEDS = (rf"[A-Z]\S*\s+{_JOINER}[A-Z]", rf"\b{SPEECH_VERB}\b")


def _without_phrase(texts, at: np.ndarray) -> list:
    """The texts among ``at`` that cannot hold a speaker phrase (:data:`SPEAKER`): without two capitalised words in a
    row or without a speech verb, read in bulk by pyarrow's RE2 (a later text without a phrase is never looked at
    further, and most listed pairs' later texts have none)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if len(at) == 0:
        return []
    arr = pa.array([texts[i] or "" for i in at.tolist()], type=pa.string())
    can = pc.and_(*(pc.match_substring_regex(arr, needs) for needs in _NEEDS)).to_numpy(zero_copy_only=False)
    return at[~can].tolist()
