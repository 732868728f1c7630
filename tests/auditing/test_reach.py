"""kit.auditing.reach: is a pair already explained by a chain of followed citations? Checked against networkx."""

import networkx as nx
import numpy as np

import kit
from kit.auditing.reach import explained_pairs
from kit.graph.citation import followed_citations


def test_explained_pairs_agree_with_networkx_paths():
    case = kit.testing.synth.make_case(400, seed=4)
    claims = set(case.claims["claim_id"])
    g = nx.DiGraph()
    g.add_nodes_from(claims)
    cit = followed_citations(case)
    g.add_edges_from((a, b) for a, b in zip(cit["claim_id"], cit["cites"], strict=True) if b in claims)
    rng = np.random.default_rng(1)
    ids = sorted(claims)
    pairs = [(ids[i], ids[j]) for i, j in rng.integers(0, len(ids), (400, 2)) if i != j]
    pairs += [(a, b) for a, b in list(g.edges)[:50]]  # direct citations
    pairs += [(a, b) for a in ids[:40] for b in nx.descendants(g, a) if not g.has_edge(a, b)][:80]  # longer chains
    want = [nx.has_path(g, a, b) for a, b in pairs]
    assert any(want) and not all(want)
    assert explained_pairs(case, pairs).tolist() == want


def test_unknown_ids_are_not_explained():
    case = kit.testing.synth.make_case(50, seed=1)
    first = case.claims["claim_id"].iloc[0]
    assert explained_pairs(case, [(first, "no-such-claim"), ("nope", first)]).tolist() == [False, False]
    assert explained_pairs(case, []).tolist() == []
