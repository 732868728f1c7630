"""kit.show pictures (drawn with matplotlib's Agg backend) and kit.analysis.outlets tables, checked on the fixture
cases.

Expected values are worked out by hand from tests/cases/ (see the fixtures' docstrings in conftest.py).
"""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

import kit
import kit.show
from kit.analysis.outlets import first_hand_origins, outlet_edges, outlet_reach, outlet_roles


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _texts(ax):
    return [t.get_text() for t in ax.texts]


def test_plot_lineage_lives_in_one_place_and_draws_every_hop(echo_case):
    import kit.widgets

    # one name, one place (issue 18): kit.show has it, kit.widgets no longer re-exports it
    assert not hasattr(kit.widgets, "plot_lineage") and kit.show.plot_lineage is kit.show.lineage.plot_lineage
    ax = kit.show.plot_lineage(echo_case, "e_echo")
    texts = _texts(ax)
    assert ax.get_title() == "What News Aggregator said on 2 Jun 2022 rests on"  # names, not the claim id
    assert sum(t.startswith("Official (unnamed)") for t in texts) == 2  # reached through both outlets
    assert "corroborates\ninflated, hardened" in texts and "relies on" in texts  # drift shown on the hop


def test_plot_lineage_shows_what_falls(echo_case):
    lost = kit.without(echo_case, "anon")
    ax = kit.show.plot_lineage(echo_case, "e_echo", discredited=["anon"], lost=lost)
    texts = _texts(ax)
    assert ax.get_title() == "What News Aggregator said on 2 Jun 2022 falls without Official (unnamed)"
    assert sum(t.endswith("\ndiscredited") for t in texts) == 2
    assert sum(t.endswith("\nfalls") for t in texts) == 3  # e_echo, e_one, e_two
    untouched = kit.show.plot_lineage(echo_case, "e_indep", discredited=["anon"], lost=lost)
    assert "falls" not in untouched.get_title() and not any(t.endswith("falls") for t in _texts(untouched))


def test_plot_lineage_on_a_loop_and_a_long_chain(loop_case):
    ax = kit.show.plot_lineage(loop_case, "ring_m")
    assert "corroborates (loop)" in _texts(ax)


def test_outlet_graph_draws_support_and_disputes_apart(loop_case):
    # Paper A both corroborates and disputes Paper B: two arcs, one grey, one red
    ax = kit.show.plot_outlet_graph(loop_case)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"relies on / corroborates", "disputes", "cannot be checked"} <= set(legend)
    red = [p for p in ax.patches if matplotlib.colors.to_hex(p.get_edgecolor()) == "#d62728"]
    grey = [p for p in ax.patches if matplotlib.colors.to_hex(p.get_edgecolor()) == "#444444"]
    assert len(red) == 1 and len(grey) == 5  # the 5 edges of outlet_edges all carry support; 1 also a dispute


def test_outlet_graph_labels_sit_beside_their_nodes_not_over_any(drift_case):
    ax = kit.show.plot_outlet_graph(drift_case)
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    nodes = ax.collections[-1].get_offsets()  # the node markers, drawn last
    centres = ax.transData.transform(nodes)
    labels = [t for t in ax.texts if t.get_text()]
    assert len(labels) == len(nodes) > 3
    boxes = [t.get_window_extent(renderer) for t in labels]
    for box in boxes:
        for x, y in centres:
            assert not box.contains(x, y), "a label covers a node"
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b), "two labels overlap"


def test_outlet_tables_by_hand(own_reporting_case, loop_case, echo_case):
    assert outlet_edges(own_reporting_case).values.tolist() == [
        ["Digest", "Paper A", 3, "corroborates 1, relies on 2"],
        ["Digest", "Channel B", 1, "corroborates 1"],
    ]
    roles = outlet_roles(own_reporting_case)
    assert roles["role"].to_dict() == {
        "Paper A": "brings an origin",
        "Channel B": "brings an origin",
        "Digest": "only repeats",
    }
    assert roles.loc["Digest", ["claims", "cites", "cited_by", "origins_brought"]].tolist() == [2, 4, 0, ""]
    assert outlet_reach(own_reporting_case).loc["Digest"].tolist() == [2, 0]
    loop_roles = outlet_roles(loop_case)
    assert loop_roles.loc["Blog", "origins_brought"] == "Eyewitness"
    assert loop_roles.loc["Paper A", "role"] == "only repeats"
    assert ["aggregator", "anon"] in first_hand_origins(echo_case).values.tolist()  # e_direct quotes anon


def test_outlet_roles_follow_bases(drift_case):
    stated = outlet_roles(drift_case, follow=("stated",))
    assert list(stated.index) == list(outlet_roles(drift_case).index)


def test_the_graph_of_a_step_shows_only_the_sources_cited_so_far(echo_case):
    ax = kit.show.plot_citation_graph(echo_case, "strike_deaths", claims=["e_one"])
    texts = _texts(ax)
    assert "Official (unnamed)" in texts
    assert not any(t.startswith(("Dr. Expert", "Outlet Two")) for t in texts)  # cited only by later claims
    ax = kit.show.plot_citation_graph(echo_case, "strike_deaths")
    assert any(t.startswith("Dr. Expert") for t in _texts(ax))


def _with_uncertain_date(case, report_id, latest):
    import pandas as pd

    reports = case.reports.copy()
    reports["published_latest"] = reports["published"]
    reports.loc[reports["report_id"] == report_id, "published_latest"] = pd.Timestamp(latest)
    return kit.Case(case.sources, reports, case.claims, case.citations, meta=case.meta)


def test_the_timeline_draws_uncertain_dates_as_spans(echo_case):
    import pandas as pd

    case = _with_uncertain_date(echo_case, "r3", "2022-06-03T21:00Z")  # e_echo: 2 Jun 09:00 .. 3 Jun 21:00
    ax = kit.show.plot_timeline(case, "strike_deaths")
    labels = _texts(ax)
    assert "News Aggregator: 10+ (date uncertain)" in labels
    assert sum("date uncertain" in t for t in labels) == 1
    spans = [
        line for line in ax.get_lines() if len(line.get_xdata()) == 2 and line.get_ydata()[0] == line.get_ydata()[1]
    ]
    assert len(spans) == 1
    x0, x1 = (
        pd.Timestamp(matplotlib.dates.num2date(x)) if not isinstance(x, pd.Timestamp) else x
        for x in spans[0].get_xdata()
    )
    assert (x0, x1) == (pd.Timestamp("2022-06-02T09:00Z"), pd.Timestamp("2022-06-03T21:00Z"))
    label = next(t for t in ax.texts if "date uncertain" in t.get_text())
    mid = pd.Timestamp(matplotlib.dates.num2date(matplotlib.dates.date2num(label.xy[0])))
    assert mid == pd.Timestamp("2022-06-03T03:00Z")  # its mark in the middle of the span
    plain = kit.show.plot_timeline(echo_case, "strike_deaths")
    assert not any("date uncertain" in t for t in _texts(plain))


def test_the_timeline_fades_claims_not_shown_at_a_step(echo_case):
    ax = kit.show.plot_timeline(echo_case, "strike_deaths", claims=["e_one"])
    alpha = {t.get_text().split(":")[0] + ":" + t.get_text().split(":")[1]: t.get_alpha() for t in ax.texts}
    assert alpha["Outlet One: 12"] > 0.9 and alpha["Outlet Two: 10–15"] < 0.3


# --- the static citation graph's labels never overlap (issue 11: one layout rule for both views) --------------


def _label_clashes(ax):
    """Pairs of visible labels whose drawn text extents intersect, and labels over a visible node's centre."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from kit.graphview.positions import boxes_overlap, overlapping_pairs

    canvas = ax.figure.canvas if isinstance(ax.figure.canvas, FigureCanvasAgg) else FigureCanvasAgg(ax.figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    texts = [t for t in ax.texts if t.get_visible() and t.get_text()]
    boxes = [t.get_window_extent(renderer) for t in texts]
    xywh = [(b.x0, b.y0, b.width, b.height) for b in boxes]
    clashes = [(texts[i].get_text(), texts[j].get_text()) for i, j in overlapping_pairs(xywh)]
    centres = [
        xy
        for c in ax.collections
        if c.get_visible() and len(c.get_offsets())
        for xy in c.get_offset_transform().transform(c.get_offsets())
    ]
    for t, b in zip(texts, xywh, strict=True):
        clashes += [(t.get_text(), "node") for x, y in centres if boxes_overlap(b, (x, y, 1e-6, 1e-6))]
    return clashes, len(texts), len(centres)


def test_the_citation_graph_labels_never_overlap_each_other_or_a_node(deir_case):
    from matplotlib.figure import Figure

    prop = "russians_killed_feb7"
    ax = kit.show.plot_citation_graph(deir_case, prop, highlight="afp-cit-three-more")  # its own size
    clashes, n_texts, n_nodes = _label_clashes(ax)
    graph = kit.show.story_graph(deir_case, prop)
    ringed = sum(len(loop) for loop in kit.circular(deir_case))  # claims in a loop get a ring
    outlets = deir_case.sources["source_id"].isin(deir_case.reports["source_id"]).sum()
    # every node (and ring) drawn, every node labelled, and every outlet named on its lane
    assert (
        clashes == [] and n_nodes == graph.number_of_nodes() + ringed and n_texts >= graph.number_of_nodes() + outlets
    )
    texts = _texts(ax)
    assert "The Daily Beast" in texts and "3+" in texts and "Tsarizm…" in texts  # the labels of issue 11
    fig = Figure(figsize=(14, 5.0))  # the stepper's axes: smaller type, still apart
    ax_graph, _ = fig.subplots(1, 2, width_ratios=[1.8, 1])
    kit.show.plot_citation_graph(deir_case, prop, ax=ax_graph, legend=False)
    assert _label_clashes(ax_graph)[0] == []


def test_the_citation_graph_of_300_claims_keeps_its_labels_apart():
    case = kit.testing.synth.make_case(300)
    ax = kit.show.plot_citation_graph(case)
    clashes, n_texts, n_nodes = _label_clashes(ax)
    assert n_nodes > 300 and n_texts > n_nodes and clashes == []
    big = case.claims["proposition"].value_counts().index[0]
    assert _label_clashes(kit.show.plot_citation_graph(case, big))[0] == []


def test_the_stepper_picture_keeps_labels_apart_at_every_step(deir_case):
    from matplotlib.figure import Figure

    from kit.show.steps import StepPicture
    from kit.text.story import claims_by

    fig = Figure(figsize=(14, 5.0))
    ax_graph, ax_time = fig.subplots(1, 2, width_ratios=[1.8, 1])
    prop = "russians_killed_feb7"
    picture = StepPicture(deir_case, prop, ax_graph, ax_time)
    for day in ["2018-02-09T23:59Z", "2018-02-12T23:59Z", "2018-02-20T23:59Z"]:
        shown = claims_by(deir_case, day, prop)
        picture.show(shown, newest=shown[-1], upto=day)
        clashes, n_texts, _ = _label_clashes(ax_graph)
        assert clashes == [] and n_texts > len(shown), day


# --- the figure over time's labels never overlap either (issue 11) ---------------------------------------------


def test_the_timeline_labels_never_overlap(deir_case):
    from matplotlib.figure import Figure

    from kit.show.steps import StepPicture
    from kit.text.story import claims_by

    prop = "russians_killed_feb7"
    ax = kit.show.plot_timeline(deir_case, prop)
    clashes, n_texts, _ = _label_clashes(ax)
    assert clashes == [] and n_texts == 6
    texts = _texts(ax)
    assert "AFP: 3+ (date uncertain)" in texts and "Reuters: 2+" in texts  # the pair of issue 11
    fig = Figure(figsize=(14, 5.0))  # the stepper's smaller axes, every label at every step (faded, not hidden)
    ax_graph, ax_time = fig.subplots(1, 2, width_ratios=[1.8, 1])
    picture = StepPicture(deir_case, prop, ax_graph, ax_time)
    for day in ["2018-02-09T23:59Z", "2018-02-12T23:59Z", "2018-02-20T23:59Z"]:
        shown = claims_by(deir_case, day, prop)
        picture.show(shown, newest=shown[-1], upto=day)
        assert _label_clashes(ax_time)[0] == [], day
    case = kit.testing.synth.make_case(300)
    big = case.claims["proposition"].value_counts().index[0]
    clashes, n_texts, _ = _label_clashes(kit.show.plot_timeline(case, big))
    assert clashes == [] and n_texts > 70


def test_the_timeline_labels_stay_beside_their_marks(deir_case):
    ax = kit.show.plot_timeline(deir_case, "russians_killed_feb7")
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    for label in ax.texts:
        box = label.get_window_extent(renderer)
        x, y = ax.transData.transform((ax.xaxis.convert_units(label.xy[0]), label.xy[1]))
        assert box.x0 - 30 < x < box.x1 + 30 and box.y0 - 30 < y < box.y1 + 30, label.get_text()  # a line away


def test_the_timeline_says_dates_as_a_reader_does(deir_case):
    import re

    ax = kit.show.plot_timeline(deir_case, "russians_killed_feb7")
    ax.figure.canvas.draw()
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert ticks and all(re.fullmatch(r"\d\d [A-Z][a-z]{2}", t) for t in ticks), ticks  # "13 Feb", not 2018-02-13


def test_the_now_line_stands_on_the_steps_day(deir_case):
    """A step dated 12 Feb shows what was published by the end of that day, and marks 12 Feb, not 13 Feb (issue 20)."""
    import matplotlib.dates as mdates
    import pandas as pd
    from matplotlib.figure import Figure

    ax = Figure().subplots()
    kit.show.plot_timeline(deir_case, "russians_killed_feb7", ax=ax, upto=pd.Timestamp("2018-02-12T23:59:59.999999Z"))
    (line,) = [ln for ln in ax.get_lines() if ln.get_linestyle() == "--"]
    x = line.get_xdata()[0]
    x = pd.Timestamp(x) if not isinstance(x, float) else pd.Timestamp(mdates.num2date(x))
    assert (x.tz_convert(None) if x.tzinfo else x) == pd.Timestamp("2018-02-12")  # on the day's tick, not 23:59
