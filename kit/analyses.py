"""Loops, drift and the timeline of a figure."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .graph import claim_context, supporting_citations
from .provenance import _unknown, provenance
from .schema import CERTAINTY_RANK

__all__ = ["circular", "drift", "timeline"]


def circular(case) -> list[list[str]]:
    """Each citation loop: claims that support each other in a circle.

    A loop is a strongly connected set of claims under ``relies_on``/``corroborates`` citations: two or
    more claims, or one citing itself. Loops are data, not errors.

    Returns
    -------
    list of list of str
        Each loop's claim ids in order of publication (then id); loops ordered by their first publication.

    Examples
    --------
    >>> import kit
    >>> loops = kit.circular(kit.synth.make_case(400))
    >>> all(len(loop) >= 1 for loop in loops)
    True
    """
    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    from .provenance import _Graph

    g = _Graph(case)  # the supporting citations as integer arrays, shared with the provenance engine
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
    published = case.reports.set_index("report_id")["published"]
    rows = pd.DataFrame({"comp": comp[idx], "claim_id": np.asarray(case.claims["claim_id"].array[idx], dtype=object),
                         "when": published.reindex(case.claims["report_id"].array[idx]).to_numpy()})
    rows = rows.sort_values(["comp", "when", "claim_id"], kind="stable")
    loops = [(grp["when"].iat[0], grp["claim_id"].iat[0], list(grp["claim_id"]))
             for _, grp in rows.groupby("comp", sort=False)]
    return [loop for *_, loop in sorted(loops, key=lambda t: (t[0], t[1]))]


def _norm(s: pd.Series) -> pd.Series:
    return s.astype("string").str.lower().str.replace(r"\s+", "", regex=True)


def drift(case, proposition: str) -> pd.DataFrame:
    """How a figure changed where one claim about ``proposition`` rests on another.

    One row per supporting citation between two claims of the proposition, in the citations table's order:

    - ``inflated``: the citing low is above the cited low, or the citing high above the cited high (an empty
      high means no upper bound); false where either low is empty;
    - ``scope_changed`` / ``measure_changed``: both ``subject`` / both ``measure`` given and different,
      ignoring case and spaces;
    - ``hardened``: certainty moved up the scale rumoured < alleged < estimated < asserted
      (``questioned`` and ``denied`` are off that scale and never count).

    Raises
    ------
    KeyError
        When no claim has that proposition.

    Examples
    --------
    >>> import kit
    >>> case = kit.synth.make_case(60)
    >>> d = kit.drift(case, case.claims["proposition"].iloc[0])
    >>> list(d.columns)
    ['claim_id', 'cites', 'relation', 'inflated', 'scope_changed', 'measure_changed', 'hardened']
    """
    claims = case.claims
    if not (claims["proposition"] == proposition).any():
        raise _unknown("proposition", proposition, claims["proposition"].unique())
    mine = claims[claims["proposition"] == proposition].set_index("claim_id")
    sup = supporting_citations(case)
    rows = sup[sup["claim_id"].isin(mine.index) & sup["cites"].isin(mine.index)].reset_index(drop=True)
    a = mine.reindex(rows["claim_id"]).reset_index(drop=True)
    b = mine.reindex(rows["cites"]).reset_index(drop=True)
    inf = float("inf")
    lows = a["low"].notna() & b["low"].notna()
    ah = a["high"].astype("Float64").fillna(inf)
    bh = b["high"].astype("Float64").fillna(inf)
    inflated = lows & ((a["low"].astype("Float64") > b["low"].astype("Float64")).fillna(False) | (ah > bh))
    def changed(col):
        x, y = _norm(a[col]), _norm(b[col])
        return (x.notna() & y.notna() & (x != y)).fillna(False)
    ra, rb = a["certainty"].map(CERTAINTY_RANK), b["certainty"].map(CERTAINTY_RANK)
    out = pd.DataFrame({
        "claim_id": rows["claim_id"].astype("string"),
        "cites": rows["cites"].astype("string"),
        "relation": rows["relation"].astype("string"),
        "inflated": inflated.fillna(False).astype(bool).to_numpy(),
        "scope_changed": changed("subject").astype(bool).to_numpy(),
        "measure_changed": changed("measure").astype(bool).to_numpy(),
        "hardened": (ra > rb).fillna(False).astype(bool).to_numpy(),
    })
    return out


def timeline(case, proposition: str) -> pd.DataFrame:
    """The claims about ``proposition`` in order of publication, with their figures and origin counts.

    Returns
    -------
    pandas.DataFrame
        Columns ``claim_id``, ``published``, ``source_id``, ``outlet``, ``low``, ``high``, ``certainty``,
        ``n_origins``; sorted by ``published`` then ``claim_id``.

    Raises
    ------
    KeyError
        When no claim has that proposition.

    Examples
    --------
    >>> import kit
    >>> case = kit.synth.make_case(60)
    >>> t = kit.timeline(case, case.claims["proposition"].iloc[0])
    >>> t["published"].is_monotonic_increasing
    True
    """
    ctx = claim_context(case)
    if not (ctx["proposition"] == proposition).any():
        raise _unknown("proposition", proposition, ctx["proposition"].unique())
    rows = ctx[ctx["proposition"] == proposition].sort_values(["published", "claim_id"], kind="stable")
    n = provenance(case)["n_origins"]
    out = rows[["claim_id", "published", "source_id", "outlet", "low", "high", "certainty"]].reset_index(drop=True)
    out["n_origins"] = out["claim_id"].map(n).astype("int64")
    return out
