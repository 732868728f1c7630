"""The outlet graph picture: who cites whom among outlets, origins on the right, support and disputes apart."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
import networkx as nx
from matplotlib.artist import Artist
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from kit.graph.citation import outlet_graph
from kit.schema import SUPPORTING
from kit.text.html import isolate_text
from kit.text.style import KIND_COLOURS, RELATION_STYLE, UNCHECKABLE

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["plot_outlet_graph"]


def plot_outlet_graph(case: Case, *, ax=None):
    """Draw :func:`kit.outlet_graph`: one node per outlet that cites or is cited, origins on the right.

    Columns: each outlet stands left of every outlet it cites (a loop of outlets shares a column). Support
    (relies on, corroborates) and disputes are drawn as separate arcs, so an outlet that both relies on and disputes
    another shows both; arc width grows with the number of citations. Labels sit above their node, a legend beside.

    Parameters
    ----------
    case : kit.Case
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.

    Returns
    -------
    matplotlib.axes.Axes

    See Also
    --------
    kit.analysis.outlets.outlet_roles : the same graph as a table of roles.

    Examples
    --------
    >>> import kit
    >>> ax = plot_outlet_graph(kit.load_case("tests/cases/disputes"))
    >>> sorted(t.get_text() for t in ax.get_legend().get_texts())[:2]
    ['cannot be checked', 'disputes']
    """
    outlets = nx.DiGraph()
    full = outlet_graph(case)
    outlets.add_nodes_from(n for n in full if full.degree(n) > 0)
    outlets.add_edges_from(full.subgraph(outlets).edges(data=True))
    if ax is None:
        fig, ax = plt.subplots(figsize=(12, 7.5))
        fig.subplots_adjust(left=0.02, right=0.8)
    src = case.sources.set_index("source_id")
    layers = nx.condensation(outlets)
    for node in reversed(list(nx.topological_sort(layers))):
        layers.nodes[node]["depth"] = 1 + max([layers.nodes[m]["depth"] for m in layers.successors(node)] + [-1])
    columns: dict = {}
    for n in sorted(outlets, key=lambda n: str(src.at[n, "name"]).lower()):
        columns.setdefault(layers.nodes[layers.graph["mapping"][n]]["depth"], []).append(n)
    deepest = max(columns, default=0)
    tallest = max((len(col) for col in columns.values()), default=1)
    pos: dict = {}
    for d in sorted(columns, reverse=True):  # left to right; each node near the mean height of those citing it
        col = columns[d]
        gap = min(2.0, (tallest - 1) / (len(col) - 1)) if len(col) > 1 else 0.0

        def height(n, col=col):
            above = [pos[m][1] for m in outlets.predecessors(n) if m in pos]
            return (-sum(above) / len(above), col.index(n)) if above else (0.0, col.index(n))

        for k, n in enumerate(sorted(col, key=height)):
            pos[n] = (float(deepest - d), gap * ((len(col) - 1) / 2 - k))
    for relations, rad, (style, colour) in (
        (SUPPORTING, 0.08, RELATION_STYLE["relies_on"]),
        (("disputes",), -0.18, RELATION_STYLE["disputes"]),
    ):
        edges = [(u, v, sum(d["relations"].get(r, 0) for r in relations)) for u, v, d in outlets.edges(data=True)]
        edges = [e for e in edges if e[2]]
        if edges:
            nx.draw_networkx_edges(
                outlets,
                pos,
                edgelist=[(u, v) for u, v, _ in edges],
                ax=ax,
                node_size=500,
                arrowsize=14,
                connectionstyle=f"arc3,rad={rad}",
                edge_color=colour,
                style=style,
                width=[1 + w for *_, w in edges],
            )
    kinds = [src.at[n, "kind"] for n in outlets]
    nx.draw_networkx_nodes(
        outlets,
        pos,
        ax=ax,
        node_size=500,
        node_color=[KIND_COLOURS.get(k, "#cccccc") for k in kinds],
        edgecolors=["black" if k in UNCHECKABLE else "white" for k in kinds],
        linewidths=2.5,
    )
    for n, (x, y) in pos.items():  # origins (the right-hand column) labelled to the right, the others above
        right = x == deepest and deepest > 0
        ax.annotate(
            isolate_text(textwrap.fill(str(src.at[n, "name"]), 34 if right else 22)),
            (x, y),
            xytext=(13, 0) if right else (0, 12),
            textcoords="offset points",
            ha="left" if right else "center",
            va="center" if right else "bottom",
            fontsize=8,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
        )
    handles: list[Artist] = [Patch(color=KIND_COLOURS.get(k, "#cccccc"), label=k) for k in sorted(set(kinds))]
    handles += [
        Line2D([], [], color=RELATION_STYLE["relies_on"][1], label="relies on / corroborates"),
        Line2D([], [], color=RELATION_STYLE["disputes"][1], label="disputes"),
        Line2D([], [], marker="o", ls="", mfc="white", mec="black", mew=2, label="cannot be checked"),
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    ax.set_title(
        isolate_text(textwrap.fill(str(case.title), 80))
        + ": who cites whom"
        + "\neach outlet left of those it cites; origins on the right; arc width: citations",
        fontsize=10,
    )
    ys = [p[1] for p in pos.values()] or [0]
    ax.set_xlim(-0.6, deepest + 1.1)  # room for the origins' labels on the right
    ax.set_ylim(min(ys) - 0.6, max(ys) + 0.9)
    ax.set_axis_off()
    return ax
