"""kit.draft.documents: documents, footage and images as speakers, and the weak_speaker guard (issue 21, fourth
pass). Each rule on a sentence of that kind from stored public news pages other than the corpus' (the page each comes
from is named beside it), not from tests/draft_corpus/unseen whose misses the rules were built for."""

from __future__ import annotations

import pytest

from kit.draft.cues import find_attributions
from kit.draft.documents import DOCUMENT_ONLY, document_speaker, weak_speaker
from kit.draft.extract import sentences
from kit.draft.nouns import Mention


def cited(text: str) -> list[tuple[list[str], str | None]]:
    """(names cited, relay) of each finding."""
    return [([c.text for c in f.cited], f.relay.text if f.relay else None) for f in find_attributions(sentences(text))]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (  # nymag.com, Boko Haram's attacks on Baga, 2015
            "Aerial photos released by Amnesty International show the sickening destruction of last week’s Boko Haram "
            "attacks on the Nigerian villages of Baga and Doron Baga.",
            "Amnesty International",
        ),
        (  # vice.com, the strike on the Kamouna camp, 2016: "posted on social media by"
            "A video posted on social media by the Syrian Civil Defense showed rescue workers attempting to put out "
            "fires which still burned among charred tent frames, pitched in a muddy field.",
            "the Syrian Civil Defense",
        ),
    ],
)
def test_released_by_gives_the_document_to_who_released_it(sentence, speaker):
    assert cited(sentence) == [([speaker], None)]


def test_provided_by_and_a_statement_from_name_the_author():  # ynetnews.com, southern Lebanon, 2024
    who, via = document_speaker("Satellite images provided by Planet Labs ")
    assert (who.text, who.about, via) == ("Planet Labs", "Satellite images provided by", None)
    who, via = document_speaker("A statement from the Health Ministry ")
    assert (who.text, via) == ("the Health Ministry", None)


def test_obtained_by_keeps_the_document_as_speaker_and_who_obtained_it_as_relay():
    # foxnews.com, Amnesty on Ukraine, 2015: "footage viewed by the group shows …"; the group only relays it
    who, via = document_speaker("footage viewed by the group ")
    assert (who.text, who.common, via.text) == ("footage viewed by the group", True, "the group")
    who, via = document_speaker("Video footage obtained by Reuters ")
    assert (who.text, via.text) == ("Video footage obtained by Reuters", "Reuters")


def test_a_document_from_a_place_has_no_author():  # voanews, Yirgou, 2019: "Pictures from Yirgou shared with VOA"
    assert document_speaker("Pictures from Yirgou shared with VOA ") is None
    assert document_speaker("Images from Gaza ") is None
    assert cited("Pictures from Yirgou shared with VOA showed burnt houses.") == []


def test_document_verbs_attribute_only_after_a_document():
    assert {"depicted", "indicates", "showed"} <= DOCUMENT_ONLY
    # windlasstrade (AFP), Sin Inn Gyi, 2022: a subject that is a picture
    assert cited("Satellite images depicted large swathes of settlements ravaged by fire.") == [
        (["Satellite images"], None)
    ]
    assert cited("The troops depicted the village as a rebel base.") == []  # not a document: no attribution


@pytest.mark.parametrize("text", ["its part", "the site", "abroad", "let’s", "a new", "half"])
def test_weak_speaker_is_a_fragment_of_the_sentence(text):
    assert weak_speaker(Mention(text, common=True))


@pytest.mark.parametrize(
    "m",
    [
        Mention("an aid group operating at the site", common=True),
        Mention("one survivor", common=True),
        Mention("the ministry", common=True),
        Mention("Site"),  # a name is never weak here: places are kept out where they are read
    ],
)
def test_weak_speaker_keeps_people_groups_bodies_and_names(m):
    assert not weak_speaker(m)
