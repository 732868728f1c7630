"""What every view of a case shares: which claims and sources a picture of a question shows, and in which order.

The list of claims in a table, a widget, a picture, the page's alt text and the explorable graph all come in the
order of :func:`publication_key` (earliest date, then latest date, then id: a claim whose date is surer comes first
among those that may date from the same moment), and a picture of a question shows :func:`shown_with`.

Examples
--------
>>> import kit
>>> from kit.graph.citation import claim_context
>>> list(in_publication_order(claim_context(kit.testing.examples.diamond()))["claim_id"])
['wire-a-12', 'paper-b-12', 'paper-c-12', 'site-d-12']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from kit.graph.citation import claim_context, own_reporting

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["publication_key", "in_publication_order", "shown_with", "choose_proposition"]


def publication_key(published: object, published_latest: object, claim_id: object) -> tuple[object, object, str]:
    """The order of publication for one claim: earliest ``published``, then ``published_latest``, then ``claim_id``.

    The one rule for "in order of publication" (:func:`in_publication_order` is the same rule for a frame). Of two
    claims that may date from the same moment, the one whose date is more certain (it ends sooner) comes first: a
    report of 12 February comes before one dated "12 or 13 February". A missing ``published_latest`` is taken to be
    ``published`` (an exact date).

    Parameters
    ----------
    published : pandas.Timestamp or comparable
        The earliest moment the claim's report can have appeared.
    published_latest : pandas.Timestamp, comparable or None
        The latest moment (contract version 2); None or NaT for an exact date.
    claim_id : str

    Returns
    -------
    tuple
        A key for :func:`sorted`.

    See Also
    --------
    in_publication_order : the same order for a frame of claims.

    Examples
    --------
    >>> import pandas as pd
    >>> reuters = publication_key(pd.Timestamp("2018-02-12"), pd.Timestamp("2018-02-12"), "reuters-two-killed")
    >>> afp = publication_key(pd.Timestamp("2018-02-12"), pd.Timestamp("2018-02-13"), "afp-cit-three-more")
    >>> reuters < afp
    True
    >>> publication_key(3, None, "x")
    (3, 3, 'x')
    """
    latest = published if published_latest is None or published_latest is pd.NaT else published_latest
    return (published, latest, str(claim_id))


def in_publication_order(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame of claims (as :func:`kit.graph.citation.claim_context` gives) in order of publication
    (:func:`publication_key`).

    Parameters
    ----------
    frame : pandas.DataFrame
        With columns ``published`` and ``claim_id`` (or ``claim_id`` as the index), and maybe ``published_latest``.

    Returns
    -------
    pandas.DataFrame
        The same rows, reordered (stable: equal keys keep their order); the index is kept.

    See Also
    --------
    publication_key : the rule, for one claim.

    Examples
    --------
    >>> import kit
    >>> ctx = claim_context(kit.load_case("data/deir-ez-zor"))
    >>> ctx = ctx[ctx["claim_id"].isin(["afp-cit-three-more", "reuters-two-killed"])]
    >>> list(in_publication_order(ctx)["claim_id"])  # both may date from 12 February; AFP's may be the 13th
    ['reuters-two-killed', 'afp-cit-three-more']
    """
    ids = frame["claim_id"] if "claim_id" in frame.columns else frame.index.to_series()
    latest = frame["published_latest"] if "published_latest" in frame.columns else frame["published"]
    key = pd.DataFrame(
        {
            "a": frame["published"].array,
            "b": latest.where(latest.notna(), frame["published"]).array,
            "c": ids.astype(str).array,
        }
    )
    return frame.iloc[key.sort_values(["a", "b", "c"], kind="stable").index.to_numpy()]


def shown_with(case: Case, proposition: str | None = None) -> set[str]:
    """The ids a picture of ``proposition`` shows: its claims, everything they cite however far (claims of other
    propositions and sources, disputes too), and the publisher of each of those claims that rests on its own
    reporting (:func:`own_reporting`). With no proposition: every claim, and the sources that are cited or rested on.

    Parameters
    ----------
    case : kit.Case
    proposition : str, optional
        A proposition no claim has gives an empty set.

    Returns
    -------
    set of str
        Claim and source ids.

    See Also
    --------
    kit.show.citation_graph.story_graph, kit.graphview.data.scope : the pictures that show these.

    Examples
    --------
    >>> import kit
    >>> shown = shown_with(kit.testing.examples.diamond(), "deaths")
    >>> sorted(shown)  # Wire A's claim cites nothing: it rests on Wire A's own reporting, so Wire A is shown
    ['paper-b-12', 'paper-c-12', 'site-d-12', 'wire-a', 'wire-a-12']
    """
    ids = case.claims["claim_id"].astype(str).tolist()
    props = case.claims["proposition"].astype(str).tolist()
    cites: dict = {}
    for a, b in zip(case.citations["claim_id"].astype(str), case.citations["cites"].astype(str), strict=False):
        cites.setdefault(a, []).append(b)
    claims = set(ids)
    keep = claims if proposition is None else {c for c, p in zip(ids, props, strict=False) if p == proposition}
    keep, todo = set(keep), list(keep)
    while todo:  # everything the shown claims cite, however far
        for b in cites.get(todo.pop(), ()):
            if b not in keep:
                keep.add(b)
                if b in claims:
                    todo.append(b)
    own = own_reporting(case)
    publisher = claim_context(case).set_index("claim_id")["source_id"].astype(str)
    return keep | {publisher[c] for c in ids if c in keep and bool(own[c])}


def choose_proposition(case: Case) -> str:
    """The proposition the page tells: ``proposition = "..."`` in ``case.toml``, else the one with most claims.

    Ties go to the proposition whose first claim comes first in the claims table.

    Parameters
    ----------
    case : kit.Case
        Not changed.

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
            raise ValueError(
                f"case.toml names proposition = {named!r}, but no claim has it; the case's propositions are: {known}"
            )
        return named
    counts = pd.Series(props).value_counts(sort=False)
    first = {p: i for i, p in reversed(list(enumerate(props)))}
    return sorted(counts.index, key=lambda p: (-counts[p], first[p]))[0]
