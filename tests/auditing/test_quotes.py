"""The speaker rules of kit.auditing.quotes, on sentences of real pages (none from the held-out part of
tests/audit_corpus)."""

from __future__ import annotations

from test_auditing import one, pairs_of

from kit.auditing import audit
from kit.auditing.quotes import full_names, one_entity, speaker

# CILACAP.INFO on BMKG's head, 2022 (en.cilacap.info/article/omg-head-bmkg-warned-potential-earthquake-magnitude-8-7-
# on-south-coast-central-java): the page names her in full once, then by her given name ("said Dwikorita"); the
# second outlet's sentence gives the same words to her family name (the form other outlets use)
FULL = (
    "Head of Meteorology, Climatology and Geophysics Agency (BMKG) Dwikorita Karnawati warned that potential for a "
    "megathrust earthquake with a magnitude (M) of 8.7 on south coast of Central Java is not just a prediction."
)
WORDS = (
    "This is not a prediction, it is not a prediction, it will not necessarily happen. It is not just an analysis of "
    "earthquake and tsunami experts by calculating worst possibility"
)


def test_two_parts_of_one_full_name_are_one_speaker():
    assert speaker(f"“{WORDS},” said Dwikorita.") == "Dwikorita"
    assert speaker(f"“{WORDS},” Karnawati said.") == "Karnawati"
    names = full_names([FULL])
    assert one_entity("Karnawati", "Dwikorita", names)
    assert not one_entity("Karnawati", "Dwikorita")  # without the full name, nothing says they are one
    assert not one_entity("Karnawati", "Najmul Akhyar", names)  # a name outside the full name is someone else
    assert one_entity("", "Karnawati") and one_entity("Dwikorita Karnawati", "Karnawati")


def _case(tmp_path, full_in_story: bool, name="c"):
    return one(
        tmp_path,
        [
            ("k0", "radio", "2022-08-10T08:00:00Z", "p" if full_in_story else "q", FULL, "", ""),
            ("k1", "wire", "2022-08-10T10:00:00Z", "p", f"“{WORDS},” said Dwikorita.", "", ""),
            ("k2", "herald", "2022-08-10T12:00:00Z", "p", f"“{WORDS},” Karnawati said.", "", ""),
        ],
        name=name,
    )


def test_a_quotation_given_to_two_parts_of_one_name_in_the_story_is_a_shared_quotation(tmp_path):
    assert ("k2", "k1") not in pairs_of(audit(_case(tmp_path, True, "same")))
    # the full name in another story does not join the two names: the same words given to two people
    rows = audit(_case(tmp_path, False, "other"))
    assert ("k2", "k1") in pairs_of(rows[rows["signal"] == "shared_text"])
