"""kit.case: the Case object, load_case and check_case (tables, case.toml, story.csv), `python -m kit check`.

Every expected value below was worked out by hand from the files in tests/cases/.
"""

import dataclasses
import os
import re
import shutil

import pandas as pd
import pytest

import kit
from _tables import BAD_EXPECTED, TABLES


def test_case_is_frozen(one_row_case):
    with pytest.raises(dataclasses.FrozenInstanceError):
        one_row_case.claims = one_row_case.claims.iloc[:0]


def test_loaded_frames_are_not_shared(cases_dir):
    """Mutating one load's frames does not affect another load of the same case."""
    a = kit.load_case(cases_dir / "echo")
    b = kit.load_case(cases_dir / "echo")
    a.claims.loc[0, "text"] = "CHANGED"
    a.sources.loc[0, "name"] = "CHANGED"
    a.citations.loc[:, "relation"] = "disputes"
    a.meta["title"] = "CHANGED"
    c = kit.load_case(cases_dir / "echo")
    for other in (b, c):
        assert other.claims.loc[0, "text"] == "Twelve killed, an official said"
        assert other.sources.loc[0, "name"] == "Official (unnamed)"
        assert len(other.citations) == 10
        assert list(other.citations["relation"]).count("relies_on") == 7
        assert other.meta["title"] == "Echo (test case)"


ANALYSES = {
    "citation_graph": lambda c: kit.citation_graph(c),
    "outlet_graph": lambda c: kit.outlet_graph(c),
    "origins": lambda c: [kit.origins(c, x) for x in c.claims["claim_id"]],
    "independence": lambda c: [kit.independence(c, p) for p in c.claims["proposition"].unique()],
    "provenance": lambda c: kit.provenance(c),
    "circular": lambda c: kit.circular(c),
    "drift": lambda c: [kit.drift(c, p) for p in c.claims["proposition"].unique()],
    "without": lambda c: [kit.without(c, s) for s in c.sources["source_id"]],
    "timeline": lambda c: [kit.timeline(c, p) for p in c.claims["proposition"].unique()],
}


@pytest.mark.parametrize("name", sorted(ANALYSES))
@pytest.mark.parametrize("case_name", ["loop_case", "echo_case", "drift_case", "cyrillic_case"])
def test_analyses_do_not_modify_the_case(name, case_name, request):
    case = request.getfixturevalue(case_name)
    before = {t: getattr(case, t).copy(deep=True) for t in TABLES}
    meta_before = dict(case.meta)
    n_warnings = len(case.warnings)
    ANALYSES[name](case)
    for t in TABLES:
        pd.testing.assert_frame_equal(getattr(case, t), before[t])
    assert case.meta == meta_before
    assert len(case.warnings) == n_warnings


LINE_RE = re.compile(r"^(?P<file>[^:\s][^:]*):(?P<line>\d+): (?P<column>[A-Za-z_][A-Za-z0-9_]*): (?P<message>\S.*)$")


def test_check_cli_on_bad_case(run_kit, cases_dir):
    p = run_kit("check", cases_dir / "bad_mixed")
    out = p.stdout + p.stderr
    assert p.returncode == 1, out
    assert "Traceback" not in out
    lines = [ln for ln in p.stdout.splitlines() if ln.strip()]  # stdout: only the problems
    assert lines
    for ln in lines:
        assert LINE_RE.match(ln), ln
    assert "8 problems found" in p.stderr  # the count goes to stderr
    for what, places in BAD_EXPECTED.items():
        assert any(f"{f}:{n}: {c}: " in out for f, n, c in places), (what, out)


def test_check_cli_counts_one_problem_in_the_singular(run_kit, tmp_path):
    case = tmp_path / "c"
    kit.save_case(kit.testing.examples.diamond(), case)
    claims = (case / "claims.csv").read_text(encoding="utf-8").splitlines()
    claims[1] = claims[1].replace(",", ",x-", 1)  # the first claim's report is now one that does not exist
    (case / "claims.csv").write_text("\n".join(claims) + "\n", encoding="utf-8")
    p = run_kit("check", case)
    assert p.returncode == 1 and len(p.stdout.strip().splitlines()) == 1, p.stdout + p.stderr
    assert f"1 problem found in {case}; fix it and run kit check again" in p.stderr


@pytest.mark.parametrize("target", ["empty", "one_row", "echo", "own_reporting", "drift", "disputes", "workbook.xlsx"])
def test_check_cli_good_case_prints_one_line_summary(run_kit, cases_dir, target):
    p = run_kit("check", cases_dir / target)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "Traceback" not in p.stdout + p.stderr
    assert len(p.stdout.strip().splitlines()) == 1, p.stdout


WARN_RE = re.compile(r"^(?P<file>[^:\s][^:]*):(?P<line>\d+): (?P<column>[A-Za-z_][A-Za-z0-9_]*): warning: \S.*$")


def test_check_cli_prints_warnings_and_exits_0(run_kit, cases_dir):
    p = run_kit("check", cases_dir / "warnings")
    out = p.stdout + p.stderr
    assert p.returncode == 0, out
    assert "Traceback" not in out
    warn = [ln for ln in out.splitlines() if WARN_RE.match(ln)]
    assert len(warn) == 2, out
    assert any("sources.csv:1: twitter_handle: warning: " in ln for ln in warn), warn
    assert any("citations.csv:2: " in ln for ln in warn), warn
    stdout_lines = [ln for ln in p.stdout.splitlines() if ln.strip()]
    assert stdout_lines and not WARN_RE.match(stdout_lines[-1])  # the summary comes last
    non_warn = [ln for ln in stdout_lines if not WARN_RE.match(ln)]
    assert len(non_warn) == 1, p.stdout


def test_check_cli_cyrillic_case(run_kit, cases_dir):
    p = run_kit("check", cases_dir / "cyrillic_bom_crlf")
    out = p.stdout + p.stderr
    assert p.returncode == 0, out
    assert any(WARN_RE.match(ln) and "citations.csv:4: " in ln for ln in out.splitlines()), out


# --------------------------------------------------------------------------------------------- check_case


def _echo_with(tmp_path, cases_dir, story=None, toml=None):
    folder = tmp_path / "echo"
    shutil.copytree(cases_dir / "echo", folder)
    if story is not None:
        (folder / "story.csv").write_text(story, encoding="utf-8")
    if toml is not None:
        with open(folder / "case.toml", "a", encoding="utf-8") as fh:
            fh.write(toml)
    return folder


def test_check_case_with_story_lists_its_problems_but_returns_the_case(tmp_path, cases_dir):
    folder = _echo_with(tmp_path, cases_dir, story="step,date,title,text,colour\n1,13/06/2022,,x,red\n")
    case, problems, warnings = kit.check_case(folder, story=True)
    assert case is not None and len(case.claims) == len(kit.load_case(folder).claims)
    assert [(p.line, p.column) for p in problems] == [(2, "date"), (2, "title")]
    assert [(p.line, p.column) for p in warnings] == [(1, "colour")]
    assert case.warnings == []  # the story's warnings are kit check's, not the case's
    assert kit.check_case(folder)[1:] == ([], [])  # without story=True the story is not read


def test_check_case_lists_table_case_toml_and_story_problems_in_file_order(tmp_path, cases_dir):
    folder = _echo_with(
        tmp_path, cases_dir, story="step,date,title,text\n1,2022-06-01,,\n", toml='proposition = "strike_death"\n'
    )
    claims = (folder / "claims.csv").read_text(encoding="utf-8").replace(",asserted,", ",asserted-ish,", 1)
    (folder / "claims.csv").write_text(claims, encoding="utf-8")
    case, problems, _ = kit.check_case(folder, story=True)
    assert case is None
    assert [os.path.basename(p.file) for p in problems] == ["case.toml", "claims.csv", "story.csv"]
    assert "did you mean 'strike_deaths'?" in problems[0].message and problems[0].line == 4


def test_load_case_raises_for_what_kit_publish_would_reject(tmp_path, cases_dir):
    folder = _echo_with(tmp_path, cases_dir, toml='\n[verdicts.strike_deaths]\nrating = "False"\nclaim_id = "e_on"\n')
    with pytest.raises(kit.CaseError) as err:
        kit.load_case(folder)
    assert [str(p).replace(str(folder), "echo") for p in err.value.problems] == [
        "echo/case.toml:7: verdicts.strike_deaths.claim_id: 'e_on' is not a claim_id in claims.csv: did you mean "
        "'e_one'? Otherwise name the claim the verdict reviews"
    ]


def test_problem_order_puts_the_story_after_the_tables():
    ps = [
        kit.Problem("x/story.csv", 1, "date", "m"),
        kit.Problem("x/citations.csv", 9, "cites", "m"),
        kit.Problem("book.xlsx#case", 3, "proposition", "m"),
        kit.Problem("book.story.csv", 2, "step", "m"),
    ]
    assert [p.file for p in sorted(ps, key=kit.case.problem_order)] == [
        "book.xlsx#case",
        "x/citations.csv",
        "x/story.csv",
        "book.story.csv",
    ]
