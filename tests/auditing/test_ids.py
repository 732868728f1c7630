"""kit.auditing.ids: ids looked up with pyarrow, checked against a plain dict."""

import random

import numpy as np
import pandas as pd

from kit.auditing.ids import arrow_strings, positions


def test_positions_agree_with_a_dict_of_first_positions():
    rng = random.Random(3)
    ids = [f"c{rng.randrange(200)}" for _ in range(300)]  # repeats: the first one counts
    values = [f"c{rng.randrange(260)}" for _ in range(500)]
    first: dict = {}
    for i, v in enumerate(ids):
        first.setdefault(v, i)
    want = [first.get(v, -1) for v in values]
    assert positions(pd.Series(values), pd.Series(ids)).tolist() == want
    assert positions(pd.Series(values, dtype="string[pyarrow]"), np.array(ids, dtype=object)).tolist() == want


def test_missing_and_non_text_values_are_null():
    assert arrow_strings(pd.Series(["a", None, float("nan"), 3], dtype=object)).to_pylist() == ["a", None, None, None]
    assert positions(pd.Series([None, "a"], dtype=object), pd.Series(["a"])).tolist() == [-1, 0]
