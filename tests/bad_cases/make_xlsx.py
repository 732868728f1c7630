"""Regenerate the workbook cases of the bad-input corpus: tests/bad_cases/xlsx_*/case.xlsx.

Run from the repository root:  python tests/bad_cases/make_xlsx.py   (needs openpyxl)

Each workbook holds the same small valid case as make_cases.BASE, as sheets, with one thing broken:
a missing sheet, merged cells, blank rows (fine in themselves: the line numbers must still be the sheet's
row numbers). The test checks ``tests/bad_cases/<name>/case.xlsx``. Files are deterministic (fixed dates).
"""

import csv
import datetime
import io
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_cases import BASE  # noqa: E402

from kit.reading.limits import MAX_UNPACKED_BYTES  # noqa: E402

NUMERIC = {"low", "high", "credibility"}


def sheets():
    """The base case as {sheet: rows}; numbers as real numbers and empty cells as None, as in Excel."""
    out = {}
    for name in ("sources", "reports", "claims", "citations"):
        rows = list(csv.reader(io.StringIO(BASE[f"{name}.csv"])))
        header = rows[0]
        out[name] = [header] + [
            [(int(v) if h in NUMERIC and v else (v or None)) for h, v in zip(header, r, strict=False)] for r in rows[1:]
        ]
    out["case"] = [["key", "value"], ["title", "Deir ez-Zor in miniature (workbook)"]]
    return out


def save(name, book, merge=(), hidden=(), cells=(), root=HERE):
    """Write ``book`` as ``<name>/case.xlsx``; ``hidden`` sheets are hidden, ``cells`` are (sheet, ref, value) set
    after the rows (a value starting with '=' is a formula, saved without a value, as openpyxl saves formulas)."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, rows in book.items():
        ws = wb.create_sheet(sheet)
        for row in rows:
            ws.append(row)
        if sheet in hidden:
            ws.sheet_state = "hidden"
    for sheet, rng in merge:
        wb[sheet].merge_cells(rng)
    for sheet, ref, value in cells:
        wb[sheet][ref] = value
    fixed = datetime.datetime(2024, 1, 1)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "kit tests"
    folder = root / name
    folder.mkdir(exist_ok=True)
    wb.save(folder / "case.xlsx")
    _fix_zip_times(folder / "case.xlsx")


def _fix_zip_times(path):
    """Give every member of the .xlsx zip a fixed time, so that regenerating changes no byte."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        members = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in members:
            info.date_time = (2024, 1, 1, 0, 0, 0)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-01-01T00:00:00Z", data)
            z.writestr(info, data)


def zip_bomb(path, unpacked=MAX_UNPACKED_BYTES + 1):
    """A small workbook (about 100 KB) whose claims sheet unpacks to ``unpacked`` bytes (white space in a comment)."""
    import zipfile

    save(path.parent.name, sheets(), root=path.parent.parent)
    with zipfile.ZipFile(path) as z:
        members = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for info, data in members:
            if info.filename == "xl/worksheets/sheet3.xml":
                pad = unpacked - sum(len(d) for _, d in members) - 7
                data = data.replace(b"</worksheet>", b"<!--" + b" " * pad + b"--></worksheet>")
            z.writestr(info, data, zipfile.ZIP_DEFLATED, 9)


def styled_rows(path, rows):
    """The base workbook with ``rows`` empty rows that carry formatting below the claims (as a spreadsheet saves a
    sheet formatted down to its last row)."""
    import zipfile

    save(path.parent.name, sheets(), root=path.parent.parent)
    with zipfile.ZipFile(path) as z:
        members = [(i, z.read(i.filename)) for i in z.infolist()]
    extra = "".join(f'<row r="{r}" customFormat="1" ht="15"/>' for r in range(6, 6 + rows)).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in members:
            if info.filename == "xl/worksheets/sheet3.xml":
                data = data.replace(b"</sheetData>", extra + b"</sheetData>")
            z.writestr(info, data)


def main():
    book = sheets()
    del book["citations"]
    save("xlsx_missing_sheet", book)

    book = sheets()
    book["claims"][3][6] = None  # claim k_mod's subject, merged with the row above (as when grouping rows)
    save("xlsx_merged_cells", book, merge=[("claims", "G2:G4")])

    book = sheets()
    blank = [None] * 4
    book["citations"] = [book["citations"][0], blank, blank] + book["citations"][1:2] + [blank] + book["citations"][2:]
    book["claims"] = book["claims"][:2] + [[None] * 10] + book["claims"][2:]
    book["claims"][4][4] = "dozens"  # k_reut's low, now on sheet row 5 because of the blank row 3
    save("xlsx_blank_rows", book)

    book = sheets()
    book["Sources "] = book.pop("sources")  # sheet names are matched ignoring case and spaces
    save("xlsx_sheet_name_spacing_is_fine", book)
    book = sheets()
    book["reports"] = []  # the sheet is there, with nothing in it
    save("xlsx_empty_sheet", book)

    book = sheets()
    book["case"].append(["proposition", "russians_kiled"])  # the publishing setting, on sheet row 3
    save("xlsx_case_sheet_proposition_near_miss", book)

    book = sheets()
    save("xlsx_formula_without_value", book, cells=[("claims", "E3", "=20*5"), ("claims", "F3", "=E3")])

    book = sheets()
    save("xlsx_error_cells", book, cells=[("claims", "D4", "#N/A"), ("citations", "B3", "#REF!")])

    book = sheets()
    book["Claims "] = [row[:] for row in book["claims"]]  # an old copy of the sheet, hidden
    book["Claims "][1][4] = 200
    save("xlsx_hidden_lookalike_sheet", book, hidden=("Claims ",))

    zip_bomb(HERE / "xlsx_zip_bomb" / "case.xlsx")

    folder = HERE / "xlsx_not_a_workbook"  # a CSV file renamed to .xlsx, as happens
    folder.mkdir(exist_ok=True)
    (folder / "case.xlsx").write_text(BASE["sources.csv"], encoding="utf-8")
    print("wrote the workbook cases")


if __name__ == "__main__":
    main()
