"""A held-out generator of hidden copies for the audit, shaped unlike ``kit.synth``'s texts (issue 22).

The audit is tuned on ``kit.synth.make_case(..., copy_rate=...)``. This generator is kept apart and is used only to
*report* (``benchmarks/bench_audit.py --heldout``): nothing in ``kit`` imports it, and no parameter of the audit is
read from it. It keeps ``kit.synth``'s graph (stories, outlets, reports, dates, citations) and replaces the texts:

* **vocabulary**: 60 English function words and 200,000 invented words (other letters and syllables than
  ``kit.synth``'s), drawn with a heavy-tailed (Zipf, exponent 1.07, from rank 1) frequency: a few invented words
  are in a large share of all texts, and frequent is not the same as boilerplate;
* **texts** of 12-30 words: function words (30 %), the story's 12 topic words (20 %), the vocabulary (50 %), the
  claim's figure as digits; **30 % end in boilerplate**, a real English reporting formula such as ", officials
  said on Monday" or ", according to local media" (40 formulas, some far more common than others);
* **quotations**: each story has 2 statements of a named (invented) speaker; 3 % of claims quote one of them
  verbatim inside their own words (`“...,” Name Name said`): two such claims share the speaker's words without
  either copying the other;
* **declared copy**: half of the claims that cite exactly one claim repeat its text, as it finally reads (they
  cite it: not hidden);
* **hidden copies**: 5 % of the later claims copy an earlier claim of their story by another publisher, which may
  itself be a copy (copies of copies): letter case changed (all lower, or Title Case), punctuation changed (commas
  dropped or added, the final stop dropped), 10-20 % of the words replaced, up to two dropped, and an
  attribution phrase added ("according to reports", ", media reported"); the figure is kept, and the copy loses
  all its citations. The pairs (copy, copied) are the ground truth.

Use::

    from heldout_gen import make_heldout
    case, truth = make_heldout(100_000, seed=1)
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import kit

__all__ = ["make_heldout", "FUNCTION_WORDS", "BOILERPLATE", "ATTRIBUTIONS"]

FUNCTION_WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "for",
    "on",
    "is",
    "was",
    "with",
    "by",
    "at",
    "as",
    "from",
    "it",
    "be",
    "were",
    "has",
    "had",
    "have",
    "are",
    "an",
    "its",
    "which",
    "after",
    "but",
    "not",
    "this",
    "their",
    "who",
    "been",
    "also",
    "they",
    "more",
    "than",
    "into",
    "over",
    "about",
    "two",
    "some",
    "during",
    "while",
    "up",
    "new",
    "would",
    "could",
    "three",
    "before",
    "all",
    "other",
    "when",
    "said",
    "there",
    "most",
    "between",
    "where",
    "under",
    "against",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
BOILERPLATE = (
    [f", officials said on {d}" for d in _DAYS]
    + [f", the ministry said in a statement on {d}" for d in _DAYS[:3]]
    + [
        ", according to local media",
        ", according to state media",
        ", the state news agency reported",
        ", a spokesman told reporters",
        ", witnesses told the news agency",
        ", local television reported",
        ", police said in a statement",
        ", the agency reported citing police",
        ", according to a statement released late on Tuesday",
        ", a local official told the agency by telephone",
        ", the report said",
        ", it said in a statement",
        ", the government said",
        ", according to figures released by the health ministry",
        ", the army said in a statement posted online",
        ", the monitoring group said",
        ", according to a tally by the news agency",
        ", residents told reporters",
        ", a security source said",
        ", the company said in a filing",
        ", emergency services said",
        ", the prosecutor's office said",
        ", the foreign ministry said in a statement",
        ", according to the latest official figures",
        ", the interior ministry said on its website",
        ", a spokeswoman said by email",
        ", the mayor told local radio",
        ", according to hospital sources",
        ", the news agency said, citing a source",
        ", officials said",
    ]
)
ATTRIBUTIONS = (
    ", according to reports",
    ", media reported",
    ", it was reported",
    ", reports said",
    ", news outlets reported",
    ", according to media accounts",
)
_ONSETS = [
    "b",
    "br",
    "ch",
    "d",
    "dr",
    "f",
    "fl",
    "g",
    "gr",
    "h",
    "j",
    "k",
    "kr",
    "l",
    "m",
    "n",
    "p",
    "pl",
    "qu",
    "r",
    "s",
    "sh",
    "st",
    "t",
    "th",
    "tr",
    "v",
    "w",
    "x",
    "y",
    "z",
]
_NUCLEI = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "y"]
_CODAS = ["", "", "n", "r", "s", "l", "m", "nd", "st", "x", "k"]


def _vocabulary(rng, size: int) -> np.ndarray:
    out: list[str] = []
    seen = set(FUNCTION_WORDS)
    while len(out) < size:
        m = 3 * size
        n_syl = rng.integers(1, 4, m)
        parts = [
            np.array(_ONSETS, dtype=object)[rng.integers(0, len(_ONSETS), m)]
            + np.array(_NUCLEI, dtype=object)[rng.integers(0, len(_NUCLEI), m)]
            + np.array(_CODAS, dtype=object)[rng.integers(0, len(_CODAS), m)]
            for _ in range(3)
        ]
        words = np.where(
            n_syl == 1, parts[0], np.where(n_syl == 2, parts[0] + parts[1], parts[0] + parts[1] + parts[2])
        )
        for w in words:
            if w not in seen:
                seen.add(w)
                out.append(w)
                if len(out) == size:
                    break
    return np.array(out, dtype=object)


def _zipf(rng, n_items: int, size: int, exponent: float) -> np.ndarray:
    p = 1.0 / np.arange(1, n_items + 1) ** exponent
    return rng.choice(n_items, size=size, p=p / p.sum())


def _time_order(case) -> np.ndarray:
    """The audit's time order of the claims: the middle of the possible publication time, the earliest, the row."""
    rep = case.reports.set_index("report_id")
    start = rep["published"].reindex(case.claims["report_id"]).astype("int64").to_numpy()
    late = rep["published_latest"].reindex(case.claims["report_id"]).astype("int64").to_numpy()
    mid = start + (late - start) // 2
    return np.lexsort((np.arange(len(start)), start, mid))


def make_heldout(
    n_reports: int,
    *,
    seed: int = 0,
    copy_rate: float = 0.05,
    boilerplate_rate: float = 0.3,
    quote_rate: float = 0.03,
):
    """A case with hidden copies shaped as the module's docstring says, and its ground truth.

    Parameters
    ----------
    n_reports : int
        As for ``kit.synth.make_case`` (about as many claims).
    seed : int
    copy_rate, boilerplate_rate, quote_rate : float

    Returns
    -------
    case : kit.Case
    truth : pandas.DataFrame
        ``claim_id`` (the hidden copy) and ``cites`` (the claim it copies).
    """
    case = kit.synth.make_case(n_reports, seed=seed)
    rng = np.random.default_rng([seed, 22, 2026])
    claims, cit = case.claims, case.citations
    n = len(claims)
    vocab = _vocabulary(rng, 200_000)
    fw = np.array(FUNCTION_WORDS, dtype=object)
    story, _ = pd.factorize(claims["proposition"])
    n_stories = int(story.max()) + 1 if n else 0
    topic = 500 + rng.integers(0, 20_000, (n_stories, 12))
    # words of each text: kind 0 function, 1 topic, 2 vocabulary
    length = rng.integers(12, 31, n)
    bp = rng.random(n) < boilerplate_rate
    bp_pick = _zipf(rng, len(BOILERPLATE), n, 1.0)
    bp_len = np.array([len(b.split()) for b in BOILERPLATE])[bp_pick]
    body = np.maximum(np.where(bp, length - bp_len, length), 6)
    quoting = rng.random(n) < quote_rate
    body = np.where(quoting, np.maximum(body // 2, 5), body)
    total = int(body.sum())
    kind = rng.random(total)
    owner = np.repeat(np.arange(n), body)
    words = vocab[_zipf(rng, len(vocab), total, 1.07)]
    is_f = kind < 0.3
    words[is_f] = fw[_zipf(rng, len(fw), int(is_f.sum()), 1.0)]
    is_t = (kind >= 0.3) & (kind < 0.5)
    words[is_t] = vocab[topic[story[owner[is_t]], rng.integers(0, 12, int(is_t.sum()))]]
    # statements of named speakers, two per story
    st_len = rng.integers(10, 17, (n_stories, 2))
    statements = [[" ".join(vocab[_zipf(rng, len(vocab), int(k), 1.07)]) for k in row] for row in st_len]
    speakers = [
        [f"{vocab[rng.integers(0, 200_000)].title()} {vocab[rng.integers(0, 200_000)].title()}" for _ in range(2)]
        for _ in range(n_stories)
    ]
    low = pd.to_numeric(claims["low"]).astype("float64").to_numpy(na_value=np.nan).copy()
    fig_at = (rng.random(n) * body).astype(np.int64)
    which = rng.integers(0, 2, n)
    ends = np.cumsum(body)
    texts = np.empty(n, dtype=object)
    for i in range(n):
        w = words[ends[i] - body[i] : ends[i]].tolist()
        if low[i] == low[i]:
            w.insert(int(fig_at[i]), str(int(low[i])))
        t = " ".join(w)
        if quoting[i]:
            s = int(story[i])
            t += f", “{statements[s][which[i]]},” {speakers[s][which[i]]} said"
        elif bp[i]:
            t += BOILERPLATE[bp_pick[i]]
        texts[i] = t[0].upper() + t[1:] + "."
    order = _time_order(case)
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    # declared copy: a claim citing exactly one claim repeats its text half the time
    ids = claims["claim_id"].to_numpy(dtype=object)
    row_of = pd.Series(np.arange(n), index=ids)
    to_claim = cit["cites"].isin(row_of.index).to_numpy()
    per = cit["claim_id"].value_counts()
    single = cit[to_claim & cit["claim_id"].map(per).eq(1).to_numpy() & cit["relation"].eq("relies_on").to_numpy()]
    a = row_of[single["claim_id"].to_numpy()].to_numpy()
    b = row_of[single["cites"].to_numpy()].to_numpy()
    keep = (rank[b] < rank[a]) & (rng.random(len(a)) < 0.5)
    a, b = a[keep], b[keep]
    syndicated = np.zeros(n, dtype=bool)
    syndicated[a] = True
    # hidden copies, in time order (a copy of a copy copies the copy's edited text)
    publisher = pd.factorize(case.reports.set_index("report_id")["source_id"].reindex(claims["report_id"]))[0]
    by_story = np.lexsort((rank, story))
    first = np.concatenate([[True], story[by_story][1:] != story[by_story][:-1]]) if n else np.zeros(0, bool)
    start_pos = np.maximum.accumulate(np.where(first, np.arange(n), 0))
    pos = np.empty(n, dtype=np.int64)
    pos[by_story] = np.arange(n)
    in_story = pos - start_pos[pos]  # how many claims of the story come before
    source = np.full(n, -1, dtype=np.int64)
    todo = np.flatnonzero(~syndicated & (in_story > 0) & (rng.random(n) < copy_rate))
    for _ in range(8):
        if len(todo) == 0:
            break
        k = (in_story[todo] * rng.random(len(todo))).astype(np.int64)
        s = by_story[start_pos[pos[todo]] + k]
        ok = (publisher[s] != publisher[todo]) & ~syndicated[s]
        source[todo[ok]] = s[ok]
        todo = todo[~ok]
    high = pd.to_numeric(claims["high"]).astype("float64").to_numpy(na_value=np.nan).copy()
    copies = np.flatnonzero(source >= 0)
    copies = copies[np.argsort(rank[copies], kind="stable")]
    pool = vocab[_zipf(rng, len(vocab), 1 << 20, 1.07)]  # replacement words, as frequent as the texts' words
    for c in copies:
        s = source[c]
        texts[c] = _edited(texts[s], rng, pool)
        low[c], high[c] = low[s], high[s]
    # the declared copies repeat their source's final text (after its own edits, if it is a hidden copy)
    for x, y in sorted(zip(a.tolist(), b.tolist(), strict=True), key=lambda p: rank[p[0]]):
        texts[x] = texts[y]
        low[x], high[x] = low[y], high[y]
    new_claims = claims.copy()
    new_claims["text"] = pd.array(texts.tolist(), dtype=claims["text"].dtype)
    new_claims["low"] = pd.array(pd.Series(low).round().astype("Int64"), dtype=claims["low"].dtype)
    new_claims["high"] = pd.array(pd.Series(high).round().astype("Int64"), dtype=claims["high"].dtype)
    copy_ids = set(ids[copies].tolist())
    new_cit = cit[~cit["claim_id"].isin(copy_ids)].reset_index(drop=True)
    truth = pd.DataFrame(
        {
            "claim_id": pd.array(ids[copies].tolist(), dtype="string"),
            "cites": pd.array(ids[source[copies]].tolist(), dtype="string"),
        }
    )
    out = dataclasses.replace(case, claims=new_claims, citations=new_cit, meta=dict(case.meta), warnings=[])
    return out, truth


def _edited(text: str, rng, pool) -> str:
    """The copy's edits (see the module's docstring); figures are never replaced or dropped."""
    words = text.rstrip(".").split(" ")
    rate = rng.uniform(0.10, 0.20)
    for i, w in enumerate(words):
        if not w.strip(",.“”").isdigit() and rng.random() < rate:
            words[i] = pool[int(rng.integers(0, len(pool)))]
    for _ in range(int(rng.integers(0, 3))):
        cut = [i for i, w in enumerate(words) if not w.strip(",.“”").isdigit()]
        if len(cut) > 8:
            del words[cut[int(rng.integers(0, len(cut)))]]
    t = " ".join(words)
    r = rng.random()
    if r < 0.4:
        t = t.replace(",", "")
    elif r < 0.7:
        k = int(rng.integers(1, max(len(words) - 1, 2)))
        t = " ".join(words[:k]) + ", " + " ".join(words[k:])
    t += ATTRIBUTIONS[int(rng.integers(0, len(ATTRIBUTIONS)))]
    r = rng.random()
    if r < 0.3:
        t = t.lower()
    elif r < 0.5:
        t = t.title()
    else:
        t = t[0].upper() + t[1:]
    return t if rng.random() < 0.3 else t + "."
