"""Helpers the tests of reading, checking, loading and saving share: the contract's columns, and frame columns
as plain Python values (to compare with literal lists)."""

import os

import pandas as pd

SOURCES_COLS = ["source_id", "name", "kind", "affiliation", "country", "reliability", "confidential", "url", "notes"]
# as load_case types them (contract version 2: published_latest beside published, and the citations' basis)
REPORTS_COLS = [
    "report_id",
    "source_id",
    "published",
    "published_latest",
    "title",
    "url",
    "archive_url",
    "language",
    "notes",
]
CLAIMS_COLS = [
    "claim_id",
    "report_id",
    "proposition",
    "text",
    "low",
    "high",
    "subject",
    "measure",
    "certainty",
    "credibility",
]
CITATIONS_COLS = ["claim_id", "cites", "relation", "evidence", "basis"]
CONTRACT_COLS = {"sources": SOURCES_COLS, "reports": REPORTS_COLS, "claims": CLAIMS_COLS, "citations": CITATIONS_COLS}
TABLES = ["sources", "reports", "claims", "citations"]

UTC = pd.Timestamp  # readability: UTC("2018-02-13T00:00:00Z")


def py(values):
    """A column as plain Python values, <NA>/NaN/NaT -> None (to compare with literal lists)."""
    out = []
    for v in values:
        if v is None or (not isinstance(v, (str, tuple, list)) and pd.isna(v)):
            out.append(None)
        elif hasattr(v, "item") and not isinstance(v, pd.Timestamp):
            out.append(v.item())
        else:
            out.append(v)
    return out


def col(df, name):
    return py(df[name].tolist())


def is_string_dtype(dtype):
    return isinstance(dtype, pd.StringDtype)


def field(p, name):
    return p[name] if isinstance(p, dict) else getattr(p, name)


def where(p):
    return os.path.basename(str(field(p, "file"))), int(field(p, "line")), field(p, "column")


#: tests/cases/bad_mixed: eight problems at once, each with its acceptable (basename, line, column) places
BAD_EXPECTED = {
    # what: acceptable (basename, line, column) triples
    "bad slug 'Kyiv Post'": {("sources.csv", 3, "source_id")},
    "kind 'anonymus'": {("sources.csv", 4, "kind")},
    "date '13/02/2018'": {("reports.csv", 3, "published")},
    "low > high": {("claims.csv", 4, "low"), ("claims.csv", 4, "high")},
    "duplicate claim id k1": {("claims.csv", 5, "claim_id")},
    "dangling report_id r9": {("claims.csv", 6, "report_id")},
    "'dozens' in low": {("claims.csv", 7, "low")},
    "k_clash is a source and a claim": {("claims.csv", 8, "claim_id"), ("sources.csv", 5, "source_id")},
}
