"""kit draft's seventh pass (issue 21): rules for constructions missed in at least two of the held-out parts unseen3,
unseen4 and unseen5 (or of a kind missed in all three that also raised PolNeAR), each tested on real sentences of its
kind, quoted from the corpus article named beside it (tests/draft_corpus/<part>/<article>.txt)."""

from __future__ import annotations

from _findings import found, names
from kit.draft import draft_case
from kit.draft.headlines import headline_speaker
from kit.draft.heads import own_referent, postmodified_head, speaker_head, split_conjuncts
from kit.draft.phrases import Mention, subject_before


def _cited(text: str) -> list[str]:
    return [n for group in names(text) for n in group]


# postmodified_head (kit.draft.heads): the speaker is the head of its noun phrase, not a modifier's object


def test_postmodified_head_a_participle_and_its_object() -> None:
    # unseen4/b1-globalnews-ap
    text = (
        "A man wounded in the strike told The Associated Press that the extremists had approached a group of "
        "civilians celebrating a wedding on Sunday, demanding that the men in attendance separate from the women."
    )
    # was "the strike"; "A man" until the ninth pass's participle_phrase (tests/draft/test_names.py)
    assert found(text)[0][1:] == (["A man wounded in the strike"], "The Associated Press")


def test_postmodified_head_a_prepositional_phrase() -> None:
    # unseen4/b3-tehrantimes and unseen4/j3-townhall-ap
    text = (
        "More than 20 people, including children, were killed in air strikes during a wedding ceremony in a remote "
        "desert area of central Mali on Sunday, a health worker with knowledge of the attack said on Tuesday."
    )
    assert names(text) == [["a health worker"]]  # was "the attack"
    text = (
        "FBI spokesman Kyle Loven in Minneapolis said the agency is conducting DNA testing on the bomber's remains "
        "to try to make a positive identification."
    )
    assert names(text) == [["Kyle Loven"]]  # was "Minneapolis"


def test_postmodified_head_an_appositive_chain_left_open() -> None:
    # unseen3/p1-eleconomista-reuters and unseen4/b1-globalnews-ap
    text = (
        '"The death toll is now 32. Ninety people have been wounded and 21 of them are in serious condition," '
        "Jameel Shah, a spokesman for Lady Reading Hospital, the main government hospital in the city told Reuters."
    )
    assert {(tuple(n), via) for _, n, via in found(text)} == {(("Jameel Shah",), "Reuters")}  # was "the city"
    text = (
        "Guillaume Nguefa, head of the human rights section of the U.N. mission in Mali confirmed the incident but "
        "did not provide more details."
    )
    assert names(text) == [["Guillaume Nguefa"]]  # was "Mali"


def test_postmodified_head_when_nobody_was_read() -> None:
    # unseen3/m1-bbc: the "she" inside the sentence had gone to the last person named, Zelensky
    text = (
        "A woman living opposite the building said she believed the decision to target the strike on Mr Kim's "
        "office was deliberate."
    )
    assert names(text) == [["A woman living opposite the building"]]  # whole since the ninth pass


def test_postmodified_head_leaves_names_groups_and_clauses_alone() -> None:
    # unseen2/l1-straitstimes-reuters: a person's name after "to Libya"; dev/f2-time: ", with officials saying"
    p = "The United Nations’ envoy to Libya Ghassan Salame "
    assert postmodified_head(p, subject_before(p)).text.endswith("Ghassan Salame")
    for p in ("One of the witnesses ", "Hundreds of residents ", "officials in New Zealand "):
        assert postmodified_head(p, subject_before(p)) == subject_before(p), p
    assert postmodified_head("Debris from the building ", subject_before("Debris from the building ")) is None
    text = (
        "Close to 80 people remain missing following the disappearance of a ferry on Saturday, with officials "
        "saying that there was a possibility the vessel had capsized."
    )
    assert names(text) == [["officials"]]


# object_relative (kit.draft.phrases): a relative clause's own speaker


def test_object_relative_the_relative_clause_has_its_own_speaker() -> None:
    # unseen4/j3-townhall-ap and unseen5/a3-voa
    text = (
        "Details emerged, meanwhile, about an American-Somali man who al-Shabab said carried out a suicide attack "
        "Saturday against an African Union base in the Somali capital."
    )
    assert names(text) == [["al-Shabab"]]  # was "an American-Somali man"
    text = (
        "The army had been called in to flush out the attackers, who the police officer described as “fedayeen” "
        "who were ready to die."
    )
    assert names(text) == [["the police officer"]]  # was "the attackers"
    assert names("Officials who spoke with The Huffington Post said the plan was dead.") == [["Officials"]]


def test_closed_who_a_long_relative_clause_closed_by_a_comma() -> None:
    # unseen4/j1-mg-afp: the second speaker had been lost, and his quotations went to the spokesman named before
    text = (
        "The Kenyan military denied it had killed civilians, but Gautam Chapperjee, who heads the Doctors Without "
        "Borders mission in Somalia, said the latest death toll was five."
    )
    assert names(text) == [["The Kenyan military"], ["Gautam Chapperjee"]]
    # an age before the clause stays readable (written for the test, in PolNeAR's construction)
    assert names("Schiff, 56, who has served on the committee for a decade, told reporters it is clear.") == [
        ["Schiff"]
    ]


# conjoined_speakers (kit.draft.heads): two speakers joined by "and"


def test_conjoined_speakers_both_heads_speak() -> None:
    # unseen3/k2-independentng-aljazeera, unseen4/b2-defenceweb-reuters, unseen4/l2-africanexaminer-dpa
    text = (
        "Relatives of the victims and witnesses put the death toll at 18, all members of the same family in "
        "Munazari village."
    )
    assert sorted(_cited(text)) == ["Relatives of the victims", "witnesses"]
    text = (
        "Mali’s government and the French army on Thursday denied allegations that a French air strike killed "
        "civilians attending a wedding, insisting that only Islamist militants were hit."
    )
    assert sorted(_cited(text)) == ["Mali’s government", "the French army"]
    text = (
        "(AFRICAN EXAMINER) – The death from an Israeli airstrike on an area in southern Lebanon has risen to 10, "
        "among them two children, the Lebanese Health Ministry and state-media said on Saturday."
    )
    assert sorted(_cited(text)) == ["state-media", "the Lebanese Health Ministry"]


def test_conjoined_speakers_after_according_to_and_an_appositive() -> None:
    # unseen3/k3-frontierpost-tolonews
    text = (
        "According to Baz Mohammad Nasir, head of the provincial council, and residents of the district, 18 "
        "people–including women and children–were killed in the airstrike."
    )
    assert sorted(_cited(text)) == ["Baz Mohammad Nasir", "residents of the district"]


def test_conjoined_speakers_not_two_descriptions_of_one_person() -> None:
    # dev/n1-yahoo-reuters: "government source" has no article of its own: one person, described twice
    text = (
        "One Pakistani intelligence official and government source said they believed the strike to be a U.S. "
        "drone attack."
    )
    assert len(_cited(text)) == 1
    assert not own_referent(Mention("government source", True)) and own_referent(Mention("witnesses", True))
    assert speaker_head(Mention("residents of the district", True))
    assert not speaker_head(Mention("the rubble of the houses", True))
    assert [m.text for m in split_conjuncts(Mention("pictures and debris", True))] == ["pictures and debris"]


# headline_from_body (kit.draft.headlines): a headline's few words are the speaker the body names


def test_headline_from_body_a_surname_a_dash_and_a_role() -> None:
    # unseen3/k3-frontierpost-tolonews, unseen3/m2-interfax, unseen3/z1-theage-reuters
    text = (
        "Civilian deaths caused by Taliban’s ‘use of houses’: Ghani\n\n"
        "KABUL (Tolo News): Two days after an airstrike in Nimroz reportedly killed 18 civilians–all members of one "
        "family–President Ashraf Ghani sent a message of condolence to the families of those killed."
    )
    head = found(text)[0]
    assert head == ("Civilian deaths caused by Taliban’s ‘use of houses’", ["Ashraf Ghani"], None)
    text = (
        "Some 28 people die as a result of shelling of regional administration building in Mykolaiv - Kim\n\n"
        "The number of people killed as a result of a shell hitting the building of Mykolaiv Regional State "
        "Administration has grown to 28 people, head of the regional administration Vitaliy Kim said."
    )
    assert found(text)[0][1] == ["Vitaliy Kim"]
    h = "Dozens killed in Russian missile strike on civilian convoy in Ukraine: regional governor"
    a, b, who = headline_speaker(h, "…, the regional governor said.", [Mention("the regional governor", True)])
    assert (h[a:b], who.text) == (
        "Dozens killed in Russian missile strike on civilian convoy in Ukraine",
        "the regional governor",
    )


def test_headline_from_body_a_lead_body() -> None:
    # unseen4/l1-journaldebruxelles-afp: the lead has no capitalised word after its colon
    text = (
        "Lebanon health ministry: 10 dead in Israeli strike\n"
        "Lebanon's health ministry said an Israeli air strike on Saturday in southern Lebanon killed 10 Syrians."
    )
    assert found(text)[0] == ("10 dead in Israeli strike", ["Lebanon's health ministry"], None)


def test_headline_from_body_not_a_topic() -> None:
    # unseen5/b1-bbc: "Kashmir attacks" is what the story is about, and no speaker of the body
    text = (
        "Kashmir attacks: Indian troops and civilians killed\n\n"
        "Security forces in Indian-administered Kashmir say they have shot dead three men who stormed a police "
        "station and an army camp, killing at least 10 people."
    )
    assert all(not claim.startswith("Indian troops") for claim, _, _ in found(text))
    assert len(found(text)) == 1


# speech verbs (kit.draft.lexicon): blamed_for, verb_as, verb_that


def test_blamed_for_with_its_object_and_for_only() -> None:
    # unseen4/j3-townhall-ap; not unseen5/a3-voa's nor unseen4/l1-journaldebruxelles-afp's "blamed"
    text = (
        "Kenyan military spokesman Maj. Emmanuel Chirchir blamed an al-Shabab fighter for the civilian deaths, "
        "saying he drove a burning truck of ammunition into the refugee camp in the town of Jilib where it exploded."
    )
    assert [n[-1].split()[-2:] for n in names(text)] == [["Emmanuel", "Chirchir"]]  # was "Kenyan"
    assert (
        found(
            "Kathua district is about 15 km from the border with Pakistan, which India has long blamed for pushing "
            "militants into its part of the disputed region."
        )
        == []
    )
    assert (
        found(
            "The killings led to vows of vengeance from Hezbollah, Iran and other Tehran-backed groups in the region "
            "which blamed Israel."
        )
        == []
    )


def test_verb_as_characterising_with_its_object() -> None:
    # unseen4/j3-townhall-ap and unseen3/z2-tass
    assert names("Al-Shabab identified the man as Abdisalan Taqabalahullaah.") == [["Al-Shabab"]]
    text = "The public figure called out the shelling of the caravan as an act of revenge by the Kiev-run authorities."
    assert names(text) == [["The public figure"]]


def test_verb_that() -> None:
    # unseen5/d1-trtworld-afp
    text = (
        'The defence ministry assured that the area where the attacks took place "is now in the control of military '
        'units and the counter-offensive to find the assailants is ongoing on the ground and in the air."'
    )
    assert names(text) == [["The defence ministry"]]


def test_a_draft_with_the_seventh_pass_passes_its_own_tables() -> None:
    # the whole path, on unseen4/b1-globalnews-ap's sentence: the man is a source, the strike is not
    case = draft_case(
        "A man wounded in the strike told The Associated Press that the extremists had approached a group of "
        "civilians celebrating a wedding on Sunday.",
        publisher="Global News",
        published="2021",
    )
    sources = list(case["sources"]["name"])
    assert not any("Strike" in s for s in sources) and any("Man" in s for s in sources)
