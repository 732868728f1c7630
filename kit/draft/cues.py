"""Attribution cues: on whose word each sentence of an article rests.

Each sentence is searched for speech verbs with their subject ("X said", "X told Reuters", "a Facebook post gave")
and for phrases naming a source ("according to X", "citing X", "based on X"; the lists: :mod:`kit.draft.lexicon`).
Quotation marks tell who relays whom: in ``It also says “CIT said at least three …”`` the outer speaker publishes
and CIT is cited; a quotation over several sentences belongs to whoever opened it. Negated verbs are no attribution;
pronouns and "this report" are the last fitting speaker named (:mod:`kit.draft.coref`), with a ``draft: check`` note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kit.draft import lexicon as lex
from kit.draft.clauses import (
    claim_span,
    closing,
    complement,
    headline_tail,
    nested,
    possessive_cues,
    quote_closed_later,
    quote_paragraph,
    reported_by_outlet,
    shared_subject,
    speaker_like,
    split_pair,
)
from kit.draft.coref import Speakers, is_person, unnamed_person
from kit.draft.documents import DOCUMENT_ONLY, document_speaker, weak_speaker
from kit.draft.extract import Sentence, quote_depths
from kit.draft.lexicon import PRONOUNS, SOURCE_NOUNS, SPEECH_VERBS
from kit.draft.names import guess_kind, outlet_of
from kit.draft.objects import object_after
from kit.draft.phrases import Mention, subject_before

__all__ = ["Mention", "Finding", "find_attributions"]

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


def _speaker_cue(s: str, m: re.Match, out: list) -> None:
    """The cues of one speech verb: the speaker before it, after it (inverted, passive "by X"), or both of "X and Y"."""
    prefix, rest, verb = s[: m.start()], s[m.end() :], m.group()
    by = re.match(r"\s+by\s+(?!(?:tele)?phone|e-?mail|text|video)", rest)
    passive = by and (lex.PASSIVE.search(prefix) or re.search(r"[,]\s*$|\b[a-z]+\s*$", prefix))
    if by and passive and not re.search(r"\bas\s*$", prefix, re.I):  # passive_by: "announced by President Correa"
        obj = object_after(rest[by.end() :])
        if obj is not None:
            out.append((m.start(), "speaker", obj, verb, None))
        return
    if re.match(r"\s+(?:on|to|in)(?:\s+[\w’'-]+){1,3}?\s+by\s", rest) and lex.DOCUMENT_SUBJECT.search(prefix.rstrip()):
        return  # "A video posted on social media by X showed …": a document's participle (documents.released_by)
    progressive = verb in lex.PROGRESSIVE and lex.PASSIVE.search(prefix)
    if progressive:  # progressive: "California fire officials are warning residents"
        prefix = prefix[: progressive.start()]
    elif verb in lex.PROGRESSIVE or lex.PASSIVE.search(prefix):  # passive: "is reported to be": no speaker
        return
    if verb in ("reported", "confirmed", "reports") and (
        lex.PARTICIPLE.match(rest) and lex.COUNTED.search(prefix.rstrip())
    ):
        return  # participle: "with hundreds reported missing", "no deaths reported"
    if re.match(r"\s+(?:missing|dead|killed)\b", rest):
        return
    late = _named_after(prefix, rest) if verb not in ("told", "quoted", "telling", "saying") else None
    if late is not None:  # inverted_after_clause: "… other waterborne diseases, said S.K. Gupta, an army officer"
        out.append((m.start(), "inverted", late, verb, None))
        return
    doc = document_speaker(prefix)  # released_by, obtained_by: "Video footage obtained by Reuters showed"
    if doc is not None:
        out.append((m.start(), "told" if doc[1] else "speaker", doc[0], verb, doc[1]))
        return
    subj = subject_before(prefix)
    if subj == "and":
        subj = next((c[2] for c in reversed(out) if c[1] in ("speaker", "told")), None)
    if subj is None and verb not in ("telling", "saying"):
        subj = shared_subject(prefix)  # "Residents of Al Daraja combed through the wreckage …, but said …"
    if subj == "negated":
        return
    bare = subj is None and prefix.rstrip().endswith(",") or isinstance(subj, Mention) and subj.common
    if verb in ("telling", "saying") and bare:  # participle_subject: "Ohio Gov. John Kasich suspended …, telling …"
        openings = lex.OPENING_NAME.findall(prefix)  # "Sanders started out their ninth debate saying …"
        named = subject_before(openings[-1]) if openings else None
        subj = named if isinstance(named, Mention) and not named.common else subj
    if subj is None:
        if not lex.INVERTED.search(prefix) or verb in ("told", "quoted", "telling", "saying"):
            return
        subj = object_after(rest)  # inverted: "…,” said Bali", "…, say traumatised viewers"
        if subj is None or not _names_speaker(rest, subj):
            return
        out.append((m.start(), "inverted", subj, verb, None))
        return
    social = r"facebook|twitter|telegram|vk|instagram|youtube|tiktok|weibo|social media|social networks"
    shown = verb not in ("gave", "listed") and lex.DOCUMENT_SUBJECT.search(subj.text)
    if verb in DOCUMENT_ONLY and not re.search(social, subj.text, re.I) and not shown:
        return
    if verb == "saying" and lex.DOCUMENT_SUBJECT.search(subj.text):
        issued = re.search(
            r"\b(?:released|issued|put out|posted|published|sent)\s+(?:a|an|the)\s+(?:\w+\s+)?\w+(?:\s+\w+day)?\s*$",
            prefix,
        )
        subj = subject_before(prefix[: issued.start()]) if issued else None  # "X released a statement saying"
        if not isinstance(subj, Mention):
            return
    at = prefix.rfind(subj.text)
    if at >= 0 and lex.SUBORDINATE.search(prefix[: at + len(subj.text)] + " "):
        return  # "if they have reported someone missing": not an attribution
    relative = re.search(r"(?:^|\s)([a-z]+s)\s+$", prefix[:at]) if at > 0 and subj.text.startswith("the ") else None
    if (
        relative
        and lex.NO_OBJECT.match(rest)
        and verb not in ("said", "says")
        and relative.group(1) not in lex.FUNCTION
    ):
        return  # reduced_relative: "the casualties the Kremlin has acknowledged during its incursion"
    if verb == "reported" and re.match(r"\s+[^,.;]{3,80}?\s+as saying\b", rest):
        verb = "quoted"  # "Xinhua news agency reported disaster management officials as saying"
    if verb in ("told", "telling", "quoted"):
        obj = object_after(rest)
        if verb == "quoted" and obj is not None:  # quoted: "the AP quoted the government as saying"
            out.append((m.start(), "told", obj, verb, subj))
            return
        if obj is not None and (not obj.common or outlet_of(obj.text)):  # told_agency: "the AFP news agency"
            out.append((m.start(), "told", subj, verb, obj))
            return
    out.extend((m.start(), "speaker", one, verb, None) for one in split_pair(subj))  # coordinated_pair
    at = prefix.rfind(subj.text)
    before = prefix[:at].rstrip() if at >= 0 else ""
    if before.endswith(" and"):  # coordinated: "officials and state media said"
        other = subject_before(before[:-4])
        if isinstance(other, Mention) and speaker_like(other):
            lead = before[:-4].rstrip()
            lead = lead[: len(lead) - len(other.text)] if lead.endswith(other.text) else "x"
            if not lead.strip() or lead.rstrip().endswith((",", ";", ":")):
                out.append((m.start(), "speaker", other, verb, None))


def _named_after(prefix: str, rest: str) -> Mention | None:
    """A name right after a verb that follows a comma, and then a comma or the sentence's end: the speaker of the
    clause before, however long ("…, said Gina Oviedo, who described …"); not "…, said Smith was killed"."""
    if not re.search(r"[^”\"’],\s*$", prefix):
        return None
    obj = object_after(rest)
    if obj is None or obj.common:
        return None
    at = rest.find(obj.text)
    after = rest[at + len(obj.text) :] if at >= 0 else "x"
    return obj if re.match(r"\s*(?:\([^)]*\)\s*)?(?:[,.;:]|$|(?:on|in|at)\s)", after) else None


def _names_speaker(rest: str, m: Mention) -> bool:
    """After an inverted verb, a speaker: a name, "the …", or a plural or a role ("say traumatised viewers"), not
    "said that" or "thought out"."""
    first = rest.split()[0] if rest.split() else ""
    if (
        not m.common
        or first[:1].isupper()
        or first.lower() in ("the", "a", "an", "his", "her", "its", "their", "local", "several", "one", "another")
    ):
        return True
    last = m.text.split()[-1].lower()
    return last.endswith("s") and len(m.text.split()) <= 3 and last not in ("this", "that", "thus", "was", "is")


def _cues(s: str):
    """(position, role, mention, verb, relay) for each cue in the sentence.

    Roles: ``speaker`` ("X said …"), ``inverted`` ("…, said X"), ``told`` ("X told Reuters", "Reuters quoted X as
    saying"; relay Reuters), ``according`` ("according to X", "as per X") and ``relying`` ("citing X", "who cited X").
    """
    out: list[tuple] = []
    for m in SPEECH_VERBS.finditer(s):
        if SPEECH_VERBS.match(s, m.end() + 1) and s[m.end() : m.end() + 1] == " " and m.group()[-1] == "s":
            continue  # a noun before the verb: "News reports said" (not "He confirmed reports that …")
        if (
            m.group() in ("estimates", "reports", "claims", "notes", "shows", "posts")
            and s[m.end() : m.end() + 1] == ","
        ):
            continue  # a noun before a comma: "Cost estimates, he added, were …"
        if (
            m.group() in ("tells", "telling")
            and re.match(r"\s+(?:you|us)\b", s[m.end() :])
            or re.match(r"add(?:ed|s) to\b", s[m.start() :])
        ):
            continue  # "it tells you", "added to his portfolio": no speech
        if m.group() in ("claimed", "claims") and re.match(r"\s+(?:the\s+|\w+\s+)?(?:lives|life)\b", s[m.end() :]):
            continue  # claimed_lives: "as the fire claimed multiple lives" is no speech
        _speaker_cue(s, m, out)
    for m in lex.SOURCE_PHRASES.finditer(s):
        obj = object_after(s[m.end() :])
        if obj is not None:
            low = m.group().lower()
            role = "according" if low.startswith(("according", "as reported", "reported", "as per")) else "relying"
            doing = re.match(rf"\s*{re.escape(obj.text)}\s+[a-z]+ing\b", s[m.end() :])  # "based on Trump winning"
            if role == "relying" and (doing or obj.common and obj.text.split()[-1].lower() not in SOURCE_NOUNS):
                continue  # "citing the release of prisoners", "relies on integration": a reason, not a source
            out.append((m.start(), role, obj, m.group().strip().lower(), None))
    first = re.match(r"(Echoed|Added|Countered|Replied)\s+", s)
    said = object_after(s[first.end() :]) if first else None
    if first and said is not None and not said.common:  # initial_inverted: "Echoed Sen. Hillary Clinton, “…”"
        out.append((0, "speaker", said, first.group(1).lower(), None))
    out.extend(possessive_cues(s))  # possessive_statement: "Barack Obama's declaration that …"
    head, tail = lex.HEADLINE.search(s), headline_tail(s)
    if head and not re.search(r"[.!?”\"]\s*$", s):  # headline: "Validation reduces the toll to 68 – OCD"
        out.append((head.start(), "inverted", Mention(head.group(1)), "says", None))
    elif tail and not out:  # headline_tail: "Mosul air strikes kill dozens of civilians: Iraqi officials"
        out.append((tail[0], "inverted", tail[1], "says", None))
    lead = lex.HEADLINE_LEAD.match(s)  # headline_colon: "Police: Arrest made after …" (not "Philippines: …")
    body = lead and (lead.group(1).split()[-1].lower() in SOURCE_NOUNS or guess_kind(lead.group(1))[0] in _BODIES)
    if lead and body and not out and not re.search(r"[.!?”\"]\s*$", s):  # headline_body: "Amnesty International: …"
        out.append((0, "speaker", Mention(lead.group(1)), "says", None))
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
        if prior and (i > 0 or prior[-1].group().startswith(";")):
            cuts.append(prior[-1].end())
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
            f = _finding(sent, a, b, piece, depths[a : b + 1], depth, state)
            if f is not None:
                for w in waiting:  # quotation_ahead: "“We send … loved ones. Ryan has …,” Reuters said."
                    who = f.cited[0].text
                    note = f"draft: check: the quotation is taken to be the words of {who}, named where it closes"
                    opened = w.start + (2 if w.text.startswith('" ') else w.text.startswith(("“", '"')))  # after “
                    out.append(Finding(w, opened, w.end, f.cited, f.relay, f.verb, f.certainty, [note]))
                waiting = []
                out.append(f)
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
        speakers.passing(sent.text)
    originals = {s.start: s for s in sentences}
    for f in out:
        f.sentence = originals[f.sentence.start]
    return out


def _finding(sent: Sentence, a: int, b: int, cues: list, depths: list, depth: int, state: dict) -> Finding | None:
    """The finding of one speaker's clause ``sent.text[a:b]`` (see :func:`find_attributions`)."""
    s = sent.text[a:b]
    speakers: Speakers = state["speakers"]
    starts_quoted = depths[0] > 0 or s.startswith(("“", '"'))
    notes: list[str] = []
    if starts_quoted and depths[0] == 0 and not any(depths[p] == 0 for p, *_ in cues):
        state["owner"] = state["last_actor"]
        if state["owner"] is not None:
            notes.append(
                f"draft: check: the quotation is taken to be {state['owner'].text}'s words (named just before)"
            )
    carried = depths[0] > 0 and not cues and state.get("opened_by") is not None
    if carried:  # open_quotation: "X condemned it, stating: “A. B.”": B is X's words too
        state["owner"] = state["opened_by"]
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
    actor = cited[0] if told else relay or (cited[0] if spoke else None)
    if actor is not None:
        state["last_actor"], state["last_relay"] = actor, (relay if told else None)
    tops = outer or [c for c in cues if depths[c[0]] == 0 and c[1] == "according"]
    start, end = claim_span(s, tops if inner else outer, depths)
    start, end = start + a, end + a
    return Finding(
        sent, sent.start + start, sent.start + end, cited, relay, verb, _certainty(verb, sent.text[start:end]), notes
    )
