"""A real browser opens published pages: the Deir ez-Zor explainer and the hostile fixture case.

Chromium (Debian's, driven by Playwright for Python) loads each ``index.html`` from ``file://``, with every
request recorded. Asserts: no dialog opened (no script from case text ran), no console error, no request other
than the page itself, the Previous/Next buttons and the arrow keys change the visible step, and with JavaScript
off every step shows. Screenshots at 390 and 1280 px wide go to ``tests/artifacts/`` (git-ignored).

Where Playwright or /usr/bin/chromium is missing the tests FAIL, unless KIT_SKIP_BROWSER=1 is set on purpose.
"""

from __future__ import annotations

import pathlib

import pytest

from _browser import Watch
from conftest import ROOT

ARTIFACTS = pathlib.Path(__file__).resolve().parents[1] / "artifacts"


def _visible_steps(page):
    return page.eval_on_selector_all("section.step", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)")


@pytest.mark.parametrize("name", ["deir-ez-zor", "hostile"])  # conftest's published_pages
def test_page_steps_offline_and_runs_no_case_text(browser, published_pages, name):
    ARTIFACTS.mkdir(exist_ok=True)
    url = published_pages[name].resolve().as_uri()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        watch = Watch(page, url)
        page.goto(url, wait_until="load")
        n = page.locator("section.step").count()
        assert n >= 3
        assert _visible_steps(page) == ["step-1"]
        assert page.locator("#prev").is_disabled() and page.locator("#next").is_enabled()
        counter = page.locator("#counter").inner_text()
        assert counter.startswith(f"Step 1 of {n}")
        page.click("#next")
        assert _visible_steps(page) == ["step-2"]
        assert page.locator("#counter").inner_text().startswith(f"Step 2 of {n}")
        page.click("#prev")
        assert _visible_steps(page) == ["step-1"]
        page.locator("body").click(position={"x": 5, "y": 5})
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        assert _visible_steps(page) == ["step-3"]
        page.keyboard.press("ArrowLeft")
        assert _visible_steps(page) == ["step-2"]
        for _ in range(n + 2):
            page.keyboard.press("ArrowRight")
        assert _visible_steps(page) == [f"step-{n}"] and page.locator("#next").is_disabled()
        svgs = page.locator(f"#step-{n} svg.kit-fig")
        assert svgs.count() == 2 and all(len(svgs.nth(i).get_attribute("aria-label")) > 30 for i in range(2))
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
        page.keyboard.press("Home")
        page.evaluate("window.scrollTo(0, 0)")
        page.keyboard.press("ArrowLeft")
        page.screenshot(path=str(ARTIFACTS / f"publish-{name}-1280.png"), full_page=True)
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(url + "#step-2", wait_until="load")
        assert _visible_steps(page) == ["step-2"]
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the page scrolls sideways at 390 px"
        font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.narrative p, h2')).fontSize)")
        assert font >= 15
        page.screenshot(path=str(ARTIFACTS / f"publish-{name}-390.png"), full_page=True)
        if name == "hostile":
            assert "<script>alert(1)</script> Wire" in page.locator("body").inner_text()
            assert page.evaluate("document.querySelectorAll('img, iframe, a[href^=\"javascript\"]').length") == 0
        watch.check()
    finally:
        context.close()


def test_without_javascript_every_step_shows(browser, published_pages):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        url = published_pages["deir-ez-zor"].resolve().as_uri()
        watch = Watch(page, url)
        page.goto(url, wait_until="load")
        n = page.locator("section.step").count()
        assert _visible_steps(page) == [f"step-{i}" for i in range(1, n + 1)]
        assert not page.locator("#stepper").is_visible()
        watch.check()
    finally:
        context.close()


def test_notebook_page_is_offline(browser, deir_case, tmp_path):
    """Notebook 01 rendered for publishing (stored outputs) loads nothing from anywhere and logs no error."""
    from kit.publish import notebook_html

    out = notebook_html(
        ROOT / "notebooks" / "01_deir_ez_zor.ipynb",
        deir_case,
        tmp_path / "notebook.html",
        execute=False,
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        url = out.resolve().as_uri()
        watch = Watch(page, url)
        page.goto(url, wait_until="load")
        assert page.locator(".jp-Cell").count() > 3
        watch.check()
    finally:
        context.close()
