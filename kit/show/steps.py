"""The stepper's picture: a story's citation graph and figure over time, drawn once and shown step by step.

Every claim, source, edge and label of the story is drawn once, each its own artist
(:func:`kit.show.plot_citation_graph` and :func:`kit.show.plot_timeline` with ``artists=``); a step then only
hides and shows them, moves the highlight and the dashed line of the moment. What a step shows is what drawing it
anew with ``claims=`` shows (the same rules decide which sources and edges are there), without clearing and
re-laying out the axes at every step.

Examples
--------
>>> import kit
>>> from matplotlib.figure import Figure
>>> from kit.show.steps import StepPicture
>>> fig = Figure(figsize=(10, 4))
>>> ax_graph, ax_time = fig.subplots(1, 2)
>>> picture = StepPicture(kit.load_case("tests/cases/echo"), "strike_deaths", ax_graph, ax_time)
>>> picture.show(["e_one"], newest="e_one", upto="2022-06-01T12:00Z")
>>> sorted(picture.shown)
['anon', 'e_one']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.analysis.findings import circular
from kit.show.citation_graph import HIGHLIGHT_SCALE, plot_citation_graph, story_graph
from kit.show.placement import StoryLayout, story_layout
from kit.show.timeline import now_x, plot_timeline

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["StepPicture"]

#: the opacity of a claim shown at the step, and of one not shown (yet) on the figure over time
SHOWN_ALPHA, FADED_ALPHA = 0.95, 0.2


class StepPicture:
    """The citation graph and the figure over time of one story, drawn once; :meth:`show` shows one step.

    Parameters
    ----------
    case : kit.Case
    proposition : str or None
        The question told (None: every claim, and no figure over time).
    ax_graph : matplotlib Axes
        Where the citation graph is drawn.
    ax_time : matplotlib Axes, optional
        Where the figure over time is drawn (none when None).
    pos, graph, loops : optional
        :func:`kit.show.story_layout`, :func:`kit.show.story_graph` and :func:`kit.circular` of the case, when
        the caller has them already (only read).

    Attributes
    ----------
    shown : set of str
        The claims and sources shown at the last step.

    Examples
    --------
    >>> import kit
    >>> from matplotlib.figure import Figure
    >>> fig = Figure()
    >>> picture = StepPicture(kit.load_case("tests/cases/echo"), "strike_deaths", fig.subplots())
    >>> picture.show(["e_one", "e_two"], newest="e_two")
    >>> sorted(picture.shown)
    ['anon', 'e_one', 'e_two']
    """

    def __init__(self, case: Case, proposition, ax_graph, ax_time=None, *, pos=None, graph=None, loops=None):
        self.case, self.proposition = case, proposition
        self.ax_graph, self.ax_time = ax_graph, ax_time
        g = story_graph(case, proposition) if graph is None else graph
        self._g = g
        self._graph_art: dict = {}
        lay = pos if isinstance(pos, StoryLayout) else story_layout(case, proposition)
        self._lanes = {lane["claims"][0]: set(lane["claims"]) for lane in lay.lanes}  # first claim -> the lane's
        plot_citation_graph(
            case,
            proposition,
            ax=ax_graph,
            pos=pos or lay,
            graph=g,
            loops=circular(case) if loops is None else loops,
            legend=False,
            artists=self._graph_art,
        )
        self._claims = [n for n, d in g.nodes(data=True) if d["node_type"] == "claim"]  # in the order drawn
        self._sources = [n for n, d in g.nodes(data=True) if d["node_type"] == "source"]
        self._own = set(g.graph.get("own_reporting", ()))
        self._sizes = {n: self._node(n).get_sizes() for n in self._claims if ("node", n) in self._graph_art}
        self._time_art: dict = {}
        self._now = None
        if ax_time is not None and proposition is not None:
            plot_timeline(case, proposition, ax=ax_time, artists=self._time_art)
        self._newest = None
        self.shown: set = set()

    def _node(self, n):
        return self._graph_art[("node", n)][0]

    def show(self, claims, newest=None, upto=None) -> None:
        """Show the story at one step: only ``claims`` and what they cite or rest on; ``newest`` highlighted.

        Parameters
        ----------
        claims : iterable of str
            The claims shown at the step (the others are hidden in the graph, faded on the figure over time).
        newest : str, optional
            The claim to highlight.
        upto : pandas.Timestamp, optional
            The step's moment, a dashed line on the figure over time.
        """
        keep = set(claims)
        g = self._g
        visible = {n for n in self._claims if n in keep}
        resting_on = {g.nodes[n]["source_id"] for n in visible if n in self._own}
        visible |= {s for s in self._sources if s in resting_on or any(p in visible for p in g.predecessors(s))}
        for key, drawn in self._graph_art.items():
            if key[0] == "edge":
                on = key[1] in visible and key[2] in visible
            elif key[0] == "lane":  # an outlet's name while a claim of it is shown
                on = bool(self._lanes.get(key[1], set()) & visible)
            else:
                on = key[1] in visible
            for artist in drawn:
                artist.set_visible(on)
        if self._newest is not None and self._newest != newest:
            self._node(self._newest).set_sizes(self._sizes[self._newest])
            self._node(self._newest).set_edgecolor("white")
        self._newest = newest if ("node", newest) in self._graph_art else None
        if self._newest is not None:
            self._node(self._newest).set_sizes(self._sizes[self._newest] * HIGHLIGHT_SCALE)
            self._node(self._newest).set_edgecolor("black")
        for (kind, claim), drawn in self._time_art.items():
            alpha = SHOWN_ALPHA if claim in keep else FADED_ALPHA
            for artist in drawn:
                artist.set_alpha(alpha * (0.8 if kind == "span" else 1.0))
        if self.ax_time is not None and self._time_art is not None and upto is not None:
            if self._now is not None:
                self._now.remove()
            self._now = self.ax_time.axvline(now_x(upto), color="#d62728", lw=1, ls="--")
        self.shown = visible
