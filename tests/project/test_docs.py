"""The documentation keeps up with the code (in the manner of sqlite-utils' documentation tests).

- every public name in `kit.__all__` is mentioned in README.md or under docs/, in backticks:
  `load_case`, `kit.load_case`, or a signature such as `load_case(path)`;
- every notebook notebooks/*.ipynb is mentioned by its file name in README.md.

Nothing is skipped: a kit without `__all__`, or a missing README.md, is a failure.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
NOTEBOOKS = ROOT / "notebooks"
DOC_SUFFIXES = {".md", ".markdown", ".rst", ".txt"}


def documentation_text() -> str:
    assert README.is_file(), f"{README} is missing"
    parts = [README.read_text(encoding="utf-8")]
    if DOCS.is_dir():
        parts += [p.read_text(encoding="utf-8") for p in sorted(DOCS.rglob("*")) if p.suffix in DOC_SUFFIXES]
    return "\n".join(parts)


def is_mentioned(name: str, text: str) -> bool:
    """`name`, `kit.name` or `name(...)` inside backticks."""
    return re.search(rf"`(?:kit\.)?{re.escape(name)}(?:`|\()", text) is not None


def test_public_names_are_documented():
    kit = importlib.import_module("kit")
    names = getattr(kit, "__all__", None)
    assert names is not None, (
        "kit/__init__.py defines no __all__, so the public API cannot be checked against the docs: "
        "list the public names in kit.__all__"
    )
    assert len(names) > 0, "kit.__all__ is empty: list the public names"
    text = documentation_text()
    missing = [n for n in names if not is_mentioned(n, text)]
    assert not missing, (
        f"public names in kit.__all__ not mentioned (as `name` or `kit.name`) in README.md or docs/: {missing}"
    )


def test_notebooks_are_listed_in_readme():
    assert README.is_file(), f"{README} is missing"
    readme = README.read_text(encoding="utf-8")
    notebooks = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
    missing = [nb for nb in notebooks if nb not in readme]
    assert not missing, f"notebooks not mentioned by file name in README.md: {missing}"


def test_mention_rules():
    assert is_mentioned("load_case", "Use `load_case` to read a folder.")
    assert is_mentioned("load_case", "Use `kit.load_case` to read a folder.")
    assert is_mentioned("load_case", "- `load_case(path) -> Case`")
    assert not is_mentioned("load_case", "Use load_case to read a folder.")
    assert not is_mentioned("Case", "`CaseError` is raised")
    assert not is_mentioned("origins", "`kit.origins_of` is private")


def _resolves(ref: str) -> bool:
    """``kit.a.b.c`` is a module, or an attribute of the longest module prefix."""
    parts = ref.split(".")
    for n in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:n]))
        except ImportError:
            continue
        try:
            for name in parts[n:]:
                obj = getattr(obj, name)
        except AttributeError:
            return False
        return True
    return False


def test_every_dotted_kit_name_in_the_docs_resolves():
    """A path the docs name (``kit.formats.prov.import_prov``, ``kit.analysis.origins``) imports: the layout moved once
    (issue 18) and docs/audit.md named a path that no longer did."""
    files = [README, ROOT / "CONTRIBUTING.md", ROOT / "data" / "README.md", *sorted(DOCS.glob("*.md"))]
    refs = {
        (f.relative_to(ROOT).as_posix(), m.group(0).rstrip("."))
        for f in files
        for m in re.finditer(r"\bkit(?:\.[A-Za-z_]\w*)+", f.read_text(encoding="utf-8"))
    }
    assert len(refs) > 50  # the check sees the docs' names
    assert not _resolves("kit.no_such_module") and _resolves("kit.analysis.origins.origins")
    assert sorted(r for r in refs if not _resolves(r[1])) == []


def test_every_file_path_the_docs_name_exists():
    """``kit/graph/citation.py``, ``tests/draft/test_corpus.py``: a file the docs send a reader to is there (the layout
    moved once; BENCHMARKS.md keeps the paths of its past runs and is not read here)."""
    files = [README, ROOT / "CONTRIBUTING.md", ROOT / "data" / "README.md", *sorted(DOCS.glob("*.md"))]
    named = {
        (f.relative_to(ROOT).as_posix(), m.group(0))
        for f in files
        for m in re.finditer(
            r"\b(?:kit|tests|benchmarks|scripts|notebooks)/[\w/.-]+\.(?:py|js|css|ipynb|json)\b",
            f.read_text(encoding="utf-8"),
        )
    }
    assert len(named) > 20
    examples = {"notebooks/06_x.ipynb"}  # CONTRIBUTING's example of a new notebook's name
    assert sorted((f, p) for f, p in named if not (ROOT / p).exists() and p not in examples) == []
