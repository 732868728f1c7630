"""Who "he", "the agency", "Cliff" and "OCD" are: the nearest earlier named speaker of a fitting kind.

An article names a speaker once in full and then shortens it. :class:`Speakers` remembers the speakers named so far
(and the people named in passing, for "the 21-year-old") and resolves a short mention to one of them, never to the
subject of a reported clause (only speakers and people are remembered, not what they speak about). Rules, each named
in the ``draft: check`` note they leave and tested in ``tests/draft/test_phrases.py``:

- ``pronoun``: "he"/"she" is the nearest earlier person; "it" the nearest earlier organisation or outlet; "they"
  the nearest earlier group (a plural unnamed speaker) or organisation; ``gendered``: "he" is never a person the
  article has called "she" (a pronoun, "Ms.", "spokeswoman") and the other way round; ``first_name_gender``: nor
  one whose first name is a woman's ("Jennifer", "Fatima"; :mod:`kit.draft.first_names`), and the other way round;
  ``it_body`` (eighth pass): "it" may also be one unnamed body ("The French military", "AFP news agency");
- ``named_outlet``: "the AFP news agency" is AFP, not the agency named before; ``other_modifier`` and
  ``body_not_person`` (tenth pass, ``tests/draft/test_tenth_pass.py``): "the Armenian defence ministry" is not the
  Azerbaijani ministry named before, "the Kenyan military" not its spokesperson;
- ``description``: "the agency", "the ministry", "the channel", "the statement", "the group", "the monitor",
  "the institute", "the president", "the 21-year-old": the nearest earlier speaker whose name, kind or title fits
  the noun;
- ``surname``: "Cliff", "Supt Gibson", "Ma" is the earlier person whose name has that word; ``surname_in_passing``:
  "Mr Kim" is also a person only named in passing before ("the regional governor, Vitaliy Kim, who was not there");
  ``title_in_passing`` (tenth pass): "Health Minister Mehmet Ak gave the toll. … he said": the titled person;
- ``acronym``: "OCD" is the earlier "Office of Civil Defense (OCD)" (given in brackets, or its initials);
- twelfth pass (``tests/draft/test_coref.py``): ``other_field``: "the defence ministry" is not "Niger’s interior
  ministry" (another word before the same noun); ``statement_before``: "the statement" is the speaker last said to
  speak "in a statement"; ``owner_statement``: "the army statement" is the army's (resolved as "the army").
"""

from __future__ import annotations

import re

from kit.draft.apposed import apposed_person
from kit.draft.first_names import gender_of
from kit.draft.known_outlets import KNOWN_OUTLETS
from kit.draft.lexicon import DETERMINERS, ORG_HEADS, PRONOUNS, ROLE_WORDS, SPEAKER_NOUNS, TITLES
from kit.draft.names import guess_kind, normalise_key, normalise_name, outlet_of
from kit.draft.phrases import Mention

__all__ = ["Speakers", "is_person", "unnamed_person"]

_DESCRIPTION = re.compile(
    r"^(?:the|this|that)\s+(?:[\w-]+\s+){0,3}?(?P<noun>agency|news agency|statement|report|ministry|office|institute|"
    r"group|monitor|observatory|organi[sz]ation|council|department|president|governor|mayor|minister|official|"
    r"spokes(?:man|woman|person)|company|broadcaster|channel|network|station|newspaper|coalition|army|military|command|center|centre|"
    r"administration|agency|secretariat|head|prosecutor’?s? office|(?:\d+|[a-z]+)-year-old(?:\s+[\w-]+){0,3})$",
    re.I,
)
_FITS = {  # a description's noun -> words one of which an earlier speaker's name, kind or title must have
    "agency": {"wire", "agency", "news"},
    "news agency": {"wire", "agency"},
    "group": {
        "monitor",
        "group",
        "observatory",
        "committee",
        "organization",
        "organisation",
        "project",
        "watch",
        "network",
        "association",
        "foundation",
        "forum",
        "room",
    },  # fmt: skip
    "monitor": {"monitor", "observatory"},
    "observatory": {"monitor", "observatory"},
    "broadcaster": {"broadcaster", "television", "tv", "radio"},
    "channel": {"broadcaster", "television", "tv", "channel"},  # "the channel": an earlier broadcaster
    "network": {"broadcaster", "television", "tv", "network"},
    "station": {"broadcaster", "television", "tv", "radio", "station"},
    "newspaper": {"newspaper", "times", "post"},
    "military": {"military", "army", "forces", "command"},
    "coalition": {"coalition", "military"},
}


#: what comes before a place, never before a person named in passing (``place_not_person``): "in Beit Lahia", "the
#: city of El Fasher", "a Beit Lahia resident", "the Al Daraja neighbourhood"
#: body_in_passing: a capitalised name ending in an organisation's head word ("Nigerian Air Force", "Defence Ministry")
_BODY_NAME = re.compile(
    r"(?<![\w’'-])(?:[A-Z][\w’'-]*\s+){0,4}(?:" + "|".join(sorted(h.title() for h in ORG_HEADS if h.isalpha())) + r")\b"
)
_PLACE_BEFORE = re.compile(
    r"\b(?:the|an?|in|at|of|near|from|into|outside|inside|across|around|towards?|north|south|east|west)\s+$", re.I
)

#: nouns of one person beyond the roles: "an eyewitness", "a woman"
_PERSON_NOUNS = {
    "eyewitness", "man", "woman", "mother", "father", "neighbour", "neighbor", "source", "relative", "member",
    "fighter", "soldier", "villager", "farmer",
}  # fmt: skip

#: kinds of an unnamed body whose "statement" or "report" a later "the statement" may be
_BODY_KINDS = ("official", "military", "monitor", "wire", "broadcaster", "newspaper")

#: a description's nouns that name a body, never a person (``body_not_person``)
_BODIES = {
    "agency", "ministry", "office", "institute", "group", "monitor", "observatory", "organisation", "organization",
    "council", "department", "company", "broadcaster", "channel", "network", "station", "newspaper", "coalition",
    "army", "military", "command", "center", "centre", "administration", "secretariat",
}  # fmt: skip

#: words that tell a person's gender: a pronoun the article used for them, a title, a role
_GENDERED = re.compile(
    r"\b(he|she|mr|mrs|ms|miss|spokesman|spokeswoman|chairman|chairwoman|congressman|congresswoman|king|queen)\b", re.I
)
_SHE = {"she", "mrs", "ms", "miss", "spokeswoman", "chairwoman", "congresswoman", "queen"}

#: last words of a capitalised phrase that is no person's name
_NOT_PEOPLE = {
    "day", "street", "act", "policy", "watch", "world", "research", "relations", "america", "city", "county",
    "river", "state", "states", "qaeda", "island", "valley", "road", "avenue", "square", "park", "week", "box",
    "republican", "republicans", "democrat", "democrats", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
}  # fmt: skip

#: capitalised words that begin a sentence or a heading, not a name
_NOT_NAMES = {
    "that", "this", "the", "a", "an", "if", "when", "but", "and", "in", "on", "at", "as", "after", "before", "while",
    "with", "for", "from", "by", "then", "now", "so", "we", "our", "his", "her", "their", "its", "my", "some", "many",
    "north", "south", "east", "west", "new", "united", "trans", "pacific", "democratic", "republican", "national",
}  # fmt: skip


def is_person(m: Mention) -> bool:
    """Whether a named speaker is a person: no organisation's word, not an outlet, a name or a title's holder.

    Parameters
    ----------
    m : Mention
        A named speaker.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_person(Mention("Dave Cliff", about="Police superintendent")), is_person(Mention("Reuters"))
    (True, False)
    >>> is_person(Mention("Office of Civil Defense")), is_person(Mention("Alamsyah", about="head of a local agency"))
    (False, True)
    """
    if m.common or m.text.lower() in PRONOUNS:
        return False
    words = m.text.replace("’s", "").split()
    if "and" in words or m.text.endswith(("’s", "'s")) or words[-1].lower() in _NOT_PEOPLE:
        return False  # "Wilcox and Beruff", "Ross Perot's", "Election Day", "Wall Street": not one person
    if any(w.lower().strip("'’") in ORG_HEADS for w in words) or normalise_name(m.text) in _outlets():
        return False
    if any(w.isupper() and len(w) > 1 for w in words) and len(words) - (words[0].lower() == "the") == 1:
        return False  # an acronym, also after "the" (the_acronym, tenth pass: "the PKK announced …. It said")
    titled = any(w.lower().rstrip(".") in ROLE_WORDS | TITLES for w in re.findall(r"[\w.-]+", m.about))
    return titled or 2 <= len(words) <= 4


def unnamed_person(m: Mention) -> bool:
    """``unnamed_person``: one unnamed person ("one resident", "an eyewitness", "a police officer"), whom a later
    "he" or "she" may be.

    Parameters
    ----------
    m : Mention
        A speaker.

    Returns
    -------
    bool

    Examples
    --------
    >>> unnamed_person(Mention("an eyewitness", common=True)), unnamed_person(Mention("residents", common=True))
    (True, False)
    >>> unnamed_person(Mention("Kenya’s military spokesman", common=True))  # possessive_determiner (eighth pass)
    True
    """
    words = m.text.lower().split()
    preps = ("from", "of", "in", "at", "with", "for", "close")
    head = next(  # or a participle: "a woman living opposite the building" (participle_phrase, ninth pass)
        (words[i - 1] for i, w in enumerate(words) if i > 1 and (w in preps or re.fullmatch(r"[a-z]+(?:ing|ed)", w))),
        None,
    )
    return (
        m.common
        and len(words) >= 2
        and (words[0] in ("a", "an", "one", "another", "the") or words[0].endswith(("’s", "'s")))  # "Kenya’s"
        and (head or words[-1]) in ROLE_WORDS | _PERSON_NOUNS  # "a farmer from the village"
    )


def _one_body(m: Mention) -> bool:
    """``it_body``: an unnamed speaker that is one body ("the French military", "AFP news agency"), whom "it" may be."""
    words = m.text.lower().split()
    return len(words) >= 2 and words[-1] in ORG_HEADS | {"military"} and words[-1] not in ("police", "forces")


def _outlets() -> set[str]:
    return {normalise_key(v[0]) for v in KNOWN_OUTLETS.values()}


def _named(text: str) -> bool:
    """``named_description``: "the voluntary Emergency Lawyers Group" is a name (its noun and a word before it
    capitalised), not "the group" named before."""
    words = text.split()[1:]
    return len(words) > 1 and words[-1][:1].isupper() and any(w[:1].isupper() for w in words[:-1])


def _same_modifier(text: str, n: Mention) -> bool:
    """``other_modifier`` (tenth pass): "The Armenian defence ministry" is not "Azerbaijan's Ministry of Emergency
    Situations" named before: a description's capitalised modifier (a nation, a place) must be in the speaker's
    name or title ("Armenian" as "Armenia…"), else the description names a speaker of its own."""
    said = f"{n.text} {n.about}".lower()
    return all(w.lower()[:5] in said for w in re.findall(r"(?<=\s)[A-Z][a-z]+(?=\s)", text))


#: a speaker's sentence that names the statement it speaks in: "the mission said in a statement", "a statement from"
_IN_STATEMENT = re.compile(r"\b(?:in|issued|released|from|by)\s+(?:a|an|its|their|the)\s+(?:\w+\s+)?statement\b")


def _other_field(text: str, noun: str, n: Mention) -> bool:
    """``other_field`` (twelfth pass): "The defence ministry" is not "Niger’s interior ministry" named before: the
    description's lowercase word right before its noun (a capitalised one is ``other_modifier``'s) and the speaker's
    word there (or after "<noun> of") differ."""
    mine = re.search(rf"(\w+)\s+{re.escape(noun)}$", text, re.I)
    said = f"{n.text} {n.about}".lower()
    theirs = re.findall(rf"(\w+)\s+{re.escape(noun)}\b", said) + re.findall(rf"\b{re.escape(noun)}\s+of\s+(\w+)", said)
    theirs = [w for w in theirs if w not in DETERMINERS and not w.endswith(("’s", "'s"))]
    theirs = [w for w in theirs if len(w) > 2]  # not the "s" of "Valdoria's ministry"
    if mine is None or not mine.group(1).islower() or mine.group(1) in DETERMINERS or not theirs:
        return False
    return all(w[:5] != mine.group(1).lower()[:5] for w in theirs)


def _is_acronym(bare: str, m: Mention, pool: list) -> bool:
    """One word in capitals, or one an earlier name gave in brackets ("… Seismology (Phivolcs)")."""
    one = not m.common and len(bare.split()) == 1
    return one and (bare.isupper() or any(f"({bare})" in n.about for n in pool))


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z][\w’'-]*", name) if w not in ("The",))


class Speakers:
    """The speakers (and people) named so far in one article, nearest last.

    Examples
    --------
    >>> s = Speakers()
    >>> s.add(Mention("Reuters")); s.add(Mention("Dave Cliff", about="Police superintendent"))
    >>> notes = []
    >>> s.resolve(Mention("he", common=True), notes).text, s.resolve(Mention("the agency", common=True), notes).text
    ('Dave Cliff', 'Reuters')
    >>> s.resolve(Mention("Cliff"), notes).text, notes[-1]
    ('Dave Cliff', "draft: check: 'Cliff' taken to be Dave Cliff (surname)")
    """

    def __init__(self) -> None:
        self.named: list[Mention] = []
        self.people: list[Mention] = []  # speakers who are people, nearest last
        self.seen: list[Mention] = []  # people named in passing (for "the 21-year-old" only)
        self.gender: dict[str, str] = {}  # "he" or "she", once a pronoun or a title has said it
        self.interviewers: set[str] = set()  # outlets only told something ("one local told AFP"), never "they"
        self.body_before: Mention | None = None  # a body named in passing in the sentence before (no speaker there)
        self.stated: Mention | None = None  # the last speaker said to speak in a statement (statement_before)
        self.apposed: Mention | None = None  # apposed_subject (kit.draft.apposed): "Riaz Ahmed, a lawyer, had gone"

    def add(self, m: Mention) -> None:
        """Remember a speaker as the nearest one (a named one, or a plural unnamed group for "they")."""
        if m.text.lower() in PRONOUNS:
            return
        self.named = [n for n in self.named if n.text != m.text] + [m]
        if is_person(m) or unnamed_person(m):
            self.people = [p for p in self.people if p.text != m.text] + [m]
            said = _GENDERED.search(f"{m.about} {m.said_as}")
            if said:
                self.gender.setdefault(m.text, "she" if said.group(1).lower() in _SHE else "he")

    def passing(self, sentence: str, spoke: bool = False) -> None:
        """Remember the people a sentence names in passing ("Agnes Merza in the town of Bantayan saw …"), and the body
        it names first when nobody speaks in it (``body_in_passing``: "a Nigerian Air Force jet bombed …")."""
        body, apposed = _BODY_NAME.search(sentence), None if spoke else apposed_person(sentence)
        self.apposed = Mention(apposed) if apposed and is_person(Mention(apposed)) else None
        self.body_before = None if spoke or body is None else Mention(body.group().strip())
        if spoke and self.named and _IN_STATEMENT.search(sentence):  # statement_before (twelfth pass)
            self.stated = self.named[-1]
        for m in re.finditer(r"(?<![\w-])([A-Z][a-z]+(?:\s+[A-Z][a-z'-]+){1,2})\b(?!\s+[A-Z])", sentence):
            words = m.group(1).split()
            if len(words) > 2 and words[0].lower() in TITLES:  # title_in_passing (tenth pass): "Minister Mehmet Ak"
                words = words[1:]
            cand, first = Mention(" ".join(words)), words[0].lower()
            if is_person(cand) and first not in TITLES | _NOT_NAMES and not _PLACE_BEFORE.search(sentence[: m.start()]):
                self.seen = [p for p in self.seen if p.text != cand.text] + [cand]

    def resolve(self, m: Mention, notes: list, avoid: tuple = ()) -> Mention | None:
        """The speaker ``m`` stands for (itself when it is a full name), or None when nothing earlier fits.

        Parameters
        ----------
        m : Mention
            As the sentence names the speaker.
        notes : list of str
            A ``draft: check`` note is appended when ``m`` is taken to be an earlier speaker.
        avoid : tuple of str
            Names it cannot be (the relay of the same sentence).

        Returns
        -------
        Mention or None
        """
        text = m.text.strip()
        low = text.lower()
        pool = [n for n in reversed(self.named) if n.text not in avoid]
        found, rule = None, ""
        if low in PRONOUNS:
            rule = "pronoun"
            if low in ("he", "she") and self.apposed and self.apposed.text not in avoid and self._is(self.apposed, low):
                found, rule = self.apposed, "apposed_subject"  # kit.draft.apposed: the person the sentence before
            elif low in ("he", "she"):  # gendered: not a person the article has called the other
                found = next((n for n in reversed(self.people) if n.text not in avoid and self._is(n, low)), None)
                if found is None:  # no person has spoken yet: the person named just before
                    found = next((n for n in reversed(self.seen) if n.text not in avoid and self._is(n, low)), None)
            elif low == "it" and self.body_before is not None and self.body_before.text not in avoid:
                found, rule = self.body_before, "pronoun: a body named in the sentence before"
            elif low == "it":  # it_body (eighth pass): also "the French military", "AFP news agency" (one body)
                found = next((n for n in pool if not is_person(n) and (not n.common or _one_body(n))), None)
            else:  # "they": a group or a body that spoke, not an outlet only told something ("one local told AFP")
                found = next((n for n in pool if not is_person(n) and n.text not in self.interviewers), None)
            if found is None:
                return None
            if low in ("he", "she"):
                self.gender.setdefault(found.text, low)
        elif _DESCRIPTION.match(text) and not outlet_of(text) and not _named(text):  # named_outlet: AFP's agency
            noun = _DESCRIPTION.match(text).group("noun").lower()  # type: ignore[union-attr]
            rule = "description"
            fit = [n for n in pool if _same_modifier(text, n) and not _other_field(text, noun, n)]
            owner = re.fullmatch(r"(?:the|this|that)\s+([a-z]+)\s+(?:statement|report)", text, re.I)
            if owner and owner.group(1).lower() in ORG_HEADS | SPEAKER_NOUNS:  # owner_statement (twelfth pass)
                found, rule = self.resolve(Mention(f"the {owner.group(1)}", True), [], avoid), "owner_statement"
                found = None if found is None or found.text == f"the {owner.group(1)}" else found
            elif noun == "statement" and self.stated is not None and self.stated.text not in avoid:
                found, rule = self.stated, "statement_before"  # "… the mission said in a statement." "the statement"
            else:
                found = self._described(noun, fit)
            if found is None:
                return m if noun not in ("statement", "report") or len(text.split()) > 2 else None  # a document
        elif _is_acronym(bare := re.sub(r"^[Tt]he\s+", "", text), m, pool):  # "the OCD", "Phivolcs"
            rule = "acronym"
            found = next((n for n in pool if f"({bare})" in n.about or _initials(n.text) == bare), None)
        elif not m.common and normalise_name(text) not in _outlets() and all(n.text != text for n in pool):
            key = set(normalise_key(text).split())
            for n in pool + self._in_passing(m, key, pool, avoid):
                other = set(normalise_key(n.text).split())
                if n.text != text and key and key < other and (is_person(n) or len(key) > 1):
                    found, rule = n, "surname" if len(key) == 1 else "same name"
                    break
        if found is None:
            return m
        notes.append(f"draft: check: '{text}' taken to be {found.text} ({rule})")
        said_as = m.said_as if m.said_as.endswith(":own") else text  # own_subject_pronoun (kit.draft.misreads)
        return Mention(found.text, found.common, found.about, found.affiliation, said_as=said_as)

    def _in_passing(self, m: Mention, key: set, pool: list, avoid: tuple) -> list[Mention]:
        """surname_in_passing: "Mr Kim", "Kim" is the "Vitaliy Kim" named earlier without speaking, when he is the one
        person so named (the name's last word: "Lou" is not "Lou Jiwei", "Biden" not "Biden Jr") and no speaker is."""
        if any(key < set(normalise_key(n.text).split()) for n in pool):
            return []
        seen = [p for p in self.seen if p.text not in avoid and normalise_key(p.text).split()[-1:] == sorted(key)]
        return seen if len(seen) == 1 else []

    def _is(self, n: Mention, pronoun: str) -> bool:
        """gendered, then first_name_gender: "he" is not a person called "she" nor one named Jennifer."""
        return (self.gender.get(n.text) or gender_of(n.text) or pronoun) == pronoun

    def _described(self, noun: str, pool: list) -> Mention | None:
        if "year-old" in noun:
            return next(iter(reversed(self.seen + self.people)), None)
        if noun in ("statement", "report"):  # a body's, unnamed or not, or a named person's
            return next(
                (n for n in pool if not n.common or guess_kind(n.text, head_lower=True)[0] in _BODY_KINDS), None
            )
        fits = _FITS.get(noun, {noun.split()[-1].rstrip("’s")})
        body = noun.split()[-1] in _BODIES
        for n in pool:
            if body and is_person(n) and set(re.findall(r"[a-z]+", n.about.lower())) & (ROLE_WORDS | TITLES):
                continue  # body_not_person (tenth pass): "The Kenyan military denied" is not its spokesperson
            kind = guess_kind(n.text, head_lower=n.common, cue=n.about)[0]
            # body_not_person: "the ministry" is never "Marwan Al-Hams, an official at the ministry" (by his title)
            about = "" if body and is_person(n) else n.about
            words = set(re.findall(r"[a-z]+", f"{n.text} {about}".lower())) | {kind}
            if kind == "wire" and noun in ("agency", "news agency"):
                return n
            if words & fits:
                return n
        return None
