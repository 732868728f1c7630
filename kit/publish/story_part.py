"""The story part of the explainer page: the notebook stepper's renderer and data, and a static version without it.

:func:`story_html` gives the element the graph view's module (``kit/graphview/static/graphview.js``) draws the story
into, with its data (:func:`kit.graphview.story_data.story_data`: the same data :class:`kit.widgets.StoryStepper` sends
to the notebook), and the same steps as plain HTML for a reader without JavaScript: each step's words and what
changed at it, then one picture of the citation graph and one of the figure over time, as the story ends. The static
version draws two pictures whatever the story's length, and none past :data:`MAX_STATIC_PICTURES` claims (it says so),
so a page of hundreds of steps publishes in seconds.
"""

from __future__ import annotations

import re

from kit.cells import is_missing
from kit.graphview.story_data import story_data
from kit.publish.figures import step_figures, svg
from kit.publish.words import graph_alt, timeline_alt
from kit.text.html import escape, isolate, script_json
from kit.text.story_steps import story_steps
from kit.text.wording import plural

__all__ = ["story_html", "paragraphs", "MAX_STATIC_PICTURES"]

#: past this many claims the page without JavaScript draws no static picture (one of hundreds of nodes or labels takes
#: seconds to draw and cannot be read); its words and the table of every claim stay
MAX_STATIC_PICTURES = 120


def paragraphs(text) -> str:
    """``text`` as HTML paragraphs, one per line (or blank-line separated block), each escaped and isolated.

    Parameters
    ----------
    text : str or None

    Returns
    -------
    str

    Examples
    --------
    >>> paragraphs("One <b>\\n\\nTwo")
    '<p>One &lt;b&gt;</p><p>Two</p>'
    """
    if is_missing(text):
        return ""
    return "".join(f"<p>{isolate(p.strip())}</p>" for p in re.split(r"\n\s*\n|\n", str(text)) if p.strip())


def story_html(case, proposition, story, *, plot_case, frame, table: str = "") -> tuple[str, int]:
    """The story part of the page for an already redacted ``case``.

    Parameters
    ----------
    case : kit.Case
        Redacted already; ``story`` too (its texts, and its ``claims`` ids as the redacted case names them).
    proposition : str
    story : pandas.DataFrame
        As :func:`kit.text.story.load_story` gives it.
    plot_case : kit.Case
        ``case`` made safe for matplotlib (:func:`kit.publish.figures.plot_safe`).
    frame : pandas.DataFrame
        :func:`kit.publish.words.claims_frame` of ``case`` and ``proposition``.
    table : str
        The HTML table of every claim, shown after the static pictures.

    Returns
    -------
    (str, int)
        The HTML and the number of steps.

    Examples
    --------
    >>> import kit
    >>> from kit.publish.figures import plot_safe
    >>> from kit.publish.words import claims_frame
    >>> case = kit.load_case("tests/cases/echo")
    >>> story = kit.text.story.load_story(case, "strike_deaths")
    >>> html, n = story_html(case, "strike_deaths", story, plot_case=plot_safe(case),
    ...                      frame=claims_frame(case, "strike_deaths"))
    >>> n, 'data-kit-story="story-data"' in html, html.count('<section class="step"')
    (4, True, 4)
    """
    steps = story_steps(case, proposition, story)
    data = story_data(case, proposition, story, steps=steps)
    n = len(steps)
    sections = []
    for s, d in zip(steps, data["steps"], strict=True):
        i = s["step"]
        when = f'<time datetime="{escape(s["date"].isoformat())}">{escape(d["day"])}</time>'
        items = "".join(f"<li>{escape(line)}</li>" for line in d["changes"]) or "<li>No new claim at this step.</li>"
        sections.append(
            f'\n<section class="step" id="step-{i}" aria-labelledby="step-{i}-title">'
            f'\n<p class="step-meta">Step {i} of {n} · {when} · {escape(d["summary"])}</p>'
            f'\n<h3 id="step-{i}-title">{escape(d["title"])}</h3>'
            f'\n<div class="narrative">{paragraphs(d["text"])}</div>'
            f'\n<p class="new-head">What changed at this step</p><ul class="changes">{items}</ul>\n</section>'
        )
    return _static_html(case, proposition, steps, data, sections, plot_case, frame, table) + _view_html(data), n


def _view_html(data) -> str:
    return (
        '\n<div class="kst-host" id="story-view" data-kit-story="story-data" data-keys="document" '
        f'data-replaces="steps" hidden></div>\n<script type="application/json" id="story-data">{script_json(data)}'
        "</script>"
    )


def _static_html(case, proposition, steps, data, sections, plot_case, frame, table) -> str:
    pictures = ""
    if steps:
        last, words = steps[-1], data["steps"][-1]
        newest = next((s["newest"] for s in reversed(steps) if s["newest"]), None)  # the last one told
        t_alt = timeline_alt(case, proposition, last["upto"], frame=frame)
        g_alt = graph_alt(case, proposition, last["upto"], frame=frame)
        drawn = len(frame) <= MAX_STATIC_PICTURES
        figures = ""
        if drawn:
            gfig, tfig = step_figures(plot_case, proposition, last["upto"], newest, claims=last["claims"])
            figures = (
                f'<figure class="graph"><div class="fig-scroll">{svg(gfig, "sg", g_alt)}</div>'
                f"<figcaption>{escape(g_alt)}</figcaption></figure>"
                f'\n<figure class="timeline"><div class="fig-scroll">{svg(tfig, "st", t_alt)}</div>'
                f"<figcaption>{escape(t_alt)}</figcaption></figure>"
            )
        else:
            figures = (
                f'<p class="note">No pictures here: the story\'s {plural(len(frame), "claim")} are more than a static '
                f"picture shows readably (at most {MAX_STATIC_PICTURES}). With JavaScript on, the page draws the "
                f"citation graph and the figure over time, one step at a time.</p>"
                f"\n<p>{escape(g_alt)}</p>\n<p>{escape(t_alt)}</p>"
            )
        pictures = (
            f'\n<section class="step-end" aria-labelledby="story-end-title">'
            f'\n<h3 id="story-end-title">The story as it ends ({escape(words["day"])})</h3>\n{figures}'
            + (f"\n<h3>Every claim</h3>\n{table}" if table else "")
            + "\n</section>"
        )
    note = (
        '<p class="note static-note">You are reading the page without JavaScript: the steps of the story one after '
        "the other, then the pictures of the story as it ends. With JavaScript on, the page shows one step at a "
        "time, with the citation graph and the figure over time as they stood at that step.</p>"
    )
    body = "".join(sections) if sections else "<p>This case has no story to tell yet.</p>"
    return f'\n<div id="steps" class="static-story">{note}{body}{pictures}\n</div>'
