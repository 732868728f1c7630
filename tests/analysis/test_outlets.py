"""kit.analysis.outlets: who cites whom, who only repeats, who brings an origin; hand-worked on the echo and
own_reporting fixtures (tests/conftest.py says what each shows) and counted independently on Deir ez-Zor."""

from collections import Counter

import networkx as nx
import pandas as pd

from kit.analysis.outlets import first_hand_origins, outlet_edges, outlet_reach, outlet_roles


def test_outlet_edges_of_echo(echo_case):
    # worked from tests/cases/echo/citations.csv: each citation from the citing claim's outlet to the cited claim's
    # outlet (or the cited source), an outlet citing itself left out
    assert outlet_edges(echo_case).values.tolist() == [
        ["News Aggregator", "Outlet One", 3, "corroborates 1, relies on 2"],
        ["News Aggregator", "Outlet Two", 2, "corroborates 2"],
        ["News Aggregator", "Official (unnamed)", 1, "relies on 1"],
        ["Outlet One", "Dr. Expert", 1, "relies on 1"],
        ["Outlet One", "News Aggregator", 1, "relies on 1"],
        ["Outlet One", "Official (unnamed)", 1, "relies on 1"],
        ["Outlet Two", "Official (unnamed)", 1, "relies on 1"],
    ]


def test_outlet_edges_agree_with_an_independent_count_on_deir(deir_case):
    c = deir_case
    publisher = c.claims.merge(c.reports[["report_id", "source_id"]], on="report_id").set_index("claim_id")["source_id"]
    names = c.sources.set_index("source_id")["name"]
    counted: Counter = Counter()
    for citing, cited in c.citations[["claim_id", "cites"]].itertuples(index=False):
        u, v = publisher[citing], publisher.get(cited, cited)
        if u != v:
            counted[(names[u], names[v])] += 1
    edges = outlet_edges(c)
    assert dict(zip(zip(edges["cites"], edges["cited"], strict=True), edges["weight"], strict=True)) == dict(counted)
    assert edges["weight"].is_monotonic_decreasing
    # the relations in words add up to the weight
    for words, weight in zip(edges["relations"], edges["weight"], strict=True):
        assert sum(int(part.rsplit(" ", 1)[1]) for part in words.split(", ")) == weight


def test_outlet_roles_of_echo(echo_case):
    roles = outlet_roles(echo_case)
    assert roles.index.name == "outlet"
    assert roles.reset_index().values.tolist() == [
        ["Outlet One", 3, 3, 3, "Dr. Expert, Official (unnamed)", "brings an origin"],
        ["Outlet Two", 2, 1, 2, "Official (unnamed), Outlet Two", "brings an origin"],
        ["News Aggregator", 3, 6, 1, "Official (unnamed)", "brings an origin"],
    ]


def test_an_outlet_that_only_repeats(own_reporting_case):
    roles = outlet_roles(own_reporting_case)
    assert roles["role"].to_dict() == {
        "Paper A": "brings an origin",
        "Channel B": "brings an origin",
        "Digest": "only repeats",
    }
    assert roles.loc["Digest", "origins_brought"] == ""
    assert roles["claims"].tolist() == [2, 1, 2]
    # in and out weights are the outlet graph's degrees: what Digest cites, the others receive
    assert roles["cites"].sum() == roles["cited_by"].sum() == 4


def test_first_hand_origins_of_own_reporting(own_reporting_case):
    # o1 and o3 are Paper A's own reporting, o2 Channel B's; Digest only cites claims
    assert first_hand_origins(own_reporting_case).values.tolist() == [["paper_a", "paper_a"], ["paper_b", "paper_b"]]


def test_outlet_reach_of_echo(echo_case):
    # origins in the end: Outlet One's e_one, e_x, e_single rest on anon and expert1; Outlet Two's e_two and e_y on
    # anon and its own reporting; the aggregator's claims on anon, expert1 and Outlet Two, of which it brought anon
    assert outlet_reach(echo_case).reset_index().values.tolist() == [
        ["Outlet One", 2, 2],
        ["Outlet Two", 2, 2],
        ["News Aggregator", 3, 1],
    ]


def test_outlet_reach_counts_the_sources_reachable_in_the_outlet_graph(own_reporting_case):
    # with no loops and only relies_on/corroborates, an outlet's origins are the outlets it reaches that bring one
    reach = outlet_reach(own_reporting_case)
    g = nx.DiGraph([(u, v) for u, v in outlet_edges(own_reporting_case)[["cites", "cited"]].itertuples(index=False)])
    bringers = set(outlet_roles(own_reporting_case).query("role == 'brings an origin'").index)
    expected = {o: len(((nx.descendants(g, o) if o in g else set()) | {o}) & bringers) for o in reach.index}
    assert reach["origins_in_the_end"].to_dict() == expected
    assert isinstance(reach, pd.DataFrame) and reach.dtypes.tolist() == ["int64", "int64"]
