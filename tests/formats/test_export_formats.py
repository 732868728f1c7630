"""The hostile fixture case through the new formats: no confidential name, id, url or notes in any byte of the
PROV-JSON, the SQLite database (every table, the full-text index too), metadata.json or the dynamic GEXF."""

import re
import sqlite3

import pytest

import kit
from conftest import HOSTILE, MINI
from kit.formats.gexf import write_dynamic_gexf
from kit.formats.prov import write_prov
from kit.formats.sqlite import export_sqlite
from kit.text.redact import confidential_fields, redact

CASES = [p for p in (HOSTILE, MINI) if p.exists()]  # the cases tests/formats/test_export.py checks byte for byte


def _write_all(case, out, reveal=False):
    out.mkdir(parents=True, exist_ok=True)
    files = export_sqlite(case, out / "case.db", reveal_confidential=reveal)
    files["prov"] = write_prov(case, out / "case.prov.json", reveal_confidential=reveal)
    files["gexf"] = write_dynamic_gexf(case, out / "case.gexf", reveal_confidential=reveal)
    files["gexf-date"] = write_dynamic_gexf(
        case, out / "case-date.gexf", timeformat="date", lasting=False, reveal_confidential=reveal
    )
    return files


@pytest.fixture(scope="module", params=CASES, ids=lambda p: p.name)
def written(request, tmp_path_factory):
    case = kit.load_case(request.param)
    return case, _write_all(case, tmp_path_factory.mktemp(request.param.name))


def test_no_secret_in_any_byte(written, assert_no_secret):
    case, files = written
    assert confidential_fields(case)
    assert set(files) == {"sqlite", "metadata", "prov", "gexf", "gexf-date"}
    for name, path in files.items():  # as is, JSON-, XML-, TOML- or percent-escaped (conftest's assert_no_secret)
        assert_no_secret(case, path.read_bytes(), labelled=name != "metadata", what=name)  # metadata names no source


def test_no_secret_in_the_database_tables_or_full_text_index(written):
    case, files = written
    con = sqlite3.connect(files["sqlite"])
    try:
        con.execute("create virtual table temp.vocab using fts5vocab(main, claims_fts, 'row')")
        terms = {t for (t,) in con.execute("select term from temp.vocab")}
        cells = []
        for (table,) in con.execute("select name from sqlite_master where type = 'table'").fetchall():
            for row in con.execute(f'select * from "{table}"'):
                cells += [str(v).lower() for v in row if v is not None]
    finally:
        con.close()
    assert terms
    blob = "\n".join(cells)
    for secret in confidential_fields(case):
        assert secret.lower() not in blob, secret
    # the words of the secrets that the redacted texts do not use anyway are not search terms
    clean = {w for t in redact(case).claims["text"].dropna() for w in re.findall(r"\w+", t.lower())}
    words = {w for s in confidential_fields(case) for w in re.findall(r"\w{4,}", s.lower())} - clean
    assert words
    assert not (terms & words), terms & words


def test_revealing_is_explicit_and_does_show_the_names(hostile_case, tmp_path):
    case = hostile_case
    files = _write_all(case, tmp_path, reveal=True)
    for name in ("sqlite", "prov", "gexf"):
        assert b"Ivan Petrov (Telegram)" in files[name].read_bytes(), name


def test_the_case_is_not_changed(hostile_case, tmp_path):
    case = hostile_case
    before = [getattr(case, t).copy() for t in ("sources", "reports", "claims", "citations")], repr(case.meta)
    _write_all(case, tmp_path)
    after = [getattr(case, t) for t in ("sources", "reports", "claims", "citations")], repr(case.meta)
    assert all(a.equals(b) for a, b in zip(before[0], after[0], strict=False)) and before[1] == after[1]
