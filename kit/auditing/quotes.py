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
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from kit.auditing.exact import MIN_WORDS
from kit.auditing.signals import passages

__all__ = ["speaker", "resolve_speaker", "speaker_index", "shared_quotes"]

_VERB = r"(?:said|says|told|tells|added|warned|tweeted|wrote|stated|insisted|noted|declared|explained|pleaded)"
_NAME = r"((?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|de|del|al|bin|van|von|la|le))*)"
_AFTER = re.compile(
    rf"[”\"»][,.]?\s+(?:{_VERB}\s+)?(?:[a-z][\w-]*\s+){{0,4}}?(?:[A-Z][\w-]*,\s+)?{_NAME},?\s+(?:{_VERB}|\(|\d)"
)
_VERB_NAME = re.compile(rf"\b{_VERB}\s+{_NAME}")
_BEFORE = re.compile(rf"{_NAME},?\s+(?:[a-z][\w-]*\s+){{0,3}}?{_VERB}\b[^“\"«]{{0,40}}[“\"«]")
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
        names one), ``same_speaker`` (False when both name a speaker and the names share no word).

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
    for a, j, x, y in zip(u.tolist(), sel.tolist(), tu, tv, strict=True):
        sa, sb = speaker(x or ""), speaker(y or "")
        names.append(sa or sb)
        same.append(not (sa and sb) or bool(set(sa.casefold().split()) & set(sb.casefold().split())))
        evidence.append(passages(x or "", corp, a, j, q["passages"]))
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
