"""The layout of kit/: no import cycle, no private name imported across modules, no module over ~400 lines.

The module import graph is read from the source with :mod:`ast` (every ``import`` statement, at the top of a module
or inside a function: a lazy import is still a dependency), so nothing is imported to check it.
"""

import ast
import pathlib
import tomllib

import networkx as nx
import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
KIT = ROOT / "kit"
MAX_LINES = 400
# The modules of the publishing half (issue 9); they are held to the rules now, the rest once it has moved.
PUBLISHING = ("kit.publish", "kit.html", "kit.claimreview", "kit.export", "kit.wording", "kit.redact")


def _module_name(path: pathlib.Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(KIT.rglob("*.py"))}


def _package(module: str) -> str:
    return module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]


def _imports(module: str):
    """``(line, target module, imported name or None)`` for every import in ``module`` of a kit module."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"), filename=str(MODULES[module]))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in MODULES:
                    yield node.lineno, alias.name, None
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package(module)
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module or ""
            if base not in MODULES:
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                if sub in MODULES:
                    yield node.lineno, sub, None
                else:
                    yield node.lineno, base, alias.name


def _graph() -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from(MODULES)
    for module in MODULES:
        for _, target, _ in _imports(module):
            if target != module:
                g.add_edge(module, target)
    return g


def _ours(module: str) -> bool:
    return any(module == m or module.startswith(m + ".") for m in PUBLISHING)


def _cycles():
    g = _graph()
    return sorted(sorted(c) for c in nx.strongly_connected_components(g) if len(c) > 1)


def _private_imports():
    out = []
    for module in MODULES:
        for line, target, name in _imports(module):
            if name and name.startswith("_") and not (name.startswith("__") and name.endswith("__")):
                out.append(f"{MODULES[module].relative_to(ROOT)}:{line}: imports {name} from {target}")
    return out


def _too_long():
    return [
        f"{MODULES[m].relative_to(ROOT)}: {n} lines"
        for m in MODULES
        if (n := len(MODULES[m].read_text(encoding="utf-8").splitlines())) > MAX_LINES * 1.1
    ]


def test_the_checker_sees_imports():
    # the checker itself: it must find what is known to be there, or its silence would mean nothing
    edges = set(_graph().edges)
    assert ("kit.export", "kit.claimreview") in edges  # top-level `from .claimreview import ...`
    assert ("kit.publish.page", "kit.story") in edges  # lazy `from ..story import ...` in a function
    assert ("kit.publish", "kit.publish.page") in edges  # a package re-exporting its module
    assert ("kit.publish.page", "kit") in edges  # `from .. import __version__`


def test_publishing_modules_follow_the_layout():
    cycles = [c for c in _cycles() if any(_ours(m) for m in c)]
    assert cycles == [], f"import cycles through the publishing modules: {cycles}"
    assert not {"kit.publish", "kit.publish.page"} & nx.descendants(_graph(), "kit.export")
    assert "kit.export" not in nx.descendants(_graph(), "kit.publish")
    private = [p for p in _private_imports() if _ours(_module_name(ROOT / p.split(":")[0]))]
    assert private == [], "\n".join(private)
    long = [t for t in _too_long() if _ours(_module_name(ROOT / t.split(":")[0]))]
    assert long == [], "\n".join(long)


def test_every_module_follows_the_layout():
    problems = [f"import cycle: {' -> '.join(c)}" for c in _cycles()] + _private_imports() + _too_long()
    assert problems == [], "\n" + "\n".join(problems)


def test_static_files_are_package_data():
    """An installed wheel carries the page's CSS and JS: every file of kit/publish/static matches package-data."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert setuptools["packages"] == {"find": {"include": ["kit*"]}}
    globs = setuptools["package-data"]["kit.publish"]
    static = sorted(p for p in (KIT / "publish" / "static").iterdir() if p.is_file())
    assert [p.name for p in static] == ["page.css", "page.js"]
    for p in static:
        rel = p.relative_to(KIT / "publish")
        assert any(rel.match(g) for g in globs), (rel, globs)


@pytest.mark.parametrize(
    "module", ["kit.html", "kit.claimreview", "kit.export", "kit.publish", "kit.publish.page", "kit.publish.notebook"]
)
def test_publishing_modules_import_alone_and_light(module):
    """Each imports first in a fresh interpreter, without matplotlib, nbconvert or the other half of publishing."""
    import subprocess
    import sys

    heavy = ("matplotlib", "nbformat", "nbconvert", "ipywidgets", "kit.show", "kit.export", "kit.publish")
    others = [m for m in heavy if not (m == module or module.startswith(m + ".") or m.startswith(module + "."))]
    code = f"import sys, {module}; print(sorted(m for m in {others!r} if m in sys.modules))"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]", (module, r.stdout)


def test_contributing_describes_every_module_of_the_layout():
    """CONTRIBUTING.md's Layout section names every top-level module (``kit.x``) and package (``kit/x/``) of kit/."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    layout = text[text.index("## Layout") :]
    layout = layout[: layout.index("\n## ", 1)]
    missing = []
    for p in sorted(KIT.iterdir()):
        if p.name.startswith(("_", ".")) and p.name != "_engine.py":
            continue
        if p.is_dir() and (p / "__init__.py").exists():
            if f"`kit/{p.name}/`" not in layout:
                missing.append(f"kit/{p.name}/")
        elif p.suffix == ".py" and f"`kit.{p.stem}`" not in layout:
            missing.append(f"kit.{p.stem}")
    assert missing == [], f"CONTRIBUTING.md's Layout does not mention: {missing}"
