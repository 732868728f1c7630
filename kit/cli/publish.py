"""``kit publish PATH OUT_DIR [--notebook IPYNB] [--reveal-confidential]``: the case's story as one page."""

from __future__ import annotations

import sys

from kit.cli.common import add_reveal_flag, say, valid_case, warn_if_revealing
from kit.formats.claimreview import review_warnings

__all__ = ["add_parser", "run"]


def add_parser(subparsers):
    """Add ``kit publish`` to ``kit``'s sub-parsers; it runs :func:`run`.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        What ``ArgumentParser.add_subparsers()`` returned for ``kit``.

    Returns
    -------
    argparse.ArgumentParser
        The ``publish`` parser.

    Examples
    --------
    >>> import argparse
    >>> args = add_parser(argparse.ArgumentParser().add_subparsers()).parse_args(["case", "site"])
    >>> args.out_dir, args.notebook, args.reveal_confidential
    ('site', None, False)
    """
    p = subparsers.add_parser("publish", help="write OUT_DIR/index.html: the case's story as one self-contained page")
    p.add_argument("path", help="the case's folder, its case.toml, or an .xlsx workbook")
    p.add_argument("out_dir", help="the folder to write index.html into (created if needed)")
    add_reveal_flag(p, "internal drafts only: show confidential sources by name")
    p.add_argument(
        "--notebook",
        metavar="IPYNB",
        help="also run this notebook and write it beside the page as notebook.html (offline)",
    )
    p.set_defaults(func=run)
    return p


def run(args) -> int:
    """Publish the case at ``args.path`` into ``args.out_dir``.

    Parameters
    ----------
    args : argparse.Namespace
        ``path``, ``out_dir``, ``notebook``, ``reveal_confidential``.

    Returns
    -------
    int
        0 written; 1 the case has problems or cannot be published as asked.
    """
    case = valid_case(args.path, "publishing")
    if case is None:
        return 1
    from kit.publish import publish  # matplotlib: loaded when a page is written

    warn_if_revealing(args)
    for w in review_warnings(case):  # a ClaimReview is written all the same
        say(w, file=sys.stderr)
    try:
        page = publish(case, args.out_dir, reveal_confidential=args.reveal_confidential, notebook=args.notebook)
    except ValueError as e:
        say(f"{args.path}: {e}", file=sys.stderr)
        return 1
    say(f"wrote {page}")
    return 0
