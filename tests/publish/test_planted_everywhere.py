"""A confidential name planted in every column of every table is in no exported or published byte (issue 24, 3-5).

tests/cases/hostile is copied and the confidential source's name and url are written into every column of every
table that takes text: the contract's columns, ``language``, an extra column named like each column of every other
table (``country`` in claims, ``kind``, ``relation``, ``basis``, ``published``, ``measure`` ...), a column of the
reporter's own, the story and ``case.toml``; the url percent-encoded inside an archive link (``https://archive.ph/
submit/?url=https%3A%2F%2F...``, the usual form) and twice encoded. Then ``kit export --sqlite --prov
--gexf-dynamic``, ``kit publish`` and ``kit worksheet`` run, and every byte they write is searched for every
confidential field as a reader would find it (entities, JSON escapes and percent-encoding undone, any case, blanks
and invisible characters ignored). A column that cannot hold the text (a date, a number, a word of a vocabulary)
is refused by ``kit check``; the test fails if any other column refuses it, so nothing is left untried.
"""

import csv
import io
import os
import pathlib
import sys
from urllib.parse import quote, unquote

import pytest

import kit
from kit.schema import COLUMNS
from kit.text.redact import confidential_fields

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from _unicode import HOSTILE, findable

NAME = "Ivan Petrov (Telegram)"
URL = "https://t.me/ivanpetrov_secret"
ARCHIVED = f"https://archive.ph/submit/?url={quote(URL, safe='')}"
ARCHIVED_TWICE = f"https://web.archive.org/save/?u={quote(ARCHIVED, safe='')}"
# what is planted, best first: the first a column takes is kept
PLANTS = (
    f"told by {NAME}, see {ARCHIVED} or {ARCHIVED_TWICE}",
    f"{ARCHIVED}&by={quote(NAME)}",
)
IDS = {"source_id", "report_id", "claim_id", "cites", "proposition"}
# columns of a table that hold a date, a number, a yes/no or a word of a vocabulary: text is refused there
CODED = {
    "sources": {"kind", "reliability", "confidential", "country"},
    "reports": {"published"},
    "claims": {"low", "high", "measure", "certainty", "credibility"},
    "citations": {"relation", "basis"},
}
EVERY_NAME = sorted({c for cols in COLUMNS.values() for c in cols} | {"language", "reporters_own"})


def _read(path):
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def _write(path, header, rows):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([header, *rows])
    path.write_text(buf.getvalue(), encoding="utf-8")


def _plant(folder, choice):
    """Write the case with ``choice[(table, column)]`` (an index into PLANTS, or None: left as it was)."""
    for table in COLUMNS:
        header, rows = _read(HOSTILE / f"{table}.csv")
        for col in EVERY_NAME:
            if col in IDS or choice.get((table, col)) is None:
                continue
            if col not in header:
                header = [*header, col]
                rows = [[*r, ""] for r in rows]
            i = header.index(col)
            for r in rows:
                if table == "sources" and r[0] == "ivan-petrov-telegram" and col in COLUMNS["sources"]:
                    continue  # the confidential source's own fields are the secret itself
                r[i] = PLANTS[choice[(table, col)]]
        _write(folder / f"{table}.csv", header, rows)
    header, rows = _read(HOSTILE / "story.csv")
    for r in rows:
        r[2], r[3] = f"{r[2]} {NAME}", f"{r[3]} {PLANTS[0]}"
    _write(folder / "story.csv", header, rows)
    toml = (HOSTILE / "case.toml").read_text(encoding="utf-8")
    toml = toml.replace('language = "en"', f'language = "{NAME}"')
    toml = toml.replace("[verdicts.", f'reporters_key = "{PLANTS[0]}"\n\n[verdicts.')
    (folder / "case.toml").write_text(toml, encoding="utf-8")


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """The planted case folder, and the (table, column) pairs that refused every plant."""
    folder = tmp_path_factory.mktemp("planted")
    choice = {(t, c): 0 for t in COLUMNS for c in EVERY_NAME if c not in IDS}
    refused = set()
    for _ in range(len(PLANTS) + 1):
        _plant(folder, choice)
        _, problems, _ = kit.check_case(folder)
        bad = {(pathlib.Path(p.file).stem, p.column) for p in problems} & set(choice)
        if not bad:
            break
        for key in bad:
            nxt = choice[key] + 1
            choice[key] = nxt if nxt < len(PLANTS) else None
            if choice[key] is None:
                refused.add(key)
    case, problems, _ = kit.check_case(folder)
    assert problems == [], problems
    return folder, case, refused, choice


@pytest.fixture(scope="module")
def outputs(planted, tmp_path_factory):
    """Every file ``kit export --sqlite --prov --gexf-dynamic``, ``kit publish`` and ``kit worksheet`` write."""
    import subprocess

    folder = planted[0]
    out = tmp_path_factory.mktemp("planted-out")
    root = pathlib.Path(__file__).resolve().parents[2]
    for args in (
        ("export", folder, out / "export", "--sqlite", "--prov", "--gexf-dynamic"),
        ("publish", folder, out / "site"),
        ("worksheet", folder, out / "sheet"),
    ):
        r = subprocess.run(
            [sys.executable, "-m", "kit", *map(str, args)], cwd=root, capture_output=True, text=True, timeout=300
        )
        assert r.returncode == 0, (args, r.stdout, r.stderr)
    return {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_every_column_that_takes_text_was_planted(planted):
    _, case, refused, choice = planted
    assert refused == {(t, c) for t, cols in CODED.items() for c in cols}  # nothing else refused the text
    assert len([k for k, v in choice.items() if v is not None]) == 4 * len(set(EVERY_NAME) - IDS) - len(refused)
    assert case.reports["language"].str.contains(NAME, regex=False).all()
    assert NAME in case.claims["country"].iloc[0]  # a coded column of another table, as an extra column
    assert case.reports["archive_url"].str.contains("https%3A%2F%2Ft.me", regex=False).any()


def test_the_outputs_were_written(outputs):
    names = {p.name for p in outputs}
    for expected in ("case.db", "case.prov.json", "citation_graph_timeline.gexf", "reports.csv", "index.html"):
        assert expected in names, names
    assert any(n.startswith("worksheet") for n in names), names


def test_no_planted_byte_is_published(planted, outputs):
    _, case, _, _ = planted
    secrets = confidential_fields(case)
    assert NAME in secrets and URL in secrets
    leaks = []
    for path, data in outputs.items():
        text = data.decode("utf-8", errors="replace")
        decoded = unquote(unquote(unquote(text)))
        for secret in secrets:
            if findable(secret, text) or findable(secret, decoded):
                leaks.append((os.fspath(path.name), secret))
    assert leaks == []


def _cases_of(module, *names) -> int:
    """How many inputs the tests ``names`` of ``module`` try: their parametrized cases (1 for a plain test)."""
    total = 0
    for name in names:
        marks = [m for m in getattr(getattr(module, name), "pytestmark", []) if m.name == "parametrize"]
        total += len(marks[0].args[1]) if marks else 1
    return total


def _examples(test) -> int:
    return test._hypothesis_internal_use_settings.max_examples


def test_the_threat_model_states_what_the_tests_try(planted, outputs):
    """docs/publishing.md's threat model: every number in bold is the one its test tries or finds."""
    import re

    tests = pathlib.Path(__file__).resolve().parents[1]
    for folder in ("cli", "store", "formats"):  # the hostile tests of those layers, counted here (run alone too)
        if str(tests / folder) not in sys.path:
            sys.path.insert(0, str(tests / folder))
    import test_hostile_cli as cli
    import test_hostile_store as store
    import test_prov_hostile as prov

    _, case, refused, choice = planted
    text = (pathlib.Path(__file__).resolve().parents[2] / "docs" / "publishing.md").read_text(encoding="utf-8")
    section = text[text.index("## Threat model") : text.index("## The notebook beside the page")]
    stated = [int(n.replace(",", "")) for n in re.findall(r"\*\*([\d,]+)\*\*", section)]
    prov_by_hand = [n for n in dir(prov) if n.startswith("test_") and "mutation" not in n]
    cli_by_hand = [
        n for n in dir(cli) if re.match(r"test_(a_column|audit_rejected_files|publish_with|draft_refuses)", n)
    ]
    counted = {
        "journals": _cases_of(
            store,
            "test_a_staging_link_out_of_the_case_is_refused_and_nothing_moves",
            "test_a_suspicious_journal_is_refused_in_one_sentence",
        ),
        "processes": 4,
        "rounds": 3,
        "columns planted": len([k for k, v in choice.items() if v is not None]),
        "columns refused": len(refused),
        "files": len(outputs),
        "fields": len(confidential_fields(case)),
        "found": 0,
        "prov mutations": _examples(prov.test_any_mutation_gives_a_case_or_problems_that_say_where),
        "prov by hand": _cases_of(prov, *prov_by_hand),
        "cli by hand": _cases_of(cli, *cli_by_hand),
        "articles": _examples(cli.test_a_draft_is_a_case_or_a_clear_refusal),
        "rejected files": _examples(cli.test_audit_rejected_is_read_or_refused_with_where),
        "escapes": len(cli.ESCAPES),
    }
    import inspect

    source = inspect.getsource(store.test_appends_from_processes_at_once_append_each_row_once)
    assert "range(3)" in source and "Barrier(4)" in source  # the processes and rounds stated
    assert dict(zip(counted, stated, strict=False)) == counted and len(stated) == len(counted)
