"""Speakers as whole noun phrases: the one before a speech verb, and the one after it or after "according to".

A speaker's name is read as a whole phrase, never cut: "Syrian Observatory for Human Rights", "Ministry of
Defence", "Committee to Protect Journalists" (small words between capitalised ones belong to the name), "the
regional prosecutor's office in Donetsk province" (a phrase after a speaker noun belongs to it). A person's title is
not part of the name: "Police superintendent Dave Cliff" is Dave Cliff (``about``: "Police superintendent"), and an
appositive is skipped or taken for the name: "Ma Hao, a college student who volunteered, told" is Ma Hao; "The Fire
Service's head of special operations, Jim Stewart-Black, says" is Jim Stewart-Black.

Rules, each named and tested in ``tests/draft/test_phrases.py``:

- ``name_connector``: of, for, to, and, the, de between two capitalised words stay in the name;
- ``speaker_noun_phrase``: "officials in New Zealand", "office in Donetsk province": a phrase after a speaker noun;
- ``title_stripped``: a title or a role before a person's name is its ``about``, not its name;
- ``appositive``: ", a college student …," is skipped; "…, Jim Stewart-Black," is the name;
- ``figures_from``: "the latest figures from the civil affairs department" is the department;
- ``outlet_appositive``: "the official Chinese news agency, Xinhua," is Xinhua;
- ``name_particle``: "al-Malki" is a capitalised name; ``connector_the``: "Committee for the Red Cross" is whole;
- ``capital_group``: "Residents", "Officials", "Police" opening a sentence are unnamed groups, not names;
- ``relative_of_which``: in "X, the governor of Nineveh, of which Mosul is the capital, said" the speaker is X;
- and, tested in ``tests/draft/test_cues.py``: ``time_phrase``, ``relative_who``, ``age_hometown``, ``party_state``,
  ``modifier_before_name``, ``outlet_report``, ``not_a_name``, ``participle_after_name``, ``conjunction_that`` and an
  acronym in brackets after "according to X" (kept in ``about``, for :mod:`kit.draft.coref`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kit.draft import lexicon as lex
from kit.draft.lexicon import ORG_HEADS, PRONOUNS, ROLE_WORDS, SPEAKER_NOUNS, TITLES

__all__ = ["Mention", "subject_before", "object_after"]

_DOC_FROM = {"figures", "figure", "data", "statement", "report", "tally", "count", "records", "estimate", "estimates"}
_DOC_FROM |= {"post", "posts", "message", "messages", "video", "videos", "footage", "images", "imagery"}  # post_from
_CONNECTORS = {"of", "for", "to", "and", "the", "de", "&"}
_PREPS = {"in", "with", "from", "at", "on"}
#: a time phrase between a speaker and the verb: "Reince Priebus, the GOP chairman, this past week announced"
_WHEN = re.compile(
    r"\s+(?:(?:(?:earlier|later)\s+)?(?:this|last)\s+(?:past\s+)?(?:week|month|year|weekend|morning|evening)"
    r"|(?:less than\s+|more than\s+)?\w+\s+(?:days?|weeks?|months?|years?)\s+(?:ago|later|earlier)"
    r"|at (?:the|that) time)$",
    re.I,
)
#: a US politician's party and state after the name: "(D-R.I.)", "(R-Alaska)"
_PARTY = re.compile(r"\s*\([DRI]-[A-Z][\w. ]*\)(?:,(?=\s*$))?")
#: ", John J. Ferriola." after a description: the name (an initial's full stop stays in it)
_APPOSITIVE = re.compile(r"\s*,\s*((?:[^,.;:“”\"]|(?<=\b[A-Z])\.)+?)\s*(?:[,;:]|(?<!\b[A-Z])\.|$)")
_NEG = {"not", "never", "n’t", "n't", "cannot"}
#: words of a headline or a quotation that are never part of a speaker's name ("Me He Had", "Does Rubio")
_NOT_NAME = set("me he she him i i’ve i'm i’m we you does did had he’s having i'd i’d".split())  # noqa: SIM905
_TOKEN = re.compile(  # initials ("D. Prasad Rao") and web addresses ("AirNow.gov") are one token
    r"\d+(?=[A-Z][a-z])|(?:[A-Z]\.){2,}|[A-Z][a-z]{0,3}\.(?=\s+[A-Z])|[A-Za-z][\w-]*\.(?:com|org|gov|net|edu)\b"
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


def _tokens(s: str) -> list[str]:
    return _TOKEN.findall(s)


def _cap(tok: str) -> bool:  # name_particle: "al-Malki", "el-Sisi" are capitalised names
    digit = tok[:1].isdigit() and "-" in tok and tok[-1].isupper()
    return bool(tok) and (tok[0].isupper() or digit or tok[:3] in ("al-", "el-") and tok[3:4].isupper())


def _of_the(toks: list[str], i: int) -> bool:  # connector_the: "International Committee of/for the Red Cross"
    return 0 < i < len(toks) - 2 and toks[i] in ("of", "for") and toks[i + 1] == "the" and _cap(toks[i + 2])


def _org_head(tok: str) -> bool:  # plural_head: "Coordination of Resistance Committees in El Fasher"
    return tok.lower() in ORG_HEADS or tok[-1:] == "s" and tok.lower()[:-1] in ORG_HEADS


def _name_of(toks: list[str]) -> bool:  # name_of: "the Emergency Room of Abu Shouk Displacement Camp in El Fasher"
    return any(t == "of" and _cap(a) and _cap(b) for a, t, b in zip(toks, toks[1:], toks[2:], strict=False))


def _np_word(tok: str) -> bool:
    low = tok.lower()
    if not re.match(r"\w", tok) or low in lex.NAME_STOPS or tok[0].isdigit() and "-" not in tok:
        return False
    verbal = re.search(r"(ed|ly|ing)$", low) and low not in ROLE_WORDS | lex.LY_NOUNS
    return not (tok[0].islower() and "-" not in tok and verbal)


def _person_tail(words: list[str]) -> int:
    """Where a person's name starts at the end of ``words`` after a title or a role (``title_stripped``), else 0."""
    k = len(words)
    while k > 0 and _cap(words[k - 1]) and words[k - 1].lower().rstrip(".") not in ROLE_WORDS:
        k -= 1
    if k == len(words) or k == 0:
        return 0
    before = words[k - 1].lower().rstrip(".")
    plain = words[k - 1][0].islower() and before not in _CONNECTORS | _PREPS | lex.DETERMINERS | lex.QUANTIFIERS
    if before in TITLES or before in ROLE_WORDS or plain:
        if any(w.lower() in SPEAKER_NOUNS | ORG_HEADS for w in words[k:]):
            return 0
        return k
    return 0


def _mention(words: list[str], about: str = "", affiliation: str = "") -> Mention | None:
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
    report = _report_of(words)
    if report is not None:
        return report
    while words and re.fullmatch(r"\(|\)|[A-Z]{2,}", words[-1]) and "(" in words:
        cut = words.index("(")  # "Office of Civil Defense (OCD)": the acronym is an alias, kept in about
        about = f"{' '.join(words[cut:]).replace('( ', '(').replace(' )', ')')} {about}".strip()
        words = words[:cut]
    p = next((i for i, w in enumerate(words) if w.lower() in _PREPS), None)
    if p and _cap(words[0]) and any(w.lower() in ORG_HEADS for w in words[:p]):
        about, words = f"{' '.join(words[p:])} {about}".strip(), words[:p]  # "Office of Civil Defence in Manila"
    k = _person_tail(words)
    if k:
        role = " ".join(words[:k])
        about = f"{role} {about}".strip()
        words = words[k:]
    text = " ".join(words).replace(" - ", "-").replace(" ’s", "’s").replace(" 's", "'s")
    first = words[0].lower()
    common = not _cap(words[-1]) or first in (lex.DETERMINERS - {"the", "this", "that"}) | lex.QUANTIFIERS
    common = common or len(words) == 1 and first in lex.GROUPS  # capital_group: "Residents told AFP", "Police said"
    if len(words) > 2 and not common:  # "Officials in New Zealand": the head noun decides
        head = next((w for w in words if w.lower() in SPEAKER_NOUNS), None)
        common = head is not None and head.lower().endswith("s") and head.lower() != "headquarters"
    return Mention(text, common=common, about=about, affiliation=affiliation)


def _report_of(words: list[str]) -> Mention | None:
    """``outlet_report``: "an Asian News International, ANI, report", "the Reuters report" are the outlet's."""
    if len(words) < 2 or words[-1].lower() not in ("report", "reports", "article", "story", "bulletin", "dispatch"):
        return None
    if words[0].lower() not in ("a", "an", "the"):
        return None  # "News reports said": no outlet named
    body = words[1:-1]
    if len(body) > 2 and body[-1] == "," and body[-3] == "," and body[-2].isupper():
        body, about = body[:-3], body[-2]  # "Asian News International, ANI,": the acronym is an alias
    else:
        about = ""
    if not body or not all(_cap(w) or w.lower() in _CONNECTORS for w in body) or body[0].lower() in lex.MONTH_WORDS:
        return None  # "a December report" is a document; "the Reuters report" is Reuters
    return Mention(" ".join(body).replace(" ’s", "’s"), about=f"({about}) report" if about else "report")


def _walk_back(toks: list[str]) -> list[str]:
    """The noun phrase at the end of ``toks``, whole (``name_connector``, ``speaker_noun_phrase``)."""
    words: list[str] = []
    k = len(toks) - 1
    while k >= 0:
        tok, low = toks[k], toks[k].lower()
        if low in PRONOUNS and not words:
            return [tok.lower()]
        if low in ("that", "this") and words and _cap(words[0]):
            break  # "asserted that Trump tells": a conjunction, not the name's
        if low == "the" and words and _of_the(toks, k - 1) and _cap(toks[k - 2]):
            words[:0], k = toks[k - 1 : k + 1], k - 2  # connector_the
            continue
        if low in lex.DETERMINERS:
            words.insert(0, tok)
            if low == "the" and k >= 2 and toks[k - 1] == "of" and toks[k - 2].lower() in lex.QUANTIFIERS:
                words[:0] = toks[k - 2 : k]
            elif k >= 2 and toks[k - 1] in _PREPS and toks[k - 2].lower() in SPEAKER_NOUNS:
                return [*_walk_back(toks[: k - 1]), toks[k - 1], *words]  # "officials with the … headquarters"
            elif k >= 2 and re.fullmatch(r"[a-z]+ing", toks[k - 1]) and _np_word(toks[k - 2]):
                head = _walk_back(toks[: k - 1])  # participle_modifier: "the coalition fighting the jihadists"
                if head:
                    return head
            break
        if tok in ("’s", "'s") and words:
            words.insert(0, tok)
            k -= 1
            continue
        plural_and = low == "and" and words and k > 0 and toks[k - 1].lower() in SPEAKER_NOUNS  # "pictures and videos"
        if (
            plural_and
            or low in _CONNECTORS
            and words
            and _cap(words[0])
            and k > 0
            and _cap(toks[k - 1])
            and toks[k - 1] != "The"
        ):
            words.insert(0, tok)  # name_connector
            k -= 1
            continue
        if (
            low in _PREPS
            and words
            and k > 0
            and (
                toks[k - 1].lower() in SPEAKER_NOUNS
                or _cap(toks[k - 1])
                and (any(_org_head(t) for t in toks[max(0, k - 5) : k]) or _name_of(toks[max(0, k - 7) : k]))
            )
        ):
            words.insert(0, tok)  # speaker_noun_phrase
            k -= 1
            continue
        if not _np_word(tok) or len(words) >= 12:
            break
        words.insert(0, tok)
        k -= 1
    while words and words[0].lower() in _CONNECTORS - {"the"}:
        words = words[1:]
    return words


def _at_the(words: list[str]) -> bool:  # "the Emergency Response Room group at the Abu Shouk camp": a name after
    return len(words) > 2 and words[-1] == "the" and words[-2] in _PREPS  # "at the" is in the phrase


def _count_after(words: list[str], tok: str) -> bool:  # "a rescue agency one of hundreds of …": the name ends
    return (
        tok in lex.QUANTIFIERS and bool(words) and words[-1].lower() not in lex.DETERMINERS | lex.QUANTIFIERS | _PREPS
    )


def _phrase_after(noun: str, prep: str) -> bool:
    """A phrase after a speaker noun ("a user in Ludian county") or a document ("a statement on the Web site")."""
    return noun in SPEAKER_NOUNS and prep not in ("on", "from") or noun in _DOC_FROM and prep == "on"


def _is_description(seg: str) -> bool:
    """An appositive that describes ("a college student who …", "the governor of Cebu", "OCD deputy administrator")."""
    toks = _tokens(seg)
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
    return any(t.lower().rstrip(".") in ROLE_WORDS and t[0].islower() for t in toks)


def _is_name(seg: str) -> bool:
    toks = _tokens(seg.strip())
    return 0 < len(toks) <= 5 and all(_cap(t) or t in ("-", "’s") for t in toks)


def subject_before(prefix: str):
    """The speaker named just before a verb: a Mention, ``"negated"``, ``"and"`` or None.

    Parameters
    ----------
    prefix : str
        The sentence up to the verb.

    Returns
    -------
    Mention, str or None
        The speaker; ``"negated"`` when the verb is negated ("hadn't said": no attribution); ``"and"`` when the verb
        shares the subject of the one before ("… said and added"); None when no speaker is named.

    See Also
    --------
    object_after : the source named after "according to", "told" or an inverted "said".

    Examples
    --------
    >>> subject_before("Maxim Buga, of the Cossack community ")
    Mention(text='Maxim Buga', common=False, about='', affiliation='the Cossack community', said_as='')
    >>> subject_before("Police superintendent Dave Cliff ").text, subject_before("Actually Bloomberg hadn’t ")
    ('Dave Cliff', 'negated')
    >>> subject_before("the Syrian Observatory for Human Rights ").text
    'the Syrian Observatory for Human Rights'
    """
    prefix, about, affiliation = _PARTY.sub("", prefix).rstrip(), "", ""  # party_state: "Sen. Jack Reed (D-R.I.),"
    straight = prefix.rfind('"')  # a straight mark after , . ! ? closes a quotation (one the sentence before opened)
    close = max(
        prefix.rfind("”"), straight if prefix.count('"') % 2 == 0 or prefix[straight - 1 : straight] in ",.!?" else -1
    )
    if close >= 0 and prefix[close + 1 :].strip(" ,"):  # quotation_first: "“…,” Kaniz Fatema, …, told"
        prefix = prefix[close + 1 :].rstrip()
    opening = prefix.rfind("“")
    if opening >= 0:  # a verb inside a quotation has its subject inside it: "“absolutely purposeful, thought out"
        prefix = prefix[opening + 1 :]
    acronym = re.search(r"\s*(\([A-Z][A-Za-z]{1,9}\))$", prefix)
    if acronym:  # "the Office of Civil Defence (OCD) said": the acronym is an alias, kept in about
        prefix, about = prefix[: acronym.start()], acronym.group(1)
    rel = re.search(r"(?:,\s*|\s+)who(?:\s+[^,“”\"—–;:\s]+){0,7}$", prefix)
    if rel and prefix[: rel.start()].strip():  # relative_who: "the Mexican president, who said", "officials who
        prefix = prefix[: rel.start()]  # spoke with The Huffington Post said": the speaker is the noun before "who"
    while True:
        when = _WHEN.search(prefix)
        if when:  # time_phrase: "X, the GOP chairman, this past week announced"
            prefix = prefix[: when.start()].rstrip()
            continue
        m = re.search(r"(?:^|\s)(\w+(?:n’t|n't)?)$", prefix)
        if not m:
            break
        w = m.group(1).lower()
        if w in _NEG or w.endswith(("n’t", "n't")):
            return "negated"
        on_day = re.search(r"\s+(?:on\s+)?\w+$", prefix)
        if w in lex.WEEKDAYS and on_day:  # "Reuters on Sunday said", "a statement Wednesday saying"
            prefix = prefix[: on_day.start()].rstrip()
            continue
        aux = re.search(r"(?:^|\s)(\w+)\s+\w+ly$", prefix)  # adverb_after_auxiliary: "has frequently questioned"
        if w not in lex.AUXILIARIES and not (aux and aux.group(1).lower() in lex.AUXILIARIES and w.endswith("ly")):
            break
        prefix = prefix[: m.start(1)].rstrip()
    if re.search(r"(?:^|\s)and$", prefix):
        return "and"
    part = re.search(r",\s+(?!citing|quoting)[a-z]+ing\b[^,“”\"]*$", prefix)
    part = part or re.search(r",\s+(?:while|when)\s+[a-z]+ing\b[^,“”\"]*,$", prefix, re.I)  # while_clause
    if part:  # participle_after_name: "revenue secretary, GVV Sharma, supervising rescue operations said"
        prefix = prefix[: part.start()] + ","
    report = re.search(r"(?:\b(?:an?|the)\s+)?[A-Z][^,;:]*?(?:,\s*[A-Z]{2,},)?\s+(?:report|article|story)$", prefix)
    if report and _report_of(_tokens(report.group())):  # outlet_report: "an Asian News International, ANI, report"
        return _report_of(_tokens(report.group()))
    prefix = re.sub(r",\s*((?:[A-Z]\.){2}|[A-Z][a-z]{1,4}\.)(?=,)", r" \1", prefix)  # "Wilmington, N.C.," one place
    home = re.search(r",\s*\d{1,3}(?:,\s*(?:of|from)\s+[A-Z][^,]*(?:,\s*[A-Z][\w.]*)?)?,\s*$", prefix)
    if home:  # age_hometown: "Cory James, 22, of Flint, Mich., said"
        prefix = prefix[: home.start()]
    for _ in range(3):  # appositives: "X, which monitors …, said" / "X, of the Y said" / "ROLE, NAME, says"
        trailing = prefix.endswith(",")
        body = prefix[:-1] if trailing else prefix
        cut = body.rfind(",")
        if cut < 0:
            if trailing and not about:
                return None  # "…, say traumatised viewers": the speaker comes after the verb
            prefix = body
            break
        seg = body[cut + 1 :].strip()
        if re.match(r"(?:of|in|to) which\b|where\b|whose\b", seg) and trailing and body[:cut].strip():
            prefix = body[:cut] + ","  # relative_of_which: "Nawfal Hammadi, the governor of Nineveh, of which …,"
        elif re.match(r"of\b", seg) and body[:cut].strip():
            affiliation, prefix = seg[3:], body[:cut]
        elif trailing and _is_name(seg) and (about or _is_description(body[:cut].split(",")[-1])):
            return _mention(_tokens(seg), about=body[:cut].strip())  # appositive: the name between commas
        elif trailing and about and re.match(r"the [A-Z]", seg) and lex.OPENER.fullmatch(body[:cut].strip()):
            prefix = seg  # opening_phrase: "For its part, the Emergency Room of …, also a volunteer group, said"
            break
        elif trailing and _is_description(seg) and body[:cut].strip():
            about, prefix = seg, body[:cut] + ","
        elif trailing:
            return None
        else:
            break
    return _mention(_walk_back(_tokens(prefix)), about, affiliation)


def object_after(rest: str) -> Mention | None:
    """The source named right after "according to", "citing", "told", an inverted "said" and the like.

    Parameters
    ----------
    rest : str
        The sentence after the cue.

    Returns
    -------
    Mention or None
        The source, or None when the words after the cue name none.

    See Also
    --------
    subject_before : the speaker named before a verb.

    Examples
    --------
    >>> object_after("several accounts the media then tended").text, object_after("Reuters on Monday.").text
    ('several accounts', 'Reuters')
    >>> object_after("the mayor of Christchurch, Bob Parker.").text
    'Bob Parker'
    >>> object_after("the latest figures from the civil affairs department of Yunnan, the province").text
    'the civil affairs department of Yunnan'
    """
    rest = _PARTY.sub("", rest)
    toks = _tokens(rest)
    words: list[str] = []
    i = 0
    while i < len(toks):
        tok, low = toks[i], toks[i].lower()
        if (low in lex.DETERMINERS or low in lex.QUANTIFIERS and not words) and (
            not words or words[-1].lower() in _PREPS
        ):
            words.append(tok)
        elif re.fullmatch(r"(?:19|20)\d\d", tok) and words and words[-1].lower() in lex.DETERMINERS:
            words.append(tok)  # "the 2009 paper", "a 2014 report"
        elif low in _CONNECTORS and words and _cap(words[-1]) and i + 1 < len(toks) and _cap(toks[i + 1]):
            words.append(tok)  # name_connector
        elif words and _cap(words[-1]) and _of_the(toks, i):
            words, i = [*words, *toks[i : i + 2]], i + 1  # connector_the
        elif low in _PREPS and words and i + 1 < len(toks) and _phrase_after(words[-1].lower(), low):
            words.append(tok)  # speaker_noun_phrase: "a user in Ludian county"
        elif low == "of" and words and words[-1].lower() in ROLE_WORDS | SPEAKER_NOUNS and i + 1 < len(toks):
            words.append(tok)  # "the mayor of Christchurch", "department of Yunnan"
        elif (
            _cap(tok)
            and words
            and (_cap(words[-1]) or words[-1] in _PREPS | {"of"} or words[-1].endswith(("’s", "'s")) or _at_the(words))
            and low not in lex.NAME_STOPS
            or tok in ("’s", "'s")
            and words
        ):
            words.append(tok)
        elif re.fullmatch(r"[a-z]+ed", tok) and i + 1 < len(toks) and _np_word(toks[i + 1]) and len(words) < 2:
            words.append(tok)  # "traumatised viewers", "injured residents"
        elif (
            low in lex.DETERMINERS
            or low in PRONOUNS
            or not _np_word(tok)
            or len(words) >= 12
            or _count_after(words, tok)
        ):
            if low in ("from", "by") and words and words[-1].lower() in _DOC_FROM:
                inner = object_after(" ".join(toks[i + 1 :]))  # figures_from
                if inner is not None:
                    return Mention(inner.text, inner.common, " ".join(words), inner.affiliation)
            break
        elif tok[0].isupper() and any(
            w[0].islower() and w.lower() not in lex.DETERMINERS | lex.QUANTIFIERS | _CONNECTORS for w in words
        ):
            if all(
                "-" in w or w.lower() in lex.DETERMINERS for w in words
            ):  # modifier_before_name: "state-run All India Radio"
                words = [w for w in words if w.lower() in lex.DETERMINERS]
            elif words[-1].lower() not in ROLE_WORDS | TITLES:
                break
            words.append(tok)
        else:
            words.append(tok)
        i += 1
    found = _mention(words)
    acronym = toks[i : i + 3] if toks[i : i + 1] == ["("] else []
    if found is not None and len(acronym) == 3 and acronym[2] == ")" and re.fullmatch(r"[A-Z]\w{1,11}", acronym[1]):
        about = f"({acronym[1]}) {found.about}".strip()  # "… Seismology (Phivolcs)": the acronym is an alias
        return Mention(found.text, found.common, about, found.affiliation)
    if i < len(toks) and toks[i] == "," and found is not None:
        after = _APPOSITIVE.match(rest[rest.find(",") :] if "," in rest else "")
        if after and _is_name(after.group(1)) and (found.common or _is_description(" ".join(words))):
            return _mention(_tokens(after.group(1)), about=found.text)  # outlet_appositive / appositive
    return found
