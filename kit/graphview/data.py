"""The explorable citation graph as plain data, ready for JSON: the one input of the renderer ``graphview.js``.

:func:`graph_data` gathers the part of the case a proposition's picture shows (its claims, everything they cite,
and the publishers that claims resting on their own reporting stand on), places it with
:func:`kit.graphview.positions.layout`, and describes every node and edge with the words a reader needs: the claim's
words, outlet, date, figure and grade; the source's name, kind and grade; each citation's relation, basis and line
style (:data:`kit.text.style.RELATION_STYLE`), and whether the analyses follow it. Each claim carries its origins
(:func:`kit.provenance`), so the renderer greys what falls with a discredited source without asking Python.

Examples
--------
>>> import kit
>>> from kit.graphview.data import graph_data
>>> d = graph_data(kit.load_case("data/deir-ez-zor"), "russians_killed_feb7")
>>> sorted(d)
['discredited', 'edges', 'height', 'lanes', 'left', 'legend', 'nodes', 'proposition', 'summary', 'ticks', 'title',
 'width']
>>> n = next(n for n in d["nodes"] if n["id"] == "reuters-two-killed")
>>> n["aria"], n["figure"]
('Reuters, 12 Feb 2018, at least 2', 'at least 2')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from kit.analysis.origins import provenance, without
from kit.analysis.selection import publication_key, shown_with
from kit.cells import is_missing
from kit.graph.citation import claim_context, followed_mask, own_reporting, require_proposition
from kit.graphview.positions import layout
from kit.schema import DEFAULT_FOLLOW, OWN_REPORTING
from kit.text.html import isolate_text
from kit.text.style import KIND_COLOURS, RELATION_STYLE, UNCHECKABLE, grade_words
from kit.text.wording import figure_label, figure_words, plural, quoted_question, when_words

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["graph_data", "layout_rows", "row_dicts", "scope"]

_GREY = "#bbbbbb"


def _text(v) -> str:
    return "" if is_missing(v) else " ".join(str(v).split())


def row_dicts(frame: pd.DataFrame, columns) -> dict:
    """The rows of ``frame`` as dicts of ``columns`` (those it has), keyed by its index: one lookup per row in a
    dict, not in pandas, and missing cells ``None`` as in :meth:`pandas.DataFrame.to_dict`.

    A column at a time (``ctx.loc`` per claim cost 0.4 s at 2,000 claims; ``to_dict`` reads a pyarrow string
    cell at a time, four times slower than this).

    Parameters
    ----------
    frame : pandas.DataFrame
        With a unique index.
    columns : iterable of str

    Returns
    -------
    dict of dict

    Examples
    --------
    >>> import pandas as pd
    >>> row_dicts(pd.DataFrame({"a": pd.array([1, None], dtype="Int64")}, index=["x", "y"]), ["a", "b"])
    {'x': {'a': 1}, 'y': {'a': None}}
    """
    cols = [c for c in columns if c in frame.columns]
    if not cols:
        return {k: {} for k in frame.index.tolist()}
    lists = [[None if v is pd.NA else v for v in frame[c].tolist()] for c in cols]
    rows = zip(*lists, strict=True)
    return {k: dict(zip(cols, v, strict=True)) for k, v in zip(frame.index.tolist(), rows, strict=True)}


def _rows(ctx: pd.DataFrame, claim_ids: list) -> dict:
    """The rows of ``ctx`` (indexed by claim id) that the graph reads, for ``claim_ids``."""
    return row_dicts(ctx.loc[claim_ids], _ROW_COLUMNS)


_ROW_COLUMNS = (
    "published", "published_latest", "source_id", "outlet", "low", "high", "credibility", "text", "certainty",
    "proposition",
)  # fmt: skip


def scope(case: Case, proposition=None) -> tuple[list, list]:
    """The claims and sources the picture of ``proposition`` shows (all of the case when ``None``).

    The proposition's claims, everything they cite (claims of other propositions and sources, disputes too), and
    the publisher of each claim shown that rests on its own reporting: :func:`kit.analysis.selection.shown_with`, in the
    tables' order.

    Parameters
    ----------
    case : kit.Case
    proposition : str, optional

    Returns
    -------
    (list of str, list of str)
        Claim ids in the claims table's order, source ids in the sources table's order.

    Raises
    ------
    kit.UnknownName
        (a KeyError) When no claim has that proposition.

    Examples
    --------
    >>> import kit
    >>> claims, sources = scope(kit.load_case("data/deir-ez-zor"), "russians_killed_feb7")
    >>> "bloomberg_two_russians" in sources, "december-mod-41-troops" in claims
    (True, False)
    """
    ids = case.claims["claim_id"].astype(str).tolist()
    if proposition is not None:
        require_proposition(case, proposition)
    keep = shown_with(case, proposition)
    source_ids = case.sources["source_id"].astype(str).tolist()
    return [c for c in ids if c in keep], [s for s in source_ids if s in keep]


def layout_rows(case: Case, proposition=None, *, follow=DEFAULT_FOLLOW) -> tuple[list, list, list]:
    """The inputs of :func:`kit.graphview.positions.layout` for the picture of ``proposition``, and its edges.

    One rule for every picture of the citation graph: the explorable graph (:func:`graph_data`) and the static
    one (:func:`kit.show.story_layout`) place what these rows describe.

    Parameters
    ----------
    case : kit.Case
    proposition : str, optional
        The story; every claim of the case when ``None``.
    follow : iterable of str
        The citation bases the analyses follow.

    Returns
    -------
    (list of dict, list of dict, list of dict)
        The claims (``id``, ``time``, ``latest``, ``lane``, ``label``, ``day``) in the claims table's order, the
        sources (``id``, ``label``, ``near``) and the edges (``from``, ``to``, ``relation``, ``basis``, ``style``,
        ``colour``, ``followed``).

    Raises
    ------
    kit.UnknownName
        For an unknown proposition.

    Examples
    --------
    >>> import kit
    >>> claims, sources, edges = layout_rows(kit.load_case("data/deir-ez-zor"), "russians_killed_feb7")
    >>> next(c["label"] for c in claims if c["id"] == "reuters-two-killed")
    '2+'
    """
    return _layout_rows(case, proposition, follow)[:3]


def _layout_rows(case: Case, proposition, follow) -> tuple:
    """:func:`layout_rows`, then the claims' ids, the sources', and the rows of :func:`claim_context` per claim id
    (for :func:`graph_data`, which needs them too)."""
    claim_ids, source_ids = scope(case, proposition)
    ctx = claim_context(case).set_index("claim_id")
    src = case.sources.set_index("source_id")
    own = own_reporting(case, follow)
    shown = set(claim_ids) | set(source_ids)

    cit = case.citations
    mask = followed_mask(cit, follow)
    basis = cit["basis"] if "basis" in cit.columns else pd.Series([None] * len(cit), index=cit.index)
    edges = []
    for a, b, rel, bs, fol in zip(
        cit["claim_id"].astype(str).tolist(),
        cit["cites"].astype(str).tolist(),
        cit["relation"].astype(str).tolist(),
        basis.tolist(),
        mask.tolist(),
        strict=False,
    ):
        if a in shown and b in shown:
            style, colour = RELATION_STYLE.get(rel, ("solid", "#444444"))
            edges.append(
                {
                    "from": a,
                    "to": b,
                    "relation": rel,
                    "basis": _text(bs).lower() or "stated",
                    "style": style,
                    "colour": colour,
                    "followed": bool(fol),
                }
            )
    rows = _rows(ctx, claim_ids)
    own_of = {c: bool(v) for c, v in zip(own.index.tolist(), own.tolist(), strict=True)}
    style, colour = RELATION_STYLE[OWN_REPORTING]
    for c in claim_ids:
        if own_of[c]:
            edges.append(
                {
                    "from": c,
                    "to": str(rows[c]["source_id"]),
                    "relation": OWN_REPORTING,
                    "basis": "",
                    "style": style,
                    "colour": colour,
                    "followed": True,
                }
            )
    near: dict = {}
    source_set = set(src.index.tolist())
    for e in edges:
        if e["to"] in source_set:
            near.setdefault(e["to"], []).append(e["from"])

    claim_rows = []
    for c in claim_ids:
        r = rows[c]
        outlet = _text(r["outlet"])
        claim_rows.append(
            {
                "id": c,
                "time": pd.Timestamp(r["published"]),
                "latest": r.get("published_latest"),
                "lane": outlet or str(r["source_id"]),
                "label": figure_label(r["low"], r["high"]) or "no figure",
                "day": when_words(r),
            }
        )
    source_rows = [{"id": s, "label": _text(src.at[s, "name"]) or s, "near": near.get(s, [])} for s in source_ids]
    return claim_rows, source_rows, edges, claim_ids, source_ids, rows


def graph_data(case: Case, proposition=None, *, discredited=(), follow=DEFAULT_FOLLOW) -> dict:
    """The graph of ``proposition`` (or of the whole case) as JSON-ready data for ``graphview.js``.

    Parameters
    ----------
    case : kit.Case
        Shown as given: redact it first (:func:`kit.text.redact.redact`) for anything published.
    proposition : str, optional
        The story to show; every claim of the case when ``None``.
    discredited : iterable of str
        Source ids to show discredited; they and the claims that fall with them (:func:`fallen`) are greyed.
    follow : iterable of str
        The citation bases the analyses follow (``("stated", "inferred")`` by default).

    Returns
    -------
    dict
        ``nodes`` (claims by publication, then sources: ``id``, ``kind`` ``"claim"`` or ``"source"``, ``label``,
        ``aria``, ``words``, ``outlet``, ``date``, ``figure``, ``grade``, ``x``, ``y``, ``colour``, ``box`` (the
        label's ``[x, y, w, h]``), for claims ``origins`` and ``fallen``, for sources ``uncheckable`` and
        ``discredited``), ``edges`` (``from``, ``to``, ``relation``, ``basis``, ``style``, ``colour``,
        ``followed``), ``lanes``, ``ticks``, ``legend``, ``discredited``, ``title``, ``proposition``, ``summary``
        and the drawing's ``left``, ``width`` and ``height``.

    Raises
    ------
    kit.UnknownName
        For an unknown proposition or discredited source.

    Examples
    --------
    >>> import kit
    >>> d = graph_data(kit.load_case("data/deir-ez-zor"), "russians_killed_feb7", discredited=["cit"])
    >>> sorted(n["id"] for n in d["nodes"] if n.get("fallen"))
    ['afp-cit-three-more']
    >>> {e["relation"] for e in d["edges"]} >= {"relies_on", "disputes", "own reporting"}
    True
    """
    claim_rows, source_rows, edges, claim_ids, source_ids, rows = _layout_rows(case, proposition, follow)
    src = case.sources.set_index("source_id")
    origins_of = provenance(case, follow=follow)["origins"]
    prov = dict(zip(origins_of.index.tolist(), origins_of.tolist(), strict=True))  # not a pandas lookup per claim
    gone = set(without(case, *discredited, follow=follow))
    discredited = list(dict.fromkeys(str(s) for s in discredited))
    kind_of = src["kind"].astype(str).to_dict()
    lay = layout(claim_rows, source_rows)

    nodes = []
    for row in sorted(claim_rows, key=lambda c: publication_key(c["time"], c["latest"], c["id"])):
        c = row["id"]
        r = rows[c]
        fig = figure_words(r["low"], r["high"])
        cred = r.get("credibility")
        grade = (
            "not graded" if cred is None or is_missing(cred) else f"credibility {int(cred)}: {grade_words(int(cred))}"
        )
        kind = kind_of.get(str(r["source_id"]), "")
        # a range as drawn (80–100): a control's name holds the words it shows (WCAG 2.5.3, label in name)
        said = row["label"] if "–" in row["label"] else fig or "no figure"
        nodes.append(
            _node(
                lay,
                c,
                "claim",
                aria=f"{isolate_text(row['lane'])}, {row['day']}, {said}",
                words=isolate_text(_text(r["text"])),
                outlet=isolate_text(row["lane"]),
                date=row["day"],
                figure=fig,
                certainty=_text(r["certainty"]),
                grade=grade,
                proposition=_text(r["proposition"]),
                colour=_GREY if c in gone else KIND_COLOURS.get(kind, "#cccccc"),
                source_kind=kind,
                origins=list(prov.get(c, ())),
                fallen=c in gone,
            )
        )
    for s in source_ids:
        g = src.at[s, "reliability"] if "reliability" in src.columns else None
        g = "F" if is_missing(g) else str(g).strip().upper()
        name = isolate_text(_text(src.at[s, "name"])) or s
        kind = kind_of.get(s, "")
        nodes.append(
            _node(
                lay,
                s,
                "source",
                aria=f"{name}, grade {g}: {grade_words(g)}",
                words="",
                outlet=name,
                date="",
                figure="",
                certainty="",
                grade=f"grade {g}: {grade_words(g)}",
                proposition="",
                colour=_GREY if s in discredited else KIND_COLOURS.get(kind, "#cccccc"),
                source_kind=kind,
                uncheckable=kind in UNCHECKABLE,
                discredited=s in discredited,
            )
        )
    _distinct_names(nodes)
    kinds = sorted({n["source_kind"] for n in nodes} - {""})
    relations = [r for r in RELATION_STYLE if any(e["relation"] == r for e in edges)]
    outlets = len(lay["lanes"])
    title = isolate_text(_text(case.meta.get("title"))) if isinstance(case.meta, dict) else ""
    summary = (
        f"Citation graph{' of ' + quoted_question(case, proposition) if proposition else ''}: "
        f"{plural(len(claim_ids), 'claim')} "
        f"by {plural(outlets, 'outlet')}, left to right in time, and {plural(len(source_ids), 'source')}."
    )
    return {
        "title": title,
        "proposition": proposition or "",
        "summary": summary,
        "nodes": nodes,
        "edges": edges,
        "lanes": lay["lanes"],
        "ticks": lay["ticks"],
        "left": lay["left"],
        "width": lay["width"],
        "height": lay["height"],
        "discredited": discredited,
        "legend": {
            "kinds": [{"kind": k, "colour": KIND_COLOURS.get(k, "#cccccc")} for k in kinds],
            "relations": [
                {"relation": r, "style": RELATION_STYLE[r][0], "colour": RELATION_STYLE[r][1]} for r in relations
            ],
            "uncheckable": any(n.get("uncheckable") for n in nodes),
        },
    }


def _distinct_names(nodes) -> None:
    """Give two claims with the same accessible name (same outlet, day and figure) their first words too, and any
    name still shared a number: a screen reader's list of nodes must tell them apart (WCAG 2.4.6)."""
    seen: dict = {}
    for n in nodes:
        seen.setdefault(n["aria"], []).append(n)
    for same in seen.values():
        if len(same) < 2:
            continue
        for n in same:
            words = n["words"].split()
            if words:
                n["aria"] += f": “{' '.join(words[:6])}{'…' if len(words) > 6 else ''}”"
        again: dict = {}
        for n in same:
            again.setdefault(n["aria"], []).append(n)
        for group in again.values():
            if len(group) > 1:
                for k, n in enumerate(group, start=1):
                    n["aria"] += f" ({k} of {len(group)})"


def _node(lay, key, kind, **fields) -> dict:
    x, y = lay["nodes"][key]
    b = lay["labels"][key]
    return {
        "id": key,
        "kind": kind,
        "label": b["text"],
        "x": round(x, 1),
        "y": round(y, 1),
        "box": [round(b["x"], 1), round(b["y"], 1), round(b["w"], 1), round(b["h"], 1)],
        **fields,
    }
