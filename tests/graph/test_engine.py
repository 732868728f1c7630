"""The provenance engine against the plain per-claim networkx answer, on random small cases.

Hypothesis builds random valid cases -- loops, self-loops, disputes, claims citing only disputes, reports
with several claims or none, sources that are never cited -- and every claim's answer from
``kit.provenance`` must equal the one computed here, claim by claim, with ``networkx.descendants`` and the
own-reporting rule of the contract. ``kit.origins`` (its own search) must give the same source set, with
``hops`` the shortest path length.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit
from kit.case import Case
from kit.checking import check_tables
from kit.reading import RawTable
from kit.schema import COLUMNS

SUPPORTING = {"relies_on", "corroborates"}


def _case_from_rows(tables: dict) -> Case:
    raw = {}
    for name, rows in tables.items():
        columns = [c for c in COLUMNS[name] if c != "basis"]  # the random rows have the version 1 columns
        frame = pd.DataFrame(rows, columns=columns, dtype=object).fillna("")
        frame = frame.astype(str) if len(frame) else frame
        raw[name] = RawTable(name, f"{name}.csv", frame, list(range(2, len(frame) + 2)))
    frames, problems, warnings = check_tables(raw)
    assert not problems, problems
    return Case(
        frames["sources"],
        frames["reports"],
        frames["claims"],
        frames["citations"],
        meta={"title": "random"},
        warnings=warnings,
    )


@st.composite
def cases(draw):
    n_sources = draw(st.integers(1, 6))
    n_reports = draw(st.integers(1, 8))
    n_claims = draw(st.integers(1, 12))
    sources = [
        [
            f"s{i}",
            f"Source {i}",
            draw(st.sampled_from(["wire", "anonymous", "social", "official"])),
            "",
            "",
            draw(st.sampled_from(["", "A", "C", "F"])),
            "",
            "",
            "",
        ]
        for i in range(n_sources)
    ]
    reports = [
        [
            f"r{i}",
            f"s{draw(st.integers(0, n_sources - 1))}",
            f"2018-02-{draw(st.integers(1, 28)):02d}",
            "",
            "",
            "",
            "",
            "",
        ]
        for i in range(n_reports)
    ]
    claims = [
        [
            f"k{i}",
            f"r{draw(st.integers(0, n_reports - 1))}",
            draw(st.sampled_from(["p", "q"])),
            "text",
            "",
            "",
            "",
            "",
            "asserted",
            "",
        ]
        for i in range(n_claims)
    ]
    targets = [f"k{i}" for i in range(n_claims)] + [f"s{i}" for i in range(n_sources)]
    pairs = draw(
        st.lists(
            st.tuples(
                st.integers(0, n_claims - 1),
                st.sampled_from(targets),
                st.sampled_from(["relies_on", "relies_on", "corroborates", "disputes"]),
            ),
            max_size=30,
            unique_by=lambda t: (t[0], t[1]),
        )
    )
    citations = [[f"k{a}", b, rel, ""] for a, b, rel in pairs]
    return _case_from_rows({"sources": sources, "reports": reports, "claims": claims, "citations": citations})


def reference(case) -> dict:
    """claim_id -> (n_cited, n_origins, echo, origins, hops), the plain way, one search per claim."""
    publisher = dict(zip(case.reports["report_id"], case.reports["source_id"], strict=False))
    claim_pub = {c: publisher[r] for c, r in zip(case.claims["claim_id"], case.claims["report_id"], strict=False)}
    claims = set(claim_pub)
    g = nx.DiGraph()
    g.add_nodes_from(claims)
    for a, b, rel in case.citations[["claim_id", "cites", "relation"]].itertuples(index=False):
        if rel in SUPPORTING:
            g.add_edge(a, b)

    def origin_hops(c):
        dist = nx.single_source_shortest_path_length(g, c)
        hops = {}
        for x, d in dist.items():
            if x not in claims:
                continue
            succ = list(g.successors(x))
            reached = [claim_pub[x]] if not succ else [s for s in succ if s not in claims]
            for s in reached:
                hops[s] = min(hops.get(s, d + 1), d + 1)
        return hops

    memo = {}

    def origin_set(c):
        if c in memo:
            return memo[c]
        reach = nx.descendants(g, c) | {c}
        found = set()
        for x in reach:
            if x in claims and g.out_degree(x) == 0:
                found.add(claim_pub[x])
            elif x not in claims:
                found.add(x)
        memo[c] = found
        return found

    out = {}
    for c in case.claims["claim_id"]:
        o = origin_set(c)
        cited = list(g.successors(c))
        seen, echo = [], False
        for item in cited:
            seen.extend(origin_set(item) if item in claims else {item})
        echo = len(cited) >= 2 and len(seen) != len(set(seen))
        out[c] = (len(cited), len(o), echo, tuple(sorted(o)), origin_hops(c))
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_provenance_matches_networkx_per_claim(case):
    p = kit.provenance(case)
    assert list(p.index) == list(case.claims["claim_id"])
    assert list(p.columns) == ["n_cited", "n_origins", "echo", "origins"]
    assert [str(t) for t in p.dtypes] == ["int64", "int64", "bool", "object"]
    ref = reference(case)
    for c, (n_cited, n_origins, echo, origins, hops) in ref.items():
        row = p.loc[c]
        assert (int(row["n_cited"]), int(row["n_origins"]), bool(row["echo"]), row["origins"]) == (
            n_cited,
            n_origins,
            echo,
            origins,
        ), c
        assert isinstance(row["origins"], tuple)
        o = kit.origins(case, c)
        assert tuple(sorted(o["source_id"])) == origins, c
        assert dict(zip(o["source_id"], o["hops"], strict=False)) == hops, c
    for s in case.sources["source_id"]:
        assert kit.without(case, s) == [c for c in ref if ref[c][3] == (s,)]


def test_provenance_on_a_synthetic_case_matches_networkx():
    case = kit.testing.synth.make_case(3000, seed=7)
    p = kit.provenance(case)
    ref = reference(case)
    got = {c: (int(a), int(b), bool(e), o) for c, a, b, e, o in p.itertuples()}
    assert got == {c: r[:4] for c, r in ref.items()}
    assert kit.circular(case), "the synthetic case should hold loops"


@pytest.mark.parametrize("storage", ["python", "object"])
def test_same_answers_whatever_the_string_storage(storage):
    """Arrow-backed ids go through pyarrow's index_in, Python strings through pandas' hash table."""
    case = kit.testing.synth.make_case(2000, seed=2)

    def convert(frame):
        out = frame.copy()
        for col in out.columns:
            if isinstance(out[col].dtype, pd.StringDtype):
                out[col] = out[col].astype(pd.StringDtype("python") if storage == "python" else object)
        return out

    other = Case(*(convert(getattr(case, t)) for t in ("sources", "reports", "claims", "citations")), meta=case.meta)
    assert kit.provenance(other).equals(kit.provenance(case))
    claim = case.claims["claim_id"].iloc[-1]
    assert kit.origins(other, claim).equals(kit.origins(case, claim))
