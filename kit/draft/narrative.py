"""The outlet's own words around a speaker's act: figures that are not the speaker's (issue 21's figure pass).

Some verbs report an act whose object is what the speaker did, not a reported clause: "Islamic State claimed an
attack", "Russian officials accused Kyiv of carrying out the attack", "Niger's government announced Friday three
days of mourning", "the minister condemned Cambodia's actions". The sentence then goes on in the outlet's own words:
"… after three suicide bombers killed three people", "…, which took place the day after an 18-hour aerial
bombardment … killed at least 39 civilians", "… following a deadly escalation … that left 12 people dead"; or it
opens with them: "The death toll … rose … to 290 … as police announced new arrests". The figures of those words are
the outlet's, not the speaker's, and a draft claim must not carry them.

The rule ``act_object``: after a verb of :data:`ACT_VERBS` followed by its object (not by "that", "by", a
colon, a quotation or nothing), the speaker's words end at the first connector after the object ("after",
"following", "which", "as", "amid", "when", "while", "where", a dash; for "accused" and "blamed", whose words go on
after the object, only a connector after a comma or a dash), unless a verb of speech comes first ("…, saying …");
what follows is the outlet's narrative. When such a verb's speaker is introduced by "as", "while", "when" or
"after" ("… as police announced new arrests"), what comes before that word is the outlet's narrative too.
:func:`narrative_spans` gives those parts of a claim's words; :func:`kit.draft.build.build_tables` blanks them before
it reads the claim's figures. Tested in ``tests/draft/test_narrative.py`` on sentences of the draft corpus.
"""

from __future__ import annotations

import re

__all__ = ["ACT_VERBS", "narrative_spans"]

#: verbs whose object is an act or a thing, not a reported clause: "claimed an attack", "condemned the strike"
ACT_VERBS = frozenset(
    {
        "claimed", "claims", "claim", "condemned", "condemns", "condemn", "accused", "accuses", "accuse",
        "announced", "announces", "announce", "declared", "declares", "blamed", "blames", "denied", "denies",
        "vowed", "vows", "welcomed", "welcomes", "mourned", "praised", "criticised", "criticized", "ordered",
        "demanded",
    }
)  # fmt: skip
#: verbs whose reported words go on after their object ("accused the coalition of carrying out airstrikes … that
#: killed 30 people"): only a connector after a comma or a dash ends them
_OF_VERBS = frozenset({"accused", "accuses", "accuse", "blamed", "blames"})
_DAY = (
    r"(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|tonight|overnight|earlier|later|also|"
    r"late|again)"
)
#: what opens a reported clause, makes the verb passive or ends its words: "announced that", "announced in a
#: statement that", "claimed by the group", "claimed:", "condemned." (inverted)
_CONTENT = re.compile(
    r"(?:(?:(?:in|on|at|during|via)\s+(?:(?:a|an|the|its|his|her|their)\s+)?(?:[\w’'-]+\s+){1,2})?that\b"
    r"|to\b|by\b|[:“\"”,.;!?]|$)",
    re.I,
)
_CONNECTOR = re.compile(
    r"(?P<comma>,\s*|\s+[—–-]\s*)(?:after|following|which|as|amid|when|while|where)\b|(?P<dash>\s[—–]\s|\s-\s)"
    r"|\s+(?:after|following|which|as|amid|when|while|where)\b",
    re.I,
)
_SPEECH = re.compile(r"\b(?:saying|adding|stating|said|says|explaining|noting|insisting)\b", re.I)
_LEADING = re.compile(r"\b(?:as|while|when|after)\s+(?:the\s+)?\s*$", re.I)


def narrative_spans(masked: str, verb: str) -> list[tuple[int, int]]:
    """``act_object``: the parts of a claim's words that are the outlet's own narrative around an act's object.

    Parameters
    ----------
    masked : str
        A claim's words with its speakers' names blanked (spaces), as :func:`kit.draft.build.build_tables` reads
        them.
    verb : str
        The finding's verb (:attr:`kit.draft.cues.Finding.verb`), in lower case.

    Returns
    -------
    list of (int, int)
        Start and end of each part (at most two: one before the speaker's clause, one after the act's object);
        ``[]`` when ``verb`` is not in :data:`ACT_VERBS`, is not in ``masked``, or takes a reported clause.

    See Also
    --------
    kit.draft.numbers.figures : the figures read from what is left.

    Examples
    --------
    >>> s = "             claimed an attack on Tuesday after three suicide bombers killed three people."
    >>> [s[a:b] for a, b in narrative_spans(s, "claimed")]
    [' after three suicide bombers killed three people.']
    >>> s = "The toll rose to 290 as        announced new arrests."
    >>> [s[a:b] for a, b in narrative_spans(s, "announced")]
    ['The toll rose to 290 ']
    >>> narrative_spans("        announced that 44 civilians were killed after the attack.", "announced")
    []
    """
    if verb not in ACT_VERBS:
        return []
    found = re.search(rf"\b{re.escape(verb)}\b", masked)
    if found is None:
        return []
    rest = masked[found.end() :]
    skipped = re.match(rf"(?:\s+{_DAY}\b)*\s*", rest)
    after = found.end() + (skipped.end() if skipped else 0)
    if _CONTENT.match(masked[after:]):
        return []
    out = []
    lead = _LEADING.search(masked[: found.start()])
    if lead is not None and lead.start() > 0 and re.search(r"\w", masked[: lead.start()]):
        out.append((0, lead.start()))
    connector = _CONNECTOR.search(masked, after)
    while connector is not None and verb in _OF_VERBS and not (connector.group("comma") or connector.group("dash")):
        connector = _CONNECTOR.search(masked, connector.end())
    worded = connector is not None and re.search(r"\w", masked[after : connector.start()])
    if connector is not None and worded and not _SPEECH.search(masked, after, connector.start()):
        out.append((connector.start(), len(masked)))
    return out
