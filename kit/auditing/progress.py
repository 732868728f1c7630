"""Progress of long work, shown with tqdm: a bar on stderr in a terminal, a widget in a notebook (``tqdm.auto``).

:func:`kit.auditing.audit` reports its steps here. Interrupting it (Ctrl-C, or the notebook's stop button)
closes the bar and raises ``KeyboardInterrupt``; the audit writes no file, and ``kit audit --write`` writes
``citations.csv`` only after the audit is done, through a temporary file moved into place.
"""

from __future__ import annotations

__all__ = ["PROGRESS_CLAIMS", "Steps"]

#: by default, a case of at least this many claims shows its progress
PROGRESS_CLAIMS = 100_000


class Steps:
    """A progress bar over named steps; does nothing when not ``shown``.

    Parameters
    ----------
    labels : sequence of str
        The steps, in order.
    shown : bool
    desc : str
        What is in progress.

    Examples
    --------
    >>> with Steps(["words", "candidates"], shown=False) as steps:
    ...     steps("words")
    ...     steps("candidates")
    >>> steps.done
    ['words', 'candidates']
    """

    def __init__(self, labels, *, shown: bool, desc: str = "audit"):
        self.labels = list(labels)
        self.done: list = []
        self.bar = None
        if shown:
            from tqdm.auto import tqdm  # type: ignore[import-untyped]

            self.bar = tqdm(total=len(self.labels), desc=desc, unit="step", leave=False)

    def __call__(self, label: str) -> None:
        """Mark the start of step ``label`` (the steps before it are done)."""
        self.done.append(label)
        if self.bar is not None:
            self.bar.set_postfix_str(label, refresh=False)
            self.bar.n = self.labels.index(label) if label in self.labels else self.bar.n
            self.bar.refresh()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            if exc[0] is None:
                self.bar.n = len(self.labels)
                self.bar.refresh()
            self.bar.close()
