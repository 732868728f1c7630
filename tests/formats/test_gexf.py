"""kit.formats.gexf: dynamic GEXF for Gephi's timeline, read back with networkx; always well-formed XML."""

import dataclasses
import pathlib
import xml.etree.ElementTree as ET

import networkx as nx
import pandas as pd
import pytest

import kit
from kit.formats.gexf import dynamic_gexf, write_dynamic_gexf, xml_safe
from kit.graph.citation import claim_context

CASES = pathlib.Path(__file__).resolve().parents[1] / "cases"
NS = {"g": "http://gexf.net/1.3"}


def _published(case, fmt):
    ctx = claim_context(case)
    return {k: t.strftime(fmt) for k, t in zip(ctx["claim_id"], ctx["published"], strict=False)}


def test_deir_replays_in_time(deir_case, tmp_path):
    case = deir_case
    g = nx.read_gexf(write_dynamic_gexf(case, tmp_path / "deir.gexf"))
    assert g.graph["mode"] == "dynamic"
    root = ET.parse(tmp_path / "deir.gexf").getroot()
    assert root.find("g:graph", NS).get("timeformat") == "date"
    when = _published(case, "%Y-%m-%d")
    for claim, start in when.items():
        assert g.nodes[claim]["start"] == start and "end" not in g.nodes[claim], claim
    for u, _, d in g.edges(data=True):
        assert d["start"] == when[u] and "end" not in d
    # a source appears with the first claim that cites it or that it publishes
    ctx = claim_context(case)
    for sid in case.sources["source_id"]:
        times = list(ctx.loc[ctx["source_id"] == sid, "published"])
        times += [
            ctx.set_index("claim_id").at[k, "published"]
            for k in case.citations.loc[case.citations["cites"] == sid, "claim_id"]
        ]
        if times:
            assert g.nodes[sid]["start"] == min(times).strftime("%Y-%m-%d"), sid
        else:
            assert "start" not in g.nodes[sid], sid
    assert g.nodes["bloomberg"]["start"] == "2018-02-13"


def test_not_lasting_ends_at_published_latest(deir_case, tmp_path):
    deir = deir_case
    if "published_latest" in deir.reports.columns:  # data/deir-ez-zor dates undated reports by intervals (v2)
        g = nx.read_gexf(write_dynamic_gexf(deir, tmp_path / "deir.gexf", lasting=False))
        assert (g.nodes["afp-cit-three-more"]["start"], g.nodes["afp-cit-three-more"]["end"]) == (
            "2018-02-12",
            "2018-02-13",
        )  # reports.csv: 2018-02-12/2018-02-13
        assert g.nodes["reuters-two-killed"]["end"] == "2018-02-12"  # an exact date
    # the same tables without published_latest, as contract version 1 types them
    case = dataclasses.replace(deir, reports=deir.reports.drop(columns=["published_latest"], errors="ignore"))
    g = nx.read_gexf(write_dynamic_gexf(case, tmp_path / "a.gexf", lasting=False))
    for claim, start in _published(case, "%Y-%m-%d").items():
        assert g.nodes[claim]["end"] == start  # without published_latest (contract v1) the claim lasts a day
    reports = case.reports.copy()
    reports["published_latest"] = reports["published"] + pd.Timedelta(days=3)  # as contract v2 types it
    v2 = dataclasses.replace(case, reports=reports)
    g = nx.read_gexf(write_dynamic_gexf(v2, tmp_path / "b.gexf", lasting=False))
    later = {
        k: (pd.Timestamp(v) + pd.Timedelta(days=3)).strftime("%Y-%m-%d")
        for k, v in _published(case, "%Y-%m-%d").items()
    }
    for claim, end in later.items():
        assert g.nodes[claim]["end"] == end and g.nodes[claim]["start"] < end
    for u, _, d in g.edges(data=True):
        assert d["end"] == later[u]


def test_date_times_use_the_schemas_datetime(tmp_path):
    case = kit.testing.synth.make_case(60)
    p = write_dynamic_gexf(case, tmp_path / "s.gexf")
    graph = ET.parse(p).getroot().find("g:graph", NS)
    assert graph.get("timeformat") == "dateTime" and graph.get("mode") == "dynamic"
    red = kit.text.redact.redact(case)
    when = _published(red, "%Y-%m-%dT%H:%M:%SZ")
    starts = {n.get("id"): n.get("start") for n in graph.find("g:nodes", NS)}
    assert all(starts[k] == t for k, t in when.items())
    assert any(not t.endswith("T00:00:00Z") for t in when.values())
    with pytest.raises(KeyError):  # networkx 3 cannot read timeformat="dateTime"; hence timeformat="date"
        nx.read_gexf(p)
    g = nx.read_gexf(write_dynamic_gexf(case, tmp_path / "d.gexf", timeformat="date"))
    assert {k: g.nodes[k]["start"] for k in when} == when


def test_a_graph_gives_the_same_times_as_its_case():
    case = kit.load_case(CASES / "loop")
    from_case = dynamic_gexf(case)
    from_graph = dynamic_gexf(kit.citation_graph(case))
    for n, d in from_case.nodes(data=True):
        assert from_graph.nodes[n].get("start") == d.get("start"), n
    with pytest.raises(ValueError, match="timeformat"):
        dynamic_gexf(case, timeformat="datetime")


def test_texts_xml_forbids_give_well_formed_xml(tmp_path):
    case = kit.load_case(CASES / "hostile")
    claims = case.claims.copy()
    claims["text"] = claims["text"] + pd.array(
        ["\x0bWord break", "nul\x00", "esc\x1b[31m", "\ufffe", "\x0c"], dtype="string"
    )
    sources = case.sources.copy()
    sources.loc[1, "name"] = "Wire\x01\x0b2"
    bad = dataclasses.replace(case, claims=claims, sources=sources)
    p = write_dynamic_gexf(bad, tmp_path / "bad.gexf", timeformat="date")  # times of day: networkx reads "date"
    raw = p.read_text(encoding="utf-8")
    ET.fromstring(raw.encode("utf-8"))  # well-formed
    assert not any(ch in raw for ch in "\x00\x01\x08\x0b\x0c\x1b\ufffe")
    g = nx.read_gexf(p)
    assert g.nodes["confidential-claim-1"]["text"].endswith("\nWord break")
    assert g.nodes["k-forum"]["text"].endswith("nul\ufffd") and g.nodes["k-wire"]["text"].endswith("esc\ufffd[31m")
    assert g.nodes["wire"]["name"].endswith("Wire\ufffd\n2")
    # a graph passed as it is: its keys and ids are made safe too
    graph = kit.citation_graph(bad)
    graph.nodes["wire"]["odd\x0bkey"] = "x\x08"
    graph.add_edge("k-forum", "id\x02", relation="disputes")
    out = tmp_path / "graph.gexf"
    nx.write_gexf(dynamic_gexf(graph, timeformat="date"), out)
    h = nx.read_gexf(out)
    assert h.nodes["wire"]["odd\nkey"] == "x\ufffd" and h.has_edge("k-forum", "id\ufffd")
    assert xml_safe("a\ud800b") == "a\ufffdb"
