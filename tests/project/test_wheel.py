"""Installed as a user installs it: the wheel, built from a copy of the sources, installed into a fresh virtual
environment outside the repository, runs every ``kit`` command from a folder that is not the repository; and every
case folder of ``data/`` and every numbered notebook is shipped with it (``pyproject.toml``'s ``data-files``).

The wheel is built and installed once for this module (about 8 s: ``uv`` from the local cache, offline when it can;
plain ``venv`` + ``pip`` when uv is missing). ``pytest -m "not wheel"`` leaves these tests out of a quick local run.
"""

from __future__ import annotations

import fnmatch
import os
import pathlib
import shutil
import subprocess
import sys
import tomllib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
NOTEBOOKS = ROOT / "notebooks"
DRAFT_ARTICLES = ROOT / "tests" / "cases" / "draft"
SHARE = "share/whose-word"
# What a wheel is built from; everything else of the clone (tests, docs, caches, the venv) is left behind.
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "kit", "notebooks", "data")
TIMEOUT = 300

pytestmark = pytest.mark.wheel


def _data_files() -> dict[str, list[str]]:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["tool"]["setuptools"]["data-files"]


def _bundle_files() -> list[str]:
    """The files a wheel must carry under ``share/whose-word/``: the numbered notebooks and all of ``data/``."""
    files = [p.relative_to(ROOT).as_posix() for p in sorted(NOTEBOOKS.glob("*.ipynb"))]
    files += [
        p.relative_to(ROOT).as_posix()
        for p in sorted(DATA.rglob("*"))
        if p.is_file() and not any(part.startswith(".") or part == "__pycache__" for part in p.relative_to(DATA).parts)
    ]
    return files


def test_every_case_folder_and_notebook_is_in_the_wheels_data_files():
    """A new case folder under data/ (or a file in a subfolder of one) fails here until pyproject.toml ships it."""
    shipped = _data_files()
    missing = []
    for rel in _bundle_files():
        target = f"{SHARE}/{pathlib.PurePosixPath(rel).parent}"
        if not any(fnmatch.fnmatchcase(rel, pattern) for pattern in shipped.get(target, [])):
            missing.append(rel)
    assert not missing, (
        f"not shipped in the wheel: {missing}; add to [tool.setuptools.data-files] in pyproject.toml, e.g. "
        f'"{SHARE}/{pathlib.PurePosixPath(missing[0]).parent}" = ["{pathlib.PurePosixPath(missing[0]).parent}/*"]'
    )
    assert any(p.startswith("data/") and p.count("/") >= 2 for p in _bundle_files()), "no case folder found"


def _run(cmd, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(list(map(str, cmd)), capture_output=True, text=True, timeout=TIMEOUT, **kw)


def _ok(proc: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert proc.returncode == 0, f"{proc.args} exited {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


def _uv() -> str | None:
    here = pathlib.Path(sys.executable).parent / "uv"
    return str(here) if here.exists() else shutil.which("uv")


def _clean_env(bin_dir: pathlib.Path | None = None) -> dict[str, str]:
    """The environment of a user's shell: no PYTHONPATH or VIRTUAL_ENV leaking the repository in; headless pictures;
    byte-code written on first import as Python does by default (this machine sets PYTHONDONTWRITEBYTECODE=1)."""
    leave_out = {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "PYTHONDONTWRITEBYTECODE"}
    env = {k: v for k, v in os.environ.items() if k not in leave_out}
    if bin_dir is not None:
        env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["MPLBACKEND"] = "Agg"
    return env


def _with_uv_offline_first(uv: str, args: list) -> None:
    """``uv ARGS --offline`` (the local cache), and online only if the cache lacks something."""
    if _run([uv, *args, "--offline"]).returncode != 0:
        _ok(_run([uv, *args]))


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> pathlib.Path:
    """The ``bin/`` folder of a fresh virtual environment (in the system's temporary folder, outside the repository)
    holding the wheel of these sources and its dependencies, nothing else. uv installs without compiling byte-code (its
    default): the dependencies' modules are compiled when the commands below first import them (13 s less here than
    compiling every file of pandas, scipy, pyarrow... at install); kit's own modules are all compiled here, so a module
    of the wheel that does not compile fails the install."""
    base = tmp_path_factory.mktemp("wheel")
    assert not base.resolve().is_relative_to(ROOT)
    src, dist, venv = base / "src", base / "dist", base / "venv"
    src.mkdir()
    for name in SOURCES:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(
            ROOT / name,
            src / name,
            **({"ignore": shutil.ignore_patterns("__pycache__")} if (ROOT / name).is_dir() else {}),
        )
    uv = _uv()
    env = _clean_env()
    if uv:
        _with_uv_offline_first(uv, ["build", "--wheel", "--quiet", "--out-dir", dist, src])
        (wheel,) = dist.glob("*.whl")
        _ok(_run([uv, "venv", "--quiet", "--python", sys.executable, venv], env=env))
        _with_uv_offline_first(uv, ["pip", "install", "--quiet", "--python", venv / "bin" / "python", wheel])
        code = "import kit, sys; sys.stdout.write(kit.__path__[0])"
        package = _ok(_run([venv / "bin" / "python", "-c", code], cwd=base, env=env)).stdout
        _ok(_run([venv / "bin" / "python", "-m", "compileall", "-q", package], env=env))
    else:
        _ok(_run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", dist, src], env=env))
        (wheel,) = dist.glob("*.whl")
        _ok(_run([sys.executable, "-m", "venv", venv], env=env))
        _ok(_run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--compile", wheel], env=env))
    return venv / "bin"


@pytest.fixture(scope="module")
def user_dir(installed, tmp_path_factory) -> pathlib.Path:
    """A folder outside the repository into which ``kit notebooks`` copied the notebooks and the example cases."""
    work = tmp_path_factory.mktemp("user")
    proc = _ok(_run([installed / "kit", "notebooks", "mine"], cwd=work, env=_clean_env(installed)))
    assert "open them with: jupyter lab mine/notebooks" in proc.stdout
    return work


def test_the_installed_kit_is_the_wheel_not_the_repository(installed, user_dir):
    proc = _ok(
        _run([installed / "python", "-c", "import kit; print(kit.__file__)"], cwd=user_dir, env=_clean_env(installed))
    )
    where = pathlib.Path(proc.stdout.strip()).resolve()
    assert where.is_relative_to(installed.parent.resolve()) and not where.is_relative_to(ROOT), where


def test_the_wheel_ships_every_notebook_and_case_file(installed, user_dir):
    share = installed.parent / SHARE
    got = sorted(p.relative_to(share).as_posix() for p in share.rglob("*") if p.is_file())
    assert got == sorted(_bundle_files())
    copied = sorted(p.relative_to(user_dir / "mine").as_posix() for p in (user_dir / "mine").rglob("*") if p.is_file())
    assert copied == got  # kit notebooks copied all of it out
    # a second copy into the same folder overwrites nothing and says so
    proc = _run([installed / "kit", "notebooks", "mine"], cwd=user_dir, env=_clean_env(installed))
    assert proc.returncode == 2 and "already there" in proc.stderr


CASE = "mine/data/deir-ez-zor"
COMMANDS = {
    "check": ["check", CASE],
    "trace": ["trace", CASE, "daily-beast-200-russian-fighters"],
    "publish": ["publish", CASE, "out/site"],
    "export": ["export", CASE, "out/export", "--sqlite", "--prov", "--gexf-dynamic"],
    "audit": ["audit", CASE],
    "draft-html": ["draft", DRAFT_ARTICLES / "december-report.html", "out/draft-html"],
    "draft-txt": [
        "draft",
        DRAFT_ARTICLES / "bloomberg.txt",
        "out/draft-txt",
        "--publisher",
        "Tsarizm",
        "--published",
        "2018-02-13",
    ],
    "worksheet": ["worksheet", CASE, "out/worksheet"],
    "check-template": ["check", "mine/data/template"],
    "check-khasham": ["check", "mine/data/khasham"],
}
# a file each command must have written (relative to the user's folder)
WRITES = {
    "publish": ["out/site/index.html"],
    "export": [
        "out/export/case.db",
        "out/export/case.prov.json",
        "out/export/citation_graph_timeline.gexf",
    ],
    "draft-html": ["out/draft-html/claims.csv"],
    "draft-txt": ["out/draft-txt/claims.csv"],
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_runs_from_the_installed_wheel(installed, user_dir, name):
    proc = _ok(_run([installed / "kit", *COMMANDS[name]], cwd=user_dir, env=_clean_env(installed)))
    assert "Traceback" not in proc.stderr, proc.stderr
    for rel in WRITES.get(name, []):
        assert (user_dir / rel).is_file() and (user_dir / rel).stat().st_size > 0, (rel, os.listdir(user_dir / "out"))
    if name == "trace":
        assert "daily-beast-200-russian-fighters" in proc.stdout
    if name == "worksheet":
        assert len(list((user_dir / "out" / "worksheet").iterdir())) == 2
