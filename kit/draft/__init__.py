"""``kit draft``: a first draft of a case from one article, for the reporter to correct (``docs/draft.md``).

The draft proposes, from attribution cues in the article's own words, the sources a statement rests on, the
reports that relay them, the claims (verbatim spans) and the citations between them. Every guess carries a
``draft: check …`` note. It is never a finished case.

Examples
--------
>>> import kit.draft
>>> tables = kit.draft.draft_case("At least two men were killed, their associates told Reuters.",
...                               publisher="Example Post", published="2018-02-13")
>>> tables["sources"]["name"].tolist()
['Example Post', 'Reuters', 'Their associates (unnamed, via Reuters)']
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from kit.draft.build import COLUMNS, DraftError, build_tables
from kit.draft.cues import find_attributions
from kit.draft.extract import ArticleError, read_article, sentences
from kit.draft.matching import compare

__all__ = [
    "draft_case",
    "write_draft",
    "write_coverage",
    "compare",
    "DraftError",
    "ArticleError",
    "PROGRESS_ARTICLES",
]

#: by default, a draft of at least this many articles shows its progress (:func:`write_coverage`)
PROGRESS_ARTICLES = 20


def draft_case(
    text: str,
    *,
    publisher: str | None = None,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    notes: str = "",
) -> dict:
    """Draft the four case tables from an article's main text.

    Parameters
    ----------
    text : str
        The article's main text (see :func:`kit.draft.extract.read_article`); paragraphs separated by ``\\n``.
    publisher, published, url, title : str, optional
        The article's own publisher, date (ISO 8601, as the case format wants), address and title.
        ``published`` is required: a case needs a date for every report, and quoted reports get this one too.
    notes : str
        Added to the article's own report's notes.

    Returns
    -------
    dict of str to pandas.DataFrame
        ``sources``, ``reports``, ``claims`` and ``citations``, all text (``""`` for empty), in the case format's
        columns plus ``basis`` on citations and ``notes`` on claims and citations.

    Raises
    ------
    DraftError
        No ``published`` date.

    See Also
    --------
    write_draft : the same, from a file, written as a case folder.
    compare : how much of a hand-built case a draft proposes.

    Examples
    --------
    >>> t = draft_case("Bloomberg said more than 200 died.", publisher="P", published="2018-02-13")
    >>> t["claims"][["text", "low", "high"]].values.tolist()
    [['Bloomberg said more than 200 died.', '201', '']]
    >>> t["citations"][["cites", "basis"]].values.tolist()
    [['bloomberg', 'stated']]
    """
    if not published:
        raise DraftError(
            "the article's date is not known: give it with --published DATE (e.g. 2018-02-13); "
            "a case needs a published date for every report"
        )
    return build_tables(
        text,
        find_attributions(sentences(text)),
        publisher=publisher,
        published=published,
        url=url,
        title=title,
        notes=notes,
    )


def _refuse_existing(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise DraftError(f"{out}: this is a file, not a folder; give a new folder for the draft")
    if out.is_dir():
        from kit.store.outputs import CASE_FILES

        held = [f for f in CASE_FILES if (out / f).exists()]
        if held:
            raise DraftError(
                f"{out}: this folder already holds a case ({', '.join(held)}); kit draft never writes "
                "into an existing case: give a new folder"
            )
        if any(out.iterdir()):
            raise DraftError(f"{out}: this folder is not empty; kit draft writes only into a new or empty folder")


def _refuse_unwritable(article_path, article, **given) -> None:
    """A NUL byte (a binary file, or UTF-16 read as UTF-8) or a blank value given on the command line cannot go
    into a case's tables: say so, before anything is written."""
    for field in ("text", "title", "publisher", "url", "published"):
        value = getattr(article, field, None) or ""
        if "\x00" in value:
            line = value.count("\n", 0, value.index("\x00")) + 1
            where = f" (line {line} of its text)" if field == "text" else f" (in its {field})"
            raise ArticleError(
                f"{article_path}: the article holds a NUL byte{where}; it looks like a binary file, or UTF-16 "
                "text: give the article as UTF-8 text (.txt, .md or a saved .html page)"
            )
    for option, value in given.items():
        if value is not None and (not value.strip() or "\x00" in value):
            raise DraftError(
                f"--{option} {value!r} is blank or holds a NUL byte; give the article's {option} "
                "(e.g. --publisher 'Tsarizm', --published 2018-02-13), or leave the option out"
            )


def write_draft(
    article_path, out_dir, *, publisher: str | None = None, published: str | None = None, url: str | None = None
) -> Path:
    """Draft a case from an article file and write it as a new case folder, atomically.

    The tables are written to a temporary folder beside ``out_dir``, loaded back with :func:`kit.load_case`
    (so the draft passes ``kit check``), and only then renamed to ``out_dir``; into an existing empty folder they
    are written all at once (:func:`kit.store.journal.write_folder`), and the folder keeps its permissions.
    Nothing is ever written into an existing case. What the command line leaves out is taken from the page's
    metadata where an HTML page has it (marked ``draft: check``).

    Parameters
    ----------
    article_path : str or Path
        A ``.txt``, ``.md`` or saved ``.html`` article.
    out_dir : str or Path
        A folder that does not exist yet, or is empty.
    publisher, published, url : str, optional
        The article's publisher, date and address.

    Returns
    -------
    Path
        ``out_dir``.

    Raises
    ------
    ArticleError
        The article cannot be read.
    DraftError
        ``out_dir`` exists and is not empty, or no date is known.

    Examples
    --------
    >>> import os, tempfile, kit
    >>> d = tempfile.mkdtemp()
    >>> art = os.path.join(d, "a.txt")
    >>> _ = open(art, "w", encoding="utf-8").write("Two of the Russians said at least two were killed.\\n")
    >>> out = write_draft(art, os.path.join(d, "case"), publisher="P", published="2018-02-13")
    >>> kit.load_case(out).claims["low"].tolist()
    [2]
    >>> write_draft(art, out, publisher="P", published="2018-02-13")
    Traceback (most recent call last):
    ...
    kit.draft.build.DraftError: ...: this folder already holds a case (...); kit draft never writes into ...
    """

    out = Path(out_dir)
    _refuse_existing(out)
    article = read_article(article_path)
    _refuse_unwritable(article_path, article, publisher=publisher, published=published, url=url)
    notes = []
    if not publisher and article.publisher:
        publisher = article.publisher
        notes.append("draft: check publisher (from the page's metadata)")
    if not published and article.published:
        published = article.published
        notes.append("draft: check date (from the page's metadata)")
    if not url and article.url:
        url = article.url
    notes.append(f"Drafted by kit draft from {Path(article_path).name}.")
    tables = draft_case(
        article.text, publisher=publisher, published=published, url=url, title=article.title, notes=" ".join(notes)
    )
    name = article.title or Path(article_path).stem
    meta = {
        "title": f"Draft: {name}",
        "summary": f"A first draft made by kit draft from {Path(article_path).name}: every row is a proposal "
        "to check against the article (see the 'draft: check' notes), not a finished case.",
    }
    return _write(tables, meta, out, published)


def write_coverage(paths, out_dir, *, published: str | None = None, progress: bool | None = None) -> Path:
    """Draft one case from a story's coverage (several articles, or a folder of them) and write it, atomically.

    See :mod:`kit.draft.coverage`: one report per article, sources merged by entity across articles, citations of
    an outlet that published an article of the set pointed at its claim, propositions by what they count.

    Parameters
    ----------
    paths : list of str or Path
        Article files (``.txt``, ``.md``, saved ``.html``) and folders holding them.
    out_dir : str or Path
        A folder that does not exist yet, or is empty.
    published : str, optional
        The date of the articles whose page gives none.
    progress : bool, optional
        Show a bar of the articles drafted (tqdm: in a terminal, on standard error; in a notebook, a widget). By
        default, for at least :data:`PROGRESS_ARTICLES` articles. Interrupting the draft (Ctrl-C, or the
        notebook's stop button) writes nothing.

    Returns
    -------
    Path
        ``out_dir``.

    Raises
    ------
    ArticleError
        An article cannot be read.
    DraftError
        ``out_dir`` exists and is not empty, no article is given, or an article has no date.

    Examples
    --------
    >>> import os, tempfile, kit
    >>> d = tempfile.mkdtemp()
    >>> for name, text in [("reuters.txt", "Two people were killed in the blast, police said."),
    ...                    ("daily.txt", "Two people were killed in the blast, according to Reuters.")]:
    ...     _ = open(os.path.join(d, name), "w", encoding="utf-8").write(text + "\\n")
    >>> out = write_coverage([os.path.join(d, "reuters.txt"), os.path.join(d, "daily.txt")], os.path.join(d, "case"),
    ...                      published="2024-01-02")
    >>> kit.load_case(out).citations[["claim_id", "cites"]].values.tolist()
    [['reuters-article-1', 'police'], ['daily-article-1', 'reuters-article-1']]
    """
    from kit.draft.coverage import article_paths, draft_coverage

    out = Path(out_dir)
    _refuse_existing(out)
    files = article_paths(paths)
    if not files:
        raise DraftError("no article given: name the articles' files or a folder holding them")
    articles = [read_article(f) for f in files]
    for f, article in zip(files, articles, strict=True):  # what write_draft refuses, refused for every article
        _refuse_unwritable(f, article, published=published)
    shown = len(files) >= PROGRESS_ARTICLES if progress is None else bool(progress)
    tables = draft_coverage(articles, published=published, progress=shown)
    meta = {
        "title": f"Draft: the coverage of {len(files)} articles",
        "summary": f"A first draft made by kit draft from {', '.join(f.name for f in files)}: every row is a "
        "proposal to check against the articles (see the 'draft: check' notes), not a finished case.",
    }
    return _write(tables, meta, out, published)


def _write(tables: dict, meta: dict, out: Path, published: str | None) -> Path:
    """Write the tables into a temporary folder beside ``out``, load them back as a case, then rename it to ``out``."""
    from kit.case import load_case
    from kit.errors import CaseError
    from kit.store.atomic import atomic_write_all, temp_name
    from kit.store.journal import write_folder
    from kit.store.saving import meta_toml, table_csv

    place = Path(os.path.abspath(out))  # "." has no name to put a temporary folder beside
    place.parent.mkdir(parents=True, exist_ok=True)
    existing = out.is_dir()  # an empty folder: written into (its mode stays), never renamed over
    tmp = Path(tempfile.mkdtemp()) if existing else temp_name(place)
    if not existing:
        os.mkdir(tmp)  # as any new folder (the umask's permissions), not mkdtemp's 0700
    try:
        texts = {f"{table}.csv": table_csv(frame[COLUMNS[table]], table) for table, frame in tables.items()}
        texts["case.toml"] = meta_toml(meta)
        atomic_write_all({tmp / name: text for name, text in texts.items()})
        try:
            load_case(tmp)
        except CaseError as e:
            if any(p.column == "published" for p in e.problems):
                raise DraftError(
                    f"--published {published!r} is not a date the case format reads; give an ISO 8601 "
                    "date such as 2018-02-13 (or 2018-02, 2018)"
                ) from None
            raise DraftError(
                "the draft does not load as a case (a bug in kit draft, please report it): "
                + "; ".join(str(p) for p in e.problems[:5])
            ) from None
        _refuse_existing(out)
        if existing:
            write_folder(out, texts)  # all the files or none
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            os.rename(tmp, out)  # onto a missing folder: atomic
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out
