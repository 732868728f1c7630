"""kit.formats.sqlite: one SQLite database and metadata.json, opened with Datasette's own Python API (no server)."""

import json
import re
import sqlite3

import pytest

import kit
from conftest import CASES, DEIR, ROOT, datasette_get
from kit.formats.datasette import COLUMN_DESCRIPTIONS
from kit.formats.sqlite import export_sqlite, sqlite_tables


def test_datasette_answers_a_claims_origins(deir_case, deir_db):
    case = deir_case
    claim = "daily-beast-200-russian-fighters"
    (status, body), (s2, found) = datasette_get(
        deir_db,
        f"/deir/claim_origins.json?claim_id={claim}&_shape=array",
        "/deir/claims.json?_search=Cossack&_shape=array&_col=claim_id",
    )
    assert status == s2 == 200
    assert found == [{"claim_id": "reuters-buga-dozens"}]  # Datasette's search box uses claims_fts
    got = {(r["source_id"], r["hops"]) for r in body}
    want = {(s, int(h)) for s, h in kit.origins(case, claim)[["source_id", "hops"]].itertuples(index=False)}
    assert got == want and got


def test_every_claims_origins_and_provenance(deir_case, deir_db):
    case = deir_case
    con = sqlite3.connect(deir_db["sqlite"])
    try:
        rows = con.execute("select claim_id, source_id, hops from claim_origins").fetchall()
        prov = {r[0]: r[1:] for r in con.execute("select claim_id, n_cited, n_origins, echo, origins from provenance")}
    finally:
        con.close()
    for claim in case.claims["claim_id"]:
        want = set(kit.origins(case, claim)[["source_id", "hops"]].itertuples(index=False, name=None))
        assert {(s, h) for k, s, h in rows if k == claim} == want, claim
    p = kit.provenance(case)
    for claim, (n_cited, n_origins, echo, origins) in prov.items():
        assert (n_cited, n_origins, bool(echo)) == (
            p.at[claim, "n_cited"],
            p.at[claim, "n_origins"],
            p.at[claim, "echo"],
        )
        assert tuple(origins.split(";")) == p.at[claim, "origins"]


def test_keys_foreign_keys_and_full_text_search(deir_db):
    con = sqlite3.connect(deir_db["sqlite"])
    try:
        fks = {
            (t, r[3], r[2], r[4])
            for t in ("reports", "claims", "citations", "origin_hops", "drift", "loops", "provenance")
            for r in con.execute(f"pragma foreign_key_list({t})")
        }
        assert ("reports", "source_id", "sources", "source_id") in fks
        assert ("claims", "report_id", "reports", "report_id") in fks
        assert ("citations", "cited_source_id", "sources", "source_id") in fks
        assert ("origin_hops", "source_id", "sources", "source_id") in fks
        assert con.execute("pragma foreign_key_check").fetchall() == []
        pks = [r[1] for r in con.execute("pragma table_info(citations)") if r[5]]
        assert pks == ["claim_id", "cites"]
        con.execute("pragma foreign_keys = on")
        with pytest.raises(sqlite3.IntegrityError):
            con.execute("insert into claims (claim_id, report_id) values ('x', 'no-such-report')")
        hits = con.execute(
            "select claims.claim_id from claims_fts join claims on claims.rowid = claims_fts.rowid "
            "where claims_fts match '\"contract soldiers\"'"
        ).fetchall()
        assert {h[0] for h in hits} == {"bloomberg-more-than-200"}
        assert all(
            "contract soldiers" in con.execute("select text from claims where claim_id = ?", h).fetchone()[0]
            for h in hits
        )
    finally:
        con.close()


def test_drift_and_loops_tables(tmp_path):
    case = kit.load_case(CASES / "loop")
    files = export_sqlite(case, tmp_path / "loop.db")
    con = sqlite3.connect(files["sqlite"])
    try:
        loops = con.execute("select loop_id, position, claim_id from loops order by loop_id, position").fetchall()
    finally:
        con.close()
    assert [[k for i, _, k in loops if i == n] for n in sorted({i for i, *_ in loops})] == kit.circular(case)
    drift_case = kit.load_case(CASES / "drift")
    t = sqlite_tables(drift_case)["drift"]
    for prop in drift_case.claims["proposition"].unique():
        want = kit.drift(drift_case, prop)
        got = t[t["proposition"] == prop].drop(columns=["proposition", "changes"]).reset_index(drop=True)
        assert got.equals(want), prop


def test_metadata_is_what_datasette_shows(deir_db):
    meta = json.loads(deir_db["metadata"].read_text(encoding="utf-8"))
    case = kit.load_case(DEIR)
    assert meta["title"] == case.title and meta["license"] == case.meta["license"]
    assert meta["description"].startswith(case.meta["question"])
    (s1, page), (s2, served) = datasette_get(deir_db, "/deir/claims", "/-/metadata.json")
    assert s1 == s2 == 200
    assert (
        served["databases"]["deir"]["tables"]["claims"]["columns"]["certainty"]
        == COLUMN_DESCRIPTIONS["claims"]["certainty"]
    )
    assert "What each report asserts." in page
    assert "description_html" not in json.dumps(meta)


def test_hostile_text_is_escaped_bydatasette_get(tmp_path):
    files = export_sqlite(kit.load_case(CASES / "hostile"), tmp_path / "h.db")
    ((status, page),) = datasette_get(files, "/h/claims")
    assert status == 200
    assert "<script>alert(6)</script>" not in page and "&lt;script&gt;alert(6)&lt;/script&gt;" in page


def _contract_rows(text):
    """(table, column) -> meaning, from the column tables of docs/case-format.md."""
    out, table = {}, None
    for line in text.splitlines():
        m = re.match(r"## (\w+)\.csv", line)
        if m:
            table = m.group(1)
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if table and line.startswith("|") and len(cells) == 3 and cells[0] not in ("column", "---"):
            for col in cells[0].split(","):
                out[(table, col.strip())] = cells[2].replace("`", "")
    return out


def test_column_descriptions_are_the_contracts():
    rows = _contract_rows((ROOT / "docs" / "case-format.md").read_text(encoding="utf-8"))
    assert len(rows) >= 30
    for (table, col), meaning in rows.items():
        if table not in COLUMN_DESCRIPTIONS:
            continue  # story.csv is not in the database
        # the docs may still be at contract version 1, whose words version 2 extends
        assert COLUMN_DESCRIPTIONS[table][col].startswith(meaning), (table, col)


def test_a_failed_export_leaves_no_file(tmp_path, monkeypatch):
    import kit.formats.sqlite as ks

    def boom(case):
        raise RuntimeError("interrupted")

    monkeypatch.setattr(ks, "sqlite_tables", boom)
    target = tmp_path / "x.db"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        export_sqlite(kit.load_case(CASES / "loop"), target)
    assert target.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["x.db"]
