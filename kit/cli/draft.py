"""``kit draft ARTICLE [ARTICLE …] OUT_DIR [--publisher P] [--published DATE] [--url U]``.

One article gives the draft of that article; several (or a folder of them) give one case of a story's coverage.

Registered in :data:`kit.cli.COMMANDS` like every other command.

Exit codes as the rest of ``kit``: 0 written, 2 used wrongly (no such article, an existing folder, no date).
"""

from __future__ import annotations

import sys
from pathlib import Path

from kit.cli.common import say

__all__ = ["add_parser", "run"]


def add_parser(subparsers):
    """Add the ``draft`` subcommand to ``kit``'s subparsers; it runs :func:`run`.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        What ``ArgumentParser.add_subparsers()`` returned for ``kit``.

    Returns
    -------
    argparse.ArgumentParser
        The ``draft`` subcommand's parser (``article``, ``out_dir``, ``--publisher``, ``--published``, ``--url``).

    See Also
    --------
    run : what the subcommand does.
    kit.cli.main : the ``kit`` command that holds it.

    Examples
    --------
    >>> import argparse
    >>> parser = argparse.ArgumentParser(prog="kit")
    >>> p = add_parser(parser.add_subparsers(dest="command"))
    >>> args = parser.parse_args(["draft", "a.txt", "out", "--published", "2018-02-13"])
    >>> args.func is run, args.article, args.out_dir, args.published
    (True, ['a.txt'], 'out', '2018-02-13')
    >>> parser.parse_args(["draft", "a.txt", "b.html", "c.txt", "out"]).article
    ['a.txt', 'b.html', 'c.txt']
    """
    p = subparsers.add_parser(
        "draft",
        help="draft a case from one article (.txt, .md or saved .html) or a story's coverage, for you to correct",
        description="Propose sources, reports, claims and citations from the article's attribution cues "
        "('according to X', 'X said', 'told Reuters'). Every guess has a 'draft: check' note.",
    )
    p.add_argument(
        "article",
        nargs="+",
        help="the article: a .txt, .md or saved .html file; several, or a folder, for one case of a story's coverage",
    )
    p.add_argument("out_dir", help="a new (or empty) folder for the draft case; an existing case is never touched")
    p.add_argument("--publisher", metavar="P", help="who published the article (e.g. 'Tsarizm'); one article only")
    p.add_argument(
        "--published",
        metavar="DATE",
        help="when, as an ISO 8601 date (e.g. 2018-02-13); required unless the saved page's metadata has it",
    )
    p.add_argument("--url", metavar="U", help="the article's address; one article only")
    p.set_defaults(func=run)
    return p


def run(args) -> int:
    """Write the draft; print where and what to do next.

    Bad input (a missing or unreadable article, no date, an existing case in ``out_dir``) is one sentence on
    standard error and exit code 2, never a traceback.

    Parameters
    ----------
    args : argparse.Namespace
        ``article``, ``out_dir``, ``publisher``, ``published`` and ``url``, as :func:`add_parser` reads them.

    Returns
    -------
    int
        The exit code: 0 written, 2 the command was used wrongly (nothing written).

    See Also
    --------
    kit.draft.write_draft : what it calls.

    Examples
    --------
    >>> import argparse, os, tempfile
    >>> d = tempfile.mkdtemp()
    >>> art = os.path.join(d, "a.txt")
    >>> _ = open(art, "w", encoding="utf-8").write("Two of the Russians said at least two were killed.\\n")
    >>> run(argparse.Namespace(article=[art], out_dir=os.path.join(d, "case"), publisher="P",
    ...                        published="2018-02-13", url=None))  # doctest: +ELLIPSIS
    wrote .../case: a draft of 2 sources, 1 report, 1 claim and 1 citation; check every 'draft: check' note, then ...
    0
    >>> run(argparse.Namespace(article=["no/such.txt"], out_dir="x", publisher=None, published=None, url=None))
    2
    """
    from kit.case import load_case
    from kit.draft import ArticleError, DraftError, write_coverage, write_draft
    from kit.text.wording import plural

    try:
        articles = list(args.article)
        if len(articles) == 1 and not Path(articles[0]).is_dir():
            out = write_draft(
                articles[0], args.out_dir, publisher=args.publisher, published=args.published, url=args.url
            )
        elif args.publisher or args.url:
            raise DraftError(
                "--publisher and --url name one article's; with several, each saved page's metadata (or else its "
                "file's name) gives its publisher: draft one article at a time to give them"
            )
        else:
            out = write_coverage(articles, args.out_dir, published=args.published)
    except (ArticleError, DraftError) as e:
        say(f"kit draft: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        say(
            f"kit draft: cannot write {args.out_dir}: {e.strerror or e}; choose a folder you can write to",
            file=sys.stderr,
        )
        return 2
    case = load_case(out)
    say(
        f"wrote {out}: a draft of {plural(len(case.sources), 'source')}, {plural(len(case.reports), 'report')}, "
        f"{plural(len(case.claims), 'claim')} and {plural(len(case.citations), 'citation')}; "
        f"check every 'draft: check' note, then run kit check {out}"
    )
    return 0
