"""The speaker is the head of its noun phrase, not what a modifier of it names (issue 21's seventh pass).

A speaker named before its verb is often followed by a modifier that names something else, and the noun nearest
the verb is then that thing, not the speaker: "A man wounded in *the strike* told", "a health worker with knowledge
of *the attack* said", "FBI spokesman Kyle Loven in *Minneapolis* said", "Guillaume Nguefa, head of the human
rights section of the U.N. mission in *Mali* confirmed", "Jameel Shah, a spokesman for Lady Reading Hospital, the
main government hospital in *the city* told Reuters". The rule ``postmodified_head`` reads such a speaker as the
object of a preposition (or of a participle) and walks back to the noun the modifier belongs to: the speaker is the
man, the health worker, Kyle Loven, Guillaume Nguefa, Jameel Shah. When no such noun is a speaker (a name, or a
phrase ending in a speaker's noun), nobody is cited: a draft that drops an unsure citation misleads less than one
that names the wrong speaker.

The rule is tested in ``tests/draft/test_seventh_pass.py`` on sentences of the kind from real articles; the tenth
pass's ``named_body`` (a body's noun with its name beside it: the name is the speaker) in
``tests/draft/test_tenth_pass.py``.
"""

from __future__ import annotations

import re

from kit.draft.clauses import speaker_like
from kit.draft.coref import is_person, unnamed_person
from kit.draft.lexicon import (
    BODY_NOUNS,
    DETERMINERS,
    GROUPS,
    ORG_HEADS,
    PRONOUNS,
    QUANTIFIERS,
    ROLE_WORDS,
    SPEAKER_NOUNS,
)
from kit.draft.phrases import Mention, subject_before

__all__ = [
    "postmodified_head",
    "participle_phrase",
    "shared_head",
    "place_appositive",
    "speaker_head",
    "own_referent",
    "split_conjuncts",
    "named_body",
]

#: prepositions that open a modifier of a noun ("a man wounded in", "a worker with knowledge of")
_PREPS = {
    "in", "of", "with", "at", "from", "near", "opposite", "on", "about", "against", "into", "inside", "outside",
    "across", "over", "under", "behind", "for", "to", "by",
}  # fmt: skip
#: a word before the preposition that makes the object the speaker after all: "one of the witnesses", "some of them"
_PARTITIVE = QUANTIFIERS | {
    "one", "some", "many", "most", "several", "two", "three", "four", "five", "hundreds", "dozens", "thousands",
    "scores", "each", "none", "all", "both", "few", "any", "behalf", "according", "number", "group",
}  # fmt: skip
_WORD_BEFORE = re.compile(r"([\w’'.-]+)\s*$")
#: a speaker phrase headed by a time ("the first time X has admitted", not "The Times"): a clause about when
_TIME_HEAD = re.compile(r"(?:[Tt]he|[Aa]n?)\s+(?:(?:first|second|third|last|only|next|latest)\s+)?time\s")
#: a place named in apposition to a place noun: "in the Borno state capital, Maiduguri," (eighth pass)
_PLACE_NOUN = re.compile(
    r"\s(?:in|from|near|at)\s+[^,;:“”\"]*\b(?:capital|city|town|village|province|state|region|district|county|"
    r"camp|area|neighbou?rhood|suburb)$"
)
_PARTICIPLE = re.compile(r"\s+[a-z]+(?:ed|ing|en)\s*$")


def _object_of(prefix: str, m: Mention) -> int | None:
    """Where the preposition before ``m`` starts in ``prefix``, when ``m`` is the object of one (else None)."""
    at = prefix.rfind(m.text)
    if at <= 0 or prefix[at + len(m.text) :].strip(" ,"):
        return None
    before = _WORD_BEFORE.search(prefix[:at])
    if before is None or before.group(1).lower() not in _PREPS or before.group(1) != before.group(1).lower():
        return None
    if prefix[: before.start()].rstrip().endswith((",", ";", ":", "—", "–")):
        return None  # "…, with officials saying": a clause of its own, not a modifier of a noun
    word = _WORD_BEFORE.search(prefix[: before.start()])
    if word is not None and word.group(1).lower() in _PARTITIVE:
        return None  # "one of the witnesses", "on behalf of the ministry"
    return before.start()


def place_appositive(found: Mention | str | None) -> Mention | str | None:
    """``place_appositive`` (eighth pass): a name in apposition to a place noun is the place, not the speaker.

    "A senior military source in the Borno state capital, Maiduguri, said" and "Two doctors and a nurse in
    Tigray’s regional capital, Mekele, told": :func:`kit.draft.phrases.subject_before` reads the name after the
    comma as the speaker (with the words before it as an appositive); the speaker is the noun phrase before the
    preposition that opens the place.

    Parameters
    ----------
    found : Mention, str or None
        What :func:`kit.draft.phrases.subject_before` read before the verb.

    Returns
    -------
    Mention, str or None
        ``found`` unchanged unless it is such a place; then the noun phrase before the place's preposition, whole
        (a speaker's noun phrase: "Two doctors and a nurse"), or None when that phrase names no speaker. None also
        for ``time_head``: "the first time Nigeria’s military" (in "… the first time Nigeria’s military has
        admitted …") is a clause about when, whose verb states nothing a draft should cite.

    See Also
    --------
    postmodified_head : the head of a speaker's noun phrase followed by a modifier.

    Examples
    --------
    >>> p = "A senior military source in the Borno state capital, Maiduguri, "
    >>> place_appositive(subject_before(p)).text
    'A senior military source'
    >>> place_appositive(subject_before("The mayor in the city, John Smith, ")).text
    'John Smith'
    """
    if isinstance(found, Mention) and _TIME_HEAD.match(found.text):
        return None  # time_head: "the first time Nigeria’s military has admitted": a relative clause, no speaker
    if not isinstance(found, Mention) or found.common or not found.about or is_person(Mention(found.text)):
        return found  # "The mayor in the capital, John Smith,": a person's name is the speaker
    place = _PLACE_NOUN.search(" " + found.about)
    if place is None or place.start() == 0:
        return found
    head = found.about[: place.start() - 1].strip()
    head = re.sub(r",\s*(?:who|which|that)\b.*$", "", head)  # "Michael Seaman, who lives in … the capital, X,"
    named = subject_before(head + " ")
    if not isinstance(named, Mention) or named.text.lower() in PRONOUNS:
        return None
    whole = Mention(head, True) if named.common and head.endswith(named.text) and head[:1].isupper() else named
    return whole if speaker_like(named) or unnamed_person(named) or speaker_head(named) else None


def _good(m: object) -> bool:
    return isinstance(m, Mention) and m.text.lower() not in PRONOUNS and (speaker_like(m) or unnamed_person(m))


def postmodified_head(prefix: str, found: Mention | str | None) -> Mention | str | None:
    """``postmodified_head``: the speaker that ``subject_before(prefix)`` found, or the head of its noun phrase when
    what it found is the object of a modifier ("a man wounded in the strike"), or None when no head is a speaker.

    Parameters
    ----------
    prefix : str
        The sentence (or clause) up to the speech verb.
    found : Mention, str or None
        What :func:`kit.draft.phrases.subject_before` read in ``prefix``.

    Returns
    -------
    Mention, str or None
        ``found`` unchanged unless it is a modifier's object; then the head of the noun phrase (a name, or a phrase
        ending in a speaker's noun), or None.

    See Also
    --------
    kit.draft.phrases.subject_before : the speaker named just before a verb.

    Examples
    --------
    >>> p = "A man wounded in the strike "
    >>> postmodified_head(p, subject_before(p)).text
    'A man wounded in the strike'
    >>> p = "FBI spokesman Kyle Loven in Minneapolis "
    >>> postmodified_head(p, subject_before(p)).text
    'Kyle Loven'
    >>> p = "Debris from the building "
    >>> postmodified_head(p, subject_before(p)) is None
    True
    """
    if found is None:  # nobody read: "A woman living opposite the building said": the object is no speaker
        tail = re.search(r"\s[a-z]+(?:ed|ing|en)\s+[a-z]+\s+(?:the|a|an|his|her|its|their)\s+[a-z-]+\s*$", prefix)
        head = subject_before(prefix[: tail.start()] + " ") if tail else None
        return participle_phrase(prefix, head) if isinstance(head, Mention) and unnamed_person(head) else None
    if not isinstance(found, Mention) or is_person(found):
        return found  # "The United Nations’ envoy to Libya Ghassan Salame": a person's name, whatever comes before
    body = prefix.rstrip()
    m, participle = found, False
    for _ in range(6):
        cut = _object_of(body, m)
        if cut is None:
            return m if m is not found else found
        body = body[:cut].rstrip()
        while True:
            part = _PARTICIPLE.search(body)
            if part is None or len(body[: part.start()].split()) < 1:
                break
            body, participle = body[: part.start()].rstrip(), True  # "a man wounded", "a woman living"
        if "," in body:  # an appositive left open: "Guillaume Nguefa, head of the … mission in Mali confirmed"
            closed = subject_before(body + ", ")
            if _good(closed):
                return closed
        head = subject_before(body + " ")
        if not isinstance(head, Mention):
            return None
        m = head
        if _good(m) and _object_of(body, m) is None:
            return participle_phrase(prefix, m) if participle and body.endswith(m.text) else m
    return None


def participle_phrase(prefix: str, head: Mention) -> Mention:
    """``participle_phrase`` (ninth pass): one unnamed person followed by a participle and its object is named by the
    whole phrase ("A woman living opposite the building", "A man wounded in the strike"), not cut to "A woman".

    Parameters
    ----------
    prefix : str
        The sentence up to the verb; it ends with the participle's phrase.
    head : Mention
        The head of the phrase, as :func:`postmodified_head` found it ("A woman").

    Returns
    -------
    Mention
        The whole phrase, unnamed, when ``head`` is one unnamed person whose words open the phrase at the end of
        ``prefix``; else ``head``.

    Examples
    --------
    >>> participle_phrase("A woman living opposite the building ", Mention("A woman", True)).text
    'A woman living opposite the building'
    >>> participle_phrase("Police sealing off the area ", Mention("Police", True)).text
    'Police'
    """
    body = prefix.rstrip(" ,")
    at = body.rfind(head.text + " ")
    whole = body[at:]
    if at < 0 or not unnamed_person(head) or not _PARTICIPLE_OPEN.match(whole[len(head.text) :]):
        return head
    return Mention(whole, True, head.about, head.affiliation)


_PARTICIPLE_OPEN = re.compile(r"\s+[a-z]+(?:ed|ing|en)\s+\S")


#: nouns that speak, as the head of a speaker's noun phrase (singular or plural)
_HEADS = SPEAKER_NOUNS | ROLE_WORDS | ORG_HEADS | GROUPS | {"media", "state-media", "military", "organizations"}
_HEAD_PREP = re.compile(r"\s(?:of|in|from|at|for|across)\s")


def speaker_head(m: Mention) -> bool:
    """``speaker_head``: whether a phrase joined to a speaker by "and" speaks too: a name, or a phrase whose head
    noun speaks ("Mali’s government", "the French army", "Relatives of the victims", "residents of the district").

    Parameters
    ----------
    m : Mention
        One of two phrases joined by "and" where a speaker is named.

    Returns
    -------
    bool

    Examples
    --------
    >>> speaker_head(Mention("Relatives of the victims", True)), speaker_head(Mention("Mali’s government", True))
    (True, True)
    >>> speaker_head(Mention("the rubble of the houses", True)), speaker_head(Mention("he", True))
    (False, False)
    """
    if m.text.lower() in PRONOUNS:
        return False
    if not m.common:
        return True
    text = m.text[: h.start()] if (h := _HEAD_PREP.search(m.text)) else m.text
    head = text.split()[-1].lower() if text.split() else ""
    return head in _HEADS or head[-1:] == "s" and head[:-1] in _HEADS or head.endswith("-media")


def own_referent(m: Mention) -> bool:
    """Whether the phrase after "and" names a speaker of its own, not a second description of the first: a name, a
    determiner, a plural or a mass noun ("the French army", "witnesses", "state-media"), not a bare singular noun
    ("One Pakistani intelligence official and government source said": one person).

    Parameters
    ----------
    m : Mention
        The phrase after "and".

    Returns
    -------
    bool

    Examples
    --------
    >>> own_referent(Mention("government source", True)), own_referent(Mention("the French army", True))
    (False, True)
    """
    words = m.text.lower().split()
    if not m.common or not words or words[0] in DETERMINERS | QUANTIFIERS:
        return True
    head = words[-1]
    return head.endswith(("s", "media")) or head in ("police", "military")


def split_conjuncts(m: Mention) -> list[Mention]:
    """``conjoined_speakers``: "the Lebanese Health Ministry and state-media" as two speakers when both heads speak
    (:func:`speaker_head`); else ``[m]``.

    Parameters
    ----------
    m : Mention
        The speaker before a verb.

    Returns
    -------
    list of Mention

    Examples
    --------
    >>> [p.text for p in split_conjuncts(Mention("the Lebanese Health Ministry and state-media", True))]
    ['the Lebanese Health Ministry', 'state-media']
    >>> [p.text for p in split_conjuncts(Mention("pictures and debris", True))]
    ['pictures and debris']
    """
    if " and " not in m.text or not m.common:
        return [m]
    parts = [subject_before(p + " ") for p in m.text.split(" and ", 1)]
    if all(isinstance(p, Mention) and speaker_head(p) for p in parts) and own_referent(parts[-1]):
        return [p for p in parts if isinstance(p, Mention)]
    return [m]


#: shared_head: two modifiers joined by "and" before one plural head, and the capitalised words before them
_SHARED = re.compile(
    r"(?:^|(?<=[\s—–(:;,]))(?P<lead>(?:[A-Z][\w’'-]*\s+){0,2})(?P<one>[a-z][\w-]*|^[A-Z][a-z-]+)\s+and\s+"
    r"(?P<two>[a-z][\w-]*)\s+"
    r"(?P<head>[a-z][\w-]*s)$"
)


def shared_head(prefix: str, m: Mention | str | None) -> list[Mention]:
    """``shared_head`` (ninth pass): "Nigerian government and military officials say" names two speakers who share
    the head noun and the words before the modifiers: "Nigerian government officials" and "Nigerian military
    officials", not "military officials" alone.

    Parameters
    ----------
    prefix : str
        The sentence up to the verb.
    m : Mention, str or None
        The speaker read before the verb (the phrase after "and": "military officials").

    Returns
    -------
    list of Mention
        The two speakers, unnamed, when ``prefix`` ends with "[Capitalised words] MODIFIER and MODIFIER HEADS", the
        head is a plural noun that speaks and the first modifier does not speak on its own ("police and military
        officials" are two speakers already: :func:`own_referent`, :func:`split_conjuncts`); else an empty list.

    Examples
    --------
    >>> p = "Nigerian government and military officials "
    >>> [s.text for s in shared_head(p, subject_before(p))]
    ['Nigerian government officials', 'Nigerian military officials']
    >>> shared_head("Residents and local officials ", subject_before("Residents and local officials "))
    []
    """
    if not isinstance(m, Mention) or not m.common:
        return []
    found = _SHARED.search(prefix.rstrip(" ,"))
    if found is None or not m.text.endswith(found.group("head")):
        return []
    one, two, head = found.group("one").lower(), found.group("two"), found.group("head")  # "State and federal …"
    closed = DETERMINERS | QUANTIFIERS | PRONOUNS | {"and", "or", "but", "that", "who", "which"}
    if one in closed or two in closed or not speaker_head(Mention(head, True)) or own_referent(Mention(one, True)):
        return []
    lead = found.group("lead")
    return [Mention(f"{lead}{found.group('one')} {head}", True), Mention(f"{lead}{two} {head}", True)]


_THE_NAME = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|for|the|and))*(?:\s*\([A-Z]\w{1,9}\))?")
_ACRONYM_END = re.compile(r"[A-Za-z]\s*\([A-Z][A-Za-z]{1,9}\)\s*$")


def named_body(prefix: str, m: Mention | str | None) -> Mention | str | None:
    """``named_body`` (tenth pass): an unnamed body ("a separatist group", "terrorist group") named beside its noun
    is that name: "A separatist group, the Northern Front, claimed" (the name in apposition) and "The Northern Front
    (NF) rebel group claimed" (the name and its acronym before the noun) are the Northern Front's word.

    Parameters
    ----------
    prefix : str
        The sentence up to the verb.
    m : Mention, str or None
        The speaker read before the verb.

    Returns
    -------
    Mention, str or None
        The name, with the body's noun phrase in ``about``, when ``m`` is unnamed, headed by one of
        :data:`kit.draft.lexicon.BODY_NOUNS`, and named so beside it; else ``m`` unchanged.

    Examples
    --------
    >>> p = "A separatist group, the Northern Front, "
    >>> named_body(p, subject_before(p)).text
    'Northern Front'
    >>> p = "The Northern Front (NF) rebel group "
    >>> named_body(p, subject_before(p)).text
    'The Northern Front'
    >>> p = "A rebel group, the largest in the north, "
    >>> named_body(p, subject_before(p)).text
    'A rebel group'
    """
    if not isinstance(m, Mention) or not m.common or m.text.split()[-1].lower() not in BODY_NOUNS:
        return m
    if m.about and _THE_NAME.fullmatch(m.about.strip()):  # "A separatist group, the Northern Front, claimed"
        name = re.sub(r"^[Tt]he\s+", "", m.about.strip())
        return Mention(name, False, m.text, m.affiliation)
    at = prefix.rfind(m.text)
    if at > 0 and _ACRONYM_END.search(prefix[:at]):  # "The Northern Front (NF) rebel group claimed"
        named = subject_before(prefix[:at].rstrip() + " ")
        if isinstance(named, Mention) and not named.common:
            return Mention(named.text, False, f"{named.about} {m.text}".strip(), m.affiliation)
    return m
