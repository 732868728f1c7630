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

import ipywidgets as W
from matplotlib.figure import Figure

from ..graph import claim_context
from ..html import escape
from ..provenance import origins, provenance, without
from ..show import plot_lineage
from ..style import drift_words
from ..trace import lineage
from .common import Displayable, png_bytes, table_html

__all__ = ["ClaimTracer"]


class ClaimTracer(Displayable):
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

    def __init__(self, case, claim_id=None, *, draw=True, dpi=144):
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
            f"<p><b>{escape(str(c['outlet']))}</b>, {c['published']:%d %b %Y}: “{escape(str(c['text']))}”"
            f"<br>certainty <b>{c['certainty']}</b>, credibility <b>{self.credibility}</b>; cites {p['n_cited']}, "
            f"rests on <b>{p['n_origins']}</b> independent origin{'s' if p['n_origins'] != 1 else ''}"
            f"{' (an echo: supports share an origin)' if p['echo'] else ''}</p>")
        shown = self.tree.assign(item=["\u00a0\u00a0\u00a0" * (d - 1) + "└─\u00a0" + i if d else i
                                       for d, i in zip(self.tree["depth"], self.tree["item"])])
        flags = shown.apply(drift_words, axis=1)
        shown = shown.assign(drift=flags)[["item", "relation", "evidence", "drift"]]
        self.tree_html.value = table_html(shown, index=False)
        self.origins_html.value = table_html(self.origins, index=False)
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
            self.image = png_bytes(fig, self.dpi)
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
        self.lost_html.value = (f"<p>Without <b>{escape(names)}</b>, <b>{len(self.lost)}</b> claim"
                                f"{'s' if len(self.lost) != 1 else ''} of the case lose all support:</p>"
                                + table_html(rows))

