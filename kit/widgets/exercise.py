"""The SourceExercise: a trainer's exercise, find the origin of each claim, then check against the kit.

Examples
--------
>>> import kit
>>> from kit.widgets.exercise import SourceExercise
>>> ex = SourceExercise(kit.load_case("tests/cases/echo"), "strike_deaths")
>>> ex.check()["points"], ex.checked  # Check without an answer scores nothing
(0, 0)
"""

from __future__ import annotations

import csv
import io
import os
import re
from typing import TYPE_CHECKING, Any

import ipywidgets as W

from kit.analysis.selection import choose_proposition
from kit.cells import is_missing
from kit.graph.citation import claim_context
from kit.schema import DEFAULT_FOLLOW, RELIABILITY
from kit.text.html import escape, isolate
from kit.text.style import RELIABILITY_WORDS
from kit.text.wording import plural, when_words
from kit.widgets.common import Displayable, Panel
from kit.widgets.grading import MAX_POINTS, LearnerAnswer, answer_key, answer_spread, grade_answer

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["SourceExercise", "SCORE_COLUMNS"]

#: the columns of :meth:`SourceExercise.scores_csv`
SCORE_COLUMNS = (
    "learner",
    "proposition",
    "claim_number",
    "claim_id",
    "outlet",
    "published",
    "answered_n_origins",
    "answered_origins",
    "answered_grade",
    "points",
    "max_points",
)


class SourceExercise(Displayable):
    """A trainer's exercise: find the origin of each claim, then check against the kit.

    The learner sees the claims about ``proposition`` one at a time, in order of publication, with what the
    reports themselves say (the claim's words and the passages that show whom it cites), answers *how many
    independent origins?* and *which source does it finally rest on?*, grades that source A–F, and presses
    Check. Nothing is preselected: Check without an answer scores nothing and says so. The first answered Check of
    a claim is its one scored attempt (the widget says so, and locks that claim's answer); it reveals the kit's
    answer and explains the difference (:func:`kit.widgets.grading.grade_answer`). Answers are kept when moving
    between claims; the score updates at every Check.

    The answer key is computed from the case (:func:`kit.independence`, :func:`kit.origins`) and held only inside
    the grading function, not in an attribute tab-completion shows. A trainer gets it with
    ``kit worksheet CASE OUT`` (an answer sheet beside the worksheet) or
    :func:`kit.widgets.grading.answer_key`.

    Parameters
    ----------
    case : kit.Case
    proposition : str, optional
        The question; by default the case's own (:func:`kit.analysis.selection.choose_proposition`: ``proposition =``
        in ``case.toml``, else the one with the most claims).
    learner : str
        The learner's name, written in the scores (a text box in the widget).
    follow : iterable of str, default ("stated", "inferred")
        The citation bases the answer key follows.
    scores_dir : str or path-like
        Where the *Save my scores* button writes ``scores-<learner>.csv`` (default: the working directory).

    Attributes
    ----------
    index : int
        Which claim (0-based) is shown; ``claim_id`` is its id, ``claims`` all of them in order.
    shown : dict
        What the learner sees: ``outlet``, ``published``, ``text``, ``cites`` (list of (relation, evidence)).
    result : dict or None
        The last Check (:meth:`kit.widgets.grading.Grade.as_dict`): which parts were right, ``points``, ``feedback``.
    score, checked, max_score : int
        Points won, claims scored, and 3 per claim scored.
    n_origins, source, grade, check_button, next_button, prev_button, learner, save_button, container : ipywidgets
    scoreboard : kit.widgets.common.Panel
        The live score and the *Save my scores* button, to show again at the end of a notebook.

    Examples
    --------
    >>> import kit, kit.widgets
    >>> ex = kit.widgets.SourceExercise(kit.load_case("tests/cases/echo"), "strike_deaths")
    >>> ex.claim_id
    'e_one'
    >>> ex.n_origins.value, ex.source.value, ex.grade.value = 1, ("anon",), "F"
    >>> ex.check_button.click(); ex.score, ex.checked
    (3, 1)
    """

    def __init__(self, case: Case, proposition=None, *, learner: str = "", follow=DEFAULT_FOLLOW, scores_dir="."):
        if proposition is None:
            proposition = choose_proposition(case)
        self.case, self.proposition, self.scores_dir = case, proposition, scores_dir
        key = answer_key(case, proposition, follow=follow)

        def grade(claim_id, answer):  # the only holder of the key
            return grade_answer(key[claim_id], answer)

        self.__grade = grade
        self.claims = list(key)
        (common_n, common_grades), same, total = answer_spread(key)
        #: a warning for trainers and learners when one guess would fit most claims ("" when answers vary)
        self.spread_note = (
            f"In this case {same} of {total} claims have the same answer ({plural(common_n, 'origin')}, graded "
            f"{'/'.join(common_grades) or '—'}): a guess repeated everywhere would score well. For answers that "
            "vary, try another case (data/khasham) or another question."
            if total >= 4 and same * 2 > total
            else ""
        )
        self._ctx = claim_context(case).set_index("claim_id")
        cites: dict = {}
        evidence = case.citations["evidence"] if "evidence" in case.citations.columns else [""] * len(case.citations)
        for claim, relation, ev in zip(case.citations["claim_id"], case.citations["relation"], evidence, strict=False):
            cites.setdefault(claim, []).append((relation, "" if is_missing(ev) else str(ev)))
        self._cites = cites
        names = case.sources.set_index("source_id")["name"].astype(str)
        self._names = names
        options = [(f"{names[s]}", s) for s in sorted(case.sources["source_id"], key=lambda s: names[s].lower())]
        self._answers: dict = {}  # claim -> LearnerAnswer, kept when moving between claims
        self._scored: dict = {}  # claim -> Grade of its one scored attempt
        self._restoring = False
        self.result: dict[str, Any] | None = None
        self.claim_html = W.HTML(layout=W.Layout(max_width="1000px"))
        wide = {"description_width": "initial"}
        self.n_origins = W.Dropdown(
            options=[("choose", None)] + [(str(i), i) for i in range(max(6, len(names) + 1))],
            value=None,
            description="Independent origins:",
            style=wide,
            layout=W.Layout(width="260px"),
        )
        self.source = W.SelectMultiple(
            options=options,
            value=(),
            rows=min(8, max(3, len(options))),
            style=wide,
            description="Rests finally on:",
            layout=W.Layout(width="520px"),
        )
        self.grade = W.ToggleButtons(
            options=list(RELIABILITY),
            value=None,
            description="Grade that source:",
            style={**wide, "button_width": "34px"},
            tooltips=[RELIABILITY_WORDS[g] for g in RELIABILITY],
        )
        self.check_button = W.Button(description="Check", button_style="primary", icon="check")
        self.prev_button = W.Button(description="Previous claim", icon="step-backward")
        self.next_button = W.Button(description="Next claim", icon="step-forward")
        self.attempt_html = W.HTML()
        self.feedback_html = W.HTML(layout=W.Layout(max_width="1000px"))
        self.score_html = W.HTML()
        self.learner = W.Text(
            value=learner,
            description="Your name:",
            style=wide,
            placeholder="for the scores file",
            layout=W.Layout(width="300px"),
        )
        self.save_button = W.Button(description="Save my scores (CSV)", icon="download", layout=W.Layout(width="auto"))
        self.save_html = W.HTML()
        self.check_button.on_click(lambda _: self.check())
        self.next_button.on_click(lambda _: self.show(self.index + 1))
        self.prev_button.on_click(lambda _: self.show(self.index - 1))
        self.save_button.on_click(lambda _: self.save_scores())
        for w in (self.n_origins, self.source, self.grade):
            w.observe(lambda _: self._keep(), names="value")
        board = W.VBox([self.score_html, W.HBox([self.learner, self.save_button]), self.save_html])
        board.add_class("kit-scoreboard")
        self.scoreboard = Panel(board, "Your score")
        note = [W.HTML(f"<p class='kit-note'><i>{escape(self.spread_note)}</i></p>")] if self.spread_note else []
        self.container = W.VBox(
            [
                *note,
                self.claim_html,
                self.n_origins,
                self.source,
                self.grade,
                W.HBox([self.check_button, self.prev_button, self.next_button]),
                self.attempt_html,
                self.feedback_html,
                board,
            ]
        )
        self.container.add_class("kit-source-exercise")
        self.index: int = -1
        self.show(0)

    # the score ---------------------------------------------------------------------------
    @property
    def score(self) -> int:
        return sum(g.points for g in self._scored.values())

    @property
    def checked(self) -> int:
        return len(self._scored)

    @property
    def max_score(self) -> int:
        return MAX_POINTS * self.checked

    def _answer(self) -> LearnerAnswer:
        return LearnerAnswer(self.n_origins.value, tuple(self.source.value), self.grade.value)

    def _keep(self):
        if not self._restoring and self.claim_id not in self._scored:
            self._answers[self.claim_id] = self._answer()

    # moving ------------------------------------------------------------------------------
    def show(self, index: int):
        """Show claim number ``index`` (0-based, clipped to the claims), with the learner's answer to it so far."""
        index = min(max(int(index), 0), len(self.claims) - 1)
        self.index = index
        self.claim_id = claim = self.claims[index]
        c = self._ctx.loc[claim]
        self.shown = {
            "outlet": str(c["outlet"]),
            "published": c["published"],
            "published_latest": c.get("published_latest"),
            "text": str(c["text"]),
            "cites": list(self._cites.get(claim, [])),
        }
        said = (
            "".join(
                f"<li><i>{escape(rel.replace('_', ' '))}</i>: “{isolate(ev)}”</li>"
                if ev
                else f"<li><i>{escape(rel.replace('_', ' '))}</i> (no passage quoted)</li>"
                for rel, ev in self.shown["cites"]
            )
            or "<li>the report names no source for it</li>"
        )
        self.claim_html.value = (
            f"<h4 style='margin:4px 0'>Claim {index + 1} of {len(self.claims)}</h4>"
            f"<p><b>{isolate(self.shown['outlet'])}</b>, {escape(when_words(self.shown))}: "
            f"“{isolate(self.shown['text'])}”</p><p>What the report says about where it comes from:</p>"
            f"<ul>{said}</ul>"
        )
        scored = self._scored.get(claim)
        answer = self._answers.get(claim, LearnerAnswer())
        self._restoring = True
        try:
            self.n_origins.value = answer.n_origins
            self.source.value = tuple(s for s in answer.origins if s in self._names.index)
            self.grade.value = answer.grade
        finally:
            self._restoring = False
        for w in (self.n_origins, self.source, self.grade, self.check_button):
            w.disabled = scored is not None
        self.result = scored.as_dict() if scored is not None else None
        self.feedback_html.value = self._feedback_html(scored) if scored is not None else ""
        self.attempt_html.value = (
            f"<p><i>Scored: your first answer to this claim counts ({scored.points} of {MAX_POINTS}).</i></p>"
            if scored is not None
            else "<p><i>One scored attempt per claim: your first whole answer (number, source, grade) counts.</i></p>"
        )
        self.prev_button.disabled = index == 0
        self.next_button.disabled = index == len(self.claims) - 1
        self._update_score()

    # checking ----------------------------------------------------------------------------
    def check(self) -> dict:
        """Grade the learner's answer for the shown claim; reveal and explain the kit's answer.

        An empty answer scores nothing (and reveals nothing); a claim already scored keeps its first result.

        Returns
        -------
        dict
            :meth:`kit.widgets.grading.Grade.as_dict`.
        """
        claim = self.claim_id
        if claim in self._scored:
            grade = self._scored[claim]
            self.result = result = grade.as_dict()
            self.attempt_html.value = (
                f"<p><i>Already scored: only the first answer counts ({grade.points} of {MAX_POINTS}).</i></p>"
            )
            return result
        answer = self._answer()
        grade = self.__grade(claim, answer)
        if grade.answered:
            self._answers[claim] = answer
            self._scored[claim] = grade
            for w in (self.n_origins, self.source, self.grade, self.check_button):
                w.disabled = True
            self.attempt_html.value = (
                f"<p><i>Scored: this was your one attempt at this claim ({grade.points} of {MAX_POINTS}).</i></p>"
            )
        self.result = result = grade.as_dict()
        self.feedback_html.value = self._feedback_html(grade)
        self._update_score()
        return result

    @staticmethod
    def _feedback_html(grade) -> str:
        return f"<p><b>{escape(grade.verdict)}</b> " + " ".join(escape(line) for line in grade.lines) + "</p>"

    def _update_score(self):
        left = len(self.claims) - self.checked
        if not self.checked:
            self.score_html.value = (
                f"<p>Score: <b>0</b> so far: no claim checked yet ({plural(len(self.claims), 'claim')} to go).</p>"
            )
            return
        self.score_html.value = (
            f"<p>Score: <b>{self.score}</b> of {self.max_score} "
            f"({self.checked} of {plural(len(self.claims), 'claim')} checked"
            + (f", {left} to go" if left else ", all done")
            + ").</p>"
        )

    # the scores --------------------------------------------------------------------------
    def scores_csv(self, path=None) -> str:
        """The learner's scored claims as CSV (columns :data:`SCORE_COLUMNS`); written atomically to ``path`` if given.

        A trainer collects one file per learner and reads them together, e.g.
        ``pandas.concat(map(pandas.read_csv, glob.glob("scores-*.csv")))``.

        Parameters
        ----------
        path : str or path-like, optional

        Returns
        -------
        str
            The CSV text (a header row, then one row per claim scored, in the order of the claims).
        """
        buf = io.StringIO()
        out = csv.writer(buf, lineterminator="\n")
        out.writerow(SCORE_COLUMNS)
        for number, claim in enumerate(self.claims, start=1):
            grade = self._scored.get(claim)
            if grade is None:
                continue
            a = self._answers.get(claim, LearnerAnswer())
            c = self._ctx.loc[claim]
            out.writerow(
                [
                    self.learner.value.strip(),
                    self.proposition,
                    number,
                    claim,
                    str(c["outlet"]),
                    f"{c['published']:%Y-%m-%d}",
                    "" if a.n_origins is None else a.n_origins,
                    "; ".join(str(self._names.get(s, s)) for s in a.origins),
                    a.grade or "",
                    grade.points,
                    MAX_POINTS,
                ]
            )
        text = buf.getvalue()
        if path is not None:
            from kit.store.saving import atomic_write

            atomic_write(path, text)
        return text

    def save_scores(self) -> str:
        """Write :meth:`scores_csv` to ``scores-<learner>.csv`` in ``scores_dir``; return the path written."""
        slug = re.sub(r"\W+", "-", self.learner.value.strip().lower()).strip("-_") or "learner"
        path = os.path.join(os.fspath(self.scores_dir), f"scores-{slug}.csv")
        self.scores_csv(path)
        self.save_html.value = (
            f"<p>Saved {plural(self.checked, 'scored claim')} to <code>{escape(path)}</code>."
            + ("" if self.learner.value.strip() else " Type your name above so your trainer can tell the files apart.")
            + "</p>"
        )
        return path
