"""What the widgets share: figures as bytes, tables for people (:func:`kit.text.tables.table_html`), and how a widget
shows itself in a notebook.

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
from typing import Any

from kit.text.tables import table_html  # the one rule for tables a person reads, re-exported for the widgets

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
