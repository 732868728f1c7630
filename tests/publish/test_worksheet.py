"""kit.publish.worksheet: the printable worksheet and answer key, on the fixture cases (answers worked out by hand)."""

import argparse
import pathlib
import re

import pytest

import kit
from kit.cli.worksheet import add_parser, run
from kit.publish.worksheet import answers_html, worksheet_html, write_worksheet
from kit.text.redact import confidential_fields


def _text(page):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_two_files_each_claim_once_in_order(echo_case, tmp_path):
    files = write_worksheet(echo_case, tmp_path / "out", "strike_deaths")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["answers.html", "worksheet.html"]
    sheet = (tmp_path / "out" / "worksheet.html").read_text(encoding="utf-8")
    answers = pathlib.Path(files["answers"]).read_text(encoding="utf-8")
    assert sheet.count('class="claim"') == 6
    assert [int(n) for n in re.findall(r"Claim (\d+) of 6", sheet)] == [1, 2, 3, 4, 5, 6]
    assert "Twelve killed, an official said" in sheet and "10 to 15 dead, according to an official" in sheet
    assert "Independent origins" in sheet and "graded" not in sheet  # no answer on the worksheet
    assert "Answer key: 6 claims" in answers
    text = _text(answers)
    # e_echo (claim 3): one origin, the anonymous official, redacted
    assert "3 News Aggregator, 2 Jun 2022 1 Confidential source 1 (graded F)" in text
    assert "5 News Aggregator, 3 Jun 2022 2" in text and "Dr. Expert (graded C)" in text  # e_indep: two origins
    assert "they share an origin (an echo)" in text


def test_pages_print_well_and_need_nothing_else(echo_case):
    for page in (worksheet_html(echo_case, "strike_deaths"), answers_html(echo_case, "strike_deaths")):
        assert "@media print" in page and "page-break-inside: avoid" in page
        assert "<script" not in page and "http://" not in page and "https://" not in page
        assert "default-src 'none'" in page


def test_hostile_case_is_escaped_and_redacted(cases_dir):
    case = kit.load_case(cases_dir / "hostile")
    secrets = confidential_fields(case)
    assert secrets
    for page in (worksheet_html(case), answers_html(case)):
        assert "<script" not in page.lower()
        assert "<img" not in page and "<svg" not in page and "<a " not in page
        for secret in secrets:
            assert secret not in page, secret
    assert "Confidential source 1 (graded C)" in _text(answers_html(case))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Wire" in answers_html(case)


def test_unknown_proposition(echo_case):
    with pytest.raises(kit.UnknownName, match="strike_deaths"):
        worksheet_html(echo_case, "strike_death")


def test_the_command(cases_dir, tmp_path, capsys):
    parser = argparse.ArgumentParser(prog="kit")
    add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["worksheet", str(cases_dir / "loop"), str(tmp_path / "w"), "--proposition", "sightings"])
    assert run(args) == 0
    out = capsys.readouterr().out
    assert out.count("wrote ") == 2 and (tmp_path / "w" / "answers.html").exists()
    assert "nothing: a loop with no way out" in (tmp_path / "w" / "answers.html").read_text(encoding="utf-8")
    args = parser.parse_args(["worksheet", str(cases_dir / "loop"), str(tmp_path / "x"), "--proposition", "nope"])
    assert run(args) == 1 and not (tmp_path / "x").exists()
    assert "nope" in capsys.readouterr().err
    args = parser.parse_args(["worksheet", str(cases_dir.parent / "bad_cases" / "bad_grades"), str(tmp_path / "y")])
    assert run(args) == 1 and not (tmp_path / "y").exists()
    assert "fix them (see kit check)" in capsys.readouterr().err
