"""Confidential redaction, done once, where publishing starts.

A source marked ``confidential = true`` in ``sources.csv`` is shown in everything the kit publishes (the page,
its figures and alt text, the exports) as "Confidential source 1", "Confidential source 2", ... numbered in
``source_id`` order, so the numbering is stable from one build to the next. :func:`redact` returns a new
:class:`kit.Case` in which

- each confidential source's ``name`` is its label, its ``source_id`` (which may be a telling slug) is
  ``confidential-source-N``, and its ``url``, ``notes``, ``affiliation`` and any extra columns are emptied;
- every id is rewritten consistently in every table (``reports.source_id``, ``citations.cites``; a report or
  claim id that contains a confidential source id has that part rewritten too); the reports a confidential
  source published become ``confidential-report-N`` and their claims ``confidential-claim-N``;
- reports published by a confidential source lose their ``url``, ``archive_url`` and ``notes``;
- every other text of the case (claim texts, titles, evidence, notes, ``case.toml`` values) has each
  confidential name, source id, url, notes text and distinctive affiliation replaced;
- ``path`` is ``None`` and ``warnings`` is empty, so nothing downstream reads the raw files again.

Renderers (:mod:`kit.publish`, :mod:`kit.export`) receive only the redacted case. Text that travels with a case
but is not in it (the narrative of ``story.csv``) goes through :func:`redact_text`.
"""

from __future__ import annotations

import dataclasses
import re

import pandas as pd

__all__ = ["LABEL", "confidential_labels", "redact", "redact_text", "confidential_fields"]

#: how a confidential source is named in anything published; ``{n}`` is its number
LABEL = "Confidential source {n}"
_ID = "confidential-source-{n}"
_WITHHELD = "(withheld)"
_SHORT = 4  # terms shorter than this are replaced only as whole words


def _present(v) -> bool:
    if v is None or v is pd.NA:
        return False
    if isinstance(v, float) and v != v:
        return False
    return str(v).strip() != ""


def _confidential_rows(case) -> pd.DataFrame:
    src = case.sources
    if "confidential" not in src.columns or not len(src):
        return src.iloc[0:0]
    mask = src["confidential"].fillna(False).astype(bool)
    return src[mask.to_numpy()].sort_values("source_id", kind="stable")


def confidential_labels(case) -> dict:
    """The label of each confidential source, numbered in ``source_id`` order.

    Returns
    -------
    dict
        ``source_id -> "Confidential source N"``; empty when the case has no confidential source.

    Examples
    --------
    >>> import kit
    >>> confidential_labels(kit.load_case("tests/cases/hostile"))
    {'ivan-petrov-telegram': 'Confidential source 1'}
    >>> confidential_labels(kit.synth.make_case(5))
    {}
    """
    rows = _confidential_rows(case)
    return {str(s): LABEL.format(n=i) for i, s in enumerate(rows["source_id"], start=1)}


def confidential_fields(case) -> list:
    """Every confidential value the published output must not contain (names, ids, urls, notes, affiliations).

    An affiliation shared with a source that is not confidential (e.g. "US government") is not secret and is
    left out. Tests search every published byte for these.

    Examples
    --------
    >>> import kit
    >>> sorted(confidential_fields(kit.load_case("tests/cases/hostile")))[:2]
    ['Ivan Petrov (Telegram)', 'Met in Rostov; fears for his job at the plant']
    """
    rows = _confidential_rows(case)
    open_affiliations = set()
    if "affiliation" in case.sources.columns:
        others = case.sources.drop(index=rows.index)
        open_affiliations = {str(a).strip().lower() for a in others["affiliation"] if _present(a)}
    out = []
    for _, r in rows.iterrows():
        for col in ("source_id", "name", "url", "notes", "affiliation"):
            v = r.get(col)
            if not _present(v):
                continue
            if col == "affiliation" and str(v).strip().lower() in open_affiliations:
                continue
            out.append(str(v))
    return list(dict.fromkeys(out))


class _Scrubber:
    """Replaces confidential terms in free text (to labels) and in ids (to new ids)."""

    def __init__(self, case):
        rows = _confidential_rows(case)
        self.labels = confidential_labels(case)
        self.ids = {s: _ID.format(n=i) for i, s in enumerate(self.labels, start=1)}
        # reports published by a confidential source, and their claims, get neutral ids too
        own = case.reports[case.reports["source_id"].isin(set(self.labels))]
        for i, r in enumerate(sorted(own["report_id"].astype(str)), start=1):
            self.ids[r] = f"confidential-report-{i}"
        own_claims = case.claims[case.claims["report_id"].isin(set(own["report_id"]))]
        for i, k in enumerate(sorted(own_claims["claim_id"].astype(str)), start=1):
            self.ids[k] = f"confidential-claim-{i}"
        open_affiliations = set()
        if "affiliation" in case.sources.columns:
            others = case.sources.drop(index=rows.index)
            open_affiliations = {str(a).strip().lower() for a in others["affiliation"] if _present(a)}
        text_terms: dict[str, str] = {}
        for _, r in rows.iterrows():
            sid = str(r["source_id"])
            label = self.labels[sid]
            pairs = [(r.get("name"), label), (sid, label)]
            for col in ("url",):
                v = r.get(col)
                if _present(v):
                    u = str(v).strip()
                    pairs.append((u, _WITHHELD))
                    bare = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", u).rstrip("/")
                    pairs.append((bare, _WITHHELD))
            if _present(r.get("notes")):
                pairs.append((r.get("notes"), _WITHHELD))
            aff = r.get("affiliation")
            if _present(aff) and str(aff).strip().lower() not in open_affiliations:
                pairs.append((aff, _WITHHELD))
            for term, repl in pairs:
                if _present(term):
                    text_terms.setdefault(str(term).strip().lower(), repl)
        self.text_terms = text_terms
        self.text_re = self._compile(text_terms)
        id_terms = {sid.lower(): new for sid, new in self.ids.items()}
        self.id_terms = id_terms
        self.id_re = self._compile(id_terms)

    @staticmethod
    def _compile(terms):
        if not terms:
            return None
        parts = []
        for t in sorted(terms, key=len, reverse=True):
            p = re.escape(t)
            parts.append(p if len(t) >= _SHORT else rf"(?<![\w-]){p}(?![\w-])")
        return re.compile("|".join(parts), re.IGNORECASE)

    def text(self, v):
        if self.text_re is None or not isinstance(v, str):
            return v
        out = self.text_re.sub(lambda m: self.text_terms[m.group(0).lower()], v)
        return re.sub(r"\b([Aa])n (?=Confidential source \d)", r"\1 ", out)  # "an engineer" -> "a Confidential ..."

    def ident(self, v):
        if not isinstance(v, str):
            return v
        if v in self.ids:
            return self.ids[v]
        if self.id_re is None:
            return v
        return self.id_re.sub(lambda m: self.id_terms[m.group(0).lower()], v)

    def deep(self, v, key=None):
        """Scrub a case.toml value: strings, lists and tables (keys too); ``claim_id`` values as ids."""
        if isinstance(v, dict):
            return {self.text(k) if isinstance(k, str) else k: self.deep(x, k) for k, x in v.items()}
        if isinstance(v, list):
            return [self.deep(x, key) for x in v]
        if isinstance(v, str):
            return self.ident(v) if key in ("claim_id", "proposition") else self.text(v)
        return v


def _map_strings(series: pd.Series, fn) -> pd.Series:
    if not (pd.api.types.is_string_dtype(series) or series.dtype == object):
        return series
    out = series.map(lambda v: fn(v) if isinstance(v, str) else v)
    return out.astype(series.dtype)


_ID_COLUMNS = {
    "sources": ("source_id",),
    "reports": ("report_id", "source_id"),
    "claims": ("claim_id", "report_id", "proposition"),
    "citations": ("claim_id", "cites"),
}


def redact(case, reveal: bool = False):
    """A copy of ``case`` fit to publish: each confidential source becomes "Confidential source N".

    Parameters
    ----------
    case : kit.Case
        Not changed.
    reveal : bool
        ``True`` for internal drafts: a plain copy, nothing redacted.

    Returns
    -------
    kit.Case
        A new case (see the module's description for exactly what is replaced), with ``path=None``.

    Examples
    --------
    >>> import kit
    >>> case = kit.load_case("tests/cases/hostile")
    >>> red = redact(case)
    >>> red.sources.set_index("source_id").loc["confidential-source-1", "name"]
    'Confidential source 1'
    >>> "ivan-petrov-telegram" in set(case.sources["source_id"]), "ivan-petrov-telegram" in set(red.sources["source_id"])
    (True, False)
    >>> redact(case, reveal=True).sources.equals(case.sources)
    True
    """
    if reveal:
        return dataclasses.replace(
            case,
            sources=case.sources.copy(),
            reports=case.reports.copy(),
            claims=case.claims.copy(),
            citations=case.citations.copy(),
            meta=_copy_meta(case.meta),
            warnings=list(case.warnings),
        )
    sc = _Scrubber(case)
    conf = set(sc.labels)
    tables = {}
    for name in ("sources", "reports", "claims", "citations"):
        frame = getattr(case, name).copy()
        ids = _ID_COLUMNS[name]
        if name == "sources" and conf:
            mask = frame["source_id"].isin(conf).to_numpy()
            keep = {"source_id", "name", "kind", "reliability", "confidential", "country"}
            for col in frame.columns:
                if col not in keep:
                    frame.loc[mask, col] = pd.NA
            frame.loc[mask, "name"] = [sc.labels[s] for s in frame.loc[mask, "source_id"]]
        if name == "reports" and conf:
            mask = frame["source_id"].isin(conf).to_numpy()
            for col in ("url", "archive_url", "notes"):
                if col in frame.columns:
                    frame.loc[mask, col] = pd.NA
        for col in frame.columns:
            if col in ids:
                frame[col] = _map_strings(frame[col], sc.ident)
            elif col != "confidential":
                frame[col] = _map_strings(frame[col], sc.text)
        tables[name] = frame.reset_index(drop=True)
    meta = sc.deep(_copy_meta(case.meta))
    return dataclasses.replace(case, meta=meta, warnings=[], path=None, **tables)


def redact_text(case, text, reveal: bool = False):
    """Scrub a text that travels with ``case`` (e.g. a step of ``story.csv``) the way :func:`redact` does.

    Examples
    --------
    >>> import kit
    >>> case = kit.load_case("tests/cases/hostile")
    >>> redact_text(case, "Ivan Petrov (Telegram) told us")
    'Confidential source 1 told us'
    >>> redact_text(case, "Ivan Petrov (Telegram) told us", reveal=True)
    'Ivan Petrov (Telegram) told us'
    """
    if reveal or text is None:
        return text
    return _Scrubber(case).text(str(text))


def _copy_meta(meta):
    import copy

    return copy.deepcopy(dict(meta))
