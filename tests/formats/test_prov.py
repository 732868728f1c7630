"""kit.formats.prov: a case as W3C PROV-JSON, read back by the prov library and by kit.import_prov, table for table."""

import dataclasses
import io
import json
import pathlib

import pandas as pd
import prov
import prov.model as pm
import pytest

import kit
from conftest import DEIR
from kit.formats.prov import import_prov, prov_json, to_prov, write_prov
from kit.text.redact import redact

CASES = pathlib.Path(__file__).resolve().parents[1] / "cases"
TABLES = ("sources", "reports", "claims", "citations")


def _same_tables(a, b):
    for t in TABLES:
        pd.testing.assert_frame_equal(getattr(a, t), getattr(b, t), check_exact=True, obj=t)


@pytest.fixture(scope="module", params=["deir-ez-zor", "synth-200"])
def case(request):
    return kit.load_case(DEIR) if request.param == "deir-ez-zor" else kit.testing.synth.make_case(200)


def test_round_trip_is_exact(case):
    before = [getattr(case, t).copy() for t in TABLES]
    again = import_prov(prov_json(case, reveal_confidential=True))
    _same_tables(again, case)
    assert again.meta == case.meta
    # redacted by default: the same tables as the redacted case
    red = import_prov(prov_json(case))
    _same_tables(red, redact(case))
    assert all(b.equals(getattr(case, t)) for b, t in zip(before, TABLES, strict=False)), "the case was changed"


def test_synthetic_case_has_confidential_sources_and_they_are_redacted():
    case = kit.testing.synth.make_case(200)
    secret = case.sources[case.sources["confidential"]]["source_id"].tolist()
    assert secret
    text = prov_json(case)
    assert all(f'source:{s}"' not in text for s in secret)
    assert "Confidential source 1" in text


def test_prov_reader_accepts_the_document(case, tmp_path):
    path = write_prov(case, tmp_path / "case.prov.json")
    read = prov.read(str(path), format="json")
    assert read == to_prov(case)
    assert pm.ProvDocument.deserialize(content=path.read_text(encoding="utf-8"), format="json") == read
    # PROV-N, the other text form, can be written from what was read
    assert read.get_provn().startswith("document")


def test_mapping_of_tables_to_prov(deir_case):
    case = deir_case
    doc = to_prov(case)
    recs = doc.get_records()
    by_kind = {}
    for r in recs:
        by_kind.setdefault(type(r).__name__, []).append(r)
    assert len(by_kind["ProvAgent"]) == len(case.sources)
    claims_ids = set(case.claims["claim_id"])
    cit = case.citations
    n_rel_claim = int(((cit["relation"] == "relies_on") & cit["cites"].isin(claims_ids)).sum())
    n_rel_source = int(((cit["relation"] == "relies_on") & ~cit["cites"].isin(claims_ids)).sum())
    derivations = by_kind["ProvDerivation"]
    quotes = [r for r in derivations if "prov:Quotation" in {str(t) for t in r.get_attribute("prov:type")}]
    assert len(quotes) == n_rel_source > 0
    assert len(derivations) - len(quotes) == n_rel_claim > 0
    assert all(str(q.args[1]).startswith("said:") for q in quotes)
    assert len(by_kind["ProvInfluence"]) == int((cit["relation"] != "relies_on").sum())
    # publishing: every report is attributed to its publisher
    attributed = {(str(r.args[0]), str(r.args[1])) for r in by_kind["ProvAttribution"]}
    for rid, sid in case.reports[["report_id", "source_id"]].itertuples(index=False):
        assert (f"report:{rid}", f"source:{sid}") in attributed
    members = {(str(r.args[0]), str(r.args[1])) for r in by_kind["ProvMembership"]}
    assert members == {
        (f"report:{r}", f"claim:{k}") for k, r in case.claims[["claim_id", "report_id"]].itertuples(index=False)
    } | {("kitdoc:case", f"report:{r}") for r in case.reports["report_id"]}  # the case: a collection of its reports
    # the kit's own terms are attributes in the kit: namespace
    data = json.loads(prov_json(case))
    first = data["entity"]["claim:reuters-two-killed"]
    assert first["kit:proposition"] == "russians_killed_feb7" and first["kit:certainty"] == "asserted"
    assert first["kit:low"] == {"$": "2", "type": "xsd:int"} and "kit:high" not in first
    assert {d["kit:relation"] for d in data["wasDerivedFrom"].values()} == {"relies_on"}
    # the free texts (a claim's text, a citation's evidence) are on the kitdoc:case entity, in lines, not on records
    assert not any(
        "kit:text" in e or "kit:evidence" in e for k in ("entity", "wasDerivedFrom") for e in data[k].values()
    )
    case_entity = data["entity"]["kitdoc:case"]
    lines = [v for k, v in case_entity.items() if k.rsplit(".", 1)[0] == "kitdoc:claims.reuters-two-killed.text"]
    assert len(lines) == 2 and "".join(lines) == case.claims.set_index("claim_id").at["reuters-two-killed", "text"]


def test_extra_columns_and_odd_texts_round_trip():
    case = kit.load_case(CASES / "hostile")
    claims = case.claims.copy()
    claims["reporter's note"] = pd.array(["a\x0bb", None, "kit:claim", '{"$": 1}', "   x"], dtype="string")
    odd = dataclasses.replace(case, claims=claims)
    again = import_prov(prov_json(odd, reveal_confidential=True))
    # the loader strips cell whitespace, exactly as when the case is saved and loaded again
    want = kit.load_case(kit.save_case(odd, pathlib.Path(__import__("tempfile").mkdtemp())))
    _same_tables(again, want)
    assert list(again.claims.columns)[-1] == "reporter's note"


def test_interval_of_published_is_written_when_latest_differs():
    # contract version 2 adds reports.published_latest; an inexact date goes out as START/END
    case = kit.load_case(CASES / "loop")
    reports = case.reports.copy()
    latest = reports["published"] + pd.Timedelta(days=27)
    reports["published_latest"] = latest.where(reports.index == 0, reports["published"])
    v2 = dataclasses.replace(case, reports=reports)
    start = reports["published"].iloc[0].strftime("%Y-%m-%dT%H:%M:%SZ")
    end = latest.iloc[0].strftime("%Y-%m-%dT%H:%M:%SZ")
    loaded = kit.load_case(CASES / "loop")
    if "published_latest" in loaded.reports.columns:  # the loader reads intervals (version 2)
        _same_tables(import_prov(prov_json(v2)), v2)
    else:
        with pytest.raises(kit.CaseError) as err:
            import_prov(prov_json(v2))
        [p] = err.value.problems
        assert (p.column, p.line) == ("published", 2) and f"{start}/{end}" in p.message


def test_bad_documents_give_problems_not_tracebacks(tmp_path):
    for text, words in (("{not json", "not PROV-JSON"), ('{"prefix": {}}', "no kitdoc:case entity")):
        with pytest.raises(kit.CaseError) as err:
            import_prov(text)
        assert words in str(err.value.problems[0])
    with pytest.raises(kit.CaseError) as err:
        import_prov(tmp_path / "missing.json")
    assert str(err.value.problems[0]).startswith(str(tmp_path / "missing.json") + ": cannot read")
    # a value the loader refuses is reported where it is, as the loader reports it
    data = json.loads(prov_json(kit.load_case(DEIR)))
    data["entity"]["claim:reuters-buga-dozens"]["kit:certainty"] = "surely"
    bad = tmp_path / "bad.prov.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(kit.CaseError) as err:
        import_prov(bad)
    [p] = err.value.problems
    assert (p.file, p.line, p.column) == (f"{bad}#claims", 4, "certainty")
    assert "surely" in p.message


def test_a_document_object_is_read_too():
    case = kit.load_case(CASES / "drift")
    _same_tables(import_prov(to_prov(case)), case)
    _same_tables(import_prov(io.BytesIO(prov_json(case).encode()).getvalue()), case)
