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
- ``place_tail`` (fifth pass): "The city government in Dnipro", "the mayor of Dnipro": the place is where the
  speaker is, not the speaker; a place ending in a place noun is whole ("The governor of Kaduna state", issue 21's
  names cut, tested in ``tests/draft/test_names.py``);
- ``relative_which`` (fifth pass): "…, which condemned the attack": the speaker is the noun before the comma;
- ``who_note`` (PolNeAR pass, ``tests/draft/test_polnear_pass.py``): in "X, who said …" the speaker is X, as
  ``relative_who`` read it, and the reading is noted ("'who' taken to be X") as ``relative_which``'s is;
- ``relative_of_which``: in "X, the governor of Nineveh, of which Mosul is the capital, said" the speaker is X;
- and, tested in ``tests/draft/test_cues.py``: ``time_phrase``, ``relative_who``, ``age_hometown``, ``party_state``,
  ``modifier_before_name``, ``outlet_report``, ``not_a_name``, ``participle_after_name``, ``conjunction_that`` and an
  acronym in brackets after "according to X" (kept in ``about``, for :mod:`kit.draft.coref`);
- ``place_body`` (tenth pass): "a spokesperson for Ankara police": a body named by a place stays in the phrase;
- ``citing_between`` (tenth pass): "IRNA citing an informed source reported": the speaker is IRNA;
- ``acronym_before_auxiliary`` (tenth pass, ``tests/draft/test_tenth_pass.py``): "The banned militant group X (BLA)
  has claimed": the acronym before an auxiliary is an alias too.
"""

from __future__ import annotations

import re

from kit.draft import lexicon as lex
from kit.draft.asides import without_aside
from kit.draft.lexicon import ORG_HEADS, PRONOUNS, ROLE_WORDS, SPEAKER_NOUNS
from kit.draft.misreads import predicate_segment, scare_quotes
from kit.draft.nouns import (
    CONNECTORS,
    PARTY,
    PREPS,
    Mention,
    capitalised,
    is_description,
    is_name,
    mention,
    np_word,
    of_the,
    report_of,
    tokens,
)

__all__ = ["Mention", "subject_before", "relative_notes"]

#: a time phrase between a speaker and the verb: "Reince Priebus, the GOP chairman, this past week announced"
_WHEN = re.compile(
    r"\s+(?:(?:(?:earlier|later)\s+)?(?:this|last)\s+(?:past\s+)?(?:week|month|year|weekend|morning|evening)"
    r"|(?:less than\s+|more than\s+)?\w+\s+(?:days?|weeks?|months?|years?)\s+(?:ago|later|earlier)"
    r"|at (?:the|that) time|so far)$",  # so_far (wrong-speaker pass): "No group has so far claimed"
    re.I,
)
#: who_note (PolNeAR pass): "who" right before the verb (an adverb or an auxiliary between): the verb's own subject
_WHO_SAID = re.compile(r"^(?:,\s*|\s+)who(?:\s+(?:also|later|then|has|have|had|\w+ly))*$")
_NEG = {"not", "never", "n’t", "n't", "cannot"}
#: group_of_place: "Residents of Al Daraja", "locals of the villages", "Human rights groups in Nigeria and abroad"
_GROUP_OF = re.compile(
    r"\b(?P<head>[A-Za-z]+)\s+(?:of|in|from|across)\s+(?:the\s+)?[\w’'-]+(?:\s+[A-Z][\w’'-]*){0,3}"
    r"(?:\s+and\s+(?:abroad|elsewhere|overseas|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}))?\s*$"
)
#: place_tail: "The city government in Dnipro", "a senior official at the main hospital in Tigray's capital Mekele",
#: "the mayor of Dnipro": a place after a speaker's lower-case noun and a preposition is where the speaker is, not the
#: speaker
_PLACE_TAIL = re.compile(
    r"(?<=[a-z])\s+(?:of|in|at|from)\s+(?:the\s+)?(?:(?:[a-z]+ern|central)\s+)?(?:[A-Z][\w-]*(?:’s|'s)\s+)?"
    r"(?:(?:capital|city|town|village|province|region|district|county|state)\s+(?:of\s+)?)?"
    r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}(?:\s+(?:state|province|region|district|county))?$"
)
_GROUP_HEADS = {
    "groups", "organisations", "organizations", "families", "people", "leaders", "elders", "workers", "members",
    "traders",
}  # fmt: skip


def _role_prep(noun: str, prep: str) -> bool:
    """A speaker's noun and the preposition opening what it belongs to: "officials with", "a farmer from", ``role_for``
    "a spokeswoman for", ``close_to`` "a source close to"."""
    low = noun.lower()
    return (
        prep in PREPS
        and low in SPEAKER_NOUNS | ROLE_WORDS
        or prep
        in ("for", "of")  # role_of_body (fifth pass): "The director of the hospital" is a person, not the hospital
        and low in ROLE_WORDS
        or prep == "to"
        and low == "close"
    )


def _org_head(tok: str) -> bool:  # plural_head: "Coordination of Resistance Committees in El Fasher"
    return tok.lower() in ORG_HEADS or tok[-1:] == "s" and tok.lower()[:-1] in ORG_HEADS


def _name_of(toks: list[str]) -> bool:  # name_of: "the Emergency Room of Abu Shouk Displacement Camp in El Fasher"
    return any(
        t == "of" and capitalised(a) and capitalised(b) for a, t, b in zip(toks, toks[1:], toks[2:], strict=False)
    )


def _place_body(words: list[str]) -> bool:  # "Ankara police", "Gaza health ministry": capitalised words, a body
    low = [w.lower() for w in words]
    return len(words) > 1 and low[-1] in lex.GROUPS | ORG_HEADS and capitalised(words[0]) and words[-1].islower()


def _spelled_out(toks: list[str], about: str) -> list[str]:
    """``subject_phrase``: the words at the end of ``toks`` whose capitalised initials spell the acronym in brackets
    after them ("Al Qaeda in the Islamic Maghreb" for "(AQIM)"), or none."""
    spelled = re.fullmatch(r"\(([A-Z]{2,9})\)", about)
    letters = spelled.group(1) if spelled else ""
    for i in range(len(toks) - 1, -1, -1) if letters else ():
        initials = "".join(t[0] for t in toks[i:] if capitalised(t)).upper()
        if not np_word(toks[i]) and toks[i] not in CONNECTORS | PREPS or len(initials) > len(letters):
            break
        if initials == letters and capitalised(toks[i]):
            return toks[i:]
    return []


def _walk_back(toks: list[str]) -> list[str]:
    """The noun phrase at the end of ``toks``, whole (``name_connector``, ``speaker_noun_phrase``)."""
    words: list[str] = []
    k = len(toks) - 1
    while k >= 0:
        tok, low = toks[k], toks[k].lower()
        if low in PRONOUNS and not words:
            return [tok.lower()]
        if low in ("that", "this") and words and capitalised(words[0]):
            break  # "asserted that Trump tells": a conjunction, not the name's
        if low == "the" and words and of_the(toks, k - 1) and capitalised(toks[k - 2]):
            words[:0], k = toks[k - 1 : k + 1], k - 2  # connector_the
            continue
        one = len(words) == 1 or bool(words) and words[0].lower() in lex.DETERMINERS  # not "for Nigeria Osai Ojigho"
        one = one or _place_body(words)  # place_body (tenth pass): "a spokesperson for Ankara police"
        if one and k > 1 and _role_prep(toks[k - 1], tok) and low in ("for", "to") and tok == low:
            return [*_walk_back(toks[:k]), tok, *words]  # "A spokeswoman for UNIFIL", "a source close to Hezbollah"
        if low in lex.DETERMINERS:
            words.insert(0, tok)
            if low == "the" and k >= 2 and toks[k - 1] == "of" and toks[k - 2].lower() in lex.QUANTIFIERS:
                words[:0] = toks[k - 2 : k]
            elif k >= 2 and _role_prep(toks[k - 2], toks[k - 1]):
                return [*_walk_back(toks[: k - 1]), toks[k - 1], *words]  # "officials with the …", "a farmer from …"
            elif k >= 3 and toks[k - 1] in PREPS and toks[k - 2].endswith("ing") and toks[k - 3] in SPEAKER_NOUNS:
                return [*_walk_back(toks[: k - 2]), *toks[k - 2 : k], *words]  # "an aid group operating at the site"
            elif k >= 2 and re.fullmatch(r"[a-z]+ing", toks[k - 1]) and np_word(toks[k - 2]):
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
            or low in CONNECTORS
            and words
            and capitalised(words[0])
            and k > 0
            and capitalised(toks[k - 1])
            and toks[k - 1] != "The"
        ):
            words.insert(0, tok)  # name_connector
            k -= 1
            continue
        if (
            low in PREPS
            and words
            and k > 0
            and (
                toks[k - 1].lower() in SPEAKER_NOUNS
                or low == "with"  # subject_phrase: "A doctor with Kunming No.1 People’s Hospital told"
                and toks[k - 1].lower() in ROLE_WORDS
                and capitalised(words[0])
                or capitalised(toks[k - 1])
                and (any(_org_head(t) for t in toks[max(0, k - 5) : k]) or _name_of(toks[max(0, k - 7) : k]))
            )
        ):
            words.insert(0, tok)  # speaker_noun_phrase
            k -= 1
            continue
        if low == "of" and k > 0 and toks[k - 1].lower() in ROLE_WORDS and words and all(w.islower() for w in words):
            return [*_walk_back(toks[:k]), tok, *words]  # subject_phrase: "Ukraine's minister of internal affairs"
        if not np_word(tok) or len(words) >= 12:
            if low in ("for", "of", "in") and k > 0 and toks[k - 1].lower() in ROLE_WORDS and len(words) > 2:
                words = words[-2:] if all(capitalised(w) for w in words) else words  # role_for_place
            named = k > 0 and capitalised(toks[k - 1]) and toks[k - 1].lower() not in lex.NAME_STOPS | lex.DETERMINERS
            if low == "from" and named and any(w.lower() in SPEAKER_NOUNS | ORG_HEADS for w in words):
                return _walk_back(toks[:k])  # name_from_body: "Abdul Majid Akhundzada from provincial council told"
            break
        words.insert(0, tok)
        k -= 1
    while words and words[0].lower() in CONNECTORS - {"the"}:
        words = words[1:]
    return words


def relative_notes(cited: list[Mention]) -> list[str]:
    """The notes of speakers read from a relative pronoun before their verb ("X, which said", "X, who said").

    Parameters
    ----------
    cited : list of Mention
        A finding's speakers.

    Returns
    -------
    list of str
        One ``draft: check`` note per speaker read so.

    Examples
    --------
    >>> relative_notes([subject_before("the senator, who ")])
    ["draft: check: 'who' taken to be the senator (the noun before ', who')"]
    """
    return (
        [
            f"draft: check: '{c.said_as}' taken to be {c.text} (the noun before ', {c.said_as}')"
            for c in cited
            if c.said_as in ("which", "who")
        ]
        + [  # own_subject_pronoun (kit.draft.misreads): "Klymenko cited information that he said"
            f"draft: check: '{c.said_as[:-4]}' taken to be {c.text} (the name opening the sentence)"
            for c in cited
            if c.said_as.endswith(":own")
        ]
    )


def _found_named(found) -> bool:
    """Whether :func:`subject_before` found a speaker that no rule had noted yet (a Mention without ``said_as``)."""
    return isinstance(found, Mention) and not found.said_as


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
    kit.draft.objects.object_after : the source named after "according to", "told" or an inverted "said".

    Examples
    --------
    >>> subject_before("Maxim Buga, of the Cossack community ")
    Mention(text='Maxim Buga', common=False, about='', affiliation='the Cossack community', said_as='')
    >>> subject_before("Police superintendent Dave Cliff ").text, subject_before("Actually Bloomberg hadn’t ")
    ('Dave Cliff', 'negated')
    >>> subject_before("the Syrian Observatory for Human Rights ").text
    'the Syrian Observatory for Human Rights'
    """
    prefix, about, affiliation = PARTY.sub("", prefix).rstrip(), "", ""  # party_state: "Sen. Jack Reed (D-R.I.),"
    prefix = without_aside(prefix)  # bracketed_aside (kit.draft.asides): "Gov. Phil Bryant (R) said"
    prefix = scare_quotes(prefix)  # scare_quotes (kit.draft.misreads): "was “most probably” also"
    straight = prefix.rfind('"')  # a straight mark after , . ! ? closes a quotation (one the sentence before opened)
    close = max(
        prefix.rfind("”"), straight if prefix.count('"') % 2 == 0 or prefix[straight - 1 : straight] in ",.!?" else -1
    )
    quoted = close >= 0 and bool(prefix[close + 1 :].strip(" ,"))
    if quoted:  # quotation_first: "“…,” Kaniz Fatema, …, told"
        prefix = prefix[close + 1 :].rstrip()
    opening = prefix.rfind("“")
    quoted = quoted and opening < 0  # after a whole quotation, not inside the next one
    if opening >= 0:  # a verb inside a quotation has its subject inside it: "“absolutely purposeful, thought out"
        prefix = prefix[opening + 1 :]
    acronym = re.search(r"\s*(\([A-Z][A-Za-z]{1,9}\))$", prefix)
    if acronym:  # "the Office of Civil Defence (OCD) said": the acronym is an alias, kept in about
        prefix, about = prefix[: acronym.start()], acronym.group(1)
    which = re.search(r",\s*which(?:\s+(?:also|later|then|has|have|had|\w+ly))*$", prefix)
    if which and prefix[: which.start()].strip():  # relative_which: "from the United States, which condemned"
        found = subject_before(prefix[: which.start()] + " ")
        ok = isinstance(found, Mention) and found.text.lower() not in PRONOUNS
        ok = ok and (
            not found.common or found.text.split()[-1].lower() in SPEAKER_NOUNS | ORG_HEADS
        )  # not "brain cancer"
        return Mention(found.text, found.common, found.about, found.affiliation, "which") if ok else None
    rel = re.search(r"(?:,\s*|\s+)who(?:\s+[^,“”\"—–;:\s]+){0,7}$", prefix)  # closed_who (seventh pass):
    rel = rel or re.search(r",\s*who(?:\s+[^,“”\"—–;:\s]+){1,14},$", prefix)  # "X, who heads the … mission, said"
    inner = re.search(r"\swhom?\s+((?:[^,“”\"—–;:\s]+\s+){0,3}[^,“”\"—–;:\s]+)$", prefix)
    plain = inner and not re.match(r"(?:also|then|later)\b", inner.group(1))
    own = subject_before(inner.group(1) + " ") if inner and plain else None
    if isinstance(own, Mention) and inner is not None and own.text == inner.group(1):  # object_relative: "a man
        return own  # who al-Shabab said carried out", "the attackers, who the police officer described as"
    if rel and prefix[: rel.start()].strip():  # relative_who: "the Mexican president, who said", "officials who
        prefix = prefix[: rel.start()]  # spoke with The Huffington Post said": the speaker is the noun before "who"
        prefix += "," if re.search(r",\s*(?:\d{1,3}|[A-Z][\w.]*\.)$", prefix) else ""  # "Schiff, 56, who …,"
        if _WHO_SAID.search(rel.group()):  # who_note (PolNeAR pass): "who" is the verb's subject, noted as "which"
            found = subject_before(prefix + " ")
            return (
                Mention(found.text, found.common, found.about, found.affiliation, "who")
                if _found_named(found)
                else found
            )
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
    late = None if about else re.search(r"\s*(\([A-Z][A-Za-z]{1,9}\))$", prefix)
    if late:  # acronym_before_auxiliary (tenth pass): "The banned militant group X (BLA) has claimed"
        prefix, about = prefix[: late.start()], late.group(1)
    if re.search(r"(?:^|\s)and$", prefix):
        return "and"
    cite = re.search(r"(?<=[\w’'.)])\s+(?:citing|quoting)\s+[^,“”\"]*$", prefix)
    if cite and re.search(r"[A-Z]", prefix[: cite.start()]):  # citing_between (tenth pass): "IRNA citing a source
        prefix = prefix[: cite.start()]  # reported": the speaker is IRNA, who relays the source
    part = re.search(r",\s+(?!citing|quoting)[a-z]+ing\b[^,“”\"]*$", prefix)
    part = part or re.search(r",\s+(?:while|when)\s+[a-z]+ing\b[^,“”\"]*,$", prefix, re.I)  # while_clause
    if part:  # participle_after_name: "revenue secretary, GVV Sharma, supervising rescue operations said"
        prefix = prefix[: part.start()] + ","
    report = re.search(r"(?:\b(?:an?|the)\s+)?[A-Z][^,;:]*?(?:,\s*[A-Z]{2,},)?\s+(?:report|article|story)$", prefix)
    if report and report_of(tokens(report.group())):  # outlet_report: "an Asian News International, ANI, report"
        return report_of(tokens(report.group()))
    prefix = re.sub(r",\s*((?:[A-Z]\.){2}|[A-Z][a-z]{1,4}\.)(?=,)", r" \1", prefix)  # "Wilmington, N.C.," one place
    home = re.search(r",\s*\d{1,3}(?:,\s*(?:of|from)\s+[A-Z][^,]*(?:,\s*[A-Z][\w.]*)?)?,\s*$", prefix)
    if home:  # age_hometown: "Cory James, 22, of Flint, Mich., said"
        prefix = prefix[: home.start()]
    for _ in range(3):  # appositives: "X, which monitors …, said" / "X, of the Y said" / "ROLE, NAME, says"
        trailing = prefix.endswith(",")
        body = prefix[:-1] if trailing else prefix
        cut = body.rfind(",")
        if cut < 0:
            if trailing and not about and not quoted:  # "“…,” Osai Ojigho, said": a stray comma
                return None  # "…, say traumatised viewers": the speaker comes after the verb
            prefix = body
            break
        seg = body[cut + 1 :].strip()
        if re.match(r"(?:of|in|to) which\b|where\b|whose\b", seg) and trailing and body[:cut].strip():
            prefix = body[:cut] + ","  # relative_of_which: "Nawfal Hammadi, the governor of Nineveh, of which …,"
        elif re.match(r"of\b", seg) and body[:cut].strip():
            affiliation, prefix = seg[3:], body[:cut]
        elif trailing and is_name(seg) and (about or is_description(body[:cut].split(",")[-1])):
            return mention(tokens(seg), about=body[:cut].strip())  # appositive: the name between commas
        elif trailing and about and re.match(r"the [A-Z]", seg) and lex.OPENER.fullmatch(body[:cut].strip()):
            prefix = seg  # opening_phrase: "For its part, the Emergency Room of …, also a volunteer group, said"
            break
        elif trailing and predicate_segment(seg):  # predicate_segment (kit.draft.misreads)
            return None  # "…, had arrested one and were hunting for more, said the official Xinhua news agency"
        elif trailing and is_description(seg) and body[:cut].strip():
            about, prefix = seg, body[:cut] + ","
        elif trailing:
            return None
        else:
            break
    group = _GROUP_OF.search(prefix)
    if group and group.group("head").lower() in lex.GROUPS | _GROUP_HEADS:  # group_of_place
        words = [*_walk_back(tokens(prefix[: group.end("head")])), *tokens(prefix[group.end("head") :])]
        return mention(words[1:] if words[0].lower() == "that" else words, about, affiliation)
    tail = _PLACE_TAIL.search(prefix)
    head = tokens(prefix[: tail.start()]) if tail else []
    role_of = any(a.lower() in ROLE_WORDS and b == "of" for a, b in zip(head, head[1:], strict=False))
    headed = head and (head[-1] in SPEAKER_NOUNS | ROLE_WORDS | ORG_HEADS or role_of and head[-1].islower())
    if tail and headed and not about:  # place_tail; subject_phrase: "The head of the United Nations mission in X"
        found = mention(_walk_back(head), about, affiliation)
        if found is not None and found.text.endswith(head[-1]):
            return Mention(f"{found.text} {tail.group().strip()}", True, found.about, affiliation)
    words = _walk_back(tokens(prefix))
    spelled = _spelled_out(tokens(prefix), about)
    if len(spelled) > len(words):  # subject_phrase: "Al Qaeda in the Islamic Maghreb (AQIM) said"
        words = spelled
    return mention(words, about, affiliation)
