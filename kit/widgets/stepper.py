"""The StoryStepper: step through the story of a case in time, on one screen (an anywidget).

Its steps are :func:`kit.text.story_steps.story_steps`, its data :func:`kit.graphview.story_data.story_data`, drawn by
``kit/graphview/static/graphview.js``: the renderer of the published page, with the same data. Needs ``anywidget``
(the ``notebooks`` extra).

Examples
--------
>>> import kit
>>> from kit.widgets.stepper import StoryStepper
>>> s = StoryStepper(kit.load_case("tests/cases/echo"), "strike_deaths")
>>> s.n_steps, s.step
(4, 1)
"""

from __future__ import annotations

import json

import anywidget
import pandas as pd
import traitlets

from kit.graphview.fragment import static_text
from kit.graphview.story_data import claim_words, no_gc_pauses, story_data
from kit.text.story import load_story
from kit.text.story_steps import story_steps
from kit.widgets.common import NOT_RUN

__all__ = ["StoryStepper"]


class StoryStepper(anywidget.AnyWidget):
    """Step through the story of a case in time, on one screen: the notebook's view of the published page's story.

    One row of the story, one step (:func:`kit.text.story.load_story`: ``story.csv``, or one step per publication
    day); what each step shows is :func:`kit.text.story_steps.story_steps`. Each step shows its title and narrative, the
    citation graph as it stood (only the claims told so far and what they rest on, the new ones ringed; hover or
    Tab to a node for its words, click or Enter to trace it to its origins) beside the figure over time with the
    step's day marked "now", then *what changed at this step*, and the claims so far folded below. Previous, Next,
    the slider, Play/Pause and the ← → keys move; Pause keeps the step.

    Parameters
    ----------
    case : kit.Case
    proposition : str, optional
        The question told (every claim when None; then no figure over time is drawn).
    story : pandas.DataFrame, optional
        Steps as :func:`kit.text.story.load_story` returns them (a ``claims`` column of id tuples is optional).

    Attributes
    ----------
    step : int
        The current step, 1-based (a synced traitlet: set it, or call :meth:`go`, to move).
    n_steps : int
    steps : list of dict
        :func:`kit.text.story_steps.story_steps`: what every step shows.
    data : dict
        What the renderer draws (:func:`kit.graphview.story_data.story_data`), the page's data for the same story;
        sent to the view as one JSON string (the synced ``data_json``).
    upto : pandas.Timestamp
        The moment the current step shows.
    visible_claims, new_claims : list of str
        The claims shown at this step in order of publication, and those not shown at the step before.
    newest : str or None
        The last of ``new_claims`` (None when nothing is new).
    title, text : str
    changes : list of str
        "What changed at this step", one line per new claim.
    table : pandas.DataFrame
        The claims shown, in words (:func:`kit.graphview.story_data.claim_words`).

    Raises
    ------
    kit.UnknownName
        (a KeyError) For an unknown proposition, or a claim the story names that the case does not have.

    Examples
    --------
    >>> import kit, kit.widgets
    >>> s = kit.widgets.StoryStepper(kit.load_case("data/deir-ez-zor"), "russians_killed_feb7")
    >>> s.n_steps, s.step, s.visible_claims
    (8, 1, ['reuters-two-killed'])
    >>> s.next(); s.step, len(s.visible_claims)
    (2, 2)
    >>> s.go(6); s.newest, s.title
    ('daily-beast-200-russian-fighters', 'The Daily Beast: “more than 200 Russian fighters”')
    """

    _esm = static_text("graphview.js")
    _css = static_text("graphview.css")
    data_json = traitlets.Unicode("").tag(sync=True)  # the data as one JSON string: nothing to walk for buffers
    step = traitlets.Int(1).tag(sync=True)

    def __init__(self, case, proposition=None, *, story=None, **kwargs):
        self.case, self.proposition = case, proposition
        with no_gc_pauses():  # tens of thousands of small objects, no cycle: 40 % faster at 2,000 steps
            self.story = load_story(case, proposition) if story is None else story.reset_index(drop=True)
            self.steps = story_steps(case, proposition, self.story)
            self.n_steps = len(self.steps)
            self._words = claim_words(case, proposition)
            self.data = story_data(case, proposition, self.story, steps=self.steps, words=self._words)
            text = json.dumps(self.data, ensure_ascii=False, separators=(",", ":"))
        super().__init__(data_json=text, step=1, **kwargs)
        self.observe(lambda _: self._update(), names="step")
        self._update()

    @traitlets.validate("step")
    def _clip(self, proposal):
        return min(max(int(proposal["value"]), 1), max(self.n_steps, 1))

    def _update(self):
        if self.n_steps:
            s = self.steps[self.step - 1]
            self.upto, self.title, self.text = s["upto"], s["title"], s["text"]
            self.visible_claims, self.new_claims, self.newest = list(s["claims"]), list(s["new"]), s["newest"]
            self.changes = list(self.data["steps"][self.step - 1]["changes"])
        else:
            self.upto, self.title, self.text = pd.Timestamp.max.tz_localize("UTC"), "No story: no claims", ""
            self.visible_claims, self.new_claims, self.newest, self.changes = [], [], None, []
        self.table = self._words.loc[self.visible_claims]

    def go(self, step: int) -> None:
        """Show step ``step`` (1-based, clipped to the story); the same as setting :attr:`step`."""
        self.step = int(step)

    def next(self) -> None:
        """The step after this one (the last step stays)."""
        self.step = self.step + 1

    def previous(self) -> None:
        """The step before this one (the first step stays)."""
        self.step = self.step - 1

    def __repr__(self) -> str:
        return NOT_RUN.format(name="StoryStepper")
