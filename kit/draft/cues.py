"""Attribution cues: on whose word each sentence of an article rests.

Each sentence is searched for speech verbs with their subject ("X said", "X told Reuters", "a Facebook post gave")
and for phrases naming a source ("according to X", "citing X", "based on X"; the lists: :mod:`kit.draft.lexicon`).
Quotation marks tell who relays whom: in ``It also says “CIT said at least three …”`` the outer speaker publishes
and CIT is cited; a quotation over several sentences belongs to whoever opened it. Negated verbs are no attribution;
pronouns and "this report" are the last fitting speaker named (:mod:`kit.draft.coref`), with a ``draft: check`` note,
which a quotation's earlier sentences carry too when its speaker is a pronoun where it closes (``pronoun_ahead``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kit.draft import lexicon as lex
from kit.draft.animacy import can_speak
from kit.draft.clauses import (
    WHAT_CALLED,
    claim_span,
    closing,
    complement,
    free_relative,
    headline_tail,
    nested,
    possessive_cues,
    quote_closed_later,
    quote_paragraph,
    reported_by_outlet,
    speaker_like,
)
from kit.draft.coref import Speakers, is_person, unnamed_person
from kit.draft.documents import weak_speaker
from kit.draft.extract import Sentence, quote_depths
from kit.draft.headlines import credit_line, headline_speaker, link_line, title_case_verbs
from kit.draft.heads import speaker_head
from kit.draft.lexicon import PRONOUNS, SOURCE_NOUNS, SPEECH_VERBS
from kit.draft.names import guess_kind, outlet_of
from kit.draft.objects import object_after
from kit.draft.phrases import Mention, relative_notes, subject_before
from kit.draft.verbs import speaker_cues
from kit.draft.witnessed import witness_cues

__all__ = ["Mention", "Finding", "find_attributions"]

#: shown_in: a passive "shown" in a document from its author
_SHOWN_IN = re.compile(
    r"\b(?:is|are|was|were|been)\s+shown\s+(?:in|on)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}"
    r"(?:video|videos|footage|images?|photos?|photographs?|pictures?|report)\s+(?:from|by|released\s+by)\s+"
)
#: statement_participle: "The alliance issued a statement confirming the airstrikes, but saying …": the alliance's
_ISSUED = re.compile(
    r"(?<=\w)\s+(?:issued|released|put out|published|sent)\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:statement|communiqu[eé]|"
    r"press release)\s+(?:on\s+\w+\s+)?(confirming|announcing|denying|claiming)\b"
)
_CALLED = ("called", "calls", "call", "termed", "dubbed")
#: called_quoted: "called" naming something in quotation marks, a few words after it
_CALLED_QUOTED = re.compile(r"(?<=\w )called\s+(?!for\b|on\b)(?:[\w’'-]+\s+){0,5}?(?=[“\"])")
_OBJECT_RELATIVE = re.compile(r"\b(?:who|whom|which)\s+((?:[\w’'.-]+\s+){1,4})$")
#: in_a_statement: a sentence opening on the document its speaker's words come from, and quoting them after a colon
_IN_A_STATEMENT = re.compile(r"In an?\s+(?:[\w-]+\s+)?(?:statement|post|tweet|message|interview)\b[^,“”\"]{0,40},\s+")
#: interviewed_by: "While speaking with BBC, recounted …", "said in an interview with CNN": the outlet relays
_INTERVIEW = re.compile(r"\b(?:(?:speaking|talking)\s+(?:to|with)|in\s+an\s+interview\s+with)\s+", re.I)
#: kinds of a body that may open a headline as its speaker: "Amnesty International: Nigerian air force killed 35 …"
_BODIES = ("monitor", "official", "military", "wire", "broadcaster", "newspaper")


@dataclass
class Finding:
    """One attribution: the claim's words, who publishes them (None: the article itself) and whom they rest on."""

    sentence: Sentence
    start: int  # the claim's words: article text[start:end]
    end: int
    cited: list = field(default_factory=list)
    relay: Mention | None = None
    verb: str = ""
    certainty: str = "alleged"
    notes: list = field(default_factory=list)


def _quoted_nobody(m: Mention) -> bool:
    """A speaker inside a quotation that is the quoted speaker's own wording: "they", "my cousin", "a candidate"."""
    return m.text.lower() in PRONOUNS or m.common and (m.text.lower().split() or [""])[0] in lex.QUOTED_OWN


def _certainty(verb: str, text: str) -> str:
    """How the report holds the claim, guessed from the verb (and "rumours", "about", "estimate" in its words)."""
    for name, pattern in lex.CERTAINTY[0]:
        if re.search(pattern, verb):
            return name
    if re.search(r"\brumou?r", text, re.I):
        return "rumoured"
    if re.search(r"\b(?:(?:about|around|roughly|approximately)\s+\d|estimat)", text, re.I):
        return "estimated"
    return lex.CERTAINTY[1][0]


def _cues(s: str):
    """(position, role, mention, verb, relay) for each cue in the sentence.

    Roles: ``speaker`` ("X said …"), ``inverted`` ("…, said X"), ``told`` ("X told Reuters", "Reuters quoted X as
    saying"; relay Reuters), ``according`` ("according to X", "as per X") and ``relying`` ("citing X", "who cited X").
    """
    out: list[tuple] = []
    s = title_case_verbs(s)  # title_case_verb (kit.draft.headlines): "Former Pollster Says …"
    for m in SPEECH_VERBS.finditer(s):
        if SPEECH_VERBS.match(s, m.end() + 1) and s[m.end() : m.end() + 1] == " " and m.group()[-1] == "s":
            continue  # a noun before the verb: "News reports said" (not "He confirmed reports that …")
        if m.group() in ("estimates", "reports", "claims", "notes", "shows", "posts") and (
            s[m.end() : m.end() + 1] == "," or re.match(r"\s+of\b", s[m.end() :])
        ):
            continue  # a noun: "Cost estimates, he added, were …", "dishonest claims of casualties"
        if (
            m.group() in ("tells", "telling")
            and re.match(r"\s+(?:you|us)\b", s[m.end() :])
            or re.match(r"add(?:ed|s) to\b", s[m.start() :])
        ):
            continue  # "it tells you", "added to his portfolio": no speech
        if m.group() in ("claimed", "claims") and re.match(r"\s+(?:the\s+|\w+\s+)?(?:lives|life)\b", s[m.end() :]):
            continue  # claimed_lives: "as the fire claimed multiple lives" is no speech
        speaker_cues(s, m, out)
    for m in WHAT_CALLED.finditer(s):  # what_called: "under what the United Nations has called a de facto blockade"
        who = subject_before(s[: m.start(1)])
        if isinstance(who, Mention) and who.text.lower() not in PRONOUNS:
            out.append((m.start(1), "speaker", who, m.group(1), None))
    for m in lex.SOURCE_PHRASES.finditer(s):
        obj = object_after(s[m.end() :])
        if obj is not None:
            low = m.group().lower()
            role = "according" if low.startswith(("according", "as reported", "reported", "as per")) else "relying"
            doing = re.match(rf"\s*{re.escape(obj.text)}\s+[a-z]+ing\b", s[m.end() :])  # "based on Trump winning"
            if role == "relying" and (doing or obj.common and obj.text.split()[-1].lower() not in SOURCE_NOUNS):
                continue  # "citing the release of prisoners", "relies on integration": a reason, not a source
            if obj.common and re.match(rf"\s*{re.escape(obj.text)}\s+(?:that\s+)?(?:we|I|i)\s+[a-z’']+", s[m.end() :]):
                continue  # own_sourcing: "According to the ground information we got, …": the speaker's own words
            out.append((m.start(), role, obj, m.group().strip().lower(), None))
            both = re.match(rf"\s*{re.escape(obj.text)}(?:,[^,;“”\"]{{1,80}},)?\s+and\s+", s[m.end() :])  # X, Y, and Z
            other = object_after(s[m.end() + both.end() :]) if both else None
            if other is not None and (speaker_like(other) or speaker_head(other)):  # coordinated_object
                out.append((m.start(), role, other, m.group().strip().lower(), None))  # "according to X and Y"
    first = re.match(r"(Echoed|Added|Countered|Replied)\s+", s)
    said = object_after(s[first.end() :]) if first else None
    if first and said is not None and not said.common:  # initial_inverted: "Echoed Sen. Hillary Clinton, “…”"
        out.append((0, "speaker", said, first.group(1).lower(), None))
    out.extend(possessive_cues(s))  # possessive_statement: "Barack Obama's declaration that …"
    out.extend(witness_cues(s))  # witness_saw: "A Reuters witness saw about 12 bodies" (kit.draft.witnessed)
    head, tail = lex.HEADLINE.search(s), headline_tail(s)
    if head and not re.search(r"[.!?”\"]\s*$", s) and not credit_line(s, head.start()):  # headline: "… – OCD"
        out.append((head.start(), "inverted", Mention(head.group(1)), "says", None))
    elif tail and not out:  # headline_tail: "Mosul air strikes kill dozens of civilians: Iraqi officials"
        out.append((tail[0], "inverted", tail[1], "says", None))
    lead = lex.HEADLINE_LEAD.match(s)  # headline_colon: "Police: Arrest made after …" (not "Philippines: …")
    body = lead and (lead.group(1).split()[-1].lower() in SOURCE_NOUNS or guess_kind(lead.group(1))[0] in _BODIES)
    if lead and body and not out and not re.search(r"[.!?”\"]\s*$", s):  # headline_body: "Amnesty International: …"
        out.append((0, "speaker", Mention(lead.group(1)), "says", None))
    shown = _SHOWN_IN.search(s)
    by = object_after(s[shown.end() :]) if shown else None
    if shown and by is not None:  # shown_in: "… were shown in an accompanying video from Amnesty": Amnesty's
        out.append((shown.start(), "speaker", by, "shown", None))
    for named in _CALLED_QUOTED.finditer(s):  # called_quoted: "Zelensky called the shelling a “vile … attack”"
        who = subject_before(s[: named.start()] + " ")  # not "a process called “hotlining”": a thing named
        if (
            isinstance(who, Mention)
            and not (who.common and who.text.split()[0].lower() in ("a", "an"))
            and not (
                who.common and not speaker_like(who) and not re.search(r"[^s]s$", who.text)
            )  # "the loophole called"
            and who.text in (_OBJECT_RELATIVE.findall(s[: named.start()]) or [who.text])[0]  # "who Beck called": Beck
            and who.text.lower() not in PRONOUNS | {"it"}
            and quote_depths(s)[named.start()] == 0
        ):
            out.append((named.start(), "speaker", who, "called", None))
    opening = _IN_A_STATEMENT.match(s)
    colon = re.search(r":\s*[“\"]", s) if opening else None
    verb = re.compile(r"\s[a-z]+(?:ed|s)\b").search(s, opening.end(), colon.start()) if opening and colon else None
    stated = subject_before(s[opening.end() : verb.start()] + " ") if opening and verb else None
    if opening and isinstance(stated, Mention) and not out:  # in_a_statement: "In a statement, Reuters expressed …:"
        out.append((opening.end(), "speaker", stated, "stated", None))
    issued = _ISSUED.search(s)
    author = subject_before(s[: issued.start()] + " ") if issued else None
    if issued and isinstance(author, Mention) and author.text.lower() not in PRONOUNS:  # statement_participle
        out.append((issued.start(), "speaker", author, issued.group(1), None))  # "X issued a statement confirming"
    talk = _INTERVIEW.search(s)
    heard = object_after(s[talk.end() :]) if talk else None
    spoke = [c for c in out if c[1] in ("speaker", "inverted")]
    heard = heard if heard is not None and (not heard.common or outlet_of(heard.text)) else None
    if heard is not None and len(spoke) == 1 and not any(c[1] == "told" for c in out):  # interviewed_by
        out = [c if c is not spoke[0] else (c[0], "told", c[2], c[3], heard) for c in out]
    out = [c for c in out if can_speak(c[2])]  # mute_head, negated_subject (kit.draft.animacy, eleventh pass)
    return sorted(out, key=lambda c: c[0])


def _pieces(s: str, cues: list, depths: list) -> list[tuple[int, int]]:
    """The sentence cut into one clause per speaker: "X said A, and Y said B" (``several_speakers``), and a clause
    before "; X said" that X does not speak (``semicolon``)."""
    heads = [c for c in cues if depths[c[0]] == 0 and c[1] in ("speaker", "told")]
    cuts = [0]
    for i, c in enumerate(heads):
        at = s.rfind(c[2].text, cuts[-1], c[0])
        if at < 0 or i > 0 and heads[i - 1][0] == c[0]:
            continue
        lo = heads[i - 1][0] if i > 0 else 0
        prior = [m for m in lex.BOUNDARY.finditer(s, lo, at) if len(s[m.end() : at].split()) <= 4]
        turn = prior and re.search(r"while|whereas|although|though", prior[-1].group())  # contrast_clause
        if prior and (i > 0 or prior[-1].group().startswith(";") or turn):
            cuts.append(prior[-1].end())
    for c in cues:  # but_according: "X said A, but according to Zaman B": Zaman's B, not a relay of X's A
        turn = re.search(r"(?:,\s+(?:but|while|whereas)|;)\s+$", s[: c[0]]) if c[1] == "according" else None
        if turn and depths[c[0]] == 0 and turn.end() > cuts[-1]:
            cuts.append(turn.end())
    spans = list(zip(cuts, [*cuts[1:], len(s)], strict=True))
    if len(spans) > 1 and not any(spans[0][0] <= c[0] < spans[0][1] for c in cues):
        spans = spans[1:]  # the clause before "; X said" is nobody's
    return [(a, b - len(s[a:b]) + len(s[a:b].rstrip(" ,;"))) for a, b in spans]


def find_attributions(sentences: list[Sentence]) -> list[Finding]:
    """The attributions of an article: one :class:`Finding` per speaker's clause of each sentence that has one.

    The sentences are read in order: a quotation running over several sentences, a pronoun ("he", "it", "they"),
    "the agency", "this report", a surname and an acronym are resolved to the nearest earlier speaker of a fitting
    kind (:class:`kit.draft.coref.Speakers`); a sentence with two speakers gives two findings.

    Parameters
    ----------
    sentences : list of kit.draft.extract.Sentence
        The article's sentences, in order (:func:`kit.draft.extract.sentences`).

    Returns
    -------
    list of Finding
        Each with its sentence, the span of the claim's words, the sources cited and the relay.

    See Also
    --------
    kit.draft.build.build_tables : the tables made from the findings.

    Examples
    --------
    >>> from kit.draft.extract import sentences
    >>> f, = find_attributions(sentences("At least two men were killed, their associates told Reuters on Monday."))
    >>> f.relay.text, [c.text for c in f.cited], f.certainty
    ('Reuters', ['their associates'], 'alleged')
    >>> [[c.text for c in f.cited] for f in find_attributions(sentences("Key said 75 died, and Gibson said more."))]
    [['Key'], ['Gibson']]
    """
    out: list = []
    speakers = Speakers()
    state: dict = {"speakers": speakers, "owner": None, "last_actor": None, "last_relay": None, "quoting": False}
    para, depth = -1, 0
    waiting: list[Sentence] = []
    previous: Sentence | None = None
    worded: Sentence | None = None  # the last sentence with a word (not a page's stray "|")
    for i, original in enumerate(sentences):  # two_apostrophes: '' as a quotation mark (''Brexit is …,'' said X)
        sent = Sentence(original.text.replace("''", '" '), original.start, original.end, original.paragraph)
        if sent.paragraph != para:  # a speaker quoted at a paragraph's end may go on quoted (not quote_closed_later)
            last = state["last_actor"]
            person = last is not None and (is_person(last) or unnamed_person(last))
            person = person and bool(out) and out[-1].sentence is worded  # who spoke the last words before
            if person and depth == 0 and quote_paragraph(sentences, i):
                state["owner"] = None  # quote_paragraph: more words of the person quoted before
            elif depth == 0 and (not state["quoting"] or quote_closed_later(sentences, i)):
                state["owner"] = state["last_actor"] = None
            carried = depth > 0 and re.match(
                r"[^“”\"]*”", " ".join(t.text for t in sentences[i:] if t.paragraph == sent.paragraph)
            )
            para, depth = sent.paragraph, depth if carried else 0  # quotation_carried: its opening mark left out
        depths = quote_depths(sent.text, depth)
        depth = depths[-1]
        cues = _cues(sent.text)
        for a, b in _pieces(sent.text, cues, depths):
            piece = [(p - a, *rest) for p, *rest in cues if a <= p < b]
            state["closed_later"] = a == 0 and quote_closed_later(sentences, i)  # its speaker named where it closes
            f = _finding(sent, a, b, piece, depths[a : b + 1], depth, state)
            if f is not None:
                for w in waiting:  # quotation_ahead: "“We send … loved ones. Ryan has …,” Reuters said."
                    who = f.cited[0].text
                    note = f"draft: check: the quotation is taken to be the words of {who}, named where it closes"
                    opened = w.start + (2 if w.text.startswith('" ') else w.text.startswith(("“", '"')))  # after “
                    named = [note, *(n for n in f.notes if n.endswith("(pronoun)"))]  # pronoun_ahead (PolNeAR pass)
                    out.append(Finding(w, opened, w.end, f.cited, f.relay, f.verb, f.certainty, named))
                waiting = []
                out.append(f)
        close = sent.text.find("”")
        unopened = not cues and depths[0] == 0 and close > 0 and "“" not in sent.text[:close]
        if (
            unopened
            and previous is not None
            and previous.paragraph == sent.paragraph
            and out
            and out[-1].sentence is previous
        ):
            last = out[-1]  # unopened_close: "“…,” Borys Filatov told Reuters. I think … dozens.”": still Filatov's
            note = f"draft: check: the words before the closing mark are taken to be {last.cited[0].text}'s"
            out.append(
                Finding(sent, sent.start, sent.start + close, last.cited, last.relay, last.verb, last.certainty, [note])
            )
        state["quoting"] = bool(re.search(r"[“”\"]", sent.text)) and bool(out) and out[-1].sentence is sent
        opened = not cues and depths[0] == 0 and depth > 0 and sent.text.startswith(("“", '"'))
        waiting = [*waiting, sent] if (opened or waiting and depth > 0 and not cues) else []
        tweet = lex.TWEET.match(sent.text)
        if tweet and previous is not None and not (out and out[-1].sentence is previous):
            who = Mention(tweet.group(1), about=f"({tweet.group(2)}) on social media")  # tweet_embed
            note = f"draft: check: the line before is taken to be a post by {who.text} (an embedded post)"
            out.append(Finding(previous, previous.start, previous.end, [who], None, "posted", "alleged", [note]))
        previous = sent
        worded = sent if re.search(r"[^\W\d_]", sent.text) else worded
        speakers.passing(sent.text, spoke=bool(out) and out[-1].sentence is sent)
    head = sentences[0] if sentences and not any(f.sentence.start == sentences[0].start for f in out) else None
    told = (
        headline_speaker(head.text, "\n".join(t.text for t in sentences[1:]), [c for f in out for c in f.cited])
        if head
        else None
    )
    if head is not None and told is not None:  # headline_from_body: "…: Ghani" is the Ashraf Ghani the article names
        note = f"draft: check: the headline's speaker is taken to be {told[2].text}, named in the article"
        out.insert(
            0, Finding(head, head.start + told[0], head.start + told[1], [told[2]], None, "says", "alleged", [note])
        )
    originals = {s.start: s for s in sentences}
    for f in out:
        f.sentence = originals[f.sentence.start]
    return [f for f in out if not link_line(sentences, f.sentence)]  # link_line: another story's headline


def _finding(sent: Sentence, a: int, b: int, cues: list, depths: list, depth: int, state: dict) -> Finding | None:
    """The finding of one speaker's clause ``sent.text[a:b]`` (see :func:`find_attributions`)."""
    s = sent.text[a:b]
    speakers: Speakers = state["speakers"]
    starts_quoted = depths[0] > 0 or s.startswith(("“", '"'))
    notes: list[str] = []
    if starts_quoted and depths[0] == 0 and not any(depths[p] == 0 for p, *_ in cues):
        state["owner"] = None if state["closed_later"] else state["last_actor"]  # quote_closed_later, anywhere
        if state["owner"] is not None:
            notes.append(
                f"draft: check: the quotation is taken to be {state['owner'].text}'s words (named just before)"
            )
    carried = depths[0] > 0 and not cues and state.get("opened_by") is not None
    if carried:  # open_quotation: "X condemned it, stating: “A. B.”": B is X's words too
        state["owner"] = state["opened_by"]
    told_me = [
        c
        for c in cues
        if depths[c[0]] > 0 and _quoted_nobody(c[2]) and re.match(r"\s+(?:me|us)\b", s[c[0] + len(c[3]) :])
    ]
    cues = [c for c in cues if c not in told_me]  # told_me: "“A witness told me that …" is the quoted person's words
    if starts_quoted and not cues and state["owner"] is not None:  # continued_quotation: the owner's words
        via = state["last_relay"] if state["owner"] is state["last_actor"] else None
        cues = [(0, "told" if via else "speaker", state["owner"], "said", via)]
        if not notes:
            notes.append(f"draft: check: the quotation is taken to be {state['owner'].text}'s words (said before)")
    for c in cues:
        if c[1] == "inverted":
            cues = [x if x is not c else (x[0], "speaker", *x[2:]) for x in cues]
    outer = [c for c in cues if depths[c[0]] == 0 and c[1] in ("speaker", "told")]
    cues = [c for c in cues if depths[c[0]] == 0 or not _quoted_nobody(c[2])]  # quoted_pronoun: "they say"
    inner = [c for c in cues if depths[c[0]] > 0]
    if carried:  # the owner speaks it, not relays it
        outer, inner = cues, []
    relay, cited, verb = None, [], ""
    if inner and (outer or any(depths[c[0]] == 0 and c[1] == "according" for c in cues)):
        top = outer[0] if outer else next(c for c in cues if depths[c[0]] == 0 and c[1] == "according")
        relay, verb, level = top[2], top[3], inner
    else:
        level = inner if inner else cues
        if (inner and depths[0] > 0 or starts_quoted) and not outer:
            relay = state["owner"]
    told = [c for c in level if c[1] == "told"]
    spoke = [c for c in level if c[1] == "speaker"]
    according = [c for c in level if c[1] == "according"]
    relying = [c for c in level if c[1] == "relying"]
    if told:
        cited, relay, verb = [told[0][2]], told[0][4], verb or told[0][3]
    elif spoke and relying and relay is None and relying[0][2].text != spoke[0][2].text:  # statement_quoting
        relay, cited, verb = spoke[0][2], [c[2] for c in relying], spoke[0][3]
    elif according and relying and relay is None:  # "according to Xinhua who cited local officials"
        relay, cited, verb = according[0][2], [c[2] for c in relying], according[0][3]
    elif spoke and according and relay is None and complement(s, spoke[0], according[0]):
        relay, cited, verb = spoke[0][2], [according[0][2]], spoke[0][3]  # "X says that according to Y, …"
    elif spoke and according and relay is None:
        relay, cited, verb = according[0][2], [spoke[0][2]], spoke[0][3]
    elif len(spoke) > 1 and relay is None and nested(s, spoke[0], spoke[1]):  # nested_that
        relay, cited, verb = spoke[0][2], [spoke[1][2]], spoke[1][3]
    elif spoke and relay is None and reported_by_outlet(s, spoke):  # "Police said …, Radio New Zealand reported."
        relay, cited, verb = spoke[-1][2], [c[2] for c in spoke if c[0] == spoke[0][0]], spoke[0][3]
    elif spoke and relay is None and closing(s, spoke):  # closing_attribution: "X called for …, sources said."
        cited, verb = [spoke[-1][2]], spoke[-1][3]
    elif spoke:
        first = spoke[-1] if relay is not None else spoke[0]
        cited = [c[2] for c in spoke if c[0] == first[0]]  # "officials and state media said": both
        verb = verb or first[3]
    else:
        cited = [c[2] for c in according + relying]
        verb = verb or (according + relying)[0][3] if cited else verb
    if relay is not None:
        relay = speakers.resolve(relay, notes)
    avoid = (relay.text,) if relay else ()
    quoted = "".join(ch if d > 0 else " " for ch, d in zip(s, depths, strict=False))
    here = tuple(n.text for n in speakers.named if re.search(rf"\b{re.escape(n.text.split()[-1])}\b", quoted))
    cited = [  # not_the_subject: in "“Ted Cruz has fought for us,” she said", "she" is not Ted Cruz
        r
        for r in (speakers.resolve(c, notes, avoid + (here if c.text.lower() in PRONOUNS else ())) for c in cited)
        if r is not None
    ]
    cited = [
        c
        for i, c in enumerate(cited)
        if (relay is None or c.text != relay.text) and all(c.text != d.text for d in cited[:i]) and not weak_speaker(c)
    ]
    notes += relative_notes(cited)  # relative_which, who_note (kit.draft.phrases)
    if relay is not None and depth > 0:
        state["owner"] = relay
    opening = re.search(r":\s*[“\"][^“”\"]*$", s)  # "…, stating: “This horrific crime …" left open
    state["opened_by"] = None if depth == 0 else state.get("opened_by")
    if depth > 0 and outer and cited and not inner and opening and outer[0][0] < opening.start():
        state["opened_by"] = cited[0]  # a speaker opened a quotation the sentence leaves open
    if not cited:
        return None
    for m in [*cited, *([relay] if relay else [])]:  # the relay is the nearest: "they" is who relays
        speakers.add(m)
    speakers.interviewers -= {c.text for c in cited}
    if told and relay is not None:
        speakers.interviewers.add(relay.text)
    actor = cited[0] if told else relay or (cited[0] if spoke else None)
    if actor is not None:
        state["last_actor"], state["last_relay"] = actor, (relay if told else None)
    tops = outer or [c for c in cues if depths[c[0]] == 0 and c[1] == "according"]
    start, end = claim_span(s, tops if inner else outer, depths)
    opened = free_relative(s, outer) if not inner else None
    start = opened if opened is not None and opened < end else start  # free_relative: the words after "what X say"
    named = re.search(r",|\s(?:that|which)\s", s[start:end]) if opened and outer[0][3] in _CALLED else None
    end = start + named.start() if named else end  # what_called: the name given, not a clause about it
    owned = re.compile(r"\s+responsibility\b.*?(?=\s+(?:after|as|when|following|in which)\s)")
    claim = owned.match(s, outer[0][0] + len(outer[0][3])) if outer and outer[0][3].startswith("claim") else None
    end = claim.end() if claim and start < claim.end() < end else end  # responsibility: not the "after …" clause
    start, end = start + a, end + a
    return Finding(
        sent, sent.start + start, sent.start + end, cited, relay, verb, _certainty(verb, sent.text[start:end]), notes
    )
