"""The citation graph (claims and sources) and the outlet graph (who cites whom)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
import pandas as pd

from kit.cells import is_null
from kit.errors import UnknownName
from kit.schema import BASES, DEFAULT_FOLLOW, SUPPORTING

if TYPE_CHECKING:
    from kit.case import Case

__all__ = [
    "claim_context",
    "citation_graph",
    "outlet_graph",
    "supporting_citations",
    "followed_citations",
    "own_reporting",
    "check_follow",
    "followed_mask",
    "citation_bases",
    "unknown_claim",
    "require_proposition",
]


def claim_context(case: Case) -> pd.DataFrame:
    """The claims table with each claim's ``published`` time (and ``published_latest``), publisher ``source_id``
    and ``outlet`` name.

    Parameters
    ----------
    case : kit.Case

    Returns
    -------
    pandas.DataFrame
        A new frame: the claims' columns, then ``published``, ``published_latest``, ``source_id``, ``outlet``.

    Examples
    --------
    >>> import kit
    >>> list(claim_context(kit.testing.synth.make_case(3)).columns[-4:])
    ['published', 'published_latest', 'source_id', 'outlet']
    """
    reports = case.reports.set_index("report_id")
    names = case.sources.set_index("source_id")["name"]
    out = case.claims.copy()
    by_report = reports.reindex(out["report_id"])
    out["published"] = by_report["published"].array
    latest = by_report["published_latest"] if "published_latest" in by_report.columns else by_report["published"]
    out["published_latest"] = latest.array
    out["source_id"] = by_report["source_id"].astype("string").array
    out["outlet"] = names.reindex(out["source_id"]).astype("string").array
    return out


def _plain(v: object) -> object:
    if is_null(v):
        return None
    if hasattr(v, "item") and not isinstance(v, pd.Timestamp):
        return v.item()
    return v


def citation_graph(case: Case) -> nx.DiGraph:
    """A directed graph with a node per claim and per source and an edge from citing to cited.

    Claim nodes carry ``node_type="claim"``, every claim column, ``published``, ``source_id`` (the
    publisher) and ``outlet``; source nodes carry ``node_type="source"`` and every source column.
    Edges carry ``relation`` and ``evidence``. Disputes are edges too (the analyses never follow them).

    Parameters
    ----------
    case : kit.Case

    Returns
    -------
    networkx.DiGraph
        A new graph; ``graph["title"]`` is the case's title.

    See Also
    --------
    outlet_graph : the same citations between outlets.
    claim_context : the claim columns the claim nodes carry.

    Examples
    --------
    >>> import kit
    >>> g = kit.citation_graph(kit.testing.examples.diamond())  # 4 sources, 4 claims, 4 citations
    >>> g.number_of_nodes(), g.number_of_edges()
    (8, 4)
    >>> g.nodes["site-d-12"]["outlet"], g.edges["site-d-12", "paper-c-12"]["relation"]
    ('Site D', 'corroborates')
    """
    g = nx.DiGraph(title=case.title)
    for row in case.sources.to_dict("records"):
        g.add_node(row["source_id"], node_type="source", **{k: _plain(v) for k, v in row.items()})
    for row in claim_context(case).to_dict("records"):
        g.add_node(row["claim_id"], node_type="claim", **{k: _plain(v) for k, v in row.items()})
    for row in case.citations.to_dict("records"):
        g.add_edge(row["claim_id"], row["cites"], relation=row["relation"], evidence=_plain(row.get("evidence")))
    return g


def outlet_graph(case: Case) -> nx.DiGraph:
    """One node per source; an edge u -> v weighted by how many citations run from u's claims to v.

    A citation counts towards u -> v when its claim is published by u and it cites a claim published by v,
    or cites the source v itself. ``relations`` on each edge counts the citations by relation.
    An outlet citing its own claims is left out (no self-loops).

    Parameters
    ----------
    case : kit.Case

    Returns
    -------
    networkx.DiGraph
        Every source a node (with its columns), cited or not; edges with ``weight`` and ``relations``.

    See Also
    --------
    citation_graph : claim by claim.
    kit.analysis.outlets.outlet_edges : the edges as a table, in words.

    Examples
    --------
    >>> import kit
    >>> g = kit.outlet_graph(kit.testing.examples.diamond())
    >>> sorted((u, v, d["weight"]) for u, v, d in g.edges(data=True))
    [('paper-b', 'wire-a', 1), ('paper-c', 'wire-a', 1), ('site-d', 'paper-b', 1), ('site-d', 'paper-c', 1)]
    >>> g.edges["site-d", "paper-c"]["relations"]
    {'corroborates': 1}
    """
    g = nx.DiGraph(title=case.title)
    for row in case.sources.to_dict("records"):
        g.add_node(row["source_id"], **{k: _plain(v) for k, v in row.items()})
    ctx = claim_context(case)
    publisher = dict(zip(ctx["claim_id"], ctx["source_id"], strict=False))
    for citing, cited, relation in case.citations[["claim_id", "cites", "relation"]].itertuples(index=False):
        u = publisher[citing]
        v = publisher.get(cited, cited)
        if u == v:
            continue
        if g.has_edge(u, v):
            d = g.edges[u, v]
            d["weight"] += 1
            d["relations"][relation] = d["relations"].get(relation, 0) + 1
        else:
            g.add_edge(u, v, weight=1, relations={relation: 1})
    return g


def supporting_citations(case: Case) -> pd.DataFrame:
    """The citations that carry support (``relies_on`` and ``corroborates``), as a new frame.

    Parameters
    ----------
    case : kit.Case

    Returns
    -------
    pandas.DataFrame
        The supporting rows of ``case.citations``, whatever their basis.

    See Also
    --------
    followed_citations : the same, keeping only the bases an analysis follows.

    Examples
    --------
    >>> import kit
    >>> set(supporting_citations(kit.testing.synth.make_case(50))["relation"]) <= {"relies_on", "corroborates"}
    True
    """
    c = case.citations
    return c[c["relation"].isin(SUPPORTING)].reset_index(drop=True)


def check_follow(follow: Iterable[str]) -> tuple[str, ...]:
    """``follow`` as a tuple of citation bases, or a clear error for a basis that does not exist.

    Parameters
    ----------
    follow : str or iterable of str
        Citation bases (``stated``, ``inferred``, ``suspected``); a single string is one basis.

    Returns
    -------
    tuple of str

    Raises
    ------
    ValueError
        For a value that is not a basis.

    Examples
    --------
    >>> check_follow("stated")
    ('stated',)
    >>> check_follow(["stated", "Inferred"])
    ('stated', 'inferred')
    """
    items = (follow,) if isinstance(follow, str) else tuple(follow)
    out = tuple(str(b).strip().lower() for b in items)
    bad = [b for b in out if b not in BASES]
    if bad:
        raise ValueError(f"follow= takes citation bases ({', '.join(BASES)}); {bad[0]!r} is not one")
    return out


def followed_citations(case: Case, follow: Iterable[str] = DEFAULT_FOLLOW) -> pd.DataFrame:
    """The supporting citations an analysis follows: ``relies_on``/``corroborates`` whose ``basis`` is in ``follow``.

    A case without a ``basis`` column, or a citation with an empty basis, counts as ``stated`` (contract version 2).

    Parameters
    ----------
    case : kit.Case
    follow : iterable of str, default ("stated", "inferred")
        The citation bases to follow.

    Returns
    -------
    pandas.DataFrame
        A new frame of those citation rows.

    See Also
    --------
    supporting_citations : every supporting citation, whatever its basis.
    own_reporting : the claims left with no followed support.

    Examples
    --------
    >>> import kit
    >>> case = kit.testing.synth.make_case(50)
    >>> len(followed_citations(case)) == len(supporting_citations(case))
    True
    >>> len(followed_citations(case, follow=("suspected",)))
    0
    """
    c = case.citations
    return c[followed_mask(c, follow)].reset_index(drop=True)


def citation_bases(citations: pd.DataFrame) -> np.ndarray:
    """The basis of each citation, lower-cased, an empty one (or a table without a ``basis`` column) as ``stated``.

    The one place for "an empty basis means stated" (contract version 2).

    Parameters
    ----------
    citations : pandas.DataFrame
        A citations table.

    Returns
    -------
    numpy.ndarray of str

    See Also
    --------
    followed_mask : which rows an analysis follows.

    Examples
    --------
    >>> import pandas as pd
    >>> citation_bases(pd.DataFrame({"basis": ["Inferred", None, " ", "suspected"]})).tolist()
    ['inferred', 'stated', 'stated', 'suspected']
    >>> citation_bases(pd.DataFrame({"relation": ["relies_on"]})).tolist()
    ['stated']
    """
    if "basis" not in citations.columns:
        return np.full(len(citations), "stated", dtype=object)
    # each distinct value read once (a table holds a few): a missing one (code -1) is the table's last, "stated"
    codes, uniques = pd.factorize(citations["basis"], use_na_sentinel=True)
    names = [str(u).strip().lower() for u in uniques]
    return np.array([n or "stated" for n in names] + ["stated"], dtype=object)[codes]


def followed_mask(citations: pd.DataFrame, follow: Iterable[str] = DEFAULT_FOLLOW) -> np.ndarray:
    """Which rows of a citations table an analysis follows: supporting relation and a basis in ``follow``.

    The one place for that rule (the array engine, the lineage walker and :func:`followed_citations` call it).
    A table without a ``basis`` column, or an empty basis, counts as ``stated``.

    Parameters
    ----------
    citations : pandas.DataFrame
        A citations table.
    follow : iterable of str, default ("stated", "inferred")
        The citation bases to follow.

    Returns
    -------
    numpy.ndarray of bool

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame(
    ...     {"relation": ["relies_on", "disputes", "corroborates"], "basis": ["stated", "stated", "suspected"]}
    ... )
    >>> followed_mask(c).tolist(), followed_mask(c, follow=("stated", "suspected")).tolist()
    ([True, False, False], [True, False, True])
    """
    follow = check_follow(follow)
    keep = np.array(citations["relation"].isin(SUPPORTING).to_numpy(dtype=bool, na_value=False))
    return keep & np.isin(citation_bases(citations), list(follow))


def own_reporting(case: Case, follow: Iterable[str] = DEFAULT_FOLLOW) -> pd.Series:
    """For each claim: does it rest on its own publisher ("own reporting")?

    The one place for the rule of the case format: a claim with no followed supporting citation rests on its own
    report's publisher, which is then its origin, one hop away.

    Parameters
    ----------
    case : kit.Case
    follow : iterable of str, default ("stated", "inferred")
        The citation bases to follow.

    Returns
    -------
    pandas.Series of bool
        Indexed by ``claim_id``, in the order of ``case.claims``.

    See Also
    --------
    followed_citations : the citations that count as support.

    Examples
    --------
    >>> import kit
    >>> own = own_reporting(kit.testing.synth.make_case(30))
    >>> own.dtype, own.index.name
    (dtype('bool'), 'claim_id')
    """
    cited = pd.Index(followed_citations(case, follow)["claim_id"]).unique()
    ids = case.claims["claim_id"]
    return pd.Series(~ids.isin(cited).to_numpy(), index=pd.Index(ids, name="claim_id"), name="own_reporting")


def require_proposition(case: Case, proposition: str) -> None:
    """Raise a clear error unless some claim of the case has ``proposition``: the one guard every analysis and view
    that takes a proposition calls.

    Parameters
    ----------
    case : kit.Case
    proposition : str

    Raises
    ------
    kit.UnknownName
        (a KeyError) When no claim has it; the message suggests the nearest propositions.

    See Also
    --------
    unknown_claim : the same for a claim id.

    Examples
    --------
    >>> from kit.testing import examples
    >>> require_proposition(examples.diamond(), "deaths") is None
    True
    >>> require_proposition(examples.diamond(), "death")
    Traceback (most recent call last):
    kit.errors.UnknownName: there is no proposition 'death' in this case; did you mean 'deaths'?
    """
    props = case.claims["proposition"]
    if not (props == proposition).any():
        raise UnknownName("proposition", proposition, sorted(set(props.astype(str))))


def unknown_claim(case: Case, claim_id: str) -> UnknownName:
    """The error for a claim id the case does not have, with the nearest ids suggested.

    Parameters
    ----------
    case : kit.Case
    claim_id : str
        The id asked for.

    Returns
    -------
    kit.UnknownName
        A ``KeyError`` to raise, whose message is a sentence suggesting ids by prefix and by spelling.

    Examples
    --------
    >>> import kit
    >>> print(unknown_claim(kit.testing.examples.diamond(), "site-d"))
    there is no claim 'site-d' in this case; did you mean 'site-d-12'?
    """
    return UnknownName("claim", claim_id, case.claims["claim_id"].tolist())
