"""kit.cli.common: what every command shares; a case's text printed terminal-safe, its problems printed once each,
sorted by file and line, and the --reveal-confidential flag with its warning."""

import argparse
import sys

import pytest

from kit.cli.common import REVEAL_WARNING, add_reveal_flag, load_or_report, say, valid_case, warn_if_revealing


@pytest.mark.parametrize(
    "hostile",
    ["\x1b]0;owned\x07", "\x1b[2J", "\x1b]52;c;cGF5bG9hZA==\x07", "\u202eevil", "a\rb", "\x9b31m"],
)
def test_say_never_writes_a_control_character(capsys, hostile):
    say("title:", hostile)
    out = capsys.readouterr().out
    assert out.endswith("\n")
    line = out[:-1]
    assert line.startswith("title: ")
    assert all(ch.isprintable() for ch in line), repr(line)


def test_say_to_stderr(capsys):
    say("a", 1, None, file=sys.stderr)
    assert capsys.readouterr() == ("", "a 1 None\n")


def test_load_or_report_prints_each_problem_once_by_file_then_line(cases_dir, capsys):
    case, problems, warnings = load_or_report(cases_dir / "bad_mixed")
    assert case is None and len(problems) == 8 and warnings == []
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == len(set(lines)) == 8
    order = ["sources.csv", "reports.csv", "claims.csv", "citations.csv"]
    keys = [(order.index(line.split(":")[0].rsplit("/", 1)[1]), int(line.split(":")[1])) for line in lines]
    assert keys == sorted(keys)


def test_load_or_report_of_a_valid_case_with_warnings(cases_dir, capsys):
    case, problems, warnings = load_or_report(cases_dir / "warnings")
    assert case is not None and problems == [] and len(warnings) == 2
    assert len(capsys.readouterr().out.strip().splitlines()) == 2


def test_valid_case_says_what_stops(cases_dir, capsys):
    assert valid_case(cases_dir / "bad_mixed", "publishing") is None
    assert capsys.readouterr().err.strip().endswith("has problems; fix them (see kit check) before publishing")
    assert valid_case(cases_dir / "echo", "publishing").title


def test_the_reveal_flag_and_its_warning(capsys):
    p = argparse.ArgumentParser()
    add_reveal_flag(p, "internal only")
    assert p.parse_args([]).reveal_confidential is False
    args = p.parse_args(["--reveal-confidential"])
    warn_if_revealing(p.parse_args([]))
    assert capsys.readouterr().err == ""
    warn_if_revealing(args)
    assert capsys.readouterr().err == REVEAL_WARNING + "\n"
    assert "(prints a warning)" in p.format_help()
