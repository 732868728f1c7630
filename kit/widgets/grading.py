"""Grading a learner's answer against the case: pure functions, no widgets (the exercise and the worksheet call them).

The *answer key* of a proposition (:func:`answer_key`) is what the kit computes from the case — how many independent
origins each claim rests on, which ones, and how the case grades them. :func:`grade_answer` compares a learner's
answer with one claim's key and explains the difference: one point for the number of origins, one for the origins
themselves, one for giving the grade the case gives its origin (any of them, where they are graded differently).
An empty answer scores nothing and says so.

Examples
--------
>>> import kit
>>> from kit.widgets.grading import LearnerAnswer, answer_key, grade_answer
>>> key = answer_key(kit.load_case("tests/cases/echo"), "strike_deaths")
>>> g = grade_answer(key["e_echo"], LearnerAnswer(n_origins=1, origins=("anon",), grade="F"))
>>> g.points, g.verdict
(3, 'All right!')
>>> grade_answer(key["e_echo"], LearnerAnswer()).points
0
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from kit.analysis.origins import independence
from kit.analysis.trace import lineage
from kit.graph.citation import claim_context
from kit.schema import DEFAULT_FOLLOW, OWN_REPORTING
from kit.text.html import isolate_text
from kit.text.wording import plural

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["CaseAnswer", "LearnerAnswer", "Grade", "answer_key", "grade_answer", "answer_spread", "MAX_POINTS"]

#: points per claim: the number of origins, the origins, the grade
MAX_POINTS = 3


@dataclass(frozen=True)
class CaseAnswer:
    """The kit's answer for one claim.

    Attributes
    ----------
    claim_id : str
    n_origins : int
        Independent origins (:func:`kit.independence`).
    origins : tuple of str
        Their source ids, nearest first.
    reliability : dict
        Source id -> reliability grade, for each origin.
    echo : bool
        The claim's supports share an origin.
    n_cited : int
        Distinct items the claim cites in support.
    names : dict
        Source id -> name, for every source of the case (to name a learner's wrong picks too).
    on_chain : frozenset
        The sources on the claim's chain of citations: its origins and the publishers of the claims it rests on, its
        own included (so a wrong pick can be told apart: an outlet that relays the claim, or no part of it at all).
    """

    claim_id: str
    n_origins: int
    origins: tuple
    reliability: dict
    echo: bool
    n_cited: int
    names: dict = field(repr=False, compare=False, default_factory=dict)
    on_chain: frozenset = field(repr=False, compare=False, default_factory=frozenset)


@dataclass(frozen=True)
class LearnerAnswer:
    """What a learner answered for one claim; ``None`` / empty where they gave nothing.

    Attributes
    ----------
    n_origins : int or None
    origins : tuple of str
        Source ids picked.
    grade : str or None
        ``"A"``–``"F"``.
    """

    n_origins: int | None = None
    origins: tuple = ()
    grade: str | None = None

    @property
    def is_empty(self) -> bool:
        """True when nothing was answered."""
        return self.n_origins is None and not self.origins and self.grade is None

    @property
    def missing(self) -> tuple:
        """The parts not answered yet, in words (``()`` when the answer is whole). A claim resting on nothing is
        answered with 0 origins and no source; every other answer needs a number, a source and a grade."""
        out = []
        if self.n_origins is None:
            out.append("the number of origins")
        if not self.origins and self.n_origins != 0:
            out.append("the source(s) it finally rests on")
        if self.grade is None and self.n_origins != 0:
            out.append("a grade")
        return tuple(out)


@dataclass(frozen=True)
class Grade:
    """The result of :func:`grade_answer`.

    Attributes
    ----------
    claim_id : str
    answered : bool
        False for an empty answer (then nothing is scored and nothing revealed).
    n_origins, origins, grade : bool
        Which parts were right.
    points : int
        0–3.
    verdict : str
        ``"All right!"``, ``"2 of 3 right."`` or what to do first.
    lines : tuple of str
        The explanation, sentence by sentence, as plain text (escape it to show it as HTML).
    """

    claim_id: str
    answered: bool
    n_origins: bool
    origins: bool
    grade: bool
    points: int
    verdict: str
    lines: tuple

    @property
    def feedback(self) -> str:
        """The explanation as one plain-text paragraph."""
        return " ".join(self.lines)

    def as_dict(self) -> dict:
        """The grade as a plain dict, ``feedback`` included."""
        return {**asdict(self), "feedback": self.feedback}


def answer_key(case: Case, proposition, *, follow=DEFAULT_FOLLOW) -> dict:
    """The kit's answer for every claim about ``proposition``, in order of publication.

    Parameters
    ----------
    case : kit.Case
    proposition : str
    follow : iterable of str, default ("stated", "inferred")
        The citation bases to follow.

    Returns
    -------
    dict
        Claim id -> :class:`CaseAnswer`.

    Raises
    ------
    kit.UnknownName
        When no claim has that proposition.

    See Also
    --------
    kit.publish.worksheet.write_worksheet : the key printed as an answer sheet.

    Examples
    --------
    >>> import kit
    >>> key = answer_key(kit.load_case("tests/cases/loop"), "sightings")
    >>> key["dead_x"].n_origins, key["dead_x"].origins
    (0, ())
    """
    ind = independence(case, proposition, follow=follow)
    src = case.sources.set_index("source_id")
    names = {str(k): str(v) for k, v in src["name"].items()}
    grades = {str(k): (str(v) if isinstance(v, str) and v else "F") for k, v in src["reliability"].items()}
    ctx = claim_context(case).set_index("claim_id")
    out = {}
    for claim, row in ind.iterrows():
        found = tuple(str(s) for s in row["origins"])
        tree = lineage(case, claim, follow=follow, drift_flags=False)
        hops = tree[tree["followed"] | (tree["relation"] == OWN_REPORTING)]
        claims_on_chain = hops.loc[hops["item_type"] == "claim", "item"]
        chain = {str(s) for s in hops.loc[hops["item_type"] == "source", "item"]}
        chain |= {str(ctx.at[c, "source_id"]) for c in claims_on_chain}
        out[str(claim)] = CaseAnswer(
            claim_id=str(claim),
            n_origins=int(row["n_origins"]),
            origins=found,
            reliability={s: grades.get(s, "F") for s in found},
            echo=bool(row["echo"]),
            n_cited=int(row["n_cited"]),
            names=names,
            on_chain=frozenset(chain),
        )
    return out


def answer_spread(key: dict) -> tuple:
    """How alike the answers of a key are: the most common answer (number of origins, their grades) and how many
    claims share it. When most claims share one answer, a learner who guesses it everywhere scores well: the
    exercise says so.

    Parameters
    ----------
    key : dict
        From :func:`answer_key`.

    Returns
    -------
    ((int, tuple of str), int, int)
        The commonest answer, how many claims have it, how many claims there are.

    Examples
    --------
    >>> import kit
    >>> answer_spread(answer_key(kit.load_case("tests/cases/echo"), "strike_deaths"))
    ((1, ('F',)), 5, 6)
    """
    answers = [(a.n_origins, tuple(sorted(set(a.reliability.values())))) for a in key.values()]
    if not answers:
        return ((0, ()), 0, 0)
    best = max(dict.fromkeys(answers), key=answers.count)
    return best, answers.count(best), len(answers)


def _unscored(claim_id: str, verdict: str, line: str) -> Grade:
    """A grade of an answer that is not scored (empty or unfinished): nothing right, 0 points, one line to say why."""
    return Grade(claim_id, False, False, False, False, 0, verdict, (line,))


def grade_answer(case_answer: CaseAnswer, learner_answer: LearnerAnswer) -> Grade:
    """Grade one learner answer against the kit's answer for the claim, and explain the difference.

    Parameters
    ----------
    case_answer : CaseAnswer
        From :func:`answer_key`.
    learner_answer : LearnerAnswer
        An answer with a part left out (:attr:`LearnerAnswer.missing`) scores 0, reveals nothing and does not use up
        the claim's one attempt.

    Returns
    -------
    Grade

    Examples
    --------
    >>> import kit
    >>> key = answer_key(kit.load_case("tests/cases/echo"), "strike_deaths")
    >>> g = grade_answer(key["e_echo"], LearnerAnswer(n_origins=2, origins=("anon",), grade="F"))
    >>> g.points, g.lines[1]
    (2, 'You said 2. The claim cites 2 items, but they share an origin (an echo), so they count once.')
    >>> grade_answer(key["e_echo"], LearnerAnswer()).verdict
    'No answer yet: nothing was scored.'
    """
    a, mine = case_answer, learner_answer
    if mine.is_empty:
        return _unscored(
            a.claim_id,
            "No answer yet: nothing was scored.",
            "Choose how many independent origins the claim rests on, the source(s) it finally rests on "
            "and a grade, then press Check. Each claim is scored once, at its first whole answer.",
        )
    if mine.missing:  # a part left out does not use up the claim's one attempt
        return _unscored(
            a.claim_id,
            "Not finished yet: nothing was scored.",
            "Still to answer: " + ", ".join(mine.missing) + ". Then press Check: your first whole answer counts.",
        )
    names = a.names

    def name(s):  # a case text, isolated: a right-to-left name cannot reorder the sentence around it
        return isolate_text(names.get(s, s))

    right_count = mine.n_origins is not None and int(mine.n_origins) == a.n_origins
    right_origins = set(mine.origins) == set(a.origins)
    grades = set(a.reliability.values())
    right_grade = mine.grade is not None and (mine.grade in grades if len(grades) > 1 else grades == {mine.grade})
    origin_words = ", ".join(f"{name(s)} (graded {a.reliability[s]})" for s in a.origins) or "nothing"
    lines = [f"The kit finds {plural(a.n_origins, 'independent origin')}: {origin_words}."]
    if mine.n_origins is None:
        lines.append("You gave no number of origins.")
    elif not right_count:
        why = f" The claim cites {plural(a.n_cited, 'item')}, but " + (
            "they share an origin (an echo), so they count once."
            if a.echo
            else "count the sources at the end of each chain, not the outlets on the way."
        )
        if a.n_origins == 1 and a.n_cited == 0:
            why = " The report names no source for it: it rests on the outlet's own reporting."
        lines.append(f"You said {mine.n_origins}.{why}")
    if not right_origins:
        extra = [s for s in mine.origins if s not in a.origins]
        missed = [s for s in a.origins if s not in mine.origins]
        relays = [s for s in extra if s in a.on_chain]
        elsewhere = [s for s in extra if s not in a.on_chain]
        if relays:
            lines.append(
                "Not an origin of this claim: "
                + ", ".join(name(s) for s in relays)
                + " (an outlet that relays a claim is not where it comes from)."
            )
        if elsewhere:
            lines.append(
                "Not in this claim's chain of citations at all: " + ", ".join(name(s) for s in elsewhere) + "."
            )
        if missed:
            lines.append("You missed: " + ", ".join(name(s) for s in missed) + ".")
    if not a.origins:
        lines.append("The claim rests on nothing: its citations go round in a loop with no way out.")
    elif not right_grade:
        said = "You gave no grade" if mine.grade is None else f"You graded the source {mine.grade}"
        lines.append(
            f"{said}; the case grades "
            + ", ".join(f"{name(s)} {a.reliability[s]}" for s in a.origins)
            + (" (F: its reliability cannot be judged from what is known)." if "F" in grades else ".")
        )
    points = int(right_count) + int(right_origins) + int(right_grade)
    verdict = "All right!" if points == MAX_POINTS else f"{points} of {MAX_POINTS} right."
    return Grade(a.claim_id, True, right_count, right_origins, right_grade, points, verdict, tuple(lines))
