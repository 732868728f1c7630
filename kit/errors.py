"""Problems found in a case, and the one exception the kit raises for bad data.

A *problem* says where (file, line, column) and what is wrong, in words a reporter
understands. :class:`CaseError` carries every problem found in a case at once; :class:`UnknownName`
is raised when the API is asked about a claim, source or proposition the case does not have;
:class:`OutputRefused` (:class:`OutputOverCase`, :class:`OutputNotWritable`) when a command is asked to write
where it must not or cannot (``kit`` prints it as a usage error, exit 2).
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "Problem",
    "CaseError",
    "UnknownName",
    "OutputRefused",
    "OutputOverCase",
    "OutputNotWritable",
    "UnsafeCaseFolder",
    "nearest_names",
    "format_problems",
    "shown",
    "terminal_safe",
    "MAX_ECHO",
]

#: the most characters of a value a problem quotes (the rest is cut, and the value's length said)
MAX_ECHO = 60


def shown(value: object, limit: int = MAX_ECHO) -> str:
    """``value`` as a problem quotes it: at most ``limit`` characters, invisible characters made visible.

    Control and format characters (Unicode categories Cc, Cf), line and paragraph separators and every space but
    the plain one are written as escapes (``\\x0b``, ``\\u200b``, ``\\xa0``), so that a header holding a vertical
    tab is not told to rename ``text`` to ``text``. A longer value is cut, and its length said.

    Parameters
    ----------
    value : object
        The value (its ``str``).
    limit : int, default MAX_ECHO

    Returns
    -------
    str

    Examples
    --------
    >>> print(shown("te\\x0bxt"), shown("a\\u200bb"), shown("Фонтанка"))
    te\\x0bxt a\\u200bb Фонтанка
    >>> shown("x" * 5_000_000, limit=8)
    'xxxxxxxx... (5,000,000 characters)'
    """
    v = str(value)
    cut = len(v) > limit
    head = v[:limit] if cut else v
    if not head.isprintable() or any(ch != " " and ch.isspace() for ch in head):
        head = "".join(_escaped(ch) for ch in head)
    return f"{head}... ({len(v):,} characters)" if cut else head


def terminal_safe(text: object) -> str:
    """``text`` as ``kit`` prints it on a terminal: control and format characters written as escapes.

    A case's text (a title, a claim, the evidence of a citation) may hold escape sequences that a terminal would
    obey (set the window title, clear the screen, write the clipboard with OSC 52) or a right-to-left override
    that reverses what follows. Every character of Unicode categories Cc, Cf, Cs, Co, Cn, Zl and Zp is written as
    ``\\x1b``, ``\\u202e`` ...; line breaks and tabs the kit's own lines hold are kept. Every line ``kit`` prints
    goes through it (:func:`kit.cli.common.say`).

    Parameters
    ----------
    text : object
        What to print (its ``str``).

    Returns
    -------
    str

    See Also
    --------
    shown : a value quoted in a problem (also cut to a length).

    Examples
    --------
    >>> print(terminal_safe("Title\\x1b]0;owned\\x07 and \\x1b]52;c;ZXZpbA==\\x07\\nnext\\u202eline"))
    Title\\x1b]0;owned\\x07 and \\x1b]52;c;ZXZpbA==\\x07
    next\\u202eline
    >>> terminal_safe("Фонтанка\\u00a0said")  # a non-breaking space is harmless
    'Фонтанка\\xa0said'
    """
    text = str(text)
    if text.replace("\n", "").replace("\t", "").isprintable():
        return text
    return "".join(ch if ch in "\n\t" or unicodedata.category(ch) not in _UNSAFE else _escape(ch) for ch in text)


_UNSAFE = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def _escaped(ch: str) -> str:
    if ch == " " or unicodedata.category(ch) not in (*_UNSAFE, "Zs"):
        return ch
    return _escape(ch)


def _escape(ch: str) -> str:
    n = ord(ch)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}"


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

    def __init__(self, problems: Iterable[Problem], warnings: Iterable[Problem] = ()) -> None:
        self.problems = list(problems)
        self.warnings = list(warnings)
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in the case:"
        super().__init__("\n".join([head, *map(str, self.problems)]))


def nearest_names(name: object, known: Iterable[object], *, n: int = 3) -> list[str]:
    """The known names closest to ``name``: those it starts (or that start) it, then the nearest by spelling.

    Parameters
    ----------
    name : str
        The name asked for.
    known : iterable of str
        The names the case has.
    n : int, default 3
        At most this many suggestions.

    Returns
    -------
    list of str
        Suggestions, best first; empty when nothing is close.

    See Also
    --------
    UnknownName : the exception whose message carries these suggestions.

    Examples
    --------
    >>> nearest_names("daily-beast-200", ["daily-beast-200-russian-fighters", "bloomberg-more-than-200"])
    ['daily-beast-200-russian-fighters']
    >>> nearest_names("reuter", ["reuters", "tass"])
    ['reuters']
    >>> nearest_names("zzz", ["reuters", "tass"])
    []
    """
    text = str(name)
    if len(text) > 200:  # no name is that long; comparing would take seconds
        return []
    names = [str(k) for k in known]
    folded = text.casefold()
    by_prefix = sorted(
        (k for k in names if len(folded) >= 3 and (k.casefold().startswith(folded) or folded.startswith(k.casefold()))),
        key=lambda k: (abs(len(k) - len(text)), k),
    )
    out = list(dict.fromkeys(by_prefix))[:n]
    if len(out) < n:
        for k in difflib.get_close_matches(text, names, n=n, cutoff=0.6):
            if k not in out:
                out.append(k)
    return out[:n]


class UnknownName(KeyError):
    """A claim, source or proposition that is not in the case.

    A :class:`KeyError` (so ``except KeyError`` still catches it) whose message reads as a sentence and
    suggests the nearest names, by prefix as well as by spelling.

    Parameters
    ----------
    kind : str
        What was asked for: ``"claim"``, ``"source"``, ``"proposition"``, ...
    name : str
        The name asked for.
    known : iterable of str, optional
        The names of that kind the case has, to suggest from.

    Attributes
    ----------
    kind, name : str
        As given.
    suggestions : list of str
        The nearest known names, best first.

    See Also
    --------
    nearest_names : how suggestions are chosen.

    Examples
    --------
    >>> err = UnknownName("claim", "daily-beast-200", ["daily-beast-200-russian-fighters", "tass-five"])
    >>> print(err)
    there is no claim 'daily-beast-200' in this case; did you mean 'daily-beast-200-russian-fighters'?
    >>> isinstance(err, KeyError), err.suggestions
    (True, ['daily-beast-200-russian-fighters'])
    """

    def __init__(self, kind: str, name: object, known: Iterable[object] = ()) -> None:
        self.kind = kind
        self.name = name
        self.suggestions = nearest_names(name, known)
        hint = ""
        if self.suggestions:
            hint = "; did you mean " + " or ".join(f"'{s}'" for s in self.suggestions) + "?"
        super().__init__(f"there is no {kind} '{name}' in this case{hint}")

    def __str__(self) -> str:  # KeyError would show the repr of the message, quotes and all
        return str(self.args[0])


class OutputRefused(Exception):
    """An output folder (or file) the kit will not write to; the message says why and what to give instead.

    Not a :class:`ValueError`: it is the user's choice of folder that is wrong, not the case, so ``kit`` prints it
    as ``kit: <message>`` and exits 2 (a usage error). Raised by :func:`kit.store.outputs.refuse_output_over_case`.

    Examples
    --------
    >>> issubclass(OutputOverCase, OutputRefused), issubclass(OutputNotWritable, OutputRefused)
    (True, True)
    """


class OutputOverCase(OutputRefused):
    """The output folder is a case's folder, is inside one, or holds a case's tables: writing would replace them.

    Examples
    --------
    >>> print(OutputOverCase("data/x is the case's own folder"))
    data/x is the case's own folder
    """


class OutputNotWritable(OutputRefused):
    """The output folder is an existing file, cannot be created, or cannot be written to.

    Examples
    --------
    >>> print(OutputNotWritable("out.txt is a file, not a folder"))
    out.txt is a file, not a folder
    """


class UnsafeCaseFolder(ValueError):
    """A case folder the kit will not write into or finish a save in: a table that is a symbolic link, or the
    journal of an interrupted save that the kit did not write (a link out of the folder, a file it did not stage).

    Writing or recovering there could change a file outside the case; nothing is changed, and the message says
    what to do. A :class:`ValueError`, as the case's own content is what is refused: :func:`kit.load_case` reports
    it as a problem (``kit check`` exits 1), ``kit audit --write`` and the review widget print it.

    Parameters
    ----------
    file : str
        The file concerned (the journal, or the linked table).
    message : str
        One sentence: what is wrong and what to do.

    Examples
    --------
    >>> err = UnsafeCaseFolder("c/claims.csv", "is a symbolic link")
    >>> print(err), isinstance(err, ValueError), err.file
    c/claims.csv: is a symbolic link
    (None, True, 'c/claims.csv')
    """

    def __init__(self, file: str, message: str):
        self.file = str(file)
        self.message = message
        super().__init__(f"{self.file}: {message}")


MAX_PER_FILE = 100


def format_problems(problems: Iterable[Problem], limit: int = MAX_PER_FILE) -> list[str]:
    """The lines ``kit check`` prints: each problem as ``FILE:LINE: COLUMN: message``, at most ``limit`` per file.

    Parameters
    ----------
    problems : iterable of Problem
    limit : int, default 100
        At most this many lines per file; the rest are counted in one line.

    Returns
    -------
    list of str

    Examples
    --------
    >>> from kit import Problem
    >>> ps = [Problem("c.csv", i, "low", "bad") for i in range(2, 6)]
    >>> format_problems(ps, limit=2)
    ['c.csv:2: low: bad', 'c.csv:3: low: bad', 'c.csv: ... and 2 more problems in this file']
    """
    shown: Counter[str] = Counter()
    hidden: Counter[str] = Counter()
    lines: list[str] = []
    for p in problems:
        if shown[p.file] < limit:
            shown[p.file] += 1
            lines.append(str(p))
        else:
            hidden[p.file] += 1
    for file, n in hidden.items():
        lines.append(f"{file}: ... and {n} more problem{'s' if n != 1 else ''} in this file")
    return lines
