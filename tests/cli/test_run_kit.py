"""The ``run_kit`` fixture (tests/_kit_process.py) gives what a new ``python -m kit`` gives: the same returncode,
stdout and stderr, on a success, a warning, problems in a case, a refusal, a usage error, ``--help`` and an unknown
command; it writes the same files, with the test process's umask; and a run past its timeout is killed."""

import shutil
import subprocess
import sys

import pytest

from conftest import CASES, ROOT

RUNS = [
    ("check", CASES / "echo"),  # a success (stdout)
    ("check", CASES / "warnings"),  # warnings, exit 0
    ("check", CASES / "bad_mixed"),  # problems on stdout, their count on stderr, exit 1
    ("trace", CASES / "echo", "no_such_claim"),  # a refusal on stderr, exit 1
    ("export", CASES / "echo", CASES / "echo" / "claims.csv"),  # kit's usage error, exit 2
    ("no-such-command",),  # argparse's usage error, exit 2
    ("--help",),
]


@pytest.mark.parametrize("args", RUNS, ids=lambda a: " ".join(str(x).replace(str(ROOT), ".") for x in a) or "none")
def test_run_kit_gives_what_python_m_kit_gives(run_kit, args):
    fresh = subprocess.run(
        [sys.executable, "-m", "kit", *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    forked = run_kit(*args)
    assert (forked.returncode, forked.stdout, forked.stderr) == (fresh.returncode, fresh.stdout, fresh.stderr)
    assert forked.args == fresh.args


def test_run_kit_writes_what_python_m_kit_writes(run_kit, tmp_path):
    for name, run in (("fresh", None), ("forked", run_kit)):
        out = tmp_path / name
        if run is None:
            r = subprocess.run(
                [sys.executable, "-m", "kit", "export", str(CASES / "echo"), str(out), "--sqlite"],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=120,
            )
        else:
            r = run("export", CASES / "echo", out, "--sqlite")
        assert r.returncode == 0, r.stderr
    fresh = sorted(p.relative_to(tmp_path / "fresh") for p in (tmp_path / "fresh").rglob("*"))
    forked = sorted(p.relative_to(tmp_path / "forked") for p in (tmp_path / "forked").rglob("*"))
    assert fresh == forked and fresh
    for rel in fresh:
        if (tmp_path / "fresh" / rel).suffix in (".csv", ".json", ".md"):
            assert (tmp_path / "fresh" / rel).read_bytes() == (tmp_path / "forked" / rel).read_bytes(), rel


def test_a_run_past_its_timeout_is_killed(run_kit, tmp_path):
    folder = tmp_path / "c"
    shutil.copytree(CASES / "echo", folder)
    with pytest.raises(subprocess.TimeoutExpired):
        run_kit("publish", folder, tmp_path / "site", timeout=0.05)
    assert run_kit("check", folder).returncode == 0  # the server still answers


def test_run_kit_writes_with_the_test_process_s_umask(run_kit, tmp_path):
    import os
    import stat

    old = os.umask(0o077)
    try:
        r = run_kit("export", CASES / "echo", tmp_path / "out")
    finally:
        os.umask(old)
    assert r.returncode == 0, r.stderr
    modes = {stat.S_IMODE(p.stat().st_mode) & 0o077 for p in (tmp_path / "out").rglob("*")}
    assert modes == {0}, modes  # nothing readable by group or others, as a new process with umask 077 writes
