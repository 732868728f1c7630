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
- every other text of the case (claim texts, titles, evidence, notes, extra columns and their names,
  ``case.toml`` keys and values) has each confidential name, source id, url, notes text and distinctive
  affiliation replaced;
- ``path`` is ``None`` and ``warnings`` is empty, so nothing downstream reads the raw files again.

Values are replaced by field and row, never by a blind replacement across a table: the confidential source's own
row is emptied and relabelled. One rule covers every other cell of every table, whatever its column (the
contract's, ``language``, an extra column, one named like a coded column of another table): a cell holding text is
scrubbed, read as a reader reads it, its percent-encoding and HTML entities undone (``https://archive.ph/submit/
?url=https%3A%2F%2F...``, the usual form of an archive link, names the url it encodes; the cell is then given
decoded, the url withheld). Only two kinds of cell are left as they are: typed values (dates, numbers, yes/no) and,
in a column of the contract's vocabularies (``kind``, ``reliability``, ``measure``, ``certainty``, ``relation``,
``basis`` of their own tables), a word of that vocabulary, so a confidential name or ``source_id`` that is also such
a word (``official``, ``wire``) changes no other source's ``kind``. The contract's own column names are never rewritten;
an extra column named after a confidential source is renamed like any text. A confidential ``source_id`` that is
such a word is rewritten as an id but left in texts ("an official said" stays): it names no one.

How a name is found in a text (:mod:`kit.text.textmatch`): on a normalised form of both, the original characters
being replaced. Matched alike: any case (full case folding: ``İPEK`` and ``ipek``, ``STRASSE`` and ``Straße``),
compatibility forms (full-width letters, ligatures, NFC or NFD accents), a name with or without its accents,
any run of blanks between its words (a line break, Word's vertical tab, a non-breaking space), zero-width and
other invisible format or control characters inside it (U+200B, a soft hyphen, a right-to-left override). A term
shorter than four characters (a short id such as ``abc``) is replaced only as a whole word, a word ending at
anything but a letter or digit (``abc-said`` and ``(abc)`` hold it; ``abcd`` does not); longer terms are
replaced wherever they occur, inside a longer word too (``Petrova`` for ``Petrov``).

Not matched (redaction can only replace what it is told): a nickname or a partial name (``Vanya``, or ``Petrov``
alone for ``Ivan Petrov``), another spelling or a transliteration (``Petroff``, ``Петров``), the words of a name
run together or joined by punctuation (``IvanPetrov``, ``Ivan-Petrov``), letters of another script that look the
same (a Cyrillic ``а`` in a Latin name). Write the name in the case's texts as in ``sources.csv``, or not at all.

Renderers (:mod:`kit.publish`, :mod:`kit.formats.export`) receive only the redacted case. Text that travels with a case
but is not in it (the narrative of ``story.csv``) goes through :func:`redact_text`.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

import pandas as pd

from kit.cells import is_missing
from kit.schema import (
    BASES,
    CERTAINTIES,
    KINDS,
    MEASURES,
    META_KEYS,
    RELATIONS,
    RELIABILITY,
    TYPED_COLUMNS,
    VERDICT_KEYS,
)
from kit.text.textmatch import Matcher, as_read, fold

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["LABEL", "confidential_labels", "redact", "redact_text", "redacted_proposition", "confidential_fields"]

#: how a confidential source is named in anything published; ``{n}`` is its number
LABEL = "Confidential source {n}"
_ID = "confidential-source-{n}"
_WITHHELD = "(withheld)"
#: the words of the contract's vocabularies: a ``source_id`` that is one of them tells nothing and is kept in texts
_VOCABULARY = {w.casefold() for w in (*KINDS, *MEASURES, *CERTAINTIES, *RELATIONS, *BASES)}
#: the keys of case.toml the contract defines: never rewritten (a source_id ``title`` must not rename the title)
_META_WORDS = {*META_KEYS, *VERDICT_KEYS, "verdicts", "proposition"}
#: the contract's columns, whose names are never secret
_SCHEMA_COLUMNS = {c for cols in TYPED_COLUMNS.values() for c in cols}
#: the columns of each table whose values come from a fixed vocabulary: a value of it is kept as it is (a
#: confidential name "Wire" renames no source's kind); any other value there is free text, scrubbed like all text
_VOCABULARIES = {
    ("sources", "kind"): KINDS,
    ("sources", "reliability"): RELIABILITY,
    ("claims", "measure"): MEASURES,
    ("claims", "certainty"): CERTAINTIES,
    ("citations", "relation"): RELATIONS,
    ("citations", "basis"): BASES,
}
#: how many layers of percent-encoding or HTML entities a cell is read through (a url inside an archive link
#: inside another: two)


def _present(v) -> bool:
    return not is_missing(v) and str(v).strip() != ""


def _confidential_rows(case: Case) -> pd.DataFrame:
    src = case.sources
    if "confidential" not in src.columns or not len(src):
        return src.iloc[0:0]
    mask = src["confidential"].fillna(False).astype(bool)
    return src[mask.to_numpy()].sort_values("source_id", kind="stable")


def confidential_labels(case: Case) -> dict:
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
    >>> confidential_labels(kit.testing.synth.make_case(5))
    {}
    """
    rows = _confidential_rows(case)
    return {str(s): LABEL.format(n=i) for i, s in enumerate(rows["source_id"], start=1)}


def confidential_fields(case: Case) -> list:
    """Every confidential value the published output must not contain (names, ids, urls, notes, affiliations).

    An affiliation shared with a source that is not confidential (e.g. "US government") is not secret and is
    left out, and so is a ``source_id`` that is a word of the contract's vocabularies (``official``, ``wire``:
    every page prints the kinds). Tests search every published byte for these.

    Parameters
    ----------
    case : kit.Case
        Not changed.

    Returns
    -------
    list of str
        The values as written in ``sources.csv``, each once, in ``source_id`` order of their sources.

    See Also
    --------
    kit.text.textmatch.fold : how they are found in a text (any case, blanks, accents, invisible characters).

    Examples
    --------
    >>> import kit
    >>> sorted(confidential_fields(kit.load_case("tests/cases/hostile")))[:2]
    ['Ivan Petrov (Telegram)', 'Met in Rostov; fears for his job at the plant']
    """
    rows = _confidential_rows(case)
    open_affiliations = _open_affiliations(case, rows)
    out = []
    for _, r in rows.iterrows():
        for col in ("source_id", "name", "url", "notes", "affiliation"):
            v = r.get(col)
            if not _present(v):
                continue
            if col == "affiliation" and fold(v).strip() in open_affiliations:
                continue
            if col == "source_id" and str(v).strip().casefold() in _VOCABULARY:
                continue
            out.append(str(v))
    return list(dict.fromkeys(out))


class _Scrubber:
    """Replaces confidential terms in free text (to labels) and in ids (to new ids), on the folded form."""

    def __init__(self, case: Case):
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
        open_affiliations = _open_affiliations(case, rows)
        text_terms: dict[str, str] = {}
        for _, r in rows.iterrows():
            sid = str(r["source_id"])
            label = self.labels[sid]
            pairs = [(r.get("name"), label)]
            if sid.strip().casefold() not in _VOCABULARY:
                pairs.append((sid, label))
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
            if _present(aff) and fold(aff).strip() not in open_affiliations:
                pairs.append((aff, _WITHHELD))
            for term, repl in pairs:
                if _present(term):
                    text_terms.setdefault(str(term), repl)
        self.text_matcher = Matcher(text_terms)
        self.id_matcher = Matcher(dict(self.ids))

    def text(self, v):
        if not self.text_matcher or not isinstance(v, str):
            return v
        out = self.text_matcher.sub(v)
        decoded = as_read(out)
        if decoded != out:  # a name or url percent-encoded (an archive link) or written as HTML entities
            scrubbed = self.text_matcher.sub(decoded)
            if scrubbed != decoded:
                out = scrubbed  # the cell as a reader reads it, the name replaced
        if out == v:
            return v
        return re.sub(r"\b([Aa])n (?=Confidential source \d)", r"\1 ", out)  # "an engineer" -> "a Confidential ..."

    def ident(self, v):
        if not isinstance(v, str):
            return v
        if v in self.ids:
            return self.ids[v]
        return self.id_matcher.sub(v) if self.id_matcher else v

    def deep(self, v, key=None):
        """Scrub a case.toml value: strings, lists and tables (keys too); ``claim_id`` values as ids."""
        if isinstance(v, dict):
            return {
                self.text(k) if isinstance(k, str) and k not in _META_WORDS else k: self.deep(x, k)
                for k, x in v.items()
            }
        if isinstance(v, list):
            return [self.deep(x, key) for x in v]
        if isinstance(v, str):
            return self.ident(v) if key in ("claim_id", "proposition") else self.text(v)
        return v

    def header(self, columns) -> list:
        """Extra columns' names scrubbed like text (the contract's own names are kept); kept unique."""
        out, used = [], set()
        for c in columns:
            new = c if not isinstance(c, str) or c in _SCHEMA_COLUMNS else self.text(c)
            base, n = new, 2
            while new in used:
                new, n = f"{base} ({n})", n + 1
            used.add(new)
            out.append(new)
        return out


def _open_affiliations(case: Case, rows) -> set:
    if "affiliation" not in case.sources.columns:
        return set()
    others = case.sources.drop(index=rows.index)
    return {fold(a).strip() for a in others["affiliation"] if _present(a)}


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


def redact(case: Case, reveal: bool = False):
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
    >>> sid = "ivan-petrov-telegram"
    >>> sid in set(case.sources["source_id"]), sid in set(red.sources["source_id"])
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
        for col in frame.columns:  # every cell of every column: ids as ids, vocabulary words kept, the rest as text
            if col in ids:
                frame[col] = _map_strings(frame[col], sc.ident)
            elif (name, col) in _VOCABULARIES:
                words = {w.casefold() for w in _VOCABULARIES[(name, col)]}
                frame[col] = _map_strings(frame[col], lambda v, w=words: v if v.strip().casefold() in w else sc.text(v))
            else:
                frame[col] = _map_strings(frame[col], sc.text)
        frame.columns = sc.header(frame.columns)
        tables[name] = frame.reset_index(drop=True)
    meta = sc.deep(_copy_meta(case.meta))
    return dataclasses.replace(case, meta=meta, warnings=[], path=None, **tables)


def redact_text(case: Case, text, reveal: bool = False):
    """Scrub a text that travels with ``case`` (e.g. a step of ``story.csv``) the way :func:`redact` does.

    Parameters
    ----------
    case : kit.Case
        The case whose confidential sources are replaced; not changed.
    text : str, None or pandas.Series
        The text; ``None`` is returned as it is. A Series of texts (a story's titles) is scrubbed with one
        matcher, built once (building it is most of the work), its missing cells kept as they are.
    reveal : bool
        ``True`` for internal drafts: the text as it is.

    Returns
    -------
    str, None or pandas.Series
        The text with every confidential name, id, url, notes text and distinctive affiliation replaced, found
        on the normalised form (see the module's description).

    Examples
    --------
    >>> import kit
    >>> case = kit.load_case("tests/cases/hostile")
    >>> redact_text(case, "Ivan Petrov (Telegram) told us")
    'Confidential source 1 told us'
    >>> redact_text(case, "Ivan Petrov (Telegram) told us", reveal=True)
    'Ivan Petrov (Telegram) told us'
    >>> import pandas as pd
    >>> redact_text(case, pd.Series(["Ivan Petrov (Telegram) said", pd.NA], dtype="string")).tolist()
    ['Confidential source 1 said', <NA>]
    """
    if reveal or text is None:
        return text
    if isinstance(text, pd.Series):
        sc = _Scrubber(case)
        return text.map(lambda t: sc.text(str(t)) if isinstance(t, str) else t)
    return _Scrubber(case).text(str(text))


def redacted_proposition(case, red, proposition):
    """The name ``proposition`` of ``case`` has in ``red`` (:func:`redact` of it).

    A slug holding a confidential id is rewritten there, so a command given the case's own name (``kit publish``,
    ``kit worksheet``) looks it up under this one.

    Parameters
    ----------
    case : kit.Case
        The case as loaded.
    red : kit.Case
        ``redact(case)`` (or the case itself, revealed).
    proposition : str or None
        A proposition of ``case``; None, or a name no claim has, is returned as it is.

    Returns
    -------
    str or None

    Examples
    --------
    >>> import dataclasses, kit
    >>> case = kit.load_case("tests/cases/hostile")
    >>> claims = case.claims.assign(proposition="ivan-petrov-telegram_dead")
    >>> case = dataclasses.replace(case, claims=claims)
    >>> redacted_proposition(case, redact(case), "ivan-petrov-telegram_dead")
    'confidential-source-1_dead'
    """
    pairs = dict(zip(case.claims["proposition"].astype(str), red.claims["proposition"].astype(str), strict=False))
    return pairs.get(proposition, proposition)


def _copy_meta(meta):
    import copy

    return copy.deepcopy(dict(meta))
