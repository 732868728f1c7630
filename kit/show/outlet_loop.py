"""The picture of a feedback loop between outlets: the outlets on a circle, each arrow a step of the loop."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from kit.analysis.feedback import outlet_loops
from kit.schema import DEFAULT_FOLLOW
from kit.text.html import isolate_text
from kit.text.style import KIND_COLOURS, UNCHECKABLE
from kit.text.tables import claim_names

__all__ = ["plot_outlet_loop"]


def plot_outlet_loop(case, *, loop: int = 0, follow=DEFAULT_FOLLOW, ax=None):
    """Draw one loop of :func:`kit.analysis.feedback.outlet_loops`: its outlets on a circle, an arrow from an
    outlet to the outlet its claims rest on, labelled with those claims, so the loop is seen going round.

    A solid arrow is a step the reports state, a dashed one a step read from the evidence (``inferred`` or
    ``suspected``); an outlet that cannot be checked (anonymous, social media) has a red outline, as in
    :func:`kit.show.plot_citation_graph`.

    Parameters
    ----------
    case : kit.Case
    loop : int, default 0
        Which loop (the ``loop`` column of :func:`~kit.analysis.feedback.outlet_loops`).
    follow : iterable of str, default ("stated", "inferred")
        The citation bases to follow.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        When the case has no such loop (the message says how many it has).

    See Also
    --------
    kit.show.plot_outlet_graph : every outlet and every citation between them.

    Examples
    --------
    >>> import kit, kit.show
    >>> ax = kit.show.plot_outlet_loop(kit.load_case("data/deir-ez-zor"))
    >>> ax.get_title().splitlines()[0]
    'A loop between outlets: Other media (unnamed) → Local Russian communities (contacts, unnamed) → back'
    """
    rows = outlet_loops(case, follow=follow)
    n_loops = int(rows["loop"].max()) + 1 if len(rows) else 0
    if not 0 <= loop < n_loops:
        raise ValueError(f"the case has {n_loops} loop{'' if n_loops == 1 else 's'} between outlets, so no loop {loop}")
    rows = rows[rows["loop"] == loop]
    src = case.sources.set_index("source_id")
    order: list[str] = []
    for a, b in zip(rows["cited_outlet"], rows["outlet"], strict=True):  # the order the loop is told in
        for s in (a, b):
            if s not in order:
                order.append(s)
    names = claim_names(case)
    if ax is None:
        fig, ax = plt.subplots(figsize=(11, 7))
    angle = np.pi / 2 - 2 * np.pi * np.arange(len(order)) / len(order)
    where = {s: (1.6 * np.cos(a), np.sin(a)) for s, a in zip(order, angle, strict=True)}
    if len(order) == 2:
        where = {order[0]: (-1.6, 0.0), order[1]: (1.6, 0.0)}
    for s, (x, y) in where.items():
        kind = src.at[s, "kind"]
        ax.scatter(
            [x],
            [y],
            s=900,
            color=KIND_COLOURS.get(kind, "#999999"),
            zorder=3,
            edgecolors="#d62728" if kind in UNCHECKABLE else "white",
            linewidths=3,
        )
        label = "\n".join(textwrap.wrap(isolate_text(str(src.at[s, "name"])), 22))
        side = "right" if x < -0.1 else "left" if x > 0.1 else "center"  # outside the circle, clear of the arrows
        dx = {"right": -0.22, "left": 0.22, "center": 0.0}[side]
        dy = 0.0 if side != "center" else (0.22 if y > 0 else -0.22)
        ax.text(
            x + dx,
            y + dy,
            label,
            ha=side,
            va="center" if side != "center" else ("bottom" if y > 0 else "top"),
            fontsize=10,
        )
    for (a, b), hop in rows.groupby(["outlet", "cited_outlet"], sort=False):
        inferred = (hop["basis"] != "stated").all()
        arrow = FancyArrowPatch(
            where[a],
            where[b],
            connectionstyle="arc3,rad=0.45",
            arrowstyle="-|>",
            mutation_scale=18,
            linestyle="--" if inferred else "-",
            color="#444444",
            linewidth=1.6,
            shrinkA=22,
            shrinkB=22,
            zorder=2,
        )
        ax.add_patch(arrow)
        lines = []
        for c, d, basis in zip(hop["claim_id"], hop["cites"], hop["basis"], strict=True):
            lines.append(
                f"{_short(names[c], src.at[a, 'name'])}\n   rests on {_short(names[d], src.at[b, 'name'])}"
                + ("" if basis == "stated" else f" ({basis})")
            )
        (xa, ya), (xb, yb) = where[a], where[b]
        mx, my = (xa + xb) / 2, (ya + yb) / 2
        nx_, ny_ = (yb - ya), -(xb - xa)  # the side arc3 bends to
        norm = float(np.hypot(nx_, ny_)) or 1.0
        lx, ly = mx + 0.45 * 1.15 * nx_ / norm * np.hypot(xb - xa, yb - ya) / 2, my + 0.45 * 1.15 * ny_ / norm
        ax.text(
            lx,
            ly,
            "\n".join(lines),
            ha="center",
            va="bottom" if ly >= my else "top",
            fontsize=8.5,
            bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": "#cccccc"},
            zorder=4,
        )
    circle = " → ".join(isolate_text(str(src.at[s, "name"])) for s in order)
    ax.set_title(
        f"A loop between outlets: {circle} → back\narrows: rests on; dashed: a step read from the evidence, not stated",
        fontsize=11,
    )
    ax.legend(
        handles=[
            Line2D([], [], color="#444444", label="stated"),
            Line2D([], [], color="#444444", linestyle="--", label="inferred (read from the evidence)"),
        ],
        loc="lower right",
        fontsize=8,
        frameon=False,
    )
    ax.set_xlim(-3.2, 3.2)
    ax.set_ylim(-2.0, 2.0)
    ax.set_axis_off()
    return ax


def _short(name: str, outlet: str) -> str:
    """A claim's name without its outlet in front (the outlet is the node the arrow leaves or reaches)."""
    for prefix in (f"{outlet}: ",):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name.split(": ", 1)[-1]
