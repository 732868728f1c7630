"""The citation graph of a case with matplotlib: the story's graph, the picture and its legend.

Imported only when used (``import kit.show`` or ``kit.show``), so ``import kit`` stays light and headless.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from kit.analysis.findings import circular
from kit.analysis.selection import shown_with
from kit.graph.citation import citation_graph, own_reporting
from kit.graphview.positions import FONT_SIZE, NODE_RADIUS
from kit.schema import OWN_REPORTING
from kit.show.placement import NATURAL_POINTS, RING_RADIUS, StoryLayout, points_per_unit, story_layout
from kit.text.html import isolate_text
from kit.text.style import KIND_COLOURS, RELATION_STYLE, UNCHECKABLE
from kit.text.wording import date_words, proposition_words

if TYPE_CHECKING:
    from kit.case import Case

__all__ = [
    "HIGHLIGHT_SCALE",
    "story_graph",
    "plot_citation_graph",
    "graph_title",
    "legend_html",
]

#: how much larger (in area) the highlighted claim's circle is than a claim's
HIGHLIGHT_SCALE = (RING_RADIUS / NODE_RADIUS) ** 2


def story_graph(case: Case, proposition=None):
    """The part of the citation graph a picture of ``proposition`` shows: its claims, everything they cite, and
    the outlets that claims resting on their own reporting stand on (:func:`kit.analysis.selection.shown_with`; the
    whole graph
    when no proposition).

    Parameters
    ----------
    case : kit.Case
    proposition : str, optional
        The question; None for the whole case.

    Returns
    -------
    networkx.DiGraph
        A new subgraph of :func:`kit.citation_graph`; ``graph["own_reporting"]`` is the set of claims resting on
        their own publisher.

    See Also
    --------
    story_layout : where each of its nodes is drawn.

    Examples
    --------
    >>> import kit
    >>> sorted(story_graph(kit.testing.examples.diamond(), "deaths"))  # Wire A's claim rests on its own reporting
    ['paper-b-12', 'paper-c-12', 'site-d-12', 'wire-a', 'wire-a-12']
    >>> g = story_graph(kit.load_case("data/deir-ez-zor"), "russians_killed_feb7")
    >>> ("bloomberg_two_russians" in g, "december-mod-41-troops" in g)
    (True, False)
    """
    g = citation_graph(case)
    own = own_reporting(case)
    g.graph["own_reporting"] = set(own.index[own.to_numpy()])  # the claims resting on their publisher
    if proposition is None:
        return g
    sub = g.subgraph(shown_with(case, proposition)).copy()  # the claims, what they cite, own publishers
    sub.graph.update(g.graph)
    return sub


def plot_citation_graph(
    case: Case,
    proposition=None,
    *,
    ax=None,
    upto=None,
    highlight=None,
    pos=None,
    graph=None,
    loops=None,
    legend=True,
    claims=None,
    artists=None,
):
    """Draw the citation graph: claims by publication time, sources on the left, coloured by kind.

    Edges are drawn by relation (relies_on solid, corroborates dashed, disputes red); anonymous and
    social-media sources get a thick red outline; claims in a loop a dotted ring. Nodes and labels stand where
    the explorable graph puts them (:func:`story_layout`): no label overlaps another or a node. Every size is
    scaled to what the axes give the layout (:func:`kit.show.placement.points_per_unit`), so a picture drawn
    into small axes is small but keeps its labels apart (while its type is over matplotlib's smallest, 1 pt);
    drawn without ``ax``, the figure is sized to the layout: 8 pt labels while the graph fits in 16 in, smaller
    down to 4 pt, then as wide as it takes.

    Parameters
    ----------
    proposition : str, optional
        Draw only the claims about it and what they cite.
    upto : pandas.Timestamp, optional
        Draw only claims published by then (the graph as it stood at that moment).
    highlight : str, optional
        A claim id to draw larger (e.g. the newest).
    pos : StoryLayout, optional
        :func:`story_layout` of the case and proposition, when the caller has it (a plain dict of positions moves
        the nodes, and the labels stay where the layout put them).
    graph, loops : optional
        :func:`story_graph` and :func:`kit.circular` of the case, when the caller draws many moments of one story
        and has them already (they are only read, never changed).
    legend : bool
        Draw the legend beside the graph (default). A caller showing :func:`legend_html` once leaves it out.
    claims : iterable of str, optional
        Draw only these claims (a story's step, :func:`kit.text.story.claims_by`); with ``upto``, the title's moment.
        Either way only the sources the drawn claims cite, or rest on, are drawn.
    artists : dict, optional
        Filled with every artist drawn, each node, edge and label its own: ``("node", id)``, ``("ring", id)`` (a
        loop's ring), ``("edge", u, v)``, ``("label", id)`` and ``("lane", claim)`` (an outlet's name, keyed by
        the lane's first claim; its claims are ``pos.lanes``) to lists of artists, for a caller that shows moments
        of one story by hiding and showing them (:class:`kit.show.steps.StepPicture`) instead of drawing each anew.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import kit, kit.show
    >>> case = kit.testing.synth.make_case(30)
    >>> ax = kit.show.plot_citation_graph(case, case.claims["proposition"].iloc[0])
    >>> ax.get_title() != ""
    True
    """
    g = (story_graph(case, proposition) if graph is None else graph).copy()
    lay = pos if isinstance(pos, StoryLayout) else story_layout(case, proposition)
    pos = pos or lay
    g.remove_nodes_from([n for n in g if n not in pos])  # the whole case's graph has sources nothing cites
    if upto is not None:
        upto = pd.Timestamp(upto)
    if claims is not None or upto is not None:
        keep = set(claims) if claims is not None else None
        hidden = [
            n
            for n, d in g.nodes(data=True)
            if d["node_type"] == "claim" and (n not in keep if keep is not None else d["published"] > upto)
        ]
        g.remove_nodes_from(hidden)
        resting_on = {g.nodes[n]["source_id"] for n in g if n in g.graph.get("own_reporting", ())}
        g.remove_nodes_from(
            [
                n
                for n, d in g.nodes(data=True)
                if d["node_type"] == "source" and g.in_degree(n) == 0 and n not in resting_on
            ]
        )  # only sources cited so far
    x0, x1, y0, y1 = lay.extent
    if ax is None:
        k = max(min(NATURAL_POINTS, 16.0 * 72 / (x1 - x0)), NATURAL_POINTS / 2)  # 8 pt labels in 16 in, or 4 pt
        w_in, h_in = (x1 - x0) * k / 72, (y1 - y0) * k / 72
        extra = 1.9 if legend else 0.2  # the legend's column
        _, ax = plt.subplots(figsize=(w_in + extra, h_in + 0.5))
        ax.set_position((0.1 / (w_in + extra), 0.1 / (h_in + 0.5), w_in / (w_in + extra), h_in / (h_in + 0.5)))
    pt = points_per_unit(ax, lay.extent)
    k = pt / NATURAL_POINTS  # 1 at the picture's own size
    line = min(max(k, 0.3), 1.5)  # line widths and arrows: thinner when small, never gone
    claim_size, ring_size = (2 * NODE_RADIUS * pt) ** 2, (2 * RING_RADIUS * pt) ** 2
    font = {"fontsize": FONT_SIZE * pt, "fontfamily": "DejaVu Sans"}  # the face the layout's widths are for
    src_kind = case.sources.set_index("source_id")["kind"].to_dict()
    claims = [n for n, d in g.nodes(data=True) if d["node_type"] == "claim"]
    sources = [n for n, d in g.nodes(data=True) if d["node_type"] == "source"]
    one = artists is not None  # each node, edge and label its own artist, recorded for the caller to show or hide

    def record(key, artist):
        if one:
            artists.setdefault(key, []).append(artist)
        return artist

    def draw_nodes(nodelist, key, **style):
        if not one:
            return [nx.draw_networkx_nodes(g, pos, nodelist=nodelist, ax=ax, **style)] if nodelist else []
        drawn = []
        for i, n in enumerate(nodelist):
            each = {k: [v[i]] if isinstance(v, list) else v for k, v in style.items()}
            drawn.append(record((key, n), nx.draw_networkx_nodes(g, pos, nodelist=[n], ax=ax, **each)))
        return drawn

    def draw_edges(edges, style, colour, width):
        drawn = nx.draw_networkx_edges(
            g,
            pos,
            edgelist=edges,
            ax=ax,
            style=style,
            edge_color=colour,
            arrows=True,
            arrowsize=10 * line,
            node_size=claim_size,
            width=width * line,
        )
        for (u, v), arrow in zip(edges, drawn, strict=True):
            record(("edge", u, v), arrow)

    for relation, (style, colour) in RELATION_STYLE.items():
        edges = [(u, v) for u, v, d in g.edges(data=True) if d["relation"] == relation]
        if edges:
            draw_edges(edges, style, colour, 1.2)
    resting = g.graph.get("own_reporting")
    if resting is None:
        mask = own_reporting(case)
        resting = set(mask.index[mask.to_numpy()])
    own = [(n, g.nodes[n]["source_id"]) for n in claims if n in resting and g.nodes[n]["source_id"] in g]
    if own:
        draw_edges(own, *RELATION_STYLE[OWN_REPORTING], 0.9)
    colours = [KIND_COLOURS.get(src_kind.get(g.nodes[n]["source_id"]), "#cccccc") for n in claims]
    draw_nodes(
        claims,
        "node",
        node_color=colours,
        node_size=[ring_size if n == highlight else claim_size for n in claims],
        edgecolors=["black" if n == highlight else "white" for n in claims],
        linewidths=1.5 * line,
    )
    uncheckable = [g.nodes[n]["kind"] in UNCHECKABLE for n in sources]
    draw_nodes(
        sources,
        "node",
        node_shape="s",
        node_size=claim_size,
        node_color=[KIND_COLOURS.get(g.nodes[n]["kind"], "#cccccc") for n in sources],
        edgecolors=["#d62728" if u else "white" for u in uncheckable],
        linewidths=[2.5 * line if u else 1.0 * line for u in uncheckable],
    )
    looped = {c for loop in (circular(case) if loops is None else loops) for c in loop} & set(claims)
    for ring in draw_nodes(
        sorted(looped), "ring", node_size=ring_size, node_color="none", edgecolors="#d62728", linewidths=1.2 * line
    ):
        ring.set_linestyle(":")

    backdrop = {"boxstyle": "square,pad=0.05", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}

    def label(spec, **style):  # on a white backdrop: the edges that cross a label pass behind it
        return ax.text(spec["x"], spec["y"], spec["text"], ha=spec["ha"], va="center", bbox=backdrop, **font, **style)

    drawn = set(claims)
    for lane in lay.lanes:  # each outlet named once, at the left of its lane
        shown = [n for n in lane["claims"] if n in drawn]
        if shown:
            record(("lane", lane["claims"][0]), label(lane, color="#333333", fontstyle="italic"))
    for n in claims + sources:
        if n in lay.labels:
            record(("label", n), label(lay.labels[n]))
    for tick in lay.ticks:  # the dates, above the lanes
        label(tick, color="#777777")
    kinds = sorted(
        {src_kind.get(g.nodes[n]["source_id"]) for n in claims} | {g.nodes[n]["kind"] for n in sources} - {None}
    )
    handles: list[Artist] = [Patch(color=KIND_COLOURS[k], label=k) for k in kinds]
    handles += [
        Line2D([], [], color=colour, ls=style, label=relation.replace("_", " "))
        for relation, (style, colour) in RELATION_STYLE.items()
    ]
    handles += [Line2D([], [], marker="s", ls="", mfc="white", mec="#d62728", mew=2, label="cannot be checked")]
    if legend:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    ax.set_title(graph_title(case, proposition, upto), fontsize=10)
    ax.set_axis_off()
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal", adjustable="box")  # one unit as wide as it is high: the sizes above hold
    return ax


def graph_title(case: Case, proposition=None, upto=None) -> str:
    """The title of the citation graph: the case's title, the proposition in words where the title does not
    already ask it, and the moment shown.

    Parameters
    ----------
    case : kit.Case
    proposition : str, optional
    upto : pandas.Timestamp, optional

    Returns
    -------
    str

    Examples
    --------
    >>> import kit
    >>> case = kit.load_case("data/deir-ez-zor")
    >>> graph_title(case, "russians_killed_feb7")
    'Deir ez-Zor, 7 February 2018: how many Russians were killed?'
    >>> graph_title(case, "progov_killed_feb7", "2018-02-13")
    'Deir ez-Zor, 7 February 2018: how many Russians were killed? (progov killed feb7) (as of 13 Feb 2018)'
    """
    title = isolate_text(case.title)  # case text: a right-to-left title cannot reorder the kit's words after it
    if proposition is None:
        title += ": who cites whom"
    else:
        words = proposition_words(case, proposition)
        if not str(case.title).lower().endswith(words.lower()):
            title += f" ({isolate_text(words)})"
    return title + (f" (as of {date_words(upto)})" if upto is not None else "")


def legend_html(case: Case, proposition=None) -> str:
    """The citation graph's legend as a line of HTML: the source kinds in the story, edges, and unchecked sources.

    Parameters
    ----------
    case : kit.Case
    proposition : str, optional
        The question whose picture the legend is for; None for the whole case.

    Returns
    -------
    str
        One ``<div class="kit-legend">``: a coloured box per source kind shown, a line per relation and for own
        reporting, and the mark of a source that cannot be checked. Kinds are escaped.

    See Also
    --------
    plot_citation_graph : the picture it explains.

    Examples
    --------
    >>> import kit, re
    >>> re.findall(r"</span>([a-z ]+)", legend_html(kit.testing.examples.diamond(), "deaths"))[:3]  # the kinds shown
    ['newspaper', 'online', 'wire']
    >>> html = legend_html(kit.load_case("data/deir-ez-zor"), "russians_killed_feb7")
    >>> "anonymous" in html and "wire" in html and "corroborates" in html
    True
    """
    import html

    g = story_graph(case, proposition)
    src_kind = case.sources.set_index("source_id")["kind"].to_dict()
    kinds = sorted(
        {
            d.get("kind") if d["node_type"] == "source" else src_kind.get(d.get("source_id"))
            for _, d in g.nodes(data=True)
        }
        - {None}
    )  # sources, and the outlets that publish the claims
    box = (
        '<span style="display:inline-block;width:10px;height:10px;background:{c};margin:0 3px 0 10px;'
        'vertical-align:middle"></span>{k}'
    )
    line = (
        '<span style="display:inline-block;width:22px;border-top:2px {s} {c};margin:0 3px 0 10px;'
        'vertical-align:middle"></span>{k}'
    )
    parts = [box.format(c=KIND_COLOURS.get(k, "#cccccc"), k=html.escape(str(k))) for k in kinds]
    parts += [
        line.format(s=style, c=colour, k=relation.replace("_", " "))
        for relation, (style, colour) in RELATION_STYLE.items()
    ]
    parts += [
        '<span style="display:inline-block;width:8px;height:8px;border:2px solid #d62728;margin:0 3px 0 10px;'
        'vertical-align:middle"></span>cannot be checked'
    ]
    return '<div class="kit-legend" style="font-size:80%;line-height:1.8">' + "".join(parts) + "</div>"
