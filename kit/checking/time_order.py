"""Warning about a claim that cites a claim certainly published after it (its earliest point after the citing
claim's latest)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .checker import Checker

__all__ = ["check_time_order"]


def check_time_order(c: Checker, frames: dict) -> None:
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
