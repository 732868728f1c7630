"""Where each node and label of the explorable citation graph goes, computed in Python so it is the same everywhere.

Claims run left to right in time, one lane (row) per outlet; sources stand in a column on the left, each beside the
lanes that rest on it. Every label gets a box whose size is estimated from its characters and the font size, and no
two boxes overlap (nor a box and a node): a label tries a few places around its node, in a fixed order, and is
pushed down until free when none of them is. The same input always gives the same layout.

Examples
--------
>>> from kit.graphview.positions import layout, text_width
>>> claims = [{"id": "a", "time": 1, "lane": "Reuters", "label": "2+"},
...           {"id": "b", "time": 2, "lane": "Reuters", "label": "3+"}]
>>> lay = layout(claims, [{"id": "s", "label": "A source", "near": ["a"]}])
>>> lay["nodes"]["a"][0] < lay["nodes"]["b"][0], round(text_width("2+"), 1)
(True, 16.9)
"""

from __future__ import annotations

from kit.analysis.selection import publication_key
from kit.text.html import isolate_text

__all__ = ["FONT_SIZE", "NODE_RADIUS", "text_width", "layout", "boxes_overlap", "overlapping_pairs"]

#: font size (CSS px) of every label the renderer draws; the estimates below assume it
FONT_SIZE = 11.0
_LINE = 1.35  # line height, in font sizes
_COL = 68.0  # width of one time column
_LANE = 46.0  # height of one outlet lane
#: radius (px) of a claim's circle; a source's square is twice as wide
NODE_RADIUS = 7.0
_R = NODE_RADIUS
_PAD = 2.0  # space kept around every label box
_CELL = 64.0  # grid cell of the collision index
_MAX_NAME = 30  # characters of a source's or outlet's name shown in its label (the full name is in the tooltip)

# advance of each character in em, from DejaVu Sans (what Chromium draws system-ui and sans-serif with on Debian;
# wider than Arial, Helvetica, Roboto and Segoe UI), rounded up; anything else counts 1 em
_ADVANCE = {
    ch: em
    for chars, em in (
        ("'ijl", 0.28),
        ("IJ", 0.30),
        (" ,.’‘·", 0.32),
        ("/:;\\|", 0.34),
        ("f", 0.36),
        ("-", 0.37),
        ("r", 0.39),
        ("()[]t", 0.40),
        ("!", 0.41),
        ('"', 0.46),
        ("*_`–", 0.50),
        ("“”", 0.52),
        ("sz", 0.53),
        ("?cç", 0.54),
        ("Loö", 0.56),
        ("eéè", 0.57),
        ("Fk", 0.58),
        ("vxy", 0.60),
        ("P", 0.61),
        ("TYaàä", 0.62),
        ("$0123456789ESbdghnpqu{}üñ", 0.64),
        ("K", 0.66),
        ("ABVXZ", 0.69),
        ("CR", 0.70),
        ("U", 0.74),
        ("N", 0.75),
        ("H", 0.76),
        ("&DG", 0.78),
        ("OQ", 0.79),
        ("w", 0.82),
        ("#+<=>^~≤≥", 0.84),
        ("M", 0.87),
        ("%", 0.96),
        ("m", 0.98),
        ("W", 0.99),
        ("@—…", 1.00),
    )
    for ch in chars
}
_MARGIN = 1.04  # a little more, for fonts a bit wider still and rounding in the renderer


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """The estimated width of ``text`` drawn at ``size`` px in a sans-serif font.

    Each character counts its advance in DejaVu Sans (measured in Chromium; the common sans-serif faces are
    narrower), a character not in the table 1 em, and the sum 4 % more: boxes from these estimates are not smaller
    than the text as drawn.

    Parameters
    ----------
    text : str
    size : float
        The font size in px.

    Returns
    -------
    float

    Examples
    --------
    >>> text_width("") == 0, text_width("WW") > text_width("ii")
    (True, True)
    """
    return sum(_ADVANCE.get(ch, 1.0) for ch in str(text)) * size * _MARGIN


def _short(text: str, limit: int = _MAX_NAME) -> str:
    """``text`` on one line, cut at a word and outside brackets (so it stays a part of the node's accessible name,
    as WCAG's label-in-name asks) with "…".

    Examples
    --------
    >>> _short("Two Russians (unnamed, to Bloomberg)"), _short("Associates of the dead, unnamed, to Reuters")
    ('Two Russians…', 'Associates of the dead…')
    """
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    word = cut.rpartition(" ")[0]
    cut = word if len(word) >= limit // 2 else cut
    if cut.count("(") > cut.count(")"):  # not inside a bracket: "Tsarizm…", not "Tsarizm (publisher of…"
        before = cut[: cut.rindex("(")].rstrip()
        cut = before if len(before) >= 4 else cut
    return cut.rstrip(" ,;:(") + "…"


def boxes_overlap(a, b) -> bool:
    """Do two boxes ``(x, y, w, h)`` intersect (touching edges do not count)?

    Parameters
    ----------
    a, b : tuple of 4 numbers
        ``(x, y, w, h)``: the top-left corner, the width and the height.

    Returns
    -------
    bool

    See Also
    --------
    overlapping_pairs : every intersecting pair among many boxes.

    Examples
    --------
    >>> boxes_overlap((0, 0, 10, 10), (9, 9, 5, 5)), boxes_overlap((0, 0, 10, 10), (10, 0, 5, 5))
    (True, False)
    """
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def overlapping_pairs(boxes) -> list:
    """The index pairs ``(i, j)`` of boxes ``(x, y, w, h)`` that intersect, found with a grid (fast for thousands).

    Parameters
    ----------
    boxes : sequence of tuple
        Each ``(x, y, w, h)``, as for :func:`boxes_overlap`.

    Returns
    -------
    list of tuple
        Sorted pairs of positions in ``boxes``, ``i < j``; empty when no two boxes intersect.

    See Also
    --------
    boxes_overlap : the test for one pair.

    Examples
    --------
    >>> overlapping_pairs([(0, 0, 10, 10), (5, 5, 10, 10), (50, 50, 1, 1)])
    [(0, 1)]
    """
    grid = _Grid()
    out: list = []
    for i, b in enumerate(boxes):
        out.extend((j, i) for j in sorted(grid.hits(b)))
        grid.add(i, b)
    return sorted(out)


class _Grid:
    """Boxes indexed by the grid cells they cover, to find the ones a new box would hit."""

    def __init__(self):
        self.cells, self.boxes = {}, {}

    def _cells(self, b):
        x0, y0 = int(b[0] // _CELL), int(b[1] // _CELL)
        x1, y1 = int((b[0] + b[2]) // _CELL), int((b[1] + b[3]) // _CELL)
        return ((i, j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1))

    def add(self, key, b):
        self.boxes[key] = b
        for c in self._cells(b):
            self.cells.setdefault(c, []).append(key)

    def hits(self, b):
        seen = set()
        for c in self._cells(b):
            for k in self.cells.get(c, ()):
                if k not in seen and boxes_overlap(b, self.boxes[k]):
                    seen.add(k)
        return seen

    def free(self, b):
        padded = (b[0] - _PAD, b[1] - _PAD, b[2] + 2 * _PAD, b[3] + 2 * _PAD)
        return not self.hits(padded)


def _columns(claims, lane_of):
    """Time columns: in time order, a claim shares the current column unless its lane already has a claim there
    or it is of a later day (``day``) than the column's claims."""
    last: dict = {}
    out: dict = {}
    col, day = 0, None
    for c in claims:
        lane = lane_of[c["id"]]
        if out and c.get("day") != day:
            col += 1
        day = c.get("day")
        col = max(col, last.get(lane, -1) + 1)
        last[lane] = col
        out[c["id"]] = col
    return out


def _spread(wanted: list, gap: float) -> list:
    """Positions as near ``wanted`` (sorted) as they can be with ``gap`` between neighbours."""
    out: list[float] = []
    for w in wanted:
        out.append(w if not out else max(w, out[-1] + gap))
    shift = (sum(out) - sum(wanted)) / len(out) if out else 0.0  # centre the column on what was wanted
    return [y - shift for y in out]


def layout(claims, sources, *, font_size: float = FONT_SIZE) -> dict:
    """Positions of the claims and sources, and a label box for each, none overlapping another or a node.

    Parameters
    ----------
    claims : list of dict
        In any order; each with ``id``, ``time`` (anything that sorts: the publication time, earliest), ``lane``
        (the outlet's name, one row each) and ``label`` (the text drawn below the node); maybe ``latest`` (the
        latest the publication time can be, for an uncertain date). They are placed in order of publication
        (:func:`kit.analysis.selection.publication_key`).
    sources : list of dict
        Each with ``id``, ``label`` (a name, shortened to 30 characters) and ``near`` (ids of the claims it is
        linked to; the source is placed beside their lanes).
    font_size : float
        The labels' font size in px.

    Returns
    -------
    dict
        ``nodes`` (id -> ``(x, y)`` centre), ``labels`` (id -> ``{"text", "x", "y", "w", "h", "anchor"}``, the box's
        top-left corner and size), ``lanes`` (list of ``{"name", "y", "label"}``), ``ticks`` (list of
        ``{"text", "x", "label"}``: the first claim of each day, when its label fits; a claim's ``day`` key gives
        its text), and the drawing's extent ``left``, ``width`` and ``height`` (its top is 0).

    Examples
    --------
    >>> lay = layout([{"id": "a", "time": 1, "lane": "L", "label": "10"}], [])
    >>> sorted(lay), lay["labels"]["a"]["text"]
    (['height', 'labels', 'lanes', 'left', 'nodes', 'ticks', 'width'], '10')
    """
    h = font_size * _LINE
    claims = sorted(claims, key=lambda c: publication_key(c["time"], c.get("latest"), c["id"]))
    lanes = list(dict.fromkeys(c["lane"] for c in claims))
    lane_y = {name: _LANE * (i + 1) + h for i, name in enumerate(lanes)}  # two rows of dates on top
    lane_of = {c["id"]: c["lane"] for c in claims}
    cols = _columns(claims, lane_of)
    lane_w = min(max((text_width(_short(n), font_size) for n in lanes), default=0.0), 220.0)
    src_texts = {s["id"]: isolate_text(_short(s["label"])) for s in sources}  # case text: a bidi isolate
    src_w = max((text_width(t, font_size) for t in src_texts.values()), default=0.0)
    x_src = src_w + 14.0  # source squares; their labels to their left, right-aligned
    x0 = x_src + _R + 24.0 + lane_w + 18.0 if lanes else x_src + 40.0  # the first time column
    nodes = {c["id"]: (x0 + _COL * cols[c["id"]], lane_y[c["lane"]]) for c in claims}

    # sources: beside the mean lane of the claims they are linked to, spread so their labels never touch
    wanted = []
    for s in sources:
        ys = [nodes[k][1] for k in s.get("near", ()) if k in nodes]
        wanted.append((sum(ys) / len(ys) if ys else _LANE + h, str(s["id"])))
    wanted.sort()
    ys = _spread([w for w, _ in wanted], max(h + 2 * _PAD + 1, 2 * _R + 6))
    top = min(ys, default=_LANE + h)
    if top < _LANE + h:  # nothing above the first lane
        ys = [y + _LANE + h - top for y in ys]
    for (_, sid), y in zip(wanted, ys, strict=False):
        nodes[sid] = (x_src, y)

    grid = _Grid()
    for k, (x, y) in nodes.items():
        grid.add(("node", k), (x - _R, y - _R, 2 * _R, 2 * _R))
    labels: dict[str, dict] = {}
    for s in sources:  # left of the square: the column is spread, nothing else is there
        x, y = nodes[s["id"]]
        text = src_texts[s["id"]]
        w = text_width(text, font_size)
        box = (x - _R - 6.0 - w, y - h / 2, w, h)
        labels[s["id"]] = {"text": text, "anchor": "end"}
        grid.add(("label", s["id"]), box)
        labels[s["id"]].update(_xywh(box))
    lane_rows = []
    for name in lanes:
        text = isolate_text(_short(name))
        w = text_width(text, font_size)
        box = (x0 - 18.0 - w, lane_y[name] - h / 2, w, h)
        if not grid.free(box):  # a source label reaches into the lane gutter: go further left
            box = _push(grid, box, dx=-8.0)
        grid.add(("lane", name), box)
        lane_rows.append(
            {
                "name": isolate_text(name),
                "y": lane_y[name],
                "label": {**_xywh(box), "text": text},
            }
        )
    for c in claims:
        text = str(c["label"])
        w = text_width(text, font_size)
        x, y = nodes[c["id"]]
        tries = [
            (x - w / 2, y + _R + 2),
            (x - w / 2, y - _R - 2 - h),
            (x + _R + 3, y - h / 2),
            (x - _R - 3 - w, y - h / 2),
            (x - w / 2, y + _R + 2 + h),
            (x - w / 2, y - _R - 2 - 2 * h),
        ]
        found = next(((bx, by, w, h) for bx, by in tries if grid.free((bx, by, w, h))), None)
        box = found if found is not None else _push(grid, (tries[0][0], tries[0][1], w, h), dy=h / 2)
        grid.add(("label", c["id"]), box)
        labels[c["id"]] = {**_xywh(box), "text": text, "anchor": "middle"}
    ticks, ends, year = [], [float("-inf"), float("-inf")], None
    seen_days = set()
    for c in claims:  # a date above the first claim of each day, on one of two rows
        day = c.get("day")
        if day is None or day in seen_days:
            continue
        seen_days.add(day)
        text = day if day.split()[-1] != year else day.rpartition(" ")[0]  # the year only when it changes
        x = nodes[c["id"]][0]
        w = text_width(text, font_size)
        for row in (0, 1):
            box = (x - w / 2, 2.0 + row * h, w, h)
            if box[0] >= ends[row] + 6 and grid.free(box):
                grid.add(("tick", day), box)
                ends[row] = box[0] + w
                year = day.split()[-1]
                ticks.append({"text": text, "x": x, "label": dict(zip("xywh", box, strict=False), text=text)})
                break
    boxes = list(grid.boxes.values())
    left = min(0.0, min((b[0] for b in boxes), default=0.0)) - 8.0
    width = max((b[0] + b[2] for b in boxes), default=0.0) + 20.0 - left
    height = max((b[1] + b[3] for b in boxes), default=0.0) + 16.0
    return {
        "nodes": nodes,
        "labels": labels,
        "lanes": lane_rows,
        "ticks": ticks,
        "left": round(left, 1),
        "width": round(width, 1),
        "height": round(height, 1),
    }


def _xywh(box) -> dict:
    """A label box ``(x, y, w, h)`` as the view's ``{"x": .., "y": .., "w": .., "h": ..}``."""
    return dict(zip(("x", "y", "w", "h"), box, strict=True))


def _push(grid, box, dx: float = 0.0, dy: float = 0.0):
    """Move ``box`` by (dx, dy) steps until it overlaps nothing (always ends: the drawing is finite)."""
    x, y, w, h = box
    while not grid.free((x, y, w, h)):
        x, y = x + dx, y + dy
    return (x, y, w, h)
