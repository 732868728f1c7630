"""kit.formats.export: Gephi files read back the same, spreadsheet-safe CSV, all redacted (ClaimReview:
test_claimreview)."""

import csv
import io
import json

import networkx as nx
import pytest

import kit
from conftest import DEIR, HOSTILE, MINI
from kit.cells import iso_text
from kit.formats.export import csv_text, export, export_graph, neutralise
from kit.text.redact import redact


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory):
    return export(kit.load_case(HOSTILE), tmp_path_factory.mktemp("hx"), built="2026-01-02")


def _edges(g):
    return {(u, v, d.get("relation")) for u, v, d in g.edges(data=True)}


@pytest.mark.parametrize("path", [HOSTILE, DEIR], ids=lambda p: p.name)
def test_gexf_and_graphml_read_back_the_same(path, tmp_path):
    case = kit.load_case(path)
    files = export(case, tmp_path)
    want = export_graph(redact(case))
    expected_nodes = set(redact(case).sources["source_id"]) | set(redact(case).claims["claim_id"])
    assert set(want) == expected_nodes
    for key, reader in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        g = reader(files[key])
        assert set(g.nodes) == expected_nodes, key
        assert _edges(g) == _edges(want), key
        for n, d in want.nodes(data=True):
            for attr in ("kind", "reliability", "published", "node_type"):
                if attr in d:
                    assert str(g.nodes[n][attr]) == d[attr], (key, n, attr)
    data = json.loads(files["json"].read_text(encoding="utf-8"))
    g = nx.node_link_graph(data, edges="links")
    assert set(g.nodes) == expected_nodes and _edges(g) == _edges(want)


def test_graph_attributes_are_text_and_none_dropped(deir_case):
    g = export_graph(deir_case)
    for _, d in g.nodes(data=True):
        assert all(isinstance(v, str) and v != "" for v in d.values())
        assert {"node_type", "kind", "reliability"} <= set(d)
    claims = [d for _, d in g.nodes(data=True) if d["node_type"] == "claim"]
    # one ISO writer (kit.cells.iso_text): a bare day is written as a day, as in the case's own CSV
    published = dict(zip(deir_case.claims["claim_id"], deir_case.claims["report_id"], strict=True))
    when = dict(zip(deir_case.reports["report_id"], deir_case.reports["published"], strict=True))
    assert all(
        d["published"] == iso_text(when[published[n]]) for n, d in g.nodes(data=True) if d["node_type"] == "claim"
    )
    assert {len(d["published"]) for d in claims} <= {10, 20}
    assert {d["relation"] for *_, d in g.edges(data=True)} <= {"relies_on", "corroborates", "disputes"}


def test_neutralise_owasp():
    for bad in ("=1+1", "+1", "-1", "@x", "\t=1", "\r=1", "＝1"):
        assert neutralise(bad) == "'" + bad
    for ok in ("1", "a=b", " plain", "", "'=already"):
        assert neutralise(ok) == ok


def test_csv_files_are_spreadsheet_safe(hostile_files):
    for name in ("sources.csv", "reports.csv", "claims.csv", "citations.csv", "provenance.csv"):
        text = hostile_files[name].read_text(encoding="utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) > 1
        for row in rows:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
        assert text.startswith('"')  # every cell quoted
    claims = list(csv.DictReader(io.StringIO(hostile_files["claims.csv"].read_text(encoding="utf-8-sig"))))
    assert [c["text"] for c in claims if c["claim_id"] == "k-tabloid-50"] == [
        "'=cmd|' /C calc'!A0 50 dead says the wire"
    ]
    sources = hostile_files["sources.csv"].read_text(encoding="utf-8-sig")
    assert "\"'=HYPERLINK(" in sources and '"\'@SUM(1+1)"' in sources
    reports = hostile_files["reports.csv"].read_text(encoding="utf-8-sig")
    assert '"\'+1+1"' in reports and '"\'-2+3"' in reports
    assert csv_text(__import__("pandas").DataFrame({"=h": ["x"]})).startswith('"\'=h"')


def test_redaction_across_every_exported_byte(hostile_files, hostile_case, assert_no_secret, tmp_path):
    cases = [(hostile_case, hostile_files)]
    if MINI.exists():
        cases.append((kit.load_case(MINI), export(kit.load_case(MINI), tmp_path)))
    for case, files in cases:
        assert_no_secret(case, b"\n".join(p.read_bytes() for p in files.values()))


def test_cli_export(tmp_path, capsys):
    from kit.cli import main

    assert main(["export", str(HOSTILE), str(tmp_path / "o"), "--reveal-confidential"]) == 0
    captured = capsys.readouterr()
    assert "warning" in captured.err
    assert "Ivan Petrov (Telegram)" in (tmp_path / "o" / "sources.csv").read_text(encoding="utf-8-sig")
    assert main(["export", str(HOSTILE), str(tmp_path / "p")]) == 0
    assert "Ivan Petrov" not in (tmp_path / "p" / "sources.csv").read_text(encoding="utf-8-sig")
