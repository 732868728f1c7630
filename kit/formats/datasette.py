"""What Datasette needs to make ``case.db`` browsable by clicking: :func:`datasette_metadata`, :data:`VIEWS`,
:data:`QUERIES`, :data:`COLUMN_DESCRIPTIONS`, :func:`license_url`.

:func:`kit.formats.sqlite.export_sqlite` writes the database and, beside it, ``metadata.json`` made here:

- **facets** shown on opening a table (not merely suggested): ``proposition`` and ``certainty`` on claims,
  ``kind`` on sources, ``relation`` and ``basis`` on citations, ``source_kind`` on :data:`VIEWS`' ``claim_origins``,
  ``proposition`` on drift and provenance;
- **labels**: a claim is named by its outlet, date and first words, a report by its outlet, date and title (their
  ``label`` columns, :func:`kit.text.tables.claim_labels` and :func:`kit.text.tables.report_labels`), a source by
  its name, so every foreign key reads as words;
- a description of every table and column, the case's title, question, summary and licence (with a link when
  the licence is a url or a licence identifier Datasette users know, :func:`license_url`);
- **canned queries** (:data:`QUERIES`), each a form a reporter fills in: on whose word a claim stands, by name
  and with hops; the echoes; the loops; what falls if a source is discredited; the drift rows in words.

Every text comes from the redacted case the database is written from (:func:`kit.text.redact.redact`): the views
and queries read only the database, so a confidential source is "Confidential source N" there too.
Case text is plain text (``description``, never ``description_html``), so Datasette escapes it.
"""

from __future__ import annotations

import re
from urllib.parse import quote

__all__ = [
    "COLUMN_DESCRIPTIONS",
    "COLUMNS_HINT",
    "CSS",
    "FACETS",
    "LICENSES",
    "QUERIES",
    "TABLE_DESCRIPTIONS",
    "VIEWS",
    "datasette_metadata",
    "license_url",
]

_FREE = "free text"
#: the meaning of each column, as the contract's column tables give it (tests/test_sqlite.py keeps them in step), for
#: the tables :func:`kit.formats.sqlite.sqlite_tables` makes and the views of :data:`VIEWS`
COLUMN_DESCRIPTIONS = {
    "sources": {
        "source_id": "unique slug [a-z0-9_-]+",
        "name": 'as a reader would name it ("Reuters", "US official (unnamed)")',
        "kind": "one of wire, newspaper, broadcaster, online, official, military, monitor, company, individual, "
        "social, anonymous, document",
        "affiliation": 'e.g. "Russian government", "US-led coalition"',
        "country": "two capital letters: ISO 3166 alpha-2, or a user-assigned code such as XX",
        "reliability": "Admiralty grade A–F (A completely reliable … E unreliable, F cannot be judged); empty means F",
        "confidential": "true/false (also yes/no/1/0, any case; empty = false). A confidential source's name, url "
        "and notes never appear in anything the kit publishes",
        "url": _FREE,
        "notes": _FREE,
    },
    "reports": {
        "report_id": "unique slug",
        "source_id": "the publisher or speaker; must exist in sources.csv",
        "published": "ISO 8601 date or date-time (2018-02-13 or 2018-02-13T14:05:00Z); since version 2 also a month "
        "(2018-02), a year (2018) or an interval START/END of two such values (2018-02-08/2018-02-13) "
        "when the exact time is not known",
        "published_latest": "the latest point the published value allows (contract version 2); published holds "
        "the earliest",
        "title": _FREE,
        "url": _FREE,
        "archive_url": _FREE,
        "language": _FREE,
        "notes": _FREE,
    },
    "claims": {
        "claim_id": "unique slug",
        "report_id": "the report that makes the claim; must exist",
        "proposition": "slug naming the question the claim answers, shared by claims about the same thing (e.g. "
        "russians_killed_feb7)",
        "text": "the words of the report (quote or close paraphrase)",
        "low": 'the number asserted, as a range (a single figure: low = high; "more than 200": low 201, high empty)',
        "subject": 'who or what is counted ("Russian citizens", "pro-government fighters")',
        "measure": "what is counted: killed, wounded, casualties, captured, present, other",
        "certainty": "how the report holds it: asserted, estimated, alleged, rumoured, questioned, denied",
        "credibility": "Admiralty credibility 1–6 (1 confirmed … 5 improbable, 6 cannot be judged); empty means 6",
    },
    "citations": {
        "claim_id": "the citing claim; must exist",
        "cites": "a claim_id (another claim) or a source_id (a person, official, post or document quoted directly)",
        "relation": "relies_on (the claim stands on it), corroborates (offered as independent support), disputes "
        "(cited to contradict it)",
        "evidence": "the passage that shows the citation",
        "basis": 'who says the claim rests on it: stated (the citing report says so: "told Reuters", "according '
        'to"), inferred (a reading of the evidence that the report itself does not state, e.g. another '
        "article's account of a feedback loop), suspected (a dependence proposed by kit.audit or a hunch, "
        "not yet confirmed). Empty means stated",
        "cited_claim_id": "cites, when it names a claim (else empty)",
        "cited_source_id": "cites, when it names a source quoted directly (else empty)",
    },
    "provenance": {
        "claim_id": "the claim",
        "proposition": "the claim's proposition",
        "n_cited": "distinct items it cites with relies_on/corroborates",
        "n_origins": "distinct origin sources",
        "echo": "1 where the claim cites two or more supports that share an origin: apparent corroboration that "
        "is not independent",
        "origins": "the origin sources' ids, separated by ;",
    },
    "origin_hops": {
        "claim_id": "the claim",
        "source_id": "an origin source the claim finally rests on through relies_on/corroborates citations",
        "hops": "shortest path length; a claim resting on its own publisher is 1 hop from it",
    },
    "claim_origins": {
        "claim_id": "the claim",
        "claim": "the claim's outlet, day and first words",
        "source_id": "an origin source the claim finally rests on through relies_on/corroborates citations",
        "source": "the origin source's name",
        "source_kind": "the origin source's kind",
        "hops": "shortest path length; a claim resting on its own publisher is 1 hop from it",
    },
    "drift": {
        "proposition": "the proposition of the citing claim",
        "claim_id": "the citing claim",
        "cites": "the cited claim",
        "relation": "relies_on or corroborates",
        "question_changed": "1 where the cited claim answers another proposition (contract version 2)",
        "inflated": "1 where the citing low is above the cited low, or the citing high above the cited high",
        "scope_changed": "1 where both subjects are given and differ",
        "measure_changed": "1 where both measures are given and differ",
        "hardened": "1 where certainty moved up the scale rumoured < alleged < estimated < asserted",
        "changes": "the flags set, in words (empty where nothing changed)",
    },
    "loops": {
        "loop_id": "the loop's number, in order of its first publication",
        "position": "the claim's place in the loop, in order of publication",
        "claim_id": "a claim of the loop",
    },
}
COLUMN_DESCRIPTIONS["claims"]["high"] = COLUMN_DESCRIPTIONS["claims"]["low"]
COLUMN_DESCRIPTIONS["claims"]["label"] = "the claim's outlet, day of publication and first words, as lists name it"
COLUMN_DESCRIPTIONS["reports"]["label"] = "the report's outlet, day of publication and title (its id where untitled)"

#: one sentence per table of the database, shown by Datasette
TABLE_DESCRIPTIONS = {
    "sources": "Who can be the origin of a claim.",
    "reports": "What was published, by whom, when.",
    "claims": "What each report asserts.",
    "citations": "On whose word each claim rests.",
    "provenance": "For every claim: how many origins it rests on, and whether its support is an echo.",
    "origin_hops": "For every claim, each origin source it finally rests on, with the number of hops.",
    "claim_origins": "For every claim, each origin source it finally rests on, by name, with the number of hops.",
    "drift": "How a figure changed where one claim rests on another.",
    "loops": "Citation loops: claims that support each other in a circle.",
}


#: view name -> its SQL (``create view NAME as`` + this); created by :func:`kit.formats.sqlite.export_sqlite`
VIEWS = {
    "claim_origins": (
        "select o.claim_id, c.label as claim, o.source_id, s.name as source, s.kind as source_kind, o.hops "
        "from origin_hops o join claims c on c.claim_id = o.claim_id join sources s on s.source_id = o.source_id"
    ),
}

#: table or view -> the columns Datasette shows as facets when it opens it
FACETS = {
    "claims": ["proposition", "certainty"],
    "sources": ["kind"],
    "citations": ["relation", "basis"],
    "claim_origins": ["source_kind"],
    "provenance": ["proposition"],
    "drift": ["proposition"],
}

_NAMES_OF_ORIGINS = (
    "(select group_concat(name, '; ') from (select s.name from origin_hops h join sources s "
    "on s.source_id = h.source_id where h.claim_id = p.claim_id order by s.name))"
)

#: canned query name -> ``title``, ``description`` and ``sql`` (named parameters become a form in Datasette)
QUERIES = {
    "origins_of_a_claim": {
        "title": "On whose word does a claim stand?",
        "description": "Type a claim's id or words of its label (its outlet, date or first words); each origin "
        "source it finally rests on is listed by name, with the number of hops from the claim. Empty: every claim.",
        "sql": "select claim, source, source_kind, hops, claim_id, source_id from claim_origins "
        "where claim_id = :claim or claim like '%' || :claim || '%' order by claim, hops, source",
    },
    "echoes": {
        "title": "Echoes: corroboration that is not independent",
        "description": "Claims that cite two or more supports which share an origin, with the origins by name.",
        "sql": f"select c.label as claim, p.n_cited, p.n_origins, {_NAMES_OF_ORIGINS} as origins, p.claim_id "
        "from provenance p join claims c on c.claim_id = p.claim_id where p.echo = 1 order by c.rowid",
    },
    "loops": {
        "title": "Citation loops",
        "description": "Claims that support each other in a circle, loop by loop, in order of publication.",
        "sql": "select l.loop_id as loop, l.position, c.label as claim, l.claim_id from loops l "
        "join claims c on c.claim_id = l.claim_id order by l.loop_id, l.position",
    },
    "if_discredited": {
        "title": "What falls if a source is discredited?",
        "description": "Type a source's name or id: the claims whose only origin it is lose every origin "
        "if it is discredited (kit.without).",
        "sql": "select c.label as claim, c.proposition, s.name as only_origin, o.claim_id from origin_hops o "
        "join claims c on c.claim_id = o.claim_id join sources s on s.source_id = o.source_id "
        "where o.claim_id in (select claim_id from origin_hops group by claim_id having count(*) = 1) "
        "and (o.source_id = :source or lower(s.name) = lower(trim(:source))) order by c.rowid",
    },
    "drift_in_words": {
        "title": "How figures and wording drifted",
        "description": "Where one claim rests on another and something changed on the way: the question, the "
        "figure (inflated), who is counted, what is counted, or how sure the report is (hardened).",
        "sql": "select d.proposition, a.label as claim, b.label as rests_on, d.relation, d.changes, d.claim_id, "
        "d.cites from drift d join claims a on a.claim_id = d.claim_id join claims b on b.claim_id = d.cites "
        "where d.changes <> '' order by a.rowid",
    },
}

#: the stylesheet given to Datasette (``extra_css_urls``, as a ``data:`` url: nothing to serve beside the database):
#: a table page lists its column descriptions above the rows, which pushes the rows of a table of many columns
#: below the fold; each column's ⚙ menu shows its description, so the list is hidden and each table says where to
#: look (:data:`COLUMNS_HINT`)
CSS = "dl.column-descriptions{display:none}"
#: added to the description of each table and view
COLUMNS_HINT = "What each column means: its ⚙ menu."

#: licence identifiers (SPDX, any case) -> the licence's page, for Datasette's licence link
LICENSES = {
    "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "cc-by-sa-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "cc-by-nc-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "cc0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "odbl-1.0": "https://opendatacommons.org/licenses/odbl/1-0/",
    "mit": "https://opensource.org/license/mit",
}


def license_url(text) -> str | None:
    """The link for a case's ``license``: the first http(s) url in it, or the page of a licence identifier.

    Parameters
    ----------
    text : str or None
        ``case.toml``'s ``license``.

    Returns
    -------
    str or None
        None when the text names no licence Datasette could link to.

    Examples
    --------
    >>> license_url("CC-BY-4.0"), license_url("See https://example.org/terms."), license_url("unknown")
    ('https://creativecommons.org/licenses/by/4.0/', 'https://example.org/terms', None)
    """
    words = str(text or "").strip()
    found = re.search(r"https?://[^\s<>\"]+[^\s<>\".,;:)]", words)
    return found.group(0) if found else LICENSES.get(words.lower())


def datasette_metadata(case, database: str, tables: dict) -> dict:
    """Datasette's metadata for the database ``database`` holding ``tables`` of ``case`` (as it is; not redacted here).

    Parameters
    ----------
    case : kit.Case
    database : str
        The database's name as Datasette serves it (the file name without ``.db``).
    tables : dict
        ``name -> pandas.DataFrame``, as :func:`kit.formats.sqlite.sqlite_tables` makes them from the case: every
        column is described (one of the case's own extra columns as "an extra column of the case").

    Returns
    -------
    dict
        Ready for ``json.dump`` as Datasette's ``metadata.json``: title, description, licence (and its link),
        :data:`CSS`,
        and for the database its tables and views (descriptions, column descriptions, facets, label columns)
        and :data:`QUERIES`.

    See Also
    --------
    kit.formats.sqlite.export_sqlite : writes the database and this metadata.

    Examples
    --------
    >>> import kit
    >>> from kit.formats.sqlite import sqlite_tables
    >>> case = kit.load_case("data/deir-ez-zor")
    >>> m = datasette_metadata(case, "deir", sqlite_tables(case))
    >>> m["databases"]["deir"]["tables"]["claims"]["label_column"], m["databases"]["deir"]["tables"]["claims"]["facets"]
    ('label', ['proposition', 'certainty'])
    >>> sorted(m["databases"]["deir"]["queries"])[:2]
    ['drift_in_words', 'echoes']
    """
    meta = case.meta
    text = [str(meta[k]).strip() for k in ("question", "summary") if str(meta.get(k) or "").strip()]
    out = {}
    for name, frame in tables.items():
        described = COLUMN_DESCRIPTIONS.get(name, {})
        cols = {c: described.get(c, "an extra column of the case, kept as text") for c in frame.columns}
        out[name] = {"description": f"{TABLE_DESCRIPTIONS[name]} {COLUMNS_HINT}", "columns": cols}
    for view in VIEWS:
        described = COLUMN_DESCRIPTIONS[view]
        out[view] = {"description": f"{TABLE_DESCRIPTIONS[view]} {COLUMNS_HINT}", "columns": dict(described)}
    for name, facets in FACETS.items():
        out[name]["facets"] = list(facets)
    out["sources"]["label_column"] = "name"
    out["claims"]["label_column"] = out["reports"]["label_column"] = "label"
    top = {"title": case.title, "description": "\n\n".join(text), "extra_css_urls": [f"data:text/css,{quote(CSS)}"]}
    licence = str(meta.get("license") or "").strip()
    if licence:
        top["license"] = licence
        if license_url(licence):
            top["license_url"] = license_url(licence)
    queries = {name: dict(q) for name, q in QUERIES.items()}
    db = {"title": case.title, "description": top["description"], "tables": out, "queries": queries}
    return {**top, "databases": {database: db}}
