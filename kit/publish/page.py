"""Publish a case as one self-contained explainer page a reader steps through without a kernel.

:func:`publish` writes ``index.html``: the story of one proposition in steps (the same steps as
:class:`kit.widgets.StoryStepper`: ``story.csv`` or one step per publication day, from :mod:`kit.story`), each with
its title, narrative, the citation graph as it stood, the figure over time and the table of claims so far, then a
methods box. Figures are inline SVG; CSS and JavaScript are inline; the page requests nothing from any other host
or file (a Content-Security-Policy in the page forbids it, and allows only the page's own script).

With JavaScript the reader sees one step at a time (Previous / Next buttons, arrow keys, ``#step-N`` in the
address); without it every step shows, one under another.

Safety: the case is redacted once, here, with :func:`kit.redact.redact`, and every part of the page is made from
the redacted case. Every text from the case is escaped; data embedded as JSON has ``<``, ``>`` and ``&`` escaped
(``\\u003c`` ...) so that no ``</script>`` in a text can close the script element; urls are linked only when
they are ``http(s)``.
"""
from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import html
import json
import os
import re
from pathlib import Path

import pandas as pd

from .redact import redact, redact_text
from .wording import figure_words

__all__ = ["publish", "page_html", "choose_proposition", "script_json", "safe_url", "timeline_alt", "graph_alt",
           "notebook_html", "offline_html", "DRIFT_FLAGS"]

DRIFT_FLAGS = ("inflated", "scope_changed", "measure_changed", "hardened")
_GRADES = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable", "D": "not usually reliable",
           "E": "unreliable", "F": "reliability cannot be judged"}
_UNCHECKABLE = ("anonymous", "social")


# --- small safe helpers -----------------------------------------------------------------------------------

def _esc(v) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return ""
    return html.escape(str(v), quote=True)


def script_json(obj) -> str:
    """JSON that is safe inside a ``<script>`` element: ``<``, ``>``, ``&`` (and U+2028/9) are ``\\u`` escaped.

    Examples
    --------
    >>> script_json({"t": "</script><b>&"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    >>> import json; json.loads(script_json(["</script>"]))
    ['</script>']
    """
    text = json.dumps(obj, ensure_ascii=False, default=str)
    for ch, rep in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):
        text = text.replace(ch, rep)
    return text


def safe_url(url):
    """``url`` when it is an ``http(s)`` url (to be linked), else ``None`` (shown as text, never linked).

    Examples
    --------
    >>> safe_url("https://example.org/a?b=1"), safe_url(" javascript:alert(1)"), safe_url("JaVaScRiPt:x")
    ('https://example.org/a?b=1', None, None)
    >>> safe_url("//evil.example/x"), safe_url(None)
    (None, None)
    """
    if url is None or url is pd.NA or not isinstance(url, str):
        return None
    u = url.strip()
    if re.match(r"^https?://[^\s/?#]+", u, re.IGNORECASE) and not re.search(r"[\x00-\x20\x7f]", u):
        return u
    return None


def _date(ts) -> str:
    ts = pd.Timestamp(ts)
    return f"{ts.day} {ts:%b %Y}"


def _plural(n, word, many=None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


# --- what the page tells ----------------------------------------------------------------------------------

def choose_proposition(case) -> str:
    """The proposition the page tells: ``proposition = "..."`` in ``case.toml``, else the one with most claims.

    Ties go to the proposition whose first claim comes first in the claims table.

    Raises
    ------
    ValueError
        When the case has no claims, or ``case.toml`` names a proposition no claim has.

    Examples
    --------
    >>> import kit
    >>> choose_proposition(kit.load_case("data/deir-ez-zor"))
    'russians_killed_feb7'
    >>> choose_proposition(kit.load_case("tests/cases/hostile"))
    'plant_fire_dead'
    """
    props = list(case.claims["proposition"].astype(str))
    if not props:
        raise ValueError("the case has no claims, so there is no story to publish")
    named = case.meta.get("proposition")
    if named is not None:
        if not isinstance(named, str) or named not in props:
            known = ", ".join(sorted(set(props)))
            raise ValueError(f"case.toml names proposition = {named!r}, but no claim has it; "
                             f"the case's propositions are: {known}")
        return named
    counts = pd.Series(props).value_counts(sort=False)
    first = {p: i for i, p in reversed(list(enumerate(props)))}
    return sorted(counts.index, key=lambda p: (-counts[p], first[p]))[0]


def _claims_frame(case, proposition) -> pd.DataFrame:
    """One row per claim of the proposition: context, provenance and drift flags, by publication."""
    from .analyses import drift
    from .graph import claim_context
    from .provenance import provenance

    ctx = claim_context(case)
    ctx = ctx[ctx["proposition"] == proposition].sort_values(["published", "claim_id"], kind="stable")
    prov = provenance(case)
    out = ctx.set_index("claim_id")
    out = out.join(prov[["n_cited", "n_origins", "echo", "origins"]])
    d = drift(case, proposition)
    for f in DRIFT_FLAGS:
        flags = d.groupby("claim_id")[f].any() if len(d) else pd.Series(dtype=bool)
        out[f] = [bool(flags.get(k, False)) for k in out.index]
    return out


def timeline_alt(case, proposition, upto=None) -> str:
    """Alt text for the figure over time: how the figure moved by ``upto``, and the origins behind the highest.

    Examples
    --------
    >>> import kit, pandas as pd
    >>> case = kit.load_case("data/deir-ez-zor")
    >>> print(timeline_alt(case, "russians_killed_feb7"))  # doctest: +ELLIPSIS
    The figure rose from at least 3 (AFP, 7 Feb 2018) to at least 201 (Bloomberg, 13 Feb 2018) in 6 days; ...
    """
    frame = _claims_frame(case, proposition)
    return _timeline_alt(case, frame, proposition, upto)


def _origin_names(case, origins) -> str:
    src = case.sources.set_index("source_id")
    parts = []
    origins = sorted(origins, key=lambda s: (str(src.at[s, "name"]).casefold() if s in src.index else str(s), s))
    for s in origins:
        if s in src.index:
            r = src.loc[s]
            parts.append(f"{r['name']} ({r['kind']}, grade {r['reliability']})")
        else:
            parts.append(str(s))
    return "; ".join(parts)


def _timeline_alt(case, frame, proposition, upto) -> str:
    shown = frame if upto is None else frame[frame["published"] <= pd.Timestamp(upto)]
    with_fig = shown[shown["low"].notna() | shown["high"].notna()]
    when = f" by {_date(upto)}" if upto is not None else ""
    if not len(with_fig):
        return f"The figure over time for {proposition}: no figure had been published{when}."
    value = [float(lo) if pd.notna(lo) else float(hi) for lo, hi in zip(with_fig["low"], with_fig["high"])]
    first = with_fig.iloc[0]
    i_peak = max(range(len(value)), key=lambda i: (value[i], -i))
    peak = with_fig.iloc[i_peak]
    n_fig = len(with_fig)
    origins = peak["origins"] if isinstance(peak["origins"], tuple) else ()
    n = len(origins)
    behind = (f"{_plural(n, 'independent origin')} behind the highest figure: {_origin_names(case, origins)}"
              if n else "the highest figure rests on no origin (only on claims citing each other)")
    if i_peak == 0:
        head = (f"One figure so far{when}: {figure_words(first['low'], first['high'])} "
                f"({first['outlet']}, {_date(first['published'])})" if n_fig == 1 else
                f"The first figure, {figure_words(first['low'], first['high'])} ({first['outlet']}, "
                f"{_date(first['published'])}), is still the highest of {n_fig} figures{when}")
    else:
        days = (pd.Timestamp(peak["published"]).normalize() - pd.Timestamp(first["published"]).normalize()).days
        span = "the same day" if days == 0 else f"in {_plural(days, 'day')}"
        head = (f"The figure rose from {figure_words(first['low'], first['high'])} ({first['outlet']}, "
                f"{_date(first['published'])}) to {figure_words(peak['low'], peak['high'])} ({peak['outlet']}, "
                f"{_date(peak['published'])}) {span}; {_plural(n_fig, 'claim')} with a figure{when}")
    return f"{head}; {behind}."


def graph_alt(case, proposition, upto=None) -> str:
    """Alt text for the citation graph as it stood at ``upto``: claims, outlets, origins, citations, echo, loops.

    Examples
    --------
    >>> import kit
    >>> print(graph_alt(kit.load_case("tests/cases/hostile"), "plant_fire_dead"))  # doctest: +ELLIPSIS
    Citation graph for plant_fire_dead: 4 claims by 4 outlets, resting on 2 origin sources ...
    """
    return _graph_alt(case, _claims_frame(case, proposition), proposition, upto)


def _graph_alt(case, frame, proposition, upto) -> str:
    from .analyses import circular

    shown = frame if upto is None else frame[frame["published"] <= pd.Timestamp(upto)]
    when = f" as of {_date(upto)}" if upto is not None else ""
    if not len(shown):
        return f"Citation graph for {proposition}{when}: no claim had been published yet."
    ids = set(shown.index)
    origins = sorted({o for t in shown["origins"] if isinstance(t, tuple) for o in t})
    kinds = case.sources.set_index("source_id")["kind"].to_dict()
    unchecked = [o for o in origins if kinds.get(o) in _UNCHECKABLE]
    cites = case.citations[case.citations["claim_id"].isin(ids)]
    by_rel = cites["relation"].value_counts()
    rel_words = ", ".join(f"{int(by_rel[r])} {r.replace('_', ' ')}" for r in ("relies_on", "corroborates", "disputes")
                          if r in by_rel.index)
    parts = [f"Citation graph for {proposition}{when}: {_plural(len(shown), 'claim')} by "
             f"{_plural(shown['outlet'].nunique(), 'outlet')}, resting on {_plural(len(origins), 'origin source')}"
             + (f" ({len(unchecked)} anonymous or social media, which cannot be checked)" if unchecked else "")]
    if origins:
        parts.append(f"origins: {_origin_names(case, origins)}")
    parts.append(f"{_plural(len(cites), 'citation')}" + (f" ({rel_words})" if rel_words else ""))
    n_echo = int(shown["echo"].sum())
    if n_echo:
        parts.append(f"{_plural(n_echo, 'claim shows', 'claims show')} echo (supports that share an origin)")
    loops = [lp for lp in circular(case) if set(lp) & ids]
    parts.append(f"{_plural(len(loops), 'citation loop')}" if loops else "no citation loop")
    newest = shown.iloc[-1]
    fig = figure_words(newest["low"], newest["high"])
    parts.append(f"newest: {newest['outlet']}, {_date(newest['published'])}" + (f", {fig}" if fig else ""))
    return "; ".join(parts) + "."


# --- figures ---------------------------------------------------------------------------------------------

def _plot_safe(case):
    """A copy whose names cannot be read as matplotlib mathtext (``$...$``)."""
    import dataclasses

    def fix(s):
        return s.map(lambda v: v.replace("$", r"\$") if isinstance(v, str) else v).astype(s.dtype)
    sources = case.sources.copy()
    sources["name"] = fix(sources["name"])
    meta = dict(case.meta)
    meta["title"] = str(meta.get("title", "")).replace("$", r"\$")
    return dataclasses.replace(case, sources=sources, meta=meta)


_SVG_ATTR = re.compile(r'\s(?:width|height|xmlns(?::\w+)?)="[^"]*"')


def _svg(fig, prefix: str, alt: str) -> str:
    import io

    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "kit-publish"}):
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None,
                                                                      "Format": None, "Type": None})
    text = buf.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.DOTALL)
    head_end = text.index(">")
    head = _SVG_ATTR.sub("", text[:head_end])
    text = (f'{head} class="kit-fig" role="img" aria-label="{_esc(alt)}" focusable="false">'
            f"<title>{_esc(alt)}</title>" + text[head_end + 1:])
    text = re.sub(r"\*\s*\{", "svg.kit-fig *{", text)
    ids = set(re.findall(r'\bid="([^"]+)"', text))
    if ids:
        text = re.sub(r'(\bid="|url\(#|href="#)([^")]+)',
                      lambda m: m.group(1) + (f"{prefix}-{m.group(2)}" if m.group(2) in ids else m.group(2)), text)
    return text.strip()


def _step_figures(case, proposition, upto, newest, pos):
    from matplotlib.figure import Figure

    from .show import plot_citation_graph, plot_timeline

    fig = Figure(figsize=(11, 6))
    ax = fig.subplots()
    plot_citation_graph(case, proposition, ax=ax, upto=upto, highlight=newest, pos=pos)
    graph = fig
    fig2 = Figure(figsize=(10, 4))
    ax2 = fig2.subplots()
    plot_timeline(case, proposition, ax=ax2, upto=upto)
    return graph, fig2


# --- the page --------------------------------------------------------------------------------------------

_CSS = """
:root{--ink:#1d1d1f;--muted:#5b5b63;--line:#d9d9de;--accent:#0b5cad;--warn:#a4161a;--bg:#fff;--soft:#f5f6f8}
*{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:1.0625rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,
"Helvetica Neue",Arial,sans-serif}
main{max-width:62rem;margin:0 auto;padding:1rem 1rem 3rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 .75rem;overflow-wrap:anywhere}
h2{font-size:1.3rem;line-height:1.3;margin:.25rem 0 .5rem;overflow-wrap:anywhere}
h3{font-size:1.05rem;margin:1.25rem 0 .4rem}
p,li,figcaption,dd{overflow-wrap:anywhere}
td{overflow-wrap:break-word}
th{white-space:nowrap}
td.nw{white-space:nowrap}
table.claims{min-width:48rem}
.question{font-size:1.1rem;color:var(--muted)}
.summary{font-size:.95rem;color:var(--muted)}
.verdict{border-left:4px solid var(--accent);background:var(--soft);padding:.6rem .9rem;margin:1rem 0}
.warning{border:2px solid var(--warn);color:var(--warn);padding:.6rem .9rem;font-weight:600}
.stepper{position:sticky;top:0;z-index:2;display:grid;grid-template-columns:auto 1fr auto;gap:.5rem;
align-items:center;background:#fff;border-bottom:1px solid var(--line);padding:.5rem 0;margin:1rem 0}
.stepper[hidden]{display:none}
.stepper button{font:inherit;font-size:1rem;padding:.5rem .9rem;min-height:44px;min-width:44px;border-radius:.4rem;
border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
.stepper button:disabled{background:#eef1f5;color:#8a8f98;border-color:var(--line);cursor:default}
.stepper button:focus-visible{outline:3px solid #f6b400;outline-offset:2px}
#counter{font-size:.95rem;color:var(--muted);text-align:center;line-height:1.3}
.hint{font-size:.85rem;color:var(--muted);margin:.25rem 0 0}
.step{border-top:1px solid var(--line);padding-top:1rem;margin-top:1.5rem;scroll-margin-top:5rem}
details.about{font-size:.95rem;color:var(--muted);margin:.5rem 0}
details.about summary{cursor:pointer;color:var(--accent)}
.js .step{border-top:0;margin-top:0}
.step[hidden]{display:none}
.step-meta{font-size:.9rem;color:var(--muted);margin:0}
.narrative p{margin:.4rem 0}
figure{margin:1rem 0}
.fig-scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;border:1px solid var(--line);border-radius:.3rem}
svg.kit-fig{display:block;width:100%;height:auto}
figcaption{font-size:.9rem;color:var(--muted);margin-top:.4rem}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;font-size:.88rem;width:100%}
th,td{border-bottom:1px solid var(--line);padding:.35rem .45rem;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.new td{background:#fff8e1}
td.says{min-width:14rem;max-width:28rem}
.flag{display:inline-block;font-size:.78rem;border-radius:.25rem;padding:0 .3rem;margin:0 .15rem .15rem 0;
background:#fde2e1;color:#7a1014}
.methods{background:var(--soft);border:1px solid var(--line);border-radius:.4rem;padding:.5rem 1rem 1rem;
margin-top:2.5rem}
.methods dt{font-weight:600;margin-top:.6rem}
.methods dd{margin:0 0 .2rem}
a{color:var(--accent)}
@media (max-width:40rem){
  body{font-size:1rem}
  main{padding:.5rem .75rem 2rem}
  h1{font-size:1.35rem}
  h2{font-size:1.15rem}
  .stepper button{padding:.5rem .6rem}
  #counter{font-size:.85rem}
  .fig-scroll svg.kit-fig{width:720px;max-width:none}
}
@media print{.stepper{display:none}.step[hidden]{display:block}}
"""

_JS = """
(function () {
  "use strict";
  var dataEl = document.getElementById("kit-data");
  var data = dataEl ? JSON.parse(dataEl.textContent) : {steps: []};
  var steps = Array.prototype.slice.call(document.querySelectorAll("section.step"));
  var nav = document.getElementById("stepper");
  if (!steps.length || !nav) { return; }
  var prev = document.getElementById("prev");
  var next = document.getElementById("next");
  var counter = document.getElementById("counter");
  var current = -1;
  document.documentElement.className += " js";
  nav.hidden = false;
  function show(i, fromUser) {
    i = Math.max(0, Math.min(steps.length - 1, i));
    if (i === current) { return; }
    current = i;
    for (var k = 0; k < steps.length; k++) {
      steps[k].hidden = (k !== i);
      steps[k].setAttribute("aria-hidden", k !== i ? "true" : "false");
    }
    prev.disabled = (i === 0);
    next.disabled = (i === steps.length - 1);
    var st = data.steps[i] || {};
    counter.textContent = "Step " + (i + 1) + " of " + steps.length + (st.date ? " \\u00b7 " + st.date : "");
    if (fromUser) {
      try { history.replaceState(null, "", "#step-" + (i + 1)); } catch (e) { /* file:// may refuse */ }
      var top = nav.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight) { nav.scrollIntoView(); }
    }
  }
  function fromHash() {
    var m = /^#step-(\\d+)$/.exec(window.location.hash || "");
    return m ? parseInt(m[1], 10) - 1 : 0;
  }
  prev.addEventListener("click", function () { show(current - 1, true); });
  next.addEventListener("click", function () { show(current + 1, true); });
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) { return; }
    var t = e.target;
    if (t && t.closest && t.closest("input, textarea, select, .table-wrap, .fig-scroll")) { return; }
    if (e.key === "ArrowRight") { show(current + 1, true); e.preventDefault(); }
    else if (e.key === "ArrowLeft") { show(current - 1, true); e.preventDefault(); }
  });
  window.addEventListener("hashchange", function () { show(fromHash(), false); });
  show(fromHash(), false);
}());
"""


def _paragraphs(text) -> str:
    if text is None or text is pd.NA or not str(text).strip():
        return ""
    return "".join(f"<p>{_esc(p.strip())}</p>" for p in re.split(r"\n\s*\n|\n", str(text)) if p.strip())


def _link(text, url) -> str:
    u = safe_url(url)
    if u is None:
        return _esc(text)
    return f'<a href="{_esc(u)}" rel="noopener noreferrer nofollow">{_esc(text)}</a>'


def _claims_table(frame, visible, new, reports) -> str:
    if not visible:
        return '<p class="empty">No claim about this question had been published yet.</p>'
    rows = []
    for k in visible:
        r = frame.loc[k]
        rep = reports.get(r["report_id"], {})
        flags = [f.replace("_", " ") for f in DRIFT_FLAGS if bool(r[f])]
        flag_html = "".join(f'<span class="flag">{_esc(f)}</span>' for f in flags) or "—"
        rows.append(
            f'<tr class="{"new" if k in new else ""}">'
            f"<td class='nw'>{_esc(_date(r['published']))}</td>"
            f"<td>{_link(r['outlet'], rep.get('url'))}</td>"
            f'<td class="says">{_esc(" ".join(str(r["text"]).split()))}</td>'
            f"<td>{_esc(figure_words(r['low'], r['high'])) or '—'}</td>"
            f"<td>{_esc(r['certainty'])}</td>"
            f'<td class="num">{int(r["n_cited"])}</td>'
            f'<td class="num">{int(r["n_origins"])}</td>'
            f"<td>{'yes' if bool(r['echo']) else 'no'}</td>"
            f"<td>{flag_html}</td></tr>")
    head = ("<tr><th scope='col'>Published</th><th scope='col'>Outlet</th><th scope='col'>What it says</th>"
            "<th scope='col'>Figure</th><th scope='col'>Certainty</th>"
            "<th scope='col' title='distinct items it cites as support'>Cited</th>"
            "<th scope='col' title='distinct origin sources it finally rests on'>Origins</th>"
            "<th scope='col'>Echo</th><th scope='col'>Drift</th></tr>")
    return (f'<div class="table-wrap" tabindex="0" role="region" aria-label="Claims so far">'
            f"<table class='claims'><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table></div>")


def _methods(case, built, reveal, notebook_href=None) -> str:
    src = case.sources.assign(_k=case.sources["name"].astype(str).str.casefold()).sort_values(
        ["_k", "source_id"], kind="stable")
    rows = []
    for r in src.itertuples(index=False):
        grade = str(r.reliability) if isinstance(r.reliability, str) else "F"
        rows.append(f"<tr><td>{_link(r.name, getattr(r, 'url', None))}</td><td>{_esc(r.kind)}</td>"
                    f"<td>{_esc(grade)} — {_esc(_GRADES.get(grade, ''))}</td></tr>")
    n_conf = int(case.sources["confidential"].fillna(False).astype(bool).sum()) if len(case.sources) else 0
    conf_note = ("" if not n_conf else
                 (f"<p>{_plural(n_conf, 'source is', 'sources are')} confidential and "
                  + ("<strong>shown by name in this internal draft</strong>." if reveal else
                     "named here only as “Confidential source 1, 2, …” (numbered in a fixed order), "
                     "with no name, address or notes.") + "</p>"))
    from . import __version__
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
published by the moment of that step. Computed by kit {_esc(__version__)} from
{_plural(len(case.sources), 'source')}, {_plural(len(case.reports), 'report')},
{_plural(len(case.claims), 'claim')} and {_plural(len(case.citations), 'citation')}.</dd>
<dt>Sources and their grades</dt>
<dd>Grades are the Admiralty scale (A completely reliable … E unreliable; F cannot be judged).
{conf_note}
<div class="table-wrap" tabindex="0" role="region" aria-label="Sources and grades"><table>
<thead><tr><th scope="col">Source</th><th scope="col">Kind</th><th scope="col">Grade</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table></div></dd>
<dt>Built</dt>
<dd><time datetime="{_esc(built)}">{_esc(built)}</time></dd>
{f'<dt>The notebook</dt><dd>The analysis step by step, as run for this page: <a href="{_esc(notebook_href)}">'
 f'{_esc(notebook_href)}</a>.</dd>' if notebook_href else ''}
</dl>
</aside>"""


def page_html(case, *, proposition=None, story=None, built=None, reveal=False, notebook_href=None) -> str:
    """The explainer page for an already redacted ``case``, as one HTML string (see :func:`publish`).

    Parameters
    ----------
    case : kit.Case
        Redacted already (:func:`kit.redact.redact`): this function shows what it is given.
    proposition : str, optional
        By default :func:`choose_proposition`.
    story : pandas.DataFrame, optional
        Steps as :func:`kit.story.load_story` gives them (texts redacted); by default the automatic story.
    built : str, optional
        The date shown as "built" (ISO); today (UTC) by default.
    reveal : bool
        Only changes the notes on the page: an internal draft says so at the top.
    notebook_href : str, optional
        A relative link to the notebook's page beside this one, shown in the methods box.

    Examples
    --------
    >>> import kit
    >>> page = page_html(kit.redact.redact(kit.synth.make_case(6)), built="2026-01-01")
    >>> page.startswith("<!DOCTYPE html>"), "2026-01-01" in page, "<script src" in page
    (True, True, False)
    """
    from .show import story_layout
    from .story import auto_story, claims_by

    proposition = proposition or choose_proposition(case)
    if story is None:
        story = auto_story(case, proposition)
    built = built or _dt.datetime.now(_dt.timezone.utc).date().isoformat()
    frame = _claims_frame(case, proposition)
    plot_case = _plot_safe(case)
    pos = story_layout(plot_case, proposition)
    reports = case.reports.set_index("report_id").to_dict("index")
    sections, data_steps = [], []
    seen: list = []
    n = len(story)
    for i, row in enumerate(story.itertuples(index=False), start=1):
        upto = pd.Timestamp(row.upto)
        visible = claims_by(case, upto, proposition)
        new = [k for k in visible if k not in seen]
        seen = visible
        newest = visible[-1] if visible else None
        g_alt = _graph_alt(case, frame, proposition, upto)
        t_alt = _timeline_alt(case, frame, proposition, upto)
        gfig, tfig = _step_figures(plot_case, proposition, upto, newest, pos)
        g_svg, t_svg = _svg(gfig, f"s{i}g", g_alt), _svg(tfig, f"s{i}t", t_alt)
        title = "" if row.title is None or row.title is pd.NA else str(row.title)
        date = _date(row.date)
        data_steps.append({"step": i, "date": date, "title": title, "claims": len(visible), "new": len(new)})
        sections.append(f"""
<section class="step" id="step-{i}" aria-labelledby="step-{i}-title">
<p class="step-meta">Step {i} of {n} · <time datetime="{_esc(pd.Timestamp(row.date).isoformat())}">{_esc(date)}</time>
 · {_plural(len(visible), 'claim')} so far, {len(new)} new</p>
<h2 id="step-{i}-title">{_esc(title)}</h2>
<div class="narrative">{_paragraphs(row.text)}</div>
<figure class="graph"><div class="fig-scroll">{g_svg}</div>
<figcaption>{_esc(g_alt)}</figcaption></figure>
<figure class="timeline"><div class="fig-scroll">{t_svg}</div>
<figcaption>{_esc(t_alt)}</figcaption></figure>
<h3>Claims so far</h3>
{_claims_table(frame, visible, set(new), reports)}
</section>""")
    meta = case.meta
    verdict_html, jsonld = "", ""
    verdicts = meta.get("verdicts") if isinstance(meta.get("verdicts"), dict) else {}
    if proposition in verdicts:
        from .export import claim_reviews
        reviews = claim_reviews(case, built=built)
        reviews = [reviews[proposition]] if proposition in reviews else []
        v = verdicts[proposition]
        if isinstance(v, dict):
            verdict_html = (f'<p class="verdict"><strong>Verdict: {_esc(v.get("rating"))}</strong>'
                            + (f" — {_esc(v.get('note'))}" if v.get("note") else "") + "</p>")
        if reviews:
            jsonld = f'<script type="application/ld+json">{script_json(reviews)}</script>'
    data = {"title": case.title, "proposition": proposition, "built": built, "steps": data_steps}
    js_hash = base64.b64encode(hashlib.sha256(_JS.encode("utf-8")).digest()).decode("ascii")
    csp = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
           f"script-src 'sha256-{js_hash}'; base-uri 'none'; form-action 'none'")
    draft = ('<p class="warning" role="alert">Internal draft: confidential sources are shown by name. '
             "Do not publish this page.</p>" if reveal else "")
    lang = meta.get("language") if isinstance(meta.get("language"), str) else "en"
    lang = lang if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", lang or "") else "en"
    robots = '<meta name="robots" content="noindex">' if reveal else ""
    return f"""<!DOCTYPE html>
<html lang="{_esc(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
{robots}
<title>{_esc(case.title)}</title>
<style>{_CSS}</style>
{jsonld}
</head>
<body>
<main>
{draft}
<header>
<h1>{_esc(case.title)}</h1>
{f'<p class="question">{_esc(meta.get("question"))}</p>' if meta.get("question") else ''}
{f'<details class="about"><summary>About this case</summary><p>{_esc(meta.get("summary"))}</p></details>' if meta.get("summary") else ''}
<p class="hint">The story of <code>{_esc(proposition)}</code> in {_plural(n, 'step')}. With the buttons below or the
← → arrow keys you go through it one step at a time; the <a href="#methods">methods</a> are at the end.</p>
{verdict_html}
</header>
<nav class="stepper" id="stepper" aria-label="Story steps" hidden>
<button type="button" id="prev" aria-controls="steps">← Previous</button>
<span id="counter" aria-live="polite"></span>
<button type="button" id="next" aria-controls="steps">Next →</button>
</nav>
<div id="steps">
{''.join(sections) if sections else '<p>This case has no story to tell yet.</p>'}
</div>
{_methods(case, built, reveal, notebook_href)}
</main>
<script type="application/json" id="kit-data">{script_json(data)}</script>
<script>{_JS}</script>
</body>
</html>
"""


def publish(case, out_dir, *, reveal_confidential: bool = False, built=None, notebook=None) -> Path:
    """Write the explainer page ``OUT_DIR/index.html`` for ``case`` and return its path.

    The page tells the story of one proposition (:func:`choose_proposition`): its steps come from the case's
    ``story.csv`` or, without one, one step per publication day (:func:`kit.story.load_story`). The case is
    redacted first (:func:`kit.redact.redact`); the narrative of ``story.csv`` too (:func:`kit.redact.redact_text`).

    Parameters
    ----------
    case : kit.Case
        Not changed.
    out_dir : str or path
        Created if needed; only ``index.html`` is written in it.
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
    from .story import load_story

    proposition = choose_proposition(case)
    story = load_story(case, proposition).copy()
    story["title"] = story["title"].map(lambda t: redact_text(case, t, reveal_confidential)).astype("string")
    story["text"] = story["text"].map(
        lambda t: t if t is None or t is pd.NA else redact_text(case, t, reveal_confidential)).astype("string")
    red = redact(case, reveal=reveal_confidential)
    red_prop = _red_prop(case, red, proposition)
    out = Path(out_dir)
    href = None
    if notebook is not None:
        notebook_html(notebook, case, out / "notebook.html", reveal_confidential=reveal_confidential)
        href = "notebook.html"
    text = page_html(red, proposition=red_prop, story=story, built=built, reveal=reveal_confidential,
                     notebook_href=href)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "index.html"
    tmp = out / f".index.html.{os.getpid()}.tmp"
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, target)
    return target


def _red_prop(case, red, proposition):
    """The proposition's name in the redacted case (a slug containing a confidential id is rewritten)."""
    pairs = dict(zip(case.claims["proposition"].astype(str), red.claims["proposition"].astype(str)))
    return pairs.get(proposition, proposition)


# --- a notebook as an offline page -----------------------------------------------------------------------

_EXTERNAL = r"""(?:https?:)?//"""
_OFFLINE_CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                "font-src data:; base-uri 'none'; form-action 'none'")


def offline_html(text: str) -> str:
    """An nbconvert page made to work offline: scripts and stylesheets from other hosts removed, requests forbidden.

    nbconvert's pages load require.js, MathJax, mermaid and the widget renderer from public CDNs, which readers
    behind strict networks cannot reach. This removes those elements and the inline scripts that fetch from another
    host (math then shows as its TeX source; widget views, which need the CDN's renderer, show a note instead) and
    adds a Content-Security-Policy that forbids any request.

    Raises
    ------
    ValueError
        When a reference to another host remains that this function does not know how to remove.

    Examples
    --------
    >>> page = ('<html><head><script src="https://cdn.example/require.js"></script>'
    ...         '<link rel="stylesheet" href="https://cdn.example/x.css"></head><body><p>hi</p></body></html>')
    >>> out = offline_html(page)
    >>> "cdn.example" in out, "<p>hi</p>" in out, "Content-Security-Policy" in out
    (False, True, True)
    """
    text = re.sub(rf"""<script\b[^>]*\ssrc\s*=\s*["']?{_EXTERNAL}[^>]*>.*?</script\s*>""", "", text,
                  flags=re.IGNORECASE | re.DOTALL)
    text = re.sub(r"""<script\b[^>]*type\s*=\s*["']?module["']?[^>]*>(?:(?!</script).)*?(?:https?:)?//"""
                  r"""(?:(?!</script).)*</script\s*>""", "", text, flags=re.IGNORECASE | re.DOTALL)
    # inline scripts that fetch from another host (nbconvert's widget-renderer loader)
    text = re.sub(r"""<script\b(?![^>]*\stype\s*=\s*["']?application/)[^>]*>(?:(?!</script).)*?["'`]"""
                  r"""(?:https?:)?//[a-z0-9](?:(?!</script).)*</script\s*>""", "", text,
                  flags=re.IGNORECASE | re.DOTALL)
    text = re.sub(r"""(<script type="application/vnd\.jupyter\.widget-view\+json">.*?</script>)""",
                  r"""\1<p class="kit-offline-note"><em>(An interactive widget: it needs a running notebook. """
                  r"""The published page tells the same story step by step.)</em></p>""", text, flags=re.DOTALL)
    text = re.sub(rf"""<link\b[^>]*\shref\s*=\s*["']?{_EXTERNAL}[^>]*>""", "", text, flags=re.IGNORECASE)
    text = re.sub(rf"""@import\s+(?:url\()?["']?{_EXTERNAL}[^;]*;""", "", text, flags=re.IGNORECASE)
    left = re.search(rf"""<(?!a\b)[a-z]+\b[^<>]*\s(?:src|href|data)\s*=\s*["']?\s*{_EXTERNAL}""", text,
                     re.IGNORECASE)
    if left:
        raise ValueError(f"the page still refers to another host: {left.group(0)[:120]!r}")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{_OFFLINE_CSP}">'
    if re.search(r"<head\b[^>]*>", text, re.IGNORECASE):
        text = re.sub(r"(<head\b[^>]*>)", lambda m: m.group(1) + meta, text, count=1, flags=re.IGNORECASE)
    else:
        text = meta + text
    return text


def notebook_html(notebook, case, out_path, *, execute: bool = True, reveal_confidential: bool = False,
                  timeout: int = 600) -> Path:
    """Render a notebook to one offline HTML page (run first, by default), for publishing beside the explainer.

    The notebook computes from the case's own files, so its figures (images) could show a confidential source's
    name where no text redaction reaches. A case with a confidential source is therefore refused, unless
    ``reveal_confidential`` (internal drafts). Every text form of every confidential field is still removed from
    the page as a second line of defence. See :func:`offline_html` for what is removed to make the page offline.

    Parameters
    ----------
    notebook : str or path
        An ``.ipynb`` file; it runs in its own folder with the inline matplotlib backend.
    case : kit.Case
        The case the notebook tells (for the confidential check).
    out_path : str or path
        The HTML file to write.
    execute : bool
        Run the notebook first (``False``: use its stored outputs).

    Raises
    ------
    ValueError
        When the case has a confidential source and ``reveal_confidential`` is false.

    Examples
    --------
    >>> import kit, tempfile, os, nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Hello $x$")])
    >>> d = tempfile.mkdtemp(); nbformat.write(nb, os.path.join(d, "n.ipynb"))
    >>> page = notebook_html(os.path.join(d, "n.ipynb"), kit.synth.make_case(3), os.path.join(d, "n.html"),
    ...                      execute=False)
    >>> "cdnjs" in page.read_text(encoding="utf-8")
    False
    """
    import nbformat
    from nbconvert import HTMLExporter

    from .redact import confidential_fields

    secrets = confidential_fields(case)
    if secrets and not reveal_confidential:
        raise ValueError("the case has confidential sources and a notebook's figures cannot be redacted; "
                         "publish the page without the notebook, or use --reveal-confidential for an internal draft")
    notebook = Path(notebook)
    nb = nbformat.read(notebook, as_version=4)
    if execute:
        from nbconvert.preprocessors import ExecutePreprocessor
        saved = os.environ.get("MPLBACKEND")
        os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
        try:
            ExecutePreprocessor(timeout=timeout).preprocess(nb, {"metadata": {"path": str(notebook.parent)}})
        finally:
            if saved is None:
                os.environ.pop("MPLBACKEND", None)
            else:
                os.environ["MPLBACKEND"] = saved
    exporter = HTMLExporter(template_name="lab")
    body, _ = exporter.from_notebook_node(nb)
    text = offline_html(body)
    if not reveal_confidential:
        for secret in secrets:
            for form in {secret, html.escape(secret), html.escape(secret, quote=False)}:
                text = re.sub(re.escape(form), "(withheld)", text, flags=re.IGNORECASE)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, out)
    return out
