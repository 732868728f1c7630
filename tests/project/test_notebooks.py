"""The notebooks: notebook 02 runs under papermill on a case it has never seen, and every notebook is paired
with its jupytext ``py:percent`` file and in sync with it.

(nbval runs every notebook top to bottom in `make test`; these tests cover what nbval does not.)
"""

import json
import os
import pathlib
import re
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
CASES = pathlib.Path(__file__).resolve().parents[1] / "cases"
IPYNBS = sorted(NOTEBOOKS.glob("*.ipynb"))
PAIRED = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.py"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _outputs_text(nb, tag=None):
    parts = []
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            parts.append("".join(out.get("text", "")))
            parts.append("".join(out.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


def test_notebook_02_runs_under_papermill_on_a_fixture_case(tmp_path):
    papermill = pytest.importorskip("papermill")
    out = tmp_path / "traced.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOKS / "02_trace_a_claim.ipynb"),
        str(out),
        cwd=str(NOTEBOOKS),
        parameters={"case_path": str(CASES / "echo"), "claim_id": "e_single"},
        progress_bar=False,
        kernel_name="python3",
    )
    nb = json.loads(out.read_text(encoding="utf-8"))
    text = _outputs_text(nb)
    assert "'Echo (test case)': 6 sources, 7 reports, 8 claims, 10 citations" in text  # the case's repr
    # e_single -> e_echo -> e_one / e_two -> anon: one origin, three hops (worked out from tests/cases/echo)
    assert re.search(r"anon\s+Official \(unnamed\)\s+anonymous\s+F\s+3", text), text
    assert "without anon: ['e_one', 'e_two', 'e_echo', 'e_direct', 'e_single']" in text
    assert "Deir" not in text and "bloomberg" not in text
    assert any(WIDGET_VIEW in o.get("data", {}) for c in nb["cells"] for o in c.get("outputs", []))
    assert not [o for c in nb["cells"] for o in c.get("outputs", []) if o.get("output_type") == "error"]


def test_notebook_03_runs_under_papermill_on_the_khasham_case(tmp_path):
    papermill = pytest.importorskip("papermill")
    import kit

    out = tmp_path / "exercise.ipynb"
    case_path = ROOT / "data" / "khasham"
    prop = "russian_casualties_khasham"
    papermill.execute_notebook(
        str(NOTEBOOKS / "03_exercise_find_the_origin.ipynb"),
        str(out),
        cwd=str(NOTEBOOKS),
        parameters={"case_path": str(case_path), "proposition": prop},
        progress_bar=False,
        kernel_name="python3",
    )
    nb = json.loads(out.read_text(encoding="utf-8"))
    text = _outputs_text(nb)
    case = kit.load_case(case_path)
    claims = kit.timeline(case, prop)
    assert case.meta["question"] in text
    assert f"{len(claims)} claims from {claims['outlet'].nunique()} outlets, 13 Feb 2018 to 20 Feb 2018" in text
    assert "russians_killed_feb7" not in text and "bloomberg" not in text  # nothing of Deir ez-Zor
    assert any(WIDGET_VIEW in o.get("data", {}) for c in nb["cells"] for o in c.get("outputs", []))
    assert not [o for c in nb["cells"] for o in c.get("outputs", []) if o.get("output_type") == "error"]


def test_notebooks_exist():
    names = [p.name for p in IPYNBS]
    for n in [
        "02_trace_a_claim.ipynb",
        "03_exercise_find_the_origin.ipynb",
        "04_start_your_own_case.ipynb",
        "05_outlets.ipynb",
    ]:
        assert n in names


@pytest.mark.parametrize("ipynb", IPYNBS, ids=lambda p: p.name)
def test_every_notebook_has_its_py_percent_pair_in_sync(ipynb):
    jupytext = pytest.importorskip("jupytext")
    py = ipynb.with_suffix(".py")
    assert py.exists(), f"{ipynb.name} has no jupytext pair {py.name}: run `jupytext --set-formats ipynb,py:percent`"
    nb = jupytext.read(ipynb)
    text = jupytext.read(py, fmt="py:percent")
    formats = nb.metadata.get("jupytext", {}).get("formats", "")
    assert "py:percent" in formats and "ipynb" in formats, f"{ipynb.name}: jupytext formats are {formats!r}"
    cells = [(c.cell_type, c.source.strip()) for c in nb.cells]
    paired = [(c.cell_type, c.source.strip()) for c in text.cells]
    assert cells == paired, (
        f"{ipynb.name} and {py.name} differ: run `jupytext --sync {py.relative_to(ROOT)}` "
        "and execute the notebook again"
    )
    tags = [sorted(c.metadata.get("tags", [])) for c in nb.cells]
    assert tags == [sorted(c.metadata.get("tags", [])) for c in text.cells], f"{ipynb.name}: cell tags differ"


@pytest.mark.parametrize("py", PAIRED, ids=lambda p: p.name)
def test_every_py_percent_notebook_has_its_ipynb(py):
    assert py.with_suffix(".ipynb").exists(), f"{py.name} has no {py.with_suffix('.ipynb').name}"


@pytest.mark.parametrize("ipynb", IPYNBS, ids=lambda p: p.name)
def test_notebooks_are_thin_and_their_outputs_are_stored(ipynb):
    nb = json.loads(ipynb.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        assert not re.search(r"^\s*(def|class)\s|\blambda\b", source, re.M), (
            f"{ipynb.name}: define functions in kit, not in the notebook:\n{source}"
        )
        tags = cell.get("metadata", {}).get("tags", [])
        if "# NBVAL_CHECK_OUTPUT" in source:
            assert cell.get("outputs"), f"{ipynb.name}: a checked cell has no stored output:\n{source}"
        if any(WIDGET_VIEW in o.get("data", {}) for o in cell.get("outputs", [])):
            assert "nbval-ignore-output" in tags, f"{ipynb.name}: tag widget cells nbval-ignore-output:\n{source}"


@pytest.mark.parametrize("name", ["02_trace_a_claim.ipynb", "03_exercise_find_the_origin.ipynb"])
def test_parameterised_notebooks_have_a_parameters_cell(name):
    nb = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    cells = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1 and "case_path" in "".join(cells[0]["source"])


def test_notebook_02_runs_under_papermill_from_the_repository_root(tmp_path):
    """The README's example as a user types it in a clone (``papermill notebooks/02_trace_a_claim.ipynb out.ipynb``
    from the repository's root): the notebook's ``../data/...`` is found though the working directory is not
    ``notebooks/``."""
    papermill = pathlib.Path(sys.executable).parent / "papermill"
    if not papermill.exists():
        pytest.skip("papermill is not installed (the notebooks extra)")
    out = tmp_path / "out.ipynb"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PATH"] = f"{papermill.parent}{os.pathsep}{env.get('PATH', '')}"
    proc = subprocess.run(
        [str(papermill), "--no-progress-bar", "notebooks/02_trace_a_claim.ipynb", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    nb = json.loads(out.read_text(encoding="utf-8"))
    outputs = [o for c in nb["cells"] for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = _outputs_text(nb)
    assert "Deir ez-Zor" in text  # the default case of the parameters cell
    assert "other-media-dozens-or-hundreds" in text  # its default claim, traced


@pytest.mark.parametrize("notebook", IPYNBS, ids=lambda p: p.stem)
def test_every_notebook_converts_to_marimo_and_runs_from_another_folder(notebook, tmp_path):
    """Issue 20, item 8: `marimo convert` gives a program that runs (marimo refuses a name defined in two cells, so
    each notebook imports kit once), here from a folder that is not notebooks/ (the cases are found through
    kit.testing.bundled.shipped). The widgets need a browser; their cells still run."""
    pytest.importorskip("marimo")
    marimo = pathlib.Path(sys.executable).with_name("marimo")
    program = tmp_path / f"{notebook.stem}.py"
    r = subprocess.run(
        [str(marimo), "convert", str(notebook), "-o", str(program)], capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0 and program.is_file(), r.stderr
    env = {**os.environ, "MPLBACKEND": "Agg"}
    r = subprocess.run(
        [sys.executable, str(program)], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=600
    )
    assert r.returncode == 0, r.stderr[-3000:]


@pytest.mark.parametrize("notebook", IPYNBS, ids=lambda p: p.stem)
def test_every_notebook_runs_under_jupyter_execute_from_another_folder(notebook, tmp_path):
    """Issue 20, item 4: `jupyter execute NB` as a user types it, from a folder that is not notebooks/ (a copy of
    the notebook alone in it), runs every cell without an error output."""
    jupyter = pathlib.Path(sys.executable).with_name("jupyter")
    copy = tmp_path / notebook.name
    copy.write_bytes(notebook.read_bytes())
    out = tmp_path / "run.ipynb"
    env = {**os.environ, "MPLBACKEND": "Agg"}
    r = subprocess.run(
        [str(jupyter), "execute", "--output", str(out), str(copy)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    nb = json.loads(out.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code and all(c.get("execution_count") for c in code)
    assert not [o for c in code for o in c.get("outputs", []) if o.get("output_type") == "error"]
