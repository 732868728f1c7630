"""kit.analysis.scale: a case written as partitioned parquet (write_tables) and kit.provenance's answers computed by
Dask over it (provenance_dask), on a cluster of two worker processes.

Needs the `scale` extra (dask[dataframe,distributed], pyarrow); skipped where it is not installed.
"""

import pandas as pd
import pytest

import kit
import kit.analysis.scale


def test_write_tables_writes_each_table_in_partitions_that_read_back_as_the_case(tmp_path):
    pytest.importorskip("pyarrow")
    case = kit.testing.synth.make_case(200, seed=4)
    path = kit.analysis.scale.write_tables(case, tmp_path / "tables", npartitions=3)
    for name in ("sources", "reports", "claims", "citations"):
        parts = sorted((path / name).glob("*.parquet"))
        assert len(parts) >= 1, name
        back = pd.read_parquet(path / name)
        assert list(back[back.columns[0]].astype(str)) == list(getattr(case, name)[back.columns[0]].astype(str)), name


def test_dask_path_on_a_two_worker_cluster_gives_identical_answers(tmp_path, dask_cluster):
    """kit.analysis.scale.provenance_dask (iterated joins over partitioned parquet) on a LocalCluster with 2 workers
    (conftest's dask_cluster) gives kit.provenance's answers, returned and written."""
    from dask.distributed import get_task_stream

    case = kit.testing.synth.make_case(1500, seed=9)
    assert kit.circular(case), "the case should hold loops"
    want = kit.provenance(case)
    tables = kit.analysis.scale.write_tables(case, tmp_path / "tables", npartitions=3)
    with dask_cluster.as_current(), get_task_stream(dask_cluster) as tasks:
        got = kit.analysis.scale.provenance_dask(tables)
        out = kit.analysis.scale.provenance_dask(tables, tmp_path / "out")
    assert len({t["worker"] for t in tasks.data}) == 2  # it ran on the cluster's two worker processes
    assert got.equals(want)
    written = pd.read_parquet(out).set_index("claim_id").reindex(want.index)
    assert [tuple(v) for v in written["origins"]] == list(want["origins"])
    assert (written["n_origins"].to_numpy() == want["n_origins"].to_numpy()).all()
    assert (written["echo"].to_numpy() == want["echo"].to_numpy()).all()
