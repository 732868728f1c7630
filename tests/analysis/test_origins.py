"""kit.analysis.origins: the per-claim answers (origins, origin_hops) and the whole-case ones (provenance,
independence, without) agree with each other on the fixture cases; ``without`` of several sources is the claims
whose every origin is among them."""

import itertools

import pytest

import kit
from kit.analysis.origins import independence, origin_hops, origins, provenance, without

CASES = ("loop_case", "echo_case", "disputes_case", "own_reporting_case", "drift_case", "deir_case")


@pytest.mark.parametrize("name", CASES)
def test_provenance_origins_and_origin_hops_agree(name, request):
    case = request.getfixturevalue(name)
    p = provenance(case)
    hops = origin_hops(case)
    assert list(p.index) == list(case.claims["claim_id"])
    for claim_id, row in p.iterrows():
        one = origins(case, claim_id)
        assert tuple(sorted(one["source_id"])) == row["origins"] and row["n_origins"] == len(one), claim_id
        mine = hops[hops["claim_id"] == claim_id]
        assert dict(zip(mine["source_id"], mine["hops"], strict=True)) == dict(
            zip(one["source_id"], one["hops"], strict=True)
        ), claim_id


@pytest.mark.parametrize("name", CASES)
def test_without_is_the_claims_whose_every_origin_is_discredited(name, request):
    case = request.getfixturevalue(name)
    p = provenance(case)
    sources = sorted({s for t in p["origins"] for s in t})
    for k in (1, 2):
        for gone in itertools.islice(itertools.combinations(sources, k), 30):
            expected = [c for c, t in p["origins"].items() if t and set(t) <= set(gone)]
            assert without(case, *gone) == expected, gone
    assert without(case) == []


def test_without_two_sources_of_the_echo_case(echo_case):
    # tests/cases/echo by hand: e_indep rests on expert1 (through e_x) and on Outlet Two's own reporting (e_y cites
    # nothing); with both gone it falls, as do e_x and e_y; the five claims on anon stand.
    assert provenance(echo_case).loc["e_indep", "origins"] == ("expert1", "outlet2")
    assert without(echo_case, "expert1") == ["e_x"]
    assert without(echo_case, "expert1", "outlet2") == ["e_x", "e_y", "e_indep"]
    assert without(echo_case, "outlet2", "expert1", "outlet2") == ["e_x", "e_y", "e_indep"]  # order, repeats: no matter


def test_without_an_unknown_source_suggests_the_nearest(echo_case):
    with pytest.raises(kit.UnknownName, match="did you mean 'expert1'"):
        without(echo_case, "expert1", "exprt1")


def test_loops_without_a_way_out_rest_on_nothing(loop_case):
    p = provenance(loop_case)
    assert p.loc[["dead_x", "dead_y", "after_z"], "n_origins"].tolist() == [0, 0, 0]
    assert "dead_x" not in without(loop_case, *loop_case.sources["source_id"])  # nothing to lose
    ind = independence(loop_case, loop_case.claims["proposition"].iloc[0])
    assert set(ind.index) <= set(p.index)
    assert (ind["n_origins"] == p.loc[ind.index, "n_origins"]).all()
