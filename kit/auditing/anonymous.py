"""Anonymous-source wordings: the words a claim uses to quote people it does not name ("two of the Russians said",
"according to sources familiar with the matter", "speaking on condition of anonymity"), read for the
``same_attribution`` signal (:func:`kit.auditing.figure_pairs.same_attribution`).

Only wording that names nobody counts: a number of people "of the" group, a number or an article before a word for
unnamed people ("sources", "officials", "residents"), "according to" such people, or the formulas of anonymity; "the
statement said" or "said another 13 people" after a named speaker do not.
"""

from __future__ import annotations

import re

import numpy as np

from kit.auditing.text import words

__all__ = ["attributions", "anonymous_wordings"]

#: words for a number of people, and words for unnamed people, in anonymous attributions ("two officials said")
_NUM_WORDS: tuple[str, ...] = (
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
    "several",
    "some",
)
_NUM_WORDS += ("many", "few", "numerous", "multiple")
_WHO_WORDS: tuple[str, ...] = (
    "source",
    "sources",
    "official",
    "officials",
    "person",
    "persons",
    "people",
    "insider",
    "insiders",
)
_WHO_WORDS += ("diplomat", "diplomats", "officer", "officers", "aide", "aides", "resident", "residents")
_WHO_WORDS += ("witness", "witnesses")
_NUM = "(?:" + "|".join(_NUM_WORDS) + r"|\d+)"
_WHO = "(?:" + "|".join(_WHO_WORDS) + ")"
_ATTRIBUTION = re.compile(
    rf"\b{_NUM} of (?:the|his|her|their) (?:[a-z0-9'.-]+ ){{1,3}}?(?:said|say|says|told)\b"
    rf"|\b{_NUM} (?:[a-z0-9'.-]+ )?{_WHO} (?:said|say|says|told)\b"
    rf"|\baccording to (?:a |an |one |two |three |several |some |the )?(?:[a-z0-9'.-]+ ){{0,3}}?{_WHO}\b"
    rf"(?: (?:familiar with|close to|with knowledge of) (?:the |a |an )?[a-z0-9'-]+(?: [a-z0-9'-]+)?)?"
    r"|\b(?:a|an|the) (?:[a-z0-9'.-]+ ){0,3}?" + _WHO + r" (?:said|told|say|says)\b"
    r"|\b(?:officials|sources|residents|witnesses|diplomats|officers|aides|insiders) (?:have )?"
    r"(?:said|say|says|told)\b"
    r"|\bon (?:the )?condition of anonymity\b|\bwho asked not to be (?:named|identified)\b"
    r"|\bspeaking anonymously\b|\bdeclined to be (?:named|identified)\b"
)
_HINT = re.compile(r"said|says|say|told|according|anonym|named|identified")
_HINT_WORDS = ("said", "says", "say", "told", "according", "anonymity", "anonymously", "named", "identified")


def attributions(text: str) -> list[str]:
    """The anonymous-source wordings in ``text``, normalised (:func:`kit.auditing.text.words`).

    Parameters
    ----------
    text : str

    Returns
    -------
    list of str

    Examples
    --------
    >>> attributions("More than 200 died, two of the Russians said.")
    ['two of the russians said']
    >>> attributions("The council said so, according to its minutes.")
    []
    """
    return _in_words(" ".join(words(text))) if _HINT.search(text.lower()) else []


def _in_words(normalised: str) -> list[str]:
    return [m.group() for m in _ATTRIBUTION.finditer(normalised)]


_ANONYMOUS = ("anonymity", "anonymously", "named", "identified")


def _maybe_anonymous(corp) -> np.ndarray:
    """The texts where :data:`_ATTRIBUTION` can match, found on word ids (no regular expression): a reporting word
    and either a word for unnamed people, a formula of anonymity, or a number followed by "of"."""
    vocab = corp.vocab
    ids = corp.all_ids

    # a word joined to others by a hyphen, an apostrophe or a point holds each as the regular expression reads it
    # ("eye-witnesses say": ``\bwitnesses say``)
    import pyarrow as pa
    import pyarrow.compute as pc

    strings = pa.array(vocab, type=pa.string())
    mixed = np.flatnonzero(pc.match_substring_regex(strings, "[^a-z0-9]").to_numpy(False))
    joined = {int(i): re.split(r"[^a-z0-9]+", str(vocab[i])) for i in mixed}

    def isin(at, words):  # a hash table (np.isin sorts the vocabulary's Python strings)
        some = strings if at is None else strings.take(pa.array(at, type=pa.int64()))
        return np.asarray(pc.is_in(some, value_set=pa.array(words, type=pa.string())).to_numpy(False), dtype=bool)

    def flag(words):  # a flag per word of the vocabulary
        out = isin(None, words)
        wanted = set(words)
        out[[i for i, parts in joined.items() if wanted.intersection(parts)]] = True
        return out

    # each word's kind as bits (1: a reporting word, 2: a word for unnamed people or anonymity), read per word once;
    # only the few words of a kind are placed in their texts
    kind = flag(_HINT_WORDS).astype(np.uint8) | (flag(_WHO_WORDS + _ANONYMOUS).astype(np.uint8) << 1)
    of = np.flatnonzero(vocab == "of")
    if len(of):
        kind[of[0]] |= 4
    word_kind = kind[ids]
    at = np.flatnonzero(word_kind)
    owner = np.searchsorted(corp.all_ptr, at, side="right") - 1
    found = word_kind[at]

    def has(bit):
        out = np.zeros(len(corp), dtype=bool)
        out[owner[(found & bit) > 0]] = True
        return out

    hint, cue = has(1), has(2)
    num_of = np.zeros(len(corp), dtype=bool)
    is_of = (found & 4) > 0
    at, owner = at[is_of], owner[is_of]
    at, owner = at[at > corp.all_ptr[owner]], owner[at > corp.all_ptr[owner]]  # "of" after a word of its text
    if len(at):
        before = np.unique(ids[at - 1])  # the words before "of": is each a number?
        is_num = isin(before, _NUM_WORDS) | np.array([w.isdigit() for w in vocab[before]], dtype=bool)
        num_of[owner[is_num[np.searchsorted(before, ids[at - 1])]]] = True
    return np.flatnonzero(hint & (cue | num_of))


def anonymous_wordings(corp) -> list[tuple[int, str]]:
    """Each anonymous-source wording (:func:`attributions`) of each text of ``corp`` (a
    :class:`kit.auditing.text.Corpus`), read on its words, for :func:`same_attribution`.

    Returns
    -------
    list of (int, str)
        The text's position and the wording, normalised; texts in order, each wording once per text.

    Examples
    --------
    >>> from kit.auditing.text import corpus
    >>> anonymous_wordings(corpus(["Floods hit Leeds, two officials said.", "Rain fell", "Three of the crew told us"]))
    [(0, 'two officials said'), (2, 'three of the crew told')]
    """
    maybe = _maybe_anonymous(corp)
    texts = corp.normalised_many(maybe)
    return [(i, p) for i, found in zip(maybe.tolist(), _all_in_words(texts), strict=True) for p in dict.fromkeys(found)]


def _all_in_words(texts: list) -> list:
    """:func:`_in_words` of many normalised texts: the ASCII ones with pyarrow's RE2, which reads
    :data:`_ATTRIBUTION` as Python's ``re`` does on ASCII text (``\\b`` and ``\\d`` differ only beyond it), each
    match marked off by two control characters and cut out (ten times faster than ``re`` on such texts); the others,
    and any holding a marker already, with ``re``."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not texts:
        return []
    arr = pa.array(texts, type=pa.string())
    fast = pc.and_(pc.string_is_ascii(arr), pc.invert(pc.match_substring_regex(arr, "[\x00\x01]")))
    marked = pc.replace_substring_regex(arr, _ATTRIBUTION.pattern, "\x00\\0\x01").to_pylist()
    return [
        [piece.split("\x01", 1)[0] for piece in m.split("\x00")[1:]] if ok else _in_words(t)
        for t, m, ok in zip(texts, marked, fast.to_pylist(), strict=True)
    ]
