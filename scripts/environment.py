"""Write environment.yml (conda) from pyproject.toml, so the two cannot disagree.

environment.yml lists kit's core dependencies and the extras that `make` installs (the Makefile's
``EXTRAS :=`` line), with the same minimum versions: conda-forge packages where conda-forge has them,
the rest under ``pip:``, and kit itself installed editable. tests/project/test_environment.py checks that the
committed file is exactly what this script writes.

Usage::

    make environment.yml                     # write it again after editing pyproject.toml
    python scripts/environment.py            # print it
    python scripts/environment.py --check    # exit 1, with a diff, when environment.yml is out of date
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
import tempfile
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

__all__ = ["CONDA_NAMES", "PIP_ONLY", "conda_spec", "makefile_extras", "render", "main"]

ROOT = Path(__file__).resolve().parent.parent

# PyPI name -> conda-forge name, where the two differ.
CONDA_NAMES = {
    "matplotlib": "matplotlib-base",  # matplotlib without the Qt GUI stack
}

# Installed with pip inside the conda environment, and why.
PIP_ONLY = {
    "playwright": "the browser tests drive Debian's chromium; conda-forge's playwright pulls its own browser builds",
}

# Version operators conda's match specs read the way pip does.
CONDA_OPERATORS = {">=", "<=", ">", "<", "==", "!="}


def normalise(name: str) -> str:
    """PEP 503 name: lower case, runs of ``-``, ``_``, ``.`` become one ``-``.

    >>> normalise("Jupyter_Server.Extra")
    'jupyter-server-extra'
    """
    return re.sub(r"[-_.]+", "-", name).lower()


def makefile_extras(makefile_text: str) -> list[str]:
    """The extras named on the Makefile's ``EXTRAS := a,b,c`` line.

    >>> makefile_extras("X := 1\\nEXTRAS := notebooks,test\\n")
    ['notebooks', 'test']
    """
    m = re.search(r"^EXTRAS\s*:?=\s*(\S+)\s*$", makefile_text, re.MULTILINE)
    if not m:
        raise ValueError("Makefile: no `EXTRAS := ...` line naming the extras make installs")
    return m.group(1).split(",")


def conda_spec(spec: str) -> tuple[str, str]:
    """A pip requirement as (normalised PyPI name, conda match spec); extras are dropped, since a
    conda-forge package is the whole package.

    >>> conda_spec("dask[dataframe,distributed]>=2024.1")
    ('dask', 'dask>=2024.1')
    >>> conda_spec("Matplotlib>=3.8")
    ('matplotlib', 'matplotlib-base>=3.8')
    """
    req = Requirement(spec)
    if req.marker is not None or req.url:
        raise ValueError(f"{spec!r}: environment markers and urls have no conda form; write it without")
    for s in req.specifier:
        if s.operator not in CONDA_OPERATORS or "*" in s.version:
            raise ValueError(f"{spec!r}: conda has no {s.operator}{s.version}; use >= (and <) instead")
    key = normalise(req.name)
    name = CONDA_NAMES.get(key, req.name)
    return key, name + ",".join(sorted(str(s) for s in req.specifier))


def _pip_spec(spec: str) -> str:
    req = Requirement(spec)
    return req.name + ",".join(sorted(str(s) for s in req.specifier))


def render(pyproject_text: str, makefile_text: str) -> str:
    """The text of environment.yml for this pyproject.toml and Makefile.

    Every dependency appears once, in the first section that lists it (core, then the extras in the
    Makefile's order); a package listed again with other versions is an error, not a guess.
    """
    project = tomllib.loads(pyproject_text)["project"]
    extras = makefile_extras(makefile_text)
    optional = project.get("optional-dependencies", {})
    missing = [e for e in extras if e not in optional]
    if missing:
        raise ValueError(
            f"pyproject.toml: the Makefile installs extras {missing} that [project.optional-dependencies] "
            "does not define"
        )
    python = re.fullmatch(r">=\s*(\d+\.\d+)", project.get("requires-python", "").strip())
    if not python:
        raise ValueError("pyproject.toml: requires-python must read '>=X.Y'")
    self_name = normalise(project["name"])

    seen: dict[str, str] = {}
    sections: list[tuple[str, list[str]]] = []
    pip: list[str] = []
    for section, specs in [("core", project.get("dependencies", []))] + [(f"{e} extra", optional[e]) for e in extras]:
        lines: list[str] = []
        for spec in specs:
            key, conda = conda_spec(spec)
            if key == self_name:
                continue  # whose-word[...] inside an extra: kit itself, installed below
            if key in seen:
                if seen[key] != conda:
                    raise ValueError(
                        f"pyproject.toml: {key} is listed as {seen[key]!r} and as {conda!r}; "
                        "give both the same versions"
                    )
                continue
            seen[key] = conda
            if key in PIP_ONLY:
                pip += [f"      # {PIP_ONLY[key]}", f"      - {_pip_spec(spec)}"]
            else:
                lines.append(f"  - {conda}")
        if lines:
            sections.append((section, lines))

    out = [
        "# Conda environment for kit: the dependencies of pyproject.toml (core and the extras make installs:",
        f"# {', '.join(extras)}), with the same minimum versions.",
        "# Generated by scripts/environment.py (make environment.yml): edit pyproject.toml, not this file.",
        "#   conda env create -f environment.yml && conda activate kit",
        "name: kit",
        "channels:",
        "  - conda-forge",
        "dependencies:",
        f"  - python={python.group(1)}",
    ]
    for section, lines in sections:
        out.append(f"  # {section}")
        out += lines
    out += ["  - pip", "  - pip:", *pip, "      # kit itself, editable", "      - -e ."]
    return "\n".join(out) + "\n"


def _write_atomically(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def main(argv: list[str] | None = None) -> int:
    """Print, write (``--write``) or check (``--check``) environment.yml; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write", action="store_true", help="write environment.yml (atomically)")
    group.add_argument("--check", action="store_true", help="exit 1 when environment.yml is out of date")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this repository)")
    args = parser.parse_args(argv)
    try:
        text = render(
            (args.root / "pyproject.toml").read_text(encoding="utf-8"),
            (args.root / "Makefile").read_text(encoding="utf-8"),
        )
    except (OSError, ValueError) as e:
        print(f"scripts/environment.py: {e}", file=sys.stderr)
        return 1
    target = args.root / "environment.yml"
    if args.write:
        _write_atomically(target, text)
    elif args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            sys.stdout.writelines(
                difflib.unified_diff(
                    current.splitlines(True),
                    text.splitlines(True),
                    "environment.yml (committed)",
                    "environment.yml (generated)",
                )
            )
            print("environment.yml is out of date: run `make environment.yml`", file=sys.stderr)
            return 1
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
