"""Where the static citation graph puts its nodes and labels: the explorable graph's layout, in matplotlib's terms.

:func:`kit.graphview.positions.layout` places every node and gives every label a box that overlaps no other box and
no node, in CSS px with y pointing down. The static picture (:func:`kit.show.plot_citation_graph`) draws in the
same units, y turned up, with every size (fonts, markers, arrows) scaled by the points one unit gets in the axes:
so its labels keep apart exactly as the explorable graph's do, one layout rule for both views.

Examples
--------
>>> import kit
>>> lay = story_layout(kit.testing.examples.diamond(), "deaths")
>>> lay["wire-a-12"][0] < lay["site-d-12"][0], lay.labels["wire-a-12"]["text"]  # left to right in time
(True, '12')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.graphview.data import layout_rows
from kit.graphview.positions import FONT_SIZE, NODE_RADIUS, layout

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["NATURAL_POINTS", "RING_RADIUS", "StoryLayout", "story_layout", "points_per_unit"]

#: points per layout unit when the picture is drawn at its own size: labels in 8 pt type
NATURAL_POINTS = 8.0 / FONT_SIZE
#: the radius, in layout units, of a highlighted claim and of a loop's ring (a claim's is ``NODE_RADIUS``): no
#: more than the room the layout keeps between a node and its label
RING_RADIUS = NODE_RADIUS + 2.0


class StoryLayout(dict):
    """Node id -> ``(x, y)`` in layout units (y up), with the label boxes that go with these positions.

    Attributes
    ----------
    labels : dict
        Node id -> ``{"text", "x", "y", "ha"}``: where its label's text is anchored (``ha`` its horizontal
        alignment; vertically it is centred) and ``box``, its ``(x0, y0, w, h)``.
    lanes : list of dict
        One per outlet lane: ``{"text", "x", "y", "ha", "box"}`` and ``claims``, the lane's claims in order.
    ticks : list of dict
        The dates above the lanes, ``{"text", "x", "y", "ha", "box"}``.
    extent : tuple
        ``(x0, x1, y0, y1)``: the drawing's limits.
    """

    labels: dict
    lanes: list
    ticks: list
    extent: tuple


def _anchored(box: dict, anchor: str = "middle") -> dict:
    """A layout label box (top-left corner, y down) as a text anchor and a box (bottom-left corner, y up)."""
    x, y, w, h = box["x"], box["y"], box["w"], box["h"]
    ha = {"middle": "center", "end": "right", "start": "left"}[anchor]
    at = {"center": x + w / 2, "right": x + w, "left": x}[ha]
    return {"text": box["text"], "x": at, "y": -(y + h / 2), "ha": ha, "box": (x, -(y + h), w, h)}


def story_layout(case: Case, proposition=None) -> StoryLayout:
    """Stable positions and label boxes: claims left to right in time, one lane per outlet, sources on the left.

    The layout of the explorable graph (:func:`kit.graphview.positions.layout` of
    :func:`kit.graphview.data.layout_rows`), y turned up. The same case and proposition always give the same
    layout, so pictures of successive moments line up; no two label boxes overlap, nor a box and a node.

    Parameters
    ----------
    case : kit.Case
    proposition : str, optional
        The question; None for the whole case.

    Returns
    -------
    StoryLayout
        A dict, node id -> ``(x, y)``, with ``labels``, ``lanes``, ``ticks`` and ``extent``.

    See Also
    --------
    points_per_unit : how large one unit is drawn.

    Examples
    --------
    >>> import kit
    >>> pos = story_layout(kit.load_case("data/deir-ez-zor"), "russians_killed_feb7")
    >>> pos["reuters-two-killed"][0] < pos["daily-beast-200-russian-fighters"][0]  # the earlier claim further left
    True
    >>> from kit.graphview.positions import overlapping_pairs
    >>> overlapping_pairs([b["box"] for b in list(pos.labels.values()) + pos.lanes])
    []
    """
    claims, sources, _ = layout_rows(case, proposition)
    lay = layout(claims, sources)
    out = StoryLayout({k: (x, -y) for k, (x, y) in lay["nodes"].items()})
    out.labels = {k: _anchored(b, b.get("anchor", "middle")) for k, b in lay["labels"].items()}
    row_of = {row["y"]: i for i, row in enumerate(lay["lanes"])}
    members: list[list] = [[] for _ in lay["lanes"]]
    for c in sorted(claims, key=lambda c: out[c["id"]][0]):
        members[row_of[lay["nodes"][c["id"]][1]]].append(c["id"])
    out.lanes = [{**_anchored(row["label"], "end"), "claims": m} for row, m in zip(lay["lanes"], members, strict=True)]
    out.ticks = [_anchored(t["label"]) for t in lay["ticks"]]
    out.extent = (lay["left"], lay["left"] + lay["width"], -lay["height"], 0.0)
    return out


def points_per_unit(ax, extent) -> float:
    """The points one layout unit gets when ``extent`` is drawn as large as ``ax`` allows, at an equal aspect.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Placed in its figure already (its position is read now).
    extent : tuple
        ``(x0, x1, y0, y1)``.

    Returns
    -------
    float

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure(figsize=(4, 4)).add_axes((0, 0, 1, 1))
    >>> points_per_unit(ax, (0, 288, 0, 100))  # 4 in = 288 pt across
    1.0
    """
    fig_w, fig_h = ax.figure.get_size_inches()
    box = ax.get_position()
    width, height = max(extent[1] - extent[0], 1e-9), max(extent[3] - extent[2], 1e-9)
    return 72.0 * float(min(box.width * fig_w / width, box.height * fig_h / height))
