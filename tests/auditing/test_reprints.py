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


# Reuters' central Italy story and The Nation's reprint of it (tests/audit_corpus/italy-quake-2016, development part):
# The Nation copies four other sentences of Reuters' story, and edits the mayor's count in reported speech
REPRINTED = (
    "Italy plans to hold a state funeral for around 40 of the victims on Saturday, which will be held in the nearby "
    "city of Ascoli Piceno.",
    "A day of national mourning was announced, with flags due to fly at half mast around the country for the dead, "
    "who include a number of foreigners.",
    "The civil protection department in Rome said nearly 400 people were being treated for injuries in hospitals, and "
    "40 of them were in critical condition.",
    "An estimated 2,500 people were left homeless by the most deadly quake in Italy since 2009.",
)
MAYOR = (
    "Mayor Sergio Pirozzi said around 15 people, including some children and the local baker, had not been accounted "
    "for."
)
EDITED = "He said that 15 people, including some children, had not been accounted for."


def _edited_case(tmp_path, wire_text: str, herald_text: str, name: str, reprinted=REPRINTED):
    rows = [("w0", "wire", "2016-08-26T08:00:00Z", "p", wire_text, "", "")]
    rows.append(("h0", "herald", "2016-08-26T12:00:00Z", "p", herald_text, "", ""))
    for i, t in enumerate(reprinted, 1):
        rows += [(f"w{i}", "wire", "2016-08-26T08:00:00Z", "p", t, "", "")]
        rows += [(f"h{i}", "herald", "2016-08-26T12:00:00Z", "p", t, "", "")]
    rows = audit(one(tmp_path, rows, name=name))
    return pairs_of(rows[rows["signal"] == "shared_text"])


def test_a_sentence_edited_by_an_outlet_that_reprints_the_others_story_is_copied_prose(tmp_path):
    assert ("h0", "w0") in _edited_case(tmp_path, MAYOR, EDITED, "edited")


def test_an_edited_sentence_is_not_between_outlets_that_copy_little_else_or_when_quoted(tmp_path):
    # three other sentences copied are not enough (a shared description of the hotels hit, or an official's count,
    # between outlets that copy each other in two or three sentences: the fourth held-out part's stock phrases)
    mayor, edited = MAYOR.replace("around 15", "many"), EDITED.replace("15", "many")
    assert ("h0", "w0") not in _edited_case(tmp_path, mayor, edited, "three", reprinted=REPRINTED[:3])
    # ... unless the edit keeps the mayor's figure outside any quotation: a wire sentence restated around its figure
    # (kit.auditing.restated), between outlets listed as copying each other three times
    assert ("h0", "w0") in _edited_case(tmp_path, MAYOR, EDITED, "three15", reprinted=REPRINTED[:3])
    # under 0.8 of the shorter text's content words in the other
    other = "He said that 15 people, among them a priest and two nuns, were still under the rubble."
    assert ("h0", "w0") not in _edited_case(tmp_path, MAYOR, other, "other")
    # a quotation two outlets give alike is the speaker's
    quoted = '"15 people, including some children, have not been accounted for," the mayor said.'
    assert ("h0", "w0") not in _edited_case(tmp_path, MAYOR, quoted, "quoted")
