"""What the explainer page tells: its proposition, the claims behind it, and the words that describe each figure.

:func:`kit.analysis.selection.choose_proposition` picks the story; :func:`claims_frame` gathers, per claim, what the
page's
tables and alt texts say; :func:`timeline_alt` and :func:`graph_alt` are the alt texts (and captions) of the two
figures of a step, stating what the picture shows for a reader who cannot see it. Every name in them is a bidi isolate
(:func:`kit.text.html.isolate_text`), so a right-to-left name cannot reorder the words around it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from kit.schema import DRIFT_FLAGS
from kit.text.html import escape, isolate_text
from kit.text.wording import date_words, figure_words, plural, quoted_question, when_words

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["claims_frame", "timeline_alt", "graph_alt", "share_tags"]

#: the drift flags of :func:`kit.analysis.findings.drift` a claim can show, in the order the page lists them
_UNCHECKABLE = ("anonymous", "social")


def claims_frame(case: Case, proposition) -> pd.DataFrame:
    """One row per claim of the proposition, by publication: its context, provenance and drift flags.

    Parameters
    ----------
    case : kit.Case
        Not changed.
    proposition : str
        The proposition whose claims are told.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``claim_id``, in order of publication: the columns of :func:`kit.graph.citation.claim_context`, then
        ``n_cited``, ``n_origins``, ``echo``, ``origins`` (:func:`kit.analysis.origins.provenance`) and one boolean
        column per flag of :data:`DRIFT_FLAGS` (the claim drifted from a claim it cites).

    Examples
    --------
    >>> import kit
    >>> f = claims_frame(kit.load_case("data/deir-ez-zor"), "russians_killed_feb7")
    >>> f.index[0], f["outlet"].iloc[0], int(f["n_origins"].iloc[-1])
    ('facebook-casualties', 'Facebook post with a list of names', 2)
    """
    from kit.analysis.findings import drift
    from kit.analysis.origins import provenance
    from kit.analysis.selection import in_publication_order
    from kit.graph.citation import claim_context

    ctx = claim_context(case)
    ctx = in_publication_order(ctx[ctx["proposition"] == proposition])
    prov = provenance(case)
    out = ctx.set_index("claim_id")
    out = out.join(prov[["n_cited", "n_origins", "echo", "origins"]])
    d = drift(case, proposition)
    for f in DRIFT_FLAGS:
        flags = d.groupby("claim_id")[f].any() if len(d) else pd.Series(dtype=bool)
        out[f] = [bool(flags.get(k, False)) for k in out.index]
    return out


def timeline_alt(case: Case, proposition, upto=None, *, frame=None) -> str:
    """Alt text for the figure over time: how the figure moved by ``upto``, and the origins behind the highest.

    Parameters
    ----------
    case : kit.Case
        The case shown (redacted already when the text is published).
    proposition : str
        The proposition whose figure is told.
    upto : str or pandas.Timestamp, optional
        Only the claims published by then; all by default.
    frame : pandas.DataFrame, optional
        :func:`claims_frame` of ``case`` and ``proposition``, when the caller has it already (a page of many steps).

    See Also
    --------
    graph_alt : the same for the citation graph.

    Examples
    --------
    >>> import kit, pandas as pd
    >>> case = kit.load_case("data/deir-ez-zor")
    >>> print(timeline_alt(case, "russians_killed_feb7"))  # doctest: +ELLIPSIS
    The figure rose from at least 2 (Reuters, 12 Feb 2018) to at least 201 (Bloomberg, 13 Feb 2018) in 1 day; ...
    """
    if frame is None:
        frame = claims_frame(case, proposition)
    return _timeline_alt(case, frame, proposition, upto)


def _origin_names(case: Case, origins) -> str:
    src = case.sources.set_index("source_id")
    parts = []
    origins = sorted(origins, key=lambda s: (str(src.at[s, "name"]).casefold() if s in src.index else str(s), s))
    for s in origins:
        if s in src.index:
            r = src.loc[s]
            parts.append(f"{isolate_text(r['name'])} ({r['kind']}, grade {r['reliability']})")
        else:
            parts.append(str(s))
    return "; ".join(parts)


def _timeline_alt(case: Case, frame, proposition, upto) -> str:
    shown = frame if upto is None else frame[frame["published"] <= pd.Timestamp(upto)]
    with_fig = shown[shown["low"].notna() | shown["high"].notna()]
    when = f" by {date_words(upto)}" if upto is not None else ""
    if not len(with_fig):
        return f"The figure over time for {quoted_question(case, proposition)}: no figure had been published{when}."
    value = [
        float(lo) if pd.notna(lo) else float(hi) for lo, hi in zip(with_fig["low"], with_fig["high"], strict=False)
    ]
    first = with_fig.iloc[0]
    i_peak = max(range(len(value)), key=lambda i: (value[i], -i))
    peak = with_fig.iloc[i_peak]
    n_fig = len(with_fig)
    origins = peak["origins"] if isinstance(peak["origins"], tuple) else ()
    n = len(origins)
    behind = (
        f"{plural(n, 'independent origin')} behind the highest figure: {_origin_names(case, origins)}"
        if n
        else "the highest figure rests on no origin (only on claims citing each other)"
    )
    if i_peak == 0:
        head = (
            f"One figure so far{when}: {figure_words(first['low'], first['high'])} "
            f"({isolate_text(first['outlet'])}, {when_words(first)})"
            if n_fig == 1
            else f"The first figure, {figure_words(first['low'], first['high'])} ({isolate_text(first['outlet'])}, "
            f"{when_words(first)}), is still the highest of {n_fig} figures{when}"
        )
    else:
        days = (pd.Timestamp(peak["published"]).normalize() - pd.Timestamp(first["published"]).normalize()).days
        span = "the same day" if days == 0 else f"in {plural(days, 'day')}"
        head = (
            f"The figure rose from {figure_words(first['low'], first['high'])} ({isolate_text(first['outlet'])}, "
            f"{when_words(first)}) to {figure_words(peak['low'], peak['high'])} "
            f"({isolate_text(peak['outlet'])}, "
            f"{when_words(peak)}) {span}; {plural(n_fig, 'claim')} with a figure{when}"
        )
    return f"{head}; {behind}."


def graph_alt(case: Case, proposition, upto=None, *, frame=None) -> str:
    """Alt text for the citation graph as it stood at ``upto``: claims, outlets, origins, citations, echo, loops.

    Parameters
    ----------
    case : kit.Case
        The case shown (redacted already when the text is published).
    proposition : str
        The proposition whose graph is told.
    upto : str or pandas.Timestamp, optional
        Only the claims published by then; all by default.
    frame : pandas.DataFrame, optional
        :func:`claims_frame` of ``case`` and ``proposition``, when the caller has it already.

    See Also
    --------
    timeline_alt : the same for the figure over time.

    Examples
    --------
    >>> import kit
    >>> print(graph_alt(kit.load_case("tests/cases/hostile"), "plant_fire_dead"))  # doctest: +ELLIPSIS
    Citation graph for “plant fire dead”: 4 claims by 4 outlets, resting on 2 origin sources ...
    """
    if frame is None:
        frame = claims_frame(case, proposition)
    return _graph_alt(case, frame, proposition, upto)


def _graph_alt(case: Case, frame, proposition, upto) -> str:
    from kit.analysis.findings import circular

    shown = frame if upto is None else frame[frame["published"] <= pd.Timestamp(upto)]
    when = f" as of {date_words(upto)}" if upto is not None else ""
    if not len(shown):
        return f"Citation graph for {quoted_question(case, proposition)}{when}: no claim had been published yet."
    ids = set(shown.index)
    origins = sorted({o for t in shown["origins"] if isinstance(t, tuple) for o in t})
    kinds = case.sources.set_index("source_id")["kind"].to_dict()
    unchecked = [o for o in origins if kinds.get(o) in _UNCHECKABLE]
    cites = case.citations[case.citations["claim_id"].isin(ids)]
    by_rel = cites["relation"].value_counts()
    rel_words = ", ".join(
        f"{int(by_rel[r])} {r.replace('_', ' ')}"
        for r in ("relies_on", "corroborates", "disputes")
        if r in by_rel.index
    )
    parts = [
        f"Citation graph for {quoted_question(case, proposition)}{when}: {plural(len(shown), 'claim')} by "
        f"{plural(shown['outlet'].nunique(), 'outlet')}, resting on {plural(len(origins), 'origin source')}"
        + (f" ({len(unchecked)} anonymous or social media, which cannot be checked)" if unchecked else "")
    ]
    if origins:
        parts.append(f"origins: {_origin_names(case, origins)}")
    parts.append(f"{plural(len(cites), 'citation')}" + (f" ({rel_words})" if rel_words else ""))
    n_echo = int(shown["echo"].sum())
    if n_echo:
        parts.append(f"{plural(n_echo, 'claim shows', 'claims show')} echo (supports that share an origin)")
    loops = [lp for lp in circular(case) if set(lp) & ids]
    parts.append(f"{plural(len(loops), 'citation loop')}" if loops else "no citation loop")
    newest = shown.iloc[-1]
    fig = figure_words(newest["low"], newest["high"])
    parts.append(f"newest: {isolate_text(newest['outlet'])}, {when_words(newest)}" + (f", {fig}" if fig else ""))
    return "; ".join(parts) + "."


def share_tags(case, *, most: int = 200) -> str:
    """The page's ``<meta>`` tags for sharing: Open Graph (``og:type``, ``og:title``, ``og:description``), the
    Twitter card and ``description``, from the case's title and question (its summary where it has no question).

    There is no ``og:url`` nor ``og:image``: the case does not say where the page will be served, and both must be
    absolute addresses.

    Parameters
    ----------
    case : kit.Case
        Redacted already (:func:`kit.text.redact.redact`): the texts are those the page shows.
    most : int
        The description is cut at a word to at most this many characters (with "…").

    Returns
    -------
    str
        HTML, one tag a line, every text escaped for an attribute.

    Examples
    --------
    >>> from kit.testing import examples
    >>> print(share_tags(examples.diamond()))  # doctest: +ELLIPSIS
    <meta property="og:type" content="article">
    <meta property="og:title" content="Constructed example: a diamond of citations">
    ...
    """
    meta = case.meta
    words = next(
        (" ".join(str(meta[k]).split()) for k in ("question", "summary") if str(meta.get(k) or "").strip()), ""
    )
    if len(words) > most:
        words = words[:most].rsplit(" ", 1)[0] + "…"
    tags = [("property", "og:type", "article"), ("property", "og:title", case.title)]
    if words:
        tags += [("property", "og:description", words), ("name", "description", words)]
    tags += [("name", "twitter:card", "summary"), ("name", "twitter:title", case.title)]
    return "\n".join(f'<meta {k}="{n}" content="{escape(isolate_text(v))}">' for k, n, v in tags)
