"""The GraphView widget (anywidget) in real JupyterLab in Chromium: tests/graphview_widget.ipynb runs, the graph
draws, hovering a node shows the claim's words in a role="tooltip", a click traces it (aria-pressed) and the kernel
hears of it (``view.selected``), discrediting a source reaches ``view.fallen``; no error in the page's console from
the widget.

JupyterLab gets a fresh HOME and config and a copy of the notebook with no stored output; the server is stopped in
every outcome. Where Playwright or /usr/bin/chromium is missing the test FAILS, unless KIT_SKIP_BROWSER=1 is set.
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

import kit
from _browser import CHROMIUM, CHROMIUM_ARGS, playwright_or_fail

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTIFACTS = pathlib.Path(__file__).resolve().parent / "artifacts"
NOTEBOOK = pathlib.Path(__file__).resolve().parent / "graphview_widget.ipynb"


@pytest.fixture
def lab(tmp_path):
    """JupyterLab on 127.0.0.1 serving a copy of the notebook (tests/ and data/ laid out as in the repository)."""
    import nbformat

    playwright_or_fail()
    root = tmp_path / "root"
    (root / "tests").mkdir(parents=True)
    os.symlink(ROOT / "data", root / "data")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.write(nb, root / "tests" / NOTEBOOK.name)
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
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = secrets.token_hex(16)
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--ServerApp.port_retries=0",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = open(tmp_path / "lab.log", "wb")
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
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
                    pytest.fail(
                        "JupyterLab did not start:\n" + (tmp_path / "lab.log").read_text(errors="replace")[-3000:]
                    )
                time.sleep(0.3)
        yield f"{base}/lab/tree/tests/{NOTEBOOK.name}?token={token}&reset"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)  # the server and its kernels (its own session)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)
        log.close()


def _last_output(page):
    return page.locator(".jp-Cell").nth(2).locator(".jp-OutputArea-output").last.inner_text()


def test_graphview_widget_in_jupyterlab(lab):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    sync_playwright = playwright_or_fail()
    ARTIFACTS.mkdir(exist_ok=True)
    case = kit.load_case(ROOT / "data" / "deir-ez-zor")
    errors = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "kgv" in m.text else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        try:
            page.goto(lab, wait_until="domcontentloaded", timeout=60_000)
            page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
            accept = page.locator(".jp-Dialog button.jp-mod-accept")
            try:
                accept.wait_for(state="visible", timeout=8_000)
                accept.click()
            except PlaywrightTimeout:
                pass
            page.locator(".jp-StatusBar-TextItem", has_text="Idle").first.wait_for(timeout=60_000)
            page.locator("li.lm-MenuBar-item", has_text="Run").first.click()
            page.locator('li.lm-Menu-item[data-command="runmenu:run-all"]').click()
            node = page.locator('.kgv .kgv-nodes .kgv-node[data-id="daily-beast-200-russian-fighters"]')
            node.wait_for(state="visible", timeout=120_000)
            node.scroll_into_view_if_needed()
            page.wait_for_function(
                "() => { const c = document.querySelectorAll('.jp-Cell')[2];"
                " return c && c.innerText.includes('selected:'); }",
                timeout=60_000,
            )
            assert "selected: nothing" in _last_output(page)
            node.hover()
            tip = page.locator(".kgv [role=tooltip]")
            tip.wait_for(state="visible", timeout=10_000)
            words = " ".join(case.claims.set_index("claim_id").at["daily-beast-200-russian-fighters", "text"].split())
            assert words in tip.inner_text()
            node.click()
            assert node.get_attribute("aria-pressed") == "true"
            lit = set(
                page.eval_on_selector_all(".kgv .kgv-nodes .kgv-node.kgv-lit", "els => els.map(e => e.dataset.id)")
            )
            assert lit == {"daily-beast-200-russian-fighters", "bloomberg-more-than-200", "bloomberg_two_russians"}
            source = page.locator('.kgv .kgv-nodes .kgv-node[data-id="bloomberg_two_russians"]')
            source.click()
            page.locator(".kgv .kgv-discredit").click()
            page.screenshot(path=str(ARTIFACTS / "graphview_lab.png"))
            page.locator(".jp-Cell").nth(2).locator(".jp-InputArea-editor").click()
            page.keyboard.press("Shift+Enter")
            page.wait_for_function(
                "() => document.querySelectorAll('.jp-Cell')[2].innerText.includes('selected: bloomberg_two_russians')",
                timeout=30_000,
            )
            out = _last_output(page)
            lost = kit.without(case, "bloomberg_two_russians")
            assert "discredited: ['bloomberg_two_russians']" in out and f"fallen: {lost}" in out, out
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "graphview_lab_failure.png"))
            raise
        finally:
            browser.close()
    assert errors == [], errors
