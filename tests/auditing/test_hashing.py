"""kit.auditing.hashing: the fast hash and order give what their plain definitions give."""

import numpy as np
import pytest

from kit.auditing.hashing import mix64, stable_order


def test_mix64_is_splitmix64s_finaliser():
    def plain(x):
        with np.errstate(over="ignore"):
            z = np.asarray(x).astype(np.uint64) + np.uint64(0x9E3779B97F4A7C15)
            z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
            z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
            return z ^ (z >> np.uint64(31))

    rng = np.random.default_rng(4)
    for x in (rng.integers(-(2**62), 2**62, 5000), rng.integers(0, 2**64, 3000, dtype=np.uint64), np.array(7)):
        assert np.array_equal(mix64(x), plain(x))
    assert int(mix64(np.array(1, dtype=np.uint64))) == int(plain(1))  # a 0-d array as a band's seed


@pytest.mark.parametrize("spread", [1, 5, 1000, 2**40, 2**63])
def test_stable_order_groups_equal_keys_in_row_order_as_a_stable_argsort(spread):
    rng = np.random.default_rng(spread % 997)
    key = rng.integers(0, spread, 20_000, dtype=np.uint64)
    order = stable_order(key)
    assert sorted(order.tolist()) == list(range(len(key)))
    k = key[order]
    same = k[1:] == k[:-1]
    assert np.count_nonzero(~same) + 1 == len(np.unique(key))  # each key's rows together ...
    assert (np.diff(order)[same] > 0).all()  # ... in row order, as a stable argsort puts them
    assert np.array_equal(np.sort(k), key[np.argsort(key, kind="stable")])
