"""kit.analysis.feedback.outlet_loops: loops between outlets that kit.circular, which looks at claims, cannot see."""

from __future__ import annotations

import networkx as nx

import kit
from conftest import DEIR
from kit.analysis.feedback import outlet_loops


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
