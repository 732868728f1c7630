"""A received case folder touches nothing outside it, and writes into a case lose nothing (issue 24, items 1, 11-13).

Recovery of an interrupted save (kit.store.journal.settle) never follows a link out of the case folder nor moves a
file the journal did not stage: a suspicious journal is refused in one sentence and nothing moves. A table that is a
symbolic link is never replaced by a private file: case writes refuse it in one sentence, other atomic writes go
through to the link's target. Folder and file modes are kept. Appending suspected citations twice, or from two
processes at once, appends each row once.
"""

import hashlib
import json
import multiprocessing
import os
import pathlib
import shutil
import stat

import pandas as pd
import pytest

import kit
from kit.errors import UnsafeCaseFolder
from kit.store.journal import settle, write_folder
from kit.store.safety import JOURNAL, STAGING

posix = pytest.mark.skipif(os.name != "posix", reason="needs symbolic links and POSIX modes")


def _tree(root):
    """Every file under ``root`` (links as links) -> its bytes, or its link target."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for n in dirnames + filenames:
            p = os.path.join(dirpath, n)
            rel = os.path.relpath(p, root)
            if os.path.islink(p):
                out[rel] = ("link", os.readlink(p))
            elif os.path.isfile(p):
                with open(p, "rb") as fh:
                    out[rel] = fh.read()
    return out


@pytest.fixture
def received(tmp_path, cases_dir):
    """A received case (echo) beside a folder ``outside`` holding a secret file."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("the outside file\n")
    case = tmp_path / "case"
    shutil.copytree(cases_dir / "echo", case)
    return case, outside


def _assert_refused_and_untouched(case, outside, before_case, before_outside, run_kit):
    got, problems, _ = kit.check_case(case)
    assert got is None and len(problems) == 1, problems
    p = problems[0]
    assert p.file.endswith(JOURNAL) and "nothing was moved" in p.message, p
    assert p.message.count(". ") == 0 and p.message.count("; ") <= 2, p.message  # one sentence
    assert _tree(outside) == before_outside
    assert _tree(case) == before_case
    r = run_kit("check", case)
    assert r.returncode == 1 and "nothing was moved" in r.stdout and "internal error" not in r.stderr
    assert _tree(outside) == before_outside and _tree(case) == before_case


# --------------------------------------------------------------------------------------------- item 1: recovery


@posix
def test_a_staging_link_out_of_the_case_is_refused_and_nothing_moves(received, run_kit):
    case, outside = received
    os.symlink(os.path.relpath(outside, case), case / STAGING)
    (case / JOURNAL).write_text(json.dumps({"kit-save": 1, "files": ["secret.txt"]}))
    before_case, before_outside = _tree(case), _tree(outside)
    _assert_refused_and_untouched(case, outside, before_case, before_outside, run_kit)
    for cmd in (("export", case, case.parent / "ex"), ("publish", case, case.parent / "site")):
        r = run_kit(*cmd)
        assert r.returncode == 1 and "internal error" not in r.stderr, (cmd, r.stderr)
    assert _tree(outside) == before_outside and not (case.parent / "ex").exists()


@posix
@pytest.mark.parametrize(
    "kind",
    [
        "staged-link",  # the staged file is a link to a file outside
        "journal-link",  # the journal itself is a link out of the case
        "not-a-case-file",  # a v1 journal naming a file no save of a case writes
        "hash-mismatch",  # a v2 journal whose staged file is not the one it wrote
        "unreadable",  # a journal changed by hand
        "odd-name",  # a name that is not a plain file name
        "hard-link",  # a staged file with a second name
    ],
)
def test_a_suspicious_journal_is_refused_in_one_sentence(received, run_kit, kind):
    case, outside = received
    staging = case / STAGING
    staging.mkdir()
    journal = {"kit-save": 1, "files": ["claims.csv"]}
    if kind == "staged-link":
        os.symlink(outside / "secret.txt", staging / "claims.csv")
    elif kind == "journal-link":
        (outside / "j.json").write_text(json.dumps(journal))
        (staging / "claims.csv").write_text("claim_id\n")
        os.symlink(outside / "j.json", case / JOURNAL)
        journal = None
    elif kind == "not-a-case-file":
        (staging / "README.md").write_text("replaced\n")
        journal = {"kit-save": 1, "files": ["README.md"]}
    elif kind == "hash-mismatch":
        (staging / "claims.csv").write_text("claim_id\n")
        journal = {"kit-save": 2, "files": {"claims.csv": hashlib.sha256(b"other").hexdigest()}}
    elif kind == "unreadable":
        (staging / "claims.csv").write_text("claim_id\n")
        journal = None
        (case / JOURNAL).write_text("{not json")
    elif kind == "odd-name":
        journal = {"kit-save": 1, "files": ["../outside/secret.txt"]}
    elif kind == "hard-link":
        os.link(outside / "secret.txt", staging / "claims.csv")
    if journal is not None:
        (case / JOURNAL).write_text(json.dumps(journal))
    before_case, before_outside = _tree(case), _tree(outside)
    _assert_refused_and_untouched(case, outside, before_case, before_outside, run_kit)


def test_a_journal_the_kit_wrote_is_still_finished(tmp_path, cases_dir):
    folder = kit.save_case(kit.load_case(cases_dir / "drift"), tmp_path / "c")
    new = kit.load_case(cases_dir / "echo")
    from kit.store.saving import CASE_FILES, meta_toml, table_csv

    texts = {f"{t}.csv": table_csv(getattr(new, t), t) for t in ("sources", "reports", "claims", "citations")}
    texts["case.toml"] = meta_toml(new.meta)
    (folder / STAGING).mkdir()
    for n, t in texts.items():
        (folder / STAGING / n).write_text(t)
    files = {n: hashlib.sha256(t.encode()).hexdigest() for n, t in texts.items()}
    (folder / JOURNAL).write_text(json.dumps({"kit-save": 2, "files": files}))
    assert settle(folder, CASE_FILES) == "completed"
    assert kit.load_case(folder).claims.equals(new.claims)


def test_write_folder_journals_what_it_staged(tmp_path, monkeypatch):
    seen = {}
    real = os.replace

    def spy(src, dst):
        if str(dst).endswith(JOURNAL):
            seen.update(json.loads(pathlib.Path(src).read_text()))
        return real(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    write_folder(tmp_path, {"a.csv": "x\n"})
    assert seen == {"kit-save": 2, "files": {"a.csv": hashlib.sha256(b"x\n").hexdigest()}}


# --------------------------------------------------------------------------------------------- item 12: links


@posix
def test_a_linked_table_is_refused_by_save_and_append_in_one_sentence(received, run_kit):
    case, outside = received
    shutil.move(case / "citations.csv", outside / "citations.csv")
    os.symlink(outside / "citations.csv", case / "citations.csv")
    before_case, before_outside = _tree(case), _tree(outside)
    with pytest.raises(UnsafeCaseFolder, match="this is a symbolic link") as err:
        kit.save_case(kit.load_case(case), case)
    assert str(err.value).count(". ") == 0
    rows = pd.DataFrame({"claim_id": ["x"], "cites": ["y"], "evidence": [""]})
    from kit.store.append import append_suspected

    with pytest.raises(UnsafeCaseFolder, match="this is a symbolic link"):
        append_suspected(case, rows)
    assert _tree(case) == before_case and _tree(outside) == before_outside
    assert not (case / STAGING).exists() and not (case / JOURNAL).exists()


@posix
def test_atomic_write_through_a_link_writes_its_target_and_keeps_the_link(tmp_path):
    from kit.store.atomic import atomic_path, atomic_write

    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "index.html"
    target.write_text("old")
    os.chmod(target, 0o640)
    link = tmp_path / "index.html"
    os.symlink(target, link)
    atomic_write(link, "new")
    assert os.path.islink(link) and target.read_text() == "new"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    with atomic_path(link) as tmp:
        pathlib.Path(tmp).write_text("newer")
    assert os.path.islink(link) and target.read_text() == "newer"
    assert sorted(os.listdir(tmp_path / "real")) == ["index.html"]


# --------------------------------------------------------------------------------------------- item 13: modes


@posix
def test_draft_into_an_empty_0700_folder_keeps_it_0700(tmp_path, run_kit):
    art = tmp_path / "a.txt"
    art.write_text("Two of the Russians said at least two were killed.\n", encoding="utf-8")
    out = tmp_path / "private"
    out.mkdir()
    os.chmod(out, 0o700)
    r = run_kit("draft", art, out, "--publisher", "P", "--published", "2018-02-13")
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o700
    assert sorted(os.listdir(out)) == ["case.toml", "citations.csv", "claims.csv", "reports.csv", "sources.csv"]
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".tmp")]


@posix
def test_draft_into_the_current_folder(tmp_path):
    import subprocess
    import sys

    art = tmp_path / "a.txt"
    art.write_text("Two of the Russians said at least two were killed.\n", encoding="utf-8")
    here = tmp_path / "here"
    here.mkdir()
    env = {**os.environ, "PYTHONPATH": os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))}
    r = subprocess.run(
        [sys.executable, "-m", "kit", "draft", str(art), ".", "--publisher", "P", "--published", "2018-02-13"],
        cwd=here,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert kit.load_case(here).claims["low"].tolist() == [2]


@posix
def test_a_save_keeps_the_folders_mode(tmp_path, cases_dir):
    out = tmp_path / "c"
    out.mkdir()
    os.chmod(out, 0o710)
    kit.save_case(kit.load_case(cases_dir / "echo"), out)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o710


# --------------------------------------------------------------------------------------------- item 11: appends


def _append_in_child(folder, barrier):
    from kit.store.append import append_suspected

    rows = pd.DataFrame({"claim_id": ["k2", "k3"], "cites": ["k1", "k1"], "evidence": ["same", "same"]})
    barrier.wait()
    append_suspected(folder, rows)


def _cites(folder):
    import csv

    with open(folder / "citations.csv", newline="", encoding="utf-8") as fh:
        return [(r["claim_id"], r["cites"], r["basis"]) for r in csv.DictReader(fh)]


def _small_case(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "sources.csv").write_text("source_id,name,kind\nwire,Wire,wire\n")
    (folder / "reports.csv").write_text("report_id,source_id,published\nr1,wire,2018-02-13\n")
    claims = "claim_id,report_id,proposition,text,certainty\n" + "".join(
        f"k{i},r1,p,text {i},asserted\n" for i in (1, 2, 3)
    )
    (folder / "claims.csv").write_text(claims)
    (folder / "citations.csv").write_text("claim_id,cites,relation,evidence,basis\n")
    return folder


def test_the_same_rows_appended_twice_are_appended_once(tmp_path):
    from kit.store.append import append_suspected

    folder = _small_case(tmp_path)
    rows = pd.DataFrame({"claim_id": ["k2", "k3", "k3"], "cites": ["k1", "k1", "k1"], "evidence": ["a", "b", "b"]})
    assert append_suspected(folder, rows) == 2
    assert append_suspected(folder, rows) == 0
    assert _cites(folder) == [("k2", "k1", "suspected"), ("k3", "k1", "suspected")]
    assert kit.check_case(folder)[1] == []


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_appends_from_processes_at_once_append_each_row_once(tmp_path):
    folder = _small_case(tmp_path)
    ctx = multiprocessing.get_context("fork")
    for _ in range(3):
        barrier = ctx.Barrier(4)
        procs = [ctx.Process(target=_append_in_child, args=(folder, barrier)) for _ in range(4)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    assert _cites(folder) == [("k2", "k1", "suspected"), ("k3", "k1", "suspected")]
    assert kit.check_case(folder)[1] == []


# --------------------------------------------------------------------------------------------- item 2: outputs


def test_no_export_into_a_folder_holding_a_case_as_parquet_or_beside_a_graph(tmp_path, cases_dir, run_kit):
    pq = tmp_path / "pq"
    pq.mkdir()
    case = kit.load_case(cases_dir / "echo")
    for t in ("sources", "reports", "claims", "citations"):
        getattr(case, t).drop(columns=["published_latest"], errors="ignore").to_parquet(pq / f"{t}.parquet")
    book = tmp_path / "book"
    book.mkdir()
    shutil.copy(cases_dir / "workbook.xlsx", book / "case.xlsx")
    graph = tmp_path / "graph"
    shutil.copytree(cases_dir / "echo", graph)
    (graph / "citation_graph.gexf").write_text("<gexf/>")
    (graph / "provenance.csv").write_text("claim_id\n")
    for out in (pq, book, graph):
        before = _tree(out)
        r = run_kit("export", cases_dir / "loop", out)
        assert r.returncode == 2 and "holds a case's tables" in r.stderr, (out, r.stderr)
        assert _tree(out) == before
    assert run_kit("check", pq).returncode == 0
