"""The speaker of one speech verb (split from :mod:`kit.draft.cues` in issue 21's fourth pass): before it ("X said"),
after it ("…, said X", passive "announced by X"), both of "X and Y", a document's author ("Satellite imagery released by
X showed", :mod:`kit.draft.documents`), the sentence's subject for "…, but said" (``shared_subject``). The rules are
named where they are applied and tested in ``tests/draft/test_cues.py`` and ``tests/draft/test_fourth_pass.py``
(the tenth pass's ``source_noun`` and ``outlet_after`` in ``tests/draft/test_tenth_pass.py``; the twelfth pass's
``what_was`` and :mod:`kit.draft.interrupted`'s rules in ``tests/draft/test_verbs.py``, ``test_interrupted.py``).
"""

from __future__ import annotations

import re
from typing import Any

from kit.draft import lexicon as lex
from kit.draft.absolute import with_speaker
from kit.draft.clauses import shared_subject, speaker_like, split_pair
from kit.draft.documents import DOCUMENT_ONLY, document_speaker
from kit.draft.heads import (
    named_body,
    own_referent,
    place_appositive,
    postmodified_head,
    shared_head,
    speaker_head,
    split_conjuncts,
)
from kit.draft.interrupted import interrupted_subject, participle_object, unpunctuated_appositive
from kit.draft.inverted import inverted_closes
from kit.draft.misreads import (
    according_apposition,
    count_reported,
    identified_as,
    noun_not_verb,
    object_not_words,
    own_subject_pronoun,
    preposition_object,
    time_opening,
)
from kit.draft.names import outlet_of
from kit.draft.objects import object_after
from kit.draft.phrases import Mention, subject_before
from kit.draft.quoted_passive import quoted_passive

__all__ = ["speaker_cues"]

#: attributive_participle: a determiner (and a superlative or an adverb) right before the verb make it an adjective
_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|these|those)\s+(?:[a-z]+(?:est|ly)\s+){0,2}$", re.I)


def speaker_cues(s: str, m: re.Match, out: list) -> None:
    """The cues of one speech verb: the speaker before it, after it (inverted, passive "by X"), or both of "X and Y".

    Parameters
    ----------
    s : str
        The sentence.
    m : re.Match
        The verb's match of :data:`kit.draft.lexicon.SPEECH_VERBS` in ``s``.
    out : list of tuple
        The sentence's cues so far, ``(position, role, Mention, verb, relay)``; the verb's are appended.

    Returns
    -------
    None

    Examples
    --------
    >>> from kit.draft.lexicon import SPEECH_VERBS
    >>> s = "At least two men were killed, their associates told Reuters."
    >>> out = []; speaker_cues(s, SPEECH_VERBS.search(s), out)
    >>> [(role, who.text, via.text) for _, role, who, _, via in out]
    [('told', 'their associates', 'Reuters')]
    """
    prefix, rest, verb = s[: m.start()], s[m.end() :], m.group()
    if noun_not_verb(verb, prefix, rest) or according_apposition(prefix):
        return  # noun_not_verb, according_apposition (kit.draft.misreads): "Fake news reports", "According to X, an …"
    if count_reported(verb, prefix, rest):
        return  # count_reported (kit.draft.misreads): "The last death toll reported on Monday was 59"
    if object_not_words(verb, rest):
        return  # object_not_words (kit.draft.misreads): "claims it in full", "responded to the attack"
    if verb in ("reports", "claims", "estimates", "posts", "notes") and _SOURCE_NOUN.search(prefix):
        return  # source_noun (tenth pass): "according to Iranian media reports": a noun the source phrase ends with
    if (with_x := with_speaker(prefix, verb)) is not None:  # with_saying (recall pass): "with the UN warning …"
        out.append((m.start(), "speaker", with_x, verb, None))
        return
    if (quoted := quoted_passive(verb, prefix, rest)) is not None:  # quoted_passive: "X was quoted by Y as saying"
        out.append((m.start(), "told" if quoted[1] else "speaker", quoted[0], verb, quoted[1]))
        return
    by = re.match(r"\s+by\s+(?!(?:tele)?phone|e-?mail|text|video)", rest)
    passive = by and (lex.PASSIVE.search(prefix) or re.search(r"[,]\s*$|\b[a-z]+\s*$", prefix))
    if by and passive and not re.search(r"\bas\s*$", prefix, re.I):  # passive_by: "announced by President Correa"
        obj = object_after(rest[by.end() :])
        if obj is not None:
            out.append((m.start(), "speaker", obj, verb, None))
        return
    participle = verb in ("posted", "published", "released", "issued", "shared") and not re.search(
        r"\b(?:has|have|had|was|were|is|are)\s+$", prefix
    )
    if participle and lex.DOCUMENT_SUBJECT.search(prefix.rstrip()):
        return  # "A video posted on social media by X showed", "In a statement posted to Telegram, X said": no cue
    progressive = verb in lex.PROGRESSIVE and lex.PASSIVE.search(prefix)
    if progressive:  # progressive: "California fire officials are warning residents"
        prefix = prefix[: progressive.start()]
    elif verb in lex.PROGRESSIVE or lex.PASSIVE.search(prefix):  # passive: "is reported to be": no speaker
        return
    if verb in ("reported", "confirmed", "reports") and (
        lex.PARTICIPLE.match(rest) and lex.COUNTED.search(prefix.rstrip())
    ):
        return  # participle: "with hundreds reported missing", "no deaths reported"
    relative = verb in ("say", "says", "said") and _RELATIVE_SPEECH.search(prefix)
    if re.match(r"\s+(?:missing|dead|killed)\b", rest) and not relative:
        return  # but relative_speech: "an air strike which local officials say killed …" is the officials'
    if _ATTRIBUTIVE.search(prefix) and re.match(r"\s+(?!that\b|by\b|to\b|on\b|in\b)[a-z]+\b", rest):
        return  # attributive_participle: "the highest publicly reported toll", "the reported death toll"
    if verb == "described" and re.fullmatch(
        r"\s+(?:the|a|an|his|her|their|its)\s+(?:(?!\bas\b)[^,;:“\"])*[.!]?\s*", rest
    ):
        return  # described_object: "Eyewitnesses described the devastating aftermath." states nothing yet
    added = re.match(r"\s+((?:[a-z]+\s+){1,3})to\s", rest) if verb in ("added", "adds") else None
    if added and not set(added.group(1).split()) & (
        lex.AUXILIARIES | {"that", "it", "they", "he", "she", "was", "were", "is", "are", "be"}
    ):
        return  # added_object: "Freezing temperatures added additional concerns to rescuers" is no speech
    late = _named_after(prefix, rest) if verb not in ("told", "quoted", "telling", "saying") else None
    late = None if interrupted_subject(prefix, None) else late  # "The LNA, which …, confirmed a strike" (twelfth)
    if late is not None:  # inverted_after_clause: "… other waterborne diseases, said S.K. Gupta, an army officer"
        out.append((m.start(), "inverted", late, verb, None))
        return
    doc = document_speaker(prefix)  # released_by, obtained_by: "Video footage obtained by Reuters showed"
    if doc is not None:
        out.append((m.start(), "told" if doc[1] else "speaker", doc[0], verb, doc[1]))
        return
    found = place_appositive(subject_before(prefix))  # not "Maiduguri" in "a source in the state capital, Maiduguri,"
    subj: Any = postmodified_head(prefix, found)  # not "the strike" in "a man wounded in the strike"
    subj = named_body(prefix, subj)  # not "a separatist group" in "A separatist group, the X, claimed"
    subj = interrupted_subject(prefix, subj)  # "The LNA, which is allied to …, confirmed" (twelfth pass)
    subj = participle_object(prefix, subj)  # "The Tripoli government opposing Haftar said" (twelfth pass)
    subj = unpunctuated_appositive(prefix, subj)  # "Azem Bermendoa Agouna an army spokesman said" (twelfth pass)
    subj = identified_as(prefix) or subj  # identified_as (kit.draft.misreads): "who identified himself only as Ilyas"
    subj = own_subject_pronoun(prefix, subj)  # own_subject_pronoun: "Klymenko cited information that he said"
    if relative and isinstance(subj, Mention) and re.match(r"(?:that|which)\s", subj.text):
        subj = Mention(subj.text.split(None, 1)[1], subj.common, subj.about, subj.affiliation)  # "that police"
    if subj == "and":
        subj = next((c[2] for c in reversed(out) if c[1] in ("speaker", "told")), None)
    if subj is None and verb not in ("telling", "saying"):
        subj = shared_subject(prefix)  # "Residents of Al Daraja combed through the wreckage …, but said …"
    if subj == "negated":
        return
    if isinstance(subj, Mention) and not subj.common and time_opening(subj.text):
        subj = None  # time_opening (kit.draft.misreads): "Last November, the Houthis began …, saying"
    bare = subj is None and prefix.rstrip().endswith(",") or isinstance(subj, Mention) and subj.common
    if verb in ("telling", "saying") and preposition_object(prefix, subj):
        return  # preposition_object (kit.draft.misreads): "He passed through the first checkpoint saying"
    if verb in ("telling", "saying") and bare:  # participle_subject: "Ohio Gov. John Kasich suspended …, telling …"
        openings = lex.OPENING_NAME.findall(prefix)  # "Sanders started out their ninth debate saying …"
        openings = [o for o in openings if not time_opening(o)]  # time_opening: "Last November"
        named = subject_before(openings[-1]) if openings else None
        subj = named if isinstance(named, Mention) and not named.common else subj
    if subj is None:
        if not lex.INVERTED.search(prefix) or verb in ("told", "quoted", "telling", "saying"):
            return
        subj = object_after(rest)  # inverted: "…,” said Bali", "…, say traumatised viewers"
        if subj is None or not _names_speaker(rest, subj) or not inverted_closes(rest, subj):  # kit.draft.inverted
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
    what_was = re.search(r"\b(?:in|to|of|on|at|by|from|for|into|after|amid)\s+what\s+\S+(?:\s+\S+)?\s*$", prefix)
    what_was = what_was and _WHAT_WAS.match(rest)
    if at >= 0 and lex.SUBORDINATE.search(prefix[: at + len(subj.text)] + " ") and not what_was:
        return  # "if they have reported someone missing": not an attribution; but what_was (twelfth pass)
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
    shared = shared_head(prefix, subj)  # "Nigerian government and military officials": two speakers, one head
    if shared:
        out.extend((m.start(), "speaker", one, verb, None) for one in shared)
        return
    pair = split_pair(subj)  # coordinated_pair; conjoined_speakers: "the Lebanese Health Ministry and state-media"
    out.extend((m.start(), "speaker", one, verb, None) for one in (split_conjuncts(subj) if len(pair) == 1 else pair))
    at = prefix.rfind(subj.text)
    before = prefix[:at].rstrip() if at >= 0 else ""
    if before.endswith(" and"):  # coordinated: "officials and state media said"
        other = subject_before(before[:-4])
        joined = (
            speaker_like(other) or speaker_head(other) and own_referent(subj) if isinstance(other, Mention) else False
        )
        if joined:  # conjoined_speakers: "Mali’s government and the French army denied"
            lead = before[:-4].rstrip()
            lead = lead[: len(lead) - len(other.text)] if lead.endswith(other.text) else "x"
            if not lead.strip() or lead.rstrip().endswith((",", ";", ":")) or re.search(r"\bwhat$", lead.rstrip()):
                out.append((m.start(), "speaker", other, verb, None))


#: source_noun (tenth pass): "according to", "as per", "citing" and at most three words before a plural noun
_SOURCE_NOUN = re.compile(r"\b(?:according to|as per|citing|quoting)\s+(?:[\w’'-]+\s+){0,3}$", re.I)
#: what_was (twelfth pass): "in what Israel said was a rocket attack", "in what officials described as the worst …":
#: a free relative whose verb is followed by a copula or "as" gives the speaker's words, a short subject or not
_WHAT_WAS = re.compile(r"\s+(?:was|were|is|are|had been|has been|as)\s")
#: relative_speech: a relative pronoun, then at most three words of a speaker, right before "say"/"said"
_RELATIVE_SPEECH = re.compile(r"\b(?:which|that)\s+(?:[\w’'-]+\s+){0,2}[\w’'-]+\s*$")


def _named_after(prefix: str, rest: str) -> Mention | None:
    """A name right after a verb that follows a comma, and then a comma or the sentence's end: the speaker of the
    clause before, however long ("…, said Gina Oviedo, who described …"); not "…, said Smith was killed"."""
    if not re.search(r"[^”\"’],\s*$", prefix):
        return None
    obj = object_after(rest)
    described = obj is not None and obj.common and re.match(r"\s*(?:a|an|one|another)\s", rest)
    if obj is None or obj.common and not described:  # described_after: "…, said a witness, a member of …"
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
        or outlet_of(m.text) is not None  # outlet_after (tenth pass): "…,” said official IRNA news agency."
        or first.lower() in ("the", "a", "an", "his", "her", "its", "their", "local", "several", "one", "another")
    ):
        return True
    last = m.text.split()[-1].lower()
    return last.endswith("s") and len(m.text.split()) <= 3 and last not in ("this", "that", "thus", "was", "is")
