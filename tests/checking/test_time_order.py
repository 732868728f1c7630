"""kit.checking.time_order: a warning for a citation of a claim published certainly later than the citing claim, and
none where an uncertain date leaves room; hand-worked on small cases."""

import pytest

from kit.checking import check_tables
from kit.checking.checker import Checker
from kit.checking.time_order import check_time_order
from kit.reading import read_raw

SOURCES = "source_id,name,kind\nwire,Wire,wire\nblog,Blog,individual\n"
CLAIMS = "claim_id,report_id,proposition,text,certainty\nciting,r1,q,a,asserted\ncited,r2,q,b,asserted\n"
CITATIONS = "claim_id,cites,relation\nciting,cited,relies_on\nciting,blog,relies_on\n"


def _warnings(tmp_path, citing_published, cited_published):
    reports = f"report_id,source_id,published\nr1,wire,{citing_published}\nr2,blog,{cited_published}\n"
    texts = {"sources": SOURCES, "reports": reports, "claims": CLAIMS, "citations": CITATIONS}
    for name, text in texts.items():
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    raw = read_raw(str(tmp_path)).tables
    frames, problems, _ = check_tables(raw)
    assert problems == []
    c = Checker(raw)
    c.ids("claims", "claim_id")  # the ids encoded, as check_tables has them by the time it runs this check
    check_time_order(c, frames)
    return c.warnings


@pytest.mark.parametrize(
    ("citing", "cited", "warned"),
    [
        ("2020-05-01T10:00:00Z", "2020-05-02T10:00:00Z", True),  # a day later
        ("2020-05-01T10:00:00Z", "2020-05-01T10:00:01Z", True),  # a second later
        ("2020-05-02T10:00:00Z", "2020-05-01T10:00:00Z", False),  # earlier
        ("2020-05-01T10:00:00Z", "2020-05-01T10:00:00Z", False),  # the same moment
        ("2020-05-01T12:00:00+03:00", "2020-05-01T10:00:00Z", True),  # 09:00 UTC cites 10:00 UTC
        ("2020-05", "2020-05-20", False),  # the citing report may be from any day of May
        ("2020-05", "2020-06-01", True),  # certainly after the end of May
        ("2020", "2020-12-31", False),
        ("2020-05-01", "2020-05", False),  # the cited claim may be from May 1st
        ("2020-05-01/2020-05-10", "2020-05-11", True),
    ],
)
def test_only_a_certainly_later_claim_is_warned_about(tmp_path, citing, cited, warned):
    warnings = _warnings(tmp_path, citing, cited)
    assert len(warnings) == int(warned)
    for w in warnings:
        # the citation row of the claim (line 2), never the one citing a source (line 3)
        assert (w.file.rpartition("/")[2], w.line, w.column, w.severity) == ("citations.csv", 2, "cites", "warning")
        assert w.message.startswith("'citing' (") and "cites 'cited', published later" in w.message


def test_the_warning_gives_both_moments_in_utc(tmp_path):
    [w] = _warnings(tmp_path, "2020-05-01T12:00:00+03:00", "2020-05-01T10:00:00Z")
    assert "'citing' (2020-05-01 09:00) cites 'cited', published later (2020-05-01 10:00)" in w.message
