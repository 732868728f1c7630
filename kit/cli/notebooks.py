"""``kit notebooks DIR``: copy the numbered notebooks and the example cases out of the installed kit."""

from __future__ import annotations

import sys

from kit.cli.common import say
from kit.testing.bundled import copy_bundle

__all__ = ["add_parser", "run"]


def add_parser(subparsers):
    """Add ``kit notebooks DIR`` to ``kit``'s sub-parsers; it runs :func:`run`.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        What ``ArgumentParser.add_subparsers()`` returned for ``kit``.

    Returns
    -------
    argparse.ArgumentParser
        The ``notebooks`` parser.

    Examples
    --------
    >>> import argparse
    >>> add_parser(argparse.ArgumentParser().add_subparsers()).parse_args(["mine"]).out_dir
    'mine'
    """
    p = subparsers.add_parser(
        "notebooks", help="copy the numbered notebooks and the example cases into OUT_DIR, to open in JupyterLab"
    )
    p.add_argument("out_dir", help="a new or empty folder (files already there are never overwritten)")
    p.set_defaults(func=run)
    return p


def run(args) -> int:
    """Copy the notebooks and cases into ``args.out_dir``; say what to run next.

    Parameters
    ----------
    args : argparse.Namespace
        ``out_dir``.

    Returns
    -------
    int
        0 copied; 2 the folder already holds one of the files, or kit was installed without them.
    """
    try:
        files = copy_bundle(args.out_dir)
    except (FileExistsError, FileNotFoundError) as e:
        say(f"kit: {e}", file=sys.stderr)
        return 2
    n = sum(f.startswith("notebooks/") for f in files)
    say(f"copied {n} notebooks and {len(files) - n} case files into {args.out_dir}")
    say(f"open them with: jupyter lab {args.out_dir}/notebooks")
    return 0
