"""``kit audit`` (kit.cli.audit): a hidden copy (a later claim repeating an earlier one word for word, no citation)
listed, later resting on earlier; --write appends exactly the rows it lists as basis 'suspected', once; it refuses
to write where a suspected row could not be told apart, with the file untouched."""

import csv

import pytest

from kit.cli import main

TEXT = "Three houses burned down in the village of Dolna overnight, the fire brigade said"


def _case(folder, basis=True):
    folder.mkdir()
    (folder / "sources.csv").write_text("source_id,name,kind\nwire,Wire,wire\npaper,Paper,newspaper\n")
    (folder / "reports.csv").write_text(
        "report_id,source_id,published\nr1,wire,2020-05-01T10:00:00Z\nr2,paper,2020-05-02T10:00:00Z\n"
    )
    (folder / "claims.csv").write_text(
        "claim_id,report_id,proposition,text,low,high,certainty\n"
        f'k1,r1,fire,"{TEXT} on Friday",3,3,asserted\n'
        f'k2,r2,fire,"{TEXT}",3,3,asserted\n'
    )
    (folder / "citations.csv").write_text("claim_id,cites,relation" + (",basis" if basis else "") + "\n")
    return folder


def _rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_a_hidden_copy_is_listed_later_on_earlier(tmp_path, capsys):
    case = _case(tmp_path / "c")
    assert main(["audit", str(case)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[0].startswith("k2 ") and " k1 " in out[0]  # the later claim rests on the earlier
    assert out[-1].startswith("1 suspected pair (score at least 0.5)")
    assert _rows(case / "citations.csv") == []  # listing writes nothing


def test_write_appends_the_rows_listed_once(tmp_path, capsys):
    case = _case(tmp_path / "c")
    assert main(["audit", str(case), "--write"]) == 0
    assert capsys.readouterr().out.strip().endswith(f"appended 1 suspected citation to {case / 'citations.csv'}")
    assert _rows(case / "citations.csv") == [
        {"claim_id": "k2", "cites": "k1", "relation": "relies_on", "basis": "suspected"}
    ]
    assert main(["check", str(case)]) == 0  # still a valid case
    capsys.readouterr()
    assert main(["audit", str(case), "--write"]) == 0  # declared now: nothing more to suspect
    assert "no suspected dependence found" in capsys.readouterr().out
    assert len(_rows(case / "citations.csv")) == 1


def test_no_basis_column_is_refused_and_nothing_written(tmp_path, capsys):
    case = _case(tmp_path / "c", basis=False)
    before = (case / "citations.csv").read_bytes()
    assert main(["audit", str(case), "--write"]) == 1
    assert "there is no basis column" in capsys.readouterr().err
    assert (case / "citations.csv").read_bytes() == before


@pytest.mark.parametrize("score", ["2", "-0.1", "high"])
def test_a_score_outside_0_to_1_is_a_usage_error(tmp_path, capsys, score):
    case = _case(tmp_path / "c")
    with pytest.raises(SystemExit) as e:
        main(["audit", str(case), "--min-score", score])
    assert e.value.code == 2
    assert "is not a score; give a number from 0 to 1" in capsys.readouterr().err


def test_a_high_score_lists_nothing(tmp_path, capsys):
    assert main(["audit", str(_case(tmp_path / "c")), "--min-score", "1"]) == 0
    assert capsys.readouterr().out.strip() == "no suspected dependence found (score at least 1)"


def test_a_case_with_problems_is_not_audited(cases_dir, capsys):
    assert main(["audit", str(cases_dir / "bad_mixed")]) == 1
    assert "before auditing it" in capsys.readouterr().err
