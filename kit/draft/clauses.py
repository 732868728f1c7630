"""Where a speaker's clause begins and ends: wire copy's constructions beyond "X said …" (issue 21, third pass).

:mod:`kit.draft.cues` finds the speech verbs and their speakers; the rules here read the constructions of wire
stories on strikes and casualty counts around them. Each is named and tested in ``tests/draft/test_clauses.py`` on a
sentence of that kind from ``tests/draft_corpus/dev``:

- ``possessive_statement``: "US President Barack Obama's declaration that he would …" is Obama's ("he said");
- ``coordinated_pair``: "a medical source and Houthi-run media reported" are two speakers, each cited;
- ``headline_tail``: a headline closing on its speaker after a colon or a dash: "… kill dozens of civilians: Iraqi
  officials", "… - regional official" (not a wire's credit after a full stop: "… since Saturday. — AFP");
- ``quote_closed_later``: a paragraph opening on a quotation that a later sentence of it closes with a speaker
  ("“(The hospital) is very busy. They've been …,” Red Cross spokesperson Mirella Hodeib said.") is that speaker's,
  not a continuation of the speaker quoted in the paragraph before;
- ``quote_paragraph`` (fourth pass): a paragraph that is one quotation and nothing else goes on quoting the person
  quoted in the paragraph before (a place, an organisation or a group is not taken to go on);
- ``outlet_closing``: "X said …, Saudi state news agency (SPA) reported on Saturday, without more details": the
  outlet closing the sentence relays X (also "…, Radio New Zealand reported.");
- ``closing_attribution``: "X called for …, sources said.": the last speaker speaks all before it;
- ``complement``: "X says that according to Y, …": Y is cited, X relays;
- ``shared_subject`` (fourth pass): "Residents of X combed through the wreckage …, but said …": the sentence's
  subject speaks (twelfth pass: after "gave", "held", … too, a quotation after the verb, a body's head noun);
- ``free_relative`` (fifth pass): "… held in what human rights groups and the United Nations say are often inhuman
  conditions", "under what the United Nations has called a de facto blockade": the speakers' words are those after
  the verb, not the sentence (whose figures are the outlet's);
- ``nested_that`` (fourth pass): "The report indicates that locals of the villages said …": the locals are cited,
  the report relays.
"""

from __future__ import annotations

import re

from kit.draft.extract import Sentence
from kit.draft.headlines import credit_line
from kit.draft.lexicon import DOCUMENT_SUBJECT, GROUPS, ORG_HEADS, PRONOUNS, ROLE_WORDS, SPEAKER_NOUNS, SPEECH_VERBS
from kit.draft.names import guess_kind
from kit.draft.phrases import Mention, subject_before

__all__ = [
    "possessive_cues",
    "speaker_like",
    "split_pair",
    "headline_tail",
    "quote_closed_later",
    "quote_paragraph",
    "reported_by_outlet",
    "closing",
    "complement",
    "nested",
    "shared_subject",
    "claim_span",
    "free_relative",
]

_POSSESSIVE = re.compile(
    r"(?:’s|'s)\s+(?:\w+\s+)?(?:declaration|statement|announcement|assertion|claim|admission|pledge|warning|remarks)"
    r"\s+that\b"
)
#: plural speakers a coordination may join: "officials and state media said"
_PEOPLE = ("officials", "authorities", "media", "police", "residents", "witnesses", "activists", "sources", "medics")
_BODY_KINDS = ("monitor", "official", "military", "wire", "broadcaster", "newspaper")
_TAIL = re.compile(r"(?::|\s[-–—])\s+((?:[\w’'-]+\s+){0,3}[\w’'-]+)\s*$")
#: closed_by_speech_verb (fifth pass): any speech verb closes a quotation with its speaker ("…,” junta spokesman Zaw
#: Min Tun confirmed), not only "said" and "told"
_CLOSED_BY = re.compile(r"[,.!?…]\s?[”\"]\s+(?:[\w.’'-]+\s+){0,12}?" + SPEECH_VERBS.pattern)


def possessive_cues(s: str) -> list[tuple]:
    """``possessive_statement``: the cues of "NAME's declaration that …" in a sentence.

    Parameters
    ----------
    s : str
        A sentence.

    Returns
    -------
    list of tuple
        ``(position, "speaker", Mention, "declared", None)`` per named possessor, as :mod:`kit.draft.cues` writes a
        cue.

    Examples
    --------
    >>> [c[2].text for c in possessive_cues("It came hours after Barack Obama's declaration that he would leave.")]
    ['Barack Obama']
    >>> possessive_cues("His statement that it was over came late.")
    []
    """
    out = []
    for m in _POSSESSIVE.finditer(s):
        who = subject_before(s[: m.start()] + " ")
        if isinstance(who, Mention) and not who.common and who.text.lower() not in PRONOUNS:
            out.append((m.start(), "speaker", who, "declared", None))
    return out


def speaker_like(m: Mention) -> bool:
    """Whether a mention can be one of two joined speakers: a name, or a phrase ending in a speaker's noun.

    Parameters
    ----------
    m : Mention
        A speaker as a sentence names it.

    Returns
    -------
    bool

    Examples
    --------
    >>> speaker_like(Mention("a regional government official", common=True)), speaker_like(Mention("the bus", True))
    (True, False)
    """
    last = (re.split(r"\s(?:of|in|at|from)\s", m.text)[0].split() or [""])[-1].lower()  # "The head of … in X"
    plural = last.endswith("s") and last[:-1] in SPEAKER_NOUNS | ROLE_WORDS  # plural_speaker: "human rights groups"
    return not m.common or m.text.lower().endswith(_PEOPLE) or last in SPEAKER_NOUNS | ROLE_WORDS or plural


def split_pair(m: Mention) -> list[Mention]:
    """``coordinated_pair``: "a medical source and Houthi-run media" as two speakers (else ``[m]``).

    Parameters
    ----------
    m : Mention
        The speaker before a verb, as :func:`kit.draft.phrases.subject_before` read it.

    Returns
    -------
    list of Mention

    Examples
    --------
    >>> [p.text for p in split_pair(Mention("a medical source and Houthi-run media", common=True))]
    ['a medical source', 'Houthi-run media']
    >>> [p.text for p in split_pair(Mention("pictures and videos", common=True))]
    ['pictures and videos']
    """
    if not m.common or " and " not in m.text:
        return [m]
    parts = [subject_before(p + " ") for p in m.text.split(" and ", 1)]
    people = set(_PEOPLE) | ROLE_WORDS | {"source"}
    pair = [p for p in parts if isinstance(p, Mention) and p.common and p.text.split()[-1].lower() in people]
    own = re.match(r"(?:an?|the|other|some|several)\s", pair[-1].text) if len(pair) == 2 else None
    return pair if own or len(pair) == 2 and pair[1].text.lower().endswith(_PEOPLE) else [m]  # "an official and source"


def headline_tail(s: str) -> tuple[int, Mention] | None:
    """``headline_tail``: the speaker closing a headline after a colon or a dash, and where it starts.

    Parameters
    ----------
    s : str
        A sentence (a headline has no closing full stop).

    Returns
    -------
    (int, Mention) or None

    Examples
    --------
    >>> headline_tail("Mosul air strikes kill dozens of civilians: Iraqi officials")[1].text
    'Iraqi officials'
    >>> headline_tail("Drone strike targets militants - regional official")[1].text
    'regional official'
    >>> headline_tail("Al-Jawf province wikipedia") is None, headline_tail("Officials said: five died.") is None
    (True, True)
    """
    m = _TAIL.search(s)
    if (
        not m
        or len(s[: m.start()].split()) < 4
        or re.search(r"[.!?”\")]\s*$", s)
        or m.group(1).split()[-1].lower() not in SPEAKER_NOUNS | set(_PEOPLE)
        and not (m.group(1)[:1].isupper() and guess_kind(m.group(1))[0] in _BODY_KINDS)  # headline_tail_body: "…: UN"
        or re.search(r"(?:photo|picture|image|credit|source)\s*$", s[: m.start()], re.I)  # photo_credit: "PHOTO: AFP"
        or credit_line(s, m.start())  # credit_line: "… since Saturday. — AFP" (the wire's byline)
    ):
        return None
    who = subject_before(m.group(1) + " ")
    return (m.start(1), who) if isinstance(who, Mention) else None


def quote_closed_later(sentences: list[Sentence], i: int) -> bool:
    """``quote_closed_later``: sentence ``i`` opens a paragraph on a quotation that a later sentence of the same
    paragraph closes with its speaker.

    Parameters
    ----------
    sentences : list of Sentence
        An article's sentences (:func:`kit.draft.extract.sentences`).
    i : int
        The index of a paragraph's first sentence.

    Returns
    -------
    bool

    Examples
    --------
    >>> from kit.draft.extract import sentences
    >>> quote_closed_later(sentences("“It is busy. We need blood,” Mirella Hodeib said."), 0)
    True
    """
    if not sentences[i].text.startswith(("“", '"')):
        return False
    same = [t for t in sentences[i + 1 :] if t.paragraph == sentences[i].paragraph]
    return any(_CLOSED_BY.search(t.text) for t in same)


def quote_paragraph(sentences: list[Sentence], i: int) -> bool:
    """``quote_paragraph``: sentence ``i`` opens a paragraph that is one quotation and nothing else (no speaker
    named where it closes): in wire copy, more words of the person quoted in the paragraph before.

    Parameters
    ----------
    sentences : list of Sentence
        An article's sentences.
    i : int
        The index of a paragraph's first sentence.

    Returns
    -------
    bool

    Examples
    --------
    >>> from kit.draft.extract import sentences
    >>> quote_paragraph(sentences("“We traced them this morning, killed 10 of them.”"), 0)
    True
    >>> quote_paragraph(sentences("“We traced them,” he said."), 0)
    False
    """
    same = [t.text for t in sentences[i:] if t.paragraph == sentences[i].paragraph]
    text = " ".join(same)
    opened = text.count("“") + text.count('"') // 2
    return text.startswith(("“", '"')) and text.rstrip().endswith(("”", '"')) and opened == 1


def reported_by_outlet(s: str, spoke: list) -> bool:
    """``outlet_closing``: two speakers, the last an outlet closing the sentence: "Police said …, Radio New Zealand
    reported.", "…, Saudi state news agency (SPA) reported on Saturday, without more details.".

    Parameters
    ----------
    s : str
        The speaker's clause.
    spoke : list of tuple
        Its ``speaker`` cues (:mod:`kit.draft.cues`), in order.

    Returns
    -------
    bool
    """
    last = spoke[-1]
    after = s[last[0] + len(last[3]) :]  # inverted ("…, reported The Sydney Morning Herald (SMH).") without its name
    after = re.sub(rf"^\s*{re.escape(last[2].text)}(?:\s*\([^)]*\))?", "", after)
    if last[0] == spoke[0][0] or not re.fullmatch(r"\W*(?:on \w+|\w+day)?(?:,\s*without [\w\s]+)?\W*", after):
        return False
    if last[3] not in ("reported", "reports", "said", "says", "quoted"):
        return False  # "… -- an accusation Damascus denied": denying is no relaying
    return guess_kind(last[2].text, head_lower=last[2].common)[0] in ("wire", "broadcaster", "newspaper", "online")


def closing(s: str, spoke: list) -> bool:
    """``closing_attribution``: the last speaker closes the sentence after a comma ("…, sources said."): it speaks
    all before it.

    Parameters
    ----------
    s : str
        The speaker's clause.
    spoke : list of tuple
        Its ``speaker`` cues, in order.

    Returns
    -------
    bool
    """
    last = spoke[-1]
    if last[0] == spoke[0][0] or not re.fullmatch(
        r"\W*(?:on \w+|\w+day|in a statement)?\W*", s[last[0] + len(last[3]) :]
    ):
        return False
    head = s[: last[0]].rstrip()
    return head.endswith(last[2].text) and head[: len(head) - len(last[2].text)].rstrip().endswith(",")


def complement(s: str, first: tuple, second: tuple) -> bool:
    """``complement``: whether a later cue opens the speaker's words: "X says that according to Y, …".

    Parameters
    ----------
    s : str
        The speaker's clause.
    first, second : tuple
        The speaker's cue and the later one.

    Returns
    -------
    bool
    """
    between = s[first[0] + len(first[3]) : second[0]] if second[0] > first[0] else "x"
    return bool(re.fullmatch(r"\s*(?:that\s*)?,?\s*", between))


def nested(s: str, first: tuple, second: tuple) -> bool:
    """``nested_that``: whether a document reports a speaker's words: "The report indicates that locals of the
    villages said …" (the locals are cited, the report relays them; "He added that Guterres has urged" is his).

    Parameters
    ----------
    s : str
        The speaker's clause.
    first, second : tuple
        Two ``speaker`` cues, in order.

    Returns
    -------
    bool

    Examples
    --------
    >>> s = "The report indicates that locals of the villages said they fled"
    >>> nested(s, (11, "speaker", Mention("The report", True), "indicates", None),
    ...        (49, "speaker", Mention("locals of the villages", True), "said", None))
    True
    """
    if not DOCUMENT_SUBJECT.search(first[2].text):
        return False  # "He added that Guterres has urged …" is his word about Guterres
    between = s[first[0] + len(first[3]) : second[0]] if second[0] > first[0] else "x"
    return bool(re.fullmatch(rf"\s*,?\s+that\s+{re.escape(second[2].text)}\s+(?:\w+\s+)?", between))


_IRREGULAR = "gave|made|took|held|sent|kept|told|said|put|left|found|saw|spoke|wrote|gave|led|met"  # shared_subject


def shared_subject(prefix: str) -> Mention | None:
    """``shared_subject``: the speaker opening the sentence, for a verb after "but" or "and" that shares it:
    "Residents of Al Daraja combed through the wreckage to find and bury the dead, but said …".

    Parameters
    ----------
    prefix : str
        The sentence up to the verb.

    Returns
    -------
    Mention or None
        The sentence's subject, when it opens the sentence before its first verb, with no comma, and is a name or
        a speaking group; else None.

    Examples
    --------
    >>> shared_subject("Residents of Al Daraja combed through the wreckage, but ").text
    'Residents of Al Daraja'
    >>> shared_subject("The fire spread quickly and ") is None
    True
    """
    tail = re.search(r",?\s+(?:but|and)\s*$", prefix)
    verb = (
        re.search(rf"\s(?:[a-z]+ed|has|have|had|were|are|was|is|{_IRREGULAR})\b", prefix[: tail.start()])
        if tail
        else None
    )
    if verb is None or any(c in prefix[: verb.start()] for c in ',“"'):  # twelfth pass: irregular verbs, quotes after
        return None
    who = subject_before(prefix[: verb.start()] + " ")
    if not isinstance(who, Mention) or who.text.lower() in PRONOUNS:
        return None
    words = {w.lower() for w in who.text.split()}
    return who if not who.common or words & (GROUPS | SPEAKER_NOUNS | ROLE_WORDS | ORG_HEADS) else None


def claim_span(s: str, outer: list, depths: list) -> tuple[int, int]:
    """The claim's words: the quotation after an outer speaker when it runs to the sentence's end, else the sentence.

    Parameters
    ----------
    s : str
        The speaker's clause.
    outer : list of tuple
        Its cues outside quotation marks.
    depths : list of int
        The quotation depth at each character (:func:`kit.draft.extract.quote_depths`).

    Returns
    -------
    (int, int)
        Start and end of the claim's words in ``s``.
    """
    if outer:
        m = re.compile(r"[“\"]").search(s, outer[0][0])
        if m and not s[outer[0][0] : m.start()].count(",") and len(s[m.end() :].split()) >= 4:
            tail = s[m.end() :]
            close = max(tail.rfind("”"), tail.rfind('"'))
            inner_end = m.end() + close if close >= len(tail.rstrip()) - 2 else len(s)
            if close < 0 or inner_end < len(s):
                return m.end(), (m.end() + close if close >= 0 else len(s))
    start, end = 0, len(s)
    if s.startswith(("“", '"')) and depths[1] > depths[0]:
        start = 2 if s.startswith('" ') else 1  # '" ' stands for '' (two apostrophes)
        close = next((j for j in range(1, len(s)) if depths[j] == depths[0] and s[j] in '”"'), len(s))
        if outer and close < outer[0][0] and not re.search(r"[“\"]", s[close + 1 :]):
            return start, len(s[:close].rstrip(" ,"))  # quotation_then_speaker: "“…,” said a post from …, one of …"
    if s.endswith(("”", '"')) and (s.count("“") < s.count("”") or depths[0] > 0):
        end -= 1
    return start, end


#: a free relative's opening: "in what human rights groups and the United Nations ", "what the UN has "
_WHAT = re.compile(r"\bwhat\s+(?:[\w’'-]+\s+){1,8}?(?:(?:has|have|had)\s+)?$")
#: what_called: "under what the United Nations has called a de facto blockade" (``called`` is no speech verb alone)
WHAT_CALLED = re.compile(r"\bwhat\s+(?:[\w’'-]+\s+){1,8}?(?:(?:has|have|had)\s+)?(called|calls|call|termed|dubbed)\s")


def free_relative(s: str, outer: list) -> int | None:
    """``free_relative``: where the speaker's words start when the speaker is inside "what … say(s)/called".

    Parameters
    ----------
    s : str
        The speaker's clause.
    outer : list of tuple
        Its cues outside quotation marks, ``(position, role, Mention, verb, relay)``.

    Returns
    -------
    int or None
        The position right after the verb; None when the speaker opens no free relative.

    Examples
    --------
    >>> s = "Thousands are held in what rights groups say are inhuman conditions."
    >>> s[free_relative(s, [(s.index("say"), "speaker", None, "say", None)]):]
    'are inhuman conditions.'
    """
    if not outer or not _WHAT.search(s[: outer[0][0]]):
        return None
    after = outer[0][0] + len(outer[0][3])
    return after + len(s[after:]) - len(s[after:].lstrip())
