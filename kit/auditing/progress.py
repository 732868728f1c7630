"""The audit's progress: its steps on the kit's progress bar (:mod:`kit.progressbar`: tqdm, a bar on stderr in a
terminal, a widget in a notebook).

:func:`kit.auditing.audit` reports its steps here. Interrupting it (Ctrl-C, or the notebook's stop button)
closes the bar and raises ``KeyboardInterrupt``; the audit writes no file, and ``kit audit --write`` writes
``citations.csv`` only after the audit is done, through a temporary file moved into place.
"""

from __future__ import annotations

from kit.progressbar import Progress

__all__ = ["PROGRESS_CLAIMS", "Steps"]

#: by default, a case of at least this many claims shows its progress
PROGRESS_CLAIMS = 100_000


class Steps:
    """A progress bar over named steps (:class:`kit.progressbar.Progress`); it shows nothing when not ``shown``.

    Parameters
    ----------
    labels : sequence of str
        The steps, in order.
    shown : bool
    desc : str
        What is in progress.

    See Also
    --------
    kit.progressbar.Progress : the bar.

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
        self.bar = Progress(len(self.labels), shown=shown, desc=desc, unit="step")

    def __call__(self, label: str) -> None:
        """Mark the start of step ``label`` (the steps before it are done)."""
        self.done.append(label)
        self.bar.set(self.labels.index(label) if label in self.labels else self.bar.n, note=label)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.bar.__exit__(*exc)
