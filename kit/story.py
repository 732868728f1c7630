"""The story of a case in steps: an optional ``story.csv`` beside the case, or one step per publication date.

A *story* is what :class:`kit.widgets.StoryStepper` steps through: numbered moments in time, each with a title
and a short narrative. A reporter or trainer writes it in ``story.csv`` (the optional fifth table of
``docs/case-format.md``)::

    step,date,title,text
    1,2018-02-12,Reuters: at least two,"Reuters confirmed that ..."

Without that file the kit makes one step per day on which a claim was published, with an automatic title.
Either way every step has an ``upto`` moment: the claims published by then are the ones the step shows.
"""
from __future__ import annotations

import os

import pandas as pd

from .errors import CaseError, Problem
from .wording import figure_words

__all__ = ["STORY_COLUMNS", "story_path", "read_story", "load_story", "auto_story", "claims_by"]

#: the columns of story.csv, all required
STORY_COLUMNS = ("step", "date", "title", "text")
_FRAME_COLUMNS = ["step", "date", "upto", "title", "text"]
_END_OF_DAY = pd.Timedelta(days=1) - pd.Timedelta(microseconds=1)


def _empty() -> pd.DataFrame:
    return pd.DataFrame({"step": pd.Series([], dtype="int64"),
                         "date": pd.Series([], dtype="datetime64[ns, UTC]"),
                         "upto": pd.Series([], dtype="datetime64[ns, UTC]"),
                         "title": pd.Series([], dtype="string"),
                         "text": pd.Series([], dtype="string")})


def story_path(case) -> str | None:
    """Where the case's ``story.csv`` would be: in the case's folder (``None`` for a case not read from disk).

    For a workbook case (``book.xlsx``) it is ``book.story.csv`` beside the workbook.

    Examples
    --------
    >>> import kit
    >>> story_path(kit.synth.make_case(3)) is None
    True
    >>> story_path(kit.load_case("data/deir-ez-zor")).replace(os.sep, "/")
    'data/deir-ez-zor/story.csv'
    """
    path = getattr(case, "path", None)
    if not path:
        return None
    path = os.fspath(path)
    if os.path.isdir(path):
        return os.path.join(path, "story.csv")
    if os.path.basename(path) == "case.toml":
        return os.path.join(os.path.dirname(path), "story.csv")
    if path.lower().endswith((".xlsx", ".xlsm")):
        return os.path.splitext(path)[0] + ".story.csv"
    return None


def _end_of_day_if_bare(raw: str, ts: pd.Timestamp) -> pd.Timestamp:
    return ts + _END_OF_DAY if len(raw.strip()) == 10 else ts


def read_story(file) -> pd.DataFrame:
    """Read and check a ``story.csv`` file.

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
    from .checking import parse_published
    from .reading import _sniff_delimiter, decode_bytes, parse_csv_text

    file = os.fspath(file)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    try:
        with open(file, "rb") as fh:
            data = fh.read()
    except OSError as e:
        raise CaseError([Problem(file, 0, None, f"the file cannot be read ({e.strerror})")]) from None
    text = decode_bytes(data, file, problems)
    if text is not None and not text.strip():
        problems.append(Problem(file, 0, None,
                                f"the file is empty; it needs at least a header row: {','.join(STORY_COLUMNS)}"))
        text = None
    if text is not None:
        delim = _sniff_delimiter(text.lstrip("\r\n").splitlines()[0])
        if delim is not None:
            problems.append(Problem(file, 0, None,
                                    "the file is not comma-separated; re-save it as 'CSV UTF-8 (Comma delimited)'"))
            text = None
    table = parse_csv_text(text, file, "story", problems) if text is not None else None
    if problems or table is None:
        raise CaseError(problems)

    cells, lines = table.cells, table.lines
    missing = [c for c in STORY_COLUMNS if c not in cells.columns]
    for c in missing:
        problems.append(Problem(file, table.header_line, c,
                                f"the column '{c}' is missing; story.csv needs the columns {','.join(STORY_COLUMNS)}"))
    for c in cells.columns:
        if c not in STORY_COLUMNS:
            warnings.append(Problem(file, table.header_line, c,
                                    f"unknown column '{c}' (story.csv has {','.join(STORY_COLUMNS)}); it is ignored",
                                    "warning"))
    if missing:
        raise CaseError(problems, warnings)

    steps, seen = [], {}
    for i, v in enumerate(cells["step"]):
        if not v.isdigit() or int(v) < 1:
            problems.append(Problem(file, lines[i], "step",
                                    f"'{v}' is not a step number; number the steps 1, 2, 3, ..." if v else
                                    "the step number is empty; number the steps 1, 2, 3, ..."))
            steps.append(None)
            continue
        n = int(v)
        if n in seen:
            problems.append(Problem(file, lines[i], "step",
                                    f"step {n} is used twice (also on line {seen[n]}); number the steps 1, 2, 3, ..."))
        seen.setdefault(n, lines[i])
        steps.append(n)
    dates, bad = parse_published(cells["date"])
    for i, message in bad:
        problems.append(Problem(file, lines[i], "date", message))
    for i, v in enumerate(cells["date"]):
        if v == "":
            problems.append(Problem(file, lines[i], "date", "the date is empty; write it as YYYY-MM-DD, e.g. 2018-02-13"))
    for i, v in enumerate(cells["title"]):
        if v == "":
            problems.append(Problem(file, lines[i], "title", "the title is empty; give the step a short title"))
    if not problems:
        order = sorted(range(len(steps)), key=lambda i: steps[i])
        for a, b in zip(order, order[1:]):
            if dates.iat[b] < dates.iat[a]:
                problems.append(Problem(file, lines[b], "date",
                                        f"step {steps[b]} ({cells['date'].iat[b]}) is dated before step {steps[a]} "
                                        f"({cells['date'].iat[a]}); a story goes forward in time"))
    if problems:
        problems.sort(key=lambda p: (p.line, STORY_COLUMNS.index(p.column) if p.column in STORY_COLUMNS else 9))
        raise CaseError(problems, warnings)
    if not len(cells):
        return _empty()
    out = pd.DataFrame({
        "step": pd.array(steps, dtype="int64"),
        "date": dates.astype("datetime64[ns, UTC]").to_numpy(),
        "upto": [_end_of_day_if_bare(r, t) for r, t in zip(cells["date"], dates)],
        "title": pd.array(list(cells["title"]), dtype="string"),
        "text": pd.array(list(cells["text"]), dtype="string"),
    })
    out["date"] = pd.to_datetime(out["date"], utc=True).astype("datetime64[ns, UTC]")
    out["upto"] = pd.to_datetime(out["upto"], utc=True).astype("datetime64[ns, UTC]")
    return out.sort_values("step", kind="stable").reset_index(drop=True)


def _plural(n, word):
    return f"{n} {word}{'' if n == 1 else 's'}"


def auto_story(case, proposition=None) -> pd.DataFrame:
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
    from .graph import claim_context

    ctx = claim_context(case)
    if proposition is not None:
        if not (ctx["proposition"] == proposition).any():
            from .errors import UnknownName
            raise UnknownName("proposition", proposition, ctx["proposition"].unique())
        ctx = ctx[ctx["proposition"] == proposition]
    if not len(ctx):
        return _empty()
    ctx = ctx.sort_values(["published", "claim_id"], kind="stable")
    days = ctx["published"].dt.floor("D")
    rows = []
    for k, (day, group) in enumerate(ctx.groupby(days, sort=True), start=1):
        outlets = ", ".join(dict.fromkeys(group["outlet"].astype(str)))
        title = f"{day:%d %b %Y}: {outlets} ({_plural(len(group), 'new claim')})"
        lines = []
        for row in group.itertuples(index=False):
            fig = figure_words(row.low, row.high)
            lines.append(f"{row.outlet}: {fig + ', ' if fig else ''}{row.certainty}: “{' '.join(str(row.text).split())}”")
        rows.append((k, day, day + _END_OF_DAY, title, "\n".join(lines)))
    out = pd.DataFrame(rows, columns=_FRAME_COLUMNS)
    return out.astype({"step": "int64", "title": "string", "text": "string"})


def load_story(case, proposition=None) -> pd.DataFrame:
    """The case's story: its ``story.csv`` when there is one with at least one step, else :func:`auto_story`.

    A header-only ``story.csv`` (as in ``data/template/``) means no story has been written yet. Where the story
    names the claims each step adds (a ``claims`` column: ids separated by ``;``, ``,`` or spaces), that column holds
    a tuple of ids per step (empty where a step names none); :func:`claims_by` then shows a named claim from its own
    step on, even on a day shared with other steps.

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
    >>> len(load_story(kit.synth.make_case(5))) >= 1
    True
    """
    file = story_path(case)
    story = None
    if file is not None and os.path.exists(file):
        story = read_story(file)
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


def claims_by(case, moment, proposition=None, *, named=(), later=()) -> list[str]:
    """The ids of the claims (about ``proposition``) a story shows at ``moment``, in order of publication.

    Those published by ``moment``, plus ``named`` (the claims the story's steps so far name, whatever their date),
    less ``later`` (claims a later step names: they appear at that step, not before).

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

    Examples
    --------
    >>> import kit, pandas as pd
    >>> case = kit.load_case("data/deir-ez-zor")
    >>> claims_by(case, pd.Timestamp("2018-02-07T23:59Z"), "russians_killed_feb7")
    ['afp-cit-three-more', 'moscow-times-reported', 'other-media-dozens-or-hundreds', 'reuters-buga-dozens']
    >>> echo = kit.load_case("tests/cases/echo")
    >>> claims_by(echo, "2022-06-01T23:59Z", "strike_deaths", later=["e_two"])
    ['e_one']
    """
    from .graph import claim_context

    ctx = claim_context(case)
    if proposition is not None:
        ctx = ctx[ctx["proposition"] == proposition]
    named, later = set(named), set(later) - set(named)
    shown = ((ctx["published"] <= pd.Timestamp(moment)) | ctx["claim_id"].isin(named)) & ~ctx["claim_id"].isin(later)
    ctx = ctx[shown].sort_values(["published", "claim_id"], kind="stable")
    return list(ctx["claim_id"])
