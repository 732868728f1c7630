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
