"""Where the kit may write: one rule, for every command that writes (publish, export, worksheet).

An output folder is refused (:class:`kit.errors.OutputOverCase`) when it is the case's own folder or inside it,
or when it holds a case's tables (``case.toml``, ``sources.csv``, ``reports.csv``, ``claims.csv``,
``citations.csv``, ``story.csv``, a table as ``.parquet``, an ``.xlsx`` workbook: :func:`case_tables`) and is not
the folder of an earlier ``kit export`` (``citation_graph.gexf`` and ``provenance.csv`` beside CSV tables only,
which a new export replaces): writing there would replace a reporter's tables with redacted copies, or put CSV
tables beside parquet ones, which then shadow them. It is refused as :class:`kit.errors.OutputNotWritable` when it
is an existing file, cannot be created, or cannot be written to. ``kit`` prints either as ``kit: <message>`` and
exits 2. ``kit audit --write`` writes only into its own case, by design, and ``kit draft`` only into a new or empty
folder (its own rule).

Examples
--------
>>> import kit, os, tempfile
>>> case = kit.load_case("tests/cases/hostile")
>>> refuse_output_over_case(case, "tests/cases/hostile")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kit.errors.OutputOverCase: tests/cases/hostile is the case's own folder: writing there would replace its ...
>>> refuse_output_over_case(case, os.path.join(tempfile.mkdtemp(), "site")).name
'site'
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from kit.errors import OutputNotWritable, OutputOverCase
from kit.schema import TABLES
from kit.store.saving import CASE_FILES as SAVED

if TYPE_CHECKING:
    from _typeshed import StrPath

    from kit.case import Case

__all__ = ["CASE_FILES", "EXPORT_MARK", "case_folder", "case_tables", "refuse_output_over_case"]

#: the files that make a folder a case: what ``save_case`` writes (:data:`kit.store.saving.CASE_FILES`) and the story,
#: settings first as a message lists them
CASE_FILES = ("case.toml", *(f for f in SAVED if f != "case.toml"), "story.csv")
#: a file every ``kit export`` writes: a folder holding it is an earlier export's, which a new one replaces
EXPORT_MARK = "citation_graph.gexf"


def case_folder(case: Case) -> Path | None:
    """The folder ``case`` was loaded from (its ``case.toml``'s folder), or ``None`` (a workbook, or no path).

    Parameters
    ----------
    case : kit.Case

    Returns
    -------
    pathlib.Path or None
        The folder, resolved (symbolic links followed).

    Examples
    --------
    >>> import kit
    >>> case_folder(kit.load_case("tests/cases/hostile/case.toml")).name
    'hostile'
    >>> case_folder(kit.load_case("tests/cases/workbook.xlsx")) is None
    True
    """
    path = getattr(case, "path", None)
    if not path:
        return None
    p = Path(path)
    if p.is_dir():
        return p.resolve()
    if p.name == "case.toml":
        return p.parent.resolve()
    return None


def case_tables(folder: StrPath) -> list[str]:
    """The files in ``folder`` that make it (or may make it) a case: :data:`CASE_FILES`, a table as parquet, a
    workbook.

    Parameters
    ----------
    folder : str or path
        An existing folder.

    Returns
    -------
    list of str
        Their names, settings first, then the tables, then parquet tables and workbooks.

    Examples
    --------
    >>> case_tables("tests/cases/hostile")
    ['case.toml', 'sources.csv', 'reports.csv', 'claims.csv', 'citations.csv', 'story.csv']
    """
    folder = Path(folder)
    held = [f for f in CASE_FILES if os.path.lexists(folder / f)]
    held += [f"{t}.parquet" for t in TABLES if os.path.lexists(folder / f"{t}.parquet")]
    return held + sorted(p.name for p in folder.glob("*.xlsx"))


def _earlier_export(folder: Path, held: list) -> bool:
    """An earlier ``kit export``'s folder: its graph and ``provenance.csv`` beside CSV tables, and nothing a case
    keeps that an export never writes (``case.toml``, ``story.csv``, parquet tables, a workbook)."""
    exported = {f"{t}.csv" for t in TABLES}
    return (folder / EXPORT_MARK).exists() and (folder / "provenance.csv").exists() and set(held) <= exported


def _inside(child: Path, parent: Path) -> bool:
    return child == parent or parent in child.parents


def refuse_output_over_case(case: Case | None, out_dir: StrPath) -> Path:
    """``out_dir`` as a folder the kit may write into (it exists, or can be created); else raise, saying why.

    Nothing is created: a command that fails later leaves no empty folder behind.

    Parameters
    ----------
    case : kit.Case or None
        The case being written from (its folder is protected); ``None`` checks only the folder itself.
    out_dir : str or path
        The output folder.

    Returns
    -------
    pathlib.Path
        ``out_dir``: a writable folder, or one that can be created.

    Raises
    ------
    kit.errors.OutputOverCase
        ``out_dir`` is the case's folder or inside it, or holds a case's tables (and is not an earlier export's).
    kit.errors.OutputNotWritable
        ``out_dir`` is an existing file, cannot be created (a file or a folder not writable stands in the way), or
        is not writable.

    Examples
    --------
    >>> import kit, tempfile, os
    >>> case = kit.load_case("tests/cases/hostile")
    >>> try:
    ...     refuse_output_over_case(case, "tests/cases/hostile/site")
    ... except kit.errors.OutputOverCase as e:
    ...     print(e)
    tests/cases/hostile/site is inside the case's folder tests/cases/hostile: give a folder outside the case
    >>> try:
    ...     refuse_output_over_case(None, "tests/cases/echo")
    ... except kit.errors.OutputOverCase as e:
    ...     print(e)  # doctest: +NORMALIZE_WHITESPACE
    tests/cases/echo holds a case's tables (case.toml, sources.csv, reports.csv, claims.csv, citations.csv):
    writing there would replace them; give a new or empty folder
    >>> f = os.path.join(tempfile.mkdtemp(), "notes.txt"); _ = open(f, "w").close()
    >>> refuse_output_over_case(None, f)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kit.errors.OutputNotWritable: .../notes.txt is a file, not a folder: give a folder to write into
    """
    out = Path(out_dir)
    shown = os.fspath(out_dir)
    home = case_folder(case) if case is not None else None
    if case is not None and home is not None:
        target = out.resolve()
        if target == home:
            raise OutputOverCase(
                f"{shown} is the case's own folder: writing there would replace its tables; give another folder"
            )
        if _inside(target, home):
            where = str(case.path) if Path(str(case.path)).is_dir() else os.path.dirname(str(case.path))
            raise OutputOverCase(f"{shown} is inside the case's folder {where}: give a folder outside the case")
    if out.exists() and not out.is_dir():
        raise OutputNotWritable(f"{shown} is a file, not a folder: give a folder to write into")
    if out.is_dir():
        held = case_tables(out)
        if held and not _earlier_export(out, held):
            raise OutputOverCase(
                f"{shown} holds a case's tables ({', '.join(held)}): writing there would replace them; "
                "give a new or empty folder"
            )
    if out.is_dir():
        if not os.access(out, os.W_OK | os.X_OK):
            raise OutputNotWritable(f"{shown} is not writable: give a folder you can write to")
        return out
    above = out.absolute().parent
    while not above.exists() and above != above.parent:
        above = above.parent
    if not above.is_dir():
        raise OutputNotWritable(f"{shown} cannot be created: {above} is a file, not a folder; give another folder")
    if not os.access(above, os.W_OK | os.X_OK):
        raise OutputNotWritable(f"{shown} cannot be created: {above} is not writable; give a folder you can write to")
    return out
