"""A matplotlib picture with its alt text, for a notebook: shown as an ``<img alt=...>`` in JupyterLab and nbconvert.

JupyterLab draws an ``image/png`` output as an ``<img>`` with no alt text (it reads no alt from the output's
metadata), so a screen reader hears nothing of the picture. :class:`Described` shows the same PNG inside an HTML
``<img>`` with the words given (escaped), and keeps ``image/png`` for front ends without HTML.

Examples
--------
>>> import kit, kit.show
>>> from kit.show.described import Described
>>> ax = kit.show.plot_outlet_graph(kit.load_case("tests/cases/echo"))
>>> d = Described(ax, "Who cites whom among the outlets")
>>> d._repr_html_().startswith('<img alt="Who cites whom among the outlets" src="data:image/png;base64,')
True
"""

from __future__ import annotations

import base64
import io

from kit.text.html import escape

__all__ = ["Described", "png_img"]


def png_img(png: bytes, alt: str) -> str:
    """An HTML ``<img>`` of a PNG (inline, as a data URL) with its alt text escaped: one rule for kit's pictures.

    Parameters
    ----------
    png : bytes
    alt : str
        What the picture shows, in words.

    Returns
    -------
    str

    Examples
    --------
    >>> png_img(b"png", 'a "graph" <here>')
    '<img alt="a &quot;graph&quot; &lt;here&gt;" src="data:image/png;base64,cG5n" style="max-width:100%">'
    """
    data = base64.b64encode(png).decode("ascii")
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{data}" style="max-width:100%">'


class Described:
    """A figure (or an Axes of it) and the words that say what it shows; the figure is closed once drawn.

    Parameters
    ----------
    figure : matplotlib.figure.Figure or matplotlib.axes.Axes
        What a kit plot function returned (its figure is used).
    alt : str
        What the picture shows, in words (for instance :func:`kit.publish.words.graph_alt`).
    dpi : int
        Resolution of the PNG.

    Attributes
    ----------
    alt : str
    png : bytes

    Raises
    ------
    ValueError
        For empty alt text.

    Examples
    --------
    >>> import kit, kit.show
    >>> d = Described(kit.show.plot_outlet_graph(kit.load_case("tests/cases/echo")), "Outlets <and> sources")
    >>> "Outlets &lt;and&gt; sources" in d._repr_html_(), d.png[:4] == b"\\x89PNG"
    (True, True)
    """

    def __init__(self, figure, alt: str, *, dpi: int = 100):
        import matplotlib.pyplot as plt

        if not str(alt).strip():
            raise ValueError("a picture needs alt text: say in words what it shows")
        fig = getattr(figure, "figure", figure)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
        plt.close(fig)  # shown once, by this object, not again by the inline backend
        self.alt, self.png = str(alt), buffer.getvalue()

    def _repr_html_(self) -> str:
        return png_img(self.png, self.alt)

    def _repr_png_(self) -> bytes:
        return self.png

    def __repr__(self) -> str:
        return f"Picture: {self.alt}"
