"""``kit worksheet`` (kit.cli.worksheet): the two pages written where it says; the question asked by --proposition
or chosen by the case; an unknown question named with the nearest, exit 1; a confidential source kept out."""

import shutil

import pytest

from kit.cli import main


def _written(out):
    return [line.removeprefix("wrote ") for line in out.strip().splitlines()]


def test_two_pages_written_and_the_confidential_source_withheld(cases_dir, tmp_path, capsys):
    out = tmp_path / "ws"
    assert main(["worksheet", str(cases_dir / "echo"), str(out)]) == 0
    assert _written(capsys.readouterr().out) == [str(out / "worksheet.html"), str(out / "answers.html")]
    for page in ("worksheet.html", "answers.html"):
        text = (out / page).read_text(encoding="utf-8")
        assert text.lstrip().lower().startswith("<!doctype html")
        # echo's confidential source: its name and notes never appear, its label does in the answers
        assert "Official (unnamed)" not in text and "spoke to both outlets" not in text
    assert "Confidential source 1" in (out / "answers.html").read_text(encoding="utf-8")


def test_revealing_warns_and_names_the_source(cases_dir, tmp_path, capsys):
    out = tmp_path / "ws"
    assert main(["worksheet", str(cases_dir / "echo"), str(out), "--reveal-confidential"]) == 0
    assert "do not publish it" in capsys.readouterr().err
    assert "Official (unnamed)" in (out / "answers.html").read_text(encoding="utf-8")


def test_an_unknown_question_is_named_with_the_nearest(cases_dir, tmp_path, capsys):
    assert main(["worksheet", str(cases_dir / "echo"), str(tmp_path / "ws"), "--proposition", "strike_dead"]) == 1
    err = capsys.readouterr().err
    assert "there is no proposition 'strike_dead' in this case; did you mean 'strike_deaths'?" in err
    assert not (tmp_path / "ws").exists()


@pytest.mark.parametrize("chosen", ["progov_killed_feb7", "russians_killed_feb7"])
def test_the_question_the_case_toml_names_is_the_one_asked(cases_dir, tmp_path, capsys, chosen):
    # issue 18: the default question is the case's own (proposition = in case.toml), as on the page
    deir = cases_dir.parents[1] / "data" / "deir-ez-zor"
    case = tmp_path / "deir"
    shutil.copytree(deir, case)
    toml = case / "case.toml"
    lines = [x for x in toml.read_text(encoding="utf-8").splitlines() if not x.startswith("proposition")]
    toml.write_text(f'proposition = "{chosen}"\n' + "\n".join(lines) + "\n", encoding="utf-8")
    assert main(["worksheet", str(case), str(tmp_path / "a")]) == 0
    assert main(["worksheet", str(case), str(tmp_path / "b"), "--proposition", chosen]) == 0
    capsys.readouterr()
    for page in ("worksheet.html", "answers.html"):
        assert (tmp_path / "a" / page).read_bytes() == (tmp_path / "b" / page).read_bytes()
