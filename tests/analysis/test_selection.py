"""kit.analysis.selection: the default question (case.toml's ``proposition`` honoured, else the most claims, ties to
the first), the order of publication, and what a picture of a question shows."""

import dataclasses

import pandas as pd
import pytest

from kit.analysis.selection import choose_proposition, in_publication_order, publication_key, shown_with


def _with_meta(case, **meta):
    return dataclasses.replace(case, meta={**case.meta, **meta})


def test_case_toml_names_the_question(deir_case):
    assert choose_proposition(deir_case) == "russians_killed_feb7"  # the most claims
    other = "russians_in_refinery_attack"
    assert other in set(deir_case.claims["proposition"])
    assert choose_proposition(_with_meta(deir_case, proposition=other)) == other


def test_a_named_question_no_claim_has_is_refused_with_the_known_ones(echo_case):
    with pytest.raises(ValueError, match="no claim has it; the case's propositions are: expert_view, "):
        choose_proposition(_with_meta(echo_case, proposition="nothing"))
    with pytest.raises(ValueError, match="no claims"):
        choose_proposition(dataclasses.replace(echo_case, claims=echo_case.claims.iloc[:0]))


def test_a_tie_goes_to_the_question_whose_first_claim_comes_first(echo_case):
    # tests/cases/echo: strike_deaths has 6 claims, expert_view 2 (e_x, e_y)
    assert choose_proposition(echo_case) == "strike_deaths"
    claims = echo_case.claims.copy()
    claims["proposition"] = ["b", "a", "a", "b", "b", "a", "a", "b"][: len(claims)]
    assert choose_proposition(dataclasses.replace(echo_case, claims=claims)) == "b"
    assert choose_proposition(dataclasses.replace(echo_case, claims=claims.iloc[::-1])) == "b"


def test_publication_order_is_earliest_then_latest_then_id():
    T = pd.Timestamp
    frame = pd.DataFrame(
        {
            "claim_id": ["c", "b", "a", "d"],
            "published": [T("2018-02-12"), T("2018-02-12"), T("2018-02-12"), T("2018-02-11")],
            "published_latest": [T("2018-02-12"), T("2018-02-13"), T("2018-02-12"), T("2018-02-20")],
        }
    )
    assert list(in_publication_order(frame)["claim_id"]) == ["d", "a", "c", "b"]
    keys = [publication_key(p, q, c) for c, p, q in frame[["claim_id", "published", "published_latest"]].to_numpy()]
    assert sorted(keys) == [keys[3], keys[2], keys[0], keys[1]]
    assert publication_key(T("2018-02-12"), pd.NaT, "x") == (T("2018-02-12"), T("2018-02-12"), "x")


def test_shown_with_a_question_is_its_claims_what_they_cite_and_publishers_on_their_own_word(echo_case):
    # expert_view: e_x cites expert1; e_y cites nothing, so Outlet Two (its publisher) is shown
    assert shown_with(echo_case, "expert_view") == {"e_x", "e_y", "expert1", "outlet2"}
    assert shown_with(echo_case, "no_such_question") == set()
    everything = shown_with(echo_case)
    assert set(echo_case.claims["claim_id"]) <= everything
    assert "expert2" not in everything  # cited by no one
