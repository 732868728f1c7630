"""kit.cells: the one rule for an empty cell and the one writer of a moment as text.

The round trips are checked with hypothesis against pandas' own reader: whatever ``iso_text`` writes, pandas reads
back as the same instant, and whatever ``published_text`` writes, the case reader reads back as the same two points.
"""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.cells import is_missing, is_null, iso_text, published_text
from kit.checking.dates import parse_published_range

EMPTY = [None, pd.NA, pd.NaT, float("nan")]
BLANK = ["", " ", "\t\n"]
VALUES = [0, 0.0, False, "0", "x", pd.Timestamp("2018-02-07"), "  a  "]


@pytest.mark.parametrize("v", EMPTY, ids=repr)
def test_no_value_is_null_and_missing(v):
    assert is_null(v) and is_missing(v)


@pytest.mark.parametrize("v", BLANK, ids=repr)
def test_blank_text_is_missing_but_not_null(v):
    assert is_missing(v) and not is_null(v)


@pytest.mark.parametrize("v", VALUES, ids=repr)
def test_a_value_is_neither(v):
    assert not is_null(v) and not is_missing(v)


def test_the_iso_writer_on_the_cases_of_the_issue():
    # issue 18: 09:30:00.25 UTC was written three ways (.25Z, .250000Z, Z); a bare day two ways
    assert iso_text(pd.Timestamp("2018-02-13 09:30:00.25", tz="UTC")) == "2018-02-13T09:30:00.25Z"
    assert iso_text(pd.Timestamp("2018-02-13 09:30", tz="UTC")) == "2018-02-13T09:30:00Z"
    assert iso_text(pd.Timestamp("2018-02-13", tz="UTC")) == "2018-02-13"
    assert iso_text("2018-02-13T00:00:00Z") == "2018-02-13"
    assert iso_text(pd.Timestamp("2018-02-13 01:30", tz="Europe/Moscow")) == "2018-02-12T22:30:00Z"


MOMENTS = st.datetimes(
    min_value=pd.Timestamp("1900-01-01").to_pydatetime(), max_value=pd.Timestamp("2199-12-31").to_pydatetime()
).map(lambda d: pd.Timestamp(d, tz="UTC"))


@settings(max_examples=200, deadline=None)
@given(MOMENTS)
def test_iso_text_reads_back_as_the_same_instant(ts):
    text = iso_text(ts)
    back = pd.Timestamp(text)
    back = back.tz_localize("UTC") if back.tzinfo is None else back
    assert back == ts, (ts, text)
    if ts == ts.normalize():
        assert len(text) == 10  # a bare day
    else:
        assert text.endswith("Z") and not text.endswith(".Z")
        fraction = text[:-1].partition(".")[2]
        assert not fraction.endswith("0"), text  # as many fractional digits as it has, no more


@settings(max_examples=200, deadline=None)
@given(MOMENTS, st.integers(min_value=0, max_value=400), st.booleans())
def test_published_text_reads_back_as_the_same_two_points(start, days, whole_days):
    a = start.normalize() if whole_days else start
    b = a + pd.Timedelta(days=days)
    text = published_text(a, b)
    earliest, latest, bad = parse_published_range(pd.Series([text]))
    assert bad == [] and (earliest.iat[0], latest.iat[0]) == (a, b), (a, b, text)
    assert published_text(a) == published_text(a, a) == iso_text(a)
