"""kit.reading: finding a case's files, decoding them, splitting records with their physical lines, workbooks,
parquet, case.toml (and the line of each setting), story.csv read by the same reader.

Contract: docs/case-format.md. Every expected value below was worked out by hand from the files in tests/cases/.
"""

import os
import shutil

import pandas as pd
import pytest

import kit
from _tables import TABLES, UTC, col, field, where


def test_load_folder_as_str_and_as_path(cases_dir):
    a = kit.load_case(str(cases_dir / "one_row"))
    b = kit.load_case(cases_dir / "one_row")
    for t in TABLES:
        pd.testing.assert_frame_equal(getattr(a, t), getattr(b, t))
    assert (len(a.sources), len(a.reports), len(a.claims), len(a.citations)) == (1, 1, 1, 0)


def test_meta_title_defaults_to_folder_name(one_row_case, empty_case, own_reporting_case):
    assert one_row_case.meta["title"] == "one_row"
    assert empty_case.meta["title"] == "empty"
    assert own_reporting_case.meta["title"] == "own_reporting"


def test_meta_from_case_toml(loop_case, echo_case):
    assert loop_case.meta["title"] == "Loops (test case)"
    assert loop_case.meta["question"] == "Did anyone see the convoy?"
    assert echo_case.meta["language"] == "en"


def test_load_via_case_toml_path(cases_dir, loop_case):
    c = kit.load_case(cases_dir / "loop" / "case.toml")
    assert c.meta["title"] == "Loops (test case)"
    for t in TABLES:
        pd.testing.assert_frame_equal(getattr(c, t), getattr(loop_case, t))


def test_load_via_xlsx(workbook_case):
    """workbook: four sheets + `case` sheet; numeric cells and empty cells read like CSV cells."""
    c = workbook_case
    assert c.meta["title"] == "Workbook case"
    assert c.meta["question"] == "How many died in the blast?"
    assert col(c.sources, "source_id") == ["ap", "witness"]
    assert col(c.sources, "reliability") == ["A", "F"]  # empty -> F
    assert col(c.sources, "confidential") == [False, True]
    assert col(c.reports, "published") == [UTC("2019-05-01T10:00:00Z"), UTC("2019-05-02T00:00:00Z")]
    assert col(c.claims, "claim_id") == ["w1", "w2"]
    assert col(c.claims, "low") == [3, 4]
    assert col(c.claims, "high") == [None, 4]
    assert col(c.claims, "credibility") == [3, 6]  # empty -> 6
    assert str(c.claims["low"].dtype) == "Int64"
    assert col(c.citations, "cites") == ["witness", "w1"]
    assert set(kit.origins(c, "w2")["source_id"]) == {"witness"}


def test_bom_and_crlf_leave_no_trace(cyrillic_case):
    c = cyrillic_case
    assert list(c.sources.columns)[0] == "source_id"
    assert list(c.claims.columns)[0] == "claim_id"
    assert list(c.citations.columns)[0] == "claim_id"
    assert list(c.reports.columns)[0] == "report_id"
    for t in TABLES:
        df = getattr(c, t)
        for name in df.columns:
            assert "\ufeff" not in name and "\r" not in name
            for v in df[name].tolist():
                assert not (isinstance(v, str) and ("\r" in v or "\ufeff" in v)), (t, name, v)
    assert col(c.citations, "relation") == ["relies_on", "corroborates", "relies_on"]  # last column, no \r


def test_cells_are_trimmed(cyrillic_case):
    c = cyrillic_case
    assert col(c.sources, "name")[0] == "Фонтанка"  # " Фонтанка "
    assert col(c.sources, "affiliation")[2] == "ЧВК Вагнера"  # "  ЧВК Вагнера  "
    assert col(c.reports, "source_id")[0] == "fontanka"  # " fontanka "
    assert col(c.claims, "low")[0] == 5  # " 5 "


def test_cyrillic_text_preserved(cyrillic_case):
    c = cyrillic_case
    assert col(c.sources, "name") == ["Фонтанка", "Министерство обороны РФ", "Источник, близкий к ЧВК"]
    assert col(c.sources, "affiliation")[1] == "Российское правительство"
    assert col(c.reports, "title") == [
        "Фонтанка: погибли россияне",
        "Заявление",
        "Источники, близкие к ЧВК",
        "Уточнение",
    ]
    assert col(c.claims, "text")[0] == "Погибли россияне, сообщает «Фонтанка»"
    assert col(c.claims, "subject")[:2] == ["Граждане России", "граждане России"]
    assert c.meta["title"] == "Вагнер в Сирии"


def test_quoted_comma_and_newline(cyrillic_case):
    c = cyrillic_case
    notes = col(c.sources, "notes")[2]
    assert notes.startswith('сказал "Фонтанке"') and notes.endswith("по телефону") and "\n" in notes
    text = col(c.claims, "text")[2]
    assert text.startswith("Первая строка") and text.endswith("вторая строка") and "\n" in text
    assert col(c.claims, "claim_id") == ["c_fk", "c_mo", "c_ins", "c_late"]
    assert len(c.citations) == 3


def test_missing_file_is_a_whole_file_problem(tmp_path, cases_dir):
    bad = tmp_path / "nocit"
    shutil.copytree(cases_dir / "one_row", bad)
    (bad / "citations.csv").unlink()
    with pytest.raises(kit.CaseError) as e:
        kit.load_case(bad)
    whole = [p for p in e.value.problems if os.path.basename(str(field(p, "file"))) == "citations.csv"]
    assert whole and int(field(whole[0], "line")) == 0 and field(whole[0], "column") is None
    assert str(whole[0]) == f"{field(whole[0], 'file')}: {field(whole[0], 'message')}"


def test_semicolon_file_is_named_not_guessed(tmp_path, cases_dir):
    bad = tmp_path / "semi"
    shutil.copytree(cases_dir / "one_row", bad)
    (bad / "sources.csv").write_text(
        "source_id;name;kind;affiliation;country;reliability;confidential;url;notes\n"
        "solo;Solo Gazette;newspaper;;GB;C;false;;\n",
        encoding="utf-8",
    )
    with pytest.raises(kit.CaseError) as e:
        kit.load_case(bad)
    whole = [p for p in e.value.problems if where(p)[:2] == ("sources.csv", 0)]
    assert whole, [str(p) for p in e.value.problems]
    assert "semicolon" in field(whole[0], "message").lower()


def test_windows_1252_file_is_named_not_guessed(tmp_path, cases_dir):
    bad = tmp_path / "cp1252"
    shutil.copytree(cases_dir / "one_row", bad)
    (bad / "sources.csv").write_bytes(
        "source_id,name,kind,affiliation,country,reliability,confidential,url,notes\n"
        "solo,Café Gazette,newspaper,,GB,C,false,,\n".encode("cp1252")
    )
    with pytest.raises(kit.CaseError) as e:
        kit.load_case(bad)
    whole = [p for p in e.value.problems if where(p)[:2] == ("sources.csv", 0)]
    assert whole, [str(p) for p in e.value.problems]
    msg = field(whole[0], "message").lower()
    assert "1252" in msg or "latin" in msg, msg


def test_workbook_problem_names_the_sheet(tmp_path, cases_dir):
    """api-plan: a workbook problem's file is `book.xlsx#claims`; the line is the sheet row (header = 1)."""
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(cases_dir / "workbook.xlsx")
    assert wb["claims"]["B3"].value == "r2"
    wb["claims"]["B3"] = "r_missing"
    book = tmp_path / "book.xlsx"
    wb.save(book)
    with pytest.raises(kit.CaseError) as e:
        kit.load_case(book)
    hits = [p for p in e.value.problems if str(field(p, "file")).endswith("book.xlsx#claims")]
    assert [(int(field(p, "line")), field(p, "column")) for p in hits] == [(3, "report_id")], [
        str(p) for p in e.value.problems
    ]


# --------------------------------------------------------------------------------------------- case.toml lines, depth


def test_every_setting_has_its_line_in_case_toml(cases_dir):
    raw = kit.reading.read_raw(cases_dir / "hostile")
    lines = raw.meta_lines
    assert (lines[("title",)], lines[("proposition",)]) == (1, 5)
    assert lines[("verdicts", "plant_fire_dead")] == 7
    assert (lines[("verdicts", "plant_fire_dead", "rating")], lines[("verdicts", "plant_fire_dead", "claim_id")]) == (
        8,
        9,
    )
    assert raw.meta_file == str(cases_dir / "hostile" / "case.toml")


def test_a_workbook_setting_has_its_sheet_row(workbook_case, cases_dir):
    raw = kit.reading.read_raw(cases_dir / "workbook.xlsx")
    assert raw.meta_file.endswith("workbook.xlsx#case")
    assert raw.meta_lines[("title",)] >= 1 and set(raw.meta_lines) == {(k,) for k in raw.meta}


@pytest.mark.parametrize(
    "text, line",
    [
        ('title = "x"\nsections = ' + "[" * 600 + "]" * 600 + "\n", 2),  # tomllib itself would recurse
        ('title = "x"\n\n[' + ".".join(["a"] * 3000) + "]\nx = 1\n", 3),  # read, but too deep to save or copy
    ],
)
def test_case_toml_nested_too_deep_is_a_problem(tmp_path, cases_dir, text, line):
    folder = tmp_path / "deep"
    shutil.copytree(cases_dir / "one_row", folder)
    (folder / "case.toml").write_text(text, encoding="utf-8")
    case, problems, _ = kit.check_case(folder)
    assert case is None and [(os.path.basename(p.file), p.line) for p in problems] == [("case.toml", line)]
    assert "more than 32 levels deep" in problems[0].message


# --------------------------------------------------------------------------------------------- parquet


def test_parquet_columns_differing_only_in_case_are_one_column_named_twice(tmp_path):
    from kit.reading.parquet import read_parquet_table

    f = tmp_path / "sources.parquet"
    pd.DataFrame({"Source_ID": ["a"], "source_id": ["b"], "name": ["N"]}).to_parquet(f, index=False)
    problems = []
    table = read_parquet_table(str(f), "sources", problems)
    assert list(table.cells.columns) == ["source_id", "name"] and list(table.cells["source_id"]) == ["a"]
    assert [str(p).replace(str(f), "sources.parquet") for p in problems] == [
        "sources.parquet:1: source_id: the column 'source_id' appears twice in the header (columns 1 and 2); keep one"
    ]


# --------------------------------------------------------------------------------------------- story.csv


def test_story_csv_is_read_by_the_tables_reader(tmp_path, cases_dir):
    """BOM, CRLF, a blank line and a quoted line break: the physical lines are kept, as for the four tables."""
    folder = tmp_path / "echo"
    shutil.copytree(cases_dir / "echo", folder)
    (folder / "story.csv").write_bytes(
        '\ufeffstep,date,title,text\r\n\r\n1,2022-06-01,First,"one\r\ntwo"\r\n2,2022-06-02,Second,\r\n'.encode()
    )
    raw = kit.reading.read_raw(folder, story=True)
    assert raw.story_file == str(folder / "story.csv") and raw.story_problems == [] and raw.problems == []
    assert list(raw.story.lines) == [3, 5]
    assert list(raw.story.cells.columns) == ["step", "date", "title", "text"]
    assert list(raw.story.cells["text"]) == ["one\r\ntwo", ""]
    assert kit.reading.read_raw(folder).story is None  # only read when asked for


def test_a_broken_story_csv_is_kept_apart_from_the_case(tmp_path, cases_dir):
    folder = tmp_path / "echo"
    shutil.copytree(cases_dir / "echo", folder)
    (folder / "story.csv").write_text("step;date;title;text\n", encoding="utf-8")
    raw = kit.reading.read_raw(folder, story=True)
    assert raw.problems == [] and raw.story is None
    assert [p.message.split(";")[0] for p in raw.story_problems] == ["the file is semicolon-separated"]


def test_where_the_story_of_a_case_is(cases_dir):
    assert kit.reading.story_file(cases_dir / "workbook.xlsx") == str(cases_dir / "workbook.story.csv")
    assert kit.reading.story_file(cases_dir / "loop" / "case.toml") == str(cases_dir / "loop" / "story.csv")
    assert kit.reading.story_file(cases_dir / "nowhere") is None


# --- hostile input (issue 14) -------------------------------------------------------------------------------------

BAD = os.path.join(os.path.dirname(__file__), "..", "bad_cases")


def test_a_named_pandas_index_is_read_as_its_column_and_saves_back(tmp_path):
    """df.set_index("claim_id").to_parquet(...) keeps claim_id as the index: it is the claim_id column, not
    'claim_id is missing'; save_case then writes a case that loads to the same tables."""
    case = kit.load_case(os.path.join(BAD, "parquet_named_index_is_fine"))
    assert list(case.claims["claim_id"]) == ["k_font", "k_reut", "k_mod", "k_mod_deny"]
    again = kit.load_case(kit.save_case(case, tmp_path / "saved"))
    assert again.claims.equals(case.claims)


def test_parquet_bytes_lists_and_records_are_problems_never_b_quoted_text(tmp_path):
    case, problems, _ = kit.check_case(os.path.join(BAD, "parquet_bytes_lists_records"))
    assert case is None
    assert [(p.line, p.column, p.message.split(" (")[0]) for p in problems] == [
        (1, "text", "the column 'text' holds bytes"),
        (1, "subject", "the column 'subject' holds lists"),
        (1, "where", "the column 'where' holds records"),
    ]
    assert not any("b'" in p.message for p in problems)


def test_a_parquet_column_with_an_empty_name_never_reaches_save_case(tmp_path):
    """Values under an empty name are a problem at load; an empty nameless column is left out, so what loads saves
    back as a case that loads."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    case, problems, _ = kit.check_case(os.path.join(BAD, "parquet_empty_column_name"))
    assert case is None and "has values but no name" in problems[0].message
    folder = tmp_path / "case"
    shutil.copytree(os.path.join(BAD, "parquet_empty_column_name"), folder)
    t = pq.read_table(folder / "citations.parquet")
    pq.write_table(t.set_column(0, "", pa.array([""] * t.num_rows)), folder / "citations.parquet")
    loaded = kit.load_case(folder)
    assert "" not in loaded.citations.columns
    assert kit.load_case(kit.save_case(loaded, tmp_path / "saved")).citations.equals(loaded.citations)


@pytest.mark.parametrize(
    "name, expected",
    [
        (
            "xlsx_hidden_lookalike_sheet",
            ["#claims: 2 sheets answer to the name 'claims' (sheet names are matched ignoring case and spaces"],
        ),
        ("xlsx_formula_without_value", ["#claims:3: low: cell E3 holds a formula", "#claims:3: high: cell F3"]),
        ("xlsx_error_cells", ["#claims:4: text: cell D4 holds the spreadsheet error #N/A", "#citations:3: cites:"]),
    ],
)
def test_workbook_cells_no_csv_could_hold_are_problems(name, expected):
    book = os.path.join(BAD, name, "case.xlsx")
    case, problems, _ = kit.check_case(book)
    assert case is None
    lines = [str(p)[len(book) :] for p in problems]
    for want in expected:
        assert any(line.startswith(want) for line in lines), (want, lines)


def test_a_symlink_loop_is_named_a_loop_not_missing(tmp_path, cases_dir):
    folder = tmp_path / "case"
    shutil.copytree(os.path.join(cases_dir, "one_row"), folder)
    os.remove(folder / "claims.csv")
    os.symlink("claims.csv", folder / "claims.csv")
    _, problems, _ = kit.check_case(folder)
    assert [p.message for p in problems] == [
        "this is a symbolic link that goes round in a loop (a symlink loop), not a file; replace it by the file itself"
    ]


def test_utf32_is_named_utf32():
    _, problems, _ = kit.check_case(os.path.join(BAD, "utf32"))
    assert [p.message.split(" (")[0] for p in problems] == ["the file is not UTF-8: it looks like UTF-32"]
