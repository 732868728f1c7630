"""Notebook 01 under Voilà (issue 20, Build 4): served as a page with live widgets, as a reader without JupyterLab
would open it, its StoryStepper renders in Chromium at 1440x900, steps on a click on Next (the claims of the story's
second step shown), fits the screen, axe-core finds no violation in it (where axe-core is installed), and the
page's console has no error of kit's.

Voilà runs the notebook as it is, from another working directory (a temporary one), with a fresh HOME and Jupyter
config; the server and its kernel are stopped in every outcome. Two console errors are not kit's and are named, not
ignored wholesale: Voilà's page template links Font Awesome from cdn.jsdelivr.net (these machines are offline), and
jupytext's JupyterLab extension, installed in the same environment, fails to load outside JupyterLab. Where Playwright
or /usr/bin/chromium is missing the test FAILS, unless KIT_SKIP_BROWSER=1 is set.
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import re
import socket
import subprocess
import sys
import time

import pytest

import kit
from _browser import CHROMIUM, CHROMIUM_ARGS, _die_with_parent, free_port, playwright_or_fail, stop_server
from conftest import DEIR
from kit.text.story_steps import story_steps

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTIFACTS = pathlib.Path(__file__).resolve().parents[1] / "artifacts"
NOTEBOOK = ROOT / "notebooks" / "01_deir_ez_zor.ipynb"
AXE = pathlib.Path(
    os.environ.get("KIT_AXE")
    or pathlib.Path(__file__).resolve().parents[1] / "graphology" / "node_modules" / "axe-core" / "axe.min.js"
)

#: console errors that are not kit's: Voilà's own template asks a CDN for Font Awesome (offline here), and the
#: jupytext extension of the same environment cannot load in Voilà's page
NOT_KITS = (
    re.compile(r"Failed to load resource: net::ERR_NAME_NOT_RESOLVED"),
    re.compile(r"shared module.*#RUNTIME-012.*jupyterlab-jupytext", re.S),
)
FONT_AWESOME = re.compile(r"https://cdn\.jsdelivr\.net/npm/@fortawesome/fontawesome-free@[^/]+/css/[\w.-]+\.css")


@contextlib.contextmanager
def voila(tmp_path: pathlib.Path, notebook: pathlib.Path):
    """Voilà serving ``notebook`` on 127.0.0.1, started in ``tmp_path`` (not the notebook's folder) with a fresh HOME
    and config; yields its url once it listens. Fails the test, with the end of its log, if it does not in 60 s."""
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER") and k != "MPLBACKEND"}
    env.update(
        HOME=str(home),
        JUPYTER_CONFIG_DIR=str(home / ".jupyter"),
        JUPYTER_DATA_DIR=str(home / "data"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTER_PLATFORM_DIRS="1",
    )
    port = free_port()
    cmd = [sys.executable, "-m", "voila", str(notebook), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1"]
    log_path = tmp_path / "voila.log"
    log = open(log_path, "wb")  # noqa: SIM115 - the server writes to it; closed in the finally below
    proc = subprocess.Popen(
        cmd,
        cwd=tmp_path,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=_die_with_parent,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if proc.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail("Voilà did not start:\n" + log_path.read_text(errors="replace")[-3000:])
            time.sleep(0.3)
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop_server(proc, log)


@pytest.fixture
def served(tmp_path):
    playwright_or_fail()  # checked before the server starts
    with voila(tmp_path, NOTEBOOK) as url:
        yield url


def test_notebook_01_under_voila_steps_its_story(served):
    sync_playwright = playwright_or_fail()
    ARTIFACTS.mkdir(exist_ok=True)
    expected = [s["claims"] for s in story_steps(kit.load_case(DEIR), "russians_killed_feb7")]
    errors, failed = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("requestfailed", lambda r: failed.append(r.url))
        try:
            page.goto(served, wait_until="domcontentloaded", timeout=180_000)  # Voilà runs every cell first
            view = page.locator(".kst")
            view.wait_for(state="visible", timeout=120_000)
            view.evaluate("el => el.scrollIntoView({block: 'start'})")
            title = view.locator(".kst-title")
            first = title.inner_text()

            def shown():
                ids = view.locator(".kgv-nodes .kgv-claim:not(.kgv-off)").evaluate_all(
                    "els => els.map(e => e.dataset.id)"
                )
                return [c for c in expected[-1] if c in ids]

            before = shown()
            view.locator(".kst-next").click()
            page.wait_for_function(
                "t => document.querySelector('.kst .kst-title').innerText !== t", arg=first, timeout=30_000
            )
            after, second = shown(), title.inner_text()
            box = view.bounding_box()
            graphs = page.locator(".kgv").count()
            text = page.inner_text("body")
            found = None  # axe-core (WCAG 2.1 AA) on the stepper, where it is installed (make tool-deps)
            if AXE.exists():
                page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
                found = page.evaluate("""async () => (await axe.run('.kst',
                    {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})).violations.map(v =>
                    [v.id, v.nodes.length, v.nodes.slice(0, 3).map(n => n.target.join(' '))])""")
            page.wait_for_timeout(300)
            page.screenshot(path=str(ARTIFACTS / "voila_stepper_1440x900.png"), full_page=False)
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "voila_stepper_1440x900_failure.png"), full_page=False)
            raise
        finally:
            browser.close()
    assert (first, second) == ("12 February: Reuters, “at least two”", "AFP: “at least three other Russians”")
    assert (before, after) == (expected[0], expected[1])  # the steps the notebook and the page show
    assert box["height"] <= 900 and box["width"] <= 1440, box  # one step on one screen
    assert graphs >= 2  # the explorable graph of section 3 and the stepper's
    assert found in (None, []), found
    assert "Traceback" not in text and "There was an error" not in text  # every cell ran (Voilà's own words)
    assert all(FONT_AWESOME.fullmatch(u) for u in failed), failed  # the only requests that failed: Voilà's CDN link
    assert [e for e in errors if not any(r.search(e) for r in NOT_KITS)] == [], errors
