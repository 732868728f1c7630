"""kit.checking.checker: one check's shared state; problems on the file's own lines, a row already reported as
unreadable not reported again, and every id column encoded with one dictionary (the same id, the same code)."""

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
import pytest

from kit.checking.checker import ID_REFS, Checker
from kit.reading import RawTable, read_raw


@pytest.fixture
def loop_checker(cases_dir):
    return Checker(read_raw(str(cases_dir / "loop")).tables)


def test_err_and_warn_name_the_physical_line_and_skip_unreadable_rows():
    cells = pd.DataFrame({"claim_id": ["a", "b", "c"]})
    # line numbers are physical lines: a quoted newline or a blank line makes them jump
    c = Checker({"claims": RawTable("claims", "claims.csv", cells, [2, 5, 9], bad_rows={1})})
    c.err("claims", 0, "claim_id", "first")
    c.err("claims", 1, "claim_id", "already reported as unreadable")
    c.err("claims", 2, "claim_id", "third")
    c.warn("claims", None, "colour", "a header warning")
    assert [(p.line, p.message) for p in c.problems] == [(2, "first"), (9, "third")]
    assert [(p.line, p.column, p.severity) for p in c.warnings] == [(1, "colour", "warning")]


def test_a_missing_column_reads_as_empty_text():
    c = Checker({"sources": RawTable("sources", "sources.csv", pd.DataFrame({"source_id": ["a", "b"]}), [2, 3])})
    assert c.has("sources", "source_id") and not c.has("sources", "kind") and not c.has("claims", "claim_id")
    assert c.col("sources", "kind").tolist() == ["", ""]
    assert c.col("sources", "source_id") is c.col("sources", "source_id")  # computed once


@pytest.mark.parametrize("pool", [None, "thread"])
def test_ids_are_one_dictionary_over_every_id_column(loop_checker, pool):
    c = loop_checker
    if pool:
        with ThreadPoolExecutor(1) as p:
            c.start_ids(p)
            codes = {k: c.ids(*k) for k in ID_REFS}
    else:
        codes = {k: c.ids(*k) for k in ID_REFS}
    # the same text has the same code in every column, different texts different codes (an independent check)
    pairs = {}
    for k, a in codes.items():
        for text, code in zip(c.col(*k), a, strict=True):
            pairs.setdefault(text, set()).add(int(code))
    assert all(len(v) == 1 for v in pairs.values())
    assert len({next(iter(v)) for v in pairs.values()}) == len(pairs) == c.n_ids
    assert (c.empty_id == -1) == ("" not in pairs)


def test_id_set_marks_exactly_the_ids_of_the_columns(loop_checker):
    c = loop_checker
    known = c.id_set(("sources", "source_id"))
    cited = c.col("citations", "cites")
    is_source = known[c.ids("citations", "cites")]
    assert is_source.tolist() == cited.isin(set(c.col("sources", "source_id"))).tolist()
    assert is_source.any() and not is_source.all()
    assert isinstance(known, np.ndarray) and known.dtype == bool


def test_published_is_parsed_once(loop_checker):
    c = loop_checker
    first = c.published_range()
    assert c.published_range() is first
    earliest, bad = c.published()
    assert bad == [] and earliest.notna().all()
