"""What the widgets share: figures as bytes, tables for people, and how a widget shows itself in a notebook.

Examples
--------
>>> import pandas as pd
>>> from kit.widgets.common import table_html
>>> print(table_html(pd.DataFrame({"outlet": ["<b>AFP</b>"], "figure": [pd.NA]}), index=False))
... # doctest: +ELLIPSIS
<table style="font-size:85%" class="dataframe kit-table">...&lt;b&gt;AFP&lt;/b&gt;...—...
"""

from __future__ import annotations

import io
import re
from typing import Any

import pandas as pd

from ..html import escape, isolate_text

__all__ = ["NOT_RUN", "png_bytes", "svg_bytes", "table_html", "Displayable", "Panel"]

#: what a widget cell shows when its notebook has not run (JupyterLab falls back to text/plain)
NOT_RUN = "{name}: an interactive widget. Run the notebook (Run ▸ Run All Cells) to use it."


def png_bytes(fig, dpi: int = 144) -> bytes:
    """``fig`` as PNG at ``dpi`` (144 by default: sharp on a high-density screen when shown at half its pixels).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    dpi : int

    Returns
    -------
    bytes

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> png_bytes(Figure(figsize=(1, 1)))[:4]
    b'\\x89PNG'
    """
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


def svg_bytes(fig) -> bytes:
    """``fig`` as SVG with text kept as text: faster to make than a PNG, sharp at any size, words searchable.

    Parameters
    ----------
    fig : matplotlib.figure.Figure

    Returns
    -------
    bytes
        The same figure always gives the same bytes (no date, a fixed hash salt).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> b"<svg" in svg_bytes(Figure(figsize=(1, 1)))[:400]
    True
    """
    import matplotlib

    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "kit"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def table_html(frame, index: bool = True, *, row_ids=None, empty: str = "(nothing yet)") -> str:
    """A table as escaped HTML for people: empty cells ``—``, booleans ``yes``/blank, tuples joined by commas.

    Parameters
    ----------
    frame : pandas.DataFrame or None
    index : bool
        Show the index as the first column.
    row_ids : sequence of str, optional
        One id per row, kept as the row's ``data-id`` attribute (not shown; for tests and scripts).
    empty : str
        What to say when there is no row.

    Returns
    -------
    str

    Examples
    --------
    >>> import pandas as pd
    >>> html = table_html(pd.DataFrame({"a": [("x", "y")], "b": [True]}), index=False, row_ids=["r1"])
    >>> "x, y" in html and "yes" in html and 'data-id="r1"' in html
    True
    >>> table_html(None)
    '<p><i>(nothing yet)</i></p>'
    """
    if frame is None or not len(frame):
        return f"<p><i>{escape(empty)}</i></p>"

    def cell(v):
        if isinstance(v, (tuple, list)):
            return ", ".join(str(x) for x in v) or "—"
        if isinstance(v, bool):
            return "yes" if v else ""
        try:
            missing = v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v)
        except TypeError:
            missing = False
        if missing:
            return "—"
        return isolate_text(v) if isinstance(v, str) else v  # a case text: a bidi isolate

    shown = frame.apply(lambda col: col.map(cell)) if len(frame.columns) else frame
    html = shown.to_html(index=index, escape=True, border=0, na_rep="—", classes="kit-table")
    html = html.replace("<table", '<table style="font-size:85%"', 1)
    if row_ids is not None:  # one data-id per body row, in order
        head, _, body = html.partition("<tbody>")
        ids = iter(row_ids)
        body = re.sub("<tr>", lambda m: f'<tr data-id="{escape(next(ids, ""))}">', body)
        html = head + "<tbody>" + body
    return html


class Displayable:
    """A widget shown through its container (``self.container``), with a short text for a notebook not yet run.

    A widget cell saved without its widget state shows ``text/plain`` in JupyterLab; without this it would be
    ``VBox(children=(HBox(...`` instead of a hint to run the notebook.

    Examples
    --------
    >>> import ipywidgets as W
    >>> class Demo(Displayable):
    ...     def __init__(self):
    ...         self.container = W.VBox()
    >>> print(repr(Demo()))
    Demo: an interactive widget. Run the notebook (Run ▸ Run All Cells) to use it.
    >>> sorted(Demo()._repr_mimebundle_())
    ['application/vnd.jupyter.widget-view+json', 'text/plain']
    """

    container: Any = None

    def __repr__(self) -> str:
        return NOT_RUN.format(name=type(self).__name__)

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.container._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = repr(self)
        return bundle


class Panel(Displayable):
    """A part of a widget shown on its own (e.g. the exercise's score at the end of a notebook), with the same hint.

    Parameters
    ----------
    container : ipywidgets.Widget
    name : str
        What the hint calls it.

    Examples
    --------
    >>> import ipywidgets as W
    >>> print(repr(Panel(W.HTML("3 of 3"), "Your score")))
    Your score: an interactive widget. Run the notebook (Run ▸ Run All Cells) to use it.
    """

    def __init__(self, container, name: str):
        self.container, self.name = container, name

    def __repr__(self) -> str:
        return NOT_RUN.format(name=self.name)
