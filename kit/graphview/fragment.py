"""The explorable graph in a published page: an HTML fragment, its data as JSON, and the module that draws it.

The page inlines ``static/graphview.js`` (the widget's own module) in a ``<script type="module">`` and
``static/graphview.css`` in its style; :func:`graph_html` gives the element it draws into, with the data in a
``<script type="application/json">`` (:func:`kit.text.html.script_json`: no ``</script>`` in a text can close it) and a
``<noscript>`` note for readers without JavaScript, who see the static pictures of the page instead.

Examples
--------
>>> import kit
>>> from kit.graphview.fragment import graph_html, static_text
>>> html = graph_html(kit.load_case("data/deir-ez-zor"), "russians_killed_feb7")
>>> 'data-kit-graphview="kit-graph-data"' in html, '<script type="application/json"' in html
(True, True)
>>> "export default" in static_text("graphview.js")
True
"""

from __future__ import annotations

import re
from importlib import resources
from typing import TYPE_CHECKING

from kit.graphview.data import graph_data
from kit.text.html import escape, script_json

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["graph_html", "graph_section", "static_text", "package_static_text"]


def package_static_text(package: str, name: str) -> str:
    """The text of ``static/NAME`` in the kit package ``package`` (UTF-8), line ends as a browser reads them (``\\n``).

    The one reader of the files a page inlines (this module's and :mod:`kit.publish`'s). An HTML parser turns
    ``\\r\\n`` and ``\\r`` inside ``<script>`` into ``\\n`` before the browser hashes the script, so the text is
    normalised the same way here: a Content-Security-Policy hash of it (:func:`kit.publish.page.csp_hash`) is the
    browser's.

    Parameters
    ----------
    package : str
        ``"kit.graphview"`` or ``"kit.publish"``.
    name : str
        The file's name in the package's ``static`` folder.

    Returns
    -------
    str

    Raises
    ------
    FileNotFoundError
        When the package was installed without its static files.

    See Also
    --------
    static_text : this package's files.

    Examples
    --------
    >>> "\\r" in package_static_text("kit.publish", "page.css")
    False
    """
    data = resources.files(package).joinpath("static").joinpath(name).read_bytes()
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def static_text(name: str) -> str:
    """The text of ``kit/graphview/static/NAME`` with line ends as a browser reads them (:func:`package_static_text`).

    Parameters
    ----------
    name : str
        ``"graphview.js"`` or ``"graphview.css"``.

    Returns
    -------
    str

    Examples
    --------
    >>> "\\r" in static_text("graphview.css")
    False
    """
    return package_static_text(__package__, name)


def graph_html(
    case: Case,
    proposition=None,
    *,
    discredited=(),
    dom_id: str = "kit-graph",
    heading: str | None = None,
    fallback: str = "",
) -> str:
    """The fragment of the explorable graph for a page: a section with the drawing's element and its data.

    The module (``static_text("graphview.js")``) and stylesheet must be on the page too, once.

    Parameters
    ----------
    case : kit.Case
        Shown as given: pass the redacted case (:func:`kit.text.redact.redact`) for anything published.
    proposition : str, optional
        The story to show (:func:`kit.graphview.data.graph_data`); the whole case when ``None``.
    discredited : iterable of str
        Sources shown discredited (greyed, with the claims that fall with them).
    dom_id : str
        Prefix of the ids in the fragment (letters, digits and ``-``); the data's script is ``DOM_ID-data``.
    heading : str, optional
        The section's heading; ``"Explore the citation graph"`` by default.
    fallback : str
        HTML shown without JavaScript (inside ``<noscript>``), after a sentence saying so; already escaped.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        For a ``dom_id`` that is not letters, digits and ``-``.

    Examples
    --------
    >>> import kit
    >>> html = graph_html(kit.load_case("tests/cases/hostile"))
    >>> "<script>alert" in html, "\\\\u003cscript\\\\u003e" in html
    (False, True)
    """
    data = graph_data(case, proposition, discredited=discredited)
    return graph_section(data, dom_id=dom_id, heading=heading, fallback=fallback)


def graph_section(data: dict, *, dom_id: str = "kit-graph", heading: str | None = None, fallback: str = "") -> str:
    """The fragment of :func:`graph_html` for data already made (:func:`kit.graphview.data.graph_data`).

    The published notebook (:func:`kit.publish.notebook.notebook_html`) draws a :class:`kit.graphview.GraphView`
    from the data the widget had when the notebook ran.

    Parameters
    ----------
    data : dict
        :func:`kit.graphview.data.graph_data`'s result (shown as given: redact the case it was made from first).
    dom_id, heading, fallback : str
        As for :func:`graph_html`.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        For a ``dom_id`` that is not letters, digits and ``-``.

    Examples
    --------
    >>> import kit
    >>> data = graph_data(kit.load_case("tests/cases/echo"))
    >>> 'data-kit-graphview="g2-data"' in graph_section(data, dom_id="g2")
    True
    """
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9-]*", dom_id):
        raise ValueError(f"dom_id {dom_id!r}: use letters, digits and '-' only, starting with a letter")
    heading = heading or "Explore the citation graph"
    return f"""
<section class="kgv-section" id="{dom_id}" aria-labelledby="{dom_id}-title">
<h2 id="{dom_id}-title">{escape(heading)}</h2>
<p class="kgv-about">{escape(data["summary"])} Each claim sits in its outlet's row; the sources it rests on are on
the left. Trace a claim to light what it rests on, down to its origins; trace a source to see what rests on it.</p>
<div class="kgv-host" data-kit-graphview="{dom_id}-data">
<noscript><p>This graph needs JavaScript to be explored. {fallback}</p></noscript>
</div>
<script type="application/json" id="{dom_id}-data">{script_json(data)}</script>
</section>"""
