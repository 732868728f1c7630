"""The command line (argparse only; the work is done by the modules it calls): ``python -m kit check PATH``,
``kit trace PATH CLAIM_ID``, ``kit publish PATH OUT_DIR``, ``kit export PATH OUT_DIR``, and the commands that
:mod:`kit.audit.cli`, :mod:`kit.draft.cli` and :mod:`kit.worksheet` add (``audit``, ``draft``, ``worksheet``).

Exit codes: 0 all fine, 1 the case has problems (or the claim is not in it), 2 the command was
used wrongly (an output folder that is the case's, inside it, holds a case's tables, is a file or
cannot be written: :func:`kit.outputs.refuse_output_over_case`), 3 an internal error in the kit (a bug: please
report it).
"""

from __future__ import annotations

import argparse
import os
import sys

from kit.commands import add_reveal_flag, load_or_report, valid_case, warn_if_revealing
from kit.errors import OutputRefused

__all__ = ["main"]


def _check(args) -> int:
    case, problems, warnings = load_or_report(args.path)
    if case is None or problems:
        from kit.wording import plural

        n = len(problems)
        print(
            f"{plural(n, 'problem')} found in {args.path}; fix {'it' if n == 1 else 'them'} and run kit check again",
            file=sys.stderr,
        )
        return 1
    from kit.analyses import summary_line

    print(summary_line(case, n_warnings=len(warnings)))
    return 0


def _trace(args) -> int:
    case = valid_case(args.path, "tracing a claim")
    if case is None:
        return 1
    from kit.errors import UnknownName
    from kit.trace import trace_text

    try:
        print(trace_text(case, args.claim_id))
    except UnknownName as e:
        print(f"{args.path}: {e}", file=sys.stderr)
        return 1
    return 0


def _publish(args) -> int:
    case = valid_case(args.path, "publishing")
    if case is None:
        return 1
    from kit.publish import publish

    warn_if_revealing(args)
    try:
        page = publish(case, args.out_dir, reveal_confidential=args.reveal_confidential, notebook=args.notebook)
    except ValueError as e:
        print(f"{args.path}: {e}", file=sys.stderr)
        return 1
    print(f"wrote {page}")
    return 0


def _export(args) -> int:
    case = valid_case(args.path, "exporting")
    if case is None:
        return 1
    from kit.export import export

    warn_if_revealing(args)
    try:
        files = export(case, args.out_dir, reveal_confidential=args.reveal_confidential)
        out = os.path.join(args.out_dir, "")
        reveal = args.reveal_confidential
        if args.sqlite:
            from kit.sqlite import export_sqlite

            files.update(export_sqlite(case, out + "case.db", reveal_confidential=reveal))
        if args.prov:
            from kit.prov import write_prov

            files["prov"] = write_prov(case, out + "case.prov.json", reveal_confidential=reveal)
        if args.gexf_dynamic:
            from kit.gexf import write_dynamic_gexf

            files["gexf_dynamic"] = write_dynamic_gexf(
                case, out + "citation_graph_timeline.gexf", reveal_confidential=reveal
            )
    except ValueError as e:
        print(f"{args.path}: {e}", file=sys.stderr)
        return 1
    for path in files.values():
        print(f"wrote {path}")
    return 0


def main(argv=None) -> int:
    """Run the command line; return the exit code.

    Parameters
    ----------
    argv : list of str, optional
        The arguments after ``kit`` (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        0 all fine; 1 the case has problems (or the claim is not in it); 2 the command was used wrongly (argparse
        exits with it); 3 an internal error in the kit, a bug (``KIT_DEBUG=1`` raises it instead).

    See Also
    --------
    kit.commands : what the commands share (a case loaded or its problems reported, ``--reveal-confidential``).

    Examples
    --------
    >>> main(["trace", "data/deir-ez-zor", "afp-cit-three-more"])  # doctest: +ELLIPSIS
    afp-cit-three-more — AFP, 2018-02-12/2018-02-13 (alleged, figure 3+), credibility 6
    ...
    0
    >>> main(["check", "no/such/case"])
    no/such/case: there is no folder or file here; give the case's folder, its case.toml, or an .xlsx workbook
    1
    """
    parser = argparse.ArgumentParser(prog="kit", description="Check a case and trace its claims to their origins.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="check a case; print each problem as FILE:LINE: COLUMN: message")
    p.add_argument("path", help="the case's folder, its case.toml, or an .xlsx workbook")
    p.set_defaults(func=_check)
    p = sub.add_parser("trace", help="print a claim, its chain of citations and its origins")
    p.add_argument("path", help="the case's folder, its case.toml, or an .xlsx workbook")
    p.add_argument("claim_id", help="the claim to trace")
    p.set_defaults(func=_trace)
    p = sub.add_parser("publish", help="write OUT_DIR/index.html: the case's story as one self-contained page")
    p.add_argument("path", help="the case's folder, its case.toml, or an .xlsx workbook")
    p.add_argument("out_dir", help="the folder to write index.html into (created if needed)")
    add_reveal_flag(p, "internal drafts only: show confidential sources by name")
    p.add_argument(
        "--notebook",
        metavar="IPYNB",
        help="also run this notebook and write it beside the page as notebook.html (offline)",
    )
    p.set_defaults(func=_publish)
    p = sub.add_parser("export", help="write GEXF, GraphML, node-link JSON, safe CSV and ClaimReview JSON-LD")
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
    p.set_defaults(func=_export)
    from kit.audit.cli import add_parser as add_audit_parser
    from kit.draft.cli import add_parser as add_draft_parser
    from kit.worksheet import add_parser as add_worksheet_parser

    add_audit_parser(sub)
    add_draft_parser(sub)
    add_worksheet_parser(sub)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (BrokenPipeError, KeyboardInterrupt):
        return 1
    except OutputRefused as e:  # the folder given is wrong, not the case: a usage error
        print(f"kit: {e}", file=sys.stderr)
        return 2
    except Exception as e:
        if os.environ.get("KIT_DEBUG"):
            raise
        print(
            f"kit: internal error ({type(e).__name__}: {e}); this is a bug in the kit, not in your data — "
            "please report it with the command you ran (KIT_DEBUG=1 shows the details)",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
