"""kit.show.aggregate: the fast picture of a large story; its dots are the (outlet, day) buckets of the claims shown,
sized by how many, and its lines the distinct bucket-to-bucket citations; both counted independently with pandas."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.collections import PathCollection

import kit
from kit.graph.citation import claim_context
from kit.show import story_layout
from kit.show.aggregate import StoryAggregate


@pytest.fixture(scope="module")
def story():
    case = kit.testing.synth.make_case(80, seed=3)
    prop = case.claims["proposition"].value_counts().index[0]
    ctx = claim_context(case)
    ctx = ctx[ctx["proposition"] == prop].sort_values(["published", "claim_id"]).reset_index(drop=True)
    return case, prop, ctx, StoryAggregate(case, ctx, story_layout(case, prop), prop)


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


@pytest.mark.parametrize("share", [1.0, 0.5, 0.1])
def test_the_dots_are_the_outlet_day_buckets(story, share):
    case, prop, ctx, pic = story
    visible = np.arange(len(ctx)) < max(1, int(len(ctx) * share))
    _, ax = plt.subplots()
    pic.draw_graph(ax, visible, None, ctx["published"].max())
    shown = ctx[visible]
    counts = shown.groupby([shown["source_id"], shown["published"].dt.floor("D")]).size()
    # the first dots drawn are the claims', sized 20 + 25 * sqrt(count): their sizes give back the counts
    dots = next(c for c in ax.collections if isinstance(c, PathCollection))
    assert sorted(np.rint(((dots.get_sizes() - 20) / 25) ** 2).astype(int)) == sorted(counts.tolist())
    assert f"{int(visible.sum())} claims, one dot per outlet and day" in ax.get_title()


def test_the_buckets_of_the_whole_story(story):
    case, prop, ctx, pic = story
    assert pic.n_buckets == ctx.groupby([ctx["source_id"], ctx["published"].dt.floor("D")]).ngroups
    assert len(pic.bucket) == len(ctx)
    # two claims share a bucket exactly when they share outlet and day
    key = list(zip(ctx["source_id"], ctx["published"].dt.floor("D"), strict=True))
    for i in range(0, len(ctx), 7):
        for j in range(len(ctx)):
            assert (pic.bucket[i] == pic.bucket[j]) == (key[i] == key[j])


def test_the_timeline_draws_every_claim_with_a_figure(story):
    case, prop, ctx, pic = story
    _, ax = plt.subplots()
    pic.draw_timeline(ax, np.ones(len(ctx), dtype=bool), ctx["published"].max())
    assert prop.replace("_", " ") in ax.get_title()
