"""kit.checking.dates: ISO dates and date-times read to UTC (checked against :meth:`datetime.fromisoformat`), uncertain
dates (a year, a month, an interval) read as their first and last day, and every other cell given a message with the
ISO date it means."""

from datetime import UTC, datetime

import pandas as pd
import pytest

from kit.checking.dates import as_ns, date_problem, parse_published, parse_published_range

ISO_CELLS = [
    "2018-02-13",
    "2018-02-13T14:05",
    "2018-02-13T14:05:09",
    "2018-02-13 14:05:09",
    "2018-02-13T14:05:09.25",
    "2018-02-13T14:05:09Z",
    "2018-02-13T14:05:09+03:00",
    "2018-02-13T23:30:00-05:00",
    "2016-02-29T00:00:00+0100",
]


def _expected(cell: str) -> pd.Timestamp:
    # Python's own ISO reader, independent of the kit's array path; a time without a zone is UTC
    d = datetime.fromisoformat(cell)
    d = d.replace(tzinfo=UTC) if d.tzinfo is None else d.astimezone(UTC)
    return pd.Timestamp(d)


def test_iso_cells_agree_with_fromisoformat():
    ts, bad = parse_published(pd.Series(ISO_CELLS, dtype=object))
    assert bad == []
    assert str(ts.dtype) == "datetime64[ns, UTC]"
    assert list(ts) == [_expected(c) for c in ISO_CELLS]


def test_a_comma_fraction_and_padding_are_read():
    ts, bad = parse_published(pd.Series(["  2018-02-13T14:05:09,5Z ", "\t2018-02-13\n"], dtype=object))
    assert bad == []
    assert list(ts) == [pd.Timestamp("2018-02-13 14:05:09.5", tz="UTC"), pd.Timestamp("2018-02-13", tz="UTC")]


def test_empty_cells_are_missing_and_no_problem_and_bad_cells_are_each_named_by_row():
    ts, bad = parse_published(pd.Series(["", "Feb 13, 2018", "2018-02-13", "yesterday", "  "], dtype=object))
    assert ts.isna().tolist() == [True, True, False, True, True]
    assert [i for i, _ in bad] == [1, 3]
    assert "write it as 2018-02-13" in bad[0][1]


@pytest.mark.parametrize(
    ("cell", "fix"),
    [
        ("13/02/2018", "write it as 2018-02-13"),
        ("13.02.2018", "write it as 2018-02-13"),
        ("13 February 2018", "write it as 2018-02-13"),
        ("20180213", "write it as 2018-02-13"),
        ("02/07/2018", "it could be 2018-07-02 or 2018-02-07"),
        ("2019-02-29", "February 2019 has 28 days"),
    ],
)
def test_date_problem_gives_the_iso_date_meant(cell, fix):
    message = date_problem(cell)
    assert f"'{cell}'" in message
    if "could be" in fix:  # the order of the two readings is not promised
        assert "ambiguous" in message and "2018-07-02" in message and "2018-02-07" in message
    else:
        assert fix in message


def test_date_problem_of_an_empty_cell():
    assert date_problem("") == "the date is empty; write it as YYYY-MM-DD, e.g. 2018-02-13"


def _days(lo, hi):
    return [(f"{a:%Y-%m-%d}", f"{b:%Y-%m-%d}") for a, b in zip(lo, hi, strict=True)]


def test_uncertain_dates_span_their_first_and_last_day():
    cells = ["2020-02", "2018-02", "2018", "2018-12", "2018-02-08/2018-02-13", "2018-02/2018-03", "2018-02-13"]
    lo, hi, bad = parse_published_range(pd.Series(cells, dtype=object))
    assert bad == []
    assert _days(lo, hi) == [
        ("2020-02-01", "2020-02-29"),  # a leap year
        ("2018-02-01", "2018-02-28"),
        ("2018-01-01", "2018-12-31"),
        ("2018-12-01", "2018-12-31"),
        ("2018-02-08", "2018-02-13"),
        ("2018-02-01", "2018-03-31"),
        ("2018-02-13", "2018-02-13"),
    ]


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        ("2018-13", "there is no month 13"),
        ("1500", "outside the years the kit handles"),
        ("2018-02-13/2018-02-08", "ends before it starts: write the earlier date first, 2018-02-08/2018-02-13"),
        ("2018-02-08/", "'2018-02-08/' is not a date"),
        ("2018-02-08/2018-02-10/2018-02-12", "not a date or an interval"),
        ("2018-02-08/2018-02-30", "in the interval '2018-02-08/2018-02-30': '2018-02-30' is not a real date"),
    ],
)
def test_wrong_uncertain_dates_are_problems_not_dates(cell, words):
    lo, hi, bad = parse_published_range(pd.Series(["2018-02-13", cell], dtype=object))
    assert lo.isna().tolist() == [False, True] and hi.isna().tolist() == [False, True]
    [(row, message)] = bad
    assert row == 1 and words in message


def test_as_ns_keeps_moments_and_drops_what_nanoseconds_cannot_hold():
    ts = pd.Series(
        pd.to_datetime(["2018-02-07T10:00:00", "1500-01-01", "2300-01-01"], utc=True, format="ISO8601").as_unit("s")
    )
    ns = as_ns(ts)
    assert str(ns.dtype) == "datetime64[ns, UTC]"
    assert ns.iat[0] == pd.Timestamp("2018-02-07T10:00:00", tz="UTC")
    assert ns.isna().tolist() == [False, True, True]
