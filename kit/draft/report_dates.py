"""Dates of the reports an article quotes, from the article's own words.

"On February 12 Reuters confirmed …" dates Reuters' report 12 February; "Then on February 13 Bloomberg claimed …"
dates Bloomberg's; "a December report" is of December. The year is the article's, or the one before when the month
comes after the article's (a December report quoted in February). A report the article gives no date for keeps the
article's own date, marked ``draft: check date``. Rules, tested in ``tests/draft/test_coverage.py``: ``date_before``
("On February 12 Reuters"), ``date_after`` ("Reuters reported on Feb. 12"), ``month_of_report`` ("a December
report").
"""

from __future__ import annotations

import re

__all__ = ["report_date"]

_MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
]  # fmt: skip
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|" \
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"  # fmt: skip
_DATE = rf"(?:{_MONTH}\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+{_MONTH.replace('month', 'month2')})" \
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"  # fmt: skip


def _month(word: str) -> int:
    w = word.lower().rstrip(".")
    return next(i + 1 for i, m in enumerate(_MONTHS) if m.startswith(w[:3]))


def _iso(m: re.Match, published: str) -> str:
    month = _month(m.group("month") or m.group("month2"))
    day = int(m.group("day") or m.group("day2"))
    year = int(m.group("year")) if m.group("year") else _year(month, published)
    return f"{year:04d}-{month:02d}-{day:02d}"


def _year(month: int, published: str) -> int:
    year, pub_month = int(published[:4]), int(published[5:7]) if len(published) >= 7 else 12
    return year - 1 if month > pub_month else year


def report_date(text: str, name: str, published: str) -> tuple[str, str] | None:
    """The date the article gives to the report of ``name``, and the words it is read from; None when it gives none.

    Parameters
    ----------
    text : str
        The article's text.
    name : str
        The report's publisher as the article names it ("Reuters", "December report").
    published : str
        The article's date (ISO 8601): its year completes a day and a month.

    Returns
    -------
    (date, words) or None
        ``date`` ISO 8601 (``2018-02-12``, or ``2017-12`` for a month alone).

    Examples
    --------
    >>> report_date("On February 12 Reuters confirmed that the men were killed.", "Reuters", "2018-02-13")
    ('2018-02-12', 'On February 12 Reuters')
    >>> report_date("According to a December report “41 died.”", "December report", "2018-02-13")
    ('2017-12', 'December report')
    >>> report_date("Reuters said so.", "Reuters", "2018-02-13") is None
    True
    """
    base = re.sub(r"\s*\(.*\)$", "", name).strip()
    alone = re.fullmatch(rf"{_MONTH}\s+(?:report|statement|estimate|article)", base, re.I)
    if alone:  # month_of_report
        month = _month(alone.group("month"))
        return f"{_year(month, published):04d}-{month:02d}", base
    if not published or not re.match(r"\d{4}", published):
        return None
    who = re.escape(base)
    before = re.compile(rf"\b(?:[Oo]n\s+)?{_DATE}\s*,?\s+(?:the\s+)?{who}\b")  # date_before
    after = re.compile(rf"\b{who}\s+(?:\w+\s+){{0,2}}?(?:on|dated)\s+{_DATE}")  # date_after
    for line in text.split("\n"):
        for pattern in (before, after):
            m = pattern.search(line)
            if m:
                return _iso(m, published), m.group().strip()
    return None
