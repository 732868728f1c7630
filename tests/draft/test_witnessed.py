"""kit.draft.witnessed: what a witness or a wire's reporter saw is their statement (issue 21's eighth pass)."""

from __future__ import annotations

from kit.draft.witnessed import WITNESS_NOUNS, witness_cues


def test_witness_cues_a_wires_witness_and_its_verb() -> None:
    # unseen3/z1-theage-reuters
    s = (
        "A Reuters witness saw about 12 bodies, four of them in cars, and said a missile had left a crater in the "
        "ground near two lines of vehicles at a car market."
    )
    assert [(c[0], c[1], c[2].text, c[3]) for c in witness_cues(s)] == [(18, "speaker", "A Reuters witness", "saw")]


def test_witness_cues_read_the_head_noun_not_what_follows_it() -> None:
    # made up: the head of the subject decides, not a noun of its modifier
    assert [c[2].text for c in witness_cues("Journalists at the scene counted 14 bodies.")] == ["Journalists"]
    assert witness_cues("The village of the witnesses saw heavy fighting.") == []
    assert witness_cues("Police saw no sign of forced entry.") == []  # police are not in WITNESS_NOUNS
    assert "police" not in WITNESS_NOUNS and "journalist" in WITNESS_NOUNS
