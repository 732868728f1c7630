"""Edits of many texts at once in pyarrow, for :func:`kit.auditing.text.corpus`: each gives what its one-text rule
(:mod:`kit.auditing.marks`, ``str.split``) gives, and reads only the texts that can change."""

from __future__ import annotations

import numpy as np

from kit.auditing.marks import STRAY, STRAY_HINT, STRAY_PASSES, STRAY_REPLACE

__all__ = ["WIDE_SPACE", "replace_at", "non_ascii", "unstray", "split_whitespace"]

#: white space other than ASCII's where pyarrow's ``utf8_split_whitespace`` cuts (as ``str.split`` does): U+001C to
#: U+001F and Unicode's spaces (``tests/auditing/test_bulk.py`` checks every code point)
WIDE_SPACE = r"[\x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]"


def replace_at(arr, at, some):
    """``arr`` with the texts at positions ``at`` replaced by ``some``.

    Parameters
    ----------
    arr : pyarrow.StringArray
    at : numpy.ndarray of int
        Ascending positions.
    some : pyarrow.StringArray
        One text per position.

    Returns
    -------
    pyarrow.StringArray

    Examples
    --------
    >>> import pyarrow as pa
    >>> replace_at(pa.array(["a", "b", "c"]), np.array([0, 2]), pa.array(["x", "z"])).to_pylist()
    ['x', 'b', 'z']
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    mask = np.zeros(len(arr), dtype=bool)
    mask[at] = True
    return pc.replace_with_mask(arr, pa.array(mask), some)


def non_ascii(arr, change):
    """``arr`` with ``change`` made to its texts that are not all ASCII only: the curly apostrophe and the marks
    :data:`kit.auditing.marks.GLUED` reads are not ASCII, so a text that is has nothing to change (a test of a few
    milliseconds against a regular expression's pass over every text).

    Parameters
    ----------
    arr : pyarrow.StringArray
    change : callable
        From the texts that are not all ASCII (a pyarrow array) to their changed texts.

    Returns
    -------
    pyarrow.StringArray

    Examples
    --------
    >>> import pyarrow as pa, pyarrow.compute as pc
    >>> non_ascii(pa.array(["it’s", "its"]), lambda a: pc.replace_substring(a, "’", "'")).to_pylist()
    ["it's", 'its']
    """
    import pyarrow.compute as pc

    other = pc.invert(pc.string_is_ascii(arr))
    if not pc.any(other).as_py():
        return arr
    return pc.replace_with_mask(arr, other, change(pc.filter(arr, other)))


def unstray(arr, within):
    """:data:`kit.auditing.marks.STRAY` marks made opening (or closing) marks, as :func:`kit.auditing.marks.unglue`
    does for one text, reading only the texts ``within``.

    Parameters
    ----------
    arr : pyarrow.StringArray
    within : numpy.ndarray of bool
        The texts that may hold a stray mark (every text holding ``”`` or ``"`` must be among them).

    Returns
    -------
    pyarrow.StringArray

    Examples
    --------
    >>> import pyarrow as pa
    >>> unstray(pa.array(["It fell.”Then", "It fell.”Then"]), np.array([True, False])).to_pylist()
    ['It fell. “Then', 'It fell.”Then']
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    at = np.flatnonzero(within)
    few = arr.take(pa.array(at))
    hit = np.asarray(pc.match_substring_regex(few, STRAY_HINT).to_numpy(zero_copy_only=False), dtype=bool)
    if not hit.any():  # a fast first cut
        return arr
    some = few.filter(pa.array(hit))
    for _ in range(STRAY_PASSES):
        for pattern, replacement in zip(STRAY, STRAY_REPLACE, strict=True):
            some = pc.replace_substring_regex(some, pattern, replacement, max_replacements=1)
    return replace_at(arr, at[hit], some)


def split_whitespace(arr):
    """Each text's chunks as ``pyarrow.compute.utf8_split_whitespace(arr)`` gives them, in about two thirds of the
    time: the texts that are not all printable ASCII have their other white space (:data:`WIDE_SPACE`) made a space,
    then every text is cut at ASCII white space (a character of several bytes in UTF-8 holds no ASCII byte). One
    difference, of no word: a run of white space at a text's end gives one empty chunk, where
    ``utf8_split_whitespace`` gives two.

    Parameters
    ----------
    arr : pyarrow.StringArray

    Returns
    -------
    pyarrow.ListArray
        Each text's chunks.

    Examples
    --------
    >>> import pyarrow as pa
    >>> split_whitespace(pa.array(["a b\u00a0c", " d\te"])).to_pylist()
    [['a', 'b', 'c'], ['', 'd', 'e']]
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    at = np.flatnonzero(~np.asarray(pc.ascii_is_printable(arr).to_numpy(zero_copy_only=False), dtype=bool))
    few = arr.take(pa.array(at))
    wide = np.asarray(pc.match_substring_regex(few, WIDE_SPACE).to_numpy(zero_copy_only=False), dtype=bool)
    if wide.any():
        arr = replace_at(arr, at[wide], pc.replace_substring_regex(few.filter(pa.array(wide)), WIDE_SPACE, " "))
    return pc.ascii_split_whitespace(arr)
