"""The ``same_figure`` and ``same_attribution`` signals.

``same_figure``: a claim that cites nothing (no followed supporting citation) gives exactly the figure (``low``
and ``high``) that a claim of another publisher gave on the same proposition shortly before, and the figure is
unusual: not a round number (a multiple of 5, or under 10; "more than 200" is read as 200), and given by at most
:data:`MAX_SHARING` claims of the proposition. It is paired with the first claim that gave the figure.

``same_attribution``: two claims on the same proposition quote anonymous sources in the same words ("two of the
Russians said", "a senior US official, speaking on condition of anonymity"); the later is paired with the first
claim of another publisher that used the wording. Only wording that names nobody counts: a number of people
"of the" group, a number or an article before a word for unnamed people ("sources", "officials", "residents"),
"according to" such people, or the formulas of anonymity; "the statement said" or "said another 13 people"
after a named speaker do not.

A figure that both claims attribute to the same named origin ("..., the Observatory said", "according to the
health ministry") is a shared origin, not copying: ``same_figure`` does not pair them (:func:`named_origins`).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from kit.auditing.anonymous import anonymous_wordings
from kit.auditing.hashing import mix64
from kit.auditing.minhash import distinct
from kit.auditing.rows import pair_rows
from kit.auditing.text import STOP_WORDS

__all__ = [
    "NAMED_HINT",
    "same_origin",
    "WINDOW_HOURS",
    "MAX_SHARING",
    "unusual",
    "named_origins",
    "same_figure",
    "same_attribution",
]

#: how close in time (hours) two reports of the same unusual figure must be for same_figure
WINDOW_HOURS = 72
#: a figure given by more than this many claims of a proposition is not unusual
MAX_SHARING = 3
_NS_HOUR = 3_600_000_000_000


def unusual(low, high):
    """True where a figure is not round: its said value is 10 or more and not a multiple of 5.

    The said value of an open range ("more than 200": low 201, high empty) is ``low - 1``.

    Parameters
    ----------
    low, high : numpy.ndarray of float
        NaN where empty.

    Returns
    -------
    numpy.ndarray of bool

    Examples
    --------
    >>> unusual(np.array([217., 201., 200., 7., 130.]), np.array([217., np.nan, 200., 7., 142.])).tolist()
    [True, False, False, False, True]
    """
    low, high = np.asarray(low, dtype=float), np.asarray(high, dtype=float)
    said = np.where(np.isnan(high), low - 1, low)

    def odd(x):
        return (x >= 10) & (np.mod(x, 5) != 0)

    return odd(said) | (~np.isnan(high) & odd(high))


def _first_before(group, claims, members):
    """For each member (time order): the first earlier member of its group with another publisher, or -1.

    That is the group's first member when its publisher differs, else the group's first member of a publisher
    other than the first's, if that one is earlier.
    """
    out = np.full(len(members), -1, dtype=np.int64)
    if len(members) == 0:
        return out
    order = np.lexsort((members, group))
    g, mem = group[order], members[order]
    pub = claims.publisher[mem]
    start = np.flatnonzero(np.concatenate([[True], g[1:] != g[:-1]]))
    run = np.repeat(np.arange(len(start)), np.diff(np.concatenate([start, [len(g)]])))
    head = mem[start][run]
    differs = pub != pub[start][run]
    second = np.full(len(start), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(second, run[differs], mem[differs])  # members are in time order: the smallest is the first
    second = second[run]
    answer = np.where(differs, head, np.where(second < mem, second, -1))
    out[order] = answer
    return out


def _fmt(low, high) -> str:
    lo = f"{low:,.0f}"
    if np.isnan(high):
        return f"{lo} or more"
    return lo if high == low else f"{lo}–{high:,.0f}"


def _copied_same(u, v, copied, same) -> np.ndarray:
    """True where ``u`` already repeats the words of another claim ``s`` (``copied[u]``) for which ``same(u, s)``."""
    out = np.zeros(len(u), dtype=bool)
    if copied:
        for i, (a, b) in enumerate(zip(u.tolist(), v.tolist(), strict=False)):
            out[i] = any(s != b and same(a, s) for s in copied.get(a, ()))
    return out


_CAP = r"[A-Z][\w'’.-]*(?:\s+(?:of|for|the|de|al)?\s*[A-Z][\w'’.-]*)*"
_NAMED = re.compile(
    rf"\baccording to (?:the |a )?({_CAP})"
    rf"|\b(?:the |The )?({_CAP}),? (?:said|says|reports|told|(?:reported|announced|confirmed)(?! by)|(?=quoted\b))"
    rf"|\b(?:said|reported|told|announced) (?:the )?({_CAP})"
    rf"|\b(?:announced|reported|confirmed|given|released|issued|put out) by (?:the )?({_CAP})"
    rf"|\bquoted (?:the )?({_CAP}) as saying"
)


#: what every text :func:`named_origins` reads a name in holds (a regular expression Python's ``re`` and pyarrow's
#: RE2 read alike, a fast first cut in bulk): "according to" or a reporting verb next to a capitalised word
NAMED_HINT = (
    r"according to (?:the |a )?[A-Z]|[A-Z]\S*,? (?:said|says|reports|told|reported|announced|confirmed|quoted)"
    r"|(?:said|reported|told|announced) (?:the )?[A-Z]"
    r"|(?:announced|reported|confirmed|given|released|issued|put out) by (?:the )?[A-Z]|quoted (?:the )?[A-Z]"
)

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def same_origin(a: set, b: set) -> bool:
    """Two sets of :func:`named_origins` name one origin: a name of one holds all the words of a name of the other
    ("president rafael correa" and "rafael correa").

    Parameters
    ----------
    a, b : set of str
        Lower-cased names, as :func:`named_origins` gives them.

    Returns
    -------
    bool

    Examples
    --------
    >>> same_origin({"president rafael correa"}, {"rafael correa"}), same_origin({"reuters"}, {"rafael correa"})
    (True, False)
    """
    return any(set(x.split()) <= set(y.split()) or set(y.split()) <= set(x.split()) for x in a for y in b)


def named_origins(text: str) -> set:
    """The named origins a text attributes its words to: capitalised names after "according to", before or after a
    reporting verb ("the Observatory said", "said Rafael Correa"), letter case aside; not people "of" a group.

    Parameters
    ----------
    text : str

    Returns
    -------
    set of str

    Examples
    --------
    >>> sorted(named_origins("At least 217 died, the Syrian Observatory for Human Rights said on Monday."))
    ['syrian observatory for human rights']
    >>> named_origins("At least 217 died, two of the Russians said.")
    set()
    >>> named_origins("The toll rose to 77, said Rafael Correa.") == named_origins("Rafael Correa said the toll rose.")
    True
    """
    out = set()
    for m in _NAMED.finditer(text or ""):
        if re.search(r"\bof (?:the )?$", text[: m.start()] + (m.group(0).split(m.group(2))[0] if m.group(2) else "")):
            continue  # "two of the Russians said": people of a group, not a named origin
        name = next(g for g in m.groups() if g)
        name = name.rstrip(".’'")  # a name at the end of a sentence: "said Rafael Correa." is Rafael Correa
        words = [w for w in name.split() if w not in ("The", "A", "He", "She", "They", "It", "But", "And")]
        while words and words[-1] in _DAYS:  # "announced by President Rafael Correa Sunday morning"
            words = words[:-1]
        if words:
            out.add(" ".join(words).casefold())
    return out


def same_figure(claims, copied=None) -> pd.DataFrame:
    """Pairs (later, earlier) giving the same unusual figure within :data:`WINDOW_HOURS` hours.

    A claim that repeats the words of another claim with the same figure (``copied``: later -> earlier claims of
    the ``shared_text`` signal) is not paired again for the figure: its words explain it.

    ``score = (1 - (k - 1) / n) * (1 - gap / window)``: ``k`` claims of the proposition give the figure out of
    ``n`` that give any figure (the fewer share it, the less likely a coincidence), and ``gap`` is the time
    between the two (middle of each possible publication time).

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    copied : dict, optional
        Later -> earlier time-order positions of the ``shared_text`` pairs.

    Returns
    -------
    pandas.DataFrame
        Columns ``later``, ``earlier`` (time-order positions), ``signal``, ``score``, ``evidence``.

    Examples
    --------
    >>> import kit
    >>> from kit.auditing.context import claims_in_time_order
    >>> same_figure(claims_in_time_order(kit.testing.synth.make_case(30))).columns.tolist()
    ['later', 'earlier', 'signal', 'score', 'evidence']
    """
    has = ~np.isnan(claims.low) & (claims.proposition >= 0)
    idx = np.flatnonzero(has & unusual(claims.low, claims.high))
    group, _ = pd.factorize(
        mix64(claims.proposition[idx])
        ^ mix64(claims.low[idx].view(np.int64) + 1)
        ^ mix64(np.nan_to_num(claims.high[idx], nan=-1).view(np.int64) + 2)
    )
    k = np.bincount(group)[group] if len(group) else group
    n_prop = np.bincount(claims.proposition[has], minlength=int(claims.proposition.max(initial=-1)) + 1)
    sel = (k >= 2) & (k <= MAX_SHARING)
    idx, group, k = idx[sel], group[sel], k[sel]
    v = _first_before(group, claims, idx)
    u = idx
    gap = (claims.middle[u] - claims.middle[np.maximum(v, 0)]) / _NS_HOUR
    ok = (v >= 0) & claims.cites_nothing[u] & (gap <= WINDOW_HOURS)
    u, v, k, gap = u[ok], v[ok], k[ok], gap[ok]

    def same(a, b):
        return claims.low[a] == claims.low[b] and (
            claims.high[a] == claims.high[b] or np.isnan(claims.high[a]) and np.isnan(claims.high[b])
        )

    ok = ~_copied_same(u, v, copied, same)
    u, v, k, gap = u[ok], v[ok], k[ok], gap[ok]
    if len(u):  # a figure both attribute to the same named origin rests on that origin
        import pyarrow as pa
        import pyarrow.compute as pc

        at = distinct(np.concatenate([u, v]))  # each text read once; in bulk, only those NAMED_HINT finds
        texts = claims.text.take(pa.array(at))
        hint = pc.fill_null(pc.match_substring_regex(texts, NAMED_HINT), False).to_pylist()
        read = zip(at.tolist(), texts.to_pylist(), hint, strict=True)
        names = {a: named_origins(t) if h else set() for a, t, h in read}
        pairs = zip(u.tolist(), v.tolist(), strict=True)
        ok = np.array([not same_origin(names[a], names[b]) for a, b in pairs], dtype=bool)
        u, v, k, gap = u[ok], v[ok], k[ok], gap[ok]
    n = n_prop[claims.proposition[u]]
    sc = (1 - (k - 1) / n) * (1 - gap / WINDOW_HOURS)
    ev = [
        f"both give {_fmt(claims.low[a], claims.high[a])} on the same question ({kk} of {nn} claims with a "
        f"figure give it); this one {g:.0f} h later and citing nothing"
        for a, kk, nn, g in zip(u, k, n, gap, strict=False)
    ]
    return pair_rows(u, v, "same_figure", sc, ev)


def same_attribution(claims, corp, copied=None, wordings=None) -> pd.DataFrame:
    """Pairs (later, earlier) on the same proposition quoting anonymous sources in the same words.

    As in :func:`same_figure`, a claim that repeats the words of another claim with the same wording is not paired
    again for it.

    ``score = (1 - exp(-c / 1.5)) / (1 + ln(f / 2))``: ``c`` is the number of content words in the wording
    (the more specific, the less likely a coincidence) and ``f`` the number of claims in the whole case that use it
    (a stock formula used everywhere counts less).

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    corp : kit.auditing.text.Corpus
        The words of ``claims.text``.
    copied : dict, optional
        As for :func:`same_figure`.
    wordings : list of (int, str), optional
        :func:`kit.auditing.anonymous.anonymous_wordings` of ``corp``, if already made.

    Returns
    -------
    pandas.DataFrame
        As :func:`same_figure`'s.

    Examples
    --------
    >>> import kit
    >>> from kit.auditing.context import claims_in_time_order
    >>> from kit.auditing.text import corpus
    >>> c = claims_in_time_order(kit.testing.synth.make_case(30))
    >>> same_attribution(c, corpus(c.text)).empty
    True
    """
    found = anonymous_wordings(corp) if wordings is None else wordings
    if not found:
        return pair_rows([], [], "same_attribution", [], [])
    idx = np.array([i for i, _ in found], dtype=np.int64)
    phrase = np.array([p for _, p in found], dtype=object)
    codes, uniq = pd.factorize(phrase)
    f = np.bincount(codes)[codes]
    group, _ = pd.factorize(claims.proposition[idx].astype(np.int64) * (int(codes.max()) + 1) + codes)
    v = _first_before(group, claims, idx)
    ok = (v >= 0) & (claims.proposition[idx] >= 0)
    u, v, phrase, f = idx[ok], v[ok], phrase[ok], f[ok]
    said, copied = set(found), copied or {}  # said: (text, wording)
    pairs = zip(u.tolist(), v.tolist(), phrase, strict=False)
    ok = np.array([not any(s != b and (s, p) in said for s in copied.get(a, ())) for a, b, p in pairs], dtype=bool)
    u, v, phrase, f = u[ok], v[ok], phrase[ok], f[ok]
    c = np.array([sum(w not in STOP_WORDS for w in p.split()) for p in phrase], dtype=float)
    sc = (1 - np.exp(-c / 1.5)) / (1 + np.log(f / 2))
    ev = [
        f"both quote anonymous sources as “{p}” ({ff} claim{'s' if ff != 1 else ''} in the case use these words)"
        for p, ff in zip(phrase, f, strict=False)
    ]
    return pair_rows(u, v, "same_attribution", sc, ev)
