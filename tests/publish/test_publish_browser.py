"""A real browser opens published pages: the Deir ez-Zor explainer and the hostile fixture case.

Chromium (Debian's, driven by Playwright for Python) loads each ``index.html`` from ``file://``, with every
request recorded. Asserts: no dialog opened (no script from case text ran), no console error, no request other
than the page itself; the story view (graphview.js, the notebook stepper's renderer) shows at each step exactly the
claims of the page's story data, moved by Previous/Next, the slider and the arrow keys; Pause keeps the step; a step
fits 1440x900; "now" stands on the step's day; the tooltip follows keyboard focus, not a stale hover; axe-core finds
no violation; with JavaScript off the page says what it is and every step shows, in a few screens. Screenshots at
1440x900, 1280 and 390 px wide go to ``tests/artifacts/`` (git-ignored).

Where Playwright or /usr/bin/chromium is missing the tests FAIL, unless KIT_SKIP_BROWSER=1 is set on purpose.
"""

from __future__ import annotations

import json
import os
import pathlib

import pytest

from _browser import Watch
from conftest import ROOT
from kit.graphview.story_data import step_lists

ARTIFACTS = pathlib.Path(__file__).resolve().parents[1] / "artifacts"


AXE = pathlib.Path(
    os.environ.get("KIT_AXE")
    or pathlib.Path(__file__).resolve().parents[1] / "graphology" / "node_modules" / "axe-core" / "axe.min.js"
)


def _shown(page):
    """The story's claims the story view shows now (drawn, not switched off), in the page's order."""
    return page.eval_on_selector_all(
        "#story-view .kgv-nodes .kgv-claim:not(.kgv-off)", "els => els.map(e => e.dataset.id)"
    )


def _step(page):
    return int(page.locator("#story-view .kst-slider").input_value())


def _data(page):
    return json.loads(page.locator("#story-data").text_content())


def _in_order(data, ids):
    order = list(data["claims"])
    return sorted((c for c in ids if c in data["claims"]), key=order.index)


@pytest.mark.parametrize("name", ["deir-ez-zor", "hostile"])  # conftest's published_pages
def test_page_steps_offline_and_runs_no_case_text(browser, published_pages, name):
    ARTIFACTS.mkdir(exist_ok=True)
    url = published_pages[name].resolve().as_uri()
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        page = context.new_page()
        watch = Watch(page, url)
        page.goto(url, wait_until="load")
        data = _data(page)
        expected = step_lists(data)
        n = len(expected)
        assert n >= 3
        assert not page.locator("#steps").is_visible()  # the static story is for readers without JavaScript
        view = page.locator("#story-view")
        assert (
            view.is_visible() and page.locator(".js-hint").is_visible() and not page.locator(".no-js-hint").is_visible()
        )
        assert page.locator(".kst-prev").is_disabled() and page.locator(".kst-next").is_enabled()
        assert page.locator(".kst-counter").inner_text().startswith(f"Step 1 of {n}")
        assert _in_order(data, _shown(page)) == expected[0]
        page.click(".kst-next")
        assert _step(page) == 2 and page.locator(".kst-counter").inner_text().startswith(f"Step 2 of {n}")
        assert _in_order(data, _shown(page)) == expected[1]
        page.click(".kst-prev")
        assert _step(page) == 1
        page.locator("h1").click()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        assert _step(page) == 3 and page.url.endswith("#step-3")
        page.keyboard.press("ArrowLeft")
        assert _step(page) == 2
        for k in range(2, n + 1):  # every step shows the claims of the page's data (the notebook's, by construction)
            page.locator(".kst-slider").fill(str(k))
            assert _in_order(data, _shown(page)) == expected[k - 1], k
            assert page.locator(".kst-title").inner_text() == data["steps"][k - 1]["title"]
        assert _step(page) == n and page.locator(".kst-next").is_disabled()
        assert page.evaluate("document.documentElement.scrollWidth") <= 1440
        view.evaluate("el => el.scrollIntoView({block: 'start'})")
        assert view.bounding_box()["height"] <= 900, "a step does not fit a 1440x900 screen"
        page.screenshot(path=str(ARTIFACTS / f"publish-{name}-1440-step{n}.png"))
        page.goto(url + "#step-2", wait_until="load")
        assert _step(page) == 2
        page.set_viewport_size({"width": 390, "height": 844})
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the page scrolls sideways at 390 px"
        font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.kst-text p, h1')).fontSize)")
        assert font >= 14
        page.screenshot(path=str(ARTIFACTS / f"publish-{name}-390.png"), full_page=True)
        if name == "hostile":
            assert "<img src=x onerror=alert(7)>" in page.locator("#story-view").inner_text() or any(
                "<img src=x" in c["says"] for c in data["claims"].values()
            )
            assert page.evaluate("document.querySelectorAll('img, iframe, a[href^=\"javascript\"]').length") == 0
        watch.check()
    finally:
        context.close()


def test_play_pause_now_and_the_tooltip(browser, published_pages):
    url = published_pages["deir-ez-zor"].resolve().as_uri()
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        page = context.new_page()
        watch = Watch(page, url)
        page.goto(url + "#step-3", wait_until="load")
        # Play moves on; Pause keeps the step where it is (it does not jump back to step 1)
        play = page.locator(".kst-play")
        play.click()
        assert play.get_attribute("aria-pressed") == "true"
        page.wait_for_function("() => document.querySelector('.kst-slider').value === '4'", timeout=5000)
        play.click()
        assert play.get_attribute("aria-pressed") == "false" and _step(page) == 4
        page.wait_for_timeout(2300)
        assert _step(page) == 4
        # "now" stands on the step's day: step 4 is 12 Feb 2018, the tick "12 Feb" is at the same x
        now = float(page.locator(".kst-nowline").get_attribute("x1"))
        ticks = page.eval_on_selector_all(
            ".kst-axes text", "els => els.map(e => [e.textContent, parseFloat(e.getAttribute('x'))])"
        )
        day = [x for text, x in ticks if text == "12 Feb"]
        assert day and abs(day[0] - now) < 0.5, (now, ticks)
        assert page.locator(".kst-now text").text_content() == "now: 12 Feb"
        # the tooltip leaves with the pointer after a click (it used to stay, over the lit lineage) ...
        node = page.locator('#story-view .kgv-node[data-id="reuters-buga-dozens"]')
        tip = page.locator("#story-view [role=tooltip]")
        node.hover()
        assert tip.is_visible() and "Buga" in tip.inner_text()
        node.click()
        assert node.get_attribute("aria-pressed") == "true"
        page.mouse.move(5, 5)
        assert not tip.is_visible()
        # ... and follows the keyboard's focus: Tab to the next node shows that node's words
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.dataset.id")
        assert focused and tip.is_visible()
        label = page.evaluate("document.activeElement.getAttribute('aria-label')")
        assert label.split(",")[0] in tip.inner_text()
        watch.check()
    finally:
        context.close()


def test_every_step_keeps_the_whole_story_in_view(browser, published_pages):
    # The Deir ez-Zor drawing fits the story's pane whole. Stepping on must not pan: the view once centred on
    # step 5's newest claim (near the drawing's edge), which pushed the sources and half the claims out of view.
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        page = context.new_page()
        page.goto(published_pages["deir-ez-zor"].resolve().as_uri(), wait_until="load")
        n = len(step_lists(_data(page)))
        for k in range(1, n + 1):
            page.locator(".kst-slider").fill(str(k))
            out = page.evaluate("""() => {
                const s = document.querySelector('#story-view .kgv-stage').getBoundingClientRect();
                return [...document.querySelectorAll('#story-view .kgv-nodes .kgv-node:not(.kgv-off) .kgv-shape')]
                  .map(e => [e.closest('.kgv-node').dataset.id, e.getBoundingClientRect()])
                  .filter(([, r]) => r.left < s.left || r.right > s.right || r.top < s.top || r.bottom > s.bottom)
                  .map(([id]) => id); }""")
            assert out == [], f"step {k}: out of view: {out}"
            # the step's words and pictures fit one 1440x900 screen at every step, not only the last
            fits = page.evaluate("""() => { const v = document.querySelector('#story-view');
                v.scrollIntoView({block: 'start'});
                return document.querySelector('#story-view .kst-panes').getBoundingClientRect().bottom; }""")
            assert fits <= 900, f"step {k}: its words and pictures end at {fits} px"
    finally:
        context.close()


def test_a_narrative_longer_than_its_box_says_there_is_more(browser, published_pages):
    # Step 7's narrative is longer than its box at 1024 px (as in JupyterLab's notebook column): the box was cut
    # mid-sentence, and overlay scrollbars (macOS, headless Chromium) show no sign of more. It fades out at the
    # bottom until scrolled to its end; a step whose narrative fits does not fade.
    context = browser.new_context(viewport={"width": 1024, "height": 900})
    try:
        page = context.new_page()
        page.goto(published_pages["deir-ez-zor"].resolve().as_uri(), wait_until="load")
        text = page.locator("#story-view .kst-text")
        page.locator(".kst-slider").fill("7")
        page.wait_for_timeout(100)
        assert text.evaluate("e => e.scrollHeight > e.clientHeight + 2")
        assert "kst-more" in text.get_attribute("class")
        text.evaluate("e => e.scrollTo(0, e.scrollHeight)")
        page.wait_for_timeout(100)
        assert "kst-more" not in text.get_attribute("class")
        page.locator(".kst-slider").fill("3")  # "Maxim Buga ... said "dozens" had been killed": one line
        page.wait_for_timeout(100)
        assert text.evaluate("e => e.scrollTop") == 0 and "kst-more" not in text.get_attribute("class")
    finally:
        context.close()


_NOW_CLASHES = """() => {
    const box = (e) => e.getBoundingClientRect();
    const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const now = box(document.querySelector('#story-view .kst-now text'));
    const marks = '#story-view .kst-mark:not(.kst-faded):not(.kst-span), #story-view .kst-label';
    return [...document.querySelectorAll(marks)]
      .filter(e => hit(now, box(e))).map(e => e.textContent || e.getAttribute('d').slice(0, 20)); }"""


@pytest.mark.parametrize("case", ["deir-ez-zor", "khasham"])
def test_the_now_words_cover_no_mark_and_no_label(browser, tmp_path, case):
    # Khasham (no story.csv: a step per day) once had "now: 15 Feb" written over the 300's mark and label
    import kit
    from kit.publish import publish

    url = publish(kit.load_case(ROOT / "data" / case), tmp_path / case, built="2026-01-02").resolve().as_uri()
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        for k in range(1, len(step_lists(_data(page))) + 1):
            page.locator(".kst-slider").fill(str(k))
            assert page.evaluate(_NOW_CLASHES) == [], f"step {k}"
    finally:
        context.close()


def test_axe_finds_no_violation_on_the_page(browser, published_pages):
    if not AXE.exists():
        pytest.skip(f"axe-core not found at {AXE} (make tool-deps installs it with npm, or set KIT_AXE)")
    context = browser.new_context(viewport={"width": 1440, "height": 900}, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(published_pages["deir-ez-zor"].resolve().as_uri() + "#step-5", wait_until="load")
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        found = page.evaluate("""async () => (await axe.run(document,
            {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})).violations.map(v =>
            [v.id, v.nodes.length, v.nodes.slice(0, 3).map(n => n.target.join(' '))])""")
        assert found == []
        names = page.eval_on_selector_all(
            "#story-view button, #story-view input",
            "els => els.map(e => e.getAttribute('aria-label') || e.textContent.trim())",
        )
        assert all(names) and len(names) >= 8  # Previous, Next, Play, the slider, the graph's four buttons
        # every Tab stop has a name (Chromium once stopped on the graph's unnamed group of nodes)
        page.locator("h1").click()
        stops = []
        for _ in range(40):
            page.keyboard.press("Tab")
            stops.append(
                page.evaluate(
                    "() => { const e = document.activeElement; return [e.tagName, e.getAttribute('aria-label') "
                    "|| e.textContent.trim(), e.getAttribute('role')]; }"
                )
            )
        assert [s for s in stops if not s[1] or (s[0] == "g" and s[2] != "button")] == [], stops
    finally:
        context.close()


def test_without_javascript_the_page_says_so_and_every_step_shows(browser, published_pages):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1440, "height": 900})
    try:
        page = context.new_page()
        url = published_pages["deir-ez-zor"].resolve().as_uri()
        watch = Watch(page, url)
        page.goto(url, wait_until="load")
        steps = page.eval_on_selector_all(
            "section.step", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)"
        )
        assert steps == [f"step-{i}" for i in range(1, 9)]
        assert not page.locator("#story-view").is_visible()
        assert page.locator(".no-js-hint").is_visible() and not page.locator(".js-hint").is_visible()
        assert "buttons below" not in page.locator(".no-js-hint").inner_text()
        assert page.locator(".static-note").is_visible()
        assert "without JavaScript" in page.locator(".static-note").inner_text()
        assert page.locator("#steps svg.kit-fig").count() == 2  # the story as it ends: the graph, the figure
        assert page.locator("section.step svg").count() == 0  # no step has a picture of its own ...
        said = page.locator("#explore").inner_text()  # ... so the explorable graph's stand-in points at the end's
        assert "needs JavaScript" in said and "The story as it ends" in said and "each step" not in said, said
        assert page.locator("#story-end-title").inner_text().startswith("The story as it ends")
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height < 9000, height  # the 8 steps once stacked to 22,287 px, two pictures each
        page.screenshot(path=str(ARTIFACTS / "publish-deir-ez-zor-nojs-1440.png"))
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
