"""Every picture the kit draws with matplotlib: the citation graph, the figure over time, a claim's lineage, the
outlet graph, a loop between outlets.

Imported only when used (``import kit.show`` or ``kit.show``), so ``import kit`` stays light and headless. The
modules: :mod:`kit.show.citation_graph` (the citation graph and its legend), :mod:`kit.show.placement` (its stable
layout: the explorable graph's, labels never overlapping), :mod:`kit.show.timeline`
(the figure over time), :mod:`kit.show.steps` (the stepper's picture, drawn once and shown step by step),
:mod:`kit.show.lineage` (a claim's tree of hops), :mod:`kit.show.outlet_graph` (who cites whom among outlets)
and :mod:`kit.show.outlet_loop` (a feedback loop between outlets, drawn going round); :class:`Described` shows a
picture in a notebook with its alt text.

Examples
--------
>>> import kit, kit.show
>>> ax = kit.show.plot_outlet_graph(kit.load_case("tests/cases/echo"))
>>> ax.get_title().endswith("arc width: citations")
True
"""

from kit.show.citation_graph import graph_title, legend_html, plot_citation_graph, story_graph
from kit.show.described import Described
from kit.show.lineage import plot_lineage
from kit.show.outlet_graph import plot_outlet_graph
from kit.show.outlet_loop import plot_outlet_loop
from kit.show.placement import story_layout
from kit.show.timeline import plot_timeline, timeline_title

__all__ = [
    "Described",
    "story_graph",
    "story_layout",
    "plot_citation_graph",
    "legend_html",
    "plot_timeline",
    "graph_title",
    "timeline_title",
    "plot_lineage",
    "plot_outlet_graph",
    "plot_outlet_loop",
]
