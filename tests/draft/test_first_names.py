"""kit.draft.first_names: a first name tells "he" or "she" only when it is on one of the kit's lists."""

from __future__ import annotations

from kit.draft.first_names import FEMALE, MALE, gender_of


def test_gender_of_a_first_name_and_nothing_else():
    assert gender_of("Mirella Hodeib") == "she" and gender_of("Turki al-Malki") == "he"
    assert gender_of("President Barack Obama") == "he"  # a title is skipped
    assert gender_of("Ma Hao") is None and gender_of("Reuters") is None and gender_of("Kim") is None
    assert not FEMALE & MALE  # no name on both lists
