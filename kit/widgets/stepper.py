"""The StoryStepper: step through the story of a case in time, on one screen.

Examples
--------
>>> import kit
>>> from kit.widgets.stepper import StoryStepper
>>> s = StoryStepper(kit.load_case("tests/cases/echo"), "strike_deaths")
>>> s.n_steps, s.step
(4, 1)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as W
import numpy as np
import pandas as pd
from matplotlib.dates import AutoDateLocator, DateFormatter
from matplotlib.figure import Figure

from kit.analysis.findings import drift
from kit.analysis.origins import independence, provenance
from kit.analysis.selection import in_publication_order
from kit.cells import is_missing, is_null
from kit.graph.citation import claim_context
from kit.schema import DRIFT_FLAGS
from kit.text.html import escape, isolate, isolate_text
from kit.text.story import claims_by, load_story
from kit.text.style import drift_words
from kit.text.wording import date_words, figure_label, figure_words, plural
from kit.widgets.common import Displayable, svg_bytes, table_html

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["StoryStepper"]

#: how many new claims "what changed at this step" lists before saying how many more
MAX_CHANGES = 5


class StoryStepper(Displayable):
    """Step through the story of a case in time, on one screen.

    One row of the story, one step (:func:`kit.text.story.load_story`: ``story.csv``, or one step per publication day).
    Each step shows its title and narrative, then the citation graph as it stood (only the claims shown so far and
    the sources they cite; the newest highlighted, edges by relation, loops ringed) beside the figure over time
    with the moment marked, then *what changed at this step* in a few lines; the table of every claim so far is
    folded below. Where ``story.csv`` names the claims each step adds, a step shows exactly those so far, also
    within a day. The graph's layout is :func:`kit.show.story_layout`, the same at every step, so nodes never jump.

    Parameters
    ----------
    case : kit.Case
    proposition : str, optional
        The question whose claims are shown (all claims when None; then no figure over time is drawn).
    story : pandas.DataFrame, optional
        Steps as :func:`kit.text.story.load_story` returns them (a ``claims`` column of id tuples is optional).
    max_nodes : int
        Past this many claims the graph is drawn the fast way (:class:`kit.show.aggregate.StoryAggregate`).
    max_rows : int
        The folded table shows the latest this many claims (``table`` holds them all).
    figsize : (float, float)
        The picture's size in inches (graph and figure over time side by side).

    Attributes
    ----------
    step : int
        The current step, 1-based; set ``slider.value`` (or call :meth:`go`) to move.
    n_steps : int
    upto : pandas.Timestamp
        The moment the current step shows.
    visible_claims : list of str
        The claims shown at this step, in order of publication.
    new_claims : list of str
        Those not shown at the step before; ``newest`` is the last of them (or of all shown, when none is new).
    table : pandas.DataFrame
        The visible claims, indexed by id: ``published``, ``outlet``, ``figure``, ``certainty``, ``n_cited``,
        ``n_origins``, ``echo`` and the drift flags (what the folded table shows, in words).
    changes : list of str
        "What changed at this step", one line per new claim.
    title, text : str
        The step's title and narrative.
    image : bytes
        The SVG drawn for this step, text kept as text.
    prev_button, next_button, slider, play, container : ipywidgets
        The controls; ``slider.value`` is the step number.

    Examples
    --------
    >>> import kit, kit.widgets
    >>> s = kit.widgets.StoryStepper(kit.load_case("data/deir-ez-zor"), "russians_killed_feb7")
    >>> s.n_steps, s.step, s.visible_claims
    (8, 1, ['reuters-two-killed'])
    >>> s.next_button.click(); s.step, len(s.visible_claims)
    (2, 2)
    >>> s.slider.value = 6; s.newest, s.title
    ('daily-beast-200-russian-fighters', 'The Daily Beast: “more than 200 Russian fighters”')
    """

    def __init__(self, case: Case, proposition=None, *, story=None, max_nodes=80, max_rows=40, figsize=(14, 5.0)):
        from kit.show import legend_html, story_layout

        self.case, self.proposition = case, proposition
        self.story = load_story(case, proposition) if story is None else story.reset_index(drop=True)
        self.n_steps = len(self.story)
        ctx = claim_context(case)
        if proposition is not None:
            if not (ctx["proposition"] == proposition).any():
                independence(case, proposition)  # raises kit.UnknownName with a suggestion
            ctx = ctx[ctx["proposition"] == proposition]
        self._ctx = in_publication_order(ctx).reset_index(drop=True)
        self._index = {c: i for i, c in enumerate(self._ctx["claim_id"])}
        self._named = self._named_claims()
        prov = provenance(case)
        flags = pd.DataFrame(False, index=prov.index, columns=list(DRIFT_FLAGS))
        for p in [proposition] if proposition is not None else list(ctx["proposition"].unique()):
            d = drift(case, p)
            if len(d):
                flags.loc[:, :] = (
                    flags.to_numpy()
                    | d.groupby("claim_id")[list(DRIFT_FLAGS)].any().reindex(flags.index, fill_value=False).to_numpy()
                )
        base = self._ctx.set_index("claim_id")
        self._rows = (
            pd.DataFrame(
                {
                    "published": base["published"].dt.strftime("%Y-%m-%d"),
                    "outlet": base["outlet"],
                    "figure": [figure_label(lo, hi) for lo, hi in zip(base["low"], base["high"], strict=False)],
                    "certainty": base["certainty"],
                },
                index=base.index,
            )
            .join(prov[["n_cited", "n_origins", "echo"]])
            .join(flags)
        )
        self._rows.index.name = "claim_id"
        names = case.sources.set_index("source_id")["name"].astype(str)
        self._people = pd.DataFrame(
            {
                "published": [
                    date_words(t, z) for t, z in zip(base["published"], base["published_latest"], strict=True)
                ],
                "outlet": base["outlet"].astype(str),
                "figure": [figure_words(lo, hi) or None for lo, hi in zip(base["low"], base["high"], strict=False)],
                "certainty": base["certainty"],
                "rests on": [
                    ", ".join(str(names.get(s, s)) for s in prov.at[c, "origins"]) or "nothing (a loop)"
                    for c in base.index
                ],
                "origins": prov.loc[base.index, "n_origins"].to_numpy(),
                "echo": ["echo" if e else "" for e in prov.loc[base.index, "echo"]],
                "drift": [drift_words(r) for r in flags.loc[base.index].to_dict("records")],
            },
            index=base.index,
        )
        self.max_nodes, self.max_rows = max_nodes, max_rows
        self.aggregated = len(self._ctx) > max_nodes
        self.pos = story_layout(case, proposition)
        if self.aggregated:
            from kit.show.aggregate import StoryAggregate

            self._aggregate = StoryAggregate(case, self._ctx, self.pos, proposition)
        self._images: dict = {}
        self._visible: dict = {}
        self._picture: Any = None
        self._moment_mark: Any = None
        self._time_span: tuple | None = None
        self.fig = Figure(figsize=figsize if proposition is not None else (10, figsize[1]))
        if proposition is not None:
            self.ax_graph, self.ax_time = self.fig.subplots(1, 2, width_ratios=[1.8, 1])
            self.fig.subplots_adjust(left=0.01, right=0.985, top=0.89, bottom=0.1, wspace=0.12)
        else:
            self.ax_graph, self.ax_time = self.fig.subplots(1, 1), None
            self.fig.subplots_adjust(left=0.01, right=0.99, top=0.9, bottom=0.02)

        n = max(self.n_steps, 1)
        options = [
            (f"{k}: {date_words(d)}", int(k)) for k, d in zip(self.story.index + 1, self.story["date"], strict=False)
        ]
        self.prev_button = W.Button(
            description="Previous",
            icon="step-backward",
            tooltip="previous step (earlier)",
            layout=W.Layout(width="110px"),
        )
        self.next_button = W.Button(
            description="Next", icon="step-forward", tooltip="next step (later)", layout=W.Layout(width="110px")
        )
        self.slider = W.SelectionSlider(
            options=options or [("(no steps)", 1)],
            value=1,
            description="Step",
            continuous_update=False,
            layout=W.Layout(width="420px"),
        )
        self.play = W.Play(value=1, min=1, max=n, step=1, interval=2000, description="Play", repeat=False)
        self.title_html = W.HTML()
        self.text_html = W.HTML(layout=W.Layout(max_width="1150px"))
        self.graph = W.Image(format="svg+xml", layout=W.Layout(width="100%", max_width="1150px"))
        self.changes_html = W.HTML(layout=W.Layout(max_width="1150px"))
        self.table_html = W.HTML()
        self.table_fold = W.Accordion(
            children=[self.table_html], selected_index=None, layout=W.Layout(max_width="1150px")
        )
        self.prev_button.on_click(lambda _: self._move(-1))
        self.next_button.on_click(lambda _: self._move(+1))
        self.slider.observe(lambda ch: self._show(ch["new"]), names="value")
        self.play.observe(lambda ch: setattr(self.slider, "value", ch["new"]), names="value")
        controls = W.HBox([self.prev_button, self.next_button, self.play, self.slider])
        self.legend_html = W.HTML(legend_html(case, proposition))  # drawn once, not in every step's picture
        self.container = W.VBox(
            [
                controls,
                self.title_html,
                self.text_html,
                self.legend_html,
                self.graph,
                self.changes_html,
                self.table_fold,
            ]
        )
        self.container.add_class("kit-story-stepper")
        self.step = 0
        self._show(1)

    # state ---------------------------------------------------------------------------------
    def _named_claims(self) -> list:
        """Per step, the claims its story row names (empty sets where the story names none)."""
        if "claims" not in self.story.columns:
            return [set() for _ in range(self.n_steps)]
        out = []
        for ids in self.story["claims"]:
            ids = tuple(ids) if isinstance(ids, (tuple, list)) else ()
            everything = set(self.case.claims["claim_id"])
            unknown = [c for c in ids if c not in everything]
            if unknown:
                from kit.errors import UnknownName

                raise UnknownName("claim", unknown[0], sorted(everything))
            out.append({c for c in ids if c in self._index})  # a claim of another question is not drawn here
        return out

    def visible_at(self, step: int) -> list:
        """The claims shown at ``step`` (1-based), in order of publication (:func:`kit.text.story.claims_by`)."""
        step = int(step)
        if step not in self._visible:
            if not self.n_steps:
                self._visible[step] = list(self._ctx["claim_id"])
            else:
                named = set().union(*self._named[:step])
                later = set().union(*self._named[step:])
                self._visible[step] = claims_by(
                    self.case, self.story.at[step - 1, "upto"], self.proposition, named=named, later=later
                )
        return self._visible[step]

    def _move(self, delta):
        self.slider.value = min(max(self.step + delta, 1), max(self.n_steps, 1))  # observers redraw

    def go(self, step: int):
        """Show step ``step`` (1-based, clipped to the story); the same as setting ``slider.value``."""
        self.slider.value = min(max(int(step), 1), max(self.n_steps, 1))

    def _show(self, step):
        step = int(step)
        if step == self.step:
            return
        self.step = step
        if self.n_steps:
            row = self.story.iloc[step - 1]
            self.upto = pd.Timestamp(row["upto"])
            self.title, self.text = str(row["title"]), ("" if is_null(row["text"]) else str(row["text"]))
        else:
            self.upto = pd.Timestamp.max.tz_localize("UTC")
            self.title, self.text = "No story: the case has no claims", ""
        self.visible_claims = self.visible_at(step)
        before = set(self.visible_at(step - 1)) if step > 1 else set()
        self.new_claims = [c for c in self.visible_claims if c not in before]
        self.newest = (self.new_claims or self.visible_claims or [None])[-1]
        self.table = self._rows.loc[self.visible_claims]
        self.play.value = step
        self.prev_button.disabled = step <= 1
        self.next_button.disabled = step >= self.n_steps
        self.title_html.value = (
            f"<h3 class='kit-step-title' style='margin:4px 0'>Step {step} of {self.n_steps}: {isolate(self.title)}</h3>"
        )
        self.text_html.value = (
            f"<p class='kit-step-text' style='margin:2px 0;max-height:5.4em;overflow-y:auto;"
            f"line-height:1.35'>{isolate(self.text)}</p>"
        )
        self._show_changes()
        shown = self._people.loc[self.visible_claims]
        if len(shown) > self.max_rows:
            shown = shown.iloc[-self.max_rows :]
        more = len(self.visible_claims) - len(shown)
        self.table_html.value = (
            f"<p><i>{plural(more, 'earlier claim')} not shown (see <code>.table</code>)</i></p>" if more else ""
        ) + table_html(shown, index=False, row_ids=list(shown.index))
        self.table_fold.set_title(0, f"All {plural(len(self.visible_claims), 'claim')} so far")
        self._draw()

    def _show_changes(self):
        lines = []
        for c in self.new_claims[:MAX_CHANGES]:
            r = self._people.loc[c]
            if is_missing(r["figure"]):  # no figure: a few of the claim's own words instead
                words = " ".join(str(self._ctx.at[self._index[c], "text"]).split())
                fig = f"“{isolate_text(words[:60])}{'…' if len(words) > 60 else ''}” "
            else:
                fig = f"{r['figure']} "
            line = (
                f"{isolate_text(r['outlet'])}, {r['published']}: {fig}({r['certainty']}), "
                f"rests on {isolate_text(r['rests on'])}"
            )
            if r["echo"]:
                line += " (an echo: its supports share an origin)"
            if r["drift"]:
                line += f"; drift from what it cites: {r['drift']}"
            lines.append(line)
        if len(self.new_claims) > MAX_CHANGES:
            lines.append(f"and {plural(len(self.new_claims) - MAX_CHANGES, 'more new claim')} (see the table below)")
        self.changes = lines
        li = "<li style='margin:0;line-height:1.3'>"
        items = "".join(f"{li}{escape(line)}</li>" for line in lines) or f"{li}no new claim at this step</li>"
        self.changes_html.value = (
            "<div class='kit-step-changes' style='font-size:90%;line-height:1.3'><b>What "
            f"changed at this step</b><ul style='margin:2px 0 0 1.2em;padding:0'>{items}</ul></div>"
        )

    # drawing -------------------------------------------------------------------------------
    def _draw(self):
        if self.step in self._images:  # each step is drawn once; going back is instant
            self.image = self.graph.value = self._images[self.step]
            return
        if self.aggregated:
            self._draw_aggregated()
        else:
            if self._picture is None:  # drawn once per stepper: a step only shows and hides what is there
                self._picture = self._first_picture()
            self._picture.show(self.visible_claims, self.newest, self.upto)
            self.ax_graph.set_title(
                f"Who cites whom, as of {date_words(self.upto)} ({plural(len(self.visible_claims), 'claim')})",
                fontsize=9,
                y=1.0,  # a fixed place: matplotlib need not lay the axes out again to place it
            )
            if self.ax_time is not None:
                self._mark_moment(self.ax_time)
        self.image = svg_bytes(self.fig)
        self._images[self.step] = self.image
        self.graph.value = self.image

    def _first_picture(self):
        from kit.analysis.findings import circular
        from kit.show import story_graph
        from kit.show.steps import StepPicture

        picture = StepPicture(
            self.case,
            self.proposition,
            self.ax_graph,
            self.ax_time if len(self._ctx) else None,
            pos=self.pos,
            graph=story_graph(self.case, self.proposition),
            loops=circular(self.case),
        )
        if self.ax_time is not None:
            self._fix_time_axis(self.ax_time)
        return picture

    def _draw_aggregated(self):
        visible = np.zeros(len(self._ctx), dtype=bool)
        visible[[self._index[c] for c in self.visible_claims]] = True
        newest = self._index[self.newest] if self.newest is not None else None
        self.ax_graph.clear()
        self._aggregate.draw_graph(self.ax_graph, visible, newest, self.upto)
        if self.ax_time is not None:
            self.ax_time.clear()
            self._moment_mark = None  # cleared with the axes
            self._aggregate.draw_timeline(self.ax_time, visible, self.upto)
            self._fix_time_axis(self.ax_time)
            self._mark_moment(self.ax_time)

    def _fix_time_axis(self, ax):
        """The same time axis at every step (the claims' span); a moment outside it is marked at the edge."""
        if not self.aggregated:
            ax.set_title(
                "The figure over time\n(▲ at least, ▼ at most, bar: range, ├─┤ date uncertain)", fontsize=9, y=1.0
            )
        if not len(self._ctx):
            return
        latest = self._ctx["published_latest"].fillna(self._ctx["published"])
        first, last = self._ctx["published"].min(), max(self._ctx["published"].max(), latest.max())
        pad = max((last - first) * 0.04, pd.Timedelta(days=1))
        lo, hi = (first - pad).tz_convert(None), (last + (last - first) * 0.45 + pad).tz_convert(None)  # labels
        ax.set_xlim(lo, hi)
        locator = AutoDateLocator(maxticks=6)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(DateFormatter("%d %b"))  # "13 Feb", as the timeline writes it
        ax.tick_params(axis="x", labelrotation=0, labelsize=8)
        self._time_span = (lo, hi)

    def _mark_moment(self, ax):
        """A moment outside the time axis marked at its edge, in red."""
        if self._moment_mark is not None:
            self._moment_mark.remove()
            self._moment_mark = None
        if not len(self._ctx) or self._time_span is None:
            return
        lo, hi = self._time_span
        moment = self.upto.tz_convert(None)
        if moment < lo or moment > hi:
            x, ha, arrow = (lo, "left", "◀") if moment < lo else (hi, "right", "▶")
            words = date_words(self.upto)
            label = f"{arrow} now: {words}" if arrow == "◀" else f"now: {words} {arrow}"
            self._moment_mark = ax.annotate(
                label,
                (x, 1),
                xycoords=("data", "axes fraction"),
                xytext=(0, -4),
                textcoords="offset points",
                ha=ha,
                va="top",
                fontsize=8,
                color="#d62728",
            )
