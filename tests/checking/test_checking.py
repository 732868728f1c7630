"""kit.checking: typed frames from raw tables, every problem at once (file, physical line, column), warnings,
and the rules of case.toml's publishing settings and of story.csv.

Contract: docs/case-format.md; team extensions (dtypes, orders, Problem objects): docs/api-plan.md.
Every expected value below was worked out by hand from the files in tests/cases/.
"""

import os

import pandas as pd
import pytest

import kit
from _tables import (
    BAD_EXPECTED,
    CITATIONS_COLS,
    CLAIMS_COLS,
    CONTRACT_COLS,
    SOURCES_COLS,
    TABLES,
    UTC,
    col,
    field,
    is_string_dtype,
    where,
)
from kit.checking.meta import check_meta
from kit.checking.story_rows import check_story
from kit.reading import read_csv_table


def test_one_row_values(one_row_case):
    c = one_row_case
    assert col(c.sources, "source_id") == ["solo"]
    assert col(c.sources, "name") == ["Solo Gazette"]
    assert col(c.sources, "affiliation") == [None]
    assert col(c.reports, "published") == [UTC("2024-01-15T08:30:00Z")]
    row = c.claims.iloc[0]
    assert (row["claim_id"], row["report_id"], row["proposition"]) == ("c1", "r1", "only_question")
    assert (int(row["low"]), int(row["high"]), int(row["credibility"])) == (7, 7, 2)
    assert (row["subject"], row["measure"], row["certainty"]) == ("residents", "present", "asserted")
    assert list(c.citations.columns)[:5] == CITATIONS_COLS
    assert c.warnings == []


def test_empty_case_loads(empty_case):
    """empty: header-only tables load as empty, typed frames."""
    c = empty_case
    for t in TABLES:
        df = getattr(c, t)
        assert len(df) == 0
        assert set(CONTRACT_COLS[t]) - {"url", "archive_url", "language", "notes", "title"} <= set(df.columns)
    assert isinstance(c.reports["published"].dtype, pd.DatetimeTZDtype)
    assert c.warnings == []


def test_column_order_is_contract_order(drift_case, cyrillic_case, workbook_case):
    """Columns come in contract order (the contract columns a table has keep the contract's relative order)."""
    for c in (drift_case, cyrillic_case, workbook_case):
        for t in TABLES:
            cols = list(getattr(c, t).columns)
            present = [x for x in cols if x in CONTRACT_COLS[t]]
            assert present == [x for x in CONTRACT_COLS[t] if x in present], (t, cols)
            assert cols[: len(present)] == present, (t, cols)
    assert list(drift_case.claims.columns) == CLAIMS_COLS
    assert list(drift_case.sources.columns) == SOURCES_COLS
    assert list(drift_case.citations.columns) == CITATIONS_COLS


def test_dtypes(drift_case):
    c = drift_case
    for t, name in [
        ("sources", "source_id"),
        ("sources", "name"),
        ("reports", "report_id"),
        ("reports", "source_id"),
        ("claims", "claim_id"),
        ("claims", "text"),
        ("claims", "subject"),
        ("claims", "certainty"),
        ("citations", "cites"),
        ("citations", "relation"),
        ("sources", "reliability"),
    ]:
        assert is_string_dtype(getattr(c, t)[name].dtype), (t, name, getattr(c, t)[name].dtype)
    pub = c.reports["published"].dtype
    assert isinstance(pub, pd.DatetimeTZDtype) and str(pub.tz) == "UTC"
    assert str(c.claims["low"].dtype) == "Int64"
    assert str(c.claims["high"].dtype) == "Int64"
    assert str(c.claims["credibility"].dtype) == "Int64"
    assert pd.api.types.is_bool_dtype(c.sources["confidential"].dtype)
    assert not c.sources["confidential"].isna().any()


def test_published_dtype_is_ns_utc(drift_case):
    """api-plan: `published` datetime64[ns, UTC]."""
    assert str(drift_case.reports["published"].dtype) == "datetime64[ns, UTC]"


def test_empty_optional_cells_are_NA(echo_case, drift_case):
    e = echo_case.claims.set_index("claim_id")
    assert e.loc["e_x", "low"] is pd.NA and e.loc["e_x", "subject"] is pd.NA
    assert echo_case.sources.set_index("source_id").loc["anon", "affiliation"] is pd.NA
    assert drift_case.citations["evidence"].isna().tolist() == [False, False, False] + [True] * 9


def test_low_is_float64_when_not_whole(cyrillic_case):
    c = cyrillic_case
    assert str(c.claims["low"].dtype) == "Float64"
    assert col(c.claims, "low") == [5.0, 0.0, 2.5, 5.0]
    assert str(c.claims["high"].dtype) == "Int64"
    assert col(c.claims, "high") == [5, 0, 10, 5]


def test_dates_in_every_allowed_form(cyrillic_case):
    """`2018-02-13` -> 00:00 UTC; `...Z`; `+03:00` converted (14:05+03 = 11:05 UTC); no zone = UTC."""
    r = cyrillic_case.reports
    assert col(r, "report_id") == ["r_fk", "r_mo", "r_ins", "r_late"]
    assert col(r, "published") == [
        UTC("2018-02-13T00:00:00Z"),
        UTC("2018-02-13T12:00:00Z"),
        UTC("2018-02-13T11:05:00Z"),
        UTC("2018-02-14T09:30:00Z"),
    ]
    assert str(r["published"].dt.tz) == "UTC"


def test_defaults_for_empty_grades_and_flags(cyrillic_case):
    c = cyrillic_case
    assert col(c.sources, "reliability") == ["B", "F", "E"]  # "b" upper-cased, empty -> F
    assert col(c.sources, "confidential") == [True, False, False]  # "Yes", "0", empty
    assert col(c.claims, "credibility") == [6, 2, 5, 3]  # empty -> 6
    assert str(c.claims["credibility"].dtype) == "Int64"


def test_enums_are_case_insensitive_and_lower_cased(cyrillic_case, drift_case):
    c = cyrillic_case
    assert col(c.sources, "kind") == ["online", "official", "anonymous"]  # "Online", "Anonymous"
    assert col(c.claims, "measure") == ["killed", "killed", "casualties", "killed"]  # "Killed"
    assert col(c.claims, "certainty") == ["alleged", "denied", "rumoured", "asserted"]  # "Alleged"
    assert col(c.citations, "relation") == ["relies_on", "corroborates", "relies_on"]  # "Relies_On"
    d = drift_case.claims.set_index("claim_id")
    assert d.loc["k9", "certainty"] == "asserted"  # "Asserted"
    assert d.loc["k3", "measure"] == "killed"  # "Killed"
    assert d.loc["k3", "subject"] == "Russian  Citizens"  # free text is not normalised


def test_warnings_are_returned_not_raised(warnings_case):
    w = warnings_case.warnings
    assert len(w) == 2, [str(p) for p in w]
    assert all(field(p, "severity") == "warning" for p in w)
    by_file = {os.path.basename(str(field(p, "file"))): p for p in w}
    assert set(by_file) == {"sources.csv", "citations.csv"}
    extra = by_file["sources.csv"]
    assert (int(field(extra, "line")), field(extra, "column")) == (1, "twitter_handle")
    later = by_file["citations.csv"]
    assert int(field(later, "line")) == 2 and field(later, "column") in ("cites", "claim_id")
    for p in w:
        s = str(p)
        assert s == f"{field(p, 'file')}:{field(p, 'line')}: {field(p, 'column')}: warning: {field(p, 'message')}"
    # the case still loads in full
    assert len(warnings_case.claims) == 2 and len(warnings_case.citations) == 1


def test_unknown_extra_column_is_kept_as_string(warnings_case):
    s = warnings_case.sources
    assert list(s.columns) == SOURCES_COLS + ["twitter_handle"]
    assert is_string_dtype(s["twitter_handle"].dtype)
    assert col(s, "twitter_handle") == ["@wire", None]


def test_later_citation_warning_has_physical_line(cyrillic_case):
    """citations.csv: the first record spans lines 2-3 (quoted newline), so c_ins -> c_late is on line 4."""
    w = cyrillic_case.warnings
    assert [where(p)[:2] for p in w] == [("citations.csv", 4)], [str(p) for p in w]
    assert field(w[0], "severity") == "warning"


def test_citing_an_equal_time_claim_is_no_warning(loop_case, drift_case):
    """dead_x <-> dead_y share a report (same time); k3 cites k_other of its own report: not 'later'."""
    assert drift_case.warnings == []
    lines = sorted(where(p)[1] for p in loop_case.warnings if where(p)[0] == "citations.csv")
    assert not {4, 5, 6, 7, 8, 9} & set(lines), lines  # 4 cites a source; 5, 9 cite earlier claims
    assert {2, 3} <= set(lines)  # ring_m (r2) -> ring_k (r3), ring_k (r3) -> ring_b (r4)


@pytest.fixture
def bad_problems(cases_dir):
    with pytest.raises(kit.CaseError) as e:
        kit.load_case(cases_dir / "bad_mixed")
    return e.value


def test_case_error_is_a_value_error(bad_problems):
    assert isinstance(bad_problems, ValueError)
    assert all(field(p, "severity") == "error" for p in bad_problems.problems)


@pytest.mark.parametrize("what", sorted(BAD_EXPECTED))
def test_bad_mixed_reports_every_problem(bad_problems, what):
    """bad_mixed: eight different problems at once; each is reported with file, physical line, column.
    claims.csv's first record spans lines 2-3 (quoted newline), so later records are one line further."""
    found = [where(p) for p in bad_problems.problems]
    assert BAD_EXPECTED[what] & set(found), (what, [str(p) for p in bad_problems.problems])


def _message_at(err, *places):
    msgs = [field(p, "message") for p in err.problems if where(p) in places]
    assert msgs, [str(p) for p in err.problems]
    return " ".join(msgs)


def test_bad_mixed_messages_are_helpful(bad_problems):
    assert "anonymous" in _message_at(bad_problems, ("sources.csv", 4, "kind"))
    assert "2018-02-13" in _message_at(bad_problems, ("reports.csv", 3, "published"))
    assert "text" in _message_at(bad_problems, ("claims.csv", 7, "low")).lower()
    assert "r9" in _message_at(bad_problems, ("claims.csv", 6, "report_id"))
    assert "k1" in _message_at(bad_problems, ("claims.csv", 5, "claim_id"))
    assert "k_clash" in _message_at(bad_problems, ("claims.csv", 8, "claim_id"), ("sources.csv", 5, "source_id"))


def test_problem_str_format(bad_problems):
    for p in bad_problems.problems:
        if int(field(p, "line")) > 0:
            assert str(p) == f"{field(p, 'file')}:{field(p, 'line')}: {field(p, 'column')}: {field(p, 'message')}"
        else:
            assert str(p) == f"{field(p, 'file')}: {field(p, 'message')}"


# ----------------------------------------------------------------------------------- case.toml's publishing settings


@pytest.fixture
def hostile(cases_dir):
    return kit.load_case(cases_dir / "hostile")


@pytest.mark.parametrize(
    "meta, where_, message",
    [
        # the rules kit.formats.export.claim_reviews and kit.publish.choose_proposition apply, word for word where
        # they overlap
        ({"verdicts": {"plant_fire_dead": {"claim_id": "k-wire"}}}, "verdicts.plant_fire_dead.rating", "has no rating"),
        (
            {"verdicts": {"plant_fire_dead": {"rating": "False", "claim_id": "nope"}}},
            "verdicts.plant_fire_dead.claim_id",
            "not a claim",
        ),
        (
            {"verdicts": {"plant_fire_dead": {"rating": "False", "claim_id": "k-tabloid-denial"}}},
            "verdicts.plant_fire_dead.claim_id",
            "is about",
        ),
        ({"verdicts": {"plant_fire_dead": "False"}}, "verdicts.plant_fire_dead", "must be a table"),
        ({"verdicts": "False"}, "verdicts", "must be tables"),
        ({"proposition": "nope"}, "proposition", "no claim has it"),
        ({"proposition": 3}, "proposition", "must be text"),
    ],
)
def test_each_publishing_rule_is_a_problem(hostile, meta, where_, message):
    errors, warnings = check_meta(meta, hostile.claims)
    assert [p.column for p in errors] == [where_], [str(p) for p in errors]
    assert message in errors[0].message and warnings == []
    assert errors[0].line == 0 and errors[0].file == "case.toml"  # no lines given: the whole file


def test_publishing_rules_suggest_the_nearest_name(hostile):
    errors, _ = check_meta(
        {"proposition": "plant_fire", "verdicts": {"plant_fire_dead": {"rating": "False", "claim_id": "k-tabloid-5"}}},
        hostile.claims,
    )
    assert "did you mean 'plant_fire_dead'?" in errors[0].message
    assert "did you mean 'k-tabloid-50'?" in errors[1].message


def test_publishing_rules_on_raw_cells_are_the_rules_on_typed_claims(hostile, cases_dir):
    raw = kit.reading.read_raw(cases_dir / "hostile")
    meta = {
        "proposition": "plant_fir",
        "verdicts": {"plant_fire_dead": {"rating": "F", "claim_id": "k-tabloid-denial"}},
    }
    assert check_meta(meta, raw.tables["claims"].cells) == check_meta(meta, hostile.claims)
    assert len(check_meta(meta, hostile.claims)[0]) == 2


def test_publishing_rules_without_claims_check_only_the_kinds_of_values():
    errors, _ = check_meta({"proposition": "anything", "verdicts": {"p": {"rating": 1, "claim_id": "k"}}})
    assert [p.column for p in errors] == ["verdicts.p.rating"]


def test_the_valid_verdicts_of_the_hostile_case_pass(hostile):
    assert check_meta(hostile.meta, hostile.claims) == ([], [])


# --------------------------------------------------------------------------------------------- story.csv


STORY = 'step,date,title,text\n2,2022-06-02T10:00:00Z,Mid-morning,"Two outlets, one source"\n1,2022-06-01,First,\n'


@pytest.mark.parametrize("fast", [True, False])
def test_story_fast_and_exact_reads_check_the_same(tmp_path, fast):
    f = tmp_path / "story.csv"
    f.write_text(STORY, encoding="utf-8")
    story, problems, warnings = check_story(read_csv_table(str(f), "story", [], fast=fast))
    assert problems == warnings == []
    assert list(story["step"]) == [1, 2] and list(story["title"]) == ["First", "Mid-morning"]
    assert story["upto"].tolist() == [UTC("2022-06-01T23:59:59.999999Z"), UTC("2022-06-02T10:00:00Z")]
    assert str(story["date"].dtype) == "datetime64[ns, UTC]" and str(story["text"].dtype) == "string"


@pytest.mark.parametrize(
    "step, message",
    [
        ("\u00b2", "'\u00b2' is not a step number; number the steps 1, 2, 3, ... (with the digits 0 to 9)"),
        ("\u0663", "'\u0663' is not a step number; number the steps 1, 2, 3, ... (with the digits 0 to 9)"),
        ("9" * 5000, "'99999999999999999999...' is too large a step number; number the steps 1, 2, 3, ..."),
        ("-1", "'-1' is not a step number; number the steps 1, 2, 3, ..."),
        ("0", "'0' is not a step number; number the steps 1, 2, 3, ..."),
    ],
)
def test_hostile_step_numbers_are_problems(tmp_path, step, message):
    f = tmp_path / "story.csv"
    f.write_text(f"step,date,title,text\n{step},2022-06-01,First,\n", encoding="utf-8")
    story, problems, _ = check_story(read_csv_table(str(f), "story", []))
    assert story is None and [(p.line, p.column, p.message) for p in problems] == [(2, "step", message)]


# --- hostile input (issue 14) -------------------------------------------------------------------------------------

BAD = os.path.join(os.path.dirname(__file__), "..", "bad_cases")


def test_a_figure_of_2_53_is_kept_exactly_as_a_whole_number():
    claims = kit.load_case(os.path.join(BAD, "figure_2_53_is_fine")).claims.set_index("claim_id")
    assert str(claims["low"].dtype) == "Int64"
    assert int(claims.loc["k_reut", "low"]) == 2**53 == int(claims.loc["k_reut", "high"])


@pytest.mark.parametrize(
    "name", ["figure_digits_of_other_scripts", "figure_past_2_53", "figure_5000_digits", "date_arabic_indic_digits"]
)
def test_check_and_load_judge_other_digits_and_huge_figures_alike(name):
    """kit check and load_case give the same problems: nothing passes one and loads as empty in the other."""
    case, problems, _ = kit.check_case(os.path.join(BAD, name))
    assert case is None and problems
    with pytest.raises(kit.CaseError) as e:
        kit.load_case(os.path.join(BAD, name))
    assert e.value.problems == problems


def test_a_long_bad_value_is_quoted_cut_with_its_length():
    _, problems, _ = kit.check_case(os.path.join(BAD, "long_bad_value_is_cut"))
    assert len(problems) == 1 and len(problems[0].message) < 400
    assert "... (119,999 characters)" in problems[0].message


def test_story_claims_may_name_another_question_but_not_a_claim_that_is_not_there(tmp_path):
    """k_mod_deny is about servicemen_involved, not the story's question: allowed. k_tass is in no table."""
    _, problems, _ = kit.check_case(os.path.join(BAD, "story_csv_claims_unknown"), story=True)
    assert [(p.line, p.column, p.message.split(";")[0].split(":")[0]) for p in problems] == [
        (3, "claims", "'k_fnt' is not a claim_id in claims.csv"),
        (4, "claims", "'k_tass' is not a claim_id in claims.csv"),
    ]
    assert "did you mean 'k_font'?" in problems[0].message


def test_load_story_judges_the_claims_column_as_kit_check_does(tmp_path):
    """load_story (the stepper's and the page's reader) refuses the ids kit check refuses."""
    import shutil

    from kit.text.story import load_story

    folder = tmp_path / "case"
    shutil.copytree(os.path.join(BAD, "story_csv_claims_unknown"), folder)
    with pytest.raises(kit.CaseError) as e:
        load_story(kit.load_case(folder))
    assert [(p.line, p.column) for p in e.value.problems] == [(3, "claims"), (4, "claims")]
