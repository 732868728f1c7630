"""The lineage picture: a claim's tree of hops down to its origins, with what falls when an origin is discredited."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import matplotlib.pyplot as plt

from kit.analysis.trace import lineage, tree_rows
from kit.graph.citation import claim_context
from kit.text.html import isolate_text
from kit.text.style import KIND_COLOURS, RELATION_STYLE, UNCHECKABLE, drift_words
from kit.text.wording import figure_label, when_words

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["plot_lineage", "lineage_figsize"]


def lineage_figsize(tree, width: float = 10.0) -> tuple:
    """The size (inches) of a lineage picture: ``width`` wide, tall enough for its rows of leaves and no more.

    Parameters
    ----------
    tree : pandas.DataFrame
        A :func:`kit.analysis.trace.lineage` tree.
    width : float

    Returns
    -------
    (float, float)

    Examples
    --------
    >>> import kit
    >>> lineage_figsize(lineage(kit.load_case("data/deir-ez-zor"), "media-confirmed-coalition"))
    (10.0, 4.0)
    """
    y = tree_rows(tree)
    leaves = int(-min(y)) + 1 if y else 1
    return (width, 1.0 + 0.75 * leaves)


def _lineage_label(sources, ctx, item, item_type, width=24):
    """A node's label; ``sources`` indexed by source_id, ``ctx`` the claim context indexed by claim_id."""
    if item_type == "source":
        name = str(sources.at[item, "name"])
        rest = f" [{sources.at[item, 'kind']}, {sources.at[item, 'reliability']}]"
    else:
        fig = figure_label(ctx.at[item, "low"], ctx.at[item, "high"])
        name = str(ctx.at[item, "outlet"])
        rest = f"{': ' + fig if fig else ''} ({ctx.at[item, 'certainty']})"
    if isolate_text(name) != name:  # a right-to-left name: isolated whole, the kit's words after it
        return isolate_text(name) + "\n" + rest.strip()
    return "\n".join(textwrap.wrap(name + rest, width)[:3])


def plot_lineage(case: Case, claim_id: str, *, ax=None, tree=None, discredited=(), lost=()):
    """Draw a claim's lineage (:func:`kit.analysis.trace.lineage`) as a tree from the claim (left) to its origins
    (right).

    Edges are drawn by relation (relies_on solid, corroborates dashed, disputes red, own reporting dotted);
    hops whose figure or meaning drifted are labelled; origins that cannot be checked are outlined in red.
    Discredited sources are struck through and the claims that fall with them greyed.

    Parameters
    ----------
    case : kit.Case
    claim_id : str
        The claim to draw.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.
    tree : pandas.DataFrame, optional
        The claim's :func:`kit.analysis.trace.lineage`, when the caller has it already.
    discredited : iterable of str
        Source ids to show as discredited.
    lost : iterable of str
        Claim ids that lose all support (e.g. :func:`kit.without`): drawn grey, labelled "falls".

    Returns
    -------
    matplotlib.axes.Axes

    See Also
    --------
    kit.widgets.ClaimTracer : the same picture, with a what-if per origin.

    Examples
    --------
    >>> import kit
    >>> ax = plot_lineage(kit.load_case("tests/cases/echo"), "e_echo", discredited=["anon"], lost=["e_echo"])
    >>> ax.get_title()
    'What News Aggregator said on 2 Jun 2022 falls without Official (unnamed)'
    """
    tree = lineage(case, claim_id) if tree is None else tree
    if ax is None:
        _, ax = plt.subplots(figsize=lineage_figsize(tree))
    discredited, lost = set(discredited), set(lost)
    parent_of = tree["parent_row"].tolist()
    y_of = tree_rows(tree)
    leaves = int(-min(y_of)) + 1 if y_of else 1
    sources = case.sources.set_index("source_id")
    kinds = sources["kind"]
    ctx = claim_context(case).set_index("claim_id")
    depth = tree["depth"].tolist()
    for i in range(1, len(tree)):
        p = parent_of[i]
        ls, colour = RELATION_STYLE.get(tree.at[i, "relation"], RELATION_STYLE["relies_on"])
        ax.annotate(
            "",
            (depth[i] - 0.08, y_of[i]),
            (depth[p] + 0.08, y_of[p]),
            arrowprops={"arrowstyle": "-|>", "linestyle": ls, "color": colour, "lw": 1.3},
        )
        drifted = drift_words(tree.iloc[i])
        note = (
            str(tree.at[i, "relation"]).replace("_", " ")
            + (" (loop)" if tree.at[i, "loop"] else "")
            + (" (already shown above)" if tree.at[i, "repeat"] else "")
        )
        if drifted:
            note += "\n" + drifted
        ax.annotate(
            note,
            (depth[p] + 0.5 * (depth[i] - depth[p]), y_of[p] + 0.5 * (y_of[i] - y_of[p])),
            ha="center",
            va="center",
            fontsize=7,
            color="#d62728" if drifted else "#555555",
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.9},
        )
    for i in range(len(tree)):
        item, kind = tree.at[i, "item"], tree.at[i, "item_type"]
        if kind == "source":
            k = kinds.get(item)
            colour, edge, marker = KIND_COLOURS.get(k, "#cccccc"), ("black" if k in UNCHECKABLE else "white"), "s"
        else:
            colour, edge, marker = KIND_COLOURS.get(kinds.get(ctx.at[item, "source_id"]), "#cccccc"), "white", "o"
        gone = item in discredited or (kind == "claim" and item in lost)
        ax.plot(
            [depth[i]], [y_of[i]], marker=marker, ms=14, color="#cccccc" if gone else colour, mec=edge, mew=2.5, ls=""
        )
        label = _lineage_label(sources, ctx, item, kind)
        if item in discredited:
            ax.plot([depth[i]], [y_of[i]], marker="x", ms=16, mew=3, color="#d62728", ls="")
            label += "\ndiscredited"
        elif gone:
            label += "\nfalls"
        ax.annotate(
            label,
            (depth[i], y_of[i]),
            xytext=(0, -12),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=7.5,
            color="#999999" if gone else "black",
        )
    ax.set_xlim(-0.6, tree["depth"].max() + 0.6)
    ax.set_ylim(-leaves + 0.25, 0.35)  # labels hang below their node: little room above the first
    ax.set_axis_off()
    c = ctx.loc[claim_id]
    said = f"What {isolate_text(c['outlet'])} said on {when_words(c)}"  # names, not the claim's id
    title = f"{said} rests on"
    if claim_id in lost and discredited:
        title = f"{said} falls without " + ", ".join(isolate_text(sources.at[s, "name"]) for s in sorted(discredited))
    ax.set_title(title, fontsize=10, color="#d62728" if claim_id in lost and discredited else "black")
    return ax
