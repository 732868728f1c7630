"""Interactive widgets for notebooks: step through a story, trace a claim, train a learner.

Widgets imported only when one is used (so ``import kit`` and :mod:`kit.widgets.grading` stay light):

- :class:`StoryStepper` (:mod:`kit.widgets.stepper`, an anywidget on the published page's renderer
  ``kit/graphview/static/graphview.js``) steps through the story of a case in time;
- :class:`ClaimTracer` (:mod:`kit.widgets.tracer`) follows one claim down to its origins, and asks *what if* an
  origin is discredited;
- :class:`SourceExercise` (:mod:`kit.widgets.exercise`) shows a learner one claim at a time and grades their answer
  with the pure functions of :mod:`kit.widgets.grading`.

Every widget keeps what it shows in plain attributes (``step``, ``visible_claims``, ``table``, ``tree``, ``lost``,
``score`` ...), so a test can set a control's value and read the result without a browser. Display one by leaving
it as the last expression of a cell; a notebook saved without running shows a line saying to run it.

Examples
--------
>>> import kit, kit.widgets
>>> kit.widgets.ClaimTracer(kit.load_case("tests/cases/echo"), "e_echo", draw=False)
ClaimTracer: an interactive widget. Run the notebook (Run ▸ Run All Cells) to use it.
"""

from __future__ import annotations

import importlib

__all__ = ["StoryStepper", "ClaimTracer", "SourceExercise", "AuditReview"]

_WHERE = {"StoryStepper": "stepper", "ClaimTracer": "tracer", "SourceExercise": "exercise", "AuditReview": "review"}


def __getattr__(name):
    if name in _WHERE:
        return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + __all__)
