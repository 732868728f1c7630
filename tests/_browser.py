"""What the browser tests share: Debian's Chromium, how to launch it here, and failing (not skipping) without it;
a JupyterLab server for a notebook (:func:`jupyterlab`, :func:`clean_copy`, :func:`run_all`), and the watch kept on a
published page (:class:`Watch`). The fixtures ``browser`` and ``published_pages`` are in conftest.py."""

from __future__ import annotations

import contextlib
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
from collections.abc import Iterator

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def playwright_or_fail():
    """Playwright's ``sync_playwright``; fail when it or Chromium is missing. ``KIT_SKIP_BROWSER=1`` skips every
    browser test, whether Chromium is there or not (README: "to skip those tests on purpose")."""
    if os.environ.get("KIT_SKIP_BROWSER") == "1":
        pytest.skip("KIT_SKIP_BROWSER=1: the browser tests are skipped on purpose")
    problems = []
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
        problems.append("Playwright for Python is not installed (.venv/bin/python -m pip install playwright)")
    if not os.path.exists(CHROMIUM):
        problems.append(f"{CHROMIUM} is missing (as root: apt-get update && apt-get install -y chromium)")
    if problems:
        message = "; ".join(problems) + ". Set KIT_SKIP_BROWSER=1 to skip the browser tests on purpose."
        if os.environ.get("KIT_SKIP_BROWSER") == "1":
            pytest.skip(message)
        pytest.fail(message)
    return sync_playwright


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def clean_copy(notebook: pathlib.Path, dest: pathlib.Path, needs: str | None = None) -> pathlib.Path:
    """Write ``notebook`` to ``dest`` with no stored output (so what the page shows is computed now); with ``needs``,
    first assert that some cell's source contains it. Returns ``dest``."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    if needs is not None:
        assert any(needs in c.source for c in nb.cells), f"{notebook.name} has no {needs} cell"
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.metadata.pop("widgets", None)
    dest.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, dest)
    return dest


def _die_with_parent():
    """In the child, before exec: ask Linux to SIGTERM the server if pytest itself dies (e.g. killed by a timeout)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


@contextlib.contextmanager
def jupyterlab(tmp_path: pathlib.Path, path: str) -> Iterator[str]:
    """JupyterLab on 127.0.0.1 serving ``tmp_path/"root"``, with a token, a fresh HOME and config (under
    ``tmp_path/"home"``); yields the url that opens ``path`` (relative to the root). The server and its kernels
    are stopped in every outcome; it fails the test, with the end of its log, when it does not start in 60 s."""
    root, home = tmp_path / "root", tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER") and k != "MPLBACKEND"}
    env.update(
        HOME=str(home),
        JUPYTER_CONFIG_DIR=str(home / ".jupyter"),
        JUPYTER_DATA_DIR=str(home / "data"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTER_PLATFORM_DIRS="1",
    )
    port, token = free_port(), secrets.token_hex(16)
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
    log = open(tmp_path / "lab.log", "wb")  # noqa: SIM115 - the server writes to it; closed in the finally below
    proc = subprocess.Popen(
        cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=_die_with_parent
    )
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
        yield f"{base}/lab/tree/{path}?token={token}&reset"
    finally:
        stop_server(proc, log)


def stop_server(proc: subprocess.Popen, log) -> None:
    """Stop a server started in its own session (JupyterLab, Voilà) and the kernels it started; close its log."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)
    log.close()


def open_notebook(page, url):
    """Open ``url`` in JupyterLab, accept the kernel if asked ("Select Kernel": Python 3) and wait for it to be
    idle; returns the status bar's "Idle" locator."""
    page.goto(url, wait_until="domcontentloaded", timeout=60_000)
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
    # Whichever comes first: the dialog (no kernel chosen yet) or the kernel idle. Waiting a fixed time for a dialog
    # that does not come (the notebook names its kernel) cost 8 s of every browser test.
    page.wait_for_function(
        """() => document.querySelector('.jp-Dialog button.jp-mod-accept')
            || [...document.querySelectorAll('.jp-StatusBar-TextItem')].some(e => /idle/i.test(e.innerText))""",
        timeout=60_000,
    )
    accept = page.locator(".jp-Dialog button.jp-mod-accept")
    if accept.is_visible():
        accept.click()
    idle = page.locator(".jp-StatusBar-TextItem", has_text="Idle").first
    idle.wait_for(timeout=60_000)
    return idle


def run_all(page, url):
    """Open ``url`` in JupyterLab (:func:`open_notebook`) and run every cell through the Run menu."""
    open_notebook(page, url)
    page.locator("li.lm-MenuBar-item", has_text="Run").first.click()
    page.locator('li.lm-Menu-item[data-command="runmenu:run-all"]').click()


class Watch:
    """Everything a published page does that it should not: dialogs, console errors, page errors, requests."""

    def __init__(self, page, url):
        self.url, self.dialogs, self.errors, self.requests = url, [], [], []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))

    def check(self):
        assert self.dialogs == [], f"a dialog opened: {self.dialogs}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert [u for u in self.requests if u.split("#")[0] != self.url] == [], self.requests
