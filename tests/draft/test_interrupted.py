"""kit.draft.interrupted (issue 21's twelfth pass): a speaker whose noun phrase is interrupted before its verb.

Each rule on sentences of its kind from the development parts (tests/draft_corpus/unseen11 and unseen12, named beside
each) and from PolNeAR-like political copy, and on sentences where the speaker must stay as it was.
"""

from __future__ import annotations

import pytest

from kit.draft.cues import find_attributions
from kit.draft.extract import sentences
from kit.draft.interrupted import interrupted_subject, participle_object, unpunctuated_appositive
from kit.draft.nouns import Mention
from kit.draft.phrases import subject_before


def cited(text: str) -> list[list[str]]:
    """The names cited by each finding of ``text``."""
    return [[c.text for c in f.cited] for f in find_attributions(sentences(text))]


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # unseen11/h2-aljazeera: a relative clause; the noun after "confirmed" was taken as an inverted speaker
        (
            "The LNA, which is allied to a rival administration in the country’s east, confirmed a strike late on "
            "Sunday on Murzuq, but denied it had targeted any civilians.",
            "The LNA",
        ),
        # unseen11/h2-aljazeera: a participle phrase holding a comma of its own ("Libya’s capital, Tripoli")
        (
            "The Government of National Accord (GNA), based in Libya’s capital, Tripoli, condemned the drone attack "
            "in a statement on Monday, saying the raid struck the residential district of Qalaa.",
            "The Government of National Accord",
        ),
        # unseen11/j4-noticiasaominuto-lusa: the name's own preposition ("in the DRC") and its acronym kept
        (
            "The UN peacekeeping mission in the DRC (Monusco), which condemned the attack in a statement, said "
            "that at least six children were killed.",
            "The UN peacekeeping mission in the DRC",
        ),
        # unseen12/q2-arunachaltimes-pti: two relative clauses, the second about the first one's object
        (
            "Union Home Minister Amit Shah, who briefed the prime minister, who is on a visit to Saudi Arabia, said "
            "he was leaving for Srinagar.",
            "Amit Shah",
        ),
        # unseen11/j2-newdelhitimes-ap: an appositive after a name holding a capitalised "The"
        ("Save The Children, an aid group, said it was present at one of the camps.", "Save The Children"),
    ],
)
def test_interrupted_subject_cites_the_noun_phrase_opening_the_clause(sentence, speaker):
    found = cited(sentence)
    assert found and all(names == [speaker] for names in found)


def test_interrupted_subject_keeps_the_alias_and_the_appositive():
    p = "The Government of National Accord (GNA), based in Libya’s capital, Tripoli, "
    m = interrupted_subject(p, None)
    assert (m.text, m.about) == ("The Government of National Accord", "(GNA)")
    m = interrupted_subject("Save The Children, an aid group, ", Mention("The Children", about="an aid group"))
    assert (m.text, m.about, m.common) == ("Save The Children", "an aid group", False)
    m = interrupted_subject("The UN mission in the DRC (Monusco), which ", Mention("the DRC", about="(Monusco)"))
    assert (m.text, m.about, m.said_as) == ("The UN mission in the DRC", "(Monusco)", "which")


@pytest.mark.parametrize(
    "prefix",
    [
        "Additionally, a nearby multistory building was also taken out, ",  # dev: an opener, then a clause
        "Residents fled the town, which ",  # a clause, not a noun phrase, before the comma
        "“We are safe, which is all,” ",  # a quotation
        "The attack, a nearby building was hit, ",  # a clause after the comma, not an appositive
        "Police said, ",  # a verb in the opening phrase
        "It, which ",  # a pronoun
    ],
)
def test_interrupted_subject_leaves_what_is_no_interrupted_noun_phrase(prefix):
    assert interrupted_subject(prefix, "kept") == "kept"


def test_interrupted_subject_leaves_the_inverted_speaker_of_a_clause_after_an_opener():
    s = "Additionally, a nearby multistory building was also taken out, confirmed Vadym Filashkin, the governor."
    assert cited(s) == [["Vadym Filashkin"]]  # dev/j2: the rule's first version read "Additionally"


def test_participle_object_cites_the_noun_before_the_participle():
    # unseen11/h1-theglobeandmail-reuters: "Haftar" is what the government opposes, not who speaks
    s = "The Tripoli government opposing Haftar said dozens were killed and wounded in Murzuq."
    assert cited(s) == [["The Tripoli government"]]
    p = "Officials serving Haftar "
    assert participle_object(p, subject_before(p)).text == "Officials"


@pytest.mark.parametrize(
    "prefix, name",
    [
        ("During the morning Haftar ", "Haftar"),  # no participle
        ("The strike hitting Mosul ", "Mosul"),  # "strike" is no speaker's noun
        ("Police superintendent Dave Cliff ", "Dave Cliff"),
    ],
)
def test_participle_object_leaves_other_names(prefix, name):
    assert participle_object(prefix, Mention(name)).text == name


def test_unpunctuated_appositive_cites_the_name_before_the_role():
    # unseen14/z2-realnewsmagazine-dpa (and z1's copy): a role with "an" right after a name, no comma between
    s = "Seven Chadian Soldiers were killed in an attack by Boko Haram, Azem Bermendoa Agouna an army spokesman said."
    assert cited(s) == [["Azem Bermendoa Agouna"]]
    m = unpunctuated_appositive(
        "Boko Haram, Azem Bermendoa Agouna an army spokesman ", Mention("an army spokesman", True)
    )
    assert (m.text, m.about, m.common) == ("Azem Bermendoa Agouna", "an army spokesman", False)


@pytest.mark.parametrize(
    "prefix, found",
    [
        ("In Kabul an army spokesman ", "an army spokesman"),  # a place word, not a name, before the role
        ("Boko Haram, an army spokesman ", "an army spokesman"),  # a comma between: the role is the speaker
        ("The Interior Ministry a spokesman ", "a spokesman"),  # a body's name, not a person's
        ("John Smith the spokesman ", "the spokesman"),  # no "a"/"an"
        ("John Smith a witness to the blast ", "a witness to the blast"),  # no role as the last word
    ],
)
def test_unpunctuated_appositive_leaves_other_roles(prefix, found):
    assert unpunctuated_appositive(prefix, Mention(found, True)).text == found
