"""The store layer: writing a case's files so that nothing is lost.

:mod:`kit.store.atomic` (the one atomic file writer), :mod:`kit.store.journal` (a save of several files as one, with
its recovery), :mod:`kit.store.safety` (what a received case folder may hold for the kit to write or recover in
it), :mod:`kit.store.saving` (a case written back as canonical CSV), :mod:`kit.store.append` (rows appended to
``citations.csv``) and :mod:`kit.store.outputs` (no command writes over a case).
"""

from kit.lazy import submodules

__all__ = ["append", "atomic", "journal", "outputs", "safety", "saving"]

__getattr__ = submodules(__name__, __all__)
