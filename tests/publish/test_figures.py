"""kit.publish.figures: a case's names made safe from matplotlib's mathtext (checked with matplotlib's own test), and
each figure as inline SVG that an XML parser reads, with ids prefixed so that many figures share a page and every
reference resolving inside its own figure."""

import dataclasses
import re
import xml.etree.ElementTree as ET

import matplotlib

matplotlib.use("Agg")

import pandas as pd
from matplotlib import cbook
from matplotlib.figure import Figure

from kit.publish.figures import plot_safe, step_figures, svg

SVG = "{http://www.w3.org/2000/svg}"


def test_plot_safe_leaves_no_mathtext(echo_case):
    names = ["$x^2$ Agency", "Costs $3 and $4", "plain", "$$"]
    sources = echo_case.sources.copy()
    sources.loc[: len(names) - 1, "name"] = names
    case = dataclasses.replace(echo_case, sources=sources, meta={**echo_case.meta, "title": "A $\\frac{1}{2}$ title"})
    safe = plot_safe(case)
    assert any(cbook.is_math_text(n) for n in case.sources["name"])  # matplotlib would read these as math
    assert not any(cbook.is_math_text(n) for n in safe.sources["name"])
    assert not cbook.is_math_text(safe.meta["title"])
    assert case.sources["name"].tolist()[: len(names)] == names  # the case given is not changed
    assert safe.sources["name"].str.replace("\\$", "$").tolist() == case.sources["name"].tolist()


def _figure(label):
    f = Figure()
    ax = f.subplots()
    ax.plot([0, 1], [0, 1], label=label)
    ax.fill_between([0, 1], [0, 0], [1, 1], alpha=0.2)  # a clip path: ids and url(#...) references
    ax.set_title(label)
    return f


def _xml(text):
    # inline SVG in HTML has its namespaces implied by the HTML parser; an XML parser needs them said
    assert "xmlns" not in text.split(">", 1)[0]
    return ET.fromstring(
        text.replace("<svg", f'<svg xmlns="{SVG[1:-1]}" xmlns:xlink="http://www.w3.org/1999/xlink"', 1)
    )


def test_svg_is_xml_with_its_own_ids(echo_case):
    a, b = svg(_figure("one"), "s1g", "A <line> & more"), svg(_figure("two"), "s2g", "Two")
    ids = []
    for text, prefix in ((a, "s1g"), (b, "s2g")):
        root = _xml(text)
        assert root.tag == f"{SVG}svg" and "width" not in root.attrib and "height" not in root.attrib
        assert root.get("class") == "kit-fig" and root.get("role") == "img"
        mine = [e.get("id") for e in root.iter() if e.get("id")]
        assert mine and all(i.startswith(prefix + "-") for i in mine)
        refs = re.findall(r'url\(#([^)]+)\)|href="#([^"]+)"', text)
        assert {r for pair in refs for r in pair if r} <= set(mine)
        ids += mine
    assert len(ids) == len(set(ids))  # two figures on one page share no id
    root = _xml(a)
    assert root.get("aria-label") == "A <line> & more" and root.find(f"{SVG}title").text == "A <line> & more"
    assert "<metadata>" not in a


def test_step_figures_draw_what_was_published_by_then(echo_case):
    graph, timeline = step_figures(plot_safe(echo_case), "strike_deaths", pd.Timestamp("2022-06-01T23:59Z"), "e_two")
    labels = {t.get_text() for t in timeline.axes[0].texts if (t.get_alpha() or 1) > 0.5}
    assert labels == {"Outlet One: 12", "Outlet Two: 10–15"}
    assert graph.axes and graph.axes[0].texts
