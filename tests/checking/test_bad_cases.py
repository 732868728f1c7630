"""The bad-input corpus: every folder in tests/bad_cases/ against its expected.txt.

Each folder holds a small case with one thing broken (made by tests/bad_cases/make_cases.py and
make_xlsx.py from one valid base case) and ``expected.txt``: the exact lines ``python -m kit check
tests/bad_cases/<name>`` prints on stdout, reviewed by hand. A folder holding ``case.xlsx`` is checked as
``tests/bad_cases/<name>/case.xlsx``. The exit code must be 0 when the last line is the ``OK: ...`` summary,
else 1; stderr never holds a traceback.

To review a change of kit's messages:  python tests/checking/test_bad_cases.py --update  then  git diff tests/bad_cases.

Also here: a 1,000,000-row claims file with one bad row, generated into tmp_path at test time.
"""

import difflib
import os
import pathlib
import subprocess
import sys
import textwrap
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "bad_cases"
NAMES = sorted(p.name for p in BAD.iterdir() if p.is_dir() and (p / "expected.txt").exists())


def target(name: str) -> str:
    """The path given to kit check, relative to the repository root (so printed file names are stable)."""
    rel = f"tests/bad_cases/{name}"
    return f"{rel}/case.xlsx" if (BAD / name / "case.xlsx").exists() else rel


def run_check(path: str, timeout=60):
    """``python -m kit check PATH`` from the repository root, as a reporter runs it."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("KIT_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "kit", "check", path],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env=env,
    )


# Starting Python and importing pandas for each of the ~80 cases would take a minute, so one subprocess
# runs the command line's entry point (kit.cli.main, which `python -m kit` calls) once per case, each under
# its own captured stdout/stderr; test_entry_point_matches_driver checks a few cases through `python -m kit`.
_DRIVER = textwrap.dedent("""
    import contextlib, io, json, sys
    from kit.cli import main
    results = {}
    for name, path in json.loads(sys.stdin.read()).items():
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                rc = main(["check", path])
            except SystemExit as e:
                rc = e.code
        results[name] = {"rc": rc, "stdout": out.getvalue(), "stderr": err.getvalue()}
    sys.stdout.write(json.dumps(results))
""")


@pytest.fixture(scope="module")
def corpus_results():
    import json

    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("KIT_DEBUG", None)
    p = subprocess.run(
        [sys.executable, "-c", _DRIVER],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        env=env,
        input=json.dumps({name: target(name) for name in NAMES}),
    )
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def test_corpus_is_big_enough():
    assert len(NAMES) >= 40, NAMES


def _compare(name, stdout, stderr, rc):
    expected = (BAD / name / "expected.txt").read_text(encoding="utf-8").splitlines()
    got = stdout.splitlines()
    if got != expected:
        diff = "\n".join(difflib.unified_diff(expected, got, f"{name}/expected.txt", "kit check stdout", lineterm=""))
        pytest.fail(f"kit check {target(name)} printed something else:\n{diff}\nstderr:\n{stderr}")
    ok = bool(expected) and expected[-1].startswith("OK: ")
    assert rc == (0 if ok else 1), stderr
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    if not ok:
        assert "found in" in stderr, stderr


@pytest.mark.parametrize("name", NAMES)
def test_bad_case(name, corpus_results):
    r = corpus_results[name]
    _compare(name, r["stdout"], r["stderr"], r["rc"])


@pytest.mark.parametrize(
    "name", ["windows_1252", "row_too_long", "citation_of_later_claim_warning", "xlsx_merged_cells"]
)
def test_entry_point_matches_driver(name):
    p = run_check(target(name))
    _compare(name, p.stdout, p.stderr, p.returncode)


def _template(message: str) -> str:
    """A message with its values blanked: quoted values, parentheses and numbers."""
    import re

    message = re.sub(r"(?<![A-Za-z])'[^']*'(?![A-Za-z])", "''", message)
    message = re.sub(r"\([^)]*\)", "()", message)
    return re.sub(r"\d+", "0", message)


def test_every_message_in_the_corpus_is_in_the_docs():
    """docs/when-kit-check-complains.md shows every kind of message the corpus prints (values aside)."""
    import re

    doc = (ROOT / "docs" / "when-kit-check-complains.md").read_text(encoding="utf-8")
    doc = re.sub(r"```.*?```", "", doc, flags=re.S)
    shown = [_template(span) for span in re.findall(r"`([^`]+)`", doc)]
    missing = set()
    for name in NAMES:
        for line in (BAD / name / "expected.txt").read_text(encoding="utf-8").splitlines():
            if line.startswith("OK: "):
                continue
            message = re.match(r"^[^:]+(?::\d+: [^:]+)?: (?:warning: )?(.*)$", line).group(1)
            key = _template(message)[:45]
            if not any(key in s for s in shown):
                missing.add(f"{name}: {message}")
    assert not missing, "add these to docs/when-kit-check-complains.md:\n" + "\n".join(sorted(missing))


def test_formula_like_cells_are_kept_as_text():
    import kit

    case = kit.load_case(BAD / "formula_like_cells_are_text")
    assert "=Russian Ministry of Defence" in set(case.sources["name"])
    assert "+5 Russian citizens may have died" in set(case.claims["text"])
    assert "@mod_russia: reports of hundreds are fake" in set(case.citations["evidence"].dropna())
    assert "-Statement on Deir ez-Zor" in set(case.reports["title"])


def test_workbook_case_sheet_header_is_not_a_setting():
    import kit

    meta = kit.load_case(BAD / "xlsx_sheet_name_spacing_is_fine" / "case.xlsx").meta
    assert meta == {"title": "Deir ez-Zor in miniature (workbook)"}


def test_encoding_problem_files_are_not_guessed_into_data():
    import kit

    for name in ("windows_1252", "latin_1", "utf16"):
        case, problems, _ = kit.check_case(BAD / name)
        assert case is None
        assert len(problems) == 1 and problems[0].line == 0, problems


# --- one million rows ---------------------------------------------------------------------------

BIG_ROWS = 1_000_000
BAD_ROW = 654_321  # 0-based data row; its physical line is BAD_ROW + 2

# The child's own peak resident memory in MB: Linux's VmHWM (since the child's exec). getrusage's ru_maxrss is not it:
# Linux carries the parent's peak across fork and exec, so a child of a pytest worker grown to 630 MB reported 630 MB.
_PEAK_MB = textwrap.dedent("""
    def peak_mb():
        try:
            with open("/proc/self/status") as f:
                return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:")) / 1024
        except (OSError, StopIteration):
            import resource
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
""")

_BIG_SCRIPT = _PEAK_MB + textwrap.dedent("""
    import json, sys, time
    sys.argv = ["kit", "check", sys.argv[1]]
    from kit.cli import main
    t = time.perf_counter()
    import contextlib, io
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        rc = main(sys.argv[1:])
    print(json.dumps({"rc": rc, "stdout": out.getvalue(), "peak_mb": peak_mb(),
                      "seconds": time.perf_counter() - t}))
""")


def write_big_case(folder: pathlib.Path, rows=BIG_ROWS, bad_row=BAD_ROW):
    base = BAD.parent / "cases" / "one_row"
    folder.mkdir()
    for f in ("sources.csv", "reports.csv", "citations.csv"):
        (folder / f).write_bytes((base / f).read_bytes())
    with open(folder / "claims.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write("claim_id,report_id,proposition,text,low,high,subject,measure,certainty,credibility\n")
        chunk = []
        for i in range(rows):
            low = "dozens" if i == bad_row else str(i % 500)
            chunk.append(f'c{i},r1,only_question,"Claim {i}, a sentence long",{low},,residents,present,asserted,\n')
            if len(chunk) == 50_000:
                fh.write("".join(chunk))
                chunk = []
        fh.write("".join(chunk))


def test_million_row_claims_file_with_one_bad_row(tmp_path):
    """Found, reported with its line, in bounded memory (peak RSS of the checking process < 2.5 GB)."""
    folder = tmp_path / "big"
    write_big_case(folder)
    started = time.perf_counter()
    p = subprocess.run(
        [sys.executable, "-c", _BIG_SCRIPT, str(folder)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert p.returncode == 0, p.stderr
    import json

    report = json.loads(p.stdout.splitlines()[-1])
    lines = report["stdout"].splitlines()
    assert report["rc"] == 1
    assert lines == [
        f"{folder}/claims.csv:{BAD_ROW + 2}: low: 'dozens' is not a number: keep the report's own "
        "words in 'text' and put a range in low/high (e.g. 'more than 200' is low 201 with high empty, "
        "'about 100' is low 100, high 100; leave both empty when the report gives no figure)"
    ], lines
    assert report["peak_mb"] < 2500, report
    print(
        f"1,000,000 rows: {report['seconds']:.1f} s in kit, {time.perf_counter() - started:.1f} s in all, "
        f"peak RSS {report['peak_mb']:.0f} MB"
    )


# --- inputs that cannot be committed: files that are not regular files, and files too big to keep --------------

sys.path.insert(0, str(BAD))


def _base_case(folder: pathlib.Path) -> pathlib.Path:
    from make_cases import BASE

    folder.mkdir()
    for name, text in BASE.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


NOT_REGULAR = {
    "symlink_to_dev_zero": (
        lambda p: os.symlink("/dev/zero", p),
        "this is a device, not a regular file; put the file itself here",
    ),
    "fifo": (lambda p: os.mkfifo(p), "this is a named pipe (FIFO), not a regular file; put the file itself here"),
    "folder": (lambda p: os.mkdir(p), "this is a folder, not a file; put the file itself here"),
    "symlink_loop": (
        lambda p: os.symlink(p.name, p),
        "this is a symbolic link that goes round in a loop (a symlink loop), not a file; replace it by the file itself",
    ),
    "dangling_symlink": (
        lambda p: os.symlink("nowhere.csv", p),
        "this is a symbolic link to 'nowhere.csv', which does not exist; replace it by the file itself",
    ),
}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX files")
@pytest.mark.parametrize("table", ["claims.csv", "case.toml", "story.csv", "claims.parquet"])
@pytest.mark.parametrize("kind", sorted(NOT_REGULAR))
def test_a_table_that_is_not_a_regular_file_is_refused_before_it_is_read(tmp_path, kind, table):
    """A link to /dev/zero, a FIFO, a folder or a symlink loop: one whole-file problem, at once (nothing is opened:
    a FIFO would block, /dev/zero would never end)."""
    folder = _base_case(tmp_path / "case")
    target = folder / table
    if table == "claims.parquet":
        (folder / "claims.csv").unlink()
    elif target.exists():
        target.unlink()
    make, message = NOT_REGULAR[kind]
    make(target)
    import kit

    case, problems, _ = kit.check_case(folder, story=True)
    assert [str(p) for p in problems] == [f"{target}: {message}"], problems
    assert (case is None) == (table != "story.csv")  # a broken story does not stop a case


def test_kit_check_refuses_a_link_to_dev_zero_at_once(tmp_path):
    folder = _base_case(tmp_path / "case")
    (folder / "claims.csv").unlink()
    os.symlink("/dev/zero", folder / "claims.csv")
    p = run_check(str(folder), timeout=60)
    assert p.stdout.splitlines() == [f"{folder}/claims.csv: {NOT_REGULAR['symlink_to_dev_zero'][1]}"], p.stdout
    assert p.returncode == 1 and "Traceback" not in p.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX files")
@pytest.mark.parametrize("kind", ["symlink_to_dev_zero", "fifo", "symlink_loop"])
def test_a_workbook_that_is_not_a_regular_file_is_refused(tmp_path, kind):
    import kit

    make, message = NOT_REGULAR[kind]
    book = tmp_path / "book.xlsx"
    make(book)
    case, problems, _ = kit.check_case(book)
    assert case is None and [str(p) for p in problems] == [f"{book}: {message}"], problems


_LIMIT_SCRIPT = _PEAK_MB + textwrap.dedent("""
    import contextlib, io, json, sys, time
    from kit.cli import main
    t = time.process_time()  # CPU seconds: what the check costs, not how loaded the machine is
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        rc = main(["check", sys.argv[1]])
    print(json.dumps({"rc": rc, "stdout": out.getvalue(), "seconds": time.process_time() - t,
                      "peak_mb": peak_mb()}))
""")


def _check_measured(path):
    import json

    p = subprocess.run(
        [sys.executable, "-c", _LIMIT_SCRIPT, str(path)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout.splitlines()[-1])


def test_a_workbook_of_a_million_styled_rows_is_refused_in_seconds(tmp_path):
    from make_xlsx import styled_rows

    book = tmp_path / "rows" / "case.xlsx"
    styled_rows(book, 1_000_000)
    report = _check_measured(book)
    assert report["stdout"].splitlines() == [
        f"{book}: the sheet 'claims' has more than 100,000 rows (empty rows that carry formatting count), more than "
        "the kit reads from a sheet; delete the empty rows below the table, or save the table as a CSV file, which "
        "has no row limit"
    ]
    assert report["seconds"] < 15 and report["peak_mb"] < 600, report


def test_a_claims_file_of_hundreds_of_thousands_of_columns_is_refused_in_seconds(tmp_path):
    folder = _base_case(tmp_path / "wide")
    text = (folder / "claims.csv").read_text(encoding="utf-8")
    header, rest = text.split("\n", 1)
    (folder / "claims.csv").write_text(header + "," * 1_500_000 + "\n" + rest, encoding="utf-8")
    report = _check_measured(folder)
    assert report["stdout"].splitlines() == [
        f"{folder}/claims.csv: the header has 1,500,010 columns, more than the 1,000 the kit reads; a case table "
        "has at most 10 (see docs/case-format.md): delete the empty columns, or check that the file is "
        "comma-separated"
    ]
    assert report["seconds"] < 10 and report["peak_mb"] < 600, report


def test_the_zip_bomb_is_refused_from_the_archive_directory():
    report = _check_measured(BAD / "xlsx_zip_bomb" / "case.xlsx")
    assert report["rc"] == 1 and report["seconds"] < 5 and report["peak_mb"] < 600, report


def _update():  # pragma: no cover - a maintenance helper, run by hand
    for name in NAMES + [
        p.name for p in BAD.iterdir() if p.is_dir() and p.name not in NAMES and not p.name.startswith(("_", "."))
    ]:
        p = run_check(target(name))
        (BAD / name / "expected.txt").write_text(p.stdout, encoding="utf-8")
        print(f"{name}: exit {p.returncode}")


if __name__ == "__main__":  # pragma: no cover
    if sys.argv[1:] == ["--update"]:
        _update()
    else:
        print(__doc__)
