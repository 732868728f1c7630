"""``kit notebooks DIR`` (kit.cli.notebooks): the numbered notebooks and the example cases copied out, byte for byte,
counted in what it says; a folder already holding one of them is refused with exit 2 and nothing overwritten."""

import pathlib
import re

from kit.cli import main

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_the_notebooks_and_cases_are_copied_and_counted(tmp_path, capsys):
    dest = tmp_path / "mine"
    assert main(["notebooks", str(dest)]) == 0
    out = capsys.readouterr().out.splitlines()
    m = re.fullmatch(r"copied (\d+) notebooks and (\d+) case files into (.+)", out[0])
    assert m and m.group(3) == str(dest)
    notebooks = sorted(p.name for p in (dest / "notebooks").glob("*.ipynb"))
    # the repository's numbered notebooks, counted independently of the bundle
    assert notebooks == sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert int(m.group(1)) == len(notebooks)
    cases = [p for p in (dest / "data").rglob("*") if p.is_file()]
    assert int(m.group(2)) == len(cases)
    for p in cases + list((dest / "notebooks").glob("*.ipynb")):
        rel = p.relative_to(dest)
        assert p.read_bytes() == (ROOT / rel).read_bytes(), rel
    assert out[1] == f"open them with: jupyter lab {dest}/notebooks"


def test_a_folder_holding_one_of_the_files_is_refused(tmp_path, capsys):
    dest = tmp_path / "mine"
    (dest / "notebooks").mkdir(parents=True)
    mine = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))[0].name
    (dest / "notebooks" / mine).write_text("my own edits", encoding="utf-8")
    assert main(["notebooks", str(dest)]) == 2
    assert capsys.readouterr().err.startswith("kit: ")
    assert (dest / "notebooks" / mine).read_text(encoding="utf-8") == "my own edits"
    assert [p.name for p in dest.rglob("*") if p.is_file()] == [mine]  # nothing else copied either
