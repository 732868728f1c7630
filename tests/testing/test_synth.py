"""kit.testing.synth.make_case: valid, deterministic, realistic in shape, and typed exactly as load_case types it."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

import kit
from kit.case import check_case

TABLES = ("sources", "reports", "claims", "citations")


@pytest.fixture(scope="module")
def big():
    return kit.testing.synth.make_case(20_000, seed=11)


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    case = kit.testing.synth.make_case(3_000, seed=5)
    folder = kit.save_case(case, tmp_path_factory.mktemp("synth") / "case")
    return case, folder


def test_round_trip_gives_equal_frames_and_no_problems(saved):
    case, folder = saved
    again, problems, warnings = check_case(folder)
    assert problems == [] and warnings == []  # valid, and no citation points to a later claim
    for name in TABLES:
        a, b = getattr(case, name), getattr(again, name)
        assert list(a.dtypes.astype(str)) == list(b.dtypes.astype(str)), name
        assert a.equals(b), name


def test_provenance_is_the_same_after_the_round_trip(saved):
    case, folder = saved
    assert kit.provenance(case).equals(kit.provenance(kit.load_case(folder)))


@pytest.mark.parametrize("n", [0, 1, 2, 3, 10, 57])
def test_small_cases_are_valid(n, tmp_path):
    case = kit.testing.synth.make_case(n, seed=n)
    assert len(case.reports) == n and (n == 0 or len(case.claims) >= n)
    again = kit.load_case(kit.save_case(case, tmp_path / "c"))
    for name in TABLES:
        assert getattr(case, name).equals(getattr(again, name)), name
    kit.provenance(case)


def test_deterministic_per_seed():
    a, b, c = (kit.testing.synth.make_case(2_000, seed=s) for s in (4, 4, 5))
    for name in TABLES:
        assert getattr(a, name).equals(getattr(b, name)), name
    assert not a.citations.equals(c.citations)


def test_shape_about_one_claim_per_report_and_three_citations_per_claim(big):
    assert len(big.reports) == 20_000
    assert 1.0 <= len(big.claims) / len(big.reports) <= 1.02
    assert 2.5 <= len(big.citations) / len(big.claims) <= 3.5
    share = big.citations["relation"].value_counts(normalize=True)
    assert 0.01 <= share["disputes"] <= 0.05


def test_about_one_percent_of_claims_in_loops(big):
    in_loops = sum(len(loop) for loop in kit.circular(big))
    assert 0.005 <= in_loops / len(big.claims) <= 0.02
    p = kit.provenance(big)
    assert (p["n_origins"] == 0).any()  # some loops have no way out


def test_outlets_heavy_tailed_wires_and_anonymous_origins(big):
    kinds = big.sources.set_index("source_id")["kind"]
    per_outlet = big.reports["source_id"].value_counts()
    top = per_outlet.iloc[: max(1, len(per_outlet) // 100)].sum() / len(big.reports)
    assert top > 0.15  # the top 1% of outlets publish a large share
    assert {"wire", "anonymous", "social", "official", "document"} <= set(kinds)
    p = kit.provenance(big)
    origin_kinds = kinds.reindex([s for t in p["origins"] for s in t]).value_counts()
    assert origin_kinds.get("anonymous", 0) > 0 and origin_kinds.get("social", 0) > 0
    # wire copy: some claims are cited by many others
    cited = big.citations["cites"].value_counts()
    assert cited.iloc[0] >= 50


def test_chains_several_hops_deep_not_hundreds(big):
    sup = big.citations[big.citations["relation"] != "disputes"]
    claims = set(big.claims["claim_id"])
    g = nx.DiGraph((a, b) for a, b in zip(sup["claim_id"], sup["cites"], strict=False) if b in claims)
    depth = nx.dag_longest_path_length(nx.condensation(g))
    assert 4 <= depth <= 60
    assert np.median(kit.provenance(big)["n_origins"]) <= 10
