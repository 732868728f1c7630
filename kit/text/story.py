"""The story of a case in steps: an optional ``story.csv`` beside the case, or one step per publication date.

A *story* is what :class:`kit.widgets.StoryStepper` steps through: numbered moments in time, each with a title
and a short narrative. A reporter or trainer writes it in ``story.csv`` (the optional fifth table of
``docs/case-format.md``)::

    step,date,title,text
    1,2018-02-12,Reuters: at least two,"Reuters confirmed that ..."

Without that file the kit makes one step per day on which a claim was published, with an automatic title.
Either way every step has an ``upto`` moment: the claims published by then are the ones the step shows, unless the
story names the claims its steps add (:func:`shown_by_step`, the one rule). What every step shows, computed once for
every surface that tells the story, is :func:`kit.text.story_steps.story_steps`.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from kit.case import check_story_file
from kit.checking.story_rows import END_OF_DAY, story_frame
from kit.errors import CaseError
from kit.graph.citation import require_proposition
from kit.reading import story_file
from kit.schema import STORY_COLUMNS  # noqa: F401 - kept importable from here; documented in kit.schema
from kit.text.wording import figure_words

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["story_path", "read_story", "story_table", "load_story", "auto_story", "claims_by", "shown_by_step"]

_FRAME_COLUMNS = ["step", "date", "upto", "title", "text"]


def story_path(case: Case) -> str | None:
    """Where the case's ``story.csv`` would be: in the case's folder (``None`` for a case not read from disk).

    For a workbook case (``book.xlsx``) it is ``book.story.csv`` beside the workbook
    (:func:`kit.reading.story_file`).

    Parameters
    ----------
    case : kit.Case

    Returns
    -------
    str or None
        The path, whether or not the file exists.

    See Also
    --------
    load_story : the story read from it, or made.

    Examples
    --------
    >>> import kit
    >>> story_path(kit.testing.synth.make_case(3)) is None
    True
    >>> story_path(kit.load_case("data/deir-ez-zor")).replace(os.sep, "/")
    'data/deir-ez-zor/story.csv'
    """
    path = getattr(case, "path", None)
    return story_file(path) if path else None


def story_table(checked) -> pd.DataFrame:
    """The story from a checking result ``(story or None, problems, warnings)``, or :class:`kit.CaseError`.

    Parameters
    ----------
    checked : tuple
        As :func:`kit.case.check_story_file` (or :func:`kit.checking.story_rows.check_story`) returns it.

    Returns
    -------
    pandas.DataFrame
        One row per step, sorted by ``step``: ``step`` (int), ``date`` (UTC timestamp), ``upto`` (the moment
        the step shows: ``date`` itself for a date-time, the end of that day for a bare date), ``title``, ``text``.

    Raises
    ------
    kit.CaseError
        With every problem found, each as ``FILE:LINE: COLUMN: message``.

    Examples
    --------
    >>> from kit.case import check_story_file
    >>> list(story_table(check_story_file("data/deir-ez-zor/story.csv"))["step"])
    [1, 2, 3, 4, 5, 6, 7, 8]
    """
    story, problems, warnings = checked
    if problems or story is None:
        raise CaseError(problems, warnings)
    return story


def read_story(file, claim_ids=None) -> pd.DataFrame:
    """Read and check a ``story.csv`` file (:func:`kit.case.check_story_file`, then :func:`story_table`).

    Given ``claim_ids`` (the case's), each id the optional ``claims`` column names must be one of them.

    Returns
    -------
    pandas.DataFrame
        One row per step, sorted by ``step``: ``step`` (int), ``date`` (UTC timestamp), ``upto`` (the moment
        the step shows: ``date`` itself for a date-time, the end of that day for a bare date), ``title``, ``text``.

    Raises
    ------
    kit.CaseError
        With every problem found, each as ``FILE:LINE: COLUMN: message``.

    Examples
    --------
    >>> import tempfile, os, kit
    >>> f = os.path.join(tempfile.mkdtemp(), "story.csv")
    >>> _ = open(f, "w", encoding="utf-8").write(
    ...     "step,date,title,text\\n1,2018-02-12,First,One\\n2,13/02/2018,,Two\\n2,2018-02-14,Third,\\n")
    >>> try:
    ...     read_story(f)
    ... except kit.CaseError as err:
    ...     for p in err.problems:
    ...         print(str(p).replace(f, "story.csv"))
    story.csv:3: date: '13/02/2018' is not an ISO date; write it as 2018-02-13 (YYYY-MM-DD)
    story.csv:3: title: the title is empty; give the step a short title
    story.csv:4: step: step 2 is used twice (also on line 3); number the steps 1, 2, 3, ...
    >>> _ = open(f, "w", encoding="utf-8").write("step,date,title,text\\n2,2018-02-13,Later,\\n1,2018-02-12,First,\\n")
    >>> read_story(f)[["step", "title"]].to_dict("list")
    {'step': [1, 2], 'title': ['First', 'Later']}
    """
    return story_table(check_story_file(file, claim_ids))


def _plural(n, word):
    return f"{n} {word}{'' if n == 1 else 's'}"


def auto_story(case: Case, proposition=None) -> pd.DataFrame:
    """One step per day on which a claim (about ``proposition``, or any claim) was published.

    The title names the day and the outlets; the text lists each new claim with its figure and certainty.

    Returns
    -------
    pandas.DataFrame
        Columns ``step``, ``date`` (the day, 00:00 UTC), ``upto`` (the end of that day), ``title``, ``text``.

    Raises
    ------
    KeyError
        When no claim has that proposition.

    Examples
    --------
    >>> import kit
    >>> case = kit.load_case("data/deir-ez-zor")
    >>> s = auto_story(case, "russians_killed_feb7")
    >>> len(s), s["title"].iloc[-1]
    (3, '13 Feb 2018: Bloomberg, The Daily Beast, Tsarizm (publisher of the seed article) (5 new claims)')
    """
    from kit.analysis.selection import in_publication_order
    from kit.graph.citation import claim_context

    ctx = claim_context(case)
    if proposition is not None:
        require_proposition(case, proposition)
        ctx = ctx[ctx["proposition"] == proposition]
    if not len(ctx):
        return story_frame()
    ctx = in_publication_order(ctx).assign(story_day=lambda f: f["published"].dt.floor("D"))
    by_day: dict = {}  # one pass over the rows (a groupby of thousands of days costs seconds)
    for row in ctx.itertuples(index=False):
        by_day.setdefault(row.story_day, []).append(row)
    rows = []
    for k, day in enumerate(sorted(by_day), start=1):
        group = by_day[day]
        outlets = ", ".join(dict.fromkeys(str(r.outlet) for r in group))
        title = f"{day:%d %b %Y}: {outlets} ({_plural(len(group), 'new claim')})"
        lines = []
        for row in group:
            fig = figure_words(row.low, row.high)
            lines.append(
                f"{row.outlet}: {fig + ', ' if fig else ''}{row.certainty}: “{' '.join(str(row.text).split())}”"
            )
        rows.append((k, day, day + END_OF_DAY, title, "\n".join(lines)))
    out = pd.DataFrame(rows, columns=_FRAME_COLUMNS)
    return out.astype({"step": "int64", "title": "string", "text": "string"})


def load_story(case: Case, proposition=None) -> pd.DataFrame:
    """The case's story: its ``story.csv`` when there is one with at least one step, else :func:`auto_story`.

    A header-only ``story.csv`` (as in ``data/template/``) means no story has been written yet. Where the story
    names the claims each step adds (a ``claims`` column: ids separated by ``;``, ``,`` or spaces), that column holds
    a tuple of ids per step (empty where a step names none); :func:`claims_by` then shows a named claim from its own
    step on, even on a day shared with other steps.

    Parameters
    ----------
    case : kit.Case
    proposition : str, optional
        For the automatic story only: the question whose claims make the steps (default: every claim).

    Returns
    -------
    pandas.DataFrame
        One row per step: ``step``, ``date``, ``upto``, ``title``, ``text`` and, where the story names them,
        ``claims`` (a tuple of claim ids per step).

    See Also
    --------
    auto_story : the story made when no story.csv was written.
    claims_by : the claims a step shows.

    Raises
    ------
    kit.CaseError
        When ``story.csv`` exists but has problems (all of them, as ``FILE:LINE: COLUMN: message``).

    Examples
    --------
    >>> import kit
    >>> story = load_story(kit.load_case("data/deir-ez-zor"))
    >>> list(story.columns)[:5]
    ['step', 'date', 'upto', 'title', 'text']
    >>> int(story["step"].iloc[0])
    1
    >>> len(load_story(kit.testing.synth.make_case(5))) >= 1
    True
    """
    file = story_path(case)
    story = None
    if file is not None and os.path.lexists(file):
        story = read_story(file, set(case.claims["claim_id"].dropna().astype(str)))
    if story is None or not len(story):
        story = auto_story(case, proposition)
    if "claims" in story.columns:
        import re

        def ids(v):
            if isinstance(v, (tuple, list)):
                return tuple(str(x) for x in v)
            return tuple(re.split(r"[;,\s]+", str(v).strip())) if isinstance(v, str) and v.strip() else ()

        story = story.assign(claims=story["claims"].map(ids))
    return story


def shown_by_step(published, ids, uptos, named) -> list:
    """THE rule of what a story's step shows: one boolean mask over ``ids`` per step.

    A claim some step names appears from the first step that names it, whatever its date; a claim no step names
    appears once it was published (its earliest date) by the step's moment.

    Parameters
    ----------
    published : pandas.Series
        The claims' earliest publication moments (UTC), aligned with ``ids``.
    ids : list of str
        The claims' ids.
    uptos : list of pandas.Timestamp
        Each step's moment.
    named : list of iterable of str
        Per step, the claims it names (empty where it names none).

    Returns
    -------
    list of numpy.ndarray
        One boolean array per step, True where the claim is shown.

    Examples
    --------
    >>> import pandas as pd
    >>> published = pd.Series(pd.to_datetime(["2022-06-01", "2022-06-01", "2022-06-02"], utc=True))
    >>> uptos = [pd.Timestamp("2022-06-01T23:59Z"), pd.Timestamp("2022-06-02T23:59Z")]
    >>> [m.tolist() for m in shown_by_step(published, ["a", "b", "c"], uptos, [(), ("b",)])]
    [[True, False, False], [True, True, True]]
    """
    never = len(named) + 1
    first = dict.fromkeys(ids, never)
    for k, names in enumerate(named):
        for c in names:
            if c in first:
                first[c] = min(first[c], k)
    first_step = np.array([first[c] for c in ids], dtype=np.int64)
    unnamed = first_step == never
    earliest = np.asarray(pd.to_datetime(published, utc=True).dt.tz_localize(None), dtype="datetime64[ns]")
    out = []
    for k, upto in enumerate(uptos):
        moment = np.datetime64(pd.Timestamp(upto).tz_convert("UTC").tz_localize(None), "ns")
        out.append((first_step <= k) | (unnamed & (earliest <= moment)))
    return out


def claims_by(case: Case, moment, proposition=None, *, named=(), later=()) -> list[str]:
    """The ids of the claims (about ``proposition``) a story shows at ``moment``, in order of publication.

    Those published by ``moment``, plus ``named`` (the claims the story's steps so far name, whatever their date),
    less ``later`` (claims a later step names: they appear at that step, not before): :func:`shown_by_step`.

    Parameters
    ----------
    case : kit.Case
    moment : pandas.Timestamp or str
    proposition : str, optional
    named, later : iterable of str
        From the ``claims`` column of :func:`load_story`, when the story names the claims its steps add.

    Returns
    -------
    list of str

    See Also
    --------
    kit.text.story_steps.story_steps : what every step of a story shows.

    Examples
    --------
    >>> import kit, pandas as pd
    >>> case = kit.load_case("data/deir-ez-zor")
    >>> claims_by(case, pd.Timestamp("2018-02-07T23:59Z"), "russians_killed_feb7")
    ['facebook-casualties', 'moscow-times-reported', 'other-media-dozens-or-hundreds', 'other-media-several-killed',
     'reuters-buga-dozens', 'communities-heard-dozens', 'media-confirmed-coalition', 'media-confirmed-facebook']
    >>> echo = kit.load_case("tests/cases/echo")
    >>> claims_by(echo, "2022-06-01T23:59Z", "strike_deaths", later=["e_two"])
    ['e_one']
    """
    from kit.analysis.selection import in_publication_order
    from kit.graph.citation import claim_context

    ctx = claim_context(case)
    if proposition is not None:
        ctx = ctx[ctx["proposition"] == proposition]
    ctx = in_publication_order(ctx).reset_index(drop=True)
    ids = ctx["claim_id"].astype(str).tolist()
    moment = pd.Timestamp(moment)
    moment = moment.tz_localize("UTC") if moment.tzinfo is None else moment
    (mask,) = shown_by_step(ctx["published"], ids, [moment], [tuple(named), tuple(set(later) - set(named))])
    return [c for c, on in zip(ids, mask, strict=True) if on]
