"""Shared quotations: two claims that quote the same words of the same speaker rest on the speaker, not on each other.

The exact check (:mod:`kit.auditing.exact`) counts apart the word pairs that both claims put inside quotation marks.
When such a *shared quotation* holds :data:`kit.auditing.exact.MIN_WORDS` words in passages of
:data:`kit.auditing.exact.MIN_RUN` and the two claims do not also share enough of their own prose to be a
``shared_text`` pair, the pair is a shared quotation: evidence that both quote the speaker, never that one outlet
rests on the other. :func:`shared_quotes` lists them; :func:`kit.auditing.audit` suggests citing the speaker (signal
``shared_quote``) only when the speaker is a source of the case (:func:`resolve_speaker`).

The speaker is read from the words around the quotation (:func:`speaker`): a name of capitalised words next to a
reporting verb ("..., Sergio Pirozzi said", "said Rafael Correa", "Macron said: ..."). Two claims naming speakers
with no word in common quote different people: their shared words are then counted as shared prose
(:func:`kit.auditing.audit` lists the pair as ``shared_text``, saying so).

A quotation is the speaker's, but the words a reporter puts around it are the reporter's: when two claims quote
the same words *and* share at least :data:`FRAMING_WORDS` words of the framing around them ("he said, adding that the
cathedral inferno had shown that ..."; the speaker's own name does not count, nor does a bare "he said", nor the
channel a statement was posted on, "social media platform X", which two outlets quoting one post name alike), the
quotation was copied with its framing, and :func:`framed_quotes` lists the pair as copied prose, the quoted words
counted with the framing; so too when the quotation alone is too short to count (a few quoted words in a sentence
repeated whole).
"""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pandas as pd

from kit.auditing.exact import GAP, MIN_WORDS, exact_check
from kit.auditing.marks import SPEECH_VERB
from kit.auditing.rows import pair_rows
from kit.auditing.signals import passages
from kit.auditing.weights import score

__all__ = [
    "FRAMING_WORDS",
    "CHANNEL_WORDS",
    "speaker",
    "full_names",
    "one_entity",
    "resolve_speaker",
    "speaker_index",
    "shared_quotes",
    "framed_quotes",
]

#: a shared quotation whose framing shares at least this many words (not the speaker's name) is copied prose: one
#: fewer than shared prose alone needs, and more than an attribution such as "told reporters in Paris on Tuesday"
FRAMING_WORDS = MIN_WORDS - 1
#: words that name where a statement was posted ("… in a post on social media platform X", "wrote on Twitter"): the
#: speaker's channel, part of the attribution, not framing a reporter wrote (two outlets quoting one post name it alike)
CHANNEL_WORDS = ("social", "media", "platform", "x", "twitter", "facebook", "instagram", "post", "tweet", "account")

_VERB = SPEECH_VERB
_NAME = r"((?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|de|del|al|bin|van|von|la|le))*)"
#: a name after the quotation, before a reporting verb; up to four lower-case words of a description may lead it,
#: a possessive among them ("…,” the airline’s spokesman Sudarshan Bartaula told AFP": without it the name read was
#: the one spoken to, "told AFP", and the same words were read as given to different people)
_AFTER = re.compile(
    rf"[”\"»][,.]?\s+(?:{_VERB}\s+)?(?:[a-z][\w'’-]*\s+){{0,4}}?(?:[A-Z][\w-]*,\s+)?{_NAME},?\s+(?:{_VERB}|\(|\d)"
)
_VERB_NAME = re.compile(rf"\b{_VERB}\s+{_NAME}")
#: a name before a reporting verb and a quotation; a pronoun between them is the speaker ("Furthermore, he declared
#: that ... “...”" names no one)
_BEFORE = re.compile(
    rf"{_NAME},?\s+(?:(?!(?:he|she|they|we|it|i)\b)[a-z][\w-]*\s+){{0,3}}?{_VERB}\b[^“\"«]{{0,40}}[“\"«]"
)
_NOT_NAMES = {"The", "A", "An", "But", "And", "He", "She", "They", "It", "We", "I", "This", "That", "Mr", "Mrs", "Ms"}


def speaker(text: str) -> str:
    """The name of the person a claim quotes, read from the words around its quotation ("" if it names none).

    Parameters
    ----------
    text : str

    Returns
    -------
    str

    Examples
    --------
    >>> speaker('“Only a miracle can bring our friends back,” town Mayor, Sergio Pirozzi, told reporters.')
    'Sergio Pirozzi'
    >>> speaker('Paris fire brigade chief Jean-Claude Gallet said “we can consider it saved”.')
    'Jean-Claude Gallet'
    >>> speaker('“Only a miracle can bring our friends back,” he told reporters.')
    ''
    >>> speaker('“Rescue is underway,” the airline’s spokesman Sudarshan Bartaula told AFP.')
    'Sudarshan Bartaula'
    >>> speaker('Furthermore, he declared that the incident “will not pass without accountability.”')
    ''
    """
    for pattern in (_AFTER, _VERB_NAME, _BEFORE):
        for m in pattern.finditer(text):
            words = [w.strip(".,’'") for w in m.group(1).split()]
            while words and (words[0] in _NOT_NAMES or words[0].lower() in ("president", "mayor", "minister")):
                words = words[1:]
            if words and words[0][:1].isupper():
                return " ".join(_tail_name(words))
    return ""


def _tail_name(words: list[str]) -> list[str]:
    """A title before a name is dropped: the last run of capitalised words that are not titles."""
    titles = {"Mayor", "President", "Minister", "Premier", "Chief", "Chancellor", "Secretary", "Governor", "General"}
    keep: list[str] = []
    for w in reversed(words):
        if w in titles:
            break
        keep.append(w)
    return list(reversed(keep)) or words


_FULL_NAME = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")


def full_names(texts) -> list:
    """The names of two capitalised words or more in ``texts`` (each as a set of lower-case words), for
    :func:`one_entity`.

    Parameters
    ----------
    texts : iterable of str

    Returns
    -------
    list of frozenset

    Examples
    --------
    >>> sorted(full_names(["Head of BMKG Dwikorita Karnawati warned that the quake was strong."])[0])
    ['bmkg', 'dwikorita', 'karnawati']
    """
    out: list = []
    for t in texts:
        out.extend(frozenset(m.group().casefold().split()) for m in _FULL_NAME.finditer(t or ""))
    return out


def one_entity(a: str, b: str, names=()) -> bool:
    """Do the speaker names ``a`` and ``b`` name one person? Yes when they share a word, or when both are parts of one
    full name in ``names`` (the full names of the same story, :func:`full_names`): "Karnawati said" and "said
    Dwikorita" are Dwikorita Karnawati when the story names her so. An empty name resolves to anyone.

    Parameters
    ----------
    a, b : str
    names : iterable of frozenset

    Returns
    -------
    bool

    Examples
    --------
    >>> one_entity("Karnawati", "Dwikorita", [frozenset({"dwikorita", "karnawati"})])
    True
    >>> one_entity("Karnawati", "Dwikorita")
    False
    """
    wa, wb = set(a.casefold().split()), set(b.casefold().split())
    if not (wa and wb) or wa & wb:
        return True
    return any(wa <= n and wb <= n for n in names)


def resolve_speaker(name: str, sources) -> str:
    """The ``source_id`` of the source ``name`` resolves to: equal names (letter case aside), or the one source whose
    name holds all of the name's words, or whose words the name holds all of ("" if none, or more than one).

    Parameters
    ----------
    name : str
    sources : pandas.DataFrame or dict
        The case's sources (``source_id``, ``name``), or :func:`speaker_index` of them (faster for many names).

    Returns
    -------
    str

    Examples
    --------
    >>> s = pd.DataFrame({"source_id": ["correa", "reuters"], "name": ["President Rafael Correa", "Reuters"]})
    >>> resolve_speaker("Rafael Correa", s), resolve_speaker("Sergio Pirozzi", s)
    ('correa', '')
    """
    if not name:
        return ""
    index = sources if isinstance(sources, dict) else speaker_index(sources)
    want = frozenset(name.casefold().split())
    maybe = set().union(*(index.get(w, set()) for w in want))
    hits = [sid for sid, words in maybe if want <= words or words <= want]
    return hits[0] if len(hits) == 1 else ""


def speaker_index(sources: pd.DataFrame, words=None) -> dict:
    """The sources' names by word, for :func:`resolve_speaker`.

    Parameters
    ----------
    sources : pandas.DataFrame
        ``source_id`` and ``name``.
    words : set of str, optional
        Only the sources whose name has one of these (lower-case) words are indexed.

    Returns
    -------
    dict
        word -> {(source_id, frozenset of the name's words)}, words lower-cased.

    Examples
    --------
    >>> [(sid, sorted(words)) for sid, words in speaker_index(pd.DataFrame({"source_id": ["correa"],
    ...                                                                       "name": ["Rafael Correa"]}))["correa"]]
    [('correa', ['correa', 'rafael'])]
    """
    index: dict = {}
    names = sources["name"].astype(str).str.casefold().str.replace(",", " ")
    if words is not None:  # a vectorised first cut: the names holding any of the words
        split = names.str.split().explode()
        names = names[split[split.isin(set(words))].index.unique()]
    sids = sources.loc[names.index, "source_id"]
    for sid, sname in zip(sids.tolist(), names.tolist(), strict=True):
        name_words = frozenset(sname.split())
        for w in name_words:
            index.setdefault(w, set()).add((str(sid), name_words))
    return index


def shared_quotes(claims, corp, found, *, min_score: float = 0.5) -> pd.DataFrame:
    """Pairs (later, earlier) of claims of different publishers that quote the same words (see the module's
    docstring): for each later claim, the earliest such claim.

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    corp : kit.auditing.text.Corpus
    found : kit.auditing.signals.Matches
    min_score : float
        Only pairs whose shared quotation scores this (:func:`kit.auditing.weights.score`) are listed.

    Returns
    -------
    pandas.DataFrame
        ``later``, ``earlier`` (time-order positions), ``signal`` (``shared_quote``), ``score``, ``evidence``
        (the quoted passage as the later claim has it), ``speaker`` (the name each claim gives, "" when neither
        names one), ``same_speaker`` (False when both name a speaker and the names are not one person:
        :func:`one_entity`).

    Examples
    --------
    >>> import kit
    >>> from kit.auditing.context import claims_in_time_order
    >>> from kit.auditing.signals import matches
    >>> from kit.auditing.text import corpus
    >>> c = claims_in_time_order(kit.testing.synth.make_case(40, seed=1, copy_rate=0.3))
    >>> shared_quotes(c, corpus(c.text), matches(corpus(c.text))).columns.tolist()
    ['later', 'earlier', 'signal', 'score', 'evidence', 'speaker', 'same_speaker']
    """
    q = found.check["quote"]
    sel = np.flatnonzero((q["words"] >= MIN_WORDS) & (q["score"] >= min_score))
    u, v = found.later[sel], found.earlier[sel]
    ok = (v < u) & (claims.publisher[u] != claims.publisher[v]) & (claims.publisher[u] >= 0)
    sel, u, v = sel[ok], u[ok], v[ok]
    order = np.lexsort((v, u))
    sel, u, v = sel[order], u[order], v[order]
    first = np.concatenate([[True], u[1:] != u[:-1]]) if len(u) else np.zeros(0, dtype=bool)
    sel, u, v = sel[first], u[first], v[first]
    import pyarrow as pa

    tu = claims.text.take(pa.array(u)).to_pylist() if len(u) else []
    tv = claims.text.take(pa.array(v)).to_pylist() if len(v) else []
    names, same, evidence = [], [], []
    story: dict = {}  # the full names of each proposition, read when needed
    for a, j, x, y in zip(u.tolist(), sel.tolist(), tu, tv, strict=True):
        sa, sb = speaker(x or ""), speaker(y or "")
        names.append(sa or sb)
        evidence.append(passages(x or "", corp, a, j, q["passages"]))
        if one_entity(sa, sb):
            same.append(True)
            continue
        p = int(claims.proposition[a])
        if p not in story:
            at = np.flatnonzero(claims.proposition == p) if p >= 0 else np.array([a], dtype=np.int64)
            story[p] = full_names(claims.text.take(pa.array(at)).to_pylist())
        same.append(one_entity(sa, sb, story[p]))
    return pd.DataFrame(
        {
            "later": u.astype(np.int64),
            "earlier": v.astype(np.int64),
            "signal": "shared_quote",
            "score": q["score"][sel].astype(float),
            "evidence": pd.Series(evidence, dtype=object),
            "speaker": pd.Series(names, dtype=object),
            "same_speaker": np.array(same, dtype=bool),
        }
    )


def framed_quotes(claims, corp, found, *, min_score: float = 0.5) -> pd.DataFrame:
    """Pairs (later, earlier) of claims of different publishers that quote the same words and share the framing around
    them: at least :data:`FRAMING_WORDS` shared words outside the quotation marks that are not the speaker's name
    nor the channel the statement was posted on (:data:`CHANNEL_WORDS`; see the module's docstring), in pairs whose
    shared prose alone is too short to be ``shared_text``: pairs sharing a quotation, and pairs of two texts that
    both quote whose shared quotation alone is too short to count ("The rescue effort is “reaching a critical
    stage,” … with more deaths likely as time passes" repeated whole). The quoted words and the framing are counted
    together, each pair with its own words (a text with the same words as its group's first may have other content
    words, its quotation marks read otherwise)
    (passages as :func:`kit.auditing.exact.exact_check` makes them, as if nothing were quoted) and scored against
    all the later claim's words; for each later claim, the strongest pair.

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    corp : kit.auditing.text.Corpus
    found : kit.auditing.signals.Matches
    min_score : float

    Returns
    -------
    pandas.DataFrame
        ``later``, ``earlier`` (time-order positions), ``signal`` (``shared_text``), ``score``, ``evidence``
        ("copied prose: " the shared framing, then "; both quote: " the quoted words, as the later claim has them).

    Examples
    --------
    >>> import kit
    >>> from kit.auditing.context import claims_in_time_order
    >>> from kit.auditing.signals import matches
    >>> from kit.auditing.text import corpus
    >>> c = claims_in_time_order(kit.testing.synth.make_case(40, seed=1, copy_rate=0.3))
    >>> framed_quotes(c, corpus(c.text), matches(corpus(c.text))).columns.tolist()
    ['later', 'earlier', 'signal', 'score', 'evidence']
    """
    q, p = found.check["quote"], found.check["prose"]
    # a quotation too short to count on its own (both texts quote, no quotation counted) may still be framed
    short = (q["words"] == 0) & (found.quote_weight[found.later] > 0) & (found.quote_weight[found.earlier] > 0)
    sel = np.flatnonzero(((q["words"] > 0) | short) & (p["words"] == 0))
    if len(sel) == 0:
        return pair_rows([], [], "shared_text", [], [])
    pub = claims.publisher
    texts: list = []  # (later text, earlier text, index into sel): a group's own pair (equal words) to its members
    for i, (hu, hv) in enumerate(zip(found.later[sel].tolist(), found.earlier[sel].tolist(), strict=True)):
        if hu != hv:
            texts.append((hu, hv, i))
            continue
        members = np.flatnonzero(found.codes == found.codes[hu])
        for m in members[1:].tolist():
            other = members[(members < m) & (pub[members] != pub[m])]
            if len(other):
                texts.append((m, int(other[0]), i))
    texts = [(a, b, i) for a, b, i in texts if b < a and pub[a] != pub[b] and pub[a] >= 0]
    # each pair checked as if nothing were quoted, its own words (a group's member may hold other content words than
    # its first text: quotation marks read otherwise make other words attribution)
    flat = dataclasses.replace(corp, quoted=np.zeros_like(corp.quoted))
    pairs = np.array([(a, b) for a, b, _ in texts], dtype=np.int64).reshape(-1, 2)
    both = exact_check(flat, found.pairs, pairs[:, 0], pairs[:, 1])["prose"]
    owner, rel, _ = both["positions"]
    import pyarrow as pa

    tu = claims.text.take(pa.array([a for a, _, _ in texts], type=pa.int64())).to_pylist()
    tv = claims.text.take(pa.array([b for _, b, _ in texts], type=pa.int64())).to_pylist()
    later: list = []
    earlier: list = []
    scores: list = []
    evidence: list = []
    bounds = np.searchsorted(owner, np.arange(len(texts) + 1))
    for k, ((a, b, i), x, y) in enumerate(zip(texts, tu, tv, strict=True)):
        sc = float(score(both["weight"][k], found.prose_weight[a] + found.quote_weight[a]))
        lo, hi = bounds[k], bounds[k + 1]
        at = corp.ptr[a] + rel[lo:hi]
        outside = ~corp.quoted[at]
        if sc < min_score or np.count_nonzero(outside) < FRAMING_WORDS:
            continue  # the cheap tests first: the speaker's name is read (regular expressions) only where it counts
        name = set((speaker(x or "") + " " + speaker(y or "")).casefold().split()) | set(CHANNEL_WORDS)
        framing = np.sort(rel[lo:hi][outside & ~np.isin(corp.vocab[corp.ids[at]], list(name))])
        if len(framing) < FRAMING_WORDS:
            continue
        if short[sel[i]]:  # no quotation counted on its own: the quoted words among those shared
            quoted = passages(x or "", corp, a, 0, _spans(np.sort(rel[lo:hi][~outside])))
        else:
            quoted = passages(x or "", corp, a, int(sel[i]), q["passages"])
        later.append(a)
        earlier.append(b)
        scores.append(sc)
        said = passages(x or "", corp, a, 0, _spans(framing))
        evidence.append("copied prose: " + said + ("; both quote: " + quoted if quoted else ""))
    out = pair_rows(later, earlier, "shared_text", scores, evidence)
    out = out.sort_values(["later", "score", "earlier"], ascending=[True, False, True], kind="stable")
    return out.drop_duplicates("later").reset_index(drop=True)


def _spans(at: np.ndarray) -> tuple:
    """Sorted word positions as passages (``(pair, first, last)``, pair 0): words at most :data:`GAP` apart are one."""
    if len(at) == 0:
        return at, at, at
    cut = np.flatnonzero(np.diff(at) > GAP + 1)
    first, last = at[np.concatenate([[0], cut + 1])], at[np.concatenate([cut, [len(at) - 1]])]
    return np.zeros(len(first), dtype=np.int64), first, last
