"""kit.graphview.widget: the explorable graph as a widget; its data is graph_data's, and what falls when sources are
discredited (set from Python, as the view does) is checked against networkx reachability on the citation tables."""

import networkx as nx
import pytest

import kit
from kit.graphview.data import graph_data
from kit.graphview.widget import GraphView

FOLLOWED = ("relies_on", "corroborates")


def _fallen(case, gone):
    g = nx.DiGraph()
    cites = case.citations[case.citations["relation"].isin(FOLLOWED)]
    g.add_edges_from(cites[["claim_id", "cites"]].itertuples(index=False))
    publisher = case.claims.merge(case.reports, on="report_id").set_index("claim_id")["source_id"]
    for k in case.claims["claim_id"]:
        if k not in g or g.out_degree(k) == 0:
            g.add_edge(k, publisher[k])
    sources = set(case.sources["source_id"])
    out = []
    for k in case.claims["claim_id"]:
        origins = {n for n in nx.descendants(g, k) if n in sources}
        if origins and origins <= set(gone):
            out.append(k)
    return sorted(out)


def test_the_data_is_graph_datas(echo_case):
    view = GraphView(echo_case, "strike_deaths")
    assert view.data == graph_data(echo_case, "strike_deaths")
    assert repr(view) == "Citation graph of strike_deaths (8 claims): run the notebook to explore it."
    assert view.selected == "" and view.discredited == [] and view.fallen == []


@pytest.mark.parametrize("gone", [["anon"], ["expert1"], ["anon", "expert1"], ["outlet2", "expert1"]])
def test_what_falls_follows_the_discredited_sources(echo_case, gone):
    view = GraphView(echo_case, "strike_deaths")
    view.discredited = gone
    assert sorted(view.fallen) == _fallen(echo_case, gone)
    view.discredited = []
    assert view.fallen == []
    assert sorted(GraphView(echo_case, discredited=gone).fallen) == _fallen(echo_case, gone)


def test_unknown_names_are_refused(echo_case):
    with pytest.raises(kit.UnknownName):
        GraphView(echo_case, "strike_dead")
    with pytest.raises(kit.UnknownName):
        GraphView(echo_case, discredited=["nobody"])
