"""kit.publish.notebook: a notebook as one offline page, refused for a case with a confidential source."""

import pytest

from conftest import ROOT


def test_notebook_refused_for_a_confidential_case(hostile_case, tmp_path):
    from kit.publish import notebook_html, offline_html

    with pytest.raises(ValueError, match="confidential"):
        notebook_html(ROOT / "notebooks" / "01_deir_ez_zor.ipynb", hostile_case, tmp_path / "n.html")
    assert not (tmp_path / "n.html").exists()
    with pytest.raises(ValueError, match="another host"):
        offline_html('<html><head></head><body><video src="https://x.example/v.mp4"></video></body></html>')
    page = offline_html(
        '<head></head><script type="module">import m from "https://cdn.example/m.mjs";</script>'
        '<style>@import url("https://cdn.example/f.css");</style>'
    )
    assert "cdn.example" not in page


def test_offline_page_forbids_requests_and_keeps_the_notebook():
    from kit.publish.notebook import offline_html

    page = offline_html(
        '<html><head><link rel="stylesheet" href="//cdn.example/x.css"></head><body><p>origin: AFP</p></body></html>'
    )
    assert "cdn.example" not in page and "<p>origin: AFP</p>" in page
    head = page[page.index("<head>") :]
    assert head.startswith('<head><meta http-equiv="Content-Security-Policy" content="default-src \'none\';')
