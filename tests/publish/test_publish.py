"""kit.publish.page: one self-contained, escaped, redacted explainer page (the notebook page: test_publish_notebook)."""

import html
import json
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

import kit
from conftest import DEIR, HOSTILE, MINI, ROOT
from kit.publish import choose_proposition, publish


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory):
    case = kit.load_case(HOSTILE)
    before = case.sources.copy(), case.reports.copy(), case.claims.copy(), case.citations.copy(), repr(case.meta)
    page = publish(case, tmp_path_factory.mktemp("hostile"), built="2026-01-02").read_text(encoding="utf-8")
    after = case.sources, case.reports, case.claims, case.citations, repr(case.meta)
    assert all(a.equals(b) for a, b in zip(before[:4], after[:4], strict=False)) and before[4] == after[4], (
        "input changed"
    )
    return page


@pytest.fixture(scope="module")
def deir_page(tmp_path_factory):
    return publish(kit.load_case(DEIR), tmp_path_factory.mktemp("deir"), built="2026-01-02").read_text(encoding="utf-8")


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of <style> elements, as a browser would parse them."""

    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.tags, self.styles, self._in_style = [], [], False
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def test_no_script_from_case_text(hostile_page):
    tags = _Tags(hostile_page).tags
    assert [t for t, _ in tags if t in ("img", "iframe", "object", "embed", "base", "link", "form")] == []
    for tag, attrs in tags:
        assert not [a for a in attrs if a.lower().startswith("on")], (tag, attrs)
        for a in ("href", "xlink:href", "src", "action"):
            assert not (attrs.get(a) or "").strip().lower().startswith(("javascript:", "data:text")), (tag, attrs)
    # the only <script> elements are the page's own: the JSON-LD, the story's JSON data, the explorable graph's JSON
    # data, page.js and the graph view's module (which draws both)
    assert [a.get("type") for t, a in tags if t == "script"] == [
        "application/ld+json",
        "application/json",
        "application/json",
        None,
        "module",
    ]
    assert "<script>alert" not in hostile_page.lower()


def test_json_blocks_cannot_be_broken_out_of(hostile_page):
    for m in re.finditer(r'<script type="application/(?:ld\+)?json"[^>]*>(.*?)</script>', hostile_page, re.DOTALL):
        body = m.group(1)
        assert "<" not in body and ">" not in body and "&" not in body
        json.loads(body)
    data = json.loads(re.search(r'id="story-data">(.*?)</script>', hostile_page, re.DOTALL).group(1))
    assert [s["step"] for s in data["steps"]] == [1, 2, 3]
    says = [c["says"] for c in data["claims"].values()]
    assert any(s.startswith("<img src=x onerror=alert(7)>") for s in says), says  # the text survives, as text


def test_text_shows_as_text(hostile_page):
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Wire" in hostile_page
    assert "&lt;img src=x onerror=alert(7)&gt; dozens dead at the plant" in hostile_page
    assert "javascript:alert(14) and more" in hostile_page  # a narrative, not a link


@pytest.mark.parametrize("name", ["hostile_page", "deir_page"])
def test_no_request_to_anything_else(name, request):
    page = request.getfixturevalue(name)
    parsed = _Tags(page)
    for tag, attrs in parsed.tags:
        assert "src" not in attrs and "srcset" not in attrs, (tag, attrs)
        assert tag not in ("link", "img", "iframe", "object", "embed", "base", "audio", "video", "source"), tag
        for a in ("href", "xlink:href"):
            if a in attrs:
                href = attrs[a]
                if tag == "a" and a == "href":  # a link for the reader to follow, never loaded by the page
                    assert href.startswith("#") or re.match(r"https?://", href), href
                else:
                    assert href.startswith("#"), (tag, href)
        style = attrs.get("style") or ""
        assert "@import" not in style and not re.search(r"""url\(\s*["']?(?!#)""", style), style
    css = "".join(parsed.styles)
    assert "@import" not in css and not re.search(r"""url\(\s*["']?(?!#)""", css)
    # and by plain regex over the whole page: no http(s) resource attribute of any kind
    assert not re.search(
        r"""<(?!a\b)[a-z]+\b[^<>]*\s(?:src|href|xlink:href|data)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I
    )
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


@pytest.mark.parametrize("name", ["hostile_page", "deir_page"])
def test_every_figure_has_alt_text(name, request):
    page = request.getfixturevalue(name)
    svgs = re.findall(r"<svg\b[^>]*>", page)
    assert svgs
    for tag in svgs:
        assert 'role="img"' in tag
        alt = re.search(r'aria-label="([^"]+)"', tag).group(1)
        assert len(alt) > 30
    assert len(re.findall(r"<figcaption>", page)) == len(svgs)


def test_alt_text_states_what_the_figure_shows(deir_page):
    alts = [html.unescape(a) for a in re.findall(r'<svg\b[^>]*aria-label="([^"]+)"', deir_page)]
    last_timeline = [a for a in alts if a.startswith("The figure rose")][-1]
    assert "to at least 201 (Bloomberg, 13 Feb 2018)" in last_timeline
    assert (
        "2 independent origins behind the highest figure: Two Russians (unnamed, to Bloomberg) (anonymous, grade F); "
        "US official (unnamed)" in last_timeline
    )
    # without JavaScript the page draws the story as it ends (story.csv's last step) once; the steps are the
    # graph view's, drawn in the browser
    assert alts[0].startswith("Citation graph for “How many Russians were killed?” as of 13 Feb 2018: ")
    # Reuters' "2" (12 Feb) comes before AFP's "3" (12 or 13 Feb) in order of publication:
    # kit.analysis.selection.publication_key
    assert "rose from at least 2 (Reuters, 12 Feb 2018)" in last_timeline


def test_redaction_every_byte(hostile_page, hostile_case, assert_no_secret, tmp_path):
    assert_no_secret(hostile_case, hostile_page.encode("utf-8"))
    if MINI.exists():
        case = kit.load_case(MINI)
        assert_no_secret(case, publish(case, tmp_path).read_bytes())


def test_steps_and_progressive_enhancement(deir_page):
    sections = re.findall(r'<section class="step" id="step-(\d+)"', deir_page)
    assert sections == [str(k) for k in range(1, 9)]  # story.csv's eight steps, none hidden in the HTML
    assert not re.search(r'<section class="step"[^>]*hidden', deir_page)
    # with JavaScript the graph view's module draws the story in its element and hides the static steps
    assert '<div class="kst-host" id="story-view" data-kit-story="story-data"' in deir_page
    assert 'data-replaces="steps" hidden></div>' in deir_page
    assert '<p class="hint js-hint" hidden>' in deir_page and '<p class="hint no-js-hint">' in deir_page
    assert "You are reading the page without JavaScript" in deir_page
    assert deir_page.count('class="kit-fig"') == 2  # the static pictures: the story as it ends, not every step
    for word in (
        "What an origin is",
        "What echo means",
        "How the counts were made",
        "Sources and their grades",
        "2026-01-02",
    ):
        assert word in deir_page
    assert "Conflict Intelligence Team" in deir_page


def test_choose_proposition(deir_case, hostile_case):
    assert choose_proposition(deir_case) == "russians_killed_feb7"
    assert choose_proposition(hostile_case) == "plant_fire_dead"
    import dataclasses

    case = hostile_case
    with pytest.raises(ValueError, match="no claim has it"):
        choose_proposition(dataclasses.replace(case, meta={**case.meta, "proposition": "nope"}))
    assert choose_proposition(dataclasses.replace(case, meta={"title": "x"})) == "plant_fire_dead"


def test_cli_publish_reveal_warns_and_shows_names(tmp_path):
    env = {"MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"}
    r = subprocess.run(
        [sys.executable, "-m", "kit", "publish", str(HOSTILE), str(tmp_path / "o"), "--reveal-confidential"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert "warning" in r.stderr and "reveal-confidential" in r.stderr
    page = (tmp_path / "o" / "index.html").read_text(encoding="utf-8")
    assert "Ivan Petrov (Telegram)" in page and "Internal draft" in page and 'content="noindex"' in page
    from kit.cli import main

    assert main(["publish", "no/such/case", str(tmp_path / "p")]) == 1
    assert not (tmp_path / "p").exists()


def test_dollar_signs_in_names_are_not_math(hostile_case, tmp_path):
    import dataclasses

    case = hostile_case
    sources = case.sources.copy()
    sources.loc[sources["source_id"] == "wire", "name"] = "$5 Wire $^{x}_"
    case = dataclasses.replace(case, sources=sources, meta={**case.meta, "title": "Costs $3 and $4"})
    page = publish(case, tmp_path).read_text(encoding="utf-8")
    assert "$5 Wire $^{x}_" in page


def test_css_and_script_are_the_package_files_and_the_csp_hash_is_theirs(deir_page):
    import base64
    import hashlib
    from importlib import resources

    static = resources.files("kit.publish").joinpath("static")
    js = static.joinpath("page.js").read_bytes().decode("utf-8")
    css = static.joinpath("page.css").read_bytes().decode("utf-8")
    assert ".js-hint" in js and ".kst-host" in css
    scripts = re.findall(r"<script>(.*?)</script>", deir_page, re.DOTALL)
    assert scripts == [js]  # the one inline script is page.js, byte for byte
    assert re.findall(r"<style>(.*?)</style>", deir_page, re.DOTALL)[0] == css
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', deir_page).group(1)
    graph_js = resources.files("kit.graphview").joinpath("static", "graphview.js").read_bytes().decode("utf-8")
    assert re.findall(r'<script type="module">(.*?)</script>', deir_page, re.DOTALL) == [graph_js]
    graph_digest = base64.b64encode(hashlib.sha256(graph_js.encode("utf-8")).digest()).decode("ascii")
    assert f"script-src 'sha256-{digest}' 'sha256-{graph_digest}';" in csp
    assert csp.count("sha256-") == 2


def test_publish_names_stay_importable():
    import kit.publish
    import kit.text.html

    for name in (
        "publish",
        "page_html",
        "choose_proposition",
        "script_json",
        "safe_url",
        "timeline_alt",
        "graph_alt",
        "notebook_html",
        "offline_html",
        "DRIFT_FLAGS",
    ):
        assert name in kit.publish.__all__ and hasattr(kit.publish, name), name
    assert kit.publish.safe_url is kit.text.html.safe_url and kit.publish.script_json is kit.text.html.script_json
