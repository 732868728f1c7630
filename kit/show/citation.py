"""The citation graph of a case with matplotlib: its stable layout, the picture and its legend.

Imported only when used (``import kit.show`` or ``kit.show``), so ``import kit`` stays light and headless.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..analyses import circular
from ..graph import citation_graph, own_reporting
from ..html import isolate_text
from ..shown import publication_key, shown_with
from ..style import KIND_COLOURS, OWN_REPORTING, RELATION_STYLE, UNCHECKABLE
from ..wording import date_words, figure_label, proposition_words

__all__ = [
    "CLAIM_SIZE",
    "HIGHLIGHT_SIZE",
    "story_graph",
    "story_layout",
    "plot_citation_graph",
    "graph_title",
    "legend_html",
]

#: the area of a claim's circle (points²)
CLAIM_SIZE = 450
#: the area of the highlighted claim's circle (points²)
HIGHLIGHT_SIZE = 900


def story_graph(case, proposition=None):
    """The part of the citation graph a picture of ``proposition`` shows: its claims, everything they cite, and
    the outlets that claims resting on their own reporting stand on (:func:`kit.shown.shown_with`; the whole graph
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
    >>> sorted(story_graph(kit.examples.diamond(), "deaths"))  # Wire A's claim rests on its own reporting
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


def story_layout(case, proposition=None) -> dict:
    """Stable positions: claims left to right in order of publication, one row per outlet; sources on the left.

    The same case and proposition always give the same positions, so pictures of successive moments line up.

    Parameters
    ----------
    case : kit.Case
    proposition : str, optional
        The question; None for the whole case.

    Returns
    -------
    dict
        Node id -> ``(x, y)``: claim ``i`` (in order of publication, :func:`kit.shown.publication_key`) at
        ``x = i + 1``, each outlet's claims on a row of their own (``y = 0, -1, ...``), sources at ``x = -0.5``.

    See Also
    --------
    story_graph : the nodes placed.

    Examples
    --------
    >>> import kit
    >>> pos = story_layout(kit.examples.diamond(), "deaths")
    >>> pos["wire-a-12"], pos["site-d-12"], pos["wire-a"]  # first and last claim; Wire A beside its own claim
    ((1.0, -0.0), (4.0, -3.0), (-0.5, -0.0))
    """
    g = story_graph(case, proposition)
    claims = sorted(
        (n for n, d in g.nodes(data=True) if d["node_type"] == "claim"),
        key=lambda n: publication_key(g.nodes[n]["published"], g.nodes[n].get("published_latest"), n),
    )
    sources = sorted(n for n, d in g.nodes(data=True) if d["node_type"] == "source")
    lanes = list(dict.fromkeys(g.nodes[n]["source_id"] for n in claims))  # one lane per outlet
    pos = {}
    for i, n in enumerate(claims):
        pos[n] = (1.0 + i, -float(lanes.index(g.nodes[n]["source_id"])))
    lane_of: dict = {}
    for n in claims:  # each source beside the first lane that cites it (or publishes a claim resting on it)
        for m in list(g.successors(n)) + [g.nodes[n]["source_id"]]:
            if m in g and g.nodes[m]["node_type"] == "source":
                lane_of.setdefault(m, pos[n][1])
    ys: dict = {}
    for n in sorted(sources, key=lambda s: (-lane_of.get(s, 1.0), s)):
        y = lane_of.get(n, 1.0)
        while any(abs(y - other) < 0.85 for other in ys.values()):
            y -= 0.9
        ys[n] = y
    for n in sources:
        pos[n] = (-0.5, ys[n])
    return pos


def plot_citation_graph(
    case,
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
    social-media sources get a thick red outline; claims in a loop a dotted ring.

    Parameters
    ----------
    proposition : str, optional
        Draw only the claims about it and what they cite.
    upto : pandas.Timestamp, optional
        Draw only claims published by then (the graph as it stood at that moment).
    highlight : str, optional
        A claim id to draw larger (e.g. the newest).
    pos : dict, optional
        Node positions; :func:`story_layout` by default.
    graph, loops : optional
        :func:`story_graph` and :func:`kit.circular` of the case, when the caller draws many moments of one story
        and has them already (they are only read, never changed).
    legend : bool
        Draw the legend beside the graph (default). A caller showing :func:`legend_html` once leaves it out.
    claims : iterable of str, optional
        Draw only these claims (a story's step, :func:`kit.story.claims_by`); with ``upto``, the title's moment.
        Either way only the sources the drawn claims cite, or rest on, are drawn.
    artists : dict, optional
        Filled with every artist drawn, each node, edge and label its own: ``("node", id)``, ``("ring", id)`` (a
        loop's ring), ``("edge", u, v)``, ``("label", id)`` and ``("lane", claim)`` (an outlet's name, shown at its
        first claim, hidden at the others) to lists of artists, for a caller that shows moments of one story by
        hiding and showing them (:class:`kit.show.steps.StepPicture`) instead of drawing each anew.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import kit, kit.show
    >>> case = kit.synth.make_case(30)
    >>> ax = kit.show.plot_citation_graph(case, case.claims["proposition"].iloc[0])
    >>> ax.get_title() != ""
    True
    """
    g = (story_graph(case, proposition) if graph is None else graph).copy()
    pos = pos or story_layout(case, proposition)
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
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 6))
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

    for relation, (style, colour) in RELATION_STYLE.items():
        edges = [(u, v) for u, v, d in g.edges(data=True) if d["relation"] == relation]
        if edges:
            drawn = nx.draw_networkx_edges(
                g,
                pos,
                edgelist=edges,
                ax=ax,
                style=style,
                edge_color=colour,
                arrows=True,
                arrowsize=12,
                node_size=600,
                width=1.3,
            )
            for (u, v), arrow in zip(edges, drawn, strict=True):
                record(("edge", u, v), arrow)
    resting = g.graph.get("own_reporting")
    if resting is None:
        mask = own_reporting(case)
        resting = set(mask.index[mask.to_numpy()])
    own = [(n, g.nodes[n]["source_id"]) for n in claims if n in resting and g.nodes[n]["source_id"] in g]
    if own:
        style, colour = RELATION_STYLE[OWN_REPORTING]
        drawn = nx.draw_networkx_edges(
            g,
            pos,
            edgelist=own,
            ax=ax,
            style=style,
            edge_color=colour,
            arrows=True,
            arrowsize=10,
            node_size=600,
            width=1.0,
        )
        for (u, v), arrow in zip(own, drawn, strict=True):
            record(("edge", u, v), arrow)
    colours = [KIND_COLOURS.get(src_kind.get(g.nodes[n]["source_id"]), "#cccccc") for n in claims]
    draw_nodes(
        claims,
        "node",
        node_color=colours,
        node_size=[HIGHLIGHT_SIZE if n == highlight else CLAIM_SIZE for n in claims],
        edgecolors=["black" if n == highlight else "white" for n in claims],
        linewidths=2,
    )
    draw_nodes(
        sources,
        "node",
        node_shape="s",
        node_size=420,
        node_color=[KIND_COLOURS.get(g.nodes[n]["kind"], "#cccccc") for n in sources],
        edgecolors=["#d62728" if g.nodes[n]["kind"] in UNCHECKABLE else "white" for n in sources],
        linewidths=[3 if g.nodes[n]["kind"] in UNCHECKABLE else 1 for n in sources],
    )
    looped = {c for loop in (circular(case) if loops is None else loops) for c in loop} & set(claims)
    for ring in draw_nodes(
        sorted(looped), "ring", node_size=1400, node_color="none", edgecolors="#d62728", linewidths=1.5
    ):
        ring.set_linestyle(":")
    lanes: dict = {}
    for n in claims:  # each outlet named once, at its first claim (every claim's copy recorded, hidden, when one)
        first = g.nodes[n]["outlet"] not in lanes
        lanes.setdefault(g.nodes[n]["outlet"], n)
        if first or one:
            x, y = pos[n]
            label = ax.annotate(
                isolate_text(g.nodes[n]["outlet"]),
                (x, y),
                xytext=(-14, 9),
                textcoords="offset points",
                ha="right",
                va="bottom",
                fontsize=8,
                fontweight="bold",
                color="#333333",
            )
            label.set_visible(first)
            record(("lane", n), label)
    for n in claims:
        x, y = pos[n]
        text = figure_label(g.nodes[n]["low"], g.nodes[n]["high"])
        label = ax.annotate(
            text, (x, y), xytext=(0, -16), textcoords="offset points", ha="center", va="top", fontsize=7.5
        )
        record(("label", n), label)
    for n in sources:  # sources stand in one column: their names to the left, beside the square, not under it
        x, y = pos[n]
        label = ax.annotate(
            isolate_text("\n".join(textwrap.wrap(str(g.nodes[n]["name"]), 24)[:2])),
            (x, y),
            xytext=(-12, 0),
            textcoords="offset points",
            ha="right",
            va="center",
            fontsize=7.5,
        )
        record(("label", n), label)
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
    xs = [p[0] for p in pos.values()] or [0]
    ys = [p[1] for p in pos.values()] or [0]
    ax.set_xlim(min(xs) - 3.2, max(xs) + 0.8)  # room for the sources' names on the left
    ax.set_ylim(min(ys) - 1.0, max(ys) + 0.6)
    return ax


def graph_title(case, proposition=None, upto=None) -> str:
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
    'Deir ez-Zor, 7 February 2018: how many Russians were killed? (progov killed feb7), as of 13 Feb 2018'
    """
    title = isolate_text(case.title)  # case text: a right-to-left title cannot reorder the kit's words after it
    if proposition is None:
        title += ": who cites whom"
    else:
        words = proposition_words(case, proposition)
        if not str(case.title).lower().endswith(words.lower()):
            title += f" ({isolate_text(words)})"
    return title + (f", as of {date_words(upto)}" if upto is not None else "")


def legend_html(case, proposition=None) -> str:
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
    >>> re.findall(r"</span>([a-z ]+)", legend_html(kit.examples.diamond(), "deaths"))[:3]  # the kinds shown
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
