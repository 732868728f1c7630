"""The speaker named after a cue: "according to X", "citing X", "told X", an inverted "…, said X" (issue 21).

Split from :mod:`kit.draft.phrases` (which reads the speaker before a verb, and the words both share). Rules, each
named and tested in ``tests/draft/test_objects.py`` and ``tests/draft/test_phrases.py``:

- ``name_connector``, ``connector_the``, ``speaker_noun_phrase``: as in :mod:`kit.draft.phrases`;
- ``figures_from``: "the latest figures from the civil affairs department" is the department; ``post_from``: so is
  "a post from a rescue agency";
- ``name_after_the``: "the Emergency Response Room group at the Abu Shouk camp" is whole;
- ``count_ends_name``: "a rescue agency one of hundreds of volunteer groups" is "a rescue agency";
- ``outlet_appositive``: "the official Chinese news agency, Xinhua," is Xinhua.
"""

from __future__ import annotations

import re

from kit.draft import lexicon as lex
from kit.draft.counts import NAMED
from kit.draft.first_names import gender_of
from kit.draft.lexicon import ORG_HEADS, PRONOUNS, ROLE_WORDS, SPEAKER_NOUNS, TITLES
from kit.draft.names import guess_kind, outlet_of
from kit.draft.nouns import (
    CONNECTORS,
    DOC_FROM,
    PARTY,
    PREPS,
    Mention,
    capitalised,
    is_description,
    is_name,
    mention,
    np_word,
    of_the,
    tokens,
)

__all__ = ["object_after", "can_author"]


def can_author(m: Mention) -> bool:
    """``author_not_place``: whether what a document comes "from" can have written it: an unnamed speaker, a body
    (an organisation's word, a known kind), a person with a known first name; not a place ("a post from Gaza City").

    Parameters
    ----------
    m : Mention
        What follows "from".

    Returns
    -------
    bool

    Examples
    --------
    >>> can_author(Mention("Gaza City")), can_author(Mention("Johns Hopkins University"))
    (False, True)
    >>> can_author(Mention("a rescue agency", common=True)), can_author(Mention("John Smith"))
    (True, True)
    """
    if m.common or gender_of(m.text) or any(w.lower() in ORG_HEADS for w in m.text.split()):
        return True
    return guess_kind(m.text)[0] not in ("individual", "online")


#: ", John J. Ferriola." after a description: the name (an initial's full stop stays in it)
_APPOSITIVE = re.compile(r"\s*,\s*((?:[^,.;:“”\"]|(?<=\b[A-Z])\.)+?)\s*(?:[,;:]|(?<!\b[A-Z])\.|$)")


def _modified(words: list[str]) -> bool:  # "the locally formed People's Defense Force": a name after the modifier
    return len(words) > 2 and words[-2].endswith("ly") and words[-1].endswith("ed")


def _owner(words: list[str]) -> int:
    """How many words name the owner of a document ("Vitaly Kim's Telegram channel", "the ministry's statement")."""
    at = next((i for i in range(len(words) - 1, -1, -1) if words[i].endswith(("’s", "'s"))), -1)
    doc = words[at + 1 :]
    kinds = {"channel", "page", "account", "post", "statement", "website", "feed", "tally", "figures", "count"}
    return at + 1 if at >= 0 and 0 < len(doc) <= 3 and doc[-1].lower() in kinds else 0


def _at_the(words: list[str]) -> bool:  # "the Emergency Response Room group at the Abu Shouk camp": a name after
    return len(words) > 2 and words[-1] == "the" and words[-2] in PREPS | {"of"}  # "at the", "of the" in the phrase


def _count_after(words: list[str], tok: str) -> bool:  # "a rescue agency one of hundreds of …": the name ends
    return tok in lex.QUANTIFIERS and bool(words) and words[-1].lower() not in lex.DETERMINERS | lex.QUANTIFIERS | PREPS


def _unnamed_body(words: list[str]) -> bool:  # "the militant group", not "the AFP news agency" (named already)
    return words[-1].lower() in lex.BODY_NOUNS and not any(re.fullmatch(r"[A-Z]{2,}", w) or outlet_of(w) for w in words)


def _phrase_after(noun: str, prep: str) -> bool:
    """A phrase after a speaker noun ("a user in Ludian county") or a document ("a statement on the Web site")."""
    return noun in SPEAKER_NOUNS and prep not in ("on", "from") or noun in DOC_FROM and prep == "on"


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
    rest = PARTY.sub("", rest)
    toks = tokens(rest)
    words: list[str] = []
    body, i = "", 0
    while i < len(toks):
        tok, low = toks[i], toks[i].lower()
        if (low in lex.DETERMINERS or low in lex.QUANTIFIERS and not words) and (
            not words or words[-1].lower() in PREPS | {"of"}
        ):
            words.append(tok)  # "a member of the … Force"
        elif re.fullmatch(r"(?:19|20)\d\d", tok) and words and words[-1].lower() in lex.DETERMINERS:
            words.append(tok)  # "the 2009 paper", "a 2014 report"
        elif low in CONNECTORS and words and capitalised(words[-1]) and i + 1 < len(toks) and capitalised(toks[i + 1]):
            words.append(tok)  # name_connector
        elif words and capitalised(words[-1]) and of_the(toks, i):
            words, i = [*words, *toks[i : i + 2]], i + 1  # connector_the
        elif low in PREPS and words and i + 1 < len(toks) and _phrase_after(words[-1].lower(), low):
            words.append(tok)  # speaker_noun_phrase: "a user in Ludian county"
        elif low == "of" and words and all(w.lower() in lex.QUANTIFIERS for w in words) and i + 1 < len(toks):
            words.append(tok)  # one_of: "said one of the humanitarian workers", "according to two of the officials"
        elif low == "of" and words and words[-1].lower() in ROLE_WORDS | SPEAKER_NOUNS and i + 1 < len(toks):
            words.append(tok)  # "the mayor of Christchurch", "department of Yunnan"
        elif (
            capitalised(tok)
            and words
            and (
                capitalised(words[-1])
                or words[-1] in PREPS | {"of"}
                or words[-1].endswith(("’s", "'s"))
                or _at_the(words)
                or _modified(words)
            )
            and low not in lex.NAME_STOPS
            or tok in ("’s", "'s")
            and words
        ):
            words.append(tok)
        elif re.fullmatch(r"\d{1,4}", tok) and words and re.fullmatch(NAMED, words[-1]):
            words.append(tok)  # numbered_name (figure pass): "told Channel 12 that …" (kit.draft.counts.NAMED)
        elif re.fullmatch(r"[a-z]+ed", tok) and i + 1 < len(toks) and np_word(toks[i + 1]) and len(words) < 2:
            words.append(tok)  # "traumatised viewers", "injured residents"
        elif (
            re.fullmatch(r"[a-z]+ly", tok)
            and tok not in lex.LY_NOUNS
            and re.fullmatch(r"[a-z]+ed", toks[i + 1 : i + 2][0] if i + 2 < len(toks) else "")
        ):
            words, i = [*words, tok, toks[i + 1]], i + 1  # "the locally formed People's Defense Force"
        elif (
            low in lex.DETERMINERS
            or low in PRONOUNS
            or not np_word(tok)
            or len(words) >= 12
            or _count_after(words, tok)
        ):
            if low in ("from", "by") and words and words[-1].lower() in DOC_FROM:
                inner = object_after(" ".join(toks[i + 1 :]))  # figures_from
                if inner is not None and (low == "by" or can_author(inner)):
                    return Mention(inner.text, inner.common, " ".join(words), inner.affiliation)  # not "from Gaza"
            break
        elif tok[0].isupper() and any(
            w[0].islower() and w.lower() not in lex.DETERMINERS | lex.QUANTIFIERS | CONNECTORS for w in words
        ):
            if all(
                "-" in w or w.lower() in lex.DETERMINERS for w in words
            ):  # modifier_before_name: "state-run All India Radio"
                words = [w for w in words if w.lower() in lex.DETERMINERS]
            elif _unnamed_body(words) and low not in lex.WEEKDAYS | lex.MONTH_WORDS:  # named_body (tenth pass):
                body, words = " ".join(words), []  # "the militant group Al-Shabaab", "news agency IRNA"
            elif words[-1].lower() not in ROLE_WORDS | TITLES and low not in TITLES:  # "regional Governor Vitaly Kim"
                break
            words.append(tok)
        else:
            words.append(tok)
        i += 1
    owner = _owner(words)
    if owner:  # owned_document: "regional Governor Vitaly Kim's Telegram channel" is Vitaly Kim's word
        found = mention([*words[: owner - 1], re.sub(r"[’']s$", "", words[owner - 1])])
        about = f"{found.about} {' '.join(words[owner:])}".strip() if found else ""
        return Mention(found.text, found.common, about, found.affiliation) if found else None
    found = mention(words)
    if body and found is not None and not found.common:
        found = Mention(found.text, False, body, found.affiliation)
    acronym = toks[i : i + 3] if toks[i : i + 1] == ["("] else []
    if found is not None and len(acronym) == 3 and acronym[2] == ")" and re.fullmatch(r"[A-Z]\w{1,11}", acronym[1]):
        about = f"({acronym[1]}) {found.about}".strip()  # "… Seismology (Phivolcs)": the acronym is an alias
        return Mention(found.text, found.common, about, found.affiliation)
    if i < len(toks) and toks[i] == "," and found is not None:
        after = _APPOSITIVE.match(rest[rest.find(",") :] if "," in rest else "")
        if after and is_name(after.group(1)) and (found.common or is_description(" ".join(words))):
            return mention(tokens(after.group(1)), about=found.text)  # outlet_appositive / appositive
    return found
