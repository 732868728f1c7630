"""kit.auditing.synthetic: the hidden copies of kit.testing.synth, the audit's benchmark truth."""

import pytest

import kit
from kit.auditing.reach import explained_pairs
from kit.auditing.text import words
from kit.testing.synth import hidden_copies, make_case


def test_hidden_copies_share_most_words_and_cite_nothing_of_what_they_copy():
    case = make_case(600, seed=7, copy_rate=0.1)
    truth = hidden_copies(case)
    assert len(truth) > 10
    text = case.claims.set_index("claim_id")["text"]
    publisher = kit.graph.citation.claim_context(case).set_index("claim_id")["source_id"]
    shared = []
    for copy, original in truth[["claim_id", "cites"]].itertuples(index=False):
        a, b = set(words(text[copy])), set(words(text[original]))
        shared.append(len(a & b) / max(len(a), 1))
        assert publisher[copy] != publisher[original]  # another publisher's words
    assert sorted(shared)[len(shared) // 2] > 0.5  # most of a copy's words are its original's
    assert not explained_pairs(case, truth[["claim_id", "cites"]]).any()  # no declared citation explains a copy


def test_no_copies_when_the_rate_is_zero():
    with pytest.raises(KeyError, match="no hidden copies on record"):
        hidden_copies(make_case(200, seed=7, copy_rate=0))
