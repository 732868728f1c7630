"""kit.show.timeline: the figure over time; one label per claim with a figure (outlet and figure, from the tables),
each mark at its claim's publication time, an uncertain date drawn over its range; and where "now" stands."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import kit
from kit.show.timeline import READING, now_x, plot_timeline, timeline_title


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_one_label_per_claim_with_a_figure(echo_case):
    ax = plot_timeline(echo_case, "strike_deaths")
    # strike_deaths claims with a figure (tests/cases/echo/claims.csv): e_one 12, e_two 10 to 15, e_echo 10+,
    # e_direct 12, e_single 10+; e_indep has none
    assert sorted(t.get_text() for t in ax.texts) == sorted(
        [
            "Outlet One: 12",
            "Outlet Two: 10–15",
            "News Aggregator: 10+",
            "News Aggregator: 12",
            "Outlet One: 10+",
        ]
    )
    assert (
        ax.get_title() == timeline_title(echo_case, "strike_deaths") == f"strike deaths: the figure over time {READING}"
    )


def test_the_marks_stand_on_the_claims_days_in_their_order(echo_case):
    ax = plot_timeline(echo_case, "strike_deaths")
    # the marks (one point each); two claims of one day are set apart by a couple of hours, on that day
    marks = sorted(
        (pd.Timestamp(line.get_xdata()[0]), float(line.get_ydata()[0]))
        for line in ax.lines
        if len(line.get_xdata()) == 1
    )
    published = [
        "2022-06-01T09:00Z",
        "2022-06-01T11:00Z",
        "2022-06-02T09:00Z",
        "2022-06-03T09:00Z",
        "2022-06-04T09:00Z",
    ]
    lows = [12.0, 10.0, 10.0, 12.0, 10.0]  # e_one, e_two, e_echo, e_direct, e_single: their low (or only) figure
    assert [y for _, y in marks] == lows
    points = marks
    for (x, _), when in zip(points, published, strict=True):
        assert x.normalize() == pd.Timestamp(when).normalize() and x >= pd.Timestamp(when)


def test_upto_hides_what_was_not_yet_published(echo_case):
    ax = plot_timeline(echo_case, "strike_deaths", upto=pd.Timestamp("2022-06-01T23:59:59Z"))
    shown = [t for t in ax.texts if t.get_alpha() is None or t.get_alpha() > 0.5]
    assert sorted(t.get_text() for t in shown) == ["Outlet One: 12", "Outlet Two: 10–15"]


def test_an_unknown_proposition_is_refused(echo_case):
    with pytest.raises(kit.UnknownName):
        plot_timeline(echo_case, "strike_dead")


@pytest.mark.parametrize(
    ("upto", "x"),
    [
        ("2018-02-12T23:59:59.999999Z", "2018-02-12T00:00:00Z"),
        ("2018-02-12T15:00Z", "2018-02-12T15:00:00Z"),
        ("2018-02-12T00:00Z", "2018-02-12T00:00:00Z"),
    ],
)
def test_now_x(upto, x):
    assert now_x(upto) == pd.Timestamp(x)


@pytest.mark.parametrize("n", [2, 12, 40])
def test_many_claims_of_one_day_stay_on_that_day(echo_case, n):
    import dataclasses

    claims = echo_case.claims
    first = claims[claims["claim_id"] == "e_one"].iloc[0]  # Outlet One, 2022-06-01 09:00, 12 killed
    more = pd.DataFrame([first] * n).assign(claim_id=[f"e_more_{i}" for i in range(n)], low=range(1, n + 1))
    case = dataclasses.replace(echo_case, claims=pd.concat([claims, more.astype(claims.dtypes)], ignore_index=True))
    ax = plot_timeline(case, "strike_deaths")
    xs = sorted(pd.Timestamp(line.get_xdata()[0]) for line in ax.lines if len(line.get_xdata()) == 1)
    day = pd.Timestamp("2022-06-01T00:00Z")
    on_day = [x for x in xs if x < day + pd.Timedelta(days=1)]
    # e_one, e_two and the n more of 1 June, each on that day (the 2 h a claim that it stood apart drifted 40 claims
    # three days on), in the order published, set apart as long as there is room
    assert len(on_day) == n + 2 and all(x >= pd.Timestamp("2022-06-01T09:00Z") for x in on_day)
    assert max(on_day) <= day + pd.Timedelta(hours=22)
    steps = [b - a for a, b in zip(on_day, on_day[1:], strict=False)]
    assert min(steps) > pd.Timedelta(0)
    if n == 2:  # few: the k-th claim of the day k times two hours after its time, as before
        assert [x.hour for x in on_day] == [9, 11, 13, 11 + 2 * 3]
    assert [x.normalize() for x in xs[n + 2 :]] == [pd.Timestamp(f"2022-06-0{d}T00:00Z") for d in (2, 3, 4)]


@pytest.mark.parametrize("days", [1, 3, 4, 15])
def test_a_few_days_are_ticked_once_each(echo_case, days):
    import dataclasses

    reports = echo_case.reports.copy()
    start = reports["published"].min()
    reports["published"] = [start + (t - start) * (days / 3) for t in reports["published"]]  # echo spans 3 days
    reports["published_latest"] = reports["published"]
    ax = plot_timeline(dataclasses.replace(echo_case, reports=reports), "strike_deaths")
    ax.figure.canvas.draw()
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert ticks and len(set(ticks)) == len(ticks), ticks  # was "01 Jun, 01 Jun, 02 Jun, 02 Jun ..."
    assert all(pd.Timestamp(x, unit="D") == pd.Timestamp(x, unit="D").normalize() for x in ax.get_xticks())
