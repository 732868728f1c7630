"""Feedback loops between outlets: reporting that comes back to an outlet through other outlets' claims.

:func:`kit.circular` finds claims that cite each other in a circle. A feedback loop told in time has no such circle:
the media's rumour reaches a community, whose hearsay the media then report as confirmed, each step a later claim.
Its circle is among the outlets, and :func:`outlet_loops` finds it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import networkx as nx
import pandas as pd

from kit.graph.citation import claim_context, followed_citations
from kit.schema import DEFAULT_FOLLOW

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["outlet_loops"]

_COLUMNS = ["loop", "claim_id", "cites", "outlet", "cited_outlet", "relation", "basis"]


def outlet_loops(case: Case, *, follow: Iterable[str] = DEFAULT_FOLLOW) -> pd.DataFrame:
    """The citations that close a loop between outlets: an outlet's claim rests, through other outlets' claims, on
    a claim of its own.

    Each followed supporting citation from a claim to a claim of another publisher is an edge between the two
    publishers; a strongly connected set of two or more publishers is a loop, and its citations are those whose two
    publishers both belong to it. A citation of a source (a person quoted directly) is no step between outlets.

    Parameters
    ----------
    case : kit.Case
    follow : iterable of str, default ("stated", "inferred")
        The citation bases to follow: ``("stated",)`` finds the loops the reports themselves declare.

    Returns
    -------
    pandas.DataFrame
        One row per citation of a loop, with columns ``loop`` (0, 1, …: loops ordered by their earliest claim),
        ``claim_id``, ``cites``, ``outlet`` and ``cited_outlet`` (the two claims' publishers, source ids),
        ``relation`` and ``basis``; rows in the citations table's order within each loop. Empty when there is none.

    See Also
    --------
    kit.circular : loops of claims.
    kit.outlet_graph : every citation between outlets, whatever its basis.

    Examples
    --------
    >>> import kit
    >>> case = kit.load_case("data/deir-ez-zor")
    >>> loops = outlet_loops(case)
    >>> sorted(set(loops["outlet"]))
    ['local_russian_communities', 'other_media']
    >>> loops[["claim_id", "cites", "basis"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['communities-heard-dozens', 'other-media-several-killed', 'inferred'],
     ['media-confirmed-facebook', 'communities-heard-dozens', 'stated'],
     ['media-confirmed-coalition', 'communities-heard-dozens', 'inferred']]
    >>> len(outlet_loops(case, follow=("stated",)))  # the link that closes it is a reading of the article
    0
    """
    ctx = claim_context(case).drop_duplicates("claim_id").set_index("claim_id")
    sup = followed_citations(case, follow)
    sup = sup[sup["cites"].isin(ctx.index)]
    out = pd.DataFrame(
        {
            "claim_id": sup["claim_id"].to_numpy(dtype=object),
            "cites": sup["cites"].to_numpy(dtype=object),
            "outlet": ctx["source_id"].reindex(sup["claim_id"]).to_numpy(dtype=object),
            "cited_outlet": ctx["source_id"].reindex(sup["cites"]).to_numpy(dtype=object),
            "relation": sup["relation"].to_numpy(dtype=object),
            "basis": sup["basis"].fillna("stated").replace("", "stated").to_numpy(dtype=object)
            if "basis" in sup.columns
            else "stated",
        }
    )
    out = out[out["outlet"] != out["cited_outlet"]].reset_index(drop=True)
    g = nx.DiGraph(list(zip(out["outlet"], out["cited_outlet"], strict=True)))
    sets = [s for s in nx.strongly_connected_components(g) if len(s) > 1]
    first = ctx["published"]
    rows = []
    for s in sets:
        inside = out[out["outlet"].isin(s) & out["cited_outlet"].isin(s)]
        start = min(min(first[inside["claim_id"]]), min(first[inside["cites"]]))
        rows.append((start, sorted(s), inside))
    rows.sort(key=lambda r: (r[0], r[1]))
    parts = [inside.assign(loop=i) for i, (_, _, inside) in enumerate(rows)]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "loop" else object) for c in _COLUMNS})
    return pd.concat(parts, ignore_index=True)[_COLUMNS]
