"""kit.auditing.minhash: the fast paths give what the plain numpy they replace gives, and a bucket's pairs are
bounded per text."""

import numpy as np
import pytest

from kit.auditing.minhash import WINDOW, bucket_pairs, candidate_pairs, estimated_similarity, signatures


def _plain_bucket_pairs(key, window):
    """Every text with the ``window`` texts before it in its bucket and with the bucket's first, by a loop."""
    rows: dict = {}
    for i, k in enumerate(key.tolist()):
        rows.setdefault(k, []).append(i)
    out = set()
    for members in rows.values():
        for r, i in enumerate(members):
            out |= {(i, members[j]) for j in range(max(r - window, 0), r)}
            if r:
                out.add((i, members[0]))
    return out


@pytest.mark.parametrize("dtype", [np.uint64, np.int64])
@pytest.mark.parametrize("spread", [3, 40, 2**62])
def test_bucket_pairs_agree_with_a_loop(dtype, spread):
    rng = np.random.default_rng(spread % 1000)
    key = rng.integers(0, spread, 3000).astype(dtype)
    later, earlier = bucket_pairs(key, window=4)
    got = set(zip(later.tolist(), earlier.tolist(), strict=True))
    assert got == _plain_bucket_pairs(key, 4)
    assert all(a > b for a, b in got)


def test_a_text_in_a_bucket_of_any_size_gets_at_most_window_plus_one_earlier_texts():
    key = np.zeros(5000, dtype=np.uint64)  # one band value every text has: a stock phrase's word
    later, _ = bucket_pairs(key)
    assert np.bincount(later).max() == WINDOW + 1
    assert len(later) <= (WINDOW + 1) * len(key)


def _plain_signatures(ptr, ids, n_hashes, seed=1):
    """Each text's smallest hash of its words by each hash function, one text at a time (the definition)."""
    from kit.auditing.hashing import mix64

    half = (n_hashes + 1) // 2
    rng = np.random.default_rng(seed)
    a = (rng.integers(0, 2**63, half, dtype=np.uint64) << np.uint64(1)) | np.uint64(1)
    b = rng.integers(0, 2**63, half, dtype=np.uint64)
    out = np.full((len(ptr) - 1, 2 * half), 2**32 - 1, dtype=np.uint32)
    for i in range(len(ptr) - 1):
        x = mix64(ids[ptr[i] : ptr[i + 1]])
        if len(x):
            out[i] = (x[:, None] * a[None, :] + b[None, :]).view(np.uint32).min(axis=0)
    return out[:, :n_hashes]


@pytest.mark.parametrize(("n_hashes", "chunk"), [(90, 1 << 11), (90, 3), (7, 1)])
def test_signatures_are_the_plain_minimum_per_text(n_hashes, chunk):
    rng = np.random.default_rng(n_hashes + chunk)
    lengths = rng.choice([0, 1, 2, 5, 17, 40], 300)  # texts of many lengths, some with no words
    ptr = np.concatenate([[0], np.cumsum(lengths)])
    ids = rng.integers(0, 2**40, int(ptr[-1]))
    got = signatures(ptr, ids, n_hashes=n_hashes, chunk=chunk)
    assert np.array_equal(got, _plain_signatures(ptr, ids, n_hashes))


def test_estimated_similarity_is_the_share_of_equal_entries():
    rng = np.random.default_rng(2)
    sig = rng.integers(0, 4, (500, 90)).astype(np.uint32)
    pairs = rng.integers(0, 500, (2000, 2))
    got = estimated_similarity(sig, pairs, chunk=300)
    assert np.array_equal(got, (sig[pairs[:, 0]] == sig[pairs[:, 1]]).mean(axis=1))


def test_candidate_pairs_keep_only_similar_pairs_of_one_band():
    ptr = np.array([0, 4, 8, 12])
    sig = signatures(ptr, np.array([1, 2, 3, 4, 1, 2, 3, 5, 7, 8, 9, 10]))
    pairs = candidate_pairs(sig, min_similarity=0.25)
    assert pairs.tolist() in ([[1, 0]], [])  # the first two share 3 of 5 words; the third shares none
    sim = estimated_similarity(sig, np.array([[1, 0], [2, 0]]))
    assert sim[1] == 0 and (pairs.tolist() == [[1, 0]]) == (sim[0] >= 0.25)


def test_candidate_pairs_test_similarity_as_the_plain_share_of_equal_entries():
    from kit.auditing.minhash import _similar

    rng = np.random.default_rng(3)
    sig = rng.integers(0, 2**32, (400, 90), dtype=np.uint64).astype(np.uint32)
    sig[200:] = sig[:200]
    change = rng.random((200, 90)) < rng.random((200, 1))  # copies agreeing on 0-100 % of their entries
    sig[200:][change] += np.uint32(256)  # the same low byte, another entry: the case the bound must not pass
    pairs = np.concatenate([np.stack([np.arange(200, 400), np.arange(200)], axis=1), rng.integers(0, 400, (500, 2))])
    for t in (0.1, 0.25, 0.5):
        assert np.array_equal(_similar(sig, sig.astype(np.uint8), pairs, t), estimated_similarity(sig, pairs) >= t)


def test_member_is_isin_with_a_hash_table_or_a_binary_search():
    from kit.auditing.minhash import member

    rng = np.random.default_rng(3)
    of = rng.integers(-(2**40), 2**40, 10_000)
    values = np.concatenate([rng.choice(of, 300), rng.integers(-(2**40), 2**40, 300), [of.min(), of.max() + 1]])
    for o in (of, np.sort(of), np.unique(of)):  # unsorted: a hash table; sorted (with repeats or not): a search
        for v in (values, values[::120], values.repeat(40)):  # few values, and more than a quarter of ``of``
            got = member(v, o)
            assert got.dtype == bool and got.tolist() == np.isin(v, o).tolist()
            assert got.any() and not got.all()
    h = rng.integers(0, 2**63, 1000, dtype=np.int64).astype(np.uint64) * np.uint64(2)  # 64-bit hashes
    s = np.sort(h)
    assert member(s[:10], s).all() and not member(s[:10] + np.uint64(1), s).any()
    assert member(np.array([5]), np.array([], dtype=np.int64)).tolist() == [False]
