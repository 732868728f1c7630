"""A claim's lineage: the tree of hops from a claim down to its origins, and the text ``kit trace`` prints.

One iterative walker (:func:`lineage`) serves the command line (:func:`trace_text`), the tracer widget and the
lineage picture, so chains of any length are traced without recursion, and the three never disagree on what a
*repeat* (a claim reached again by another path: shown once, then referred to) and a *loop* (a claim met again on
its own path: what :func:`kit.circular` finds) are.

Examples
--------
>>> import kit
>>> from kit.trace import lineage
>>> t = lineage(kit.load_case("data/deir-ez-zor"), "daily-beast-200-russian-fighters")
>>> t[["depth", "item", "relation"]].values.tolist()  # doctest: +ELLIPSIS
[[0, 'daily-beast-200-russian-fighters', ''], [1, 'bloomberg-more-than-200', 'relies_on'], ...]
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from kit.graph import claim_context, unknown_claim
from kit.schema import DEFAULT_FOLLOW, SUPPORTING
from kit.style import DRIFT_FLAGS, OWN_REPORTING
from kit.wording import figure_label

__all__ = ["lineage", "tree_rows", "trace_text"]

_COLUMNS = [
    "depth",
    "parent",
    "item",
    "item_type",
    "relation",
    "basis",
    "evidence",
    "followed",
    "loop",
    "repeat",
    "parent_row",
    *DRIFT_FLAGS,
]


def _text(v) -> str:
    return "" if v is None or v is pd.NA or (isinstance(v, float) and v != v) else str(v)


def _citations_by_claim(case) -> dict:
    """citing claim -> list of (cited, relation, basis, evidence), in table order (one pass: zip over lists)."""
    cit = case.citations
    n = len(cit)
    basis = cit["basis"].tolist() if "basis" in cit.columns else ["stated"] * n
    evidence = cit["evidence"].tolist() if "evidence" in cit.columns else [""] * n
    out: dict = {}
    for citing, cited, relation, b, e in zip(
        cit["claim_id"].tolist(), cit["cites"].tolist(), cit["relation"].tolist(), basis, evidence, strict=False
    ):
        out.setdefault(citing, []).append((cited, relation, _text(b).strip().lower() or "stated", _text(e)))
    return out


def lineage(case, claim_id: str, *, follow=DEFAULT_FOLLOW, drift_flags: bool = True) -> pd.DataFrame:
    """A claim's lineage as a tree, one row per hop, depth first, down to the origins.

    Each row is one hop from ``parent`` to ``item`` at ``depth`` (the claim itself is row 0, depth 0): its
    ``relation`` (``relies_on``, ``corroborates``, ``disputes``, or ``own reporting`` for a claim resting on its
    publisher), the citation's ``basis`` and ``evidence``, whether ``item`` is a ``claim`` or a ``source``,
    ``parent_row`` (the row of the hop's parent, -1 for row 0) and the drift flags of the hop.

    Supporting hops whose basis is in ``follow`` are followed (``followed``); a ``disputes`` hop, or a supporting
    hop of a basis not followed, is shown but not followed. A claim met again on its own path is marked ``loop``
    (the citations go in a circle, as :func:`kit.circular` reports) and not followed again. A claim reached again
    by another path is marked ``repeat`` and not expanded a second time (its subtree is shown where it first
    appears), so the tree stays as small as the set of claims the claim rests on.

    The walk is iterative: a chain of any length is traced without recursion.

    Parameters
    ----------
    case : kit.Case
    claim_id : str
        The claim to trace.
    follow : iterable of str, default ("stated", "inferred")
        The citation bases to follow.
    drift_flags : bool, default True
        Compute the drift flags of each hop (:func:`kit.drift`); False leaves them all False (faster).

    Returns
    -------
    pandas.DataFrame
        Columns ``depth``, ``parent``, ``item``, ``item_type``, ``relation``, ``basis``, ``evidence``, ``followed``,
        ``loop``, ``repeat``, ``parent_row`` and the drift flags.

    Raises
    ------
    kit.UnknownName
        When the case has no claim ``claim_id``.

    See Also
    --------
    trace_text : the same tree as text.
    kit.origins : the origins at the leaves, with their shortest distance.

    Examples
    --------
    >>> import kit
    >>> t = lineage(kit.load_case("data/deir-ez-zor"), "daily-beast-200-russian-fighters")
    >>> bool(t.loc[1, "inflated"]), t.loc[1, "relation"]
    (False, 'relies_on')
    """
    from kit.graph import check_follow

    follow = check_follow(follow)
    ctx = claim_context(case).set_index("claim_id")
    if claim_id not in ctx.index:
        raise unknown_claim(case, claim_id)
    cites = _citations_by_claim(case)
    publisher = ctx["source_id"]
    no_flags = (False,) * len(DRIFT_FLAGS)
    flag_rows: dict = {}
    seen_props: set = set()

    def hop_flags(a, b):
        if not drift_flags:
            return no_flags
        p = ctx.at[a, "proposition"]
        if p not in seen_props:
            from kit.analyses import drift

            seen_props.add(p)
            for r in drift(case, p, follow=follow).to_dict("records"):
                flag_rows[(r["claim_id"], r["cites"])] = tuple(bool(r.get(f, False)) for f in DRIFT_FLAGS)
        return flag_rows.get((a, b), no_flags)

    rows = [(0, None, claim_id, "claim", "", "", "", True, False, False, -1, *no_flags)]
    expanded = {claim_id}
    on_path = {claim_id}
    # the stack holds (claim, its row, depth, iterator over the hops still to emit); a claim leaves the path when
    # its iterator is exhausted, exactly as a recursive walk would return
    stack: list[tuple[str, int, int, Iterator | None]] = [(claim_id, 0, 0, None)]
    while stack:
        claim, row, depth, hops = stack[-1]
        if hops is None:
            mine = cites.get(claim, [])
            todo = list(mine)
            if not any(rel in SUPPORTING and b in follow for _, rel, b, _ in mine):
                todo.insert(0, (publisher.at[claim], OWN_REPORTING, "", ""))
            hops = iter(todo)
            stack[-1] = (claim, row, depth, hops)
        step = next(hops, None)
        if step is None:
            stack.pop()
            on_path.discard(claim)
            continue
        item, relation, basis, evidence = step
        if relation == OWN_REPORTING:
            rows.append((depth + 1, claim, item, "source", relation, "", "", True, False, False, row, *no_flags))
            continue
        is_claim = item in ctx.index
        followed = relation in SUPPORTING and basis in follow
        looped = is_claim and followed and item in on_path
        repeat = is_claim and followed and not looped and item in expanded
        flags = hop_flags(claim, item) if is_claim else no_flags
        rows.append(
            (
                depth + 1,
                claim,
                item,
                "claim" if is_claim else "source",
                relation,
                basis,
                evidence,
                followed,
                looped,
                repeat,
                row,
                *flags,
            )
        )
        if is_claim and followed and not looped and not repeat:
            expanded.add(item)
            on_path.add(item)
            stack.append((item, len(rows) - 1, depth + 1, None))
    out = pd.DataFrame(rows, columns=_COLUMNS)
    return out.astype(
        {
            "depth": "int64",
            "parent_row": "int64",
            "followed": bool,
            "loop": bool,
            "repeat": bool,
            **dict.fromkeys(DRIFT_FLAGS, bool),
        }
    )


def tree_rows(tree: pd.DataFrame) -> list[float]:
    """The vertical position of each row of a :func:`lineage` tree: one row per leaf, a parent at its children's mean.

    Iterative (children always come after their parent in the depth-first order), so any depth is fine.

    Parameters
    ----------
    tree : pandas.DataFrame
        A :func:`lineage` tree.

    Returns
    -------
    list of float
        ``y`` per row: 0 for the first leaf, -1 for the next, and so on.

    Examples
    --------
    >>> import pandas as pd
    >>> tree_rows(pd.DataFrame({"parent_row": [-1, 0, 0]}))
    [-0.5, 0.0, -1.0]
    """
    parents = tree["parent_row"].tolist()
    kids: dict = {}
    for i, p in enumerate(parents):
        if p >= 0:
            kids.setdefault(p, []).append(i)
    y = [0.0] * len(parents)
    leaf = 0
    for i in range(len(parents)):  # leaves in depth-first order
        if i not in kids:
            y[i] = float(-leaf)
            leaf += 1
    for i in range(len(parents) - 1, -1, -1):  # parents after all their descendants, bottom-up
        if i in kids:
            y[i] = sum(y[j] for j in kids[i]) / len(kids[i])
    return y


def _quote(text, width=90) -> str:
    text = " ".join(str(text).split())
    return "“" + (text if len(text) <= width else text[: width - 1] + "…") + "”"


def _when(r) -> str:
    """The day of an exact date (``2018-02-12``); an uncertain one as the range it allows (``2018-02-12/2018-02-13``,
    ``2018-02``: the case format's own notation, :func:`kit.checking.dates.published_text`)."""
    earliest, latest = r["published"], r.get("published_latest")
    if latest is None or pd.isna(latest) or latest == earliest:
        return f"{earliest:%Y-%m-%d}"
    from kit.checking.dates import published_text

    return published_text(earliest, latest)


def trace_text(case, claim_id: str, *, follow=DEFAULT_FOLLOW) -> str:
    """The claim, its citations as an indented tree, and its origins with their grades (what ``kit trace`` prints).

    A claim reached again by another path says ``(already shown above)``; ``(loop: ...)`` is kept for a claim met
    again on its own path, which is a loop :func:`kit.circular` finds.

    Parameters
    ----------
    case : kit.Case
    claim_id : str
        The claim to trace.
    follow : iterable of str, default ("stated", "inferred")
        The citation bases to follow.

    Returns
    -------
    str

    Raises
    ------
    kit.UnknownName
        When the case has no claim ``claim_id``.

    See Also
    --------
    lineage : the tree as a table.

    Examples
    --------
    >>> import kit
    >>> print(trace_text(kit.load_case("data/deir-ez-zor"), "daily-beast-200-russian-fighters"))
    ... # doctest: +ELLIPSIS
    daily-beast-200-russian-fighters — The Daily Beast, 2018-02-13/2018-02-28 (asserted, figure 201+), ...
    """
    from kit.provenance import origins

    tree = lineage(case, claim_id, follow=follow, drift_flags=False)
    found = origins(case, claim_id, follow=follow)
    ctx = claim_context(case).set_index("claim_id")
    src = case.sources.set_index("source_id")

    def claim_label(k):
        r = ctx.loc[k]
        fig = figure_label(r["low"], r["high"])
        return f"{k} — {r['outlet']}, {_when(r)} ({r['certainty']}{', figure ' + fig if fig else ''})"

    def source_label(s):
        r = src.loc[s]
        return f"{s} [source: {r['name']}, {r['kind']}, reliability {r['reliability']}]"

    r = ctx.loc[claim_id]
    lines = [f"{claim_label(claim_id)}, credibility {r['credibility']}", f"  {_quote(r['text'])}", "", "Rests on:"]
    parents = tree["parent_row"].tolist()
    last_child = {p: i for i, p in enumerate(parents) if p >= 0}  # the last row under each parent
    prefix = {0: "  "}
    for i in range(1, len(tree)):
        hop = tree.iloc[i]
        p = parents[i]
        last = last_child[p] == i
        branch, cont = ("└─ ", "   ") if last else ("├─ ", "│  ")
        prefix[i] = prefix[p] + cont
        relation = hop["relation"]
        if relation == OWN_REPORTING:
            lines.append(f"{prefix[p]}{branch}own reporting by {source_label(hop['item'])}")
            continue
        if hop["loop"]:
            tail = " (loop: the citations go in a circle back to this claim)"
        elif hop["repeat"]:
            tail = " (already shown above)"
        elif relation == "disputes" or not hop["followed"]:
            tail = " (not followed)" if relation == "disputes" else f" (basis {hop['basis']}: not followed)"
        else:
            tail = ""
        basis = f" [{hop['basis']}]" if hop["basis"] not in ("", "stated") else ""
        label = claim_label(hop["item"]) if hop["item_type"] == "claim" else source_label(hop["item"])
        lines.append(f"{prefix[p]}{branch}{relation}{basis} {label}{tail}")
    lines.append("")
    n = len(found)
    lines.append(
        f"Origins ({n} independent origin{'s' if n != 1 else ''}):"
        if n
        else "Origins: none — this claim rests only on a loop of claims citing each other"
    )
    for row in found.itertuples(index=False):
        lines.append(
            f"  {row.source_id:<20} {row.name} ({row.kind}), reliability {row.reliability}, "
            f"{row.hops} hop{'s' if row.hops != 1 else ''}"
        )
    return "\n".join(lines)
