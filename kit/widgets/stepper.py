"""The StoryStepper: step through the story of a case in time.

Examples
--------
>>> import kit
>>> from kit.widgets.stepper import StoryStepper
>>> s = StoryStepper(kit.load_case("tests/cases/echo"), "strike_deaths")
>>> s.n_steps, s.step
(4, 1)
"""
from __future__ import annotations

import ipywidgets as W
import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.ticker import ScalarFormatter

from ..analyses import drift
from ..graph import claim_context
from ..html import escape
from ..provenance import independence, provenance
from ..story import load_story
from ..style import DRIFT_FLAGS, KIND_COLOURS, UNCHECKABLE
from ..wording import figure_label
from .common import Displayable, svg_bytes, table_html

__all__ = ["StoryStepper"]


class StoryStepper(Displayable):
    """Step through the story of a case in time.

    Each step shows the citation graph as it stood at that moment (claims appear when published, the newest
    highlighted, edges by relation, anonymous and social-media origins outlined, loops ringed), the figure
    over time with the moment marked, a table of the claims so far (``n_cited``, ``n_origins``, ``echo`` and
    drift flags) and the step's narrative. The graph's layout is :func:`kit.show.story_layout`, the same at
    every step, so nodes never jump.

    Parameters
    ----------
    case : kit.Case
    proposition : str, optional
        The question whose claims are shown (all claims when None; then no figure over time is drawn).
    story : pandas.DataFrame, optional
        Steps as :func:`kit.story.load_story` returns them; by default the case's ``story.csv`` or one step per
        publication day.
    max_nodes : int
        Past this many claims the graph is drawn the fast way: claims pooled into one node per outlet and day
        (sized by their number), edges as line collections, no labels; the figure over time without labels.
    max_rows : int
        The table shows the latest this many claims (``table`` holds them all).

    Attributes
    ----------
    step : int
        The current step, 1-based; set it to move.
    n_steps : int
    upto : pandas.Timestamp
        The moment the current step shows.
    visible_claims : list of str
        The claims published by then, in order of publication.
    new_claims : list of str
        Those that appeared at this step; ``newest`` is the last published of them all.
    table : pandas.DataFrame
        What the table shows: the visible claims with their outlet, figure, certainty, ``n_cited``,
        ``n_origins``, ``echo`` and the drift flags.
    title, text : str
        The step's title and narrative.
    image : bytes
        The SVG drawn for this step (graph above, figure over time below), text kept as text.
    prev_button, next_button, slider, play, container : ipywidgets
        The controls; ``slider.value`` is the step number.

    Examples
    --------
    >>> import kit, kit.widgets
    >>> s = kit.widgets.StoryStepper(kit.load_case("data/deir-ez-zor"), "russians_killed_feb7")
    >>> s.n_steps, s.step, s.visible_claims
    (6, 1, [])
    >>> s.next_button.click(); s.step, len(s.visible_claims)
    (2, 4)
    >>> s.slider.value = 6; s.newest, s.title
    ('tsarizm-up-to-200', 'Questions remain: a feedback loop')
    """

    def __init__(self, case, proposition=None, *, story=None, max_nodes=80, max_rows=40, figsize=(11, 9),
                 dpi=72):
        from ..show import story_layout

        self.case, self.proposition = case, proposition
        self.story = load_story(case, proposition) if story is None else story.reset_index(drop=True)
        self.n_steps = len(self.story)
        self.dpi = dpi
        ctx = claim_context(case)
        if proposition is not None:
            if not (ctx["proposition"] == proposition).any():
                independence(case, proposition)  # raises the KeyError with a suggestion
            ctx = ctx[ctx["proposition"] == proposition]
        self._ctx = ctx.sort_values(["published", "claim_id"], kind="stable").reset_index(drop=True)
        self._published = self._ctx["published"]
        prov = provenance(case)
        flags = pd.DataFrame(False, index=prov.index, columns=list(DRIFT_FLAGS))
        props = [proposition] if proposition is not None else list(ctx["proposition"].unique())
        for p in props:
            d = drift(case, p)
            if len(d):
                flags.loc[:, :] = flags.to_numpy() | d.groupby("claim_id")[list(DRIFT_FLAGS)].any().reindex(
                    flags.index, fill_value=False).to_numpy()
        base = self._ctx.set_index("claim_id")
        self._rows = pd.DataFrame({
            "published": base["published"].dt.strftime("%Y-%m-%d"),
            "outlet": base["outlet"],
            "figure": [figure_label(lo, hi) for lo, hi in zip(base["low"], base["high"])],
            "certainty": base["certainty"],
        }, index=base.index).join(prov[["n_cited", "n_origins", "echo"]]).join(flags)
        self._rows.index.name = "claim_id"
        self.max_nodes, self.max_rows = max_nodes, max_rows
        self.aggregated = len(self._ctx) > max_nodes
        self.pos = story_layout(case, proposition)
        if self.aggregated:
            self._prepare_aggregate(case)
        self._images = {}
        self._story_graph = self._loops = None
        self.fig = Figure(figsize=figsize)
        has_timeline = proposition is not None
        if has_timeline:
            self.ax_graph, self.ax_time = self.fig.subplots(2, 1, height_ratios=[2.6, 1])
        else:
            self.ax_graph, self.ax_time = self.fig.subplots(1, 1), None
        self.fig.subplots_adjust(left=0.07, right=0.80, top=0.95, bottom=0.08, hspace=0.35)

        n = max(self.n_steps, 1)
        options = [(f"{k}: {d:%d %b %Y}", int(k)) for k, d in zip(self.story["step"].index + 1, self.story["date"])]
        self.prev_button = W.Button(description="Previous", icon="step-backward", tooltip="previous step (earlier)",
                                    layout=W.Layout(width="110px"))
        self.next_button = W.Button(description="Next", icon="step-forward", tooltip="next step (later)",
                                    layout=W.Layout(width="110px"))
        self.slider = W.SelectionSlider(options=options or [("(no steps)", 1)], value=1, description="Step",
                                        continuous_update=False, layout=W.Layout(width="420px"))
        self.play = W.Play(value=1, min=1, max=n, step=1, interval=2000, description="Play", repeat=False)
        self.title_html = W.HTML()
        self.text_html = W.HTML(layout=W.Layout(max_width="1000px"))
        self.graph = W.Image(format="svg+xml", layout=W.Layout(max_width="1000px"))
        self.table_html = W.HTML()
        self.prev_button.on_click(lambda _: self._move(-1))
        self.next_button.on_click(lambda _: self._move(+1))
        self.slider.observe(lambda ch: self._show(ch["new"]), names="value")
        self.play.observe(lambda ch: setattr(self.slider, "value", ch["new"]), names="value")
        controls = W.HBox([self.prev_button, self.next_button, self.play, self.slider])
        from ..show import legend_html
        self.legend_html = W.HTML(legend_html(case, proposition))  # drawn once, not in every step's picture
        self.container = W.VBox([controls, self.title_html, self.text_html, self.legend_html, self.graph,
                                 W.HTML("<b>Claims so far</b>"), self.table_html])
        self.container.add_class("kit-story-stepper")
        self.step = 0
        self._show(1)

    # state ---------------------------------------------------------------------------------
    def _move(self, delta):
        target = min(max(self.step + delta, 1), max(self.n_steps, 1))
        self.slider.value = target  # observers redraw

    def go(self, step: int):
        """Show step ``step`` (1-based, clipped to the story); the same as setting ``slider.value``."""
        self.slider.value = min(max(int(step), 1), max(self.n_steps, 1))

    def _show(self, step):
        step = int(step)
        if step == self.step:
            return
        previous = set(getattr(self, "visible_claims", []))
        self.step = step
        if self.n_steps:
            row = self.story.iloc[step - 1]
            self.upto = pd.Timestamp(row["upto"])
            self.title, self.text = str(row["title"]), ("" if pd.isna(row["text"]) else str(row["text"]))
        else:
            self.upto = pd.Timestamp.max.tz_localize("UTC")
            self.title, self.text = "No story: the case has no claims", ""
        shown = self._ctx[self._published <= self.upto]
        self.visible_claims = list(shown["claim_id"])
        self.new_claims = [c for c in self.visible_claims if c not in previous]
        self.newest = self.visible_claims[-1] if self.visible_claims else None
        self.table = self._rows.loc[self.visible_claims]
        self.play.value = step
        self.prev_button.disabled = step <= 1
        self.next_button.disabled = step >= self.n_steps
        self.title_html.value = (f"<h3 class='kit-step-title' style='margin:4px 0'>Step {step} of {self.n_steps}: "
                                 f"{escape(self.title)}</h3>")
        self.text_html.value = f"<p class='kit-step-text'>{escape(self.text)}</p>"
        shown = self.table if len(self.table) <= self.max_rows else self.table.iloc[-self.max_rows:]
        more = len(self.table) - len(shown)
        self.table_html.value = (f"<p><i>{more} earlier claims not shown (see <code>.table</code>)</i></p>"
                                 if more else "") + table_html(shown)
        self._draw()

    # drawing -------------------------------------------------------------------------------
    def _draw(self):
        from ..show import plot_citation_graph, plot_timeline

        if self.step in self._images:  # each step is drawn once; going back is instant
            self.image = self.graph.value = self._images[self.step]
            return
        ax = self.ax_graph
        ax.clear()
        if self.aggregated:
            self._draw_aggregate(ax)
        else:
            if self._story_graph is None:  # computed once per stepper, read at every step
                from ..analyses import circular
                from ..show import story_graph
                self._story_graph, self._loops = story_graph(self.case, self.proposition), circular(self.case)
            plot_citation_graph(self.case, self.proposition, ax=ax, upto=self.upto, highlight=self.newest,
                                pos=self.pos, graph=self._story_graph, loops=self._loops, legend=False)
        if self.ax_time is not None:
            self.ax_time.clear()
            if self.aggregated:
                self._draw_timeline_fast(self.ax_time)
            elif len(self._ctx):
                plot_timeline(self.case, self.proposition, ax=self.ax_time, upto=self.upto)
            self._fix_time_axis(self.ax_time)
        self.image = svg_bytes(self.fig)
        self._images[self.step] = self.image
        self.graph.value = self.image

    def _fix_time_axis(self, ax):
        """The same time axis at every step (the claims' span); a moment outside it is marked at the edge."""
        if not len(self._ctx):
            return
        first, last = self._published.min(), self._published.max()
        pad = max((last - first) * 0.04, pd.Timedelta(days=1))
        lo, hi = (first - pad).tz_convert(None), (last + pad).tz_convert(None)
        ax.set_xlim(lo, hi)
        moment = self.upto.tz_convert(None)
        if moment < lo or moment > hi:
            x, ha, arrow = (lo, "left", "◀") if moment < lo else (hi, "right", "▶")
            label = f"{arrow} now: {self.upto:%d %b %Y}" if arrow == "◀" else f"now: {self.upto:%d %b %Y} {arrow}"
            ax.annotate(label, (x, 1), xycoords=("data", "axes fraction"), xytext=(0, -4),
                        textcoords="offset points", ha=ha, va="top", fontsize=8, color="#d62728")

    def _draw_timeline_fast(self, ax):
        """The figure over time for many claims: dots and range bars, no labels, later claims faded."""
        t = self._ctx
        x = t["published"].dt.tz_convert(None).to_numpy()
        low = pd.to_numeric(t["low"], errors="coerce").astype(float).to_numpy()
        high = pd.to_numeric(t["high"], errors="coerce").astype(float).to_numpy()
        later = self._agg_pub > np.datetime64(self.upto.tz_convert(None))
        y = np.where(np.isnan(low), high, low)
        has = ~np.isnan(y)
        for faded in (True, False):
            m = has & (later == faded)
            alpha = 0.15 if faded else 0.9
            bar = m & ~np.isnan(low) & ~np.isnan(high) & (high > low)
            if bar.any():
                ax.vlines(x[bar], low[bar], high[bar], colors=self._agg_colour[bar], lw=3, alpha=alpha)
            if m.any():
                ax.scatter(x[m], y[m], s=12, c=self._agg_colour[m], alpha=alpha, linewidths=0)
        ax.axvline(self.upto.tz_convert(None), color="#d62728", lw=1, ls="--")
        ax.set_yscale("symlog", linthresh=1)
        ax.yaxis.set_major_formatter(ScalarFormatter())
        ax.set_ylabel("figure reported")
        ax.set_title(f"{self.proposition}: the figure over time ({int(has.sum())} claims with a figure)", fontsize=10)

    def _prepare_aggregate(self, case):
        """Arrays for the fast picture: one node per (outlet, day) bucket of claims, one per cited source."""
        ctx = self._ctx
        lanes = np.array([self.pos[c][1] for c in ctx["claim_id"]])
        day_index = pd.factorize(ctx["published"].dt.floor("D"), sort=True)[0]
        bucket, uniques = pd.factorize(pd.Series(list(zip(lanes, day_index))))
        n_buckets = len(uniques)
        kinds = case.sources.set_index("source_id")["kind"]
        index = {c: i for i, c in enumerate(ctx["claim_id"])}
        cit = case.citations[case.citations["claim_id"].isin(index)]
        cited_sources = sorted(set(cit["cites"]) - set(index) - set(ctx["claim_id"]) & set(kinds.index))
        src_node = {sid: n_buckets + k for k, sid in enumerate(cited_sources)}
        xy = [(1.0 + d, y) for y, d in uniques] + [(-0.5, self.pos.get(sid, (0, -k))[1])
                                                   for k, sid in enumerate(cited_sources)]
        self._agg_xy = np.array(xy, dtype=float).reshape(-1, 2)
        self._agg_bucket = bucket
        self._agg_n_buckets = n_buckets
        self._agg_pub = ctx["published"].dt.tz_convert(None).to_numpy()
        cit = cit[cit["cites"].isin(index) | cit["cites"].isin(src_node)]
        citing = np.array([index[c] for c in cit["claim_id"]], dtype=int)
        cited_claim = np.array([index.get(c, -1) for c in cit["cites"]], dtype=int)
        target = np.where(cited_claim >= 0, bucket[np.maximum(cited_claim, 0)] if len(cited_claim) else cited_claim,
                          np.array([src_node.get(c, -1) for c in cit["cites"]], dtype=int))
        self._agg_edges = (citing, cited_claim, target, np.asarray(cit["relation"].astype(str)))
        self._agg_colour = np.array([KIND_COLOURS.get(kinds.get(s), "#cccccc") for s in ctx["source_id"]])
        self._agg_src_colour = np.array([KIND_COLOURS.get(kinds[s], "#cccccc") for s in cited_sources])
        self._agg_src_edge = np.array(["#d62728" if kinds[s] in UNCHECKABLE else "white" for s in cited_sources])
        first = pd.Series(np.arange(len(bucket))).groupby(bucket).first()
        self._agg_bucket_colour = self._agg_colour[first.reindex(range(n_buckets)).to_numpy()] if n_buckets else \
            np.array([], dtype=object)

    def _draw_aggregate(self, ax):
        """The graph drawn the fast way: claims pooled per outlet and day, edges as line collections."""
        visible = self._agg_pub <= np.datetime64(self.upto.tz_convert(None))
        nb, xy = self._agg_n_buckets, self._agg_xy
        counts = np.bincount(self._agg_bucket[visible], minlength=nb)
        citing, cited_claim, target, relation = self._agg_edges
        keep = visible[citing] & ((cited_claim < 0) | visible[np.maximum(cited_claim, 0)])
        pairs = pd.DataFrame({"u": self._agg_bucket[citing[keep]], "v": target[keep], "r": relation[keep]})
        pairs = pairs[pairs["u"] != pairs["v"]].value_counts().reset_index(name="n")
        for rel, colour, style in (("relies_on", "#444444", "solid"), ("corroborates", "#444444", "dashed"),
                                   ("disputes", "#d62728", "solid")):
            p = pairs[pairs["r"] == rel]
            if len(p):
                segs = np.stack([xy[p["u"].to_numpy()], xy[p["v"].to_numpy()]], axis=1)
                ax.add_collection(LineCollection(segs, colors=colour, linestyles=style, alpha=0.4,
                                                 linewidths=0.5 + np.sqrt(p["n"].to_numpy())))
        on = counts > 0
        ax.scatter(xy[:nb][on, 0], xy[:nb][on, 1], s=20 + 25 * np.sqrt(counts[on]), c=self._agg_bucket_colour[on],
                   edgecolors="white", linewidths=0.5, zorder=3)
        shown_src = np.unique(pairs["v"][pairs["v"] >= nb].to_numpy()).astype(int)
        if len(shown_src):
            ax.scatter(xy[shown_src, 0], xy[shown_src, 1], s=60, marker="s",
                       c=self._agg_src_colour[shown_src - nb], edgecolors=self._agg_src_edge[shown_src - nb],
                       linewidths=1.5, zorder=3)
        if self.newest is not None:
            k = self._agg_bucket[len(self.visible_claims) - 1]
            ax.scatter([xy[k, 0]], [xy[k, 1]], s=300, facecolors="none", edgecolors="black", linewidths=2, zorder=4)
        if len(xy):
            ax.set_xlim(xy[:, 0].min() - 1, xy[:, 0].max() + 1)
            ax.set_ylim(xy[:, 1].min() - 1, xy[:, 1].max() + 1)
        ax.set_axis_off()
        ax.set_title(f"{self.case.title}: {self.proposition or 'who cites whom'}, as of {self.upto:%d %b %Y}\n"
                     f"{len(self.visible_claims)} claims, one dot per outlet and day (sized by claims); squares: "
                     "origins quoted directly; dashed: corroborates; red: disputes", fontsize=9)

