"""kit.text.wording: figures, counts, days and cells as a reader reads them, hand-worked; an uncertain date read
from a case (kit.checking.dates) written as its range, never as its first day."""

import numpy as np
import pandas as pd
import pytest

from kit.checking.dates import parse_published_range
from kit.text.wording import (
    cell_text,
    date_words,
    figure_label,
    figure_words,
    plural,
    proposition_words,
    quoted_question,
    short_name,
    when_words,
)

NA = [None, float("nan"), pd.NA, np.nan]


@pytest.mark.parametrize(
    ("low", "high", "label", "words"),
    [
        (201, None, "201+", "at least 201"),
        (201.0, float("nan"), "201+", "at least 201"),
        (None, 200, "≤200", "at most 200"),
        (100, 100, "100", "100"),
        (100.0, "100", "100", "100"),
        (200, 300, "200–300", "200 to 300"),
        (2.5, 3, "2.5–3", "2.5 to 3"),
        (None, None, "", ""),
        (pd.NA, np.nan, "", ""),
    ],
)
def test_figures(low, high, label, words):
    assert figure_label(low, high) == label
    assert figure_words(low, high) == words


@pytest.mark.parametrize(
    ("args", "text"),
    [
        ((1, "claim"), "1 claim"),
        ((0, "claim"), "0 claims"),
        ((2, "origin source"), "2 origin sources"),
        ((1, "source is", "sources are"), "1 source is"),
        ((5, "source is", "sources are"), "5 sources are"),
    ],
)
def test_plural(args, text):
    assert plural(*args) == text


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        ("2018-02-07T22:10:00Z", "7 Feb 2018"),
        ("2018-02-13", "13 Feb 2018"),
        ("2018-02", "Feb 2018"),
        ("2020-02", "Feb 2020"),  # a leap February is still a whole month
        ("2018-12", "Dec 2018"),
        ("2018", "2018"),
        ("2018-02-08/2018-02-13", "8–13 Feb 2018"),
        ("2018-02/2018-03", "1 Feb–31 Mar 2018"),
        ("2017-12-30/2018-01-02", "30 Dec 2017–2 Jan 2018"),
        ("2018-01/2018-12", "2018"),
        ("2018-02-13/2018-02-13", "13 Feb 2018"),
    ],
)
def test_a_published_cell_is_written_as_the_days_it_may_be(cell, words):
    # the range as the checker reads it from a case, then written: the two ends of the pipeline agree
    lo, hi, bad = parse_published_range(pd.Series([cell], dtype=object))
    assert bad == []
    assert date_words(lo.iat[0], hi.iat[0]) == words
    assert when_words({"published": lo.iat[0], "published_latest": hi.iat[0]}) == words
    assert when_words(pd.Series({"published": lo.iat[0], "published_latest": hi.iat[0]})) == words


@pytest.mark.parametrize("latest", [None, pd.NaT, float("nan")])
def test_no_latest_is_one_day(latest):
    assert date_words(pd.Timestamp("2018-02-07T09:00:00Z"), latest) == "7 Feb 2018"
    assert when_words(pd.Series({"published": pd.Timestamp("2018-02-07")})) == "7 Feb 2018"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        *[(v, "") for v in NA],
        (True, "true"),
        (np.bool_(False), "false"),
        (3.0, "3"),
        (np.float64(2.5), "2.5"),
        (np.int64(7), "7"),
        (("a", "b"), "a;b"),
        (pd.Timestamp("2018-02-07 22:10", tz="UTC"), "2018-02-07T22:10:00Z"),
        ('x, "y"', 'x, "y"'),
    ],
)
def test_cell_text(value, text):
    assert cell_text(value) == text


def test_short_name_drops_only_a_long_names_note():
    assert short_name("Tsarizm (publisher of the seed article)") == "Tsarizm"
    assert short_name("Other media (unnamed)") == "Other media (unnamed)"  # short enough
    assert short_name("A very long name without any note at all") == "A very long name without any note at all"
    assert short_name("(a note that is all there is, and long)") == "(a note that is all there is, and long)"
    assert short_name("Tsarizm (seed)", most=5) == "Tsarizm"


def test_the_case_question_names_its_proposition_only(deir_case):
    # Deir ez-Zor's title ends "...: how many Russians were killed?" and is about russians_killed_feb7
    assert deir_case.meta["title"].endswith(": how many Russians were killed?")
    assert proposition_words(deir_case, "russians_killed_feb7") == "How many Russians were killed?"
    assert proposition_words(deir_case, "progov_killed_feb7") == "progov killed feb7"
    assert quoted_question(deir_case, "russians_killed_feb7") == "“How many Russians were killed?”"


def test_a_case_without_a_title_says_the_proposition_in_words(own_reporting_case):
    props = sorted(set(own_reporting_case.claims["proposition"]))
    assert [proposition_words(own_reporting_case, p) for p in props] == [p.replace("_", " ") for p in props]
