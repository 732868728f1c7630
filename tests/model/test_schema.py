"""kit.schema: the case format's tables, columns and vocabularies agree with each other, with the template case a
user copies, and with the case format's documentation."""

import csv
import pathlib
import re

from kit import schema

ROOT = pathlib.Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "data" / "template"
CASE_FORMAT = ROOT / "docs" / "case-format.md"


def test_every_table_has_its_columns_and_the_required_ones_among_them():
    assert tuple(schema.COLUMNS) == schema.TABLES == tuple(schema.REQUIRED)
    for table, cols in schema.COLUMNS.items():
        assert len(set(cols)) == len(cols), table
        assert set(schema.REQUIRED[table]) <= set(cols), table
        if table in schema.ID_COLUMN:
            assert cols[0] == schema.ID_COLUMN[table] and schema.ID_COLUMN[table] in schema.REQUIRED[table]
    assert "citations" not in schema.ID_COLUMN


def test_typed_reports_put_published_latest_right_after_published():
    cols = schema.TYPED_COLUMNS["reports"]
    assert cols[cols.index("published") + 1] == "published_latest"
    assert tuple(c for c in cols if c != "published_latest") == schema.COLUMNS["reports"]
    assert {t: c for t, c in schema.TYPED_COLUMNS.items() if t != "reports"} == {
        t: c for t, c in schema.COLUMNS.items() if t != "reports"
    }


def test_the_vocabularies_nest():
    assert set(schema.SUPPORTING) < set(schema.RELATIONS) and "disputes" not in schema.SUPPORTING
    assert set(schema.DEFAULT_FOLLOW) < set(schema.BASES) and "suspected" not in schema.DEFAULT_FOLLOW
    assert set(schema.CERTAINTY_RANK) < set(schema.CERTAINTIES)
    assert sorted(schema.CERTAINTY_RANK, key=schema.CERTAINTY_RANK.get) == [
        "rumoured",
        "alleged",
        "estimated",
        "asserted",
    ]
    assert schema.FILE_COLUMNS[schema.STORY] == schema.STORY_COLUMNS
    assert not set(schema.STORY_OPTIONAL) & set(schema.STORY_COLUMNS)


def test_the_template_case_has_the_columns_in_the_kits_order():
    for table in (*schema.TABLES, schema.STORY):
        with open(TEMPLATE / f"{table}.csv", encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        allowed = list(schema.FILE_COLUMNS[table]) + list(schema.STORY_OPTIONAL if table == schema.STORY else ())
        assert header == [c for c in allowed if c in header], (table, header)
        assert set(schema.REQUIRED.get(table, schema.STORY_COLUMNS)) <= set(header), table


def test_the_case_format_document_names_every_column_and_value():
    """Each column is a row of a column table (``| source_id | yes | ...``), each allowed value a word of the text: the
    contract's (docs/case-format.md) or, for story.csv, the kit's extension of it (docs/case-format-extensions.md)."""
    text = CASE_FORMAT.read_text(encoding="utf-8") + (ROOT / "docs" / "case-format-extensions.md").read_text(
        encoding="utf-8"
    )
    rows = {
        name.strip()
        for line in text.splitlines()
        if line.startswith("| ") and not line.startswith("| column")
        for name in line.split("|")[1].split(",")
    }
    columns = {c for cols in schema.FILE_COLUMNS.values() for c in cols} | set(schema.STORY_OPTIONAL)
    assert sorted(columns - rows) == [], "docs/case-format.md has no row for these columns"
    values = schema.KINDS + schema.MEASURES + schema.CERTAINTIES + schema.RELATIONS + schema.BASES + schema.META_KEYS
    assert sorted(v for v in set(values) if not re.search(rf"\b{re.escape(v)}\b", text)) == []
