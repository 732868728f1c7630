"""From attributions to the four case tables of a draft (``docs/draft.md``).

Each :class:`~kit.draft.cues.Finding` becomes one claim (or one per figure, when a sentence gives several figures
in separate clauses: "about 100, with 200 to 300 injured"), in the report of whoever relays it ("told Reuters":
Reuters' report; otherwise the article's own report), citing each speaker it rests on (``relies_on``, basis
``stated``, evidence the sentence). Speakers become sources, merged by name (:mod:`kit.draft.names`).
"""

from __future__ import annotations

import re

import pandas as pd

from kit.draft.cues import Finding, Mention
from kit.draft.names import guess_kind, normalise_key, outlet_of, same_name, slug
from kit.draft.narrative import narrative_spans
from kit.draft.numbers import counted, figures, measure_of, subject_after
from kit.draft.report_dates import report_date
from kit.draft.reporters import agency_reporter
from kit.schema import COLUMNS as SCHEMA_COLUMNS

__all__ = ["DraftError", "build_tables", "COLUMNS"]

#: the columns a draft writes: the contract's, with ``basis`` (contract v2) and ``notes`` on claims and citations
COLUMNS = {
    name: [*cols, *(("notes",) if name in ("claims", "citations") else ())] for name, cols in SCHEMA_COLUMNS.items()
}
_DOC_NOUNS = {"estimate", "report", "statement", "figures", "figure", "account", "data", "count"}


class DraftError(ValueError):
    """A draft cannot be made or written: the message says why and what to do."""


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Registry:
    """Sources, reports and ids of one draft; every id unique across sources and claims (one namespace)."""

    def __init__(self):
        self.sources: list[dict] = []
        self.reports: dict = {}
        self.ids: set[str] = set()
        self.keys: dict[object, str] = {}
        self.report_ids: set[str] = set()

    def new_id(self, base: str) -> str:
        sid, n = base, 2
        while sid in self.ids:
            sid, n = f"{base}-{n}", n + 1
        self.ids.add(sid)
        return sid

    def new_report_id(self, base: str) -> str:
        rid, n = base, 2
        while rid in self.report_ids:
            rid, n = f"{base}-{n}", n + 1
        self.report_ids.add(rid)
        return rid

    def source(self, mention: Mention, via: str | None, sentence: str, merged: list) -> str:
        own = agency_reporter(mention.text)  # agency_reporter (recall pass): "an AFP correspondent", not AFP
        kind, reason = own or guess_kind(mention.text, head_lower=mention.common, cue=mention.about)
        words = re.sub(r"^(the|a|an)\s+", "", mention.text, flags=re.I)
        if kind in ("anonymous", "document"):
            name = _cap(words) + (f" (unnamed, via {via})" if via else " (unnamed)")
            key: object = ("unnamed", normalise_key(words), via)
            if key in self.keys:
                return self.keys[key]
        else:
            key = normalise_key(mention.text)
            name = outlet_of(mention.text) or _cap(words)
            found = self._named(name)
            head = name.split()
            if found is None and len(head) > 1 and head[-1].lower() in _DOC_NOUNS:
                found = self._named(" ".join(head[:-1]), loose=True)
            if found is not None:
                if found[1] != name:
                    merged.append(f"draft: check: '{mention.text}' taken to be {found[1]}")
                return found[0]
        sid = self.new_id(slug(name, "source"))
        if isinstance(key, tuple):
            self.keys[key] = sid
        note = f"draft: check kind ({reason})."
        if mention.affiliation:
            note += " draft: check affiliation (from the article's words)."
        self.sources.append(
            {
                "source_id": sid,
                "name": name,
                "kind": kind,
                "affiliation": re.sub(r"^the\s+", "", mention.affiliation),
                "confidential": "false",
                "notes": f'{note} Article: "{sentence}"',
            }
        )
        return sid

    def _named(self, name: str, loose: bool = False):
        best = None
        for row in self.sources:
            if row["kind"] in ("anonymous", "document"):
                continue
            score = same_name(name, row["name"])
            if score == 2:
                return row["source_id"], row["name"]
            if (
                score == 1
                and loose
                or score == 1
                and set(normalise_key(name).split()) <= set(normalise_key(row["name"]).split())
            ):
                best = best or (row["source_id"], row["name"])
        return best

    def name_of(self, sid: str) -> str:
        return next(r["name"] for r in self.sources if r["source_id"] == sid)

    def report(self, sid: str, published: str, sentence: str) -> str:
        if sid not in self.reports:
            rid = sid if sid.endswith("report") else f"{sid}-report"
            rid = self.new_report_id(rid)
            self.reports[sid] = {
                "report_id": rid,
                "source_id": sid,
                "published": published,
                "notes": "draft: check date: the article gives no date for this report; the "
                f'article\'s own date is used. Article: "{sentence}"',
            }
        return self.reports[sid]["report_id"]


def _clauses(text: str, masked: str):
    """(start, end, figures) of each clause holding a figure; one clause when the figures cannot be told apart."""
    figs = figures(masked)
    cuts = [0]
    for a, b in zip(figs, figs[1:], strict=False):
        between = masked[a.end : b.start]
        m = None
        for pattern in (
            r",\s+with\s",
            r";\s",
            r",?\s+and\s+that\s",
            r",\s+and\s",
            r",\s",
        ):  # and_that: "X said A and that B"
            m = list(re.finditer(pattern, between)) or None
            if m:
                break
        if m:
            cuts.append(a.end + m[-1].start())
    cuts.append(len(text))
    out = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        if lo:
            lo += len(re.match(r"[,;]?\s*", text[lo:]).group())  # type: ignore[union-attr]  # a cut's [,;] and spaces
        out.append((lo, hi, [f for f in figs if lo <= f.start < hi]))
    return out


def build_tables(
    text: str,
    findings: list[Finding],
    *,
    publisher: str | None,
    published: str,
    url: str | None = None,
    title: str | None = None,
    notes: str = "",
) -> dict:
    """The draft's four tables (strings, ``""`` for empty) from the findings on ``text``.

    Parameters
    ----------
    text : str
        The article's main text, as :func:`kit.draft.extract.read_article` gives it; every claim ``text`` and
        citation ``evidence`` is a verbatim span of it.
    findings : list of kit.draft.cues.Finding
        The attributions found in ``text`` (:func:`kit.draft.cues.find_attributions`).
    publisher : str or None
        The article's own publisher; None gives a source "Publisher of the article (not given)" and a note.
    published : str
        The article's date (ISO 8601), also given to the reports it quotes (with a ``draft: check date`` note).
    url, title : str, optional
        The article's address and title, for its own report.
    notes : str
        Added to the article's own report's notes.

    Returns
    -------
    dict of str to pandas.DataFrame
        ``sources``, ``reports``, ``claims`` and ``citations`` in the columns of :data:`COLUMNS`, every cell a
        string (``""`` for empty).

    See Also
    --------
    kit.draft.draft_case : the same from the text alone (it finds the attributions itself).
    kit.draft.cues.find_attributions : the findings.

    Examples
    --------
    >>> from kit.draft.extract import sentences
    >>> from kit.draft.cues import find_attributions
    >>> text = "At least two men were killed, their associates told Reuters on Monday."
    >>> t = build_tables(text, find_attributions(sentences(text)), publisher="Paper", published="2018-02-13")
    >>> t["claims"][["report_id", "low", "high", "measure"]].values.tolist()
    [['reuters-report', '2', '', 'killed']]
    >>> t["citations"][["cites", "relation", "basis"]].values.tolist()
    [['their-associates', 'relies_on', 'stated']]
    """
    reg = _Registry()
    own = Mention(publisher or "Publisher of the article (not given)")
    own_id = reg.source(own, None, text.split("\n", 1)[0], [])
    row = reg.sources[0]
    kind_note = row["notes"].split(" Article:")[0]  # the publisher's mention has no affiliation: the kind's note only
    if row["kind"] == "individual":  # publisher_outlet: the publisher of an article is an outlet, not a person
        row["kind"] = "online"
        kind_note = "draft: check kind (the article's publisher: an outlet the kit does not know)."
    row["notes"] = (
        "The publisher of the article this draft was made from. "
        + ("draft: check: give kit draft --publisher. " if not publisher else "")
        + kind_note
    )
    own_report = reg.new_report_id(f"{own_id}-article")
    reports = [
        {
            "report_id": own_report,
            "source_id": own_id,
            "published": published,
            "title": title or "",
            "url": url or "",
            "notes": ("The article this draft was made from. " + notes).strip(),
        }
    ]
    claims, citations = [], []
    count: dict = {}
    for f in findings:
        sentence = f.sentence.text
        merged: list = []
        relay_id = reg.source(f.relay, None, sentence, merged) if f.relay is not None else None
        publisher_id = relay_id or own_id
        report_id = reg.report(relay_id, published, sentence) if relay_id else own_report
        via = reg.name_of(relay_id) if relay_id else None
        cited = [reg.source(c, via, sentence, merged) for c in f.cited]
        cited = [c for i, c in enumerate(cited) if c != publisher_id and c not in cited[:i]]
        if not cited:
            continue
        span = text[f.start : f.end]
        masked = span
        for m in [*f.cited, *([f.relay] if f.relay else [])]:
            masked = masked.replace(m.text, " " * len(m.text))
        bare = masked  # act_object: the outlet's own words around an act give no figure (the clauses stay)
        for a, b in narrative_spans(masked, f.verb):
            bare = bare[:a] + re.sub(r"\S", " ", bare[a:b]) + bare[b:]
        kept = figures(bare) if bare != masked else None  # read once for all the clauses
        for lo, hi, cut in _clauses(span, masked):
            figs = cut if kept is None else [g for g in kept if lo <= g.start < hi]
            while hi > lo and span[hi - 1] in " ,;":
                hi -= 1
            words = span[lo:hi]
            count[report_id] = count.get(report_id, 0) + 1
            claim_id = reg.new_id(f"{report_id}-{count[report_id]}")
            row = {
                "claim_id": claim_id,
                "report_id": report_id,
                "text": words,
                "low": "",
                "high": "",
                "subject": "",
                "measure": "",
                "certainty": f.certainty,
                "credibility": "",
            }
            note = [*f.notes, *merged, f"draft: check certainty ('{f.certainty}', from '{f.verb}')"]
            if figs:
                fig = figs[0]
                row["low"] = "" if fig.low is None else str(fig.low)
                row["high"] = "" if fig.high is None else str(fig.high)
                row["measure"] = measure_of(words) or ""
                row["subject"] = subject_after(masked[lo:hi], fig) or ""
                note += [n for n in [fig.note] if n]
                note += [f"draft: check low/high: the words also give '{g.words}'" for g in figs[1:]]
                note.append("draft: check subject, measure and proposition (guessed from the words)")
            else:
                note.append("draft: check proposition (one per claim until grouped)")
            row["proposition"] = (counted(words) or "figure") if figs else slug(claim_id)
            row["notes"] = "; ".join(note)
            claims.append(row)
            for c in cited:
                citations.append(
                    {
                        "claim_id": claim_id,
                        "cites": c,
                        "relation": "relies_on",
                        "evidence": sentence,
                        "basis": "stated",
                        "notes": "",
                    }
                )
    for row in citations:
        if row["cites"] in reg.reports:
            name = reg.name_of(row["cites"])
            row["notes"] = (
                f"draft: check: cites {name} itself; point it at the claim in the report by {name} it rests on"
            )
    for sid, report in reg.reports.items():  # dates from the article's words ("On February 12 Reuters")
        found = report_date(text, reg.name_of(sid), published)
        if found:
            report["published"] = found[0]
            quoted = report["notes"].split(" Article: ", 1)[-1]
            report["notes"] = f"draft: check date (from the article's words '{found[1]}'). Article: {quoted}"
    tables = {
        "sources": reg.sources,
        "reports": reports + list(reg.reports.values()),
        "claims": claims,
        "citations": citations,
    }
    return {
        name: pd.DataFrame(
            [{c: r.get(c, "") for c in COLUMNS[name]} for r in rows], columns=COLUMNS[name], dtype=object
        )
        for name, rows in tables.items()
    }
