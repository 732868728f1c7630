"""environment.yml (conda) and pyproject.toml (pip) must list the same dependencies.

pyproject.toml's core dependencies plus the extras that `make` installs (notebooks, test) must
appear in environment.yml -- as conda packages or in its `pip:` section -- with the same minimum
versions, and environment.yml must list nothing that pyproject.toml does not.

environment.yml is read with the small line-based parser below (no YAML library is a dependency of
kit); it understands exactly the simple block style that file uses and refuses anything else, so it
cannot silently misread the file.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
ENVIRONMENT = ROOT / "environment.yml"

# The extras installed by the Makefile (`-e '.[notebooks,test]'`); environment.yml mirrors them.
EXTRAS = ("notebooks", "test")

# conda-forge package name -> PyPI name, where the two differ.
CONDA_TO_PIP = {
    "matplotlib-base": "matplotlib",  # matplotlib without the Qt GUI stack
}

# Entries of environment.yml that are conda's own business, not Python dependencies of kit.
CONDA_ONLY = {"python", "pip"}


def normalise(name: str) -> str:
    """PEP 503 name: lower case, runs of `-`, `_`, `.` become one `-`."""
    return re.sub(r"[-_.]+", "-", name).lower()


# ---------------------------------------------------------------------------------------------
# environment.yml: a minimal parser for the block-style YAML it is written in


def parse_environment(text: str) -> dict:
    """Return {"name": str, "channels": [...], "dependencies": [...], "pip": [...]}.

    Understands top-level `key: value` and `key:` followed by `- item` lines, and one nested
    `- pip:` list inside `dependencies`. Raises ValueError on any other construct.
    """
    out: dict = {"name": None, "channels": [], "dependencies": [], "pip": []}
    key = None
    pip_indent = None  # indent of the `- pip:` item while reading its list
    for n, raw in enumerate(text.splitlines(), 1):
        line = re.sub(r"(^|\s)#.*$", "", raw).rstrip()
        if not line.strip():
            continue
        if "\t" in line[: len(line) - len(line.lstrip())]:
            raise ValueError(f"environment.yml:{n}: tab in indentation")
        indent = len(line) - len(line.lstrip(" "))
        body = line.strip()
        if indent == 0:
            m = re.fullmatch(r"([A-Za-z_][\w-]*):(?:\s+(.*))?", body)
            if not m:
                raise ValueError(f"environment.yml:{n}: cannot parse {raw!r}")
            key, value = m.group(1), (m.group(2) or "").strip()
            pip_indent = None
            if value[:1] in ("[", "{", "|", ">", "&", "*"):
                raise ValueError(f"environment.yml:{n}: only simple block style is understood: {raw!r}")
            if value:
                out[key] = _unquote(value)
            elif key not in out:
                out[key] = []
            continue
        if not body.startswith("- ") or key is None:
            raise ValueError(f"environment.yml:{n}: cannot parse {raw!r}")
        item = _unquote(body[2:].strip())
        if pip_indent is not None and indent > pip_indent:
            out["pip"].append(item)
            continue
        pip_indent = None
        if key == "dependencies" and item == "pip:":
            pip_indent = indent
            continue
        if item.endswith(":") or ": " in item:
            raise ValueError(f"environment.yml:{n}: unexpected mapping in a list: {raw!r}")
        if not isinstance(out.get(key), list):
            raise ValueError(f"environment.yml:{n}: list item under scalar key {key!r}")
        out[key].append(item)
    return out


def _unquote(s: str) -> str:
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "'\"":
        return s[1:-1]
    return s


def conda_requirement(spec: str) -> tuple[str, str | None]:
    """('pandas>=2.1' | 'pandas >=2.1' | 'python=3.11' | 'numpy 1.26.*') -> (conda name, minimum)."""
    m = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9_.\-]*)\s*(.*)", spec.strip())
    if not m:
        raise ValueError(f"cannot parse conda spec {spec!r}")
    name, constraint = m.groups()
    minimum = None
    for part in filter(None, re.split(r"[,\s]+", constraint)):
        v = re.fullmatch(r"(>=|==|=|~=)?v?([0-9][0-9A-Za-z.]*?)(\.\*)?", part)
        if v:
            minimum = v.group(2)
    return name, minimum


def pip_requirement(spec: str) -> tuple[str, str | None]:
    """'pandas>=2.1,<4' -> ('pandas', '2.1'); no lower bound -> None."""
    req = Requirement(spec)
    minimum = None
    for s in req.specifier:
        if s.operator in (">=", "==", "~=", "==="):
            minimum = s.version.removesuffix(".*")
    return req.name, minimum


# ---------------------------------------------------------------------------------------------
# The comparison


def pyproject_dependencies(path: Path) -> dict[str, tuple[str, str | None]]:
    """normalised name -> (as written, minimum) for core + EXTRAS of pyproject.toml."""
    project = tomllib.loads(path.read_text(encoding="utf-8"))["project"]
    extras = project.get("optional-dependencies", {})
    missing_extras = [e for e in EXTRAS if e not in extras]
    if missing_extras:
        raise ValueError(f"{path.name}: no optional-dependencies {missing_extras} (the Makefile installs them)")
    specs = list(project.get("dependencies", []))
    for extra in EXTRAS:
        specs += extras[extra]
    deps: dict[str, tuple[str, str | None]] = {}
    for spec in specs:
        name, minimum = pip_requirement(spec)
        if normalise(name) == normalise(project["name"]):
            continue  # kit[...] self-references
        deps[normalise(name)] = (spec, minimum)
    return deps


def environment_dependencies(path: Path) -> tuple[dict[str, tuple[str, str | None]], list[str]]:
    """(normalised PyPI name -> (as written, minimum), problems) for environment.yml."""
    env = parse_environment(path.read_text(encoding="utf-8"))
    deps: dict[str, tuple[str, str | None]] = {}
    problems = []

    def add(key, spec, minimum):
        if key in deps:
            problems.append(f"{key}: listed twice in {path.name} ({deps[key][0]!r} and {spec!r})")
        deps[key] = (spec, minimum)

    for spec in env["dependencies"]:
        name, minimum = conda_requirement(spec)
        if name.lower() in CONDA_ONLY:
            continue
        add(normalise(CONDA_TO_PIP.get(name.lower(), name)), spec, minimum)
    for spec in env["pip"]:
        if spec.startswith("-"):  # `-e .` and other pip options
            continue
        name, minimum = pip_requirement(spec)
        add(normalise(name), f"pip: {spec}", minimum)
    return deps, problems


def _same_version(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    try:
        return Version(a) == Version(b)
    except InvalidVersion:
        return a == b


def compare(pyproject: Path, environment: Path) -> list[str]:
    """Every disagreement between the two files, as readable lines; [] when they agree."""
    pip_deps = pyproject_dependencies(pyproject)
    conda_deps, problems = environment_dependencies(environment)
    for name in sorted(pip_deps.keys() - conda_deps.keys()):
        problems.append(f"{name}: in {pyproject.name} ({pip_deps[name][0]!r}) but missing from {environment.name}")
    for name in sorted(conda_deps.keys() - pip_deps.keys()):
        problems.append(f"{name}: in {environment.name} ({conda_deps[name][0]!r}) but missing from {pyproject.name}")
    for name in sorted(pip_deps.keys() & conda_deps.keys()):
        (pspec, pmin), (cspec, cmin) = pip_deps[name], conda_deps[name]
        if not _same_version(pmin, cmin):
            problems.append(
                f"{name}: minimum versions disagree: {pyproject.name} {pmin} ({pspec!r}), "
                f"{environment.name} {cmin} ({cspec!r})"
            )
    return problems


# ---------------------------------------------------------------------------------------------
# The tests on the real files


def test_environment_matches_pyproject():
    problems = compare(PYPROJECT, ENVIRONMENT)
    assert not problems, "environment.yml and pyproject.toml disagree:\n  " + "\n  ".join(problems)


def test_environment_python_matches_requires_python():
    requires = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["requires-python"]
    wanted = re.fullmatch(r">=\s*([\d.]+)", requires.strip())
    assert wanted, f"requires-python {requires!r}: expected the form '>=X.Y'"
    env = parse_environment(ENVIRONMENT.read_text(encoding="utf-8"))
    pythons = [conda_requirement(s)[1] for s in env["dependencies"] if conda_requirement(s)[0] == "python"]
    assert pythons == [wanted.group(1)], f"environment.yml python {pythons} vs requires-python {requires!r}"


def test_environment_uses_conda_forge_and_installs_kit():
    env = parse_environment(ENVIRONMENT.read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    assert "pip" in env["dependencies"], "a `pip:` section needs the conda package pip"
    assert "-e ." in env["pip"], "environment.yml must install kit itself (`- -e .` under `pip:`)"


# ---------------------------------------------------------------------------------------------
# The comparison catches what it should (fed modified copies)


def _first_core_dependency() -> str:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    assert project["dependencies"], "pyproject.toml lists no core dependencies"
    return normalise(pip_requirement(project["dependencies"][0])[0])


def _environment_line_of(name: str) -> str:
    for line in ENVIRONMENT.read_text(encoding="utf-8").splitlines():
        item = line.strip()
        if item.startswith("- ") and not item.startswith("- -") and item != "- pip:":
            conda_name = conda_requirement(item[2:])[0]
            if normalise(CONDA_TO_PIP.get(conda_name.lower(), conda_name)) == name:
                return line
    raise AssertionError(f"{name} not found in environment.yml")


def test_detects_package_missing_from_environment(tmp_path):
    name = _first_core_dependency()
    line = _environment_line_of(name)
    copy = tmp_path / "environment.yml"
    copy.write_text(ENVIRONMENT.read_text(encoding="utf-8").replace(line + "\n", ""), encoding="utf-8")
    problems = compare(PYPROJECT, copy)
    assert any(p.startswith(f"{name}:") and "missing from environment.yml" in p for p in problems), problems


def test_detects_package_missing_from_pyproject(tmp_path):
    name = _first_core_dependency()
    pyproject = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    spec = pyproject["project"]["dependencies"][0]
    text = PYPROJECT.read_text(encoding="utf-8")
    copy = tmp_path / "pyproject.toml"
    copy.write_text(re.sub(rf'\n\s*"{re.escape(spec)}",?', "", text, count=1), encoding="utf-8")
    assert name not in pyproject_dependencies(copy), "the modified copy still lists the package"
    problems = compare(copy, ENVIRONMENT)
    assert any(p.startswith(f"{name}:") and "missing from pyproject.toml" in p for p in problems), problems


def test_detects_package_only_in_pip_section(tmp_path):
    copy = tmp_path / "environment.yml"
    copy.write_text(ENVIRONMENT.read_text(encoding="utf-8") + "      - Some_Extra.Package>=1.0\n", encoding="utf-8")
    problems = compare(PYPROJECT, copy)
    assert any(p.startswith("some-extra-package:") and "missing from pyproject.toml" in p for p in problems), problems


def test_detects_minimum_version_disagreement(tmp_path):
    name = _first_core_dependency()
    line = _environment_line_of(name)
    changed = re.sub(r"(>=|==|=)\s*[0-9][\w.]*", r"\g<1>0.0.1", line)
    assert changed != line, f"no version on {line!r}"
    copy = tmp_path / "environment.yml"
    copy.write_text(ENVIRONMENT.read_text(encoding="utf-8").replace(line, changed), encoding="utf-8")
    problems = compare(PYPROJECT, copy)
    assert any(p.startswith(f"{name}: minimum versions disagree") for p in problems), problems


def test_detects_duplicate_entry(tmp_path):
    name = _first_core_dependency()
    line = _environment_line_of(name)
    copy = tmp_path / "environment.yml"
    copy.write_text(ENVIRONMENT.read_text(encoding="utf-8").replace(line, line + "\n" + line), encoding="utf-8")
    assert any("listed twice" in p for p in compare(PYPROJECT, copy))


# ---------------------------------------------------------------------------------------------
# The small helpers


@pytest.mark.parametrize(
    "spec, expected",
    [
        ("pandas>=2.1", ("pandas", "2.1")),
        ("pandas >=2.1,<4", ("pandas", "2.1")),
        ("python=3.11", ("python", "3.11")),
        ("numpy 1.26.*", ("numpy", "1.26")),
        ("matplotlib-base>=3.8", ("matplotlib-base", "3.8")),
        ("pip", ("pip", None)),
    ],
)
def test_conda_requirement(spec, expected):
    assert conda_requirement(spec) == expected


def test_names_normalise_case_dash_underscore_dot():
    assert normalise("Jupyter_Server") == normalise("jupyter-server") == normalise("jupyter.server")


def test_conda_names_map_to_pip_names(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\nname = "kit"\ndependencies = ["Matplotlib>=3.8", "typing_extensions>=4"]\n'
        "[project.optional-dependencies]\nnotebooks = []\ntest = []\n",
        encoding="utf-8",
    )
    env = tmp_path / "environment.yml"
    env.write_text("dependencies:\n  - matplotlib-base >=3.8.0\n  - typing-extensions>=4\n", encoding="utf-8")
    assert compare(pyproject, env) == []


def test_parser_refuses_what_it_does_not_understand():
    with pytest.raises(ValueError):
        parse_environment("dependencies: [pandas, numpy]\n")
    with pytest.raises(ValueError):
        parse_environment("dependencies:\n  pandas: 2\n")


def test_parser_agrees_with_a_real_yaml_reader():
    yaml = pytest.importorskip("yaml", reason="PyYAML (installed with papermill) is not importable")
    real = yaml.safe_load(ENVIRONMENT.read_text(encoding="utf-8"))
    mine = parse_environment(ENVIRONMENT.read_text(encoding="utf-8"))
    pip = [d["pip"] for d in real["dependencies"] if isinstance(d, dict)]
    assert mine["name"] == real["name"] and mine["channels"] == real["channels"]
    assert mine["dependencies"] == [d for d in real["dependencies"] if isinstance(d, str)]
    assert [mine["pip"]] == pip
