"""kit.checking.arrays: the column operations of the checker agree, row by row, with the plain Python expression
they stand for, on seeded random columns held as object, Python-string and pyarrow-string columns."""

import random
import re
import unicodedata

import numpy as np
import pandas as pd
import pytest

from kit.checking.arrays import (
    arrow,
    ascii_digits,
    bad_values,
    by_uniques,
    figure,
    first_of_codes,
    first_seen,
    fullmatch,
    is_empty,
    np_bool,
    numbers,
    ok_mask,
)
from kit.reading.limits import MAX_FIGURE

WORDS = ["k1", "K1", "", " ", "wire", "Wire", "é", "a b", "ab\n", "١٢", "200", "2.5", "+3", "0x1", "-4", "🙂", "ß"]
DTYPES = [object, "string[python]", "string[pyarrow]"]


def _column(seed: int, dtype) -> pd.Series:
    rnd = random.Random(seed)
    return pd.Series(rnd.choices(WORDS, k=rnd.randint(0, 60)), dtype=dtype)


CASES = [(seed, dtype) for seed in range(12) for dtype in DTYPES]


@pytest.mark.parametrize(("seed", "dtype"), CASES)
def test_each_operation_agrees_with_python_row_by_row(seed, dtype):
    col = _column(seed, dtype)
    rows = [str(v) for v in col]
    assert ok_mask(col, str.islower).tolist() == [v.islower() for v in rows]
    assert bad_values(col, str.islower).tolist() == [i for i, v in enumerate(rows) if v != "" and not v.islower()]
    assert arrow(col).to_pylist() == rows
    assert is_empty(col).tolist() == [v == "" for v in rows]
    slug = re.compile(r"^[a-z0-9_-]+$")
    assert fullmatch(col, slug).tolist() == [bool(re.fullmatch(r"[a-z0-9_-]+", v)) for v in rows]
    assert by_uniques(col, str.upper).tolist() == [v.upper() for v in rows]
    codes, first = first_seen(col)
    assert [rows[i] for i in first[codes]] == rows  # each row's first occurrence holds the same value
    assert all(rows.index(v) == first[c] for v, c in zip(rows, codes, strict=True))
    ok = np.array([bool(re.fullmatch(r"\+?[0-9]+(\.[0-9]+)?", v)) for v in rows], dtype=bool)
    got = numbers(col, ok).tolist()
    assert [g if o else None for g, o in zip(got, ok, strict=True)] == [
        float(v) if o else None for v, o in zip(rows, ok, strict=True)
    ]
    assert all(np.isnan(g) for g, o in zip(got, ok, strict=True) if not o)


def test_first_of_codes_is_the_first_index_of_each_code():
    rnd = np.random.default_rng(7)
    codes = pd.factorize(rnd.integers(0, 30, size=500))[0]
    assert first_of_codes(codes).tolist() == [int(np.flatnonzero(codes == c)[0]) for c in range(codes.max() + 1)]


def test_np_bool_of_a_chunked_array():
    import pyarrow as pa

    assert np_bool(pa.chunked_array([[True], [False, True]])).tolist() == [True, False, True]


@pytest.mark.parametrize("n", [0, 1, 12, 2**31, MAX_FIGURE - 1, MAX_FIGURE])
def test_whole_figures_up_to_the_limit_are_exact(n):
    assert figure(str(n)) == n and int(figure(str(n))) == n
    assert figure(f"  +{n} ") == n


@pytest.mark.parametrize("k", [1, 3, 5, 12345])
def test_a_whole_figure_a_float_would_round_is_refused(k):
    n = MAX_FIGURE + 2 * k - 1 if k < 12345 else 10**17 + 1
    assert float(n) != n  # Python agrees the float cannot hold it
    assert figure(str(n)) == float("-inf")


@pytest.mark.parametrize(
    "v",
    [
        "",
        "dozens",
        "0x10",
        "١٢",
        "1,200",
        "1e5",
        "nan",
        "inf",
    ],
)
def test_what_is_not_a_figure_is_nan(v):
    assert np.isnan(figure(v))


def test_ascii_digits_agrees_with_unicodedata():
    # every decimal digit Unicode knows, in every script, becomes its 0-9 value
    digits = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Nd"]
    for d in digits[::7]:
        text = f"{d}{d}-x"
        expected = None if d.isascii() else f"{unicodedata.decimal(d)}{unicodedata.decimal(d)}-x"
        assert ascii_digits(text) == expected, hex(ord(d))
    assert ascii_digits("no digits") is None
