"""Synthetic cases for benchmarks and tests: valid under the contract, deterministic per seed.

The shape follows how news graphs look: many small stories (a proposition each, a few hundred claims),
each resting on a handful of origin sources (anonymous officials, social-media posts, documents);
a few thousand outlets whose publishing is heavy-tailed (a few wires and big papers publish most);
claims citing recent claims of the same story, about three citations each; about 1% of claims in
citation loops; a few disputes.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .reading import RawTable
from .schema import CERTAINTIES, COLUMNS, MEASURES

__all__ = ["make_case"]

_OUTLET_KINDS = np.array(["wire", "newspaper", "broadcaster", "online"])
_ORIGIN_KINDS = np.array(["anonymous", "social", "official", "military", "individual", "document", "monitor"])


def _ids(prefix: str, n: int) -> np.ndarray:
    width = max(4, len(str(n)))
    return np.char.add(prefix, np.char.zfill(np.arange(n).astype(str), width))


def make_case(n_reports: int, *, seed: int = 0):
    """A valid synthetic case with ``n_reports`` reports (one claim each, about 3 citations per claim).

    Parameters
    ----------
    n_reports : int
        Number of reports (and claims); 0 gives an empty case.
    seed : int
        The same seed always gives the same case.

    Examples
    --------
    >>> import kit
    >>> case = kit.synth.make_case(200, seed=3)
    >>> len(case.reports), len(case.claims)
    (200, 200)
    >>> case.claims.equals(kit.synth.make_case(200, seed=3).claims)
    True
    """
    from .checking import check_tables
    from .case import Case

    n = int(n_reports)
    rng = np.random.default_rng(seed)
    n_outlets = int(np.clip(n // 40, 4, 3000))
    n_stories = max(1, n // 300)
    n_origins = int(np.clip(n_stories * 4, 6, 20000))

    # sources: outlets then origins
    outlet_ids, origin_ids = _ids("outlet", n_outlets), _ids("origin", n_origins)
    source_ids = np.concatenate([outlet_ids, origin_ids])
    kinds = np.concatenate([_OUTLET_KINDS[rng.integers(0, 4, n_outlets)],
                            _ORIGIN_KINDS[rng.integers(0, len(_ORIGIN_KINDS), n_origins)]])
    kinds[:min(3, n_outlets)] = "wire"
    grades = np.array(list("ABCDEF"))[rng.integers(0, 6, len(source_ids))]
    sources = {
        "source_id": source_ids,
        "name": np.char.add("Source ", np.char.replace(source_ids, "_", " ")),
        "kind": kinds,
        "reliability": grades,
        "confidential": np.where(rng.random(len(source_ids)) < 0.02, "true", "false"),
    }

    # reports: heavy-tailed publishers, times spread over 60 days
    weights = 1.0 / np.arange(1, n_outlets + 1) ** 1.1
    publisher = rng.choice(n_outlets, size=n, p=weights / weights.sum())
    seconds = np.sort(rng.integers(0, 60 * 86400, n))
    published = (pd.Timestamp("2018-02-07", tz="UTC") + pd.to_timedelta(seconds, unit="s")).strftime("%Y-%m-%dT%H:%M:%SZ")
    report_ids, claim_ids = _ids("r", n), _ids("k", n)
    reports = {"report_id": report_ids, "source_id": outlet_ids[publisher], "published": np.asarray(published)}

    # claims: a story each; figures drift upward along the story
    story = rng.integers(0, n_stories, n)
    low = rng.integers(1, 300, n)
    span = rng.integers(0, 100, n)
    no_high = rng.random(n) < 0.3
    claims = {
        "claim_id": claim_ids, "report_id": report_ids,
        "proposition": np.char.add("story_", np.char.zfill(story.astype(str), 4)),
        "text": np.char.add("Claim ", claim_ids),
        "low": low.astype(str), "high": np.where(no_high, "", (low + span).astype(str)),
        "subject": np.array(["Russian citizens", "pro-government fighters", "contractors"])[rng.integers(0, 3, n)],
        "measure": np.array(MEASURES)[rng.integers(0, len(MEASURES), n)],
        "certainty": np.array(CERTAINTIES)[rng.integers(0, len(CERTAINTIES), n)],
        "credibility": rng.integers(1, 7, n).astype(str),
    }

    # citations: recent claims of the same story, or one of the story's few origins
    order = np.lexsort((np.arange(n), story))
    first = _story_start(story, order)
    pos = np.empty(n, dtype=np.int64)
    pos[order] = np.arange(n) - first[order]
    k = rng.poisson(3.0, n)
    citing = np.repeat(np.arange(n), k)
    target_pos = pos[citing] - (1 + rng.geometric(0.15, len(citing)))
    to_claim = (target_pos >= 0) & (rng.random(len(citing)) < 0.8)
    target_claim = order[first[citing] + np.maximum(target_pos, 0)]
    story_origin = story[citing] * 4 % max(n_origins, 1)
    target_origin = origin_ids[(story_origin + rng.integers(0, 4, len(citing))) % n_origins]
    cites = np.where(to_claim, claim_ids[target_claim], target_origin)
    relation = np.where(rng.random(len(citing)) < 0.75, "relies_on", "corroborates")
    relation = np.where(to_claim & (rng.random(len(citing)) < 0.03), "disputes", relation)
    a, b = claim_ids[citing], cites
    # about 1% of claims in loops: an earlier claim also relies on a later one that cites it
    back = to_claim & (relation != "disputes") & (rng.random(len(citing)) < 0.004)
    a = np.concatenate([a, cites[back]])
    b = np.concatenate([b, claim_ids[citing[back]]])
    relation = np.concatenate([relation, np.full(int(back.sum()), "relies_on")])
    cit = pd.DataFrame({"claim_id": a, "cites": b, "relation": relation})
    cit = cit[cit["claim_id"] != cit["cites"]].drop_duplicates(["claim_id", "cites"]).reset_index(drop=True)
    cit["evidence"] = ""

    tables = {"sources": sources, "reports": reports, "claims": claims,
              "citations": {c: cit[c].to_numpy(dtype=object) for c in cit.columns}}
    raw = {}
    for name, cols in tables.items():
        frame = pd.DataFrame({c: np.asarray(v, dtype=object) for c, v in cols.items()})
        for col in COLUMNS[name]:
            if col not in frame.columns:
                frame[col] = ""
        raw[name] = RawTable(name, f"{name}.csv", frame[list(COLUMNS[name])], list(range(2, len(frame) + 2)))
    frames, problems, warnings = check_tables(raw)
    if problems:  # pragma: no cover - a bug in this generator, never the user's data
        raise AssertionError("make_case produced an invalid case: " + "; ".join(map(str, problems[:5])))
    meta = {"title": f"Synthetic case ({n} reports, seed {seed})"}
    return Case(frames["sources"], frames["reports"], frames["claims"], frames["citations"], meta=meta,
                warnings=warnings, path=None)


def _story_start(story: np.ndarray, order: np.ndarray) -> np.ndarray:
    """For each claim, the index in ``order`` where its story's claims begin."""
    sorted_story = story[order]
    return np.searchsorted(sorted_story, story, side="left")
