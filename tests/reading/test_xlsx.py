"""kit.reading.xlsx: a workbook's sheets, hidden or not, their rows and the cells no CSV could hold (a formula with
no saved value, an error), found without opening the workbook; checked on workbooks built with openpyxl (an
independent writer), and the limits refused before anything is unpacked."""

import zipfile

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string

from kit.reading.limits import MAX_COLUMNS, MAX_UNPACKED_BYTES
from kit.reading.xlsx import MAX_FINDINGS, scan_workbook


def _book(path, build):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    build(wb)
    wb.save(path)
    return str(path)


def test_sheets_rows_formulas_and_errors(tmp_path):
    def build(wb):
        s = wb.create_sheet("claims")
        s.append(["claim_id", "low", "high"])
        s.append(["k1", 3, "=B2*2"])  # openpyxl saves a formula without its value, as a formula Excel never opened
        s.append(["k2", "#REF!", 5])  # an error cell
        s["AB12"] = "=SUM(B2:B3)"
        h = wb.create_sheet("old claims")
        h.sheet_state = "hidden"
        h.append(["x"])

    f = _book(tmp_path / "book.xlsx", build)
    scan = scan_workbook(f)
    assert scan.refused is None
    assert list(scan.sheets) == ["claims", "old claims"]
    claims = scan.sheets["claims"]
    assert not claims.hidden and scan.sheets["old claims"].hidden
    # the rows written (1-3 and 12), as openpyxl reads them back; not the sheet's extent (12)
    written = {c.row for row in openpyxl.load_workbook(f)["claims"].iter_rows() for c in row if c.value is not None}
    assert claims.rows == len(written) == 4
    assert sorted(claims.cells) == sorted(
        [
            (2, 3, "formula", "B2*2"),
            (3, 2, "error", "#REF!"),
            (12, column_index_from_string("AB"), "formula", "SUM(B2:B3)"),
        ]
    )


def test_the_fixture_workbook_has_nothing_odd(cases_dir):
    scan = scan_workbook(str(cases_dir / "workbook.xlsx"))
    assert sorted(scan.sheets) == ["case", "citations", "claims", "reports", "sources"]
    assert all(s.cells == [] and not s.hidden for s in scan.sheets.values())
    wb = openpyxl.load_workbook(cases_dir / "workbook.xlsx")
    assert {n: s.rows for n, s in scan.sheets.items()} == {n: wb[n].max_row for n in wb.sheetnames}


def test_at_most_max_findings_cells_are_listed(tmp_path):
    def build(wb):
        s = wb.create_sheet("claims")
        for i in range(1, MAX_FINDINGS + 50):
            s.cell(i, 1, "=1+1")

    assert len(scan_workbook(_book(tmp_path / "b.xlsx", build)).sheets["claims"].cells) == MAX_FINDINGS


def test_a_row_past_the_column_limit_is_refused(tmp_path):
    def build(wb):
        wb.create_sheet("claims").append(list(range(MAX_COLUMNS + 1)))

    refused = scan_workbook(_book(tmp_path / "wide.xlsx", build)).refused
    assert refused and f"more than {MAX_COLUMNS:,} cells" in refused


def test_a_workbook_that_would_unpack_past_the_limit_is_refused_unread(tmp_path):
    f = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z, z.open("xl/zeros.bin", "w") as part:
        chunk = bytes(1 << 20)
        for _ in range(MAX_UNPACKED_BYTES // len(chunk) + 1):
            part.write(chunk)
    assert f.stat().st_size < 1_000_000  # small on disk
    refused = scan_workbook(str(f)).refused
    assert refused.startswith("the workbook would unpack to ") and f"{MAX_UNPACKED_BYTES:,}" in refused


@pytest.mark.parametrize("data", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_what_is_not_a_workbook_gives_none(tmp_path, data):
    f = tmp_path / "x.xlsx"
    f.write_bytes(data)
    assert scan_workbook(str(f)) is None


def test_a_zip_without_a_workbook_gives_none(tmp_path):
    f = tmp_path / "x.xlsx"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("hello.txt", "hi")
    assert scan_workbook(str(f)) is None
