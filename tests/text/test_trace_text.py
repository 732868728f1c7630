"""kit.text.trace_text: what ``kit trace`` prints; hand-worked on the echo, loop and disputes fixtures, and the
origins with their hops checked against networkx's shortest paths on the citation graph built from the tables."""

import re

import networkx as nx
import pytest

import kit
from kit.text.trace_text import trace_text

E_SINGLE = """\
e_single — Outlet One, 2022-06-04 (asserted, figure 10+), credibility 6
  “The aggregator says at least ten”

Rests on:
  └─ relies_on e_echo — News Aggregator, 2022-06-02 (asserted, figure 10+)
     ├─ relies_on e_one — Outlet One, 2022-06-01 (alleged, figure 12)
     │  └─ relies_on anon [source: Official (unnamed), anonymous, reliability F]
     └─ corroborates e_two — Outlet Two, 2022-06-01 (alleged, figure 10–15)
        └─ relies_on anon [source: Official (unnamed), anonymous, reliability F]

Origins (1 independent origin):
  anon                 Official (unnamed) (anonymous), reliability F, 3 hops"""


def test_the_whole_text_of_a_claim_resting_twice_on_one_source(echo_case):
    # worked from tests/cases/echo: e_single (r7, Outlet One, low 10, no high, no credibility: 6) relies on e_echo,
    # which relies on e_one and is corroborated by e_two, both relying on the anonymous official
    assert trace_text(echo_case, "e_single") == E_SINGLE


def _graph(case):
    """The citations the kit follows by default (relies_on, corroborates), with a claim that cites nothing it
    follows resting on its own publisher: built from the tables, not from kit.graph."""
    g = nx.DiGraph()
    followed = case.citations[case.citations["relation"].isin(["relies_on", "corroborates"])]
    g.add_edges_from(followed[["claim_id", "cites"]].itertuples(index=False))
    publisher = case.claims.merge(case.reports, on="report_id").set_index("claim_id")["source_id"]
    for k in case.claims["claim_id"]:
        if k not in g or g.out_degree(k) == 0:
            g.add_edge(k, ("own", publisher[k]))
    return g


@pytest.mark.parametrize("name", ["echo", "own_reporting"])
def test_origins_and_hops_agree_with_networkx(cases_dir, name):
    case = kit.load_case(cases_dir / name)
    g = _graph(case)
    for k in case.claims["claim_id"]:
        text = trace_text(case, k)
        printed = dict(re.findall(r"^  (\S+) .*, (\d+) hops?$", text.split("\nOrigins")[1], re.M))
        lengths = nx.single_source_shortest_path_length(g, k)
        expected = {
            (s[1] if isinstance(s, tuple) else s): str(n)
            for s, n in lengths.items()
            if isinstance(s, tuple) or s in set(case.sources["source_id"])
        }
        assert printed == expected, k


def test_a_loop_is_marked_and_its_exit_is_the_origin(loop_case):
    text = trace_text(loop_case, "ring_m")
    assert "└─ corroborates ring_m — " in text
    assert text.count("(loop: the citations go in a circle back to this claim)") == 1
    assert text.endswith(
        "Origins (1 independent origin):\n  witness              Eyewitness (individual), reliability D, 2 hops"
    )


def test_a_dead_loop_has_no_origin(loop_case):
    assert trace_text(loop_case, "dead_x").endswith(
        "Origins: none — this claim rests only on a loop of claims citing each other"
    )


def test_a_disputed_claim_is_shown_but_not_followed(disputes_case):
    text = trace_text(disputes_case, "d_mixed")
    [line] = [x for x in text.splitlines() if "disputes d_denial" in x]
    assert line.endswith("(not followed)")
    assert "Origins (1 independent origin):" in text and "monitor_x" in text.split("Origins")[1]
    assert "Ministry" not in text.split("Origins")[1]


def test_an_uncertain_date_is_written_as_its_range(deir_case):
    first = trace_text(deir_case, "daily-beast-200-russian-fighters").splitlines()[0]
    assert first.startswith("daily-beast-200-russian-fighters — The Daily Beast, 2018-02-13/2018-02-28 (asserted")


def test_an_unknown_claim_is_named(echo_case):
    with pytest.raises(kit.UnknownName, match="e_singel"):
        trace_text(echo_case, "e_singel")
