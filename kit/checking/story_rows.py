"""Checking ``story.csv`` (the optional fifth table, read like the other four) and typing it.

A story's steps are numbered 1, 2, 3, ... (each number once), each with a date (as ``published`` is written) that
never goes back in time, and a title; ``text`` may be empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING

import pandas as pd

from kit.checking.dates import parse_published
from kit.errors import Problem, nearest_names, shown
from kit.schema import STORY_COLUMNS, STORY_OPTIONAL

if TYPE_CHECKING:
    from kit.reading.raw import RawTable

__all__ = ["check_story", "story_frame", "END_OF_DAY"]

#: what a bare date means as a moment: the end of that day
END_OF_DAY = pd.Timedelta(days=1) - pd.Timedelta(microseconds=1)
_FRAME_COLUMNS = ["step", "date", "upto", "title", "text"]


def story_frame(rows: dict | None = None) -> pd.DataFrame:
    """The typed story frame: ``step``, ``date``, ``upto``, ``title``, ``text`` (empty without ``rows``).

    Parameters
    ----------
    rows : dict of columns, optional

    Examples
    --------
    >>> story_frame().dtypes.astype(str).to_dict()
    {'step': 'int64', 'date': 'datetime64[ns, UTC]', 'upto': 'datetime64[ns, UTC]', 'title': 'string', 'text': 'string'}
    """
    rows = rows or {"step": [], "date": [], "upto": [], "title": [], "text": []}
    return pd.DataFrame(
        {
            "step": pd.Series(rows["step"], dtype="int64"),
            "date": pd.to_datetime(pd.Series(rows["date"], dtype=object), utc=True).astype("datetime64[ns, UTC]"),
            "upto": pd.to_datetime(pd.Series(rows["upto"], dtype=object), utc=True).astype("datetime64[ns, UTC]"),
            "title": pd.Series(rows["title"], dtype="string"),
            "text": pd.Series(rows["text"], dtype="string"),
        },
        columns=_FRAME_COLUMNS,
    )


#: the most digits a step number may have
STEP_DIGITS = 9


def _step_problem(v: str) -> str | None:
    """What is wrong with ``v`` as a step number (None: nothing).

    >>> _step_problem("3") is None
    True
    >>> print(_step_problem("²"))
    '²' is not a step number; number the steps 1, 2, 3, ... (with the digits 0 to 9)
    >>> print(_step_problem("1" * 30))
    '11111111111111111111...' is too large a step number; number the steps 1, 2, 3, ...
    """
    if v == "":
        return "the step number is empty; number the steps 1, 2, 3, ..."
    if not (v.isascii() and v.isdigit()):
        digits = " (with the digits 0 to 9)" if v.isdigit() or v.isdecimal() else ""
        return f"'{v[:20]}{'...' if len(v) > 20 else ''}' is not a step number; number the steps 1, 2, 3, ...{digits}"
    if len(v.lstrip("0")) > STEP_DIGITS:
        return f"'{v[:20]}{'...' if len(v) > 20 else ''}' is too large a step number; number the steps 1, 2, 3, ..."
    if int(v) < 1:
        return f"'{v}' is not a step number; number the steps 1, 2, 3, ..."
    return None


def _check_claim_ids(column: list[str], known: Collection[str], err: Callable[[int, str, str], None]) -> None:
    """Each id the ``claims`` column names (ids separated by ``;``, ``,`` or spaces) is one of the ``known`` ones."""
    for i, v in enumerate(column):
        for claim_id in re.split(r"[;,\s]+", v.strip()) if v.strip() else ():
            if claim_id not in known:
                near = nearest_names(claim_id, sorted(known), n=1)
                hint = f": did you mean '{near[0]}'? Otherwise" if near else ";"
                err(
                    i,
                    "claims",
                    f"'{shown(claim_id)}' is not a claim_id in claims.csv{hint} name the claims the step adds by "
                    "their claim_id, separated by spaces",
                )


def check_story(
    table: RawTable, claim_ids: Iterable[str] | None = None
) -> tuple[pd.DataFrame | None, list[Problem], list[Problem]]:
    """Check a ``story.csv`` read as a raw table; return ``(story or None, problems, warnings)``.

    Parameters
    ----------
    table : kit.reading.RawTable
        As :func:`kit.reading.read_csv_table` reads ``story.csv``.
    claim_ids : collection of str, optional
        The case's claim ids: each id of the optional ``claims`` column must be one of them (a claim of another
        question is fine). Without it the ids are not checked.

    Returns
    -------
    (pandas.DataFrame or None, list of Problem, list of Problem)
        The story (:func:`story_frame`, sorted by ``step``; None when there are problems), the problems (by line,
        then column), the warnings (unknown columns).

    See Also
    --------
    kit.text.story.load_story : the story a case tells.

    Examples
    --------
    >>> from kit.reading import parse_csv_text
    >>> text = "step,date,title,text\\n2,2018-02-13,Later,\\n1,2018-02-12,First,\\n"
    >>> t = parse_csv_text(text, "story.csv", "story", [])
    >>> story, problems, warnings = check_story(t)
    >>> story[["step", "title"]].to_dict("list"), problems
    ({'step': [1, 2], 'title': ['First', 'Later']}, [])
    >>> text = "step,date,title,text\\n1,2018-02-12,First,One\\n1,13/02/2018,,\\n"
    >>> t = parse_csv_text(text, "story.csv", "story", [])
    >>> for p in check_story(t)[1]:
    ...     print(p)
    story.csv:3: step: step 1 is used twice (also on line 2); number the steps 1, 2, 3, ...
    story.csv:3: date: '13/02/2018' is not an ISO date; write it as 2018-02-13 (YYYY-MM-DD)
    story.csv:3: title: the title is empty; give the step a short title
    """
    file, cells, lines = table.file, table.cells, list(table.lines)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    missing = [c for c in STORY_COLUMNS if c not in cells.columns]
    for c in missing:
        problems.append(
            Problem(
                file,
                table.header_line,
                c,
                f"the column '{c}' is missing; story.csv needs the columns {','.join(STORY_COLUMNS)}",
            )
        )
    for c in cells.columns:
        if c not in STORY_COLUMNS and c not in STORY_OPTIONAL:
            warnings.append(
                Problem(
                    file,
                    table.header_line,
                    c,
                    f"unknown column '{c}' (story.csv has {','.join(STORY_COLUMNS + STORY_OPTIONAL)}); it is ignored",
                    "warning",
                )
            )
    if missing:
        return None, problems, warnings
    column = {c: [str(v) for v in cells[c]] for c in STORY_COLUMNS}

    def err(i: int, col: str | None, message: str) -> None:
        if i not in table.bad_rows:
            problems.append(Problem(file, int(lines[i]), col, message))

    steps: list[int | None] = []
    seen: dict[int, int] = {}
    for i, v in enumerate(column["step"]):
        wrong = _step_problem(v)
        if wrong:
            err(i, "step", wrong)
            steps.append(None)
            continue
        n = int(v)
        if n in seen:
            err(i, "step", f"step {n} is used twice (also on line {seen[n]}); number the steps 1, 2, 3, ...")
        seen.setdefault(n, int(lines[i]))
        steps.append(n)
    dates, bad = parse_published(pd.Series(column["date"], dtype=object))
    for i, message in bad:
        err(i, "date", message)
    for i, v in enumerate(column["date"]):
        if v == "":
            err(i, "date", "the date is empty; write it as YYYY-MM-DD, e.g. 2018-02-13")
    for i, v in enumerate(column["title"]):
        if v == "":
            err(i, "title", "the title is empty; give the step a short title")
    if claim_ids is not None and "claims" in cells.columns:
        _check_claim_ids([str(v) for v in cells["claims"]], set(claim_ids), err)
    if not problems and not table.bad_rows:
        order = sorted(range(len(steps)), key=lambda i: steps[i] or 0)  # no problems: every step is a number
        for a, b in zip(order, order[1:], strict=False):
            if dates.iat[b] < dates.iat[a]:
                err(
                    b,
                    "date",
                    f"step {steps[b]} ({column['date'][b]}) is dated before step {steps[a]} "
                    f"({column['date'][a]}); a story goes forward in time",
                )
    if problems or table.bad_rows:
        columns = STORY_COLUMNS + STORY_OPTIONAL
        problems.sort(key=lambda p: (p.line, columns.index(p.column) if p.column in columns else 9))
        return None, problems, warnings
    bare = [len(v.strip()) == 10 for v in column["date"]]
    story = story_frame(
        {
            "step": steps,
            "date": list(dates),
            "upto": [t + END_OF_DAY if b else t for t, b in zip(dates, bare, strict=False)],
            "title": column["title"],
            "text": column["text"],
        }
    )
    if "claims" in cells.columns:  # the claims each step adds (kit.text.story.load_story splits the ids)
        story = story.assign(claims=[str(v) for v in cells["claims"]])
    return story.sort_values("step", kind="stable").reset_index(drop=True), problems, warnings
