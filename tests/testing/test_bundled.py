"""kit.testing.bundled: in a clone, the notebooks and cases are the repository's; ``shipped`` finds a notebook's
``../data/...`` from any working directory; ``copy_bundle`` copies all of it and never overwrites."""

import os
import pathlib

import pytest

from kit.testing.bundled import bundle_root, copy_bundle, shipped

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_in_a_clone_the_bundle_is_the_repository():
    assert bundle_root() == ROOT


def test_shipped_resolves_against_the_notebooks_folder_from_anywhere(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert shipped("../data/khasham") == str(ROOT / "data" / "khasham")
    (tmp_path / "mine").mkdir()
    assert shipped("mine") == "mine"  # a path that exists as given is kept as given
    assert shipped("../data/no-such-case") == os.path.join("..", "data", "no-such-case")  # the reader will name it


def test_copy_bundle_copies_every_notebook_and_case_file_and_refuses_to_overwrite(tmp_path):
    copied = copy_bundle(tmp_path / "out")
    want = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").glob("*.ipynb"))
    want += sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "data").rglob("*") if p.is_file())
    assert copied == want
    assert (tmp_path / "out" / "data" / "deir-ez-zor" / "claims.csv").read_bytes() == (
        ROOT / "data" / "deir-ez-zor" / "claims.csv"
    ).read_bytes()
    (tmp_path / "again").mkdir()
    (tmp_path / "again" / "data").mkdir()
    (tmp_path / "again" / "data" / "README.md").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError, match="README.md is already there"):
        copy_bundle(tmp_path / "again")
    assert [p.name for p in (tmp_path / "again").rglob("*") if p.is_file()] == ["README.md"]  # nothing copied
    assert (tmp_path / "again" / "data" / "README.md").read_text(encoding="utf-8") == "mine"
