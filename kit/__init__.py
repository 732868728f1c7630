"""kit: find out on whose word a news claim stands.

Load a case (``load_case``), then ask which origins a claim rests on (``origins``), how many of them are
independent (``independence``, ``provenance``), where reporting went in a circle (``circular``), where a figure
was inflated, narrowed or hardened (``drift``), and how a figure moved over time (``timeline``).

Plotting and widgets live in submodules imported only when used, so ``import kit`` stays light.
"""

from kit import synth
from kit.analyses import circular, drift, timeline
from kit.audit import audit, with_suspected
from kit.case import Case, check_case, load_case, save_case
from kit.errors import CaseError, Problem, UnknownName
from kit.graph import citation_graph, outlet_graph
from kit.provenance import independence, origins, provenance, without

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
    "synth",
]


def __getattr__(name):
    # kit.show (matplotlib), kit.widgets (ipywidgets), kit.story and the publishing modules load on first use,
    # so `import kit` stays light.
    if name == "import_prov":
        from kit.prov import import_prov

        return import_prov
    if name in (
        "show",
        "widgets",
        "story",
        "publish",
        "export",
        "redact",
        "prov",
        "sqlite",
        "gexf",
        "trace",
        "style",
        "graphview",
        "examples",
        "tables",
    ):
        import importlib

        return importlib.import_module(f"kit.{name}")
    raise AttributeError(f"module 'kit' has no attribute {name!r}")
