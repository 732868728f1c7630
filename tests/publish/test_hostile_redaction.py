"""Source protection and output safety under hostile text (issue 14), through the page and every export format.

Each case below is tests/cases/hostile with one class of hostile input written in (tests/_unicode.py makes the
copies): a confidential name whose case mapping changes its length (Turkish dotted İ), the same name written with
line breaks, non-breaking spaces, zero-width characters and decomposed accents, a confidential name as an extra
column's header, a short confidential id followed by punctuation, a confidential ``source_id`` that is a word of
the contract (``official``), a right-to-left override in a name, and characters XML forbids. Every output is
written (page, worksheet and answer key, CSV, node-link JSON, GEXF, GraphML, ClaimReview, SQLite with the answers of
its views and canned queries, PROV-JSON and its drawing, dynamic GEXF) and searched for each confidential field, as
written and as a reader would find it (tests/_unicode.py's ``findable``: case, accents, blanks and invisible
characters ignored).
"""

import csv
import io
import os
import pathlib
import sqlite3
import sys

import networkx as nx
import pytest

import kit
from kit.formats.datasette import QUERIES, VIEWS
from kit.formats.export import export
from kit.formats.gexf import write_dynamic_gexf
from kit.formats.prov import write_prov
from kit.formats.prov.picture import prov_picture
from kit.formats.sqlite import export_sqlite
from kit.publish import publish
from kit.publish.worksheet import write_worksheet
from kit.text.html import isolate, isolate_text, xml_safe
from kit.text.redact import confidential_fields, redact

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from _unicode import HOSTILE, findable, hostile_copy, reader_form

ROOT = pathlib.Path(__file__).resolve().parents[2]
NAME = "Ivan Petrov (Telegram)"

# one class of hostile input per case: {file: [(old, new), ...]} applied to tests/cases/hostile
VARIANTS = {
    # a capital dotted I: lower() gives two characters, so a regex's IGNORECASE match had no key (KeyError)
    "dotted-capital-i": {
        "sources_csv": [(NAME, "İpek Şahin")],
        "claims_csv": [(f"{NAME} says", "İPEK ŞAHİN says")],
        "citations_csv": [(f"({NAME},", "(ipek şahin,")],
        "reports_csv": [(f"Post by {NAME}", "Post by I\u0307pek S\u0327ahin")],
        "story_csv": [(f"{NAME} posts", "İPEK\u00a0ŞAHİN posts")],
    },
    # the name as Word and web pages write it: a line break, a vertical tab, non-breaking and zero-width spaces,
    # decomposed (NFD) accents, another case
    "word-breaks-and-nfd": {
        "sources_csv": [(NAME, "José Ñúñez")],
        "claims_csv": [(f"{NAME} says", "JOSE\u0301\nN\u0303U\u0301N\u0303EZ says")],
        "citations_csv": [(f"({NAME},", "(José\x0bÑúñez,")],
        "reports_csv": [(f"Post by {NAME}", "Post by José\u00a0\u00a0Ñú\u200bñez")],
        "story_csv": [(f"{NAME} posts", "José\u2028Ñúñez posts")],
    },
    # the name as the header of an extra column (in sources.csv and claims.csv)
    "name-as-header": {
        "sources_csv": [
            ("url,notes\n", f"url,notes,{NAME}\n"),
            ("fears for his job at the plant\n", "fears for his job at the plant,his handle\n"),
            ('alert(2)</script>"\n', 'alert(2)</script>",x\n'),
            ('""click"")"\n', '""click"")",x\n'),
            ("@SUM(1+1)\n", "@SUM(1+1),x\n"),
        ],
        "claims_csv": [("certainty,credibility\n", f"certainty,credibility,{NAME.upper()}\n")],
    },
    # a short id, followed by punctuation in the texts
    "short-id": {
        "all": [("ivan-petrov-telegram", "qzx")],
        "claims_csv": [(f"{NAME} says", "qzx-said: it")],
        "citations_csv": [("a worker (", "a worker (qzx.) (")],
        "story_csv": [(f"{NAME} posts", "(qzx) posts")],
    },
}


def _written(case, out: pathlib.Path) -> dict:
    """Every output of ``case`` as text: file name -> text (the database as its SQL dump)."""
    files = {"index.html": publish(case, out / "site", built="2026-01-02")}
    files.update(write_worksheet(case, out / "sheet"))
    exp = out / "export"
    files.update(export(case, exp, built="2026-01-02"))
    files.update(export_sqlite(case, exp / "case.db"))
    files["prov"] = write_prov(case, exp / "case.prov.json")
    files["gexf_dynamic"] = write_dynamic_gexf(case, exp / "citation_graph_timeline.gexf")
    text = {}
    for key, path in files.items():
        if key == "sqlite":
            with sqlite3.connect(path) as db:
                text[key] = "\n".join([*db.iterdump(), *_answers(db)])
        else:
            text[key] = pathlib.Path(path).read_text(encoding="utf-8-sig")
    text["prov_picture"] = prov_picture(case).to_string()  # the labels a drawing of the PROV document shows
    return text


def _answers(db) -> list:
    """What a reader of the database sees beyond its tables: every row of its views and of every canned query of
    metadata.json (a ``:source`` asked for each source, by id and by name; ``:claim`` empty: every claim)."""
    out = [repr(row) for view in VIEWS for row in db.execute(f'select * from "{view}"')]
    sources = [v for row in db.execute("select source_id, name from sources") for v in row if v is not None]
    for q in QUERIES.values():
        for source in sources if ":source" in q["sql"] else [""]:
            out += [repr(row) for row in db.execute(q["sql"], {"claim": "", "source": source})]
    return out


@pytest.fixture(scope="module", params=sorted(VARIANTS))
def variant(request, tmp_path_factory):
    folder = hostile_copy(tmp_path_factory.mktemp(request.param), **VARIANTS[request.param])
    case = kit.load_case(folder)
    return request.param, case, _written(case, tmp_path_factory.mktemp(request.param + "-out"))


EXPECTED_OUTPUTS = {
    "index.html",
    "worksheet",
    "answers",
    "gexf",
    "graphml",
    "json",
    "sources.csv",
    "reports.csv",
    "claims.csv",
    "citations.csv",
    "provenance.csv",
    "claimreview",
    "sqlite",
    "metadata",
    "prov",
    "gexf_dynamic",
    "prov_picture",
}


def test_no_confidential_field_in_any_output(variant, assert_no_secret):
    name, case, text = variant
    assert set(text) == EXPECTED_OUTPUTS
    secrets = confidential_fields(case)
    for key, data in text.items():
        if key in ("index.html", "answers", "sources.csv", "sqlite", "prov_picture"):
            assert_no_secret(case, data)  # as written, in every escaped form; the label is there
        for secret in secrets:
            assert not findable(secret, data), (name, key, secret)


def test_the_texts_around_the_name_are_kept(variant):
    name, case, text = variant
    claims = text["claims.csv"]
    if name == "dotted-capital-i":
        assert "Confidential source 1 says at least 10 died" in claims
        assert "Post by Confidential source 1" in text["reports.csv"]
    elif name == "word-breaks-and-nfd":
        assert "Confidential source 1 says at least 10 died" in claims
        assert "(Confidential source 1, (withheld)) told us" in text["citations.csv"]
        assert "Post by Confidential source 1" in text["reports.csv"]
    elif name == "short-id":
        assert "Confidential source 1-said: it" in claims
        assert "a worker (Confidential source 1.) (" in text["citations.csv"]
        assert "(Confidential source 1) posts" in text["index.html"]


def test_a_name_as_a_column_header_is_replaced():
    with_header = VARIANTS["name-as-header"]
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        case = kit.load_case(hostile_copy(pathlib.Path(d), **with_header))
        red = redact(case)
    assert list(red.sources.columns)[-1] == "Confidential source 1"
    assert list(red.claims.columns)[-1] == "Confidential source 1"
    assert [v if isinstance(v, str) else None for v in red.sources.iloc[:, -1]] == [None, "x", "x", "x"]


def _csv_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_a_confidential_id_that_is_a_word_of_the_contract(tmp_path, assert_no_secret):
    folder = hostile_copy(
        tmp_path,
        all=[("ivan-petrov-telegram", "official")],
        sources_csv=[(",online,", ",official,")],
    )
    case = kit.load_case(folder)
    assert "official" not in confidential_fields(case)  # a kind every page prints: it names no one
    text = _written(case, tmp_path / "out")
    rows = _csv_rows(text["sources.csv"])
    assert [(r["source_id"], r["kind"]) for r in rows] == [
        ("confidential-source-1", "individual"),
        ("wire", "wire"),
        ("tabloid", "official"),
        ("forum", "social"),
    ]
    for table in ("sources.csv", "reports.csv", "claims.csv", "citations.csv"):
        for row in _csv_rows(text[table]):
            for column in ("kind", "relation", "certainty", "measure", "reliability", "country", "language"):
                assert "Confidential" not in row.get(column, ""), (table, column, row)
    assert "as official posted" in text["citations.csv"]  # the word is left in texts
    assert _csv_rows(text["citations.csv"])[0]["cites"] == "confidential-source-1"  # the id is rewritten
    for key in ("index.html", "answers", "claims.csv"):
        assert_no_secret(case, text[key])


# --- right-to-left overrides -------------------------------------------------------------------------


def _isolated_everywhere(page: str, char: str = "\u202e") -> list:
    """The places where ``char`` is not inside an isolate that closes before the next tag or quote."""
    bad = []
    i = page.find(char)
    while i >= 0:
        before = page[:i]
        in_bdi = before.rfind("<bdi>") > before.rfind("</bdi>")
        in_fsi = before.rfind("\u2068") > before.rfind("\u2069")
        ends = [j for j in (page.find("<", i), page.find('"', i)) if j >= 0]
        stop = min(ends) if ends else len(page)
        closed_bdi = in_bdi and page.find("</bdi>", i) == page.find("<", i)
        closed_fsi = in_fsi and 0 <= page.find("\u2069", i) < stop
        if not (closed_bdi or closed_fsi):
            bad.append(page[max(0, i - 60) : i + 60])
        i = page.find(char, i + 1)
    return bad


def test_a_right_to_left_override_cannot_reverse_the_kits_words(tmp_path):
    folder = hostile_copy(
        tmp_path,
        sources_csv=[("Forum post", "Forum \u202epost"), ("Tabloid <img", "\u2069\u202eTabloid <img")],
        claims_csv=[("dozens dead at the plant", "dozens \u202edead at the plant")],
        case_toml=[("Hostile case", "Hostile \u202ecase")],
        story_csv=[("The wire: 12", "The \u202ewire: 12")],
    )
    case = kit.load_case(folder)
    text = _written(case, tmp_path / "out")
    page = text["index.html"]
    assert page.count("\u202e") >= 10
    head, _, rest = page.partition('<script type="application/ld+json">')  # data for machines, not shown
    shown = head + rest.partition("</script>")[2]
    assert _isolated_everywhere(shown) == []
    assert "<bdi>Forum \u202epost</bdi>" in page  # the methods box: the grade is outside the isolate
    assert "\u2068Forum \u202epost\u2069 (social, grade E)" in page  # the alt text and caption
    assert "\u2069\u202eTabloid" not in shown  # a stray U+2069 would close the kit's isolate: dropped
    for key in ("worksheet", "answers"):
        assert _isolated_everywhere(text[key]) == [], key


def test_isolate_helpers():
    assert isolate_text("AFP") == "AFP" and isolate("<AFP>") == "&lt;AFP&gt;"  # nothing to isolate: as it was
    assert isolate_text("x\u202ey") == "\u2068x\u202ey\u2069"
    assert isolate_text("a\u2069\u202eb") == "\u2068a\u202eb\u2069"  # stray closer dropped
    assert isolate_text("\u2067a") == "\u2068\u2067a\u2069\u2069"  # an isolate it opens is closed
    assert isolate_text("\u202eone\ntwo") == "\u2068\u202eone\u2069\n\u2068two\u2069"  # each line on its own
    assert isolate_text("سبعة قتلى") == "\u2068سبعة قتلى\u2069"
    assert isolate("<b>\u202e</b>") == "<bdi>&lt;b&gt;\u202e&lt;/b&gt;</bdi>"


# --- characters XML forbids --------------------------------------------------------------------------


def test_gexf_and_graphml_are_well_formed_with_forbidden_characters(tmp_path):
    folder = hostile_copy(
        tmp_path,
        sources_csv=[("Forum post", "Forum\x0bpost\x01")],
        claims_csv=[("dozens dead at the plant", "dozens\x0bdead\x7f at the \x1bplant\ufffe")],
        citations_csv=[("<script>alert(10)</script>", "line\x0bbreak\x08")],
    )
    case = kit.load_case(folder)
    out = tmp_path / "out"
    files = export(case, out)
    dynamic = write_dynamic_gexf(case, out / "timeline.gexf", timeformat="date")  # networkx reads "date" only
    for path, read in ((files["gexf"], nx.read_gexf), (files["graphml"], nx.read_graphml), (dynamic, nx.read_gexf)):
        g = read(path)
        assert g.nodes["forum"]["label" if path != dynamic else "name"] == "Forum\npost\ufffd"
        assert g.nodes["k-forum"]["text"].endswith("> dozens\ndead\x7f at the \ufffdplant\ufffd")
    import json

    data = json.loads(files["json"].read_text(encoding="utf-8"))  # JSON can hold them: kept as they are
    assert next(n for n in data["nodes"] if n["id"] == "forum")["label"] == "Forum\x0bpost\x01"
    assert xml_safe("a\x0bb\x0cc\x00d") == "a\nb\nc\ufffdd"


# --- outputs over a case -------------------------------------------------------------------------------


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(pathlib.Path(folder).iterdir())}


def test_export_into_the_case_itself_is_refused_and_changes_nothing(tmp_path, run_kit):
    case = hostile_copy(tmp_path)
    before = _snapshot(case)
    for command in (["export"], ["export", "--sqlite", "--prov", "--gexf-dynamic"], ["publish"], ["worksheet"]):
        r = run_kit(command[0], case, case, *command[1:])
        assert r.returncode == 2, (command, r.stderr)
        assert r.stderr.splitlines()[-1] == (
            f"kit: {case} is the case's own folder: writing there would replace its tables; give another folder"
        )
    assert _snapshot(case) == before
    r = run_kit("export", case / "case.toml", case)
    assert r.returncode == 2 and "is the case's own folder" in r.stderr


def test_an_output_inside_the_case_or_over_another_case_is_refused(tmp_path, run_kit):
    case = hostile_copy(tmp_path)
    r = run_kit("publish", case, case / "site")
    assert r.returncode == 2
    assert r.stderr.splitlines()[-1] == (
        f"kit: {case / 'site'} is inside the case's folder {case}: give a folder outside the case"
    )
    assert not (case / "site").exists()
    other = tmp_path / "other"
    other.mkdir()
    (other / "claims.csv").write_text("claim_id\n", encoding="utf-8")
    (other / "case.toml").write_text('title = "x"\n', encoding="utf-8")
    for command in ("export", "publish", "worksheet"):
        r = run_kit(command, case, other)
        assert r.returncode == 2
        assert r.stderr.splitlines()[-1] == (
            f"kit: {other} holds a case's tables (case.toml, claims.csv): writing there would replace them; "
            "give a new or empty folder"
        )
    assert sorted(p.name for p in other.iterdir()) == ["case.toml", "claims.csv"]


def test_an_earlier_export_folder_is_replaced(tmp_path, run_kit):
    case, out = hostile_copy(tmp_path), tmp_path / "build"
    assert run_kit("export", case, out).returncode == 0
    r = run_kit("export", case, out, "--sqlite")
    assert r.returncode == 0, r.stderr
    assert run_kit("publish", case, out).returncode == 0  # the page beside the exports


def test_an_output_that_is_a_file_or_under_a_file_is_a_usage_error(tmp_path, run_kit):
    case = hostile_copy(tmp_path)
    afile = tmp_path / "notes.txt"
    afile.write_text("mine\n", encoding="utf-8")
    for command in ("export", "publish", "worksheet"):
        r = run_kit(command, case, afile)
        assert r.returncode == 2, r.stderr
        assert r.stderr.splitlines()[-1] == f"kit: {afile} is a file, not a folder: give a folder to write into"
        r = run_kit(command, case, afile / "sub")
        assert r.returncode == 2, r.stderr
        assert r.stderr.splitlines()[-1] == (
            f"kit: {afile / 'sub'} cannot be created: {afile} is a file, not a folder; give another folder"
        )
    assert afile.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anywhere")
def test_an_output_that_cannot_be_written_is_a_usage_error(tmp_path, run_kit):
    case = hostile_copy(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        r = run_kit("export", case, locked)
        assert r.returncode == 2
        assert r.stderr.splitlines()[-1] == f"kit: {locked} is not writable: give a folder you can write to"
        r = run_kit("publish", case, locked / "site")
        assert r.stderr.splitlines()[-1] == (
            f"kit: {locked / 'site'} cannot be created: {locked} is not writable; give a folder you can write to"
        )
    finally:
        locked.chmod(0o700)


def test_the_api_refuses_too(tmp_path):
    folder = hostile_copy(tmp_path)
    case = kit.load_case(folder)
    for write in (
        lambda: export(case, folder),
        lambda: publish(case, folder / "site"),
        lambda: write_worksheet(case, folder),
        lambda: export_sqlite(case, folder / "case.db"),
        lambda: write_prov(case, folder / "x.prov.json"),
        lambda: write_dynamic_gexf(case, folder / "x.gexf"),
    ):
        with pytest.raises(kit.errors.OutputOverCase):
            write()
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in HOSTILE.iterdir())


def test_reader_form_is_what_the_tests_search():
    assert reader_form("İPEK\u00a0\nŞAHİN\u200b") == "ipek sahin"
    assert reader_form("JOSE\u0301") == reader_form("josé") == "jose"
    assert findable("qzx", "say qzx-said") and not findable("qzx", "qzxa")


def test_the_refusals_in_the_docs_are_the_kits(tmp_path, monkeypatch, capsys):
    """docs/publishing.md's table of refusals, run: each command, in a folder laid out as the table says."""
    import re
    import shutil

    from kit.cli import main

    rows = re.findall(
        r"^\| `(kit [^`]+)`[^|]*\| `(kit: [^`]+)` \|$", (ROOT / "docs" / "publishing.md").read_text(), re.M
    )
    assert len(rows) == 5
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    shutil.copytree(HOSTILE, tmp_path / "data" / "x")
    shutil.copytree(HOSTILE, tmp_path / "data" / "y")
    (tmp_path / "data" / "y" / "story.csv").unlink()
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    for command, message in rows:
        capsys.readouterr()
        assert main(command.split()[1:]) == 2, command
        said = capsys.readouterr().err.splitlines()[-1]
        assert said == message.replace("/abs/path/", f"{tmp_path}/"), command


def test_a_confidential_id_that_is_a_key_of_case_toml(tmp_path):
    case = kit.load_case(hostile_copy(tmp_path, all=[("ivan-petrov-telegram", "title")]))
    red = redact(case)
    assert sorted(red.meta) == ["language", "proposition", "question", "summary", "title", "verdicts"]
    assert sorted(red.meta["verdicts"]["plant_fire_dead"]) == ["claim_id", "note", "rating"]
    assert red.title == "Hostile case </script><script>alert('Confidential source 1')</script>"
