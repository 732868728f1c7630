"""Problems found in a case, and the one exception the kit raises for bad data.

A *problem* says where (file, line, column) and what is wrong, in words a reporter
understands. :class:`CaseError` carries every problem found in a case at once.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Problem", "CaseError"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth a warning) in a case.

    Parameters
    ----------
    file : str
        The file as the user named it, e.g. ``data/x/claims.csv`` (``book.xlsx#claims`` for a workbook sheet).
    line : int
        The physical line where the record starts; the header is line 1; 0 for a problem about the whole file.
    column : str or None
        The column concerned, or None for a whole-file problem.
    message : str
        A sentence that says what is wrong and how to fix it.
    severity : {"error", "warning"}
        Errors make a case invalid; warnings do not.

    Examples
    --------
    >>> print(Problem("claims.csv", 7, "claim_id", "'k1' is used twice"))
    claims.csv:7: claim_id: 'k1' is used twice
    >>> print(Problem("case.toml", 0, None, "not valid TOML"))
    case.toml: not valid TOML
    >>> print(Problem("claims.csv", 1, "colour", "unknown column", "warning"))
    claims.csv:1: colour: warning: unknown column
    """

    file: str
    line: int
    column: str | None
    message: str
    severity: str = "error"

    @property
    def is_warning(self) -> bool:
        """True for a warning, False for an error.

        Examples
        --------
        >>> Problem("a.csv", 1, "x", "m", "warning").is_warning
        True
        """
        return self.severity == "warning"

    def __str__(self) -> str:
        if self.line == 0 and self.column is None:
            return f"{self.file}: {'warning: ' if self.is_warning else ''}{self.message}"
        where = f"{self.file}:{self.line}: {self.column or '-'}: "
        return where + ("warning: " if self.is_warning else "") + self.message


class CaseError(ValueError):
    """A case that cannot be loaded: holds *every* problem found, not just the first.

    Attributes
    ----------
    problems : list of Problem
        The errors, in file order.
    warnings : list of Problem
        Warnings found on the way (they alone would not have stopped loading).

    Examples
    --------
    >>> err = CaseError([Problem("claims.csv", 3, "low", "'dozens' is not a number")])
    >>> isinstance(err, ValueError), len(err.problems)
    (True, 1)
    >>> print(err)
    1 problem in the case:
    claims.csv:3: low: 'dozens' is not a number
    """

    def __init__(self, problems, warnings=()):
        self.problems = list(problems)
        self.warnings = list(warnings)
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in the case:"
        super().__init__("\n".join([head, *map(str, self.problems)]))
