"""Publish a case as one self-contained explainer page a reader steps through without a kernel.

:func:`publish` writes ``index.html``: the story of one proposition in steps, the same steps as
:class:`kit.widgets.StoryStepper` by construction (:func:`kit.text.story_steps.story_steps`, drawn by the stepper's
own renderer ``graphview.js`` from the same data, :func:`kit.graphview.story_data.story_data`): each step's title,
narrative, the citation graph as it stood beside the figure over time, what changed, the claims so far; then the
explorable graph and a methods box. CSS and JavaScript are inline; the page requests nothing from any other host or
file (a Content-Security-Policy in the page forbids it, and allows only the page's own scripts).

With JavaScript the reader sees one step at a time (Previous / Next, the slider, Play / Pause, arrow keys,
``#step-N`` in the address); without it the page says so and every step shows, one under another, then two
pictures (inline SVG) of the story as it ends (:mod:`kit.publish.story_part`).

Safety: the case is redacted once, here, with :func:`kit.text.redact.redact`, and every part of the page is made from
the redacted case. Every text from the case is escaped; data embedded as JSON has ``<``, ``>`` and ``&`` escaped
(``\\u003c`` ...) so that no ``</script>`` in a text can close the script element; urls are linked only when
they are ``http(s)`` (:mod:`kit.text.html`).

The package's modules:

- :mod:`kit.publish.page`: :func:`publish` and :func:`page_html`, the page itself; its CSS and JavaScript are the
  files ``static/page.css`` and ``static/page.js``;
- :mod:`kit.publish.words`: which proposition the page tells and the alt texts of its figures;
- :mod:`kit.publish.figures`: the figures as inline SVG;
- :mod:`kit.publish.notebook`: a notebook as an offline page beside the explainer.

Examples
--------
>>> import kit, tempfile
>>> from kit.publish import publish
>>> page = publish(kit.load_case("tests/cases/hostile"), tempfile.mkdtemp(), built="2026-01-01")
>>> page.name, "Ivan Petrov" in page.read_text(encoding="utf-8")
('index.html', False)
"""

from __future__ import annotations

from kit.analysis.selection import choose_proposition
from kit.publish.notebook import notebook_html, offline_html
from kit.publish.page import page_html, publish
from kit.publish.words import graph_alt, timeline_alt
from kit.text import style as _style
from kit.text.html import safe_url, script_json

__all__ = [
    "publish",
    "page_html",
    "choose_proposition",
    "script_json",
    "safe_url",
    "timeline_alt",
    "graph_alt",
    "notebook_html",
    "offline_html",
    "DRIFT_FLAGS",
]

#: the boolean columns of :func:`kit.drift`, in the order the page shows them (:data:`kit.text.style.DRIFT_FLAGS`)
DRIFT_FLAGS = _style.DRIFT_FLAGS
