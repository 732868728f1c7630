"""The text ``kit trace`` prints: a claim, its lineage as an indented tree, and its origins with their grades.

Examples
--------
>>> import kit
>>> print(trace_text(kit.load_case("data/deir-ez-zor"), "daily-beast-200-russian-fighters"))  # doctest: +ELLIPSIS
daily-beast-200-russian-fighters — The Daily Beast, ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.analysis.origins import origins
from kit.analysis.trace import lineage
from kit.cells import is_null, published_text
from kit.graph.citation import claim_context
from kit.schema import DEFAULT_FOLLOW, OWN_REPORTING
from kit.text.wording import figure_label

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["trace_text"]


def _quote(text, width=90) -> str:
    text = " ".join(str(text).split())
    return "“" + (text if len(text) <= width else text[: width - 1] + "…") + "”"


def _when(r) -> str:
    """The day of an exact date (``2018-02-12``); an uncertain one as the range it allows (``2018-02-12/2018-02-13``,
    ``2018-02``: the case format's own notation, :func:`kit.cells.published_text`)."""
    earliest, latest = r["published"], r.get("published_latest")
    if is_null(latest) or latest == earliest:
        return f"{earliest:%Y-%m-%d}"
    return published_text(earliest, latest)


def trace_text(case: Case, claim_id: str, *, follow=DEFAULT_FOLLOW) -> str:
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
    kit.analysis.trace.lineage : the tree as a table.

    Examples
    --------
    >>> import kit
    >>> print(trace_text(kit.load_case("data/deir-ez-zor"), "daily-beast-200-russian-fighters"))
    ... # doctest: +ELLIPSIS
    daily-beast-200-russian-fighters — The Daily Beast, 2018-02-13/2018-02-28 (asserted, figure 201+), ...
    """
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
