"""A real browser opens the published notebook (``kit publish data/deir-ez-zor OUT --notebook notebooks/01...``).

Chromium loads ``notebook.html`` from ``file://`` at 1440x900. Asserts: no request other than the page, no console
error; the GraphView cell is the explorable graph (graphview.js, the page's renderer) with the data the notebook
made, and a click traces a claim; the stepper's cell says in one sentence that it needs a kernel and links
``index.html``, which exists; no prose tells a reader to press what cannot be pressed; axe-core finds no violation
(nbconvert's prompts and code colours made to pass). The screenshot goes to ``tests/artifacts/`` (git-ignored).

Where Playwright or /usr/bin/chromium is missing the tests FAIL, unless KIT_SKIP_BROWSER=1 is set on purpose.
"""

from __future__ import annotations

import json
import re

import pytest
from test_publish_browser import ARTIFACTS, AXE

from _browser import Watch
from conftest import DEIR, ROOT


@pytest.fixture(scope="module")
def notebook_page(tmp_path_factory):
    import kit
    from kit.publish import publish

    out = tmp_path_factory.mktemp("site") / "deir-ez-zor"
    publish(kit.load_case(DEIR), out, built="2026-01-02", notebook=ROOT / "notebooks" / "01_deir_ez_zor.ipynb")
    return out / "notebook.html"


def test_published_notebook_has_the_graph_view_and_no_dead_controls(browser, notebook_page):
    ARTIFACTS.mkdir(exist_ok=True)
    url = notebook_page.resolve().as_uri()
    context = browser.new_context(viewport={"width": 1440, "height": 900}, bypass_csp=True)
    try:
        page = context.new_page()
        watch = Watch(page, url)
        page.goto(url, wait_until="load")
        host = page.locator("[data-kit-graphview]")
        assert host.count() == 1
        data = json.loads(page.locator("#kit-graph-1-data").text_content())
        assert data["proposition"] == "russians_killed_feb7"
        nodes = page.locator("#kit-graph-1 .kgv-nodes .kgv-claim")
        assert nodes.count() == sum(1 for n in data["nodes"] if n["kind"] == "claim") > 10
        nodes.first.click()
        assert page.locator("#kit-graph-1 .kgv-lit").count() >= 2  # the claim and what it rests on, lit
        host.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "publish-notebook-1440-graph.png"))
        note = page.locator(".kit-offline-note", has_text="The story stepper")
        assert note.count() == 1 and note.locator("a").get_attribute("href") == "index.html"
        assert (notebook_page.parent / "index.html").exists()
        text = page.locator("body").inner_text()
        assert not re.search(r"\bpress\s+Next\b", text, re.IGNORECASE), "the page tells a reader to press Next"
        if not AXE.exists():
            pytest.skip(f"axe-core not found at {AXE} (make tool-deps installs it with npm, or set KIT_AXE)")
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        found = page.evaluate("""async () => (await axe.run(document,
            {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})).violations.map(v =>
            [v.id, v.nodes.length, v.nodes.slice(0, 3).map(n => n.target.join(' '))])""")
        assert found == []
        watch.check()
    finally:
        context.close()
