"""kit.draft.coref's twelfth-pass rules (issue 21): who "the defence ministry", "the statement" and "the army
statement" are. The earlier rules are tested in tests/draft/test_phrases.py and the passes' own test files."""

from __future__ import annotations

from kit.draft.coref import Speakers
from kit.draft.cues import find_attributions
from kit.draft.extract import sentences
from kit.draft.nouns import Mention


def cited(text: str) -> list[list[str]]:
    """The names cited by each finding of ``text``."""
    return [[c.text for c in f.cited] for f in find_attributions(sentences(text))]


def test_other_field_a_ministry_of_another_field_is_a_speaker_of_its_own():
    # unseen9/t2 (Niger): "The defence ministry" is not "Niger’s interior ministry" named before
    s = Speakers()
    s.add(Mention("Niger’s interior ministry", common=True))
    assert s.resolve(Mention("The defence ministry", common=True), []).text == "The defence ministry"
    assert s.resolve(Mention("the ministry", common=True), []).text == "Niger’s interior ministry"
    assert s.resolve(Mention("the interior ministry", common=True), []).text == "Niger’s interior ministry"
    t = Speakers()
    t.add(Mention("Ministry of Defence"))
    assert t.resolve(Mention("the defence ministry", common=True), []).text == "Ministry of Defence"


def test_statement_before_the_statement_is_the_one_just_named():
    # unseen11/h3-namnewsnetwork-xinhua: "the statement" is the mission's, said "in a statement" the sentence before,
    # not the rebel army named as a body earlier
    text = (
        "The eastern-based rebel army announced the launching of airstrikes but denied targeting civilians.\n"
        "“The mission is extremely concerned,” the mission said in a statement.\n"
        "“The mission reiterates its call for a truce,” the statement added."
    )
    found = cited(text)
    assert found[-1] == found[-2] != ["The eastern-based rebel army"]


def test_owner_statement_the_army_statement_is_the_armys():
    # unseen13/r2-legit-afp: "the army statement" is Burkina Faso's army's, not the UN named in the headline
    text = (
        "2 dead as UN peacekeepers open fire: UN\n"
        "Burkina Faso’s army said a strike had hit a village.\n"
        "Monday's operations were undertaken at three places, the army statement said."
    )
    assert cited(text)[-1] == ["Burkina Faso’s army"]
    s = Speakers()
    s.add(Mention("UN"))
    assert s.resolve(Mention("the army statement", common=True), []).text == "the army statement"  # no army before
