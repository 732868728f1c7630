"""kit.audit's progress (tqdm) and an interrupted ``kit audit --write``, which leaves every file as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import kit
from kit.auditing import STEPS, audit


def test_progress_is_shown_when_asked_and_not_otherwise(capsys):
    case = kit.testing.synth.make_case(300, seed=4, copy_rate=0.1)
    quiet = audit(case, progress=False)
    assert capsys.readouterr().err == ""
    shown = audit(case, progress=True)
    err = capsys.readouterr().err
    assert "audit" in err and f"{len(STEPS)}/{len(STEPS)}" in err
    assert shown.equals(quiet)


def test_an_interrupted_audit_write_leaves_the_case_as_it_was(tmp_path):
    folder = tmp_path / "case"
    kit.save_case(kit.testing.synth.make_case(60_000, seed=2, copy_rate=0.1), str(folder))
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert b"basis" in before["citations.csv"].splitlines()[0]
    started = time.monotonic()  # how long starting the kit takes here, now (a loaded machine is slower)
    subprocess.run([sys.executable, "-c", "import kit.cli, kit.auditing"], check=True)
    starting = time.monotonic() - started
    # the signal must come before the audit is done: on a fast machine it may not, so a run that finished (and
    # appended its pairs) is undone and tried again with the signal sooner; and after Python has started: on a
    # loaded machine a start may take longer than the one measured, and a signal then kills Python itself before
    # the kit runs (exit -2, nothing written), so that run is tried again with the signal later
    delays, late = [1.5, 0.8, 0.4], 0.0
    for _ in range(8):
        proc = subprocess.Popen(
            [sys.executable, "-m", "kit", "audit", str(folder), "--write"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "KIT_DEBUG": ""},
        )
        time.sleep(starting + late + delays[0])  # past the start, before reading and auditing 60,000 claims is done
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
        if proc.returncode == -signal.SIGINT:  # Python was still starting: nothing was written; later next time
            assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
            late += starting
            continue
        if proc.returncode != 0:
            break
        for name, data in before.items():  # finished before the signal: put the case back and try again
            (folder / name).write_bytes(data)
        delays = delays[1:] or delays
    assert proc.returncode == 1, (out, err)  # interrupted, not finished
    assert b"appended" not in out and b"Traceback" not in err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
