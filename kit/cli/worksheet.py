"""``kit worksheet CASE OUT [--proposition P] [--reveal-confidential]``: the exercise on paper
(:func:`kit.publish.worksheet.write_worksheet`)."""

from __future__ import annotations

import sys

from kit.cli.common import add_reveal_flag, say, valid_case, warn_if_revealing
from kit.errors import UnknownName
from kit.publish.worksheet import write_worksheet

__all__ = ["add_parser", "run"]


def add_parser(subparsers):
    """Add ``kit worksheet CASE OUT [--proposition P] [--reveal-confidential]`` to an argparse ``subparsers``.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        From ``parser.add_subparsers()``; the command runs :func:`run`.

    Returns
    -------
    argparse.ArgumentParser
        The ``worksheet`` parser.

    Examples
    --------
    >>> import argparse
    >>> parser = argparse.ArgumentParser(prog="kit")
    >>> _ = add_parser(parser.add_subparsers(dest="command"))
    >>> args = parser.parse_args(["worksheet", "data/x", "out", "--proposition", "p"])
    >>> args.func is run, args.out_dir, args.proposition
    (True, 'out', 'p')
    """
    p = subparsers.add_parser("worksheet", help="write OUT/worksheet.html and OUT/answers.html: the exercise on paper")
    p.add_argument("path", help="the case's folder, its case.toml, or an .xlsx workbook")
    p.add_argument("out_dir", help="the folder to write the two files into (created if needed)")
    p.add_argument(
        "--proposition", help="the question (default: proposition = in case.toml, else the one with the most claims)"
    )
    add_reveal_flag(p, "internal drafts only: name confidential sources")
    p.set_defaults(func=run)
    return p


def run(args) -> int:
    """Run ``kit worksheet``: check the case, write the two files, say where; return the exit code.

    Parameters
    ----------
    args : argparse.Namespace
        ``path``, ``out_dir``, ``proposition``, ``reveal_confidential``.

    Returns
    -------
    int
        0 written; 1 the case has problems or no claim has that proposition.
    """
    case = valid_case(args.path, "writing a worksheet")
    if case is None:
        return 1
    warn_if_revealing(args)
    try:
        files = write_worksheet(case, args.out_dir, args.proposition, reveal_confidential=args.reveal_confidential)
    except UnknownName as e:
        say(f"{args.path}: {e}", file=sys.stderr)
        return 1
    for path in files.values():
        say(f"wrote {path}")
    return 0
