"""kit.publish.page: the explainer page as one HTML string; every inline script allowed by its own hash in the page's
Content-Security-Policy (hashed here with hashlib on the text the HTML parser gives), nothing fetched, the built date
and the case's title shown, case text escaped, and the page the same for the same input."""

import base64
import hashlib
import html.parser
import re

import pytest

import kit
from kit.publish.page import csp_hash, page_html, static_text
from kit.text.redact import redact


class _Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list = []
        self.csp = None
        self.fetches: list = []
        self.text: list = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            # a data block (JSON, JSON-LD) is never run, so the policy need not name it
            runs = a.get("type", "text/javascript").lower() in (
                "",
                "text/javascript",
                "module",
                "application/javascript",
            )
            self._in_script = runs
            if runs:
                self.scripts.append("")
            if a.get("src"):
                self.fetches.append(a["src"])
        if tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy":
            self.csp = a["content"]
        for key in ("src", "href"):
            v = a.get(key) or ""
            if tag in ("img", "link", "iframe", "source") and v and not v.startswith(("data:", "#")):
                self.fetches.append(v)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def _parse(text):
    p = _Page()
    p.feed(text)
    return p


@pytest.fixture(scope="module")
def echo_page(cases_dir_module):
    return page_html(redact(kit.load_case(cases_dir_module / "echo")), built="2026-01-02")


@pytest.fixture(scope="module")
def cases_dir_module():
    from conftest import CASES

    return CASES


def test_every_inline_script_is_allowed_by_its_hash_and_nothing_else(echo_page):
    p = _parse(echo_page)
    assert p.scripts, "the page has its scripts inline"
    allowed = set(re.findall(r"'(sha256-[^']+)'", re.search(r"script-src ([^;]*)", p.csp).group(1)))
    hashes = {"sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in p.scripts}
    assert hashes == allowed
    assert "default-src 'none'" in p.csp
    assert p.fetches == []


def test_the_page_says_its_case_and_date(echo_page, echo_case):
    words = " ".join(" ".join(_parse(echo_page).text).split())
    assert echo_case.title in words and "2026-01-02" in echo_page
    assert echo_page.startswith("<!DOCTYPE html>")


def test_the_same_input_gives_the_same_page(echo_page, cases_dir_module):
    assert page_html(redact(kit.load_case(cases_dir_module / "echo")), built="2026-01-02") == echo_page


def test_hostile_text_is_escaped(hostile_case):
    page = page_html(redact(hostile_case), built="2026-01-02")
    p = _parse(page)
    # whatever the case's cells say, the parser finds only the page's own scripts, each allowed by its hash
    allowed = set(re.findall(r"'(sha256-[^']+)'", p.csp))
    assert {csp_hash(s) for s in p.scripts} <= allowed
    assert p.fetches == []


def test_csp_hash_is_the_browsers_and_static_text_has_no_carriage_returns():
    assert csp_hash("alert(1)") == "sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI="
    for name in ("page.js", "page.css"):
        assert "\r" not in static_text(name) and static_text(name).strip()


def test_the_methods_say_the_steps_rule_the_story_follows(deir_case):
    # Deir ez-Zor's story.csv names its claims step by step: step 1 shows Reuters' claim alone, though four other
    # claims were published by 12 Feb. The Methods once said "each step shows the claims published by the moment of
    # that step", which step 1 contradicts.
    from kit.graphview.story_data import step_lists, story_data

    first = step_lists(story_data(deir_case, "russians_killed_feb7"))[0]
    reports = deir_case.reports
    on_the_day = set(reports["report_id"][reports["published"].astype(str).str.startswith("2018-02-12")])
    published = deir_case.claims[deir_case.claims["report_id"].isin(on_the_day)]
    published = published[published["proposition"] == "russians_killed_feb7"]
    assert len(first) == 1 and len(published) > 1
    words = " ".join(" ".join(_parse(page_html(redact(deir_case), built="2026-01-02")).text).split())
    assert "the claims the story has named up to it" in words
    assert "published by the moment of that step" not in words


def test_without_javascript_the_graph_s_stand_in_points_at_what_the_page_shows(deir_case):
    # The explorable graph's stand-in once said "the picture in each step above shows the graph as it stood then";
    # without JavaScript no step has a picture: the story as it ends has one, or none past MAX_STATIC_PICTURES claims.
    from kit.publish.story_part import MAX_STATIC_PICTURES

    small = " ".join(" ".join(_parse(page_html(redact(deir_case), built="2026-01-02")).text).split())
    assert "“The story as it ends”, above, draws the same graph." in small and "each step above" not in small
    big_case = kit.testing.synth.make_case(MAX_STATIC_PICTURES + 40, seed=3)
    big = " ".join(" ".join(_parse(page_html(redact(big_case), built="2026-01-02")).text).split())
    assert "No pictures here" in big and "“The story as it ends”, above, says it in words." in big
