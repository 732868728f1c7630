"""Small constructed cases for examples and teaching: named outlets, answers that mean something.

These are **constructed examples, not news data**: the outlets ("Wire A", "Paper B", ...), the dates and
the figures are made up to show one idea each, small enough to check by hand. Docstrings use them so
that an example's output says something a reader can verify, not merely that a function returns a frame.

- :func:`diamond`: one claim cites two reports that both rest on one wire: 2 cited, 1 origin, an echo.
- :func:`loop`: two outlets cite each other and nobody else: a citation loop that rests on nothing.
- :func:`one_story`: :mod:`kit.testing.synth`'s case of ``n`` reports told as one long story (one question, one
  report a day): the size a story's stepper and page are measured at.

Each call builds a new :class:`kit.Case` through :func:`kit.load_case`, so the tables are typed exactly as
a case read from files is (``path`` is None: the case lives in memory only).

Examples
--------
>>> import kit
>>> from kit.testing import examples
>>> case = examples.diamond()
>>> case
<Case 'Constructed example: a diamond of citations': 4 sources, 4 reports, 4 claims, 4 citations>
>>> kit.origins(case, "site-d-12")[["source_id", "name", "hops"]]
  source_id    name  hops
0    wire-a  Wire A     3
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from kit.case import Case, load_case

__all__ = ["diamond", "loop", "one_story"]

_SOURCES = "source_id,name,kind,affiliation,country,reliability,confidential,url,notes"
_REPORTS = "report_id,source_id,published,title,url,archive_url,language,notes"
_CLAIMS = "claim_id,report_id,proposition,text,low,high,subject,measure,certainty,credibility"
_CITATIONS = "claim_id,cites,relation,evidence"


def _csv(*lines: str) -> str:
    return "\n".join(lines) + "\n"


_DIAMOND = {
    "case.toml": (
        'title = "Constructed example: a diamond of citations"\n'
        'question = "How many independent origins does Site D\'s figure have?"\n'
        'summary = "A constructed example, not news data: Paper B and Paper C both repeat Wire A; '
        'Site D cites both papers as if they were two confirmations."\n'
    ),
    "sources.csv": _csv(
        _SOURCES,
        "wire-a,Wire A,wire,,,B,false,,a constructed example",
        "paper-b,Paper B,newspaper,,,C,false,,a constructed example",
        "paper-c,Paper C,newspaper,,,C,false,,a constructed example",
        "site-d,Site D,online,,,D,false,,a constructed example",
    ),
    "reports.csv": _csv(
        _REPORTS,
        "r-wire-a,wire-a,2020-01-01T08:00:00Z,Wire A: 12 dead,,,en,",
        "r-paper-b,paper-b,2020-01-01T12:00:00Z,Paper B: 12 dead,,,en,",
        "r-paper-c,paper-c,2020-01-01T14:00:00Z,Paper C: 12 dead,,,en,",
        "r-site-d,site-d,2020-01-02T09:00:00Z,Site D: two papers confirm 12 dead,,,en,",
    ),
    "claims.csv": _csv(
        _CLAIMS,
        "wire-a-12,r-wire-a,deaths,Twelve people died,12,12,people,killed,asserted,2",
        'paper-b-12,r-paper-b,deaths,"Twelve died, Wire A reports",12,12,people,killed,asserted,3',
        'paper-c-12,r-paper-c,deaths,"Twelve dead, according to Wire A",12,12,people,killed,asserted,3',
        "site-d-12,r-site-d,deaths,Two papers confirm twelve dead,12,12,people,killed,asserted,3",
    ),
    "citations.csv": _csv(
        _CITATIONS,
        "paper-b-12,wire-a-12,relies_on,Wire A reports",
        "paper-c-12,wire-a-12,relies_on,according to Wire A",
        "site-d-12,paper-b-12,relies_on,Paper B reports",
        "site-d-12,paper-c-12,corroborates,Paper C confirms",
    ),
}

_LOOP = {
    "case.toml": (
        'title = "Constructed example: two outlets citing each other"\n'
        'question = "On whose word does the sighting stand?"\n'
        'summary = "A constructed example, not news data: Paper E cites Blog F and Blog F cites Paper E; '
        'neither names anyone else."\n'
    ),
    "sources.csv": _csv(
        _SOURCES,
        "paper-e,Paper E,newspaper,,,C,false,,a constructed example",
        "blog-f,Blog F,online,,,E,false,,a constructed example",
    ),
    "reports.csv": _csv(
        _REPORTS,
        "r-paper-e,paper-e,2020-02-01T10:00:00Z,Paper E: a convoy was seen,,,en,",
        "r-blog-f,blog-f,2020-02-01T10:00:00Z,Blog F: a convoy was seen,,,en,",
    ),
    "claims.csv": _csv(
        _CLAIMS,
        'paper-e-convoy,r-paper-e,convoy_seen,"A convoy was seen, Blog F says",,,convoy,present,alleged,',
        'blog-f-convoy,r-blog-f,convoy_seen,"A convoy was seen, as Paper E reported",,,convoy,present,asserted,',
    ),
    "citations.csv": _csv(
        _CITATIONS,
        "paper-e-convoy,blog-f-convoy,relies_on,Blog F says",
        "blog-f-convoy,paper-e-convoy,relies_on,as Paper E reported",
    ),
}


def _build(files: dict[str, str]) -> Case:
    with tempfile.TemporaryDirectory(prefix="kit-example-") as folder:
        for name, text in files.items():
            (Path(folder) / name).write_text(text, encoding="utf-8")
        case = load_case(folder)
    return dataclasses.replace(case, path=None)


def diamond() -> Case:
    """A constructed diamond: Site D cites Paper B and Paper C, which both rest on Wire A.

    Wire A reports twelve dead on its own word; Paper B and Paper C each repeat it; Site D cites both
    papers, Paper C as a confirmation (``corroborates``). The two citations look like two sources, but
    both lead to Wire A: 2 cited, 1 independent origin, an echo, 3 hops down (Site D's claim, Paper B's,
    Wire A's, then Wire A itself). No loop: the two paths meet, they do not go round.

    Returns
    -------
    Case
        4 sources, 4 reports, 4 claims (proposition ``deaths``), 4 citations; a new object each call.

    See Also
    --------
    loop : the other constructed example.
    kit.independence : cited supports against independent origins, per claim.

    Examples
    --------
    >>> import kit
    >>> from kit.testing import examples
    >>> case = examples.diamond()
    >>> kit.independence(case, "deaths")[["source_id", "n_cited", "n_origins", "echo"]]
               source_id  n_cited  n_origins   echo
    claim_id
    wire-a-12     wire-a        0          1  False
    paper-b-12   paper-b        1          1  False
    paper-c-12   paper-c        1          1  False
    site-d-12     site-d        2          1   True
    >>> kit.origins(case, "site-d-12")[["source_id", "name", "kind", "hops"]]
      source_id    name  kind  hops
    0    wire-a  Wire A  wire     3
    >>> kit.circular(case)
    []
    """
    return _build(_DIAMOND)


def loop() -> Case:
    """A constructed loop: Paper E cites Blog F, and Blog F cites Paper E; both published at the same hour.

    Neither outlet names anyone else, so the sighting rests on nothing but the two outlets' word about
    each other: both claims have no origin, and :func:`kit.circular` finds the loop (published together,
    so listed by id).

    Returns
    -------
    Case
        2 sources, 2 reports, 2 claims (proposition ``convoy_seen``), 2 citations; a new object each call.

    See Also
    --------
    diamond : the other constructed example.
    kit.circular : every citation loop.

    Examples
    --------
    >>> import kit
    >>> from kit.testing import examples
    >>> case = examples.loop()
    >>> kit.circular(case)
    [['blog-f-convoy', 'paper-e-convoy']]
    >>> len(kit.origins(case, "paper-e-convoy"))
    0
    >>> kit.independence(case, "convoy_seen")[["n_cited", "n_origins", "echo"]]
                    n_cited  n_origins   echo
    claim_id
    blog-f-convoy         1          0  False
    paper-e-convoy        1          0  False
    """
    return _build(_LOOP)


def one_story(n: int, *, seed: int = 0) -> Case:
    """:func:`kit.testing.synth.make_case` of ``n`` reports told as one story: every claim about one question
    (``the_question``), the reports one a day from 1 January 2020, in their order.

    Parameters
    ----------
    n : int
        Reports (about as many claims).
    seed : int

    Returns
    -------
    kit.Case

    Examples
    --------
    >>> case = one_story(30)
    >>> case.claims["proposition"].unique().tolist(), str(case.reports["published"].iloc[-1].date())
    (['the_question'], '2020-01-30')
    """
    import pandas as pd

    from kit.testing.synth import make_case

    case = make_case(n, seed=seed)
    reports = case.reports.copy()
    days = pd.Series(pd.date_range("2020-01-01", periods=len(reports), freq="D", tz="UTC"), index=reports.index)
    reports["published"] = days.astype(reports["published"].dtype)
    reports["published_latest"] = days.astype(reports["published_latest"].dtype)
    return dataclasses.replace(case, claims=case.claims.assign(proposition="the_question"), reports=reports)
