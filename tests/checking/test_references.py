"""kit.checking.references: every id that points nowhere, an id that is both a claim and a source, and a repeated
citation, each reported on its own line with the nearest known id; checked on small hand-written cases."""

import pytest

from kit.checking.checker import Checker
from kit.checking.references import check_references
from kit.reading import read_raw

SOURCES = "source_id,name,kind\nwire,Wire,wire\nmonitor,Monitor,monitor\n"
REPORTS = "report_id,source_id,published\nr1,wire,2018-02-13\nr2,monitor,2018-02-12\n"
CLAIMS = "claim_id,report_id,proposition,text,certainty\nk1,r1,q,a,asserted\nk2,r2,q,b,asserted\n"
CITATIONS = "claim_id,cites,relation\nk1,k2,relies_on\nk2,monitor,relies_on\n"


def _check(tmp_path, **tables):
    texts = {"sources": SOURCES, "reports": REPORTS, "claims": CLAIMS, "citations": CITATIONS} | tables
    for name, text in texts.items():
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    c = Checker(read_raw(str(tmp_path)).tables)
    check_references(c)
    return [(p.file.rpartition("/")[2], p.line, p.column, p.message) for p in c.problems]


def test_a_sound_case_has_no_problem(tmp_path):
    assert _check(tmp_path) == []


def test_each_dangling_id_is_reported_on_its_line_with_the_nearest_id(tmp_path):
    problems = _check(
        tmp_path,
        reports=REPORTS + "r3,wirre,2018-02-14\n",
        claims=CLAIMS + "k3,r9,q,c,asserted\n",
        citations=CITATIONS + "k4,k1,relies_on\nk1,nobody_at_all,relies_on\n",
    )
    assert [(f, line, col) for f, line, col, _ in problems] == [
        ("reports.csv", 4, "source_id"),
        ("claims.csv", 4, "report_id"),
        ("citations.csv", 4, "claim_id"),
        ("citations.csv", 5, "cites"),
    ]
    assert "'wirre' is not a source_id in sources.csv: did you mean 'wire'?" in problems[0][3]
    assert "'r9' is not a report_id in reports.csv" in problems[1][3]
    assert "'nobody_at_all' is not a claim_id in claims.csv nor a source_id in sources.csv" in problems[3][3]


def test_an_empty_reference_is_left_to_the_required_cell_check(tmp_path):
    # an empty cites is reported by check_values (a required cell), not again as an id that points nowhere
    assert _check(tmp_path, citations=CITATIONS + "k1,,relies_on\n") == []


def test_an_id_both_claim_and_source_names_the_source_line(tmp_path):
    problems = _check(tmp_path, claims=CLAIMS + "monitor,r1,q,c,asserted\n")
    assert problems == [
        (
            "claims.csv",
            4,
            "claim_id",
            "'monitor' is also a source_id (sources.csv line 3); sources and claims share one set of ids, so rename "
            "one of them",
        )
    ]


def test_a_repeated_citation_names_the_first_line(tmp_path):
    problems = _check(tmp_path, citations=CITATIONS + "k1,k2,disputes\nk1,k2,relies_on\n")
    assert [(line, msg) for _, line, _, msg in problems] == [
        (4, "'k1' already cites 'k2' on line 2; keep one row per pair"),
        (5, "'k1' already cites 'k2' on line 2; keep one row per pair"),
    ]


@pytest.mark.parametrize("missing", ["sources", "reports"])
def test_a_table_without_its_id_column_adds_no_noise(tmp_path, missing):
    # the missing column is reported by check_columns; no reference is checked against that table
    header = {"sources": "name,kind\nWire,wire\n", "reports": "source_id,published\nwire,2018-02-13\n"}
    assert _check(tmp_path, **{missing: header[missing]}) == []
