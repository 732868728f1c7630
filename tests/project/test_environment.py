"""environment.yml (conda) and pyproject.toml (pip) list the same dependencies.

environment.yml is generated from pyproject.toml by scripts/environment.py (`make environment.yml`). The tests
check that the committed file is exactly what the script writes, and, reading the file with a real YAML reader,
that it holds pyproject.toml's core dependencies and the extras `make` installs, with the same minimum versions,
and nothing else.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = ROOT / "pyproject.toml"
MAKEFILE = ROOT / "Makefile"
ENVIRONMENT = ROOT / "environment.yml"
SCRIPT = ROOT / "scripts" / "environment.py"


def _load_script():
    spec = importlib.util.spec_from_file_location("environment_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


env = _load_script()


def _render(pyproject_text=None, makefile_text=None):
    return env.render(
        pyproject_text or PYPROJECT.read_text(encoding="utf-8"), makefile_text or MAKEFILE.read_text(encoding="utf-8")
    )


def _minimum(req: Requirement) -> str | None:
    found = [s.version for s in req.specifier if s.operator in (">=", "==")]
    return found[0] if found else None


def _conda_minimum(spec: str) -> tuple[str, str | None]:
    """'pandas>=2.1' | 'python=3.11' | 'pip' -> (name, minimum), independent of the script."""
    m = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9_.\-]*)\s*(?:(>=|==|=)\s*([0-9][\w.]*))?", spec.strip())
    assert m, f"cannot read the conda spec {spec!r}"
    return m.group(1), m.group(3)


def _expected_dependencies() -> dict[str, str | None]:
    """normalised PyPI name -> minimum, for core + the extras on the Makefile's EXTRAS line."""
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    extras = re.search(r"^EXTRAS\s*:=\s*(\S+)", MAKEFILE.read_text(encoding="utf-8"), re.M).group(1).split(",")
    specs = list(project["dependencies"])
    for extra in extras:
        specs += project["optional-dependencies"][extra]
    return {env.normalise(Requirement(s).name): _minimum(Requirement(s)) for s in specs}


def _environment_dependencies(text: str) -> dict[str, str | None]:
    """normalised PyPI name -> minimum, for what environment.yml installs (conda packages and pip:)."""
    data = yaml.safe_load(text)
    found: dict[str, str | None] = {}
    pip: list[str] = []
    for item in data["dependencies"]:
        if isinstance(item, dict):
            pip += item["pip"]
            continue
        name, minimum = _conda_minimum(item)
        if name in ("python", "pip"):
            continue
        pypi = {"matplotlib-base": "matplotlib"}.get(name, name)
        assert env.normalise(pypi) not in found, f"{name} listed twice"
        found[env.normalise(pypi)] = minimum
    for spec in pip:
        if spec.startswith("-"):
            continue  # `-e .`
        req = Requirement(spec)
        assert env.normalise(req.name) not in found, f"{req.name} listed twice"
        found[env.normalise(req.name)] = _minimum(req)
    return found


# ---------------------------------------------------------------------------------------------
# The committed file


def test_environment_yml_is_what_the_script_writes():
    assert ENVIRONMENT.read_text(encoding="utf-8") == _render(), (
        "environment.yml is out of date with pyproject.toml: run `make environment.yml`"
    )


def test_environment_matches_pyproject():
    assert _environment_dependencies(ENVIRONMENT.read_text(encoding="utf-8")) == _expected_dependencies()


def test_environment_python_matches_requires_python():
    requires = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["requires-python"]
    wanted = re.fullmatch(r">=\s*([\d.]+)", requires.strip())
    assert wanted, f"requires-python {requires!r}: expected the form '>=X.Y'"
    data = yaml.safe_load(ENVIRONMENT.read_text(encoding="utf-8"))
    pythons = [_conda_minimum(d)[1] for d in data["dependencies"] if isinstance(d, str) and d.startswith("python")]
    assert pythons == [wanted.group(1)]


def test_environment_uses_conda_forge_and_installs_kit():
    data = yaml.safe_load(ENVIRONMENT.read_text(encoding="utf-8"))
    assert data["name"] == "kit" and data["channels"] == ["conda-forge"]
    assert "pip" in data["dependencies"], "a `pip:` section needs the conda package pip"
    pip = [d for d in data["dependencies"] if isinstance(d, dict)]
    assert len(pip) == 1 and "-e ." in pip[0]["pip"], "environment.yml must install kit itself (`- -e .` under pip:)"
    assert "playwright>=1.40" in pip[0]["pip"] and "matplotlib-base>=3.8" in data["dependencies"]


def test_makefile_installs_the_extras_it_names():
    makefile = MAKEFILE.read_text(encoding="utf-8")
    installs = re.findall(r"-e '\.\[([^\]]*)\]'", makefile)
    assert installs and set(installs) == {"$(EXTRAS)"}, installs
    assert {"notebooks", "test", "dev"} <= set(env.makefile_extras(makefile))


def test_check_passes_on_the_repository():
    r = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr


# ---------------------------------------------------------------------------------------------
# A change to pyproject.toml changes the generated file (so the first test fails until it is regenerated)


def _pyproject_with(old: str, new: str) -> str:
    text = PYPROJECT.read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, 1)


def test_a_new_dependency_appears():
    text = _pyproject_with('"pandas>=2.1",', '"pandas>=2.1",\n    "Some_Extra.Package>=1.0",')
    rendered = _render(text)
    assert rendered != ENVIRONMENT.read_text(encoding="utf-8")
    assert _environment_dependencies(rendered)["some-extra-package"] == "1.0"


def test_a_removed_dependency_disappears():
    rendered = _render(_pyproject_with('    "networkx>=3.2",\n', ""))
    assert "networkx" not in _environment_dependencies(rendered)
    assert "networkx" in _environment_dependencies(ENVIRONMENT.read_text(encoding="utf-8"))


def test_a_new_minimum_version_appears():
    rendered = _render(_pyproject_with('"numpy>=1.26"', '"numpy>=2.0"'))
    assert _environment_dependencies(rendered)["numpy"] == "2.0"


def test_an_extra_make_does_not_install_is_left_out():
    deps = _environment_dependencies(ENVIRONMENT.read_text(encoding="utf-8"))
    assert "python-igraph" not in deps  # the bench extra: pip only, by choice
    rendered = _render(
        makefile_text=MAKEFILE.read_text(encoding="utf-8").replace(
            "EXTRAS := notebooks,test,dev", "EXTRAS := notebooks,test,dev,bench"
        )
    )
    assert _environment_dependencies(rendered)["python-igraph"] == "0.11"


def test_check_fails_on_a_stale_copy(tmp_path):
    for name in ("pyproject.toml", "Makefile"):
        (tmp_path / name).write_text((ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "environment.yml").write_text(
        ENVIRONMENT.read_text(encoding="utf-8").replace("  - scipy>=1.11\n", ""), encoding="utf-8"
    )
    r = subprocess.run(
        [sys.executable, str(SCRIPT), "--check", "--root", str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 1 and "+  - scipy>=1.11" in r.stdout and "make environment.yml" in r.stderr
    assert subprocess.run([sys.executable, str(SCRIPT), "--write", "--root", str(tmp_path)], timeout=60).returncode == 0
    assert (tmp_path / "environment.yml").read_text(encoding="utf-8") == ENVIRONMENT.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# What the script refuses to guess


@pytest.mark.parametrize(
    "spec, message",
    [
        ('"numpy~=1.26"', "conda has no ~=1.26"),
        ("\"numpy>=1.26; python_version < '3.12'\"", "environment markers"),
        ('"numpy==1.*"', "conda has no ==1.*"),
    ],
)
def test_refuses_a_requirement_conda_cannot_say(spec, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        _render(_pyproject_with('"numpy>=1.26"', spec))


def test_refuses_one_package_with_two_versions():
    text = _pyproject_with('"pytest>=8.0",', '"pytest>=8.0",\n    "pandas>=2.2",')
    with pytest.raises(ValueError, match="pandas is listed as 'pandas>=2.1' and as 'pandas>=2.2'"):
        _render(text)


def test_refuses_an_extra_pyproject_does_not_define():
    with pytest.raises(ValueError, match=r"extras \['docs'\]"):
        _render(makefile_text="EXTRAS := notebooks,docs\n")


def test_conda_names_and_extras():
    assert env.conda_spec("Matplotlib>=3.8") == ("matplotlib", "matplotlib-base>=3.8")
    assert env.conda_spec("dask[dataframe,distributed]>=2024.1") == ("dask", "dask>=2024.1")
    assert env.conda_spec("pandas<4,>=2.1") == ("pandas", "pandas<4,>=2.1")
    assert env.normalise("Jupyter_Server") == env.normalise("jupyter-server") == env.normalise("jupyter.server")


def test_lab_terminals_open_in_the_repository_root(tmp_path):
    """Issue 20, item 8: `make lab`'s terminals run the shell command of jupyter_server_config.py; from any folder it
    starts a plain shell in the repository's root, where the README's `kit check data/deir-ez-zor` works."""
    import subprocess

    from traitlets.config import Config

    config = Config()
    code = (ROOT / "jupyter_server_config.py").read_text(encoding="utf-8")
    exec(
        compile(code, "jupyter_server_config.py", "exec"),
        {"get_config": lambda: config, "__file__": str(ROOT / "jupyter_server_config.py")},
    )
    command = config.ServerApp.terminado_settings["shell_command"]
    r = subprocess.run(command, input="pwd\nexit\n", capture_output=True, text=True, cwd=tmp_path, timeout=30)
    assert r.stdout.strip().splitlines()[-1] == str(ROOT)
    assert (ROOT / "data" / "deir-ez-zor" / "claims.csv").is_file()
