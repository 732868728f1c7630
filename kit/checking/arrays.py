"""Array operations the checks share: a column as pyarrow text, masks computed once per distinct value,
first appearances, numbers. Each keeps a million-row check to a few array passes."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..reading.limits import MAX_FIGURE

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


def ok_mask(values: pd.Series, ok) -> np.ndarray:
    """``ok(v)`` for every value, as a boolean array, calling ``ok`` once per distinct value.

    A million-row column usually holds few distinct values (a proposition, a certainty, a report id), so
    this is much faster than a per-row string operation.

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


def bad_values(values: pd.Series, ok) -> np.ndarray:
    """Positions of the non-empty values for which ``ok`` is false."""
    return np.flatnonzero(~ok_mask(values, lambda v: v == "" or ok(v)))


def arrow(values: pd.Series) -> pa.Array:
    """The column as a pyarrow ``large_string`` array (no copy of the text for pyarrow-backed columns).

    >>> arrow(pd.Series(["a", ""], dtype=object)).to_pylist()
    ['a', '']
    """
    arr = pa.array(values.array) if values.dtype != object else pa.array(values.to_numpy(), type=pa.large_string())
    return arr if arr.type == pa.large_string() else arr.cast(pa.large_string())  # (may be a ChunkedArray)


def np_bool(mask) -> np.ndarray:
    """A pyarrow boolean array (no nulls) as a numpy one."""
    return mask.to_numpy(zero_copy_only=False).astype(bool, copy=False)


def is_empty(values: pd.Series) -> np.ndarray:
    return np_bool(pc.equal(arrow(values), ""))


def fullmatch(values: pd.Series, regex: re.Pattern) -> np.ndarray:
    """``regex.fullmatch(v)`` for every value, as a boolean array.

    ASCII values are matched by pyarrow (RE2: the patterns used here mean the same there); any other value by
    Python's ``re`` (whose ``\\d`` also matches other scripts' digits), so the answer is Python's for every value.

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


def first_seen(values: pd.Series):
    """``(codes, first)``: a code per value, and for each code the position where its value first appears."""
    codes, _ = pd.factorize(values, sort=False)
    codes = np.asarray(codes, dtype=np.int64)
    return codes, first_of_codes(codes)


def first_of_codes(codes: np.ndarray) -> np.ndarray:
    # codes numbered in order of first appearance: a code is new where it exceeds every earlier one
    if not len(codes):
        return np.zeros(0, dtype=np.int64)
    top = np.maximum.accumulate(codes)
    return np.flatnonzero(np.diff(top, prepend=-1) > 0)


def by_uniques(values: pd.Series, fn) -> np.ndarray:
    """``fn`` applied to the distinct values only, spread back over the column (a numpy object array).

    >>> by_uniques(pd.Series(["a", "B", "a"], dtype=object), str.upper).tolist()
    ['A', 'B', 'A']
    """
    codes, uniques = pd.factorize(values, sort=False)
    mapped = np.empty(len(uniques), dtype=object)
    mapped[:] = [fn(v) for v in np.asarray(uniques, dtype=object)]
    return mapped[np.asarray(codes)]


def figure(v: str) -> float:
    """A figure written with the digits 0-9 (``12``, ``+3``, ``2.5``) as the float the kit keeps; NaN for anything
    else, ``inf`` for one too large for a float (more than 308 digits), and ``-inf`` for one the float would round:
    a figure is read only when the float writes back as the same number. Every whole number up to
    :data:`kit.reading.limits.MAX_FIGURE` (2**53) is kept exactly; a larger one only when it ends in enough zeros
    (``12345678901234567000``), never ``2**53 + 1``, which a float would hold as 2**53.

    >>> figure("12"), figure("2.5"), figure(str(2**53)) == 2**53, figure("12345678901234567000") > 0
    (12.0, 2.5, True, True)
    >>> figure(str(2**53 + 1)), figure("0.10000000000000000001"), figure("1" * 5000)
    (-inf, -inf, inf)
    >>> figure("١٠")  # other scripts' digits are not read (they are reported)
    nan
    """
    v = v.strip()
    if not v or not v.isascii():
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
    """:func:`figure` of the values where ``ok`` (else NaN), converting each distinct value once."""
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

    >>> ascii_digits("١٠٠"), ascii_digits("２０１８-０２-１３"), ascii_digits("100")
    ('100', '2018-02-13', None)
    """
    if v.isascii() or not any(ch.isdecimal() and not ch.isascii() for ch in v):
        return None
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in v)
