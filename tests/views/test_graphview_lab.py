"""The GraphView widget (anywidget) in real JupyterLab in Chromium: tests/graphview_widget.ipynb runs, the graph
draws, hovering a node shows the claim's words in a role="tooltip", a click traces it (aria-pressed) and the kernel
hears of it (``view.selected``), discrediting a source reaches ``view.fallen``; no error in the page's console from
the widget.

JupyterLab gets a fresh HOME and config and a copy of the notebook with no stored output; the server is stopped in
every outcome. Where Playwright or /usr/bin/chromium is missing the test FAILS, unless KIT_SKIP_BROWSER=1 is set.
"""

from __future__ import annotations

import os
import pathlib

import pytest

import kit
from _browser import CHROMIUM, CHROMIUM_ARGS, clean_copy, jupyterlab, playwright_or_fail, run_all
from conftest import DEIR
from kit.analysis.trace import lineage

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTIFACTS = pathlib.Path(__file__).resolve().parents[1] / "artifacts"
NOTEBOOK = pathlib.Path(__file__).resolve().parents[1] / "graphview_widget.ipynb"


@pytest.fixture
def lab(tmp_path):
    """JupyterLab on 127.0.0.1 serving a copy of the notebook (tests/ and data/ laid out as in the repository)."""
    playwright_or_fail()
    root = tmp_path / "root"
    clean_copy(NOTEBOOK, root / "tests" / NOTEBOOK.name)
    os.symlink(ROOT / "data", root / "data")
    with jupyterlab(tmp_path, f"tests/{NOTEBOOK.name}") as url:
        yield url


def _last_output(page):
    return page.locator(".jp-Cell").nth(2).locator(".jp-OutputArea-output").last.inner_text()


def test_graphview_widget_in_jupyterlab(lab):
    sync_playwright = playwright_or_fail()
    ARTIFACTS.mkdir(exist_ok=True)
    case = kit.load_case(DEIR)
    errors = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "kgv" in m.text else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        try:
            run_all(page, lab)
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
            tree = lineage(case, "daily-beast-200-russian-fighters")
            assert lit == set(tree.loc[tree["followed"], "item"]) and "us_official" in lit  # the inferred support too
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
