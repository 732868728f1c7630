"""``kit check`` (kit.cli.check): every problem on stdout as FILE:LINE: COLUMN: message, a count on stderr and exit 1;
a valid case's one-line summary, its counts checked against the tables read with Python's csv module and its loops
against networkx."""

import csv
import re

import networkx as nx
import pytest

from kit.cli import main

# FILE:LINE: COLUMN: message (the house's form of a problem)
PROBLEM_LINE = re.compile(r"^[^:]+\.csv:\d+: [a-z_]+: \S.*$")


def _rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _loops(folder) -> int:
    g = nx.DiGraph()
    g.add_edges_from(
        (r["claim_id"], r["cites"]) for r in _rows(folder / "citations.csv") if r["relation"] != "disputes"
    )
    return sum(1 for _ in nx.simple_cycles(g))


@pytest.mark.parametrize("name", ["echo", "loop", "own_reporting", "one_row", "empty"])
def test_a_valid_case_prints_its_counts(cases_dir, capsys, name):
    folder = cases_dir / name
    assert main(["check", str(folder)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    n = {t: len(_rows(folder / f"{t}.csv")) for t in ("sources", "reports", "claims", "citations")}
    counts = (
        f"{n['sources']} sources, {n['reports']} reports, {n['claims']} claims, {n['citations']} citations, "
        f"{_loops(folder)} loops"
    )
    assert out[-1].startswith("OK: ") and counts in out[-1]
    warnings = out[:-1]
    assert out[-1].endswith(f", {len(warnings)} warnings")


def test_warnings_do_not_fail_a_case(cases_dir, capsys):
    assert main(["check", str(cases_dir / "warnings")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[0] for line in out[:-1]] == [
        f"{cases_dir / 'warnings' / 'sources.csv'}:1",
        f"{cases_dir / 'warnings' / 'citations.csv'}:2",
    ]
    assert all(": warning: " in line for line in out[:-1])


def test_every_problem_at_once_and_exit_1(cases_dir, capsys):
    assert main(["check", str(cases_dir / "bad_mixed")]) == 1
    captured = capsys.readouterr()
    lines = captured.out.strip().splitlines()
    assert len(lines) == 8  # tests/cases/README.md: "eight errors at once"
    assert all(PROBLEM_LINE.match(line) for line in lines), lines
    assert captured.err.strip() == f"8 problems found in {cases_dir / 'bad_mixed'}; fix them and run kit check again"


def test_no_case_is_one_problem(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nothing")]) == 1
    captured = capsys.readouterr()
    assert "there is no folder or file here" in captured.out
    assert captured.err.startswith("1 problem found in ") and "fix it and" in captured.err
