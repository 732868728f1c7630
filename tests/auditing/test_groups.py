"""kit.auditing.groups: the flat ranges the candidate search walks, checked against a plain loop."""

import numpy as np
import pytest

from kit.auditing.groups import RARE_AT_MOST, ranges, rare_run_candidates, text_keys
from kit.auditing.hashing import mix64
from kit.auditing.text import corpus


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


@pytest.mark.parametrize("table", [True, False])
def test_text_keys_are_the_plain_sum_per_text(table):
    """Each text's key: the sum of a hash of each word with its position, and a hash of the length (the
    definition, one text at a time), with the words' hashes looked up in a table or not."""
    rng = np.random.default_rng(6)
    lengths = rng.choice([0, 1, 3, 12, 70], 400)
    ptr = np.concatenate([[0], np.cumsum(lengths)])
    values = rng.integers(0, 50, int(ptr[-1]))
    hashes = rng.integers(0, 2**63, 50).astype(np.uint64)
    got = text_keys(ptr, values, hashes if table else None, chunk=100)
    words = hashes[values] if table else values
    want = [
        int(np.sum(mix64(mix64(words[a:b]) ^ mix64(np.arange(b - a) + (1 << 40))), dtype=np.uint64) ^ mix64(b - a))
        for a, b in zip(ptr[:-1].tolist(), ptr[1:].tolist(), strict=True)
    ]
    assert got.tolist() == want


#: AFP's sentence and Deccan Herald's merge of it into a long sentence (tests/audit_corpus/italy-quake-2016): the
#: copied passage is a small part of the longer text, so the two sets of words are too unlike for MinHash
AFP = (
    "The tremor underlined the perilous nature of a rescue effort involving more than 4,000 emergency service staff "
    "and volunteers."
)
MERGED = (
    "As hundreds of people woke from a second night sleeping in cars or hastily erected tented villages, the area was "
    "rocked by a 4.8 magnitude aftershock just after 6:00 am local time, underlining the perilous nature of a rescue "
    "effort involving more than 4,000 emergency service staff and volunteers."
)


def test_rare_runs_make_candidates_of_a_passage_copied_into_a_long_sentence():
    c = corpus([AFP, "Rescuers searched the rubble of Amatrice through the night.", MERGED])
    assert rare_run_candidates(c, np.arange(3)).tolist() == [[2, 0]]
    # one rare word pair shared is not enough
    one = corpus(["the perilous nature of the climb", "Rain fell on the town.", "a perilous nature walk"])
    assert rare_run_candidates(one, np.arange(3)).tolist() == []


def test_a_phrase_held_by_more_than_rare_at_most_texts_makes_no_candidates():
    # the cost is bounded: a recurring phrase (boilerplate) yields no pairs however many texts hold it
    boiler = [f"officials said on Monday that crews in town {i} were still working" for i in range(RARE_AT_MOST + 1)]
    assert rare_run_candidates(corpus(boiler), np.arange(len(boiler))).tolist() == []
    few = boiler[:RARE_AT_MOST]
    got = rare_run_candidates(corpus(few), np.arange(len(few)))
    assert len(got) == RARE_AT_MOST * (RARE_AT_MOST - 1) // 2 and (got[:, 0] > got[:, 1]).all()
