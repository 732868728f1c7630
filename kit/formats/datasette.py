"""What Datasette needs to make ``case.db`` browsable by clicking: :func:`datasette_metadata`, :data:`VIEWS`,
:data:`QUERIES`, :func:`claim_labels`, :func:`license_url`.

:func:`kit.formats.sqlite.export_sqlite` writes the database and, beside it, ``metadata.json`` made here:

- **facets** shown on opening a table (not merely suggested): ``proposition`` and ``certainty`` on claims,
  ``kind`` on sources, ``relation`` and ``basis`` on citations, ``source_kind`` on :data:`VIEWS`' ``claim_origins``,
  ``proposition`` on drift and provenance;
- **labels**: a claim is named by its outlet, date and first words (the ``label`` column, :func:`claim_labels`),
  a source by its name, a report by its title, so every foreign key reads as words;
- a description of every table and column, the case's title, question, summary and licence (with a link when
  the licence is a url or a licence identifier Datasette users know, :func:`license_url`);
- **canned queries** (:data:`QUERIES`), each a form a reporter fills in: on whose word a claim stands, by name
  and with hops; the echoes; the loops; what falls if a source is discredited; the drift rows in words.

Every text comes from the redacted case the database is written from (:func:`kit.redact.redact`): the views
and queries read only the database, so a confidential source is "Confidential source N" there too.
Case text is plain text (``description``, never ``description_html``), so Datasette escapes it.
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["FACETS", "LICENSES", "QUERIES", "VIEWS", "claim_labels", "datasette_metadata", "license_url"]

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


def claim_labels(case) -> pd.Series:
    """Each claim as a reader finds it in a list: outlet, day of publication and first words.

    Parameters
    ----------
    case : kit.Case
        Redacted first when the labels are published.

    Returns
    -------
    pandas.Series
        The label per claim id, in the claims table's order.

    Examples
    --------
    >>> import kit
    >>> claim_labels(kit.load_case("data/deir-ez-zor"))["reuters-two-killed"]
    'Reuters, 12 Feb 2018: “at least two Russian men fighting…”'
    """
    from kit.graph import claim_context
    from kit.tables import _quote
    from kit.wording import date_words, short_name

    ctx = claim_context(case).drop_duplicates("claim_id").set_index("claim_id").reindex(case.claims["claim_id"])
    outlet = ctx["outlet"].astype(object).where(ctx["outlet"].notna(), ctx["source_id"]).map(short_name)
    day = ctx["published"].map(lambda t: date_words(t) if pd.notna(t) else "undated")
    return (outlet + ", " + day + ": " + ctx["text"].map(_quote)).rename("label")


def datasette_metadata(case, database: str, tables: dict | None = None) -> dict:
    """Datasette's metadata for the database ``database`` built from ``case`` (as it is; not redacted here).

    Parameters
    ----------
    case : kit.Case
    database : str
        The database's name as Datasette serves it (the file name without ``.db``).
    tables : dict, optional
        :func:`kit.formats.sqlite.sqlite_tables` of the case, when already computed.

    Returns
    -------
    dict
        Ready for ``json.dump`` as Datasette's ``metadata.json``: title, description, licence (and its link),
        and for the database its tables and views (descriptions, column descriptions, facets, label columns)
        and :data:`QUERIES`.

    See Also
    --------
    kit.formats.sqlite.export_sqlite : writes the database and this metadata.

    Examples
    --------
    >>> import kit
    >>> m = datasette_metadata(kit.load_case("data/deir-ez-zor"), "deir")
    >>> m["databases"]["deir"]["tables"]["claims"]["label_column"], m["databases"]["deir"]["tables"]["claims"]["facets"]
    ('label', ['proposition', 'certainty'])
    >>> sorted(m["databases"]["deir"]["queries"])[:2]
    ['drift_in_words', 'echoes']
    """
    from kit.sqlite import COLUMN_DESCRIPTIONS, TABLE_DESCRIPTIONS, sqlite_tables

    meta = case.meta
    text = [str(meta[k]).strip() for k in ("question", "summary") if str(meta.get(k) or "").strip()]
    frames = dict(tables if tables is not None else sqlite_tables(case))
    out = {}
    for name, frame in frames.items():
        described = COLUMN_DESCRIPTIONS.get(name, {})
        cols = {c: described.get(c, "an extra column of the case, kept as text") for c in frame.columns}
        out[name] = {"description": TABLE_DESCRIPTIONS[name], "columns": cols}
    for view in VIEWS:
        described = COLUMN_DESCRIPTIONS[view]
        out[view] = {"description": TABLE_DESCRIPTIONS[view], "columns": dict(described)}
    for name, facets in FACETS.items():
        out[name]["facets"] = list(facets)
    out["sources"]["label_column"] = "name"
    out["claims"]["label_column"] = "label"
    top = {"title": case.title, "description": "\n\n".join(text)}
    licence = str(meta.get("license") or "").strip()
    if licence:
        top["license"] = licence
        if license_url(licence):
            top["license_url"] = license_url(licence)
    queries = {name: dict(q) for name, q in QUERIES.items()}
    db = {"title": case.title, "description": top["description"], "tables": out, "queries": queries}
    return {**top, "databases": {database: db}}
