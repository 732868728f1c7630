"""kit.show.citation_graph: the part of the graph a proposition's picture shows (checked against the tables), and
the picture drawn with a label for every claim's figure and every outlet, worked by hand from tests/cases/echo."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

import kit
from kit.show.citation_graph import plot_citation_graph, story_graph


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_story_graph_is_the_proposition_and_what_it_cites(echo_case):
    g = story_graph(echo_case, "strike_deaths")
    c = echo_case
    own = set(c.claims["claim_id"]) - set(c.citations["claim_id"])  # e_y: cites nothing
    assert g.graph["own_reporting"] == own == {"e_y"}
    mine = set(c.claims.loc[c.claims["proposition"] == "strike_deaths", "claim_id"])
    cited = set(c.citations.loc[c.citations["claim_id"].isin(mine), "cites"])
    # e_indep cites e_x and e_y (expert_view); e_x cites expert1; e_y rests on its publisher outlet2
    assert set(g) == mine | cited | {"expert1", "outlet2"}
    assert "expert2" not in g  # never cited
    for a, b in c.citations[["claim_id", "cites"]].itertuples(index=False):
        if a in g and b in g:
            assert g.has_edge(a, b)


def test_the_whole_case_without_a_proposition(echo_case):
    assert set(story_graph(echo_case)) >= set(echo_case.claims["claim_id"]) | {"anon", "expert1"}


def test_the_picture_labels_every_figure_and_outlet(echo_case):
    ax = plot_citation_graph(echo_case, "strike_deaths")
    texts = sorted(t.get_text() for t in ax.texts)
    # echo's claims shown: 12 (e_one, e_direct), 10-15 (e_two), 10+ (e_echo, e_single), no figure (e_indep, e_x, e_y)
    figures = ["10+", "10+", "10–15", "12", "12", "no figure", "no figure", "no figure"]
    assert [t for t in texts if t in set(figures)] == figures
    for name in ["Outlet One", "Outlet Two", "News Aggregator", "Official (unnamed)", "Dr. Expert"]:
        assert name in texts
    assert "Second Expert" not in texts
    assert "strike deaths" in ax.get_title()


def test_an_unknown_proposition_is_refused(echo_case):
    with pytest.raises(kit.UnknownName):
        plot_citation_graph(echo_case, "strike_dead")
