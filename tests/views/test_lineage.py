"""kit.show.lineage: a claim's lineage drawn; one node label per row of its tree (claims as outlet and figure,
sources with kind and grade), relation words on the hops, drift named; the size fits its leaves."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from kit.analysis.trace import lineage
from kit.show.lineage import lineage_figsize, plot_lineage


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _labels(ax):
    return [t.get_text() for t in ax.texts if t.get_text()]


def test_the_nodes_and_hops_of_e_single(echo_case):
    ax = plot_lineage(echo_case, "e_single")
    texts = _labels(ax)
    # e_single <- e_echo <- (e_one <- anon, e_two <- anon): five hops, six nodes (tests/cases/echo)
    assert sorted(t for t in texts if ":" in t and "[" not in t) == sorted(
        [
            "Outlet One: 10+\n(asserted)",
            "News Aggregator: 10+\n(asserted)",
            "Outlet One: 12 (alleged)",
            "Outlet Two: 10–15\n(alleged)",
        ]
    )
    assert texts.count("Official (unnamed)\n[anonymous, F]") == 2
    hops = [t for t in texts if t.startswith(("relies on", "corroborates"))]
    assert len(hops) == 5
    # e_one (12, alleged) and e_two (10 to 15, alleged) become 10+ (no upper bound), asserted, in e_echo
    assert sum("inflated, hardened" in t for t in hops) == 2


def test_the_figure_is_tall_enough_for_its_leaves(echo_case, own_reporting_case):
    tall = lineage_figsize(lineage(echo_case, "e_single"))
    short = lineage_figsize(lineage(own_reporting_case, "o1"))
    assert tall[0] == short[0] == 10.0
    assert tall[1] > short[1] >= 1.0


def test_it_draws_on_the_axes_given(echo_case):
    fig, ax = plt.subplots()
    assert plot_lineage(echo_case, "e_one", ax=ax) is ax
