"""Progress of long work, shown with tqdm: a bar on stderr in a terminal, a widget in a notebook (``tqdm.auto``).

The one place the kit makes a progress bar: :func:`kit.auditing.audit` reports its steps through it
(:class:`kit.auditing.progress.Steps`), :func:`kit.draft.write_coverage` its articles. Interrupting the work
(Ctrl-C, or the notebook's stop button) closes the bar and raises ``KeyboardInterrupt``; neither writes a file before
its work is done, and both write through a temporary file or folder moved into place.

Examples
--------
>>> with Progress(2, shown=False, desc="draft", unit="article") as bar:
...     bar.update()
...     bar.update()
>>> bar.n
2
"""

from __future__ import annotations

from typing import Any

__all__ = ["Progress"]


class Progress:
    """A bar over ``total`` items (articles, steps); it counts but shows nothing when not ``shown``.

    Parameters
    ----------
    total : int
        How many items the work has.
    shown : bool
        Whether to show the bar (tqdm, imported only then).
    desc : str
        What is in progress ("audit", "draft").
    unit : str, default "item"
        What one item is ("step", "article").

    See Also
    --------
    kit.auditing.progress.Steps : the audit's named steps on this bar.

    Examples
    --------
    >>> bar = Progress(3, shown=False, desc="draft", unit="article")
    >>> bar.update(note="reuters.txt")
    >>> bar.n, bar.note
    (1, 'reuters.txt')
    """

    def __init__(self, total: int, *, shown: bool, desc: str, unit: str = "item") -> None:
        self.total = total
        self.n = 0
        self.note = ""
        self.bar: Any = None
        if shown:
            from tqdm.auto import tqdm  # type: ignore[import-untyped]

            self.bar = tqdm(total=total, desc=desc, unit=unit, leave=False)

    def update(self, n: int = 1, *, note: str | None = None) -> None:
        """Count ``n`` more items done; ``note`` (what is being done now) is shown after the bar."""
        self.set(self.n + n, note=note)

    def set(self, n: int, *, note: str | None = None) -> None:
        """Set the items done to ``n``, and what is being done now to ``note`` when given."""
        self.n = n
        if note is not None:
            self.note = note
        if self.bar is not None:
            if note is not None:
                self.bar.set_postfix_str(note, refresh=False)
            self.bar.n = n
            self.bar.refresh()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.set(self.total)
        if self.bar is not None:
            self.bar.close()
