"""A case as one SQLite database for Datasette: :func:`export_sqlite`, :func:`sqlite_tables`.

The database (written with ``sqlite-utils``, from the *redacted* case, :func:`kit.text.redact.redact`) holds

=================  ================================================================================================
``sources``        the four tables of the case, primary keys ``source_id``, ``report_id``, ``claim_id`` and
``reports``        (``claim_id``, ``cites``), foreign keys from each reference; ``citations`` also has
``claims``         ``cited_claim_id`` / ``cited_source_id`` (one of them filled: what ``cites`` names) so both
``citations``      kinds of reference are foreign keys; full-text search on ``claims.text`` (``claims_fts``)
``provenance``     per claim: ``n_cited``, ``n_origins``, ``echo``, ``origins`` (:func:`kit.provenance`)
``origin_hops``    per claim and origin source: ``hops`` (:func:`kit.origins`)
``drift``          :func:`kit.drift` for every proposition, with a ``proposition`` column and ``changes`` in words
``loops``          :func:`kit.circular`: ``loop_id`` (1, 2, ...), ``position`` in the loop (1, 2, ...), ``claim_id``
=================  ================================================================================================

``claims`` and ``reports`` also have ``label`` (outlet, day and first words or title: how Datasette names a row,
:func:`kit.text.tables.claim_labels`, :func:`kit.text.tables.report_labels`), and the view ``claim_origins`` is
``origin_hops`` with the claim's label and the source's name and kind (:data:`kit.formats.datasette.VIEWS`).

Times are text in ISO 8601, UTC (``2018-02-13T00:00:00Z``), so they sort as they happened; booleans are 0/1.
Beside it, ``metadata.json`` (:func:`kit.formats.datasette.datasette_metadata`) gives Datasette the title,
description (question and summary), licence, a description of every table and column (those of the case's tables
as ``docs/case-format.md`` gives them), facets, labels and canned queries: ``datasette case.db -m metadata.json``.
Case text is plain text there (``description``, never ``description_html``), so Datasette escapes it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from kit.cells import is_null, iso_text
from kit.formats.datasette import VIEWS, datasette_metadata
from kit.text.redact import redact

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["sqlite_tables", "export_sqlite"]

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
    "origin_hops": (
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
    ['sources', 'reports', 'claims', 'citations', 'provenance', 'origin_hops', 'drift', 'loops']
    >>> t["loops"].head(2).to_dict("records")
    [{'loop_id': 1, 'position': 1, 'claim_id': 'dead_x'}, {'loop_id': 1, 'position': 2, 'claim_id': 'dead_y'}]
    """
    from kit.analysis.findings import circular, drift
    from kit.analysis.origins import origin_hops, provenance
    from kit.graph.citation import claim_context
    from kit.text.style import drift_words
    from kit.text.tables import claim_labels, report_labels

    out = {t: getattr(case, t) for t in ("sources", "reports", "claims", "citations")}
    for name, labels in (("reports", report_labels), ("claims", claim_labels)):
        # a case's own extra column "label" is kept, as "case_label": "label" is the kit's
        own = getattr(case, name).rename(columns={"label": "case_label"})
        out[name] = own.assign(label=labels(case).to_numpy())
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
    out["origin_hops"] = origin_hops(case)
    drifts = [drift(case, prop).assign(proposition=prop) for prop in pd.unique(case.claims["proposition"])]
    d = pd.concat(drifts, ignore_index=True) if drifts else pd.DataFrame(columns=["proposition", "claim_id", "cites"])
    d = d.assign(changes=[drift_words(r) for r in d.to_dict("records")])
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
    kit.formats.datasette.datasette_metadata : the metadata written.

    Examples
    --------
    >>> import kit, sqlite3, tempfile, os
    >>> files = export_sqlite(kit.load_case("data/deir-ez-zor"), os.path.join(tempfile.mkdtemp(), "deir.db"))
    >>> con = sqlite3.connect(files["sqlite"])
    >>> con.execute("select source, hops from claim_origins where claim_id = 'daily-beast-200-russian-fighters'"
    ...             ).fetchall()
    [('Two Russians (unnamed, to Bloomberg)', 2), ('US official (unnamed)', 3)]
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
        for view, sql in VIEWS.items():
            db.create_view(view, sql)
        bad = db.conn.execute("PRAGMA foreign_key_check").fetchall()
        if bad:  # a checked case has none; say so plainly if one ever slips through
            raise ValueError(f"the database would break {len(bad)} foreign keys, e.g. {bad[0]}")
        db.vacuum()
        db.close()
    meta_path = Path(metadata_path) if metadata_path is not None else path.parent / "metadata.json"
    atomic_write(meta_path, json.dumps(datasette_metadata(red, path.stem, tables), ensure_ascii=False, indent=1) + "\n")
    return {"sqlite": path, "metadata": meta_path}
