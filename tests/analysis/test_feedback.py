"""kit.analysis.feedback.outlet_loops: loops between outlets, checked against networkx's strongly connected sets."""

import networkx as nx
import pytest

import kit
from kit.analysis.feedback import outlet_loops
from kit.graph.citation import claim_context, followed_citations


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
