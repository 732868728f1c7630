"""kit.graphview: the layout (left to right in time, label boxes that never overlap), the data, the page's fragment
and the widget's Python side. The browser half is tests/views/test_graphview_browser.py."""

from __future__ import annotations

import json
import pathlib
import re

import pandas as pd
import pytest

import kit
from kit.graphview import graph_data, graph_html, scope
from kit.graphview.fragment import static_text
from kit.graphview.positions import boxes_overlap, layout, overlapping_pairs, text_width
from kit.publish.page import csp_hash, page_html
from kit.text.redact import redact

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEIR = kit.load_case(ROOT / "data" / "deir-ez-zor")
HOSTILE = kit.load_case(ROOT / "tests" / "cases" / "hostile")
SECRETS = [
    "ivan-petrov-telegram",
    "Ivan Petrov",
    "ivanpetrov_secret",
    "Rostov",
    "fears for his job",
    "k-petrov",
    "r-petrov",
]


def _boxes(d):
    """Every label box of the drawing, and every node as a box: (what, (x, y, w, h))."""
    out = [(f"label {n['id']}", tuple(n["box"])) for n in d["nodes"]]
    out += [(f"lane {lane['name']}", tuple(lane["label"][k] for k in "xywh")) for lane in d["lanes"]]
    out += [(f"date {t['text']}", tuple(t["label"][k] for k in "xywh")) for t in d["ticks"]]
    out += [(f"node {n['id']}", (n["x"] - 7, n["y"] - 7, 14, 14)) for n in d["nodes"]]
    return out


def _assert_no_overlap(d):
    boxes = _boxes(d)
    pairs = overlapping_pairs([b for _, b in boxes])
    assert pairs == [], [(boxes[i][0], boxes[j][0]) for i, j in pairs[:10]]


@pytest.mark.parametrize("proposition", [None, *sorted(DEIR.claims["proposition"].unique())])
def test_no_two_label_boxes_intersect_on_deir_ez_zor(proposition):
    d = graph_data(DEIR, proposition)
    assert len(d["nodes"]) >= 2
    _assert_no_overlap(d)


def test_no_two_label_boxes_intersect_on_300_claims():
    case = kit.testing.synth.make_case(300)
    assert len(case.claims) == 300
    d = graph_data(case)
    assert sum(n["kind"] == "claim" for n in d["nodes"]) == 300
    _assert_no_overlap(d)
    for prop in case.claims["proposition"].unique()[:3]:
        _assert_no_overlap(graph_data(case, prop))


def test_overlap_finder_finds_overlaps():
    """The check above could fail: a grid that missed boxes would pass everything."""
    boxes = [(0, 0, 10, 10), (70, 70, 10, 10), (75, 75, 100, 2), (500, 0, 1, 1), (9.5, 9.5, 1, 1)]
    assert overlapping_pairs(boxes) == [(0, 4), (1, 2)]
    assert boxes_overlap((0, 0, 1, 1), (0.5, 0.5, 1, 1)) and not boxes_overlap((0, 0, 1, 1), (1, 0, 1, 1))


def test_crowded_labels_are_moved_not_overlapped():
    """Forty long labels in one column of one lane at one moment: every box still free."""
    claims = [{"id": f"c{i:02d}", "time": 0, "lane": f"Outlet {i % 3}", "label": "1000000–2000000"} for i in range(40)]
    lay = layout(
        claims, [{"id": f"s{i}", "label": "A source with a long name indeed", "near": ["c00"]} for i in range(12)]
    )
    boxes = [tuple(b[k] for k in "xywh") for b in lay["labels"].values()]
    assert len(boxes) == 52 and overlapping_pairs(boxes) == []


def test_left_to_right_in_time_one_lane_per_outlet():
    d = graph_data(DEIR, "russians_killed_feb7")
    claims = [n for n in d["nodes"] if n["kind"] == "claim"]
    ctx = kit.graph.citation.claim_context(DEIR).set_index("claim_id")
    times = [ctx.at[n["id"], "published"] for n in claims]
    xs = [n["x"] for n in claims]
    assert times == sorted(times)
    assert all(a <= b for a, b in zip(xs, xs[1:], strict=False))
    steps = zip(times, times[1:], xs, xs[1:], strict=False)
    assert all(xb > xa for ta, tb, xa, xb in steps if tb.normalize() > ta.normalize())
    lane_y = {}
    for n in claims:
        assert lane_y.setdefault(n["outlet"], n["y"]) == n["y"]
    assert len(set(lane_y.values())) == len(lane_y) == len(d["lanes"])
    sources = [n for n in d["nodes"] if n["kind"] == "source"]
    assert max(n["x"] for n in sources) < min(xs)  # sources in a column on the left


def test_layout_is_deterministic():
    case = kit.testing.synth.make_case(120, seed=4)
    assert graph_data(case) == graph_data(case)


def test_text_width_is_not_smaller_than_a_common_font():
    # DejaVu Sans advances at 11 px (the font Chromium draws here): "W" 10.9, "m" 10.7, "0" 7.0, "i" 3.1
    assert text_width("W") >= 10 and text_width("m") >= 6.5 and text_width("0") >= 6.5 and text_width("i") >= 3.0


def test_nodes_say_outlet_date_figure_and_source_grade():
    d = graph_data(DEIR, "russians_killed_feb7")
    by = {n["id"]: n for n in d["nodes"]}
    claim = by["bloomberg-more-than-200"]
    assert claim["aria"] == "Bloomberg, 13 Feb 2018, at least 201"
    assert claim["words"].startswith("More than 200 contract soldiers")
    # the two Russians (stated) and the US official whose "about 100" Bloomberg printed beside its 200 (inferred)
    assert claim["grade"].startswith("credibility ") and claim["origins"] == ["bloomberg_two_russians", "us_official"]
    src = by["bloomberg_two_russians"]
    assert (
        src["kind"] == "source"
        and src["aria"] == "Two Russians (unnamed, to Bloomberg), grade F: reliability cannot be judged"
    )
    assert src["uncheckable"] is True and src["colour"] == kit.text.style.KIND_COLOURS["anonymous"]
    for n in d["nodes"]:
        assert n["aria"] and n["label"] and re.fullmatch(r"#[0-9a-f]{6}", n["colour"])


def test_edges_keep_the_dispute_beside_the_support():
    """Tsarizm both relies on and disputes Bloomberg's claim: both edges drawn, the dispute red (issue 11)."""
    d = graph_data(DEIR, "russians_killed_feb7")
    outlet = {n["id"]: n["outlet"] for n in d["nodes"]}
    rels = {
        e["relation"]: e
        for e in d["edges"]
        if outlet[e["from"]].startswith("Tsarizm") and e["to"] == "bloomberg-more-than-200"
    }
    assert {"relies_on", "disputes"} <= set(rels)
    assert (
        rels["disputes"]["colour"] == kit.text.style.RELATION_STYLE["disputes"][1] and not rels["disputes"]["followed"]
    )
    assert rels["relies_on"]["followed"] and rels["relies_on"]["colour"] != rels["disputes"]["colour"]
    own = [e for e in d["edges"] if e["relation"] == kit.text.style.OWN_REPORTING]
    assert own and all(e["followed"] and e["style"] == "dotted" for e in own)


def test_discredited_greys_what_kit_without_takes_down():
    # the 200 also rests on the US official (inferred): it falls only when both are discredited
    d = graph_data(DEIR, None, discredited=["bloomberg_two_russians", "us_official"])
    lost = set(kit.without(DEIR, "bloomberg_two_russians", "us_official"))
    assert lost and {n["id"] for n in d["nodes"] if n.get("fallen")} == lost
    assert [n["id"] for n in d["nodes"] if n.get("discredited")] == ["us_official", "bloomberg_two_russians"]
    assert all(n["colour"] == "#bbbbbb" for n in d["nodes"] if n.get("fallen") or n.get("discredited"))
    with pytest.raises(KeyError, match="no-such-source"):
        graph_data(DEIR, discredited=["no-such-source"])


def test_scope_is_the_story_and_what_it_cites():
    claims, sources = scope(DEIR, "russians_killed_feb7")
    props = DEIR.claims.set_index("claim_id")["proposition"]
    assert set(claims) >= set(props.index[props == "russians_killed_feb7"])
    cites = DEIR.citations[DEIR.citations["claim_id"].isin(claims)]["cites"]
    assert set(cites) <= set(claims) | set(sources)
    with pytest.raises(KeyError, match="russians_killed_feb8"):
        scope(DEIR, "russians_killed_feb8")


def test_hostile_case_leaks_nothing_through_the_graph():
    red = redact(HOSTILE)
    d = graph_data(red, "plant_fire_dead")
    text = json.dumps(d, ensure_ascii=False)
    for secret in SECRETS:
        assert secret not in text, secret
    assert "Confidential source 1" in text
    html = graph_html(red, "plant_fire_dead")
    for secret in SECRETS:
        assert secret not in html, secret
    assert "<script>alert" not in html and "<img" not in html and "</script><" not in html.split("application/json")[1]
    data = json.loads(
        re.search(r'<script type="application/json" id="kit-graph-data">(.*?)</script>', html, re.S).group(1)
    )
    assert data == json.loads(json.dumps(d))
    assert any("<script>alert(1)</script> Wire" in n["aria"] for n in data["nodes"])  # shown as text, not run


def test_published_page_inlines_the_module_and_allows_it_by_hash():
    page = page_html(redact(HOSTILE), built="2026-01-02")
    js = static_text("graphview.js")
    assert f'<script type="module">{js}</script>' in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    assert f"'{csp_hash(js)}'" in csp and "<script src" not in page
    assert page.count('data-kit-graphview="explore-data"') == 1 and "<noscript>" in page
    for secret in SECRETS:
        assert secret not in page, secret


def test_graph_html_refuses_a_bad_dom_id():
    with pytest.raises(ValueError, match="letters, digits"):
        graph_html(DEIR, dom_id='x" onload="alert(1)')


def test_widget_repr_says_to_run_and_follows_discredit():
    pytest.importorskip("anywidget")
    from kit.graphview import GraphView

    view = GraphView(DEIR, "russians_killed_feb7")
    # the proposition's 15 claims and the two estimates of about 100, of another question, that two of them cite
    assert repr(view) == "Citation graph of russians_killed_feb7 (17 claims): run the notebook to explore it."
    assert view._repr_mimebundle_()[0]["text/plain"] == repr(view)
    assert view._esm == static_text("graphview.js") and view.data["nodes"]
    view.discredited = ["bloomberg_two_russians", "reuters_associates"]
    origins = kit.provenance(DEIR)["origins"]
    want = [c for c, o in origins.items() if o and set(o) <= {"bloomberg_two_russians", "reuters_associates"}]
    assert view.fallen == want and len(want) > len(kit.without(DEIR, "bloomberg_two_russians"))
    with pytest.raises(KeyError):
        GraphView(DEIR, "no_such_story")


def test_import_kit_graphview_stays_light():
    import subprocess
    import sys

    code = (
        "import sys, kit.graphview, kit.graphview.data; "
        "print(sorted(m for m in ('anywidget', 'matplotlib', 'ipywidgets') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_case_is_not_changed():
    case = kit.load_case(ROOT / "data" / "deir-ez-zor")
    before = [t.copy() for t in (case.sources, case.reports, case.claims, case.citations)]
    graph_data(case, discredited=["cit"])
    for a, b in zip(before, (case.sources, case.reports, case.claims, case.citations), strict=False):
        pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize("which", ["deir", "synthetic"])
def test_no_two_nodes_share_an_accessible_name(which):
    """The Daily Beast's two claims of 13 Feb (both 'at least 201') were one name twice to a screen reader."""
    if which == "deir":
        d = graph_data(DEIR, "russians_killed_feb7")
        beast = sorted(n["aria"] for n in d["nodes"] if n["outlet"] == "The Daily Beast")
        assert beast == [
            # The Daily Beast's report is dated 13-28 February: an uncertain date is named as its range (issue 19)
            "The Daily Beast, 13–28 Feb 2018, at least 201: “Bloomberg News reported more than 200…”",
            "The Daily Beast, 13–28 Feb 2018, at least 201: “US forces killed more than 200…”",
        ]
    else:
        d = graph_data(kit.testing.synth.make_case(300))
    names = [n["aria"] for n in d["nodes"]]
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("case", ["deir-ez-zor", "khasham"])
def test_a_node_s_name_holds_the_words_it_shows(case):
    """WCAG 2.5.3 (label in name), as axe-core checks it: the label drawn on a node, letters and digits only, is in
    its accessible name. Khasham's "80–100" was named "80 to 100" (axe: label-content-name-mismatch)."""
    d = graph_data(kit.load_case(ROOT / "data" / case))

    def words(text):
        return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())

    missing = [(n["label"], n["aria"]) for n in d["nodes"] if words(n["label"]) not in words(n["aria"])]
    assert missing == []
    if case == "khasham":
        assert any("–" in n["label"] for n in d["nodes"])  # the case has a range to check
