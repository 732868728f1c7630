"""kit.checking.typed: a checked table as the typed frame of a case; every typing rule (enums lower-cased, an empty
grade F or 6, an empty basis stated, confidential words, counts whole where whole) checked on hand-written tables."""

import numpy as np
import pandas as pd

from kit.checking.checker import Checker
from kit.checking.typed import count_array, lower_text, text_array, typed_frame
from kit.reading import read_raw
from kit.schema import COLUMNS


def _frame(tmp_path, name, text, check=None):
    (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    c = Checker(read_raw(str(tmp_path)).tables)
    if check:
        check(c)
    return typed_frame(c, name)


def test_sources_are_typed(tmp_path):
    text = (
        "source_id,name,kind,reliability,confidential,twitter\n"
        "a,A,Wire,b,Yes,@a\n"
        "b,B,ANONYMOUS,,,\n"
        "c,C,official,F,0,\n"
        "d,D,social,a,TRUE,\n"
    )
    f = _frame(tmp_path, "sources", text)
    assert list(f.columns) == [*COLUMNS["sources"], "twitter"]  # every known column, then the extra ones
    assert f["kind"].tolist() == ["wire", "anonymous", "official", "social"]
    assert f["reliability"].tolist() == ["B", "F", "F", "A"]
    assert f["confidential"].tolist() == [True, False, False, True]
    assert f["confidential"].dtype == bool
    assert f["affiliation"].isna().all()  # a missing column is empty, not the text ""
    assert f["twitter"].tolist()[0] == "@a" and f["twitter"].isna().tolist()[1:] == [True, True, True]


def test_claims_are_typed(tmp_path):
    from kit.checking.values import check_claims

    text = (
        "claim_id,report_id,proposition,text,certainty,low,high,credibility\n"
        "k1,r1,q,t,Asserted,200,,\n"
        "k2,r1,q,t,alleged,,12,3\n"
    )
    f = _frame(tmp_path, "claims", text, check_claims)
    assert f["certainty"].tolist() == ["asserted", "alleged"]
    assert str(f["low"].dtype) == "Int64" and f["low"].tolist() == [200, pd.NA]
    assert f["high"].tolist() == [pd.NA, 12]
    assert f["credibility"].tolist() == [6, 3] and str(f["credibility"].dtype) == "Int64"
    assert f["measure"].isna().all()


def test_reports_carry_their_latest_moment(tmp_path):
    text = "report_id,source_id,published\nr1,s,2018-02-13T10:00:00+01:00\nr2,s,2018-02\n"
    f = _frame(tmp_path, "reports", text)
    assert f["published"].tolist() == [pd.Timestamp("2018-02-13T09:00:00Z"), pd.Timestamp("2018-02-01", tz="UTC")]
    assert f["published_latest"].tolist() == [
        pd.Timestamp("2018-02-13T09:00:00Z"),
        pd.Timestamp("2018-02-28", tz="UTC"),
    ]
    assert str(f["published"].dtype) == "datetime64[ns, UTC]"


def test_an_empty_basis_is_stated(tmp_path):
    text = "claim_id,cites,relation,basis\nk1,k2,Relies_On,\nk1,s,corroborates,INFERRED\n"
    f = _frame(tmp_path, "citations", text)
    assert f["basis"].tolist() == ["stated", "inferred"]
    assert f["relation"].tolist() == ["relies_on", "corroborates"]


def test_text_and_lower_text_make_empty_missing():
    values = pd.Series(["Wire", "", "ANONYMOUS", "Wire"], dtype=object)
    assert text_array(values).tolist() == ["Wire", pd.NA, "ANONYMOUS", "Wire"]
    assert lower_text(values, ("wire", "anonymous")).tolist() == ["wire", pd.NA, "anonymous", "wire"]


def test_count_array_is_whole_only_when_every_count_is():
    assert str(count_array(pd.Series([12.0, np.nan, 200.0])).dtype) == "Int64"
    halves = count_array(pd.Series([1.5, np.nan, 2.0]))
    assert str(halves.dtype) == "Float64" and halves.tolist() == [1.5, pd.NA, 2.0]
    assert count_array(pd.Series([float(2**53)])).tolist() == [2**53]  # exact at the limit
