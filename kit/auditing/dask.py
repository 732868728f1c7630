"""The audit's candidate step past one machine: MinHash signatures and LSH buckets as Dask over partitioned parquet.

:func:`candidates_dask` gives exactly the candidate pairs of the in-memory audit (:func:`candidates`, the pairs
that :func:`kit.auditing.groups.head_candidates` passes to the exact check), from the tables as parquet folders
(:func:`kit.analysis.scale.write_tables`), without holding the whole case in one process:

1. each partition of ``claims`` gets its rows' table order and, joined with ``reports``, their publication
   times: the audit's time order is the middle of the possible publication time, then the earliest, then table
   order (:func:`kit.auditing.context.claims_in_time_order`);
2. each partition normalises its texts (:func:`kit.auditing.text.corpus`), hashes each word from its characters
   (:func:`kit.auditing.minhash.word_hashes`) and makes each text's key (:func:`kit.auditing.groups.text_keys`) and
   MinHash signature (:func:`kit.auditing.minhash.signatures`). Both depend on the text alone, so the partitions
   agree with the in-memory path without sharing a vocabulary;
3. shuffled by key, each group of equal texts keeps its first text in time order (its *head*);
4. each head gets one key per band (:func:`kit.auditing.minhash.band_keys`); shuffled by band key, each bucket is
   put in time order and paired (:func:`kit.auditing.minhash.bucket_pairs`, the same window rule);
5. the distinct pairs are joined with both signatures and kept when these agree on at least
   :data:`kit.auditing.groups.MIN_SIMILARITY` of their entries.

The exact check of each candidate needs the two texts and the case's word rarities; run it where the candidates
and their texts fit (they are far fewer than the claims). To run on a cluster, create a
``dask.distributed.Client`` first; every computation then runs there (workers need kit, pandas, dask, pyarrow).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from kit.auditing.context import claims_in_time_order
from kit.auditing.groups import MIN_SIMILARITY, group_keys, head_candidates
from kit.auditing.minhash import BANDS, ROWS, WINDOW, band_keys, bucket_pairs, signatures, word_hashes
from kit.auditing.text import corpus

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["candidates", "candidates_dask"]

_SIG = [f"s{i}" for i in range(BANDS * ROWS)]
_TIME = ["middle", "published", "row"]


def candidates(case: Case) -> pd.DataFrame:
    """The in-memory audit's candidate pairs, as claim ids.

    Parameters
    ----------
    case : kit.Case

    Returns
    -------
    pandas.DataFrame
        ``claim_id`` (the later text's head) and ``cites`` (the earlier), sorted by both. A claim that repeats the
        words of an earlier claim in full is not a head: the audit compares it through its group's head.

    Examples
    --------
    >>> import kit
    >>> case = kit.testing.synth.make_case(300, seed=4, copy_rate=0.1)
    >>> pairs = candidates(case)
    >>> truth = set(map(tuple, kit.testing.synth.hidden_copies(case).to_numpy()))
    >>> list(pairs.columns), len(truth & set(zip(pairs["claim_id"], pairs["cites"]))) / len(truth) >= 0.85
    (['claim_id', 'cites'], True)
    """
    claims = claims_in_time_order(case)
    _, head, cand = head_candidates(corpus(claims.text))
    heads = head[head >= 0]
    out = pd.DataFrame(
        {
            "claim_id": claims.ids_at(heads[cand[:, 0]]).astype(object),
            "cites": claims.ids_at(heads[cand[:, 1]]).astype(object),
        }
    )
    return out.sort_values(["claim_id", "cites"], kind="stable").reset_index(drop=True)


def _ns(values: pd.Series) -> np.ndarray:
    """Nanoseconds since 1970 (UTC), as the in-memory audit reads ``published``."""
    s = pd.to_datetime(pd.Series(values), utc=True)
    return s.astype("int64").to_numpy() if len(s) else np.zeros(0, np.int64)


def _row_numbers(df: pd.DataFrame, offsets, partition_info=None) -> pd.DataFrame:
    start = offsets[partition_info["number"]] if partition_info else 0
    return df.assign(row=np.arange(start, start + len(df), dtype=np.int64))


def _report_times(df: pd.DataFrame) -> pd.DataFrame:
    published = _ns(df["published"])
    latest = _ns(df["published_latest"]) if "published_latest" in df.columns else published
    return pd.DataFrame(
        {
            "report_id": df["report_id"].astype(object).to_numpy(),
            "p": published.astype(np.int64),
            "l": np.asarray(latest, dtype=np.int64),
        }
    )


def _text_meta() -> pd.DataFrame:
    cols: dict[str, type] = {"row": np.int64, "middle": np.int64, "published": np.int64, "key": np.uint64}
    cols.update(dict.fromkeys(_SIG, np.uint32))
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in cols.items()})


def _texts(df: pd.DataFrame) -> pd.DataFrame:
    """Per claim of the partition with content words: time order, text key and MinHash signature."""
    if len(df) == 0:
        return _text_meta()
    corp = corpus(df["text"].astype(object).where(df["text"].notna(), None).tolist())
    values = word_hashes(corp.vocab)[corp.ids]
    sig = signatures(corp.ptr, values)
    keys = group_keys(corp)
    live = np.diff(corp.ptr) > 0
    found = df["p"].notna().to_numpy()
    p = np.where(found, df["p"].fillna(0).to_numpy(dtype=np.int64), 0)
    late = np.where(found, df["l"].fillna(0).to_numpy(dtype=np.int64), 0)
    out = pd.DataFrame(
        {"row": df["row"].to_numpy(dtype=np.int64), "middle": p + (late - p) // 2, "published": p, "key": keys}
    )
    out = pd.concat([out, pd.DataFrame(sig, columns=_SIG)], axis=1)
    return out[live].reset_index(drop=True)


def _heads(df: pd.DataFrame) -> pd.DataFrame:
    """The first text in time order of each group of equal texts (all of a group are in this partition)."""
    return df.sort_values(["key", *_TIME], kind="stable").drop_duplicates("key", keep="first")


def _band_meta() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "band": pd.Series(dtype=np.int64),
            "bkey": pd.Series(dtype=np.uint64),
            **{c: pd.Series(dtype=np.int64) for c in _TIME},
        }
    )


def _bands(df: pd.DataFrame) -> pd.DataFrame:
    """One row per head and band: the band's key."""
    if len(df) == 0:
        return _band_meta()
    sig = df[_SIG].to_numpy(dtype=np.uint32)
    parts = [
        pd.DataFrame(
            {
                "band": np.full(len(df), b, dtype=np.int64),
                "bkey": band_keys(sig, b, ROWS),
                **{c: df[c].to_numpy(dtype=np.int64) for c in _TIME},
            }
        )
        for b in range(BANDS)
    ]
    return pd.concat(parts, ignore_index=True)


def _pair_meta() -> pd.DataFrame:
    return pd.DataFrame({"later": pd.Series(dtype=np.int64), "earlier": pd.Series(dtype=np.int64)})


def _bucket_pairs(df: pd.DataFrame, window: int) -> pd.DataFrame:
    """Pairs within each bucket (all of a bucket are in this partition), texts taken in time order."""
    if len(df) == 0:
        return _pair_meta()
    df = df.sort_values(_TIME, kind="stable").reset_index(drop=True)
    bucket = df.groupby(["band", "bkey"], sort=False).ngroup().to_numpy(dtype=np.int64)
    later, earlier = bucket_pairs(bucket, window)
    rows = df["row"].to_numpy(dtype=np.int64)
    return pd.DataFrame({"later": rows[later], "earlier": rows[earlier]})


def _similar(df: pd.DataFrame) -> pd.DataFrame:
    a = df[[f"{c}_l" for c in _SIG]].to_numpy(dtype=np.uint32)
    b = df[[f"{c}_e" for c in _SIG]].to_numpy(dtype=np.uint32)
    keep = (a == b).mean(axis=1) >= MIN_SIMILARITY if len(df) else np.zeros(0, dtype=bool)
    return df.loc[keep, ["later", "earlier"]]


def candidates_dask(tables_path, out_path=None, *, window: int = WINDOW):
    """:func:`candidates` (the same pairs) from parquet tables, with dask.dataframe.

    Parameters
    ----------
    tables_path : str or path
        A folder (local or any fsspec URL) holding parquet tables ``claims`` (``claim_id``, ``report_id``,
        ``text``) and ``reports`` (``report_id``, ``published``, optionally ``published_latest``), as files or
        partitioned folders, in table order (:func:`kit.analysis.scale.write_tables` writes them).
    out_path : str or path, optional
        Where to write the pairs as parquet (``claim_id``, ``cites``). Without it they are returned.
    window : int
        As for :func:`kit.auditing.minhash.candidate_pairs`.

    Returns
    -------
    pandas.DataFrame or str
        ``claim_id`` and ``cites``, sorted by both; or ``out_path``.

    Examples
    --------
    >>> import kit, tempfile
    >>> import kit.analysis.scale
    >>> case = kit.testing.synth.make_case(300, seed=4, copy_rate=0.1)
    >>> tables = kit.analysis.scale.write_tables(case, tempfile.mkdtemp(), npartitions=3)
    >>> candidates_dask(tables).equals(candidates(case))
    True
    """
    import dask
    import dask.dataframe as dd

    path = str(tables_path)
    with dask.config.set({"dataframe.convert-string": False}):
        claims = dd.read_parquet(f"{path}/claims", columns=["claim_id", "report_id", "text"])
        claims = claims.astype({"claim_id": object, "report_id": object, "text": object})
        reports = dd.read_parquet(f"{path}/reports")
        reports = reports[[c for c in ("report_id", "published", "published_latest") if c in reports.columns]]
        lengths = claims.map_partitions(len).compute()
        offsets = np.concatenate([[0], np.cumsum(np.asarray(lengths, dtype=np.int64))]).tolist()
        claims = claims.map_partitions(_row_numbers, offsets, meta={**claims.dtypes.to_dict(), "row": np.int64})
        ids = claims[["row", "claim_id"]]
        times = reports.map_partitions(_report_times, meta={"report_id": object, "p": np.int64, "l": np.int64})
        times = times.drop_duplicates("report_id")
        texts = claims[["row", "report_id", "text"]].merge(times, on="report_id", how="left")
        texts = texts.map_partitions(_texts, meta=_text_meta())
        heads = texts.shuffle(on="key").map_partitions(_heads, meta=_text_meta()).persist()
        bands = heads.map_partitions(_bands, meta=_band_meta())
        pairs = bands.shuffle(on="bkey").map_partitions(_bucket_pairs, window, meta=_pair_meta())
        pairs = pairs.drop_duplicates()
        sig = heads[["row", *_SIG]]
        both = pairs.merge(sig.rename(columns={"row": "later", **{c: f"{c}_l" for c in _SIG}}), on="later")
        both = both.merge(sig.rename(columns={"row": "earlier", **{c: f"{c}_e" for c in _SIG}}), on="earlier")
        kept = both.map_partitions(_similar, meta=_pair_meta())
        named = kept.merge(ids.rename(columns={"row": "later", "claim_id": "claim_id"}), on="later")
        named = named.merge(ids.rename(columns={"row": "earlier", "claim_id": "cites"}), on="earlier")
        named = named[["claim_id", "cites"]].astype({"claim_id": object, "cites": object})
        if out_path is not None:
            import pyarrow as pa

            named.to_parquet(
                str(out_path), write_index=False, schema=pa.schema([("claim_id", pa.string()), ("cites", pa.string())])
            )
            return str(out_path)
        out = named.compute()
    out = out.astype({"claim_id": object, "cites": object})
    return out.sort_values(["claim_id", "cites"], kind="stable").reset_index(drop=True)
