"""kit.text.style: one colour, line style and word for every kind, relation, grade and drift flag the case format
knows (read from kit.schema, so a new one cannot be left without), and the drift flags of kit.drift as words."""

import colorsys

import numpy as np
import pandas as pd
import pytest

import kit
from kit.schema import KINDS, RELATIONS, RELIABILITY
from kit.text.style import (
    CREDIBILITY_WORDS,
    DRIFT_WORDS,
    KIND_COLOURS,
    RELATION_STYLE,
    RELIABILITY_WORDS,
    UNCHECKABLE,
    drift_words,
    grade_words,
)


def _warm_and_vivid(colour: str) -> bool:
    """Red to orange (hue within 40 degrees of red), saturated and bright."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    h, s, v = colorsys.rgb_to_hsv(r, g, b)
    return (h * 360 <= 40 or h * 360 >= 340) and s > 0.6 and v > 0.8


def test_every_kind_has_its_own_colour():
    assert set(KIND_COLOURS) == set(KINDS)
    assert len(set(KIND_COLOURS.values())) == len(KIND_COLOURS)
    assert all(len(c) == 7 and int(c[1:], 16) >= 0 for c in KIND_COLOURS.values())


def test_the_uncheckable_kinds_are_warm():
    assert set(UNCHECKABLE) <= set(KINDS)
    assert [k for k, c in KIND_COLOURS.items() if _warm_and_vivid(c)] == [k for k in KINDS if k in UNCHECKABLE]


def test_every_relation_and_own_reporting_has_a_style():
    assert set(RELATIONS) < set(RELATION_STYLE)
    assert len(RELATION_STYLE) == len(RELATIONS) + 1  # and own reporting
    assert {s for s, _ in RELATION_STYLE.values()} <= {"solid", "dashed", "dotted", "dashdot"}
    assert len(set(RELATION_STYLE.values())) == len(RELATION_STYLE)  # no two drawn alike


def test_every_grade_has_words():
    assert set(RELIABILITY_WORDS) == set(RELIABILITY)
    assert sorted(CREDIBILITY_WORDS) == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize(
    ("grade", "words"),
    [
        ("A", "completely reliable"),
        (" f ", "reliability cannot be judged"),
        ("G", ""),
        (1, "confirmed"),
        (np.int64(6), "truth cannot be judged"),
        (2.0, "probably true"),
        (7, ""),
        (None, ""),
        (pd.NA, ""),
        (float("nan"), ""),
    ],
)
def test_grade_words(grade, words):
    assert grade_words(grade) == words


def test_drift_words_of_the_drift_fixture(drift_case):
    rows = kit.drift(drift_case, "russians_killed")
    flags = list(DRIFT_WORDS)
    assert set(flags) <= set(rows.columns)
    for row, record in zip(rows.itertuples(index=False), rows.to_dict("records"), strict=True):
        expected = ", ".join(DRIFT_WORDS[f] for f in flags if record[f])
        assert drift_words(row) == drift_words(record) == expected
    # k2 -> k1: 2 rumoured fighters' casualties grew to 201+ Russian citizens killed, asserted (tests/conftest.py)
    first = rows.to_dict("records")[0]
    assert (first["claim_id"], first["cites"]) == ("k2", "k1")
    assert drift_words(first) == "inflated, scope changed, measure changed, hardened"


def test_drift_words_of_nothing():
    assert drift_words({}) == "" and drift_words({"inflated": False}) == ""
