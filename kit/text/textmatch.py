"""Finding names in text the way a reader sees them: on a normalised form, replacing the original characters.

A confidential name is written in many byte forms that look the same (a line break from Word, a non-breaking space,
decomposed accents, a capital dotted ``İ``, a zero-width space pasted from a web page). :func:`fold` gives the one
form two such writings share, and :class:`Matcher` finds terms on that form while replacing the *original* spans of
the text (an index map from each folded character back to the characters it came from).

The folded form of a text is built character by character:

- compatibility decomposition (NFKD, so ligatures, full-width and superscript forms become their plain letters and
  digits: ``ﬁ`` -> ``fi``, ``Ｉ`` -> ``I``), then full case folding (:meth:`str.casefold`, which may change the length:
  ``ß`` -> ``ss``, ``İ`` -> ``i̇``), then NFKD again; comparing these forms is comparing NFKC case-folded texts;
- combining marks (Unicode categories Mn and Me: accents, written precomposed or decomposed) are dropped, so
  ``José``, ``Jose`` and ``Jose`` + U+0301 are one name;
- every run of whitespace (spaces, tabs, line breaks, the vertical tab of Word's manual line break, U+00A0 and
  every other Zs, Zl and Zp character) is one space;
- format and control characters (categories Cf and Cc, e.g. the zero-width space U+200B, the soft hyphen, the
  bidi controls U+202A-U+202E and U+2066-U+2069) and the other default-ignorable characters (variation selectors,
  U+034F, the Hangul fillers) are dropped.

A term is matched on the folded text where its folded form occurs; a term whose folded form is shorter than
:data:`SHORT` characters (an id such as ``abc``) only as a whole word: the characters before and after it must not
be letters or digits (a hyphen, an apostrophe, a full stop or an underscore ends a word, so ``abc-said`` holds
``abc``). Where terms overlap, the one starting first wins, then the longest.

Not matched: a different spelling (``Petroff`` for ``Petrov``), a nickname or a partial name (``Vanya``, ``Petrov``
alone when the term is ``Ivan Petrov``), a transliteration (``Петров``), a name whose words are run together or
split by other characters (``IvanPetrov``, ``Ivan-Petrov``, ``Ivan_Petrov``), a look-alike letter from another
script (Cyrillic ``а`` for Latin ``a``).

Examples
--------
>>> fold("  Ivan\\u00a0\\nPETROV\\u200b ")
' ivan petrov '
>>> m = Matcher({"Ivan Petrov": "Source 1", "abc": "S2"})
>>> m.sub("IVAN\\u00a0 Petrov said; abc-said; abcd")
'Source 1 said; S2-said; abcd'
>>> Matcher({"İpek Şahin": "Source 1"}).sub("İPEK ŞAHİN and ipek sahin")
'Source 1 and Source 1'
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from urllib.parse import unquote_plus

__all__ = ["SHORT", "fold", "fold_map", "as_read", "Matcher"]

#: terms whose folded form is shorter than this are matched only as whole words
SHORT = 4

_IGNORABLE = {0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0}
_IGNORABLE_RANGES = ((0x180B, 0x180F), (0xFE00, 0xFE0F), (0xE0000, 0xE0FFF))
_SPACE_RUN = re.compile(" {2,}")


def _ignorable(ch: str) -> bool:
    cp = ord(ch)
    if cp in _IGNORABLE or any(lo <= cp <= hi for lo, hi in _IGNORABLE_RANGES):
        return True
    return unicodedata.category(ch) in ("Cf", "Cc", "Cs", "Mn", "Me")


def _space(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) in ("Zs", "Zl", "Zp")


@functools.lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    """The folded form of one character: ``" "`` for a space, ``""`` for an ignorable one."""
    if _space(ch):
        return " "
    if _ignorable(ch):
        return ""
    out = []
    for c in unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", ch).casefold()):
        if _space(c):
            out.append(" ")
        elif not _ignorable(c):
            out.append(c)
    return "".join(out)


def fold(text) -> str:
    """The normalised form of ``text`` (see the module's description): NFKC, case-folded, marks and blanks evened out.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        Equal for two texts that a reader cannot tell apart by their letters.

    See Also
    --------
    fold_map : the same, with where each character came from.

    Examples
    --------
    >>> fold("José"), fold("JOSE\\u0301"), fold("STRASSE") == fold("Straße"), fold("a\\u202eb\\x0bc")
    ('jose', 'jose', True, 'ab c')
    """
    text = str(text)
    if text.isascii() and text.isprintable():
        return _SPACE_RUN.sub(" ", text.lower())
    return _SPACE_RUN.sub(" ", "".join(map(_fold_char, text)))


def fold_map(text) -> tuple[str, list[int], list[int]]:
    """:func:`fold` of ``text`` and, for each of its characters, the original span it came from.

    Returns
    -------
    tuple
        ``(folded, starts, ends)``: ``folded[i]`` comes from ``text[starts[i]:ends[i]]`` (a collapsed run of blanks
        spans the whole run; a combining mark folded away belongs to the character before it; other ignorable
        characters belong to no folded character).

    Examples
    --------
    >>> fold_map("ß  İ")
    ('ss i', [0, 0, 1, 3], [1, 1, 3, 4])
    >>> fold_map("Jose\u0301!")
    ('jose!', [0, 1, 2, 3, 5], [1, 2, 3, 5, 6])
    """
    text = str(text)
    folded: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        chars = _fold_char(ch)
        if not chars and ends and unicodedata.category(ch).startswith("M"):
            ends[-1] = i + 1  # a combining mark folded away belongs to the letter before it ("e" + U+0301)
        for c in chars:
            if c == " " and folded and folded[-1] == " ":
                ends[-1] = i + 1
                continue
            folded.append(c)
            starts.append(i)
            ends.append(i + 1)
    return "".join(folded), starts, ends


class Matcher:
    """Finds terms in texts on their folded form (:func:`fold`) and replaces the original spans.

    Parameters
    ----------
    terms : dict
        ``term -> replacement``. Terms are folded (and stripped of blanks at either end); of two terms with the same
        folded form, the first given wins; a term that folds to nothing is ignored.
    short : int, default SHORT
        Terms whose folded form is shorter than this are matched only as whole words.

    Examples
    --------
    >>> m = Matcher({"Rostov Tractor Plant": "(withheld)", "ivan": "Source 1"})
    >>> m.sub("the rostov\\ntractor  PLANT: Ivan's post"), m.sub("nothing here")
    ("the (withheld): Source 1's post", 'nothing here')
    >>> m.spans("ivan, Ivanov")
    [(0, 4, 'Source 1'), (6, 10, 'Source 1')]
    >>> Matcher({"abc": "X"}).spans("abcd xabc abc_1 (abc)")
    [(10, 13, 'X'), (17, 20, 'X')]
    """

    def __init__(self, terms: dict, short: int = SHORT):
        self.short = short
        self.terms: dict[str, str] = {}
        for term, repl in terms.items():
            key = fold(term).strip(" ")
            if key and key not in self.terms:
                self.terms[key] = repl
        alternatives = sorted(self.terms, key=len, reverse=True)
        self._any = re.compile("|".join(map(re.escape, alternatives))) if alternatives else None
        self._by_first: dict[str, list[str]] = {}
        for key in alternatives:
            self._by_first.setdefault(key[0], []).append(key)

    def __bool__(self) -> bool:
        return bool(self.terms)

    def _whole_word(self, folded: str, start: int, end: int) -> bool:
        before = folded[start - 1] if start > 0 else " "
        after = folded[end] if end < len(folded) else " "
        return not before.isalnum() and not after.isalnum()

    def spans(self, text) -> list[tuple[int, int, str]]:
        """Where the terms are in ``text``: ``(start, end, replacement)`` in the original, in order, not overlapping.

        Returns
        -------
        list of tuple
        """
        text = str(text)
        if self._any is None or self._any.search(fold(text)) is None:
            return []
        folded, starts, ends = fold_map(text)
        found = []
        for i, ch in enumerate(folded):
            for key in self._by_first.get(ch, ()):
                if folded.startswith(key, i) and (len(key) >= self.short or self._whole_word(folded, i, i + len(key))):
                    found.append((i, i + len(key), self.terms[key]))
                    break  # the longest term starting here
        out: list[tuple[int, int, str]] = []
        last = 0
        for i, j, repl in found:
            start, end = starts[i], ends[j - 1]
            if start < last:
                continue
            out.append((start, end, repl))
            last = end
        return out

    def sub(self, text) -> str:
        """``text`` with every match (:meth:`spans`) replaced: the original characters go, the replacement comes.

        Returns
        -------
        str
        """
        text = str(text)
        spans = self.spans(text)
        if not spans:
            return text
        parts, last = [], 0
        for start, end, repl in spans:
            parts.append(text[last:start])
            parts.append(repl)
            last = end
        parts.append(text[last:])
        return "".join(parts)


def as_read(text: str, layers: int = 4) -> str:
    """``text`` as a reader reads it: percent-encoding (``+`` as a blank too) and HTML entities undone, a few
    layers deep (a url encoded inside an archive link inside another).

    Parameters
    ----------
    text : str
    layers : int
        How many layers of encoding to undo at most.

    Returns
    -------
    str

    See Also
    --------
    fold : the normalised form names are matched on.

    Examples
    --------
    >>> as_read("https://archive.ph/submit/?url=https%3A%2F%2Fexample.org%2Fa%26b")
    'https://archive.ph/submit/?url=https://example.org/a&b'
    """
    for _ in range(layers):
        if "%" not in text and "&" not in text and "+" not in text:
            break
        new = html.unescape(unquote_plus(text))
        if new == text:
            break
        text = new
    return text
