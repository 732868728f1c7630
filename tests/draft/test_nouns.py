"""kit.draft.nouns: the words of a speaker's noun phrase, shared by kit.draft.phrases and kit.draft.objects (split from
kit.draft.phrases in issue 21's fourth pass; the rules themselves are tested through them in test_phrases.py)."""

from __future__ import annotations

from kit.draft.nouns import (
    CONNECTORS,
    DOC_FROM,
    capitalised,
    is_description,
    is_name,
    mention,
    np_word,
    of_the,
    report_of,
    tokens,
)


def test_tokens_keep_initials_and_addresses_whole():
    assert tokens("S.K. Gupta of AirNow.gov said") == ["S.K.", "Gupta", "of", "AirNow.gov", "said"]


def test_capitalised_and_connectors():
    assert capitalised("al-Malki") and capitalised("Reuters") and not capitalised("said")
    toks = tokens("International Committee of the Red Cross")
    assert of_the(toks, 2) and not of_the(toks, 1)
    assert {"of", "for", "to"} <= CONNECTORS and {"post", "footage", "figures"} <= DOC_FROM


def test_np_word_and_mention():
    assert np_word("officials") and not np_word("reported") and not np_word("with")
    m = mention(tokens("Air Force spokesman Olatokunbo Adesanya"))
    assert (m.text, m.about, m.common) == ("Olatokunbo Adesanya", "Air Force spokesman", False)
    assert mention(tokens("Residents")).common  # capital_group: a group opening a sentence is unnamed
    assert mention(tokens("Tuesday")) is None


def test_report_of_and_appositives():
    assert report_of(tokens("the Reuters report")).text == "Reuters"
    assert report_of(tokens("a December report")) is None
    assert is_description("also a volunteer group") and not is_description("Osai Ojigho")
    assert is_name("Osai Ojigho") and not is_name("a volunteer group")
