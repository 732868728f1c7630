"""The layout of kit/: layers that import only downwards, no import cycle, no private name imported across modules, no
module over ~400 lines, no attribute hiding a module, no file name used twice.

The module import graph is read from the source with :mod:`ast` (every ``import`` statement, at the top of a module
or inside a function: a lazy import is still a dependency), so nothing is imported to check it.
"""

import ast
import functools
import pathlib
import re
import tomllib

import networkx as nx
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
KIT = ROOT / "kit"
MAX_LINES = 400
# The modules of the publishing half (issue 9); they are held to the rules now, the rest once it has moved.
PUBLISHING = (
    "kit.publish",
    "kit.text.html",
    "kit.formats.claimreview",
    "kit.formats.export",
    "kit.text.wording",
    "kit.text.redact",
)


def _module_name(path: pathlib.Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(KIT.rglob("*.py"))}


def _package(module: str) -> str:
    return module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]


@functools.cache
def _imports(module: str) -> tuple:
    """``(line, target module, imported name or None)`` for every import in ``module`` of a kit module; each module is
    parsed once per test run (the checks below ask for the same modules again and again)."""
    return tuple(_read_imports(module))


def _read_imports(module: str):
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"), filename=str(MODULES[module]))
    # an import under ``if TYPE_CHECKING:`` names a type for the checker (``case: Case``) and never runs: no dependency
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")
        for stmt in node.body
        for inner in ast.walk(stmt)
    }
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
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
    assert ("kit.formats.export", "kit.formats.claimreview") in edges  # top-level `from .claimreview import ...`
    assert ("kit.publish.page", "kit.text.story") in edges  # lazy `from ..story import ...` in a function
    assert ("kit.publish", "kit.publish.page") in edges  # a package re-exporting its module
    assert ("kit.publish.page", "kit") in edges  # `from .. import __version__`


def test_publishing_modules_follow_the_layout():
    cycles = [c for c in _cycles() if any(_ours(m) for m in c)]
    assert cycles == [], f"import cycles through the publishing modules: {cycles}"
    assert not {"kit.publish", "kit.publish.page"} & nx.descendants(_graph(), "kit.formats.export")
    assert "kit.formats.export" not in nx.descendants(_graph(), "kit.publish")
    private = [p for p in _private_imports() if _ours(_module_name(ROOT / p.split(":")[0]))]
    assert private == [], "\n".join(private)
    long = [t for t in _too_long() if _ours(_module_name(ROOT / t.split(":")[0]))]
    assert long == [], "\n".join(long)


def test_every_module_follows_the_layout():
    problems = [f"import cycle: {' -> '.join(c)}" for c in _cycles()] + _private_imports() + _too_long()
    assert problems == [], "\n" + "\n".join(problems)


# The layers, bottom first (CONTRIBUTING.md's Layout): a module may import its own layer and the layers before it.
LAYERS = [
    ("model", ("kit.errors", "kit.schema", "kit.cells", "kit.lazy", "kit.progressbar")),
    ("store", ("kit.store",)),
    ("reading", ("kit.reading",)),
    ("checking", ("kit.checking",)),
    ("case", ("kit.case",)),
    ("graph", ("kit.graph",)),
    ("analysis", ("kit.analysis",)),
    ("auditing and drafting", ("kit.auditing", "kit.draft")),
    ("text", ("kit.text",)),
    ("views", ("kit.show", "kit.graphview", "kit.widgets")),
    ("formats", ("kit.formats",)),
    ("publish", ("kit.publish",)),
    ("testing", ("kit.testing",)),
    ("cli", ("kit.cli", "kit.__main__")),
]
# What the issue names outright: these layers never import text, views, formats, publish or cli.
LOWER = ("kit.reading", "kit.checking", "kit.graph", "kit.analysis")
UPPER = ("kit.text", "kit.show", "kit.graphview", "kit.widgets", "kit.formats", "kit.publish", "kit.cli")


def _layer(module: str) -> int:
    for i, (_, prefixes) in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return i
    raise AssertionError(f"{module} is in no layer: add its package to LAYERS and to CONTRIBUTING.md")


def test_every_module_is_in_a_layer():
    assert [m for m in MODULES if m != "kit" and not any(_layer(m) >= 0 for _ in [0])] == []


def test_layers_import_only_downwards():
    up = []
    for module in MODULES:
        if module == "kit":
            continue  # the public namespace may name every layer
        for line, target, _ in _imports(module):
            if target != "kit" and _layer(target) > _layer(module):
                up.append(
                    f"{MODULES[module].relative_to(ROOT)}:{line}: the {LAYERS[_layer(module)][0]} layer imports "
                    f"{target} ({LAYERS[_layer(target)][0]})"
                )
    assert up == [], "\n" + "\n".join(up)

    def within(module, prefixes):
        return any(module == p or module.startswith(p + ".") for p in prefixes)

    lower = [(m, t) for m in MODULES if within(m, LOWER) for _, t, _ in _imports(m) if within(t, UPPER)]
    assert lower == []


def test_the_layer_check_sees_an_upward_import():
    # its silence must mean something: the graph layer's position is below analysis, and text above both
    assert _layer("kit.graph.citation") < _layer("kit.analysis.origins") < _layer("kit.text.wording")
    assert ("kit.analysis.findings", "kit.graph.citation") in set(_graph().edges)


def test_no_attribute_hides_a_module():
    """``kit.x`` is either a module or something else, never a name in front of a module of the same path."""
    import importlib

    hidden = []
    for module in MODULES:
        parent, _, leaf = module.rpartition(".")
        if not parent or leaf == "__main__":
            continue
        value = getattr(importlib.import_module(parent), leaf, None)
        mod = importlib.import_module(module)
        if value is not None and value is not mod:
            hidden.append(f"{parent}.{leaf} is {type(value).__name__}, not the module {module}")
    assert hidden == [], hidden


def test_no_file_name_twice():
    """One name, one file: outside kit/cli/ (one module per command, named for it) no two modules share a name."""
    seen: dict = {}
    for p in KIT.rglob("*.py"):
        if p.name in ("__init__.py", "__main__.py") or p.parent.name == "cli":
            continue
        seen.setdefault(p.name, []).append(str(p.relative_to(ROOT)))
    assert {k: v for k, v in seen.items() if len(v) > 1} == {}


def test_former_short_names_still_import():
    """What users wrote before the layers (``kit.synth.make_case``, ``kit.scale``, ``kit.prov.import_prov``) works."""
    import subprocess
    import sys

    code = (
        "import kit.synth, kit.scale; from kit.prov import import_prov; import kit\n"
        "assert kit.synth.make_case is kit.testing.synth.make_case\n"
        "assert kit.scale.provenance_dask is kit.analysis.scale.provenance_dask\n"
        "assert import_prov is kit.formats.prov.import_prov is kit.import_prov\n"
        "assert kit.synth.__spec__.name == 'kit.testing.synth'\n"
        "assert callable(kit.audit) and callable(kit.provenance)\n"
        "print('ok')"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.stdout.strip() == "ok", r.stderr


def test_static_files_are_package_data():
    """An installed wheel carries the page's CSS and JS: every file of kit/publish/static matches package-data."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert setuptools["packages"] == {"find": {"include": ["kit*"]}}
    globs = setuptools["package-data"]["kit.publish"]
    static = sorted(p for p in (KIT / "publish" / "static").iterdir() if p.is_file())
    assert [p.name for p in static] == ["notebook.css", "page.css", "page.js"]
    for p in static:
        rel = p.relative_to(KIT / "publish")
        assert any(rel.match(g) for g in globs), (rel, globs)


@pytest.mark.parametrize(
    "module",
    [
        "kit.text.html",
        "kit.formats.claimreview",
        "kit.formats.export",
        "kit.publish",
        "kit.publish.notebook",
    ],
)
def test_publishing_modules_import_alone_and_light(module):
    """Each imports first in a fresh interpreter, without matplotlib, nbconvert or the other half of publishing."""
    import subprocess
    import sys

    heavy = ("matplotlib", "nbformat", "nbconvert", "ipywidgets", "kit.show", "kit.formats.export", "kit.publish")
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
        if p.name.startswith(("_", ".")):
            continue
        if p.is_dir() and (p / "__init__.py").exists():
            if f"kit/{p.name}/" not in layout:
                missing.append(f"kit/{p.name}/")
        elif p.suffix == ".py" and f"kit.{p.stem} " not in layout:
            missing.append(f"kit.{p.stem}")
    assert missing == [], f"CONTRIBUTING.md's Layout does not mention: {missing}"


# The tests mirror the layers: tests/<folder>/ holds the tests of one layer of kit/ (CONTRIBUTING.md's Layout).
TEST_FOLDERS = {
    "kit.store": "store",
    "kit.reading": "reading",
    "kit.checking": "checking",
    "kit.graph": "graph",
    "kit.analysis": "analysis",
    "kit.auditing": "auditing",
    "kit.draft": "draft",
    "kit.text": "text",
    "kit.show": "views",
    "kit.graphview": "views",
    "kit.widgets": "views",
    "kit.formats": "formats",
    "kit.publish": "publish",
    "kit.testing": "testing",
    "kit.cli": "cli",
}
# Modules with no test file of their own yet (issue 18). The list only shrinks: a module that gets its tests must
# leave it, and a new module must come with its tests.
WITHOUT_TESTS: frozenset = frozenset()  # every module has a test file of its own now


def _test_folder(module: str) -> pathlib.Path:
    package = ".".join(module.split(".")[:2])
    return ROOT / "tests" / ("model" if MODULES[package].parent == KIT else TEST_FOLDERS[package])


def _own_test_names(module: str) -> list[str]:
    """The names a module's own test file may have: ``test_<module>.py`` (``test_cli_<command>.py`` for kit.cli's,
    ``test_<package>.py`` for a package's ``__init__`` or a module of a sub-package such as kit.formats.prov)."""
    parts = module.split(".")
    if MODULES[module].name == "__init__.py":
        return ["test_cli.py" if module == "kit.cli" else f"test_{parts[-1]}.py"]
    if parts[1] == "cli":
        return [f"test_cli_{parts[-1]}.py"]
    return [f"test_{parts[-1]}.py"] + ([f"test_{parts[-2]}.py"] if len(parts) > 3 else [])


def _imported_by_tests(folder: pathlib.Path) -> set[str]:
    out: set[str] = set()
    for f in folder.glob("test_*.py"):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                out |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                out |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
    return out


def _modules_without_tests() -> set[str]:
    """Modules of kit/ (a package counts when its ``__init__`` defines functions) whose layer's test folder has no file
    named for them and no test importing them by their own path (``from kit.checking.dates import ...``)."""
    missing = set()
    for module, path in MODULES.items():
        if module == "kit" or path.name == "__main__.py":
            continue
        if path.name == "__init__.py" and not re.search(r"^def ", path.read_text(encoding="utf-8"), re.M):
            continue
        folder = _test_folder(module)
        if any((folder / name).exists() for name in _own_test_names(module)):
            continue
        if module not in _imported_by_tests(folder):
            missing.add(module)
    return missing


def test_tests_mirror_the_layers():
    """Every test file is in the folder of a layer (or tests/project/ for what spans the repository), and every test
    file's name is used once (pytest imports them by their base name)."""
    tests = ROOT / "tests"
    folders = set(TEST_FOLDERS.values()) | {"model", "project"}
    files = [p for p in tests.rglob("test_*.py") if not {"cases", "bad_cases", "artifacts"} & set(p.parts)]
    assert sorted(p.relative_to(tests).as_posix() for p in files if p.parent.name not in folders) == []
    names = [p.name for p in files]
    assert sorted({n for n in names if names.count(n) > 1}) == []
    assert not list(tests.rglob("__init__.py"))


def test_every_module_has_a_test_file_of_its_own():
    missing = _modules_without_tests()
    new = sorted(missing - WITHOUT_TESTS)
    assert new == [], "no test file of their own: " + ", ".join(
        f"{m} (tests/{_test_folder(m).name}/{_own_test_names(m)[0]})" for m in new
    )
    assert sorted(WITHOUT_TESTS - missing) == [], "these have their tests now: take them out of WITHOUT_TESTS"


def test_import_kit_stays_headless_and_light():
    """``import kit`` (and the audit it exposes) loads none of matplotlib, ipywidgets, anywidget or scipy: they are
    imported where first used (the developers' guide's rule)."""
    import subprocess
    import sys

    code = (
        "import sys, kit, kit.auditing, kit.draft; "
        "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'anywidget', 'scipy') if m in sys.modules))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"
