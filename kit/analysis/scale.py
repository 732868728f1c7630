"""Provenance past one machine: the same answers as :func:`kit.provenance`, as iterated joins over Dask.

When to switch: :func:`kit.provenance` handles a million reports in a few seconds and about 3 GB on one
machine (see ``BENCHMARKS.md``). Past what one machine's memory holds -- tens of millions of citations, or
tables that already live as partitioned parquet in a data lake -- use :func:`provenance_dask`, which never
holds the whole graph in one process.

How to run it on an existing cluster::

    from dask.distributed import Client
    client = Client("tcp://scheduler-host:8786")     # every Dask computation now runs there
    import kit.analysis.scale
    kit.analysis.scale.provenance_dask("s3://bucket/case-tables", "s3://bucket/provenance")

(the workers need kit, pandas, dask and pyarrow installed: the distribution is ``whose-word``, not ``kit``, so
``pip install 'whose_word-0.1.0-py3-none-any.whl[scale]'`` with a wheel built by ``python -m build``, or
``pip install '.[scale]'`` from a clone; see the README). Without a
``Client`` it runs on the local threads. To get parquet tables from a case: :func:`write_tables`.

The method: origin pairs ``(claim_id, origin)`` start as every source a claim cites with ``relies_on`` /
``corroborates`` plus, for a claim with no such citation, its publisher; then
``pairs = pairs ∪ (claim→claim supports ⋈ pairs)`` is repeated until no pair is added (as many rounds as
the longest chain, loops included). ``n_cited`` counts distinct supports; ``echo`` compares the supports'
origin sets counted with repeats to their union, exactly as the in-memory engine does.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from kit.schema import SUPPORTING

if TYPE_CHECKING:
    import dask.dataframe as dd
    from _typeshed import StrPath

    from kit.case import Case

__all__ = ["provenance_dask", "write_tables"]


def write_tables(case: Case, path: StrPath, npartitions: int = 4) -> Path:
    """Write a case's four tables as partitioned parquet folders ``sources/``, ``reports/``, ``claims/``,
    ``citations/`` under ``path``, ready for :func:`provenance_dask`.

    Parameters
    ----------
    case : kit.Case
    path : str or path-like
        The folder to write into (created if needed).
    npartitions : int, default 4
        Partitions per table (fewer for a table with fewer rows).

    Returns
    -------
    pathlib.Path
        ``path``.

    See Also
    --------
    provenance_dask : reads these folders.

    Examples
    --------
    >>> import kit, tempfile, os
    >>> out = write_tables(kit.testing.examples.diamond(), tempfile.mkdtemp(), npartitions=2)
    >>> sorted(os.listdir(out))
    ['citations', 'claims', 'reports', 'sources']
    """
    import dask.dataframe as dd

    out = Path(path)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("sources", "reports", "claims", "citations"):
        frame = getattr(case, name)
        parts = max(1, min(npartitions, len(frame)))
        dd.from_pandas(frame, npartitions=parts).to_parquet(str(out / name), write_index=False)
    return out


_LISTED_META = pd.DataFrame({"claim_id": pd.Series([], dtype="string"), "origins": pd.Series([], dtype=object)})


def _sorted_lists(df: pd.DataFrame) -> pd.DataFrame:
    """One row per claim of this partition: its origins as a sorted list."""
    if len(df) == 0:
        return _LISTED_META.copy()
    got = df.groupby("claim_id", sort=False)["origin"].agg(lambda s: sorted(s))
    return pd.DataFrame(
        {
            "claim_id": pd.array(got.index.to_numpy(dtype=object), dtype="string"),
            "origins": pd.Series(list(got.to_numpy()), dtype=object).to_numpy(),
        }
    )


def _as_tuple(v: Iterable[object] | float | None) -> tuple[str, ...]:
    """A list of origins as it comes back from Dask (list, numpy array or missing) as a tuple of str."""
    if v is None or isinstance(v, float):
        return ()
    return tuple(str(x) for x in v)


def _read(path: str, name: str, columns: list[str]) -> dd.DataFrame:
    import dask.dataframe as dd

    df = dd.read_parquet(f"{path}/{name}", columns=list(columns))
    return df.astype(dict.fromkeys(columns, "string"))


def provenance_dask(
    tables_path: StrPath, out_path: StrPath | None = None, *, max_rounds: int = 10_000
) -> pd.DataFrame | str:
    """Per-claim ``n_cited``, ``n_origins``, ``echo`` and ``origins`` for every claim, with dask.dataframe.

    Parameters
    ----------
    tables_path : str or path
        A folder (local or any fsspec URL) holding parquet tables ``reports``, ``claims`` and ``citations``
        (files or partitioned folders; same columns as the CSV case format).
    out_path : str or path, optional
        Where to write the result as parquet (``claim_id``, ``n_cited``, ``n_origins``, ``echo``,
        ``origins`` as a sorted list of source ids). Without it the result is returned as a pandas frame.
    max_rounds : int
        A safety stop for the join rounds; never reached on a finite case.

    Returns
    -------
    pandas.DataFrame or str
        Indexed by ``claim_id`` like :func:`kit.provenance` (``origins`` as tuples), or ``out_path``.
    """
    import dask
    import dask.dataframe as dd

    path = str(tables_path)
    claims = _read(path, "claims", ["claim_id", "report_id"])
    reports = _read(path, "reports", ["report_id", "source_id"])
    cit = _read(path, "citations", ["claim_id", "cites", "relation"])

    sup = cit[cit["relation"].isin(list(SUPPORTING))][["claim_id", "cites"]].drop_duplicates()
    claim_ids = claims[["claim_id"]].rename(columns={"claim_id": "cites"}).assign(is_claim=1.0)
    sup = sup.merge(claim_ids, on="cites", how="left")
    is_claim = sup["is_claim"].fillna(0.0) == 1.0
    to_claim = sup[is_claim][["claim_id", "cites"]].persist()
    to_source = sup[~is_claim][["claim_id", "cites"]].rename(columns={"cites": "origin"})
    n_cited = sup.groupby("claim_id").size().rename("n_cited").to_frame().reset_index()

    publisher = claims.merge(reports, on="report_id", how="left")[["claim_id", "source_id"]]
    own = publisher.merge(n_cited, on="claim_id", how="left")
    own = own[own["n_cited"].isna()][["claim_id", "source_id"]].rename(columns={"source_id": "origin"})
    nparts = max(1, cit.npartitions)
    pairs = dd.concat([to_source, own]).drop_duplicates().repartition(npartitions=nparts).persist()
    count = int(pairs.shape[0].compute())
    for _ in range(max_rounds):
        reached = to_claim.merge(pairs.rename(columns={"claim_id": "cites"}), on="cites")[["claim_id", "origin"]]
        grown = dd.concat([pairs, reached]).drop_duplicates().repartition(npartitions=nparts).persist()
        new_count = int(grown.shape[0].compute())
        pairs = grown
        if new_count == count:
            break
        count = new_count

    n_origins = pairs.groupby("claim_id").size().rename("n_origins").to_frame().reset_index()
    # echo: the supports' origin sets counted with repeats, against their union
    sizes = n_origins.rename(columns={"claim_id": "cites"})
    via_claims = to_claim.merge(sizes, on="cites", how="left").fillna({"n_origins": 0})
    repeats = dd.concat(
        [
            via_claims.groupby("claim_id")["n_origins"].sum().rename("repeats").to_frame().reset_index(),
            to_source.groupby("claim_id").size().rename("repeats").to_frame().reset_index(),
        ]
    )
    repeats = repeats.groupby("claim_id")["repeats"].sum().to_frame().reset_index()
    union = dd.concat(
        [to_claim.merge(pairs.rename(columns={"claim_id": "cites"}), on="cites")[["claim_id", "origin"]], to_source]
    ).drop_duplicates()
    union = union.groupby("claim_id").size().rename("union").to_frame().reset_index()
    listed = pairs.shuffle(on="claim_id").map_partitions(_sorted_lists, meta=_LISTED_META)

    out = claims[["claim_id"]]
    for part in (n_cited, n_origins, repeats, union, listed):
        out = out.merge(part, on="claim_id", how="left")
    out = out.assign(
        n_cited=out["n_cited"].fillna(0).astype("int64"),
        n_origins=out["n_origins"].fillna(0).astype("int64"),
        echo=(out["repeats"].fillna(0) > out["union"].fillna(0)).astype(bool),
    )[["claim_id", "n_cited", "n_origins", "echo", "origins"]]
    if out_path is not None:
        out = out.assign(origins=out["origins"].map(lambda v: list(_as_tuple(v)), meta=("origins", object)))
        import pyarrow as pa

        schema = pa.schema(
            [
                ("claim_id", pa.string()),
                ("n_cited", pa.int64()),
                ("n_origins", pa.int64()),
                ("echo", pa.bool_()),
                ("origins", pa.list_(pa.string())),
            ]
        )
        out.to_parquet(str(out_path), write_index=False, schema=schema)
        return str(out_path)
    with dask.config.set({"dataframe.convert-string": False}):
        result = out.compute()
    order = pd.Index(claims["claim_id"].compute().to_numpy(dtype=object), dtype=object)
    result = result.set_index(pd.Index(result["claim_id"].to_numpy(dtype=object), name="claim_id", dtype=object))
    result = result.drop(columns="claim_id").reindex(order)
    result.index.name = "claim_id"
    result["origins"] = [_as_tuple(v) for v in result["origins"]]
    return result.astype({"n_cited": "int64", "n_origins": "int64", "echo": bool})
