"""Figures in a claim's words -> the contract's ``low``/``high``, with what is counted.

The contract's rules (docs/case-format.md): a single figure gives low = high; "more than 200" gives low 201 and an
empty high; "at least two" gives low 2; "up to 200" gives an empty low and high 200; "200 to 300" gives 200 and 300.
Vague words get a lower bound only, and a ``draft: check`` note: "dozens" low 24 (two dozen, the least "dozens"
can mean), "scores of" low 40 (two score; not "test scores"), "hundreds" low 200, "thousands" low 2000; "a dozen"
is 12. "About 100" is kept as 100-100 with a note, as the hand-built cases do; "two or three" is 2 to 3, with a
note (``either_or``). Numbers that are part of a date
("Feb. 7", "7 February", "2018") are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kit.draft.counts import not_a_count

__all__ = ["NUMBER_WORDS", "Figure", "figures", "counted", "measure_of", "subject_after"]

# fmt: off
_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
)
_TENS = ("thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# fmt: on
#: the English number words and their values: the one table of them (the draft reads counts with it,
#: :mod:`kit.auditing.reworded` and :mod:`kit.auditing.reprints` read figures in words with it)
NUMBER_WORDS = {w: v for v, w in enumerate(_UNITS)} | {w: 10 * v for v, w in enumerate(_TENS, start=3)}
_WORDS = {w: v for w, v in NUMBER_WORDS.items() if v} | {"a hundred": 100, "a thousand": 1000, "a dozen": 12}
_VAGUE = {"dozens": 24, "hundreds": 200, "thousands": 2000, "tens of thousands": 20000, "hundreds of thousands": 200000}
_VAGUE["scores"] = 40  # scores_of: "scores of civilians", "scores killed": two score, the least "scores" can mean
_SCALE = {"million": 1_000_000, "billion": 1_000_000_000, "dozen": 12}
#: "the toll jumped from 76 to 172": a change, whose figure is the new one, not a range
_CHANGE = re.compile(
    r"\b(?:rose|risen|rising|jumped|climbed|increased|grew|soared|went up|raised|revised|fell|dropped|declined|"
    r"lowered)\s+(?:\w+\s+)?from\s+$",
    re.I,
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_NUM = (
    r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0]\d{3})+(?!\d)|\d+|"
    + "|".join(sorted((re.escape(w) for w in _WORDS), key=len, reverse=True))
    + r")"
)
_FIGURE = re.compile(
    r"(?<![\w,.])(?:(?P<more>more than|over|upwards of|exceeds?|exceeding|surpass(?:es|ing)?)\s+"
    r"|(?P<least>at least|no fewer than|no less than)\s+"
    r"|(?P<upto>up to|as many as|at most|no more than)\s+|(?P<fewer>fewer than|less than)\s+"
    r"|(?P<about>about|around|roughly|approximately|nearly|almost|some|an estimated)\s+)?"
    rf"(?:between\s+)?(?P<n>{_NUM})(?:(?:\s*(?:to|-|–|and)\s*|\s+(?P<either>or)\s+)(?P<m>{_NUM}))?(?P<scale>[\s-]+(?:million|billion|dozen))?"
    r"(?P<plus>\+|\s+or more)?(?!\w|[,.]\d)"
    r"|(?<!\w)(?P<vague>(?:tens of |hundreds of )?thousands|dozens|hundreds"
    r"|scores(?=\s+(?:of|killed|dead|wounded|injured|died|were)\b))(?!\w)",
    re.I,
)
_DATE_BEFORE = re.compile(rf"(?:{_MONTHS})\.?\s*$", re.I)
_DATE_AFTER = re.compile(rf"^\s*(?:{_MONTHS})\b|^(?:st|nd|rd|th)\b", re.I)
_MEASURES = (
    ("wounded", r"injur|wound"),
    ("casualties", r"casualt"),
    ("captured", r"captur|captive|prisoner"),
    ("killed", r"kill|died|dead|death|die\b|perish"),
    ("missing", r"missing|unaccounted"),
    ("strikes", r"\b(?:air ?)?(?:strikes?|raids?|airstrikes?)\b"),
)
_SUBJECT_STOP = re.compile(
    r"^(?:were|was|are|is|have|has|had|also|and|or|but|who|which|that|in|on|at|by|for|"
    r"from|with|to|as|died|killed|injured|wounded|dead|of|mostly|been|would|could|[a-z]+ing)$"
)


@dataclass(frozen=True)
class Figure:
    """One figure: where it is in the span, its words, its bounds (None = empty) and a note when unsure."""

    start: int
    end: int
    words: str
    low: int | None
    high: int | None
    note: str = ""


def _value(text: str) -> int:
    t = re.sub(r"[,\s]", "", text.lower()) if text[:1].isdigit() else text.lower()
    return int(t) if t.isdigit() else _WORDS[re.sub(r"\s+", " ", t)]


def figures(span: str) -> list[Figure]:
    """The figures in ``span``, in order, with the contract's low/high.

    "more than 200" is low 201 and no high, "at least two" low 2, "up to 200" high 200, "fewer than 10" high 9,
    "200 to 300" 200 and 300, "about 100" 100 and 100 (with a note), "dozens" at least 24 (with a note). Numbers
    in dates and years are not figures.

    Parameters
    ----------
    span : str
        A claim's words.

    Returns
    -------
    list of Figure
        In the order they occur; ``[]`` when the span gives no figure.

    See Also
    --------
    measure_of : what a figure counts.
    subject_after : who it counts.

    Examples
    --------
    >>> [(f.words, f.low, f.high) for f in figures("at least two men; more than 200; about 100, 200 to 300 injured")]
    [('at least two', 2, None), ('more than 200', 201, None), ('about 100', 100, 100), ('200 to 300', 200, 300)]
    >>> [(f.words, f.low, f.high) for f in figures("up to 200 died on Feb. 7 2018; dozens or hundreds")]
    [('up to 200', None, 200), ('dozens', 24, None), ('hundreds', 200, None)]
    """
    out = []
    for m in _FIGURE.finditer(span):
        words = m.group()
        if m.group("vague"):
            v = _VAGUE[re.sub(r"\s+", " ", words.lower())]
            out.append(
                Figure(
                    m.start(),
                    m.end(),
                    words,
                    v,
                    None,
                    f"draft: check low/high: '{words}' read as at least {v}, no upper bound",
                )
            )
            continue
        n, second = m.group("n"), m.group("m")
        if _DATE_BEFORE.search(span[: m.start()]) or _DATE_AFTER.search(span[m.end() :]):
            continue
        if not_a_count(span, m.start("n"), m.end("m") if second else m.end("n")):
            continue  # a duration, an age, a time, a magnitude, a measure: never a count (kit.draft.counts)
        if n.isdigit() and len(n) == 4 and 1900 <= int(n) <= 2099 and (not second or m.group("either")):
            continue  # a year: "in 2018", "in 2017 or 2018"
        if not n[0].isdigit() and n.lower() == "one" and not (m.group("least") or m.group("more") or second):
            continue  # "one thing", "no one": not a count
        # scale: "2 million", "four million"
        scale = _SCALE[re.sub(r"\W", "", m.group("scale")).lower()] if m.group("scale") else 1
        value = _value(n) * scale
        low: int | None = value
        high: int | None = value
        note = ""
        if second and _CHANGE.search(span[: m.start()]):  # a change: "jumped from 76 to 172" is 172
            low = high = value = _value(second) * scale
        elif second and _value(second) < _value(n):
            continue  # "2014-08-04", "10-12 feet" read backwards: a date or a code, not a range
        elif second:
            high = _value(second) * scale
        if m.group("more"):
            low, high = value + 1, None
        elif m.group("least") or m.group("plus"):
            high = None
        elif m.group("upto"):
            low = None
        elif m.group("fewer"):
            low, high = None, (None if high is None else high - 1)
        elif m.group("about"):
            note = f"draft: check low/high: '{words}' kept as {low}"
        if m.group("either") and not note and None not in (low, high):  # either_or: "two or three more bombs" is 2 to 3
            note = f"draft: check low/high: '{words}' read as {low} to {high}"
        out.append(Figure(m.start(), m.end(), words, low, high, note))
    return out


def counted(clause: str) -> str | None:
    """What the clause counts, from its words: ``killed``, ``wounded``, ``casualties``, ``captured``, ``missing``,
    ``strikes`` or None. A draft groups its claims into propositions by it.

    Parameters
    ----------
    clause : str
        The words around a figure.

    Returns
    -------
    str or None
        None when the words do not say.

    See Also
    --------
    measure_of : the same as the case format's ``measure``.

    Examples
    --------
    >>> counted("with 200 to 300 injured"), counted("put the death toll at about 100"), counted("181 missing")
    ('wounded', 'killed', 'missing')
    """
    for measure, pattern in _MEASURES:
        if re.search(pattern, clause, re.I):
            return measure
    return None


def measure_of(clause: str) -> str | None:
    """The claim's ``measure`` in the case format's words: :func:`counted`, ``other`` for what it has no word for.

    Parameters
    ----------
    clause : str
        The words around a figure.

    Returns
    -------
    str or None
        ``killed``, ``wounded``, ``casualties``, ``captured`` or ``other``; None when the words do not say.

    See Also
    --------
    figures : the figures in a span.

    Examples
    --------
    >>> measure_of("with 200 to 300 injured"), measure_of("181 missing"), measure_of("said so")
    ('wounded', 'other', None)
    """
    what = counted(clause)
    return None if what is None else what if what in ("killed", "wounded", "casualties", "captured") else "other"


def subject_after(span: str, figure: Figure) -> str | None:
    """The words right after a figure that say who is counted ("Russian men"), or None.

    Parameters
    ----------
    span : str
        The claim's words.
    figure : Figure
        A figure in ``span`` (:func:`figures`).

    Returns
    -------
    str or None
        Up to four words, for the claim's ``subject``; None when a stop word or punctuation follows at once.

    See Also
    --------
    figures : the figures in a span.

    Examples
    --------
    >>> f = figures("at least two Russian men fighting informally")[0]
    >>> subject_after("at least two Russian men fighting informally", f)
    'Russian men'
    """
    rest = span[figure.end :]
    words: list[str] = []
    for m in re.finditer(r"[“”\"—–,;:.!?()]|[\w’'-]+", rest):
        w = m.group()
        if not re.match(r"[\w]", w) or _SUBJECT_STOP.match(w.lower()):
            if not words and w.lower() in ("of", "its", "the", "their"):
                continue
            break
        if w.lower() in ("its", "the", "their") and not words:
            continue
        words.append(w)
        if len(words) == 4:
            break
    return " ".join(words) or None
