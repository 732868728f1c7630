"""kit.checking.columns: a missing required column is an error on the header line naming the header cell that looks
like it; a column the kit derives is an error; an unknown column is a warning (a pandas index said as such)."""

import pandas as pd
import pytest

from kit.checking.checker import Checker
from kit.checking.columns import PANDAS_INDEX, check_columns
from kit.reading import RawTable, read_raw
from kit.schema import COLUMNS, REQUIRED


def _check(name, columns, file=None):
    cells = pd.DataFrame({c: ["x"] for c in columns})
    c = Checker({name: RawTable(name, file or f"{name}.csv", cells, [2])})
    check_columns(c, name)
    return c


@pytest.mark.parametrize("name", list(REQUIRED))
def test_every_known_column_is_fine(name):
    c = _check(name, COLUMNS[name])
    assert c.problems == [] and c.warnings == []


@pytest.mark.parametrize("name", list(REQUIRED))
def test_each_missing_required_column_is_one_error_on_the_header(name):
    for missing in REQUIRED[name]:
        c = _check(name, [col for col in REQUIRED[name] if col != missing])
        [p] = c.problems
        assert (p.line, p.column) == (1, missing)
        assert f"{name}.csv needs {', '.join(REQUIRED[name])}" in p.message


def test_a_misspelt_column_is_named_in_the_error_and_warned_about():
    c = _check("claims", ["claim_id", "report_id", "propositon", "text", "certainty"])
    [p] = c.problems
    assert p.column == "proposition" and "(the header has 'propositon': rename it 'proposition')" in p.message
    [w] = c.warnings
    assert (w.column, w.severity) == ("propositon", "warning")
    assert "(did you mean 'proposition'?)" in w.message


def test_in_a_workbook_the_message_names_the_sheet():
    c = _check("sources", ["source_id", "name"], file="book.xlsx#sources")
    assert "the sources sheet needs source_id, name, kind" in c.problems[0].message


@pytest.mark.parametrize(
    ("name", "column"),
    [("reports", "published_latest"), ("citations", "cited_claim_id"), ("sources", "ROWID"), ("claims", "_rowid_")],
)
def test_a_derived_column_name_is_an_error(name, column):
    c = _check(name, [*REQUIRED[name], column])
    [p] = c.problems
    assert p.column == column and "is a name the kit gives a column of its own" in p.message
    assert c.warnings == []


@pytest.mark.parametrize("header", ["unnamed: 0", "unnamed: 12", "unnamed: 0_level_1"])
def test_a_pandas_index_is_said_to_be_one(header):
    # (the reader lower-cases a header before the check)
    c = _check("sources", [header, *REQUIRED["sources"]])
    [w] = c.warnings
    assert "it looks like a pandas index" in w.message and "index=False" in w.message


def test_what_pandas_writes_for_an_index_is_recognised_from_the_file(tmp_path):
    # the header as pandas itself makes it: a table written with its index, read back and written again
    f = tmp_path / "sources.csv"
    pd.DataFrame({"source_id": ["a"], "name": ["A"], "kind": ["wire"]}).to_csv(f)
    pd.read_csv(f).to_csv(f, index=False)
    assert f.read_text(encoding="utf-8").startswith("Unnamed: 0,source_id")
    c = Checker(read_raw(str(tmp_path)).tables)
    check_columns(c, "sources")
    [w] = c.warnings
    assert PANDAS_INDEX.fullmatch(w.column) and "it looks like a pandas index" in w.message


@pytest.mark.parametrize("name", ["claims", "citations"])
def test_the_notes_the_kit_writes_itself_are_kept_without_a_warning(name):
    """``kit draft`` writes ``notes`` on claims and citations: its own checker does not warn about them."""
    c = _check(name, [*COLUMNS[name], "notes"])
    assert c.problems == [] and c.warnings == []


def test_a_column_kept_on_one_table_is_still_unknown_on_another_and_others_still_warn():
    c = _check("claims", [*COLUMNS["claims"], "notes", "colour"])
    [w] = c.warnings
    assert w.column == "colour" and "unknown column 'colour'" in w.message
