"""Regenerate tests/cases/workbook.xlsx, the `workbook` fixture case.

Run from anywhere:  python tests/cases/make_workbook.py

The workbook holds the four tables as sheets `sources`, `reports`, `claims`, `citations`
(header row first, as in the CSV form) and a `case` sheet of key/value rows.
Numbers (`low`, `high`, `credibility`) are real numeric cells, as a reporter's spreadsheet has them;
empty cells are truly empty. The file is kept tiny and deterministic (fixed document dates).
"""

import datetime
import io
import pathlib
import re
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "workbook.xlsx"

SHEETS = {
    "sources": [
        ["source_id", "name", "kind", "affiliation", "country", "reliability", "confidential", "url", "notes"],
        ["ap", "AP", "wire", None, "US", "A", "false", None, None],
        ["witness", "Eyewitness", "individual", None, None, None, "true", None, "met at the scene"],
    ],
    "reports": [
        ["report_id", "source_id", "published", "title"],
        ["r1", "ap", "2019-05-01T10:00:00Z", "Blast downtown"],
        ["r2", "ap", "2019-05-02", "Blast: update"],
    ],
    "claims": [
        [
            "claim_id",
            "report_id",
            "proposition",
            "text",
            "low",
            "high",
            "subject",
            "measure",
            "certainty",
            "credibility",
        ],
        ["w1", "r1", "blast_deaths", "At least 3 dead, a witness says", 3, None, "civilians", "killed", "alleged", 3],
        ["w2", "r2", "blast_deaths", "Four dead", 4, 4, "civilians", "killed", "asserted", None],
    ],
    "citations": [
        ["claim_id", "cites", "relation", "evidence"],
        ["w1", "witness", "relies_on", "a witness says"],
        ["w2", "w1", "relies_on", "as AP reported"],
    ],
    "case": [
        ["key", "value"],
        ["title", "Workbook case"],
        ["question", "How many died in the blast?"],
    ],
}


def build(path=OUT):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in SHEETS.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.properties.created = datetime.datetime(2024, 1, 1)
    wb.properties.creator = "kit tests"
    raw = io.BytesIO()
    wb.save(raw)
    # re-pack with fixed entry times so that regenerating gives the same bytes
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed_info = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed_info.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-01-01T00:00:00Z", data)
            dst.writestr(fixed_info, data)
    return path


if __name__ == "__main__":
    print(build())
