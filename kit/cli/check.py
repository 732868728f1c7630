"""``kit check PATH``: check a case and print every problem as ``FILE:LINE: COLUMN: message``."""

from __future__ import annotations

import sys

from kit.analysis.findings import summary_line
from kit.cli.common import load_or_report, say
from kit.text.wording import plural

__all__ = ["add_parser", "run"]


def add_parser(subparsers):
    """Add ``kit check PATH`` to ``kit``'s sub-parsers; it runs :func:`run`.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        What ``ArgumentParser.add_subparsers()`` returned for ``kit``.

    Returns
    -------
    argparse.ArgumentParser
        The ``check`` parser.

    Examples
    --------
    >>> import argparse
    >>> args = add_parser(argparse.ArgumentParser().add_subparsers()).parse_args(["data/deir-ez-zor"])
    >>> args.path, args.func is run
    ('data/deir-ez-zor', True)
    """
    p = subparsers.add_parser("check", help="check a case; print each problem as FILE:LINE: COLUMN: message")
    p.add_argument("path", help="the case's folder, its case.toml, or an .xlsx workbook")
    p.set_defaults(func=run)
    return p


def run(args) -> int:
    """Check the case at ``args.path``; print its problems (stderr) or a one-line summary (stdout).

    Parameters
    ----------
    args : argparse.Namespace
        ``path``.

    Returns
    -------
    int
        0 the case is valid, 1 it has problems.
    """
    case, problems, warnings = load_or_report(args.path)
    if case is None or problems:
        n = len(problems)
        say(
            f"{plural(n, 'problem')} found in {args.path}; fix {'it' if n == 1 else 'them'} and run kit check again",
            file=sys.stderr,
        )
        return 1
    say(summary_line(case, n_warnings=len(warnings)))
    return 0
