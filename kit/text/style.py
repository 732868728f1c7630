"""How the kit draws and names things: colours per source kind, line styles per citation relation, grade words.

One place for the visual and verbal vocabulary that pictures (:mod:`kit.show`), widgets and the published page share,
so a legend never disagrees with the picture it explains. Nothing here imports matplotlib.

Examples
--------
>>> from kit.text import style
>>> style.RELATION_STYLE["corroborates"]
('dashed', '#444444')
>>> style.grade_words("B")
'usually reliable'
"""

from __future__ import annotations

from kit.schema import DRIFT_FLAGS, OWN_REPORTING

__all__ = [
    "KIND_COLOURS",
    "UNCHECKABLE",
    "RELATION_STYLE",
    "DRIFT_WORDS",
    "RELIABILITY_WORDS",
    "CREDIBILITY_WORDS",
    "grade_words",
    "drift_words",
]

#: colour per source kind; origins that cannot be checked (anonymous, social) stand out in warm colours
KIND_COLOURS = {
    "wire": "#1f77b4",
    "newspaper": "#4c9be8",
    "broadcaster": "#17becf",
    "online": "#9467bd",
    "official": "#2ca02c",
    "military": "#556b2f",
    "monitor": "#8c564b",
    "company": "#7f7f7f",
    "individual": "#bcbd22",
    "social": "#ff7f0e",
    "anonymous": "#d62728",
    "document": "#e377c2",
}

#: source kinds whose word cannot be checked by a reader
UNCHECKABLE = ("anonymous", "social")


#: line style (matplotlib/SVG name) and colour per citation relation, own reporting included
RELATION_STYLE = {
    "relies_on": ("solid", "#444444"),
    "corroborates": ("dashed", "#444444"),
    "disputes": ("solid", "#d62728"),
    OWN_REPORTING: ("dotted", "#999999"),
}

#: each drift flag as a reader would say it
DRIFT_WORDS = {
    "question_changed": "question changed",
    "inflated": "inflated",
    "scope_changed": "scope changed",
    "measure_changed": "measure changed",
    "hardened": "hardened",
}

#: Admiralty reliability grades of a source
RELIABILITY_WORDS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}

#: Admiralty credibility grades of a claim
CREDIBILITY_WORDS = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


def grade_words(grade) -> str:
    """A reliability grade (``"A"``–``"F"``) or credibility grade (1–6) in words; empty for anything else.

    Parameters
    ----------
    grade : str or int
        The grade as the case stores it.

    Returns
    -------
    str

    Examples
    --------
    >>> grade_words("F"), grade_words(2), grade_words(None)
    ('reliability cannot be judged', 'probably true', '')
    """
    if isinstance(grade, str):
        return RELIABILITY_WORDS.get(grade.strip().upper(), "")
    try:
        return CREDIBILITY_WORDS.get(int(grade), "")
    except (TypeError, ValueError):
        return ""


def drift_words(row) -> str:
    """The drift flags set in ``row`` (a mapping or a row of :func:`kit.drift`) as words, comma-separated.

    Parameters
    ----------
    row : mapping
        Anything with the flag names as keys (missing flags count as not set).

    Returns
    -------
    str
        For example ``"inflated, scope changed"``; empty when nothing drifted.

    Examples
    --------
    >>> drift_words({"inflated": True, "scope_changed": True, "hardened": False})
    'inflated, scope changed'
    """
    get = row.get if hasattr(row, "get") else (lambda k, d=None: getattr(row, k, d))
    return ", ".join(DRIFT_WORDS[f] for f in DRIFT_FLAGS if bool(get(f, False)))
