"""kit.store.outputs: the one rule for where the kit may write; a case's folder (however it is reached), a folder
holding a case's tables, and a file are refused, an earlier export's folder and a new folder are not."""

import os
import shutil

import pytest

import kit
from kit.errors import OutputNotWritable, OutputOverCase
from kit.formats.export import export
from kit.store.outputs import CASE_FILES, EXPORT_MARK, case_folder, case_tables, refuse_output_over_case


@pytest.fixture
def copy(tmp_path, cases_dir):
    folder = tmp_path / "echo"
    shutil.copytree(cases_dir / "echo", folder)
    return kit.load_case(folder)


def test_case_folder_however_the_case_was_named(copy, tmp_path, cases_dir):
    assert case_folder(copy) == (tmp_path / "echo").resolve()
    assert case_folder(kit.load_case(tmp_path / "echo" / "case.toml")) == (tmp_path / "echo").resolve()
    assert case_folder(kit.load_case(cases_dir / "workbook.xlsx")) is None
    assert case_folder(kit.testing.examples.diamond()) is None


def test_case_tables_lists_what_makes_a_folder_a_case(tmp_path):
    assert case_tables(tmp_path) == []
    for name in ["notes.txt", "claims.csv", "case.toml", "book.xlsx", "sources.parquet", "a.xlsx"]:
        (tmp_path / name).write_text("", encoding="utf-8")
    os.symlink("gone.csv", tmp_path / "citations.csv")  # a broken link still stands where a table would be written
    assert case_tables(tmp_path) == [
        "case.toml",
        "claims.csv",
        "citations.csv",
        "sources.parquet",
        "a.xlsx",
        "book.xlsx",
    ]
    assert CASE_FILES[0] == "case.toml" and CASE_FILES[-1] == "story.csv"


def test_the_case_folder_and_what_is_inside_it_are_refused(copy, tmp_path):
    home = tmp_path / "echo"
    os.symlink(home, tmp_path / "alias")
    for out in [home, str(home) + "/", tmp_path / "alias", home / "site", home / "a" / "b", tmp_path / "alias" / "x"]:
        with pytest.raises(OutputOverCase):
            refuse_output_over_case(copy, out)
    assert not (home / "site").exists() and not (home / "a").exists()  # nothing created


def test_a_folder_holding_another_case_is_refused_whatever_the_case(copy, tmp_path, cases_dir):
    with pytest.raises(OutputOverCase, match="holds a case's tables"):
        refuse_output_over_case(copy, cases_dir / "loop")
    with pytest.raises(OutputOverCase, match=r"\(claims.csv\)"):
        (tmp_path / "half").mkdir()
        (tmp_path / "half" / "claims.csv").write_text("claim_id\n", encoding="utf-8")
        refuse_output_over_case(None, tmp_path / "half")


def test_an_earlier_export_is_replaced_but_not_one_beside_a_case_toml(copy, tmp_path):
    out = tmp_path / "exported"
    export(copy, refuse_output_over_case(copy, out))
    assert (out / EXPORT_MARK).exists() and (out / "provenance.csv").exists()
    assert refuse_output_over_case(copy, out) == out  # a second export replaces the first
    (out / "case.toml").write_text('title = "t"\n', encoding="utf-8")
    with pytest.raises(OutputOverCase):
        refuse_output_over_case(copy, out)


def test_a_file_and_a_folder_under_a_file_are_not_writable(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(OutputNotWritable, match="is a file, not a folder"):
        refuse_output_over_case(None, tmp_path / "notes.txt")
    with pytest.raises(OutputNotWritable, match="cannot be created: .*notes.txt is a file"):
        refuse_output_over_case(None, tmp_path / "notes.txt" / "site" / "deeper")


def test_a_new_or_empty_folder_is_fine_and_nothing_is_created(copy, tmp_path):
    (tmp_path / "empty").mkdir()
    assert refuse_output_over_case(copy, tmp_path / "empty") == tmp_path / "empty"
    assert refuse_output_over_case(copy, tmp_path / "new" / "site") == tmp_path / "new" / "site"
    assert not (tmp_path / "new").exists()
