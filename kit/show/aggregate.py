"""The story graph drawn the fast way, for stories too large to label: claims pooled per outlet and day.

:class:`kit.widgets.StoryStepper` uses it past ``max_nodes`` claims: the arrays are built once per story, and each
moment is drawn from a mask of the claims shown, with line collections instead of one artist per edge.

Examples
--------
>>> import kit, numpy as np, matplotlib.pyplot as plt
>>> from kit.graph.citation import claim_context
>>> from kit.show import story_layout
>>> case = kit.testing.synth.make_case(60)
>>> prop = case.claims["proposition"].iloc[0]
>>> ctx = claim_context(case)
>>> ctx = ctx[ctx["proposition"] == prop].sort_values(["published", "claim_id"])
>>> pic = StoryAggregate(case, ctx, story_layout(case, prop), prop)
>>> _, ax = plt.subplots()
>>> pic.draw_graph(ax, np.ones(len(ctx), dtype=bool), None, ctx["published"].max())
>>> ax.get_title().startswith(case.title)
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.ticker import ScalarFormatter

from kit.show.citation_graph import graph_title
from kit.show.timeline import timeline_title
from kit.text.style import KIND_COLOURS, RELATION_STYLE, UNCHECKABLE

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["StoryAggregate"]


class StoryAggregate:
    """Arrays for the fast picture of one story: one node per (outlet, day) bucket of claims, one per cited source.

    Parameters
    ----------
    case : kit.Case
    ctx : pandas.DataFrame
        The story's claims (:func:`kit.graph.citation.claim_context` rows) in order of publication.
    pos : dict
        :func:`kit.show.story_layout` of the story (the lanes of the outlets).
    proposition : str, optional
        For the titles.
    """

    def __init__(self, case: Case, ctx, pos, proposition=None):
        self.case, self.proposition = case, proposition
        self._ctx = ctx = ctx.reset_index(drop=True)
        self.pos = pos
        lanes = np.array([self.pos[c][1] for c in ctx["claim_id"]])
        day_index = pd.factorize(ctx["published"].dt.floor("D"), sort=True)[0]
        bucket, uniques = pd.factorize(pd.Series(list(zip(lanes, day_index, strict=False))))
        n_buckets = len(uniques)
        kinds = case.sources.set_index("source_id")["kind"]
        index = {c: i for i, c in enumerate(ctx["claim_id"])}
        cit = case.citations[case.citations["claim_id"].isin(index)]
        cited_sources = sorted(set(cit["cites"]) - set(index) - set(ctx["claim_id"]) & set(kinds.index))
        src_node = {sid: n_buckets + k for k, sid in enumerate(cited_sources)}
        xy = [(1.0 + d, y) for y, d in uniques] + [
            (-0.5, self.pos.get(sid, (0, -k))[1]) for k, sid in enumerate(cited_sources)
        ]
        self.xy = np.array(xy, dtype=float).reshape(-1, 2)
        self.bucket = bucket
        self.n_buckets = n_buckets
        self.pub = ctx["published"].dt.tz_convert(None).to_numpy()
        cit = cit[cit["cites"].isin(index) | cit["cites"].isin(src_node)]
        citing = np.array([index[c] for c in cit["claim_id"]], dtype=int)
        cited_claim = np.array([index.get(c, -1) for c in cit["cites"]], dtype=int)
        target = np.where(
            cited_claim >= 0,
            bucket[np.maximum(cited_claim, 0)] if len(cited_claim) else cited_claim,
            np.array([src_node.get(c, -1) for c in cit["cites"]], dtype=int),
        )
        self.edges = (citing, cited_claim, target, np.asarray(cit["relation"].astype(str)))
        self.colour = np.array([KIND_COLOURS.get(kinds.get(s), "#cccccc") for s in ctx["source_id"]])
        self.src_colour = np.array([KIND_COLOURS.get(kinds[s], "#cccccc") for s in cited_sources])
        self.src_edge = np.array(["black" if kinds[s] in UNCHECKABLE else "white" for s in cited_sources])
        first = pd.Series(np.arange(len(bucket))).groupby(bucket).first()
        self.bucket_colour = (
            self.colour[first.reindex(range(n_buckets)).to_numpy()] if n_buckets else np.array([], dtype=object)
        )

    def draw_graph(self, ax, visible, newest, upto):
        """The graph drawn the fast way: claims pooled per outlet and day, edges as line collections.

        Parameters
        ----------
        ax : matplotlib Axes
        visible : numpy.ndarray of bool
            One per claim of ``ctx``: shown at this moment.
        newest : int or None
            The row in ``ctx`` of the claim to ring.
        upto : pandas.Timestamp
            The moment, for the title.
        """
        visible = np.asarray(visible, dtype=bool)
        nb, xy = self.n_buckets, self.xy
        counts = np.bincount(self.bucket[visible], minlength=nb)
        citing, cited_claim, target, relation = self.edges
        keep = visible[citing] & ((cited_claim < 0) | visible[np.maximum(cited_claim, 0)])
        pairs = pd.DataFrame({"u": self.bucket[citing[keep]], "v": target[keep], "r": relation[keep]})
        pairs = pairs[pairs["u"] != pairs["v"]].value_counts().reset_index(name="n")
        for rel, (style, colour) in RELATION_STYLE.items():
            p = pairs[pairs["r"] == rel]
            if len(p):
                segs = np.stack([xy[p["u"].to_numpy()], xy[p["v"].to_numpy()]], axis=1)
                ax.add_collection(
                    LineCollection(
                        list(segs),
                        colors=colour,
                        linestyles=style,
                        alpha=0.4,
                        linewidths=0.5 + np.sqrt(p["n"].to_numpy()),
                    )
                )
        on = counts > 0
        ax.scatter(
            xy[:nb][on, 0],
            xy[:nb][on, 1],
            s=20 + 25 * np.sqrt(counts[on]),
            c=self.bucket_colour[on],
            edgecolors="white",
            linewidths=0.5,
            zorder=3,
        )
        shown_src = np.unique(pairs["v"][pairs["v"] >= nb].to_numpy()).astype(int)
        if len(shown_src):
            ax.scatter(
                xy[shown_src, 0],
                xy[shown_src, 1],
                s=60,
                marker="s",
                c=self.src_colour[shown_src - nb],
                edgecolors=self.src_edge[shown_src - nb],
                linewidths=1.5,
                zorder=3,
            )
        if newest is not None:
            k = self.bucket[newest]
            ax.scatter([xy[k, 0]], [xy[k, 1]], s=300, facecolors="none", edgecolors="black", linewidths=2, zorder=4)
        if len(xy):
            ax.set_xlim(xy[:, 0].min() - 1, xy[:, 0].max() + 1)
            ax.set_ylim(xy[:, 1].min() - 1, xy[:, 1].max() + 1)
        ax.set_axis_off()
        ax.set_title(
            f"{graph_title(self.case, self.proposition, upto)}\n"
            f"{int(visible.sum())} claims, one dot per outlet and day (sized by claims); squares: "
            "origins quoted directly; dashed: corroborates; red: disputes",
            fontsize=9,
        )

    def draw_timeline(self, ax, visible, upto):
        """The figure over time for many claims: dots and range bars, no labels, claims not yet shown faded.

        Parameters
        ----------
        ax : matplotlib Axes
        visible : numpy.ndarray of bool
            One per claim of ``ctx``: shown at this moment.
        upto : pandas.Timestamp
            The moment, marked by a dashed line.
        """
        t = self._ctx
        x = t["published"].dt.tz_convert(None).to_numpy()
        low = pd.to_numeric(t["low"], errors="coerce").astype(float).to_numpy()
        high = pd.to_numeric(t["high"], errors="coerce").astype(float).to_numpy()
        later = ~np.asarray(visible, dtype=bool)
        y = np.where(np.isnan(low), high, low)
        has = ~np.isnan(y)
        for faded in (True, False):
            m = has & (later == faded)
            alpha = 0.15 if faded else 0.9
            bar = m & ~np.isnan(low) & ~np.isnan(high) & (high > low)
            if bar.any():
                ax.vlines(x[bar], low[bar], high[bar], colors=self.colour[bar], lw=3, alpha=alpha)
            if m.any():
                ax.scatter(x[m], y[m], s=12, c=self.colour[m], alpha=alpha, linewidths=0)
        ax.axvline(pd.Timestamp(upto).tz_convert(None), color="#d62728", lw=1, ls="--")
        ax.set_yscale("symlog", linthresh=1)
        ax.yaxis.set_major_formatter(ScalarFormatter())
        ax.set_ylabel("figure reported")
        ax.set_title(
            timeline_title(self.case, self.proposition, f"({int(has.sum())} claims with a figure)"), fontsize=10
        )
