"""Warning about a claim that cites a claim certainly published after it (its earliest point after the citing
claim's latest)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.checking.checker import Checker

__all__ = ["check_time_order"]


def check_time_order(c: Checker, frames: dict) -> None:
    """Warn about each citation of a claim published certainly later than the citing claim.

    The cited claim's earliest moment (``published``) must be after the citing claim's latest
    (``published_latest``, or ``published``): a report updated later may rightly cite it, so this is a warning.

    Parameters
    ----------
    c : Checker
        The check of the same tables, with no errors and its ids encoded (:meth:`Checker.ids`);
        the warnings go to ``c.warnings``.
    frames : dict of str to pandas.DataFrame
        The typed frames of the four tables (:func:`kit.checking.typed.typed_frame`).

    See Also
    --------
    kit.checking.check_tables : runs this check last, on the typed frames.

    Examples
    --------
    In ``tests/cases/warnings`` the claim ``early`` cites the claim ``late``:

    >>> from kit.checking import check_tables
    >>> from kit.reading import read_raw
    >>> raw = read_raw("tests/cases/warnings").tables
    >>> frames, problems, warnings = check_tables(raw)
    >>> c = Checker(raw)
    >>> codes = c.ids("claims", "claim_id")  # the ids encoded, as check_tables has them by now
    >>> check_time_order(c, frames)
    >>> print(*c.warnings, sep="\\n")
    tests/cases/warnings/citations.csv:2: cites: warning: 'early' (2020-05-01 10:00) cites 'late', published later
    (2020-05-02 10:00); fine if the report was updated, otherwise check the dates
    """
    claims, reports, cites = frames["claims"], frames["reports"], frames["citations"]
    # here every id is unique and every reference resolves (else there were errors): rows by id code
    report_row = np.full(c.n_ids + 1, -1, dtype=np.int64)
    report_row[c.ids("reports", "report_id")] = np.arange(len(reports))
    claim_row = np.full(c.n_ids + 1, -1, dtype=np.int64)
    claim_row[c.ids("claims", "claim_id")] = np.arange(len(claims))
    at = report_row[c.ids("claims", "report_id")]
    published = reports["published"].to_numpy(dtype="datetime64[ns]")[at]
    latest = reports["published_latest"] if "published_latest" in reports.columns else reports["published"]
    # a warning only where the cited claim is certainly later: published after the citing claim's latest point
    citing = latest.to_numpy(dtype="datetime64[ns]")[at][claim_row[c.ids("citations", "claim_id")]]
    cited_at = claim_row[c.ids("citations", "cites")]
    is_claim = cited_at >= 0
    cited = np.full(len(cites), np.datetime64("NaT"), dtype="datetime64[ns]")
    cited[is_claim] = published[cited_at[is_claim]]
    later = np.zeros(len(cites), dtype=bool)
    later[is_claim] = cited[is_claim] > citing[is_claim]
    for i in np.flatnonzero(later):
        t_citing, t_cited = pd.Timestamp(citing[i], tz="UTC"), pd.Timestamp(cited[i], tz="UTC")
        c.warn(
            "citations",
            i,
            "cites",
            f"'{cites['claim_id'].iat[i]}' ({t_citing:%Y-%m-%d %H:%M}) cites "
            f"'{cites['cites'].iat[i]}', published later ({t_cited:%Y-%m-%d %H:%M}); "
            "fine if the report was updated, otherwise check the dates",
        )
