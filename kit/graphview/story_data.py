"""A story's steps as the data of the one renderer, ``static/graphview.js``: the notebook's stepper and the page's.

:func:`story_data` puts together the steps of :func:`kit.text.story_steps.story_steps` (what each step shows, what
is new at it), the citation graph of :func:`kit.graphview.data.graph_data` (laid out once: nothing moves from step to
step), the figure over time, and per claim the words a reader needs. Each step gives the nodes it shows as a change
from the step before (``add`` and ``drop``, indices of the graph's nodes), so the data of a story of 2,000 steps
grows with its claims, not with their square. :class:`kit.widgets.StoryStepper` sends this data to the notebook;
:func:`kit.publish.page_html` inlines the same data in the page: the two cannot tell two stories.

Examples
--------
>>> import kit
>>> from kit.graphview.story_data import story_data
>>> d = story_data(kit.load_case("data/deir-ez-zor"), "russians_killed_feb7")
>>> sorted(d)
['claims', 'graph', 'proposition', 'steps', 'timeline']
>>> d["steps"][0]["title"], d["steps"][0]["summary"]
('12 February: Reuters, “at least two”', '1 claim so far, 1 new; the highest figure so far: at least 2 (Reuters)')
"""

from __future__ import annotations

import gc
from contextlib import contextmanager

import pandas as pd

from kit.analysis.findings import drift
from kit.analysis.origins import provenance
from kit.analysis.selection import in_publication_order
from kit.cells import is_missing
from kit.graph.citation import claim_context
from kit.graphview.data import graph_data, row_dicts
from kit.schema import DRIFT_FLAGS
from kit.text.html import isolate_text
from kit.text.story_steps import story_steps
from kit.text.style import drift_words
from kit.text.wording import date_words, figure_label, figure_words, plural

__all__ = ["story_data", "claim_words", "step_lists", "no_gc_pauses", "MAX_CHANGES"]

#: how many new claims "what changed at this step" lists before saying how many more
MAX_CHANGES = 5
_DAY_MS = 86_400_000
_TIMELINE_TITLE = "The figure over time\n▲ at least, ▼ at most, ● a figure, bar: a range, dashes: date uncertain"


@contextmanager
def no_gc_pauses():
    """Build many small objects with Python's cycle collector off, then on again as it was.

    A story's data is tens of thousands of dicts, lists and strings with no reference cycle; each thousand new ones
    let the collector walk every object the kernel holds: in a kernel holding a few earlier steppers, 40 % of
    building one of 2,000 steps (0.8 s of CPU against 0.5 s without).

    Returns
    -------
    contextlib.AbstractContextManager
        A ``with`` block; the collector is enabled again on leaving it (also on an error) if it was before.

    Examples
    --------
    >>> import gc
    >>> with no_gc_pauses():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _ms(t) -> int | None:
    if t is None or is_missing(t):
        return None
    t = t if isinstance(t, pd.Timestamp) else pd.Timestamp(t)
    if t.tz is None:
        t.tz_convert("UTC")  # raises, as for any naive time
    return int(t.value // 1_000_000)  # a time zone's Timestamp holds its UTC nanoseconds


def _number(v):
    return None if v is None or is_missing(v) else (int(v) if float(v).is_integer() else float(v))


def claim_words(case, proposition=None) -> pd.DataFrame:
    """Per claim of the story (in order of publication), what a reader reads about it, in words.

    Parameters
    ----------
    case : kit.Case
    proposition : str, optional
        The question told; every claim when ``None``.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``claim_id``: ``date`` (“12 Feb 2018”), ``outlet``, ``says`` (the claim's words), ``figure``
        (in words, "" when none), ``certainty``, ``rests_on`` (the names of its origins, or "nothing (a loop)"),
        ``origins`` (how many), ``echo`` (bool), ``drift`` (the drift flags in words), ``url`` (its report's,
        http(s) only, else ""). Case texts are bidi isolates (:func:`kit.text.html.isolate_text`).

    Examples
    --------
    >>> import kit
    >>> w = claim_words(kit.load_case("tests/cases/echo"), "strike_deaths")
    >>> w.loc["e_echo", ["figure", "rests_on", "drift"]].tolist(), bool(w.at["e_echo", "echo"])
    (['at least 10', 'Official (unnamed)', 'inflated, hardened'], True)
    """
    ctx = claim_context(case)
    if proposition is not None:
        ctx = ctx[ctx["proposition"] == proposition]
    base = in_publication_order(ctx).set_index("claim_id")
    prov = provenance(case)
    flags = pd.DataFrame(False, index=base.index, columns=list(DRIFT_FLAGS))
    for p in [proposition] if proposition is not None else list(base["proposition"].unique()):
        d = drift(case, p)
        if len(d):
            got = d.groupby("claim_id")[list(DRIFT_FLAGS)].any().reindex(flags.index, fill_value=False)
            flags = flags | got.astype(bool)
    names = case.sources.set_index("source_id")["name"].astype(str).to_dict()
    urls = row_dicts(case.reports.set_index("report_id"), ["url"])

    def url(report):
        u = urls.get(report, {}).get("url")
        return str(u).strip() if isinstance(u, str) and u.strip().lower().startswith(("http://", "https://")) else ""

    rows = {}
    provs = row_dicts(prov, ["origins", "n_origins", "echo"])
    drifts = row_dicts(flags, DRIFT_FLAGS)
    cols = ["published", "outlet", "text", "low", "high", "certainty", "report_id"]
    for c, r in row_dicts(base, cols).items():  # dicts: a pandas lookup per cell costs seconds at 2,000 claims
        origins = provs[c]["origins"]
        rows[c] = {
            "date": date_words(r["published"]),
            "outlet": isolate_text(r["outlet"]),
            "says": isolate_text(" ".join(str(r["text"]).split())),
            "figure": figure_words(r["low"], r["high"]),
            "certainty": "" if is_missing(r["certainty"]) else str(r["certainty"]),
            "rests_on": ", ".join(isolate_text(names.get(s, s)) for s in origins) or "nothing (a loop)",
            "origins": int(provs[c]["n_origins"]),
            "echo": bool(provs[c]["echo"]),
            "drift": drift_words(drifts[c]),
            "url": url(r["report_id"]),
        }
    out = pd.DataFrame.from_dict(rows, orient="index", columns=list(_WORD_COLUMNS))
    out.index.name = "claim_id"
    return out


_WORD_COLUMNS = ("date", "outlet", "says", "figure", "certainty", "rests_on", "origins", "echo", "drift", "url")


def _change(w) -> str:
    """One line of "what changed at this step" for a new claim (a row of :func:`claim_words`)."""
    if w["figure"]:
        fig = w["figure"]
    else:  # no figure: a few of the claim's own words instead
        words = w["says"]
        fig = f"“{words[:60]}{'…' if len(words) > 60 else ''}”"
    line = f"{w['outlet']}, {w['date']}: {fig} ({w['certainty']}), rests on {w['rests_on']}"
    if w["echo"]:
        line += " (an echo: its supports share an origin)"
    if w["drift"]:
        line += f"; drift from what it cites: {w['drift']}"
    return line


def _figure_values(frame) -> dict:
    """Per claim with a figure, the number its highest figure is compared by (its upper bound, else its lower)."""
    out = {}
    for c, lo, hi in zip(frame.index, frame["low"], frame["high"], strict=True):
        v = hi if not is_missing(hi) else lo
        if not is_missing(v):
            out[c] = float(v)
    return out


def _changes(steps, index):
    """Per step, the graph's nodes (ids in ``index``) that come and go against the step before, and the claims told
    that come and go. A step's ``new`` are its claims the step before did not show; when it shows as many more
    claims as it has new ones, none went (a story told in time), and only what came is looked at; else the step's
    claims are compared with the last step's."""
    told: set = set()
    shown: set = set()  # the nodes shown
    side: set = set()  # the sources and claims of other questions shown
    prev: list = []
    for s in steps:
        cur, came_told = s["claims"], list(s["new"])
        if len(cur) - len(came_told) == len(prev):
            went_told = []
        else:
            now = set(cur)
            went_told = [c for c in prev if c not in now]
        told.difference_update(went_told)
        told.update(came_told)
        now_side = set(s["sources"]).union(s["cited"])
        came: list = []
        went: list = []
        for n in {*came_told, *went_told, *(now_side ^ side)}:
            if ((n in told or n in now_side) and n in index) != (n in shown):
                (went if n in shown else came).append(n)
        shown.difference_update(went)
        shown.update(came)
        yield came, went, came_told, went_told
        prev, side = cur, now_side


def _higher(c, than, values, position) -> bool:
    """Whether claim ``c``'s figure is the highest before claim ``than``'s: higher, or as high and told earlier."""
    return values[c] > values[than] or (values[c] == values[than] and position[c] < position[than])


def story_data(case, proposition=None, story=None, *, steps=None, words=None) -> dict:
    """The story of ``proposition`` as the renderer's data: its steps, its graph, its figure over time, its claims.

    Parameters
    ----------
    case : kit.Case
        Shown as given: redact it first (:func:`kit.text.redact.redact`) for anything published, and give the
        story of the redacted case.
    proposition : str, optional
        The question told; every claim of the case when ``None`` (then no figure over time).
    story : pandas.DataFrame, optional
        Steps as :func:`kit.text.story.load_story` gives them; the case's own by default.
    steps : list of dict, optional
        :func:`kit.text.story_steps.story_steps` of the same, when the caller has them.
    words : pandas.DataFrame, optional
        :func:`claim_words` of the same, when the caller has them.

    Returns
    -------
    dict
        ``graph`` (:func:`kit.graphview.data.graph_data`), ``timeline`` (``claims``: per claim with a figure its
        node index ``i``, times ``t`` and ``t2`` in ms, ``low``, ``high``, ``label``, ``figure``, ``outlet``,
        ``colour``; the axis' ``t0`` and ``t1``; ``title``; None without a proposition), ``claims`` (per claim
        id, in order of publication, :func:`claim_words` without ``url`` where there is none) and ``steps``: per
        step ``step``, ``title``, ``text``, ``day``, ``day_short``, ``now`` (the step's date in ms), ``summary``,
        ``graph_caption``, ``timeline_alt``, ``changes`` (lines), ``add`` and ``drop`` (node indices shown and
        hidden against the step before), ``new`` (node indices) and ``newest`` (a node index, -1 for none).

    Raises
    ------
    kit.UnknownName
        For an unknown proposition, or a claim named in the story that the case does not have.

    See Also
    --------
    step_lists : the claims each step shows, read back from this data.
    """
    with no_gc_pauses():
        return _story_data(case, proposition, story, steps, words)


def _story_data(case, proposition, story, steps, words) -> dict:
    steps = story_steps(case, proposition, story) if steps is None else steps
    graph = graph_data(case, proposition)
    index = {n["id"]: i for i, n in enumerate(graph["nodes"])}
    colour = {n["id"]: n["colour"] for n in graph["nodes"]}
    words = claim_words(case, proposition) if words is None else words
    cols = ["low", "high", "published", "published_latest"]
    frame = claim_context(case).set_index("claim_id").loc[words.index, cols]
    claims = {c: {k: v for k, v in r.items() if k != "url" or v} for c, r in row_dicts(words, _WORD_COLUMNS).items()}
    values = _figure_values(frame)
    figure_of, outlet_of = words["figure"].to_dict(), words["outlet"].to_dict()

    timeline = None
    if proposition is not None:
        marks = []
        for c, r in row_dicts(frame, cols).items():
            if is_missing(r["low"]) and is_missing(r["high"]):
                continue
            latest = r.get("published_latest")
            marks.append(
                {
                    "i": index[c],
                    "t": _ms(r["published"]),
                    "t2": _ms(latest),
                    "low": _number(r["low"]),
                    "high": _number(r["high"]),
                    "label": figure_label(r["low"], r["high"]),
                    "figure": figure_of[c],
                    "outlet": outlet_of[c],
                    "colour": colour[c],
                }
            )
        times = [m["t"] for m in marks] + [m["t2"] for m in marks if m["t2"] is not None]
        times += [_ms(s["date"]) for s in steps]
        lo, hi = (min(times), max(times)) if times else (0, _DAY_MS)
        pad = max((hi - lo) * 0.04, _DAY_MS / 2)
        timeline = {"claims": marks, "t0": lo - pad, "t1": hi + pad, "title": _TIMELINE_TITLE}

    # Each step from the one before (_changes): Python work only for what changed, not for every claim shown (that
    # was quadratic: 0.5 s at 2,000 steps); the highest figure is kept as claims come, looked for again when it goes.
    position = {c: k for k, c in enumerate(words.index)}
    out_steps: list = []
    figured: set = set()  # the claims told so far that have a figure
    best = None
    for s, (came, went, came_told, went_told) in zip(steps, _changes(steps, index), strict=True):
        figured.difference_update(went_told)
        if best in went_told:  # the highest so far went: look again among those left
            best = None
            for c in figured:
                best = c if best is None or _higher(c, best, values, position) else best
        for c in came_told:
            if c in values:
                figured.add(c)
                best = c if best is None or _higher(c, best, values, position) else best
        day = date_words(s["date"])
        n_fig = len(figured)
        highest = f"{figure_of[best]} ({outlet_of[best]})" if best is not None else ""
        lines = [_change(claims[c]) for c in s["new"][:MAX_CHANGES]]
        if len(s["new"]) > MAX_CHANGES:
            more = plural(len(s["new"]) - MAX_CHANGES, "more new claim")
            lines.append(f"and {more} (see all claims so far)")
        out_steps.append(
            {
                "step": s["step"],
                "title": isolate_text(s["title"]),
                "text": isolate_text(s["text"]),
                "day": day,
                "day_short": f"{s['date'].day} {s['date']:%b}",
                "now": _ms(s["date"]),
                "summary": f"{plural(len(s['claims']), 'claim')} so far, {len(s['new'])} new"
                + (f"; the highest figure so far: {highest}" if highest else ""),
                "graph_caption": f"Who cites whom, as of {day}: {plural(len(s['claims']), 'claim')} "
                f"and {plural(len(s['sources']), 'source')} they rest on; the new ones ringed"
                + (", the newest in red." if s["newest"] else "."),
                "timeline_alt": f"The figure over time, as of {day}: {plural(n_fig, 'claim')} with a figure so far"
                + (f", the highest {highest}" if highest else "")
                + ". The claims told later are faded.",
                "changes": lines,
                "add": sorted(index[n] for n in came),
                "drop": sorted(index[n] for n in went),
                "new": [index[c] for c in s["new"]],
                "newest": index[s["newest"]] if s["newest"] else -1,
            }
        )
    return {
        "proposition": proposition or "",
        "graph": graph,
        "timeline": timeline,
        "claims": claims,
        "steps": out_steps,
    }


def step_lists(data) -> list[list[str]]:
    """The claims each step of :func:`story_data`'s ``data`` shows, read back from its changes, in order of
    publication: what the renderer shows at each step.

    Parameters
    ----------
    data : dict
        :func:`story_data`, or the same read back from JSON (the page's, the widget's).

    Returns
    -------
    list of list of str

    Examples
    --------
    >>> import kit
    >>> case = kit.load_case("tests/cases/echo")
    >>> step_lists(story_data(case, "strike_deaths"))[1]
    ['e_one', 'e_two', 'e_echo']
    """
    ids = [n["id"] for n in data["graph"]["nodes"]]
    order = list(data["claims"])
    shown: set = set()
    out = []
    for s in data["steps"]:
        shown -= {ids[i] for i in s["drop"]}
        shown |= {ids[i] for i in s["add"]}
        out.append([c for c in order if c in shown])
    return out
