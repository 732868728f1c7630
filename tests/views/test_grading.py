"""kit.widgets.grading: the answer key and grade_answer as pure functions, no widget involved.

Expected answers are worked out by hand from tests/cases/ (see the fixtures' docstrings in conftest.py).
"""

import subprocess
import sys

import pytest

from kit.widgets.grading import MAX_POINTS, CaseAnswer, LearnerAnswer, answer_key, grade_answer


@pytest.fixture
def echo_key(echo_case):
    return answer_key(echo_case, "strike_deaths")


def test_importing_grading_loads_no_widgets():
    code = "import sys, kit.widgets.grading; print('ipywidgets' in sys.modules, 'matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


def test_answer_key_by_hand(echo_key, loop_case):
    assert list(echo_key) == ["e_one", "e_two", "e_echo", "e_direct", "e_indep", "e_single"]
    e = echo_key["e_echo"]
    assert (e.n_origins, e.origins, e.reliability, e.echo, e.n_cited) == (1, ("anon",), {"anon": "F"}, True, 2)
    i = echo_key["e_indep"]
    assert (i.n_origins, set(i.origins), i.echo) == (2, {"expert1", "outlet2"}, False)
    assert i.reliability == {"expert1": "C", "outlet2": "C"}
    dead = answer_key(loop_case, "sightings")["dead_x"]
    assert (dead.n_origins, dead.origins) == (0, ())


def test_an_empty_answer_scores_nothing_and_reveals_nothing(echo_key):
    g = grade_answer(echo_key["e_echo"], LearnerAnswer())
    assert (g.answered, g.points, g.n_origins, g.origins, g.grade) == (False, 0, False, False, False)
    assert g.verdict == "No answer yet: nothing was scored."
    assert "Official" not in g.feedback and "anon" not in g.feedback  # the origin is not given away


def test_a_full_right_answer(echo_key):
    g = grade_answer(echo_key["e_indep"], LearnerAnswer(2, ("outlet2", "expert1"), "C"))
    assert (g.points, g.verdict) == (MAX_POINTS, "All right!")
    assert g.lines[0] == "The kit finds 2 independent origins: Dr. Expert (graded C), Outlet Two (graded C)."


def test_each_part_is_one_point_and_explained(echo_key):
    g = grade_answer(echo_key["e_echo"], LearnerAnswer(2, ("anon", "outlet1"), "B"))
    assert (g.n_origins, g.origins, g.grade, g.points) == (False, False, False, 0)
    assert "You said 2. The claim cites 2 items, but they share an origin (an echo), so they count once." in g.lines
    assert (
        "Not an origin of this claim: Outlet One (an outlet that relays a claim is not where it comes from)." in g.lines
    )
    assert "You graded the source B; the case grades Official (unnamed) F" in g.feedback
    assert g.verdict == "0 of 3 right."


def test_a_partial_answer_is_not_scored_and_says_what_is_missing(echo_key):
    # issue 20, item 6: a Check with a part left out used up the claim's one attempt for 0 or 1 points
    g = grade_answer(echo_key["e_one"], LearnerAnswer(n_origins=1))
    assert (g.answered, g.points) == (False, 0)
    still = "Still to answer: the source(s) it finally rests on, a grade."
    assert g.feedback == still + " Then press Check: your first whole answer counts."
    assert "Official" not in g.feedback  # nothing revealed
    g = grade_answer(echo_key["e_one"], LearnerAnswer(n_origins=1, origins=("anon",), grade="C"))
    assert (g.answered, g.n_origins, g.origins, g.grade, g.points) == (True, True, True, False, 2)
    assert "You graded the source C; the case grades Official (unnamed) F" in g.feedback


def test_own_reporting_and_a_dead_loop(own_reporting_case, loop_case):
    key = answer_key(own_reporting_case, own_reporting_case.claims["proposition"].iloc[0])
    g = grade_answer(key["o1"], LearnerAnswer(0, (), "F"))
    assert "The report names no source for it: it rests on the outlet's own reporting." in g.feedback
    dead = answer_key(loop_case, "sightings")["dead_x"]
    g = grade_answer(dead, LearnerAnswer(n_origins=0))
    assert (g.n_origins, g.origins, g.grade, g.points) == (True, True, False, 2)
    assert "rests on nothing" in g.feedback


def test_with_differently_graded_origins_any_of_their_grades_is_right():
    a = CaseAnswer("c", 2, ("x", "y"), {"x": "B", "y": "E"}, False, 2, {"x": "X", "y": "Y"})
    assert grade_answer(a, LearnerAnswer(2, ("x", "y"), "E")).grade
    assert grade_answer(a, LearnerAnswer(2, ("x", "y"), "B")).grade
    assert not grade_answer(a, LearnerAnswer(2, ("x", "y"), "C")).grade


def test_as_dict_keeps_the_fields_the_widget_returns(echo_key):
    d = grade_answer(echo_key["e_one"], LearnerAnswer(1, ("anon",), "F")).as_dict()
    assert {k: d[k] for k in ("claim_id", "n_origins", "origins", "grade", "points")} == {
        "claim_id": "e_one",
        "n_origins": True,
        "origins": True,
        "grade": True,
        "points": 3,
    }
    assert d["feedback"].startswith("The kit finds 1 independent origin: Official (unnamed) (graded F).")


def test_a_right_to_left_name_cannot_reorder_the_feedback(echo_key):
    import dataclasses

    key = dataclasses.replace(echo_key["e_echo"], names={"anon": "Ivan \u202eTASS"})
    g = grade_answer(key, LearnerAnswer(1, ("anon",), "F"))
    assert "\u2068Ivan \u202eTASS\u2069" in g.feedback  # isolated: the words after it keep their order
    assert "\u202eTASS (graded" not in g.feedback
