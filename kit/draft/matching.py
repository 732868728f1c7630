"""How much of a hand-built case a draft proposes (``docs/draft.md``, "Measuring a draft").

Matching, one to one (a maximum matching, so no row counts twice):

- a **source** matches a draft source when their names are the same after :func:`kit.draft.names.normalise_name`
  (lower case, no brackets, no articles, well-known aliases folded: "Bloomberg News" is Bloomberg), or when all
  the words of one are among the other's ("Facebook post" and "Facebook post with a list of names");
- a **citation** matches a draft citation when the two citing claims' texts overlap (one holds the other's words,
  at least three of them in a row, or they share a run of six words, ignoring case and punctuation) and the draft
  cites the matched source: the cited item is taken as a source, a cited claim standing for its report's publisher
  (the hand-built case's "relies on Bloomberg's claim" matches a draft's "relies on Bloomberg").
"""

from __future__ import annotations

import re

import networkx as nx

from kit.draft.names import same_name
from kit.graph.citation import citation_bases

__all__ = ["compare", "overlaps"]


def _tables(case) -> dict:
    if isinstance(case, dict):
        return case
    if hasattr(case, "sources"):
        return {t: getattr(case, t) for t in ("sources", "reports", "claims", "citations")}
    from kit.case import load_case

    return _tables(load_case(case))


def _words(text) -> list[str]:
    return re.findall(r"\w+", str(text).lower().replace("’", "'"))


def overlaps(a: str, b: str) -> bool:
    """Whether two claim texts overlap: one holds the other (3+ words), or they share six words in a row.

    Words are compared in lower case, without punctuation (``’`` as ``'``).

    Parameters
    ----------
    a, b : str
        Two claim texts, in either order.

    Returns
    -------
    bool

    See Also
    --------
    compare : which uses it to match citing claims.

    Examples
    --------
    >>> overlaps("with 200 to 300 injured.", "The U.S. official put the toll at about 100, with 200 to 300 injured.")
    True
    >>> overlaps("The Moscow Times also reported it.", "Reuters also reported it.")
    False
    """
    wa, wb = _words(a), _words(b)
    short, long_ = sorted((wa, wb), key=len)
    n = len(short) if len(short) >= 3 and _contains(long_, short) else 0
    if n:
        return True
    grams = {tuple(wa[i : i + 6]) for i in range(len(wa) - 5)}
    return any(tuple(wb[i : i + 6]) in grams for i in range(len(wb) - 5))


def _contains(long_, short) -> bool:
    k = len(short)
    return any(long_[i : i + k] == short for i in range(len(long_) - k + 1))


def _matching(pairs: dict) -> dict:
    """A maximum one-to-one matching of (left, right) candidate pairs with weights; returns left -> right."""
    g = nx.Graph()
    for (a, b), w in pairs.items():
        g.add_edge(("L", a), ("R", b), weight=w)
    out = {}
    for u, v in nx.max_weight_matching(g, maxcardinality=True):
        if u[0] == "R":
            u, v = v, u
        out[u[1]] = v[1]
    return out


def _cited_source(tables) -> dict:
    """Each citation's cited item as a source id: a claim stands for its report's publisher."""
    claims, reports = tables["claims"], tables["reports"]
    publisher = dict(zip(reports["report_id"].astype(str), reports["source_id"].astype(str), strict=False))
    of_claim = {str(c): publisher.get(str(r)) for c, r in zip(claims["claim_id"], claims["report_id"], strict=False)}
    return {c: of_claim.get(c, c) for c in tables["citations"]["cites"].astype(str)}


def compare(draft, reference) -> dict:
    """Measure a draft against a hand-built case of the same article.

    Parameters
    ----------
    draft, reference : dict of DataFrames, kit.Case, or a path
        The draft (e.g. :func:`kit.draft.draft_case`'s tables) and the hand-built case.

    Returns
    -------
    dict
        ``sources`` / ``sources_matched`` / ``source_share``: the reference's sources and how many the draft
        proposes; ``citations`` / ``citations_matched`` / ``citation_share`` likewise, and ``stated_citations`` /
        ``stated_matched`` / ``stated_share`` for the reference's citations of basis ``stated`` (what the article's
        words state: a link the hand-built case reads from the article, ``inferred``, is the reporter's to add, not
        the draft's to propose); ``draft_sources``,
        ``draft_sources_unmatched``, ``draft_claims``, ``draft_claims_unmatched`` (overlapping no reference claim),
        ``draft_citations``, ``draft_citations_unmatched``; ``source_pairs`` (reference id -> draft id),
        ``citation_pairs`` ((claim, cites) -> (claim, cites)), ``missed_sources`` and ``missed_citations``.

    See Also
    --------
    overlaps : when two claim texts count as the same claim.
    kit.draft.names.same_name : when two source names count as the same source.

    Examples
    --------
    >>> import pandas as pd
    >>> ref = {"sources": pd.DataFrame({"source_id": ["r", "a"], "name": ["Reuters", "Associates (unnamed)"]}),
    ...        "reports": pd.DataFrame({"report_id": ["rr"], "source_id": ["r"]}),
    ...        "claims": pd.DataFrame({"claim_id": ["k"], "report_id": ["rr"],
    ...                                "text": ["at least two were killed, their associates told Reuters"]}),
    ...        "citations": pd.DataFrame({"claim_id": ["k"], "cites": ["a"]})}
    >>> from kit.draft import draft_case
    >>> d = draft_case("At least two were killed, their associates told Reuters.", publisher="P",
    ...                published="2018-02-13")
    >>> m = compare(d, ref)
    >>> m["source_share"], m["citation_share"], m["draft_sources_unmatched"]
    (1.0, 1.0, 1)
    """
    d, r = _tables(draft), _tables(reference)
    ds, rs = d["sources"], r["sources"]
    names_d = dict(zip(ds["source_id"].astype(str), ds["name"].astype(str), strict=False))
    names_r = dict(zip(rs["source_id"].astype(str), rs["name"].astype(str), strict=False))
    cand = {(a, b): same_name(na, nb) for a, na in names_r.items() for b, nb in names_d.items()}
    source_pairs = _matching({k: v for k, v in cand.items() if v})

    text_d = dict(zip(d["claims"]["claim_id"].astype(str), d["claims"]["text"].astype(str), strict=False))
    text_r = dict(zip(r["claims"]["claim_id"].astype(str), r["claims"]["text"].astype(str), strict=False))
    cs_d, cs_r = _cited_source(d), _cited_source(r)
    cit_d = list(zip(d["citations"]["claim_id"].astype(str), d["citations"]["cites"].astype(str), strict=False))
    cit_r = list(zip(r["citations"]["claim_id"].astype(str), r["citations"]["cites"].astype(str), strict=False))
    cand_c = {}
    for rc in cit_r:
        target = source_pairs.get(cs_r.get(rc[1], rc[1]))
        for dc in cit_d:
            if (
                target is not None
                and cs_d.get(dc[1], dc[1]) == target
                and overlaps(text_r.get(rc[0], ""), text_d.get(dc[0], ""))
            ):
                cand_c[(rc, dc)] = 1
    citation_pairs = _matching(cand_c)
    claims_unmatched = [k for k, t in text_d.items() if not any(overlaps(t, u) for u in text_r.values())]
    n_s, n_c = len(names_r), len(cit_r)
    stated = [c for c, b in zip(cit_r, citation_bases(r["citations"]), strict=True) if b == "stated"]
    n_stated = sum(c in citation_pairs for c in stated)
    return {
        "sources": n_s,
        "sources_matched": len(source_pairs),
        "source_share": round(len(source_pairs) / n_s, 3) if n_s else 1.0,
        "citations": n_c,
        "citations_matched": len(citation_pairs),
        "citation_share": round(len(citation_pairs) / n_c, 3) if n_c else 1.0,
        "stated_citations": len(stated),
        "stated_matched": n_stated,
        "stated_share": round(n_stated / len(stated), 3) if stated else 1.0,
        "draft_sources": len(names_d),
        "draft_sources_unmatched": len(names_d) - len(source_pairs),
        "draft_claims": len(text_d),
        "draft_claims_unmatched": len(claims_unmatched),
        "draft_citations": len(cit_d),
        "draft_citations_unmatched": len(cit_d) - len(citation_pairs),
        "source_pairs": dict(sorted(source_pairs.items())),
        "citation_pairs": dict(sorted(citation_pairs.items())),
        "missed_sources": sorted(set(names_r) - set(source_pairs)),
        "missed_citations": [c for c in cit_r if c not in citation_pairs],
    }
