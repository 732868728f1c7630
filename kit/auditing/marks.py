"""Quotation marks: which words of a text stand inside a quotation (the one rule, for one text and in bulk).

A chunk (a run of characters between white space) that starts with an opening mark (``“``, ``"``, ``«``, ``„``, after
any opening bracket) opens a quotation; a chunk that ends with a closing mark (``”``, ``"``, ``»``, before any
punctuation) closes one; a word is quoted while a quotation is open. A text whose first mark closes a quotation
began inside one (a quoted passage of several sentences cut into claims), and a quotation never closed runs to the
end. :func:`quoted_flags` applies it to one text, :func:`marks` and :func:`quoted_chunks` to many
(:func:`kit.auditing.text.corpus`); ``tests/auditing/test_marks.py`` checks that they agree.
"""

from __future__ import annotations

import re

import numpy as np

__all__ = ["PUNCTUATION", "quoted_flags", "marks", "quoted_chunks"]

#: cut from both ends of a chunk: ASCII punctuation and the common typographic marks (a chunk of these alone is no
#: word; :mod:`kit.auditing.text` cuts words with it)
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»‹›“”„‟‘’‚‛–—―‐‑‒…·•°¡¿§¶†‡′″"
#: a chunk holding any quotation mark
_MARK = '[“”"«»„]'
#: a chunk opening a quotation: an opening mark at its start (after brackets)
_OPENS = r"^[(\[]*[“\"«„]"
#: a chunk closing a quotation: a closing mark at its end (before punctuation); "“" closes after a word's last
#: letter too (a typesetting slip seen in real pages: ``them,“``)
_CLOSES = r"(?:[”\"»]|\w[.,;:!?…]*“)[.,;:!?…)\]’']*$"


def quoted_flags(text: str) -> list[bool]:
    """For each word of ``text`` (as :func:`words` gives them): is it inside quotation marks?

    Parameters
    ----------
    text : str

    Returns
    -------
    list of bool

    Examples
    --------
    >>> quoted_flags('Pupils moved, “the hall is safe,” the Council said.')
    [False, False, True, True, True, True, False, False, False]
    >>> quoted_flags('safe now,” he said.')
    [True, True, False, False]
    """
    chunks = [c for c in text.replace("\u2019", "'").split() if c.strip(PUNCTUATION)]
    opens = [bool(re.search(_OPENS, c)) for c in chunks]
    closes = [bool(re.search(_CLOSES, c)) for c in chunks]
    return quoted_chunks(
        np.array(opens, dtype=bool), np.array(closes, dtype=bool), np.zeros(len(chunks), np.int64)
    ).tolist()


def marks(chunks):
    """Which of many distinct chunks open and which close a quotation (the regular expressions run only on the
    chunks holding a quotation mark at all).

    Parameters
    ----------
    chunks : pyarrow.Array of strings

    Returns
    -------
    (numpy.ndarray of bool, numpy.ndarray of bool)
        Opens, closes; one each per chunk.

    Examples
    --------
    >>> import pyarrow as pa
    >>> [a.tolist() for a in marks(pa.array(["“The", "hall", "safe,”", "x"]))]
    [[True, False, False, False], [False, False, True, False]]
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    some = np.asarray(pc.match_substring_regex(chunks, _MARK).to_numpy(zero_copy_only=False), dtype=bool)
    at = np.flatnonzero(some)
    opens, closes = np.zeros(len(chunks), dtype=bool), np.zeros(len(chunks), dtype=bool)
    if len(at):
        few = chunks.take(pa.array(at))
        opens[at] = np.asarray(pc.match_substring_regex(few, _OPENS).to_numpy(zero_copy_only=False), dtype=bool)
        closes[at] = np.asarray(pc.match_substring_regex(few, _CLOSES).to_numpy(zero_copy_only=False), dtype=bool)
    return opens, closes


def quoted_chunks(opens: np.ndarray, closes: np.ndarray, doc: np.ndarray) -> np.ndarray:
    """Quoted chunks, given each chunk's opening and closing marks and its text (chunks in text order).

    Parameters
    ----------
    opens, closes : numpy.ndarray of bool
        Per chunk (:func:`marks`).
    doc : numpy.ndarray of int
        Each chunk's text; a text's chunks are together and in order.

    Returns
    -------
    numpy.ndarray of bool

    Examples
    --------
    >>> quoted_chunks(np.array([1, 0, 0, 0], bool), np.array([0, 1, 0, 1], bool), np.array([0, 0, 0, 1])).tolist()
    [True, True, False, True]
    """
    n = len(opens)
    if n == 0:
        return np.zeros(0, dtype=bool)
    o, c = opens.astype(np.int64), closes.astype(np.int64)
    start = np.concatenate([[True], doc[1:] != doc[:-1]])
    first = np.flatnonzero(start)
    run = np.cumsum(start) - 1
    co, cc = np.cumsum(o), np.cumsum(c)
    base_o, base_c = (co - o)[first][run], (cc - c)[first][run]
    # a text whose first mark closes a quotation began inside one
    marked = np.flatnonzero(opens | closes)
    begins_inside = np.zeros(len(first), dtype=bool)
    if len(marked):
        firsts = marked[np.concatenate([[True], run[marked][1:] != run[marked][:-1]])]
        begins_inside[run[firsts]] = closes[firsts] & ~opens[firsts]
    depth = begins_inside[run].astype(np.int64) + (co - base_o) - (cc - c - base_c)
    return depth > 0
