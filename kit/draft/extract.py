"""The article's main text, from a ``.txt``, ``.md`` or saved ``.html`` file, and its sentences.

The text returned here *is* the article for :mod:`kit.draft`: every draft claim's ``text`` and every citation's
``evidence`` is a verbatim span of it. A ``.txt`` file is taken as it is (one paragraph per line; line endings made
``\\n``); a ``.md`` file loses its markup (headings' ``#``, emphasis, link targets, list bullets); a saved ``.html``
page is reduced to its main text by ``trafilatura``, which leaves out navigation, footers, comments and other
boilerplate, and its metadata (site name, date, address, title) fill in what the command line did not give.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kit.draft.glued import GLUED_END

__all__ = [
    "Article",
    "Sentence",
    "read_article",
    "markdown_text",
    "html_text",
    "sentences",
    "quote_depths",
    "ArticleError",
]

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")

#: words ending in a full stop that do not end a sentence
ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "col",
    "lt",
    "sgt",
    "st",
    "no",
    "vs",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "e.g",
    "i.e",
    "etc",
    "approx",
    "gov",
    "sen",
    "rep",
    "capt",
    "maj",
    "prof",
    "jr",
    "sr",
    "inc",
    "ltd",
    "corp",
    "co",
}


class ArticleError(ValueError):
    """The article cannot be read: the message says which file and what to do."""


@dataclass(frozen=True)
class Article:
    """An article's main text and what its file says about it.

    Attributes
    ----------
    text : str
        The main text; paragraphs separated by ``\\n``.
    title, publisher, published, url : str or None
        From the file where it has them (an HTML page's metadata, a Markdown file's first heading).
    path : str or None
        The file read.
    """

    text: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    path: str | None = None


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article: ``text == article_text[start:end]``; ``paragraph`` counts from 0."""

    text: str
    start: int
    end: int
    paragraph: int


def read_article(path) -> Article:
    """Read an article file and return its main text.

    Parameters
    ----------
    path : str or Path
        A ``.txt``, ``.md`` or ``.html`` file, UTF-8.

    Returns
    -------
    Article

    Raises
    ------
    ArticleError
        The file is missing, not UTF-8, of another type, or has no text.

    Examples
    --------
    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "a.md")
    >>> _ = open(p, "w").write("# Title\\n\\nReuters **said** [so](http://x).\\n")
    >>> a = read_article(p); a.title, a.text
    ('Title', 'Title\\nReuters said so.')
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise ArticleError(
            f"{p}: kit draft reads .txt, .md or saved .html files; this one is '{suffix or 'no suffix'}'"
            "; save the article as one of those"
        )
    if not p.is_file():
        raise ArticleError(f"{p}: there is no such file; give the path of the saved article")
    data = p.read_bytes()
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ArticleError(f"{p}: the file is not UTF-8 (byte {e.start}); re-save it as UTF-8") from None
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if suffix in (".html", ".htm"):
        text, meta = html_text(raw)
        article = Article(text=text, path=str(p), **meta)
    elif suffix in (".md", ".markdown"):
        text, title = markdown_text(raw)
        article = Article(text=text, title=title, path=str(p))
    else:
        text = raw.strip("\n")
        first = next((line.strip() for line in text.split("\n") if line.strip()), None)
        article = Article(text=text, title=first, path=str(p))
    if not article.text.strip():
        raise ArticleError(f"{p}: no article text found in this file; check that it is the saved article itself")
    return article


def markdown_text(md: str) -> tuple[str, str | None]:
    """Markdown without its markup, one paragraph per line, and its first heading.

    Front matter, code blocks, comments, headings' ``#``, emphasis, link targets, images, list bullets and ``>``
    are removed; the lines of one paragraph are joined with spaces.

    Parameters
    ----------
    md : str
        The Markdown source.

    Returns
    -------
    (text, title) : tuple of str and str or None
        The plain text, one paragraph per line, and the first heading's text (None without a heading).

    See Also
    --------
    read_article : which calls it for ``.md`` files.
    html_text : the same for a saved HTML page.

    Examples
    --------
    >>> markdown_text("---\\ntitle: x\\n---\\n## Head\\n\\n> *AFP* said\\n> it.\\n\\n- [a](u) b\\n")
    ('Head\\nAFP said it.\\na b', 'Head')
    """
    md = re.sub(r"\A---\n.*?\n---\n", "", md, flags=re.S)  # front matter
    md = _closed(md, r"```.*?```", "```")  # code blocks
    md = _closed(md, r"<!--.*?-->", "-->")
    paragraphs: list[str] = []
    block: list[str] = []
    title = None

    def flush():
        if block:
            paragraphs.append(" ".join(block))
            block.clear()

    for line in md.split("\n"):
        s = line.strip()
        heading = re.match(r"#{1,6}\s+(.*?)\s*#*$", s)
        if not s or re.fullmatch(r"[-*_=]{3,}", s):
            flush()
        elif heading:
            flush()
            paragraphs.append(_inline(heading.group(1)))
            title = title or paragraphs[-1]
        else:
            s = re.sub(r"^(>\s*)+", "", s)
            if re.match(r"([-*+]|\d+[.)])\s+", s):
                flush()
                s = re.sub(r"^([-*+]|\d+[.)])\s+", "", s)
            if s:
                block.append(_inline(s))
    flush()
    return "\n".join(p for p in paragraphs if p), title


def _closed(md: str, pattern: str, close: str) -> str:
    """``pattern`` (a span up to ``close``) removed, looked for only before the last ``close``: an opening with no
    close after it would be scanned to the end of the text from each such opening (quadratic)."""
    end = md.rfind(close)
    if end < 0:
        return md
    end += len(close)
    return re.sub(pattern, "", md[:end], flags=re.S) + md[end:]


def _inline(s: str) -> str:
    # every span stops at the next mark of its kind, so an unclosed one ("*a *a *a ...") costs one scan, not one
    # scan from each mark to the end of the line (quadratic)
    s = re.sub(r"!\[[^\[\]]*\]\([^()]*\)", "", s)  # images
    s = re.sub(r"\[([^\[\]]*)\]\([^()]*\)", r"\1", s)  # links
    s = re.sub(r"\[([^\[\]]*)\]\[[^\[\]]*\]", r"\1", s)
    s = re.sub(r"`([^`]*)`", r"\1", s)
    s = re.sub(r"\*\*([^*]+?)\*\*|__([^_]+?)__", lambda m: m.group(1) or m.group(2), s)
    s = re.sub(r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])", r"\1", s)
    s = re.sub(r"(?<![\w_])_(?!\s)([^_]+?)(?<!\s)_(?![\w_])", r"\1", s)
    s = re.sub(r"<[^<>]+>", "", s)
    return re.sub(r"[ \t]+", " ", s).strip()


def html_text(html: str) -> tuple[str, dict]:
    """The main text of a saved HTML page (``trafilatura``), and its title, publisher, date and address.

    Navigation, tickers, related-article boxes, comments and footers are left out by trafilatura's
    precision-first extraction. ``trafilatura`` is imported only here.

    Parameters
    ----------
    html : str
        The page's HTML source.

    Returns
    -------
    (text, meta) : tuple of str and dict
        The main text, one paragraph per line, and ``{"title", "publisher", "published", "url"}`` from the page's
        metadata (each a string or None).

    See Also
    --------
    read_article : which calls it for ``.html`` files.
    markdown_text : the same for Markdown.

    Examples
    --------
    >>> page = ("<html><head><title>T</title></head><body><nav>Home | Subscribe</nav><article><h1>T</h1>"
    ...         "<p>Reuters said two were killed in the clashes on the border, officials say.</p></article>"
    ...         "<footer>Copyright</footer></body></html>")
    >>> text, meta = html_text(page)
    >>> "Subscribe" in text, "Reuters said two were killed" in text, meta["title"]
    (False, True, 'T')
    """
    import trafilatura

    text = (
        trafilatura.extract(
            html, include_comments=False, include_tables=False, favor_precision=True, output_format="txt"
        )
        or ""
    )
    meta = trafilatura.extract_metadata(html)
    text = "\n".join(line.strip() for line in text.split("\n") if line.strip())

    def get(name):
        v = getattr(meta, name, None) if meta is not None else None
        return str(v).strip() if v else None

    return text, {"title": get("title"), "publisher": get("sitename"), "published": get("date"), "url": get("url")}


#: the longest sentence, in characters: a longer run with no sentence end (not prose: a list, a table flattened,
#: a hostile file) is cut at blanks into pieces this long, so that drafting stays linear in the article's length
_LONGEST = 1000
#: how far before a full stop its word is looked for (an abbreviation or initialism is shorter)
_WORD = 64
_END = re.compile(r"[.!?]+[”\"’)\]]*(?=\s+[“\"‘(\[]?[A-Z0-9])|…[”\"’]*(?=\s*[“\"‘]?[A-Z])|" + GLUED_END)


def sentences(text: str) -> list[Sentence]:
    """Split the article into sentences, each a verbatim span, never across a line break.

    A full stop after a known abbreviation ("Feb.", "Mr.") or an initialism ("U.S.") ends no sentence;
    an ellipsis followed by a capital does ("area…But"). A run longer than 1,000 characters with no
    sentence end is cut at blanks into pieces of at most that length.

    Parameters
    ----------
    text : str
        The article's text, one paragraph per line.

    Returns
    -------
    list of Sentence
        Each with its ``text`` (``text[start:end]`` of the article, exactly), ``start``, ``end`` and the
        ``paragraph`` (line) it is in.

    See Also
    --------
    kit.draft.cues.find_attributions : reads these sentences.

    Examples
    --------
    >>> [s.text for s in sentences("The U.S. official said so. It died on Feb. 7. Then…But no.\\nNew line")]
    ['The U.S. official said so.', 'It died on Feb. 7.', 'Then…', 'But no.', 'New line']
    """
    out: list = []
    pos = 0
    for n, line in enumerate(text.split("\n")):
        start = 0
        for m in _END.finditer(line):
            # the word before the mark, looked for near it only (not from the sentence's start: quadratic)
            word = re.search(r"([\w.]+)[.!?…]*[”\"’)\]]*$", line[max(start, m.start() - _WORD) : m.end()])
            w = word.group(1).lower().rstrip(".") if word else ""
            if m.group().startswith(".") and (
                w in ABBREVIATIONS or re.fullmatch(r"(\w\.)*\w", w) and "." in w or re.fullmatch(r"[a-z]", w)
            ):
                continue
            _add(out, line, start, m.end(), pos, n)
            start = m.end()
        _add(out, line, start, len(line), pos, n)
        pos += len(line) + 1
    return out


def _add(out, line, start, end, pos, n):
    while end - start > _LONGEST:  # not prose: cut at a blank, so the work on one sentence stays bounded
        cut = line.rfind(" ", start + 1, start + _LONGEST)
        cut = cut if cut > start else start + _LONGEST
        _add_one(out, line, start, cut, pos, n)
        start = cut
    _add_one(out, line, start, end, pos, n)


def _add_one(out, line, start, end, pos, n):
    piece = line[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    if piece:
        s = pos + start + lead
        out.append(Sentence(piece, s, s + len(piece), n))


def quote_depths(text: str, start_depth: int = 0) -> list[int]:
    """How deep in quotation marks each character of ``text`` is (one more value: the depth after its end).

    Parameters
    ----------
    text : str
        A sentence.
    start_depth : int
        The depth at its start (a quotation may run on from the sentence before).

    Returns
    -------
    list of int
        ``len(text) + 1`` depths; an opening mark is at the depth outside it.

    Examples
    --------
    >>> quote_depths("“No,” he said")[:6]
    [0, 1, 1, 1, 0, 0]
    """
    out, d = [], start_depth
    for ch in text:
        if ch == "“" or (ch == '"' and d == 0):
            out.append(d)
            d += 1
            continue
        if ch == "”" or ch == '"':
            d = max(d - 1, 0)
        out.append(d)
    return out + [d]
