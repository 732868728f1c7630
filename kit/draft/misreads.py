"""Wrong speakers the draft named, and the rules that stop it (issue 21, the wrong-speaker pass).

A drafted citation naming the wrong speaker misleads more than a miss. Every wrong citation of the development parts
(``benchmarks/draft_corpus.py``'s ``PARTS``) was listed with its sentence and grouped by kind; these rules fix the
kinds that a small rule fixes, each named and tested in ``tests/draft/test_misreads.py`` on a real sentence of its
kind:

- ``scare_quotes``: a word or two quoted inside a clause ("was “most probably” also a suicide attack, said the
  source") is no quotation before its speaker: the noun after it is the reported clause's, not the speaker;
- ``predicate_segment``: "Police shot dead at least four attackers, had arrested one and were hunting for more, said
  the official Xinhua news agency": a segment after a comma that opens on an auxiliary and a verb is the sentence's
  own predicate, not an appositive of the speaker; the speaker comes after the verb;
- ``time_opening``: "Last November, the Houthis began …, saying" and "Beginning late last year Russia launched …,
  with Western countries saying": a time phrase opening the sentence is no speaker of a participle;
- ``object_not_words``: "Pakistan, which … claims it in full", "as the army responded to the attack": a verb of
  speech whose object is a thing claimed or an event answered reports no words;
- ``place_not_author``: "Footage from the scene showed", "Purported videos from the spot showed": a document "from"
  where it was taken (the scene, the spot, the area) is the speaker, its phrase whole, and not the place (for a
  picture the rule is :func:`kit.draft.footage.footage_phrase`'s, which it calls; its own is "Earlier reports from the
  area");
- ``version_of``: "An earlier version of this report said" is the earlier version, its phrase whole, not "version";
- ``identified_as``: "A 38-year-old Nazran resident who identified himself only as Ilyas said" is Ilyas, and
  "identified himself as" reports no words;
- ``own_subject_pronoun``: "Klymenko cited preliminary information that he said showed …": "he" inside the
  sentence's own clause is the person who opens it, not the speaker of the sentence before;
- ``count_reported``: "The last death toll reported on Monday was 59": a toll or deaths "reported" on a day is what
  is counted, no speaker;
- ``preposition_object``: "He passed through the first checkpoint saying …": a noun after a preposition is no
  speaker of the participle after it;
- ``according_apposition``: "According to Azem Bermendoa Agouna, an army spokesman said on Monday, …": the role
  after the name is the name's appositive, not a second speaker;
- ``noun_not_verb``: "Fake news reports intended to incite …" ("reports" a noun after lower-case "news" and before a
  participle) and "police posted outside" (stationed) report no words.

Three more of the kind live beside the rules they correct: ``statement_by`` (:mod:`kit.draft.documents`: "A
televised statement by the Moroccan Interior Ministry said" is the ministry's word, as a statement "from" it; "Earlier
reports from the area" is a document too), ``so_far`` (:mod:`kit.draft.phrases`: "No group has so far claimed" is
"No group", negated, not "far") and ``credit_caps`` (:data:`kit.draft.lexicon.HEADLINE_LEAD`: "SOURCE: Al Jazeera and
agencies" is a credit line in capitals, no speaker).
"""

from __future__ import annotations

import re

from kit.draft.footage import PICTURE_NOUNS, footage_phrase
from kit.draft.lexicon import MONTH_WORDS, WEEKDAYS
from kit.draft.nouns import Mention

__all__ = [
    "according_apposition", "count_reported", "identified_as", "noun_not_verb", "object_not_words",
    "own_subject_pronoun", "place_not_author", "predicate_segment", "preposition_object", "scare_quotes",
    "time_opening", "version_of",
]  # fmt: skip

#: scare_quotes: a short quoted phrase after a word, closed with no punctuation before its closing mark
_SCARE = re.compile(r"(?<=[A-Za-z,] )[“\"]([A-Za-z][\w’' -]{0,40}?[A-Za-z])[”\"](?=\s+[A-Za-z])")
#: predicate_segment: an auxiliary (or a past tense) and a verb opening a segment: "had arrested one and were …"
_PREDICATE = re.compile(r"(?:had|has|have|were|was|is|are|will|would)\s+[a-z“\"]")
#: time_opening: a time word or phrase opening a sentence ("Last November", "Beginning late last year", "Earlier")
_TIME_WORDS = MONTH_WORDS | WEEKDAYS | {
    "last", "beginning", "earlier", "later", "today", "yesterday", "year", "week", "month", "night", "morning",
}  # fmt: skip
#: object_not_words: a claim to a thing ("claims it in full"), a response to an event
_CLAIMED_THING = re.compile(r"\s+(?:it|them)\s+(?:in\s+full|as\s+its\s+own)\b")
_RESPONDED_TO = re.compile(
    r"\s+to\s+(?:the|an?|this|that)\s+(?:[\w’'-]+\s+){0,2}?(?:attacks?|assault|strikes?|raids?|plea|call|appeal|"
    r"emergency|fire|blast|explosion|incident|crisis)\b"
)
#: identified_as: "who identified himself only as Ilyas", "identified only as Ilyas"
_IDENTIFIED = re.compile(
    r"\bidentified\s+(?:(?:himself|herself|themselves)\s+)?(?:only\s+)?as\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
    r"\s*,?\s*$"
)
_IDENTIFIED_AS = re.compile(r"\s+(?:(?:himself|herself|themselves)\s+)?(?:only\s+)?as\s+[A-Z]")
#: version_of: a version, an edition or an update of this report, article or story
_VERSION = re.compile(
    r"(?:^|(?<=\s))(?P<doc>(?:[Aa]n?|[Tt]he)\s+(?:[a-z]+\s+)?(?:version|edition|update)\s+of\s+(?:this|the|an?)\s+"
    r"(?:report|article|story))\s*$"
)
#: own_subject_pronoun: a name opening the sentence, its verb, then "that he said" or "which she said"
_OWN_PRONOUN = re.compile(
    r"^(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+[a-z]+ed\s+[^,;:“”\"]*?\b(?:that|which)\s+(?P<pronoun>he|she)\s*$"
)
#: count_reported: a toll or deaths "reported on Monday", "reported earlier"
_COUNT_NOUN = re.compile(r"\b(?:toll|tolls|deaths|casualties|fatalities)\s*$", re.I)
_ON_A_DAY = re.compile(r"\s+(?:on\s+\w+day|earlier|yesterday|so far|on\s+\w+\s+\d+)\b", re.I)
#: preposition_object: a preposition right before the noun read as a participle's subject
_PREPOSITION = re.compile(r"\b(?:through|at|to|from|in|on|into|past|near|by|across|over)\s+$", re.I)
#: according_apposition: "According to NAME, a ROLE" right before the verb
_ACCORDING = re.compile(r"^[Aa]ccording\s+to\s+[A-Z][^,;:“”\"]*,\s+(?:a|an)\s+[a-z][a-z -]*$")
#: noun_not_verb: "news reports" (lower case), "posted outside" (stationed)
_NEWS_REPORTS = re.compile(r"(?:^|\s)news\s+$")
_STATIONED = re.compile(r"\s+(?:outside|nearby|near|along|around|in\s+front)\b")
#: place_not_author: where a document that is no picture was taken, after "from" (a picture's: footage_phrase's)
_PLACES = {"scene", "spot", "area", "site", "ground", "scenes"}
_PICTURE = re.compile(r"(?i)\b(?:" + "|".join(PICTURE_NOUNS) + r")$")


def scare_quotes(prefix: str) -> str:
    """``scare_quotes``: the prefix with the marks of a word or phrase quoted inside the clause taken off.

    A closing mark with no comma, full stop, "!" or "?" before it, after a quotation of a few words that opened
    after a word, ends a quoted expression ("in “savage” attack", "was “most probably” also"), not a quotation the
    speaker's name follows (":func:`kit.draft.phrases.subject_before`'s ``quotation_first``).

    Parameters
    ----------
    prefix : str
        The sentence up to a verb.

    Returns
    -------
    str
        The prefix, its scare quotes' marks replaced by spaces (the same length).

    Examples
    --------
    >>> scare_quotes('The second blast was "most probably" also a suicide attack, ')
    'The second blast was  most probably  also a suicide attack, '
    >>> scare_quotes("“We will rebuild,” Mayor Kim ")
    '“We will rebuild,” Mayor Kim '
    """
    return _SCARE.sub(lambda m: " " + m.group(1) + " ", prefix)


def predicate_segment(seg: str) -> bool:
    """``predicate_segment``: whether a segment between commas is the sentence's own predicate, not an appositive.

    Parameters
    ----------
    seg : str
        The words between the last two commas before a verb.

    Returns
    -------
    bool

    Examples
    --------
    >>> predicate_segment("had arrested one and were hunting for more"), predicate_segment("was most probably a bomb")
    (True, True)
    >>> predicate_segment("the official Xinhua news agency"), predicate_segment("who was wounded")
    (False, False)
    """
    return bool(_PREDICATE.match(seg.strip()))


def time_opening(name: str) -> bool:
    """``time_opening``: whether a sentence's opening words, read as a name, are a time phrase.

    Parameters
    ----------
    name : str
        The capitalised words opening the sentence (:data:`kit.draft.lexicon.OPENING_NAME`).

    Returns
    -------
    bool

    Examples
    --------
    >>> time_opening("Last November"), time_opening("Beginning"), time_opening("Ohio Gov. John Kasich")
    (True, True, False)
    """
    words = [w.lower().strip(",") for w in name.split()]
    return bool(words) and all(w in _TIME_WORDS for w in words)


def object_not_words(verb: str, rest: str) -> bool:
    """``object_not_words``: whether the verb's object is a thing claimed or an event answered, not words.

    Parameters
    ----------
    verb : str
        The speech verb.
    rest : str
        The sentence after it.

    Returns
    -------
    bool

    Examples
    --------
    >>> object_not_words("claims", " it in full.")
    True
    >>> object_not_words("responded", " to the attack on the Kaiga post, sources said")
    True
    >>> object_not_words("claims", " it was an accident."), object_not_words("responded", " to questions")
    (False, False)
    """
    v = verb.lower()
    if v == "posted":  # noun_not_verb: "police posted outside were rushing in" (stationed)
        return bool(_STATIONED.match(rest))
    if v == "identified":  # identified_as: "who identified himself only as Ilyas"
        return bool(_IDENTIFIED_AS.match(rest))
    if v.startswith("claim"):
        return bool(_CLAIMED_THING.match(rest))
    if v.startswith("respond"):
        return bool(_RESPONDED_TO.match(rest))
    return False


def place_not_author(doc: str, who: Mention) -> Mention | None:
    """``place_not_author``: a document "from the scene" is the speaker, its phrase whole; not the place.

    A picture from where it was taken is :func:`kit.draft.footage.footage_phrase`'s rule (the recall pass wrote the
    same rule for "Footage from the scene showed"): this calls it on the document's words and what follows "from",
    and adds only what that rule leaves, a document that is no picture ("Earlier reports from the area") from a place
    that authors nothing (the scene, the spot, the area, the site, the ground), where "a statement from the hospital"
    is still the hospital's word.

    Parameters
    ----------
    doc : str
        The document's words ("Footage", "Purported videos", "Earlier reports").
    who : Mention
        What follows "from".

    Returns
    -------
    Mention or None
        The document, unnamed ("Footage from the scene"), when ``who`` is where it was taken; else None.

    See Also
    --------
    kit.draft.footage.footage_phrase : a picture's phrase whole, the rule for pictures.

    Examples
    --------
    >>> place_not_author("Footage", Mention("the scene", common=True)).text
    'Footage from the scene'
    >>> place_not_author("Earlier reports", Mention("the area", common=True)).text
    'Earlier reports from the area'
    >>> place_not_author("Footage", Mention("the ministry", common=True)) is None
    True
    """
    picture = footage_phrase(f"{doc} from {who.text} ")
    if picture is not None or _PICTURE.search(doc):
        return picture  # a picture: footage_phrase's rule (kit.draft.footage), whatever it answers
    last = (who.text.split() or [""])[-1].lower()
    if not who.common or last not in _PLACES:
        return None
    return Mention(f"{doc} from {who.text}", common=True, about="a document")


def version_of(prefix: str) -> Mention | None:
    """``version_of``: "An earlier version of this report said": the version speaks, its phrase whole.

    Parameters
    ----------
    prefix : str
        The sentence up to the verb.

    Returns
    -------
    Mention or None
        The document, unnamed, when the prefix ends with a version of a report, an article or a story; else None.

    Examples
    --------
    >>> version_of("An earlier version of this report ").text
    'An earlier version of this report'
    >>> version_of("The report ") is None
    True
    """
    m = _VERSION.search(prefix.rstrip())
    return Mention(m.group("doc"), common=True, about="a document") if m else None


def identified_as(prefix: str) -> Mention | None:
    """``identified_as``: "A 38-year-old Nazran resident who identified himself only as Ilyas said" is Ilyas.

    Parameters
    ----------
    prefix : str
        The sentence up to the verb.

    Returns
    -------
    Mention or None
        The name the speaker gave, when the prefix ends with "identified (himself) (only) as NAME"; else None.

    Examples
    --------
    >>> identified_as("A 38-year-old Nazran resident who identified himself only as Ilyas ").text
    'Ilyas'
    >>> identified_as("A 38-year-old Nazran resident ") is None
    True
    """
    m = _IDENTIFIED.search(prefix.rstrip())
    return Mention(m.group("name"), about="identified only as") if m else None


def own_subject_pronoun(prefix: str, found: Mention | str | None) -> Mention | str | None:
    """``own_subject_pronoun``: "Klymenko cited preliminary information that he said showed …": "he" is Klymenko.

    Parameters
    ----------
    prefix : str
        The sentence up to the verb.
    found : Mention, str or None
        The speaker read so far.

    Returns
    -------
    Mention, str or None
        The name opening the sentence, when ``found`` is "he" or "she" in a "that"/"which" clause of that name's verb;
        else ``found``.

    Examples
    --------
    >>> own_subject_pronoun("Klymenko cited preliminary information that he ", Mention("he", common=True)).text
    'Klymenko'
    >>> own_subject_pronoun("Police found a car that he ", Mention("he", common=True)).text
    'he'
    """
    if not isinstance(found, Mention) or found.text.lower() not in ("he", "she"):
        return found
    m = _OWN_PRONOUN.match(prefix.rstrip())
    if m is None or m.group("name").split()[0].lower() in _TIME_WORDS | {"police", "officials", "the", "a", "an"}:
        return found
    return Mention(m.group("name"), said_as=found.text.lower() + ":own")  # noted: "'he' taken to be Klymenko"


def count_reported(verb: str, prefix: str, rest: str) -> bool:
    """``count_reported``: "The last death toll reported on Monday was 59": the count reported, no speaker.

    Parameters
    ----------
    verb : str
        The speech verb.
    prefix : str
        The sentence up to it.
    rest : str
        The sentence after it.

    Returns
    -------
    bool
        Whether "reported" follows a toll, deaths or casualties and a day or "earlier" follows it.

    Examples
    --------
    >>> count_reported("reported", "The last death toll ", " on Monday was 59")
    True
    >>> count_reported("reported", "The ministry ", " on Monday that 59 died")
    False
    """
    return verb == "reported" and bool(_COUNT_NOUN.search(prefix)) and bool(_ON_A_DAY.match(rest))


def preposition_object(prefix: str, found: Mention | str | None) -> bool:
    """``preposition_object``: whether the noun read as a participle's subject follows a preposition.

    Parameters
    ----------
    prefix : str
        The sentence up to the participle ("saying", "telling").
    found : Mention, str or None
        The speaker read so far.

    Returns
    -------
    bool

    Examples
    --------
    >>> preposition_object("He passed through the first checkpoint ", Mention("the first checkpoint", common=True))
    True
    >>> preposition_object("The ministry issued a statement, the ministry ", Mention("the ministry", common=True))
    False
    """
    if not isinstance(found, Mention) or not found.common:
        return False
    at = prefix.rstrip().rfind(found.text)
    return at > 0 and bool(_PREPOSITION.search(prefix[:at]))


def according_apposition(prefix: str) -> bool:
    """``according_apposition``: "According to Azem Bermendoa Agouna, an army spokesman said": one speaker.

    Parameters
    ----------
    prefix : str
        The sentence up to the verb.

    Returns
    -------
    bool
        Whether the verb's subject is a role apposed to the name "according to" gave.

    Examples
    --------
    >>> according_apposition("According to Azem Bermendoa Agouna, an army spokesman ")
    True
    >>> according_apposition("According to Reuters, the ministry ")
    False
    """
    return bool(_ACCORDING.match(prefix.rstrip()))


def noun_not_verb(verb: str, prefix: str, rest: str) -> bool:
    """``noun_not_verb``: "Fake news reports intended to incite …": "reports" after lower-case "news" is a noun.

    Parameters
    ----------
    verb : str
        The speech verb.
    prefix : str
        The sentence up to it.
    rest : str
        The sentence after it: a participle follows the noun ("intended", "circulating"); "Turkish news reports
        identify him as" keeps its reading.

    Returns
    -------
    bool

    Examples
    --------
    >>> noun_not_verb("reports", "Fake news ", " intended to incite"), noun_not_verb("reports", "Fox News ", " that")
    (True, False)
    """
    return verb == "reports" and bool(_NEWS_REPORTS.search(prefix)) and bool(re.match(r"\s+[a-z]+(?:ed|ing)\b", rest))
