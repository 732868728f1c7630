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
