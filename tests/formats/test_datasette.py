"""case.db ready to browse: Datasette 0.65 serves the facets, labels, the claim_origins view and every canned query
of kit.formats.datasette, in-process (Datasette's Python API), and each query answers as the kit's own functions do."""

import json
import re

import kit
from conftest import CASES, datasette_get
from kit.formats.datasette import QUERIES, VIEWS, license_url
from kit.formats.sqlite import export_sqlite
from kit.text.redact import confidential_fields, redact


def rows(files, query, **params):
    db = files["sqlite"].stem
    qs = "&".join(f"{k}={v}" for k, v in params.items())
    ((status, body),) = datasette_get(files, f"/{db}/{query}.json?_shape=array&{qs}")
    assert status == 200, body
    return body


def test_every_canned_query_answers(deir_db):
    for name in QUERIES:
        ((status, page),) = datasette_get(deir_db, f"/deir/{name}")
        assert status == 200 and QUERIES[name]["title"] in page, name
    assert rows(deir_db, "echoes") is not None
    assert rows(deir_db, "drift_in_words")


def test_origins_by_name_with_hops(deir_db, deir_case):
    got = rows(deir_db, "origins_of_a_claim", claim="daily-beast-200-russian-fighters")
    want = kit.origins(deir_case, "daily-beast-200-russian-fighters")
    names = deir_case.sources.set_index("source_id")["name"]
    assert {(r["source"], r["hops"]) for r in got} == {
        (names[s], int(h)) for s, h in zip(want["source_id"], want["hops"], strict=True)
    }
    # words of the label find it too
    assert {r["claim_id"] for r in rows(deir_db, "origins_of_a_claim", claim="Daily Beast, 13–28 Feb")} >= {
        "daily-beast-200-russian-fighters"
    }


def test_what_falls_is_kit_without(deir_db, deir_case):
    names = deir_case.sources.set_index("source_id")["name"]
    some = 0
    for s in deir_case.sources["source_id"]:
        want = kit.without(deir_case, s)
        assert [r["claim_id"] for r in rows(deir_db, "if_discredited", source=s)] == want, s
        by_name = rows(deir_db, "if_discredited", source=names[s].replace(" ", "+"))
        assert [r["claim_id"] for r in by_name] == want, s
        some += bool(want)
    assert some


def test_loops_echoes_and_drift_are_the_kits(tmp_path, deir_db, deir_case):
    loop = kit.load_case(CASES / "loop")
    files = export_sqlite(loop, tmp_path / "loop.db")
    got = rows(files, "loops")
    assert [[r["claim_id"] for r in got if r["loop"] == i] for i in sorted({r["loop"] for r in got})] == kit.circular(
        loop
    )
    prov = kit.provenance(deir_case)
    assert {r["claim_id"] for r in rows(deir_db, "echoes")} == set(prov.index[prov["echo"]])
    drift = rows(deir_db, "drift_in_words")
    assert drift and all(r["changes"] and r["claim"] and r["rests_on"] for r in drift)


def test_facets_labels_view_and_licence(deir_db):
    (s1, claims), (s2, view), (s3, cit) = datasette_get(
        deir_db, "/deir/claims.json?_shape=objects", "/deir/claim_origins.json?_shape=objects", "/deir/citations"
    )
    assert s1 == s2 == s3 == 200
    assert set(claims["facet_results"]) >= {"proposition", "certainty"}  # shown, not merely suggested
    assert set(view["facet_results"]) == {"source_kind"}
    assert {"claim", "source", "hops"} <= set(view["rows"][0])
    assert "Reuters, 12 Feb 2018: “" in cit  # a citation's claim reads as words, through the label column
    assert set(VIEWS) == {"claim_origins"}
    assert license_url("cc-by-4.0") and license_url("no link here") is None


def test_confidential_sources_stay_redacted_in_every_view_and_query(tmp_path, hostile_case):
    files = export_sqlite(hostile_case, tmp_path / "h.db")
    red = redact(hostile_case)
    texts = []
    for name in QUERIES:
        params = {"claim": "", "source": "confidential-source-1"}
        texts.append(json.dumps(rows(files, name, **params), ensure_ascii=False))
    texts += [json.dumps(rows(files, v), ensure_ascii=False) for v in VIEWS]
    texts.append(files["metadata"].read_text(encoding="utf-8"))
    blob = "\n".join(texts).lower()
    for secret in confidential_fields(hostile_case):
        assert secret.lower() not in blob, secret
    assert "confidential source 1" in blob
    assert [r["claim_id"] for r in rows(files, "if_discredited", source="Confidential+source+1")] == kit.without(
        red, "confidential-source-1"
    )


def test_rows_are_not_pushed_below_the_fold_and_reports_read_as_words(deir_db):
    # Datasette lists a table's column descriptions above its rows (claims: 11 lines, the rows started 1,192 px down
    # at 1440x900); the kit's stylesheet hides that list, each column's ⚙ menu shows its description instead
    from urllib.parse import unquote

    from kit.formats.datasette import COLUMNS_HINT, CSS

    (s1, page), (s2, claims) = datasette_get(deir_db, "/deir/claims", "/deir/claims.json?_shape=objects&_labels=on")
    assert s1 == s2 == 200
    links = re.findall(r'<link rel="stylesheet" href="(data:text/css,[^"]+)"', page)
    assert [unquote(u.split(",", 1)[1]) for u in links] == [CSS]
    assert '<dl class="column-descriptions">' in page and COLUMNS_HINT in page
    assert 'data-column-description="how the report holds it' in page  # the ⚙ menu's text
    # a claim's report reads as its outlet, day and title or id
    reports = {r["report_id"]["value"]: r["report_id"]["label"] for r in claims["rows"]}
    assert reports["afp-cit"] == "AFP, 12–13 Feb 2018 (afp-cit)"


def test_docs_name_every_canned_query_and_facet():
    from conftest import ROOT
    from kit.formats.datasette import FACETS

    text = " ".join((ROOT / "docs" / "exports.md").read_text(encoding="utf-8").split())
    count = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"][len(QUERIES)]
    assert f"{count} canned queries" in text
    for name, q in QUERIES.items():
        assert f"*{q['title'].rstrip('?: ').split(':')[0]}" in text and f"(`{name}`" in text, name
    said = text.split("facets shown on opening a table:")[1].split(";")[0]
    for table, facets in FACETS.items():
        assert all(f"`{f}`" in said for f in facets) and table in said, table
    pinned = json.loads((ROOT / "tests" / "graphology" / "package.json").read_text(encoding="utf-8"))
    assert f"graphology-gexf {pinned['dependencies']['graphology-gexf']}" in text


def test_a_cases_own_label_column_is_kept(tmp_path, deir_case):
    import dataclasses
    import sqlite3

    own = deir_case.claims.assign(label=[f"mine {i}" for i in range(len(deir_case.claims))])
    files = export_sqlite(dataclasses.replace(deir_case, claims=own), tmp_path / "own.db")
    con = sqlite3.connect(files["sqlite"])
    try:
        got = con.execute("select case_label, label from claims where claim_id = 'reuters-two-killed'").fetchone()
    finally:
        con.close()
    i = list(deir_case.claims["claim_id"]).index("reuters-two-killed")
    assert got == (f"mine {i}", "Reuters, 12 Feb 2018: “at least two Russian men fighting…”")
