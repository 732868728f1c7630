"""Nothing lost: no command of the CLI ever changes, adds or removes a file of the case it reads.

check and trace run on a valid folder case (and its case.toml), a valid workbook, an invalid case and an
unreadable (Windows-1252) case; the CLI's other commands (publish, export: they write into a separate folder)
on the valid and the invalid case, with `--runslow` only (publish takes seconds);
every file's bytes and modification time (ns) and the folder's listing are compared before and after.
The commands run through the CLI's entry point in one subprocess (starting Python for each costs a second);
one run goes through `python -m kit` itself.
"""

import json
import os
import pathlib
import shutil
import subprocess
import sys
import textwrap

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases"
BAD = ROOT / "tests" / "bad_cases"


def snapshot(folder: pathlib.Path) -> dict:
    out = {}
    for p in sorted(folder.rglob("*")):
        st = p.stat()
        out[str(p.relative_to(folder))] = (p.read_bytes() if p.is_file() else None, st.st_mtime_ns, st.st_mode)
    return out


def commands_of_cli() -> set:
    """The sub-commands `python -m kit` offers (read from its argument parser)."""
    import argparse
    import importlib

    import kit.cli

    sub = argparse.ArgumentParser(prog="kit").add_subparsers()
    for name in kit.cli.COMMANDS:
        importlib.import_module(f"kit.cli.{name}").add_parser(sub)
    return set(sub.choices)


@pytest.fixture
def inputs(tmp_path):
    """Copies of four cases under tmp_path/in (so their mtimes are ours), and an empty tmp_path/out."""
    src = tmp_path / "in"
    shutil.copytree(CASES / "drift", src / "valid")
    shutil.copy2(CASES / "workbook.xlsx", src / "workbook.xlsx")
    shutil.copytree(BAD / "dangling_claim_report", src / "invalid")
    shutil.copytree(BAD / "windows_1252", src / "unreadable")
    for p in src.rglob("*"):  # old, distinctive mtimes: a rewrite with the same bytes would still show
        os.utime(p, ns=(1_500_000_000_123_456_789, 1_500_000_000_123_456_789))
    (tmp_path / "out").mkdir()
    return src


_DRIVER = textwrap.dedent("""
    import contextlib, io, json, sys
    from kit.cli import main
    results = []
    for argv in json.loads(sys.stdin.read()):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                rc = main(argv)
            except SystemExit as e:
                rc = e.code
        results.append({"argv": argv, "rc": rc, "stderr": err.getvalue()})
    sys.stdout.write(json.dumps(results))
""")


def argv_list(src: pathlib.Path, out: pathlib.Path, commands) -> list:
    targets = {
        "valid": src / "valid",
        "workbook": src / "workbook.xlsx",
        "invalid": src / "invalid",
        "unreadable": src / "unreadable",
    }
    argvs = []
    for name, t in targets.items():
        if "check" in commands:
            argvs.append(["check", str(t)])
            if (t / "case.toml").exists():
                argvs.append(["check", str(t / "case.toml")])
        if "trace" in commands:
            argvs.append(["trace", str(t), {"valid": "k2", "workbook": "w2"}.get(name, "k_mod")])
            argvs.append(["trace", str(t), "no_such_claim"])
        for cmd in sorted(set(commands) - {"check", "trace"}):
            if name in ("valid", "invalid"):  # these write files elsewhere; each run costs seconds
                argvs.append([cmd, str(t), str(out / f"{cmd}-{name}")])
    return argvs


def run_and_compare(inputs, out, commands):
    before = snapshot(inputs)
    argvs = argv_list(inputs, out, commands)
    p = subprocess.run(
        [sys.executable, "-c", _DRIVER],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        input=json.dumps(argvs),
        env={**os.environ, "MPLBACKEND": "Agg"},
    )
    assert p.returncode == 0, p.stderr
    results = json.loads(p.stdout)
    after = snapshot(inputs)
    assert sorted(after) == sorted(before), "files were added to or removed from the case folders"
    for name in before:
        assert after[name] == before[name], f"{name} was changed"
    for r in results:  # and none of them crashed
        assert r["rc"] in (0, 1), r
        assert "Traceback" not in r["stderr"] and "internal error" not in r["stderr"], r
    assert {r["argv"][0] for r in results} == set(commands)
    return results


def test_check_and_trace_never_change_their_input(inputs, tmp_path):
    results = run_and_compare(inputs, tmp_path / "out", ["check", "trace"])
    rc = {(r["argv"][0], pathlib.Path(r["argv"][1]).name, r["argv"][2:] == ["no_such_claim"]): r["rc"] for r in results}
    assert rc[("check", "valid", False)] == 0 and rc[("check", "workbook.xlsx", False)] == 0
    assert rc[("check", "invalid", False)] == 1 and rc[("check", "unreadable", False)] == 1
    assert rc[("trace", "valid", False)] == 0 and rc[("trace", "valid", True)] == 1


@pytest.mark.slow
def test_other_commands_never_change_their_input(inputs, tmp_path):
    """publish and export (and any command added later); about 15 s, so only with `--runslow` (conftest.py)."""
    others = sorted(commands_of_cli() - {"check", "trace"})
    if not others:
        pytest.skip("the CLI has only check and trace")
    run_and_compare(inputs, tmp_path / "out", others)


def test_python_m_kit_check_leaves_files_alone(inputs):
    before = snapshot(inputs)
    for case in ("valid", "unreadable"):
        p = subprocess.run(
            [sys.executable, "-m", "kit", "check", str(inputs / case)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert p.returncode == (0 if case == "valid" else 1), p.stdout + p.stderr
    assert snapshot(inputs) == before
