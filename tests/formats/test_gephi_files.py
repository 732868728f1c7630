"""GEXF and GraphML ready for Gephi and Gephi Lite: typed attributes, the kit's colours, layout and findings, a
dynamic GEXF whose times Gephi reads and whose edges never outlive their nodes. Each file is read back as the tools
read it: networkx, a Python mirror of graphology-gexf's rules (what Gephi Lite imports with), and, where Node and
graphology-gexf are installed (tests/graphology, by ``make tool-deps``; or ``KIT_GRAPHOLOGY``), graphology
itself."""

import json
import os
import pathlib
import shutil
import subprocess
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

import kit
from conftest import DEIR, HOSTILE
from kit.formats.gephi import TYPED, findings

GEXF = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    from kit.formats.export import export

    return export(kit.load_case(DEIR), tmp_path_factory.mktemp("gx"), built="2026-01-02")


def _graphology_like(path):
    """Nodes as graphology-gexf 0.13 reads them (src/gexf/common/parser.js and helpers.js, read via the search
    tool): attvalues typed by their <attribute type>, numbers by unary plus, booleans by ``== "true"``, viz colour
    as ``rgba(r,g,b,a)``, position x/y; node ``start``/``end`` and <spells> are not read at all."""
    root = ET.parse(path).getroot()
    graph = root.find("g:graph", GEXF)
    model = {}
    for attrs in graph.findall("g:attributes", GEXF):
        for a in attrs.findall("g:attribute", GEXF):
            model[(attrs.get("class"), a.get("id"))] = (a.get("title"), a.get("type"))
    nodes = {}
    for n in graph.find("g:nodes", GEXF):
        data = {"label": n.get("label")}
        for v in n.iter(f"{{{GEXF['g']}}}attvalue"):
            title, kind = model[("node", v.get("for"))]
            raw = v.get("value")
            if kind == "boolean":
                data[title] = raw == "true"
            elif kind in ("integer", "long", "float", "double", "short", "byte"):
                data[title] = float(raw)
            else:
                data[title] = raw
        col = n.find("viz:color", GEXF)
        if col is not None:
            data["color"] = f"rgba({col.get('r')},{col.get('g')},{col.get('b')},{col.get('a')})"
        pos = n.find("viz:position", GEXF)
        if pos is not None:
            data["x"], data["y"] = float(pos.get("x")), float(pos.get("y"))
        nodes[n.get("id")] = data
    return nodes


def test_attributes_are_typed_for_gephi(files):
    root = ET.parse(files["gexf"]).getroot()
    types = {a.get("title"): a.get("type") for attrs in root.iter(f"{{{GEXF['g']}}}attributes") for a in attrs}
    for name, want in TYPED.items():
        if name in types:
            assert types[name] in ({"long", "integer"} if want is int else {"boolean"}), (name, types[name])
    assert {"low", "high", "credibility", "n_origins", "echo", "loop", "claims_falling"} <= set(types)
    g = nx.read_gexf(files["gexf"])
    d = g.nodes["daily-beast-200-russian-fighters"]
    # the two Russians and, read as the article reads it, the US official (issue 19)
    assert d["low"] == 201 and isinstance(d["low"], int) and d["echo"] is False and d["n_origins"] == 2
    # GraphML: the same types (networkx reads int/boolean back as Python int/bool)
    h = nx.read_graphml(files["graphml"])
    e = h.nodes["daily-beast-200-russian-fighters"]
    assert (e["low"], e["echo"], e["n_origins"]) == (201, False, 2) and isinstance(e["x"], float)


def test_findings_are_the_kits(deir_case):
    case = deir_case
    claims, sources = findings(case)
    prov = kit.provenance(case)
    for k, f in claims.items():
        assert (f["n_origins"], f["echo"]) == (prov.at[k, "n_origins"], bool(prov.at[k, "echo"]))
    for s, f in sources.items():
        fallen = kit.without(case, s)
        assert f["claims_falling"] == len(fallen), s
        names = case.sources.set_index("source_id")["name"]
        for k in fallen:
            assert claims[k]["falls_with"] == names[s]
    loops = kit.circular(kit.load_case(pathlib.Path(__file__).resolve().parent.parent / "cases" / "loop"))
    assert loops  # the loop case has loops; loop ids follow kit.circular's order
    lc, _ = findings(kit.load_case(pathlib.Path(__file__).resolve().parent.parent / "cases" / "loop"))
    for i, loop in enumerate(loops, start=1):
        assert {lc[k]["loop"] for k in loop} == {i}
    drifted = {k for k, f in claims.items() if f["drifted"]}
    assert drifted and all(claims[k]["drift"] for k in drifted)


def test_gephi_lite_reads_colours_positions_and_numbers(files, deir_case):
    nodes = _graphology_like(files["gexf"])
    d = nodes["reuters-two-killed"]
    assert d["color"] == "rgba(31,119,180,1.0)"  # a wire's colour in kit.text.style.KIND_COLOURS, #1f77b4
    assert isinstance(d["n_origins"], float) and isinstance(d["echo"], bool)
    xs = {round(n["x"]) for n in nodes.values()}
    assert len(xs) > 3  # laid out, not a hairball at the origin
    # later claims stand to the right of earlier ones on the same lane (the kit's picture)
    assert nodes["bloomberg-more-than-200"]["x"] > nodes["reuters-two-killed"]["x"]


def _node_graphology():
    """The folder whose node_modules hold graphology-gexf: ``KIT_GRAPHOLOGY``, else tests/graphology (where
    ``make tool-deps`` installs the versions pinned there)."""
    folder = pathlib.Path(
        os.environ.get("KIT_GRAPHOLOGY") or pathlib.Path(__file__).resolve().parent.parent / "graphology"
    )
    if not shutil.which("node") or not (folder / "node_modules" / "graphology-gexf").is_dir():
        pytest.skip(f"node or graphology-gexf is missing: `npm ci --prefix {folder}` (make tool-deps) installs it")
    return folder


# Gephi Lite's own import call (packages/gephi-lite/src/core/file/utils.ts): graphology-gexf with these options
GEPHI_LITE_OPTIONS = "{allowUndeclaredAttributes:true,addMissingNodes:true}"


def _graphology(folder, path, options=""):
    script = (
        "const Graph=require('graphology');const gexf=require('graphology-gexf');const fs=require('fs');"
        f"const g=gexf.parse(Graph,fs.readFileSync(process.argv[1],'utf8'){',' + options if options else ''});"
        "console.log(JSON.stringify({type:g.type,nodes:g.nodes().map(n=>[n,g.getNodeAttributes(n)]),"
        "edges:g.mapEdges((e,a,s,t)=>[s,t,a])}))"
    )
    out = subprocess.run(["node", "-e", script, str(path)], cwd=folder, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_graphology_itself_reads_them(files, tmp_path):
    folder = _node_graphology()
    read = _graphology(folder, files["gexf"])
    nodes = dict(read["nodes"])
    case = kit.load_case(DEIR)
    # one node per claim and per source, one edge per citation (the re-read case: 24 claims, 18 sources, 22 citations)
    assert read["type"] == "directed" and len(nodes) == len(case.claims) + len(case.sources) == 42
    assert len(read["edges"]) == len(case.citations)
    d = nodes["daily-beast-200-russian-fighters"]
    assert d["low"] == 201 and d["echo"] is False and d["color"].startswith("rgba(") and "x" in d
    from kit.formats.gexf import write_dynamic_gexf

    dyn = _graphology(folder, write_dynamic_gexf(kit.load_case(DEIR), tmp_path / "t.gexf", lasting=False))
    d = dict(dyn["nodes"])["reuters-two-killed"]
    assert d["appears"] == "2018-02-12"  # start/end are not read by graphology: the attvalue carries the time


def test_gephi_lite_s_import_call_reads_them_the_same(files, tmp_path):
    from kit.formats.gexf import write_dynamic_gexf

    folder = _node_graphology()
    dyn = write_dynamic_gexf(kit.load_case(DEIR), tmp_path / "t.gexf", lasting=False)
    for path in (files["gexf"], dyn):
        lite = _graphology(folder, path, GEPHI_LITE_OPTIONS)
        assert lite == _graphology(folder, path) and len(lite["nodes"]) == 42, path
        assert any(a.get("confidential") is False for _, a in lite["nodes"])


def test_dynamic_edges_live_within_their_nodes(tmp_path):
    from kit.formats.gexf import write_dynamic_gexf

    for case in (kit.load_case(DEIR), kit.testing.synth.make_case(80), kit.load_case(HOSTILE)):
        for lasting in (True, False):
            p = write_dynamic_gexf(case, tmp_path / "d.gexf", lasting=lasting, timeformat="date")
            g = nx.read_gexf(p)
            inf = "9999"
            for u, v, d in g.edges(data=True):
                for n in (u, v):
                    nd = g.nodes[n]
                    assert nd.get("start", "") <= d["start"], (u, v, n)
                    assert d.get("end", inf) <= nd.get("end", inf), (u, v, n)
                    assert d["start"] <= d.get("end", inf)
            # Gephi Lite has no timeline: the times are also attvalues it reads as dates
            assert all("appears" in d for _, d in g.nodes(data=True) if "start" in d)


def test_the_sources_the_picture_leaves_out_do_not_overlap(deir_case):
    from kit.formats.gephi import viz
    from kit.graphview.positions import text_width

    pos = {n: v["position"] for n, v in viz(deir_case).items()}
    low = min(p["y"] for p in pos.values())
    row = sorted((p["x"], n) for n, p in pos.items() if p["y"] == low)
    names = deir_case.sources.set_index("source_id")["name"]
    assert len(row) >= 2
    for (x1, a), (x2, b) in zip(row, row[1:], strict=False):
        assert x2 - x1 >= (text_width(names[a]) + text_width(names[b])) / 2, (a, b)
