"""kit.analysis.feedback.outlet_loops: loops between outlets that kit.circular, which looks at claims, cannot see."""

from __future__ import annotations

import networkx as nx
import pytest

import kit
from conftest import DEIR
from kit.analysis.feedback import outlet_loops
from kit.graph.citation import claim_context, followed_citations


def test_the_deir_feedback_loop_runs_between_two_outlets():
    case = kit.load_case(DEIR)
    loops = outlet_loops(case)
    assert kit.circular(case) == []  # no claim cites a later one: no loop of claims
    assert loops["loop"].unique().tolist() == [0]
    assert set(loops["outlet"]) == set(loops["cited_outlet"]) == {"other_media", "local_russian_communities"}
    # every row is a followed supporting citation between two claims of different publishers
    cites = case.citations.set_index(["claim_id", "cites"])
    for row in loops.itertuples():
        assert row.outlet != row.cited_outlet
        assert cites.loc[(row.claim_id, row.cites), "relation"] == row.relation in ("relies_on", "corroborates")
    # the same cycle kit.outlet_graph has, which counts every citation whatever its basis
    assert {"other_media", "local_russian_communities"} in [set(c) for c in nx.simple_cycles(kit.outlet_graph(case))]


def test_the_link_that_closes_it_is_inferred():
    case = kit.load_case(DEIR)
    loops = outlet_loops(case)
    closing = loops[loops["outlet"] == "local_russian_communities"]
    assert closing[["claim_id", "cites", "basis"]].values.tolist() == [
        ["communities-heard-dozens", "other-media-several-killed", "inferred"]
    ]
    stated = outlet_loops(case, follow=("stated",))
    assert len(stated) == 0 and list(stated.columns) == list(loops.columns)


def test_a_loop_of_claims_is_a_loop_of_outlets_too_and_own_citations_are_not():
    loop = kit.examples.loop()  # two outlets citing each other's claims in a circle
    rows = outlet_loops(loop)
    assert len(rows) == 2 and set(rows["outlet"]) == set(rows["cited_outlet"])
    diamond = kit.examples.diamond()  # support that converges, no circle
    assert len(outlet_loops(diamond)) == 0


def _loops_by_networkx(case, follow=("stated", "inferred")):
    """The publishers in loops, worked out independently: an edge per followed claim-to-claim citation between two
    publishers, strongly connected sets of two or more."""
    publisher = claim_context(case).set_index("claim_id")["source_id"]
    g = nx.DiGraph()
    for claim, cited in followed_citations(case, follow)[["claim_id", "cites"]].itertuples(index=False):
        if cited in publisher.index and publisher[claim] != publisher[cited]:
            g.add_edge(publisher[claim], publisher[cited])
    return sorted(sorted(c) for c in nx.strongly_connected_components(g) if len(c) > 1)


@pytest.mark.parametrize("name", ["loop", "echo", "disputes", "drift", "own_reporting"])
def test_the_loops_are_networkx_strongly_connected_publishers(name):
    case = kit.load_case(f"tests/cases/{name}")
    loops = outlet_loops(case)
    found = sorted(sorted(set(rows["outlet"]) | set(rows["cited_outlet"])) for _, rows in loops.groupby("loop"))
    assert found == _loops_by_networkx(case)
    # every citation listed joins two publishers of its own loop
    for _, rows in loops.groupby("loop"):
        members = set(rows["outlet"]) | set(rows["cited_outlet"])
        assert set(rows["outlet"]) <= members and set(rows["cited_outlet"]) <= members


def test_a_loop_needs_its_followed_bases():
    case = kit.load_case("data/deir-ez-zor")
    assert len(outlet_loops(case)) > 0
    assert outlet_loops(case, follow=("stated",)).empty == (_loops_by_networkx(case, ("stated",)) == [])
    assert list(outlet_loops(kit.load_case("tests/cases/disputes")).columns)[:3] == ["loop", "claim_id", "cites"]
