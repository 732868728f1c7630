"""The :class:`Case` object, and loading and checking cases (saving is :mod:`kit.store.saving`).

:func:`check_case` is the one place that puts reading (:mod:`kit.reading`) and checking (:mod:`kit.checking`)
together: the four tables, ``case.toml`` (its text settings and its publishing settings, ``proposition`` and
``[verdicts]``) and, when asked, the optional ``story.csv``; :func:`load_case` raises what it finds.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from kit.checking import check_tables
from kit.checking.meta import check_meta
from kit.checking.story_rows import check_story
from kit.errors import CaseError, Problem
from kit.reading import read_csv_table, read_raw
from kit.schema import STORY, TABLES
from kit.store.saving import save_case

__all__ = ["Case", "load_case", "check_case", "check_story_file", "problem_order", "save_case"]


@dataclass(frozen=True)
class Case:
    """One story under investigation: four typed tables and the case's metadata.

    Build one with :func:`load_case`. The kit's functions never change a case; they return new objects.

    Attributes
    ----------
    sources, reports, claims, citations : pandas.DataFrame
        The tables of ``docs/case-format.md``, typed (see there), in file order, extra columns kept as text.
    meta : dict
        From ``case.toml``; ``title`` is always there (the folder's name when not given).
    warnings : list of Problem
        What looked odd but does not stop the case from loading.
    path : str or None
        Where the case was read from.

    Examples
    --------
    In :func:`kit.testing.examples.diamond`, four outlets each give the same figure, 12:

    >>> from kit.testing import examples
    >>> case = examples.diamond()
    >>> case
    <Case 'Constructed example: a diamond of citations': 4 sources, 4 reports, 4 claims, 4 citations>
    >>> case.claims[["claim_id", "low", "high"]]
         claim_id  low  high
    0   wire-a-12   12    12
    1  paper-b-12   12    12
    2  paper-c-12   12    12
    3   site-d-12   12    12
    >>> sorted(case.meta), case.warnings
    (['question', 'summary', 'title'], [])
    """

    sources: pd.DataFrame
    reports: pd.DataFrame
    claims: pd.DataFrame
    citations: pd.DataFrame
    meta: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    path: str | None = None

    @property
    def title(self) -> str:
        """The case's title.

        Examples
        --------
        >>> from kit.testing import examples
        >>> examples.diamond().title
        'Constructed example: a diamond of citations'
        """
        return str(self.meta.get("title", ""))

    def __repr__(self) -> str:
        return (
            f"<Case {self.title!r}: {len(self.sources)} sources, {len(self.reports)} reports, "
            f"{len(self.claims)} claims, {len(self.citations)} citations>"
        )


def check_case(
    path: str | os.PathLike[str], *, story: bool = False
) -> tuple[Case | None, list[Problem], list[Problem]]:
    """Read and check the case at ``path`` without raising.

    Parameters
    ----------
    path : str or path
        The case's folder, its ``case.toml``, or an ``.xlsx`` workbook.
    story : bool
        Also check the optional ``story.csv`` beside the case (:func:`kit.reading.story_file`), as ``kit check``
        does. Its problems are listed with the others, but do not stop the case (as with :func:`load_case`, which
        does not read it): the case is returned when only the story has problems.

    Returns
    -------
    (Case or None, list of Problem, list of Problem)
        The case (None when the tables or ``case.toml`` have errors), the errors, and the warnings, each in the
        order of :func:`problem_order`.

    See Also
    --------
    load_case : the same, raising :class:`kit.CaseError`.

    Examples
    --------
    >>> case, problems, warnings = check_case("no/such/case")
    >>> case is None, len(problems)
    (True, 1)
    >>> case, problems, warnings = check_case("data/deir-ez-zor", story=True)
    >>> len(case.claims), problems
    (24, [])
    """
    raw = read_raw(path, story=story)
    frames, problems, warnings = check_tables(raw.tables)
    claims = (
        frames["claims"] if frames is not None else (raw.tables["claims"].cells if "claims" in raw.tables else None)
    )
    meta_problems, meta_warnings = check_meta(raw.meta, claims, raw.meta_file or "case.toml", raw.meta_lines)
    problems = raw.problems + meta_problems + problems
    warnings = meta_warnings + warnings
    story_problems: list = list(raw.story_problems)
    if raw.story is not None:
        ids = None
        if claims is not None and "claim_id" in claims.columns:
            ids = {str(v) for v in claims["claim_id"].dropna()}
        _, found, story_warnings = check_story(raw.story, ids)
        story_problems += found
        warnings += story_warnings
    problems.sort(key=problem_order)
    warnings = sorted(warnings, key=problem_order)
    if problems or frames is None:
        return None, sorted(problems + story_problems, key=problem_order), warnings
    case = Case(
        frames["sources"],
        frames["reports"],
        frames["claims"],
        frames["citations"],
        meta=dict(raw.meta),
        warnings=[w for w in warnings if w.file != raw.story_file],
        path=raw.path,
    )
    return case, sorted(story_problems, key=problem_order), warnings


def problem_order(p: Problem) -> tuple:
    """The order problems are listed in: ``case.toml``, then the tables, then ``story.csv``; by line in each.

    Parameters
    ----------
    p : kit.errors.Problem
        One problem (its ``file`` may be a workbook's ``book.xlsx#claims``).

    Returns
    -------
    tuple of (int, int)
        The file's rank (``case.toml`` 0, the four tables 1 to 4 in :data:`kit.schema.TABLES` order, ``story.csv`` 5,
        any other file 9) and the line: a sort key.

    See Also
    --------
    check_case : lists a case's problems in this order.

    Examples
    --------
    >>> ps = [Problem("x/story.csv", 2, "date", "m"), Problem("x/claims.csv", 9, "low", "m"),
    ...       Problem("x/case.toml", 3, "proposition", "m"), Problem("x/claims.csv", 4, "low", "m")]
    >>> [(p.file, p.line) for p in sorted(ps, key=problem_order)]
    [('x/case.toml', 3), ('x/claims.csv', 4), ('x/claims.csv', 9), ('x/story.csv', 2)]
    """
    base = os.path.basename(p.file).split("#")[-1]
    rank = {
        "case.toml": 0,
        "case": 0,
        **{f"{t}.csv": i + 1 for i, t in enumerate(TABLES)},
        **{t: i + 1 for i, t in enumerate(TABLES)},
    }.get(base)
    if rank is None:
        rank = len(TABLES) + 1 if base.endswith(f"{STORY}.csv") else 9
    return rank, p.line


def check_story_file(file: str | os.PathLike[str], claim_ids: Iterable[str] | None = None) -> tuple:
    """Read and check one ``story.csv`` without raising: ``(story or None, problems, warnings)``.

    It is read as the four tables are (:func:`kit.reading.read_csv_table`: UTF-8 with or without a BOM, commas,
    physical line numbers) and checked by :func:`kit.checking.story_rows.check_story`; given the case's ``claim_ids``,
    each id of the optional ``claims`` column must be one of them.

    Parameters
    ----------
    file : str or os.PathLike
        The path of the ``story.csv``.
    claim_ids : collection of str, optional
        The case's claim ids; without them the ``claims`` column is not checked against the case.

    Returns
    -------
    tuple of (pandas.DataFrame or None, list of kit.errors.Problem, list of kit.errors.Problem)
        The typed story (:func:`kit.checking.story_rows.story_frame`), None when any error was found; the errors, in
        :func:`problem_order`; the warnings.

    See Also
    --------
    kit.text.story.read_story : the same, raising :class:`kit.CaseError`.

    Examples
    --------
    >>> story, problems, warnings = check_story_file("data/deir-ez-zor/story.csv")
    >>> list(story["step"]), problems, warnings
    ([1, 2, 3, 4, 5, 6, 7, 8], [], [])
    """
    file = os.fspath(file)
    problems: list = []
    table = read_csv_table(file, STORY, problems)
    if table is None:
        return None, problems, []
    story, found, warnings = check_story(table, claim_ids)
    problems = sorted(problems + found, key=problem_order)
    return (story if not problems else None), problems, warnings


def load_case(path: str | os.PathLike[str]) -> Case:
    """Load a case from a folder of CSV files, its ``case.toml``, or an ``.xlsx`` workbook.

    Parameters
    ----------
    path : str or path
        The case's folder, its ``case.toml``, or an ``.xlsx`` workbook.

    Returns
    -------
    Case

    Raises
    ------
    CaseError
        With every problem found in the whole case (``err.problems``), when the case is not valid.

    See Also
    --------
    check_case : the same without raising; kit.save_case : the way back.

    Examples
    --------
    >>> import kit
    >>> try:
    ...     kit.load_case("no/such/case")
    ... except kit.CaseError as err:
    ...     print(err.problems[0].message.split(";")[0])
    there is no folder or file here
    """
    case, problems, warnings = check_case(path)
    if case is None:
        raise CaseError(problems, warnings)
    return case
