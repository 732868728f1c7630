"""kit.testing.examples: the two constructed cases are valid, new objects each call, and shaped as documented."""

import kit
from kit.testing.examples import diamond, loop


def test_each_call_builds_a_new_valid_case(tmp_path):
    for make in (diamond, loop):
        a, b = make(), make()
        assert a is not b and a.claims is not b.claims
        a.claims.loc[a.claims.index[0], "text"] = "changed"
        assert b.claims["text"].iloc[0] != "changed"
        kit.save_case(b, tmp_path / make.__name__)
        checked, errors, _ = kit.check_case(tmp_path / make.__name__)
        assert errors == [] and checked is not None and checked.claims.equals(b.claims)


def test_the_diamond_meets_at_wire_a_and_does_not_loop():
    case = diamond()
    assert [len(case.sources), len(case.reports), len(case.claims), len(case.citations)] == [4, 4, 4, 4]
    assert set(case.claims["proposition"]) == {"deaths"}
    p = kit.provenance(case)
    assert p["origins"].map(set).tolist() == [{"wire-a"}] * 4
    assert p.loc["site-d-12", "echo"] and p.loc["site-d-12", "n_cited"] == 2
    assert kit.circular(case) == []


def test_the_loop_rests_on_nothing():
    case = loop()
    assert [len(case.sources), len(case.reports), len(case.claims), len(case.citations)] == [2, 2, 2, 2]
    assert kit.circular(case) == [["blog-f-convoy", "paper-e-convoy"]]
    assert kit.provenance(case)["n_origins"].tolist() == [0, 0]
