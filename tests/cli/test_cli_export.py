"""``kit export`` (kit.cli.export): every file it says it wrote is there and readable by the tool it is for
(networkx for GEXF/GraphML, json, csv); a confidential source stays out unless revealed, with a warning; an output
over the case is refused with exit 2."""

import csv
import json
import pathlib
import shutil

import networkx as nx
import pytest

from kit.cli import main


@pytest.fixture
def echo_copy(tmp_path, cases_dir):
    shutil.copytree(cases_dir / "echo", tmp_path / "echo")
    return tmp_path / "echo"


def _written(out: str) -> list:
    lines = out.strip().splitlines()
    assert all(line.startswith("wrote ") for line in lines)
    return [line.removeprefix("wrote ") for line in lines]


def test_every_file_written_is_there_and_reads(echo_copy, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["export", str(echo_copy), str(out), "--sqlite", "--prov"]) == 0
    paths = _written(capsys.readouterr().out)
    assert len(paths) == len(set(paths)) >= 5
    for p in paths:
        with open(p, "rb") as f:
            data = f.read()
        assert data, p
        if p.endswith(".gexf"):
            g = nx.read_gexf(p)
            assert g.number_of_nodes() >= 6 + 8  # the sources and the claims of echo
        elif p.endswith(".graphml"):
            nx.read_graphml(p)
        elif p.endswith((".json", ".jsonld")):
            json.loads(data)
        elif p.endswith(".csv"):
            with open(p, encoding="utf-8-sig", newline="") as f:
                list(csv.reader(f))
        elif p.endswith(".db"):
            assert data.startswith(b"SQLite format 3\x00")


def test_a_confidential_source_stays_out_unless_revealed(echo_copy, tmp_path, capsys):
    secret = "spoke to both outlets"  # the notes of echo's confidential source 'anon'
    assert main(["export", str(echo_copy), str(tmp_path / "safe")]) == 0
    safe = _written(capsys.readouterr().out)
    assert not any(secret.encode() in pathlib.Path(p).read_bytes() for p in safe)
    assert main(["export", str(echo_copy), str(tmp_path / "internal"), "--reveal-confidential"]) == 0
    captured = capsys.readouterr()
    assert "--reveal-confidential" in captured.err and "do not publish it" in captured.err
    assert any(secret.encode() in pathlib.Path(p).read_bytes() for p in _written(captured.out))


@pytest.mark.parametrize("where", ["", "inside"])
def test_an_output_over_the_case_is_refused_with_exit_2(echo_copy, capsys, where):
    before = sorted(p.name for p in echo_copy.iterdir())
    assert main(["export", str(echo_copy), str(echo_copy / where)]) == 2
    assert capsys.readouterr().err.startswith("kit: ")
    assert sorted(p.name for p in echo_copy.iterdir()) == before
