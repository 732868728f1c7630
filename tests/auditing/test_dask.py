"""The audit's candidate step as Dask over partitioned parquet (kit.auditing.dask) gives the in-memory pairs exactly.

Needs the `scale` extra (dask[dataframe,distributed], pyarrow); skipped where it is not installed.
"""

from __future__ import annotations

import pandas as pd
import pytest

pytest.importorskip("dask.distributed")
pytest.importorskip("pyarrow")

from kit.auditing.dask import candidates, candidates_dask


def test_the_same_candidate_pairs_on_a_two_worker_cluster(tmp_path, dask_cluster):
    from dask.distributed import get_task_stream

    import kit.analysis.scale

    case = kit.testing.synth.make_case(5000, seed=11, copy_rate=0.2)
    truth = set(map(tuple, kit.testing.synth.hidden_copies(case).to_numpy()))
    want = candidates(case)
    pairs = set(zip(want["claim_id"], want["cites"], strict=False))
    # most hidden copies are candidates (the rest repeat a text an earlier claim already has: not a head)
    assert len(truth) > 500 and len(truth & pairs) / len(truth) > 0.85
    assert len(want) < 5000 * 4999 / 2 / 100  # and far from all pairs
    tables = kit.analysis.scale.write_tables(case, tmp_path / "tables", npartitions=4)
    with dask_cluster.as_current(), get_task_stream(dask_cluster) as tasks:  # conftest's two worker processes
        got = candidates_dask(tables)
        out = candidates_dask(tables, tmp_path / "pairs")
    assert len({t["worker"] for t in tasks.data}) == 2
    assert got.equals(want)
    written = pd.read_parquet(out)
    assert list(written.columns) == ["claim_id", "cites"]
    assert sorted(zip(written["claim_id"], written["cites"], strict=False)) == list(
        zip(want["claim_id"], want["cites"], strict=False)
    )


def test_the_pairs_are_those_the_audit_checks(tmp_path):
    """Every pair the audit lists for shared text is a candidate (or a copy of the same text), found by Dask too."""
    import kit.analysis.scale

    case = kit.testing.synth.make_case(600, seed=3, copy_rate=0.2)
    tables = kit.analysis.scale.write_tables(case, tmp_path / "t", npartitions=3)
    got = candidates_dask(tables)
    assert got.equals(candidates(case))
    from kit.auditing.context import claims_in_time_order
    from kit.auditing.text import STOP_WORDS, words

    c = claims_in_time_order(case)
    head, first = {}, {}
    for cid, text in zip(c.claim_id.to_pylist(), c.text.to_pylist(), strict=False):
        key = tuple(w for w in words(text or "") if w not in STOP_WORDS)
        head[cid] = first.setdefault(key, cid)  # the first claim, in time order, with these words
    found = kit.audit(case)
    shared = found[found["signal"] == "shared_text"]
    assert len(shared) > 50
    cand = set(zip(got["claim_id"], got["cites"], strict=False))
    for a, b in zip(shared["claim_id"], shared["cites"], strict=False):
        assert head[a] == head[b] or (head[a], head[b]) in cand, (a, b)


def test_a_claim_without_a_report_and_empty_texts(tmp_path):
    """Empty texts never pair; a claim whose report is missing sorts as the earliest (as in memory)."""
    import dataclasses

    import kit.analysis.scale

    case = kit.testing.synth.make_case(400, seed=5, copy_rate=0.2)
    claims = case.claims.copy()
    claims.loc[claims.index[:20], "text"] = ""
    claims.loc[claims.index[20:25], "text"] = pd.NA
    case = dataclasses.replace(case, claims=claims)
    tables = kit.analysis.scale.write_tables(case, tmp_path / "t", npartitions=5)
    got = candidates_dask(tables)
    assert got.equals(candidates(case)) and len(got) > 0
    empty = set(claims["claim_id"].iloc[:25])
    assert not empty & (set(got["claim_id"]) | set(got["cites"]))
