"""kit.widgets.common: figures as bytes a browser reads (PNG of the asked size, read back with matplotlib; SVG whose
words stay text and whose bytes do not change), and a widget that says to run its notebook until it has run."""

import io

import ipywidgets as W
import matplotlib

matplotlib.use("Agg")

import matplotlib.image as mpimg
from matplotlib.figure import Figure

from kit.widgets.common import NOT_RUN, Displayable, Panel, png_bytes, svg_bytes


def _figure(text="Outlet One: 12"):
    f = Figure(figsize=(2, 1))
    f.subplots().set_title(text)
    return f


def test_png_of_the_asked_size():
    data = png_bytes(_figure(), dpi=100)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert mpimg.imread(io.BytesIO(data)).shape[:2] == (100, 200)  # 1 x 2 inches at 100 dpi
    assert mpimg.imread(io.BytesIO(png_bytes(_figure()))).shape[:2] == (144, 288)


def test_svg_keeps_words_as_text_and_the_same_bytes():
    a, b = svg_bytes(_figure()), svg_bytes(_figure())
    assert a == b  # no date, a fixed hash salt
    assert b"<svg" in a and b"Outlet One: 12" in a
    assert svg_bytes(_figure("Other")) != a


class _Demo(Displayable):
    def __init__(self):
        self.container = W.VBox([W.HTML("hi")])


def test_a_widget_not_run_says_so():
    d = _Demo()
    assert repr(d) == NOT_RUN.format(name="_Demo") and "Run the notebook" in repr(d)
    bundle = d._repr_mimebundle_()
    assert bundle["text/plain"] == repr(d)
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == d.container.model_id


def test_a_panel_says_its_own_name():
    p = Panel(W.HTML("3 of 3"), "Your score")
    assert repr(p) == NOT_RUN.format(name="Your score")
    assert p._repr_mimebundle_()["text/plain"] == repr(p)
