"""kit.auditing.framing: a quotation copied with the reporter's description of the speaker is copied prose; the
ordinary ways of naming a speaker (a title and a name, "told reporters") stay a shared quotation. Sentences of
Reuters' Fuego story (tests/audit_corpus/guatemala-volcano-2018, development material since it was scored) and of
an AP page, with the ways other outlets named the same speakers."""

from __future__ import annotations

from test_auditing import one, pairs_of

from kit.auditing import audit
from kit.auditing.framing import described

WORDS = (
    "It’s a river of lava that overflowed its banks and affected the El Rodeo village. There are injured, burned and "
    "dead people"
)
#: Reuters, 4 June 2018: the quotation and the reporter's description of the speaker
REUTERS = (
    f"“{WORDS},” Sergio Cabanas, the general secretary of Guatemala’s CONRED national disaster management agency, "
    "said on radio."
)


def test_the_description_of_a_speaker_is_the_lower_case_words_of_the_attribution():
    assert [w for w, _, _ in described(REUTERS)] == [
        "general",
        "secretary",
        "national",
        "disaster",
        "management",
        "agency",
    ]
    # a title and a name, a speech clause, an agency's own name: how every outlet names the speaker
    assert described(f"“{WORDS},” Prime Minister Sushil Koirala told Reuters.") == []
    assert described(f"“{WORDS},” Cabanas said in a statement on Monday.") == []
    said = "Sutopo Purwo Nugroho, spokesman for the National Disaster Management Agency, said: “We found more.”"
    assert [w for w, _, _ in described(said)] == ["spokesman"]


def _case(tmp_path, later: str, name: str):
    return one(
        tmp_path,
        [
            ("k1", "wire", "2018-06-04T08:00:00Z", "p", REUTERS, "", ""),
            ("k2", "herald", "2018-06-04T12:00:00Z", "p", later, "", ""),
        ],
        name=name,
    )


def test_a_quotation_reprinted_with_the_reporters_description_of_the_speaker_is_copied_prose(tmp_path):
    # reprinted whole (My Daily Informer), and with the framing moved before the quotation (Trend, after The Guardian)
    moved = (
        f"Sergio Cabanas, the general secretary of Guatemala’s Conred disaster agency, said on the radio: “{WORDS}.”"
    )
    for i, later in enumerate((REUTERS, moved)):
        rows = audit(_case(tmp_path, later, f"c{i}"))
        rows = rows[rows["signal"] == "shared_text"]
        assert pairs_of(rows) == {("k2", "k1")}
        assert rows["evidence"].iloc[0].startswith("copied prose: general secretary of Guatemala’s ")
        assert "; both quote: " in rows["evidence"].iloc[0]


def test_the_same_quotation_with_a_speaker_named_otherwise_stays_a_shared_quotation(tmp_path):
    # the same words with the speaker named by a title, a name and a speech clause (the BBC's version gives his
    # post in other words): both rest on Cabanas, neither on the other
    for i, later in enumerate(
        (
            f"“{WORDS},” Conred chief Sergio Cabanas told reporters on Monday.",
            f"“{WORDS},” said Sergio Cabanas, head of the national disaster agency Conred.",
        )
    ):
        rows = audit(_case(tmp_path, later, f"o{i}"))
        assert ("k2", "k1") not in pairs_of(rows[rows["signal"] == "shared_text"])
