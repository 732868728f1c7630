"""kit.reading.workbook: a case written as one workbook (built here with openpyxl from a fixture's CSV files, numbers
as numbers) reads as the same case as its CSV folder; sheets found ignoring case and spaces; a formula never
computed, an error cell and two sheets answering to one name are problems naming the sheet and cell."""

import csv
import shutil

import openpyxl
import pandas as pd
import pytest

import kit
from kit.reading import read_raw
from kit.reading.raw import RawCase
from kit.reading.workbook import read_workbook

TABLES = ("sources", "reports", "claims", "citations")


def _cell(v: str):
    return int(v) if v.isdigit() else v  # a spreadsheet holds numbers as numbers


def _book_of(folder, path, names=None, edit=None):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for t in TABLES:
        ws = wb.create_sheet((names or {}).get(t, t))
        with open(folder / f"{t}.csv", encoding="utf-8-sig", newline="") as f:
            for row in csv.reader(f):
                ws.append([_cell(v) for v in row])
    if edit:
        edit(wb)
    wb.save(path)
    return str(path)


@pytest.mark.parametrize("name", ["echo", "loop", "drift", "one_row"])
def test_a_workbook_reads_as_the_same_case_as_its_folder(cases_dir, tmp_path, name):
    folder = tmp_path / name
    shutil.copytree(cases_dir / name, folder)
    (folder / "case.toml").unlink(missing_ok=True)  # the workbook here has no case sheet
    book = _book_of(folder, tmp_path / f"{name}.xlsx")
    from_book, from_folder = kit.load_case(book), kit.load_case(folder)
    for t in TABLES:
        a, b = getattr(from_book, t), getattr(from_folder, t)
        pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=False)


def test_sheets_are_found_ignoring_case_and_spaces(cases_dir, tmp_path):
    names = {"sources": "Sources", "claims": " CLAIMS "}
    book = _book_of(cases_dir / "echo", tmp_path / "b.xlsx", names)
    raw = RawCase(book)
    read_workbook(book, raw)
    assert raw.problems == []
    assert sorted(raw.tables) == sorted(TABLES)
    assert raw.tables["claims"].file == f"{book}#claims"  # problems name the table the sheet holds


def test_lines_are_the_sheets_rows(cases_dir, tmp_path):
    book = _book_of(cases_dir / "echo", tmp_path / "b.xlsx")
    raw = RawCase(book)
    read_workbook(book, raw)
    folder = read_raw(str(cases_dir / "echo"))
    for t in TABLES:  # no quoted line breaks in echo: a CSV line is a sheet row
        assert list(raw.tables[t].lines) == list(folder.tables[t].lines)


def test_formulas_errors_and_twin_sheets_are_problems(cases_dir, tmp_path):
    def edit(wb):
        wb["claims"]["E3"] = "=E2+1"  # never computed: no saved value
        wb["reports"]["C4"] = "#N/A"
        twin = wb.copy_worksheet(wb["sources"])
        twin.title = "Sources "
        twin.sheet_state = "hidden"

    book = _book_of(cases_dir / "echo", tmp_path / "b.xlsx", edit=edit)
    raw = RawCase(book)
    read_workbook(book, raw)
    messages = [str(p) for p in raw.problems]
    assert any(m.startswith(f"{book}#claims:3: ") and "formula" in m for m in messages), messages
    assert any(m.startswith(f"{book}#reports:4: ") and "#N/A" in m for m in messages), messages
    assert any("sources" in m.lower() and "Sources " in m for m in messages), messages
    assert "sources" not in raw.tables  # neither twin is read


def test_a_file_that_is_not_a_workbook_is_one_problem(tmp_path):
    f = tmp_path / "case.xlsx"
    f.write_text("claim_id,cites\n", encoding="utf-8")
    raw = RawCase(str(f))
    read_workbook(str(f), raw)
    assert len(raw.problems) == 1 and raw.problems[0].file == str(f) and raw.tables == {}
