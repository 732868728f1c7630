"""One explorable citation graph, the same in the notebook and in the published page.

The layout is computed in Python (:mod:`kit.graphview.positions`: left to right in time, one lane per outlet, label
boxes that never overlap); :mod:`kit.graphview.data` turns a case into plain JSON-ready data; one JavaScript
module, ``static/graphview.js``, draws it as SVG: hover or focus a node for its words, click (or Enter) to light its
lineage to its origins, Escape to clear, zoom and pan, a legend. :class:`GraphView` (``kit.graphview.widget``,
needs ``anywidget``, imported on first use) runs that module in JupyterLab, VS Code or Colab;
:func:`graph_html` (``kit.graphview.fragment``) inlines it in the published page.

Examples
--------
>>> import kit
>>> from kit.graphview import graph_data
>>> len(graph_data(kit.load_case("data/deir-ez-zor"))["nodes"]) > 19
True
"""

from __future__ import annotations

from kit.graphview.data import graph_data, scope
from kit.graphview.positions import layout

__all__ = ["graph_data", "scope", "layout", "graph_html", "GraphView"]


def __getattr__(name):
    # the widget needs anywidget (the notebooks extra) and the page's fragment the static files: both on first use
    if name == "GraphView":
        from kit.graphview.widget import GraphView

        return GraphView
    if name == "graph_html":
        from kit.graphview.fragment import graph_html

        return graph_html
    raise AttributeError(f"module 'kit.graphview' has no attribute {name!r}")
