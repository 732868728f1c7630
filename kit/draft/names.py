"""Names of speakers and outlets: how they are normalised, which are the same, what kind they are guessed to be.

One place for these rules: the cue finder (:mod:`kit.draft.cues`) uses them to merge mentions of one speaker, and
:func:`kit.draft.compare` uses them to match a draft's sources with a hand-built case's.
"""

from __future__ import annotations

import re

from kit.draft.known_outlets import KNOWN_OUTLETS, OUTLET_WORDS

__all__ = [
    "normalise_name",
    "normalise_key",
    "name_tokens",
    "same_name",
    "guess_kind",
    "slug",
    "outlet_of",
]

#: one spelling for words spelled two ways
_SPELLING = {"defence": "defense", "centre": "center", "organisation": "organization", "programme": "program"}

_STOP = {"the", "a", "an", "of", "their", "his", "her", "its", "our", "to", "and"}
_SOCIAL = {"facebook", "twitter", "telegram", "vkontakte", "vk", "instagram", "youtube", "tiktok", "x"}
_SOCIAL_THINGS = {
    "post",
    "posts",
    "video",
    "videos",
    "account",
    "accounts",
    "page",
    "channel",
    "message",
    "messages",
    "tweet",
    "tweets",
}
_PEOPLE = {
    "official",
    "officials",
    "source",
    "sources",
    "associate",
    "associates",
    "resident",
    "residents",
    "witness",
    "witnesses",
    "people",
    "person",
    "man",
    "men",
    "woman",
    "women",
    "fighter",
    "fighters",
    "soldier",
    "soldiers",
    "relative",
    "relatives",
    "friend",
    "friends",
    "community",
    "communities",
    "activist",
    "activists",
    "diplomat",
    "diplomats",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "member",
    "members",
    "insider",
    "insiders",
    "employee",
    "employees",
    "media",
    "reports",
    "accounts",
    "russians",
    "americans",
    "journalists",
    "reporters",
    "colleagues",
    "spokesman",
    "spokeswoman",
}
_DOCUMENT = {"report", "document", "statement", "estimate", "letter", "memo", "study", "list"}
_OFFICIAL = {
    "ministry",
    "department",
    "government",
    "kremlin",
    "pentagon",
    "office",
    "council",
    "committee",
    "embassy",
    "parliament",
    "duma",
    "white house",
    "state department",
}
_MILITARY = {"coalition", "army", "forces", "command", "military", "navy", "centcom", "troops"}
_MONITOR = {"observatory", "monitor", "monitors", "monitoring", "watch", "airwars", "amnesty"}
_UN = {"un", "nations", "unicef", "unhcr", "unama", "ocha", "unrwa"}  # the UN and its agencies: official
#: words of an organisation's name ("Save the Children", "Islamic State"): never read as a person's
_GROUP = {"international", "cross", "crescent", "borders", "children", "state", "project", "movement", "front"}
_OUTLET = {
    "times": "newspaper",
    "post": "newspaper",
    "journal": "newspaper",
    "gazette": "newspaper",
    "herald": "newspaper",
    "tribune": "newspaper",
    "telegraph": "newspaper",
    "daily": "newspaper",
    "news": "online",
    "agency": "wire",
    "press": "wire",
    "radio": "broadcaster",
    "tv": "broadcaster",
    "television": "broadcaster",
}
#: words of a person's title or role (the article's, kept in ``about``) that say what kind of source they are
_MILITARY_TITLES = {
    "colonel", "col", "general", "gen", "lieutenant", "lt", "major", "sergeant", "brigadier", "admiral", "army",
    "military",
}  # fmt: skip
_OFFICE_TITLES = {
    "president", "premier", "minister", "governor", "mayor", "secretary", "spokesperson", "spokesman", "spokeswoman",
    "superintendent", "supt", "inspector", "police", "official", "officials", "administrator", "deputy", "ambassador",
    "senator", "prosecutor", "chief", "head", "director", "council", "ministry", "office", "department", "officer",
}  # fmt: skip
_COMPANY = {"company", "corporation", "corp", "inc", "ltd", "llc"}


def name_tokens(name: str) -> tuple:
    """The words of a name that identify it: lower case, no brackets, no articles, ``U.S.`` as ``us``.

    Parameters
    ----------
    name : str
        A source's name, as an article or a case gives it.

    Returns
    -------
    tuple of str

    See Also
    --------
    normalise_key : these words joined by spaces.
    normalise_name : the same, with well-known aliases folded.

    Examples
    --------
    >>> name_tokens("The U.S. official (unnamed, to Bloomberg)")
    ('us', 'official')
    >>> name_tokens("US-led coalition")
    ('us', 'led', 'coalition')
    """
    text = re.sub(r"\([^)]*\)", " ", str(name)).lower()
    text = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", text)  # U.S. -> us., U.K. -> uk.
    text = re.sub(r"\b([a-z]{1,2})\.", r"\1", text)
    words = re.findall(r"[a-z0-9]+", text.replace("’", "'").replace("'s", ""))
    return tuple(_SPELLING.get(w, w) for w in words if w not in _STOP)


def normalise_name(name: str) -> str:
    """The name's identifying words joined by spaces, well-known aliases folded (``Bloomberg News``: ``bloomberg``).

    Parameters
    ----------
    name : str
        A source's name.

    Returns
    -------
    str
        :func:`normalise_key` of the name, or of the outlet's own name when the kit knows the outlet
        (:data:`kit.draft.known_outlets.KNOWN_OUTLETS`).

    See Also
    --------
    same_name : compares two names this way.

    Examples
    --------
    >>> normalise_name("Bloomberg News"), normalise_name("The Daily Beast")
    ('bloomberg', 'daily beast')
    >>> normalise_name("Agence France-Presse")
    'afp'
    """
    outlet = outlet_of(name)
    return normalise_key(outlet) if outlet else " ".join(name_tokens(name))


def outlet_of(name: str) -> str | None:
    """The well-known outlet a name stands for ("China's official Xinhua News Agency": Xinhua), or None.

    Parameters
    ----------
    name : str
        A source's name.

    Returns
    -------
    str or None
        The outlet's name as :data:`kit.draft.known_outlets.KNOWN_OUTLETS` writes it, when the name is that
        outlet's, alone or with words that only describe it ("official", "news agency", "reporters").

    Examples
    --------
    >>> outlet_of("China's official Xinhua News Agency"), outlet_of("Associated Press reporters"), outlet_of("Reuters")
    ('Xinhua', 'AP', 'Reuters')
    >>> outlet_of("Reuters security adviser Ryan Evans") is None
    True
    """
    words = name_tokens(name)
    key = " ".join(words)
    if key in KNOWN_OUTLETS:
        return KNOWN_OUTLETS[key][0]
    for n in range(min(len(words), 4), 0, -1):
        for i in range(len(words) - n + 1):
            part = " ".join(words[i : i + n])
            if part in KNOWN_OUTLETS and set(words[:i] + words[i + n :]) <= OUTLET_WORDS:
                return KNOWN_OUTLETS[part][0]
    return None


def normalise_key(name: str) -> str:
    """:func:`name_tokens` joined by spaces (no alias folding).

    Parameters
    ----------
    name : str
        A source's name.

    Returns
    -------
    str

    See Also
    --------
    normalise_name : the same with well-known aliases folded.

    Examples
    --------
    >>> normalise_key("Bloomberg News"), normalise_key("The U.S. official (unnamed)")
    ('bloomberg news', 'us official')
    """
    return " ".join(name_tokens(name))


def same_name(a: str, b: str) -> int:
    """How well two names match: 2 the same after :func:`normalise_name`, 1 one's words all among the other's, else 0.

    Parameters
    ----------
    a, b : str
        Two source names, in either order.

    Returns
    -------
    int
        2, 1 or 0 (0 also when either name has no identifying words).

    See Also
    --------
    kit.draft.compare : matches a draft's sources with a hand-built case's by this score.

    Examples
    --------
    >>> same_name("the U.S. official", "US official (unnamed)")
    2
    >>> same_name("two of the Russians", "Two Russians (unnamed, to Bloomberg)")
    2
    >>> same_name("Facebook post", "Facebook post with a list of names")
    1
    >>> same_name("Reuters", "Associates of the dead (unnamed, to Reuters)")
    0
    """
    na, nb = normalise_name(a), normalise_name(b)
    if not na or not nb:
        return 0
    if na == nb:
        return 2
    ta, tb = set(na.split()), set(nb.split())
    return 1 if (ta <= tb or tb <= ta) else 0


def guess_kind(name: str, *, head_lower: bool = False, cue: str = "") -> tuple[str, str]:
    """The source kind a name suggests, and why (for the row's ``draft: check kind`` note).

    Parameters
    ----------
    name : str
        The speaker's or outlet's name as the article gives it.
    head_lower : bool
        True when the name is a common noun phrase ("their associates", "the U.S. official"): an unnamed speaker.
    cue : str
        Words around the name that tell its kind, e.g. ``"which monitors social networks"``.

    Returns
    -------
    (kind, reason) : tuple of str

    See Also
    --------
    kit.draft.known_outlets.KNOWN_OUTLETS : the outlets whose kind the kit knows.

    Examples
    --------
    >>> guess_kind("Reuters")[0], guess_kind("Maxim Buga")[0], guess_kind("a Facebook post")[0]
    ('wire', 'individual', 'social')
    >>> guess_kind("their associates", head_lower=True)[0], guess_kind("The Russian Defense Ministry")[0]
    ('anonymous', 'official')
    """
    key = normalise_key(name)
    words = set(key.split())
    outlet = outlet_of(name)
    if outlet:
        kind = next(k for n, k in KNOWN_OUTLETS.values() if n == outlet)
        return kind, "the kit's list of well-known outlets"
    if words & _SOCIAL and words & _SOCIAL_THINGS or re.search(r"\(@\w+\)", cue):
        return "social", "a social-media post or account"
    if re.search(r"\w\.(?:com|org|gov|net|edu)\b", name):
        return "online", "a web address"  # "AirNow.gov"
    if any(w in _MONITOR for w in re.findall(r"[a-z]+", cue.lower())) or words & _MONITOR:
        return "monitor", "described as monitoring"
    if words & _OFFICIAL:
        return "official", "a government body"
    if words & _UN:
        return "official", "the UN or one of its agencies"
    if words & _MILITARY and not words & _PEOPLE:
        return "military", "a military body"
    described = set(re.findall(r"[a-z]+", cue.lower()))
    if not head_lower and described & _MILITARY_TITLES:
        return "military", "a military title in the article's words"
    if not head_lower and described & _OFFICE_TITLES:
        return "official", "an office or a public role in the article's words"
    if not head_lower and {"news", "agency"} <= described or "wire" in described:
        return "wire", "called a news agency in the article's words"
    if not head_lower and described & {"broadcaster", "television", "radio", "channel"}:
        return "broadcaster", "called a broadcaster in the article's words"
    if not head_lower and described & {"newspaper", "daily", "weekly"}:
        return "newspaper", "called a newspaper in the article's words"
    if head_lower:
        head = key.split()[-1] if key else ""
        if key.endswith("news agency"):  # news_agency_head: "Saudi state news agency (SPA)" is a wire, unnamed
            return "wire", "called a news agency in the article's words"
        if head in _DOCUMENT:
            return "document", "an unnamed report or document"
        return "anonymous", "an unnamed speaker"
    for w, kind in _OUTLET.items():
        if w in words:
            return kind, f"the word '{w}' in the name"
    if words & _COMPANY:
        return "company", "a company name"
    if words & _GROUP:  # organisation_words: "Amnesty International" is no person
        return "online", "an organisation the kit does not know"
    if 2 <= len(words) <= 3:
        return "individual", "looks like a person's name"
    return "online", "an outlet or group the kit does not know"


def slug(text: str, default: str = "x") -> str:
    """An id ``[a-z0-9_-]+`` made from ``text``.

    Brackets and articles are dropped, ``U.S.`` is ``us``, and at most five words are kept.

    Parameters
    ----------
    text : str
        A name or a phrase.
    default : str
        The id when ``text`` has no letters or digits.

    Returns
    -------
    str

    See Also
    --------
    kit.schema : the id rule the case format checks.

    Examples
    --------
    >>> slug("The Daily Beast"), slug("Their associates (unnamed, to Reuters)"), slug("The U.S. official")
    ('daily-beast', 'their-associates', 'us-official')
    >>> slug("“…”", default="source")
    'source'
    """
    text = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", re.sub(r"\([^)]*\)", " ", text.lower()))
    words = re.findall(r"[a-z0-9]+", text)
    words = [w for w in words if w not in ("the", "a", "an")] or words
    return "-".join(words[:5]) or default
