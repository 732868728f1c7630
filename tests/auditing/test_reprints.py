"""kit.auditing.reprints: a short sentence reprinted word for word by an outlet that copies the other elsewhere in the
story. Sentences of AFP's Mexico story as Arab News and The Independent (Bangladesh) printed it
(tests/audit_corpus/mexico-quake-2017, development material since it was scored)."""

from __future__ import annotations

from test_auditing import one, pairs_of

from kit.auditing import audit

LEAD = (
    "Rescuers dug through the rubble of a collapsed school in Mexico City on Wednesday in a desperate search for "
    "children trapped after a powerful earthquake killed more than 200 people."
)
SHORT = "Many children were still missing."


def _case(tmp_path, herald: list, name: str, short: str = SHORT):
    wire = [
        ("w1", "wire", "2017-09-20T08:00:00Z", "p", LEAD, "", ""),
        ("w2", "wire", "2017-09-20T08:00:00Z", "p", short, "", ""),
    ]
    rows = [(f"h{i}", "herald", "2017-09-20T12:00:00Z", "p", t, "", "") for i, t in enumerate(herald, 1)]
    return audit(one(tmp_path, wire + rows, name=name))


def test_a_short_sentence_reprinted_by_an_outlet_that_copies_the_other_is_copied_prose(tmp_path):
    rows = _case(tmp_path, [LEAD, SHORT], "copy")
    assert {("h1", "w1"), ("h2", "w2")} <= pairs_of(rows[rows["signal"] == "shared_text"])
    assert rows.set_index("claim_id").loc["h2", "evidence"] == "copied prose: Many children were still missing."


def test_a_short_sentence_alone_or_reworded_is_not(tmp_path):
    # the outlets copy each other nowhere else: four content words are too little evidence on their own
    alone = _case(tmp_path, ["A school collapsed in the capital's south.", SHORT], "alone")
    assert ("h2", "w2") not in pairs_of(alone)
    # the same content words, not the same sentence
    edited = _case(tmp_path, [LEAD, "Many children are still missing."], "edited")
    assert ("h2", "w2") not in pairs_of(edited)
    # a short quotation two outlets give alike is the speaker's (Nepal's prime minister, quoted by Reuters' outlets)
    said = '"It is a challenge and a very difficult hour for Nepal."'
    quoted = _case(tmp_path, [LEAD, said], "quoted", short=said)
    assert ("h2", "w2") not in pairs_of(quoted)


# Reuters' Sri Lanka story and its reprints (tests/audit_corpus/sri-lanka-easter-2019, development material since
# it was scored): a sentence cut short, and one with words put before it and its figure updated
HOTELS = (
    "The three hotels hit were the Shangri-La Colombo, Kingsbury Hotel in Colombo and the Cinnamon Grand Hotel, "
    "officials said."
)
CLAIMS = (
    "There were no immediate claims of responsibility for the attacks in a country which was at war for decades "
    "with Tamil separatists until 2009 during which bomb blasts in the capital were common."
)
FOREIGN = "Nine foreigners were among the dead, the officials said."


def _cut_case(tmp_path, wire_text: str, herald_text: str, name: str, *, related: bool = True):
    rows = [("w1", "wire", "2019-04-21T08:00:00Z", "p", wire_text, "", "")]
    rows.append(("h1", "herald", "2019-04-21T12:00:00Z", "p", herald_text, "", ""))
    if related:  # the Herald reprints another sentence of the wire's story
        rows += [
            ("w2", "wire", "2019-04-21T08:00:00Z", "p", HOTELS, "", ""),
            ("h2", "herald", "2019-04-21T12:00:00Z", "p", HOTELS, "", ""),
        ]
    rows = audit(one(tmp_path, rows, name=name))
    return pairs_of(rows[rows["signal"] == "shared_text"])


def test_a_sentence_cut_short_or_updated_by_an_outlet_that_copies_the_other_is_copied_prose(tmp_path):
    cut = "There were no immediate claims of responsibility for the attacks."
    assert ("h1", "w1") in _cut_case(tmp_path, CLAIMS, cut, "cut")
    updated = "At least 35 foreigners were among the dead, the officials said."
    assert ("h1", "w1") in _cut_case(tmp_path, FOREIGN, updated, "updated")


def test_a_sentence_cut_short_is_not_when_the_outlets_copy_nothing_else_or_it_is_reworded(tmp_path):
    cut = "There were no immediate claims of responsibility for the attacks."
    assert ("h1", "w1") not in _cut_case(tmp_path, CLAIMS, cut, "alone", related=False)
    # the same content words in another order, or another word changed than a figure
    assert ("h1", "w1") not in _cut_case(tmp_path, FOREIGN, "Among the dead were nine foreigners, officials said.", "o")
    assert ("h1", "w1") not in _cut_case(tmp_path, FOREIGN, "Nine tourists were among the dead, officials said.", "w")
    # a quotation (the Irish Times' "Ecuador has been hit tremendously hard . . ." and Correa's words in SBS)
    said = '"There were no immediate claims of responsibility for the attacks," the minister said on Sunday.'
    assert ("h1", "w1") not in _cut_case(tmp_path, said, cut, "quoted")
