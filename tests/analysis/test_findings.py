"""The analyses: origins, independence, provenance, circular, drift, without, timeline.

Every expected value is written out literally, worked out by hand from tests/cases/ (see conftest.py for what
each case demonstrates). Loops must never hang: the loop case is also run in a subprocess with a timeout.
"""

import pathlib
import subprocess
import sys

import pandas as pd
import pytest

import kit

CASES = pathlib.Path(__file__).resolve().parents[1] / "cases"
ROOT = CASES.parent.parent

ORIGINS_COLS = ["source_id", "name", "kind", "reliability", "hops"]
INDEPENDENCE_COLS = ["published", "source_id", "n_cited", "n_origins", "echo", "origins"]
# contract version 2: drift has basis and question_changed; the timeline has published_latest
DRIFT_COLS = [
    "claim_id",
    "cites",
    "relation",
    "basis",
    "question_changed",
    "inflated",
    "scope_changed",
    "measure_changed",
    "hardened",
]
DRIFT_V1 = [c for c in DRIFT_COLS if c not in ("basis", "question_changed")]  # the flags compared row by row
TIMELINE_V1 = ["claim_id", "published", "source_id", "outlet", "low", "high", "certainty", "n_origins"]
TIMELINE_COLS = [
    "claim_id",
    "published",
    "published_latest",
    "source_id",
    "outlet",
    "low",
    "high",
    "certainty",
    "n_origins",
]
T = pd.Timestamp


def py(v):
    if v is None or (not isinstance(v, (str, tuple, list)) and pd.isna(v)):
        return None
    if hasattr(v, "item") and not isinstance(v, pd.Timestamp):
        return v.item()
    return v


def rows(df, columns):
    """The frame's rows as tuples of plain values (NA -> None, tuples kept), for literal comparison."""
    return [
        tuple(py(v) if not isinstance(v, tuple) else tuple(v) for v in r)
        for r in df[columns].itertuples(index=False, name=None)
    ]


def origin_rows(case, claim_id):
    o = kit.origins(case, claim_id)
    assert list(o.columns) == ORIGINS_COLS
    return rows(o, ORIGINS_COLS)


def table(df, columns):
    """{index: (values...)} in index order, as a list of pairs."""
    return list(zip(list(df.index), rows(df, columns), strict=False))


# --------------------------------------------------------------------------------------------- origins


def test_origins_loop_with_exit(loop_case):
    """ring_m -> ring_k -> ring_b -> ring_m; only ring_k -> witness leaves the loop."""
    witness = ("witness", "Eyewitness", "individual", "D")
    assert origin_rows(loop_case, "ring_k") == [witness + (1,)]
    assert origin_rows(loop_case, "ring_m") == [witness + (2,)]
    assert origin_rows(loop_case, "ring_b") == [witness + (3,)]


@pytest.mark.parametrize("claim_id", ["dead_x", "dead_y", "self_s", "after_z"])
def test_origins_loop_without_exit_is_empty(loop_case, claim_id):
    """A loop with no way out rests on nothing (not on its publisher); so does a claim leaning only on it."""
    o = kit.origins(loop_case, claim_id)
    assert list(o.columns) == ORIGINS_COLS
    assert len(o) == 0


def test_origins_disputes_are_not_followed(disputes_case):
    assert origin_rows(disputes_case, "d_report") == [("monitor_x", "War Monitor", "monitor", "C", 1)]
    # only disputes d_report: own reporting
    assert origin_rows(disputes_case, "d_denial") == [("ministry", "Ministry of Defence", "official", "C", 1)]
    # relies on d_report, disputes d_denial: the ministry is not an origin
    assert origin_rows(disputes_case, "d_mixed") == [("monitor_x", "War Monitor", "monitor", "C", 2)]


def test_origins_own_reporting(own_reporting_case):
    c = own_reporting_case
    assert origin_rows(c, "o1") == [("paper_a", "Paper A", "newspaper", "B", 1)]
    assert origin_rows(c, "o2") == [("paper_b", "Channel B", "broadcaster", "C", 1)]
    assert origin_rows(c, "o3") == [("paper_a", "Paper A", "newspaper", "B", 1)]
    assert origin_rows(c, "o4") == [("paper_a", "Paper A", "newspaper", "B", 2)]
    assert origin_rows(c, "o5") == [
        ("paper_a", "Paper A", "newspaper", "B", 2),
        ("paper_b", "Channel B", "broadcaster", "C", 2),
    ]


def test_origins_echo_hops_are_shortest(echo_case):
    anon = ("anon", "Official (unnamed)", "anonymous", "F")
    assert origin_rows(echo_case, "e_one") == [anon + (1,)]
    assert origin_rows(echo_case, "e_echo") == [anon + (2,)]
    assert origin_rows(echo_case, "e_single") == [anon + (3,)]  # e_single -> e_echo -> e_one -> anon
    assert origin_rows(echo_case, "e_direct") == [anon + (1,)]  # direct (1) beats via e_one (2)
    assert origin_rows(echo_case, "e_indep") == [
        ("expert1", "Dr. Expert", "individual", "C", 2),
        ("outlet2", "Outlet Two", "broadcaster", "C", 2),
    ]
    assert origin_rows(echo_case, "e_y") == [("outlet2", "Outlet Two", "broadcaster", "C", 1)]


def test_origins_sorted_by_hops_then_source_id(drift_case):
    """k3 -> k2 -> {k1 -> own: rumour_mill (3 hops), official (2)}; k3 -> k_other -> own: wire (2)."""
    assert origin_rows(drift_case, "k3") == [
        ("official", "Defence Ministry", "official", "D", 2),
        ("wire", "Wire Agency", "wire", "A", 2),
        ("rumour_mill", "Telegram channel", "social", "E", 3),
    ]
    # k7 relies on k6 and disputes k2: the dispute adds nothing
    assert origin_rows(drift_case, "k7") == [("rumour_mill", "Telegram channel", "social", "E", 3)]


def test_origins_cyrillic(cyrillic_case):
    assert origin_rows(cyrillic_case, "c_fk") == [("insider", "Источник, близкий к ЧВК", "anonymous", "E", 1)]
    mo = ("mo_rf", "Министерство обороны РФ", "official", "F")
    assert origin_rows(cyrillic_case, "c_mo") == [mo + (1,)]
    assert origin_rows(cyrillic_case, "c_late") == [mo + (2,)]
    assert origin_rows(cyrillic_case, "c_ins") == [mo + (3,)]


def test_origins_one_row_and_workbook(one_row_case, workbook_case):
    assert origin_rows(one_row_case, "c1") == [("solo", "Solo Gazette", "newspaper", "C", 1)]
    assert origin_rows(workbook_case, "w2") == [("witness", "Eyewitness", "individual", "F", 2)]


def test_origins_unknown_claim_is_keyerror_with_suggestion(echo_case):
    with pytest.raises(KeyError) as e:
        kit.origins(echo_case, "e_on")
    assert "e_one" in str(e.value)


def test_origins_unknown_claim_in_empty_case_is_keyerror(empty_case):
    with pytest.raises(KeyError):
        kit.origins(empty_case, "anything")


# --------------------------------------------------------------------------------------------- independence


def test_independence_echo(echo_case):
    d = kit.independence(echo_case, "strike_deaths")
    assert list(d.columns) == INDEPENDENCE_COLS
    assert d.index.name == "claim_id"
    assert table(d, INDEPENDENCE_COLS) == [
        ("e_one", (T("2022-06-01T09:00:00Z"), "outlet1", 1, 1, False, ("anon",))),
        ("e_two", (T("2022-06-01T11:00:00Z"), "outlet2", 1, 1, False, ("anon",))),
        ("e_echo", (T("2022-06-02T09:00:00Z"), "aggregator", 2, 1, True, ("anon",))),
        ("e_direct", (T("2022-06-03T09:00:00Z"), "aggregator", 2, 1, True, ("anon",))),
        ("e_indep", (T("2022-06-03T09:00:00Z"), "aggregator", 2, 2, False, ("expert1", "outlet2"))),
        ("e_single", (T("2022-06-04T09:00:00Z"), "outlet1", 1, 1, False, ("anon",))),
    ]


def test_independence_other_proposition(echo_case):
    d = kit.independence(echo_case, "expert_view")
    assert table(d, INDEPENDENCE_COLS[1:]) == [
        ("e_x", ("outlet1", 1, 1, False, ("expert1",))),
        ("e_y", ("outlet2", 0, 1, False, ("outlet2",))),
    ]


def test_independence_own_reporting(own_reporting_case):
    d = kit.independence(own_reporting_case, "flood_dead")
    assert table(d, INDEPENDENCE_COLS[1:]) == [
        ("o1", ("paper_a", 0, 1, False, ("paper_a",))),
        ("o2", ("paper_b", 0, 1, False, ("paper_b",))),
        ("o3", ("paper_a", 0, 1, False, ("paper_a",))),
        ("o4", ("digest", 2, 1, True, ("paper_a",))),  # both supports are Paper A's own reporting
        ("o5", ("digest", 2, 2, False, ("paper_a", "paper_b"))),
    ]


def test_independence_disputes(disputes_case):
    d = kit.independence(disputes_case, "soldiers_killed")
    assert table(d, INDEPENDENCE_COLS[1:]) == [
        ("d_report", ("agency", 1, 1, False, ("monitor_x",))),
        ("d_denial", ("ministry", 0, 1, False, ("ministry",))),  # a dispute is not cited support
        ("d_mixed", ("agency", 1, 1, False, ("monitor_x",))),
    ]


def test_independence_loop(loop_case):
    """ring_k cites ring_b and witness; ring_b's origin is witness too (through the loop): echo."""
    d = kit.independence(loop_case, "sightings")
    assert table(d, INDEPENDENCE_COLS[1:]) == [
        ("dead_x", ("paper_a", 1, 0, False, ())),
        ("dead_y", ("paper_a", 1, 0, False, ())),
        ("ring_m", ("paper_b", 1, 1, False, ("witness",))),
        ("ring_k", ("blog", 2, 1, True, ("witness",))),
        ("ring_b", ("paper_a", 1, 1, False, ("witness",))),
        ("self_s", ("blog", 1, 0, False, ())),
        ("after_z", ("paper_b", 1, 0, False, ())),
    ]


def test_independence_one_row(one_row_case):
    d = kit.independence(one_row_case, "only_question")
    assert table(d, INDEPENDENCE_COLS) == [
        ("c1", (T("2024-01-15T08:30:00Z"), "solo", 0, 1, False, ("solo",))),
    ]


def test_independence_unknown_proposition_is_keyerror(echo_case):
    with pytest.raises(KeyError):
        kit.independence(echo_case, "no_such_question")


@pytest.mark.parametrize("fn", ["independence", "drift", "timeline"])
def test_unknown_proposition_in_empty_case_is_keyerror(empty_case, fn):
    with pytest.raises(KeyError):
        getattr(kit, fn)(empty_case, "anything")


# --------------------------------------------------------------------------------------------- provenance


def test_provenance_loop(loop_case):
    p = kit.provenance(loop_case)
    assert p.index.name == "claim_id"
    assert table(p, ["n_cited", "n_origins", "echo", "origins"]) == [  # claims-table order
        ("self_s", (1, 0, False, ())),
        ("ring_k", (2, 1, True, ("witness",))),
        ("ring_b", (1, 1, False, ("witness",))),
        ("ring_m", (1, 1, False, ("witness",))),
        ("dead_y", (1, 0, False, ())),
        ("dead_x", (1, 0, False, ())),
        ("after_z", (1, 0, False, ())),
    ]


def test_provenance_drift(drift_case):
    p = kit.provenance(drift_case)
    assert table(p, ["n_cited", "n_origins", "echo", "origins"]) == [
        ("k1", (0, 1, False, ("rumour_mill",))),
        ("k2", (2, 2, False, ("official", "rumour_mill"))),
        ("k3", (2, 3, False, ("official", "rumour_mill", "wire"))),
        ("k4", (1, 1, False, ("rumour_mill",))),
        ("k5", (1, 1, False, ("rumour_mill",))),
        ("k6", (1, 1, False, ("rumour_mill",))),
        ("k7", (1, 1, False, ("rumour_mill",))),
        ("k8", (1, 2, False, ("official", "rumour_mill"))),
        ("k9", (1, 1, False, ("rumour_mill",))),
        ("k10", (1, 1, False, ("rumour_mill",))),
        ("k_other", (0, 1, False, ("wire",))),
    ]


def test_provenance_dtypes(echo_case):
    p = kit.provenance(echo_case)
    assert {"n_cited", "n_origins", "echo", "origins"} <= set(p.columns)
    assert pd.api.types.is_integer_dtype(p["n_cited"].dtype)
    assert pd.api.types.is_integer_dtype(p["n_origins"].dtype)
    assert pd.api.types.is_bool_dtype(p["echo"].dtype)
    assert all(isinstance(t, tuple) for t in p["origins"])


def test_provenance_empty(empty_case):
    p0 = kit.provenance(empty_case)
    assert len(p0) == 0
    assert {"n_cited", "n_origins", "echo", "origins"} <= set(p0.columns)


def test_provenance_one_row(one_row_case):
    p1 = kit.provenance(one_row_case)
    assert table(p1, ["n_cited", "n_origins", "echo", "origins"]) == [("c1", (0, 1, False, ("solo",)))]


@pytest.mark.parametrize(
    "case_name",
    [
        "loop_case",
        "disputes_case",
        "own_reporting_case",
        "echo_case",
        "drift_case",
        "cyrillic_case",
        "workbook_case",
        "one_row_case",
        "warnings_case",
    ],
)
def test_provenance_agrees_with_origins_and_independence(case_name, request):
    case = request.getfixturevalue(case_name)
    p = kit.provenance(case)
    assert list(p.index) == list(case.claims["claim_id"])
    for claim_id in case.claims["claim_id"]:
        o = kit.origins(case, claim_id)
        assert tuple(p.loc[claim_id, "origins"]) == tuple(sorted(o["source_id"])), claim_id
        assert int(p.loc[claim_id, "n_origins"]) == len(o), claim_id
    for prop in case.claims["proposition"].unique():
        d = kit.independence(case, prop)
        for claim_id in d.index:
            for name in ("n_cited", "n_origins", "echo"):
                assert py(d.loc[claim_id, name]) == py(p.loc[claim_id, name]), (claim_id, name)
            assert tuple(d.loc[claim_id, "origins"]) == tuple(p.loc[claim_id, "origins"]), claim_id


def test_results_are_new_objects(echo_case):
    """Changing a returned frame does not change the next answer (no shared cache)."""
    p = kit.provenance(echo_case)
    p.loc["e_echo", "n_cited"] = 99
    p.loc["e_one", "n_origins"] = 42
    again = kit.provenance(echo_case)
    assert int(again.loc["e_echo", "n_cited"]) == 2 and int(again.loc["e_one", "n_origins"]) == 1
    o = kit.origins(echo_case, "e_single")
    o.iloc[0, o.columns.get_loc("hops")] = 99
    assert int(kit.origins(echo_case, "e_single")["hops"].iloc[0]) == 3
    loops = kit.circular(echo_case)
    loops.append(["x"])
    assert kit.circular(echo_case) == []


# --------------------------------------------------------------------------------------------- circular


def test_circular_loop_case(loop_case):
    """Loops ordered by first publication; inside, by published then claim_id (dead_x/dead_y share r1).
    after_z leans on a loop but is not in one; dead_x -> after_z is a dispute, so it closes no loop."""
    assert kit.circular(loop_case) == [["dead_x", "dead_y"], ["ring_m", "ring_k", "ring_b"], ["self_s"]]


@pytest.mark.parametrize(
    "case_name",
    [
        "disputes_case",
        "own_reporting_case",
        "echo_case",
        "drift_case",
        "cyrillic_case",
        "workbook_case",
        "empty_case",
        "one_row_case",
    ],
)
def test_circular_none(case_name, request):
    assert kit.circular(request.getfixturevalue(case_name)) == []


def test_circular_returns_plain_lists_of_str(loop_case):
    loops = kit.circular(loop_case)
    assert isinstance(loops, list) and all(isinstance(x, list) for x in loops)
    assert all(type(c) is str for x in loops for c in x)


def test_loops_never_hang():
    """Every analysis on the loop case, in a fresh interpreter with a hard time limit."""
    code = (
        "import kit\n"
        f"c = kit.load_case({str(CASES / 'loop')!r})\n"
        "for x in c.claims['claim_id']: kit.origins(c, x)\n"
        "kit.independence(c, 'sightings'); kit.provenance(c); kit.circular(c); kit.drift(c, 'sightings')\n"
        "kit.timeline(c, 'sightings'); kit.citation_graph(c); kit.outlet_graph(c)\n"
        "for s in c.sources['source_id']: kit.without(c, s)\n"
        "print('done')\n"
    )
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "done"


# --------------------------------------------------------------------------------------------- drift


def test_drift_flags(drift_case):
    """Source citations (k2 -> official) and disputes (k7 -> k2) are not drift rows; since contract version 2 a
    citation of another proposition's claim (k3 -> k_other) is, with question_changed. Empty high = no upper bound;
    either low empty -> not inflated; subject/measure compared only when both are given, ignoring case and spaces;
    questioned/denied never harden."""
    d = kit.drift(drift_case, "russians_killed")
    assert list(d.columns) == DRIFT_COLS
    for name in ("inflated", "scope_changed", "measure_changed", "hardened"):
        assert pd.api.types.is_bool_dtype(d[name].dtype), name
    assert rows(d, DRIFT_V1) == [
        # claim, cites, relation,        inflated, scope, measure, hardened
        (
            "k2",
            "k1",
            "relies_on",
            True,
            True,
            True,
            True,
        ),  # 2 -> 201+; fighters -> citizens; casualties -> killed; rumoured -> asserted
        (
            "k3",
            "k2",
            "relies_on",
            False,
            False,
            False,
            False,
        ),  # "Russian  Citizens" = "russian citizens"; both highs unbounded
        ("k4", "k1", "corroborates", True, False, True, True),  # 5 > 2; k4 has no subject; rumoured -> alleged
        ("k5", "k4", "relies_on", True, False, False, False),  # same low, high 20 > 10; alleged -> questioned
        ("k6", "k1", "relies_on", False, False, False, True),  # citing low empty; rumoured -> estimated
        ("k7", "k6", "relies_on", False, False, True, False),  # cited low empty; estimated -> denied
        ("k8", "k2", "relies_on", False, False, False, False),  # 150-250 within 201+; asserted -> estimated
        ("k9", "k1", "corroborates", True, False, False, True),  # same low, high unbounded > 2; "Asserted"
        ("k10", "k5", "relies_on", False, False, False, False),  # questioned -> asserted does not count
        ("k3", "k_other", "relies_on", False, True, True, False),  # version 2: another proposition's claim
    ]
    assert d["question_changed"].tolist() == [False] * 9 + [True]  # ... is a row, and its question changed
    assert set(d["basis"]) == {"stated"}


def test_drift_disputes_not_drift(disputes_case):
    d = kit.drift(disputes_case, "soldiers_killed")
    assert rows(d, DRIFT_V1) == [("d_mixed", "d_report", "relies_on", False, False, False, True)]


def test_drift_cyrillic_float_low_and_denied(cyrillic_case):
    d = kit.drift(cyrillic_case, "russians_killed")
    assert rows(d, DRIFT_V1) == [
        ("c_ins", "c_late", "corroborates", True, False, True, False),  # 2.5-10 vs 5-5: high 10 > 5
        ("c_late", "c_mo", "relies_on", True, False, False, False),  # 5 > 0; denied is off the scale
    ]


def test_drift_in_loops(loop_case):
    d = kit.drift(loop_case, "sightings")
    d = d[d["claim_id"] != d["cites"]]  # whether a self-citation is a drift row is not pinned down
    assert rows(d, ["claim_id", "cites", "relation", "hardened"]) == [
        ("ring_m", "ring_k", "relies_on", True),  # alleged -> asserted
        ("ring_k", "ring_b", "relies_on", True),  # rumoured -> alleged
        ("ring_b", "ring_m", "corroborates", False),  # asserted -> rumoured
        ("dead_x", "dead_y", "relies_on", False),
        ("dead_y", "dead_x", "relies_on", False),
        ("after_z", "dead_x", "relies_on", False),  # asserted -> estimated
    ]


def test_drift_one_row_is_empty(one_row_case):
    d = kit.drift(one_row_case, "only_question")
    assert list(d.columns) == DRIFT_COLS and len(d) == 0


@pytest.mark.parametrize("fn", ["drift", "timeline"])
def test_unknown_proposition_is_keyerror(echo_case, fn):
    with pytest.raises(KeyError):
        getattr(kit, fn)(echo_case, "no_such_question")


# --------------------------------------------------------------------------------------------- without


def test_without_loop(loop_case):
    assert kit.without(loop_case, "witness") == ["ring_k", "ring_b", "ring_m"]  # claims-table order
    assert kit.without(loop_case, "paper_a") == []  # dead_x etc. have no origin to lose


def test_without_echo(echo_case):
    assert kit.without(echo_case, "anon") == ["e_one", "e_two", "e_echo", "e_direct", "e_single"]
    assert kit.without(echo_case, "expert1") == ["e_x"]  # e_indep keeps outlet2
    assert kit.without(echo_case, "outlet2") == ["e_y"]
    assert kit.without(echo_case, "expert2") == []


def test_without_own_reporting_and_disputes(own_reporting_case, disputes_case, one_row_case):
    assert kit.without(own_reporting_case, "paper_a") == ["o1", "o3", "o4"]
    assert kit.without(own_reporting_case, "paper_b") == ["o2"]
    assert kit.without(own_reporting_case, "digest") == []
    assert kit.without(disputes_case, "ministry") == ["d_denial"]
    assert kit.without(disputes_case, "monitor_x") == ["d_report", "d_mixed"]
    assert kit.without(one_row_case, "solo") == ["c1"]


# --------------------------------------------------------------------------------------------- timeline


def test_timeline_echo(echo_case):
    t = kit.timeline(echo_case, "strike_deaths")
    assert list(t.columns) == TIMELINE_COLS
    assert isinstance(t.index, pd.RangeIndex) and list(t.index) == list(range(6))
    assert rows(t, TIMELINE_V1) == [
        ("e_one", T("2022-06-01T09:00:00Z"), "outlet1", "Outlet One", 12, 12, "alleged", 1),
        ("e_two", T("2022-06-01T11:00:00Z"), "outlet2", "Outlet Two", 10, 15, "alleged", 1),
        ("e_echo", T("2022-06-02T09:00:00Z"), "aggregator", "News Aggregator", 10, None, "asserted", 1),
        ("e_direct", T("2022-06-03T09:00:00Z"), "aggregator", "News Aggregator", 12, 12, "asserted", 1),
        ("e_indep", T("2022-06-03T09:00:00Z"), "aggregator", "News Aggregator", None, None, "asserted", 2),
        ("e_single", T("2022-06-04T09:00:00Z"), "outlet1", "Outlet One", 10, None, "asserted", 1),
    ]


def test_timeline_drift(drift_case):
    t = kit.timeline(drift_case, "russians_killed")
    assert list(t["claim_id"]) == ["k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "k10"]
    assert list(t["outlet"]) == [
        "Telegram channel",
        "Daily Paper",
        "Wire Agency",
        "TV One",
        "Defence Ministry",
        "Blog",
        "Daily Paper",
        "Wire Agency",
        "TV One",
        "Daily Paper",
    ]
    assert [int(x) for x in t["n_origins"]] == [1, 2, 3, 1, 1, 1, 1, 2, 1, 1]


def test_timeline_orders_by_utc_instant(cyrillic_case):
    """14:05+03:00 (c_ins) is 11:05 UTC, before 12:00Z (c_mo)."""
    t = kit.timeline(cyrillic_case, "russians_killed")
    assert rows(t, ["claim_id", "published", "outlet"]) == [
        ("c_fk", T("2018-02-13T00:00:00Z"), "Фонтанка"),
        ("c_ins", T("2018-02-13T11:05:00Z"), "Фонтанка"),
        ("c_mo", T("2018-02-13T12:00:00Z"), "Министерство обороны РФ"),
        ("c_late", T("2018-02-14T09:30:00Z"), "Министерство обороны РФ"),
    ]


def test_timeline_own_reporting_and_one_row(own_reporting_case, one_row_case):
    t = kit.timeline(own_reporting_case, "flood_dead")
    assert list(t["claim_id"]) == ["o1", "o2", "o3", "o4", "o5"]  # o4, o5 share r4: by claim_id
    t1 = kit.timeline(one_row_case, "only_question")
    assert rows(t1, TIMELINE_V1) == [("c1", T("2024-01-15T08:30:00Z"), "solo", "Solo Gazette", 7, 7, "asserted", 1)]
