"""kit.show.plot_outlet_loop: one loop between outlets drawn going round (matplotlib's Agg backend)."""

import matplotlib

matplotlib.use("Agg")

import pytest

import kit
from kit.analysis.feedback import outlet_loops
from kit.show.outlet_loop import plot_outlet_loop


def test_every_outlet_of_the_loop_is_named_on_the_picture():
    case = kit.load_case("tests/cases/loop")
    loops = outlet_loops(case)
    first = loops[loops["loop"] == 0]
    names = case.sources.set_index("source_id")["name"]
    ax = plot_outlet_loop(case, loop=0)
    text = " ".join(t.get_text() for t in ax.texts)
    for outlet in set(first["outlet"]) | set(first["cited_outlet"]):
        assert str(names[outlet])[:12] in text, (outlet, text)
    assert ax.patches  # the arrows


def test_a_loop_that_is_not_there_is_a_clear_error():
    case = kit.load_case("tests/cases/disputes")
    with pytest.raises(ValueError):
        plot_outlet_loop(case)
