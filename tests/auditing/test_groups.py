"""kit.auditing.groups: the flat ranges the candidate search walks, checked against a plain loop."""

import numpy as np

from kit.auditing.groups import ranges


def test_ranges_agree_with_a_loop():
    rng = np.random.default_rng(5)
    starts = rng.integers(0, 1000, 200)
    lengths = rng.integers(-3, 9, 200)  # a negative length counts as 0
    flat, owner = ranges(starts, lengths)
    want = [(int(s) + k, i) for i, (s, n) in enumerate(zip(starts, lengths, strict=True)) for k in range(max(n, 0))]
    assert list(zip(flat.tolist(), owner.tolist(), strict=True)) == want


def test_no_ranges_is_empty():
    flat, owner = ranges(np.array([], dtype=np.int64), np.array([], dtype=np.int64))
    assert flat.tolist() == [] and owner.tolist() == []
