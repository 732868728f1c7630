"""kit.auditing.edited: a sentence edited word by word (most of its own words kept in their order) is copied prose; a
quotation given alike with a bare attribution, or a sentence of its own, is not. Sentences written for these tests."""

from __future__ import annotations

import numpy as np
import pytest
from test_aligned import write
from test_auditing import pairs_of

import kit
from kit.auditing import audit
from kit.auditing.context import claims_in_time_order
from kit.auditing.edited import EDITED, PROSE, SIMILAR, edited_sentences, own_words, similarity

#: the wire's sentence and an outlet's edit of it: four words changed, no run of seven words kept whole
WIRE = "Rescuers tried to cut through the rubble with earth movers, drilling machines and their bare hands."
EDIT = "Rescuers tried to dig through the debris with earthmovers, drilling tools and their bare hands."
#: a sentence of its own on the same scene
OWN = "Neighbours brought food and blankets to the families waiting outside the police cordon."
#: one statement quoted by two outlets, each with a bare attribution
SAID = "“We will not stop until every family has news,” Mayor Ana Ruiz said."
TOLD = "“We will not stop until every family has news,” Mayor Ana Ruiz told reporters."


def test_own_words_leave_out_the_quotation_and_its_attribution():
    assert own_words(SAID) == own_words(TOLD) == []
    assert own_words(EDIT)[:4] == ["rescuers", "tried", "to", "dig"]
    assert own_words("The fire spread quickly, “in seconds,” Mayor Ana Ruiz told reporters.") == [
        "the",
        "fire",
        "spread",
        "quickly",
    ]


def test_similarity_is_the_longest_common_subsequence_over_both_lengths():
    a, b = own_words(WIRE), own_words(EDIT)
    assert (len(a), len(b)) == (16, 15)
    assert similarity(a, b) == 2 * 11 / 31  # 11 words kept in order
    assert similarity(a, a) == 1.0 and similarity(a, []) == similarity([], []) == 0.0
    assert similarity(["a", "b", "c"], ["c", "b", "a"]) == 2 / 6  # the same words in another order: one kept
    assert similarity(a, b) >= SIMILAR > similarity(own_words(OWN), a)


def _case(tmp_path, later: list, name="c"):
    return kit.load_case(
        write(
            tmp_path / name,
            [("wire", "2024-03-01T08:00:00Z", [WIRE, SAID]), ("herald", "2024-03-01T10:00:00Z", later)],
        )
    )


def test_an_edited_sentence_is_listed_as_copied_prose(tmp_path):
    case = _case(tmp_path, [EDIT, TOLD])
    rows = audit(case)
    shared = rows[rows["signal"] == "shared_text"]
    assert pairs_of(shared) == {("herald-1", "wire-1")}
    evidence = shared["evidence"].iloc[0]
    assert evidence.startswith("copied prose: rescuers tried to through the with") and evidence.endswith(EDITED)
    assert shared["score"].iloc[0] == pytest.approx(similarity(own_words(EDIT), own_words(WIRE)), abs=1e-6)
    # the quotation with a bare attribution is a shared quotation, never copying
    assert ("herald-2", "wire-2") not in pairs_of(shared)


def test_a_sentence_of_its_own_and_a_short_one_are_not_listed(tmp_path):
    rows = audit(_case(tmp_path, [OWN, TOLD]))
    assert rows[rows["signal"] == "shared_text"].empty
    # a later text with fewer than PROSE own words is never listed by the rule
    short = " ".join(WIRE.split()[: PROSE - 1])
    c = claims_in_time_order(_case(tmp_path, [short], name="short"))
    assert edited_sentences(c, np.array([], int)).empty
    assert len(edited_sentences(c, np.array([], int), prose=PROSE - 1, alike=0.4, min_score=0.4)) == 1


def test_a_later_text_listed_already_is_not_looked_at_again(tmp_path):
    c = claims_in_time_order(_case(tmp_path, [EDIT]))
    found = edited_sentences(c, np.array([], int))
    assert len(found) == 1 and c.claim_id[int(found["later"][0])].as_py() == "herald-1"
    assert edited_sentences(c, found["later"].to_numpy()).empty
    # nor a pair whose similarity is under min_score (the pair's score is its similarity)
    assert edited_sentences(c, np.array([], int), min_score=0.9).empty


def test_an_archive_is_not_looked_at(tmp_path, monkeypatch):
    # the pairs of small stories only (kit.auditing.stories.story_pairs): over the pair budget, nothing
    import kit.auditing.edited as edited

    c = claims_in_time_order(_case(tmp_path, [EDIT]))
    original = edited.story_pairs
    monkeypatch.setattr(edited, "story_pairs", lambda story, publisher, **k: original(story, publisher, **k, budget=0))
    assert edited_sentences(c, np.array([], int)).empty


def test_a_later_text_whose_words_a_cited_text_accounts_for_is_not_listed(tmp_path):
    # the herald cites the wire, whose sentence it edited; a third outlet reprinted the wire's sentence before the
    # herald: the herald's words are accounted for by the text it cites (as alike as the reprint), so it is not listed
    # against the reprint; the reprint, which cites nothing, is listed against the wire
    articles = [
        ("wire", "2024-03-01T08:00:00Z", [WIRE]),
        ("post", "2024-03-01T09:00:00Z", [WIRE]),
        ("herald", "2024-03-01T10:00:00Z", [EDIT]),
    ]
    folder = write(tmp_path / "cited", articles)
    with open(f"{folder}/citations.csv", "a", encoding="utf-8") as fh:
        fh.write("herald-1,wire-1,relies_on,,stated\n")
    c = claims_in_time_order(kit.load_case(folder))
    ids = c.claim_id.to_pylist()

    def listed(rows):
        return {(ids[a], ids[b]) for a, b in zip(rows["later"], rows["earlier"], strict=True)}

    assert listed(edited_sentences(c, np.array([], int))) == {("post-1", "wire-1")}
    # a chain of the tables' citations accounts for the words as a citation does
    assert listed(edited_sentences(c, np.array([], int), explained=lambda u, v: np.ones(len(u), bool))) == set()
    # without the citation, the herald's edit is listed against the earliest text as alike
    c = claims_in_time_order(kit.load_case(write(tmp_path / "uncited", articles)))
    assert listed(edited_sentences(c, np.array([], int))) == {("post-1", "wire-1"), ("herald-1", "wire-1")}
