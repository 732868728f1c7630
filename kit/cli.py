"""The command line: ``python -m kit check PATH``, ``python -m kit trace PATH CLAIM_ID``,
``python -m kit publish PATH OUT_DIR`` and ``python -m kit export PATH OUT_DIR``.

Exit codes: 0 all fine, 1 the case has problems (or the claim is not in it), 2 the command was
used wrongly, 3 an internal error in the kit (a bug: please report it).
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from typing import NamedTuple

__all__ = ["main", "format_problems", "summary_line", "trace_text"]

MAX_PER_FILE = 100


def format_problems(problems, limit: int = MAX_PER_FILE) -> list[str]:
    """The lines ``kit check`` prints: each problem as ``FILE:LINE: COLUMN: message``, at most ``limit`` per file.

    Examples
    --------
    >>> from kit import Problem
    >>> ps = [Problem("c.csv", i, "low", "bad") for i in range(2, 6)]
    >>> format_problems(ps, limit=2)
    ['c.csv:2: low: bad', 'c.csv:3: low: bad', 'c.csv: ... and 2 more problems in this file']
    """
    shown, lines, hidden = Counter(), [], Counter()
    for p in problems:
        if shown[p.file] < limit:
            shown[p.file] += 1
            lines.append(str(p))
        else:
            hidden[p.file] += 1
    for file, n in hidden.items():
        lines.append(f"{file}: ... and {n} more problem{'s' if n != 1 else ''} in this file")
    return lines


def summary_line(case) -> str:
    """The one line ``kit check`` prints for a valid case.

    Examples
    --------
    >>> import kit
    >>> summary_line(kit.synth.make_case(10))  # doctest: +ELLIPSIS
    'OK: Synthetic case (10 reports, seed 0): 10 sources, 10 reports, 10 claims, ... citations, 0 loops, 0 warnings'
    """
    from .analyses import circular
    n_loops = len(circular(case))
    n_warn = len(case.warnings)
    return (f"OK: {case.title}: {len(case.sources)} sources, {len(case.reports)} reports, "
            f"{len(case.claims)} claims, {len(case.citations)} citations, "
            f"{n_loops} loop{'s' if n_loops != 1 else ''}, {n_warn} warning{'s' if n_warn != 1 else ''}")


def _quote(text, width=90) -> str:
    text = " ".join(str(text).split())
    return "“" + (text if len(text) <= width else text[: width - 1] + "…") + "”"


class _Cite(NamedTuple):
    cites: str
    relation: str


def trace_text(case, claim_id: str) -> str:
    """The claim, its citations as an indented tree, and its origins with their grades.

    Examples
    --------
    >>> import kit
    >>> case = kit.synth.make_case(30)
    >>> print(trace_text(case, "k0000").splitlines()[0])  # doctest: +ELLIPSIS
    k0000 — Source outlet0000, 2018-02-... credibility ...
    """
    from .graph import claim_context
    from .provenance import origins

    found = origins(case, claim_id)  # raises KeyError for an unknown claim
    ctx = claim_context(case).set_index("claim_id")
    src = case.sources.set_index("source_id")
    by_claim = {}  # one pass over the citations: a groupby per claim is slow on large cases
    cit = case.citations
    for citing, cited, relation in zip(cit["claim_id"].tolist(), cit["cites"].tolist(), cit["relation"].tolist()):
        by_claim.setdefault(citing, []).append(_Cite(cited, relation))

    def claim_label(k):
        r = ctx.loc[k]
        fig = ""
        if r["low"] is not None and str(r["low"]) != "<NA>":
            hi = r["high"]
            fig = f", figure {r['low']}" + ("+" if str(hi) == "<NA>" else ("" if hi == r["low"] else f"–{hi}"))
        return f"{k} — {r['outlet']}, {r['published']:%Y-%m-%d} ({r['certainty']}{fig})"

    def source_label(s):
        r = src.loc[s]
        return f"{s} [source: {r['name']}, {r['kind']}, reliability {r['reliability']}]"

    lines = []
    r = ctx.loc[claim_id]
    lines.append(f"{claim_label(claim_id)}, credibility {r['credibility']}")
    lines.append(f"  {_quote(r['text'])}")
    lines.append("")
    lines.append("Rests on:")
    shown = set()

    def walk(k, prefix):
        shown.add(k)
        cites = by_claim.get(k, [])
        supports = [c for c in cites if c.relation != "disputes"]
        items = list(cites)
        if not supports:
            items = [("own reporting", None)] + items
        for i, item in enumerate(items):
            last = i == len(items) - 1
            branch, cont = ("└─ ", "   ") if last else ("├─ ", "│  ")
            if item[1] is None:
                lines.append(f"{prefix}{branch}own reporting by {source_label(ctx.loc[k, 'source_id'])}")
                continue
            cited, relation = item
            note = " (not followed)" if relation == "disputes" else ""
            if cited in ctx.index:
                again = cited in shown
                tail = " (loop: shown above)" if again else note
                lines.append(f"{prefix}{branch}{relation} {claim_label(cited)}{tail}")
                if not again and relation != "disputes":
                    walk(cited, prefix + cont)
            else:
                lines.append(f"{prefix}{branch}{relation} {source_label(cited)}{note}")

    walk(claim_id, "  ")
    lines.append("")
    n = len(found)
    lines.append(f"Origins ({n} independent origin{'s' if n != 1 else ''}):" if n else
                 "Origins: none — this claim rests only on a loop of claims citing each other")
    for row in found.itertuples(index=False):
        lines.append(f"  {row.source_id:<20} {row.name} ({row.kind}), reliability {row.reliability}, "
                     f"{row.hops} hop{'s' if row.hops != 1 else ''}")
    return "\n".join(lines)


def _load_or_report(path):
    from .case import _problem_order, check_case
    case, problems, warnings = check_case(path)
    everything = sorted(problems + warnings, key=_problem_order)  # the loader's order: file, then line
    for line in format_problems(everything):
        print(line)
    return case, problems


def _story_problems(path) -> list:
    """Problems of the optional story.csv beside a case folder's tables (``kit.story.read_story`` checks it)."""
    from .errors import CaseError
    from .reading import resolve_case_path
    kind, folder = resolve_case_path(path)
    file = os.path.join(folder, "story.csv")
    if kind != "folder" or not os.path.exists(file):
        return []
    from .story import read_story
    try:
        read_story(file)
    except CaseError as err:
        return list(err.problems)
    return []


def _check(args) -> int:
    case, problems = _load_or_report(args.path)
    story = _story_problems(args.path)
    for line in format_problems(story):
        print(line)
    problems = problems + story
    if case is None or story:
        n = len(problems)
        print(f"{n} problem{'s' if n != 1 else ''} found in {args.path}; fix them and run kit check again",
              file=sys.stderr)
        return 1
    print(summary_line(case))
    return 0


def _valid_case(args, doing: str):
    """The case, or None after printing its problems and that they stop ``doing``."""
    case, _ = _load_or_report(args.path)
    if case is None:
        print(f"{args.path} has problems; fix them (see kit check) before {doing}", file=sys.stderr)
    return case


def _trace(args) -> int:
    case = _valid_case(args, "tracing a claim")
    if case is None:
        return 1
    try:
        print(trace_text(case, args.claim_id))
    except KeyError as e:
        print(f"{args.path}: {e.args[0]}", file=sys.stderr)
        return 1
    return 0


_REVEAL_WARNING = ("kit: warning: --reveal-confidential: confidential sources are shown by name, url and notes; "
                   "this output is an internal draft: do not publish it")


def _publish(args) -> int:
    case = _valid_case(args, "publishing")
    if case is None:
        return 1
    from .publish import publish
    if args.reveal_confidential:
        print(_REVEAL_WARNING, file=sys.stderr)
    try:
        page = publish(case, args.out_dir, reveal_confidential=args.reveal_confidential, notebook=args.notebook)
    except ValueError as e:
        print(f"{args.path}: {e}", file=sys.stderr)
        return 1
    print(f"wrote {page}")
    return 0


def _export(args) -> int:
    case = _valid_case(args, "exporting")
    if case is None:
        return 1
    from .export import export
    if args.reveal_confidential:
        print(_REVEAL_WARNING, file=sys.stderr)
    try:
        files = export(case, args.out_dir, reveal_confidential=args.reveal_confidential)
    except ValueError as e:
        print(f"{args.path}: {e}", file=sys.stderr)
        return 1
    for path in files.values():
        print(f"wrote {path}")
    return 0


def main(argv=None) -> int:
    """Run the command line; return the exit code.

    Examples
    --------
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
    p.add_argument("--reveal-confidential", action="store_true",
                   help="internal drafts only: show confidential sources by name (prints a warning)")
    p.add_argument("--notebook", metavar="IPYNB",
                   help="also run this notebook and write it beside the page as notebook.html (offline)")
    p.set_defaults(func=_publish)
    p = sub.add_parser("export", help="write GEXF, GraphML, node-link JSON, safe CSV and ClaimReview JSON-LD")
    p.add_argument("path", help="the case's folder, its case.toml, or an .xlsx workbook")
    p.add_argument("out_dir", help="the folder to write the files into (created if needed)")
    p.add_argument("--reveal-confidential", action="store_true",
                   help="internal use only: keep confidential sources' names (prints a warning)")
    p.set_defaults(func=_export)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (BrokenPipeError, KeyboardInterrupt):
        return 1
    except Exception as e:  # noqa: BLE001 - never a traceback for the user; KIT_DEBUG=1 shows it
        if os.environ.get("KIT_DEBUG"):
            raise
        print(f"kit: internal error ({type(e).__name__}: {e}); this is a bug in the kit, not in your data — "
              "please report it with the command you ran (KIT_DEBUG=1 shows the details)", file=sys.stderr)
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
