"""kit.widgets.StoryStepper with real ipywidgets objects (no mocks): tests set a control's value or click a button,
and read what the widget shows from its attributes.

Expected claim lists are worked out by hand from data/deir-ez-zor/ and tests/cases/.
"""
import pathlib
import subprocess
import sys

import ipywidgets
import pandas as pd
import pytest

import kit
import kit.show
from kit.widgets import ClaimTracer, SourceExercise, StoryStepper

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEIR = ROOT / "data" / "deir-ez-zor"
PROP = "russians_killed_feb7"
BY_7_FEB = ["afp-cit-three-more", "moscow-times-reported", "other-media-dozens-or-hundreds", "reuters-buga-dozens"]
BY_12_FEB = BY_7_FEB + ["reuters-two-killed"]
BY_13_FEB = BY_12_FEB + ["bloomberg-more-than-200", "daily-beast-200-contract-killers",
                         "daily-beast-200-russian-fighters", "tsarizm-questions-200", "tsarizm-up-to-200"]


@pytest.fixture(scope="module")
def deir():
    return kit.load_case(DEIR)


@pytest.fixture(scope="module")
def stepper(deir):
    return StoryStepper(deir, PROP)


def test_import_kit_loads_neither_ipywidgets_nor_matplotlib():
    code = "import sys, kit, kit.story; print(sorted(m for m in ('ipywidgets', 'matplotlib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("step, claims", [(1, []), (2, BY_7_FEB), (3, BY_12_FEB), (4, BY_13_FEB), (6, BY_13_FEB)])
def test_step_k_shows_exactly_the_claims_published_by_then(stepper, step, claims):
    stepper.slider.value = step
    assert stepper.step == step
    assert stepper.visible_claims == claims
    assert list(stepper.table.index) == claims
    assert stepper.newest == (claims[-1] if claims else None)


def test_next_and_previous_change_the_step(deir):
    s = StoryStepper(deir, PROP)
    assert (s.step, s.n_steps, s.prev_button.disabled) == (1, 6, True)
    assert s.title == "Before the clashes: a December report"
    s.next_button.click()
    s.next_button.click()
    assert s.step == 3 and s.slider.value == 3 and s.play.value == 3
    assert s.title == "12 February: Reuters, “at least two”"
    assert "Step 3 of 6" in s.title_html.value and "Reuters" in s.text_html.value
    assert s.new_claims == ["reuters-two-killed"]
    assert s.upto == pd.Timestamp("2018-02-12T23:59:59.999999Z")
    s.prev_button.click()
    assert s.step == 2 and s.visible_claims == BY_7_FEB
    s.play.value = 6  # the Play widget drives the slider
    assert s.step == 6 and s.next_button.disabled
    s.next_button.click()
    assert s.step == 6


def test_each_step_draws_a_new_picture_on_a_stable_layout(deir):
    s = StoryStepper(deir, PROP)
    s.go(2)
    two = s.image
    s.go(3)
    assert s.image != two and s.graph.value == s.image and b"<svg" in s.image[:400]
    s.go(2)
    assert s.image == two  # drawn once, shown again
    assert s.pos == kit.show.story_layout(deir, PROP)
    limits = set()
    for step in range(1, 7):
        s.go(step)
        limits.add((s.ax_graph.get_xlim(), s.ax_graph.get_ylim(), s.ax_time.get_xlim()))
    assert len(limits) == 1  # nothing moves from step to step


def test_the_fast_picture_shows_the_same_claims(deir):
    s = StoryStepper(deir, PROP, max_nodes=3)
    assert s.aggregated
    for step, claims in [(1, []), (2, BY_7_FEB), (3, BY_12_FEB), (6, BY_13_FEB)]:
        s.go(step)
        assert s.visible_claims == claims and b"<svg" in s.image[:400]


def test_the_table_shows_independence_and_drift(stepper, deir):
    stepper.go(4)
    t = stepper.table
    assert list(t.columns) == ["published", "outlet", "figure", "certainty", "n_cited", "n_origins", "echo",
                               "question_changed", "inflated", "scope_changed", "measure_changed", "hardened"]
    ind = kit.independence(deir, PROP)
    assert t["n_origins"].to_dict() == ind.loc[t.index, "n_origins"].to_dict()
    assert t.loc["daily-beast-200-russian-fighters", ["figure", "scope_changed", "hardened"]].tolist() == [
        "201+", True, True]
    assert t.loc["other-media-dozens-or-hundreds", "n_origins"] == 2
    assert "daily-beast-200-russian-fighters" in stepper.table_html.value


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
    case = kit.synth.make_case(120)
    prop = case.claims["proposition"].iloc[0]
    s = StoryStepper(case, prop, max_nodes=20)
    assert s.aggregated
    s.go(s.n_steps // 2)
    moment = s.upto
    expected = kit.story.claims_by(case, moment, prop)
    assert s.visible_claims == expected and b"<svg" in s.image[:400]


def test_unknown_proposition(deir):
    with pytest.raises(KeyError, match=PROP):
        StoryStepper(deir, "russians_killed_feb8")
