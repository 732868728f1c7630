"""Names cut and split (issue 21, failure kind 4): a speaker is named by its whole noun phrase.

``place_tail`` (kit.draft.phrases) read "the mayor of Kramatorsk" whole but cut "The governor of Kaduna state" to "The
governor", because the place ends in a lower-case place noun ("state", "province", "region", "district", "county");
the rule now takes such a place whole. Tested on the corpus' sentence (tests/draft_corpus/unseen6/c1-ktvz-ap: KTVZ
(AP), "A Nigerian military attack mistakenly bombed a religious gathering and killed civilians", 4 Dec 2023).
"""

from __future__ import annotations

from _findings import names
from kit.draft.phrases import subject_before

#: tests/draft_corpus/unseen6/c1-ktvz-ap.txt, its fourth line (KTVZ, AP, 2023-12-04)
KADUNA = (
    "The governor of Kaduna state said on Monday that Muslims observing the holiday celebrating the birthday of the "
    "Prophet Muhammad, Mawlid al-Nabi, the previous night were “mistakenly killed and many others were wounded” by a "
    "drone “targeting terrorists and bandits.”"
)


def test_a_title_of_a_place_ending_in_a_place_noun_is_one_speaker():
    assert names(KADUNA) == [["The governor of Kaduna state"]]  # before: "The governor" ("Governor (unnamed)")
    assert subject_before("The police commissioner in Helmand province ").text == (
        "The police commissioner in Helmand province"
    )
    assert subject_before("the governor of Borno State ").text == "the governor of Borno State"  # unchanged
    assert subject_before("The mayor of Kramatorsk ").text == "The mayor of Kramatorsk"  # unchanged
    assert subject_before("the head of the UN refugee agency ").text == "the head of the UN refugee agency"


def test_an_of_phrase_after_a_word_that_names_no_speaker_stays_out():
    # "accused of", "spoke of": the "of" phrase is what is said or done, never a speaker's name
    assert subject_before("He was accused of Kaduna state ").text != "He was accused of Kaduna state"
    assert subject_before("The minister spoke of Kaduna state ").text != "The minister spoke of Kaduna state"
