"""kit.show.plot_outlet_loop: the loop between outlets drawn going round, an arrow per step, labelled."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest
from matplotlib.patches import FancyArrowPatch

import kit
import kit.show
from conftest import DEIR
from kit.analysis.feedback import outlet_loops


def test_the_deir_loop_is_drawn_as_two_arrows_going_round():
    case = kit.load_case(DEIR)
    ax = kit.show.plot_outlet_loop(case)
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    pairs = outlet_loops(case)[["outlet", "cited_outlet"]].drop_duplicates()
    assert len(arrows) == len(pairs) == 2  # media -> communities and back
    styles = sorted(a.get_linestyle() for a in arrows)
    assert styles == ["-", "--"]  # the step read from the evidence dashed, the stated one solid
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "Other media (unnamed)" in texts and "Local Russian" in texts
    assert "rests on “The rumors of several killed” (inferred)" in texts
    assert ax.get_title().startswith("A loop between outlets: ")


def test_a_case_without_such_a_loop_says_so():
    case = kit.load_case(DEIR)
    with pytest.raises(ValueError, match="the case has 0 loops between outlets"):
        kit.show.plot_outlet_loop(case, follow=("stated",))
    with pytest.raises(ValueError, match="the case has 1 loop between outlets, so no loop 1"):
        kit.show.plot_outlet_loop(case, loop=1)


def test_every_outlet_of_the_loop_is_named_on_the_picture():
    case = kit.load_case("tests/cases/loop")
    loops = outlet_loops(case)
    first = loops[loops["loop"] == 0]
    names = case.sources.set_index("source_id")["name"]
    ax = kit.show.plot_outlet_loop(case, loop=0)
    text = " ".join(t.get_text() for t in ax.texts)
    for outlet in set(first["outlet"]) | set(first["cited_outlet"]):
        assert str(names[outlet])[:12] in text, (outlet, text)
    assert ax.patches  # the arrows


def test_a_case_with_no_loop_at_all_is_a_clear_error():
    case = kit.load_case("tests/cases/disputes")
    with pytest.raises(ValueError):
        kit.show.plot_outlet_loop(case)
