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


def test_widgets_in_the_published_notebook(tmp_path):
    """A run notebook's GraphView becomes the page's explorable graph (its data, graphview.js inlined once); every
    other widget one sentence that says it needs a kernel, naming kit's widgets and linking the published page."""
    import nbformat

    import kit
    from kit.graphview.fragment import static_text
    from kit.publish import notebook_html

    code = [
        "import ipywidgets, kit, kit.graphview, kit.widgets",
        f"case = kit.load_case({str(ROOT / 'data' / 'deir-ez-zor')!r})",
        "kit.graphview.GraphView(case, 'russians_killed_feb7')",
        "kit.widgets.ClaimTracer(case)",
        "kit.widgets.StoryStepper(case, 'russians_killed_feb7')",
        "ipywidgets.IntSlider()",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in code])
    nbformat.write(nb, tmp_path / "w.ipynb")
    case = kit.load_case(ROOT / "data" / "deir-ez-zor")
    text = notebook_html(tmp_path / "w.ipynb", case, tmp_path / "out" / "notebook.html").read_text(encoding="utf-8")
    assert text.count('data-kit-graphview="kit-graph-1-data"') == 1 and "kit-graph-2" not in text
    assert text.count(static_text("graphview.js")) == 1 and static_text("graphview.css") in text
    assert "widget-state+json" not in text and "widget-view+json" not in text  # nothing left for a renderer
    for what in ["The claim tracer", "The story stepper", "This interactive widget"]:
        assert (
            f'<p class="kit-offline-note">{what} needs a running notebook (a Python kernel), so it cannot be used in '
            'this page: <a href="index.html">the published page</a> tells the story step by step.</p>'
        ) in text, what
    alone = notebook_html(tmp_path / "w.ipynb", case, tmp_path / "n.html", page_href=None).read_text(encoding="utf-8")
    assert "index.html" not in alone and "so it cannot be used in this page.</p>" in alone
