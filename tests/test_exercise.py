"""kit.widgets.SourceExercise with real ipywidgets objects (no mocks): tests answer, press Check and read the score.
Expected answers are worked out by hand from data/deir-ez-zor/ and tests/cases/.
"""
import pathlib

import pytest

import kit
from kit.widgets import SourceExercise
from kit.widgets.grading import answer_key

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEIR = ROOT / "data" / "deir-ez-zor"
PROP = "russians_killed_feb7"


@pytest.fixture(scope="module")
def deir():
    return kit.load_case(DEIR)


def test_exercise_walks_the_claims_in_order_of_publication(deir):
    ex = SourceExercise(deir, PROP)
    assert ex.claims == list(kit.independence(deir, PROP).index)
    assert ex.claims[:3] == ["afp-cit-three-more", "moscow-times-reported", "other-media-dozens-or-hundreds"]
    assert ex.shown["outlet"] == "AFP"
    assert "Conflict Intelligence Team" in ex.claim_html.value
    assert "cit" not in [w.strip("()") for w in ex.claim_html.value.split()]  # the answer is not shown
    ex.next_button.click()
    ex.next_button.click()
    assert (ex.index, ex.claim_id) == (2, "other-media-dozens-or-hundreds")
    assert [rel for rel, _ in ex.shown["cites"]] == ["corroborates", "corroborates"]
    ex.prev_button.click()
    assert ex.claim_id == "moscow-times-reported"


def test_exercise_check_grades_against_kit_independence(deir):
    ex = SourceExercise(deir, PROP)
    ind = kit.independence(deir, PROP)
    key = answer_key(deir, PROP)  # the trainer's route to the answers; the widget holds no `answer` attribute
    assert list(key) == ex.claims
    for i, claim in enumerate(ex.claims):
        ex.show(i)
        assert key[claim].n_origins == ind.at[claim, "n_origins"]
        assert list(key[claim].origins) == list(ind.at[claim, "origins"])
    ex.show(2)  # other media: two independent origins
    ex.n_origins.value = 2
    ex.source.value = ("facebook_post", "us_led_coalition")
    ex.grade.value = "F"
    ex.check_button.click()
    assert ex.result["points"] == 3 and (ex.score, ex.checked, ex.max_score) == (3, 1, 3)
    assert "Score: <b>3</b> of 3" in ex.score_html.value
    ex.check_button.click()  # checking again does not score again
    assert (ex.score, ex.checked) == (3, 1)
    ex.next_button.click()  # Reuters' Buga: one origin, Maxim Buga
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
    ex = SourceExercise(deir, PROP)  # AFP relays the Conflict Intelligence Team, graded F (cannot be judged)
    ex.n_origins.value = 1  # nothing is preselected any more: the learner answers 1 origin
    ex.grade.value = "F"
    result = ex.check()
    assert (result["n_origins"], result["origins"], result["grade"]) == (True, False, True)
    ex = SourceExercise(loop_case, "sightings")
    ex.show(ex.claims.index("dead_x"))
    ex.n_origins.value = 0
    result = ex.check()
    assert (result["n_origins"], result["origins"], result["points"]) == (True, True, 2)
    assert "rests on nothing" in result["feedback"]
