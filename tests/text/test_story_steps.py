"""One story model, one renderer (issue 20): kit.text.story_steps.story_steps computes a story's steps once; the
notebook's StoryStepper and the published page both send kit.graphview.story_data.story_data of them to graphview.js.

Expected claim lists are worked out by hand from data/deir-ez-zor/story.csv (its `claims` column) and
tests/cases/echo (no story.csv: one step per publication day).
"""

import json
import re

import pandas as pd
import pytest

import kit
from conftest import DEIR, ROOT
from kit.graphview.story_data import step_lists, story_data
from kit.publish import publish
from kit.text.story import claims_by, load_story
from kit.text.story_steps import story_steps

PROP = "russians_killed_feb7"
REUTERS = ["reuters-two-killed", "afp-cit-three-more"]
EARLY = ["moscow-times-reported", "other-media-dozens-or-hundreds", "reuters-buga-dozens", *REUTERS]
DEIR_STEPS = [
    ["reuters-two-killed"],
    REUTERS,
    ["reuters-buga-dozens", *REUTERS],
    EARLY,
    [*EARLY, "bloomberg-more-than-200", "tsarizm-up-to-200"],
    [
        *EARLY,
        "bloomberg-more-than-200",
        "daily-beast-200-contract-killers",
        "daily-beast-200-russian-fighters",
        "tsarizm-up-to-200",
    ],
    [  # the feedback-loop step: the rumours, the communities' "dozens" and the media's two "confirmations" (issue 19)
        "facebook-casualties",
        *EARLY[:2],
        "other-media-several-killed",
        "reuters-buga-dozens",
        "communities-heard-dozens",
        "media-confirmed-coalition",
        "media-confirmed-facebook",
        *REUTERS,
        "bloomberg-more-than-200",
        "daily-beast-200-contract-killers",
        "daily-beast-200-russian-fighters",
        "tsarizm-questions-200",
        "tsarizm-up-to-200",
    ],
]
DEIR_STEPS.append(DEIR_STEPS[-1])  # step 8, the December report, is about another question
ECHO_NEW = [["e_one", "e_two"], ["e_echo"], ["e_direct", "e_indep"], ["e_single"]]


@pytest.fixture(scope="module")
def deir():
    return kit.load_case(DEIR)


def test_the_deir_steps_follow_story_csv(deir):
    steps = story_steps(deir, PROP)
    assert [s["claims"] for s in steps] == DEIR_STEPS
    assert [s["step"] for s in steps] == list(range(1, 9))
    assert steps[4]["new"] == ["bloomberg-more-than-200", "tsarizm-up-to-200"]  # not yet The Daily Beast's
    assert steps[0]["sources"] == ["reuters_associates"]
    # a claim of another question the media's "confirmation" cites (the coalition's estimate), shown from that step on
    assert "coalition-100-killed" not in steps[5]["cited"] and "coalition-100-killed" in steps[6]["cited"]
    assert steps[7]["new"] == [] and steps[7]["newest"] is None  # no ring on an old claim at a step with none new
    assert steps[0]["date"] == pd.Timestamp("2018-02-12", tz="UTC")


def test_a_case_without_story_csv_has_a_step_per_day(echo_case):
    steps = story_steps(echo_case, "strike_deaths")
    assert [s["new"] for s in steps] == ECHO_NEW
    assert steps[2]["claims"] == ["e_one", "e_two", "e_echo", "e_direct", "e_indep"]
    for s in steps:  # the moment of a day's step is the end of that day
        assert s["upto"] - s["date"] == pd.Timedelta(days=1) - pd.Timedelta(microseconds=1)


def test_claims_by_is_the_same_rule(deir):
    story = load_story(deir)
    for s, upto in zip(story_steps(deir, PROP), story["upto"], strict=True):
        named = {c for ids in story["claims"].iloc[: s["step"]] for c in ids}
        later = {c for ids in story["claims"].iloc[s["step"] :] for c in ids}
        assert claims_by(deir, upto, PROP, named=named, later=later) == s["claims"]


def test_an_unknown_name_is_refused(deir, echo_case):
    with pytest.raises(KeyError, match=PROP):
        story_steps(deir, "russians_killed_feb8")
    story = load_story(echo_case, "strike_deaths").assign(claims=[("e_tw",), (), (), ()])
    with pytest.raises(KeyError, match="e_tw"):
        story_steps(echo_case, "strike_deaths", story)


def _page_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="story-data">(.*?)</script>', page, re.S)
    assert m, "the page has no story data"
    return json.loads(m.group(1))


@pytest.mark.parametrize("name, prop", [("deir-ez-zor", PROP), ("echo", "strike_deaths")])
def test_the_notebook_and_the_page_show_the_same_steps(name, prop, tmp_path):
    """The stepper's data and the page's are one function's: the same steps, the same claims at each."""
    from kit.widgets import StoryStepper

    path = DEIR if name == "deir-ez-zor" else ROOT / "tests" / "cases" / "echo"
    case = kit.load_case(path)
    stepper = StoryStepper(case, prop)
    page = _page_data(publish(case, tmp_path, built="2026-01-02").read_text(encoding="utf-8"))
    lab = json.loads(stepper.data_json)  # what the notebook's renderer receives
    expected = [s["claims"] for s in story_steps(case, prop)]
    assert step_lists(lab) == step_lists(page) == expected
    assert stepper.visible_claims == expected[0]
    # the page is the redacted case's (echo cites a confidential source); the stepper on the same case and story (a
    # redacted case has no folder: its story is given) says the same
    red = kit.text.redact.redact(case)
    redacted = json.loads(StoryStepper(red, prop, story=load_story(case, prop)).data_json)
    assert redacted == page


def test_the_data_says_what_each_step_shows(deir):
    d = story_data(deir, PROP)
    first = d["steps"][0]
    assert first["summary"] == "1 claim so far, 1 new; the highest figure so far: at least 2 (Reuters)"
    assert first["day"] == "12 Feb 2018" and first["day_short"] == "12 Feb"
    assert first["now"] == int(pd.Timestamp("2018-02-12", tz="UTC").value // 10**6)  # "now" on the step's day
    ids = [n["id"] for n in d["graph"]["nodes"]]
    assert ids[first["newest"]] == "reuters-two-killed" and d["steps"][7]["newest"] == -1
    assert d["steps"][7]["changes"] == [] and d["steps"][7]["add"] == d["steps"][7]["drop"] == []
    assert len(d["steps"][2]["changes"]) == 1 and d["steps"][2]["changes"][0].startswith("Reuters, 7 Feb 2018: “Maxim")
    assert d["steps"][2]["changes"][0].endswith("rests on Maxim Buga")
    marks = {ids[m["i"]]: m for m in d["timeline"]["claims"]}
    assert marks["reuters-two-killed"]["low"] == 2 and marks["reuters-two-killed"]["high"] is None


def test_a_long_story_is_data_that_grows_with_its_claims_and_a_page_of_two_pictures(tmp_path):
    case = kit.testing.examples.one_story(300)
    d = story_data(case, "the_question")
    assert len(d["steps"]) == 300
    changes = sum(len(s["add"]) + len(s["drop"]) for s in d["steps"])
    assert changes <= 2 * len(d["graph"]["nodes"])  # each step says what changed, not all it shows
    assert step_lists(d)[-1] == list(d["claims"])  # the last day shows every claim
    page = publish(case, tmp_path, built="2026-01-02").read_text(encoding="utf-8")
    assert page.count('class="kit-fig"') == 0  # no static picture of 300 claims; it says so
    assert "No pictures here: the story's 300 claims are more than a static picture shows readably" in page
    assert page.count('<section class="step"') == 300


def test_a_story_naming_a_confidential_claim_is_told_with_the_redacted_ids(tmp_path):
    """story.csv names claims by id; a claim of a confidential source's report gets a neutral id in the page, and
    its step shows it under that id (the telling id appears nowhere)."""
    import shutil

    folder = tmp_path / "case"
    shutil.copytree(ROOT / "tests" / "cases" / "hostile", folder)
    (folder / "story.csv").write_text(
        "step,date,title,text,claims\n"
        "1,2024-03-01,The forum,The forum posts,k-forum\n"
        "2,2024-03-01,The post,Ivan Petrov (Telegram) posts,k-petrov\n"
        "3,2024-03-03,Later,The rest,k-wire k-tabloid-50\n",
        encoding="utf-8",
    )
    case = kit.load_case(folder)
    assert [s["claims"] for s in story_steps(case, "plant_fire_dead")] == [
        ["k-forum"],
        ["k-petrov", "k-forum"],
        ["k-petrov", "k-forum", "k-wire", "k-tabloid-50"],
    ]
    page = publish(case, tmp_path / "site", built="2026-01-02").read_text(encoding="utf-8")
    assert step_lists(_page_data(page)) == [
        ["k-forum"],
        ["confidential-claim-1", "k-forum"],
        ["confidential-claim-1", "k-forum", "k-wire", "k-tabloid-50"],
    ]
    assert "k-petrov" not in page and "Ivan Petrov" not in page
