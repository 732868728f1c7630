"""Loading and checking cases: kit.load_case, kit.CaseError / kit.Problem, `python -m kit check`.

Contract: docs/case-format.md; team extensions (dtypes, orders, Problem objects): docs/api-plan.md.
Every expected value below was worked out by hand from the files in tests/cases/.
"""
import dataclasses
import os
import re
import shutil

import pandas as pd
import pytest

import kit

SOURCES_COLS = ["source_id", "name", "kind", "affiliation", "country", "reliability", "confidential", "url", "notes"]
REPORTS_COLS = ["report_id", "source_id", "published", "title", "url", "archive_url", "language", "notes"]
CLAIMS_COLS = ["claim_id", "report_id", "proposition", "text", "low", "high", "subject", "measure", "certainty",
               "credibility"]
CITATIONS_COLS = ["claim_id", "cites", "relation", "evidence"]
CONTRACT_COLS = {"sources": SOURCES_COLS, "reports": REPORTS_COLS, "claims": CLAIMS_COLS,
                 "citations": CITATIONS_COLS}
TABLES = ["sources", "reports", "claims", "citations"]

UTC = pd.Timestamp  # readability: UTC("2018-02-13T00:00:00Z")


def py(values):
    """A column as plain Python values, <NA>/NaN/NaT -> None (to compare with literal lists)."""
    out = []
    for v in values:
        if v is None or (not isinstance(v, (str, tuple, list)) and pd.isna(v)):
            out.append(None)
        elif hasattr(v, "item") and not isinstance(v, pd.Timestamp):
            out.append(v.item())
        else:
            out.append(v)
    return out


def col(df, name):
    return py(df[name].tolist())


def is_string_dtype(dtype):
    return isinstance(dtype, pd.StringDtype)


def field(p, name):
    return p[name] if isinstance(p, dict) else getattr(p, name)


def where(p):
    return os.path.basename(str(field(p, "file"))), int(field(p, "line")), field(p, "column")


# --------------------------------------------------------------------------------------------- loading


def test_load_folder_as_str_and_as_path(cases_dir):
    a = kit.load_case(str(cases_dir / "one_row"))
    b = kit.load_case(cases_dir / "one_row")
    for t in TABLES:
        pd.testing.assert_frame_equal(getattr(a, t), getattr(b, t))
    assert (len(a.sources), len(a.reports), len(a.claims), len(a.citations)) == (1, 1, 1, 0)


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
    assert list(c.citations.columns)[:4] == CITATIONS_COLS
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


def test_meta_title_defaults_to_folder_name(one_row_case, empty_case, own_reporting_case):
    assert one_row_case.meta["title"] == "one_row"
    assert empty_case.meta["title"] == "empty"
    assert own_reporting_case.meta["title"] == "own_reporting"


def test_meta_from_case_toml(loop_case, echo_case):
    assert loop_case.meta["title"] == "Loops (test case)"
    assert loop_case.meta["question"] == "Did anyone see the convoy?"
    assert echo_case.meta["language"] == "en"


def test_load_via_case_toml_path(cases_dir, loop_case):
    c = kit.load_case(cases_dir / "loop" / "case.toml")
    assert c.meta["title"] == "Loops (test case)"
    for t in TABLES:
        pd.testing.assert_frame_equal(getattr(c, t), getattr(loop_case, t))


def test_load_via_xlsx(workbook_case):
    """workbook: four sheets + `case` sheet; numeric cells and empty cells read like CSV cells."""
    c = workbook_case
    assert c.meta["title"] == "Workbook case"
    assert c.meta["question"] == "How many died in the blast?"
    assert col(c.sources, "source_id") == ["ap", "witness"]
    assert col(c.sources, "reliability") == ["A", "F"]           # empty -> F
    assert col(c.sources, "confidential") == [False, True]
    assert col(c.reports, "published") == [UTC("2019-05-01T10:00:00Z"), UTC("2019-05-02T00:00:00Z")]
    assert col(c.claims, "claim_id") == ["w1", "w2"]
    assert col(c.claims, "low") == [3, 4]
    assert col(c.claims, "high") == [None, 4]
    assert col(c.claims, "credibility") == [3, 6]                # empty -> 6
    assert str(c.claims["low"].dtype) == "Int64"
    assert col(c.citations, "cites") == ["witness", "w1"]
    assert set(kit.origins(c, "w2")["source_id"]) == {"witness"}


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
    for t, name in [("sources", "source_id"), ("sources", "name"), ("reports", "report_id"),
                    ("reports", "source_id"), ("claims", "claim_id"), ("claims", "text"),
                    ("claims", "subject"), ("claims", "certainty"), ("citations", "cites"),
                    ("citations", "relation"), ("sources", "reliability")]:
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
    assert col(r, "published") == [UTC("2018-02-13T00:00:00Z"), UTC("2018-02-13T12:00:00Z"),
                                   UTC("2018-02-13T11:05:00Z"), UTC("2018-02-14T09:30:00Z")]
    assert str(r["published"].dt.tz) == "UTC"


def test_bom_and_crlf_leave_no_trace(cyrillic_case):
    c = cyrillic_case
    assert list(c.sources.columns)[0] == "source_id"
    assert list(c.claims.columns)[0] == "claim_id"
    assert list(c.citations.columns)[0] == "claim_id"
    assert list(c.reports.columns)[0] == "report_id"
    for t in TABLES:
        df = getattr(c, t)
        for name in df.columns:
            assert "\ufeff" not in name and "\r" not in name
            for v in df[name].tolist():
                assert not (isinstance(v, str) and ("\r" in v or "\ufeff" in v)), (t, name, v)
    assert col(c.citations, "relation") == ["relies_on", "corroborates", "relies_on"]   # last column, no \r


def test_cells_are_trimmed(cyrillic_case):
    c = cyrillic_case
    assert col(c.sources, "name")[0] == "Фонтанка"                    # " Фонтанка "
    assert col(c.sources, "affiliation")[2] == "ЧВК Вагнера"          # "  ЧВК Вагнера  "
    assert col(c.reports, "source_id")[0] == "fontanka"               # " fontanka "
    assert col(c.claims, "low")[0] == 5                               # " 5 "


def test_cyrillic_text_preserved(cyrillic_case):
    c = cyrillic_case
    assert col(c.sources, "name") == ["Фонтанка", "Министерство обороны РФ", "Источник, близкий к ЧВК"]
    assert col(c.sources, "affiliation")[1] == "Российское правительство"
    assert col(c.reports, "title") == ["Фонтанка: погибли россияне", "Заявление", "Источники, близкие к ЧВК",
                                       "Уточнение"]
    assert col(c.claims, "text")[0] == "Погибли россияне, сообщает «Фонтанка»"
    assert col(c.claims, "subject")[:2] == ["Граждане России", "граждане России"]
    assert c.meta["title"] == "Вагнер в Сирии"


def test_quoted_comma_and_newline(cyrillic_case):
    c = cyrillic_case
    notes = col(c.sources, "notes")[2]
    assert notes.startswith('сказал "Фонтанке"') and notes.endswith("по телефону") and "\n" in notes
    text = col(c.claims, "text")[2]
    assert text.startswith("Первая строка") and text.endswith("вторая строка") and "\n" in text
    assert col(c.claims, "claim_id") == ["c_fk", "c_mo", "c_ins", "c_late"]
    assert len(c.citations) == 3


def test_defaults_for_empty_grades_and_flags(cyrillic_case):
    c = cyrillic_case
    assert col(c.sources, "reliability") == ["B", "F", "E"]           # "b" upper-cased, empty -> F
    assert col(c.sources, "confidential") == [True, False, False]     # "Yes", "0", empty
    assert col(c.claims, "credibility") == [6, 2, 5, 3]               # empty -> 6
    assert str(c.claims["credibility"].dtype) == "Int64"


def test_enums_are_case_insensitive_and_lower_cased(cyrillic_case, drift_case):
    c = cyrillic_case
    assert col(c.sources, "kind") == ["online", "official", "anonymous"]       # "Online", "Anonymous"
    assert col(c.claims, "measure") == ["killed", "killed", "casualties", "killed"]   # "Killed"
    assert col(c.claims, "certainty") == ["alleged", "denied", "rumoured", "asserted"]  # "Alleged"
    assert col(c.citations, "relation") == ["relies_on", "corroborates", "relies_on"]   # "Relies_On"
    d = drift_case.claims.set_index("claim_id")
    assert d.loc["k9", "certainty"] == "asserted"                     # "Asserted"
    assert d.loc["k3", "measure"] == "killed"                         # "Killed"
    assert d.loc["k3", "subject"] == "Russian  Citizens"              # free text is not normalised


def test_case_is_frozen(one_row_case):
    with pytest.raises(dataclasses.FrozenInstanceError):
        one_row_case.claims = one_row_case.claims.iloc[:0]


def test_loaded_frames_are_not_shared(cases_dir):
    """Mutating one load's frames does not affect another load of the same case."""
    a = kit.load_case(cases_dir / "echo")
    b = kit.load_case(cases_dir / "echo")
    a.claims.loc[0, "text"] = "CHANGED"
    a.sources.loc[0, "name"] = "CHANGED"
    a.citations.loc[:, "relation"] = "disputes"
    a.meta["title"] = "CHANGED"
    c = kit.load_case(cases_dir / "echo")
    for other in (b, c):
        assert other.claims.loc[0, "text"] == "Twelve killed, an official said"
        assert other.sources.loc[0, "name"] == "Official (unnamed)"
        assert len(other.citations) == 10
        assert list(other.citations["relation"]).count("relies_on") == 7
        assert other.meta["title"] == "Echo (test case)"


ANALYSES = {
    "citation_graph": lambda c: kit.citation_graph(c),
    "outlet_graph": lambda c: kit.outlet_graph(c),
    "origins": lambda c: [kit.origins(c, x) for x in c.claims["claim_id"]],
    "independence": lambda c: [kit.independence(c, p) for p in c.claims["proposition"].unique()],
    "provenance": lambda c: kit.provenance(c),
    "circular": lambda c: kit.circular(c),
    "drift": lambda c: [kit.drift(c, p) for p in c.claims["proposition"].unique()],
    "without": lambda c: [kit.without(c, s) for s in c.sources["source_id"]],
    "timeline": lambda c: [kit.timeline(c, p) for p in c.claims["proposition"].unique()],
}


@pytest.mark.parametrize("name", sorted(ANALYSES))
@pytest.mark.parametrize("case_name", ["loop_case", "echo_case", "drift_case", "cyrillic_case"])
def test_analyses_do_not_modify_the_case(name, case_name, request):
    case = request.getfixturevalue(case_name)
    before = {t: getattr(case, t).copy(deep=True) for t in TABLES}
    meta_before = dict(case.meta)
    n_warnings = len(case.warnings)
    ANALYSES[name](case)
    for t in TABLES:
        pd.testing.assert_frame_equal(getattr(case, t), before[t])
    assert case.meta == meta_before
    assert len(case.warnings) == n_warnings


# --------------------------------------------------------------------------------------------- warnings


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
    assert not {4, 5, 6, 7, 8, 9} & set(lines), lines   # 4 cites a source; 5, 9 cite earlier claims
    assert {2, 3} <= set(lines)        # ring_m (r2) -> ring_k (r3), ring_k (r3) -> ring_b (r4)


# --------------------------------------------------------------------------------------------- errors

BAD_EXPECTED = {
    # what: acceptable (basename, line, column) triples
    "bad slug 'Kyiv Post'": {("sources.csv", 3, "source_id")},
    "kind 'anonymus'": {("sources.csv", 4, "kind")},
    "date '13/02/2018'": {("reports.csv", 3, "published")},
    "low > high": {("claims.csv", 4, "low"), ("claims.csv", 4, "high")},
    "duplicate claim id k1": {("claims.csv", 5, "claim_id")},
    "dangling report_id r9": {("claims.csv", 6, "report_id")},
    "'dozens' in low": {("claims.csv", 7, "low")},
    "k_clash is a source and a claim": {("claims.csv", 8, "claim_id"), ("sources.csv", 5, "source_id")},
}


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


LINE_RE = re.compile(r"^(?P<file>[^:\s][^:]*):(?P<line>\d+): (?P<column>[A-Za-z_][A-Za-z0-9_]*): (?P<message>\S.*)$")


def test_check_cli_on_bad_case(run_kit, cases_dir):
    p = run_kit("check", cases_dir / "bad_mixed")
    out = p.stdout + p.stderr
    assert p.returncode == 1, out
    assert "Traceback" not in out
    lines = [ln for ln in p.stdout.splitlines() if ln.strip()]  # stdout: only the problems
    assert lines
    for ln in lines:
        assert LINE_RE.match(ln), ln
    assert "8 problems found" in p.stderr  # the count goes to stderr
    for what, places in BAD_EXPECTED.items():
        assert any(f"{f}:{n}: {c}: " in out for f, n, c in places), (what, out)


def test_missing_file_is_a_whole_file_problem(tmp_path, cases_dir):
    bad = tmp_path / "nocit"
    shutil.copytree(cases_dir / "one_row", bad)
    (bad / "citations.csv").unlink()
    with pytest.raises(kit.CaseError) as e:
        kit.load_case(bad)
    whole = [p for p in e.value.problems if os.path.basename(str(field(p, "file"))) == "citations.csv"]
    assert whole and int(field(whole[0], "line")) == 0 and field(whole[0], "column") is None
    assert str(whole[0]) == f"{field(whole[0], 'file')}: {field(whole[0], 'message')}"


def test_semicolon_file_is_named_not_guessed(tmp_path, cases_dir):
    bad = tmp_path / "semi"
    shutil.copytree(cases_dir / "one_row", bad)
    (bad / "sources.csv").write_text(
        "source_id;name;kind;affiliation;country;reliability;confidential;url;notes\n"
        "solo;Solo Gazette;newspaper;;GB;C;false;;\n", encoding="utf-8")
    with pytest.raises(kit.CaseError) as e:
        kit.load_case(bad)
    whole = [p for p in e.value.problems if where(p)[:2] == ("sources.csv", 0)]
    assert whole, [str(p) for p in e.value.problems]
    assert "semicolon" in field(whole[0], "message").lower()


def test_windows_1252_file_is_named_not_guessed(tmp_path, cases_dir):
    bad = tmp_path / "cp1252"
    shutil.copytree(cases_dir / "one_row", bad)
    (bad / "sources.csv").write_bytes(
        "source_id,name,kind,affiliation,country,reliability,confidential,url,notes\n"
        "solo,Café Gazette,newspaper,,GB,C,false,,\n".encode("cp1252"))
    with pytest.raises(kit.CaseError) as e:
        kit.load_case(bad)
    whole = [p for p in e.value.problems if where(p)[:2] == ("sources.csv", 0)]
    assert whole, [str(p) for p in e.value.problems]
    msg = field(whole[0], "message").lower()
    assert "1252" in msg or "latin" in msg, msg


def test_workbook_problem_names_the_sheet(tmp_path, cases_dir):
    """api-plan: a workbook problem's file is `book.xlsx#claims`; the line is the sheet row (header = 1)."""
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(cases_dir / "workbook.xlsx")
    assert wb["claims"]["B3"].value == "r2"
    wb["claims"]["B3"] = "r_missing"
    book = tmp_path / "book.xlsx"
    wb.save(book)
    with pytest.raises(kit.CaseError) as e:
        kit.load_case(book)
    hits = [p for p in e.value.problems if str(field(p, "file")).endswith("book.xlsx#claims")]
    assert [(int(field(p, "line")), field(p, "column")) for p in hits] == [(3, "report_id")], \
        [str(p) for p in e.value.problems]


# --------------------------------------------------------------------------------------------- check CLI


@pytest.mark.parametrize("target", ["empty", "one_row", "echo", "own_reporting", "drift", "disputes",
                                    "workbook.xlsx"])
def test_check_cli_good_case_prints_one_line_summary(run_kit, cases_dir, target):
    p = run_kit("check", cases_dir / target)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "Traceback" not in p.stdout + p.stderr
    assert len(p.stdout.strip().splitlines()) == 1, p.stdout


WARN_RE = re.compile(r"^(?P<file>[^:\s][^:]*):(?P<line>\d+): (?P<column>[A-Za-z_][A-Za-z0-9_]*): warning: \S.*$")


def test_check_cli_prints_warnings_and_exits_0(run_kit, cases_dir):
    p = run_kit("check", cases_dir / "warnings")
    out = p.stdout + p.stderr
    assert p.returncode == 0, out
    assert "Traceback" not in out
    warn = [ln for ln in out.splitlines() if WARN_RE.match(ln)]
    assert len(warn) == 2, out
    assert any("sources.csv:1: twitter_handle: warning: " in ln for ln in warn), warn
    assert any("citations.csv:2: " in ln for ln in warn), warn
    stdout_lines = [ln for ln in p.stdout.splitlines() if ln.strip()]
    assert stdout_lines and not WARN_RE.match(stdout_lines[-1])      # the summary comes last
    non_warn = [ln for ln in stdout_lines if not WARN_RE.match(ln)]
    assert len(non_warn) == 1, p.stdout


def test_check_cli_cyrillic_case(run_kit, cases_dir):
    p = run_kit("check", cases_dir / "cyrillic_bom_crlf")
    out = p.stdout + p.stderr
    assert p.returncode == 0, out
    assert any(WARN_RE.match(ln) and "citations.csv:4: " in ln for ln in out.splitlines()), out


# --------------------------------------------------------------------------------------------- save_case


@pytest.mark.parametrize("case_name", ["cyrillic_case", "drift_case", "workbook_case", "empty_case",
                                       "warnings_case"])
def test_save_case_round_trip(tmp_path, case_name, request):
    case = request.getfixturevalue(case_name)
    out = tmp_path / "saved"
    kit.save_case(case, out)
    again = kit.load_case(out)
    for t in TABLES:
        pd.testing.assert_frame_equal(getattr(again, t), getattr(case, t))
