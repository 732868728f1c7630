"""kit.auditing.weights: word pairs weigh their rarity in the case; boilerplate little, a rare run much."""

from __future__ import annotations

import numpy as np

from kit.auditing.text import corpus
from kit.auditing.weights import pair_weights, rarity, score


def test_a_phrase_recurring_across_the_case_weighs_little_and_a_run_of_frequent_words_no_other_text_has_much():
    filler = [f"story {k} pupils moved to hall {k}, officials said on Monday" for k in range(200)]
    frequent = "bridge river town council school"  # each word in many texts, but never in this order
    texts = filler + [f"the {w} shut" for w in frequent.split()] * 20 + [frequent, frequent + " again"]
    c = corpus(texts)
    pw = pair_weights(c, np.arange(len(texts)))
    words = c.vocab[c.ids]
    boiler = np.flatnonzero((words[:-1] == "officials") & (words[1:] == "monday"))
    run = np.flatnonzero((words[:-1] == "bridge") & (words[1:] == "river"))
    assert pw.weight[boiler].max() < 0.1  # 200 texts have "officials ... Monday"
    assert pw.weight[run].min() > 0.9  # only the two texts of the pair have "bridge river" (the sketch may add 1)


def test_rarity_and_score():
    assert rarity(np.array([2, 1000]), 1000).round(2).tolist() == [1.0, 0.0]
    assert score(5.0, 5.0) > score(5.0, 15.0) > score(2.0, 15.0) > 0


def _plain_pair_counts(corp, heads, per_text, story):
    """The count-min sketch of word pairs within stories, each word's story hashed one by one and the tables read by
    fancy indexing (as kit.auditing.weights did before hashing each text's story once)."""
    from kit.auditing.hashing import mix64

    length = np.diff(corp.ptr)
    has_next = np.ones(len(corp.ids), dtype=bool)
    has_next[corp.ptr[1:][length > 0] - 1] = False
    at = np.flatnonzero(has_next)
    counted = np.zeros(len(length), dtype=bool)
    counted[heads] = True
    mine = np.repeat(counted, length)[at]
    value = np.repeat(per_text, length)[at][mine]
    key = corp.bigrams[at] ^ mix64(np.repeat(story, length)[at].astype(np.uint64) + np.uint64(1 << 40))
    size = 1 << max(10, int(np.ceil(np.log2(max(len(at), 1)))))
    tables = [((key >> np.uint64(s)) & np.uint64(size - 1)).astype(np.int32) for s in (0, 32)]
    return at, np.minimum(*[np.bincount(h[mine], weights=value, minlength=size)[h] for h in tables])


def test_pair_counts_within_stories_are_the_plain_sketchs():
    from kit.auditing.text import corpus
    from kit.auditing.weights import pair_counts

    rng = np.random.default_rng(8)
    words = ["bridge", "fell", "genoa", "rescuers", "searched", "night", "police", "closed", "road"]
    texts = [" ".join(rng.choice(words, rng.integers(0, 7))) for _ in range(3000)]
    c = corpus(texts)
    heads, story, share = np.arange(0, 3000, 2), rng.integers(0, 40, 3000), rng.random(3000)
    at, count = pair_counts(c, heads, share, story)
    want_at, want = _plain_pair_counts(c, heads, share, story)
    assert np.array_equal(at, want_at) and np.array_equal(count, want) and len(at) > 5000
    assert not np.array_equal(count, pair_counts(c, heads, share, story % 2)[1])  # the story counts
