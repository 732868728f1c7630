"""Numbers that are not counts: durations, ages, times of day, ordinals, magnitudes, measures, money, phone numbers.

A claim's ``low``/``high`` count people or things ("41 troops", "12,000 homes"). The words around a number tell
when it counts nothing: "in the last 24 hours", "a 38-year-old soldier", "Ryan Evans, 38,", "at 10:35pm", "the
second deadliest", "a magnitude 6.9 earthquake", "20km", "$3 billion", "0800 733 276". :func:`not_a_count` says
which rule rules a number out, so :func:`kit.draft.numbers.figures` never reads it as a figure. Rules, each named and
tested in ``tests/draft/test_phrases.py``: ``duration``, ``age``, ``time``, ``ordinal``, ``magnitude``, ``measure``,
``money``, ``phone``, ``compound`` ("two-story", "six-strong" describe a thing, not a toll); the eighth pass's
``speakers`` ("Two doctors and a nurse in the regional capital told": the number counts who speak, not what they
state) and ``partitive`` ("Padma, one of the three rivers that form the Ganges Delta": the number describes a set
one member is picked from); tested in ``tests/draft/test_eighth_pass.py``; the tenth pass's ``speaker_age`` (an age
after the name of a speaker who follows the speech verb, "…,” said Serdar, 37, who …"), tested in
``tests/draft/test_tenth_pass.py``. The figure pass's rules, tested in ``tests/draft/test_figure_rules.py``:
``age`` of a range ("aged between 12 and 14") and of a masked speaker ("University student ▢, 21, told"),
``name`` (a number that is part of a name: "Channel 12", "Flight 17"), ``sides`` ("a feud between two people": the
parties to a relation, not a toll) and ``anonymity`` ("All three spoke on the condition of anonymity": the number
counts the article's sources); the twelfth pass's cases of the first three are tested in
``tests/draft/test_counts.py`` too.
"""

from __future__ import annotations

import re

__all__ = ["not_a_count", "RULES", "NAMED"]

_UNITS = (
    r"km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|m|ft|feet|foot|inch(?:es)?|cm|mm|kg|kilos?|kilogra(?:m|mme)s?|"
    r"gra(?:m|mme)s?|tons?|"
    r"tonnes?|lbs?|pounds|acres?|hectares?|sq|square|%|per ?cent|percent|degrees?|°[CF]?|mph|km/h|knots|GMT|UTC|BST|"
    r"EST|EDT|CET|BJT|IST|a\.m\.|p\.m\.|am|pm|magnitude|points?|storey|story|floors?"
)
#: plural nouns of people who speak: "Two doctors … told", "three witnesses said"
_SPEAKERS = (
    r"doctors|nurses|medics|paramedics|officials|officers|witnesses|residents|villagers|sources|activists|workers|"
    r"survivors|relatives|journalists|reporters|soldiers|diplomats|lawmakers|members|people|men|women|experts"
)
#: a word between the speakers' noun and the speech verb that makes the verb another subject's: "were", "killed"
_OTHER_VERB = r"(?!\b(?:were|was|are|is|had|have|has|been|be|will|would|could|dead|missing|hurt|\w+ed|\w+ing)\b)"
#: currencies named in words after a figure: "20 mln shillings", "5,000 naira"
_CURRENCIES = (
    r"dollars|euros|pounds|yuan|pesos|rupees|shillings|naira|rand|francs|dinars|riyals|dirhams|liras?|rubles|roubles|"
    r"hryvnias?|yen|won|baht|ringgit|taka|afghanis|birr|cedis|kwacha|rupiah|leones|pula"
)
#: speech verbs a speaker's name (and age) may follow: "said Serdar, 37"
_SPEECH = r"said|says|told|added|recalled|explained"
#: capitalised nouns a number names a thing after: "Channel 12", "Flight 17", "Route 9" (never "a channel 12 …");
#: :func:`kit.draft.objects.object_after` keeps the number in such a name ("told Channel 12 that …")
NAMED = (
    r"Channel|Flight|Route|Highway|Gate|Camp|Unit|Platform|Terminal|Ward|Block|Sector|Zone|Brigade|Battalion|"
    r"Division|Regiment|Apollo|Resolution|Article|Section|Room|Boeing|Airbus|Kan|Tower|Building|Pier|Runway|Bus|Line|"
    r"Level|Phase"
)  # "Section 1001" (the twelfth pass: on PolNeAR a second claim of a sentence that cites its speaker already)
#: the plural nouns of the parties to a relation: "a feud between two people", "talks between two countries"
_SIDES = r"people|men|women|groups|countries|sides|parties|families|clans|neighbou?rs|brothers|factions|nations|states"
#: what a count of the article's own sources says about them: "All three spoke on the condition of anonymity"
_ANONYMITY = (
    r"(?:spoke|speaking|talked|asked|requested|declined|refused)\b[^.;]{0,40}?"
    r"\b(?:anonymity|not to be (?:named|identified)|to be (?:named|identified))"
)
_DURATION = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries|hrs?|mins?)"
#: (rule, pattern the words before the number end with, pattern the words after it start with); a rule with both
#: needs both, a rule with one needs that one
RULES: tuple[tuple[str, str, str], ...] = (
    (
        "age",
        r"(?:\baged|\bage of|\bages)\s*(?:between\s+|from\s+|over\s+|under\s+)?(?:\d+\s*(?:and|to|-|–)\s*)?",
        "",
    ),  # "aged between 12 and 14"
    ("age", "", r"^(?:\s*|-)years?(?:\s*|-)old\b|^s?\s*(?:-|–)?year-olds?\b"),
    ("age", r"\b[A-Z][a-z]+\s+[A-Z][a-z'-]+,\s*", r"^\s*,"),  # "Ryan Evans, 38, was …"
    # speaker_age (tenth pass): "…,” said Serdar, 37, who …", "… said Elmir Shirinzaday, 26."; the name may be
    # blanked (a drafted claim's speakers are masked before its figures are read)
    ("age", rf"\b(?:{_SPEECH})\s+(?-i:(?:[A-Z][\w'’-]+\s+){{0,2}}[A-Z][\w'’-]+)?,\s*", r"^\s*(?:[,.;]|$)"),
    # masked_age (figure pass): "University student Chris Jurado, 21, told": the speaker's name is blanked
    ("age", r"\w\s{4,},\s*", r"^\s*,"),
    ("duration", "", rf"^(?:\s*(?:-|–)?\s*{_DURATION}\b|\s+(?:more\s+|other\s+|straight\s+)?{_DURATION}\b)"),
    ("time", "", r"^:\d\d|^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock)"),
    ("time", r"\d:", ""),
    ("time", r"\bat\s+(?:about\s+|around\s+)?", r"^\.\d\d\s*(?:a\.m|p\.m|am|pm)"),
    ("ordinal", "", r"^(?:st|nd|rd|th)\b"),
    ("magnitude", r"magnitude(?:\s+of)?[\s-]*|Richter\D*", ""),
    ("magnitude", "", r"^(?:\.\d+)?[\s-]*(?:magnitude|on the Richter)"),
    ("measure", "", rf"^(?:\.\d+)?\s*-?\s*(?:{_UNITS})\b|^(?:\.\d+)?(?:{_UNITS})(?!\w)"),
    ("measure", r"(?:depth|distance|height|altitude|speed) of\s+(?:about\s+|some\s+|around\s+)?", ""),
    ("money", r"(?:[$€£¥₱]|\bUS\$|\bRs\.?|\bPhp)\s*", ""),
    ("money", "", rf"^(?:\.\d+)?\s*(?:(?:mln|million|bn|billion|thousand)\s+)?(?:{_CURRENCIES})\b"),
    ("phone", r"\b0\d{2,3}\s*|\b0\d{2,3}\s+\d{3}\s*|\bcall\s+", ""),
    ("compound", "", r"^-(?:story|storey|strong|member|person|man|seat|page|point|day|hour|year|month|week)\b"),
    ("place", "", r"^\s+(?:\w+\s+)?(?:states|provinces|districts|countries|counties|regions|cities|towns|villages)\b"),
    ("address", "", r"^\s+block\b"),
    ("partitive", r"\b(?:one|each|any|none|either|neither)\s+of\s+(?:the|its|their|his|her|our)\s+", ""),
    (
        "speakers",
        r"(?:^|[.;:—–]\s*)(?:(?:at least|some|about|around|more than|over)\s+)?",
        rf"^\s+(?:[\w’'-]+\s+){{0,2}}(?:{_SPEAKERS})\b(?:{_OTHER_VERB}[^.;“”\"]){{0,90}}?\s(?:told|said|say|says|tell)\b",
    ),
    ("name", rf"(?-i:\b(?:{NAMED})\s+)", ""),  # "video shown on Channel 12", "Flight 17"
    ("sides", r"\bbetween\s+", rf"^\s+(?:[\w’'-]+\s+)?(?:{_SIDES})\b"),  # "a feud between two people"
    (  # "All three spoke on the condition of anonymity", "Two officials, speaking on condition of anonymity,"
        "anonymity",
        r"(?:^|[.;:—–]\s*)(?:all\s+|the\s+|(?:at least|some|about|around|more than|over)\s+)?",
        rf"^\s+(?:[\w’'-]+,?\s+){{0,3}}?{_ANONYMITY}",
    ),
    ("decimal", r"\d\.", ""),
    ("decimal", "", r"^\.\d"),
)
_COMPILED = [
    (name, re.compile(f"(?:{b})$", re.I) if b else None, re.compile(a, re.I) if a else None) for name, b, a in RULES
]


def not_a_count(text: str, start: int, end: int) -> str | None:
    """The rule by which the number at ``text[start:end]`` counts nothing, or None when it may be a count.

    Parameters
    ----------
    text : str
        A claim's words.
    start, end : int
        Where the number is (its digits or word).

    Returns
    -------
    str or None
        ``"duration"``, ``"age"``, ``"time"``, ``"ordinal"``, ``"magnitude"``, ``"measure"``, ``"money"``,
        ``"phone"``, ``"compound"``, ``"place"``, ``"address"``, ``"decimal"``, ``"partitive"``, ``"speakers"``,
        ``"name"``, ``"sides"``, ``"anonymity"`` or ``"code"``; None for a count.

    See Also
    --------
    kit.draft.numbers.figures : which leaves these numbers out.

    Examples
    --------
    >>> s = "in the last 24 hours, a 38-year-old man and Ryan Evans, 38, at 10:35pm, up to 500km; 41 troops"
    >>> [not_a_count(s, m.start(), m.end()) for m in __import__("re").finditer(r"\\d+", s)]
    ['duration', 'age', 'age', 'time', 'time', 'measure', None]
    """
    before, after = text[:start], text[end:]
    if re.fullmatch(r"0\d+", text[start:end]) or re.search(r"[A-Za-z]-$", before):
        return "code"  # "0800 RED CROSS", "the ferry Pinak-6": a code or a name, not a count
    single = not re.search(r"\s(?:and|to|or)\s|[-–]", text[start:end])
    for name, b, a in _COMPILED:
        if (b is None or b.search(before)) and (a is None or a.search(after)) and (single or name != "sides"):
            return name
    return None
