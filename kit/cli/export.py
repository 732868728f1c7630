"""``kit export PATH OUT_DIR [--sqlite] [--prov] [--gexf-dynamic] [--reveal-confidential]``."""

from __future__ import annotations

import os
import sys

from kit.cli.common import add_reveal_flag, say, valid_case, warn_if_revealing
from kit.formats.claimreview import review_warnings
from kit.formats.export import export
from kit.formats.gexf import write_dynamic_gexf
from kit.formats.prov import write_prov
from kit.formats.sqlite import export_sqlite

__all__ = ["add_parser", "run"]


def add_parser(subparsers):
    """Add ``kit export`` to ``kit``'s sub-parsers; it runs :func:`run`.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        What ``ArgumentParser.add_subparsers()`` returned for ``kit``.

    Returns
    -------
    argparse.ArgumentParser
        The ``export`` parser.

    Examples
    --------
    >>> import argparse
    >>> args = add_parser(argparse.ArgumentParser().add_subparsers()).parse_args(["case", "out", "--sqlite"])
    >>> args.sqlite, args.prov, args.gexf_dynamic
    (True, False, False)
    """
    p = subparsers.add_parser("export", help="write GEXF, GraphML, node-link JSON, safe CSV and ClaimReview JSON-LD")
    p.add_argument("path", help="the case's folder, its case.toml, or an .xlsx workbook")
    p.add_argument("out_dir", help="the folder to write the files into (created if needed)")
    add_reveal_flag(p, "internal use only: keep confidential sources' names")
    p.add_argument(
        "--sqlite", action="store_true", help="also write OUT_DIR/case.db and OUT_DIR/metadata.json for Datasette"
    )
    p.add_argument("--prov", action="store_true", help="also write OUT_DIR/case.prov.json (W3C PROV-JSON)")
    p.add_argument(
        "--gexf-dynamic",
        action="store_true",
        help="also write OUT_DIR/citation_graph_timeline.gexf for Gephi's timeline",
    )
    p.set_defaults(func=run)
    return p


def run(args) -> int:
    """Export the case at ``args.path`` into ``args.out_dir``; print each file written.

    Parameters
    ----------
    args : argparse.Namespace
        ``path``, ``out_dir``, ``sqlite``, ``prov``, ``gexf_dynamic``, ``reveal_confidential``.

    Returns
    -------
    int
        0 written; 1 the case has problems or cannot be exported as asked.
    """
    case = valid_case(args.path, "exporting")
    if case is None:
        return 1
    warn_if_revealing(args)
    for w in review_warnings(case):  # a ClaimReview is written all the same
        say(w, file=sys.stderr)
    try:
        files = export(case, args.out_dir, reveal_confidential=args.reveal_confidential)
        out = os.path.join(args.out_dir, "")
        reveal = args.reveal_confidential
        if args.sqlite:
            files.update(export_sqlite(case, out + "case.db", reveal_confidential=reveal))
        if args.prov:
            files["prov"] = write_prov(case, out + "case.prov.json", reveal_confidential=reveal)
        if args.gexf_dynamic:
            files["gexf_dynamic"] = write_dynamic_gexf(
                case, out + "citation_graph_timeline.gexf", reveal_confidential=reveal
            )
    except ValueError as e:
        say(f"{args.path}: {e}", file=sys.stderr)
        return 1
    for path in files.values():
        say(f"wrote {path}")
    return 0
