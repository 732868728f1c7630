"""A case as one SQLite database for Datasette: :func:`export_sqlite`, :func:`datasette_metadata`.

The database (written with ``sqlite-utils``, from the *redacted* case, :func:`kit.text.redact.redact`) holds

=================  ================================================================================================
``sources``        the four tables of the case, primary keys ``source_id``, ``report_id``, ``claim_id`` and
``reports``        (``claim_id``, ``cites``), foreign keys from each reference; ``citations`` also has
``claims``         ``cited_claim_id`` / ``cited_source_id`` (one of them filled: what ``cites`` names) so both
``citations``      kinds of reference are foreign keys; full-text search on ``claims.text`` (``claims_fts``)
``provenance``     per claim: ``n_cited``, ``n_origins``, ``echo``, ``origins`` (:func:`kit.provenance`)
``claim_origins``  per claim and origin source: ``hops`` (:func:`kit.origins`)
``drift``          :func:`kit.drift` for every proposition, with a ``proposition`` column
``loops``          :func:`kit.circular`: ``loop_id`` (1, 2, ...), ``position`` in the loop (1, 2, ...), ``claim_id``
=================  ================================================================================================

Times are text in ISO 8601, UTC (``2018-02-13T00:00:00Z``), so they sort as they happened; booleans are 0/1.
Beside it, ``metadata.json`` gives Datasette the title, description (question and summary), licence, and a
description of every table and column (those of the case's tables as ``docs/case-format.md`` gives them):
``datasette case.db -m metadata.json``. Case text is plain text there (``description``, never
``description_html``), so Datasette escapes it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from kit.cells import is_null, iso_text
from kit.text.redact import redact

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["COLUMN_DESCRIPTIONS", "TABLE_DESCRIPTIONS", "sqlite_tables", "datasette_metadata", "export_sqlite"]

_FREE = "free text"
#: the meaning of each column, as the contract's column tables give it (tests/formats/test_sqlite.py keeps them in step)
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
    "claim_origins": {
        "claim_id": "the claim",
        "source_id": "an origin source the claim finally rests on through relies_on/corroborates citations",
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
    },
    "loops": {
        "loop_id": "the loop's number, in order of its first publication",
        "position": "the claim's place in the loop, in order of publication",
        "claim_id": "a claim of the loop",
    },
}
COLUMN_DESCRIPTIONS["claims"]["high"] = COLUMN_DESCRIPTIONS["claims"]["low"]

#: one sentence per table of the database, shown by Datasette
TABLE_DESCRIPTIONS = {
    "sources": "Who can be the origin of a claim.",
    "reports": "What was published, by whom, when.",
    "claims": "What each report asserts.",
    "citations": "On whose word each claim rests.",
    "provenance": "For every claim: how many origins it rests on, and whether its support is an echo.",
    "claim_origins": "For every claim, each origin source it finally rests on, with the number of hops.",
    "drift": "How a figure changed where one claim rests on another.",
    "loops": "Citation loops: claims that support each other in a circle.",
}

_KEYS = {  # table -> (primary key, foreign keys)
    "sources": ("source_id", []),
    "reports": ("report_id", [("source_id", "sources", "source_id")]),
    "claims": ("claim_id", [("report_id", "reports", "report_id")]),
    "citations": (
        ("claim_id", "cites"),
        [
            ("claim_id", "claims", "claim_id"),
            ("cited_claim_id", "claims", "claim_id"),
            ("cited_source_id", "sources", "source_id"),
        ],
    ),
    "provenance": ("claim_id", [("claim_id", "claims", "claim_id")]),
    "claim_origins": (
        ("claim_id", "source_id"),
        [("claim_id", "claims", "claim_id"), ("source_id", "sources", "source_id")],
    ),
    "drift": (None, [("claim_id", "claims", "claim_id"), ("cites", "claims", "claim_id")]),
    "loops": (("loop_id", "position"), [("claim_id", "claims", "claim_id")]),
}


def sqlite_tables(case: Case) -> dict:
    """The tables of the database, as data frames, from ``case`` as it is (not redacted here).

    Returns
    -------
    dict
        ``name -> pandas.DataFrame`` for the names of the module's table, in that order.

    Examples
    --------
    >>> import kit
    >>> t = sqlite_tables(kit.load_case("tests/cases/loop"))
    >>> list(t)
    ['sources', 'reports', 'claims', 'citations', 'provenance', 'claim_origins', 'drift', 'loops']
    >>> t["loops"].head(2).to_dict("records")
    [{'loop_id': 1, 'position': 1, 'claim_id': 'dead_x'}, {'loop_id': 1, 'position': 2, 'claim_id': 'dead_y'}]
    """
    from kit.analysis.findings import circular, drift
    from kit.analysis.origins import origin_hops, provenance
    from kit.graph.citation import claim_context

    out = {t: getattr(case, t) for t in ("sources", "reports", "claims", "citations")}
    cit = case.citations.copy()
    is_claim = cit["cites"].isin(set(case.claims["claim_id"]))
    cit["cited_claim_id"] = cit["cites"].where(is_claim)
    cit["cited_source_id"] = cit["cites"].where(~is_claim)
    out["citations"] = cit
    prov = provenance(case)
    props = claim_context(case).set_index("claim_id")["proposition"]
    p = prov.reset_index()
    p.insert(1, "proposition", props.reindex(p["claim_id"]).to_numpy())
    p["origins"] = p["origins"].map(";".join)
    out["provenance"] = p
    out["claim_origins"] = origin_hops(case)
    drifts = [drift(case, prop).assign(proposition=prop) for prop in pd.unique(case.claims["proposition"])]
    d = pd.concat(drifts, ignore_index=True) if drifts else pd.DataFrame(columns=["proposition", "claim_id", "cites"])
    out["drift"] = d[["proposition", *[c for c in d.columns if c != "proposition"]]]
    loops = [(i, j, k) for i, loop in enumerate(circular(case), start=1) for j, k in enumerate(loop, start=1)]
    out["loops"] = pd.DataFrame(loops, columns=["loop_id", "position", "claim_id"])
    return out


def _cell(v):
    if is_null(v):
        return None
    if isinstance(v, pd.Timestamp):
        return iso_text(v)
    if hasattr(v, "item") and not isinstance(v, str):
        v = v.item()
    return int(v) if isinstance(v, bool) else v


def _sql_type(series: pd.Series):
    if pd.api.types.is_bool_dtype(series) or pd.api.types.is_integer_dtype(series):
        return int
    if pd.api.types.is_float_dtype(series):
        return float
    return str


def datasette_metadata(case: Case, database: str, tables: dict | None = None) -> dict:
    """Datasette's metadata for the database ``database`` built from ``case`` (as it is; not redacted here).

    Parameters
    ----------
    case : kit.Case
    database : str
        The database's name as Datasette serves it (the file name without ``.db``).
    tables : dict, optional
        :func:`sqlite_tables` of the case, when already computed.

    Returns
    -------
    dict
        Ready for ``json.dump`` as Datasette's ``metadata.json``.

    Examples
    --------
    >>> import kit
    >>> m = datasette_metadata(kit.load_case("data/deir-ez-zor"), "deir")
    >>> m["title"]
    'Deir ez-Zor, 7 February 2018: how many Russians were killed?'
    >>> m["databases"]["deir"]["tables"]["claims"]["columns"]["certainty"]
    'how the report holds it: asserted, estimated, alleged, rumoured, questioned, denied'
    """
    meta = case.meta
    text = [str(meta[k]).strip() for k in ("question", "summary") if str(meta.get(k) or "").strip()]
    out = {}
    for name, frame in (tables if tables is not None else sqlite_tables(case)).items():
        described = COLUMN_DESCRIPTIONS.get(name, {})
        cols = {c: described.get(c, "an extra column of the case, kept as text") for c in frame.columns}
        out[name] = {"description": TABLE_DESCRIPTIONS[name], "columns": cols}
    out["sources"]["label_column"] = "name"
    out["claims"]["label_column"] = "claim_id"
    top = {"title": case.title, "description": "\n\n".join(text)}
    if str(meta.get("license") or "").strip():
        top["license"] = str(meta["license"]).strip()
    db = {"title": case.title, "description": top["description"], "tables": out}
    return {**top, "databases": {database: db}}


def export_sqlite(case: Case, path, *, reveal_confidential: bool = False, metadata_path=None) -> dict:
    """Write ``case`` (redacted first) as one SQLite database at ``path``, and Datasette's ``metadata.json``.

    Both files are written to temporary files first and moved into place only when complete, so an
    interrupted export never leaves half a database; an existing database at ``path`` is replaced.

    Parameters
    ----------
    case : kit.Case
        Not changed.
    path : str or path
        The database file, e.g. ``out/deir.db``; its folder is created if needed. Datasette names the database
        after the file's stem.
    reveal_confidential : bool
        For internal use only: confidential sources keep their names.
    metadata_path : str or path, optional
        Where to write the metadata; ``metadata.json`` beside the database by default.

    Returns
    -------
    dict
        ``{"sqlite": path of the database, "metadata": path of metadata.json}``.

    See Also
    --------
    sqlite_tables : the tables written.
    datasette_metadata : the metadata written.

    Examples
    --------
    >>> import kit, sqlite3, tempfile, os
    >>> files = export_sqlite(kit.load_case("data/deir-ez-zor"), os.path.join(tempfile.mkdtemp(), "deir.db"))
    >>> con = sqlite3.connect(files["sqlite"])
    >>> con.execute("select source_id, hops from claim_origins where claim_id = 'daily-beast-200-russian-fighters'"
    ...             ).fetchall()
    [('bloomberg_two_russians', 2)]
    >>> con.execute("select claim_id from claims_fts join claims on claims.rowid = claims_fts.rowid "
    ...             "where claims_fts match 'Cossack'").fetchall()
    [('reuters-buga-dozens',)]
    >>> con.close()
    """
    import sqlite_utils

    from kit.store.atomic import atomic_path, atomic_write

    red = redact(case, reveal=reveal_confidential)
    from kit.store.outputs import refuse_output_over_case

    path = Path(path)
    refuse_output_over_case(case, path.parent)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp:
        db = sqlite_utils.Database(tmp, recreate=True)
        tables = sqlite_tables(red)
        with db.conn:
            for name, frame in tables.items():
                pk, fks = _KEYS[name]
                db.table(name).create(
                    {c: _sql_type(frame[c]) for c in frame.columns},
                    pk=pk,
                    foreign_keys=fks,
                    not_null=list((pk,) if isinstance(pk, str) else pk or ()),
                )
                rows = (
                    {c: _cell(v) for c, v in zip(frame.columns, r, strict=False)}
                    for r in frame.itertuples(index=False, name=None)
                )
                db.table(name).insert_all(rows, batch_size=1000)
        db.table("claims").enable_fts(["text"], create_triggers=True)
        bad = db.conn.execute("PRAGMA foreign_key_check").fetchall()
        if bad:  # a checked case has none; say so plainly if one ever slips through
            raise ValueError(f"the database would break {len(bad)} foreign keys, e.g. {bad[0]}")
        db.vacuum()
        db.close()
    meta_path = Path(metadata_path) if metadata_path is not None else path.parent / "metadata.json"
    atomic_write(meta_path, json.dumps(datasette_metadata(red, path.stem, tables), ensure_ascii=False, indent=1) + "\n")
    return {"sqlite": path, "metadata": meta_path}
