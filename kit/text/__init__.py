"""The text layer: how the kit says things to a person, and keeps case text safe where it is shown.

:mod:`kit.text.wording` (figures, dates, counts in words), :mod:`kit.text.style` (colours, line styles, grade words),
:mod:`kit.text.tables` (the one rule for tables a person reads), :mod:`kit.text.story` (a case's story, step by step),
:mod:`kit.text.trace_text` (what ``kit trace`` prints), :mod:`kit.text.html` (escaping, safe urls, script-safe JSON),
:mod:`kit.text.textmatch` (names matched on a normalised form) and :mod:`kit.text.redact` (confidential sources out of
everything published).
"""

from kit.lazy import submodules

__all__ = ["html", "redact", "story", "style", "tables", "textmatch", "trace_text", "wording"]

__getattr__ = submodules(__name__, __all__)
