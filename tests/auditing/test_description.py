"""kit.auditing.description: a quotation repeated with the reporter's description of its speaker or of the occasion,
between two reports that copy each other elsewhere, is copied prose; with the speaker's bare name, title, post or
speech clause it is not. On the real coverage's sentences (tests/audit_corpus/): the AP's lead and Abdullah Lotfy's
words in two copies of its story on the Mina hajj crush ("…,” said Abdullah Lotfy of Egypt"), and the framings of
quotations annotated as shared (Koirala "told Reuters", Merkel "said in a statement", "the official added")."""

from __future__ import annotations

import pandas as pd
import pytest
from test_aligned import write
from test_auditing import pairs_of
from test_framing import sentences

import kit
from kit.auditing import audit
from kit.auditing.description import DESCRIBED, LINKED_ONCE, SAME_QUOTE, description
from kit.auditing.framing import LINKED, QUOTED
from kit.auditing.framing import SAME_QUOTE as FRAMING_SAME_QUOTE

AP = sentences("mina-hajj-stampede-2015", "eyeontheworld")  # the AP's story (Eye on the World)
STAR = sentences("mina-hajj-stampede-2015", "torontostar")  # the AP's story (Toronto Star)


def shared_text(case) -> pd.DataFrame:
    rows = audit(case, rejected=())
    return rows[rows["signal"] == "shared_text"]


def test_the_settings():
    # one listed pair links two reports here (the framing rule of kit.auditing.framing asks two), the quotation
    # may be a little more reworded than there (6 of 8 of its words: "Silt, weeds and mud" / "Mud, weed and muck")
    assert LINKED_ONCE == 1 < LINKED and QUOTED == 2
    assert SAME_QUOTE == 0.75 < FRAMING_SAME_QUOTE and DESCRIBED == 0.75


def test_the_real_sentences_are_these():
    assert AP[1] == '"People were climbing over one another just to breathe," said Abdullah Lotfy of Egypt.'
    assert STAR[1] == "“People were climbing over one another just to breathe,” said Abdullah Lotfy of Egypt."


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("“People were climbing over one another just to breathe,” said Abdullah Lotfy of Egypt.", {"egypt"}),
        (
            "“Mud, weed and muck are hampering our efforts to find missing people,” said Ankit Yadav, a diver.",
            {"diver"},
        ),
        (
            '"The country is going through an unspeakable tragedy," Greek Prime Minister Alexis Tsipras said in a '
            "televised address.",
            {"televised", "address"},
        ),
        ('"I don\'t know what happened to him," said an elderly grandmother.', {"elderly", "grandmother"}),
    ],
)
def test_the_reporters_description_of_the_speaker_or_the_occasion(text, words):
    assert description(text) == words


@pytest.mark.parametrize(
    "text",
    [
        "“The government is doing all it can for rescue and relief on a war footing,” Prime Minister Sushil Koirala "
        "told Reuters.",
        "“The government is doing all it can,” Koirala said in an interview with Reuters.",
        "“It is with sadness and dismay that I think of our compatriots,” German Chancellor Angela Merkel said in a "
        "statement.",
        "“The situation is under control,” the official added.",
        "“Only a miracle can bring our friends back,” he told reporters.",
        "“A police spokesman said: “The fire is out.”",
    ],
)
def test_a_bare_attribution_describes_nothing(text):
    # the annotated shared quotations' framings: a pronoun, a title and a name, a post, the speech clause
    assert description(text) == set()


def test_a_quotation_with_the_agencys_description_of_the_speaker_is_copied_prose(tmp_path):
    # the AP's lead is listed (one pair): the reports copy each other; Lotfy's words with "of Egypt" are the AP's too
    articles = [("eyeontheworld", "2015-09-24T15:00:00Z", AP[:2]), ("torontostar", "2015-09-24T16:00:00Z", STAR[:2])]
    rows = shared_text(kit.load_case(write(tmp_path / "c", articles)))
    assert {("torontostar-1", "eyeontheworld-1"), ("torontostar-2", "eyeontheworld-2")} <= pairs_of(rows)
    ev = rows.set_index(["claim_id", "cites"])["evidence"][("torontostar-2", "eyeontheworld-2")]
    assert ev.startswith("copied prose: egypt; both quote: people climbing one another breathe")
    assert "same description" in ev


def test_with_the_bare_name_it_is_a_shared_quotation(tmp_path):
    bare = [s.replace(" of Egypt", "") for s in AP[:2]], [s.replace(" of Egypt", "") for s in STAR[:2]]
    articles = [("eyeontheworld", "2015-09-24T15:00:00Z", bare[0]), ("torontostar", "2015-09-24T16:00:00Z", bare[1])]
    got = pairs_of(shared_text(kit.load_case(write(tmp_path / "c", articles))))
    assert ("torontostar-1", "eyeontheworld-1") in got and ("torontostar-2", "eyeontheworld-2") not in got


def test_between_reports_that_copy_nothing_else_it_is_not_listed(tmp_path):
    # the lead rewritten in one of them: no pair links the reports, the description alone lists nothing
    other = ["Hundreds of pilgrims died on Thursday near Mecca when two crowds met.", STAR[1]]
    articles = [("eyeontheworld", "2015-09-24T15:00:00Z", AP[:2]), ("torontostar", "2015-09-24T16:00:00Z", other)]
    got = pairs_of(shared_text(kit.load_case(write(tmp_path / "c", articles))))
    assert ("torontostar-2", "eyeontheworld-2") not in got


def test_a_description_shared_around_other_words_is_not_listed(tmp_path):
    # the same description around words of the speaker's that the other report does not quote
    other = [STAR[0], "“It was like a wave. You go forward and suddenly you go back,” said Abdullah Lotfy of Egypt."]
    articles = [("eyeontheworld", "2015-09-24T15:00:00Z", AP[:2]), ("torontostar", "2015-09-24T16:00:00Z", other)]
    got = pairs_of(shared_text(kit.load_case(write(tmp_path / "c", articles))))
    assert ("torontostar-1", "eyeontheworld-1") in got and ("torontostar-2", "eyeontheworld-2") not in got
