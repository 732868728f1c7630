"""Reading ``case.toml``: its settings, and the line each setting is written on (for problems that name a line)."""

from __future__ import annotations

import re
import tomllib

from kit.errors import Problem
from kit.reading.raw import RawCase, read_bytes
from kit.schema import META_KEYS

__all__ = ["read_toml", "read_toml_text", "take_meta", "key_lines", "line_of", "MAX_DEPTH"]

#: how deeply case.toml may nest tables and lists (a verdict is three levels: verdicts, the proposition, its
#: settings); deeper settings could not be saved or copied again
MAX_DEPTH = 32

_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_DOTTED = rf"{_KEY}(?:\s*\.\s*{_KEY})*"
_HEADER = re.compile(rf"^\s*\[\[?\s*({_DOTTED})\s*\]\]?")
_ASSIGN = re.compile(rf"^\s*({_DOTTED})\s*=(.*)$")


def read_toml(file: str, raw: RawCase) -> None:
    """Read ``case.toml`` into ``raw.meta`` (and ``raw.meta_lines``), or append why it cannot be read.

    Parameters
    ----------
    file : str
        The path of the ``case.toml``.
    raw : RawCase
        The case being read: its ``meta`` and ``meta_lines`` are filled, its ``problems`` appended to (a file that
        is not UTF-8, not TOML, or nested deeper than :data:`MAX_DEPTH`).

    See Also
    --------
    take_meta : takes the settings read into ``raw``.
    key_lines : the line of each setting, for the messages.
    kit.checking.meta : checks the settings.

    Examples
    --------
    >>> import tempfile, os
    >>> f = os.path.join(tempfile.mkdtemp(), "case.toml")
    >>> _ = open(f, "w", encoding="utf-8").write('title = "T"\\n\\n[verdicts.p]\\nrating = "False"\\n')
    >>> raw = RawCase(".")
    >>> read_toml(f, raw)
    >>> raw.meta, raw.meta_lines[("verdicts", "p", "rating")]
    ({'title': 'T', 'verdicts': {'p': {'rating': 'False'}}}, 4)
    """
    data = read_bytes(file, raw.problems)
    if data is None:
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raw.problems.append(Problem(file, 0, None, "the file is not UTF-8; re-save it as UTF-8 text"))
        return
    read_toml_text(text, file, raw)


def read_toml_text(text: str, file: str, raw: RawCase) -> None:
    """Read the text of a ``case.toml`` into ``raw.meta`` (and ``raw.meta_lines``), or append why it cannot be read.

    What :func:`read_toml` does once the file is read (a PROV document carries its ``case.toml`` as text).

    Parameters
    ----------
    text : str
        The settings, as TOML text.
    file : str
        The name problems give (``case.prov.json#case.toml``).
    raw : RawCase
        As for :func:`read_toml`.

    Examples
    --------
    >>> raw = RawCase(".")
    >>> read_toml_text("title = 5\\nlanguage = [", "doc#case.toml", raw)
    >>> print(raw.problems[0])  # doctest: +ELLIPSIS
    doc#case.toml: the file is not valid TOML (...); write one setting per line, text in double quotes, ...
    """
    try:
        meta = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raw.problems.append(
            Problem(
                file,
                0,
                None,
                f"the file is not valid TOML ({e}); write one setting per line, "
                'text in double quotes, e.g. title = "Deir ez-Zor, 7 Feb 2018"',
            )
        )
        return
    except RecursionError:  # lists or inline tables nested hundreds deep: Python's TOML reader recurses
        line, key = _deep_line(text)
        raw.problems.append(_too_deep(file, line, key))
        return
    lines = key_lines(text)
    deep = _deep_path(meta)
    if deep is not None:
        below = [n for path, n in lines.items() if path[: len(deep)] == deep]  # where the deep part is written
        raw.problems.append(_too_deep(file, min(below, default=line_of(lines, deep)), deep[0]))
        return
    take_meta(meta, file, raw, lines)


def _too_deep(file: str, line: int, key: str) -> Problem:
    return Problem(
        file,
        line,
        key,
        f"the setting nests tables or lists more than {MAX_DEPTH} levels deep, more "
        "than the kit reads; case.toml holds text, numbers, dates, lists and tables a "
        "few levels deep: flatten it, or delete it",
    )


def _deep_path(meta: dict) -> tuple | None:
    """The key path to a value nested more than MAX_DEPTH tables or lists deep in ``meta``, else None
    (without recursion: the nesting may be thousands deep).

    >>> _deep_path({"a": {"b": [1]}}) is None, _deep_path({"a": [[[[1]]]]}) is None
    (True, True)
    """
    stack: list[tuple[dict | list, tuple, int]] = [(meta, (), 1)]
    while stack:
        node, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            return path[:1] + path[1:MAX_DEPTH]
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for k, v in items:
            if isinstance(v, (dict, list)):
                stack.append((v, path + ((k,) if isinstance(node, dict) else ()), depth + 1))
    return None


def _deep_line(text: str) -> tuple:
    """``(line, key)`` where brackets first nest more than MAX_DEPTH deep in a TOML text (strings skipped)."""
    depth, quote, key = 0, None, None
    for n, line in enumerate(text.splitlines(), start=1):
        m = _ASSIGN.match(line)
        if m and depth == 0:
            key = (_path(m.group(1), False) or (None,))[0]
        i = 0
        while i < len(line):
            ch = line[i]
            if quote:
                if ch == "\\" and quote == '"':
                    i += 1
                elif ch == quote:
                    quote = None
            elif ch in "\"'":
                quote = ch
            elif ch == "#":
                break
            elif ch in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    return n, key
            elif ch in "]}":
                depth -= 1
            i += 1
    return 0, None


def take_meta(meta: dict, file: str, raw: RawCase, lines: dict | None = None) -> None:
    """Take the case's settings into ``raw``: the text settings (``title``, ...) must be text.

    Parameters
    ----------
    meta : dict
        The settings, as TOML reads them (from ``case.toml`` or a workbook's ``case`` sheet).
    file : str
        Where they were read, for the problems and as ``raw.meta_file``.
    raw : RawCase
        The case being read: ``meta`` and ``meta_lines`` are updated, ``problems`` appended to.
    lines : dict, optional
        ``key path -> line`` of the settings (:func:`key_lines`).

    See Also
    --------
    kit.schema.META_KEYS : the text settings.

    Examples
    --------
    >>> raw = RawCase(".")
    >>> take_meta({"title": 2018}, "case.toml", raw)
    >>> print(raw.problems[0])
    case.toml: 'title' must be text in double quotes, e.g. title = "..."
    """
    for key in META_KEYS:
        if key in meta and not isinstance(meta[key], str):
            raw.problems.append(Problem(file, 0, None, f"'{key}' must be text in double quotes, e.g. {key} = \"...\""))
    raw.meta.update(meta)
    raw.meta_file = file
    raw.meta_lines.update(lines or {})


def _path(dotted: str, header: bool) -> tuple | None:
    """The key path a dotted key (or a table header's name) stands for, as TOML reads it."""
    try:
        node = tomllib.loads(f"[{dotted}]" if header else f"{dotted} = 0")
    except tomllib.TOMLDecodeError:
        return None
    path = []
    while isinstance(node, dict) and len(node) == 1:
        key = next(iter(node))
        path.append(key)
        node = node[key]
    return tuple(path)


def key_lines(text: str) -> dict:
    """``key path -> line`` for every table header and setting of a TOML text (first place written).

    Parameters
    ----------
    text : str
        The TOML text.

    Returns
    -------
    dict of tuple to int
        Each key path (``("verdicts", "p", "rating")``) and the line (from 1) it is first written on.

    See Also
    --------
    line_of : the line of a key path, or of the nearest table that holds it.

    Examples
    --------
    >>> q = '"' * 3  # a multi-line string: the lines inside it are not settings
    >>> text = "\\n".join(['title = "x"', '[verdicts."my prop"]', f"rating = {q}a", f"b = c{q}", "note.x = 1"])
    >>> key_lines(text)
    {('title',): 1, ('verdicts', 'my prop'): 2, ('verdicts', 'my prop', 'rating'): 3,
     ('verdicts', 'my prop', 'note', 'x'): 5}
    """
    out: dict = {}
    table: tuple = ()
    open_quote = None
    for n, line in enumerate(text.splitlines(), start=1):
        if open_quote is not None:
            if open_quote in line:
                open_quote = None
            continue
        m = _HEADER.match(line)
        if m:
            table = _path(m.group(1), True) or table
            out.setdefault(table, n)
            continue
        m = _ASSIGN.match(line)
        if not m:
            continue
        key = _path(m.group(1), False)
        if key:
            out.setdefault(table + key, n)
        value = m.group(2)
        for quote in ('"""', "'''"):
            if value.count(quote) % 2:
                open_quote = quote
                break
    return out


def line_of(lines: dict, path: tuple) -> int:
    """The line of ``path``: where it is written, else where the nearest table holding it is (0: unknown).

    Parameters
    ----------
    lines : dict of tuple to int
        ``key path -> line`` (:func:`key_lines`).
    path : sequence of str
        The key path.

    Returns
    -------
    int
        The line, from 1; 0 when neither the key nor a table holding it is written.

    Examples
    --------
    >>> line_of({("verdicts",): 3}, ("verdicts", "p", "rating")), line_of({}, ("x",))
    (3, 0)
    """
    path = tuple(path)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return 0
