"""Fixtures for the kit tests: one small named case each (tests/cases/), a fresh copy for every test.

Each case is read once per test process (``_load``) and every test gets a deep copy of it, so a test may change its
case without another test seeing the change; the copy equals a fresh ``kit.load_case`` of the folder (tables, dtypes,
meta, warnings, path). 233 tests ask for these fixtures (255 uses): reading Deir ez-Zor again cost ~37 ms, a small
case ~14 ms, a copy under 0.2 ms (measured 2026-12-08).

Every expected answer in the tests was worked out by hand from these files; nothing here calls kit to
produce an expected value. Each fixture's docstring says what its case demonstrates.

Tests marked ``@pytest.mark.slow`` are skipped unless pytest is given ``--runslow``.

The folders of the cases (``ROOT``, ``DEIR``, ``HOSTILE``, ``MINI``: the contract's mini case beside the clone, which
may be missing) are defined here once; a module-scoped fixture or a ``parametrize`` that needs a path imports them
(``from conftest import HOSTILE``), a test that needs a case asks for the fixture (``hostile_case``).
"""

import html
import json
import pathlib
from urllib.parse import quote

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
CASES = pathlib.Path(__file__).resolve().parent / "cases"
DEIR = ROOT / "data" / "deir-ez-zor"
HOSTILE = CASES / "hostile"
# shared/ lies beside the clone (CI, main), or beside the folder of worktrees (wt/NAME)
SHARED = next(
    (p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if (p / "seeds").is_dir()),
    ROOT.parent / "shared",
)
SEED = SHARED / "seeds" / "deir-ez-zor-article.txt"
MINI = SHARED / "contract" / "cases" / "mini"


def pytest_addoption(parser):
    parser.addoption(
        "--runslow",
        action="store_true",
        default=False,
        help="also run the tests marked slow (publish and export of every input, long fuzz runs)",
    )


# The slowest test files (about 15 s or more each, measured with --durations on 2 cores), slowest first: they run
# before all others. `make test` runs pytest with `--dist loadfile --no-loadscope-reorder`: a file runs whole on one
# worker, and files are handed out in this collection order; a slow file left to the end keeps one worker busy while
# the other has nothing left. A file missing here only runs later; nothing else depends on this list.
SLOW_FIRST = (
    "tests/project/test_notebooks.py",
    "tests/cli/test_hostile_cli.py",
    "tests/publish/test_hostile_redaction.py",
    "tests/project/test_browser.py",
    "tests/views/test_review.py",
    "tests/project/test_wheel.py",
    "tests/analysis/test_scale.py",
    "tests/store/test_saving.py",
    "tests/auditing/test_progress.py",
    "tests/views/test_graphview_lab.py",
    "tests/publish/test_publish_browser.py",
    "tests/publish/test_planted_everywhere.py",
    "tests/auditing/test_dask.py",
    "tests/views/test_voila.py",
    "tests/publish/test_notebook_browser.py",
)


def pytest_collection_modifyitems(config, items):
    first = {path: rank for rank, path in enumerate(SLOW_FIRST)}
    # a stable sort: every file's tests stay together and in their order
    items.sort(key=lambda item: first.get(item.nodeid.split("::")[0], len(first)))
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def cases_dir():
    """The folder holding the named fixture cases."""
    return CASES


_READ: dict = {}


def _load(name):
    """A deep copy of the case at ``CASES / name`` (or at a path), read once per test process."""
    import copy

    import kit

    path = CASES / name
    if path not in _READ:
        _READ[path] = kit.load_case(path)
    return copy.deepcopy(_READ[path])


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
    return _load("workbook.xlsx")


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


@pytest.fixture(scope="module")
def deir_db(tmp_path_factory):
    """Deir ez-Zor as :func:`kit.formats.sqlite.export_sqlite` writes it: ``{"sqlite": path, "metadata": path}``."""
    import kit
    from kit.formats.sqlite import export_sqlite

    return export_sqlite(kit.load_case(DEIR), tmp_path_factory.mktemp("db") / "deir.db")


def datasette_get(files, *paths):
    """Datasette's answers to GET ``paths`` from an export (the database and its metadata.json), with its own
    Python API in-process (no server): ``[(status, the JSON read for a .json path, else the text)]``."""
    import asyncio
    import json

    from datasette.app import Datasette

    async def go():
        ds = Datasette([str(files["sqlite"])], metadata=json.loads(files["metadata"].read_text(encoding="utf-8")))
        await ds.invoke_startup()
        out = []
        for p in paths:
            r = await ds.client.get(p)
            out.append((r.status_code, r.json() if ".json" in p else r.text))
        return out

    return asyncio.run(go())


@pytest.fixture
def deir_case():
    """deir-ez-zor (data/): the real case built from the seed article; "more than 200 Russian fighters"
    (daily-beast-200-russian-fighters) rests on one origin, two unnamed Russians, two hops down."""
    return _load(DEIR)


@pytest.fixture
def hostile_case():
    """hostile: case text written to break out of HTML, SVG, JSON and CSV (``</script>``, ``onerror=``,
    ``javascript:`` urls, formula cells), and one confidential source (Ivan Petrov (Telegram)) whose every
    field must stay out of anything published."""
    return _load(HOSTILE)


def _secret_forms(secret: str) -> set[str]:
    """The ways a secret could be written in published bytes: as is, HTML-escaped (with and without quotes, or only
    ``&`` as XML does), JSON-escaped (ASCII or not, and JSON inside JSON), script-safe JSON (``<``, ``>``, ``&``,
    U+2028/9 as ``\\u`` escapes) and percent-encoded (as in a url). Written out here, not taken from kit, so a
    change to kit's escaping cannot hide a leak."""
    as_json = {json.dumps(secret)[1:-1], json.dumps(secret, ensure_ascii=False)[1:-1]}
    in_json = {json.dumps(form)[1:-1] for form in as_json}
    script_safe = set()
    for form in as_json:
        for ch, rep in (
            ("<", "\\u003c"),
            (">", "\\u003e"),
            ("&", "\\u0026"),
            ("\u2028", "\\u2028"),
            ("\u2029", "\\u2029"),
        ):
            form = form.replace(ch, rep)
        script_safe.add(form)
    escaped = {html.escape(secret), html.escape(secret, quote=False), secret.replace("&", "&amp;")}
    return {secret, quote(secret, safe="-_.")} | escaped | as_json | in_json | script_safe


@pytest.fixture
def assert_no_secret():
    """``assert_no_secret(case, data, labelled=True)``: no confidential field of ``case``
    (kit.text.redact.confidential_fields), in any escaped form, is in ``data`` (bytes or str, compared
    case-insensitively), and (unless ``labelled=False``: a file that names no source) the redacted label
    "Confidential source 1" is. The case must have a confidential source. ``what`` names the data in a failure."""
    from kit.text.redact import confidential_fields

    def check(case, data, *, labelled=True, what=""):
        blob = (data.encode("utf-8") if isinstance(data, str) else bytes(data)).lower()
        secrets = confidential_fields(case)
        assert secrets, "the case has no confidential source, so nothing would be checked"
        for secret in secrets:
            for form in _secret_forms(secret):
                assert form.lower().encode("utf-8") not in blob, (what, form)
        if labelled:
            assert b"confidential source 1" in blob, what

    return check


@pytest.fixture(scope="session")
def _kit_processes():
    """The server that runs ``python -m kit`` for ``run_kit`` (tests/_kit_process.py), one per test process."""
    from _kit_process import KitProcesses

    server = KitProcesses()
    yield server
    server.close()


@pytest.fixture
def run_kit(_kit_processes):
    """Run `python -m kit ARGS...` from the project root, in a process of its own; returns the CompletedProcess
    (text, captured). The process is forked from a server that has imported kit (tests/_kit_process.py says what
    that changes: nothing a command prints; tests/cli/test_run_kit.py compares it with a new `python -m kit`)."""

    def run(*args, timeout=120):
        return _kit_processes.run(args, cwd=ROOT, timeout=timeout)

    return run


@pytest.fixture(scope="module")
def browser():
    """Chromium (Debian's, driven by Playwright), headless, for one test module (Playwright's sync API runs an event
    loop while it is open, so it is closed before the next module's own Playwright starts); fails without it
    (tests/_browser.py)."""
    from _browser import CHROMIUM, CHROMIUM_ARGS, playwright_or_fail

    sync_playwright = playwright_or_fail()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def published_pages(tmp_path_factory):
    """``{"deir-ez-zor": index.html, "hostile": index.html}``: the two cases published once (built 2026-01-02)."""
    import kit
    from kit.publish import publish

    out = tmp_path_factory.mktemp("site")
    return {
        name: publish(kit.load_case(path), out / name, built="2026-01-02")
        for name, path in {"deir-ez-zor": DEIR, "hostile": HOSTILE}.items()
    }


@pytest.fixture(scope="module")
def dask_cluster():
    """A Dask LocalCluster of 2 worker processes (one thread each), started for a test module that runs Dask past one
    process (tests/analysis/test_scale.py, tests/auditing/test_dask.py) and closed after it: an idle cluster (its
    heartbeats and workers' monitors) costs about 10% of a core (5.6 CPU-seconds in 60 s, measured 2026-12-08), which a
    cluster kept for the whole session paid until the last test of its pytest worker. Yields a Client
    that is NOT the default (the other Dask tests keep the local scheduler): a test runs on it inside
    ``with dask_cluster.as_current():``. Skipped where the ``scale`` extra (dask[distributed], pyarrow) is missing."""
    pytest.importorskip("dask.distributed")
    pytest.importorskip("pyarrow")
    import dask
    from dask.distributed import Client, LocalCluster

    with (
        dask.config.set({"distributed.comm.timeouts.connect": "30s"}),
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        yield client
