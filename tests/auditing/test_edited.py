"""kit.auditing.edited: a sentence edited word by word (most of its own words kept in their order), by an outlet that
copies the other elsewhere in the story, is copied prose; a quotation given alike with a bare attribution, a sentence
of its own, or an edit between outlets that copy nothing else, is not. Sentences written for these tests."""

from __future__ import annotations

import numpy as np
import pytest
from test_aligned import write
from test_auditing import pairs_of

import kit
from kit.auditing import audit
from kit.auditing.context import claims_in_time_order
from kit.auditing.edited import EDITED, PROSE, SIMILAR, edited_sentences, own_words, similarity
from kit.auditing.reprints import REPRINTS_FROM

#: the wire's sentence and an outlet's edit of it: four words changed, no run of seven words kept whole
WIRE = "Rescuers tried to cut through the rubble with earth movers, drilling machines and their bare hands."
EDIT = "Rescuers tried to dig through the debris with earthmovers, drilling tools and their bare hands."
#: a sentence of its own on the same scene
OWN = "Neighbours brought food and blankets to the families waiting outside the police cordon."
#: one statement quoted by two outlets, each with a bare attribution
SAID = "“We will not stop until every family has news,” Mayor Ana Ruiz said."
TOLD = "“We will not stop until every family has news,” Mayor Ana Ruiz told reporters."
#: four of the wire's sentences the outlet reprints word for word (listed on their own): the outlet reprints the wire's
#: story (kit.auditing.reprints.REPRINTS_FROM)
COPIED = [
    "A four-storey garment factory collapsed on the outskirts of the river port of Ashford on Tuesday morning, "
    "trapping hundreds of workers who had been ordered back to their sewing machines despite cracks in the walls.",
    "Army engineers brought in heavy cranes overnight to lift the slabs of the upper floors, which pancaked onto the "
    "ground floor where most of the workers were sewing when the building gave way.",
    "The owner of the building, a local businessman who sits on the town council, could not be reached for comment "
    "on Tuesday evening, and his office in the market square stayed shut.",
    "Relatives gathered behind a police cordon at the edge of the site, holding up photographs of the missing and "
    "pleading with the rescue teams for news of their sons and daughters.",
]


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


def _case(tmp_path, later: list, name="c", copied=COPIED, folder=False):
    out = write(
        tmp_path / name,
        [
            ("wire", "2024-03-01T08:00:00Z", [WIRE, SAID, *copied]),
            ("herald", "2024-03-01T10:00:00Z", [*later, *copied]),
        ],
    )
    return out if folder else kit.load_case(out)


def _listed(case, but: str = "herald-1"):
    """The claims in time order and the pairs the audit lists (time-order positions) but those of the later text
    ``but`` (as the other rules list them: kit.auditing.edited looks at what they leave)."""
    c = claims_in_time_order(case)
    at = {x: i for i, x in enumerate(c.claim_id.to_pylist())}
    rows = audit(case)
    rows = rows[rows["claim_id"] != but]
    return c, np.array([at[x] for x in rows["claim_id"]], int), np.array([at[x] for x in rows["cites"]], int)


def test_an_edited_sentence_is_listed_as_copied_prose(tmp_path):
    case = _case(tmp_path, [EDIT, TOLD])
    rows = audit(case)
    shared = rows[rows["signal"] == "shared_text"]
    copies = {(f"herald-{i}", f"wire-{i}") for i in range(3, 3 + len(COPIED))}
    assert pairs_of(shared) == {("herald-1", "wire-1")} | copies
    evidence = shared.set_index("claim_id").loc["herald-1", "evidence"]
    assert evidence.startswith("copied prose: rescuers tried to through the with") and evidence.endswith(EDITED)
    score = shared.set_index("claim_id").loc["herald-1", "score"]
    assert score == pytest.approx(similarity(own_words(EDIT), own_words(WIRE)), abs=1e-6)
    # the quotation with a bare attribution is a shared quotation, never copying
    assert ("herald-2", "wire-2") not in pairs_of(shared)


def test_not_between_outlets_that_copy_little_else(tmp_path):
    # the same edit between outlets listed as copying each other in fewer than REPRINTS_FROM pairs is not listed: one
    # outlet reprinting the other's story, not two outlets sharing a sentence or two (as an edited reprint asks,
    # kit.auditing.reprints)
    assert REPRINTS_FROM == 4 == len(COPIED)
    for n in range(REPRINTS_FROM):
        rows = audit(_case(tmp_path, [EDIT], name=f"n{n}", copied=COPIED[:n]))
        assert ("herald-1", "wire-1") not in pairs_of(rows), n


def test_a_sentence_of_its_own_and_a_short_one_are_not_listed(tmp_path):
    rows = audit(_case(tmp_path, [OWN, TOLD]))
    copies = {(f"herald-{i}", f"wire-{i}") for i in range(3, 3 + len(COPIED))}
    assert pairs_of(rows[rows["signal"] == "shared_text"]) == copies
    # a later text with fewer than PROSE own words is never listed by the rule
    short = " ".join(WIRE.split()[: PROSE - 1])
    c, ll, le = _listed(_case(tmp_path, [short], name="short"))
    assert edited_sentences(c, ll, le).empty
    assert len(edited_sentences(c, ll, le, prose=PROSE - 1, alike=0.4, min_score=0.4)) == 1


def test_a_later_text_listed_already_is_not_looked_at_again(tmp_path):
    c, ll, le = _listed(_case(tmp_path, [EDIT]))
    others = (ll, le)  # the pairs listed by the other rules
    found = edited_sentences(c, *others)
    assert len(found) == 1 and c.claim_id[int(found["later"][0])].as_py() == "herald-1"
    assert edited_sentences(
        c, np.concatenate([others[0], found["later"]]), np.concatenate([others[1], found["earlier"]])
    ).empty
    # nor a pair whose similarity is under min_score (the pair's score is its similarity)
    assert edited_sentences(c, *others, min_score=0.9).empty


def test_an_archive_is_not_looked_at(tmp_path, monkeypatch):
    # the pairs of small stories only (kit.auditing.stories.story_pairs): over the pair budget, nothing
    import kit.auditing.edited as edited

    c, ll, le = _listed(_case(tmp_path, [EDIT]))
    assert len(edited_sentences(c, ll, le)) == 1
    original = edited.story_pairs
    monkeypatch.setattr(edited, "story_pairs", lambda story, publisher, **k: original(story, publisher, **k, budget=0))
    assert edited_sentences(c, ll, le).empty


def test_a_later_text_whose_words_a_cited_text_accounts_for_is_not_listed(tmp_path):
    # the herald cites the wire, whose sentence it edited; a third outlet reprinted the wire's sentence before the
    # herald: the herald's words are accounted for by the text it cites (as alike as the reprint), so it is not listed
    # against the reprint; all three copy each other elsewhere
    articles = [
        ("wire", "2024-03-01T08:00:00Z", [WIRE, *COPIED]),
        ("post", "2024-03-01T09:00:00Z", [WIRE, *COPIED]),
        ("herald", "2024-03-01T10:00:00Z", [EDIT, *COPIED]),
    ]
    folder = write(tmp_path / "cited", articles)
    with open(f"{folder}/citations.csv", "a", encoding="utf-8") as fh:
        fh.write("herald-1,wire-1,relies_on,,stated\n")
    case = kit.load_case(folder)
    assert "herald-1" not in set(audit(case)["claim_id"])
    c, ll, le = _listed(case)
    ids = c.claim_id.to_pylist()

    def listed(rows):
        return {(ids[a], ids[b]) for a, b in zip(rows["later"], rows["earlier"], strict=True)}

    assert "herald-1" not in {a for a, _ in listed(edited_sentences(c, ll, le))}
    # without the citation, the herald's edit is listed against the earliest text as alike; a chain of the tables'
    # citations accounts for the words as a citation does
    c, ll, le = _listed(kit.load_case(write(tmp_path / "uncited", articles)))
    assert listed(edited_sentences(c, ll, le)) == {("herald-1", "wire-1")}
    everything = edited_sentences(c, ll, le, explained=lambda u, v: np.ones(len(u), bool))
    assert everything.empty
