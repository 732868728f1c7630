"""A package's modules loaded on first use: ``kit.text.story`` is imported when ``kit.text.story`` is first read.

Every layer's ``__init__`` uses :func:`submodules`, so importing one module of a layer (``kit.text.html``) does not
import the rest of it (``kit.text.story`` and the analyses it needs).

Examples
--------
>>> import kit
>>> kit.testing.examples.diamond().title
'Constructed example: a diamond of citations'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from types import ModuleType

__all__ = ["submodules"]


def submodules(package: str, names: Iterable[str]) -> Callable[[str], ModuleType]:
    """A module-level ``__getattr__`` for ``package`` that imports its submodule ``names`` on first use.

    Parameters
    ----------
    package : str
        The package's ``__name__``.
    names : iterable of str
        Its submodules.

    Returns
    -------
    callable
        ``__getattr__(name)``: the submodule, or AttributeError for any other name.

    Examples
    --------
    >>> getattr_ = submodules("kit.testing", ["examples"])
    >>> getattr_("examples").__name__
    'kit.testing.examples'
    >>> getattr_("nothing")
    Traceback (most recent call last):
    AttributeError: module 'kit.testing' has no attribute 'nothing'
    """
    known = frozenset(names)

    def __getattr__(name: str) -> ModuleType:
        if name in known:
            return importlib.import_module(f"{package}.{name}")
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
