"""The ``kitdoc:case`` entity of a case's PROV document: the case's settings, its tables' columns and row order, and
the records' free texts, each written as short lines (:func:`text_lines`) and read back, checked
(:func:`read_case_entity`).

``prov.dot.prov_to_dot(document)`` writes every attribute of a record in a note beside the record, each value on one
line (Graphviz drops a value's line breaks). Written on each claim, report, source and citation, the free texts made
that drawing tens of thousands of points wide; written here, on one record drawn once, in lines of at most
:data:`LINE` characters, they make one note a reader can read, and the records keep their short, structured values.

An attribute ``kitdoc:NAME.K`` is line ``K`` (from 0; zero-padded, so a drawing lists the lines in order) of the text
``NAME``: ``meta_toml`` (``case.toml``), ``columns`` (each table's columns, as JSON), ``order`` (each table's ids in
row order, a citation ``[claim, cites]``, as JSON), or ``TABLE.ID.COLUMN`` (``citations.CLAIM.CITES.COLUMN``), the
free text in ``COLUMN`` of the row ``ID`` of ``TABLE`` (:func:`text_name`). The lines joined are the text, exactly.
Older documents held each of the first three in one attribute (``kitdoc:meta_toml``) and the free texts on the
records; they are read the same.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote, unquote

from kit.errors import Problem, shown
from kit.schema import COLUMNS, TABLES

__all__ = ["LINE", "TEXTS", "free_text", "text_name", "text_lines", "read_case_entity"]

#: the most characters a line of a text on the ``kitdoc:case`` entity has (more only where a line is cut nowhere else
#: than in a word longer than this, or ends in blank characters)
LINE = 100
#: the free texts of each table, written on the ``kitdoc:case`` entity, not on the records a drawing shows; so is
#: every text column the case format does not name
TEXTS = {
    "sources": ("url", "notes"),
    "reports": ("title", "url", "archive_url", "notes"),
    "claims": ("text", "subject"),
    "citations": ("evidence",),
}
_SETTINGS = ("meta_toml", "columns", "order")
_LINE_NAME = re.compile(r"(.+)\.([0-9]+)")


def free_text(table: str, column: str, value) -> bool:
    """Whether a cell's value is written on the ``kitdoc:case`` entity (a free text) rather than on its record.

    Parameters
    ----------
    table : str
        One of :data:`kit.schema.TABLES`.
    column : str
    value : object
        The cell's value as written (:class:`str` for a text).

    Returns
    -------
    bool
        True for a text in a column of :data:`TEXTS` or in a column the case format does not name.

    Examples
    --------
    >>> free_text("claims", "text", "Reuters said two were killed"), free_text("claims", "low", 2)
    (True, False)
    >>> free_text("claims", "certainty", "asserted"), free_text("claims", "my_note", "checked twice")
    (False, True)
    """
    return isinstance(value, str) and (column in TEXTS.get(table, ()) or column not in COLUMNS.get(table, ()))


def _pieces(text: str) -> list[str]:
    """``text`` cut at its line ends and, within a line, after the last space that keeps a piece within
    :data:`LINE`; a blank piece goes with its neighbour (a blank value is dropped by some PROV readers)."""
    pieces = []
    for line in text.splitlines(keepends=True):
        while len(line) > LINE:
            cut = line.rfind(" ", 0, LINE) + 1 or LINE
            pieces.append(line[:cut])
            line = line[cut:]
        pieces.append(line)
    out: list[str] = []
    for piece in pieces:
        if out and (not piece.strip() or not out[-1].strip()):
            out[-1] += piece
        else:
            out.append(piece)
    return out or [text]


def text_name(table: str, key, column: str) -> str:
    """The name of a free text on the ``kitdoc:case`` entity: ``TABLE.ID.COLUMN``, ``citations.CLAIM.CITES.COLUMN``.

    Parameters
    ----------
    table : str
    key : str or tuple of str
        The row's id, or a citation's ``(claim_id, cites)``; percent-encoded beyond ``[A-Za-z0-9_-]`` (a case's ids
        are slugs: nothing to encode), so a ``.`` in the name only ever separates its parts.
    column : str
        Percent-encoded beyond ``[A-Za-z0-9_.-]``, as the ``kit:`` attributes are.

    Returns
    -------
    str

    Examples
    --------
    >>> text_name("claims", "reuters-two-killed", "text"), text_name("citations", ("k1", "wire"), "evidence")
    ('claims.reuters-two-killed.text', 'citations.k1.wire.evidence')
    """
    keys = key if isinstance(key, tuple) else (key,)
    return ".".join(
        [table, *(quote(str(k), safe="-_").replace(".", "%2E") for k in keys), quote(str(column), safe="-_.")]
    )


def text_lines(name: str, text: str) -> dict[str, str]:
    """A text as the ``kitdoc:`` attributes that carry it: ``{"NAME.K": line K}``.

    Parameters
    ----------
    name : str
        The text's name: ``meta_toml``, ``columns``, ``order`` or :func:`text_name`'s.
    text : str

    Returns
    -------
    dict
        Local names (without the ``kitdoc:`` prefix) to lines, in order; joined, the lines are ``text``.

    Examples
    --------
    >>> lines = text_lines("claims.k1.text", "word " * 30)
    >>> list(lines), [len(v) for v in lines.values()]
    (['claims.k1.text.0', 'claims.k1.text.1'], [100, 50])
    >>> toml = 'title = "A"\\nlanguage = "en"\\n'
    >>> text_lines("meta_toml", toml)
    {'meta_toml.0': 'title = "A"\\n', 'meta_toml.1': 'language = "en"\\n'}
    """
    pieces = _pieces(text)
    digits = len(str(len(pieces) - 1))
    return {f"{name}.{k:0{digits}d}": piece for k, piece in enumerate(pieces)}


def _name_problem(reader, name: str, message: str) -> None:
    reader.problems.append(
        Problem(reader.name, 0, f"kitdoc:{name}", message + "; write the document again with kit.formats.prov")
    )


def read_case_entity(record, reader, uri: str) -> tuple:
    """What the ``kitdoc:case`` entity carries, each text joined from its lines, checked and read.

    Parameters
    ----------
    record : prov.model.ProvEntity
        The ``kitdoc:case`` entity.
    reader : object
        With ``name`` (the document, for messages) and ``problems`` (a list each problem is added to).
    uri : str
        The ``kitdoc:`` namespace's URI.

    Returns
    -------
    (kit.reading.raw.RawCase, dict, dict or None, dict)
        The settings read as ``case.toml`` is read (at ``NAME#case.toml``); each table's columns (``{}`` where
        ``kitdoc:columns`` does not check); each table's ``{record key: place}`` (``{}`` where ``kitdoc:order``
        does not check, None in an older document without it, which has ``kitdoc:row`` on each record); and the
        free texts, ``{(table, key, column): text}``, ``key`` a row's id or a citation's ``(claim_id, cites)``.
        What does not check is a problem in ``reader.problems``.

    See Also
    --------
    text_lines : the way in.

    Examples
    --------
    >>> import kit, types
    >>> from kit.formats.prov import to_prov
    >>> from kit.formats.prov.write import NAMESPACES
    >>> doc = to_prov(kit.load_case("tests/cases/loop"))
    >>> case = next(r for r in doc.get_records() if str(r.identifier) == "kitdoc:case")
    >>> reader = types.SimpleNamespace(name="loop.prov.json", problems=[])
    >>> meta, columns, order, texts = read_case_entity(case, reader, NAMESPACES["kitdoc"])
    >>> meta.meta["title"], columns["claims"][:2], order["claims"]["self_s"], reader.problems
    ('Loops (test case)', ['claim_id', 'report_id'], 0, [])
    >>> texts[("claims", "self_s", "text")]
    'as we said before'
    """
    settings, free = _texts(record, reader, uri)
    meta = _meta(settings["meta_toml"] or "", reader)
    columns = _columns(settings["columns"] or "{}", reader) if settings["columns"] is not None else {}
    order = None
    if "order" in settings:
        order = _order(settings["order"], reader) if settings["order"] is not None else {}
    return meta, columns, order, free


def _texts(record, reader, uri: str) -> tuple[dict, dict]:
    """``({"meta_toml": text, "columns": text[, "order": text]}, {(table, key, column): text})``: each text
    joined from its lines (None where it is not one text: a problem)."""
    whole: dict = {}  # an older document's texts, each in one attribute
    lines: dict = {}  # name -> {line number: [values]}
    for key, value in record.attributes:
        if getattr(key, "namespace", None) is None or key.namespace.uri != uri:
            continue
        local = str(key.localpart)
        found = _LINE_NAME.fullmatch(local)
        if found is None:
            whole.setdefault(unquote(local), []).append(value)
        else:
            lines.setdefault(found.group(1), {}).setdefault(int(found.group(2)), []).append(value)
    texts: dict = {}
    for name, values in whole.items():
        if name in _SETTINGS and name not in lines:
            texts[name] = values
        elif name not in lines:
            _name_problem(reader, name, f"kitdoc:{shown(name)} is not a text the kitdoc:case entity carries")
    for name, numbered in lines.items():
        if name in whole:
            _name_problem(reader, name, f"kitdoc:{shown(name)} is given both whole and in lines")
            texts[name] = []  # reported
            continue
        if sorted(numbered) != list(range(len(numbered))):
            found_numbers = ", ".join(str(n) for n in sorted(numbered)[:8])
            _name_problem(
                reader, name, f"the lines of kitdoc:{shown(name)} are numbered {found_numbers}, not 0, 1, 2 ..."
            )
            texts[name] = []  # reported
            continue
        one = [v[0] for _, v in sorted(numbered.items()) if len(v) == 1 and isinstance(v[0], str)]
        texts[name] = ["".join(one)] if len(one) == len(numbered) else [None]  # each line one text, else a problem
    settings = {}  # an empty list: a problem already reported; no order at all: an older document (kitdoc:row)
    for name in _SETTINGS[:2] + (("order",) if "order" in texts else ()):
        values = texts.pop(name, [""])
        settings[name] = values[0] if len(values) == 1 and isinstance(values[0], str) else None
        if settings[name] is None and values:
            _name_problem(reader, name, f"the kitdoc:case entity's kitdoc:{name} is not one text")
    free = {}
    for name, values in texts.items():
        parts = name.split(".")
        n = 2 if parts[0] == "citations" else 1
        if not values:
            continue  # reported
        if parts[0] not in TABLES or len(parts) < n + 2 or not all(parts[: n + 2]) or values[0] is None:
            what = "not one text" if values[0] is None else "not a text the kitdoc:case entity carries"
            _name_problem(reader, name, f"kitdoc:{shown(name)} is {what}")
            continue
        key = tuple(unquote(k) for k in parts[1 : n + 1])
        free[(parts[0], key if n == 2 else key[0], unquote(".".join(parts[n + 1 :])))] = values[0]
    return settings, free


def _columns(text, reader) -> dict:
    """kitdoc:columns: ``table -> [column names]``, checked; what is not so is a problem and left out."""
    try:
        found = json.loads(text)
    except ValueError as err:
        found = err
    if not isinstance(found, dict) or not all(
        t in TABLES and isinstance(c, list) and all(isinstance(x, str) for x in c) and len(set(c)) == len(c)
        for t, c in found.items()
    ):
        reader.problems.append(
            Problem(
                reader.name,
                0,
                "kitdoc:columns",
                "the kitdoc:case entity's kitdoc:columns is not each table's list of its column names, each once "
                f"({shown(text)}); write the document again with kit.formats.prov",
            )
        )
        return {}
    return found


def _order(text, reader) -> dict:
    """kitdoc:order: ``table -> {record key -> place}``, checked (an id, or a citation's ``[claim, cites]``, once
    each); what is not so is one problem and no places."""
    try:
        found = json.loads(text)
    except ValueError as err:
        found = err

    def key(table, x):
        if table != "citations":
            return x if isinstance(x, str) else None
        ok = isinstance(x, list) and len(x) == 2 and all(isinstance(v, str) for v in x)
        return tuple(x) if ok else None

    keys = (
        {t: [key(t, x) for x in v] for t, v in found.items() if isinstance(v, list)} if isinstance(found, dict) else {}
    )
    if (
        set(keys) != set(TABLES)
        or len(keys) != len(found)
        or any(None in k or len(set(k)) != len(k) for k in keys.values())
    ):
        reader.problems.append(
            Problem(
                reader.name,
                0,
                "kitdoc:order",
                "the kitdoc:case entity's kitdoc:order is not each table's record ids (a citation's [claim, cites]) "
                f"in row order, each once ({shown(text)}); write the document again with kit.formats.prov",
            )
        )
        return {}
    return {t: {k: i for i, k in enumerate(keys[t])} for t in TABLES}


def _meta(text, reader):
    """kitdoc:meta_toml read as ``case.toml`` is (:func:`kit.reading.toml.read_toml_text`), at ``NAME#case.toml``."""
    from kit.reading.raw import RawCase
    from kit.reading.toml import read_toml_text

    raw = RawCase(path=reader.name)
    read_toml_text(str(text), f"{reader.name}#case.toml", raw)
    reader.problems += raw.problems
    return raw
