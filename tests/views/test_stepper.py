"""kit.widgets.StoryStepper with real ipywidgets objects (no mocks): tests set a control's value or click a button,
and read what the widget shows from its attributes.

Expected claim lists are worked out by hand from data/deir-ez-zor/ and tests/cases/.
"""

import csv
import subprocess
import sys

import ipywidgets
import pandas as pd
import pytest

import kit
import kit.show
from conftest import DEIR, ROOT
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
    """The case's story with story.csv's `claims` column, the ids of this proposition's claims per step.

    story.csv names every claim of the case; a stepper for one proposition is given only that proposition's.
    """
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
    code = "import sys, kit, kit.text.story; print(sorted(m for m in ('ipywidgets', 'matplotlib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("step, claims", sorted(BY_STEP.items()))
def test_step_k_shows_exactly_the_claims_named_by_then(stepper, step, claims):
    stepper.slider.value = step
    assert stepper.step == step
    assert stepper.visible_claims == claims
    assert list(stepper.table.index) == claims
    assert stepper.newest in claims


def test_next_and_previous_change_the_step(deir):
    s = StoryStepper(deir, PROP, story=named_story(deir))
    assert (s.step, s.n_steps, s.prev_button.disabled) == (1, 8, True)
    assert s.title == "12 February: Reuters, “at least two”"
    s.next_button.click()
    s.next_button.click()
    assert s.step == 3 and s.slider.value == 3 and s.play.value == 3
    assert s.title == "A Cossack: “dozens”"
    assert "Step 3 of 8" in s.title_html.value and "Maxim Buga" in s.text_html.value
    assert s.new_claims == ["reuters-buga-dozens"]
    assert s.upto == pd.Timestamp("2018-02-12T23:59:59.999999Z")
    s.next_button.click()
    s.next_button.click()
    assert s.step == 5 and s.title == "13 February: Bloomberg, “more than 200”"
    assert s.new_claims == ["bloomberg-more-than-200", "tsarizm-up-to-200"]  # not yet The Daily Beast's, same day
    s.prev_button.click()
    assert s.step == 4 and s.visible_claims == BY_STEP[4]
    s.play.value = 8  # the Play widget drives the slider
    assert s.step == 8 and s.next_button.disabled
    s.next_button.click()
    assert s.step == 8


def test_each_step_draws_a_new_picture_on_a_stable_layout(deir):
    s = StoryStepper(deir, PROP, story=named_story(deir))
    s.go(2)
    two = s.image
    s.go(3)
    assert s.image != two and s.graph.value == s.image and b"<svg" in s.image[:400]
    s.go(2)
    assert s.image == two  # drawn once, shown again
    assert s.pos == kit.show.story_layout(deir, PROP)
    limits = set()
    for step in range(1, 9):
        s.go(step)
        limits.add((s.ax_graph.get_xlim(), s.ax_graph.get_ylim(), s.ax_time.get_xlim()))
    assert len(limits) == 1  # nothing moves from step to step


def test_the_fast_picture_shows_the_same_claims(deir):
    s = StoryStepper(deir, PROP, max_nodes=3, story=named_story(deir))
    assert s.aggregated
    for step, claims in sorted(BY_STEP.items()):
        s.go(step)
        assert s.visible_claims == claims and b"<svg" in s.image[:400]


def test_the_table_shows_independence_and_drift(stepper, deir):
    stepper.go(6)
    t = stepper.table
    assert list(t.columns) == [
        "published",
        "outlet",
        "figure",
        "certainty",
        "n_cited",
        "n_origins",
        "echo",
        "question_changed",
        "inflated",
        "scope_changed",
        "measure_changed",
        "hardened",
    ]
    ind = kit.independence(deir, PROP)
    assert t["n_origins"].to_dict() == ind.loc[t.index, "n_origins"].to_dict()
    assert t.loc["daily-beast-200-russian-fighters", ["figure", "scope_changed", "hardened"]].tolist() == [
        "201+",
        True,
        True,
    ]
    # Bloomberg's 200 "confirmed" by its US official's "about 100" (inferred): two origins, another question, inflated
    assert t.loc["bloomberg-more-than-200", ["n_origins", "question_changed", "inflated"]].tolist() == [2, True, True]
    assert "daily-beast-200-russian-fighters" in stepper.table_html.value
    stepper.go(7)  # the media's last "confirmation": several accounts sharing an origin, and another question
    t = stepper.table
    assert t.loc["media-confirmed-coalition", ["n_origins", "echo", "question_changed"]].tolist() == [3, True, True]


def test_widgets_display_through_a_container(stepper, deir):
    bundle = stepper._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert isinstance(stepper.container, ipywidgets.VBox)
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
    assert s.ax_time is None and s.n_steps == 6
    s.go(4)
    assert s.visible_claims == ["dead_x", "dead_y", "ring_m", "ring_k", "ring_b"]


def test_large_stories_are_drawn_aggregated():
    case = kit.testing.synth.make_case(120)
    prop = case.claims["proposition"].iloc[0]
    s = StoryStepper(case, prop, max_nodes=20)
    assert s.aggregated
    s.go(s.n_steps // 2)
    moment = s.upto
    expected = kit.text.story.claims_by(case, moment, prop)
    assert s.visible_claims == expected and b"<svg" in s.image[:400]


def test_unknown_proposition(deir):
    with pytest.raises(KeyError, match=PROP):
        StoryStepper(deir, "russians_killed_feb8")


# --- one screen, tables for people, steps by story row (issue 11 item 2, issue 10 item 3) ----------------


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


def test_the_table_is_for_people_and_folded(stepper):
    stepper.go(6)
    html = stepper.table_html.value
    assert "<NA>" not in html and "nan" not in html and "False" not in html and "True" not in html
    assert "Two Russians (unnamed, to Bloomberg)" in html  # origins as names
    assert "scope changed, hardened" in html  # drift as words
    assert "13 Feb 2018" in html and "at least 201" in html
    assert "—" in html  # a claim with no figure
    assert "('" not in html  # no tuples
    assert stepper.table_fold.selected_index is None  # folded
    assert stepper.table_fold.get_title(0) == f"All {len(BY_STEP[6])} claims so far"


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
    assert "What changed at this step" in s.changes_html.value


def test_the_stepper_is_side_by_side_and_says_to_run_the_notebook(stepper):
    left, right = stepper.ax_graph.get_position(), stepper.ax_time.get_position()
    assert left.x1 <= right.x0 and abs(left.y0 - right.y0) < 0.05  # side by side, not stacked
    width, height = stepper.fig.get_size_inches()
    assert width / height > 2.2  # wide and short: fits beside its text on a 1440x900 screen
    assert repr(stepper) == "StoryStepper: an interactive widget. Run the notebook (Run ▸ Run All Cells) to use it."
    assert stepper._repr_mimebundle_()["text/plain"] == repr(stepper)


def test_a_step_shows_what_drawing_it_anew_shows(deir):
    """The stepper draws its picture once and only hides and shows at a step: the same words as a fresh drawing."""
    import re

    from matplotlib.figure import Figure

    s = StoryStepper(deir, PROP)
    for step in range(1, s.n_steps + 1):
        s.go(step)
        fig = Figure(figsize=(14, 5.0))
        ax_graph, ax_time = fig.subplots(1, 2)
        kit.show.plot_citation_graph(deir, PROP, ax=ax_graph, upto=s.upto, claims=s.visible_claims, legend=False)
        kit.show.plot_timeline(deir, PROP, ax=ax_time, upto=s.upto, claims=s.visible_claims)
        shown = {t.get_text() for ax in (s.ax_graph, s.ax_time) for t in ax.texts if t.get_visible()}
        fresh = {t.get_text() for ax in (ax_graph, ax_time) for t in ax.texts}
        assert shown == fresh, step
        faded = {t.get_text() for t in s.ax_time.texts if t.get_alpha() < 0.5}
        assert faded == {t.get_text() for t in ax_time.texts if t.get_alpha() < 0.5}, step
        svg = s.image.decode()
        assert set(re.findall(r"<text[^>]*>([^<]+)</text>", svg)) >= {t for t in fresh if t and "\n" not in t}, step
