"""A real browser: JupyterLab serves notebook 01, Chromium (driven by Playwright) runs all its cells, clicks the
StoryStepper's Next button twice, and checks that the step title and the drawn graph change.

Needs Playwright for Python and Debian's chromium (`make test` installs both; see the Makefile). Where either is
missing the test FAILS, unless KIT_SKIP_BROWSER=1 is set on purpose. A screenshot is saved under tests/artifacts/
(git-ignored) in every outcome where the page was reached. The server started here is stopped in every outcome.

The test serves a copy of notebook 01 with its stored outputs cleared, so what the page shows was computed now.
"""
from __future__ import annotations

import json
import os
import pathlib
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from _browser import CHROMIUM, CHROMIUM_ARGS, playwright_or_fail

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTIFACTS = pathlib.Path(__file__).resolve().parent / "artifacts"
NOTEBOOK = "01_deir_ez_zor.ipynb"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _notebook_with_stepper(root: pathlib.Path) -> str:
    """Lay out notebooks/ and data/ under ``root`` as in the repository; return the notebook's path in it."""
    import nbformat

    (root / "notebooks").mkdir(parents=True)
    os.symlink(ROOT / "data", root / "data")
    nb = nbformat.read(ROOT / "notebooks" / NOTEBOOK, as_version=4)
    assert any("StoryStepper" in c.source for c in nb.cells), f"notebooks/{NOTEBOOK} has no StoryStepper cell"
    for cell in nb.cells:  # start from a clean page: no stored outputs that could be mistaken for fresh ones
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, root / "notebooks" / NOTEBOOK)
    return f"notebooks/{NOTEBOOK}"


def _die_with_parent():
    """In the child, before exec: ask Linux to SIGTERM the server if pytest itself dies (e.g. killed by a timeout)."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


@pytest.fixture
def playwright_api():
    """Playwright's sync API; checked before any server starts."""
    return playwright_or_fail()


@pytest.fixture
def lab(tmp_path, playwright_api):
    """JupyterLab on 127.0.0.1 with a token, a fresh HOME and config; stopped in every outcome."""
    root = tmp_path / "root"
    path = _notebook_with_stepper(root)
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER") and k != "MPLBACKEND"}
    env.update(HOME=str(home), JUPYTER_CONFIG_DIR=str(home / ".jupyter"), JUPYTER_DATA_DIR=str(home / "data"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"), JUPYTER_PLATFORM_DIRS="1")
    port, token = _free_port(), secrets.token_hex(16)
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
           "--ServerApp.port_retries=0", "--LabApp.news_url=", "--LabApp.check_for_updates_class="
           "jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = open(tmp_path / "lab.log", "wb")
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                            preexec_fn=_die_with_parent)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                    json.load(r)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    pytest.fail("JupyterLab did not start:\n" + (tmp_path / "lab.log").read_text(errors="replace")[-3000:])
                time.sleep(0.3)
        yield f"{base}/lab/tree/{path}?token={token}&reset"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)  # the server and the kernels it started (its own session)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)
        log.close()


IMAGE_DIGEST = """async (img) => {
  const buf = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
  let h = 0;
  for (const b of buf) { h = (h * 31 + b) >>> 0; }
  return buf.length + ':' + h;
}"""


def test_story_stepper_in_jupyterlab(playwright_api, lab):
    sync_playwright = playwright_api
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            page.goto(lab, wait_until="domcontentloaded", timeout=60_000)
            page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
            accept = page.locator(".jp-Dialog button.jp-mod-accept")  # "Select Kernel", if asked: Python 3
            try:
                accept.wait_for(state="visible", timeout=8_000)
                accept.click()
            except PlaywrightTimeout:
                pass
            page.locator(".jp-StatusBar-TextItem", has_text="Idle").first.wait_for(timeout=60_000)
            page.locator("li.lm-MenuBar-item", has_text="Run").first.click()
            page.locator('li.lm-Menu-item[data-command="runmenu:run-all"]').click()
            stepper = page.locator(".kit-story-stepper")
            stepper.wait_for(state="visible", timeout=120_000)
            title = stepper.locator(".kit-step-title")
            image = stepper.locator("img").first
            title.wait_for(timeout=30_000)
            image.wait_for(timeout=30_000)
            stepper.scroll_into_view_if_needed()
            seen = [(title.inner_text(), image.evaluate(IMAGE_DIGEST))]
            next_button = stepper.locator("button", has_text="Next")
            for _ in range(2):
                before = title.inner_text()
                next_button.click()
                page.wait_for_function(  # the title element is rendered anew, so query it each time
                    "old => { const el = document.querySelector('.kit-story-stepper .kit-step-title');"
                    " return el !== null && el.innerText !== old; }", arg=before, timeout=30_000)
                digest, deadline = image.evaluate(IMAGE_DIGEST), time.monotonic() + 30
                while digest == seen[-1][1] and time.monotonic() < deadline:  # the picture follows the title
                    page.wait_for_timeout(200)
                    digest = image.evaluate(IMAGE_DIGEST)
                seen.append((title.inner_text(), digest))
            page.screenshot(path=str(ARTIFACTS / "story_stepper.png"), full_page=False)
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "story_stepper_failure.png"), full_page=False)
            raise
        finally:
            browser.close()
    titles = [t for t, _ in seen]
    images = [d for _, d in seen]
    assert titles[0].startswith("Step 1 of 6") and titles[2].startswith("Step 3 of 6"), titles
    assert "12 February: Reuters" in titles[2], titles
    assert len(set(titles)) == 3, titles
    assert len(set(images)) == 3, images  # the graph was drawn anew at each step
