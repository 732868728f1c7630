"""kit.show.timeline_labels: labels beside their marks and never over one another, checked by box intersection on
seeded random crowds of labels (a pile on one mark, a row of marks, random scatter), and in a drawn timeline."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

from kit.show.timeline import plot_timeline
from kit.show.timeline_labels import place_labels


def _boxes(anchors, rel, offsets):
    x0 = anchors[:, 0] + offsets[:, 0] + rel[:, 0]
    y0 = anchors[:, 1] + offsets[:, 1] + rel[:, 1]
    return np.column_stack([x0, y0, x0 + rel[:, 2], y0 + rel[:, 3]])


def _overlaps(boxes, pad=0.0):
    out = []
    for i in range(len(boxes)):
        for j in range(i):
            a, b = boxes[i], boxes[j]
            if a[0] < b[2] - pad and b[0] < a[2] - pad and a[1] < b[3] - pad and b[1] < a[3] - pad:
                out.append((j, i))
    return out


def _crowd(seed, kind):
    rnd = np.random.default_rng(seed)
    n = int(rnd.integers(2, 25))
    if kind == "pile":
        anchors = np.zeros((n, 2))
    elif kind == "row":
        anchors = np.column_stack([np.arange(n) * 10.0, np.zeros(n)])
    else:
        anchors = rnd.uniform(0, 200, size=(n, 2))
    rel = np.column_stack([np.zeros(n), np.full(n, -2.0), rnd.uniform(20, 90, n), np.full(n, 10.0)])
    return anchors, rel


@pytest.mark.parametrize("kind", ["pile", "row", "scatter"])
@pytest.mark.parametrize("seed", range(8))
def test_no_two_labels_overlap(seed, kind):
    anchors, rel = _crowd(seed, kind)
    offsets = place_labels(anchors, rel)
    assert offsets.shape == (len(anchors), 3)
    assert _overlaps(_boxes(anchors, rel, offsets), pad=1e-6) == []
    assert (offsets[:, 2] >= 0).all()


def test_a_lone_label_sits_right_of_its_mark_unmoved():
    offsets = place_labels(np.array([[5.0, 5.0]]), np.array([[0.0, -2.0, 40.0, 10.0]]))
    assert offsets.tolist() == [[8.0, 5.0, 0.0]]  # the gap across and up, as documented


def test_nothing_goes_over_a_taken_box():
    anchors = np.array([[0.0, 0.0]] * 4)
    rel = np.array([[0.0, -2.0, 40.0, 10.0]] * 4)
    taken = np.array([[-100.0, -100.0, 200.0, 0.0]])  # everything below the mark's line
    boxes = _boxes(anchors, rel, place_labels(anchors, rel, taken=taken))
    assert (boxes[:, 1] >= 0 - 1e-6).all()


def test_the_drawn_timeline_has_no_overlapping_labels(deir_case):
    fig, ax = plt.subplots(figsize=(10, 4))
    plot_timeline(deir_case, "russians_killed_feb7", ax=ax)
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    boxes = np.array([t.get_window_extent(r).extents for t in ax.texts if t.get_text()])
    assert len(boxes) > 5
    assert _overlaps(boxes, pad=0.5) == []
    plt.close(fig)
