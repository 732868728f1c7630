"""``kit trace`` (kit.cli.trace): the claim's tree and origins on stdout, exit 0; an unknown claim named with the
nearest ids on stderr, exit 1; a case with problems stops it."""

from kit.cli import main
from kit.text.trace_text import trace_text


def test_trace_prints_what_trace_text_gives(cases_dir, capsys, echo_case):
    assert main(["trace", str(cases_dir / "echo"), "e_single"]) == 0
    out = capsys.readouterr().out
    assert out == trace_text(echo_case, "e_single") + "\n"
    assert out.splitlines()[-1].startswith("  anon ") and out.splitlines()[-1].endswith("3 hops")


def test_an_unknown_claim_is_named_with_the_nearest(cases_dir, capsys):
    assert main(["trace", str(cases_dir / "echo"), "e_singel"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "there is no claim 'e_singel' in this case; did you mean 'e_single'" in captured.err


def test_a_case_with_problems_is_not_traced(cases_dir, capsys):
    assert main(["trace", str(cases_dir / "bad_mixed"), "k1"]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.strip().splitlines()) == 8  # its eight problems
    assert "has problems; fix them (see kit check) before tracing" in captured.err


def test_a_terminal_escape_in_a_case_is_printed_as_text(tmp_path, capsys, cases_dir):
    import shutil

    shutil.copytree(cases_dir / "one_row", tmp_path / "c")
    claims = tmp_path / "c" / "claims.csv"
    claims.write_text(
        claims.read_text(encoding="utf-8").replace("Seven residents", "Seven\x1b]0;owned\x07 residents"),
        encoding="utf-8",
    )
    assert main(["trace", str(tmp_path / "c"), "c1"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "owned" in out
