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


def save(name, book, merge=()):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, rows in book.items():
        ws = wb.create_sheet(sheet)
        for row in rows:
            ws.append(row)
    for sheet, rng in merge:
        wb[sheet].merge_cells(rng)
    fixed = datetime.datetime(2024, 1, 1)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "kit tests"
    folder = HERE / name
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

    folder = HERE / "xlsx_not_a_workbook"  # a CSV file renamed to .xlsx, as happens
    folder.mkdir(exist_ok=True)
    (folder / "case.xlsx").write_text(BASE["sources.csv"], encoding="utf-8")
    print("wrote the workbook cases")


if __name__ == "__main__":
    main()
