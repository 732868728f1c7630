"""The figures of the explainer page: matplotlib drawings as inline, accessible, self-contained SVG.

matplotlib is imported only when a figure is drawn.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kit.text.html import escape

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["plot_safe", "svg", "step_figures"]


def plot_safe(case: Case):
    """A copy of ``case`` whose source names and title cannot be read as matplotlib mathtext (``$...$``).

    Parameters
    ----------
    case : kit.Case
        Not changed.

    Examples
    --------
    >>> import dataclasses, kit
    >>> case = kit.load_case("tests/cases/hostile")
    >>> print(plot_safe(dataclasses.replace(case, meta={**case.meta, "title": "Costs $3 and $4"})).meta["title"])
    Costs \\$3 and \\$4
    """
    import dataclasses

    def fix(s):
        return s.map(lambda v: v.replace("$", r"\$") if isinstance(v, str) else v).astype(s.dtype)

    sources = case.sources.copy()
    sources["name"] = fix(sources["name"])
    meta = dict(case.meta)
    meta["title"] = str(meta.get("title", "")).replace("$", r"\$")
    return dataclasses.replace(case, sources=sources, meta=meta)


_SVG_ATTR = re.compile(r'\s(?:width|height|xmlns(?::\w+)?)="[^"]*"')


def svg(fig, prefix: str, alt: str) -> str:
    """A matplotlib figure as inline SVG for the page: no size, no metadata, the alt text as its accessible name.

    Text stays text (``svg.fonttype`` none); the figure's CSS is scoped to ``svg.kit-fig``; every ``id`` (and each
    reference to it) gets ``prefix`` so that many figures can share one page.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        Drawn already.
    prefix : str
        Unique on the page, e.g. ``"s1g"`` for the graph of step 1.
    alt : str
        The alt text (escaped here): ``aria-label`` and ``<title>``.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> f = Figure(); _ = f.subplots().plot([0, 1], [0, 1])
    >>> s = svg(f, "s1t", "A line <up>")
    >>> s.startswith("<svg"), 'aria-label="A line &lt;up&gt;"' in s, 'width="' in s.split(">", 1)[0]
    (True, True, False)
    """
    import io

    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "kit-publish"}):
        fig.savefig(
            buf,
            format="svg",
            bbox_inches="tight",
            metadata={"Date": None, "Creator": None, "Format": None, "Type": None},
        )
    text = buf.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.DOTALL)
    head_end = text.index(">")
    head = _SVG_ATTR.sub("", text[:head_end])
    text = (
        f'{head} class="kit-fig" role="img" aria-label="{escape(alt)}" focusable="false">'
        f"<title>{escape(alt)}</title>" + text[head_end + 1 :]
    )
    text = re.sub(r"\*\s*\{", "svg.kit-fig *{", text)
    ids = set(re.findall(r'\bid="([^"]+)"', text))
    if ids:
        text = re.sub(
            r'(\bid="|url\(#|href="#)([^")]+)',
            lambda m: m.group(1) + (f"{prefix}-{m.group(2)}" if m.group(2) in ids else m.group(2)),
            text,
        )
    return text.strip()


def step_figures(case: Case, proposition, upto, newest, pos=None, *, claims=None):
    """The two figures of one step: the citation graph (``newest`` highlighted) and the figure over time.

    Parameters
    ----------
    case : kit.Case
        Made safe for plotting already (:func:`plot_safe`).
    proposition : str
        The proposition told.
    upto : pandas.Timestamp
        The step's moment: only claims published by then are drawn (unless ``claims`` says which).
    newest : str or None
        The claim to highlight.
    pos : dict, optional
        Node positions shared by every step (:func:`kit.show.story_layout`); computed when not given.
    claims : list of str, optional
        The claims the step shows (:func:`kit.text.story_steps.story_steps`).

    Returns
    -------
    tuple of matplotlib.figure.Figure
        ``(graph, timeline)``.
    """
    from matplotlib.figure import Figure

    from kit.show import plot_citation_graph, plot_timeline

    picture = Figure(figsize=(11, 6))
    ax = picture.subplots()
    plot_citation_graph(case, proposition, ax=ax, upto=upto, highlight=newest, pos=pos, claims=claims)
    fig2 = Figure(figsize=(10, 4))
    ax2 = fig2.subplots()
    plot_timeline(case, proposition, ax=ax2, upto=upto, claims=claims)
    return picture, fig2
