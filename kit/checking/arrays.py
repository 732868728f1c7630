"""Array operations the checks share: a column as pyarrow text, masks computed once per distinct value,
first appearances, numbers. Each keeps a million-row check to a few array passes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kit.reading.limits import MAX_FIGURE

__all__ = [
    "ok_mask",
    "bad_values",
    "arrow",
    "np_bool",
    "is_empty",
    "fullmatch",
    "first_seen",
    "first_of_codes",
    "by_uniques",
    "numbers",
    "figure",
    "ascii_digits",
]


def ok_mask(values: pd.Series, ok: Callable[[str], object]) -> np.ndarray:
    """``ok(v)`` for every value, as a boolean array, calling ``ok`` once per distinct value.

    A million-row column usually holds few distinct values (a proposition, a certainty, a report id), so
    this is much faster than a per-row string operation.

    Parameters
    ----------
    values : pandas.Series
        The cells.
    ok : callable
        A test of one value.

    Returns
    -------
    numpy.ndarray of bool
        ``ok(v)`` for each cell, in order.

    See Also
    --------
    bad_values : the positions where ``ok`` fails, empty cells left out.
    by_uniques : any function, once per distinct value.

    Examples
    --------
    >>> ok_mask(pd.Series(["a", "B", "a", ""], dtype=object), str.islower).tolist()
    [True, False, True, False]
    """
    arr = values.to_numpy(dtype=object)
    uniq = pd.unique(arr)
    if len(uniq) == len(arr):
        return np.fromiter((bool(ok(v)) for v in arr), dtype=bool, count=len(arr))
    flags = np.fromiter((bool(ok(v)) for v in uniq), dtype=bool, count=len(uniq))
    if flags.all():
        return np.ones(len(arr), dtype=bool)
    return flags[pd.Index(uniq, dtype=object).get_indexer(arr)]


def bad_values(values: pd.Series, ok: Callable[..., object]) -> np.ndarray:
    """Positions of the non-empty values for which ``ok`` is false.

    Parameters
    ----------
    values : pandas.Series
        The cells as text.
    ok : callable
        A test of one non-empty value.

    Returns
    -------
    numpy.ndarray of int
        The positions (from 0) of the cells to report.

    See Also
    --------
    ok_mask : the test of every cell.

    Examples
    --------
    >>> bad_values(pd.Series(["wire", "", "Wire", "wire"], dtype=object), str.islower).tolist()
    [2]
    """
    return np.flatnonzero(~ok_mask(values, lambda v: v == "" or ok(v)))


def arrow(values: pd.Series) -> pa.Array:
    """The column as a pyarrow ``large_string`` array (no copy of the text for pyarrow-backed columns).

    Parameters
    ----------
    values : pandas.Series
        The cells as text (Python strings or pyarrow-backed).

    Returns
    -------
    pyarrow.Array or pyarrow.ChunkedArray
        The cells as ``large_string``.

    See Also
    --------
    kit.checking.checker.Checker.pa : a table's column this way, computed once.

    Examples
    --------
    >>> arrow(pd.Series(["a", ""], dtype=object)).to_pylist()
    ['a', '']
    """
    arr = pa.array(values.array) if values.dtype != object else pa.array(values.to_numpy(), type=pa.large_string())
    return arr if arr.type == pa.large_string() else arr.cast(pa.large_string())  # (may be a ChunkedArray)


def np_bool(mask: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """A pyarrow boolean array (no nulls) as a numpy one.

    Parameters
    ----------
    mask : pyarrow.Array or pyarrow.ChunkedArray
        Booleans, none missing (as pyarrow's comparisons of strings give).

    Returns
    -------
    numpy.ndarray of bool

    Examples
    --------
    >>> np_bool(pa.array([True, False])).tolist()
    [True, False]
    """
    return mask.to_numpy(zero_copy_only=False).astype(bool, copy=False)


def is_empty(values: pd.Series) -> np.ndarray:
    """Which cells are empty.

    Parameters
    ----------
    values : pandas.Series
        The cells as text (stripped already: a space is not empty).

    Returns
    -------
    numpy.ndarray of bool
        True where a cell is ``""``.

    Examples
    --------
    >>> is_empty(pd.Series(["k1", "", " "], dtype=object)).tolist()
    [False, True, False]
    """
    return np_bool(pc.equal(arrow(values), ""))


def fullmatch(values: pd.Series, regex: re.Pattern) -> np.ndarray:
    """``regex.fullmatch(v)`` for every value, as a boolean array.

    ASCII values are matched by pyarrow (RE2: the patterns used here mean the same there); any other value by
    Python's ``re`` (whose ``\\d`` also matches other scripts' digits), so the answer is Python's for every value.

    Parameters
    ----------
    values : pandas.Series
        The cells as text.
    regex : re.Pattern
        The pattern each whole value must match (``^`` and ``$`` are added when it lacks them).

    Returns
    -------
    numpy.ndarray of bool
        Where a value matches.

    See Also
    --------
    kit.checking.values.SLUG, kit.checking.dates.ISO : patterns the checks match this way.

    Examples
    --------
    >>> fullmatch(pd.Series(["ab", "a b", "é", "ab\\n"], dtype=object), re.compile(r"^[a-z]+$")).tolist()
    [True, False, False, False]
    """
    arr = arrow(values)
    pattern = regex.pattern
    pattern = ("" if pattern.startswith("^") else "^") + pattern + ("" if pattern.endswith("$") else "$")
    ok = np_bool(pc.match_substring_regex(arr, pattern))
    other = np.flatnonzero(~np_bool(pc.string_is_ascii(arr)))
    if len(other):
        fullmatch = regex.fullmatch
        ok[other] = [bool(fullmatch(values.iat[i])) for i in other]
    return ok


def first_seen(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, first)``: a code per value, and for each code the position where its value first appears.

    Parameters
    ----------
    values : pandas.Series
        The cells (ids, usually).

    Returns
    -------
    tuple of (numpy.ndarray, numpy.ndarray)
        The code of each cell (:func:`pandas.factorize`, in order of first appearance), and the position of each
        code's first cell: a cell ``i`` repeats an earlier one where ``first[codes[i]] != i``.

    See Also
    --------
    first_of_codes : the second half, for codes made elsewhere.

    Examples
    --------
    >>> codes, first = first_seen(pd.Series(["k1", "k2", "k1"], dtype=object))
    >>> codes.tolist(), first.tolist(), first[codes].tolist()  # the third row repeats the first
    ([0, 1, 0], [0, 1], [0, 1, 0])
    """
    codes, _ = pd.factorize(values, sort=False)
    codes = np.asarray(codes, dtype=np.int64)
    return codes, first_of_codes(codes)


def first_of_codes(codes: np.ndarray) -> np.ndarray:
    """For each code, the position where it first appears, when codes are numbered in order of first appearance
    (as :func:`pandas.factorize` numbers them without sorting).

    Parameters
    ----------
    codes : numpy.ndarray of int
        The codes, each new code one more than the largest before it.

    Returns
    -------
    numpy.ndarray of int
        The position of each code's first appearance, by code.

    See Also
    --------
    first_seen : codes the values and finds their first appearances.

    Examples
    --------
    >>> first_of_codes(np.array([0, 1, 0, 2, 1])).tolist()
    [0, 1, 3]
    """
    # codes numbered in order of first appearance: a code is new where it exceeds every earlier one
    if not len(codes):
        return np.zeros(0, dtype=np.int64)
    top = np.maximum.accumulate(codes)
    return np.flatnonzero(np.diff(top, prepend=-1) > 0)


def by_uniques(values: pd.Series, fn: Callable[[Any], object]) -> np.ndarray:
    """``fn`` applied to the distinct values only, spread back over the column (a numpy object array).

    Parameters
    ----------
    values : pandas.Series
        The cells.
    fn : callable
        A function of one value.

    Returns
    -------
    numpy.ndarray of object
        ``fn(v)`` for each cell, in order.

    See Also
    --------
    ok_mask : the same for a test, as booleans.

    Examples
    --------
    >>> by_uniques(pd.Series(["a", "B", "a"], dtype=object), str.upper).tolist()
    ['A', 'B', 'A']
    """
    codes, uniques = pd.factorize(values, sort=False)
    mapped = np.empty(len(uniques), dtype=object)
    mapped[:] = [fn(v) for v in np.asarray(uniques, dtype=object)]
    return mapped[np.asarray(codes)]


#: a figure as the case format writes one: digits, at most one decimal point, an optional sign
_DIGITS_ONLY = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


def figure(v: str) -> float:
    """A figure written with the digits 0-9 (``12``, ``+3``, ``2.5``) as the float the kit keeps; NaN for anything
    else, ``inf`` for one too large for a float (more than 308 digits), and ``-inf`` for one the float would round:
    a figure is read only when the float writes back as the same number. Every whole number up to
    :data:`kit.reading.limits.MAX_FIGURE` (2**53) is kept exactly; a larger one only when it ends in enough zeros
    (``12345678901234567000``), never ``2**53 + 1``, which a float would hold as 2**53.

    Parameters
    ----------
    v : str
        The cell (white space at either end is ignored).

    Returns
    -------
    float
        The figure; NaN, ``inf`` or ``-inf`` as above.

    See Also
    --------
    numbers : a whole column of figures.
    kit.checking.values.number_problem : what to say about a cell that is not a figure.

    Examples
    --------
    >>> figure("12"), figure("2.5"), figure(str(2**53)) == 2**53, figure("12345678901234567000") > 0
    (12.0, 2.5, True, True)
    >>> figure(str(2**53 + 1)), figure("0.10000000000000000001"), figure("1" * 5000)
    (-inf, -inf, inf)
    >>> figure("١٠")  # other scripts' digits are not read (they are reported)
    nan
    >>> figure("1e5"), figure("inf"), figure("nan")  # Python's float syntax is not the case format's
    (nan, nan, nan)
    """
    v = v.strip()
    if not v or not v.isascii() or not _DIGITS_ONLY.fullmatch(v):  # not "1e5", "inf", "nan", "1_000": Python's syntax
        return float("nan")
    number = v.lstrip("+")
    if len(number.split(".")[0].lstrip("0")) > 308:  # past the largest float (int() of 5,000 digits is slow too)
        return float("inf")
    try:
        x = float(number)
    except ValueError:
        return float("nan")
    if number.isdigit() and int(number) <= MAX_FIGURE:
        return x
    try:
        same = Decimal(repr(x)) == Decimal(number)
    except InvalidOperation:
        return float("nan")
    return x if same else float("-inf")


def numbers(values: pd.Series, ok: np.ndarray) -> pd.Series:
    """:func:`figure` of the values where ``ok`` (else NaN), converting each distinct value once.

    Parameters
    ----------
    values : pandas.Series
        The cells as text.
    ok : numpy.ndarray of bool
        Which cells to read (the others are NaN: empty, or reported already).

    Returns
    -------
    pandas.Series of float
        The figures, on ``values``' index.

    See Also
    --------
    figure : one cell.
    kit.checking.typed.count_array : the figures as the counts of a Case.

    Examples
    --------
    >>> numbers(pd.Series(["12", "", "200", "dozens"], dtype=object), np.array([True, False, True, False])).tolist()
    [12.0, nan, 200.0, nan]
    """
    codes, uniques = pd.factorize(values, sort=False)
    codes = np.asarray(codes)
    uniques = np.asarray(uniques, dtype=object)
    good = np.zeros(len(uniques), dtype=bool)
    good[codes[ok]] = True
    nums = np.fromiter(
        (figure(v) if g else np.nan for v, g in zip(uniques, good, strict=True)), dtype=float, count=len(uniques)
    )
    out = nums[codes] if len(nums) else np.zeros(len(codes), dtype=float)
    out[~ok] = np.nan
    return pd.Series(out, index=values.index)


def ascii_digits(v: str) -> str | None:
    """``v`` with every decimal digit of another script (Arabic-Indic ``٣``, Devanagari ``३``, full-width ``３``, ...)
    written as 0-9; None when it has none.

    Parameters
    ----------
    v : str
        The cell.

    Returns
    -------
    str or None
        The same text with the digits 0-9, to suggest in a problem's message; None when it has no other digits.

    See Also
    --------
    kit.checking.dates.date_problem, kit.checking.values.number_problem : suggest it.

    Examples
    --------
    >>> ascii_digits("١٠٠"), ascii_digits("２０１８-０２-１３"), ascii_digits("100")
    ('100', '2018-02-13', None)
    """
    if v.isascii() or not any(ch.isdecimal() and not ch.isascii() for ch in v):
        return None
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in v)
