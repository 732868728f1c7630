"""kit.store.saving: save_case round trips, and the one atomic write every writer uses.

The hypothesis-driven round trip and the failed-write tests are in tests/store/test_roundtrip.py (run by make fuzz);
here are the kill -9 tests: a save killed at every step (a forked child SIGKILLs itself before its k-th file
system call) and a 20,000-report save killed at random moments (3 in the default run, 15 with --runslow). After
each, checking the case must give exactly the old tables or exactly the new ones, zero problems, and nothing
left behind.
"""

import os
import pathlib
import random
import signal
import stat
import subprocess
import sys
import time

import pandas as pd
import pytest

import kit
from _tables import TABLES

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("case_name", ["cyrillic_case", "drift_case", "workbook_case", "empty_case", "warnings_case"])
def test_save_case_round_trip(tmp_path, case_name, request):
    case = request.getfixturevalue(case_name)
    out = tmp_path / "saved"
    kit.save_case(case, out)
    again = kit.load_case(out)
    for t in TABLES:
        pd.testing.assert_frame_equal(getattr(again, t), getattr(case, t))


# --------------------------------------------------------------------------------------------- atomic writes


def test_atomic_write_writes_text_and_bytes_exactly(tmp_path):
    from kit.store.saving import atomic_write

    p = tmp_path / "x.csv"
    assert atomic_write(p, "a,b\r\nФ\n") == p
    assert p.read_bytes() == "a,b\r\nФ\n".encode()  # no newline translation
    atomic_write(p, "a\n", encoding="utf-8-sig")
    assert p.read_bytes() == b"\xef\xbb\xbfa\n"
    atomic_write(p, b"\x00\x01")
    assert p.read_bytes() == b"\x00\x01"
    assert [f.name for f in tmp_path.iterdir()] == ["x.csv"]  # no temporary file left


def test_atomic_write_all_replaces_nothing_when_one_write_fails(tmp_path, monkeypatch):
    import os

    from kit.store.saving import atomic_write_all

    (tmp_path / "a.txt").write_text("old a")
    (tmp_path / "b.txt").write_text("old b")
    real, calls = os.fsync, []

    def flaky(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError("disk full (simulated)")
        return real(fd)

    monkeypatch.setattr(os, "fsync", flaky)
    with pytest.raises(OSError, match="simulated"):
        atomic_write_all({tmp_path / "a.txt": "new a", tmp_path / "b.txt": "new b"})
    monkeypatch.undo()
    assert {f.name: f.read_text() for f in tmp_path.iterdir()} == {"a.txt": "old a", "b.txt": "old b"}


# --------------------------------------------------------------------------------------------- a whole case at once

CASE_FILES = ("sources.csv", "reports.csv", "claims.csv", "citations.csv", "case.toml")


def _files(folder):
    return {f.name: f.read_bytes() for f in folder.iterdir()}


def _assert_old_or_new(folder, old, new, extra):
    """After a load, the folder holds exactly the old case or exactly the new one, checks clean, and holds
    nothing else than the case files and the files the save does not own (``extra``, unchanged)."""
    case, problems, _ = kit.check_case(folder)  # finishes or rolls back an interrupted save
    assert problems == [] and case is not None
    now = _files(folder)
    assert set(now) == set(CASE_FILES) | set(extra), f"left behind: {sorted(set(now) - set(CASE_FILES))}"
    assert {n: now[n] for n in extra} == extra  # files the save does not own are untouched
    tables = {n: now[n] for n in CASE_FILES}
    assert tables in (old, new), "a mix of old and new tables"
    return "old" if tables == old else "new"


def _fresh(tmp_path, ref, i):
    import shutil

    folder = tmp_path / f"case{i}"
    shutil.copytree(ref, folder)
    (folder / "README.txt").write_bytes(b"my notes\n")
    os.chmod(folder / "sources.csv", 0o640)
    os.chmod(folder / "claims.csv", 0o604)
    return folder


def _modes(folder):
    return {n: stat.S_IMODE(os.stat(folder / n).st_mode) for n in ("sources.csv", "claims.csv")}


@pytest.fixture(scope="module")
def small_pair(tmp_path_factory):
    """Two different small synthetic cases saved: (old folder, old bytes, new case, new bytes)."""
    d = tmp_path_factory.mktemp("small")
    old = kit.save_case(kit.testing.synth.make_case(40, seed=0), d / "old")
    new_case = kit.testing.synth.make_case(40, seed=1)
    new = kit.save_case(new_case, d / "new")
    return old, _files(old), new_case, _files(new)


def _save_killed_at(folder, case, step):
    """Save ``case`` into ``folder`` in a forked child that SIGKILLs itself just before its ``step``-th call of
    os.mkdir/replace/fsync/unlink/rmdir; True if it was killed (False: the save finished first)."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            count = [0]

            def hooked(real):
                def call(*a, **k):
                    count[0] += 1
                    if count[0] == step:
                        os.kill(os.getpid(), signal.SIGKILL)
                    return real(*a, **k)

                return call

            for name in ("mkdir", "replace", "fsync", "unlink", "rmdir"):
                setattr(os, name, hooked(getattr(os, name)))
            kit.save_case(case, folder)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_kill_at_every_step_of_a_save_leaves_the_old_or_the_new_case(tmp_path, small_pair):
    old_dir, old, new_case, new = small_pair
    seen, step = [], 1
    while _save_killed_at(folder := _fresh(tmp_path, old_dir, step), new_case, step):
        modes = _modes(folder)
        seen.append(_assert_old_or_new(folder, old, new, {"README.txt": b"my notes\n"}))
        assert _modes(folder) == modes == {"sources.csv": 0o640, "claims.csv": 0o604}
        step += 1
    assert _assert_old_or_new(folder, old, new, {"README.txt": b"my notes\n"}) == "new"  # not killed: saved
    # every step was reached: killed before the commit the case is the old one, after it the new one
    assert len(seen) >= 15 and "old" in seen and "new" in seen, seen
    assert seen == sorted(seen, key=lambda s: s == "new"), seen  # old ... old new ... new


SAVER = """
import sys, kit
case = kit.testing.synth.make_case(20000, seed=1)
print("saving", flush=True)
kit.save_case(case, sys.argv[1])
print("saved", flush=True)
"""


@pytest.fixture(scope="module")
def big_pair(tmp_path_factory):
    """The old case (20,000 synthetic reports, seed 0) saved, and the bytes of it and of the new one (seed 1)."""
    d = tmp_path_factory.mktemp("big")
    old = kit.save_case(kit.testing.synth.make_case(20000, seed=0), d / "old")
    new = kit.save_case(kit.testing.synth.make_case(20000, seed=1), d / "new")
    return old, _files(old), _files(new)


def _start_saver(folder):
    proc = subprocess.Popen([sys.executable, "-c", SAVER, str(folder)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "saving\n"
    return proc, time.monotonic()


def _kill_during_big_saves(tmp_path, big_pair, kills):
    old_dir, old, new = big_pair
    folder = _fresh(tmp_path, old_dir, "timed")
    proc, start = _start_saver(folder)  # one whole save, to time it
    assert proc.stdout.readline() == "saved\n" and proc.wait(timeout=120) == 0
    duration = time.monotonic() - start
    assert _assert_old_or_new(folder, old, new, {"README.txt": b"my notes\n"}) == "new"
    rng = random.Random(14)
    outcomes = []
    for i in range(kills):
        delay = duration * (i + rng.random()) / kills * 1.1  # spread over the whole save, and a little after
        folder = _fresh(tmp_path, old_dir, i)
        proc, start = _start_saver(folder)
        time.sleep(max(0.0, delay - (time.monotonic() - start)))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        outcomes.append(_assert_old_or_new(folder, old, new, {"README.txt": b"my notes\n"}))
        assert _modes(folder) == {"sources.csv": 0o640, "claims.csv": 0o604}
    return outcomes


@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_kill_9_during_a_20000_report_save_leaves_a_clean_case(tmp_path, big_pair):
    assert len(_kill_during_big_saves(tmp_path, big_pair, 3)) == 3


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_kill_9_at_15_moments_of_a_20000_report_save(tmp_path, big_pair):
    outcomes = _kill_during_big_saves(tmp_path, big_pair, 15)
    assert "old" in outcomes, outcomes  # the kills did land during the save


# --------------------------------------------------------------------------------------------- permissions


def test_a_save_keeps_each_files_mode_and_a_new_file_gets_the_umasks(tmp_path, cases_dir):
    out = kit.save_case(kit.load_case(cases_dir / "drift"), tmp_path / "out")
    os.chmod(out / "claims.csv", 0o640)
    os.chmod(out / "case.toml", 0o444)
    kit.save_case(kit.load_case(cases_dir / "echo"), out)
    assert stat.S_IMODE(os.stat(out / "claims.csv").st_mode) == 0o640
    assert stat.S_IMODE(os.stat(out / "case.toml").st_mode) == 0o444
    old = os.umask(0o027)
    try:
        fresh = kit.save_case(kit.load_case(cases_dir / "echo"), tmp_path / "fresh")
        from kit.store.saving import atomic_write

        atomic_write(tmp_path / "one.txt", "x")
    finally:
        os.umask(old)
    assert {stat.S_IMODE(os.stat(fresh / n).st_mode) for n in CASE_FILES} == {0o640}  # 0o666 less the umask
    assert stat.S_IMODE(os.stat(tmp_path / "one.txt").st_mode) == 0o640


def test_atomic_write_keeps_the_replaced_files_mode(tmp_path):
    from kit.store.saving import atomic_write_all

    (tmp_path / "a.txt").write_text("old")
    os.chmod(tmp_path / "a.txt", 0o604)
    atomic_write_all({tmp_path / "a.txt": "new", tmp_path / "b.txt": "b"})
    assert stat.S_IMODE(os.stat(tmp_path / "a.txt").st_mode) == 0o604
    assert (tmp_path / "a.txt").read_text() == "new"


# --------------------------------------------------------------------------------------------- settling


def test_a_load_removes_stray_temporary_files_of_case_files_only(tmp_path, cases_dir):
    out = kit.save_case(kit.load_case(cases_dir / "echo"), tmp_path / "out")
    before = _files(out)
    (out / ".sources.csv.abc123.tmp").write_text("half a table")  # what an old kit's kill -9 left
    (out / "..kit-save.json.9f8e.tmp").write_text("{")  # the journal's own temporary file
    (out / ".notes.md.x1.tmp").write_text("not the kit's")
    case, problems, _ = kit.check_case(out)
    assert problems == []
    assert _files(out) == {**before, ".notes.md.x1.tmp": b"not the kit's"}


def test_a_committed_save_is_finished_by_the_next_load(tmp_path, small_pair):
    import json

    old_dir, old, _, new = small_pair
    folder = _fresh(tmp_path, old_dir, 0)
    (folder / ".kit-save").mkdir()
    for name in ("claims.csv", "case.toml"):  # killed after the commit, with two files moved in already
        (folder / name).write_bytes(new[name])
    for name in ("sources.csv", "reports.csv", "citations.csv"):
        (folder / ".kit-save" / name).write_bytes(new[name])
    (folder / ".kit-save.json").write_text(json.dumps({"kit-save": 1, "files": list(CASE_FILES)}))
    assert kit.load_case(folder).reports.shape[0] == 40
    assert _assert_old_or_new(folder, old, new, {"README.txt": b"my notes\n"}) == "new"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_an_interrupted_save_in_a_read_only_folder_is_a_problem_not_a_mix(tmp_path, small_pair):
    old_dir, *_ = small_pair
    folder = _fresh(tmp_path, old_dir, 0)
    (folder / ".kit-save").mkdir()
    (folder / ".kit-save.json").write_text('{"kit-save": 1, "files": ["claims.csv"]}')
    os.chmod(folder, 0o500)
    try:
        case, problems, _ = kit.check_case(folder)
    finally:
        os.chmod(folder, 0o700)
    assert case is None and [p.file.endswith(".kit-save.json") for p in problems] == [True]
    assert "a save of this case was interrupted" in problems[0].message


def test_write_folder_refuses_names_outside_the_folder(tmp_path):
    from kit.store.journal import write_folder

    for bad in ("../x.csv", "sub/x.csv", ".kit-save.json", ""):
        with pytest.raises(ValueError, match="plain file names"):
            write_folder(tmp_path, {bad: "x"})
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_save_that_cannot_be_finished_is_a_problem_not_a_mix(tmp_path, small_pair, monkeypatch):
    old_dir, old, _, new = small_pair
    folder = _fresh(tmp_path, old_dir, 0)
    (folder / ".kit-save").mkdir()
    (folder / ".kit-save" / "claims.csv").write_bytes(new["claims.csv"])
    (folder / ".kit-save.json").write_text('{"kit-save": 1, "files": ["claims.csv"]}')

    def refused(src, dst):  # what a read-only folder does to the move
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refused)
    case, problems, _ = kit.check_case(folder)
    assert case is None and [str(p) for p in problems] == [
        f"{folder / '.kit-save.json'}: a save of this case was interrupted, and finishing it here failed "
        "(Permission denied); make the folder writable and run kit check again, which finishes it"
    ]
    monkeypatch.undo()
    assert (folder / "claims.csv").read_bytes() == old["claims.csv"]  # nothing was half done
    assert _assert_old_or_new(folder, old, {**old, "claims.csv": new["claims.csv"]}, {"README.txt": b"my notes\n"})


def test_exports_keep_each_files_mode_and_leave_no_temporary_file(tmp_path, cases_dir):
    from kit.formats.export import export
    from kit.formats.sqlite import export_sqlite

    case = kit.load_case(cases_dir / "echo")
    files = export(case, tmp_path / "out", built="2026-01-01")
    db = export_sqlite(case, tmp_path / "out" / "echo.db")
    os.chmod(files["sources.csv"], 0o640)
    os.chmod(db["sqlite"], 0o604)
    export(case, tmp_path / "out", built="2026-01-01")
    export_sqlite(case, tmp_path / "out" / "echo.db")
    assert stat.S_IMODE(os.stat(files["sources.csv"]).st_mode) == 0o640
    assert stat.S_IMODE(os.stat(db["sqlite"]).st_mode) == 0o604
    assert not [p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]
