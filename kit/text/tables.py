"""Tables for people: what a notebook, a widget or a page shows of a kit table.

Names, not ids; "—", not ``<NA>``; drift as words ("scope changed"), not columns of booleans; origins as the
sources' names, not tuples of ids. One rule, :func:`cell_words`, says every cell a person reads;
:func:`for_people` applies it to a whole table with the case's names, :func:`table_html` writes a table as escaped
HTML and :class:`Table` shows one in a notebook (an HTML table in JupyterLab, aligned text where there is no HTML).
Nothing here imports plotting or widgets.

Examples
--------
>>> import kit, kit.text.tables
>>> case = kit.load_case("tests/cases/echo")
>>> print(kit.text.tables.Table(kit.drift(case, "strike_deaths").head(2), case))  # doctest: +NORMALIZE_WHITESPACE
claim                         cites                 relation      basis   drift
News Aggregator: at least 10  Outlet One: 12        relies on     stated  inflated, hardened
News Aggregator: at least 10  Outlet Two: 10 to 15  corroborates  stated  inflated, hardened
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from kit.cells import is_missing, is_null
from kit.schema import DRIFT_FLAGS
from kit.text.html import escape, isolate
from kit.text.style import drift_words
from kit.text.wording import date_words, figure_words, short_name

if TYPE_CHECKING:
    from kit.case import Case

__all__ = [
    "MISSING",
    "cell_words",
    "claim_labels",
    "claim_names",
    "for_people",
    "report_labels",
    "table_html",
    "table_text",
    "Table",
]

#: what an empty cell says to a person
MISSING = "—"

#: columns of kit's tables renamed for people (the rest keep their names)
_RENAMED = {"claim_id": "claim", "source_id": "source", "published_latest": "latest"}


def cell_words(value) -> str:
    """One cell as a person reads it: ``—`` when empty, ``yes``/blank for a boolean, a list comma-separated, a
    moment as its day (``7 Feb 2018``), a whole float without ``.0``.

    Parameters
    ----------
    value : object
        A cell of a kit table (or a numpy scalar).

    Returns
    -------
    str

    See Also
    --------
    kit.text.wording.cell_text : the same cell for files other tools read.

    Examples
    --------
    >>> [cell_words(v) for v in [None, float("nan"), True, False, 201.0, 2.5, ("cit", "afp"), ()]]
    ['—', '—', 'yes', '', '201', '2.5', 'cit, afp', '—']
    >>> cell_words(pd.Timestamp("2018-02-12T10:00Z")), cell_words(pd.NA)
    ('12 Feb 2018', '—')
    """
    v = value
    if isinstance(v, (tuple, list)):
        return ", ".join(cell_words(x) for x in v) or MISSING
    if is_null(v):
        return MISSING
    if isinstance(v, (bool, np.bool_)):
        return "yes" if v else ""
    if isinstance(v, pd.Timestamp):
        return date_words(v)
    if isinstance(v, np.generic):
        return cell_words(v.item())
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else f"{v:g}"
    return str(v)


def _quote(text, most: int = 40) -> str:
    words = " ".join(str(text).split())
    if len(words) > most:
        words = words[:most].rsplit(" ", 1)[0] + "…"
    return f"“{words}”"


def claim_names(case: Case) -> pd.Series:
    """Each claim as a person names it: its outlet (:func:`kit.text.wording.short_name`) and its figure in words
    (``Reuters: at least 2``), or a few of its words where it has no figure or shares outlet and figure with another
    claim.

    Parameters
    ----------
    case : kit.Case

    Returns
    -------
    pandas.Series
        The name per claim id.

    Examples
    --------
    >>> import kit
    >>> names = claim_names(kit.load_case("data/deir-ez-zor"))
    >>> names["reuters-two-killed"], names["daily-beast-200-russian-fighters"]
    ('Reuters: at least 2', 'The Daily Beast: “US forces killed more than 200 Russian…”')
    """
    from kit.graph.citation import claim_context

    ctx = claim_context(case).drop_duplicates("claim_id").set_index("claim_id")
    outlet = _outlets(ctx)
    figure = pd.Series([figure_words(lo, hi) for lo, hi in zip(ctx["low"], ctx["high"], strict=True)], ctx.index)
    short = outlet + ": " + figure
    shared = short.duplicated(keep=False) | (figure == "")
    quoted = outlet + ": " + ctx["text"].map(_quote)
    return short.where(~shared, quoted).rename("claim")


def _outlets(ctx) -> pd.Series:
    return ctx["outlet"].astype(object).where(ctx["outlet"].notna(), ctx["source_id"]).map(short_name)


def claim_labels(case) -> pd.Series:
    """Each claim as a reader finds it in a long list: outlet, day of publication and first words.

    Parameters
    ----------
    case : kit.Case
        Redacted first when the labels are published.

    Returns
    -------
    pandas.Series
        The label per claim id, in the claims table's order.

    See Also
    --------
    claim_names : shorter names (outlet and figure), for pictures and tables within one question.
    report_labels : the same for reports.

    Examples
    --------
    >>> import kit
    >>> claim_labels(kit.load_case("data/deir-ez-zor"))["reuters-two-killed"]
    'Reuters, 12 Feb 2018: “at least two Russian men fighting…”'
    """
    from kit.graph.citation import claim_context

    ctx = claim_context(case).drop_duplicates("claim_id").set_index("claim_id").reindex(case.claims["claim_id"])
    days = [date_words(a, b) for a, b in zip(ctx["published"], ctx["published_latest"], strict=True)]
    return (_outlets(ctx) + ", " + pd.Series(days, ctx.index) + ": " + ctx["text"].map(_quote)).rename("label")


def report_labels(case) -> pd.Series:
    """Each report as a reader finds it in a long list: outlet, day of publication and title (its id where the
    case gives no title).

    Parameters
    ----------
    case : kit.Case
        Redacted first when the labels are published.

    Returns
    -------
    pandas.Series
        The label per report id, in the reports table's order.

    Examples
    --------
    >>> from kit.testing import examples
    >>> report_labels(examples.diamond()).tolist()[:2]
    ['Wire A, 1 Jan 2020: “Wire A: 12 dead”', 'Paper B, 1 Jan 2020: “Paper B: 12 dead”']
    """
    r = case.reports.set_index("report_id", drop=False)
    names = case.sources.set_index("source_id")["name"]
    ctx = pd.DataFrame({"outlet": r["source_id"].map(names), "source_id": r["source_id"]})
    latest = r["published_latest"] if "published_latest" in r.columns else r["published"]
    days = pd.Series([date_words(a, b) for a, b in zip(r["published"], latest, strict=True)], r.index)
    title = r["title"] if "title" in r.columns else pd.Series(pd.NA, r.index, dtype=object)
    said = [
        f": {_quote(t, 60)}" if not is_missing(t) and str(t).strip() else f" ({k})"
        for t, k in zip(title, r["report_id"], strict=True)
    ]
    return (_outlets(ctx) + ", " + days + pd.Series(said, r.index)).rename("label")


def for_people(frame, case: Case | None = None) -> pd.DataFrame:
    """A kit table made for people: every cell text by :func:`cell_words`, ids replaced by names.

    With ``case``: a claim id (``claim_id``, ``cites``, or an index of claim ids) becomes the claim's name
    (:func:`claim_names`), a source id (``source_id``, ``cites`` a source, ``origins``) the source's name. The
    drift flags of :func:`kit.drift` become one ``drift`` column of words, ``—`` where nothing changed; a citation
    relation is written in words (``relies on``). ``published`` with ``published_latest`` becomes one ``published``
    column of days, an uncertain date as its range (:func:`kit.text.wording.date_words`: ``7–13 Feb 2018``);
    ``claim_id`` and ``source_id`` are named ``claim`` and ``source``.

    Parameters
    ----------
    frame : pandas.DataFrame
        A table of the kit (or a selection of its columns). Not changed.
    case : kit.Case, optional
        The case the ids are of; without it ids stay as they are.

    Returns
    -------
    pandas.DataFrame
        Text only, numbered rows (an index of ids becomes the first column).

    Examples
    --------
    >>> import kit
    >>> case = kit.load_case("data/deir-ez-zor")
    >>> t = for_people(kit.independence(case, "russians_killed_feb7")[["n_origins", "origins"]], case)
    >>> t.iloc[8].tolist()
    ['Reuters: at least 2', '1', 'Associates of the dead (unnamed, to Reuters)']
    """
    df = frame.copy()
    if not isinstance(df.index, pd.RangeIndex) or df.index.name is not None:
        df = df.reset_index()
    if "published" in df.columns and "published_latest" in df.columns:
        days = [
            MISSING if is_missing(a) else date_words(a, None if is_missing(b) else b)
            for a, b in zip(df["published"], df["published_latest"], strict=True)
        ]
        df = df.drop(columns=["published_latest"]).assign(published=days)
    if all(f in df.columns for f in DRIFT_FLAGS):
        words = [drift_words(r) or MISSING for r in df[list(DRIFT_FLAGS)].to_dict("records")]
        df = df.drop(columns=list(DRIFT_FLAGS)).assign(drift=words)
    claims: dict | None = None
    sources: dict | None = None
    if case is not None:
        claims = claim_names(case).to_dict()
        sources = case.sources.drop_duplicates("source_id").set_index("source_id")["name"].astype(str).to_dict()

    def named(col, v):
        if col in ("claim_id", "cites") and claims is not None and not is_missing(v):
            return claims.get(v, (sources or {}).get(v, v))
        if col in ("source_id", "origins") and sources is not None:
            if isinstance(v, (tuple, list)):
                return tuple(sources.get(s, s) for s in v)
            return sources.get(v, v) if not is_missing(v) else v
        if col == "relation" and isinstance(v, str):
            return v.replace("_", " ")
        return v

    out = pd.DataFrame(
        {col: [cell_words(named(col, v)) for v in df[col].tolist()] for col in df.columns}, index=range(len(df))
    )
    return out.rename(columns={c: _RENAMED.get(c, c) for c in out.columns})


_NUMBER = re.compile(r"^(?:[-+]?\d[\d,.]*|—|)$")


def _numbers(cells) -> bool:
    """A column of numbers (empty cells allowed), aligned to the right."""
    return any(_NUMBER.match(v) and v not in ("", MISSING) for v in cells) and all(_NUMBER.match(v) for v in cells)


def table_text(frame) -> str:
    """A table of text as aligned plain text: words left-aligned, columns of numbers right-aligned.

    Parameters
    ----------
    frame : pandas.DataFrame
        Cells already text (:func:`for_people`).

    Returns
    -------
    str

    Examples
    --------
    >>> print(table_text(pd.DataFrame({"outlet": ["AFP", "Bloomberg"], "origins": ["1", "12"]})))
    outlet    origins
    AFP             1
    Bloomberg      12
    """
    cols = [str(c) for c in frame.columns]
    cells = [[str(v) for v in frame[c].tolist()] for c in frame.columns]
    lines = []
    widths = [max([len(h)] + [len(v) for v in col]) for h, col in zip(cols, cells, strict=True)]
    right = [_numbers(col) for col in cells]
    for row in [cols] + [list(r) for r in zip(*cells, strict=True)]:
        parts = [v.rjust(w) if r else v.ljust(w) for v, w, r in zip(row, widths, right, strict=True)]
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


def table_html(frame, index: bool = True, *, row_ids=None, empty: str = "(nothing yet)") -> str:
    """A table as escaped HTML for people, every cell by :func:`cell_words`.

    Parameters
    ----------
    frame : pandas.DataFrame or None
    index : bool
        Show the index as the first column.
    row_ids : sequence of str, optional
        One id per row, kept as the row's ``data-id`` attribute (not shown; for tests and scripts).
    empty : str
        What to say when there is no row.

    Returns
    -------
    str

    Examples
    --------
    >>> html = table_html(pd.DataFrame({"a": [("x", "y")], "b": [True], "c": [pd.NA]}), index=False, row_ids=["r1"])
    >>> "x, y" in html and "yes" in html and "—" in html and 'data-id="r1"' in html
    True
    >>> table_html(pd.DataFrame({"outlet": ["<b>AFP</b>"]}), index=False).count("&lt;b&gt;")
    1
    >>> table_html(None)
    '<p><i>(nothing yet)</i></p>'
    """
    if frame is None or not len(frame):
        return f"<p><i>{escape(empty)}</i></p>"
    shown = frame.reset_index() if index else frame
    cols = [str(c) for c in shown.columns]
    cells = [[cell_words(v) for v in shown[c].tolist()] for c in shown.columns]
    align = ["right" if _numbers(col) else "left" for col in cells]  # words read from the left, numbers line up
    head = "".join(f'<th style="text-align:{a}">{escape(c)}</th>' for c, a in zip(cols, align, strict=True))
    ids = list(row_ids) if row_ids is not None else None
    body = []
    for i, row in enumerate(zip(*cells, strict=True)):
        tds = "".join(
            f'<td style="text-align:{a};vertical-align:top">{isolate(v)}</td>' for v, a in zip(row, align, strict=True)
        )
        data_id = f' data-id="{escape(ids[i] if i < len(ids) else "")}"' if ids is not None else ""
        body.append(f"<tr{data_id}>{tds}</tr>")
    return (
        f'<table style="font-size:85%" class="dataframe kit-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


class Table:
    """A kit table shown for people in a notebook: an HTML table in JupyterLab, aligned text elsewhere.

    Parameters
    ----------
    frame : pandas.DataFrame
        A kit table (or some of its columns); :func:`for_people` makes it readable.
    case : kit.Case, optional
        The case whose ids are named.

    Attributes
    ----------
    frame : pandas.DataFrame
        What is shown, text only.

    Examples
    --------
    >>> import kit
    >>> case = kit.load_case("tests/cases/echo")
    >>> t = Table(kit.timeline(case, "strike_deaths")[["outlet", "low", "high"]])
    >>> print(t)  # doctest: +NORMALIZE_WHITESPACE
    outlet           low  high
    Outlet One        12    12
    Outlet Two        10    15
    News Aggregator   10     —
    News Aggregator   12    12
    News Aggregator    —     —
    Outlet One        10     —
    >>> "<table" in t._repr_html_()
    True
    """

    def __init__(self, frame, case: Case | None = None):
        self.frame = for_people(frame, case)

    def __str__(self) -> str:
        return table_text(self.frame)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return table_html(self.frame, index=False, empty="(no row)")
