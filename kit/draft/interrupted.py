"""A speaker whose noun phrase is interrupted before its verb (issue 21's twelfth pass).

News copy names a speaker, then interrupts itself to say who the speaker is before the verb comes: a relative clause
("The LNA, which is allied to a rival administration in the country’s east, confirmed"), a participle phrase ("The
Government of National Accord (GNA), based in Libya’s capital, Tripoli, condemned"), two relative clauses ("Union
Home Minister Amit Shah, who briefed the prime minister, who is on a visit to Saudi Arabia, said"), an appositive
("Save The Children, an aid group, said"), or a participle with its object and no comma at all ("The Tripoli
government opposing Haftar said"). The noun nearest the verb then belongs to the interruption ("Tripoli", "the
prime minister", "Haftar"), and reading the speaker there cites the wrong one, or nobody. Rules, each named and tested
in ``tests/draft/test_interrupted.py`` on sentences of that kind:

- ``interrupted_subject``: when the clause opens with a noun phrase (no comma in it) and a comma then opens a
  relative clause, a participle phrase or an appositive that runs to the verb, the speaker is that opening noun
  phrase, whole (:func:`kit.draft.nouns.mention` on it: "Save The Children", "The UN peacekeeping mission in the DRC"
  with "(Monusco)" kept as its alias), not a noun of the interruption nor a piece of the name;
- ``unpunctuated_appositive``: "…, Azem Bermendoa Agouna an army spokesman said": a role with "a"/"an" right after a
  person's name, with no comma between, is the name's appositive; the speaker is the name;
- ``participle_object``: "The Tripoli government opposing Haftar said", "the coalition fighting Islamic State said":
  a name read right after a speaker's noun and a participle is the participle's object; the speaker is the noun phrase
  before it.
"""

from __future__ import annotations

import re

from kit.draft.lexicon import GROUPS, OPENER, ORG_HEADS, PRONOUNS, ROLE_WORDS, SPEAKER_NOUNS
from kit.draft.nouns import Mention, mention, tokens
from kit.draft.phrases import subject_before

__all__ = ["interrupted_subject", "participle_object", "unpunctuated_appositive"]

#: participles that open a phrase describing the speaker ("based in", "allied to", "backed by", "known as")
_PARTICIPLES = r"[a-z]+ed|[a-z]+ing|led|run|known|set|built|born|held|made|seen|backed"
#: where an interruption opens: a comma, then a relative pronoun, a participle with its complement, or an appositive
_OPENS = re.compile(
    rf",\s+(?:which|who|whose|(?:{_PARTICIPLES})\s+(?:by|in|to|on|at|from|with|for|as|near|against)\b"
    r"|(?:a|an|the)\s+(?!(?:same|other|latter|former)\b)(?:(?!(?:is|are|was|were|has|have|had|been)\b)[a-z][\w’'-]*\s*)"
    r"{1,6},\s*$)"
)
#: a relative pronoun ending the prefix ("(Monusco), which condemned": the verb is the relative clause's own)
_WHICH = re.compile(r",\s*(?:which|who)(?:\s+(?:also|later|then|has|have|had|\w+ly))*\s*$")
#: where a clause opens: the sentence's start, or after a semicolon, a colon or a dash
_CLAUSE = re.compile(r"(?:^|[;:—–]\s+)(?=[^;:—–]*$)")


def _speaks(m: Mention) -> bool:
    """A name, or a phrase whose last word is a speaker's noun ("the army spokesperson", "officials")."""
    last = m.text.split()[-1].lower() if m.text.split() else ""
    nouns = SPEAKER_NOUNS | ROLE_WORDS | ORG_HEADS | GROUPS
    return not m.common or last in nouns or last.rstrip("s") in ROLE_WORDS | GROUPS


def interrupted_subject(prefix: str, found: Mention | str | None) -> Mention | str | None:
    """``interrupted_subject``: the noun phrase opening the clause, when an interruption runs from it to the verb.

    Parameters
    ----------
    prefix : str
        The sentence up to the verb.
    found : Mention, str or None
        What the other rules read before the verb (:func:`kit.draft.phrases.subject_before` and its corrections).

    Returns
    -------
    Mention, str or None
        The opening noun phrase as a Mention, when the prefix is that noun phrase, a comma and an interruption (a
        relative clause, a participle phrase or an appositive between commas, or a trailing ", which") and
        ``found`` is not already that phrase; else ``found`` unchanged. The phrase must name a speaker (a name, or
        a phrase headed by a speaker's noun) and hold no comma, no quotation mark and no pronoun.

    See Also
    --------
    kit.draft.heads.postmodified_head : a speaker followed by a modifier with no comma ("a man wounded in the strike").

    Examples
    --------
    >>> p = "The LNA, which is allied to a rival administration in the country’s east, "
    >>> interrupted_subject(p, None).text
    'The LNA'
    >>> p = "Union Home Minister Amit Shah, who briefed the prime minister, who is on a visit to Saudi Arabia, "
    >>> interrupted_subject(p, Mention("the prime minister", common=True)).text
    'Amit Shah'
    >>> interrupted_subject("Save The Children, an aid group, ", Mention("The Children", about="an aid group")).text
    'Save The Children'
    >>> interrupted_subject("Residents fled, which ", None) is None
    True
    """
    if any(q in prefix for q in '“”"‘'):
        return found
    clause = _CLAUSE.search(prefix)
    text = prefix[clause.end() if clause else 0 :]
    which = _WHICH.search(text)
    opens = _OPENS.search(text) if text.rstrip().endswith(",") else None
    cut = which if which is not None and (opens is None or which.start() < opens.start()) else opens
    if cut is None or not text.rstrip().endswith(",") and cut is not which:
        return found
    head = text[: cut.start()].strip()
    if not head or "," in head or not head[0].isupper() or OPENER.fullmatch(head) or re.fullmatch(r"\w+ly", head):
        return found
    words = tokens(head)
    if not words or len(words) > 12 or any(w.lower() in PRONOUNS | {"it", "there"} for w in words):
        return found
    whole = mention(words)
    if whole is None or not _speaks(whole) or re.search(r"\b[a-z]+(?:ed|s)\s+(?:the|a|an|to)\b", whole.text):
        return found  # not "Residents fled the town": a clause, not a noun phrase
    covered = set(tokens(f"{whole.text} {whole.about}"))
    if not all(w in covered for w in words if w not in ("(", ")")):
        return found  # the phrase is more than one noun phrase
    if isinstance(found, Mention) and found.text == whole.text:
        return found
    appositive = cut is opens and cut.group().lstrip(", ").split()[0] in ("a", "an", "the")
    about = cut.group().strip(" ,") if appositive and not whole.about else whole.about
    return Mention(whole.text, whole.common, about, whole.affiliation, "which" if cut is which else "")


#: a speaker's noun, then a participle right before the name read as the speaker: "government opposing Haftar"
_PARTICIPLE_BEFORE = re.compile(r"\b([A-Za-z]+)\s+([a-z]+ing)\s+$")


def participle_object(prefix: str, found: Mention | str | None) -> Mention | str | None:
    """``participle_object``: a name that is a participle's object is not the speaker; the noun before is.

    Parameters
    ----------
    prefix : str
        The sentence up to the verb.
    found : Mention, str or None
        What the other rules read before the verb.

    Returns
    -------
    Mention, str or None
        The noun phrase ending in the speaker's noun before the participle, when ``found`` is a name right after
        "<speaker's noun> <verb>ing" ("The Tripoli government opposing Haftar"); else ``found`` unchanged.

    Examples
    --------
    >>> p = "The Tripoli government opposing Haftar "
    >>> participle_object(p, subject_before(p)).text
    'The Tripoli government'
    >>> participle_object("Officials serving Haftar ", Mention("Haftar")).text
    'Officials'
    >>> participle_object("During the morning Haftar ", Mention("Haftar")).text
    'Haftar'
    """
    if not isinstance(found, Mention) or found.common:
        return found
    at = prefix.rstrip().rfind(found.text)
    if at < 0 or prefix[at + len(found.text) :].strip():
        return found
    before = _PARTICIPLE_BEFORE.search(prefix[:at])
    if before is None:
        return found
    if not _speaks(Mention(before.group(1).lower(), common=True)):
        return found
    head = subject_before(prefix[: before.end(1)] + " ")
    return head if isinstance(head, Mention) and head.text.lower() not in PRONOUNS else found


#: a person's name (two to four capitalised words) right before the role read as the speaker
_NAME_BEFORE = re.compile(r"(?:^|[,;:]\s*|\s)((?:[A-Z][\w’'.-]+\s+){1,3}[A-Z][\w’'-]+)\s+$")


def unpunctuated_appositive(prefix: str, found: Mention | str | None) -> Mention | str | None:
    """``unpunctuated_appositive``: "Azem Bermendoa Agouna an army spokesman said" is the named person's word.

    Parameters
    ----------
    prefix : str
        The sentence up to the verb.
    found : Mention, str or None
        What the other rules read before the verb.

    Returns
    -------
    Mention, str or None
        The name before ``found``, with ``found`` as its description, when ``found`` is an unnamed role opening
        with "a" or "an" ("an army spokesman") that follows a name of two to four capitalised words with no comma
        between; else ``found`` unchanged.

    Examples
    --------
    >>> p = "Seven soldiers were killed by Boko Haram, Azem Bermendoa Agouna an army spokesman "
    >>> m = unpunctuated_appositive(p, Mention("an army spokesman", common=True))
    >>> m.text, m.about
    ('Azem Bermendoa Agouna', 'an army spokesman')
    >>> unpunctuated_appositive("In Kabul an army spokesman ", Mention("an army spokesman", common=True)).text
    'an army spokesman'
    """
    if not isinstance(found, Mention) or not found.common or not re.match(r"an?\s", found.text):
        return found
    last = found.text.split()[-1].lower()
    if last not in ROLE_WORDS | SPEAKER_NOUNS:
        return found
    at = prefix.rstrip().rfind(found.text)
    name = _NAME_BEFORE.search(prefix[:at]) if at > 0 else None
    if name is None:
        return found
    words = name.group(1).split()
    if any(w.lower() in PRONOUNS | ROLE_WORDS | ORG_HEADS | GROUPS | {"the", "in", "on", "at"} for w in words):
        return found
    return Mention(name.group(1), False, found.text, found.affiliation)
