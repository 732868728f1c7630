"""Loading at scale: the pyarrow fast path for CSV gives exactly what the csv-module path gives, parquet tables
load to the same case as CSV, and a few hundred thousand rows load in a few seconds.

The fast path (kit.reading.parse_csv_fast) is taken only when every non-empty physical line is one record;
its line numbers come from where the line breaks are. Each test here reads the same bytes both ways.
"""

import datetime as dt
import os
import time

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import kit
from kit.checking import check_tables
from kit.reading import parse_csv_fast, parse_csv_text, read_csv_table
from kit.reading.parquet import _parquet_text
from kit.reading.raw import cell_text as _cell_text

TABLES = ("sources", "reports", "claims", "citations")
HEADER = "claim_id,cites,relation,evidence"


def both_ways(data: bytes, name="citations"):
    """(fast table or None, fast problems, exact table, exact problems) for the same bytes."""
    fast_problems, slow_problems = [], []
    fast = parse_csv_fast(data, "t.csv", name, fast_problems)
    slow = parse_csv_text(data.decode("utf-8-sig"), "t.csv", name, slow_problems)
    return fast, fast_problems, slow, slow_problems


def assert_same(fast, slow):
    assert list(fast.lines) == list(slow.lines)
    assert fast.header_line == slow.header_line
    assert list(fast.cells.columns) == list(slow.cells.columns)
    assert fast.cells.astype(object).values.tolist() == slow.cells.values.tolist()
    assert fast.bad_rows == slow.bad_rows


SAME = {
    "plain": f"{HEADER}\nk1,s1,relies_on,x\nk2,k1,corroborates,\n",
    "blank lines": f"\n\n{HEADER}\n\nk1,s1,relies_on,x\n\n\nk2,k1,corroborates,y\n\n",
    "rows of empty cells": f",,,\n{HEADER}\n,,,\nk1,s1,relies_on,x\n , ,,\nk2,k1,disputes,\n",
    "quoted commas": f'{HEADER}\nk1,s1,relies_on,"a, b"\n"k2","k1","corroborates","say ""yes"", then"\n',
    "empty quoted": f'{HEADER}\nk1,s1,relies_on,""\nk2,"",disputes,""""\n',
    "CRLF": f"{HEADER}\r\nk1,s1,relies_on,x\r\n\r\nk2,k1,corroborates,\r\n",
    "no final line break": f"{HEADER}\nk1,s1,relies_on,x\nk2,k1,corroborates,y",
    "spaces kept inside, stripped around": f"{HEADER}\n  k1 ,\u00a0s1\u2003,relies_on, two  words \n",
    "unicode": f"{HEADER}\nk1,s1,relies_on,Фонтанка сообщает\nk2,k1,corroborates,دير الزور\n",
    "header only": f"{HEADER}\n",
    "odd header": " Claim_ID ,CITES,,Relation\nk1,s1,,relies_on\n",
    "duplicate column": "claim_id,cites,cites,relation\nk1,s1,s2,relies_on\n",
    "nameless column with values": "claim_id,cites,relation,\nk1,s1,relies_on,x\n",
}


@pytest.mark.parametrize("name", sorted(SAME))
def test_fast_path_gives_the_exact_paths_table(name):
    for data in (SAME[name].encode("utf-8"), b"\xef\xbb\xbf" + SAME[name].encode("utf-8")):
        fast, fast_problems, slow, slow_problems = both_ways(data)
        assert fast is not None, "this input should take the fast path"
        assert_same(fast, slow)
        assert fast_problems == slow_problems


FALL_BACK = {
    "quoted line break": f'{HEADER}\nk1,s1,relies_on,"line one\nline two"\nk2,k1,disputes,\n',
    "quoted CRLF": f'{HEADER}\r\nk1,s1,relies_on,"line one\r\nline two"\r\nk2,k1,disputes,\r\n',
    "lone carriage return": f"{HEADER}\rk1,s1,relies_on,x\r",
    "quote left open": f'{HEADER}\nk1,s1,relies_on,"open\nk2,k1,disputes,\n',
    "text after closing quote": f'{HEADER}\nk1,s1,relies_on,"a"b\n',
    "space before opening quote": f'{HEADER}\nk1,s1,relies_on, "a"\n',
    "quote inside a value": f'{HEADER}\nk1,s1,relies_on,5" gun\n',
    "quotes inside a value": f'{HEADER}\nk1,s1,relies_on,a "b" c\n',
    "too many values": f"{HEADER}\nk1,s1,relies_on,x,y\n",
    "empty extra value": f"{HEADER}\nk1,s1,relies_on,x,\n",
    "too few values": f"{HEADER}\nk1,s1\n",
    "whitespace-only line": f"{HEADER}\n   \nk1,s1,relies_on,x\n",
}


@pytest.mark.parametrize("name", sorted(FALL_BACK))
def test_fast_path_declines_what_it_cannot_read_exactly(name, tmp_path):
    data = FALL_BACK[name].encode("utf-8")
    fast, _, slow, slow_problems = both_ways(data)
    assert fast is None
    # read_csv_table then gives the exact path's answer
    f = tmp_path / "citations.csv"
    f.write_bytes(data)
    problems = []
    table = read_csv_table(str(f), "citations", problems)
    assert [p.message for p in problems] == [p.message for p in slow_problems]
    if slow is None:
        assert table is None
    else:
        assert list(table.lines) == list(slow.lines)
        assert table.cells.values.tolist() == slow.cells.values.tolist()


def test_random_tables_read_the_same_both_ways():
    """Random small tables from tricky pieces: whenever the fast path accepts, it agrees with the exact path."""
    rng = np.random.default_rng(7)
    pieces = ["a", "b c", " x ", "", '"q, r"', '""', '"say ""hi"""', "\u00a0", "é", '"', "\r", "\n", ",", "k_1"]
    accepted = 0
    for _ in range(400):
        lines = [HEADER]
        for _ in range(rng.integers(0, 6)):
            if rng.random() < 0.15:
                lines.append("")
                continue
            lines.append(",".join(pieces[i] for i in rng.integers(0, len(pieces), 4)))
        sep = "\r\n" if rng.random() < 0.3 else "\n"
        data = (sep.join(lines) + (sep if rng.random() < 0.8 else "")).encode("utf-8")
        fast, fast_problems, slow, slow_problems = both_ways(data)
        if fast is None:
            continue
        accepted += 1
        assert slow is not None, data
        assert_same(fast, slow)
        assert fast_problems == slow_problems, data
    assert accepted > 50


@pytest.mark.parametrize("threaded", [False, True])
def test_fast_and_exact_paths_give_the_same_problems_and_frames(tmp_path, monkeypatch, threaded):
    """A whole case with errors and warnings, read fast and read exactly: the same problems, word for word
    (also with the ids hashed in a second thread, as for big tables)."""
    if threaded:
        monkeypatch.setattr(kit.checking, "THREAD_ROWS", 0)
    base = kit.testing.synth.make_case(300, seed=3)
    folder = kit.save_case(base, tmp_path / "case")
    claims = (folder / "claims.csv").read_text(encoding="utf-8").splitlines()
    claims[5] = claims[5].replace(",asserted,", ",asserted-ish,").replace(",denied,", ",denid,")
    claims[9] = claims[9].split(",", 1)[0].upper() + "," + claims[9].split(",", 1)[1]
    claims.insert(12, "")
    claims.append(claims[20])  # a duplicate id
    (folder / "claims.csv").write_text("\n".join(claims) + "\n", encoding="utf-8")
    cites = (folder / "citations.csv").read_text(encoding="utf-8").splitlines()
    cites.append(cites[3])  # a duplicate pair
    cites.append("k_nowhere,origin_nowhere,relies_on,")
    (folder / "citations.csv").write_text("\r\n".join(cites) + "\r\n", encoding="utf-8")

    def check(fast):
        raw = kit.reading.RawCase(str(folder))
        for name in TABLES:
            raw.tables[name] = read_csv_table(str(folder / f"{name}.csv"), name, raw.problems, fast=fast)
        return raw, check_tables(raw.tables)

    raw_fast, (frames_fast, problems_fast, warnings_fast) = check(True)
    raw_slow, (frames_slow, problems_slow, warnings_slow) = check(False)
    assert isinstance(raw_fast.tables["claims"].cells["claim_id"].dtype, pd.StringDtype)
    assert raw_slow.tables["claims"].cells["claim_id"].dtype == object
    assert problems_fast and frames_fast is None and frames_slow is None
    assert list(map(str, problems_fast)) == list(map(str, problems_slow))
    assert list(map(str, warnings_fast)) == list(map(str, warnings_slow))
    assert all(type(p.line) is int for p in problems_fast + warnings_fast)

    # valid: the same typed frames both ways
    folder2 = kit.save_case(base, tmp_path / "valid")
    raw_fast = {n: read_csv_table(str(folder2 / f"{n}.csv"), n, [], fast=True) for n in TABLES}
    raw_slow = {n: read_csv_table(str(folder2 / f"{n}.csv"), n, [], fast=False) for n in TABLES}
    frames_fast, p1, w1 = check_tables(raw_fast)
    frames_slow, p2, w2 = check_tables(raw_slow)
    assert p1 == p2 == [] and list(map(str, w1)) == list(map(str, w2))
    for name in TABLES:
        pd.testing.assert_frame_equal(frames_fast[name], frames_slow[name])
        pd.testing.assert_frame_equal(frames_fast[name], getattr(base, name))


def write_parquet(case, folder):
    folder.mkdir()
    for name in TABLES:
        frame = getattr(case, name)  # the file's columns: published_latest is derived (exact dates here)
        frame.drop(columns=[c for c in ("published_latest",) if c in frame.columns]).to_parquet(
            folder / f"{name}.parquet", index=False
        )
    (folder / "case.toml").write_text(kit.store.saving.meta_toml(case.meta), encoding="utf-8")
    return folder


def test_parquet_round_trip_equals_csv_load(tmp_path):
    case = kit.testing.synth.make_case(500, seed=5)
    from_csv = kit.load_case(kit.save_case(case, tmp_path / "csv"))
    from_parquet = kit.load_case(write_parquet(case, tmp_path / "pq"))
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(from_parquet, name), getattr(from_csv, name))
    assert from_parquet.meta == from_csv.meta
    assert [(w.line, w.column, w.message) for w in from_parquet.warnings] == [
        (w.line, w.column, w.message) for w in from_csv.warnings
    ]


def test_parquet_line_numbers_are_row_index_plus_two(tmp_path):
    case = kit.testing.synth.make_case(50, seed=2)
    folder = write_parquet(case, tmp_path / "pq")
    claims = case.claims.copy()
    claims.loc[7, "claim_id"] = "Not A Slug"
    claims.to_parquet(folder / "claims.parquet", index=False)
    _, problems, _ = kit.check_case(folder)
    slug = [p for p in problems if p.column == "claim_id" and "not a valid id" in p.message]
    assert [(os.path.basename(p.file), p.line) for p in slug] == [("claims.parquet", 9)]


def test_csv_is_read_when_both_forms_are_there(tmp_path):
    case = kit.testing.synth.make_case(30, seed=4)
    folder = kit.save_case(case, tmp_path / "both")
    case.claims.head(3).to_parquet(folder / "claims.parquet", index=False)
    assert len(kit.load_case(folder).claims) == len(case.claims)


def test_parquet_values_written_as_a_workbook_writes_them():
    """The array conversions of parquet columns give what the value-by-value path (_cell_text) gives."""
    utc = pd.Timestamp("2018-02-13T14:05:00Z")
    columns = [
        pa.array(["a", None, " b "]),
        pa.array([True, False, None]),
        pa.array([7, None, -3], pa.int64()),
        pa.array([1, 2, 3], pa.int8()),
        pa.array([dt.date(2018, 2, 13), None, dt.date(1999, 1, 1)]),
        pa.array([utc.value, None, pd.Timestamp("2018-02-13T00:00:00Z").value], pa.timestamp("ns", "UTC")),
        pa.array([utc.value, pd.Timestamp("2018-02-13").value, None], pa.timestamp("ns")),
        pa.array([utc.value // 1000, None, 0], pa.timestamp("us", "UTC")),
        pa.array(["x", "y", None]).dictionary_encode(),
    ]
    for column in columns:
        want = column.to_pandas().astype(object)
        want = [_cell_text(v) for v in want.where(want.notna(), "")]
        assert _parquet_text(pa.chunked_array([column])).to_pylist() == want, column.type


def test_two_hundred_thousand_claims_load_in_seconds(tmp_path):
    """A moderately big case (200,000 reports, ~580,000 citations) loads from CSV in a few seconds."""
    case = kit.testing.synth.make_case(200_000, seed=1)
    folder = tmp_path / "big"
    folder.mkdir()
    for name in TABLES:  # written with pandas: save_case's canonical writer is slow at this size
        frame = getattr(case, name).drop(columns=["published_latest"], errors="ignore")  # derived: not a file column
        text = frame.astype(object).where(frame.notna(), "")
        if name == "reports":
            text["published"] = frame["published"].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
        if name == "sources":
            text["confidential"] = frame["confidential"].map({True: "true", False: "false"})
        text.to_csv(folder / f"{name}.csv", index=False)
    started = time.perf_counter()
    loaded = kit.load_case(folder)
    seconds = time.perf_counter() - started
    assert len(loaded.claims) == len(case.claims) and len(loaded.citations) == len(case.citations)
    pd.testing.assert_frame_equal(loaded.citations, case.citations)
    pd.testing.assert_series_equal(loaded.reports["published"], case.reports["published"])
    assert seconds < 15, f"{seconds:.1f} s"
