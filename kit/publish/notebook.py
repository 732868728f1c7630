"""A notebook as one offline HTML page, published beside the explainer page (``kit publish --notebook``).

:func:`offline_html` makes an nbconvert page work without a network; :func:`notebook_html` runs a notebook and
writes it through :func:`offline_html`, refusing a case with a confidential source (a figure cannot be redacted).
In the page a :class:`kit.graphview.GraphView` is the published page's explorable graph (its data as the notebook
made it, the module ``graphview.js`` inlined), and a widget that needs a kernel (the story stepper, the claim
tracer, the exercise, the audit's review) is one sentence that says so, linking the published page.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from kit.errors import shown
from kit.graphview.fragment import graph_section, package_static_text
from kit.store.atomic import atomic_write

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["offline_html", "notebook_html", "static_widgets"]

_EXTERNAL = r"""(?:https?:)?//"""
_OFFLINE_CSP = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "font-src data:; base-uri 'none'; form-action 'none'"
)


_GRAPH_VIEW = "kit.graphview.widget.GraphView"  # its anywidget id
_NEEDS_KERNEL = {  # a kit widget by its anywidget id, or by its container's class
    "kit.widgets.stepper.StoryStepper": "The story stepper",
    "kit-claim-tracer": "The claim tracer",
    "kit-source-exercise": "The exercise",
    "kit-audit-review": "The audit's review",
}
_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def static_widgets(nb, page_href: str | None = "index.html") -> int:
    """Turn the widget views of a run notebook into what a page without a kernel can show, in place.

    A :class:`kit.graphview.GraphView` becomes the explorable graph of the published page
    (:func:`kit.graphview.fragment.graph_section`, with the data the widget had); any other widget becomes one
    sentence saying that it needs a running notebook, naming the kit's widgets, with a link to ``page_href``. The
    notebook's widget state (which no offline page can render) is dropped.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        A notebook, run (its widget state in ``nb.metadata.widgets``, as nbclient stores it).
    page_href : str, optional
        The published page that tells the story (relative); no link when ``None``.

    Returns
    -------
    int
        The number of graph views drawn (the page needs ``graphview.js`` when it is not 0).

    Examples
    --------
    >>> import nbformat
    >>> view = {"model_id": "m1", "version_major": 2, "version_minor": 0}
    >>> out = nbformat.v4.new_output("display_data", data={"application/vnd.jupyter.widget-view+json": view})
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("w", outputs=[out])])
    >>> nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {"m1": {
    ...     "state": {"_anywidget_id": "kit.widgets.stepper.StoryStepper"}}}}}
    >>> static_widgets(nb)
    0
    >>> print(nb.cells[0].outputs[0]["data"]["text/html"])
    <p class="kit-offline-note">The story stepper needs a running notebook (a Python kernel), so it cannot be used \
in this page: <a href="index.html">the published page</a> tells the story step by step.</p>
    """
    import nbformat

    widgets = nb.metadata.pop("widgets", None) or {}
    states = widgets.get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    drawn = 0
    for cell in nb.cells:
        for i, out in enumerate(cell.get("outputs", [])):
            view = out.get("data", {}).get(_WIDGET_VIEW) if isinstance(out.get("data"), dict) else None
            if not isinstance(view, dict):
                continue
            state = states.get(view.get("model_id"), {}).get("state", {})
            classes = [c for c in state.get("_dom_classes", ()) if c in _NEEDS_KERNEL]
            kind = state.get("_anywidget_id") or (classes[0] if classes else "")
            data = state.get("data")
            if kind == _GRAPH_VIEW and isinstance(data, dict) and data.get("nodes"):
                drawn += 1
                shown_html = graph_section(
                    data,
                    dom_id=f"kit-graph-{drawn}",
                    heading="The citation graph, to explore",
                    fallback="The static pictures of this page show the same graph.",
                )
            else:
                what = _NEEDS_KERNEL.get(kind, "This interactive widget")
                where = (
                    f': <a href="{html.escape(page_href)}">the published page</a> tells the story step by step.'
                    if page_href
                    else "."
                )
                shown_html = (
                    f'<p class="kit-offline-note">{what} needs a running notebook (a Python kernel), so it cannot '
                    f"be used in this page{where}</p>"
                )
            cell.outputs[i] = nbformat.v4.new_output("display_data", data={"text/html": shown_html})
    return drawn


def offline_html(text: str) -> str:
    """An nbconvert page made to work offline: scripts and stylesheets from other hosts removed, requests forbidden.

    nbconvert's pages load require.js, MathJax, mermaid and the widget renderer from public CDNs, which readers
    behind strict networks cannot reach. This removes those elements and the inline scripts that fetch from another
    host (math then shows as its TeX source; widget views, which need the CDN's renderer, show a note instead) and
    adds a Content-Security-Policy that forbids any request.

    Parameters
    ----------
    text : str
        The HTML nbconvert wrote.

    Returns
    -------
    str
        The page, offline.

    Raises
    ------
    ValueError
        When a reference to another host remains that this function does not know how to remove.

    Examples
    --------
    >>> page = ('<html><head><script src="https://cdn.example/require.js"></script>'
    ...         '<link rel="stylesheet" href="https://cdn.example/x.css"></head><body><p>hi</p></body></html>')
    >>> out = offline_html(page)
    >>> "cdn.example" in out, "<p>hi</p>" in out, "Content-Security-Policy" in out
    (False, True, True)
    """
    text = re.sub(
        rf"""<script\b[^>]*\ssrc\s*=\s*["']?{_EXTERNAL}[^>]*>.*?</script\s*>""",
        "",
        text,
        flags=re.IGNORECASE | re.DOTALL,
    )
    text = re.sub(
        r"""<script\b[^>]*type\s*=\s*["']?module["']?[^>]*>(?:(?!</script).)*?(?:https?:)?//"""
        r"""(?:(?!</script).)*</script\s*>""",
        "",
        text,
        flags=re.IGNORECASE | re.DOTALL,
    )
    # inline scripts that fetch from another host (nbconvert's widget-renderer loader)
    text = re.sub(
        r"""<script\b(?![^>]*\stype\s*=\s*["']?application/)[^>]*>(?:(?!</script).)*?["'`]"""
        r"""(?:https?:)?//[a-z0-9](?:(?!</script).)*</script\s*>""",
        "",
        text,
        flags=re.IGNORECASE | re.DOTALL,
    )
    text = re.sub(
        r"""(<script type="application/vnd\.jupyter\.widget-view\+json">.*?</script>)""",
        r"""\1<p class="kit-offline-note"><em>(An interactive widget: it needs a running notebook.)</em></p>""",
        text,
        flags=re.DOTALL,
    )
    text = re.sub(rf"""<link\b[^>]*\shref\s*=\s*["']?{_EXTERNAL}[^>]*>""", "", text, flags=re.IGNORECASE)
    text = re.sub(rf"""@import\s+(?:url\()?["']?{_EXTERNAL}[^;]*;""", "", text, flags=re.IGNORECASE)
    left = re.search(rf"""<(?!a\b)[a-z]+\b[^<>]*\s(?:src|href|data)\s*=\s*["']?\s*{_EXTERNAL}""", text, re.IGNORECASE)
    if left:
        raise ValueError(f"the page still refers to another host: {left.group(0)[:120]!r}")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{_OFFLINE_CSP}">'
    if re.search(r"<head\b[^>]*>", text, re.IGNORECASE):
        text = re.sub(r"(<head\b[^>]*>)", lambda m: m.group(1) + meta, text, count=1, flags=re.IGNORECASE)
    else:
        text = meta + text
    return text


def _with_kit_style(text: str, graphs: int) -> str:
    """The page with kit's stylesheet for nbconvert's theme (contrast) and, when it shows graphs, the graph view."""
    style = package_static_text("kit.publish", "notebook.css")
    script = ""
    if graphs:
        style += package_static_text("kit.graphview", "graphview.css")
        script = f'<script type="module">{package_static_text("kit.graphview", "graphview.js")}</script>'
    text = re.sub(r"(</head\s*>)", lambda m: f"<style>{style}</style>" + m.group(1), text, count=1, flags=re.I)
    return re.sub(r"(</body\s*>)", lambda m: script + m.group(1), text, count=1, flags=re.I)


def notebook_html(
    notebook,
    case: Case,
    out_path,
    *,
    execute: bool = True,
    reveal_confidential: bool = False,
    timeout: int = 600,
    page_href: str | None = "index.html",
) -> Path:
    """Render a notebook to one offline HTML page (run first, by default), for publishing beside the explainer.

    The notebook computes from the case's own files, so its figures (images) could show a confidential source's
    name where no text redaction reaches. A case with a confidential source is therefore refused, unless
    ``reveal_confidential`` (internal drafts). Every text form of every confidential field is still removed from
    the page as a second line of defence. See :func:`offline_html` for what is removed to make the page offline.

    Parameters
    ----------
    notebook : str or path
        An ``.ipynb`` file; it runs in its own folder with the inline matplotlib backend.
    case : kit.Case
        The case the notebook tells (for the confidential check).
    out_path : str or path
        The HTML file to write.
    execute : bool
        Run the notebook first (``False``: use its stored outputs).
    reveal_confidential : bool
        For internal drafts only: publish a case with a confidential source.
    timeout : int
        Seconds a cell may run.
    page_href : str, optional
        The published page beside the notebook's, linked where a widget needs a kernel (:func:`static_widgets`).

    Raises
    ------
    ValueError
        When the case has a confidential source and ``reveal_confidential`` is false, the file is not a notebook,
        or a cell of it fails (or times out) when it runs: one sentence, which cell and what to do.

    Examples
    --------
    >>> import kit, tempfile, os, nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Hello $x$")])
    >>> d = tempfile.mkdtemp(); nbformat.write(nb, os.path.join(d, "n.ipynb"))
    >>> page = notebook_html(os.path.join(d, "n.ipynb"), kit.testing.synth.make_case(3), os.path.join(d, "n.html"),
    ...                      execute=False)
    >>> "cdnjs" in page.read_text(encoding="utf-8")
    False
    """
    import nbformat
    from nbconvert import HTMLExporter

    from kit.text.redact import confidential_fields

    secrets = confidential_fields(case)
    if secrets and not reveal_confidential:
        raise ValueError(
            "the case has confidential sources and a notebook's figures cannot be redacted; "
            "publish the page without the notebook, or use --reveal-confidential for an internal draft"
        )
    notebook = Path(notebook)
    try:
        nb = nbformat.read(notebook, as_version=4)
    except (OSError, ValueError, nbformat.ValidationError) as e:  # missing, not JSON, not a notebook
        raise ValueError(
            f"{notebook}: this is not a notebook the kit can read ({shown(e, 200)}); give an .ipynb file"
        ) from None
    if execute:
        from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
        from nbconvert.preprocessors import ExecutePreprocessor

        saved = os.environ.get("MPLBACKEND")
        os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
        try:
            ExecutePreprocessor(timeout=timeout).preprocess(nb, {"metadata": {"path": str(notebook.parent)}})
        except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
            failed = [i for i, c in enumerate(nb.cells, 1) for o in c.get("outputs", []) if o.output_type == "error"]
            where = f"cell {failed[0]}" if failed else "a cell"
            what = f"{e.ename}: {e.evalue}" if isinstance(e, CellExecutionError) else type(e).__name__
            raise ValueError(
                f"{notebook}: the notebook stopped at {where} ({shown(what, 200)}); fix it (run it in Jupyter to "
                "see the error), or publish the page without --notebook"
            ) from None
        finally:
            if saved is None:
                os.environ.pop("MPLBACKEND", None)
            else:
                os.environ["MPLBACKEND"] = saved
    graphs = static_widgets(nb, page_href)
    exporter = HTMLExporter(template_name="lab")
    body, _ = exporter.from_notebook_node(nb)
    text = _with_kit_style(offline_html(body), graphs)
    if not reveal_confidential:
        for secret in secrets:
            for form in {secret, html.escape(secret), html.escape(secret, quote=False)}:
                text = re.sub(re.escape(form), "(withheld)", text, flags=re.IGNORECASE)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    return atomic_write(out, text)
