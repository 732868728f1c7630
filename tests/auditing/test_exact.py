"""kit.auditing.exact: shared prose and shared quotations are counted apart, in passages."""

from __future__ import annotations

import numpy as np

from kit.auditing.exact import MIN_WORDS, exact_check
from kit.auditing.text import corpus
from kit.auditing.weights import pair_weights

QUOTE = "we saw the river take three houses away in one night"


def check(texts, chunk=1 << 17):
    c = corpus(texts)
    later = np.arange(1, len(texts))
    return exact_check(c, pair_weights(c, np.arange(len(texts))), later, np.zeros(len(later), int), chunk=chunk)


def test_a_quotation_is_counted_apart_from_the_prose():
    m = check(
        [
            f"Flood waters rose over the old stone bridge at Ashford, “{QUOTE},” the mayor said",
            "Flood waters rose over the old stone bridge near Ashford on Sunday",
            f"Pupils moved to the hall. “{QUOTE},” the mayor said on Monday",
            f"Flood waters rose over the old stone bridge at Ashford, “{QUOTE}” the mayor said",
        ]
    )
    assert m["prose"]["words"].tolist()[:2] == [6, 0] and m["quote"]["words"].tolist()[:2] == [0, 8]
    assert m["prose"]["words"][2] >= MIN_WORDS and m["quote"]["words"][2] >= MIN_WORDS  # both, counted apart


def test_short_runs_do_not_count_and_chunks_give_the_same_answer():
    texts = ["alpha beta gamma delta epsilon zeta eta theta", "alpha beta xx gamma yy delta", "alpha beta gamma"]
    texts += [t + " more words here" for t in texts]
    a, b = check(texts), check(texts, chunk=2)
    assert a["prose"]["words"].tolist() == b["prose"]["words"].tolist()
    assert a["prose"]["words"][:2].tolist() == [0, 0]  # runs of two, and one run of three: below MIN_WORDS
