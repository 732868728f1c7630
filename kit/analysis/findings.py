"""Loops, drift and the timeline of a figure."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from kit.analysis.origins import provenance
from kit.analysis.selection import in_publication_order
from kit.graph.citation import claim_context, followed_citations, require_proposition
from kit.schema import CERTAINTY_RANK, DEFAULT_FOLLOW, DRIFT_FLAGS

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["circular", "drift", "timeline", "summary_line"]


def circular(case: Case, *, follow: Iterable[str] = DEFAULT_FOLLOW) -> list[list[str]]:
    """Each citation loop: claims that support each other in a circle.

    A loop is a strongly connected set of claims under ``relies_on``/``corroborates`` citations: two or
    more claims, or one citing itself. Loops are data, not errors.

    Parameters
    ----------
    case : kit.Case
    follow : iterable of str, default ("stated", "inferred")
        The citation bases to follow: ``("stated",)`` finds the loops the reports themselves declare.

    Returns
    -------
    list of list of str
        Each loop's claim ids in order of publication (then id); loops ordered by their first publication.

    Examples
    --------
    >>> import kit
    >>> loops = kit.circular(kit.testing.synth.make_case(400))
    >>> all(len(loop) >= 1 for loop in loops)
    True
    """
    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    from kit.graph.engine import Graph

    g = Graph(case, follow)  # the supporting citations as integer arrays, shared with the provenance engine
    n = g.n
    to_claim = g.b < n
    a, b = g.a[to_claim], g.b[to_claim]
    if n == 0 or len(a) == 0:
        return []
    adj = sparse.csr_matrix((np.ones(len(a), dtype=bool), (a, b)), shape=(n, n))
    k, comp = connected_components(adj, directed=True, connection="strong")
    in_loop = np.bincount(comp, minlength=k) > 1
    in_loop[comp[a[a == b]]] = True  # a claim citing itself
    idx = np.flatnonzero(in_loop[comp])
    if len(idx) == 0:
        return []
    reports = case.reports.set_index("report_id")
    at = case.claims["report_id"].array[idx]
    latest = reports["published_latest"] if "published_latest" in reports.columns else reports["published"]
    rows = pd.DataFrame(
        {
            "comp": comp[idx],
            "claim_id": np.asarray(case.claims["claim_id"].array[idx], dtype=object),
            "when": reports["published"].reindex(at).to_numpy(),
            "until": latest.reindex(at).to_numpy(),
        }
    )
    rows = rows.sort_values(["comp", "when", "until", "claim_id"], kind="stable")
    loops = [
        (grp["when"].iat[0], grp["claim_id"].iat[0], list(grp["claim_id"]))
        for _, grp in rows.groupby("comp", sort=False)
    ]
    return [loop for *_, loop in sorted(loops, key=lambda t: (t[0], t[1]))]


def _norm(s: pd.Series) -> pd.Series:
    return s.astype("string").str.lower().str.replace(r"\s+", "", regex=True)


def drift(case: Case, proposition: str, *, follow: Iterable[str] = DEFAULT_FOLLOW) -> pd.DataFrame:
    """How a figure changed where a claim about ``proposition`` rests on another claim.

    One row per followed supporting citation from a claim of the proposition to another claim (of any
    proposition, contract version 2), in the citations table's order:

    - ``question_changed``: the cited claim answers another proposition (a figure about pro-regime forces
      offered as support for one about Russians);
    - ``inflated``: the citing low is above the cited low, or the citing high above the cited high (an empty
      high means no upper bound); false where either low is empty;
    - ``scope_changed`` / ``measure_changed``: both ``subject`` / both ``measure`` given and different,
      ignoring case and spaces;
    - ``hardened``: certainty moved up the scale rumoured < alleged < estimated < asserted
      (``questioned`` and ``denied`` are off that scale and never count).

    Parameters
    ----------
    case : kit.Case
    proposition : str
        The question of the citing claims.
    follow : iterable of str, default ("stated", "inferred")
        The citation bases to follow.

    Returns
    -------
    pandas.DataFrame
        Columns ``claim_id``, ``cites``, ``relation``, ``basis`` and the boolean flags ``question_changed``,
        ``inflated``, ``scope_changed``, ``measure_changed``, ``hardened``.

    Raises
    ------
    kit.UnknownName
        (a KeyError) When no claim has that proposition.

    See Also
    --------
    kit.text.style.drift_words : the flags of a row as words.

    Examples
    --------
    >>> import kit
    >>> case = kit.testing.synth.make_case(60)
    >>> d = kit.drift(case, case.claims["proposition"].iloc[0])
    >>> list(d.columns)  # doctest: +NORMALIZE_WHITESPACE
    ['claim_id', 'cites', 'relation', 'basis', 'question_changed', 'inflated', 'scope_changed', 'measure_changed',
     'hardened']
    """
    claims = case.claims
    require_proposition(case, proposition)
    everything = claims.drop_duplicates("claim_id").set_index("claim_id")
    mine = claims.loc[claims["proposition"] == proposition, "claim_id"]
    sup = followed_citations(case, follow)
    rows = sup[sup["claim_id"].isin(mine) & sup["cites"].isin(everything.index)].reset_index(drop=True)
    a = everything.reindex(rows["claim_id"]).reset_index(drop=True)
    b = everything.reindex(rows["cites"]).reset_index(drop=True)
    inf = float("inf")
    lows = a["low"].notna() & b["low"].notna()
    ah = a["high"].astype("Float64").fillna(inf)
    bh = b["high"].astype("Float64").fillna(inf)
    inflated = lows & ((a["low"].astype("Float64") > b["low"].astype("Float64")).fillna(False) | (ah > bh))

    def changed(col: str) -> pd.Series:
        x, y = _norm(a[col]), _norm(b[col])
        return (x.notna() & y.notna() & (x != y)).fillna(False)

    ra, rb = a["certainty"].map(CERTAINTY_RANK), b["certainty"].map(CERTAINTY_RANK)
    if "basis" in rows.columns:
        basis = rows["basis"].astype("string").fillna("stated").replace("", "stated")
    else:
        basis = pd.Series(["stated"] * len(rows), dtype="string")
    flags = {
        "question_changed": (a["proposition"].to_numpy(dtype=object) != b["proposition"].to_numpy(dtype=object)),
        "inflated": inflated.fillna(False).astype(bool).to_numpy(),
        "scope_changed": changed("subject").astype(bool).to_numpy(),
        "measure_changed": changed("measure").astype(bool).to_numpy(),
        "hardened": (ra > rb).fillna(False).astype(bool).to_numpy(),
    }
    out = pd.DataFrame(
        {
            "claim_id": rows["claim_id"].astype("string"),
            "cites": rows["cites"].astype("string"),
            "relation": rows["relation"].astype("string"),
            "basis": basis.to_numpy(),
            **{f: np.asarray(flags[f], dtype=bool) for f in DRIFT_FLAGS},
        }
    )
    out["basis"] = out["basis"].astype("string")
    return out


def timeline(case: Case, proposition: str, *, follow: Iterable[str] = DEFAULT_FOLLOW) -> pd.DataFrame:
    """The claims about ``proposition`` in order of publication, with their figures and origin counts.

    Parameters
    ----------
    case : kit.Case
    proposition : str
        The question the claims answer.
    follow : iterable of str, default ("stated", "inferred")
        The citation bases followed when counting origins.

    Returns
    -------
    pandas.DataFrame
        Columns ``claim_id``, ``published``, ``published_latest`` (the latest point an uncertain date allows;
        the same as ``published`` for an exact one), ``source_id``, ``outlet``, ``low``, ``high``, ``certainty``,
        ``n_origins``; sorted by ``published``, then ``published_latest``, then ``claim_id``.

    Raises
    ------
    kit.UnknownName
        (a KeyError) When no claim has that proposition.

    Examples
    --------
    >>> import kit
    >>> case = kit.testing.synth.make_case(60)
    >>> t = kit.timeline(case, case.claims["proposition"].iloc[0])
    >>> t["published"].is_monotonic_increasing
    True
    """
    ctx = claim_context(case)
    require_proposition(case, proposition)
    rows = in_publication_order(ctx[ctx["proposition"] == proposition])
    n = provenance(case, follow=follow)["n_origins"]
    out = rows[
        ["claim_id", "published", "published_latest", "source_id", "outlet", "low", "high", "certainty"]
    ].reset_index(drop=True)
    out["n_origins"] = out["claim_id"].map(n).astype("int64")
    return out


def summary_line(case: Case, *, n_warnings: int | None = None) -> str:
    """The one line ``kit check`` prints for a valid case.

    Parameters
    ----------
    case : kit.Case
    n_warnings : int, optional
        The warnings to count (``kit check`` counts the story's too); ``len(case.warnings)`` by default.

    Returns
    -------
    str

    Examples
    --------
    >>> import kit
    >>> summary_line(kit.testing.synth.make_case(10))  # doctest: +ELLIPSIS
    'OK: Synthetic case (10 reports, seed 0): 10 sources, 10 reports, 10 claims, ... citations, 0 loops, 0 warnings'
    """
    n_loops = len(circular(case))
    n_warn = len(case.warnings) if n_warnings is None else n_warnings
    return (
        f"OK: {case.title}: {len(case.sources)} sources, {len(case.reports)} reports, "
        f"{len(case.claims)} claims, {len(case.citations)} citations, "
        f"{n_loops} loop{'s' if n_loops != 1 else ''}, {n_warn} warning{'s' if n_warn != 1 else ''}"
    )
