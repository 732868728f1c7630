"""kit: find out on whose word a news claim stands.

Load a case (``load_case``), then ask which origins a claim rests on (``origins``), how many of them are
independent (``independence``, ``provenance``), what falls when sources are discredited (``without``), where reporting
went in a circle (``circular``), where a figure was inflated, narrowed or hardened (``drift``), how a figure moved over
time (``timeline``) and which dependence nobody declared (``audit``).

The package is laid out as the pipeline, one layer a folder, each importing only those before it: the case model
(``kit.errors``, ``kit.schema``, ``kit.cells``, ``kit.lazy``), ``kit.store``, ``kit.reading``, ``kit.checking``,
``kit.case``, ``kit.graph``, ``kit.analysis``, ``kit.auditing`` and ``kit.draft``, ``kit.text``, the views
(``kit.show``, ``kit.graphview``, ``kit.widgets``), ``kit.formats``, ``kit.publish``, ``kit.testing`` and ``kit.cli``.
Views and publishing are imported only when used, so ``import kit`` stays light and headless.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
from types import ModuleType

from kit.analysis.findings import circular, drift, timeline
from kit.analysis.origins import independence, origins, provenance, without
from kit.auditing import audit, with_suspected
from kit.case import Case, check_case, load_case, save_case
from kit.errors import CaseError, Problem, UnknownName
from kit.graph.citation import citation_graph, outlet_graph

__version__ = "0.1.0"

__all__ = [
    "Case",
    "CaseError",
    "Problem",
    "UnknownName",
    "load_case",
    "check_case",
    "save_case",
    "citation_graph",
    "outlet_graph",
    "origins",
    "independence",
    "provenance",
    "without",
    "circular",
    "drift",
    "timeline",
    "audit",
    "with_suspected",
    "import_prov",
]

# The layers' packages, loaded on first use (``kit.show`` needs matplotlib, ``kit.widgets`` ipywidgets).
_LAYERS = ("show", "widgets", "graphview", "publish", "formats", "text", "store", "draft", "testing", "cli")

# Short names users have written since version 1 (README, notebooks, docs): each is the module's own path now,
# e.g. ``kit.synth`` is ``kit.testing.synth``. ``import kit.synth`` and ``kit.synth.make_case`` keep working; kit's
# own code uses the full paths.
FORMER_NAMES = {
    "synth": "kit.testing.synth",
    "examples": "kit.testing.examples",
    "scale": "kit.analysis.scale",
    "prov": "kit.formats.prov",
    "export": "kit.formats.export",
    "sqlite": "kit.formats.sqlite",
    "gexf": "kit.formats.gexf",
    "story": "kit.text.story",
    "style": "kit.text.style",
    "tables": "kit.text.tables",
    "redact": "kit.text.redact",
    "trace": "kit.analysis.trace",
    "outlets": "kit.analysis.outlets",
}


class _FormerName(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """``import kit.synth`` gives the module ``kit.testing.synth`` itself (no copy, no second import)."""

    def find_spec(self, fullname, path=None, target=None):
        head, _, tail = fullname.partition(".")
        if head == "kit" and tail in FORMER_NAMES:
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec):
        module = importlib.import_module(FORMER_NAMES[spec.name.partition(".")[2]])
        spec.loader_state = module.__spec__  # the module's own spec, kept on this import's spec (no shared state)
        return module

    def exec_module(self, module: ModuleType) -> None:
        # the import system stamped the short name's spec on the module: give it back its own
        alias = module.__spec__
        if alias is not None and alias.loader_state is not None:
            module.__spec__ = alias.loader_state


if not any(isinstance(f, _FormerName) for f in sys.meta_path):
    sys.meta_path.append(_FormerName())


def __getattr__(name: str) -> object:
    if name == "import_prov":
        from kit.formats.prov import import_prov

        return import_prov
    if name in _LAYERS:
        return importlib.import_module(f"kit.{name}")
    if name in FORMER_NAMES:
        return importlib.import_module(FORMER_NAMES[name])
    raise AttributeError(f"module 'kit' has no attribute {name!r}")
