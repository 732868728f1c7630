"""What every step of a story shows, computed once: the one story model of the notebook's stepper and the page.

:func:`story_steps` reads the story (:func:`kit.text.story.load_story`: ``story.csv``, else one step per
publication day) and gives, per step, the claims it shows (:func:`kit.text.story.shown_by_step`), those new at it,
and the sources and claims of other questions they cite or rest on. :func:`kit.graphview.story_data.story_data`
turns these steps into the data of the one renderer, ``kit/graphview/static/graphview.js``, for
:class:`kit.widgets.StoryStepper` and the published page alike.

Examples
--------
>>> import kit
>>> from kit.text.story_steps import story_steps
>>> [s["new"] for s in story_steps(kit.load_case("tests/cases/echo"), "strike_deaths")]
[['e_one', 'e_two'], ['e_echo'], ['e_direct', 'e_indep'], ['e_single']]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.analysis.selection import in_publication_order, shown_with
from kit.cells import is_missing
from kit.errors import UnknownName
from kit.graph.citation import claim_context, own_reporting, require_proposition
from kit.text.story import load_story, shown_by_step

__all__ = ["story_steps"]


def _named_steps(case, story, told) -> list:
    """Per step, the ids of the told claims its ``claims`` cell names (empty tuples where the story names none)."""
    if "claims" not in story.columns:
        return [() for _ in range(len(story))]
    everything = set(case.claims["claim_id"].astype(str).tolist())
    out = []
    for ids in story["claims"]:
        ids = tuple(str(c) for c in ids) if isinstance(ids, (tuple, list)) else ()
        unknown = [c for c in ids if c not in everything]
        if unknown:
            raise UnknownName("claim", unknown[0], sorted(everything))
        out.append(tuple(c for c in ids if c in told))  # a claim of another question is not told in this story
    return out


def _rests_on(case, proposition, told: list) -> dict:
    """For each told claim, the nodes other than told claims that showing it shows: what it cites (sources, claims
    of other questions, and what those cite in turn) and, when it rests on its own reporting, its publisher."""
    in_scope = set(shown_with(case, proposition))
    told_set = set(told)
    cites: dict = {}
    for a, b in zip(
        case.citations["claim_id"].astype(str).tolist(), case.citations["cites"].astype(str).tolist(), strict=False
    ):
        if a in in_scope and b in in_scope:
            cites.setdefault(a, []).append(b)
    own_flags = own_reporting(case)
    own = dict(zip(own_flags.index.tolist(), own_flags.tolist(), strict=True))
    by_claim = case.claims.set_index("claim_id")["report_id"].map(case.reports.set_index("report_id")["source_id"])
    publisher = dict(zip(by_claim.index.tolist(), by_claim.tolist(), strict=True))  # (to_dict reads a cell at a time)
    out = {}
    for c in told:
        seen: dict = {}  # in the order found
        todo = list(cites.get(c, ()))
        if bool(own.get(c, False)):
            todo.append(str(publisher.get(c)))
        while todo:
            n = todo.pop()
            if n in told_set or n in seen or n not in in_scope:
                continue
            seen[n] = True
            todo.extend(cites.get(n, ()))
        out[c] = list(seen)
    return out


def story_steps(case, proposition=None, story=None) -> list[dict]:
    """The steps of the story of ``proposition``, computed once: what each step shows, what is new at it.

    The one model of a story, for every surface that tells it: :class:`kit.widgets.StoryStepper` in a notebook and
    the published page (:func:`kit.publish.page_html`) show these steps, drawn by one renderer
    (``kit/graphview/static/graphview.js``). One row of ``story.csv`` is one step, else one step per publication
    day (:func:`kit.text.story.load_story`). Where the story names the claims each step adds (its ``claims``
    column), a named claim appears at the first step naming it, whatever its date; a claim no step names appears
    once it was published (:func:`kit.text.story.shown_by_step`).

    Parameters
    ----------
    case : kit.Case
    proposition : str, optional
        The question told; every claim of the case when ``None``.
    story : pandas.DataFrame, optional
        Steps as :func:`load_story` gives them; by default the case's own.

    Returns
    -------
    list of dict
        One per step, in order: ``step`` (1, 2, ...), ``date`` and ``upto`` (pandas Timestamps: the step's day and
        the moment it shows), ``title`` and ``text`` ("" where empty), ``claims`` (the claims shown, in order of
        publication), ``new`` (those not shown at the step before), ``newest`` (the last of ``new``, or None),
        ``sources`` (the sources shown: those the claims shown cite or rest on) and ``cited`` (claims of other
        questions the claims shown cite).

    Raises
    ------
    kit.UnknownName
        (a KeyError) For an unknown proposition, or a claim id in ``claims`` the case does not have.

    See Also
    --------
    kit.text.story.load_story : the story's rows.
    kit.graphview.story_data.story_data : these steps as the renderer's data.
    kit.text.story.shown_by_step : the rule of what a step shows.

    Examples
    --------
    >>> import kit
    >>> steps = story_steps(kit.load_case("data/deir-ez-zor"), "russians_killed_feb7")
    >>> len(steps), steps[0]["claims"], steps[1]["new"]
    (8, ['reuters-two-killed'], ['afp-cit-three-more'])
    >>> steps[0]["sources"]
    ['reuters_associates']
    >>> [s["new"] for s in story_steps(kit.load_case("tests/cases/echo"), "strike_deaths")][:2]
    [['e_one', 'e_two'], ['e_echo']]
    """
    ctx = claim_context(case)
    if proposition is not None:
        require_proposition(case, proposition)
        ctx = ctx[ctx["proposition"] == proposition]
    ctx = in_publication_order(ctx).reset_index(drop=True)
    story = load_story(case, proposition) if story is None else story.reset_index(drop=True)
    ids = ctx["claim_id"].astype(str).tolist()
    named = _named_steps(case, story, set(ids))
    masks = shown_by_step(ctx["published"], ids, list(story["upto"]), named)
    rests = _rests_on(case, proposition, ids)
    source_ids = set(case.sources["source_id"].astype(str).tolist())
    order = {n: k for k, n in enumerate(case.sources["source_id"].astype(str).tolist())}
    order.update({n: len(order) + k for k, n in enumerate(case.claims["claim_id"].astype(str).tolist())})
    # Each step from the one before, in arrays: the claims shown and new are a mask's ids; the nodes they rest on are
    # counted up and down as claims come and go (a list per step rebuilt from every claim shown is quadratic: 0.5 s at
    # 2,000 steps).
    extra = sorted({n for c in ids for n in rests[c]}, key=order.__getitem__)
    at = {n: k for k, n in enumerate(extra)}
    rest_index = [np.array([at[n] for n in rests[c]], dtype=np.intp) for c in ids]
    id_array = np.array(ids, dtype=object)
    extra_array = np.array(extra, dtype=object)
    is_source = np.array([n in source_ids for n in extra], dtype=bool)
    count = np.zeros(len(extra), dtype=np.int64)
    prev = np.zeros(len(ids), dtype=bool)
    steps = []
    rows = zip(*(story[c].tolist() for c in ("date", "upto", "title", "text")), masks, strict=True)
    for k, (date, upto, title, text, mask) in enumerate(rows, start=1):
        for i in np.flatnonzero(mask != prev).tolist():
            np.add.at(count, rest_index[i], 1 if mask[i] else -1)
        rested = count > 0
        new = id_array[mask & ~prev].tolist()
        prev = mask
        steps.append(
            {
                "step": k,
                "date": pd.Timestamp(date),
                "upto": pd.Timestamp(upto),
                "title": "" if is_missing(title) else str(title),
                "text": "" if is_missing(text) else str(text),
                "claims": id_array[mask].tolist(),
                "new": new,
                "newest": new[-1] if new else None,
                "sources": extra_array[rested & is_source].tolist(),
                "cited": extra_array[rested & ~is_source].tolist(),
            }
        )
    return steps
