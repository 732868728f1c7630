"""Checking the ids that point from one table into another, and the citation pairs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.checking.arrays import first_of_codes
from kit.checking.checker import Checker
from kit.checking.suggestions import Suggester
from kit.errors import shown

__all__ = ["check_references"]


def check_references(c: Checker) -> None:
    """Report every id that points nowhere, an id used both as a claim and as a source, and a repeated citation.

    ``reports.source_id`` must be a source, ``claims.report_id`` a report, ``citations.claim_id`` a claim and
    ``citations.cites`` a claim or a source; each error suggests the nearest known id. A table that is missing or
    lacks its id column is skipped (that is reported already).

    Parameters
    ----------
    c : Checker
        The check under way; the problems go to ``c.problems``.

    See Also
    --------
    kit.checking.suggestions.Suggester : the nearest known id to suggest.
    kit.checking.check_tables : runs this check after the per-table checks.

    Examples
    --------
    In ``tests/cases/bad_mixed`` a claim names a report that does not exist, and a claim's id is a source's too:

    >>> from kit.reading import read_raw
    >>> c = Checker(read_raw("tests/cases/bad_mixed").tables)
    >>> check_references(c)
    >>> print(*c.problems, sep="\\n")
    tests/cases/bad_mixed/claims.csv:6: report_id: 'r9' is not a report_id in reports.csv; add it to reports.csv,
    or correct the id
    tests/cases/bad_mixed/claims.csv:8: claim_id: 'k_clash' is also a source_id (sources.csv line 5); sources and
    claims share one set of ids, so rename one of them
    """
    # a table that is missing, or lacks its id column, is already reported: checking references against it
    # would only add noise. Ids are compared as integer codes (see Checker.ids); Python sets of ids are
    # built only to suggest a correction for an id that is not found.
    has_sources, has_reports, has_claims = (
        c.has("sources", "source_id"),
        c.has("reports", "report_id"),
        c.has("claims", "claim_id"),
    )

    def dangling(table: str, col: str, known: list[tuple[str, str]] | None, what: str, file_name: str) -> None:
        if not known or not c.has(table, col):
            return
        values = c.col(table, col)
        ok = c.id_set(*known)
        if c.empty_id is not None:
            ok[c.empty_id] = True
        bad = np.flatnonzero(~ok[c.ids(table, col)])
        if not len(bad):
            return
        universe = set()
        for t, k in known:
            universe.update(c.col(t, k))
        universe.discard("")
        near = Suggester(universe)
        for i in bad:
            v = values.iat[i]
            s = near(v)
            hint = f": did you mean '{s}'? Otherwise add it to" if s else "; add it to"
            c.err(table, i, col, f"'{shown(v)}' is not {what}{hint} {file_name}, or correct the id")

    sources, reports, claims = ("sources", "source_id"), ("reports", "report_id"), ("claims", "claim_id")
    dangling("reports", "source_id", [sources] if has_sources else None, "a source_id in sources.csv", "sources.csv")
    dangling("claims", "report_id", [reports] if has_reports else None, "a report_id in reports.csv", "reports.csv")
    dangling("citations", "claim_id", [claims] if has_claims else None, "a claim_id in claims.csv", "claims.csv")
    if has_claims and has_sources:
        dangling(
            "citations",
            "cites",
            [claims, sources],
            "a claim_id in claims.csv nor a source_id in sources.csv",
            "claims.csv or sources.csv",
        )
        claim_codes = c.ids(*claims)
        both = c.id_set(sources)[claim_codes] & (claim_codes != c.empty_id)
        if both.any():
            src_line = dict(zip(c.col("sources", "source_id"), c.tables["sources"].lines, strict=False))
            values = c.col("claims", "claim_id")
            for i in np.flatnonzero(both):
                v = values.iat[i]
                c.err(
                    "claims",
                    i,
                    "claim_id",
                    f"'{shown(v)}' is also a source_id (sources.csv line {int(src_line[v])}); "
                    "sources and claims share one set of ids, so rename one of them",
                )
    if c.has("citations", "claim_id") and c.has("citations", "cites"):
        key = c.ids("citations", "claim_id") * (c.n_ids + 1) + c.ids("citations", "cites")
        if pd.Series(key).duplicated().any():
            pairs, _ = pd.factorize(key, sort=False)
            pairs = np.asarray(pairs, dtype=np.int64)
            first = first_of_codes(pairs)
            for i in np.flatnonzero(first[pairs] != np.arange(len(pairs))):
                line = int(c.tables["citations"].lines[first[pairs[i]]])
                c.err(
                    "citations",
                    i,
                    "cites",
                    f"'{shown(c.col('citations', 'claim_id').iat[i])}' already cites "
                    f"'{shown(c.col('citations', 'cites').iat[i])}' on line {line}; "
                    "keep one row per pair",
                )
