"""The explainer page: one self-contained HTML file a reader steps through without a kernel.

:func:`publish` redacts the case and writes ``index.html``; :func:`page_html` makes the page from a redacted case.
The page's stylesheet and script are the files ``static/page.css`` and ``static/page.js`` of this package, read
with :mod:`importlib.resources` and inlined; the Content-Security-Policy allows only that script, by its SHA-256
hash computed from the file (:func:`csp_hash`). Every case text is escaped and isolated (:func:`kit.text.html.isolate`),
so a right-to-left override in a name cannot reverse the page's own words.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from kit.analysis.selection import choose_proposition
from kit.formats.claimreview import claim_reviews
from kit.graphview.fragment import graph_html, package_static_text
from kit.graphview.fragment import static_text as graph_static
from kit.publish.figures import plot_safe
from kit.publish.notebook import notebook_html
from kit.publish.words import claims_frame, share_tags
from kit.schema import DRIFT_FLAGS
from kit.store.atomic import atomic_write
from kit.text.html import escape, isolate, isolate_text, link, script_json
from kit.text.redact import redact, redact_text, redacted_proposition
from kit.text.style import DRIFT_WORDS, grade_words
from kit.text.wording import figure_words, plural, proposition_words, when_words

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["publish", "page_html", "static_text", "csp_hash"]


def static_text(name: str) -> str:
    """The text of ``kit/publish/static/NAME`` (UTF-8), line ends as a browser reads them (``\\n``).

    An HTML parser turns ``\\r\\n`` and ``\\r`` inside ``<script>`` into ``\\n`` before the browser hashes the
    script, so the text is normalised the same way here: the hash of :func:`csp_hash` is the browser's.

    Parameters
    ----------
    name : str
        ``"page.css"`` or ``"page.js"``.

    Raises
    ------
    FileNotFoundError
        When the package was installed without its static files.

    Examples
    --------
    >>> static_text("page.js").lstrip().startswith("(function ()")
    True
    """
    return package_static_text(__package__, name)


def csp_hash(script: str) -> str:
    """A Content-Security-Policy source that allows exactly this inline script: ``'sha256-...'`` without quotes.

    Parameters
    ----------
    script : str
        The script element's text, as inlined.

    Examples
    --------
    >>> csp_hash("alert(1)")
    'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='
    """
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def _claims_table(frame, visible, new, reports) -> str:
    if not visible:
        return '<p class="empty">No claim about this question had been published yet.</p>'
    rows = []
    for k in visible:
        r = frame.loc[k]
        rep = reports.get(r["report_id"], {})
        flags = [DRIFT_WORDS[f] for f in DRIFT_FLAGS if bool(r[f])]
        flag_html = "".join(f'<span class="flag">{escape(f)}</span>' for f in flags) or "—"
        rows.append(
            f'<tr class="{"new" if k in new else ""}">'
            f"<td class='nw'>{escape(when_words(r))}</td>"
            f"<td>{link(r['outlet'], rep.get('url'))}</td>"
            f'<td class="says">{isolate(" ".join(str(r["text"]).split()))}</td>'
            f"<td>{escape(figure_words(r['low'], r['high'])) or '—'}</td>"
            f"<td>{escape(r['certainty'])}</td>"
            f'<td class="num">{int(r["n_cited"])}</td>'
            f'<td class="num">{int(r["n_origins"])}</td>'
            f"<td>{'yes' if bool(r['echo']) else 'no'}</td>"
            f"<td>{flag_html}</td></tr>"
        )
    head = (
        "<tr><th scope='col'>Published</th><th scope='col'>Outlet</th><th scope='col'>What it says</th>"
        "<th scope='col'>Figure</th><th scope='col'>Certainty</th>"
        "<th scope='col' title='distinct items it cites as support'>Cited</th>"
        "<th scope='col' title='distinct origin sources it finally rests on'>Origins</th>"
        "<th scope='col'>Echo</th><th scope='col'>Drift</th></tr>"
    )
    return (
        f'<div class="table-wrap" tabindex="0" role="region" aria-label="Claims so far">'
        f"<table class='claims'><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _methods(case: Case, built, reveal, notebook_href=None) -> str:
    src = case.sources.assign(_k=case.sources["name"].astype(str).str.casefold()).sort_values(
        ["_k", "source_id"], kind="stable"
    )
    rows = []
    for r in src.itertuples(index=False):
        grade = str(r.reliability) if isinstance(r.reliability, str) else "F"
        rows.append(
            f"<tr><td>{link(r.name, getattr(r, 'url', None))}</td><td>{escape(r.kind)}</td>"
            f"<td>{escape(grade)} — {escape(grade_words(grade))}</td></tr>"
        )
    n_conf = int(case.sources["confidential"].fillna(False).astype(bool).sum()) if len(case.sources) else 0
    conf_note = (
        ""
        if not n_conf
        else (
            f"<p>{plural(n_conf, 'source is', 'sources are')} confidential and "
            + (
                "<strong>shown by name in this internal draft</strong>."
                if reveal
                else "named here only as “Confidential source 1, 2, …” (numbered in a fixed order), "
                "with no name, address or notes."
            )
            + "</p>"
        )
    )
    from kit import __version__

    return f"""
<aside class="methods" id="methods" aria-labelledby="methods-title">
<h2 id="methods-title">Methods</h2>
<dl>
<dt>What an origin is</dt>
<dd>The source a claim finally rests on: follow each claim's citations (“relies on”, “corroborates”) back until
they reach a person, official, post or document quoted directly. A claim that cites nothing rests on its own
publisher (“own reporting”). Citations that dispute a claim are shown but never followed.</dd>
<dt>What echo means</dt>
<dd>A claim shows <em>echo</em> when it cites two or more supports that share an origin: it looks corroborated,
but the support is not independent.</dd>
<dt>How the counts were made</dt>
<dd><em>Cited</em> is the number of distinct claims and sources a claim cites as support; <em>Origins</em> the
number of distinct origin sources it rests on. <em>Drift</em> flags a claim whose figure went up from the claim it
cites (inflated), whose subject or measure changed, or whose certainty hardened (rumoured → alleged → estimated →
asserted). Figures are as reported (“at least” where no upper bound was given). Each step shows the claims
the story has named up to it, and any claim it never names once published by that step's moment.
Computed by kit {escape(__version__)} from
{plural(len(case.sources), "source")}, {plural(len(case.reports), "report")},
{plural(len(case.claims), "claim")} and {plural(len(case.citations), "citation")}.</dd>
<dt>Sources and their grades</dt>
<dd>Grades are the Admiralty scale (A completely reliable … E unreliable; F cannot be judged).
{conf_note}
<div class="table-wrap" tabindex="0" role="region" aria-label="Sources and grades"><table>
<thead><tr><th scope="col">Source</th><th scope="col">Kind</th><th scope="col">Grade</th></tr></thead>
<tbody>{"".join(rows)}</tbody></table></div></dd>
<dt>Built</dt>
<dd><time datetime="{escape(built)}">{escape(built)}</time></dd>
{
        f'<dt>The notebook</dt><dd>The analysis step by step, as run for this page: <a href="{escape(notebook_href)}">'
        f"{escape(notebook_href)}</a>.</dd>"
        if notebook_href
        else ""
    }
</dl>
</aside>"""


def page_html(case: Case, *, proposition=None, story=None, built=None, reveal=False, notebook_href=None) -> str:
    """The explainer page for an already redacted ``case``, as one HTML string (see :func:`publish`).

    Parameters
    ----------
    case : kit.Case
        Redacted already (:func:`kit.text.redact.redact`): this function shows what it is given.
    proposition : str, optional
        By default :func:`choose_proposition`.
    story : pandas.DataFrame, optional
        Steps as :func:`kit.text.story.load_story` gives them (texts redacted); by default the automatic story.
    built : str, optional
        The date shown as "built" (ISO); today (UTC) by default.
    reveal : bool
        Only changes the notes on the page: an internal draft says so at the top.
    notebook_href : str, optional
        A relative link to the notebook's page beside this one, shown in the methods box.

    Examples
    --------
    >>> import kit
    >>> page = page_html(kit.text.redact.redact(kit.testing.synth.make_case(6)), built="2026-01-01")
    >>> page.startswith("<!DOCTYPE html>"), "2026-01-01" in page, "<script src" in page
    (True, True, False)
    """
    from kit.publish.story_part import MAX_STATIC_PICTURES, story_html
    from kit.text.story import auto_story

    proposition = proposition or choose_proposition(case)
    if story is None:
        story = auto_story(case, proposition)
    built = built or _dt.datetime.now(_dt.UTC).date().isoformat()
    frame = claims_frame(case, proposition)
    reports = case.reports.set_index("report_id").to_dict("index")
    # the story: the notebook stepper's renderer and data (kit.graphview.story_data), and the same steps without them
    story_part, n = story_html(
        case,
        proposition,
        story,
        plot_case=plot_safe(case),
        frame=frame,
        table=_claims_table(frame, list(frame.index), set(), reports),
    )
    meta = case.meta
    verdict_html, jsonld = "", ""
    verdicts = meta["verdicts"] if isinstance(meta.get("verdicts"), dict) else {}
    if proposition in verdicts:
        by_proposition = claim_reviews(case, built=built)
        reviews = [by_proposition[proposition]] if proposition in by_proposition else []
        v = verdicts[proposition]
        if isinstance(v, dict):
            verdict_html = (
                f'<p class="verdict"><strong>Verdict: {isolate(v.get("rating"))}</strong>'
                + (f" — {isolate(v.get('note'))}" if v.get("note") else "")
                + "</p>"
            )
        if reviews:
            jsonld = f'<script type="application/ld+json">{script_json(reviews)}</script>'
    css, js = static_text("page.css"), static_text("page.js")
    graph_js = graph_static("graphview.js")  # the explorable graph: the notebook widget's module, inlined
    explore = graph_html(  # without JavaScript: what the static story above shows instead (story_part's rule)
        case,
        proposition,
        dom_id="explore",
        fallback="“The story as it ends”, above, draws the same graph."
        if len(frame) <= MAX_STATIC_PICTURES
        else "“The story as it ends”, above, says it in words.",
    )
    csp = (
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        f"script-src '{csp_hash(js)}' '{csp_hash(graph_js)}'; base-uri 'none'; form-action 'none'"
    )
    draft = (
        '<p class="warning" role="alert">Internal draft: confidential sources are shown by name. '
        "Do not publish this page.</p>"
        if reveal
        else ""
    )
    lang = meta.get("language") if isinstance(meta.get("language"), str) else "en"
    lang = lang if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", lang or "") else "en"
    robots = '<meta name="robots" content="noindex">' if reveal else ""
    summary = meta.get("summary")
    question = isolate(proposition_words(case, proposition))
    about = (
        f'<details class="about"><summary>About this case</summary><p>{isolate(summary)}</p></details>'
        if summary
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="{escape(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
{robots}
<title>{escape(isolate_text(case.title))}</title>
{share_tags(case)}
<style>{css}</style>
<style>{graph_static("graphview.css")}</style>
{jsonld}
</head>
<body>
<main>
{draft}
<header>
<h1>{isolate(case.title)}</h1>
{f'<p class="question">{isolate(meta.get("question"))}</p>' if meta.get("question") else ""}
{about}
<p class="hint js-hint" hidden>The story of “{question}” in {plural(n, "step")}. With the buttons below or the
← → arrow keys you go through it one step at a time; the <a href="#methods">methods</a> are at the end.</p>
<p class="hint no-js-hint">The story of “{question}” in {plural(n, "step")}, told one step after the other below
(JavaScript is off: the buttons to go through it one step at a time, and the explorable graph, need it); the
<a href="#methods">methods</a> are at the end.</p>
{verdict_html}
</header>
<section class="story" aria-label="The story, step by step">{story_part}
</section>
{explore}
{_methods(case, built, reveal, notebook_href)}
</main>
<script>{js}</script>
<script type="module">{graph_js}</script>
</body>
</html>
"""


def publish(case: Case, out_dir, *, reveal_confidential: bool = False, built=None, notebook=None) -> Path:
    """Write the explainer page ``OUT_DIR/index.html`` for ``case`` and return its path.

    The page tells the story of one proposition (:func:`choose_proposition`): its steps come from the case's
    ``story.csv`` or, without one, one step per publication day (:func:`kit.text.story.load_story`). The case is
    redacted first (:func:`kit.text.redact.redact`); the narrative of ``story.csv`` too
    (:func:`kit.text.redact.redact_text`).

    Parameters
    ----------
    case : kit.Case
        Not changed.
    out_dir : str or path
        Created if needed; only ``index.html`` is written in it. Not the case's folder, nor inside it, nor a
        folder holding a case's tables (:func:`kit.store.outputs.refuse_output_over_case`).
    reveal_confidential : bool
        For internal drafts only: confidential sources are shown by name, and the page says so.
    built : str, optional
        The "built" date shown in the methods box (default today, UTC).
    notebook : str or path, optional
        Also run this notebook and write it as ``OUT_DIR/notebook.html`` (offline; see :func:`notebook_html`),
        linked from the methods box. Refused for a case with a confidential source unless
        ``reveal_confidential``.

    Returns
    -------
    pathlib.Path
        The page.

    Examples
    --------
    >>> import kit, tempfile
    >>> page = publish(kit.load_case("tests/cases/hostile"), tempfile.mkdtemp())
    >>> text = page.read_text(encoding="utf-8")
    >>> "<script>alert" in text, "Ivan Petrov" in text, "Confidential source 1" in text
    (False, False, True)
    """
    from kit.store.outputs import refuse_output_over_case
    from kit.text.story import load_story

    out = refuse_output_over_case(case, out_dir)
    proposition = choose_proposition(case)
    story = load_story(case, proposition).copy()
    story["title"] = redact_text(case, story["title"], reveal_confidential).astype("string")
    story["text"] = redact_text(case, story["text"], reveal_confidential).astype("string")
    red = redact(case, reveal=reveal_confidential)
    red_prop = redacted_proposition(case, red, proposition)
    if "claims" in story.columns:  # the claims each step names, as the redacted case names them
        ids = dict(zip(case.claims["claim_id"].astype(str), red.claims["claim_id"].astype(str), strict=True))
        story["claims"] = story["claims"].map(lambda t: tuple(ids.get(c, c) for c in t))
    href = None
    if notebook is not None:
        notebook_html(notebook, case, out / "notebook.html", reveal_confidential=reveal_confidential)
        href = "notebook.html"
    text = page_html(
        red, proposition=red_prop, story=story, built=built, reveal=reveal_confidential, notebook_href=href
    )
    out.mkdir(parents=True, exist_ok=True)
    return atomic_write(out / "index.html", text)
