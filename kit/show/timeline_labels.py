"""Where the figure over time puts its labels: beside each mark, never over another label.

The labels' sizes are only known once drawn (fonts, the axes' size on the page), so :class:`LabelPlacer`, an
invisible artist of the axes drawn before the labels, measures every label with the renderer at each draw and
moves it with :func:`place_labels`: to the right of its mark, or just above or below, or on its left, the nearest
free place first; a label moved further than a line away gets a thin leader line to its mark. A picture resized
(a stepper's axes, ``bbox_inches="tight"``, another dpi) is placed anew when drawn, so no two labels ever overlap.

Examples
--------
>>> import numpy as np
>>> offsets = place_labels(np.array([[0.0, 0.0], [0.0, 0.0]]), np.array([[0.0, -2.0, 40.0, 10.0]] * 2))
>>> offsets[0].tolist() != offsets[1].tolist()  # two labels of one place: one moved
True
"""

from __future__ import annotations

import numpy as np
from matplotlib.artist import Artist
from matplotlib.transforms import IdentityTransform

__all__ = ["GAP", "LabelPlacer", "place_labels"]

#: points between a mark and its label, across and up
GAP = (8.0, 3.0)
#: how many lines above or below its mark a label may go before it is placed over everything else
MAX_LINES = 60


def _candidates(anchor, rel, gap, pad, lines):
    """A label's places, nearest first: ``(n, 4)`` boxes (x0, y0, x1, y1) and how many lines each is moved."""
    ax, ay = anchor
    rx, ry, w, h = rel
    step = h + pad
    order = [0]
    for k in range(1, lines + 1):
        order += [-k, k]
    boxes, moved = [], []
    for near, far in ((0, 2), (2, lines + 1)):
        for x0 in (ax + gap[0], ax - gap[0] - w):
            for k in order:
                if near <= abs(k) < far:
                    y0 = ay + gap[1] + k * step
                    boxes.append((x0, y0, x0 + w, y0 + h))
                    moved.append(abs(k))
    return np.array(boxes), np.array(moved)


def _hits(boxes, others):
    """For each box, does it intersect any of ``others`` (both ``(n, 4)`` as x0, y0, x1, y1)?"""
    if not len(others):
        return np.zeros(len(boxes), dtype=bool)
    b, o = boxes[:, None, :], others[None, :, :]
    return ((b[..., 0] < o[..., 2]) & (o[..., 0] < b[..., 2]) & (b[..., 1] < o[..., 3]) & (o[..., 1] < b[..., 3])).any(
        axis=1
    )


def place_labels(
    anchors, rel_boxes, obstacles=None, *, taken=None, frame=None, gap=(8.0, 3.0), pad=2.0, lines=MAX_LINES
):
    """Offsets that keep every label beside its mark and no two labels over each other (one pass, in order).

    Each label goes to the first free place, nearest first: right of its anchor, a line below or above, left of
    it, then further up or down. A place is free if it meets no label placed before; the places that also miss
    every obstacle and stay inside ``frame`` are taken first. All in one unit (display pixels), y up.

    Parameters
    ----------
    anchors : array of shape (n, 2)
        Each label's mark.
    rel_boxes : array of shape (n, 4)
        Each label's box ``(x0, y0, w, h)`` relative to its anchor when drawn at offset ``(0, 0)``.
    obstacles : array of shape (m, 4), optional
        Boxes ``(x0, y0, x1, y1)`` a label had better not cover (the marks).
    taken : array of shape (k, 4), optional
        Boxes ``(x0, y0, x1, y1)`` no label may cover, as if placed before (the title).
    frame : tuple, optional
        ``(x0, y0, x1, y1)``: where labels had better stay (the axes).
    gap : (float, float)
        The room between a mark and its label, across and up.
    pad : float
        The room kept between two labels.
    lines : int
        How many lines above or below its mark a label may go; past that it goes above every label.

    Returns
    -------
    numpy.ndarray of shape (n, 3)
        Each label's offset ``(dx, dy)`` from its anchor, and how many lines it was moved (1 or more: a leader
        line is worth drawing past 1).

    Examples
    --------
    >>> import numpy as np
    >>> place_labels(np.array([[0.0, 0.0], [0.0, 0.0]]), np.array([[0.0, -2.0, 40.0, 10.0]] * 2)).tolist()
    [[8.0, 5.0, 0.0], [8.0, -7.0, 1.0]]
    """
    anchors, rel_boxes = np.asarray(anchors, dtype=float), np.asarray(rel_boxes, dtype=float)
    obstacles = np.zeros((0, 4)) if obstacles is None else np.asarray(obstacles, dtype=float).reshape(-1, 4)
    placed = np.zeros((0, 4)) if taken is None else np.asarray(taken, dtype=float).reshape(-1, 4)
    out = np.zeros((len(anchors), 3))
    for i, (anchor, rel) in enumerate(zip(anchors, rel_boxes, strict=True)):
        boxes, moved = _candidates(anchor, rel, gap, pad, lines)
        free = ~_hits(boxes, placed + np.array([-pad, -pad, pad, pad]))
        inside = np.ones(len(boxes), dtype=bool)
        if frame is not None:
            inside = (boxes[:, 0] >= frame[0]) & (boxes[:, 1] >= frame[1])
            inside &= (boxes[:, 2] <= frame[2]) & (boxes[:, 3] <= frame[3])
        clear = ~_hits(boxes, obstacles)
        for wanted in (free & inside & clear, free & inside, free):
            if wanted.any():
                j = int(np.argmax(wanted))
                box, lines_moved = boxes[j], moved[j]
                break
        else:  # nowhere near: above every label placed
            top = placed[:, 3].max() + pad if len(placed) else anchor[1]
            box = np.array([boxes[0, 0], top, boxes[0, 2], top + rel[3]])
            lines_moved = lines + 1
        placed = np.vstack([placed, box])
        out[i] = (box[0] - anchor[0] - rel[0], box[1] - anchor[1] - rel[1], lines_moved)
    return out


class LabelPlacer(Artist):
    """An invisible artist, drawn before the labels, that moves them apart at each draw (:func:`place_labels`).

    Parameters
    ----------
    labels : list of matplotlib.text.Annotation
        The labels, each at its mark in data coordinates, its text in offset points; placed in this order.
    anchors : list of (x, y)
        Each label's mark, in the axes' data units (numbers).
    leaders : list of matplotlib.lines.Line2D
        One per label, drawn from the mark to the label when the label is moved more than a line away.
    marks : list of (x, y), optional
        The marks' points (data units), which labels keep off when they can.

    Examples
    --------
    >>> import kit, kit.show
    >>> ax = kit.show.plot_timeline(kit.load_case("data/deir-ez-zor"), "russians_killed_feb7")
    >>> placer = next(a for a in ax.artists if isinstance(a, LabelPlacer))
    >>> len(placer.labels) == len(ax.texts)
    True
    """

    def __init__(self, labels, anchors, leaders, marks=()):
        super().__init__()
        self.labels, self.leaders = list(labels), list(leaders)
        self.anchors = np.asarray(anchors, dtype=float).reshape(-1, 2)
        self.marks = np.asarray(marks, dtype=float).reshape(-1, 2)
        self.set_zorder(-10)  # before every line and text of the axes
        self.set_in_layout(False)
        self._placed_for = None

    def draw(self, renderer) -> None:
        """Place the labels for this renderer and these axes (again only when either changed)."""
        ax = self.axes
        if ax is None or not self.labels:
            return
        px = renderer.points_to_pixels(1.0)
        anchors = ax.transData.transform(self.anchors)
        key = (px, tuple(np.round(anchors, 2).ravel()), tuple(np.round(ax.bbox.extents, 2)))
        if key == self._placed_for:
            return
        rel = []
        for label, anchor in zip(self.labels, anchors, strict=True):
            dx, dy = label.xyann
            box = label.get_window_extent(renderer)
            rel.append((box.x0 - anchor[0] - dx * px, box.y0 - anchor[1] - dy * px, box.width, box.height))
        half = 5.0 * px  # a marker of 9 points, and a little room
        marks = ax.transData.transform(self.marks) if len(self.marks) else np.zeros((0, 2))
        obstacles = np.hstack([marks - half, marks + half])
        taken = [ax.title.get_window_extent(renderer).extents] if ax.title.get_text() else []  # labels keep off it
        offsets = place_labels(
            anchors,
            rel,
            obstacles,
            taken=taken,
            frame=tuple(ax.bbox.extents),
            gap=(GAP[0] * px, GAP[1] * px),
            pad=2 * px,
        )
        for label, leader, anchor, (dx, dy, moved), (rx, ry, w, h) in zip(
            self.labels, self.leaders, anchors, offsets, rel, strict=True
        ):
            label.xyann = (dx / px, dy / px)
            near_x = anchor[0] + dx + rx if dx + rx >= 0 else anchor[0] + dx + rx + w
            leader.set_data([anchor[0], near_x], [anchor[1], anchor[1] + dy + ry + h / 2])
            leader.set_visible(bool(moved > 1))
        self._placed_for = key

    @staticmethod
    def leader(ax, colour, alpha):
        """A leader line for one label, hidden until :meth:`draw` needs it (in display coordinates).

        Parameters
        ----------
        ax : matplotlib.axes.Axes
        colour : str
        alpha : float

        Returns
        -------
        matplotlib.lines.Line2D
        """
        (line,) = ax.plot([], [], color=colour, lw=0.6, alpha=alpha, transform=IdentityTransform(), visible=False)
        return line
