"""kit.widgets.StoryStepper, a real anywidget (no mocks): tests set its step (what the view's buttons, slider and keys
do through the synced `step` traitlet) and read what the widget shows from its attributes and its data (what
graphview.js draws; the browser side is tests/test_browser.py and tests/test_story_browser.py).

Expected claim lists are worked out by hand from data/deir-ez-zor/ and tests/cases/.
"""

import csv
import json
import subprocess
import sys

import pandas as pd
import pytest

import kit
from conftest import DEIR, ROOT
from kit.graphview.story_data import step_lists
from kit.widgets import ClaimTracer, SourceExercise, StoryStepper

PROP = "russians_killed_feb7"
# data/deir-ez-zor/story.csv: 8 steps in the article's order, each naming the claims it adds (its `claims` column).
# Step k shows the claims of the proposition named in steps 1..k, in order of publication (earliest date, then latest
# date, then id: kit.analysis.selection.publication_key).
REUTERS = ["reuters-two-killed", "afp-cit-three-more"]  # both may date from 12 February; AFP's may be the 13th
BY_STEP = {
    1: ["reuters-two-killed"],
    2: REUTERS,
    3: ["reuters-buga-dozens", *REUTERS],
    4: ["moscow-times-reported", "other-media-dozens-or-hundreds", "reuters-buga-dozens", *REUTERS],
    5: [
        "moscow-times-reported",
        "other-media-dozens-or-hundreds",
        "reuters-buga-dozens",
        *REUTERS,
        "bloomberg-more-than-200",
        "tsarizm-up-to-200",
    ],
    6: [
        "moscow-times-reported",
        "other-media-dozens-or-hundreds",
        "reuters-buga-dozens",
        *REUTERS,
        "bloomberg-more-than-200",
        "daily-beast-200-contract-killers",
        "daily-beast-200-russian-fighters",
        "tsarizm-up-to-200",
    ],
    7: [  # the feedback-loop step: the rumours of several killed, the communities, the media's confirmations
        "facebook-casualties",
        "moscow-times-reported",
        "other-media-dozens-or-hundreds",
        "other-media-several-killed",
        "reuters-buga-dozens",
        "communities-heard-dozens",  # 7-28 February: told only in the loop paragraph, after 13 February
        "media-confirmed-coalition",
        "media-confirmed-facebook",
        *REUTERS,
        "bloomberg-more-than-200",
        "daily-beast-200-contract-killers",
        "daily-beast-200-russian-fighters",
        "tsarizm-questions-200",
        "tsarizm-up-to-200",
    ],
}
BY_STEP[8] = BY_STEP[7]  # the December report is about another question
# Without the claims column a step shows what was published (at the earliest date allowed) by the end of its day.
BY_DAY = {
    k: BY_STEP[7]
    if k > 4
    else [
        "facebook-casualties",
        "moscow-times-reported",
        "other-media-dozens-or-hundreds",
        "other-media-several-killed",
        "reuters-buga-dozens",
        "communities-heard-dozens",
        "media-confirmed-coalition",
        "media-confirmed-facebook",
        *REUTERS,
    ]
    for k in BY_STEP
}


@pytest.fixture(scope="module")
def deir():
    return kit.load_case(DEIR)


def named_story(case):
    """The case's story with story.csv's `claims` column, the ids of this proposition's claims per step."""
    story = kit.text.story.load_story(case)
    if "claims" not in story.columns:  # the reader does not keep the column (yet): read it from the file
        with open(DEIR / "story.csv", encoding="utf-8", newline="") as f:
            story = story.assign(claims=[tuple(r["claims"].split()) for r in csv.DictReader(f)])
    mine = set(case.claims.loc[case.claims["proposition"] == PROP, "claim_id"])
    return story.assign(claims=[tuple(c for c in ids if c in mine) for ids in story["claims"]])


@pytest.fixture(scope="module")
def stepper(deir):
    return StoryStepper(deir, PROP, story=named_story(deir))


def test_the_deir_stepper_reads_story_csv(deir):
    s = StoryStepper(deir, PROP)  # the story as load_story reads it from story.csv
    assert s.n_steps == 8 and s.title == "12 February: Reuters, “at least two”"
    expected = BY_STEP if "claims" in s.story.columns else BY_DAY
    for step in (1, 4, 5, 8):
        s.go(step)
        assert s.visible_claims == expected[step], step


def test_import_kit_loads_neither_ipywidgets_nor_matplotlib():
    code = (
        "import sys, kit, kit.text.story, kit.text.story_steps; "
        "print(sorted(m for m in ('ipywidgets', 'matplotlib', 'anywidget') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("step, claims", sorted(BY_STEP.items()))
def test_step_k_shows_exactly_the_claims_named_by_then(stepper, step, claims):
    stepper.step = step
    assert stepper.step == step
    assert stepper.visible_claims == claims
    assert list(stepper.table.index) == claims
    assert stepper.newest in claims or (stepper.newest is None and stepper.new_claims == [])


def test_next_and_previous_change_the_step(deir):
    s = StoryStepper(deir, PROP, story=named_story(deir))
    assert (s.step, s.n_steps) == (1, 8)
    assert s.title == "12 February: Reuters, “at least two”"
    s.previous()
    assert s.step == 1  # the first step stays
    s.next()
    s.next()
    assert s.step == 3 and s.title == "A Cossack: “dozens”" and "Maxim Buga" in s.text
    assert s.new_claims == ["reuters-buga-dozens"]
    assert s.upto == pd.Timestamp("2018-02-12T23:59:59.999999Z")
    s.next()
    s.next()
    assert s.step == 5 and s.title == "13 February: Bloomberg, “more than 200”"
    assert s.new_claims == ["bloomberg-more-than-200", "tsarizm-up-to-200"]  # not yet The Daily Beast's, same day
    s.previous()
    assert s.step == 4 and s.visible_claims == BY_STEP[4]
    s.step = 99  # clipped, as the view's slider is
    assert s.step == 8
    s.next()
    assert s.step == 8
    assert s.new_claims == [] and s.newest is None  # step 8 adds nothing: no ring moves to an old claim
    assert s.changes == []


def test_the_widget_draws_the_data_the_page_draws(stepper):
    """The view's data: the steps as the renderer applies them give the steps' claims (the page: test_story_steps)."""
    data = json.loads(stepper.data_json)  # what the browser receives
    assert step_lists(data) == [BY_STEP[k] for k in range(1, 9)]
    assert stepper._esm == kit.graphview.fragment.static_text("graphview.js")  # the page's module, not a copy
    assert "drawStory" in stepper._esm


def test_the_table_shows_independence_and_drift(stepper, deir):
    stepper.go(6)
    t = stepper.table
    assert list(t.columns) == [
        "date",
        "outlet",
        "says",
        "figure",
        "certainty",
        "rests_on",
        "origins",
        "echo",
        "drift",
        "url",
    ]
    ind = kit.independence(deir, PROP)
    assert t["origins"].to_dict() == ind.loc[t.index, "n_origins"].to_dict()
    row = t.loc["daily-beast-200-russian-fighters"]
    assert (row["figure"], row["drift"]) == ("at least 201", "scope changed, hardened")
    assert "Two Russians (unnamed, to Bloomberg)" in t.at["daily-beast-200-russian-fighters", "rests_on"]
    # Bloomberg's 200 "confirmed" by its US official's "about 100" (inferred): two origins, another question, inflated
    row = t.loc["bloomberg-more-than-200"]
    assert row["origins"] == 2 and "question changed" in row["drift"] and "inflated" in row["drift"]


def test_widgets_display_through_a_container(stepper, deir):
    bundle = stepper._repr_mimebundle_()
    bundle = bundle[0] if isinstance(bundle, tuple) else bundle
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "application/vnd.jupyter.widget-view+json" in ClaimTracer(deir, draw=False)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in SourceExercise(deir, PROP)._repr_mimebundle_()


def test_stepper_without_story_csv_steps_by_day(echo_case):
    s = StoryStepper(echo_case, "strike_deaths")
    assert s.n_steps == 4
    s.go(3)
    assert s.visible_claims == ["e_one", "e_two", "e_echo", "e_direct", "e_indep"]
    assert s.table.loc["e_echo", "echo"]


def test_stepper_on_a_loop_and_on_a_whole_case(loop_case):
    s = StoryStepper(loop_case)  # no proposition: every claim, no figure over time
    assert s.data["timeline"] is None and s.n_steps == 6
    s.go(4)
    assert s.visible_claims == ["dead_x", "dead_y", "ring_m", "ring_k", "ring_b"]


def test_large_stories_follow_the_same_rule():
    case = kit.testing.synth.make_case(120)
    prop = case.claims["proposition"].iloc[0]
    s = StoryStepper(case, prop)
    s.go(s.n_steps // 2)
    assert s.visible_claims == kit.text.story.claims_by(case, s.upto, prop)


def test_unknown_proposition(deir):
    with pytest.raises(KeyError, match=PROP):
        StoryStepper(deir, "russians_killed_feb8")


# --- steps by story row (issue 11 item 2, issue 10 item 3) ----------------------------------------------------------


def _story(rows):
    """A story frame as kit.text.story.load_story gives it, with a `claims` column naming what each step adds."""
    out = pd.DataFrame(rows, columns=["step", "date", "title", "text", "claims"])
    out["date"] = pd.to_datetime(out["date"], utc=True)
    out["upto"] = out["date"] + pd.Timedelta(days=1) - pd.Timedelta(microseconds=1)
    return out[["step", "date", "upto", "title", "text", "claims"]]


def test_one_row_one_step_also_within_a_day(echo_case):
    story = _story(
        [
            (1, "2022-06-01", "Outlet One", "", ("e_one",)),
            (2, "2022-06-01", "Outlet Two", "", ("e_two",)),
            (3, "2022-06-02", "The roundup", "", ()),
            (4, "2022-06-03", "Later", "", ()),
        ]
    )
    s = StoryStepper(echo_case, "strike_deaths", story=story)
    assert s.visible_claims == ["e_one"]  # e_two, published the same day, waits for its own step
    s.go(2)
    assert (s.visible_claims, s.new_claims, s.newest) == (["e_one", "e_two"], ["e_two"], "e_two")
    s.go(3)
    assert s.visible_claims == ["e_one", "e_two", "e_echo"]
    s.go(1)  # going back
    assert s.visible_claims == ["e_one"] and s.new_claims == ["e_one"]
    with pytest.raises(KeyError, match="e_tw"):
        StoryStepper(echo_case, "strike_deaths", story=_story([(1, "2022-06-01", "x", "", ("e_tw",))]))


def test_what_changed_at_this_step(echo_case):
    s = StoryStepper(echo_case, "strike_deaths")
    assert s.changes == [
        "Outlet One, 1 Jun 2022: 12 (alleged), rests on Official (unnamed)",
        "Outlet Two, 1 Jun 2022: 10 to 15 (alleged), rests on Official (unnamed)",
    ]
    s.go(2)
    assert s.changes == [
        "News Aggregator, 2 Jun 2022: at least 10 (asserted), rests on Official (unnamed) (an echo: "
        "its supports share an origin); drift from what it cites: inflated, hardened"
    ]


def test_the_stepper_says_to_run_the_notebook(stepper):
    assert repr(stepper) == "StoryStepper: an interactive widget. Run the notebook (Run ▸ Run All Cells) to use it."
    bundle = stepper._repr_mimebundle_()
    bundle = bundle[0] if isinstance(bundle, tuple) else bundle
    assert bundle["text/plain"] == repr(stepper)
