"""kit.graphview.data: the explorable graph as plain data; its nodes and edges checked against the case's tables,
and what falls with a discredited source against networkx (reachability in the followed citations)."""

import json

import networkx as nx
import pytest

import kit
from kit.graphview.data import graph_data, layout_rows, scope

FOLLOWED = ("relies_on", "corroborates")


def _graph(case):
    """Followed citations from the tables; a claim citing nothing followed rests on its own publisher."""
    g = nx.DiGraph()
    cites = case.citations[case.citations["relation"].isin(FOLLOWED)]
    g.add_edges_from(cites[["claim_id", "cites"]].itertuples(index=False))
    publisher = case.claims.merge(case.reports, on="report_id").set_index("claim_id")["source_id"]
    for k in case.claims["claim_id"]:
        if k not in g or g.out_degree(k) == 0:
            g.add_edge(k, publisher[k])
    return g


def _origins(g, k, sources):
    return {n for n in nx.descendants(g, k) if n in sources}


@pytest.mark.parametrize(("name", "proposition"), [("echo", "strike_deaths"), ("loop", None), ("drift", None)])
def test_nodes_and_edges_are_the_cases(cases_dir, name, proposition):
    case = kit.load_case(cases_dir / name)
    proposition = proposition or case.claims["proposition"].value_counts().index[0]
    d = graph_data(case, proposition)
    json.loads(json.dumps(d))  # plain data, ready for JSON
    claims, sources = scope(case, proposition)
    ids = [n["id"] for n in d["nodes"]]
    assert sorted(ids) == sorted(claims + sources) and len(ids) == len(set(ids))
    props = case.claims.set_index("claim_id")["proposition"]
    assert set(props[props == proposition].index) <= set(claims)
    # every citation between shown nodes is an edge, with its relation; nothing else but own reporting
    shown = set(ids)
    table = {
        (a, b, r)
        for a, b, r in case.citations[["claim_id", "cites", "relation"]].itertuples(index=False)
        if a in shown and b in shown
    }
    drawn = {(e["from"], e["to"], e["relation"]) for e in d["edges"]}
    assert {e for e in drawn if e[2] != "own reporting"} == table
    for e in d["edges"]:
        assert e["followed"] == (e["relation"] in FOLLOWED or e["relation"] == "own reporting")
    assert all(n["kind"] == ("claim" if n["id"] in claims else "source") for n in d["nodes"])


def test_each_claims_origins_agree_with_networkx(cases_dir):
    case = kit.load_case(cases_dir / "echo")
    g, sources = _graph(case), set(case.sources["source_id"])
    for n in graph_data(case, "strike_deaths")["nodes"]:
        if n["kind"] == "claim":
            assert set(n["origins"]) == _origins(g, n["id"], sources), n["id"]


@pytest.mark.parametrize("gone", [["anon"], ["expert1"], ["anon", "expert1"], ["outlet2"], []])
def test_what_falls_with_discredited_sources(cases_dir, gone):
    case = kit.load_case(cases_dir / "echo")
    g, sources = _graph(case), set(case.sources["source_id"])
    d = graph_data(case, "strike_deaths", discredited=gone)
    assert d["discredited"] == gone
    for n in d["nodes"]:
        if n["kind"] == "claim":
            # falls: it had an origin, and every one is discredited
            origins = _origins(g, n["id"], sources)
            assert n["fallen"] == bool(origins and origins <= set(gone)), (n["id"], gone)
        else:
            assert n["discredited"] == (n["id"] in gone)


def test_the_layout_rows_are_the_shown_claims_and_sources(cases_dir):
    case = kit.load_case(cases_dir / "echo")
    claim_rows, source_rows, edges = layout_rows(case, "strike_deaths")
    claims, sources = scope(case, "strike_deaths")
    assert sorted(r["id"] for r in claim_rows) == sorted(claims)
    assert sorted(r["id"] for r in source_rows) == sorted(sources)


def test_unknown_names_are_refused(cases_dir):
    case = kit.load_case(cases_dir / "echo")
    with pytest.raises(kit.UnknownName):
        graph_data(case, "strike_dead")
    with pytest.raises(kit.UnknownName):
        graph_data(case, "strike_deaths", discredited=["nobody"])
