"""Normalising claim texts into words, in bulk (pyarrow) and for one text with its character spans (Python).

One rule, in two implementations that give the same words (``tests/auditing/test_auditing.py`` checks they agree):

1. a *chunk* is a run of characters between white space, a quotation mark glued to a word being cut from it
   (:func:`kit.auditing.marks.unglue`);
2. the typographic apostrophe (U+2019) becomes ``'``, and the punctuation in :data:`PUNCTUATION` is cut from
   both ends of the chunk (so ``"al-Assad,"`` gives ``al-assad`` and ``"“dozens”"`` gives ``dozens``);
3. the rest is lower-cased (``str.lower``; Arrow's ``utf8_lower``); a chunk that was all punctuation is no word.

*Content words* are the words not in :data:`STOP_WORDS` (English function words and reporting verbs such as
"said" or "according") and not in a quotation's attribution ("…,” Prime Minister Sushil Koirala told Reuters":
:func:`kit.auditing.marks.attribution_flags`; the speaker's, not the reporter's prose): the audit finds shared runs
of content words, so shared stop words or a shared attribution never suffice on their own.

*Quoted words* are the words inside quotation marks (:mod:`kit.auditing.marks`); :attr:`Corpus.quoted` holds them
for the content words, so that the audit tells a passage two reporters both quote from their own shared prose.
"""

from __future__ import annotations

import bisect
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from kit.auditing.bulk import non_ascii, split_whitespace, unstray
from kit.auditing.marks import (
    ATTRIBUTION_HINT,
    GLUED,
    MARK,
    PUNCTUATION,
    attribution_flags,
    glue_points,
    introduces,
    marks,
    opened_after,
    quoted_chunks,
    unglue,
)

__all__ = ["PUNCTUATION", "STOP_WORDS", "words", "word_spans", "Corpus", "corpus"]

PUNCTUATION = PUNCTUATION
"""Cut from both ends of a chunk (defined in :mod:`kit.auditing.marks`, whose quotation rule reads chunks too)."""


#: English function words and reporting verbs; never content on their own.
# fmt: off
STOP_WORDS = frozenset([
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "aren't",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
    "can't", "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't", "down", "during",
    "each", "few", "for", "from", "further", "had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he",
    "he'd", "he'll", "he's", "her", "here", "here's", "hers", "herself", "him", "himself", "his", "how", "how's",
    "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "it's", "its", "itself", "just",
    "let's", "me", "more", "most", "mustn't", "my", "myself", "no", "nor", "not", "now", "of", "off", "on",
    "once", "only", "or", "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "same", "shan't",
    "she", "she'd", "she'll", "she's", "should", "shouldn't", "so", "some", "such", "than", "that", "that's",
    "the", "their", "theirs", "them", "themselves", "then", "there", "there's", "these", "they", "they'd",
    "they'll", "they're", "they've", "this", "those", "through", "to", "too", "under", "until", "up", "upon",
    "very", "was", "wasn't", "we", "we'd", "we'll", "we're", "we've", "were", "weren't", "what", "what's", "when",
    "when's", "where", "where's", "which", "while", "who", "who's", "whom", "why", "why's", "will", "with",
    "won't", "would", "wouldn't", "you", "you'd", "you'll", "you're", "you've", "your", "yours", "yourself",
    "yourselves", "said", "says", "say", "saying", "told", "tell", "tells", "according", "reported", "reports",
    "report", "added", "claimed", "stated",
])
# fmt: on

_P = re.escape(PUNCTUATION)
#: a chunk without the punctuation at its ends (the same words as steps 1-2, found in one pass)
_WORD = re.compile(rf"[^\s{_P}](?:\S*[^\s{_P}])?")


def words(text: str) -> list[str]:
    """The normalised words of ``text`` (see the module's docstring).

    Parameters
    ----------
    text : str

    Returns
    -------
    list of str

    Examples
    --------
    >>> words("Three hundred pupils, the Council said: “moved”.")
    ['three', 'hundred', 'pupils', 'the', 'council', 'said', 'moved']
    """
    return [w for w, _, _ in word_spans(text)]


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """Each word of ``text`` with the start and end of its characters in ``text``.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of (str, int, int)
        The word, its start and its end (``text[start:end]`` is the word as written).

    Examples
    --------
    >>> word_spans("al-Assad, died")
    [('al-assad', 0, 8), ('died', 10, 14)]
    """
    points = glue_points(text)
    if not points:
        return [(m.group().replace("\u2019", "'").lower(), m.start(), m.end()) for m in _WORD.finditer(text)]
    moved = [p + k for k, p in enumerate(points)]  # the spaces put in, as positions in the unglued text

    def back(i: int) -> int:
        return i - bisect.bisect_right(moved, i - 1)

    out = []
    for m in _WORD.finditer(unglue(text)):
        out.append((m.group().replace("\u2019", "'").lower(), back(m.start()), back(m.end() - 1) + 1))
    return out


@dataclass(frozen=True)
class Corpus:
    """The words of many texts as integer arrays.

    Attributes
    ----------
    vocab : numpy.ndarray of object
        Each distinct word once; a word's id is its position.
    stop : numpy.ndarray of bool
        ``stop[id]``: the word is a stop word.
    n_words : numpy.ndarray of int64
        Words per text.
    all_ptr, all_ids : numpy.ndarray
        All the words of text ``i`` (stop words too) are ``all_ids[all_ptr[i]:all_ptr[i+1]]``.
    ptr, ids, pos : numpy.ndarray
        Content words of text ``i`` are ``ids[ptr[i]:ptr[i+1]]`` (word ids, in text order); ``pos`` is each one's
        position among all the words of its text (to find its characters again with :func:`word_spans`).
    quoted : numpy.ndarray of bool
        ``quoted[k]``: content word ``k`` (as ``ids``) is inside quotation marks
        (:func:`kit.auditing.marks.quoted_flags`).
    """

    vocab: np.ndarray
    stop: np.ndarray
    n_words: np.ndarray
    all_ptr: np.ndarray
    all_ids: np.ndarray
    ptr: np.ndarray
    ids: np.ndarray
    pos: np.ndarray
    quoted: np.ndarray

    def __len__(self) -> int:
        return len(self.n_words)

    @cached_property
    def bigrams(self) -> np.ndarray:
        """``mix64`` of each content word with the next (of :attr:`ids`, packed in 64 bits: word ids are below
        2**31), hashed once for the corpus (a text's last word's is never read).

        Examples
        --------
        >>> from kit.auditing.hashing import mix64
        >>> c = corpus(["floods hit Leeds"])
        >>> bool(c.bigrams[0] == mix64(np.array([c.ids[0] << 32 | c.ids[1]]))[0]), len(c.bigrams)
        (True, 3)
        """
        from kit.auditing.hashing import mix64

        ids, chunk = self.ids, 1 << 22  # chunks bound the temporary arrays
        out = np.zeros(len(ids), dtype=np.uint64)
        for lo in range(0, max(len(ids) - 1, 0), chunk):
            hi = min(lo + chunk, len(ids) - 1)
            out[lo:hi] = mix64((ids[lo:hi] << 32) | ids[lo + 1 : hi + 1])
        return out

    def normalised(self, i: int) -> str:
        """Text ``i``'s words joined by single spaces.

        Examples
        --------
        >>> corpus(["Two of the Russians said."]).normalised(0)
        'two of the russians said'
        """
        return " ".join(self.vocab[self.all_ids[self.all_ptr[i] : self.all_ptr[i + 1]]])

    def normalised_many(self, docs) -> list:
        """:meth:`normalised` for many texts at once (joined by pyarrow).

        Examples
        --------
        >>> corpus(["A b.", "", "C, d"]).normalised_many([2, 0, 1])
        ['c d', 'a b', '']
        """
        import pyarrow as pa
        import pyarrow.compute as pc

        docs = np.asarray(docs, dtype=np.int64)
        length = self.n_words[docs]
        offsets = np.concatenate([[0], np.cumsum(length)]).astype(np.int64)
        first = np.repeat(self.all_ptr[docs] - offsets[:-1], length)
        take = first + np.arange(int(offsets[-1]))
        strings = pa.array(self.vocab, type=pa.string()).take(pa.array(self.all_ids[take]))
        return pc.binary_join(pa.LargeListArray.from_arrays(pa.array(offsets), strings), " ").to_pylist()


def corpus(texts) -> Corpus:
    """Normalise many texts at once with pyarrow (no Python object per word).

    Parameters
    ----------
    texts : sequence of str, pandas.Series or pyarrow.Array
        Missing values count as empty texts.

    Returns
    -------
    Corpus

    Examples
    --------
    Content words only: function words are left out, and so is an attribution ("The Herald says:"), which is the
    speaker's, not the reporter's prose (:mod:`kit.auditing.marks`).

    >>> c = corpus(["The Herald says: three pupils", "pupils moved"])
    >>> [list(c.vocab[c.ids[c.ptr[i]:c.ptr[i + 1]]]) for i in range(len(c))]
    [['three', 'pupils'], ['pupils', 'moved']]
    >>> c.n_words.tolist(), c.pos.tolist()
    ([5, 2], [3, 4, 0, 1])
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    arr = (
        texts
        if isinstance(texts, (pa.Array, pa.ChunkedArray))
        else pa.array(_as_list(texts), type=pa.string(), from_pandas=True)
    )
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    n = len(arr)
    arr = pc.fill_null(arr.cast(pa.string()), "")
    # two threads (pyarrow releases the GIL), each on half the texts: one reads its attributions one text at a time
    # in Python while the other cuts its texts into chunks, then the other way round; the same words and flags
    with ThreadPoolExecutor(max_workers=1) as pool:
        second = pool.submit(_half, arr.slice(n // 2), False)
        first = _half(arr.slice(0, n // 2), True)
        return _corpus(arr, n, first, second.result())


#: a text holding a quotation mark or an attribution's hint (one pass for both; :func:`_half`)
_EITHER = rf"(?:{MARK})|(?:{ATTRIBUTION_HINT})"


def _half(arr, reading_first: bool):
    """:func:`_chunks` and :func:`_attribution_texts` of ``arr``, in either order, with the texts holding a
    quotation mark or an attribution's hint found once for both."""
    import pyarrow.compute as pc

    either = np.asarray(pc.match_substring_regex(arr, _EITHER).to_numpy(zero_copy_only=False), dtype=bool)
    if reading_first:
        read = _attribution_texts(arr, either)
        return _chunks(arr, either), read
    chunks = _chunks(arr, either)
    return chunks, _attribution_texts(arr, either)


def _chunks(arr, either):
    """Each chunk's text (a position in ``arr``) and the chunks, dictionary encoded (in order of first appearance);
    ``either``: the texts holding a quotation mark (or an attribution's hint), the only ones a stray mark can be in."""
    import pyarrow as pa
    import pyarrow.compute as pc

    straight = non_ascii(arr, lambda some: pc.replace_substring(some, "\u2019", "'"))
    chunks = split_whitespace(
        non_ascii(unstray(straight, either), lambda some: pc.replace_substring_regex(some, GLUED, r"\1\3 \2\4"))
    )
    doc = np.asarray(pc.list_parent_indices(chunks).to_numpy(zero_copy_only=False), dtype=np.int32)
    raw = pc.dictionary_encode(pc.list_flatten(chunks))
    return doc, raw.combine_chunks() if isinstance(raw, pa.ChunkedArray) else raw


def _corpus(arr, n, first, second) -> Corpus:
    import pyarrow as pa
    import pyarrow.compute as pc

    (first, read), (second, more) = first, second
    read = (np.concatenate([read[0], more[0] + n // 2]), np.concatenate([read[1], more[1]]), read[2] + more[2])

    # normalise each distinct chunk once (far fewer than the chunks), then map the chunks to their words; the
    # halves' dictionaries unified are the first's, then the second's new chunks: the order of first appearance
    halves = pa.chunked_array([first[1], second[1]]).unify_dictionaries()
    indices = pa.concat_arrays([c.indices for c in halves.chunks])
    raw = pa.DictionaryArray.from_arrays(indices, halves.chunk(0).dictionary)
    doc = np.concatenate([first[0], second[0] + np.int32(n // 2)])
    del halves, first, second
    opens, closes = marks(raw.dictionary)
    intro = introduces(raw.dictionary)  # "He added: What happened today ...": a quotation without marks
    words_of_raw = pc.dictionary_encode(pc.utf8_lower(pc.utf8_trim(raw.dictionary, characters=PUNCTUATION)))
    vocab = np.asarray(words_of_raw.dictionary.to_pylist(), dtype=object)
    to_word = np.asarray(words_of_raw.indices.to_numpy(zero_copy_only=False), dtype=np.int32)
    raw_id = np.asarray(raw.indices.to_numpy(zero_copy_only=False))
    word_id = to_word[raw_id]
    del raw
    empty = np.flatnonzero(vocab == "")
    if len(empty):  # chunks that were all punctuation are no words
        keep = word_id != empty[0]
        doc, word_id, raw_id = doc[keep], word_id[keep], raw_id[keep]
        del keep
    o, c = opens[raw_id], closes[raw_id]
    if intro.any():
        o = opened_after(o, intro[raw_id], doc)
    stop_words = pa.array(sorted(STOP_WORDS | {""}), type=pa.string())  # "": a chunk that was all punctuation
    stop = np.asarray(pc.is_in(words_of_raw.dictionary, value_set=stop_words).to_numpy(zero_copy_only=False), bool)
    del words_of_raw
    del raw_id
    marked = np.zeros(n, dtype=bool)
    marked[doc[o | c]] = True
    some = marked[doc]  # only texts with a quotation mark can have quoted words
    quoted = np.zeros(len(doc), dtype=bool)
    quoted[some] = quoted_chunks(o[some], c[some], doc[some])
    del o, c, some
    n_words = np.bincount(doc, minlength=n).astype(np.int64)
    all_ptr = np.concatenate([[0], np.cumsum(n_words)]).astype(np.int64)
    said = _attributions(arr, marked, all_ptr, read)
    del arr
    content = np.flatnonzero(~stop[word_id] & ~said)
    cdoc = doc[content]
    del doc
    pos = (content - all_ptr[cdoc]).astype(np.int32)  # position among all the words of its text
    ids = word_id[content].astype(np.int64)
    ptr = np.concatenate([[0], np.cumsum(np.bincount(cdoc, minlength=n))]).astype(np.int64)
    return Corpus(
        vocab=vocab,
        stop=stop,
        n_words=n_words,
        all_ptr=all_ptr,
        all_ids=word_id,
        ptr=ptr,
        ids=ids,
        pos=pos,
        quoted=quoted[content],
    )


def _attribution_texts(arr, either=None):
    """The texts that may hold an attribution (one holding a quotation mark or matching
    :data:`kit.auditing.marks.ATTRIBUTION_HINT`: ``either``, a mask, found when not given) and
    :func:`kit.auditing.marks.attribution_flags` of each (read once for texts given several times): their
    positions, the hint per text, and the flags."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if either is None:
        either = np.asarray(pc.match_substring_regex(arr, _EITHER).to_numpy(zero_copy_only=False), dtype=bool)
    docs = np.flatnonzero(either)
    some = arr.take(pa.array(docs))
    hint = np.zeros(len(arr), dtype=bool)
    hint[docs] = np.asarray(pc.match_substring_regex(some, ATTRIBUTION_HINT).to_numpy(zero_copy_only=False), bool)
    read: dict = {}
    flags = [read[t] if t in read else read.setdefault(t, attribution_flags(t or "")) for t in some.to_pylist()]
    return docs, hint, flags


def _attributions(arr, marked, all_ptr, read) -> np.ndarray:
    """Which words (all of them, in text order) are in an attribution: the texts holding a quotation mark or matching
    :data:`kit.auditing.marks.ATTRIBUTION_HINT` only, one by one (:func:`kit.auditing.marks.attribution_flags`;
    ``read``: :func:`_attribution_texts`, made for every text holding a mark character, a superset of ``marked``)."""
    import pyarrow as pa

    out = np.zeros(int(all_ptr[-1]), dtype=bool)
    some, hint, flags_of = read
    docs = np.flatnonzero(marked | hint)
    if len(docs) == 0:
        return out
    at = np.minimum(np.searchsorted(some, docs), max(len(some) - 1, 0))
    missed = docs[(some[at] != docs) if len(some) else np.ones(len(docs), bool)]
    more = dict(zip(missed.tolist(), arr.take(pa.array(missed)).to_pylist(), strict=True)) if len(missed) else {}
    for d, k in zip(docs.tolist(), at.tolist(), strict=True):
        flags = attribution_flags(more[d] or "") if d in more else flags_of[k]
        if any(flags) and len(flags) == all_ptr[d + 1] - all_ptr[d]:
            out[all_ptr[d] : all_ptr[d + 1]] = flags
    return out


def _as_list(texts) -> list:
    if hasattr(texts, "tolist"):
        texts = texts.tolist()
    return [t if isinstance(t, str) else None for t in texts]
