"""Attribution cues: on whose word each sentence of an article rests.

Each sentence is searched for speech verbs with their subject ("X said", "X told Reuters", "two of the Russians
said", "X put the death toll at", "a Facebook post gave") and for phrases naming a source ("according to X",
"citing X", "relying on X", "based on X", "quoting X", "as reported by X"). Quotation marks tell who relays whom:
in ``It also says “CIT said at least three …”`` the outer speaker (AFP, for "It") publishes and CIT is cited; a
quotation that runs over several sentences belongs to whoever opened it (or, when a paragraph's quotation opens with
no speaker, to the one named in the sentence before). Negated verbs ("hadn't said") are no attribution. Pronouns
("it", "they") and "this report" are taken to be the last speaker or outlet named, with a ``draft: check`` note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kit.draft.extract import Sentence
from kit.draft.mentions import PRONOUNS, Mention, object_after, subject_before

__all__ = ["Mention", "Finding", "find_attributions"]

_VERB = re.compile(
    r"\b(?:said|says|say|told|tells|reported|reports|claimed|claims|wrote|writes|noted|notes|"
    r"confirmed|confirms|stated|added|announced|estimated|estimates|thought|believes|believed|"
    r"intimated|insisted|alleged|alleges|denied|denies|posted|published|tweeted|"
    r"spread rumou?rs|put the (?:death |casualty )?(?:toll|number|figure) at|gave|showed|listed)\b"
)
_SOCIAL_ONLY = {"gave", "showed", "listed"}
_PREP = re.compile(
    r"(?<![\w-])(?:[Aa]ccording to|[Cc]iting|[Rr]elying on|[Rr]elied on|[Rr]elies on|[Bb]ased on|"
    r"[Qq]uoting|(?:as )?reported by)\s+"
)
_DEMONSTRATIVE = re.compile(r"^(?:this|that|the) (?:report|story|article|account)$", re.I)
_CERTAINTY = (
    (
        ("asserted", r"confirm"),
        ("estimated", r"estimat|put the|toll at"),
        ("rumoured", r"rumou?r"),
        ("denied", r"denie"),
    ),
    ("alleged", ""),
)


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


def _depths(text: str, start_depth: int) -> list[int]:
    out, d = [], start_depth
    for ch in text:
        if ch == "“" or (ch == '"' and d == 0):
            out.append(d)
            d += 1
            continue
        if ch == "”" or ch == '"':
            d = max(d - 1, 0)
        out.append(d)
    return out + [d]


def _certainty(verb: str, text: str) -> str:
    """How the report holds the claim, guessed from the verb (and "rumours", "about", "estimate" in its words)."""
    for name, pattern in _CERTAINTY[0]:
        if re.search(pattern, verb):
            return name
    if re.search(r"\brumou?r", text, re.I):
        return "rumoured"
    if re.search(r"\b(?:(?:about|around|roughly|approximately)\s+\d|estimat)", text, re.I):
        return "estimated"
    return _CERTAINTY[1][0]


def _cues(s: str):
    """(position, role, mention, verb) for each cue in the sentence; role is speaker, told, according or relying."""
    out: list[tuple] = []
    for m in _VERB.finditer(s):
        subj = subject_before(s[: m.start()])
        if subj == "and":
            subj = next((c[2] for c in reversed(out) if c[1] in ("speaker", "told")), None)
        if subj is None or subj == "negated":
            continue
        if m.group() in _SOCIAL_ONLY and not re.search(
            r"facebook|twitter|telegram|vk|instagram|youtube|tiktok", subj.text, re.I
        ):
            continue
        if m.group() == "told":
            obj = object_after(s[m.end() :])
            if obj is not None and not obj.common:
                out.append((m.start(), "told", subj, m.group(), obj))
                continue
        out.append((m.start(), "speaker", subj, m.group(), None))
    for m in _PREP.finditer(s):
        obj = object_after(s[m.end() :])
        if obj is not None:
            role = "according" if m.group().lower().startswith(("according", "as reported", "reported")) else "relying"
            out.append((m.start(), role, obj, m.group().strip().lower(), None))
    return sorted(out, key=lambda c: c[0])


def _resolve(mention: Mention, history: list, avoid: list, notes: list) -> Mention | None:
    if mention.text in PRONOUNS or _DEMONSTRATIVE.match(mention.text):
        outlets = _DEMONSTRATIVE.match(mention.text)
        for past in reversed(history):
            if all(past.text != a.text for a in avoid) and not (outlets and past.common):
                notes.append(f"draft: check: '{mention.text}' taken to be {past.text}")
                return Mention(past.text, past.common, past.about, past.affiliation, said_as=mention.text)
        return None
    return mention


def find_attributions(sentences: list[Sentence]) -> list[Finding]:
    """One :class:`Finding` per sentence that says on whose word it rests.

    The sentences are read in order: a quotation running over several sentences, a pronoun ("it", "they") and
    "this report" are resolved from what came before (see the module's docstring).

    Parameters
    ----------
    sentences : list of kit.draft.extract.Sentence
        The article's sentences, in order (:func:`kit.draft.extract.sentences`).

    Returns
    -------
    list of Finding
        One per sentence with an attribution; a sentence without one gives none.

    See Also
    --------
    kit.draft.build.build_tables : the tables made from the findings.

    Examples
    --------
    >>> from kit.draft.extract import sentences
    >>> f, = find_attributions(sentences("At least two men were killed, their associates told Reuters on Monday."))
    >>> f.relay.text, [c.text for c in f.cited], f.certainty
    ('Reuters', ['their associates'], 'alleged')
    """
    out: list = []
    history: list = []
    owner, last_actor, para, depth = None, None, -1, 0
    for sent in sentences:
        if sent.paragraph != para:
            para, owner, last_actor, depth = sent.paragraph, None, None, 0
        s = sent.text
        depths = _depths(s, depth)
        depth = depths[-1]
        starts_quoted = depths[0] > 0 or s.startswith(("“", '"'))
        cues = _cues(s)
        notes: list[str] = []
        if starts_quoted and depths[0] == 0 and not any(depths[p] == 0 for p, *_ in cues):
            owner = last_actor
            if owner is not None:
                notes.append(f"draft: check: the quotation is taken to be {owner.text}'s words (named just before)")
        outer = [c for c in cues if depths[c[0]] == 0 and c[1] in ("speaker", "told")]
        inner = [c for c in cues if depths[c[0]] > 0]
        relay, cited, verb = None, [], ""
        if inner and (outer or any(depths[c[0]] == 0 and c[1] == "according" for c in cues)):
            top = outer[0] if outer else next(c for c in cues if depths[c[0]] == 0 and c[1] == "according")
            relay, verb, level = top[2], top[3], inner
        else:
            level = inner if inner else cues
            if inner and depths[0] > 0 or starts_quoted:
                relay = owner
        told = [c for c in level if c[1] == "told"]
        speakers = [c for c in level if c[1] == "speaker"]
        according = [c for c in level if c[1] == "according"]
        relying = [c for c in level if c[1] == "relying"]
        if told:
            cited, relay, verb = [told[0][2]], told[0][4], verb or told[0][3]
        elif speakers and relying and relay is None:
            relay, cited, verb = speakers[0][2], [c[2] for c in relying], speakers[0][3]
        elif speakers and according and relay is None:
            relay, cited, verb = according[0][2], [speakers[0][2]], speakers[0][3]
        elif speakers:
            cited = [speakers[-1][2]] if relay is not None else [speakers[0][2]]
            verb = verb or (speakers[-1] if relay is not None else speakers[0])[3]
        else:
            cited = [c[2] for c in according + relying]
            verb = verb or (according + relying)[0][3] if cited else verb
        if relay is not None:
            relay = _resolve(relay, history, [], notes)
        cited = [r for r in (_resolve(c, history, [relay] if relay else [], notes) for c in cited) if r is not None]
        cited = [
            c
            for i, c in enumerate(cited)
            if relay is None or c.text != relay.text
            if all(c.text != d.text for d in cited[:i])
        ]
        if relay is not None and depth > 0:
            owner = relay
        if not cited:
            continue
        actor = relay or (cited[0] if speakers or told else None)
        if actor is not None:
            history.append(actor)
            last_actor = actor
        tops = outer or [c for c in cues if depths[c[0]] == 0 and c[1] == "according"]
        start, end = _claim_span(s, tops if inner else outer, depths)
        out.append(
            Finding(
                sent, sent.start + start, sent.start + end, cited, relay, verb, _certainty(verb, s[start:end]), notes
            )
        )
    return out


def _claim_span(s: str, outer, depths) -> tuple[int, int]:
    """The claim's words: the quotation after an outer speaker when it runs to the sentence's end, else the sentence."""
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
        start = 1
    if s.endswith(("”", '"')) and (s.count("“") < s.count("”") or depths[0] > 0):
        end -= 1
    return start, end
