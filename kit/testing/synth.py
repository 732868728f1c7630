"""Synthetic cases for benchmarks and tests: valid under the contract, deterministic per seed.

The shape follows how news archives look (see ``BENCHMARKS.md`` for the reasoning):

* **stories**: claims come in stories (a proposition each) whose sizes are heavy-tailed (log-normal,
  median about 30 claims, a few stories of thousands); a story runs for hours to days;
* **origins**: each story rests on a handful of origin sources -- anonymous officials, social-media
  posts, documents, monitors -- plus a pool of recurring official sources shared between stories;
* **outlets**: a few thousand outlets (``n_reports // 300``, between 4 and 3,000) whose publishing
  is Zipf-distributed; the first few are wires, and the biggest wire opens the first story;
* **wire copy**: a story opens with one or two lead claims (mostly by wires) that cite the origins
  or are the outlet's own reporting; about a third of the later claims are syndicated copy that relies
  on a lead claim only;
* **chains**: the other claims cite about three earlier claims of the story, biased towards early
  (prominent) ones, sometimes an origin directly: chains run several hops deep, not hundreds;
* **loops**: about 1% of claims sit in citation loops of two or three claims made in the same report
  (so no citation points to a later claim), a tenth of them with no way out; a few claims cite
  themselves;
* **disputes**: about 3% of citations between claims are ``disputes``.

About one claim per report (loop members share their report) and about three citations per claim.
Everything is drawn with numpy in bulk, so a million reports take seconds; the tables come out typed
exactly as :func:`kit.load_case` types them, so ``save_case`` / ``load_case`` gives equal frames.
"""

from __future__ import annotations

import weakref

import numpy as np
import pandas as pd

from kit.case import Case
from kit.schema import CERTAINTIES, COLUMNS, MEASURES, TYPED_COLUMNS

__all__ = ["make_case", "hidden_copies"]

_OUTLET_KINDS = np.array(["newspaper", "broadcaster", "online"])
_ORIGIN_KINDS = np.array(["anonymous", "social", "official", "military", "individual", "document", "monitor"])
_ORIGIN_P = np.array([0.3, 0.25, 0.15, 0.08, 0.1, 0.07, 0.05])
_SUBJECTS = np.array(["Russian citizens", "pro-government fighters", "contractors", "civilians"])
_START = np.datetime64("2018-02-07T00:00:00", "s")


def _ids(prefix: str, n: int, width: int | None = None) -> np.ndarray:
    width = width or max(4, len(str(max(n - 1, 0))))
    return _padded(prefix, np.arange(n), width)


def _padded(prefix: str, numbers: np.ndarray, width: int) -> np.ndarray:
    if len(numbers) == 0:
        return np.zeros(0, dtype=f"U{len(prefix) + width}")
    return np.char.add(prefix, np.char.zfill(numbers.astype(str), width))


def _story_sizes(rng, n: int) -> np.ndarray:
    """Heavy-tailed story sizes summing to ``n``."""
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    sizes = np.clip(np.round(rng.lognormal(3.4, 1.1, n // 8 + 16)), 2, 4000).astype(np.int64)
    while sizes.sum() < n:
        sizes = np.concatenate([sizes, sizes])
    end = np.cumsum(sizes)
    k = int(np.searchsorted(end, n)) + 1
    sizes = sizes[:k].copy()
    sizes[-1] -= end[k - 1] - n
    return sizes[sizes > 0]


def make_case(n_reports: int, *, seed: int = 0, copy_rate: float = 0.0):
    """A realistic synthetic case with ``n_reports`` reports and about as many claims.

    See the module's docstring for the shape. About 1% of the claims are in citation loops, about 3% of
    the citations between claims are disputes, and claims cite about three items each.

    With ``copy_rate > 0`` claims get varied texts, syndicated claims repeat their lead's text, and about
    ``copy_rate`` of the other later claims are *hidden copies*: an earlier claim's text (of another publisher,
    same story) with about one word in ten edited, its figures, and no citation at all
    (:mod:`kit.auditing.synthetic`). :func:`hidden_copies` gives the ground truth. ``copy_rate=0`` gives exactly the
    case it always gave.

    Parameters
    ----------
    n_reports : int
        Number of reports; 0 gives an empty case.
    seed : int
        The same seed always gives the same case.
    copy_rate : float
        Share of later claims that are hidden copies (0 to 1).

    Returns
    -------
    kit.Case

    See Also
    --------
    hidden_copies : the ground truth of the hidden copies.

    Examples
    --------
    >>> import kit
    >>> case = kit.testing.synth.make_case(200, seed=3)
    >>> len(case.reports), 200 <= len(case.claims) <= 210
    (200, True)
    >>> case.claims.equals(kit.testing.synth.make_case(200, seed=3).claims)
    True
    """
    n = int(n_reports)
    rng = np.random.default_rng(seed)

    # ---- stories and base claims (one per report), in story order
    sizes = _story_sizes(rng, n)
    n_stories = len(sizes)
    story = np.repeat(np.arange(n_stories), sizes)
    starts = np.cumsum(sizes) - sizes
    pos = np.arange(n) - starts[story]
    story_begin = rng.integers(0, 365 * 86400, n_stories)
    story_begin[:1] = 0  # the first story opens the case
    gaps = rng.exponential(np.repeat(rng.uniform(600, 14400, n_stories), sizes)).astype(np.int64) + 1
    gaps[starts] = 0
    csum = np.cumsum(gaps)
    seconds = story_begin[story] + csum - csum[starts][story]

    # ---- sources: outlets (wires first, Zipf publishing) then origins (per story, plus recurring officials)
    n_outlets = int(np.clip(n // 300, 4, 3000))
    n_wires = max(2, n_outlets // 200)
    n_recurring = int(np.clip(n // 5000, 3, 300))
    story_origins = 1 + rng.poisson(1.5, n_stories)
    n_origins = max(6, n_recurring + int(story_origins.sum()))  # small cases share a few origins
    outlet_ids = _ids("outlet", n_outlets)
    origin_ids = _ids("origin", n_origins)
    outlet_kinds = np.concatenate([np.full(n_wires, "wire"), _OUTLET_KINDS[rng.integers(0, 3, n_outlets - n_wires)]])
    origin_kinds = np.concatenate(
        [np.full(n_recurring, "official"), rng.choice(_ORIGIN_KINDS, size=n_origins - n_recurring, p=_ORIGIN_P)]
    )
    origin_start = n_recurring + np.cumsum(story_origins) - story_origins

    zipf = 1.0 / np.arange(1, n_outlets + 1) ** 1.1
    zipf /= zipf.sum()
    n_lead = np.minimum(1 + (rng.random(n_stories) < 0.4), sizes)
    lead = pos < n_lead[story]
    publisher = rng.choice(n_outlets, size=n, p=zipf)
    wire_lead = lead & (rng.random(n) < 0.7)
    publisher[wire_lead] = rng.integers(0, n_wires, int(wire_lead.sum()))
    publisher[:1] = 0  # ... with the biggest wire

    # ---- citations of the base claims; item < 0 means origin source -item-1
    syndicated = ~lead & (rng.random(n) < 0.33)
    follow = ~lead & ~syndicated
    parts_a, parts_b = [], []

    def origin_of(claims):
        """A story origin (mostly) or a recurring official, for each claim given."""
        s = story[claims]
        o = origin_start[s] + (rng.random(len(claims)) * story_origins[s]).astype(np.int64)
        o = n_recurring + (o - n_recurring) % (n_origins - n_recurring)
        recurring = rng.random(len(claims)) < 0.15
        o[recurring] = rng.integers(0, n_recurring, int(recurring.sum()))
        return -o - 1

    # leads: 1-3 origins, or own reporting (no citation) for one in five
    lc = np.flatnonzero(lead & (rng.random(n) >= 0.2))
    k = 1 + rng.poisson(0.7, len(lc))
    la = np.repeat(lc, k)
    parts_a.append(la)
    parts_b.append(origin_of(la))
    # syndicated copy: the story's lead claim, sometimes the origin too
    sc = np.flatnonzero(syndicated)
    parts_a.append(sc)
    synd_lead = starts[story[sc]] + (rng.random(len(sc)) * n_lead[story[sc]]).astype(np.int64)
    parts_b.append(synd_lead)
    also = sc[rng.random(len(sc)) < 0.25]
    parts_a.append(also)
    parts_b.append(origin_of(also))
    # follow-ups: about 4.3 earlier claims, biased to early ones, a fifth of them an origin directly
    fc = np.flatnonzero(follow)
    k = rng.poisson(4.3, len(fc))
    fa = np.repeat(fc, k)
    target = starts[story[fa]] + (pos[fa] * rng.random(len(fa)) ** 2).astype(np.int64)
    direct = rng.random(len(fa)) < 0.2
    target[direct] = origin_of(fa[direct])
    parts_a.append(fa)
    parts_b.append(target)

    # ---- loops: a head claim and one or two followers made in the same report
    heads = np.flatnonzero(follow & (pos >= 2) & (rng.random(n) < 0.0065))
    heads = heads[np.concatenate([[True], np.diff(heads) > 1])] if len(heads) else heads
    triple = rng.random(len(heads)) < 0.3
    n_f = 1 + triple
    head_of = np.repeat(heads, n_f)
    rank = np.arange(len(head_of)) - np.repeat(np.cumsum(n_f) - n_f, n_f)  # 0 or 1 within a loop
    f_ids = n + np.arange(len(head_of))  # followers get ids after base
    dead = np.repeat(rng.random(len(heads)) < 0.1, n_f)
    # followers' own citations, like a follow-up of the head's position (not for dead loops)
    live_f = f_ids[~dead]
    kf = rng.poisson(2.0, len(live_f))
    fa2 = np.repeat(live_f, kf)
    h2 = head_of[fa2 - n]
    t2 = starts[story[h2]] + (pos[h2] * rng.random(len(fa2)) ** 2).astype(np.int64)
    parts_a.append(fa2)
    parts_b.append(t2)
    a = np.concatenate(parts_a).astype(np.int64)
    b = np.concatenate(parts_b).astype(np.int64)
    # dead loops: the head keeps no other support
    keep = ~np.isin(a, head_of[dead & (rank == 0)])
    a, b = a[keep], b[keep]
    relation = np.where(rng.random(len(a)) < 0.72, "relies_on", "corroborates").astype(object)
    relation[(b >= 0) & (rng.random(len(a)) < 0.03)] = "disputes"
    # loop edges: follower -> previous member, head -> last follower
    prev = np.where(rank == 0, head_of, f_ids - 1)
    last = f_ids[(rank == n_f[np.searchsorted(heads, head_of)] - 1)]
    la = np.concatenate([f_ids, heads])
    lb = np.concatenate([prev, last])
    # a few claims rely on themselves
    selfs = np.flatnonzero(follow & (rng.random(n) < 0.0002))
    a = np.concatenate([a, la, selfs])
    b = np.concatenate([b, lb, selfs])
    relation = np.concatenate([relation, np.full(len(la) + len(selfs), "relies_on", dtype=object)])

    # ---- all claims: base then followers; a claim's report and time
    n_claims = n + len(head_of)
    c_report = np.concatenate([np.arange(n), head_of])
    c_story = story[c_report]
    # dedupe (claim, item) pairs, first row wins
    key = a * (n_claims + n_origins + 1) + (b + n_origins + 1)
    by_key = np.argsort(key, kind="stable")
    sorted_key = key[by_key]
    first = np.sort(by_key[np.concatenate([[True], sorted_key[1:] != sorted_key[:-1]])]) if len(key) else by_key
    a, b, relation = a[first], b[first], relation[first]

    # ---- publication order: reports by time, claims by (time, story order)
    r_order = np.lexsort((np.arange(n), seconds))
    r_rank = np.empty(n, dtype=np.int64)
    r_rank[r_order] = np.arange(n)
    c_order = np.lexsort((np.arange(n_claims), r_rank[c_report]))
    c_rank = np.empty(n_claims, dtype=np.int64)
    c_rank[c_order] = np.arange(n_claims)
    report_ids = _ids("r", n, max(4, len(str(max(n - 1, 0)))))
    claim_ids = _ids("k", n_claims, max(4, len(str(max(n_claims - 1, 0)))))
    # Python strings made once; the tables below share them (gathers, not per-cell conversions)
    report_o, claim_o = report_ids.astype(object), claim_ids.astype(object)
    outlet_o, origin_o = outlet_ids.astype(object), origin_ids.astype(object)

    # ---- tables
    source_ids = np.concatenate([outlet_ids, origin_ids])
    kinds = np.concatenate([outlet_kinds, origin_kinds])
    n_src = len(source_ids)
    names = np.char.add("Source ", source_ids)
    confidential = (kinds == "anonymous") & (rng.random(n_src) < 0.3)
    sources = {
        "source_id": source_ids,
        "name": names,
        "kind": kinds,
        "affiliation": None,
        "country": np.array(["RU", "US", "SY", "GB", "XX"])[rng.integers(0, 5, n_src)],
        "reliability": np.array(list("ABCDEF"))[rng.integers(0, 6, n_src)],
        "confidential": confidential,
        "url": None,
        "notes": None,
    }
    when = _START + seconds[r_order].astype("timedelta64[s]")
    reports = {
        "report_id": report_ids,
        "source_id": outlet_o[publisher[r_order]],
        "published": pd.DatetimeIndex(when).tz_localize("UTC"),
        "title": None,
        "url": None,
        "archive_url": None,
        "language": None,
        "notes": None,
    }
    cs = c_story[c_order]
    base = 10 + (np.arange(n_stories) * 7919 + seed) % 290
    growth = 1 + 0.002 * np.minimum(pos[c_report[c_order]], 500)
    low = np.round(base[cs] * growth * rng.uniform(0.8, 1.2, n_claims)).astype(np.int64)
    high = low + rng.integers(0, 50, n_claims)
    no_high = rng.random(n_claims) < 0.3
    no_figure = rng.random(n_claims) < 0.05
    claims = {
        "claim_id": claim_o,
        "report_id": report_o[r_rank[c_report[c_order]]],
        "proposition": _padded("story_", cs, 5),
        "text": np.char.add("Claim ", claim_ids),
        "low": pd.array(np.where(no_figure, 0, low), dtype="Int64"),
        "high": pd.array(np.where(no_high | no_figure, 0, high), dtype="Int64"),
        "subject": _SUBJECTS.astype(object)[rng.integers(0, len(_SUBJECTS), n_claims)],
        "measure": np.array(MEASURES, dtype=object)[rng.integers(0, len(MEASURES), n_claims)],
        "certainty": np.array(CERTAINTIES, dtype=object)[rng.choice(6, n_claims, p=[0.5, 0.2, 0.15, 0.08, 0.04, 0.03])],
        "credibility": pd.array(rng.integers(1, 7, n_claims), dtype="Int64"),
    }
    claims["low"][no_figure] = pd.NA
    claims["high"][no_high | no_figure] = pd.NA
    truth = None
    if copy_rate > 0:
        from kit.auditing.synthetic import with_hidden_copies

        a, b, relation, truth = with_hidden_copies(
            claims,
            a,
            b,
            relation,
            n=n,
            c_order=c_order,
            c_rank=c_rank,
            c_report=c_report,
            cs=cs,
            publisher=publisher,
            lead=lead,
            heads=heads,
            sc=sc,
            synd_lead=synd_lead,
            claim_o=claim_o,
            copy_rate=float(copy_rate),
            seed=seed,
        )
    cite_order = np.lexsort((np.arange(len(a)), c_rank[a]))
    a, b, relation = a[cite_order], b[cite_order], relation[cite_order]
    cites = np.where(b >= 0, claim_o[c_rank[np.maximum(b, 0)]], origin_o[np.maximum(-b - 1, 0)])
    citations = {"claim_id": claim_o[c_rank[a]], "cites": cites, "relation": relation, "evidence": None}

    frames = {
        name: _frame(name, cols)
        for name, cols in (("sources", sources), ("reports", reports), ("claims", claims), ("citations", citations))
    }
    meta = {
        "title": f"Synthetic case ({n} reports, seed {seed}"
        + (f", copy rate {copy_rate})" if truth is not None else ")")
    }
    case = Case(
        frames["sources"], frames["reports"], frames["claims"], frames["citations"], meta=meta, warnings=[], path=None
    )
    if truth is not None:
        _remember(case, truth)
    return case


_TRUTH: dict = {}


def _remember(case: Case, truth) -> None:
    key = id(case.claims)
    _TRUTH[key] = (weakref.ref(case.claims), truth)
    weakref.finalize(case.claims, _TRUTH.pop, key, None)


def hidden_copies(case: Case) -> pd.DataFrame:
    """The ground truth of a synthetic case's hidden copies: ``claim_id`` (the copy) and ``cites`` (what it copies).

    Kept aside, not in the case's tables; known for a case made by :func:`make_case` with ``copy_rate > 0``,
    and for cases derived from it that keep its claims table (e.g. :func:`kit.auditing.with_suspected`).

    Parameters
    ----------
    case : kit.Case
        A case made by :func:`make_case`.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    KeyError
        For any other case.

    Examples
    --------
    >>> import kit
    >>> case = kit.testing.synth.make_case(500, seed=2, copy_rate=0.1)
    >>> truth = kit.testing.synth.hidden_copies(case)
    >>> 20 <= len(truth) <= 80, bool(truth["claim_id"].isin(case.citations["claim_id"]).any())
    (True, False)
    """
    entry = _TRUTH.get(id(case.claims))
    if entry is None or entry[0]() is not case.claims:
        raise KeyError(
            "this case has no hidden copies on record: make it with kit.testing.synth.make_case(..., "
            "copy_rate=...) in this session"
        )
    return entry[1].copy()


def _frame(name: str, cols: dict) -> pd.DataFrame:
    """A table typed as :func:`kit.load_case` types it (dtypes taken from the checker itself)."""
    dtypes = _loaded_dtypes()[name]
    length = max(len(v) for v in cols.values() if v is not None)
    out = {}
    defaults = {"published_latest": cols.get("published"), "basis": ["stated"] * length}  # exact dates; stated
    for col in TYPED_COLUMNS[name]:
        v = cols.get(col)
        if v is None:
            v = defaults.get(col)
        if v is None:
            out[col] = pd.Series(pd.NA, index=pd.RangeIndex(length), dtype="string").array
        elif dtypes[col] == "string":
            v = np.asarray(v)
            out[col] = pd.array(v if v.dtype == object else v.astype(object), dtype="string")
        else:
            out[col] = pd.Series(v).astype(dtypes[col]).array if length else pd.array([], dtype=dtypes[col])
    return pd.DataFrame(out)


_DTYPES: dict = {}


def _loaded_dtypes() -> dict:
    """The dtypes the checker gives each column, read off a one-row case (so the two never drift apart)."""
    if not _DTYPES:
        from kit.checking import check_tables
        from kit.reading import RawTable

        rows = {
            "sources": {"source_id": "s", "name": "S", "kind": "wire", "confidential": "false"},
            "reports": {"report_id": "r", "source_id": "s", "published": "2018-02-13T14:05:00Z"},
            "claims": {
                "claim_id": "k",
                "report_id": "r",
                "proposition": "p",
                "text": "t",
                "low": "1",
                "high": "2",
                "certainty": "asserted",
                "credibility": "1",
            },
            "citations": {"claim_id": "k", "cites": "s", "relation": "relies_on"},
        }
        raw = {}
        for name, row in rows.items():
            cells = pd.DataFrame([{c: row.get(c, "") for c in COLUMNS[name]}], dtype=object)
            raw[name] = RawTable(name, f"{name}.csv", cells, [2])
        frames, problems, _ = check_tables(raw)
        assert frames is not None and not problems, problems
        _DTYPES.update(
            {
                name: {c: str(t) if str(t) != "str" else "string" for c, t in f.dtypes.items()}
                for name, f in frames.items()
            }
        )
    return _DTYPES
