"""kit draft's tenth pass (issue 21): precision first, on the kinds of error the ninth held-out part (unseen8) showed.
Each rule is tested on sentences of its kind written for the test (not copied from the corpus), and on what it must
leave alone."""

from __future__ import annotations

import pytest

from _findings import found, names
from kit.draft import draft_case
from kit.draft.coref import is_person
from kit.draft.counts import not_a_count
from kit.draft.documents import document_speaker
from kit.draft.heads import named_body
from kit.draft.numbers import figures
from kit.draft.objects import object_after
from kit.draft.phrases import Mention, subject_before

# speaker_age (kit.draft.counts): an age after the name of a speaker who follows the speech verb is no count


@pytest.mark.parametrize(
    "text",
    [
        '"The roof fell in," said Aylin, 41, who sells bread near the square.',
        "“We ran to the river,” said Tomas Berrow, 19.",
        "“Nobody came for hours,” recalled Ana Lima Soto, 62; her house was flattened.",
        # as the draft reads it: the speaker's name blanked before the figures are read
        '"The roof fell in," said      , 41, who sells bread near the square.',
    ],
)
def test_speaker_age_is_not_a_count(text) -> None:
    at = next(i for i, c in enumerate(text) if c.isdigit())
    assert not_a_count(text, at, at + 2) == "age"
    assert figures(text) == []


@pytest.mark.parametrize(
    "text, low",
    [
        ("The toll rose, said Reuters, 12 of them children.", 12),  # a count after the name: not an age
        ("He said, 37 were killed in the blast.", 37),
        ("Police said 41 people were killed.", 41),
    ],
)
def test_speaker_age_leaves_counts_alone(text, low) -> None:
    assert [f.low for f in figures(text)] == [low]


def test_speaker_age_gives_a_quoted_witness_no_figure() -> None:
    text = (
        "A blast hit the market on Friday, killing at least nine people, police said. "
        '"I saw the smoke and ran," said Karim, 34, who sells fruit there.'
    )
    claims = draft_case(text, publisher="Example Post", published="2020-05-01")["claims"]
    assert sorted(int(v) for v in claims["low"] if v) == [9]


# acronym_before_auxiliary (kit.draft.phrases): the acronym of a name before "has" is its alias, not a stop


def test_acronym_before_auxiliary_keeps_the_speaker() -> None:
    found = subject_before("The outlawed rebel group Northern Liberation Front (NLF) has ")
    assert isinstance(found, Mention) and not found.common
    assert found.text == "Northern Liberation Front" and found.about.endswith("(NLF)")
    text = "The outlawed rebel group Northern Liberation Front (NLF) has claimed the bombing of the depot."
    assert names(text) == [["Northern Liberation Front"]]


def test_acronym_before_auxiliary_after_a_body_and_not_after_other_brackets() -> None:
    assert subject_before("Officials in the capital (at noon) have ") is None  # not an acronym: no speaker
    assert names("The ministry (MoH) has said four people died.") == [["The ministry"]]


# named_body (kit.draft.heads before the verb, kit.draft.objects after it): a body's noun named beside it is the name


@pytest.mark.parametrize(
    "text, cited",
    [
        ("A rebel faction, the Southern Hills Movement, claimed the ambush on the convoy.", "Southern Hills Movement"),
        ("The Red Dawn Front (RDF) militant group on Monday claimed the raid on the depot.", "The Red Dawn Front"),
        ("The raid on the depot was claimed by the militant group Red Dawn Front.", "Red Dawn Front"),
        ("The ambush was claimed by the Hills-based rebel outfit Southern Hills Movement.", "Southern Hills Movement"),
    ],
)
def test_named_body_cites_the_name_not_the_noun(text, cited) -> None:
    assert names(text) == [[cited]]


def test_named_body_leaves_a_body_without_a_name_alone() -> None:
    assert names("A rebel group, the largest in the hills, claimed the raid on the depot.") == [["A rebel group"]]
    assert names("The raid was claimed by a little-known militant group.") == [["a little-known militant group"]]
    p = "A rebel group, the largest in the hills, "
    assert named_body(p, subject_before(p)) == subject_before(p)


# source_noun (kit.draft.verbs): "reports" ending the source named after "according to" is a noun, not a verb


def test_source_noun_cites_the_reports_not_the_name_before_them() -> None:
    text = "The convoy was hit near the home of Farid Osman, who had fled the town, according to local media reports."
    assert names(text) == [["local media reports"]]  # was Farid Osman, "reports" read as his verb
    assert names("Nine people died in the blast, the worst since 2019, citing hospital reports.") == [
        ["hospital reports"]
    ]


def test_source_noun_leaves_reports_as_a_verb_alone() -> None:
    assert names("Nine people died, as the local paper reports.") == [["the local paper"]]
    assert names("The agency reports that nine people died.") == [["The agency"]]


# citing_between (kit.draft.phrases): "X citing Y reported": X speaks (the relay), Y is the source it cites


def test_citing_between_the_relay_is_the_name_before_citing() -> None:
    text = "Earlier, Radio Dabanga citing a hospital source reported that the second blast was a car bomb."
    assert found(text)[0][1:] == (["a hospital source"], "Radio Dabanga")  # the relay was "source"
    assert subject_before("Earlier, Radio Dabanga citing a hospital source ").text == "Radio Dabanga"


def test_citing_between_leaves_the_comma_form_and_lower_case_openings_alone() -> None:
    text = "Radio Dabanga, quoting hospital sources, said the second blast was a car bomb."
    assert found(text)[0][1:] == (["hospital sources"], "Radio Dabanga")
    assert subject_before("the ones citing a source ") is None or subject_before("the ones citing a source ").common


@pytest.mark.parametrize(
    "text, cited",
    [
        ("Nine people died in the raid, according to the country's official news agency Nova.", "Nova"),
        ("The bombers used two trucks, the rebels said, citing the news agency Sawt.", "Sawt"),
        ("Nine people died in the raid, the state broadcaster KTV reported.", "KTV"),
    ],
)
def test_named_body_reads_an_outlet_named_after_its_noun(text, cited) -> None:
    assert cited in [n for ns in names(text) for n in ns]


def test_named_body_not_after_a_noun_named_already_nor_a_day() -> None:
    text = "A council member told the AFP news agency Afghan forces carried out two raids."
    assert found(text)[0][1:] == (["A council member"], "the AFP news agency")
    assert object_after("the agency Monday.").text == "the agency"


# other_modifier, body_not_person (kit.draft.coref): a description is not an earlier speaker of another nation, nor a
# person


def test_other_modifier_a_description_of_another_nation_is_its_own_speaker() -> None:
    text = (
        "Nine people were killed in the shelling of Tarvin, Valdoria's Ministry of Health said on Sunday. "
        "The Ostrian defence ministry denied that its forces had fired on the town."
    )
    assert names(text) == [["Valdoria's Ministry of Health"], ["The Ostrian defence ministry"]]


def test_other_modifier_keeps_a_description_of_the_same_nation() -> None:
    text = (
        "Nine people were killed in the shelling of Tarvin, Valdoria's Ministry of Health said on Sunday. "
        "The Valdorian ministry later said two of the dead were children."
    )
    assert names(text)[1] == ["Valdoria's Ministry of Health"]


def test_body_not_person_the_military_is_not_its_spokesperson() -> None:
    text = (
        "Ostrian military spokesperson Lena Varga said on Monday that jets had struck a rebel camp. "
        "The Ostrian military denied it had killed civilians."
    )
    assert names(text) == [["Lena Varga"], ["The Ostrian military"]]


# the_acronym (kit.draft.coref.is_person): "the NLF" is a body, whom a later "it" may be


def test_the_acronym_is_a_body_that_it_may_be() -> None:
    text = (
        "The interior ministry called the truce a ploy. "
        "Hours later, the NLF announced it would halt attacks. It said that its fighters would hold their fire."
    )
    assert names(text)[-1] == ["the NLF"]  # was the ministry: "the NLF" taken for a person
    assert not is_person(Mention("the NLF")) and is_person(Mention("Lena Varga"))


# online_document (kit.draft.documents): a document seen online is the speaker, its phrase whole


@pytest.mark.parametrize(
    "text, cited",
    [
        ("A clip on social media showed smoke rising over the depot.", "A clip on social media"),
        ("Photos widely shared online show the bridge in ruins.", "Photos widely shared online"),
        ("Several videos posted on Telegram showed fires near the port.", "Several videos posted on Telegram"),
    ],
)
def test_online_document_is_the_whole_phrase(text, cited) -> None:
    assert names(text) == [[cited]]  # was the document's noun alone, or "social media"


def test_online_document_leaves_an_author_and_plain_social_media_alone() -> None:
    who, via = document_speaker("A video released on social media by the Red Dawn Front ")
    assert who.text == "the Red Dawn Front" and via is None  # released_by: the author's word
    assert document_speaker("Users on social media ") is None


# place_body (kit.draft.phrases): "a spokesperson for Tarvin police": the body named by its place stays in the phrase


def test_place_body_keeps_the_body_after_for() -> None:
    assert names("Nine people died, a spokesman for Tarvin police said.") == [["a spokesman for Tarvin police"]]
    assert names("A spokeswoman for Tarvin city council said nine died.") == [["A spokeswoman for Tarvin city council"]]


def test_place_body_not_a_persons_name_after_for() -> None:
    assert names("The agency's director for Ostria Lena Varga said nine died.") == [["Lena Varga"]]


# wire_saw (kit.draft.witnessed): a wire named as the subject of "saw" is its own reporter


def test_wire_saw_the_wire_states_what_it_saw() -> None:
    assert names("At dawn, Reuters saw smoke rising over the depot.") == [["Reuters"]]
    assert names("AFP later saw two more bodies pulled from the river.") == [["AFP"]]


def test_wire_saw_not_a_person_or_a_thing() -> None:
    assert names("Lena Varga saw smoke rising over the depot.") == []  # a person seeing is no statement here
    assert names("The week saw prices rise across Ostria.") == []


# title_in_passing (kit.draft.coref): a person named with a title, in passing, is whom a later "he" may be


def test_title_in_passing_he_is_the_titled_person_named_before() -> None:
    text = (
        "Interior Minister Tomas Berrow gave the new toll at a news conference in Tarvin. "
        "“Nine people were killed at the depot,” he said."
    )
    assert names(text) == [["Tomas Berrow"]]  # "he" had no one to be


def test_title_in_passing_not_a_title_alone() -> None:
    text = "The Interior Minister visited the depot. “Nine people were killed,” he said."
    assert names(text) == []


# outlet_after (kit.draft.verbs): a well-known outlet after an inverted verb, under a lower-case modifier


def test_outlet_after_an_inverted_verb_with_a_modifier() -> None:
    assert names("“Nine people died at the depot,” said official Xinhua news agency.") == [
        ["official Xinhua news agency"]
    ]


def test_outlet_after_not_any_lower_case_phrase() -> None:
    assert names("“Nine people died at the depot,” said thought out.") == []  # no outlet: not a speaker
