"""What the commands of ``kit`` share: a case loaded or its problems reported, and the ``--reveal-confidential`` flag.

:mod:`kit.cli` builds the command line; the modules that add a command of their own (``kit worksheet``) use these
too, so every command reports a case's problems, refuses an invalid case and warns about revealing in the same words.

Examples
--------
>>> import argparse
>>> p = argparse.ArgumentParser(prog="kit")
>>> add_reveal_flag(p, "internal drafts only: name confidential sources")
>>> p.parse_args(["--reveal-confidential"]).reveal_confidential
True
>>> valid_case("no/such/case", "tracing a claim") is None  # doctest: +ELLIPSIS
no/such/case: there is no folder or file here; ...
True
"""

from __future__ import annotations

import sys

from kit.errors import format_problems, terminal_safe

__all__ = ["REVEAL_WARNING", "say", "load_or_report", "valid_case", "add_reveal_flag", "warn_if_revealing"]

#: printed on stderr by every command given ``--reveal-confidential``
REVEAL_WARNING = (
    "kit: warning: --reveal-confidential: confidential sources are shown by name, url and notes; "
    "this output is an internal draft: do not publish it"
)


def say(*values, file=None) -> None:
    """Print ``values`` (joined by spaces) as every command of ``kit`` prints: terminal-safe.

    A case's text reaches the terminal in a title, a claim, the evidence of a citation, a file name; its control
    and format characters are written as escapes (:func:`kit.errors.terminal_safe`), so an escape sequence in a
    case cannot set the window title, clear the screen or write the clipboard. No module of :mod:`kit.cli` calls
    ``print`` itself.

    Parameters
    ----------
    *values : object
        What to print.
    file : file object, optional
        Standard output by default (``sys.stderr`` for messages about the command).

    Returns
    -------
    None

    Examples
    --------
    >>> say("title:", "Hostile\\x1b]0;owned\\x07")
    title: Hostile\\x1b]0;owned\\x07
    """
    print(terminal_safe(" ".join(map(str, values))), file=file)


def load_or_report(path):
    """Check the case at ``path`` (its story.csv too) and print every problem and warning, in the loader's order.

    Parameters
    ----------
    path : str or path-like
        A case's folder, its ``case.toml`` or an ``.xlsx`` workbook.

    Returns
    -------
    tuple
        ``(case or None, problems, warnings)`` as :func:`kit.case.check_case` gives them.

    See Also
    --------
    valid_case : the case, or None with a sentence saying why the command stops.
    """
    from kit.case import check_case, problem_order

    case, problems, warnings = check_case(path, story=True)
    for line in format_problems(sorted(problems + warnings, key=problem_order)):  # file, then line
        say(line)
    return case, problems, warnings


def valid_case(path, doing: str):
    """The case at ``path``, or None after printing its problems and (on stderr) that they stop ``doing``.

    Parameters
    ----------
    path : str or path-like
    doing : str
        What the command would do, for the sentence: ``"publishing"``, ``"writing a worksheet"``.

    Returns
    -------
    kit.Case or None

    See Also
    --------
    load_or_report : the same, returning the problems.
    """
    case, _, _ = load_or_report(path)
    if case is None:
        say(f"{path} has problems; fix them (see kit check) before {doing}", file=sys.stderr)
    return case


def add_reveal_flag(parser, help: str) -> None:
    """Add ``--reveal-confidential`` (a flag, ``args.reveal_confidential``) to an argparse ``parser``.

    Parameters
    ----------
    parser : argparse.ArgumentParser
    help : str
        What revealing means for this command; " (prints a warning)" is added.
    """
    parser.add_argument("--reveal-confidential", action="store_true", help=f"{help} (prints a warning)")


def warn_if_revealing(args) -> None:
    """Print :data:`REVEAL_WARNING` on stderr when ``args.reveal_confidential`` is set.

    Parameters
    ----------
    args : argparse.Namespace
    """
    if args.reveal_confidential:
        say(REVEAL_WARNING, file=sys.stderr)
