"""The figure over time with matplotlib: a bar from low to high per claim, uncertain dates as spans."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import matplotlib
import matplotlib.dates
import matplotlib.pyplot as plt
import matplotlib.ticker
import pandas as pd

from kit.analysis.selection import in_publication_order
from kit.checking.story_rows import END_OF_DAY
from kit.graph.citation import claim_context
from kit.show.timeline_labels import GAP, LabelPlacer
from kit.text.html import isolate_text
from kit.text.style import KIND_COLOURS
from kit.text.wording import figure_label, proposition_words, short_name

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["READING", "plot_timeline", "timeline_title", "now_x"]

#: how to read the figure over time, said after its title
READING = "(▲ at least, ▼ at most, bar = range, ├─┤ date uncertain)"


def timeline_title(case: Case, proposition, reading: str = READING) -> str:
    """The title of the figure over time: the proposition in words, then how to read the marks.

    Parameters
    ----------
    case : kit.Case
    proposition : str
    reading : str
        How to read the picture, after its title (:data:`READING` by default).

    Returns
    -------
    str

    Examples
    --------
    >>> import kit
    >>> timeline_title(kit.load_case("data/deir-ez-zor"), "russians_killed_feb7")
    'How many Russians were killed? The figure over time (▲ at least, ▼ at most, bar = range, ├─┤ date uncertain)'
    """
    words = proposition_words(case, proposition)
    lead = f"{isolate_text(words)} The figure" if words.endswith("?") else f"{isolate_text(words)}: the figure"
    return f"{lead} over time {reading}"


def now_x(upto) -> pd.Timestamp:
    """Where the "now" line of a moment stands: on its day when the moment is the end of a day (a step dated by a
    bare date shows what was published by the end of that day, and marks that day, not the next day's tick).

    Parameters
    ----------
    upto : pandas.Timestamp or str

    Returns
    -------
    pandas.Timestamp

    Examples
    --------
    >>> str(now_x("2018-02-12T23:59:59.999999Z")), str(now_x("2018-02-12T15:00Z"))
    ('2018-02-12 00:00:00+00:00', '2018-02-12 15:00:00+00:00')
    """
    t = pd.Timestamp(upto)
    return t.floor("D") if t == t.floor("D") + END_OF_DAY else t


#: claims of one day are set apart by this much, or less where a day has too many for it
_SAME_DAY_STEP = pd.Timedelta(hours=2)
#: up to this many days shown, the ticks are whole days (matplotlib would tick every 12 or 6 hours, each labelled
#: with its day)
_DAILY_TICKS = 16
#: the latest time of its day a claim set apart from the others of that day is drawn at
_DAY_ENDS = pd.Timedelta(hours=22)


def _within_their_day(mid: pd.Series) -> pd.Series:
    """Where the marks stand: the k-th claim of a day (0 the first) ``k`` steps after its own time, one step
    two hours or less, so that the day's last mark stands at 22:00 of that day at the latest (a claim
    published later than that stays at its time): the marks of one day never drift into the next."""
    day = mid.dt.normalize()
    k = mid.groupby(day).cumcount()
    room = ((day + _DAY_ENDS - mid).clip(lower=pd.Timedelta(0)) / k.where(k > 0)).groupby(day).transform("min")
    step = room.where(room.notna() & (room < _SAME_DAY_STEP), _SAME_DAY_STEP)
    return mid + step * k


def plot_timeline(case: Case, proposition, *, ax=None, upto=None, claims=None, artists=None):
    """The figure over time: a bar from low to high per claim (an arrow where there is no upper bound).

    A report whose date is uncertain (``published`` .. ``published_latest``, contract version 2) is drawn as a
    horizontal span over the dates it may have been published, its mark in the middle, its label saying "date
    uncertain".

    Parameters
    ----------
    case : kit.Case
    proposition : str
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.
    upto : pandas.Timestamp, optional
        The moment shown: marked with a dashed line; claims published later are faded.
    claims : iterable of str, optional
        The claims shown at that moment (a story's step); the others are faded instead.
    artists : dict, optional
        Filled with each claim's artists: ``("mark", claim_id)`` (its mark, bar and label) and ``("span", claim_id)``
        (an uncertain date's span, drawn at 0.8 of the mark's opacity), for a caller that fades and shows them at
        each moment of a story (:class:`kit.show.steps.StepPicture`) instead of drawing anew.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import kit, kit.show
    >>> case = kit.testing.synth.make_case(30)
    >>> ax = kit.show.plot_timeline(case, case.claims["proposition"].iloc[0])
    >>> ax.get_ylabel()
    'figure reported'
    """
    ctx = claim_context(case)
    if not (ctx["proposition"] == proposition).any():
        from kit.analysis.findings import timeline

        timeline(case, proposition)  # raises the KeyError with a suggestion
    # the timeline's rows without its origin counts: a picture needs no provenance
    t = in_publication_order(ctx[ctx["proposition"] == proposition])
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 4))
    src_kind = case.sources.set_index("source_id")["kind"].to_dict()
    t = t[t["low"].notna() | t["high"].notna()].reset_index(drop=True)
    latest = t["published_latest"] if "published_latest" in t.columns else t["published"]
    latest = latest.where(latest.notna(), t["published"])
    uncertain = (latest - t["published"]) >= pd.Timedelta(hours=1)
    mid = t["published"] + (latest - t["published"]) / 2
    x_of = _within_their_day(mid)
    shown = set(claims) if claims is not None else None
    labels, leaders, anchors, points = [], [], [], []
    for k, row in enumerate(t.itertuples(index=False)):
        colour = KIND_COLOURS.get(src_kind.get(row.source_id), "#777777")
        faded = (
            row.claim_id not in shown
            if shown is not None
            else (upto is not None and row.published > pd.Timestamp(upto))
        )
        alpha = 0.2 if faded else 0.95
        x = x_of.iat[k]
        low = float(row.low) if pd.notna(row.low) else None
        high = float(row.high) if pd.notna(row.high) else None
        y = low if low is not None else high
        marks = [] if artists is None else artists.setdefault(("mark", row.claim_id), [])
        if uncertain.iat[k]:
            spanned = ax.plot(
                [row.published, latest.iat[k]],
                [y, y],
                color=colour,
                lw=2,
                alpha=alpha * 0.8,
                marker="|",
                ms=10,
                mew=2,
                solid_capstyle="butt",
            )
            if artists is not None:
                artists[("span", row.claim_id)] = spanned
        if low is not None and high is not None and high > low:
            marks += ax.plot([x, x], [low, high], color=colour, lw=5, alpha=alpha, solid_capstyle="butt")
        if low is not None:
            marks += ax.plot([x], [low], marker="^" if high is None else "o", ms=9, color=colour, alpha=alpha, ls="")
        else:
            marks += ax.plot([x], [high], marker="v", ms=9, color=colour, alpha=alpha, ls="")
        label = f"{isolate_text(short_name(row.outlet))}: {figure_label(row.low, row.high)}"
        if row.certainty in ("questioned", "denied"):
            label += f" ({row.certainty})"
        if uncertain.iat[k]:
            label += " (date uncertain)"
        text = ax.annotate(label, (x, y), xytext=GAP, textcoords="offset points", fontsize=7.5, alpha=alpha)
        labels.append(text)
        leaders.append(LabelPlacer.leader(ax, colour, alpha))
        marks += [text, leaders[-1]]
        anchors.append((ax.xaxis.convert_units(x), y))
        points += [(anchors[-1][0], v) for v in (low, high) if v is not None]
    if labels:  # placed when drawn, once the labels' sizes are known: beside their marks, none over another
        ax.add_artist(LabelPlacer(labels, anchors, leaders, points))
    if upto is not None:
        ax.axvline(now_x(upto), color="#d62728", lw=1, ls="--")
    ax.set_yscale("symlog", linthresh=1)
    ax.yaxis.set_major_formatter(matplotlib.ticker.ScalarFormatter())
    figures = pd.concat([t["low"], t["high"]]).dropna().astype(float)
    ax.set_ylim(0, max(figures.max() * 3 if len(figures) else 10.0, 10.0))
    if len(t):  # room on the right for the labels of the last day
        first, last = t["published"].min(), max(latest.max(), mid.max())
        span = max(last - first, pd.Timedelta(days=1))
        left = first - span * 0.05
        if span <= pd.Timedelta(days=_DAILY_TICKS):  # the first day's own tick in view
            left = min(left, first.normalize())
        ax.set_xlim(left, last + span * 0.3)
    ax.set_ylabel("figure reported")
    ax.set_title(timeline_title(case, proposition), fontsize=10)
    ax.xaxis.set_major_formatter(matplotlib.dates.DateFormatter("%d %b"))  # "13 Feb", as a reader says it, not ISO
    left, right = ax.get_xlim()
    if right - left <= _DAILY_TICKS:  # a few days: a tick a day (or two ...), never two ticks saying one day
        ax.xaxis.set_major_locator(matplotlib.dates.DayLocator(interval=max(1, math.ceil((right - left) / 8))))
    return ax
