"""The ClaimTracer: follow a claim down to its origins, and ask what happens if an origin is discredited.

Examples
--------
>>> import kit
>>> from kit.widgets.tracer import ClaimTracer
>>> t = ClaimTracer(kit.load_case("tests/cases/echo"), "e_echo", draw=False)
>>> list(t.origins["source_id"])
['anon']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as W
import pandas as pd
from matplotlib.figure import Figure

from kit.analysis.origins import origins, provenance, without
from kit.analysis.selection import in_publication_order
from kit.analysis.trace import lineage
from kit.graph.citation import claim_context
from kit.graphview.data import graph_data
from kit.graphview.widget import GraphView
from kit.show import plot_lineage
from kit.show.described import png_img
from kit.show.lineage import lineage_figsize
from kit.text.html import escape, isolate
from kit.text.style import drift_words, grade_words
from kit.text.trace_text import trace_text
from kit.text.wording import figure_words, plural, proposition_words, when_words
from kit.widgets.common import Displayable, png_bytes, table_html

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["ClaimTracer", "GRAPH_HEIGHT"]

#: the most pixels the tracer's graph takes in height: with the what-ifs on one line, the claim beside what falls
#: above it and the tables folded below, the tracer fits a 1440×900 screen in JupyterLab
GRAPH_HEIGHT = 330
#: the text's own line height (ipywidgets' HTML gives every line a control's height, 28 px)
_LINES = "line-height:1.45"


class ClaimTracer(Displayable):
    """Follow a claim down to its origins, and ask what happens if an origin is discredited.

    Pick a claim with the dropdown (type in the search box to filter it by outlet, words or id; a search that
    matches nothing says so and keeps the claim shown). The tracer shows the claim with its credibility; one *what
    if* toggle per origin, named for it: switch it on to discredit that source, and the header says whether the claim
    falls, the picture greys what falls and the list names every claim of the case that loses all support; the
    lineage drawn (:func:`kit.show.plot_lineage`, as tall as its rows of leaves) and, folded below it so the whole
    tracer fits one 1440×900 screen, as a table (each hop with its relation, evidence and drift in words) and its
    origins with their grades in words.

    Parameters
    ----------
    case : kit.Case
    claim_id : str, optional
        The claim shown first (default: the first published).
    draw : bool
        Draw the lineage (a PNG at ``dpi``); False for tests and scripts that only read the tables.
    dpi : int
        144 by default: sharp on high-density screens.

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
    matches : list of str
        The claims the search matches (empty when none does).
    view : kit.graphview.GraphView
        The explorable graph of the claim's question (graphview.js, the published page's renderer): the claim's
        lineage lit (``view.selected``), the discredited sources and what falls with them greyed
        (``view.discredited``, ``view.fallen``). Its "What if ... is discredited?" button and the toggles are one
        set; a claim traced in it becomes the claim shown.
    image : bytes
        The lineage drawn (PNG), shown folded in ``graph`` (an HTML ``<img>``) with ``graph_alt`` as its alt text.
    graph_alt : str
        What the picture shows in words: the tree as :func:`kit.text.trace_text.trace_text` prints it, and the
        sources discredited.
    search, search_html, dropdown, toggles, tables, container : ipywidgets
        ``toggles`` maps each origin's source id to its ToggleButton.

    Examples
    --------
    >>> import kit, kit.widgets
    >>> t = kit.widgets.ClaimTracer(kit.load_case("data/deir-ez-zor"))
    >>> t.dropdown.value = "daily-beast-200-russian-fighters"
    >>> list(t.origins["source_id"]), t.credibility
    (['bloomberg_two_russians', 'us_official'], 4)
    >>> t.toggles["bloomberg_two_russians"].value = True
    >>> len(t.lost)  # each claim of the 200 keeps the US official, whose estimate Bloomberg printed beside it
    0
    >>> t.toggles["us_official"].value = True
    >>> len(t.lost)
    7
    """

    def __init__(self, case: Case, claim_id=None, *, draw=True, dpi=144):
        self.case, self.draw, self.dpi = case, draw, dpi
        ctx = in_publication_order(claim_context(case))
        self._ctx = ctx.set_index("claim_id")
        self._prov = provenance(case)
        self._names = case.sources.set_index("source_id")["name"].astype(str)
        self._labels = [(self._option_label(r), r.claim_id) for r in ctx.itertuples(index=False)]
        self._search_text = {v: f"{v} {label}".lower() for label, v in self._labels}
        self.search = W.Text(
            placeholder="search claims by outlet, words or id",
            description="Search",
            continuous_update=True,
            layout=W.Layout(width="380px"),
        )
        self.search_html = W.HTML()
        self.dropdown = W.Dropdown(
            options=self._labels, description="Claim", layout=W.Layout(width="auto", flex="1 1 0%", min_width="0")
        )
        self.claim_html = W.HTML(layout=W.Layout(flex="1 1 0%", min_width="0"))
        self.graph = W.HTML(layout=W.Layout(width="100%", max_width="1000px"))  # the picture, with its alt text
        # the explorable graph of the claim's question, its lineage lit and its discredited sources greyed by the
        # view's own JavaScript (graphview.js, the published page's renderer); its "What if" button and the
        # toggles below are one set of discredited sources
        self.view = GraphView(case, ctx["proposition"].iloc[0] if len(ctx) else None, height=GRAPH_HEIGHT)
        self.view.layout = W.Layout(width="100%", max_width="1000px")
        self.view.observe(self._from_view, names="discredited")
        self.view.observe(self._traced_in_view, names="selected")
        self.tree_html = W.HTML()
        self.origins_html = W.HTML()
        self.toggle_box = W.HBox(layout=W.Layout(flex_flow="row wrap"))
        self.lost_html = W.HTML(layout=W.Layout(flex="1 1 0%", min_width="0"))
        self.toggles: dict = {}
        self.claim_id: str | None = None
        self.matches = [v for _, v in self._labels]
        self.discredited: list = []
        self.lost: list = []
        self._images: dict = {}
        self.graph_alt = ""
        self.search.observe(lambda ch: self._filter(ch["new"]), names="value")
        self.dropdown.observe(lambda ch: ch["new"] is not None and self._show(ch["new"]), names="value")
        self.tables = W.Accordion(  # folded: the view says the same, the tables add evidence and grades
            children=[W.VBox([self.tree_html, self.origins_html, self.graph])],
            selected_index=None,
            layout=W.Layout(max_width="1000px"),
        )
        self.tables.set_title(
            0, "Lineage, hop by hop (relation, evidence, drift), the origins' grades, and the lineage as a tree"
        )
        self.container = W.VBox(  # one screen at 1440x900: the what-ifs on one line, the claim beside what falls,
            [  # the graph the tracer's width and GRAPH_HEIGHT high, the tables folded
                W.HBox([self.search, self.dropdown], layout=W.Layout(width="100%", max_width="1000px")),
                self.search_html,
                W.HBox(
                    [W.HTML("<b>What if?</b> Discredit an origin:&nbsp;"), self.toggle_box],
                    layout=W.Layout(align_items="center", flex_flow="row wrap", max_width="1000px"),
                ),
                W.HBox(
                    [self.claim_html, self.lost_html],
                    layout=W.Layout(width="100%", max_width="1000px", grid_gap="0 1.5em", align_items="flex-start"),
                ),
                self.view,
                self.tables,
            ]
        )
        self.container.add_class("kit-claim-tracer")
        first = claim_id if claim_id is not None else (self._labels[0][1] if self._labels else None)
        if first is not None:
            self.select(first)

    def _option_label(self, r):
        text = " ".join(str(r.text).split())
        return f"{r.outlet}, {when_words(r)}: {text[:80]}{'…' if len(text) > 80 else ''}"

    def _claim_words(self, claim_id) -> str:
        c = self._ctx.loc[claim_id]
        fig = figure_words(c["low"], c["high"])
        return f"{c['outlet']}, {when_words(c)}" + (f" ({fig})" if fig else "")

    def _filter(self, query):
        q = query.strip().lower()
        matches = [o for o in self._labels if q in self._search_text[o[1]]] if q else self._labels
        current = self.dropdown.value
        self.matches = [v for _, v in matches]
        if not matches:  # keep the list and the claim shown, and say so
            shown = self._claim_words(self.claim_id) if self.claim_id is not None else "nothing"
            self.search_html.value = (
                f"<span class='kit-no-match' style='color:#a00'>no claim matches "
                f"‘{isolate(query.strip())}’; still showing {isolate(shown)}</span>"
            )
            return
        self.search_html.value = (
            "" if not q else f"<span style='color:#555'>{plural(len(matches), 'claim matches', 'claims match')}</span>"
        )
        self.dropdown.options = matches
        if current in self.matches:
            self.dropdown.value = current

    def select(self, claim_id: str):
        """Show ``claim_id`` (the same as setting ``dropdown.value``)."""
        if claim_id not in self._ctx.index:
            origins(self.case, claim_id)  # raises kit.UnknownName with a suggestion
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
        shown = self.tree.assign(
            item=[
                "\u00a0\u00a0\u00a0" * (d - 1) + "└─\u00a0" + self._item_words(i, t) if d else self._item_words(i, t)
                for d, i, t in zip(self.tree["depth"], self.tree["item"], self.tree["item_type"], strict=False)
            ],
            relation=self.tree["relation"].str.replace("_", " "),
        )
        shown = shown.assign(drift=shown.apply(drift_words, axis=1))[["item", "relation", "evidence", "drift"]]
        self.tree_html.value = table_html(shown, index=False, row_ids=list(self.tree["item"]))
        o = self.origins
        self.origins_html.value = table_html(
            o.assign(grade=[f"{g} ({grade_words(g)})" for g in o["reliability"]])[["name", "kind", "grade", "hops"]],
            index=False,
            row_ids=list(o["source_id"]),
        )
        toggles = {}
        for s in o["source_id"]:
            name = str(self._names.get(s, s))
            t = W.ToggleButton(
                value=False,
                description=f"discredit {name[:40]}{'…' if len(name) > 40 else ''}",
                tooltip=f"what if {name} is discredited?",
                icon="ban",
                layout=W.Layout(width="auto"),
            )
            t.observe(lambda ch: self._what_if(), names="value")
            toggles[s] = t
        self.toggles = toggles
        self.toggle_box.children = list(toggles.values())
        proposition = c["proposition"]
        if self.view.data.get("proposition") != proposition:  # the claim's question, its lineage in it
            self.view.data = graph_data(self.case, proposition)
        self.view.discredited = []  # a new claim starts with nothing discredited, as its toggles do
        self.view.selected = claim_id
        self._what_if()

    def _traced_in_view(self, change):
        """A claim traced in the view (click or Enter) is the claim the tracer shows."""
        if change["new"] in self._ctx.index and change["new"] != self.claim_id:
            self.select(change["new"])

    def _from_view(self, change):
        """The view's "What if ... is discredited?" button: the toggles follow, then the rest."""
        for s, t in self.toggles.items():
            t.value = s in change["new"]
        self._what_if()

    def _item_words(self, item, item_type) -> str:
        if item_type == "source":
            return f"{self._names.get(item, item)} (source)"
        return self._claim_words(item)

    def _header(self):
        c, p = self._ctx.loc[self.claim_id], self._prov.loc[self.claim_id]
        n = int(p["n_origins"])
        head = (
            f"<p><b>{isolate(c['outlet'])}</b>, {escape(when_words(c))}: “{isolate(c['text'])}”"
            f"<br>certainty <b>{escape(c['certainty'])}</b>, credibility <b>{self.credibility}</b> "
            f"({escape(grade_words(self.credibility))}); cites {int(p['n_cited'])}, rests on <b>{n}</b> "
            f"independent origin{'s' if n != 1 else ''}{' (an echo: supports share an origin)' if p['echo'] else ''}"
            "</p>"
        )
        if self.discredited:
            names = ", ".join(str(self._names.get(s, s)) for s in self.discredited)
            if self.claim_id in self.lost:
                head += (
                    f"<p class='kit-falls' style='color:#a00'><b>Without {isolate(names)}, this claim falls</b>: "
                    "it rests on nothing else.</p>"
                )
            else:
                left = [str(self._names.get(s, s)) for s in self.origins["source_id"] if s not in self.discredited]
                head += (
                    f"<p class='kit-stands'><b>Without {isolate(names)}, this claim still stands</b> on "
                    f"{escape(', '.join(left) or 'its other support')}.</p>"
                )
        self.claim_html.value = f"<div style='{_LINES}'>{head}</div>"

    def _what_if(self):
        others = [s for s in self.view.discredited if s not in self.toggles]  # discredited in the view only
        self.discredited = [s for s, t in self.toggles.items() if t.value] + others
        if list(self.view.discredited) != self.discredited:
            self.view.discredited = list(self.discredited)
        if not self.discredited:
            self.lost = []
            self.lost_html.value = f"<p style='{_LINES}'><i>Switch an origin on to discredit it.</i></p>"
        else:
            self.lost = without(self.case, *self.discredited)
            names = ", ".join(str(self._names.get(s, s)) for s in self.discredited)
            rows = None
            if self.lost:
                lost = self._ctx.loc[self.lost]
                rows = pd.DataFrame(
                    {
                        "claim": [self._claim_words(c) for c in self.lost],
                        "question": [proposition_words(self.case, p) for p in lost["proposition"]],
                        "words": lost["text"].to_numpy(),
                    }
                )
            self.lost_html.value = (
                f"<div style='{_LINES}'><p>Without <b>{isolate(names)}</b>, <b>{len(self.lost)}</b> "
                f"{'claim of the case loses' if len(self.lost) == 1 else 'claims of the case lose'}"
                " all support:</p>"
                # a long list scrolls in its own box (focusable, named), so the tracer keeps to one screen
                + "<div class='kit-lost' role='region' tabindex='0' aria-label='The claims that lose all support'"
                " style='max-height:6.5em;overflow:auto'>"
                + table_html(rows, index=False, row_ids=self.lost, empty="(none: each rests on something else too)")
                + "</div></div>"
            )
        self._header()
        if self.draw and self.claim_id is not None:
            key = (self.claim_id, tuple(self.discredited))
            if key not in self._images:
                fig = Figure(figsize=lineage_figsize(self.tree), layout="constrained")
                plot_lineage(
                    self.case,
                    self.claim_id,
                    ax=fig.subplots(),
                    tree=self.tree,
                    discredited=self.discredited,
                    lost=self.lost,
                )
                self._images[key] = png_bytes(fig, self.dpi)
            self.image = self._images[key]
            gone = ", ".join(str(self._names.get(s, s)) for s in self.discredited)
            gone = f" Discredited: {gone}." if gone else ""
            self.graph_alt = "The lineage drawn as a tree: " + trace_text(self.case, self.claim_id) + gone
            self.graph.value = png_img(self.image, self.graph_alt)
