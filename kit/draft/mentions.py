"""Mentions: the speaker or outlet a sentence names, found before a speech verb or after "according to".

:func:`subject_before` reads back from a verb to the noun phrase that speaks ("two of the Russians", "Maxim Buga,
of the Cossack community"); :func:`object_after` reads forward from "told" or "according to" to the one named
("Reuters", "numerous reports"). Both return a :class:`Mention`, or None when no speaker is named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["PRONOUNS", "Mention", "subject_before", "object_after"]

# Pronouns a speaker may be named by ("it also says"): the cue finder resolves them to the last one named.
PRONOUNS = {"it", "they", "he", "she"}

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w[\w’'-]*|[^\w\s]")
_AUX = {
    "also",
    "has",
    "have",
    "had",
    "then",
    "later",
    "earlier",
    "previously",
    "reportedly",
    "would",
    "will",
    "may",
    "might",
    "did",
    "does",
    "do",
    "since",
    "first",
    "again",
    "once",
    "is",
    "was",
    "were",
    "are",
    "been",
    "who",
    "which",
    "that",
    "just",
    "recently",
}
_NEG = {"not", "never", "n’t", "n't"}
_DETS = {
    "the",
    "a",
    "an",
    "their",
    "his",
    "her",
    "its",
    "our",
    "this",
    "that",
    "these",
    "those",
    "other",
    "another",
    "several",
    "some",
    "many",
    "numerous",
    "unnamed",
    "anonymous",
}
_QUANT = {
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "some",
    "several",
    "many",
    "most",
    "all",
    "none",
    "each",
    "both",
    "few",
}
_STOPS = {
    "with",
    "on",
    "in",
    "at",
    "by",
    "for",
    "from",
    "to",
    "about",
    "into",
    "over",
    "after",
    "before",
    "during",
    "and",
    "or",
    "but",
    "if",
    "when",
    "because",
    "while",
    "as",
    "than",
    "know",
    "knew",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "led",
    "that",
    "which",
    "who",
    "what",
    "where",
    "there",
    "here",
    "we",
    "i",
    "you",
    "not",
    "so",
    "then",
    "also",
    "of",
    "said",
    "says",
    "told",
}


@dataclass(frozen=True)
class Mention:
    """A speaker or outlet as the sentence names it.

    ``text`` is the article's words ("their associates"); ``common`` is true for an unnamed speaker (a common noun
    phrase); ``about`` holds words describing it ("which monitors social networks"); ``affiliation`` the words of an
    "X, of the Y" appositive; ``said_as`` the words a pronoun or "this report" stood for, when resolved.
    """

    text: str
    common: bool = False
    about: str = ""
    affiliation: str = ""
    said_as: str = ""


def _words(s: str):
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(s)]


def _is_np_word(tok: str) -> bool:
    low = tok.lower()
    if not re.match(r"\w", tok) or low in _STOPS or tok[0].isdigit():
        return False
    return not (tok[0].islower() and "-" not in tok and re.search(r"(ed|ly|ing)$", low))


def _mention(words: list[str], about: str = "", affiliation: str = "") -> Mention | None:
    while words and words[0] in '“”"':
        words = words[1:]
    if not words or all(w.lower() in _DETS | _QUANT | {"of"} for w in words):
        return None
    text = " ".join(words).replace(" - ", "-")
    first = words[0].lower()
    common = words[-1][0].islower() or first in (_DETS - {"the", "this", "that"}) | _QUANT
    return Mention(text, common=common, about=about, affiliation=affiliation)


def subject_before(prefix: str):
    """The speaker named just before a verb: a Mention, ``"negated"``, ``"and"`` or None.

    Parameters
    ----------
    prefix : str
        The sentence up to the verb.

    Returns
    -------
    Mention, str or None
        The speaker; ``"negated"`` when the verb is negated ("hadn't said": no attribution); ``"and"`` when the verb
        shares the subject of the one before ("… said and added"); None when no speaker is named.

    See Also
    --------
    object_after : the source named after "according to" or "told".

    Examples
    --------
    >>> subject_before("Maxim Buga, of the Cossack community ")
    Mention(text='Maxim Buga', common=False, about='', affiliation='the Cossack community', said_as='')
    >>> subject_before("the region, two of the Russians ").text, subject_before("Actually Bloomberg hadn’t ")
    ('two of the Russians', 'negated')
    """
    prefix, about, affiliation = prefix.rstrip(), "", ""
    while True:
        m = re.search(r"(?:^|\s)(\w+(?:n’t|n't)?)$", prefix)
        if not m:
            break
        w = m.group(1).lower()
        if w in _NEG or w.endswith(("n’t", "n't")):
            return "negated"
        if w not in _AUX:
            break
        prefix = prefix[: m.start(1)].rstrip()
    if re.search(r"(?:^|\s)and$", prefix):
        return "and"
    for _ in range(2):  # "X, which monitors …, said" / "X, of the Y said"
        trailing = prefix.endswith(",")
        body = prefix[:-1] if trailing else prefix
        cut = body.rfind(",")
        if cut < 0:
            break
        seg = body[cut + 1 :].strip()
        if re.match(r"(which|who|of|based|known|a|an)\b", seg) and body[:cut].strip():
            if seg.startswith("of "):
                affiliation = seg[3:]
            else:
                about = seg
            prefix = body[:cut]
        elif trailing:
            return None
        else:
            break
    toks = [t for t, _, _ in _words(prefix)]
    words: list[str] = []
    for k in range(len(toks) - 1, -1, -1):
        tok, low = toks[k], toks[k].lower()
        if low in PRONOUNS and not words:
            return Mention(tok.lower(), common=True)
        if low in _DETS:
            words.insert(0, tok)
            if low == "the" and k >= 2 and toks[k - 1] == "of" and toks[k - 2].lower() in _QUANT:
                words[:0] = toks[k - 2 : k]
            break
        if not _is_np_word(tok) or len(words) >= 6:
            break
        words.insert(0, tok)
    return _mention(words, about, affiliation)


def object_after(rest: str) -> Mention | None:
    """The source named right after "according to", "citing", "told" and the like.

    Parameters
    ----------
    rest : str
        The sentence after the cue.

    Returns
    -------
    Mention or None
        The source, or None when the words after the cue name none.

    See Also
    --------
    subject_before : the speaker named before a verb.

    Examples
    --------
    >>> object_after("several accounts the media then tended").text, object_after("Reuters on Monday.").text
    ('several accounts', 'Reuters')
    >>> object_after("this report The Daily Beast claimed").text
    'this report'
    """
    words: list[str] = []
    for tok, _, _ in _words(rest):
        low = tok.lower()
        if low in _DETS and not words:
            words.append(tok)
            continue
        if low in _DETS or low in PRONOUNS or not _is_np_word(tok) or len(words) >= 6:
            break
        if tok[0].isupper() and any(w[0].islower() and w.lower() not in _DETS for w in words):
            break
        words.append(tok)
    return _mention(words)
