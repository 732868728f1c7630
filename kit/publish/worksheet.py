"""A printable worksheet and its answer key: the exercise of notebook 03 on paper (``kit worksheet CASE OUT``).

:func:`write_worksheet` writes two self-contained HTML files into ``OUT``: ``worksheet.html`` (each claim of the
question, its words and what the report says about where it comes from, with blanks to fill in) and ``answers.html``
(the kit's answer for each claim: how many independent origins, which ones, how the case grades them). Both print
well (A4 or Letter, one claim never split across pages) and need nothing but the file: no script, no request to
any other host. Like everything the kit hands out, they are made from the redacted case
(:func:`kit.text.redact.redact`):
a confidential source appears as "Confidential source N", never by name. Every case text is escaped.

Examples
--------
>>> import kit, tempfile, os
>>> from kit.publish.worksheet import write_worksheet
>>> out = tempfile.mkdtemp()
>>> files = write_worksheet(kit.load_case("tests/cases/echo"), out, "strike_deaths")
>>> sorted(os.path.basename(f) for f in files.values())
['answers.html', 'worksheet.html']
>>> "Official (unnamed)" in open(files["answers"], encoding="utf-8").read()  # a confidential source
False
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from kit.analysis.selection import choose_proposition
from kit.cells import is_missing
from kit.schema import DEFAULT_FOLLOW, RELIABILITY
from kit.text.html import escape, isolate, isolate_text
from kit.text.style import RELIABILITY_WORDS
from kit.text.wording import figure_words, plural, when_words

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["worksheet_html", "answers_html", "write_worksheet"]

_CSS = """
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: #111; max-width: 46em; margin: 2em auto;
       padding: 0 1em; }
h1 { font-size: 1.45em; margin: 0 0 .2em; } h2 { font-size: 1.1em; margin: 0 0 .3em; }
.lead { color: #333; } .meta { color: #555; font-size: .9em; }
.claim { border-top: 1px solid #999; padding: .7em 0 .9em; break-inside: avoid; page-break-inside: avoid; }
blockquote { margin: .3em 0 .4em 1.2em; font-style: italic; }
ul { margin: .2em 0 .5em 1.2em; padding: 0; }
.blank { display: inline-block; min-width: 16em; border-bottom: 1px solid #333; height: 1.2em; }
.short { min-width: 3em; }
.grades span { display: inline-block; width: 1.6em; height: 1.6em; line-height: 1.6em; text-align: center;
               border: 1px solid #333; border-radius: 50%; margin-right: .4em; }
table { border-collapse: collapse; margin: .3em 0; } td, th { border: 1px solid #bbb; padding: .15em .5em;
text-align: left; vertical-align: top; }
.key { font-size: .95em; }
@page { margin: 1.6cm; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
"""


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(isolate_text(title))}</title>\n<style>{_CSS}</style></head>\n<body>\n{body}\n</body></html>\n"
    )


def _prepare(case: Case, proposition, reveal_confidential):
    from kit.graph.citation import claim_context
    from kit.text.redact import redact, redacted_proposition
    from kit.widgets.grading import answer_key

    red = redact(case, reveal=reveal_confidential)
    proposition = redacted_proposition(case, red, proposition)  # named as in the case, looked up as published
    if proposition is None:
        proposition = choose_proposition(red)
    key = answer_key(red, proposition, follow=DEFAULT_FOLLOW)
    ctx = claim_context(red).set_index("claim_id")
    cites: dict = {}
    evidence = red.citations["evidence"] if "evidence" in red.citations.columns else [""] * len(red.citations)
    for claim, relation, ev in zip(red.citations["claim_id"], red.citations["relation"], evidence, strict=False):
        cites.setdefault(claim, []).append((str(relation), "" if is_missing(ev) else str(ev)))
    return red, proposition, key, ctx, cites


def _heading(red, proposition, what: str) -> str:
    question = red.meta.get("question") or proposition
    return (
        f'<h1>{isolate(red.title)}</h1>\n<p class="lead">{escape(what)} — the question: '
        f"<b>{isolate(question)}</b> (<code>{escape(proposition)}</code>)</p>\n"
    )


def worksheet_html(case: Case, proposition=None, *, reveal_confidential: bool = False) -> str:
    """The learner's worksheet as one HTML page: each claim, what its report says, blanks for the answers.

    Parameters
    ----------
    case : kit.Case
    proposition : str, optional
        The question (default: the case's own, :func:`kit.analysis.selection.choose_proposition`: ``proposition =``
        in ``case.toml``, else the one with the most claims).
    reveal_confidential : bool
        Internal drafts only: name confidential sources (default: redacted).

    Returns
    -------
    str

    Raises
    ------
    kit.UnknownName
        When no claim has that proposition.

    Examples
    --------
    >>> import kit
    >>> page = worksheet_html(kit.load_case("tests/cases/hostile"))
    >>> "<script>" in page, "Ivan Petrov" in page, "Independent origins" in page
    (False, False, True)
    """
    red, proposition, key, ctx, cites = _prepare(case, proposition, reveal_confidential)
    parts = [
        _heading(red, proposition, f"Worksheet: find the origin of {plural(len(key), 'claim')}"),
        "<p>For each claim, follow every citation down to a source quoted directly (a person, an official, a "
        "post, a document) or to an outlet's own reporting. Write how many <b>independent origins</b> the "
        "claim rests on (two outlets repeating the same source count once), which source(s) it <b>finally "
        "rests on</b>, and circle the grade you would give that source: "
        + "; ".join(f"{g} {escape(RELIABILITY_WORDS[g])}" for g in RELIABILITY)
        + ".</p>",
        '<p class="meta">Name: <span class="blank"></span></p>',
    ]
    for number, claim in enumerate(key, start=1):
        c = ctx.loc[claim]
        said = (
            "".join(
                f"<li><i>{escape(rel.replace('_', ' '))}</i>" + (f": “{isolate(ev)}”" if ev else "") + "</li>"
                for rel, ev in cites.get(claim, [])
            )
            or "<li>the report names no source for it</li>"
        )
        parts.append(
            f'<section class="claim"><h2>Claim {number} of {len(key)}</h2>'
            f'<p class="meta"><b>{isolate(c["outlet"])}</b>, {escape(when_words(c))}</p>'
            f"<blockquote>“{isolate(c['text'])}”</blockquote>"
            f"<p>What the report says about where it comes from:</p><ul>{said}</ul>"
            '<p>Independent origins: <span class="blank short"></span></p>'
            '<p>Rests finally on: <span class="blank"></span></p>'
            '<p class="grades">Grade that source: ' + "".join(f"<span>{g}</span>" for g in RELIABILITY) + "</p>"
            "</section>"
        )
    return _page(f"Worksheet: {red.title}", "\n".join(parts))


def answers_html(case: Case, proposition=None, *, reveal_confidential: bool = False) -> str:
    """The trainer's answer key as one HTML page: the kit's answer for each claim of the worksheet, in its order.

    Parameters
    ----------
    case : kit.Case
    proposition : str, optional
        The question (default: the case's own, :func:`kit.analysis.selection.choose_proposition`: ``proposition =``
        in ``case.toml``, else the one with the most claims).
    reveal_confidential : bool
        Internal drafts only: name confidential sources (default: redacted).

    Returns
    -------
    str

    Raises
    ------
    kit.UnknownName
        When no claim has that proposition.

    See Also
    --------
    kit.widgets.grading.answer_key : the same answers as data.

    Examples
    --------
    >>> import kit
    >>> page = answers_html(kit.load_case("tests/cases/echo"), "strike_deaths")
    >>> "Confidential source 1 (graded F)" in page and "an echo" in page
    True
    """
    red, proposition, key, ctx, _ = _prepare(case, proposition, reveal_confidential)
    parts = [
        _heading(red, proposition, f"Answer key: {plural(len(key), 'claim')}"),
        "<p>The kit's answers, computed from the case (<code>kit.independence</code>, "
        "<code>kit.origins</code>). Scoring: one point each for the number of origins, the origins themselves, "
        "and the grade the case gives the origin (any of them, where they are graded differently).</p>",
        '<table class="key"><tr><th>Claim</th><th>Outlet, date</th><th>Independent origins</th>'
        "<th>Rests finally on</th></tr>",
    ]
    notes = []
    for number, (claim, a) in enumerate(key.items(), start=1):
        c = ctx.loc[claim]
        origins = ", ".join(f"{isolate(a.names.get(s, s))} (graded {escape(a.reliability[s])})" for s in a.origins)
        parts.append(
            f"<tr><td>{number}</td><td>{isolate(c['outlet'])}, {escape(when_words(c))}</td>"
            f"<td>{a.n_origins}</td><td>{origins or '<i>nothing: a loop with no way out</i>'}</td></tr>"
        )
        why = []
        fig = figure_words(c["low"], c["high"])
        if a.echo:
            why.append(f"it cites {plural(a.n_cited, 'item')}, but they share an origin (an echo), so they count once")
        elif a.n_cited == 0:
            why.append("the report names no source for it: it rests on the outlet's own reporting")
        if not a.origins:
            why.append("its citations go round in a loop with no way out")
        if why:
            notes.append(f"<li>Claim {number}{' (' + escape(fig) + ')' if fig else ''}: {escape('; '.join(why))}.</li>")
    parts.append("</table>")
    if notes:
        parts.append("<h2>Worth explaining</h2><ul>" + "".join(notes) + "</ul>")
    return _page(f"Answer key: {red.title}", "\n".join(parts))


def write_worksheet(case: Case, out_dir, proposition=None, *, reveal_confidential: bool = False) -> dict:
    """Write ``worksheet.html`` and ``answers.html`` into ``out_dir`` (created if needed), each atomically.

    Parameters
    ----------
    case : kit.Case
    out_dir : str or path-like
    proposition : str, optional
        The question (default: the case's own, :func:`kit.analysis.selection.choose_proposition`: ``proposition =``
        in ``case.toml``, else the one with the most claims).
    reveal_confidential : bool
        Internal drafts only: name confidential sources.

    Returns
    -------
    dict
        ``{"worksheet": path, "answers": path}``.

    Raises
    ------
    kit.UnknownName
        When no claim has that proposition.
    kit.errors.OutputRefused
        When ``out_dir`` is the case's folder, inside it, holds a case's tables, or cannot be written
        (:func:`kit.store.outputs.refuse_output_over_case`).
    """
    from kit.store.outputs import refuse_output_over_case
    from kit.store.saving import atomic_write_all

    refuse_output_over_case(case, out_dir)
    sheet = worksheet_html(case, proposition, reveal_confidential=reveal_confidential)
    answers = answers_html(case, proposition, reveal_confidential=reveal_confidential)
    os.makedirs(out_dir, exist_ok=True)
    files = {
        "worksheet": os.path.join(os.fspath(out_dir), "worksheet.html"),
        "answers": os.path.join(os.fspath(out_dir), "answers.html"),
    }
    atomic_write_all({files["worksheet"]: sheet, files["answers"]: answers})
    return files
