"""kit draft's fifth pass (issue 21): the kinds of miss and of wrong speaker the development parts (dev, unseen and
unseen2, the third held-out part, scored and then tuned on) showed, each fixed by a small named rule of the grammar
of news, each tested here on one sentence of that kind. Where a stored public news page other than the corpus' had
the kind, its sentence is used (the page named beside it); otherwise the sentence is marked as written for the test.
Rules of kit.draft.phrases, objects, verbs, clauses, cues, coref and lexicon."""

from __future__ import annotations

from _findings import found, names
from kit.draft.clauses import free_relative, quote_closed_later, speaker_like
from kit.draft.cues import find_attributions
from kit.draft.extract import sentences
from kit.draft.nouns import Mention
from kit.draft.objects import object_after
from kit.draft.phrases import subject_before

# --- who the speaker is: whole noun phrases (kit.draft.phrases, kit.draft.objects) ----------------------------------


def test_place_tail_the_place_is_where_the_speaker_is():  # devdiscourse (Reuters), Kharkiv, 29 Dec 2022
    text = (
        "The mayor of eastern Ukraine's Kharkiv reported on Thursday that Russian missiles had struck the city and "
        "caused a series of explosions."
    )
    assert names(text) == [["The mayor of eastern Ukraine's Kharkiv"]]  # before: "Ukraine's Kharkiv"
    assert subject_before("The city government in Dnipro ").text == "The city government in Dnipro"  # before: Dnipro
    who = subject_before("However, a senior official at the main hospital in Tigray's capital Mekele ")
    assert who.text == "a senior official at the main hospital in Tigray's capital Mekele" and who.common
    assert subject_before("officials in Kyiv ").text == "officials in Kyiv"  # unchanged


def test_relative_which_the_noun_before_which_speaks():  # todaytrendingnews (AP), Gaza, HRW's report of 2024
    text = (
        "Human Rights Watch says four separate strikes destroyed the engineers building in central Gaza. "
        "Thirty-four women, 18 men and 54 children were killed in the strike, according to the group, which said it "
        "corroborated its death list with Airwars, a London-based conflict monitor."
    )
    assert names(text) == [["Human Rights Watch"], ["Human Rights Watch"]]
    who = subject_before("The incident has sparked an urgent response from the United States, which ")
    assert who.text == "the United States" and who.said_as == "which"  # before: nobody
    assert subject_before("My father died 22 years ago of brain cancer, which ") is None  # no speaker's noun
    text = "Amnesty International, which condemned the raid, said 35 died."  # written for the test
    assert names(text) == [["Amnesty International"]]
    (f,) = find_attributions(sentences(text))
    assert "draft: check: 'which' taken to be Amnesty International (the noun before ', which')" in f.notes


def test_one_of_a_speaker_picked_from_a_group():  # unseen2 t3's kind; written for the test
    assert object_after("one of the humanitarian workers, citing witness accounts.").text == (
        "one of the humanitarian workers"
    )
    assert found("“The strike killed 17 civilians,” said one of the aid workers.") == [
        ("The strike killed 17 civilians", ["one of the aid workers"], None)
    ]


def test_plural_speaker_two_groups_joined_by_and():
    assert speaker_like(Mention("human rights groups", common=True))
    assert not speaker_like(Mention("the bus", common=True))


def test_coordinated_object_according_to_two_speakers():  # unseen2 t2's kind; written for the test
    text = "At least 56 people have been killed in the camp, according to rebels and humanitarian workers."
    assert names(text) == [["rebels", "humanitarian workers"]]
    assert names("Ten people died, according to police and local officials.") == [["police", "local officials"]]


# --- which words are the speaker's (kit.draft.clauses, kit.draft.cues) ------------------------------------------------


def test_free_relative_the_speakers_words_follow_the_verb():  # written for the test (the kind of unseen2's l1, l2)
    text = (
        "Some 6,000 are held in government-run detention centres in what human rights groups and the United Nations "
        "say are often inhuman conditions."
    )
    ((words, cited, _),) = found(text)
    assert words == "are often inhuman conditions." and set(cited) == {"human rights groups", "the United Nations"}
    s = "Thousands are held in what rights groups say are inhuman conditions."
    assert s[free_relative(s, [(s.index("say"), "speaker", None, "say", None)]) :] == "are inhuman conditions."
    assert free_relative("Rights groups say 50 died.", [(12, "speaker", None, "say", None)]) is None


def test_what_called_a_body_names_something():  # written for the test (the kind of unseen2's t1)
    text = "The region is under what the United Nations has called a de facto blockade."
    assert found(text) == [("a de facto blockade.", ["the United Nations"], None)]


def test_contrast_clause_and_accuse_of():  # written for the test (the kind of unseen2's t1)
    text = "There has been a lull in fighting, although the rebels accuse the government of carrying out drone attacks."
    assert found(text) == [("the rebels accuse the government of carrying out drone attacks.", ["the rebels"], None)]
    assert names("The accused men were released.") == []  # "accuse" only before "… of"


def test_unopened_close_a_quotation_whose_opening_mark_is_missing():  # written for the test (unseen2's u1's kind)
    text = "“The chances are minimal now,” the mayor told Reuters. I think the toll will run into the dozens.”"
    assert found(text)[-1] == ("I think the toll will run into the dozens.", ["the mayor"], "Reuters")


def test_told_me_a_paragraph_of_quotation_goes_on():  # written for the test (unseen2's t3's kind)
    text = (
        "The aid worker said dozens of people were injured.\n"
        "“A witness told me that the drones came and hovered a bit before dropping bombs.”"
    )
    assert names(text) == [["The aid worker"], ["The aid worker"]]


def test_closed_by_speech_verb_any_verb_closes_a_quotation():  # unseen2's y1's kind; written for the test
    text = (
        "The junta said it had struck the village.\n"
        '"There was an office opening ceremony. It started at 8 am," junta spokesman Zaw Min Tun confirmed.'
    )
    assert quote_closed_later(sentences(text), 1)
    assert names(text) == [["The junta"], ["Zaw Min Tun"], ["Zaw Min Tun"]]  # before: the junta's, then his


def test_own_sourcing_inside_a_quotation():  # written for the test (unseen2's y1's kind)
    text = '"According to the information we got, people were killed by mines," he said.'
    assert all("the information" not in c for c in sum(names(text), []))


def test_described_after_an_unnamed_speaker_after_the_verb():  # written for the test (unseen2's y1's kind)
    text = (
        "The strikes killed as many as 100 people, including children, who were attending a ceremony, said a witness, "
        "reported The Sydney Morning Herald (SMH)."
    )
    ((_, cited, relay),) = found(text)
    assert cited == ["a witness"] and relay == "The Sydney Morning Herald"  # before: "people", no relay


# --- a verb that is no speech (kit.draft.verbs) -----------------------------------------------------------------------


def test_attributive_participle_and_added_object():  # written for the test (unseen2's l1, l2, u1)
    assert names("It was the highest publicly reported toll from an air strike since April.") == []
    assert names("The reported death toll put it among the deadliest attacks.") == []
    assert names("Freezing temperatures added additional concerns to rescuers.") == []
    assert names("Police added the toll was likely to rise.") == [["Police"]]


# --- "it" (kit.draft.coref) -------------------------------------------------------------------------------------------


def test_body_in_passing_it_is_the_body_named_before():  # written for the test (unseen's n1's kind)
    text = (
        "Amnesty International said the strikes killed 35 people.\n"
        "In January 2017, a Nigerian Air Force jet mistakenly bombed an IDP camp. It later said it had believed the "
        "area was a Boko Haram encampment."
    )
    assert names(text) == [["Amnesty International"], ["Nigerian Air Force"]]  # before: nobody
    text = "Amnesty International said the Nigerian Air Force bombed the village. It added that 35 people died."
    assert "Nigerian Air Force" not in sum(names(text), [])  # a body named in a sentence that has a speaker


# --- more of the kinds (kit.draft.phrases, kit.draft.cues, kit.draft.verbs) ------------------------------------------


def test_role_of_body_a_person_not_the_body():  # the kind of dev's r1; written for the test
    assert subject_before("The director of the hospital ").text == "The director of the hospital"  # before: hospital
    text = "The head of the local Al Jomhouri hospital told Reuters 13 people were killed and 23 injured."
    assert found(text) == [(text, ["The head of the local Al Jomhouri hospital"], "Reuters")]


def test_interviewed_by_the_outlet_relays():  # unseen's g3's kind; written for the test
    text = "Umm Malik, a resident, while speaking with BBC, recounted that her family was trapped under the rubble."
    ((_, cited, relay),) = found(text)
    assert cited == ["Umm Malik"] and relay == "BBC"
    assert found("The mayor said in an interview with CNN that 12 people died.")[0][1:] == (["The mayor"], "CNN")


def test_responsibility_the_after_clause_is_the_outlets():  # unseen's m1's kind; written for the test
    text = "Al Shabaab claims responsibility after eight officers die in raid on a police station."
    assert found(text) == [("Al Shabaab claims responsibility", ["Al Shabaab"], None)]


def test_shown_in_a_document_speaks_for_its_author():  # unseen's n1's kind; written for the test
    text = "Burned vehicles and blackened houses were shown in an accompanying video from Amnesty International."
    assert names(text) == [["Amnesty International"]]


def test_described_object_states_nothing():  # unseen's g3's kind; written for the test
    assert names("Eyewitnesses described the devastating aftermath.") == []
    assert names("Witnesses described the scene as chaotic.") == [["Witnesses"]]


def test_statement_participle_the_body_that_issued_it():  # dev's r3's kind; written for the test
    text = "The coalition issued a statement confirming the strikes, but saying it was targeting missile launchers."
    assert names(text) == [["The coalition"]]


def test_headline_tail_body_and_photo_credit():  # unseen2's l1's kind; written for the test
    assert names("At least 44 dead after air strike hits migrant detention centre: UN") == [["UN"]]
    assert names("Emergency workers recover bodies at the centre in Tripoli on July 3, 2019.PHOTO: AFP") == []


def test_what_called_stops_before_a_clause_about_the_name():  # unseen2's t1's kind; written for the test
    text = "The region is under what the United Nations has called a de facto blockade that is preventing supplies."
    assert found(text) == [("a de facto blockade", ["the United Nations"], None)]


def test_called_quoted_a_speaker_names_something_in_quotation_marks():  # orissapost (IANS), Kharkiv, 2022
    text = (
        "President Volodymyr Zelensky called the shelling a “vile and cynical attack on civilians for which there is "
        "no justification”."
    )
    assert names(text) == [["Volodymyr Zelensky"]]  # before: nobody
    assert names("Senators approved the process called “hotlining” on Friday.") == []  # a thing named
    assert names("The fees, which Smith called “a disgrace,” were cut.") == [["Smith"]]
    assert "Bannon" not in sum(names("He criticised Bannon, who Beck called “a horrible human being.”"), [])


def test_in_a_statement_the_quotation_after_a_colon():  # dev's e*'s kind; written for the test
    text = "In a statement, the agency expressed its deep condolences: “We will miss him terribly.”"
    assert names(text) == [["the agency"]]  # before: nobody
    assert names("In a tweet, the mayor thanked rescuers: “You are heroes.”") == [["the mayor"]]
    assert names("In a statement, the agency expressed its deep condolences.") == []  # no quotation: no words of it
