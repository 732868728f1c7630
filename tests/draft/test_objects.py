"""kit.draft.objects: the speaker named after a cue ("according to X", "told X", "…, said X"); the rules added in issue
21's fourth pass, each on a phrase of that kind from stored public news pages (named beside it)."""

from __future__ import annotations

from kit.draft.nouns import Mention
from kit.draft.objects import can_author, object_after


def test_post_from_and_statement_by_name_the_author():
    # the-eyeontheworld (AFP), 2015: '"The family… request …," said a statement by her parents, Marsha and Carla …'
    m = object_after("a statement by her parents, Marsha and Carla Mueller.")
    assert (m.text, m.about) == ("her parents", "a statement")
    m = object_after("a post from a rescue agency.")
    assert (m.text, m.about) == ("a rescue agency", "a post")


def test_count_ends_a_name():  # "a rescue agency one of hundreds of volunteer groups" (no comma in the copy)
    assert object_after("a rescue agency one of hundreds of volunteer groups coordinating relief.").text == (
        "a rescue agency"
    )
    assert object_after("state-run All India Radio.").text == "All India Radio"  # a capitalised "All" is a name's


def test_a_name_after_the_stays_in_the_phrase():  # the Emergency Response Room's kind, a camp's group
    assert object_after("the Emergency Response Room group at the Abu Shouk camp, a drone struck.").text == (
        "the Emergency Response Room group at the Abu Shouk camp"
    )


def test_can_author_is_not_a_place():
    assert not can_author(Mention("Gaza City"))
    assert can_author(Mention("Johns Hopkins University")) and can_author(Mention("John Smith"))
    assert object_after("a post from Gaza City.").text == "a post"  # the document, not the place


def test_an_outlets_tally_and_a_ministry_of_a_place():  # dailymail (AFP), Al-Shati, 2024; arynews (AFP), Gaza, 2024
    m = object_after("an AFP tally based on official Israeli figures.")
    assert (m.text, m.about) == ("AFP", "report")
    assert object_after("the health ministry of the Hamas-run territory. The UN").text == (
        "the health ministry of the Hamas-run territory"
    )
    assert object_after("the locally formed People's Defense Force as saying").text.endswith("People's Defense Force")


def test_a_documents_owner_is_the_speaker():  # anews.com.tr, Mykolaiv, 2022
    m = object_after("regional Governor Vitaly Kim's Telegram channel on Wednesday.")
    assert (m.text, m.about) == ("Vitaly Kim", "regional Governor Telegram channel")
    assert object_after("the ministry's latest tally.").text == "the ministry"
