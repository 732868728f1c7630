"""Fixtures for the kit tests: one small named case each (tests/cases/), loaded fresh for every test.

Every expected answer in the tests was worked out by hand from these files; nothing here calls kit to
produce an expected value. Each fixture's docstring says what its case demonstrates.
"""
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
CASES = pathlib.Path(__file__).resolve().parent / "cases"


@pytest.fixture
def cases_dir():
    """The folder holding the named fixture cases."""
    return CASES


def _load(name):
    import kit

    return kit.load_case(CASES / name)


@pytest.fixture
def loop_case():
    """loop: a 3-claim loop ring_m -> ring_k -> ring_b -> ring_m whose only exit is ring_k -> witness;
    a 2-claim loop dead_x <-> dead_y (one report) with no way out, so both rest on nothing; after_z leans
    on that dead loop (empty origins, but it is not in a loop); self_s cites only itself; dead_x disputes
    after_z (a cycle only through `disputes`, so no loop). Claims-table order is scrambled on purpose."""
    return _load("loop")


@pytest.fixture
def disputes_case():
    """disputes: d_denial only disputes d_report, so it rests on its own publisher (ministry);
    d_mixed relies on d_report and disputes d_denial: only monitor_x is its origin."""
    return _load("disputes")


@pytest.fixture
def own_reporting_case():
    """own_reporting: o1, o2, o3 have no citations: each rests on its publisher, 1 hop; o4 cites o1 and o3,
    both Paper A's own reporting (echo); o5 cites o1 and o2 (two different outlets, no echo). No case.toml."""
    return _load("own_reporting")


@pytest.fixture
def echo_case():
    """echo: e_echo cites e_one and e_two, both resting on the same anonymous official -> echo, 2 cited,
    1 origin; e_direct cites anon directly and e_one (which rests on anon) -> echo; e_indep cites e_x
    (an expert) and e_y (own reporting of Outlet Two) -> independent; e_single has one support -> no echo.
    expert2 is a source nobody cites."""
    return _load("echo")


@pytest.fixture
def drift_case():
    """drift: k1 (2 fighters, casualties, rumoured) grows to k2 (201+ Russian citizens killed, asserted);
    k3 repeats k2 with "Russian  Citizens"/"Killed" (no change); plus high-only inflation, empty-low rows,
    softening, questioned/denied, a citation of a source, a disputes row and a citation of another
    proposition's claim (the last three are not drift rows)."""
    return _load("drift")


@pytest.fixture
def cyrillic_case():
    """cyrillic_bom_crlf: UTF-8 with BOM and CRLF, Cyrillic names and text, cells padded with spaces,
    quoted commas and quoted newlines, every allowed date form, `Yes`/`0`/empty confidential, lower-case
    grade `b`, mixed-case enums, a non-whole `low` (2.5), and one citation of a later claim (a warning)."""
    return _load("cyrillic_bom_crlf")


@pytest.fixture
def workbook_case():
    """workbook: the same kind of case as one .xlsx (made by tests/cases/make_workbook.py), with a
    `case` sheet of key/value rows giving the title."""
    import kit

    return kit.load_case(CASES / "workbook.xlsx")


@pytest.fixture
def empty_case():
    """empty: four header-only tables; a valid, empty case."""
    return _load("empty")


@pytest.fixture
def one_row_case():
    """one_row: one source, one report, one claim, no citations (header-only citations.csv)."""
    return _load("one_row")


@pytest.fixture
def warnings_case():
    """warnings: an unknown extra column `twitter_handle` in sources.csv and a claim (early) citing a
    claim published a day later (late): two warnings, no errors."""
    return _load("warnings")


@pytest.fixture
def run_kit():
    """Run `python -m kit ARGS...` from the project root; returns the CompletedProcess (text, captured)."""

    def run(*args, timeout=120):
        return subprocess.run([sys.executable, "-m", "kit", *map(str, args)], cwd=ROOT,
                              capture_output=True, text=True, timeout=timeout)

    return run
