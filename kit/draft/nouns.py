"""The words of a speaker's noun phrase: a :class:`Mention`, and what :mod:`kit.draft.phrases` (the speaker before a
verb) and :mod:`kit.draft.objects` (the speaker after a cue) both read names with (issue 21; split from
:mod:`kit.draft.phrases`). Rules named here: ``name_particle``, ``connector_the``, ``title_stripped``,
``capital_group``, ``outlet_report``, ``not_a_name``; tested in ``tests/draft/test_phrases.py`` and
``tests/draft/test_nouns.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kit.draft import lexicon as lex
from kit.draft.lexicon import ORG_HEADS, PRONOUNS, ROLE_WORDS, SPEAKER_NOUNS, TITLES

__all__ = [
    "Mention",
    "tokens",
    "capitalised",
    "of_the",
    "np_word",
    "mention",
    "report_of",
    "is_description",
    "is_name",
    "DOC_FROM",
    "CONNECTORS",
    "PREPS",
    "PARTY",
]

#: documents whose source follows "from" or "by": "the latest figures from X", "a post from X"
DOC_FROM = {"figures", "figure", "data", "statement", "report", "tally", "count", "records", "estimate", "estimates"}
DOC_FROM |= {"post", "posts", "message", "messages", "video", "videos", "footage", "images", "imagery"}  # post_from
#: small words that stay inside a name between capitalised words: "Committee to Protect Journalists"
CONNECTORS = {"of", "for", "to", "and", "the", "de", "&"}
#: prepositions that may open a phrase belonging to a speaker: "officials in New Zealand"
PREPS = {"in", "with", "from", "at", "on"}
#: a US politician's party and state after the name: "(D-R.I.)", "(R-Alaska)"
PARTY = re.compile(r"\s*\([DRI]-[A-Z][\w. ]*\)(?:,(?=\s*$))?")
#: words of a headline or a quotation that are never part of a speaker's name ("Me He Had", "Does Rubio")
_NOT_NAME = set("me he she him i i’ve i'm i’m we you does did had he’s having i'd i’d".split())  # noqa: SIM905
_TOKEN = re.compile(  # initials ("D. Prasad Rao") and web addresses ("AirNow.gov") are one token
    r"\d+(?=[A-Z][a-z])|No\.\d+\b|(?:[A-Z]\.){2,}|[A-Z][a-z]{0,3}\.(?=\s+[A-Z])|[A-Za-z][\w-]*\.(?:com|org|gov|net|edu)\b"
    r"|\w[\w’'-]*|[^\w\s]"
)


@dataclass(frozen=True)
class Mention:
    """A speaker or outlet as the sentence names it.

    ``text`` is the speaker's name or words ("Dave Cliff", "their associates"); ``common`` is true for an unnamed
    speaker (a common noun phrase); ``about`` holds words describing it ("which monitors social networks", "Police
    superintendent"); ``affiliation`` the words of an "X, of the Y" appositive; ``said_as`` the words a pronoun or
    "this report" stood for, when resolved.
    """

    text: str
    common: bool = False
    about: str = ""
    affiliation: str = ""
    said_as: str = ""


def tokens(s: str) -> list[str]:
    """The words and marks of a phrase, initials and web addresses kept whole.

    Parameters
    ----------
    s : str
        A piece of a sentence.

    Returns
    -------
    list of str

    Examples
    --------
    >>> tokens("D. Prasad Rao of AirNow.gov said")
    ['D.', 'Prasad', 'Rao', 'of', 'AirNow.gov', 'said']
    """
    return _TOKEN.findall(s)


def capitalised(tok: str) -> bool:
    """Whether a word is a name's: capitalised, or ``name_particle`` ("al-Malki", "el-Sisi").

    Parameters
    ----------
    tok : str
        A word.

    Returns
    -------
    bool

    Examples
    --------
    >>> capitalised("al-Malki"), capitalised("said")
    (True, False)
    """
    digit = tok[:1].isdigit() and "-" in tok and tok[-1].isupper()
    return bool(tok) and (tok[0].isupper() or digit or tok[:3] in ("al-", "el-") and tok[3:4].isupper())


def of_the(toks: list[str], i: int) -> bool:
    """``connector_the``: whether ``toks[i]`` opens "of the" or "for the" before a capitalised word, inside a name
    ("International Committee of the Red Cross").

    Parameters
    ----------
    toks : list of str
        A phrase's words (:func:`tokens`).
    i : int
        A position in it.

    Returns
    -------
    bool
    """
    if not (0 < i < len(toks) - 2 and toks[i] in ("of", "for") and toks[i + 1] == "the"):
        return False
    if re.fullmatch(r"[a-z]+-[a-z]+", toks[i + 2]) and i + 3 < len(toks):  # subject_phrase: "The Defence Ministry
        return capitalised(toks[i + 3])  # of the self-proclaimed Donetsk People’s Republic"
    return capitalised(toks[i + 2])


def np_word(tok: str) -> bool:
    """Whether a word may be inside a speaker's noun phrase (not a verb, a preposition, a number).

    Parameters
    ----------
    tok : str
        A word.

    Returns
    -------
    bool

    Examples
    --------
    >>> np_word("officials"), np_word("reported"), np_word("with")
    (True, False, False)
    """
    low = tok.lower()
    if not re.match(r"\w", tok) or low in lex.NAME_STOPS or tok[0].isdigit() and "-" not in tok or tok == "without":
        return False
    verbal = re.search(r"(ed|ly|ing)$", low) and low not in ROLE_WORDS | lex.LY_NOUNS | {"ranking"}  # "high ranking"
    return not (tok[0].islower() and "-" not in tok and verbal)


def _person_tail(words: list[str]) -> int:
    """Where a person's name starts at the end of ``words`` after a title or a role (``title_stripped``), else 0."""
    k = len(words)
    while k > 0 and capitalised(words[k - 1]) and words[k - 1].lower().rstrip(".").split("-")[0] not in ROLE_WORDS:
        k -= 1  # "President-Elect Joe Biden": a hyphenated title is a title
    nouns = ROLE_WORDS | SPEAKER_NOUNS | ORG_HEADS | lex.BODY_NOUNS
    acronym = k == len(words) - 1 and re.fullmatch(r"[A-Z]{2,5}", words[k])
    if k == len(words) or k == 0 or acronym and not any(w.lower() in nouns for w in words[:k]):
        return 0  # subject_phrase: "The additional IG further stated": an acronym after no noun is no one's name
    before = words[k - 1].lower().rstrip(".").split("-")[0]
    plain = words[k - 1][0].islower() and before not in CONNECTORS | PREPS | lex.DETERMINERS | lex.QUANTIFIERS
    participle = words[k - 1].lower().endswith("ed")  # "the locally formed People's Defense Force": no title's holder
    plain = plain and not participle
    if before in TITLES or before in ROLE_WORDS or plain:
        if any(w.lower() in SPEAKER_NOUNS | ORG_HEADS for w in words[k:]):
            return 0
        return k
    return 0


def mention(words: list[str], about: str = "", affiliation: str = "") -> Mention | None:
    """The speaker a noun phrase's words name: the title stripped into ``about``, named or unnamed, or None.

    Parameters
    ----------
    words : list of str
        The phrase's words (:func:`tokens`).
    about, affiliation : str
        Words already read about the speaker.

    Returns
    -------
    Mention or None

    Examples
    --------
    >>> mention(tokens("Police superintendent Dave Cliff"))
    Mention(text='Dave Cliff', common=False, about='Police superintendent', affiliation='', said_as='')
    """
    while words and words[0] in '“”"‘’(':
        words = words[1:]
    while words and words[-1] in "’'":
        words = words[:-1]
    if not words or all(w.lower() in lex.DETERMINERS | lex.QUANTIFIERS | {"of"} for w in words):
        return None
    if words[0].lower().rstrip(".") in lex.WEEKDAYS | lex.MONTH_WORDS:  # "Tuesday", "June", "Sept.": a date, no speaker
        return None
    while len(words) > 1 and words[0].lower() in _NOT_NAME:  # not_a_name: "Does Rubio" is Rubio
        words = words[1:]
    if (len(words) > 1 or words[0].lower() not in PRONOUNS) and any(w.lower() in _NOT_NAME for w in words):
        return None  # "Me He Had" is nobody
    report = report_of(words)
    if report is not None:
        return report
    while words and re.fullmatch(r"\(|\)|[A-Z]{2,}", words[-1]) and "(" in words:
        cut = words.index("(")  # "Office of Civil Defense (OCD)": the acronym is an alias, kept in about
        about = f"{' '.join(words[cut:]).replace('( ', '(').replace(' )', ')')} {about}".strip()
        words = words[:cut]
    p = next((i for i, w in enumerate(words) if w.lower() in PREPS), None)
    if p and capitalised(words[0]) and any(w.lower() in ORG_HEADS for w in words[:p]):
        about, words = f"{' '.join(words[p:])} {about}".strip(), words[:p]  # "Office of Civil Defence in Manila"
    k = _person_tail(words)
    if k:
        role = " ".join(words[:k])
        about = f"{role} {about}".strip()
        words = words[k:]
    text = " ".join(words).replace(" - ", "-").replace(" ’s", "’s").replace(" 's", "'s")
    first = words[0].lower()
    common = not capitalised(words[-1]) or first in (lex.DETERMINERS - {"the", "this", "that"}) | lex.QUANTIFIERS
    common = common or len(words) == 1 and first in lex.GROUPS  # capital_group: "Residents told AFP", "Police said"
    if len(words) > 2 and not common:  # "Officials in New Zealand": the head noun decides
        head = next((w for w in words if w.lower() in SPEAKER_NOUNS), None)
        common = head is not None and head.lower().endswith("s") and head.lower() != "headquarters"
    return Mention(text, common=common, about=about, affiliation=affiliation)


def report_of(words: list[str]) -> Mention | None:
    """``outlet_report``: "an Asian News International, ANI, report", "the Reuters report" are the outlet's.

    Parameters
    ----------
    words : list of str
        A phrase's words (:func:`tokens`).

    Returns
    -------
    Mention or None
        The outlet, or None when the phrase is no outlet's report ("a December report").

    Examples
    --------
    >>> report_of(tokens("the Reuters report")).text
    'Reuters'
    """
    if len(words) < 2 or words[-1].lower() not in (
        "report",
        "reports",
        "article",
        "story",
        "bulletin",
        "dispatch",
        "tally",
        "count",
    ):
        return None
    if words[0].lower() not in ("a", "an", "the"):
        return None  # "News reports said": no outlet named
    body = words[1:-1]
    if len(body) > 2 and body[-1] == "," and body[-3] == "," and body[-2].isupper():
        body, about = body[:-3], body[-2]  # "Asian News International, ANI,": the acronym is an alias
    else:
        about = ""
    if (
        not body
        or not all(capitalised(w) or w.lower() in CONNECTORS for w in body)
        or body[0].lower() in lex.MONTH_WORDS
    ):
        return None  # "a December report" is a document; "the Reuters report" is Reuters
    return Mention(" ".join(body).replace(" ’s", "’s"), about=f"({about}) report" if about else "report")


def is_description(seg: str) -> bool:
    """Whether an appositive describes ("a college student who …", "the governor of Cebu") rather than names.

    Parameters
    ----------
    seg : str
        The words between two commas.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_description("a college student who volunteered"), is_description("Jim Stewart-Black")
    (True, False)
    """
    toks = tokens(seg)
    if not toks:
        return False
    if toks[0] in ("And", "But", "So") and len(toks) > 1:  # "And a third, Daniel Traynor, said"
        toks = toks[1:]
    first = toks[0]
    if (
        first[0].islower()
        or first[0].isdigit()
        or first.lower() in lex.DETERMINERS | lex.QUANTIFIERS | {"who", "which"}
    ):
        return True
    titled = toks[0].endswith(("’s", "'s")) or all(capitalised(t) for t in toks)  # "Interior Minister, Rajnath Singh"
    if len(toks) > 1 and titled and toks[-1].lower() in ROLE_WORDS:
        return True  # subject_phrase: "Afghanistan’s Chief Executive, Abdullah Abdullah,": a title, not a name
    return any(t.lower().rstrip(".") in ROLE_WORDS and t[0].islower() for t in toks)


def is_name(seg: str) -> bool:
    """Whether the words between two commas are a name: at most five, all capitalised.

    Parameters
    ----------
    seg : str
        The words.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_name("Jim Stewart-Black"), is_name("a college student")
    (True, False)
    """
    toks = tokens(seg.strip())
    return 0 < len(toks) <= 5 and all(capitalised(t) or t in ("-", "’s") for t in toks)
