"""``python -m kit audit PATH [--min-score S] [--write]``: print the suspected pairs; with ``--write`` append them
to the case's ``citations.csv`` as ``suspected`` rows.

The file is changed only by appending: the rows already there keep every byte, the new text is written to a
temporary file beside it which then replaces it (:func:`kit.store.append.append_suspected`), and the file keeps its
permissions.
"""

from __future__ import annotations

import os
import sys

from kit.cli.common import say
from kit.store.append import append_suspected

__all__ = ["add_parser", "run", "audit_text"]


def add_parser(subparsers):
    """Add the ``audit`` command to an ``argparse`` sub-parser set; it runs :func:`run`.

    Parameters
    ----------
    subparsers : argparse sub-parser set
        As ``ArgumentParser.add_subparsers()`` returns it.

    Returns
    -------
    argparse.ArgumentParser
        The ``audit`` parser.

    Examples
    --------
    >>> import argparse
    >>> sub = argparse.ArgumentParser(prog="kit").add_subparsers(dest="command")
    >>> args = add_parser(sub).parse_args(["case", "--min-score", "0.8"])
    >>> args.path, args.min_score, args.write, args.func is run
    ('case', 0.8, False, True)
    """
    p = subparsers.add_parser("audit", help="list dependence the citations do not declare (suspected copying)")
    p.add_argument("path", help="the case's folder, its case.toml, or an .xlsx workbook")
    p.add_argument(
        "--min-score",
        type=_score,
        default=0.5,
        metavar="S",
        help="list only pairs scoring at least S, between 0 and 1 (default 0.5)",
    )
    p.add_argument(
        "--write",
        action="store_true",
        help="append the pairs to citations.csv as rows of basis 'suspected' (a case folder only)",
    )
    p.set_defaults(func=run)
    return p


def _score(text: str) -> float:
    import argparse

    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a score; give a number from 0 to 1, e.g. 0.5")
    return value


def audit_text(rows, min_score: float) -> str:
    """The lines ``kit audit`` prints for the rows of :func:`kit.auditing.audit`.

    Parameters
    ----------
    rows : pandas.DataFrame
        From :func:`kit.auditing.audit`.
    min_score : float

    Returns
    -------
    str

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"claim_id": ["k2"], "cites": ["k1"], "signal": ["shared_text"], "score": [0.91],
    ...                      "evidence": ["three hundred pupils will move"], "also": [""]})
    >>> print(audit_text(rows, 0.5))
    k2 appears to rest on k1 (shared_text, score 0.91)
        “three hundred pupils will move”
    <BLANKLINE>
    1 suspected pair (score at least 0.5); they count only where follow= includes 'suspected'
    """
    lines = []
    for r in rows.itertuples(index=False):
        lines.append(f"{r.claim_id} appears to rest on {r.cites} ({r.signal}, score {r.score:.2f})")
        lines.append(f"    “{' '.join(str(r.evidence).split())}”")
        if getattr(r, "also", "") and str(r.also) not in ("", "<NA>"):
            lines.append(f"    also {r.also}")
    n = len(rows)
    if n == 0:
        return f"no suspected dependence found (score at least {min_score:g})"
    lines.append("")
    lines.append(
        f"{n} suspected pair{'s' if n != 1 else ''} (score at least {min_score:g}); "
        "they count only where follow= includes 'suspected'"
    )
    return "\n".join(lines)


def run(args) -> int:
    """Run ``kit audit`` for parsed ``args`` (``path``, ``min_score``, ``write``); return the exit code.

    Parameters
    ----------
    args : argparse.Namespace

    Returns
    -------
    int
        0 done, 1 the case has problems or cannot be written.

    Examples
    --------
    >>> import argparse
    >>> run(argparse.Namespace(path="no/such/case", min_score=0.5, write=False))
    no/such/case: there is no folder or file here; give the case's folder, its case.toml, or an .xlsx workbook
    1
    """
    from kit.auditing import audit
    from kit.auditing.rejected import REJECTED_FILE
    from kit.case import check_case
    from kit.errors import format_problems
    from kit.reading import resolve_case_path

    case, problems, warnings = check_case(args.path)
    for line in format_problems(list(problems) + list(warnings)):
        say(line)
    if case is None:
        say(f"{args.path} has problems; fix them (see kit check) before auditing it", file=sys.stderr)
        return 1
    try:
        rows = audit(case, min_score=args.min_score)
    except ValueError as e:  # audit_rejected.csv cannot be read: FILE:LINE messages
        say(str(e))
        say(f"{args.path}: fix {REJECTED_FILE} (or delete it), then run kit audit again", file=sys.stderr)
        return 1
    say(audit_text(rows, args.min_score))
    if not args.write or rows.empty:
        return 0
    kind, folder = resolve_case_path(args.path)
    if kind != "folder":
        say(
            f"{args.path}: --write works on a case folder of CSV files; this case is a workbook: add the rows "
            "above to its citations sheet with basis 'suspected' by hand",
            file=sys.stderr,
        )
        return 1
    if not os.path.isfile(os.path.join(folder, "citations.csv")):
        say(
            f"{args.path}: --write appends to citations.csv, and this case folder has none (its citations come "
            "from another file); add the rows above by hand",
            file=sys.stderr,
        )
        return 1
    try:
        n = append_suspected(folder, rows)
    except ValueError as e:
        say(str(e), file=sys.stderr)
        return 1
    say(f"appended {n} suspected citation{'s' if n != 1 else ''} to {os.path.join(folder, 'citations.csv')}")
    return 0
