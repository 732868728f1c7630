"""The claims of a case as the audit sees them: in time order, with publisher, dates and figures as arrays."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from kit.auditing.ids import arrow_strings, positions
from kit.auditing.minhash import distinct
from kit.graph.citation import followed_mask
from kit.schema import DEFAULT_FOLLOW

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["Claims", "claims_in_time_order"]


@dataclass(frozen=True)
class Claims:
    """Claims sorted by time: by the middle of their possible publication time, then earliest, then table order.

    Attributes
    ----------
    row : numpy.ndarray of int64
        Each claim's row in ``case.claims``.
    claim_id, text : pyarrow.Array of strings
    publisher, proposition : numpy.ndarray of int64
        Codes (equal code, same publisher / proposition); -1 when unknown.
    published, latest, middle : numpy.ndarray of int64
        Nanoseconds since 1970 (UTC): earliest and latest possible publication time, and their middle.
    low, high : numpy.ndarray of float
        NaN where empty.
    cites_nothing : numpy.ndarray of bool
        The claim has no followed supporting citation at all (it is presented as own reporting).
    cited : numpy.ndarray of int64
        Sorted keys ``later * n + earlier`` (time-order positions) of the claim pairs that have a citation row
        already, in either direction, of any relation and basis.
    """

    row: np.ndarray
    claim_id: np.ndarray
    text: np.ndarray
    publisher: np.ndarray
    proposition: np.ndarray
    published: np.ndarray
    latest: np.ndarray
    middle: np.ndarray
    low: np.ndarray
    high: np.ndarray
    cites_nothing: np.ndarray
    cited: np.ndarray

    def __len__(self) -> int:
        return len(self.row)

    def ids_at(self, at) -> pd.Series:
        """The claim ids at time-order positions ``at``, as a string Series."""
        import pyarrow as pa

        return pd.Series(pd.arrays.ArrowStringArray(self.claim_id.take(pa.array(np.asarray(at, dtype=np.int64)))))

    def pair_keys(self, later: np.ndarray, earlier: np.ndarray) -> np.ndarray:
        """``later * n + earlier`` as int64 (compare with :attr:`cited`)."""
        return np.asarray(later, dtype=np.int64) * len(self) + np.asarray(earlier, dtype=np.int64)


def _ns(values) -> np.ndarray:
    s = pd.to_datetime(pd.Series(values), utc=True)
    return s.astype("int64").to_numpy() if len(s) else np.zeros(0, np.int64)


def claims_in_time_order(case: Case, follow=DEFAULT_FOLLOW) -> Claims:
    """The case's claims as :class:`Claims`.

    ``published_latest`` is used where the reports table has it (case format version 2), else ``published``.

    Parameters
    ----------
    case : kit.Case
    follow : tuple of str
        The citation bases followed (for ``cites_nothing``).

    Returns
    -------
    Claims

    Examples
    --------
    >>> import kit
    >>> c = claims_in_time_order(kit.testing.synth.make_case(50, seed=1))
    >>> len(c), bool((c.middle[1:] >= c.middle[:-1]).all())
    (50, True)
    """
    import pyarrow as pa

    claims, reports = case.claims, case.reports
    r = positions(claims["report_id"], reports["report_id"])
    found = r >= 0
    r0 = np.maximum(r, 0)
    earliest = _ns(reports["published"])
    latest = _ns(reports["published_latest"]) if "published_latest" in reports.columns else earliest
    pub_codes, _ = pd.factorize(reports["source_id"])
    n = len(claims)
    published = np.where(found, earliest[r0] if len(earliest) else 0, 0)
    late = np.where(found, latest[r0] if len(latest) else 0, 0)
    middle = published + (late - published) // 2
    order = np.lexsort((np.arange(n), published, middle))
    prop_codes, _ = pd.factorize(claims["proposition"])
    publisher = np.where(found, pub_codes[r0] if len(pub_codes) else -1, -1)

    def figure(col):
        if col not in claims.columns:
            return np.full(n, np.nan)
        return pd.to_numeric(claims[col], errors="coerce").astype("float64").to_numpy(na_value=np.nan)

    take = pa.array(order)
    ids = arrow_strings(claims["claim_id"]).take(take)
    cit = case.citations
    a, b = positions(cit["claim_id"], ids), positions(cit["cites"], ids)
    both = (a >= 0) & (b >= 0)
    hi, lo = np.maximum(a[both], b[both]), np.minimum(a[both], b[both])
    cited = distinct(hi.astype(np.int64) * n + lo)
    supports = a[followed_mask(cit, follow) & (a >= 0)]
    cites_nothing = np.bincount(supports, minlength=n) == 0
    text = arrow_strings(claims["text"]).take(take)
    return Claims(
        row=order,
        claim_id=ids,
        text=text,
        publisher=publisher[order],
        proposition=prop_codes[order],
        published=published[order],
        latest=late[order],
        middle=middle[order],
        low=figure("low")[order],
        high=figure("high")[order],
        cites_nothing=cites_nothing,
        cited=cited,
    )
