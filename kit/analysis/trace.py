"""A claim's lineage: the tree of hops from a claim down to its origins.

One iterative walker (:func:`lineage`) serves the command line (:func:`kit.text.trace_text.trace_text`), the tracer
widget and the
lineage picture, so chains of any length are traced without recursion, and the three never disagree on what a
*repeat* (a claim reached again by another path: shown once, then referred to) and a *loop* (a claim met again on
its own path: what :func:`kit.circular` finds) are.

Examples
--------
>>> import kit
>>> from kit.analysis.trace import lineage
>>> t = lineage(kit.load_case("data/deir-ez-zor"), "daily-beast-200-russian-fighters")
>>> t[["depth", "item", "relation"]].values.tolist()  # doctest: +ELLIPSIS
[[0, 'daily-beast-200-russian-fighters', ''], [1, 'bloomberg-more-than-200', 'relies_on'], ...]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import pandas as pd

from kit.cells import is_missing
from kit.graph.citation import check_follow, citation_bases, claim_context, followed_mask, own_reporting, unknown_claim
from kit.schema import DEFAULT_FOLLOW, DRIFT_FLAGS, OWN_REPORTING

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["lineage", "tree_rows"]

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


def _citations_by_claim(case: Case, follow: Iterable[str]) -> dict[str, list[tuple[str, str, str, str, bool]]]:
    """citing claim -> list of (cited, relation, basis, evidence, followed), in table order: the bases and what is
    followed by the graph layer's one rule (:func:`kit.graph.citation.followed_mask`)."""
    cit = case.citations
    n = len(cit)
    evidence = cit["evidence"].tolist() if "evidence" in cit.columns else [""] * n
    out: dict = {}
    for citing, cited, relation, b, e, f in zip(
        cit["claim_id"].tolist(),
        cit["cites"].tolist(),
        cit["relation"].tolist(),
        citation_bases(cit).tolist(),
        evidence,
        followed_mask(cit, follow).tolist(),
        strict=True,
    ):
        out.setdefault(citing, []).append((cited, relation, b, "" if is_missing(e) else str(e), f))
    return out


def lineage(
    case: Case, claim_id: str, *, follow: Iterable[str] = DEFAULT_FOLLOW, drift_flags: bool = True
) -> pd.DataFrame:
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
    kit.text.trace_text.trace_text : the same tree as text.
    kit.origins : the origins at the leaves, with their shortest distance.

    Examples
    --------
    >>> import kit
    >>> t = lineage(kit.load_case("data/deir-ez-zor"), "daily-beast-200-russian-fighters")
    >>> bool(t.loc[1, "inflated"]), t.loc[1, "relation"]
    (False, 'relies_on')
    """
    follow = check_follow(follow)
    ctx = claim_context(case).set_index("claim_id")
    if claim_id not in ctx.index:
        raise unknown_claim(case, claim_id)
    cites = _citations_by_claim(case, follow)
    own = own_reporting(case, follow)
    publisher = ctx["source_id"]
    no_flags = (False,) * len(DRIFT_FLAGS)
    flag_rows: dict = {}
    seen_props: set = set()

    def hop_flags(a: str, b: str) -> tuple[bool, ...]:
        if not drift_flags:
            return no_flags
        p = ctx.at[a, "proposition"]
        if p not in seen_props:
            from kit.analysis.findings import drift

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
            todo = list(cites.get(claim, []))
            if own.at[claim]:
                todo.insert(0, (publisher.at[claim], OWN_REPORTING, "", "", True))
            hops = iter(todo)
            stack[-1] = (claim, row, depth, hops)
        step = next(hops, None)
        if step is None:
            stack.pop()
            on_path.discard(claim)
            continue
        item, relation, basis, evidence, followed = step
        if relation == OWN_REPORTING:
            rows.append((depth + 1, claim, item, "source", relation, "", "", True, False, False, row, *no_flags))
            continue
        is_claim = item in ctx.index
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
