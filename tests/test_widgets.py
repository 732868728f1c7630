"""kit.widgets with real ipywidgets objects (no mocks): tests set a control's value or click a button, and read
what the widget shows from its attributes.

Expected claim lists and origin sets are worked out by hand from data/deir-ez-zor/ and tests/cases/.
"""
import pathlib
import subprocess
import sys

import ipywidgets
import pandas as pd
import pytest

import kit
import kit.show
from kit.widgets import ClaimTracer, SourceExercise, StoryStepper, lineage

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEIR = ROOT / "data" / "deir-ez-zor"
PROP = "russians_killed_feb7"

# story.csv: steps 1-4 dated 12 February, steps 5-8 13 February. A step shows the claims published (at the earliest
# date their interval allows) by the end of its day, by date then id.
FROM_7_FEB = ["communities-heard-dozens", "facebook-casualties", "moscow-times-reported",
              "other-media-dozens-or-hundreds", "other-media-several-killed", "reuters-buga-dozens"]
BY_12_FEB = FROM_7_FEB + ["afp-cit-three-more", "reuters-two-killed"]
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


@pytest.mark.parametrize("step, claims", [(1, BY_12_FEB), (4, BY_12_FEB), (5, BY_13_FEB), (8, BY_13_FEB)])
def test_step_k_shows_exactly_the_claims_published_by_then(stepper, step, claims):
    stepper.slider.value = step
    assert stepper.step == step
    assert stepper.visible_claims == claims
    assert list(stepper.table.index) == claims
    assert stepper.newest == claims[-1]


def test_next_and_previous_change_the_step(deir):
    s = StoryStepper(deir, PROP)
    assert (s.step, s.n_steps, s.prev_button.disabled) == (1, 8, True)
    assert s.title == "12 February: Reuters, “at least two”"
    s.next_button.click()
    s.next_button.click()
    assert s.step == 3 and s.slider.value == 3 and s.play.value == 3
    assert s.title == "A Cossack: “dozens”"
    assert "Step 3 of 8" in s.title_html.value and "Maxim Buga" in s.text_html.value
    assert s.upto == pd.Timestamp("2018-02-12T23:59:59.999999Z")
    s.next_button.click()
    s.next_button.click()
    assert s.step == 5 and s.title == "13 February: Bloomberg, “more than 200”"
    assert s.new_claims == BY_13_FEB[len(BY_12_FEB):]
    s.prev_button.click()
    assert s.step == 4 and s.visible_claims == BY_12_FEB
    s.play.value = 8  # the Play widget drives the slider
    assert s.step == 8 and s.next_button.disabled
    s.next_button.click()
    assert s.step == 8


def test_each_step_draws_a_new_picture_on_a_stable_layout(deir):
    s = StoryStepper(deir, PROP)
    s.go(4)
    four = s.image
    s.go(5)
    assert s.image != four and s.graph.value == s.image and b"<svg" in s.image[:400]
    s.go(4)
    assert s.image == four  # drawn once, shown again
    assert s.pos == kit.show.story_layout(deir, PROP)
    limits = set()
    for step in range(1, 9):
        s.go(step)
        limits.add((s.ax_graph.get_xlim(), s.ax_graph.get_ylim(), s.ax_time.get_xlim()))
    assert len(limits) == 1  # nothing moves from step to step


def test_the_fast_picture_shows_the_same_claims(deir):
    s = StoryStepper(deir, PROP, max_nodes=3)
    assert s.aggregated
    for step, claims in [(1, BY_12_FEB), (4, BY_12_FEB), (5, BY_13_FEB), (8, BY_13_FEB)]:
        s.go(step)
        assert s.visible_claims == claims and b"<svg" in s.image[:400]


def test_the_table_shows_independence_and_drift(stepper, deir):
    stepper.go(5)
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


# --- ClaimTracer ------------------------------------------------------------------------------

def _origins_in_tree(tree):
    """Sources reached through supporting hops only, with the depth at which each is first reached."""
    ok = {0}
    found = {}
    for i, row in tree.iterrows():
        if i == 0:
            continue
        parent = max(j for j in ok | set(tree.index[:i]) if j < i and tree.at[j, "depth"] == row["depth"] - 1)
        if parent not in ok or row["relation"] == "disputes":
            continue
        ok.add(i)
        if row["item_type"] == "source":
            found[row["item"]] = min(found.get(row["item"], 99), int(row["depth"]))
    return found


@pytest.mark.parametrize("fixture", ["echo_case", "loop_case", "disputes_case", "own_reporting_case",
                                     "drift_case", "cyrillic_case", "deir"])
def test_the_tracers_tree_matches_kit_origins(request, fixture):
    case = request.getfixturevalue(fixture)
    tracer = ClaimTracer(case, draw=False)
    for claim in case.claims["claim_id"]:
        tracer.dropdown.value = claim
        assert tracer.claim_id == claim
        expected = kit.origins(case, claim)
        assert tracer.origins.equals(expected)
        assert _origins_in_tree(tracer.tree) == dict(zip(expected["source_id"], expected["hops"])), claim
        assert sorted(tracer.toggles) == sorted(expected["source_id"])


def test_tracer_tree_by_hand(echo_case, loop_case, deir):
    t = lineage(echo_case, "e_echo")
    assert t[["depth", "item", "relation"]].values.tolist() == [
        [0, "e_echo", ""], [1, "e_one", "relies_on"], [2, "anon", "relies_on"],
        [1, "e_two", "corroborates"], [2, "anon", "relies_on"]]
    assert t["evidence"].tolist()[1:3] == ["Outlet One reports", "an official said"]
    t = lineage(loop_case, "ring_m")
    assert t[["depth", "item", "relation", "loop"]].values.tolist() == [
        [0, "ring_m", "", False], [1, "ring_k", "relies_on", False], [2, "ring_b", "relies_on", False],
        [3, "ring_m", "corroborates", True], [2, "witness", "relies_on", False]]
    t = lineage(deir, "moscow-times-reported")  # no citation: it rests on its own outlet
    assert t[["depth", "item", "relation"]].values.tolist() == [
        [0, "moscow-times-reported", ""], [1, "moscow_times", "own reporting"]]


def test_tracer_search_filters_the_dropdown(deir):
    tracer = ClaimTracer(deir, draw=False)
    tracer.search.value = "Daily Beast"
    assert [v for _, v in tracer.dropdown.options] == ["daily-beast-200-contract-killers",
                                                       "daily-beast-200-russian-fighters", "daily-beast-refinery"]
    tracer.search.value = "brigade"  # words of no claim
    assert tracer.matches == []
    tracer.search.value = "cossack"
    assert tracer.matches == ["reuters-buga-dozens"]


def test_tracer_shows_credibility_and_draws_the_lineage(deir):
    tracer = ClaimTracer(deir, "reuters-two-killed")
    assert tracer.credibility == 2
    assert tracer.origins["reliability"].tolist() == ["F"]
    assert tracer.image[:4] == b"\x89PNG" and tracer.graph.value == tracer.image
    assert "their associates told Reuters" in tracer.tree_html.value


@pytest.mark.parametrize("fixture, source, lost", [
    ("echo_case", "anon", ["e_one", "e_two", "e_echo", "e_direct", "e_single"]),
    ("echo_case", "expert1", ["e_x"]),
    ("echo_case", "outlet2", ["e_y"]),
    ("echo_case", "expert2", []),
    ("own_reporting_case", "paper_a", ["o1", "o3", "o4"]),
    ("own_reporting_case", "digest", []),
    ("disputes_case", "monitor_x", ["d_report", "d_mixed"]),
    ("disputes_case", "ministry", ["d_denial"]),
    ("loop_case", "witness", ["ring_k", "ring_b", "ring_m"]),
    ("loop_case", "paper_a", []),
])
def test_kit_without_on_fixture_cases(request, fixture, source, lost):
    case = request.getfixturevalue(fixture)
    assert kit.without(case, source) == lost


@pytest.mark.parametrize("fixture, claim, source", [
    ("echo_case", "e_single", "anon"), ("own_reporting_case", "o4", "paper_a"),
    ("disputes_case", "d_mixed", "monitor_x"), ("loop_case", "ring_m", "witness")])
def test_tracer_what_if_toggle_is_kit_without(request, fixture, claim, source):
    case = request.getfixturevalue(fixture)
    tracer = ClaimTracer(case, claim, draw=False)
    assert tracer.lost == []
    tracer.toggles[source].value = True
    assert tracer.discredited == [source]
    assert tracer.lost == kit.without(case, source)
    assert f"<b>{len(tracer.lost)}</b> claim" in tracer.lost_html.value
    tracer.toggles[source].value = False
    assert tracer.lost == []


def test_tracer_what_if_two_origins(echo_case):
    tracer = ClaimTracer(echo_case, "e_indep", draw=False)
    tracer.toggles["expert1"].value = True
    assert tracer.lost == ["e_x"]
    tracer.toggles["outlet2"].value = True
    assert tracer.lost == ["e_x", "e_y", "e_indep"]


# --- SourceExercise ---------------------------------------------------------------------------

def test_exercise_walks_the_claims_in_order_of_publication(deir):
    ex = SourceExercise(deir, PROP)
    assert ex.claims == list(kit.independence(deir, PROP).index)
    assert ex.claims[:4] == ["communities-heard-dozens", "facebook-casualties", "moscow-times-reported",
                             "other-media-dozens-or-hundreds"]
    assert ex.shown["outlet"] == "Local Russian communities (contacts, unnamed)"
    ex.next_button.click()
    ex.next_button.click()
    ex.next_button.click()
    assert (ex.index, ex.claim_id) == (3, "other-media-dozens-or-hundreds")
    assert [rel for rel, _ in ex.shown["cites"]] == ["relies_on", "corroborates", "corroborates"]
    ex.prev_button.click()
    assert ex.claim_id == "moscow-times-reported"
    ex.show(ex.claims.index("afp-cit-three-more"))
    assert ex.shown["outlet"] == "AFP"
    assert "Conflict Intelligence Team" in ex.claim_html.value
    assert "cit" not in [w.strip("()") for w in ex.claim_html.value.split()]  # the answer is not shown


def test_exercise_check_grades_against_kit_independence(deir):
    ex = SourceExercise(deir, PROP)
    ind = kit.independence(deir, PROP)
    for i, claim in enumerate(ex.claims):
        ex.show(i)
        assert ex.answer["n_origins"] == ind.at[claim, "n_origins"]
        assert ex.answer["origins"] == list(ind.at[claim, "origins"])
    ex.show(ex.claims.index("other-media-dozens-or-hundreds"))  # other media: two independent origins
    ex.n_origins.value = 2
    ex.source.value = ("facebook_post", "us_led_coalition")
    ex.grade.value = "F"
    ex.check_button.click()
    assert ex.result["points"] == 3 and (ex.score, ex.checked, ex.max_score) == (3, 1, 3)
    assert "Score: <b>3</b> of 3" in ex.score_html.value
    ex.check_button.click()  # checking again does not score again
    assert (ex.score, ex.checked) == (3, 1)
    ex.show(ex.claims.index("reuters-buga-dozens"))  # Reuters' Buga: one origin, Maxim Buga
    ex.n_origins.value = 2
    ex.source.value = ("reuters",)
    ex.grade.value = "B"
    result = ex.check()
    assert (result["n_origins"], result["origins"], result["grade"]) == (False, False, False)
    assert (ex.score, ex.checked, ex.max_score) == (3, 2, 6)
    assert "The kit finds 1 independent origin: Maxim Buga (graded F)" in result["feedback"]
    assert "Not an origin of this claim: Reuters" in result["feedback"]
    assert "You missed: Maxim Buga" in result["feedback"]


def test_exercise_explains_an_echo(echo_case):
    ex = SourceExercise(echo_case, "strike_deaths")
    ex.show(ex.claims.index("e_echo"))
    ex.n_origins.value = 2
    ex.source.value = ("anon",)
    ex.grade.value = "F"
    result = ex.check()
    assert (result["n_origins"], result["origins"], result["grade"]) == (False, True, True)
    assert "they share an origin (an echo), so they count once" in result["feedback"]


def test_exercise_grade_is_the_grade_of_the_origin_and_a_dead_loop_rests_on_nothing(deir, loop_case):
    ex = SourceExercise(deir, PROP)
    ex.show(ex.claims.index("afp-cit-three-more"))  # AFP relays the Conflict Intelligence Team, graded F
    ex.grade.value = "F"
    result = ex.check()
    assert (result["n_origins"], result["origins"], result["grade"]) == (True, False, True)
    ex = SourceExercise(loop_case, "sightings")
    ex.show(ex.claims.index("dead_x"))
    ex.n_origins.value = 0
    result = ex.check()
    assert (result["n_origins"], result["origins"], result["points"]) == (True, True, 2)
    assert "rests on nothing" in result["feedback"]
