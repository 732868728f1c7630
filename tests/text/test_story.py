"""kit.text.story: the optional story.csv beside a case, and the automatic story (one step per publication day).

Expected values are worked out by hand from the files under data/deir-ez-zor/ and tests/cases/.
"""

import pathlib
import shutil

import pandas as pd
import pytest

import kit
from conftest import DEIR, ROOT, SEED
from kit.text.story import auto_story, claims_by, load_story, read_story, story_path


def test_deir_story_is_read_from_its_story_csv(deir_case):
    story = load_story(deir_case, "russians_killed_feb7")
    assert list(story.columns) == ["step", "date", "upto", "title", "text", "claims"]  # claims: the ids each step adds
    assert list(story["step"]) == [1, 2, 3, 4, 5, 6, 7, 8]  # the article's order, one row per step
    assert [d.strftime("%Y-%m-%d") for d in story["date"]] == ["2018-02-12"] * 4 + ["2018-02-13"] * 4
    assert story["upto"].iloc[0] == pd.Timestamp("2018-02-12T23:59:59.999999Z")
    assert story["title"].iloc[0] == "12 February: Reuters, “at least two”"
    assert story["title"].iloc[-1] == "Mercenaries, contractors and aftermath: a December report"
    assert str(story["date"].dtype) == "datetime64[ns, UTC]"


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is not beside the clone")
def test_deir_story_text_is_quoted_verbatim_from_the_seed_article(deir_case):
    article = SEED.read_text(encoding="utf-8")
    for text in load_story(deir_case)["text"]:
        for passage in text.split(" [...] "):
            assert passage in article, passage


def test_claims_by_each_step_of_the_deir_story(deir_case):
    story = load_story(deir_case)
    seen = [claims_by(deir_case, t, "russians_killed_feb7") for t in story["upto"]]
    # by the end of 12 February: what may date from 7 February (rumours, posts, hearsay, Buga), then AFP and Reuters
    assert (
        seen[0]
        == seen[1]
        == seen[2]
        == seen[3]
        == [
            "facebook-casualties",
            "moscow-times-reported",
            "other-media-dozens-or-hundreds",
            "other-media-several-killed",
            "reuters-buga-dozens",
            "communities-heard-dozens",  # 7-28 February: then by latest date (13 before 28 February), then id
            "media-confirmed-coalition",
            "media-confirmed-facebook",
            "reuters-two-killed",  # 12 February exactly, before AFP's 12 or 13 February (published_latest)
            "afp-cit-three-more",
        ]
    )
    assert (
        seen[4]
        == seen[5]
        == seen[6]
        == seen[7]
        == seen[0]
        + [
            "bloomberg-more-than-200",
            "daily-beast-200-contract-killers",
            "daily-beast-200-russian-fighters",
            "tsarizm-questions-200",
            "tsarizm-up-to-200",
        ]
    )


def test_auto_story_is_one_step_per_publication_day(echo_case):
    story = load_story(echo_case, "strike_deaths")  # the echo fixture has no story.csv
    assert story_path(echo_case).endswith("story.csv")
    assert list(story["step"]) == [1, 2, 3, 4]
    assert [d.strftime("%Y-%m-%d") for d in story["date"]] == ["2022-06-01", "2022-06-02", "2022-06-03", "2022-06-04"]
    assert story["title"].iloc[0] == "01 Jun 2022: Outlet One, Outlet Two (2 new claims)"
    assert story["title"].iloc[3] == "04 Jun 2022: Outlet One (1 new claim)"
    assert story["text"].iloc[3] == "Outlet One: at least 10, asserted: “The aggregator says at least ten”"
    assert claims_by(echo_case, story["upto"].iloc[2], "strike_deaths") == [
        "e_one",
        "e_two",
        "e_echo",
        "e_direct",
        "e_indep",
    ]


def test_auto_story_of_a_whole_case_and_of_an_empty_case(echo_case, empty_case):
    assert len(auto_story(echo_case)) == 4  # expert_view claims fall on days already in the story
    empty = auto_story(empty_case)
    assert len(empty) == 0 and list(empty.columns) == ["step", "date", "upto", "title", "text"]


def test_auto_story_unknown_proposition(echo_case):
    with pytest.raises(KeyError, match="strike_deaths"):
        auto_story(echo_case, "strike_death")


def _case_with_story(tmp_path, text, encoding="utf-8"):
    folder = tmp_path / "echo"
    shutil.copytree(pathlib.Path(__file__).resolve().parents[1] / "cases" / "echo", folder)
    (folder / "story.csv").write_bytes(text.encode(encoding))
    return kit.load_case(folder), folder / "story.csv"


def test_a_story_csv_beside_any_case_is_used(tmp_path):
    case, _ = _case_with_story(tmp_path, "step,date,title,text\n1,2022-06-02T10:00:00Z,Mid-morning,Two outlets\n")
    story = load_story(case, "strike_deaths")
    assert list(story["title"]) == ["Mid-morning"]
    assert story["upto"].iloc[0] == pd.Timestamp("2022-06-02T10:00:00Z")  # a date-time is its own moment
    assert claims_by(case, story["upto"].iloc[0], "strike_deaths") == ["e_one", "e_two", "e_echo"]


def test_every_problem_of_a_bad_story_csv_is_reported(tmp_path):
    case, file = _case_with_story(
        tmp_path,
        (
            "step,date,title,text,colour\n"
            "1,2022-06-02,First,,red\n"
            "x,2022-06-31,,text,\n"
            "1,,Again,text,\n"
            "3,2022-06-01,Earlier,text,\n"
        ),
    )
    with pytest.raises(kit.CaseError) as err:
        load_story(case)
    got = [str(p).replace(str(file), "story.csv") for p in err.value.problems]
    assert got == [
        "story.csv:3: step: 'x' is not a step number; number the steps 1, 2, 3, ...",
        "story.csv:3: date: '2022-06-31' is not a real date: June 2022 has 30 days; "
        "check the day (dates are YYYY-MM-DD)",
        "story.csv:3: title: the title is empty; give the step a short title",
        "story.csv:4: step: step 1 is used twice (also on line 2); number the steps 1, 2, 3, ...",
        "story.csv:4: date: the date is empty; write it as YYYY-MM-DD, e.g. 2018-02-13",
    ]
    assert [str(w).replace(str(file), "story.csv") for w in err.value.warnings] == [
        "story.csv:1: colour: warning: unknown column 'colour' (story.csv has step,date,title,text,claims); "
        "it is ignored"
    ]


def test_a_story_must_go_forward_in_time(tmp_path):
    _, file = _case_with_story(tmp_path, "step,date,title,text\n2,2022-06-01,B,\n1,2022-06-03,A,\n")
    with pytest.raises(kit.CaseError) as err:
        read_story(file)
    assert [str(p).replace(str(file), "story.csv") for p in err.value.problems] == [
        "story.csv:2: date: step 2 (2022-06-01) is dated before step 1 (2022-06-03); a story goes forward in time"
    ]


@pytest.mark.parametrize(
    "text, encoding, expected",
    [
        (
            "step,title,text\n1,A,\n",
            "utf-8",
            "story.csv:1: date: the column 'date' is missing; story.csv needs the columns step,date,title,text",
        ),
        (
            "step;date;title;text\n1;2022-06-01;A;\n",
            "utf-8",
            # read by the tables' own reader (issue 9), so with the tables' message
            "story.csv: the file is semicolon-separated; the kit reads comma-separated files: re-save it as "
            "'CSV UTF-8 (Comma delimited)'",
        ),
        ("", "utf-8", "story.csv: the file is empty; it needs at least a header row: step,date,title,text"),
        ("step,date,title,text\n1,2022-06-01,Café,\n", "cp1252", "story.csv: the file is not UTF-8"),
    ],
)
def test_unreadable_story_files(tmp_path, text, encoding, expected):
    _, file = _case_with_story(tmp_path, text, encoding)
    with pytest.raises(kit.CaseError) as err:
        read_story(file)
    assert str(err.value.problems[0]).replace(str(file), "story.csv").startswith(expected)


def test_a_header_only_story_is_empty_and_the_automatic_story_is_used(tmp_path):
    case, file = _case_with_story(tmp_path, "\ufeffstep,date,title,text\r\n")
    assert len(read_story(file)) == 0
    assert len(load_story(case, "strike_deaths")) == 4


def test_the_template_case_is_blank_and_valid():
    case = kit.load_case(ROOT / "data" / "template")
    assert [len(t) for t in (case.sources, case.reports, case.claims, case.citations)] == [0, 0, 0, 0]
    assert len(read_story(ROOT / "data" / "template" / "story.csv")) == 0
    assert len(load_story(case)) == 0


def test_story_path_of_a_workbook_and_of_case_toml(workbook_case, tmp_path):
    assert story_path(workbook_case).endswith("workbook.story.csv")
    case = kit.load_case(DEIR / "case.toml")
    assert pathlib.Path(story_path(case)) == DEIR / "story.csv"
    assert len(load_story(case)) == 8


def test_kit_check_also_checks_story_csv(tmp_path, run_kit):
    """`kit check` reports a broken story.csv beside the tables (exit 1); the tables themselves still load."""
    case = tmp_path / "case"
    shutil.copytree(ROOT / "data" / "deir-ez-zor", case)
    with open(case / "story.csv", "a", encoding="utf-8") as f:
        f.write("9,13/02/2018,,x,\n")
    p = run_kit("check", case)
    assert p.returncode == 1, p.stdout + p.stderr
    assert f"{case / 'story.csv'}:10: date: '13/02/2018' is not an ISO date" in p.stdout
    assert f"{case / 'story.csv'}:10: title: " in p.stdout
    assert "2 problems found" in p.stderr
    assert len(kit.load_case(case).claims) == len(kit.load_case(DEIR).claims)  # the analyses do not depend on the story
    ok = run_kit("check", ROOT / "data" / "deir-ez-zor")
    *warnings, summary = ok.stdout.splitlines()  # warnings (if any) print before the summary
    assert ok.returncode == 0 and summary.startswith("OK: "), ok.stdout + ok.stderr
    assert all(": warning: " in w for w in warnings), warnings
