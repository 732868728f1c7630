"""kit.widgets.ClaimTracer with real ipywidgets objects (no mocks): tests pick a claim or switch a toggle and read
what the tracer shows. Expected trees and origin sets are worked out by hand from tests/cases/ and data/deir-ez-zor/.
"""

import re

import pytest

import kit
from conftest import DEIR
from kit.analysis.trace import lineage
from kit.show.described import png_img
from kit.widgets import ClaimTracer

PROP = "russians_killed_feb7"


@pytest.fixture(scope="module")
def deir():
    return kit.load_case(DEIR)


def _origins_in_tree(tree):
    """Sources reached through supporting hops only, with the depth at which each is first reached."""
    ok = {0}
    found = {}
    for i, row in tree.iterrows():
        if i == 0:
            continue
        parent = max(j for j in ok | set(tree.index[:i]) if j < i and tree.at[j, "depth"] == row["depth"] - 1)
        if parent not in ok or row["relation"] == "disputes":
            continue
        ok.add(i)
        if row["item_type"] == "source":
            found[row["item"]] = min(found.get(row["item"], 99), int(row["depth"]))
    return found


@pytest.mark.parametrize(
    "fixture", ["echo_case", "loop_case", "disputes_case", "own_reporting_case", "drift_case", "cyrillic_case", "deir"]
)
def test_the_tracers_tree_matches_kit_origins(request, fixture):
    case = request.getfixturevalue(fixture)
    tracer = ClaimTracer(case, draw=False)
    for claim in case.claims["claim_id"]:
        tracer.dropdown.value = claim
        assert tracer.claim_id == claim
        expected = kit.origins(case, claim)
        assert tracer.origins.equals(expected)
        assert _origins_in_tree(tracer.tree) == dict(zip(expected["source_id"], expected["hops"], strict=False)), claim
        assert sorted(tracer.toggles) == sorted(expected["source_id"])


def test_tracer_tree_by_hand(echo_case, loop_case, deir):
    t = lineage(echo_case, "e_echo")
    assert t[["depth", "item", "relation"]].values.tolist() == [
        [0, "e_echo", ""],
        [1, "e_one", "relies_on"],
        [2, "anon", "relies_on"],
        [1, "e_two", "corroborates"],
        [2, "anon", "relies_on"],
    ]
    assert t["evidence"].tolist()[1:3] == ["Outlet One reports", "an official said"]
    t = lineage(loop_case, "ring_m")
    assert t[["depth", "item", "relation", "loop"]].values.tolist() == [
        [0, "ring_m", "", False],
        [1, "ring_k", "relies_on", False],
        [2, "ring_b", "relies_on", False],
        [3, "ring_m", "corroborates", True],
        [2, "witness", "relies_on", False],
    ]
    t = lineage(deir, "moscow-times-reported")  # no citation: it rests on its own outlet
    assert t[["depth", "item", "relation"]].values.tolist() == [
        [0, "moscow-times-reported", ""],
        [1, "moscow_times", "own reporting"],
    ]


def test_tracer_search_filters_the_dropdown(deir):
    tracer = ClaimTracer(deir, draw=False)
    tracer.search.value = "Daily Beast"
    assert [v for _, v in tracer.dropdown.options] == [
        "daily-beast-200-contract-killers",
        "daily-beast-200-russian-fighters",
        "daily-beast-refinery",
    ]
    tracer.search.value = "brigade"  # words of no claim
    assert tracer.matches == []
    tracer.search.value = "cossack"
    assert tracer.matches == ["reuters-buga-dozens"]


def test_tracer_shows_credibility_and_draws_the_lineage(deir):
    tracer = ClaimTracer(deir, "reuters-two-killed")
    assert tracer.credibility == 2
    assert tracer.origins["reliability"].tolist() == ["F"]
    assert tracer.image[:4] == b"\x89PNG" and tracer.graph.value == png_img(tracer.image, tracer.graph_alt)
    assert tracer.graph_alt.startswith("The lineage drawn as a tree: ") and "Associates" in tracer.graph_alt
    assert "their associates told Reuters" in tracer.tree_html.value


@pytest.mark.parametrize(
    "fixture, source, lost",
    [
        ("echo_case", "anon", ["e_one", "e_two", "e_echo", "e_direct", "e_single"]),
        ("echo_case", "expert1", ["e_x"]),
        ("echo_case", "outlet2", ["e_y"]),
        ("echo_case", "expert2", []),
        ("own_reporting_case", "paper_a", ["o1", "o3", "o4"]),
        ("own_reporting_case", "digest", []),
        ("disputes_case", "monitor_x", ["d_report", "d_mixed"]),
        ("disputes_case", "ministry", ["d_denial"]),
        ("loop_case", "witness", ["ring_k", "ring_b", "ring_m"]),
        ("loop_case", "paper_a", []),
    ],
)
def test_kit_without_on_fixture_cases(request, fixture, source, lost):
    case = request.getfixturevalue(fixture)
    assert kit.without(case, source) == lost


@pytest.mark.parametrize(
    "fixture, claim, source",
    [
        ("echo_case", "e_single", "anon"),
        ("own_reporting_case", "o4", "paper_a"),
        ("disputes_case", "d_mixed", "monitor_x"),
        ("loop_case", "ring_m", "witness"),
    ],
)
def test_tracer_what_if_toggle_is_kit_without(request, fixture, claim, source):
    case = request.getfixturevalue(fixture)
    tracer = ClaimTracer(case, claim, draw=False)
    assert tracer.lost == []
    tracer.toggles[source].value = True
    assert tracer.discredited == [source]
    assert tracer.lost == kit.without(case, source)
    assert f"<b>{len(tracer.lost)}</b> claim" in tracer.lost_html.value
    tracer.toggles[source].value = False
    assert tracer.lost == []


def test_tracer_what_if_two_origins(echo_case):
    tracer = ClaimTracer(echo_case, "e_indep", draw=False)
    tracer.toggles["expert1"].value = True
    assert tracer.lost == ["e_x"]
    tracer.toggles["outlet2"].value = True
    assert tracer.lost == ["e_x", "e_y", "e_indep"]


# --- issue 11, item 4 -------------------------------------------------------------------------


def test_a_search_that_matches_nothing_says_so_and_keeps_the_claim(echo_case):
    tracer = ClaimTracer(echo_case, "e_echo", draw=False)
    options = tracer.dropdown.options
    tracer.search.value = "xyz"
    assert tracer.matches == []
    assert "no claim matches ‘xyz’" in tracer.search_html.value
    assert "still showing News Aggregator, 2 Jun 2022" in tracer.search_html.value
    assert tracer.claim_id == "e_echo" and tracer.dropdown.options == options and tracer.dropdown.value == "e_echo"
    tracer.search.value = "<b>x"
    assert "&lt;b&gt;x" in tracer.search_html.value  # the query is escaped
    tracer.search.value = "expert"
    assert tracer.matches == ["e_x", "e_indep"] and "2 claims match" in tracer.search_html.value
    tracer.search.value = "e_single"  # ids still find a claim
    assert tracer.matches == ["e_single"] and "1 claim matches" in tracer.search_html.value


def test_after_discrediting_header_and_picture_show_what_fell(echo_case):
    tracer = ClaimTracer(echo_case, "e_echo")
    before = tracer.image
    tracer.toggles["anon"].value = True
    assert "Without Official (unnamed), this claim falls" in tracer.claim_html.value
    assert tracer.image != before and tracer.graph.value == png_img(tracer.image, tracer.graph_alt)
    assert tracer.graph_alt.endswith("Discredited: Official (unnamed).")
    assert "<b>5</b> claims of the case lose all support" in tracer.lost_html.value
    assert 'data-id="e_single"' in tracer.lost_html.value and "e_single" not in tracer.lost_html.value.replace(
        'data-id="e_single"', ""
    )  # names, not ids, are shown
    tracer.toggles["anon"].value = False
    assert tracer.image == before and "falls" not in tracer.claim_html.value
    tracer = ClaimTracer(echo_case, "e_indep", draw=False)
    tracer.toggles["expert1"].value = True
    assert "this claim still stands</b> on Outlet Two" in tracer.claim_html.value
    assert "<b>1</b> claim of the case loses all support" in tracer.lost_html.value


def test_names_on_buttons_and_in_tables(echo_case):
    tracer = ClaimTracer(echo_case, "e_indep", draw=False)
    assert sorted(t.description for t in tracer.toggles.values()) == ["discredit Dr. Expert", "discredit Outlet Two"]
    assert "Dr. Expert" in tracer.origins_html.value and "usually reliable" not in tracer.origins_html.value
    assert "C (fairly reliable)" in tracer.origins_html.value
    assert "Outlet One, 2 Jun 2022" in tracer.tree_html.value  # e_x, by name and date
    assert tracer.dropdown.options[0][0].startswith("Outlet One, 1 Jun 2022: Twelve killed")
    assert "<NA>" not in tracer.tree_html.value and "nan" not in tracer.tree_html.value


def test_widgets_say_to_run_the_notebook(echo_case):
    for widget in (ClaimTracer(echo_case, draw=False),):
        bundle = widget._repr_mimebundle_()
        assert (
            bundle["text/plain"]
            == "ClaimTracer: an interactive widget. Run the notebook (Run ▸ Run All Cells) to use it."
        )
        assert "application/vnd.jupyter.widget-view+json" in bundle


def test_tracer_is_on_the_graph_view(deir):
    """The ClaimTracer's picture is the explorable graph (issue 20): the claim's lineage traced by the view, the
    toggles and the view's own "What if" button one set of discredited sources, a claim traced in the view shown."""
    tracer = ClaimTracer(deir, "media-confirmed-coalition", draw=False)
    view = tracer.view
    assert view.selected == "media-confirmed-coalition"
    ids = {n["id"] for n in view.data["nodes"]}
    assert set(tracer.tree["item"]) <= ids  # the whole lineage, across questions, is in the view
    source = tracer.origins["source_id"].iloc[0]
    tracer.toggles[source].value = True
    assert view.discredited == [source] and view.fallen == kit.without(deir, source) == tracer.lost
    view.discredited = []  # as the view's "Trust ... again" button sets it
    assert not tracer.toggles[source].value and tracer.lost == [] and tracer.discredited == []
    view.discredited = ["bloomberg_two_russians", "us_official"]  # sources outside this claim's toggles
    assert tracer.discredited == view.discredited and tracer.lost == kit.without(deir, *view.discredited)
    view.selected = "daily-beast-200-russian-fighters"  # traced by a click in the view
    assert tracer.claim_id == "daily-beast-200-russian-fighters" and tracer.dropdown.value == tracer.claim_id
    assert view.discredited == [] and view.data["proposition"] == "russians_killed_feb7"


def test_the_tracer_gives_its_graph_the_room_it_has(deir):
    """The graph is the tracer's width and GRAPH_HEIGHT high (it was 200 px), the what-ifs on one line and the claim
    beside what falls above it; a long list of what falls scrolls in its own focusable, named box (issue 20), so
    the tracer still fits 1440x900 in JupyterLab (tests/project/test_browser.py measures it there)."""
    from kit.widgets.tracer import GRAPH_HEIGHT

    tracer = ClaimTracer(deir, "daily-beast-200-russian-fighters", draw=False)
    assert tracer.view.height == GRAPH_HEIGHT >= 300
    assert tracer.view in tracer.container.children and tracer.tables is tracer.container.children[-1]
    band = tracer.container.children[tracer.container.children.index(tracer.view) - 1]
    assert list(band.children) == [tracer.claim_html, tracer.lost_html]  # side by side, above the graph
    tracer.toggles["us_official"].value = True
    tracer.toggles["bloomberg_two_russians"].value = True
    assert len(tracer.lost) == 7
    box = re.search(
        r"<div class='kit-lost' role='region' tabindex='0' aria-label='([^']+)' style='([^']+)'>",
        tracer.lost_html.value,
    )
    assert box and box.group(1) == "The claims that lose all support" and "overflow:auto" in box.group(2)
