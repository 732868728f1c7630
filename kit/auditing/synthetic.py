"""Varied claim texts and hidden copies for synthetic cases (used by :func:`kit.testing.synth.make_case`).

Texts are made of invented words (syllables: no real name is used) so that text reuse can be measured:

* each story has 30 topic words and two stock phrases of three topic words; a text is 10 + Poisson(14) words:
  English stop words (35%), the story's topic words (25%), and words of a 40,000-word vocabulary drawn with
  heavy-tailed frequencies (40%: a word's frequency falls as ``1 / (rank + 2) ** 1.05``, so a few words are in a
  large share of all texts); 70% of texts carry one of the story's stock phrases, texts with a figure carry
  it as digits, and 15% end with an anonymous attribution (", two of the <word> said");
* **boilerplate**: 30% of texts end with one of 40 reporting formulas shared by all stories (", <word> <word>
  said on <word>", ", according to <word> <word>", ...), some far more common than others;
* **quotations**: each story has two statements of a named speaker; 3% of texts quote one verbatim
  (``, “<statement>,” <Name> <Name> said``): two such texts share the speaker's words, not each other's;
* syndicated claims (which cite a lead claim) carry the lead's text verbatim: declared copy;
* a *hidden copy* takes the text of an earlier claim of the same story by another publisher (which may itself be a
  hidden copy: copies of copies), with 10-20% of its words (the rate drawn per copy) replaced, deleted or
  followed by an inserted word (figures are kept, and so are the copied figures); a third of the copies add an
  attribution (", <word> reported") and a fifth are all lower case; it loses all its citations. The pairs
  (copy, copied) are the ground truth.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.auditing.minhash import member

__all__ = ["texts_and_copies", "with_hidden_copies"]

_CONS, _VOWELS = "bdfghjklmnprstvz", "aeiou"
_STOP = np.array(
    [
        "the",
        "a",
        "of",
        "in",
        "to",
        "and",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "was",
        "were",
        "that",
        "as",
        "is",
        "has",
        "had",
        "been",
    ],
    dtype=object,
)
_NUMS = np.array(["two", "three", "four", "five", "several"], dtype=object)
EDIT = 0.1


def _vocabulary(rng, size: int) -> np.ndarray:
    syl = np.array([c + v for c in _CONS for v in _VOWELS], dtype=object)
    n2, n3 = len(syl) ** 2, len(syl) ** 3
    pick = rng.choice(n2 + n3, size=size, replace=False)
    two = pick < n2
    out = np.empty(size, dtype=object)
    p = pick[two]
    out[two] = syl[p // len(syl)] + syl[p % len(syl)]
    p = pick[~two] - n2
    out[~two] = syl[p // len(syl) ** 2] + syl[(p // len(syl)) % len(syl)] + syl[p % len(syl)]
    return out


def texts_and_copies(story, publisher, syndicated_of, eligible, low, high, *, copy_rate: float, seed: int):
    """Texts for claims in publication order, with hidden copies.

    Parameters
    ----------
    story, publisher : numpy.ndarray of int
        Per claim (publication order).
    syndicated_of : numpy.ndarray of int
        The lead claim a syndicated claim repeats, -1 for others.
    eligible : numpy.ndarray of bool
        Claims that may become hidden copies.
    low, high : numpy.ndarray of float
        Figures (NaN where none).
    copy_rate : float
        Share of the eligible claims that become hidden copies (when an earlier claim of another publisher exists).
    seed : int

    Returns
    -------
    texts : numpy.ndarray of object
    low, high : numpy.ndarray of float
        With the copies' figures taken from what they copy.
    source : numpy.ndarray of int64
        The claim each hidden copy copies, -1 for others.

    Examples
    --------
    >>> t, lo, hi, src = texts_and_copies(np.array([0, 0, 0]), np.array([0, 1, 2]), np.array([-1, -1, -1]),
    ...                                   np.array([False, True, True]), np.full(3, np.nan), np.full(3, np.nan),
    ...                                   copy_rate=1.0, seed=1)
    >>> src.tolist()[0], bool((src[1:] >= 0).all() and (src[1:] < np.arange(1, 3)).all())
    (-1, True)
    """
    rng = np.random.default_rng([seed, 7])
    n = len(story)
    vocab = _vocabulary(rng, 40_000)
    zipf = 1.0 / (np.arange(len(vocab)) + 2.0) ** 1.05
    zipf /= zipf.sum()
    n_stories = int(story.max()) + 1 if n else 0
    topic = rng.integers(0, len(vocab), (n_stories, 30))
    phrase = topic[:, :6].reshape(n_stories, 2, 3)
    length = 10 + rng.poisson(14, n)
    total = int(length.sum())
    owner = np.repeat(np.arange(n), length)
    kind = rng.random(total)
    words = vocab[rng.choice(len(vocab), size=total, p=zipf)]
    is_topic = (kind >= 0.35) & (kind < 0.6)
    words[is_topic] = vocab[topic[story[owner[is_topic]], rng.integers(0, 30, int(is_topic.sum()))]]
    is_stop = kind < 0.35
    words[is_stop] = _STOP[rng.integers(0, len(_STOP), int(is_stop.sum()))]
    with_phrase = rng.random(n) < 0.7
    which = rng.integers(0, 2, n)
    where = (rng.random(n) * length).astype(np.int64)
    where_fig = (rng.random(n) * length).astype(np.int64)
    attribution = rng.random(n) < 0.15
    formulas = _formulas(rng, vocab)
    boiler = rng.random(n) < 0.3
    boiler_pick = np.minimum((rng.pareto(1.0, n) * 2).astype(np.int64), len(formulas) - 1)
    quoting = rng.random(n) < 0.03
    statements = [
        [" ".join(vocab[rng.choice(len(vocab), size=int(rng.integers(10, 17)), p=zipf)]) for _ in (0, 1)]
        for _ in range(n_stories)
    ]
    speakers = [" ".join(w.title() for w in vocab[rng.integers(0, len(vocab), 2)]) for _ in range(n_stories)]
    which_quote = rng.integers(0, 2, n)
    nums = _NUMS[rng.integers(0, len(_NUMS), n)]
    nouns = vocab[rng.integers(0, 5000, n)]
    ends = np.cumsum(length)
    texts = np.empty(n, dtype=object)
    for i in range(n):
        w = list(words[ends[i] - length[i] : ends[i]])
        if low[i] == low[i]:
            w.insert(int(where_fig[i]), str(int(low[i])))
        if with_phrase[i]:
            w[int(where[i]) : int(where[i])] = list(vocab[phrase[story[i], which[i]]])
        text = " ".join(w)
        if quoting[i]:
            text += f", “{statements[story[i]][which_quote[i]]},” {speakers[story[i]]} said"
        elif attribution[i]:
            text += f", {nums[i]} of the {nouns[i]}s said"
        elif boiler[i]:
            text += formulas[boiler_pick[i]]
        texts[i] = text[0].upper() + text[1:] + "."
    synd = np.flatnonzero(syndicated_of >= 0)
    texts[synd] = texts[syndicated_of[synd]]
    low, high = low.copy(), high.copy()
    source = _pick_sources(rng, story, publisher, syndicated_of, eligible, copy_rate)
    edit = rng.random
    for c in np.flatnonzero(source >= 0):  # in publication order: a copied copy is final
        s = source[c]
        texts[c] = _edited(texts[s], edit, vocab, rng, rate=float(rng.uniform(0.1, 0.2)))
        low[c], high[c] = low[s], high[s]
    return texts, low, high, source


def _pick_sources(rng, story, publisher, syndicated_of, eligible, copy_rate):
    """For each chosen copy: an earlier claim of its story, of another publisher, not itself syndicated copy."""
    n = len(story)
    source = np.full(n, -1, dtype=np.int64)
    order = np.lexsort((np.arange(n), story))  # claims by story, then publication order
    rank_in_story = np.empty(n, dtype=np.int64)
    starts = np.flatnonzero(np.concatenate([[True], story[order][1:] != story[order][:-1]])) if n else order
    run = np.repeat(np.arange(len(starts)), np.diff(np.concatenate([starts, [n]])))
    rank_in_story[order] = np.arange(n) - starts[run]
    story_start = np.empty(n, dtype=np.int64)
    story_start[order] = starts[run]  # where each claim's story begins in ``order``
    todo = np.flatnonzero(eligible & (rank_in_story > 0) & (rng.random(n) < copy_rate))
    for _ in range(8):  # a few tries for a claim of another publisher
        if len(todo) == 0:
            break
        k = (rank_in_story[todo] * rng.random(len(todo)) ** 1.5).astype(np.int64)
        s = order[story_start[todo] + k]
        ok = (publisher[s] != publisher[todo]) & (syndicated_of[s] < 0)
        source[todo[ok]] = s[ok]
        todo = todo[~ok]
    return source


def _formulas(rng, vocab) -> list:
    """40 reporting formulas of invented words, shared by all stories (the first the most common)."""
    top = vocab[:3000]
    shapes = ("{a} {b} said on {c}", "according to {a} {b}", "the {a} said in a {b}", "{a} {b} told the {c}")
    return [
        ", "
        + shapes[k % 4].format(a=top[rng.integers(0, 3000)], b=top[rng.integers(0, 3000)], c=top[rng.integers(0, 3000)])
        for k in range(40)
    ]


def _edited(text: str, edit, vocab, rng, rate: float = EDIT) -> str:
    out = []
    for w in text.split(" "):
        r = edit()
        if r < rate / 3 and not w.rstrip(".,").isdigit():
            out.append(vocab[int(rng.integers(0, len(vocab)))])
        elif r < 2 * rate / 3 and not w.rstrip(".,").isdigit():
            continue
        else:
            out.append(w)
            if r < rate:
                out.append(vocab[int(rng.integers(0, len(vocab)))])
    text = " ".join(out)
    r = edit()
    if r < 1 / 3:
        text = text.rstrip(".") + f", {vocab[int(rng.integers(0, 3000))]} reported."
    if edit() < 0.2:
        text = text.lower()
    return text


def with_hidden_copies(
    claims,
    a,
    b,
    relation,
    *,
    n,
    c_order,
    c_rank,
    c_report,
    cs,
    publisher,
    lead,
    heads,
    sc,
    synd_lead,
    claim_o,
    copy_rate,
    seed,
):
    """Give :func:`kit.testing.synth.make_case`'s claims varied texts and hidden copies (changing ``claims`` in
    place: it is
    the generator's own dict of columns), drop the copies' citations, and return the citations and the truth.

    Parameters
    ----------
    claims : dict
        The generator's columns.
    a, b, relation : numpy.ndarray
        The generator's citations.
    n, c_order, c_rank, c_report, cs, publisher, lead, heads, sc, synd_lead, claim_o
        The generator's arrays (see :func:`kit.testing.synth.make_case`).
    copy_rate : float
    seed : int

    Returns
    -------
    a, b, relation : numpy.ndarray
        The citations kept (the generator's arrays).
    truth : pandas.DataFrame
        ``claim_id`` (the copy) and ``cites`` (what it copies).

    Examples
    --------
    >>> import kit
    >>> len(kit.testing.synth.hidden_copies(kit.testing.synth.make_case(200, seed=1, copy_rate=0.2))) > 0
    True
    """
    base = c_order < n
    x = np.minimum(c_order, n - 1)
    syndicated_of = np.full(len(c_order), -1, dtype=np.int64)
    target = np.full(n, -1, dtype=np.int64)
    target[sc] = c_rank[synd_lead]
    syndicated_of[base] = target[x[base]]
    eligible = base & ~lead[x] & ~member(c_order, heads)
    low = claims["low"].to_numpy(dtype=float, na_value=np.nan)
    high = claims["high"].to_numpy(dtype=float, na_value=np.nan)
    texts, low, high, source = texts_and_copies(
        cs, publisher[c_report[c_order]], syndicated_of, eligible, low, high, copy_rate=copy_rate, seed=seed
    )
    claims["text"] = texts
    claims["low"] = pd.array(np.where(np.isnan(low), 0, low).astype(np.int64), dtype="Int64")
    claims["high"] = pd.array(np.where(np.isnan(high), 0, high).astype(np.int64), dtype="Int64")
    claims["low"][np.isnan(low)] = pd.NA
    claims["high"][np.isnan(high)] = pd.NA
    copies = np.flatnonzero(source >= 0)
    keep = ~member(c_rank[a], copies)
    truth = pd.DataFrame(
        {
            "claim_id": pd.array(claim_o[copies], dtype="string"),
            "cites": pd.array(claim_o[source[copies]], dtype="string"),
        }
    )
    return a[keep], b[keep], relation[keep], truth
