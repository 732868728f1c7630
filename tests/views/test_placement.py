"""kit.show.placement: where each node of a story picture goes; every shown node placed once, claims left to right
in publication time, one lane per outlet holding its claims, no two labels over each other (by box intersection),
everything inside the drawing's extent."""

import pandas as pd
import pytest
from matplotlib.figure import Figure

import kit
from kit.show.citation_graph import story_graph
from kit.show.placement import points_per_unit, story_layout


def _overlap(a, b):
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


@pytest.mark.parametrize(
    ("name", "proposition"),
    [("echo", "strike_deaths"), ("loop", "sightings"), ("own_reporting", "flood_dead"), ("drift", "russians_killed")],
)
def test_every_node_placed_in_time_order_without_overlap(cases_dir, name, proposition):
    case = kit.load_case(cases_dir / name)
    pos = story_layout(case, proposition)
    assert set(pos) == set(story_graph(case, proposition))
    ctx = case.claims.merge(case.reports, on="report_id").set_index("claim_id")
    claims = [c for c in pos if c in ctx.index]
    # an earlier claim is never right of a later one (ties by day may share a column)
    for a in claims:
        for b in claims:
            if ctx.loc[a, "published"] < ctx.loc[b, "published"]:
                assert pos[a][0] <= pos[b][0], (a, b)
    boxes = [b["box"] for b in list(pos.labels.values()) + pos.lanes]
    clashes = [(i, j) for i in range(len(boxes)) for j in range(i) if _overlap(boxes[i], boxes[j])]
    assert clashes == []
    x0, x1, y0, y1 = pos.extent
    assert all(x0 <= x <= x1 and y0 <= y <= y1 for x, y in pos.values())


def test_one_lane_per_outlet_with_its_claims(echo_case):
    pos = story_layout(echo_case, "strike_deaths")
    ctx = echo_case.claims.merge(echo_case.reports, on="report_id").merge(echo_case.sources, on="source_id")
    outlet = ctx.set_index("claim_id")["name"]
    lanes = {lane["text"]: lane["claims"] for lane in pos.lanes}
    shown = [c for c in pos if c in outlet.index]
    assert {c for cs in lanes.values() for c in cs} == set(shown)
    for name, cs in lanes.items():
        assert {outlet[c] for c in cs} == {name}
        times = [pd.Timestamp(ctx.set_index("claim_id").loc[c, "published"]) for c in cs]
        assert times == sorted(times)  # each lane's claims in order


def test_points_per_unit():
    ax = Figure(figsize=(4, 2)).add_axes((0, 0, 1, 1))
    assert points_per_unit(ax, (0, 288, 0, 144)) == pytest.approx(1.0)
    assert points_per_unit(ax, (0, 144, 0, 72)) == pytest.approx(2.0)
