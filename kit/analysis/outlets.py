"""Outlets, not claims: who cites whom, who only repeats, who brings an origin (what notebook 05 shows).

Three tables built on :func:`kit.outlet_graph`, named for people (outlet names, not ids), with no plotting:

- :func:`outlet_edges`: every edge of the outlet graph, heaviest first, with its citations counted by relation;
- :func:`outlet_roles`: per outlet that published claims, its claims, citations made and received, the origins it
  brings first-hand, and whether it only repeats;
- :func:`outlet_reach`: per outlet, the distinct origins its claims finally rest on, and how many it brought itself.

Examples
--------
>>> import kit
>>> from kit.analysis.outlets import outlet_roles
>>> outlet_roles(kit.load_case("tests/cases/own_reporting"))["role"].to_dict()
{'Paper A': 'brings an origin', 'Channel B': 'brings an origin', 'Digest': 'only repeats'}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from kit.analysis.origins import provenance
from kit.graph.citation import claim_context, followed_citations, outlet_graph, own_reporting
from kit.schema import DEFAULT_FOLLOW

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["outlet_edges", "outlet_roles", "outlet_reach", "first_hand_origins"]


def _names(case: Case) -> pd.Series:
    return case.sources.set_index("source_id")["name"].astype(str)


def _publishers(case: Case) -> list:
    """The outlets that published claims, in the order of their first claim in the claims table."""
    return list(dict.fromkeys(claim_context(case)["source_id"]))


def outlet_edges(case: Case) -> pd.DataFrame:
    """Every edge of :func:`kit.outlet_graph`, heaviest first: who cites whom, how often, by which relation.

    Parameters
    ----------
    case : kit.Case

    Returns
    -------
    pandas.DataFrame
        Columns ``cites`` and ``cited`` (outlet names), ``weight`` (citations) and ``relations`` (in words, e.g.
        ``"relies on 1, disputes 1"``), sorted by weight, then names.

    See Also
    --------
    kit.outlet_graph : the graph itself, by source id.

    Examples
    --------
    >>> import kit
    >>> outlet_edges(kit.load_case("tests/cases/own_reporting")).values.tolist()
    [['Digest', 'Paper A', 3, 'corroborates 1, relies on 2'], ['Digest', 'Channel B', 1, 'corroborates 1']]
    """
    names = _names(case)
    rows = []
    for u, v, d in outlet_graph(case).edges(data=True):
        words = ", ".join(f"{rel.replace('_', ' ')} {n}" for rel, n in sorted(d["relations"].items()))
        rows.append((str(names.get(u, u)), str(names.get(v, v)), int(d["weight"]), words))
    out = pd.DataFrame(rows, columns=["cites", "cited", "weight", "relations"])
    return out.sort_values(["weight", "cites", "cited"], ascending=[False, True, True], kind="stable").reset_index(
        drop=True
    )


def first_hand_origins(case: Case, follow: Iterable[str] = DEFAULT_FOLLOW) -> pd.DataFrame:
    """The origins each outlet brings itself: sources its claims quote directly, or the outlet for its own reporting.

    Parameters
    ----------
    case : kit.Case
    follow : iterable of str, default ("stated", "inferred")
        The citation bases to follow (:func:`kit.graph.citation.followed_citations`,
        :func:`kit.graph.citation.own_reporting`).

    Returns
    -------
    pandas.DataFrame
        Columns ``source_id`` (the outlet) and ``origin`` (a source id), one row per distinct pair, sorted.

    Examples
    --------
    >>> import kit
    >>> first_hand_origins(kit.load_case("tests/cases/echo")).values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['aggregator', 'anon'], ['outlet1', 'anon'], ['outlet1', 'expert1'], ['outlet2', 'anon'],
     ['outlet2', 'outlet2']]
    """
    claims = claim_context(case)
    support = followed_citations(case, follow)
    quoted = support[support["cites"].isin(case.sources["source_id"])].merge(claims[["claim_id", "source_id"]])
    own = own_reporting(case, follow)
    mine = claims[claims["claim_id"].map(own).fillna(False).astype(bool).to_numpy()]
    pairs = pd.concat(
        [
            quoted[["source_id", "cites"]].rename(columns={"cites": "origin"}),
            mine[["source_id"]].assign(origin=mine["source_id"]),
        ]
    )
    return pairs.drop_duplicates().sort_values(["source_id", "origin"]).reset_index(drop=True).astype(str)


def outlet_roles(case: Case, follow: Iterable[str] = DEFAULT_FOLLOW) -> pd.DataFrame:
    """For each outlet that published claims: who only repeats, who brings an origin.

    Parameters
    ----------
    case : kit.Case
    follow : iterable of str, default ("stated", "inferred")
        The citation bases to follow when finding what an outlet brings first-hand.

    Returns
    -------
    pandas.DataFrame
        Indexed by outlet name (``outlet``), in the order outlets first appear in the claims table: ``claims``
        (how many it published), ``cites`` and ``cited_by`` (citations of and by other outlets, any relation),
        ``origins_brought`` (the names of the origins it brings first-hand, in alphabetical order, ``""`` for none) and
        ``role`` (``"brings an origin"`` or ``"only repeats"``).

    See Also
    --------
    first_hand_origins : the origins brought, by id.

    Examples
    --------
    >>> import kit
    >>> roles = outlet_roles(kit.load_case("tests/cases/echo"))
    >>> int(roles.at["Outlet One", "claims"]), roles.at["Outlet One", "origins_brought"]
    (3, 'Dr. Expert, Official (unnamed)')
    """
    names = _names(case)
    claims = claim_context(case)
    graph = outlet_graph(case)
    brought = first_hand_origins(case, follow)
    publishers = _publishers(case)
    roles = pd.DataFrame(
        {
            "claims": claims.groupby("source_id").size(),
            "cites": pd.Series(dict(graph.out_degree(weight="weight")), dtype="int64"),
            "cited_by": pd.Series(dict(graph.in_degree(weight="weight")), dtype="int64"),
            "origins_brought": brought.assign(origin=brought["origin"].map(names))
            .groupby("source_id")["origin"]
            .agg(lambda o: ", ".join(sorted(o, key=str.lower))),
        }
    ).reindex(publishers)
    roles["origins_brought"] = roles["origins_brought"].fillna("")
    roles["role"] = roles["origins_brought"].map(lambda o: "brings an origin" if o else "only repeats")
    roles = roles.astype({"claims": "int64", "cites": "int64", "cited_by": "int64"})
    roles.index = pd.Index([str(names[s]) for s in publishers], name="outlet")
    return roles


def outlet_reach(case: Case, follow: Iterable[str] = DEFAULT_FOLLOW) -> pd.DataFrame:
    """For each outlet that published claims: how many distinct origins its claims finally rest on, and brought itself.

    Parameters
    ----------
    case : kit.Case
    follow : iterable of str, default ("stated", "inferred")
        The citation bases to follow (:func:`kit.provenance`).

    Returns
    -------
    pandas.DataFrame
        Indexed by outlet name (``outlet``): ``origins_in_the_end`` and ``brought_itself`` (whole numbers).

    Examples
    --------
    >>> import kit
    >>> outlet_reach(kit.load_case("tests/cases/own_reporting")).loc["Digest"].tolist()
    [2, 0]
    """
    names = _names(case)
    claims = claim_context(case)
    prov = provenance(case, follow=follow)
    rest = (
        claims[["claim_id", "source_id"]]
        .assign(origin=claims["claim_id"].map(prov["origins"]))
        .explode("origin")
        .dropna(subset=["origin"])
    )
    reach = rest.groupby("source_id")["origin"].nunique().rename("origins_in_the_end")
    brought = first_hand_origins(case, follow).groupby("source_id")["origin"].nunique().rename("brought_itself")
    publishers = _publishers(case)
    out = pd.concat([reach, brought], axis=1).reindex(publishers).fillna(0).astype("int64")
    out.index = pd.Index([str(names[s]) for s in publishers], name="outlet")
    return out
