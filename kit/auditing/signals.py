"""The ``shared_text`` signal: the later claim repeats a run of an earlier claim's words.

How a pair is found and judged (``docs/audit.md`` says it for reporters):

1. **words**: texts become words and content words (:mod:`kit.auditing.text`); texts with the same words in the same
   order (stop words too: :func:`kit.auditing.groups.group_keys`) form one *group* (syndicated copy), handled once;
2. **candidates**: MinHash/LSH over each group's set of content words (:mod:`kit.auditing.minhash`); never all pairs;
   a candidate whose signatures agree on fewer than :data:`kit.auditing.groups.MIN_SIMILARITY` of their entries is
   dropped; between outlets that copy each other elsewhere in a story (:func:`kit.auditing.stock.related_pairs`),
   texts sharing rare runs are candidates too (:func:`kit.auditing.groups.rare_run_candidates`);
3. **exact check** (:mod:`kit.auditing.exact`): a content word of the later text is *shared* when it starts or ends
   a pair of adjacent content words that the earlier text also has; pairs both texts put in quotation marks are a
   shared quotation (:mod:`kit.auditing.quotes`), not evidence of copying, and only the other shared words, the
   reporter's own prose, count here. Shared words at most :data:`GAP` words apart form one *passage*; a passage
   counts when it holds at least :data:`MIN_RUN` shared words, and the pair's counted passages must hold
   :data:`MIN_WORDS` shared words in all (so a stock phrase such as "three hundred pupils" never suffices, and a
   copy whose edits cut it into runs of three or four words is still found);
4. **score** (:func:`kit.auditing.weights.score`): from how many words are shared, how rare the word pairs they are
   shared through are in the case (:mod:`kit.auditing.weights`: a phrase recurring across the case weighs little),
   and how much of the later claim's own prose they cover;
5. **what is already explained**: an earlier claim of the later claim's own publisher, a claim it already cites
   (any citation row) or one that a followed chain of citations reaches (:func:`kit.auditing.reach.explained_pairs`)
   *explains* the words they share. The later claim's matches are taken closest first: the earlier text whose
   pairs of adjacent words (stop words too) it repeats most closely (a Jaccard similarity: a deleted, inserted or
   replaced word breaks the pairs around it), then the one sharing the most content words for their lengths, then
   the strongest, then one the tables explain, another publisher's before its own publisher's, the earlier. A
   suspected pair is kept only if its shared words not yet accounted for still make :data:`MIN_WORDS` words
   scoring at least ``min_score``, and then its words count as accounted for.
   So a copy of a copy is listed against the copy it repeats most closely (the one whose edits it carries), not
   against every claim with the same words, and a claim that repeats its declared source's words is not listed
   against that source's source. Texts with exactly the same words cannot be told apart: a copy of one is listed
   against the earliest (of another publisher).

``evidence`` is the shared passages as the later claim has them (its own characters, from the first to the last
shared word), joined by " … ", after "copied prose: "; when the two claims also quote the same words, these
follow after "; both quote: ".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kit.auditing.exact import MIN_WORDS, exact_check
from kit.auditing.groups import head_candidates, ranges, rare_run_candidates
from kit.auditing.hashing import mix64
from kit.auditing.minhash import member
from kit.auditing.rows import pair_rows
from kit.auditing.stock import COPY_SIMILARITY, related_pairs, stock_weights
from kit.auditing.stories import story_candidates
from kit.auditing.text import PUNCTUATION, word_spans
from kit.auditing.weights import pair_weights, score

__all__ = ["Matches", "matches", "shared_text", "passages"]


@dataclass(frozen=True)
class Matches:
    """The candidate pairs of a corpus and their exact check, shared by :func:`shared_text` and
    :func:`kit.auditing.quotes.shared_quotes`.

    Attributes
    ----------
    codes, head : numpy.ndarray
        As :func:`kit.auditing.groups.head_candidates` gives them.
    later, earlier : numpy.ndarray of int64
        The text positions of the checked pairs (heads; a group's head is also checked against itself).
    check : dict
        :func:`kit.auditing.exact.exact_check` of the pairs.
    pairs : kit.auditing.weights.PairWeights
    prose_weight, quote_weight : numpy.ndarray of float
        Each text's own weight (:mod:`kit.auditing.weights`) of its prose and of its quoted words.
    """

    codes: np.ndarray
    head: np.ndarray
    later: np.ndarray
    earlier: np.ndarray
    check: dict
    pairs: object
    prose_weight: np.ndarray
    quote_weight: np.ndarray


def matches(corp, progress=None, story=None, publisher=None) -> Matches:
    """Candidates (:func:`kit.auditing.groups.head_candidates`) and their exact check (:mod:`kit.auditing.exact`).

    Parameters
    ----------
    corp : kit.auditing.text.Corpus
    progress : callable, optional
        Called with a short label as each step starts.
    story : numpy.ndarray of int, optional
        Each text's story (its proposition's code), where set descriptions are learned
        (:mod:`kit.auditing.stock`); not given, the corpus is one story.
    publisher : numpy.ndarray of int, optional
        Each text's publisher: outlets that copy each other elsewhere in a story hold a run in one context
        (:func:`kit.auditing.stock.copy_clusters`), and pairs of their texts that share rare runs are candidates too
        (:func:`kit.auditing.groups.rare_run_candidates`: a passage copied as a small part of two long sentences).

    Returns
    -------
    Matches

    Examples
    --------
    >>> from kit.auditing.text import corpus
    >>> m = matches(corpus(["Flood waters rose over the old stone bridge at Ashford on Sunday",
    ...                     "Flood waters rose over the old stone bridge near Ashford"]))
    >>> m.later.tolist(), m.earlier.tolist(), m.check["prose"]["words"].tolist()
    ([1], [0], [6])
    """
    tick = progress or (lambda label: None)
    tick("candidates")
    codes, head, cand = head_candidates(corp)
    heads = head[head >= 0]
    if publisher is not None:  # a small story's pairs sharing a run of words kept whole (kit.auditing.stories)
        whole = np.zeros(len(corp), np.int64) if story is None else story
        more = story_candidates(corp, heads, whole, publisher, known=cand)
        if len(more):
            cand = np.concatenate([cand, more])
            cand = cand[np.lexsort((cand[:, 1], cand[:, 0]))]
    tick("word pairs")
    pw = pair_weights(corp, heads)
    owner = np.repeat(np.arange(len(corp)), np.diff(corp.ptr))
    sizes = np.bincount(codes[codes >= 0], minlength=len(head))
    multi = head[sizes > 1]
    later = np.concatenate([heads[cand[:, 0]], multi])
    earlier = np.concatenate([heads[cand[:, 1]], multi])
    tick("exact check")
    check = exact_check(corp, pw, later, earlier)
    # set descriptions (a run several otherwise different sentences hold) weigh less: kit.auditing.stock
    lengths = np.diff(corp.ptr)
    words = check["prose"]["words"]
    similarity = words / np.maximum(lengths[later] + lengths[earlier] - words, 1)
    linked = [later, earlier, similarity]  # the pairs that show which outlets copy each other (kit.auditing.stock)
    if publisher is not None:
        # a text with the same words as its group's first is a copy of it: its outlet and the first's copy each other
        dup = np.flatnonzero((codes >= 0) & (head[np.maximum(codes, 0)] != np.arange(len(corp))))
        same = (dup, head[codes[dup]], np.ones(len(dup)))
        # rare runs shared by outlets that copy each other elsewhere in the story
        later, earlier, check, similarity = _rare_runs(
            corp, pw, heads, later, earlier, check, similarity, story, publisher, same
        )
        linked = [np.concatenate(x) for x in zip((later, earlier, similarity), same, strict=True)]
    stock = stock_weights(corp, heads, pw, linked[0], linked[1], linked[2], story, publisher)
    changed = np.bincount(owner, weights=stock.weight != pw.weight, minlength=len(corp)) > 0
    if changed.any():
        pw = stock
        check = _recheck(check, corp, pw, later, earlier, changed)
    prose = np.bincount(owner, weights=pw.word * ~corp.quoted, minlength=len(corp))
    quote = np.bincount(owner, weights=pw.word * corp.quoted, minlength=len(corp))
    return Matches(codes, head, later, earlier, check, pw, prose, quote)


def _rare_runs(corp, pw, heads, later, earlier, check, similarity, story, publisher, same):
    """The candidates with the pairs :func:`kit.auditing.groups.rare_run_candidates` adds, kept only between texts
    whose publishers copy each other elsewhere in the story (:func:`kit.auditing.stock.related_pairs`; ``same``: the
    pairs of texts with the same words), checked."""
    later0, earlier0 = np.concatenate([later, same[0]]), np.concatenate([earlier, same[1]])
    copied0 = np.concatenate([similarity >= COPY_SIMILARITY, np.ones(len(same[0]), bool)])
    related = related_pairs(later0, earlier0, copied0, publisher, story)
    story = np.zeros(len(corp), np.int64) if story is None else np.asarray(story, dtype=np.int64)
    outlet = story * np.int64(publisher.max(initial=0) + 1) + publisher  # a publisher in a story
    sub = heads[np.isin(outlet[heads], outlet[np.concatenate([later0[related], earlier0[related]])])]
    rare = rare_run_candidates(corp, sub)  # only texts of outlets that copy another elsewhere: cheap
    if len(rare) == 0:
        return later, earlier, check, similarity
    rl, re_ = sub[rare[:, 0]], sub[rare[:, 1]]
    n = np.int64(len(corp))
    new = ~np.isin(rl * n + re_, later * n + earlier)
    rl, re_ = rl[new], re_[new]
    both_l, both_e = np.concatenate([later0, rl]), np.concatenate([earlier0, re_])
    keep = related_pairs(both_l, both_e, np.concatenate([copied0, np.zeros(len(rl), bool)]), publisher, story)
    keep = keep[len(later0) :]
    rl, re_ = rl[keep], re_[keep]
    if len(rl) == 0:
        return later, earlier, check, similarity
    got = exact_check(corp, pw, rl, re_)
    out = {}
    for name in check:
        part: dict = {k: np.concatenate([check[name][k], got[name][k]]) for k in ("weight", "words", "score")}
        for key in ("passages", "positions"):
            owner, *rest = got[name][key]
            part[key] = tuple(
                np.concatenate([o, r]) for o, r in zip(check[name][key], (owner + len(later), *rest), strict=True)
            )
        out[name] = part
    lengths = np.diff(corp.ptr)
    w = got["prose"]["words"]
    sim = w / np.maximum(lengths[rl] + lengths[re_] - w, 1)
    return np.concatenate([later, rl]), np.concatenate([earlier, re_]), out, np.concatenate([similarity, sim])


def _recheck(check, corp, pw, later, earlier, changed) -> dict:
    """``check`` scored again with the weights ``pw``: only the pairs that share counted words and whose later text
    has a changed weight (``changed``, per text) are checked again."""
    sel = np.flatnonzero(((check["prose"]["words"] > 0) | (check["quote"]["words"] > 0)) & changed[later])
    sub = exact_check(corp, pw, later[sel], earlier[sel])
    out = {}
    for name, got in sub.items():
        old, part = check[name], {}
        keep = ~np.isin(old["passages"][0], sel), ~np.isin(old["positions"][0], sel)
        for key in ("weight", "words", "score"):
            full = old[key].copy()
            full[sel] = got[key]
            part[key] = full
        for key, k in (("passages", keep[0]), ("positions", keep[1])):
            owner, *rest = got[key]
            merged = [np.concatenate([o[k], r]) for o, r in zip(old[key], (sel[owner], *rest), strict=True)]
            order = np.argsort(merged[0], kind="stable")
            part[key] = tuple(m[order] for m in merged)
        out[name] = part
    return out


def shared_text(claims, corp, explained, *, min_score: float = 0.5, found=None) -> pd.DataFrame:
    """Pairs (later, earlier) whose texts share a passage, with score and evidence (see the module's docstring).

    Parameters
    ----------
    claims : kit.auditing.context.Claims
    corp : kit.auditing.text.Corpus
        The words of ``claims.text``, in the same (time) order.
    explained : callable
        ``explained(later, earlier) -> bool array`` for time-order positions: a followed chain leads there.
    min_score : float
    found : Matches, optional
        :func:`matches` of ``corp``, if already made.

    Returns
    -------
    pandas.DataFrame
        Columns ``later``, ``earlier`` (time-order positions), ``signal``, ``score``, ``evidence``.

    Examples
    --------
    >>> import kit
    >>> from kit.auditing.context import claims_in_time_order
    >>> from kit.auditing.text import corpus
    >>> c = claims_in_time_order(kit.testing.synth.make_case(40, seed=1, copy_rate=0.3))
    >>> rows = shared_text(c, corpus(c.text), lambda a, b: np.zeros(len(a), bool))
    >>> bool((rows["score"] >= 0.5).all()), sorted(set(rows["signal"]))
    (True, ['shared_text'])
    """
    found = matches(corp, story=claims.proposition, publisher=claims.publisher) if found is None else found
    m, later_h, earlier_h = found.check["prose"], found.later, found.earlier
    codes, head, ptr = found.codes, found.head, corp.ptr
    sizes = np.bincount(codes[codes >= 0], minlength=len(head))
    doc_weight = found.prose_weight
    good = np.flatnonzero(m["words"] > 0)
    # spread a head pair to the texts of the later group: each against the earlier group's first text and, when
    # that one is by its own publisher, also against the group's first text by another publisher
    members = np.flatnonzero(codes >= 0)
    by_group = members[np.argsort(codes[members], kind="stable")]
    gptr = np.concatenate([[0], np.cumsum(sizes)])
    g_later = codes[later_h[good]]
    u, mi = ranges(gptr[g_later], sizes[g_later])
    u, mi = by_group[u], good[mi]
    g_earlier = codes[earlier_h[mi]]
    v = head[g_earlier]
    f2 = _first_other_publisher(by_group, gptr, claims.publisher)[g_earlier]
    also = (claims.publisher[v] == claims.publisher[u]) & (f2 >= 0)
    u, v, mi = np.concatenate([u, u[also]]), np.concatenate([v, f2[also]]), np.concatenate([mi, mi[also]])
    ok = (v < u) & (v >= 0)
    u, v, mi = u[ok], v[ok], mi[ok]
    if len(u) == 0:
        return _rows(claims, corp, [], [], [], [])
    # how each match is explained: 0 by the tables (cited, or a followed chain), 1 not (suspected), 2 by its own
    # publisher; on equal evidence the tables' explanation is preferred, and one's own publisher's last
    kind = np.where((claims.publisher[u] == claims.publisher[v]) | (claims.publisher[u] < 0), 2, 1)
    cited = member(claims.pair_keys(u, v), claims.cited)
    kind[cited] = 0
    # whether a chain explains a match changes the result only when the later claim has other matches (its words
    # are then accounted for) or when the match scores enough to be listed: only those are searched
    several = np.bincount(u, minlength=len(claims))[u] > 1
    rest = np.flatnonzero((kind == 1) & (several | (m["score"][mi] >= min_score)))
    kind[rest[explained(u[rest], v[rest])]] = 0
    lengths = np.diff(ptr)
    similar = m["words"] / np.maximum(lengths[later_h] + lengths[earlier_h] - m["words"], 1)
    return _choose(claims, corp, found, u, v, mi, kind, similar, doc_weight, min_score)


def _first_other_publisher(by_group, gptr, publisher):
    """For each group: its first text whose publisher differs from the first text's (-1 if none)."""
    g = np.repeat(np.arange(len(gptr) - 1), np.diff(gptr))
    out = np.full(len(gptr) - 1, -1, dtype=np.int64)
    if len(by_group) == 0:
        return out
    head_pub = publisher[by_group[gptr[:-1][np.diff(gptr) > 0]]]
    other = np.flatnonzero(publisher[by_group] != np.repeat(head_pub, np.diff(gptr)[np.diff(gptr) > 0]))
    if len(other):
        firsts = other[np.concatenate([[True], g[other][1:] != g[other][:-1]])]
        out[g[firsts]] = by_group[firsts]
    return out


def _word_pair_overlap(corp, later, earlier) -> np.ndarray:
    """How closely the later text repeats the earlier one: the Jaccard similarity of their pairs of adjacent words,
    stop words included (a word the copy deleted, inserted or replaced breaks the pairs around it)."""
    ptr, ids = corp.all_ptr, corp.all_ids.astype(np.int64)
    salt = mix64(np.arange(len(later), dtype=np.uint64) + np.uint64(1 << 50))
    lu, lv = np.diff(ptr)[later], np.diff(ptr)[earlier]
    ui, uo = ranges(ptr[later], lu - 1)
    vi, vo = ranges(ptr[earlier], lv - 1)
    hit = member(mix64((ids[ui] << 32) | ids[ui + 1]) ^ salt[uo], mix64((ids[vi] << 32) | ids[vi + 1]) ^ salt[vo])
    shared = np.bincount(uo, weights=hit, minlength=len(later))
    return shared / np.maximum(np.maximum(lu - 1, 0) + np.maximum(lv - 1, 0) - shared, 1)


def _choose(claims, corp, found, u, v, mi, kind, similar, doc_weight, min_score):
    """Keep the suspected pairs whose shared words are not yet accounted for (see the module's docstring)."""
    m = found.check["prose"]
    sc = m["score"][mi]
    close = similar[mi]
    # a later claim matching several earlier texts: how closely it repeats each one, stop words included
    alike = np.zeros(len(u))
    several = np.flatnonzero(np.bincount(u, minlength=len(claims))[u] > 1)
    alike[several] = _word_pair_overlap(corp, u[several], v[several])
    # per later claim: the text it repeats most closely first (pairs of words, then content words), then the
    # strongest, then the explained, then the earliest
    order = np.lexsort((v, kind, -sc, -close, -alike, u))
    u, v, mi, sc = u[order], v[order], mi[order], sc[order]
    accounted = kind[order] != 1
    starts = np.flatnonzero(np.concatenate([[True], u[1:] != u[:-1]]))
    count = np.diff(np.concatenate([starts, [len(u)]]))
    single = np.repeat(count == 1, count)
    keep = single & ~accounted & (sc >= min_score)
    po, prel, pw = m["positions"]
    pptr = np.concatenate([[0], np.cumsum(np.bincount(po, minlength=len(m["score"])))])
    for s, c in zip(starts[count > 1], count[count > 1], strict=False):
        covered = set()
        for i in range(s, s + c):
            j = mi[i]
            pos = prel[pptr[j] : pptr[j + 1]].tolist()
            if accounted[i]:
                covered.update(pos)
                continue
            fresh = [k for k, p in enumerate(pos) if p not in covered]
            if len(fresh) >= MIN_WORDS and sc[i] >= min_score:
                wn = float(pw[pptr[j] : pptr[j + 1]][fresh].sum())
                if score(wn, doc_weight[u[i]]) >= min_score:
                    keep[i] = True
                    covered.update(pos)
    k = np.flatnonzero(keep)
    return _rows(claims, corp, u[k], v[k], mi[k], sc[k], found)


def _rows(claims, corp, u, v, mi, sc, found=None) -> pd.DataFrame:
    import pyarrow as pa

    texts = claims.text.take(pa.array(np.asarray(u, dtype=np.int64))).to_pylist() if len(u) else []
    evidence = []
    for t, a, j in zip(texts, u, mi, strict=False) if found is not None else ():
        ev = "copied prose: " + passages(t or "", corp, int(a), int(j), found.check["prose"]["passages"])
        both = found.check["quote"]
        quoted = passages(t or "", corp, int(a), int(j), both["passages"]) if both["words"][j] else ""
        evidence.append(ev + ("; both quote: " + quoted if quoted else ""))
    return pair_rows(u, v, "shared_text", sc, evidence)


#: a chunk (a run of characters between white space) of punctuation alone
_BARE = re.compile(rf"(?<!\S)[{re.escape(PUNCTUATION)}]+(?!\S)")


def passages(text: str, corp, u: int, j: int, found) -> str:
    """The passages ``found`` (``(pair, first, last)`` arrays of :func:`kit.auditing.exact.exact_check`) of pair ``j``
    as text ``u`` has them: its own characters from the first to the last word, joined by " … " ("" if none).

    Parameters
    ----------
    text : str
        Text ``u`` as the case has it.
    corp : kit.auditing.text.Corpus
    u, j : int
        The text's position and the pair's.
    found : tuple of numpy.ndarray
        ``(pair, first, last)``: passages of all pairs, as word positions among the text's content words.

    Returns
    -------
    str

    Examples
    --------
    >>> from kit.auditing.text import corpus
    >>> c = corpus(["Flood waters rose over the old stone bridge, near Ashford"])
    >>> passages("Flood waters rose over the old stone bridge, near Ashford", c, 0, 0,
    ...          (np.array([0]), np.array([0]), np.array([5])))
    'Flood waters rose over the old stone bridge'
    """
    owner, starts, ends = found
    lo, hi = np.searchsorted(owner, [j, j + 1])
    base = int(corp.ptr[u])
    cut = [(int(corp.pos[base + s]), int(corp.pos[base + e])) for s, e in zip(starts[lo:hi], ends[lo:hi], strict=False)]
    chunks = text.split()
    if " ".join(chunks) == text.strip():  # single spaces: the chunks give the characters
        bare = _BARE.search(text)  # a chunk of punctuation alone (rare): the chunks that hold a word, one by one
        at = [i for i, c in enumerate(chunks) if c.strip(PUNCTUATION)] if bare else range(len(chunks))
        if len(at) == corp.n_words[u]:
            return " … ".join(" ".join(chunks[at[a] : at[b] + 1]).strip(PUNCTUATION) for a, b in cut)
    spans = word_spans(text)
    if len(spans) == corp.n_words[u]:
        return " … ".join(text[spans[a][1] : spans[b][2]] for a, b in cut)
    # the two normalisations disagree (an unusual space or letter case): show the normalised words
    return " … ".join(
        " ".join(corp.vocab[corp.ids[base + s : base + e + 1]])
        for s, e in zip(starts[lo:hi], ends[lo:hi], strict=False)
    )
