"""kit.text.html: untrusted case text into HTML (escape, safe urls, links, script-safe JSON)."""

import json

import pandas as pd
import pytest

from kit.text.html import escape, link, safe_url, script_json


def test_safe_url():
    assert safe_url("http://a.example/x") == "http://a.example/x"
    for bad in (
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " data:text/html,x",
        "vbscript:x",
        "//a.example",
        "http://",
        "https://a.example/x y",
        "file:///etc/passwd",
    ):
        assert safe_url(bad) is None, bad


@pytest.mark.parametrize(
    "value, want",
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ('" onmouseover="x', "&quot; onmouseover=&quot;x"),
        ("it's & more", "it&#x27;s &amp; more"),
        (None, ""),
        (pd.NA, ""),
        (float("nan"), ""),
        (0, "0"),
    ],
)
def test_escape(value, want):
    assert escape(value) == want


def test_link_only_for_http_urls():
    assert link("<b>Wire</b>", "https://wire.example/a?x=1&y=2") == (
        '<a href="https://wire.example/a?x=1&amp;y=2" rel="noopener noreferrer nofollow">&lt;b&gt;Wire&lt;/b&gt;</a>'
    )
    for bad in ("javascript:alert(1)", '" onclick="x', None, "//wire.example"):
        assert link("Wire", bad) == "Wire", bad


def test_script_json_cannot_close_its_element():
    obj = {"t": "</script><!-- & \u2028 \u2029", "n": [1, None]}
    text = script_json(obj)
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == obj
