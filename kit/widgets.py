"""Interactive widgets for notebooks: step through a story, trace a claim, train a learner.

Three widgets, each built from real ``ipywidgets`` and matplotlib (imported here only, so ``import kit``
stays light):

- :class:`StoryStepper` steps through the story of a case in time (``story.csv``, or one step per publication
  day): the citation graph as it stood, the figure over time, a table of the claims so far, the narrative.
- :class:`ClaimTracer` follows one claim down to its origins, hop by hop, and asks *what if* an origin is
  discredited.
- :class:`SourceExercise` shows a learner one claim at a time, takes their answer and grades it against the kit's.

Every widget keeps what it shows in plain attributes (``step``, ``visible_claims``, ``table``, ``tree``,
``lost``, ``score`` ...), so a test can set a control's value and read the result without a browser.
Display one by leaving it as the last expression of a cell, or with ``IPython.display.display``.
"""
from __future__ import annotations

import html
import io

import ipywidgets as W
import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.ticker import ScalarFormatter

from .analyses import drift
from .graph import claim_context
from .wording import figure_label
from .provenance import independence, origins, provenance, without
from .schema import RELIABILITY, SUPPORTING
from .story import load_story
from .style import DRIFT_FLAGS, KIND_COLOURS, RELATION_STYLE, UNCHECKABLE, drift_words
from .trace import lineage, tree_rows

__all__ = ["StoryStepper", "ClaimTracer", "SourceExercise", "lineage", "plot_lineage"]



def _png(fig, dpi=72) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


def _svg(fig) -> bytes:
    """The figure as SVG with text kept as text: about three times faster to make than a PNG of the same figure,
    sharp at any size, and the words stay searchable."""
    import matplotlib
    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "kit"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def _table_html(frame: pd.DataFrame, index=True) -> str:
    if frame is None or not len(frame):
        return "<p><i>(nothing yet)</i></p>"
    return frame.to_html(index=index, escape=True, border=0, na_rep="",
                         classes="kit-table").replace("<table", '<table style="font-size:85%"', 1)


class _Displayable:
    """Display through the container widget (``self.container``)."""

    container: W.Widget

    def _repr_mimebundle_(self, **kwargs):
        return self.container._repr_mimebundle_(**kwargs)

    def _ipython_display_(self):
        from IPython.display import display
        display(self.container)


# --- StoryStepper -----------------------------------------------------------------------------

class StoryStepper(_Displayable):
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
        from .show import story_layout

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
        from .show import legend_html
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
                                 f"{html.escape(self.title)}</h3>")
        self.text_html.value = f"<p class='kit-step-text'>{html.escape(self.text)}</p>"
        shown = self.table if len(self.table) <= self.max_rows else self.table.iloc[-self.max_rows:]
        more = len(self.table) - len(shown)
        self.table_html.value = (f"<p><i>{more} earlier claims not shown (see <code>.table</code>)</i></p>"
                                 if more else "") + _table_html(shown)
        self._draw()

    # drawing -------------------------------------------------------------------------------
    def _draw(self):
        from .show import plot_citation_graph, plot_timeline

        if self.step in self._images:  # each step is drawn once; going back is instant
            self.image = self.graph.value = self._images[self.step]
            return
        ax = self.ax_graph
        ax.clear()
        if self.aggregated:
            self._draw_aggregate(ax)
        else:
            if self._story_graph is None:  # computed once per stepper, read at every step
                from .analyses import circular
                from .show import story_graph
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
        self.image = _svg(self.fig)
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


# --- ClaimTracer ------------------------------------------------------------------------------

def _label(sources, ctx, item, item_type, width=24):
    """A node's label; ``sources`` indexed by source_id, ``ctx`` the claim context indexed by claim_id."""
    import textwrap
    if item_type == "source":
        s = sources
        text = f"{s.at[item, 'name']} [{s.at[item, 'kind']}, {s.at[item, 'reliability']}]"
    else:
        c = ctx
        fig = figure_label(c.at[item, "low"], c.at[item, "high"])
        text = f"{c.at[item, 'outlet']}: {fig + ' ' if fig else ''}({c.at[item, 'certainty']})" if fig else \
            f"{c.at[item, 'outlet']} ({c.at[item, 'certainty']})"
    return "\n".join(textwrap.wrap(text, width)[:3])


def plot_lineage(case, claim_id: str, *, ax=None, tree=None):
    """Draw a claim's lineage (:func:`lineage`) as a tree from the claim (left) to its origins (right).

    Edges are drawn by relation (relies_on solid, corroborates dashed, disputes red, own reporting dotted);
    hops whose figure or meaning drifted are labelled; origins that cannot be checked are outlined in red.

    Parameters
    ----------
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.
    tree : pandas.DataFrame, optional
        The claim's :func:`lineage`, when the caller has it already.

    Examples
    --------
    >>> import kit
    >>> from kit.widgets import plot_lineage
    >>> ax = plot_lineage(kit.load_case("data/deir-ez-zor"), "daily-beast-200-russian-fighters")
    >>> ax.get_title()
    'Lineage of daily-beast-200-russian-fighters'
    """
    tree = lineage(case, claim_id) if tree is None else tree
    if ax is None:
        import matplotlib.pyplot as plt
        _, ax = plt.subplots(figsize=(10, 1.4 + 0.55 * len(tree)))
    order = list(range(len(tree)))
    parent_of = dict(enumerate(tree["parent_row"].tolist()))
    ys = tree_rows(tree)
    y_of = dict(enumerate(ys))
    leaves = int(-min(ys)) + 1 if ys else 1
    sources = case.sources.set_index("source_id")
    kinds = sources["kind"]
    ctx = claim_context(case).set_index("claim_id")
    for i in order[1:]:
        parent = parent_of[i]
        x0, y0, x1, y1 = tree.at[parent, "depth"], y_of[parent], tree.at[i, "depth"], y_of[i]
        ls, colour = RELATION_STYLE.get(tree.at[i, "relation"], RELATION_STYLE["relies_on"])
        ax.annotate("", (x1 - 0.08, y1), (x0 + 0.08, y0),
                    arrowprops=dict(arrowstyle="-|>", linestyle=ls, color=colour, lw=1.3))
        drifted = drift_words(tree.iloc[i])
        note = tree.at[i, "relation"] + (" (loop)" if tree.at[i, "loop"] else "") + \
            (" (already shown above)" if tree.at[i, "repeat"] else "")
        if drifted:
            note += "\n" + drifted
        ax.annotate(note, (x0 + 0.42 * (x1 - x0), y0 + 0.42 * (y1 - y0)), xytext=(0, 2), textcoords="offset points",
                    ha="center", va="bottom", fontsize=7,
                    color="#d62728" if drifted else "#555555")
    for i in order:
        item, kind = tree.at[i, "item"], tree.at[i, "item_type"]
        if kind == "source":
            k = kinds.get(item)
            colour, edge = KIND_COLOURS.get(k, "#cccccc"), ("#d62728" if k in UNCHECKABLE else "white")
            marker = "s"
        else:
            colour, edge, marker = KIND_COLOURS.get(kinds.get(ctx.at[item, "source_id"]), "#cccccc"), "white", "o"
        ax.plot([tree.at[i, "depth"]], [y_of[i]], marker=marker, ms=14, color=colour, mec=edge, mew=2.5, ls="")
        ax.annotate(_label(sources, ctx, item, kind), (tree.at[i, "depth"], y_of[i]), xytext=(0, -12),
                    textcoords="offset points", ha="center", va="top", fontsize=7.5)
    ax.set_xlim(-0.6, tree["depth"].max() + 0.6)
    ax.set_ylim(-leaves + 0.3, 0.7)
    ax.set_axis_off()
    ax.set_title(f"Lineage of {claim_id}", fontsize=10)
    return ax


class ClaimTracer(_Displayable):
    """Follow a claim down to its origins, and ask what happens if an origin is discredited.

    Pick a claim with the dropdown (type in the search box to filter it by id, outlet or text). The tracer shows
    the claim's lineage as a tree (each hop with its relation, evidence and drift flags), drawn and as a table;
    its origins with their reliability and the claim's credibility; and one *what if* toggle per origin: switch
    it on to discredit that source and see which claims of the case lose all support.

    Attributes
    ----------
    claim_id : str
        The claim shown; set ``dropdown.value`` (or call :meth:`select`) to change it.
    tree : pandas.DataFrame
        :func:`lineage` of the claim.
    origins : pandas.DataFrame
        :func:`kit.origins` of the claim.
    credibility : int
        The claim's credibility grade (1–6).
    discredited : list of str
        The origins whose toggle is on.
    lost : list of str
        The claims of the case that rest on nothing but discredited sources (for one source, exactly
        :func:`kit.without`).
    search, dropdown, toggles, container : ipywidgets
        ``toggles`` maps each origin's source id to its ToggleButton.

    Examples
    --------
    >>> import kit, kit.widgets
    >>> t = kit.widgets.ClaimTracer(kit.load_case("data/deir-ez-zor"))
    >>> t.dropdown.value = "daily-beast-200-russian-fighters"
    >>> list(t.origins["source_id"]), t.credibility
    (['bloomberg_two_russians'], 4)
    >>> t.toggles["bloomberg_two_russians"].value = True
    >>> len(t.lost)
    5
    """

    def __init__(self, case, claim_id=None, *, draw=True, dpi=72):
        self.case, self.draw, self.dpi = case, draw, dpi
        ctx = claim_context(case).sort_values(["published", "claim_id"], kind="stable")
        self._ctx = ctx.set_index("claim_id")
        self._prov = provenance(case)
        self._labels = [(self._option_label(r), r.claim_id) for r in ctx.itertuples(index=False)]
        self.search = W.Text(placeholder="search claims by id, outlet or words", description="Search",
                             continuous_update=True, layout=W.Layout(width="420px"))
        self.dropdown = W.Dropdown(options=self._labels, description="Claim", layout=W.Layout(width="900px"))
        self.claim_html = W.HTML()
        self.graph = W.Image(format="png", layout=W.Layout(max_width="1000px"))
        self.tree_html = W.HTML()
        self.origins_html = W.HTML()
        self.toggle_box = W.HBox(layout=W.Layout(flex_flow="row wrap"))
        self.lost_html = W.HTML()
        self.toggles = {}
        self.claim_id = None
        self.discredited, self.lost = [], []
        self.search.observe(lambda ch: self._filter(ch["new"]), names="value")
        self.dropdown.observe(lambda ch: ch["new"] is not None and self._show(ch["new"]), names="value")
        self.container = W.VBox([W.HBox([self.search]), self.dropdown, self.claim_html, self.graph,
                                 W.HTML("<b>Lineage, hop by hop</b>"), self.tree_html,
                                 W.HTML("<b>Origins</b>"), self.origins_html,
                                 W.HTML("<b>What if?</b> Discredit an origin: which claims of the case lose all "
                                        "support?"), self.toggle_box, self.lost_html])
        self.container.add_class("kit-claim-tracer")
        first = claim_id if claim_id is not None else (self._labels[0][1] if self._labels else None)
        if first is not None:
            self.select(first)

    def _option_label(self, r):
        text = " ".join(str(r.text).split())
        return f"{r.claim_id} — {r.outlet}: {text[:80]}{'…' if len(text) > 80 else ''}"

    def _filter(self, query):
        q = query.strip().lower()
        matches = [o for o in self._labels if q in o[0].lower()] if q else self._labels
        current = self.dropdown.value
        self.dropdown.options = matches
        if current in [v for _, v in matches]:
            self.dropdown.value = current
        self.matches = [v for _, v in matches]

    def select(self, claim_id: str):
        """Show ``claim_id`` (the same as setting ``dropdown.value``)."""
        if claim_id not in self._ctx.index:
            origins(self.case, claim_id)  # raises the KeyError with a suggestion
        if claim_id not in [v for _, v in self.dropdown.options]:
            self.search.value = ""
        self.dropdown.value = claim_id
        if self.claim_id != claim_id:
            self._show(claim_id)

    def _show(self, claim_id):
        self.claim_id = claim_id
        c = self._ctx.loc[claim_id]
        self.tree = lineage(self.case, claim_id)
        self.origins = origins(self.case, claim_id)
        self.credibility = int(c["credibility"])
        p = self._prov.loc[claim_id]
        self.claim_html.value = (
            f"<p><b>{html.escape(str(c['outlet']))}</b>, {c['published']:%d %b %Y}: “{html.escape(str(c['text']))}”"
            f"<br>certainty <b>{c['certainty']}</b>, credibility <b>{self.credibility}</b>; cites {p['n_cited']}, "
            f"rests on <b>{p['n_origins']}</b> independent origin{'s' if p['n_origins'] != 1 else ''}"
            f"{' (an echo: supports share an origin)' if p['echo'] else ''}</p>")
        shown = self.tree.assign(item=["\u00a0\u00a0\u00a0" * (d - 1) + "└─\u00a0" + i if d else i
                                       for d, i in zip(self.tree["depth"], self.tree["item"])])
        flags = shown.apply(drift_words, axis=1)
        shown = shown.assign(drift=flags)[["item", "relation", "evidence", "drift"]]
        self.tree_html.value = _table_html(shown, index=False)
        self.origins_html.value = _table_html(self.origins, index=False)
        toggles = {}
        for s in self.origins["source_id"]:
            t = W.ToggleButton(value=False, description=f"discredit {s}", tooltip=f"what if {s} is discredited?",
                               icon="ban", layout=W.Layout(width="auto"))
            t.observe(lambda ch: self._what_if(), names="value")
            toggles[s] = t
        self.toggles = toggles
        self.toggle_box.children = list(toggles.values())
        self._what_if()
        if self.draw:
            fig = Figure(figsize=(10, 1.4 + 0.55 * len(self.tree)))
            plot_lineage(self.case, claim_id, ax=fig.subplots(), tree=self.tree)
            self.image = _png(fig, self.dpi)
            self.graph.value = self.image

    def _what_if(self):
        self.discredited = [s for s, t in self.toggles.items() if t.value]
        if not self.discredited:
            self.lost = []
            self.lost_html.value = "<p><i>Switch an origin on to discredit it.</i></p>"
            return
        if len(self.discredited) == 1:
            self.lost = without(self.case, self.discredited[0])
        else:
            gone = set(self.discredited)
            self.lost = [c for c, o in self._prov["origins"].items() if o and set(o) <= gone]
        names = ", ".join(self.discredited)
        rows = self._ctx.loc[self.lost, ["outlet", "proposition", "text"]] if self.lost else None
        self.lost_html.value = (f"<p>Without <b>{html.escape(names)}</b>, <b>{len(self.lost)}</b> claim"
                                f"{'s' if len(self.lost) != 1 else ''} of the case lose all support:</p>"
                                + _table_html(rows))


# --- SourceExercise ---------------------------------------------------------------------------

class SourceExercise(_Displayable):
    """A trainer's exercise: find the origin of each claim, then check against the kit.

    The learner sees the claims about ``proposition`` one at a time, in order of publication, with what the
    reports themselves say (the claim's words and the passages that show whom it cites), answers *how many
    independent origins?* and *which source does it finally rest on?*, grades that source A–F, and presses
    Check. Check reveals the kit's answer (computed from the case by :func:`kit.independence` and
    :func:`kit.origins`, never stored), explains the difference and keeps the score: one point for the number
    of origins, one for the origins themselves, one for giving the grade the case gives its origin (any of
    them, where the origins are graded differently).

    Attributes
    ----------
    index : int
        Which claim (0-based) is shown; ``claim_id`` is its id, ``claims`` all of them in order.
    shown : dict
        What the learner sees: ``outlet``, ``published``, ``text``, ``cites`` (list of (relation, evidence)).
    answer : dict
        The kit's answer for the shown claim: ``n_origins``, ``origins`` (source ids), ``reliability``
        (source id -> grade), ``echo``.
    result : dict or None
        The last Check: which parts were right and the ``feedback`` text.
    score, checked : int
        Points won and claims checked (each claim is scored once); ``max_score`` is 3 per claim checked.
    n_origins, source, grade, check_button, next_button, prev_button, container : ipywidgets

    Examples
    --------
    >>> import kit, kit.widgets
    >>> ex = kit.widgets.SourceExercise(kit.load_case("data/deir-ez-zor"), "russians_killed_feb7")
    >>> ex.claim_id
    'afp-cit-three-more'
    >>> ex.n_origins.value, ex.source.value, ex.grade.value = 1, ("cit",), "F"
    >>> ex.check_button.click(); ex.score, ex.checked
    (3, 1)
    """

    def __init__(self, case, proposition):
        self.case, self.proposition = case, proposition
        ind = independence(case, proposition)
        self.claims = list(ind.index)
        self._ind = ind
        self._ctx = claim_context(case).set_index("claim_id")
        self._grades = case.sources.set_index("source_id")["reliability"]
        cites = {}
        for row in case.citations.itertuples(index=False):
            cites.setdefault(row.claim_id, []).append(
                (row.relation, "" if row.evidence is None or row.evidence is pd.NA else str(row.evidence)))
        self._cites = cites
        names = case.sources.set_index("source_id")["name"]
        source_options = [(f"{names[s]} ({s})", s) for s in sorted(case.sources["source_id"], key=lambda s: names[s].lower())]
        self.score, self.checked, self._scored = 0, 0, set()
        self.result = None
        self.claim_html = W.HTML(layout=W.Layout(max_width="1000px"))
        self.n_origins = W.BoundedIntText(value=1, min=0, max=99, description="Independent origins:",
                                          style={"description_width": "initial"}, layout=W.Layout(width="220px"))
        self.source = W.SelectMultiple(options=source_options, value=(), rows=6,
                                       description="Rests finally on:", style={"description_width": "initial"},
                                       layout=W.Layout(width="520px"))
        self.grade = W.ToggleButtons(options=list(RELIABILITY), value="F", description="Grade that source:",
                                     style={"description_width": "initial", "button_width": "34px"},
                                     tooltips=["completely reliable", "usually reliable", "fairly reliable",
                                               "not usually reliable", "unreliable", "cannot be judged"])
        self.check_button = W.Button(description="Check", button_style="primary", icon="check")
        self.prev_button = W.Button(description="Previous claim", icon="step-backward")
        self.next_button = W.Button(description="Next claim", icon="step-forward")
        self.feedback_html = W.HTML()
        self.score_html = W.HTML()
        self.check_button.on_click(lambda _: self.check())
        self.next_button.on_click(lambda _: self.show(self.index + 1))
        self.prev_button.on_click(lambda _: self.show(self.index - 1))
        self.container = W.VBox([self.claim_html, self.n_origins, self.source, self.grade,
                                 W.HBox([self.check_button, self.prev_button, self.next_button]),
                                 self.feedback_html, self.score_html])
        self.container.add_class("kit-source-exercise")
        self.index = -1
        self.show(0)

    @property
    def max_score(self) -> int:
        return 3 * self.checked

    def show(self, index: int):
        """Show claim number ``index`` (0-based, clipped to the claims), clearing the answer."""
        index = min(max(int(index), 0), len(self.claims) - 1)
        self.index = index
        self.claim_id = claim = self.claims[index]
        c = self._ctx.loc[claim]
        self.shown = {"outlet": str(c["outlet"]), "published": c["published"], "text": str(c["text"]),
                      "cites": list(self._cites.get(claim, []))}
        o = origins(self.case, claim)
        row = self._ind.loc[claim]
        self.answer = {"n_origins": int(row["n_origins"]), "origins": list(o["source_id"]),
                       "reliability": dict(zip(o["source_id"], o["reliability"])), "echo": bool(row["echo"])}
        said = "".join(f"<li><i>{html.escape(rel.replace('_', ' '))}</i>: “{html.escape(ev)}”</li>"
                       for rel, ev in self.shown["cites"]) or "<li>the report names no source for it</li>"
        self.claim_html.value = (
            f"<h4 style='margin:4px 0'>Claim {index + 1} of {len(self.claims)}</h4>"
            f"<p><b>{html.escape(self.shown['outlet'])}</b>, {self.shown['published']:%d %b %Y}: "
            f"“{html.escape(self.shown['text'])}”</p><p>What the report says about where it comes from:</p>"
            f"<ul>{said}</ul>")
        self.source.value = ()
        self.n_origins.value = 1
        self.grade.value = "F"
        self.result = None
        self.feedback_html.value = ""
        self.prev_button.disabled = index == 0
        self.next_button.disabled = index == len(self.claims) - 1
        self._update_score()

    def check(self) -> dict:
        """Grade the learner's answer for the shown claim; reveal and explain the kit's answer."""
        a = self.answer
        picked = list(self.source.value)
        right_count = self.n_origins.value == a["n_origins"]
        right_origins = set(picked) == set(a["origins"])
        grades = set(a["reliability"].values())
        right_grade = self.grade.value in grades if len(grades) > 1 else grades == {self.grade.value}
        names = self.case.sources.set_index("source_id")["name"]
        lines = []
        origin_words = ", ".join(f"{names[s]} (graded {a['reliability'][s]})" for s in a["origins"]) or "nothing"
        lines.append(f"The kit finds <b>{a['n_origins']}</b> independent origin{'s' if a['n_origins'] != 1 else ''}: "
                     f"{html.escape(origin_words)}.")
        if not right_count:
            n_cited = int(self._ind.at[self.claim_id, "n_cited"])
            why = (f" The claim cites {n_cited} item{'s' if n_cited != 1 else ''}, but "
                   + ("they share an origin (an echo), so they count once." if a["echo"] else
                      "count the sources at the end of each chain, not the outlets on the way."))
            if a["n_origins"] == 1 and n_cited == 0:
                why = " The report names no source for it: it rests on the outlet's own reporting."
            lines.append(f"You said {self.n_origins.value}.{why}")
        if not right_origins:
            extra = [s for s in picked if s not in a["origins"]]
            missed = [s for s in a["origins"] if s not in picked]
            if extra:
                lines.append("Not an origin of this claim: " + html.escape(", ".join(names[s] for s in extra))
                             + " (an outlet that relays a claim is not where it comes from).")
            if missed:
                lines.append("You missed: " + html.escape(", ".join(names[s] for s in missed)) + ".")
        if not right_grade and a["origins"]:
            lines.append(f"You graded the source {self.grade.value}; the case grades "
                         + html.escape(", ".join(f"{names[s]} {a['reliability'][s]}" for s in a["origins"]))
                         + (" (F: its reliability cannot be judged from what is known)." if "F" in grades else "."))
        elif not a["origins"]:
            lines.append("The claim rests on nothing: its citations go round in a loop with no way out.")
        points = int(right_count) + int(right_origins) + int(right_grade)
        if self.claim_id not in self._scored:
            self._scored.add(self.claim_id)
            self.checked += 1
            self.score += points
        verdict = "All right!" if points == 3 else f"{points} of 3 right."
        self.result = {"claim_id": self.claim_id, "n_origins": right_count, "origins": right_origins,
                       "grade": right_grade, "points": points,
                       "feedback": " ".join(lines).replace("<b>", "").replace("</b>", "")}
        self.feedback_html.value = f"<p><b>{verdict}</b> " + " ".join(lines) + "</p>"
        self._update_score()
        return self.result

    def _update_score(self):
        self.score_html.value = f"<p>Score: <b>{self.score}</b> of {self.max_score} ({self.checked} claims checked)</p>"
