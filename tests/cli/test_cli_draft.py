"""``kit draft`` (kit.cli.draft): a draft case written that ``kit check`` accepts, its counts in the sentence matching
the tables read back with Python's csv module; bad input is one sentence and exit 2 with nothing written."""

import csv
import re

import pytest

from kit.cli import main

ARTICLE = "Two of the Russians said at least two were killed, according to a local official.\n"


def _rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("article", ["bloomberg.txt", "reuters-afp.md", "december-report.html"])
def test_a_draft_is_a_valid_case_counted_as_said(cases_dir, tmp_path, capsys, article):
    out = tmp_path / "case"
    code = main(["draft", str(cases_dir / "draft" / article), str(out), "--published", "2018-02-13"])
    assert code == 0
    said = capsys.readouterr().out.strip()
    m = re.fullmatch(
        rf"wrote {re.escape(str(out))}: a draft of (\d+) sources?, (\d+) reports?, (\d+) claims? and (\d+) "
        rf"citations?; check every 'draft: check' note, then run kit check {re.escape(str(out))}",
        said,
    )
    assert m, said
    counts = [len(_rows(out / f"{t}.csv")) for t in ("sources", "reports", "claims", "citations")]
    assert [int(n) for n in m.groups()] == counts
    assert counts[2] >= 1  # each fixture article attributes at least one claim
    assert main(["check", str(out)]) == 0
    capsys.readouterr()


def test_the_draft_names_the_publisher_given(tmp_path, capsys):
    art = tmp_path / "a.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    assert main(["draft", str(art), str(tmp_path / "case"), "--publisher", "Tsarizm", "--published", "2018-02-13"]) == 0
    capsys.readouterr()
    assert "Tsarizm" in [r["name"] for r in _rows(tmp_path / "case" / "sources.csv")]
    # the article's own date, given here, for its report and (marked 'draft: check date') for the reports it quotes
    assert {r["published"] for r in _rows(tmp_path / "case" / "reports.csv")} == {"2018-02-13"}


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["{art}", "{out}"], "the article's date is not known"),
        (["{tmp}/no-such.txt", "{out}", "--published", "2018-02-13"], ""),
        (["{art}", "{art}", "{out}", "--publisher", "P", "--published", "2018-02-13"], "one article at a time"),
        (["{art}", "{case}", "--published", "2018-02-13"], ""),
    ],
)
def test_bad_input_is_one_sentence_and_exit_2(cases_dir, tmp_path, capsys, args, says):
    art = tmp_path / "a.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    names = {"art": art, "out": tmp_path / "out", "tmp": tmp_path, "case": cases_dir / "echo"}
    before = sorted(p.name for p in (cases_dir / "echo").iterdir())
    assert main(["draft", *[a.format(**names) for a in args]]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kit draft: ") and err.count("\n") == 1 and says in err
    assert not (tmp_path / "out").exists()
    assert sorted(p.name for p in (cases_dir / "echo").iterdir()) == before
