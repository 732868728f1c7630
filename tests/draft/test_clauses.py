"""kit.draft.clauses: wire copy's constructions around a speech verb (issue 21, third pass), each rule on a sentence of
that kind from the air-strike articles of tests/draft_corpus/dev (the file each comes from is named beside it)."""

from __future__ import annotations

from kit.draft import draft_case
from kit.draft.clauses import (
    claim_span,
    closing,
    complement,
    headline_tail,
    possessive_cues,
    quote_closed_later,
    reported_by_outlet,
    shared_subject,
    speaker_like,
    split_pair,
)
from kit.draft.cues import find_attributions
from kit.draft.extract import sentences
from kit.draft.phrases import Mention


def cited(text: str) -> list[tuple[str, list[str]]]:
    """(claim text, names of the sources it cites, relays as 'via X') of each finding."""
    return [
        (f.sentence.text, [c.text for c in f.cited] + ([f"via {f.relay.text}"] if f.relay else []))
        for f in find_attributions(sentences(text))
    ]


def test_possessive_statement_makes_the_possessor_a_speaker_for_a_later_he():  # a1-aljazeera
    text = (
        "Major Adam Wojack, a spokesman for ISAF, said he was aware of an incident.\n"
        "The airstrike came within hours of US President Barack Obama's declaration that he would be withdrawing "
        "half the US troops in Afghanistan, 34,000 in all, by the end of this year.\n"
        "That would be followed by further troop withdrawals next year, he said."
    )
    got = cited(text)
    assert [g[1] for g in got] == [["Major Adam Wojack"], ["Barack Obama"], ["Barack Obama"]]
    assert [c[2].text for c in possessive_cues("Obama's declaration that it ended")] == ["Obama"]
    assert possessive_cues("the group's statement was short") == []  # no "that": no reported words


def test_coordinated_pair_cites_both_speakers():  # r1-jpost-reuters, n1-yahoo-reuters
    got = cited("Air strikes killed more than 10 civilians on Monday, a medical source and Houthi-run media reported.")
    assert got[0][1] == ["a medical source", "Houthi-run media"]
    got = cited(
        "A drone strike killed several militants, a regional government official and an Islamist militant said."
    )
    assert set(got[0][1]) == {"a regional government official", "an Islamist militant"}
    one = Mention("One Pakistani intelligence official and government source", common=True)
    assert split_pair(one) == [one]  # one person, both an official and a source
    assert speaker_like(Mention("Houthi-run media", common=True)) and not speaker_like(Mention("the bus", True))


def test_headline_tail_reads_the_speaker_after_a_colon_or_a_dash():  # q1-9news-afp, n1-yahoo-reuters
    got = cited("Mosul air strikes kill dozens of civilians: Iraqi officials\n\nSmoke rose over the city.")
    assert got == [("Mosul air strikes kill dozens of civilians: Iraqi officials", ["Iraqi officials"])]
    assert headline_tail("Suspected U.S. drone strike targets Pakistani Taliban militants - regional official")
    assert headline_tail("Credit: Fayetteville Police Department") is None  # a caption's credit, no headline
    assert headline_tail("Officials said the toll rose: Iraqi officials.") is None  # a sentence, not a headline


def test_quote_closed_later_is_not_the_previous_paragraphs_speaker():  # r4-ecocci
    text = (
        "The International Committee for the Red Cross said a hospital it supports had received 29 bodies of "
        '"mainly children".\n'
        '"(The hospital) is very busy. They\'ve been receiving wounded since the morning," Red Cross head of '
        "communications and spokesperson Mirella Hodeib said."
    )
    got = cited(text)
    assert got[1] == ('"(The hospital) is very busy.', ["Mirella Hodeib"])  # not also the Red Cross
    assert len(got) == 3 and quote_closed_later(sentences(text), 1)


def test_outlet_closing_relays_the_speaker_before_it():  # r2-ibtimes-reuters
    s = (
        "But the Saudi-led coalition's spokesman Colonel Turki al-Malki said only that a Tornado jet had crashed in "
        "Al-Jawf, Saudi state news agency (SPA) reported on Saturday, without more details."
    )
    assert cited(s)[0][1] == ["Turki al-Malki", "via Saudi state news agency"]
    s = "Police said 3 died, Radio New Zealand reported."
    spoke = [
        (7, "speaker", Mention("Police"), "said", None),
        (38, "speaker", Mention("Radio New Zealand"), "reported", None),
    ]
    assert reported_by_outlet(s, spoke) and not reported_by_outlet(s.replace(".", ", and more."), spoke)


def test_told_agency_and_statement_quoting_name_the_relay():  # a1-aljazeera, r3-vice
    got = cited(
        '"Foreign forces carried out the attack," Kunar governor Fazlullah Wahidi told the Reuters news agency.'
    )
    assert got[0][1] == ["Fazlullah Wahidi", "via the Reuters news agency"]
    got = cited(
        '"[The airstrikes] conformed to international and humanitarian laws," a statement quoting coalition spokesman '
        "Colonel Turki al-Malki said, according to the Saudi-owned Al-Arabiya network."
    )
    assert got[0][1] == ["Turki al-Malki", "via the Saudi-owned Al-Arabiya network"]
    names = set(draft_case(got[0][0], publisher="Vice", published="2018-08-09")["sources"]["name"])
    assert {"Turki al-Malki", "Al Arabiya"} <= names


def test_moved_helpers_keep_their_rules():
    s = "X called for calm, sources said."
    assert closing(
        s, [(2, "speaker", Mention("X"), "called for", None), (27, "speaker", Mention("sources"), "said", None)]
    )
    assert complement("X says that according to Y, 3 died", (2, "speaker", None, "says"), (12, "according"))
    assert claim_span('He said: "It was a very bad night for us."', [(3, "speaker")], [0] * 45) == (
        10,
        41,
    )  # the quotation, without its marks


def test_shared_subject_after_an_irregular_verb_and_a_quotation():
    # twelfth pass (unseen13/r1-citizen-afp, r2, r3): "gave" opens the predicate, a quotation follows it, and the
    # body ("army", an organisation's head noun) speaks the verb after "and"
    s = (
        "The army gave no other details, but expressed “sincere condolences” to relatives of the dead and said an "
        "inquiry had been launched."
    )
    assert [[c.text for c in f.cited] for f in find_attributions(sentences(s))] == [["The army"]]
    assert shared_subject("The army gave no details, but “x” and ").text == "The army"
    assert shared_subject("The fire gave way and ") is None  # no speaker
    assert shared_subject("“We”, the army gave no details and ") is None  # a quotation before the verb
