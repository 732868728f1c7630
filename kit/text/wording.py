"""How the kit says a figure, a count and a date: one place for the words and symbols every renderer uses."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from kit.cells import is_missing, is_null, iso_text
from kit.text.html import isolate_text

if TYPE_CHECKING:
    from kit.case import Case

__all__ = [
    "figure_label",
    "figure_words",
    "plural",
    "date_words",
    "when_words",
    "cell_text",
    "short_name",
    "proposition_words",
    "quoted_question",
]


def _num(v) -> str:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return str(v)
    return str(int(f)) if f.is_integer() else f"{f:g}"


def figure_label(low, high) -> str:
    """A claim's figure, short, for pictures: ``201+``, ``100``, ``200–300``, ``≤200`` or ``''``.

    Parameters
    ----------
    low, high : number, str or missing
        The claim's ``low`` and ``high`` (an empty ``high`` means no upper bound).

    Returns
    -------
    str

    See Also
    --------
    figure_words : the same in words, for sentences.

    Examples
    --------
    >>> figure_label(201, None), figure_label(100, 100), figure_label(200, 300), figure_label(None, 200)
    ('201+', '100', '200–300', '≤200')
    >>> figure_label(None, None)
    ''
    """
    if is_missing(low):
        return "" if is_missing(high) else f"≤{_num(high)}"
    if is_missing(high):
        return f"{_num(low)}+"
    return _num(low) if _num(low) == _num(high) else f"{_num(low)}–{_num(high)}"


def figure_words(low, high) -> str:
    """A claim's figure in words: ``at least 2``, ``at most 200``, ``100``, ``200 to 300`` or ``''``.

    Parameters
    ----------
    low, high : number, str or missing
        The claim's ``low`` and ``high`` (an empty ``high`` means no upper bound).

    Returns
    -------
    str

    See Also
    --------
    figure_label : the same, short, for pictures.

    Examples
    --------
    >>> figure_words(2, None), figure_words(None, 200), figure_words(100.0, 100), figure_words("200", "300")
    ('at least 2', 'at most 200', '100', '200 to 300')
    """
    if is_missing(low):
        return "" if is_missing(high) else f"at most {_num(high)}"
    if is_missing(high):
        return f"at least {_num(low)}"
    return _num(low) if _num(low) == _num(high) else f"{_num(low)} to {_num(high)}"


def plural(n, word, many=None) -> str:
    """``n`` and ``word``, in the plural unless ``n`` is 1: ``1 claim``, ``3 claims``, ``2 sources are``.

    Parameters
    ----------
    n : int
        The count.
    word : str
        The singular; its plural is ``word + "s"`` unless ``many`` is given.
    many : str, optional
        The plural when it is not ``word + "s"``.

    Examples
    --------
    >>> plural(1, "claim"), plural(3, "claim"), plural(0, "origin source")
    ('1 claim', '3 claims', '0 origin sources')
    >>> plural(2, "source is", "sources are"), plural(1, "claim shows", "claims show")
    ('2 sources are', '1 claim shows')
    """
    return f"{n} {word if n == 1 else (many or word + 's')}"


def date_words(moment, latest=None) -> str:
    """A moment as a reader writes the day: ``7 Feb 2018`` (no leading zero, no time); with ``latest``, the days a
    date of uncertain time may be, as a range: ``7–13 Feb 2018``, ``Dec 2017`` for a whole month, ``2018`` for a whole
    year.

    An uncertain date (contract version 2: ``published`` holds the earliest point, ``published_latest`` the latest) is
    shown as its range wherever a reader sees it, never as its first day; this is the one place that writes it.

    Parameters
    ----------
    moment : str, datetime or pandas.Timestamp
        Anything :class:`pandas.Timestamp` reads; the day is the one of its own time zone.
    latest : str, datetime or pandas.Timestamp, optional
        The latest the moment may be (``published_latest``). Missing, or on the same day: one day is written.

    Examples
    --------
    >>> date_words("2018-02-07T22:10:00Z"), date_words(pd.Timestamp("2017-12-01"))
    ('7 Feb 2018', '1 Dec 2017')
    >>> [date_words(*d) for d in [("2018-02-07", "2018-02-13"), ("2018-02-13", "2018-03-02"), ("2018-02-12", None)]]
    ['7–13 Feb 2018', '13 Feb–2 Mar 2018', '12 Feb 2018']
    >>> [date_words(a, b) for a, b in [("2017-12-01", "2017-12-31"), ("2018-01-01", "2018-12-31")]]
    ['Dec 2017', '2018']
    >>> date_words("2017-12-30", "2018-01-02")
    '30 Dec 2017–2 Jan 2018'
    """
    ts = pd.Timestamp(moment)
    end = None if latest is None or latest is pd.NaT or (isinstance(latest, float) and latest != latest) else latest
    last = pd.Timestamp(end) if end is not None else None
    if last is None or last.date() == ts.date():
        return f"{ts.day} {ts:%b %Y}"
    whole_month = (
        ts.day == 1 and (last + pd.Timedelta(days=1)).day == 1 and (ts.year, ts.month) == (last.year, last.month)
    )
    if ts.year == last.year and (ts.month, ts.day, last.month, last.day) == (1, 1, 12, 31):
        return f"{ts.year}"
    if whole_month:
        return f"{ts:%b %Y}"
    if (ts.year, ts.month) == (last.year, last.month):
        return f"{ts.day}–{last.day} {last:%b %Y}"
    if ts.year == last.year:
        return f"{ts.day} {ts:%b}–{last.day} {last:%b %Y}"
    return f"{ts.day} {ts:%b %Y}–{last.day} {last:%b %Y}"


def when_words(claim) -> str:
    """The days a claim (or report) may have been published, for a reader: :func:`date_words` of its ``published``
    and ``published_latest``.

    Parameters
    ----------
    claim : mapping, pandas.Series or named tuple
        A row with ``published`` and, for a date of uncertain time, ``published_latest``.

    Examples
    --------
    >>> when_words({"published": pd.Timestamp("2018-02-07"), "published_latest": pd.Timestamp("2018-02-13")})
    '7–13 Feb 2018'
    >>> when_words(pd.Series({"published": pd.Timestamp("2018-02-12")}))
    '12 Feb 2018'
    """
    if hasattr(claim, "get"):
        return date_words(claim["published"], claim.get("published_latest"))
    return date_words(claim.published, getattr(claim, "published_latest", None))


def cell_text(value) -> str:
    """A cell as plain text for files other tools read: empty cells ``""``, booleans ``true``/``false``, times
    ISO 8601 (UTC with ``Z``), a tuple of ids ``;``-joined, a whole float without ``.0``.

    Parameters
    ----------
    value : object
        A cell of a case table (or a numpy scalar).

    Examples
    --------
    >>> [cell_text(v) for v in [None, pd.NA, float("nan"), True, 3.0, 2.5, ("a", "b"), "x"]]
    ['', '', '', 'true', '3', '2.5', 'a;b', 'x']
    >>> cell_text(pd.Timestamp("2018-02-07 22:10", tz="UTC"))
    '2018-02-07T22:10:00Z'
    """
    v = value
    if is_null(v):
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, pd.Timestamp):
        return iso_text(v)
    if isinstance(v, tuple):
        return ";".join(str(x) for x in v)
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if hasattr(v, "item") and not isinstance(v, str):
        return cell_text(v.item())
    return str(v)


def short_name(name, most: int = 24) -> str:
    """A source's name short enough for a label: a long name loses its note in brackets.

    Parameters
    ----------
    name : str
        The name as ``sources.csv`` gives it.
    most : int
        Names up to this many characters are kept whole.

    Returns
    -------
    str

    Examples
    --------
    >>> short_name("Tsarizm (publisher of the seed article)"), short_name("Other media (unnamed)")
    ('Tsarizm', 'Other media (unnamed)')
    """
    name = str(name)
    if len(name) > most and "(" in name:
        return name.split("(")[0].strip() or name
    return name


def proposition_words(case: Case, proposition) -> str:
    """A proposition as a reader says it, for titles: the question of the case's title for the proposition the case
    is about (:func:`kit.analysis.selection.choose_proposition`), else the proposition's name in words.

    Parameters
    ----------
    case : kit.Case
    proposition : str

    Returns
    -------
    str
        ``"How many Russians were killed?"`` for Deir ez-Zor's ``russians_killed_feb7`` (its title ends
        ``...: how many Russians were killed?``); ``"progov killed feb7"`` for another of its propositions.

    Examples
    --------
    >>> import kit
    >>> case = kit.load_case("data/deir-ez-zor")
    >>> proposition_words(case, "russians_killed_feb7"), proposition_words(case, "progov_killed_feb7")
    ('How many Russians were killed?', 'progov killed feb7')
    """
    from kit.analysis.selection import choose_proposition

    title = str(case.meta.get("title", ""))
    try:
        main = choose_proposition(case)
    except ValueError:
        main = None
    if proposition == main and ": " in title:
        question = title.rsplit(": ", 1)[1].strip()
        if question:
            return question[0].upper() + question[1:]
    return " ".join(str(proposition).replace("_", " ").replace("-", " ").split())


def quoted_question(case: Case, proposition) -> str:
    """:func:`proposition_words` in quotation marks, as a bidi isolate, for plain text (alt texts, summaries).

    Parameters
    ----------
    case : kit.Case
    proposition : str

    Returns
    -------
    str
        ``“How many Russians were killed?”`` for Deir ez-Zor's ``russians_killed_feb7``; a right-to-left question
        is wrapped in U+2068 ... U+2069 (:func:`kit.text.html.isolate_text`) so it cannot reorder the words around it.

    Examples
    --------
    >>> import kit
    >>> quoted_question(kit.load_case("data/deir-ez-zor"), "russians_killed_feb7")
    '“How many Russians were killed?”'
    """
    return f"“{isolate_text(proposition_words(case, proposition))}”"
