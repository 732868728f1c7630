"""The explorable citation graph as a notebook widget (anywidget: JupyterLab, VS Code, Colab).

Its JavaScript is ``static/graphview.js``, the module the published page inlines: notebook and page share one
renderer. Needs ``anywidget`` (the ``notebooks`` extra); this module is imported only when
``kit.graphview.GraphView`` is first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import anywidget
import traitlets

from kit.analysis.origins import without
from kit.graphview.data import graph_data
from kit.graphview.fragment import static_text
from kit.schema import DEFAULT_FOLLOW
from kit.text.wording import plural

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["GraphView"]


class GraphView(anywidget.AnyWidget):
    """The citation graph of ``proposition`` (or of the whole case), to hover, trace, zoom and pan.

    Hover or focus a node for the claim's words, outlet, date, figure and grade; click it (or press Enter) to light
    its lineage down to its origins, the rest dimmed; Escape clears. Trace a source, then "What if ... is
    discredited?" greys it and the claims that fall with it; :attr:`discredited` and :attr:`fallen` follow.

    Parameters
    ----------
    case : kit.Case
        Shown as given (a notebook is the reporter's own: nothing is redacted).
    proposition : str, optional
        The story to show; the whole case when ``None``.
    discredited : iterable of str
        Source ids to show discredited from the start.
    follow : iterable of str
        The citation bases to follow.
    height : int
        The most pixels the drawing takes in height (0: 70 % of the window's).

    Attributes
    ----------
    data : dict
        What the renderer draws (:func:`kit.graphview.data.graph_data`).
    selected : str
        The id of the node last traced in the view ("" when none).
    discredited : list of str
        The sources discredited in the view (or set from Python).
    fallen : list of str
        The claims of the case whose every origin is discredited (:func:`kit.without`).

    Raises
    ------
    kit.UnknownName
        For an unknown proposition or source.

    See Also
    --------
    kit.graphview.fragment.graph_html : the same view in the published page.

    Examples
    --------
    >>> import kit
    >>> from kit.graphview import GraphView
    >>> view = GraphView(kit.load_case("data/deir-ez-zor"), "russians_killed_feb7")
    >>> print(repr(view))
    Citation graph of russians_killed_feb7 (17 claims): run the notebook to explore it.
    >>> view.discredited = ["cit"]
    >>> view.fallen
    ['afp-cit-three-more']
    """

    _esm = static_text("graphview.js")
    _css = static_text("graphview.css")
    data = traitlets.Dict().tag(sync=True)
    selected = traitlets.Unicode("").tag(sync=True)
    discredited = traitlets.List(traitlets.Unicode()).tag(sync=True)
    height = traitlets.Int(0).tag(sync=True)

    def __init__(
        self, case: Case, proposition=None, *, discredited=(), follow=DEFAULT_FOLLOW, height: int = 0, **kwargs
    ):
        self._case, self._follow = case, tuple(follow)
        gone = [str(s) for s in discredited]
        data = graph_data(case, proposition, discredited=gone, follow=self._follow)
        self.fallen = without(case, *gone, follow=self._follow)
        super().__init__(data=data, discredited=gone, height=int(height), **kwargs)
        self.observe(self._discredit, names="discredited")

    def _discredit(self, change):
        self.fallen = without(self._case, *change["new"], follow=self._follow)

    def __repr__(self) -> str:
        d = self.data
        n = sum(1 for x in d.get("nodes", ()) if x["kind"] == "claim")
        what = f"of {d['proposition']} " if d.get("proposition") else ""
        return f"Citation graph {what}({plural(n, 'claim')}): run the notebook to explore it."
