"""kit draft's fourth pass (issue 21): the kinds of miss the second held-out part (tests/draft_corpus/unseen,
scored once and then tuned on) showed, each fixed by a small named rule, each tested here on a sentence of that kind
from stored public news pages other than the corpus' (the page each comes from is named beside it; where no page had
the kind, the sentence is marked as written for the test). Rules of kit.draft.coref, phrases, clauses, cues and
lexicon."""

from __future__ import annotations

from _findings import found, names
from kit.draft.clauses import nested, quote_paragraph, shared_subject
from kit.draft.coref import unnamed_person
from kit.draft.extract import sentences
from kit.draft.nouns import Mention
from kit.draft.phrases import subject_before

# --- who "he", "she" and "the ministry" are (kit.draft.coref) -------------------------------------------------------


def test_unnamed_person_is_who_he_is():  # prothomalo (AFP), Kyi Su village, 2022; newsoftheworld (AFP), Burkina, 2021
    text = (
        "Villagers discovered the bodies as they returned on 20 July after soldiers had left, another resident said.\n"
        '"I went to look for my animals in the forest but I found nine burnt human bodies with their hands tied," he '
        "said."
    )
    assert names(text) == [["another resident"], ["another resident"]]
    text = (
        '"It was a massacre," one survivor said.\n'
        '"The terrorists surrounded the place for days before launching their attack," he added, listing "several '
        'dead".'
    )
    assert names(text) == [["one survivor"], ["one survivor"]]
    assert unnamed_person(Mention("the farmer", common=True)) and not unnamed_person(Mention("villagers", True))


def test_place_not_person_a_place_is_never_he():  # windlasstrade (AFP), Sin Inn Gyi, 2022, two sentences of it
    text = (
        "Junta troops arrived in Sin Inn Gyi village on Thursday after AA fighters ambushed junta vehicles on a nearby "
        'highway.\n"We are going to take necessary actions to retaliate," he said.'
    )
    assert names(text) == []  # before: 'he' taken to be Sin Inn Gyi, a name seen in passing


def test_body_not_person_the_ministry_is_not_its_spokesman():  # iuvmpress, Gaza, 2018 (the second sentence's
    # subject shortened from "Gaza Health Ministry spokesperson Ashraf al-Qidre said in a statement that …")
    text = (
        "The spokesman for the Health Ministry in the Strip, Ashraf al-Qedra, confirmed that the two victims are both "
        "17 years old. The ministry said in a statement that the two men sustained injuries."
    )
    assert names(text) == [["Ashraf al-Qedra"], ["The ministry"]]


# --- speakers as whole noun phrases (kit.draft.phrases) --------------------------------------------------------------


def test_group_of_place_is_kept_whole():
    # mehrnews, Zamfara, 2022 ("Residents said the total death toll …"; the group's place added for the test)
    assert subject_before("Residents of Kurfa Danya village ").text == "Residents of Kurfa Danya village"
    assert subject_before("Human rights groups in Nigeria and abroad have previously ").text == (
        "Human rights groups in Nigeria and abroad"
    )
    assert subject_before("The report indicates that locals of the villages ").text == "locals of the villages"


def test_plural_head_and_name_of_keep_an_organisation_in_its_place():  # the kinds of El Fasher's volunteer groups
    assert subject_before("the Local Coordination Committees in Idlib ").text == (
        "the Local Coordination Committees in Idlib"
    )
    assert subject_before("the Emergency Room of Abu Shouk Displacement Camp in El Fasher, also a volunteer group, ")
    m = subject_before("For its part, the Emergency Room of Abu Shouk Displacement Camp in El Fasher, also a group, ")
    assert m.text == "the Emergency Room of Abu Shouk Displacement Camp in El Fasher"  # opening_phrase: not "its part"


def test_participle_phrase_and_while_clause():
    # the AFP kind "an aid group operating at the site said"; written for the test on that model
    assert subject_before("an aid group operating at the site ").text == "an aid group operating at the site"
    # a speaker, an appositive and a "while" clause before the verb (the kind of the BBC's eyewitness, rewritten)
    m = subject_before("Ummaru Makeri, a resident of the village, while speaking with the BBC, ")
    assert m.text == "Ummaru Makeri"


def test_adverb_after_auxiliary_and_a_stray_comma_after_a_quotation():
    # the kind of "The Israeli military has frequently questioned death tolls …"
    assert subject_before("The Syrian military has repeatedly ").text == "The Syrian military"
    # '“…,” Amnesty's country director for Nigeria Osai Ojigho, said': role_for_place and the stray comma
    assert subject_before("“No.” Amnesty’s country director for Nigeria Osai Ojigho, ").text == "Osai Ojigho"


# --- verbs (kit.draft.lexicon) ---------------------------------------------------------------------------------------


def test_put_the_number_of_the_injured_at_and_called_on():
    # chinadaily (Xinhua), Kerman, 2024; videonews.today, 2021
    assert names("Vahidi put the number of the injured at 284, of which 220 were hospitalized.") == [["Vahidi"]]
    assert names("Mr Soylu earlier put the number of trapped miners at about 50.") == [["Soylu"]]
    assert names("President-Elect Joe Biden has called on Donald Trump to demand an end to this siege.") == [
        ["Joe Biden"]
    ]


# --- clauses (kit.draft.clauses, kit.draft.cues) --------------------------------------------------------------------


def test_quotation_then_speaker_claims_the_quotation_only():  # upi.com, the Kamouna camp, 2016
    text = (
        "\"We don't know yet if it's Syrian or Russian aircraft, but they struck in the middle of the camp and many "
        'of the tents have been burned," said Alaa Fatraoui, a journalist who saw the aftermath.'
    )
    ((claim, who, _),) = found(text)
    assert who == ["Alaa Fatraoui"]
    assert claim.startswith("We don't know yet") and claim.endswith("have been burned")


def test_a_straight_quotation_over_sentences_closes_on_its_speaker():  # vice.com, the Kamouna camp, 2016
    text = (
        '"Given these tent settlements have been in these locations for several weeks, and can be clearly viewed from '
        "the air, it is extremely unlikely that these murderous attacks were an accident. It is far more likely they "
        "were deliberate and amount to a war crime,\" Zeid Ra'ad Al Hussein said."
    )
    assert names(text) == [["Zeid Ra'ad Al Hussein"], ["Zeid Ra'ad Al Hussein"]]


def test_headline_body_opens_a_headline():  # theweek.com, 2022; manilatimes, 2023
    assert names("UNICEF: Nearly 100 children were killed in Ukraine in April") == [["UNICEF"]]
    assert names("Philippines: Nearly 100 people were killed in floods in April") == []  # a place is no speaker


def test_shared_subject_after_but():  # the kind of "Residents of Al Daraja combed …, but said …"; written for the test
    assert shared_subject("Residents of Kurfa Danya village buried the dead, but ").text == (
        "Residents of Kurfa Danya village"
    )
    assert shared_subject("The fire spread quickly and ") is None  # no speaker opens the sentence


def test_nested_that_a_report_relays_who_it_quotes():  # written for the test on the model of Amnesty's reports
    ((_, who, via),) = found(
        "Human Rights Watch said on Wednesday that soldiers had killed 20 villagers. The report indicates that "
        "residents of the villages said soldiers fired on them."
    )[-1:]
    assert (who, via) == (["residents of the villages"], "Human Rights Watch")
    said = (40, "speaker", Mention("Guterres"), "has urged", None)
    assert not nested("He added that Guterres has urged a probe", (0, "speaker", Mention("he"), "added", None), said)


def test_quote_paragraph_goes_on_quoting_the_person_before():  # the AP kind (theweek, 2023), shortened
    text = (
        "A farmer from the village told The Associated Press that he lost his wife in the raid.\n"
        "“They kill people as easily as killing a chicken or bird.”\n"
        "The village is in Bago region."
    )
    assert names(text) == [["A farmer from the village"], ["A farmer from the village"]]
    assert quote_paragraph(sentences("“They kill people as easily as killing a chicken.”"), 0)
    text = "Fighting went on in the region.\n“They kill people as easily as killing a chicken or bird.”"
    assert names(text) == []  # nobody spoke before: nobody is given the quotation


def test_open_quotation_after_a_colon_is_the_speakers_to_its_end():  # written for the test on the model of Xinhua's
    # copy ("The Sudan Doctors Network condemned the drone strike, stating: “… .\n… war crime.” The network …"),
    # its opening mark on the second paragraph left out as the stored copy leaves it out
    text = (
        "The Doctors Network condemned the strike, stating: “This crime violates all laws. The targeting of civilians "
        "is a war crime.”"
    )
    assert names(text) == [["The Doctors Network"], ["The Doctors Network"]]
    carried = "The Doctors Network condemned the strike, stating: “This crime violates all laws.\nThe targeting of "
    assert names(carried + "civilians is a war crime.” The strike hit a mosque.") == [["The Doctors Network"]] * 2
    # a quotation opened with no speaker before its colon is nobody's
    assert names("The strike hit a mosque: “The targeting of civilians is a war crime. It must stop.”") == []


def test_a_member_of_a_group_quoted_by_an_outlet_is_who_he_is():  # theweek.in (AP), Nyaung Pin Thar, 2023
    text = (
        "Radio Free Asia, a US- funded news service, quoted a member of the locally formed People's Defense Force as "
        "saying the killings occurred after fighting the same day between the army and his group. He said the "
        "resistance forces killed 20 soldiers and captured three officers."
    )
    member = "a member of the locally formed People's Defense Force"
    assert [(n, via) for _, n, via in found(text)] == [([member], "Radio Free Asia"), ([member], None)]


def test_a_place_closing_a_sentence_with_a_denial_relays_nothing():  # business-standard (AFP), Kammouna, 2016
    text = (
        'Mamun al-Khatib, director of the Aleppo-based pro-rebel Shahba Press news agency, accused "regime aircraft" '
        "of firing missiles at the camp in Al-Kammouna village -- an accusation Damascus denied."
    )
    assert all(via != "Damascus" for _, _, via in found(text))
    assert ["Mamun al-Khatib"] in names(text)


def test_but_according_to_opens_a_clause_of_its_own():  # cbsnews.com (AFP, AP), Nangarhar, 2019
    text = (
        "Attaullah Khogyani, spokesman for the provincial governor, said the target was ISIS militants in the area, "
        "but according to Zaman the local residents had notified the authorities in the area that they would be "
        "collecting dried fruit."
    )
    assert [(n, via) for _, n, via in found(text)] == [(["Attaullah Khogyani"], None), (["Zaman"], None)]


def test_a_noun_before_of_is_no_speech_verb():  # cbsnews.com, 2019: "dishonest claims of non-combatant casualties"
    text = (
        'He said the U.S. was "fighting in a complex environment against those who intentionally kill and hide behind '
        'civilians, as well as use dishonest claims of non-combatant casualties as propaganda weapons."'
    )
    assert [(n, via) for _, n, via in found("Sonny Leggett said so. " + text)][-1] == (["Sonny Leggett"], None)


def test_a_quotation_closed_later_by_its_speaker_is_not_the_one_before():  # voanews (Reuters), Kismayu, 2017
    text = (
        'Al-Shabab said the toll was higher. "We planted a bomb inside a police station in Kismayu. We killed four '
        'policemen and wounded 27 others," its military operations spokesman Abdiasis Abu Musab said.'
    )
    assert names(text) == [["Al-Shabab"], ["Abdiasis Abu Musab"], ["Abdiasis Abu Musab"]]


def test_the_group_is_an_earlier_network_and_a_named_group_is_its_own():
    # trt.global (Anadolu), Brima Rashid, 2025; globaltimes (Xinhua), Hillat Hamid, 2025
    text = (
        "In a statement, the Sudan Doctors Network said the RSF carried out a renewed assault on Brima Rashid village. "
        "The independent medical group condemned the attack in the strongest terms."
    )
    assert names(text) == [["the Sudan Doctors Network"], ["the Sudan Doctors Network"]]
    text = (
        "The Sudanese Doctors Network, a volunteer organization, reported that the attack took place on Sunday. "
        "Meanwhile, the voluntary Emergency Lawyers Group confirmed in a statement on Monday the number of deaths."
    )
    assert names(text) == [["The Sudanese Doctors Network"], ["the voluntary Emergency Lawyers Group"]]


def test_a_spokeswoman_for_a_body_is_who_she_is():  # al-monitor (AFP), Naqura, 2024
    text = (
        "An Israeli strike on a vehicle in south Lebanon killed two people Monday, the health ministry said.\n"
        'A spokeswoman for UNIFIL said "a vehicle driven by an employee of a cleaning company was targeted by a strike '
        'on the Tyre-Naqura road."\n"Attacks on civilians are violations of international humanitarian law. They must '
        'stop," she said.'
    )
    assert names(text)[1:] == [["A spokeswoman for UNIFIL"]] * 3  # before: UNIFIL, then "she" taken to be "An Israeli"


def test_a_source_close_to_a_group_and_a_statement_posted_to_telegram():  # brecorder (AFP), Kfarjouz, 2024
    assert names("A source close to Hezbollah confirmed that one of the dead was “a fighter in Hezbollah”.") == [
        ["A source close to Hezbollah"]
    ]
    text = (
        "In a statement posted to Telegram early Friday, Hezbollah said it had fired a barrage of Katyusha rockets at "
        "Israel’s Northern Command."
    )
    assert names(text) == [["Hezbollah"]]  # "a statement posted" is no speaker of its own


def test_a_name_from_a_body_and_a_bodys_statement():  # xinhua (via zhongyishudian), Musa Qala, 2019
    text = (
        '"Two separate airstrikes were conducted in Musa Qala district Sunday night," Abdul Majid Akhundzada from '
        "provincial council told Xinhua.\n"
        "Meantime, the provincial government wrote in a statement issued here Monday, that 14 militants were killed.\n"
        "The statement said that the provincial government has ordered security officials to investigate."
    )
    assert names(text) == [["Abdul Majid Akhundzada"], ["the provincial government"], ["the provincial government"]]
    # stripes.com (AP), Farah, 2017: a group named by whom it is of
    assert names("But family members of the victims are claiming they were hit by an airstrike.") == [
        ["family members of the victims"]
    ]


def test_they_is_not_the_outlet_that_relayed_and_the_report_is_not_a_trader():
    # prothomalo (AFP), Kyi Su, 2022; alaturkaonline (Anadolu), Djibo, 2020
    text = (
        "On 18 July, soldiers were dropped near Kyi Su village by two helicopters, one local told AFP.\n"
        '"The elderly men were released on the following day," they said, requesting anonymity.'
    )
    assert names(text) == [["one local"], ["one local"]]
    text = (
        "The killings took place on April 9, in Djibo, the HRW said in a report based on interviews with 17 "
        "witnesses.\n“This was not a battle,” a trader told the watchdog.\n"
        "Residents, the report said, believe that they had been targeted."
    )
    assert names(text)[-1] == ["the HRW"]
