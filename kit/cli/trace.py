"""``kit trace PATH CLAIM_ID``: print a claim, its chain of citations and its origins."""

from __future__ import annotations

import sys

from kit.cli.common import say, valid_case
from kit.errors import UnknownName
from kit.text.trace_text import trace_text

__all__ = ["add_parser", "run"]


def add_parser(subparsers):
    """Add ``kit trace PATH CLAIM_ID`` to ``kit``'s sub-parsers; it runs :func:`run`.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        What ``ArgumentParser.add_subparsers()`` returned for ``kit``.

    Returns
    -------
    argparse.ArgumentParser
        The ``trace`` parser.

    Examples
    --------
    >>> import argparse
    >>> args = add_parser(argparse.ArgumentParser().add_subparsers()).parse_args(["case", "c1"])
    >>> args.path, args.claim_id
    ('case', 'c1')
    """
    p = subparsers.add_parser("trace", help="print a claim, its chain of citations and its origins")
    p.add_argument("path", help="the case's folder, its case.toml, or an .xlsx workbook")
    p.add_argument("claim_id", help="the claim to trace")
    p.set_defaults(func=run)
    return p


def run(args) -> int:
    """Print the trace of ``args.claim_id`` in the case at ``args.path``.

    Parameters
    ----------
    args : argparse.Namespace
        ``path``, ``claim_id``.

    Returns
    -------
    int
        0 printed; 1 the case has problems or has no such claim.
    """
    case = valid_case(args.path, "tracing a claim")
    if case is None:
        return 1
    try:
        say(trace_text(case, args.claim_id))
    except UnknownName as e:
        say(f"{args.path}: {e}", file=sys.stderr)
        return 1
    return 0
