"""kit.show.outlet_graph: who cites whom, drawn: one label per outlet that cites or is cited (from the tables),
none for a source nobody cites."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from kit.show.outlet_graph import plot_outlet_graph


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


@pytest.mark.parametrize("fixture", ["echo_case", "own_reporting_case", "loop_case"])
def test_one_label_per_outlet_in_a_citation(request, fixture):
    case = request.getfixturevalue(fixture)
    publisher = case.claims.merge(case.reports, on="report_id").set_index("claim_id")["source_id"]
    involved = set()
    for a, b in case.citations[["claim_id", "cites"]].itertuples(index=False):
        u, v = publisher[a], publisher.get(b, b)
        if u != v:
            involved |= {u, v}
    names = case.sources.set_index("source_id")["name"]
    ax = plot_outlet_graph(case)
    assert sorted(t.get_text() for t in ax.texts) == sorted(names[s] for s in involved)
    assert ax.get_title().startswith(case.title)


def test_it_draws_on_the_axes_given(echo_case):
    fig, ax = plt.subplots()
    assert plot_outlet_graph(echo_case, ax=ax) is ax
    assert ax.texts and ax.figure is fig
