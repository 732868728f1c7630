"""The independence audit: dependence between claims that the tables do not declare, found from the evidence.

:func:`audit` lists suspected pairs, :func:`with_suspected` adds them to a new case as ``suspected`` citations
(never followed unless ``follow=`` asks for them). The signals are ``shared_text`` (:mod:`kit.auditing.signals`),
``same_figure`` and ``same_attribution`` (:mod:`kit.auditing.figure_pairs`); ``docs/audit.md`` explains them, their
scores and what the audit does not find.

A pair is listed only when the two claims come from different publishers, the cited claim is not certainly later
than the citing one (it is the earlier by the middle of their possible publication times), no citation row joins
them already, and no followed chain of citations leads from ``claim_id`` to ``cites``
(:func:`kit.auditing.reach.explained_pairs`).
"""

from __future__ import annotations

import dataclasses
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from kit.auditing.aligned import aligned_copies
from kit.auditing.anonymous import anonymous_wordings
from kit.auditing.context import claims_in_time_order
from kit.auditing.description import described_quotes
from kit.auditing.edited import edited_sentences
from kit.auditing.figure_pairs import same_attribution, same_figure
from kit.auditing.framing import linked_framed_quotes
from kit.auditing.lone import lone_descriptions
from kit.auditing.minhash import member
from kit.auditing.progress import PROGRESS_CLAIMS, Steps
from kit.auditing.quotes import framed_quotes, resolve_speaker, shared_quotes, speaker_index
from kit.auditing.reach import explained_pairs, explained_rows, shared_origin_rows
from kit.auditing.rejected import read_rejected
from kit.auditing.reported import speaker_only
from kit.auditing.reprints import cut_reprints, edited_reprints, short_reprints
from kit.auditing.restated import restated_copies
from kit.auditing.reworded import reworded_copies
from kit.auditing.signals import matches, shared_text
from kit.auditing.stories import small_stories
from kit.auditing.text import corpus
from kit.schema import DEFAULT_FOLLOW

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["COLUMNS", "STEPS", "audit", "with_suspected", "explained_pairs", "explained_rows", "shared_origin_rows"]

#: the columns of :func:`audit`'s table (``also`` names the other signals that raised the same pair).
COLUMNS = ("claim_id", "cites", "signal", "score", "evidence", "also")


def audit(case: Case, *, min_score: float = 0.5, follow=DEFAULT_FOLLOW, rejected=None, progress=None) -> pd.DataFrame:
    """Suspected dependence between claims, one row per pair, strongest first.

    Parameters
    ----------
    case : kit.Case
    min_score : float
        Only pairs scoring at least this (0-1) are listed.
    follow : tuple of str
        The citation bases whose chains count as already explaining a pair.
    rejected : pandas.DataFrame or iterable of (claim_id, cites), optional
        Pairs a reporter has rejected: they are not listed. By default, the pairs in ``audit_rejected.csv`` of the
        folder the case was read from (:mod:`kit.auditing.rejected`); none for a case with no folder. Give ``()``
        to list them anyway.
    progress : bool, optional
        Show the audit's progress (tqdm: a bar in a terminal, a widget in a notebook). By default, for a case of
        at least :data:`kit.auditing.progress.PROGRESS_CLAIMS` claims. Interrupting it writes nothing.

    Returns
    -------
    pandas.DataFrame
        ``claim_id`` (the later claim), ``cites`` (the earlier claim it appears to depend on), ``signal`` (the
        strongest signal), ``score`` (``1 - prod(1 - s)`` over the pair's signals, each scored from its evidence),
        ``evidence`` (the strongest signal's: for ``shared_text`` the shared passage as the later claim has it),
        ``also`` (the other signals, with their scores and evidence; empty if none).

    See Also
    --------
    with_suspected : the case with these pairs as ``suspected`` citations.

    Examples
    --------
    >>> import kit
    >>> from kit.auditing import audit
    >>> case = kit.testing.synth.make_case(300, seed=4, copy_rate=0.1)
    >>> found = audit(case)
    >>> truth = set(map(tuple, kit.testing.synth.hidden_copies(case).to_numpy()))
    >>> len(found) > 0, len(set(zip(found["claim_id"], found["cites"])) & truth) / len(truth) > 0.9
    (True, True)
    """
    shown = len(case.claims) >= PROGRESS_CLAIMS if progress is None else bool(progress)
    with Steps(STEPS, shown=shown) as step:
        step("claims")
        return _audit(case, min_score, follow, rejected, step)


#: the steps of :func:`audit`, as its progress shows them
STEPS = ("claims", "words", "candidates", "word pairs", "exact check", "shared text", "figures")


def _audit(case, min_score, follow, rejected, step) -> pd.DataFrame:
    claims = claims_in_time_order(case, follow)
    step("words")
    corp = corpus(claims.text)

    def explained(later, earlier):
        a, b = claims.row[later], claims.row[earlier]
        return explained_rows(case, a, b, follow) | shared_origin_rows(case, a, b, follow)

    with ThreadPoolExecutor(max_workers=1) as pool:
        # the anonymous wordings are read (Python regular expressions) on a second core while matches runs (numpy,
        # which releases the GIL); the same wordings as read after it
        wordings = pool.submit(anonymous_wordings, corp)
        found = matches(corp, progress=step, story=claims.proposition, publisher=claims.publisher)
    step("shared text")
    rows = [shared_text(claims, corp, explained, min_score=min_score, found=found)]
    framed = framed_quotes(claims, corp, found, min_score=min_score)  # a quotation copied with its framing
    reprints = [short_reprints(claims, corp, found, min_score=min_score), cut_reprints(claims, corp, found)]
    reprints.append(edited_reprints(claims, corp, found, min_score=min_score))
    framed = pd.concat([framed, *reprints], ignore_index=True)
    framed = framed[~np.isin(framed["later"], rows[0]["later"])]
    framed = framed[~member(claims.pair_keys(framed["later"], framed["earlier"]), claims.cited)]
    if len(framed):
        framed = framed[~explained(framed["later"].to_numpy(), framed["earlier"].to_numpy())]
    rows[0] = pd.concat([rows[0], framed], ignore_index=True)
    lone = lone_descriptions(
        corp, rows[0]["later"], rows[0]["earlier"], claims.publisher, claims.proposition, texts=claims.text
    )
    rows[0] = rows[0][~lone]  # a description shared by outlets that copy each other nowhere else: kit.auditing.lone
    # a sentence reworded around a run of words kept whole (kit.auditing.reworded), or around its figure
    # (kit.auditing.restated), by outlets listed as copying each other elsewhere in the story
    for rule in (reworded_copies, restated_copies):
        more = rule(claims, corp, found, rows[0]["later"], rows[0]["earlier"], min_score=min_score)
        more = more[~member(claims.pair_keys(more["later"], more["earlier"]), claims.cited)]
        if len(more):
            rows[0] = pd.concat([rows[0], more[~explained(more["later"].to_numpy(), more["earlier"].to_numpy())]])
    rows[0] = rows[0][~_speaker_only(claims, corp, found, rows[0])]  # a speaker described alike: kit.auditing.reported
    quotes = shared_quotes(claims, corp, found, min_score=min_score)
    listed = set(zip(rows[0]["later"].tolist(), rows[0]["earlier"].tolist(), strict=False))
    pairs = zip(quotes["later"].tolist(), quotes["earlier"].tolist(), strict=False)
    quotes = quotes[np.array([p not in listed for p in pairs], dtype=bool)]
    other = quotes[~quotes["same_speaker"]]  # the same words given to two different people: not a quotation
    if len(other):
        other = other[~explained(other["later"].to_numpy(), other["earlier"].to_numpy())]
        rows.append(
            other.assign(
                signal="shared_text",
                evidence="the same quoted words, given to different people: " + other["evidence"].astype(str),
            )[["later", "earlier", "signal", "score", "evidence"]]
        )
    # sentences in the same place of two reports of which a pair is listed (kit.auditing.aligned)
    listed_now = pd.concat([r[["later", "earlier"]] for r in rows], ignore_index=True)
    report = pd.factorize(case.claims["report_id"])[0][claims.row]
    small = small_stories(claims.proposition, claims.publisher)  # a reporter's case: the two rules below
    more = aligned_copies(
        claims, corp, found, report, listed_now["later"], listed_now["earlier"], min_score=min_score, small=small
    )
    if len(more):
        more = more[~explained(more["later"].to_numpy(), more["earlier"].to_numpy())]
        rows[0] = pd.concat([rows[0], more[~_speaker_only(claims, corp, found, more)]], ignore_index=True)
    # a quotation framed alike by two reports that copy each other elsewhere (kit.auditing.framing)
    listed_now = pd.concat([r[["later", "earlier"]] for r in rows], ignore_index=True)
    more = linked_framed_quotes(
        claims, corp, found, report, listed_now["later"], listed_now["earlier"], min_score=min_score, small=small
    )
    if len(more):
        rows[0] = pd.concat([rows[0], more[~explained(more["later"].to_numpy(), more["earlier"].to_numpy())]])
    # a sentence edited word by word, its own words kept in order (kit.auditing.edited)
    listed_now = pd.concat([r[["later", "earlier"]] for r in rows], ignore_index=True)
    ll, le = listed_now["later"].to_numpy(), listed_now["earlier"].to_numpy()
    more = edited_sentences(claims, ll, le, explained=explained, min_score=min_score)
    if len(more):
        rows[0] = pd.concat([rows[0], more[~_speaker_only(claims, corp, found, more)]], ignore_index=True)
    # a quotation repeated with the same description of its speaker (kit.auditing.description), after the rules
    # before it: the pairs it adds are those no other rule lists
    listed_now = pd.concat([r[["later", "earlier"]] for r in rows], ignore_index=True)
    more = described_quotes(
        claims, corp, found, report, listed_now["later"], listed_now["earlier"], min_score=min_score, small=small
    )
    if len(more):
        rows[0] = pd.concat([rows[0], more[~explained(more["later"].to_numpy(), more["earlier"].to_numpy())]])
    copied: dict = {}
    step("figures")
    for a, b in zip(rows[0]["later"].tolist(), rows[0]["earlier"].tolist(), strict=False):
        copied.setdefault(a, []).append(b)
    for r in (same_figure(claims, copied), same_attribution(claims, corp, copied, wordings.result())):
        r = r[
            (r["score"] > 0)
            & (claims.publisher[r["later"]] != claims.publisher[r["earlier"]])
            & ~member(claims.pair_keys(r["later"], r["earlier"]), claims.cited)
        ]
        if len(r):
            r = r[~explained(r["later"].to_numpy(), r["earlier"].to_numpy())]
        rows.append(r)
    out = _combine(claims, pd.concat(rows, ignore_index=True), min_score)
    out = pd.concat([out, _cite_the_speaker(case, claims, quotes[quotes["same_speaker"]])], ignore_index=True)
    return _without_rejected(out, case, rejected)


def _speaker_only(claims, corp, found, rows: pd.DataFrame) -> np.ndarray:
    """:func:`kit.auditing.reported.speaker_only` of the listed pairs ``rows`` (their texts taken once)."""
    import pyarrow as pa

    at = np.unique(np.concatenate([rows["later"].to_numpy(), rows["earlier"].to_numpy()]).astype(np.int64))
    texts = dict(zip(at.tolist(), claims.text.take(pa.array(at)).to_pylist(), strict=True)) if len(at) else {}
    return speaker_only(texts, corp, rows["later"].to_numpy(), rows["earlier"].to_numpy())


def _cite_the_speaker(case, claims, quotes: pd.DataFrame) -> pd.DataFrame:
    """``shared_quote`` rows: each claim of a shared quotation, citing the quoted speaker when the speaker is a
    source of the case and the claim does not cite it already (:mod:`kit.auditing.quotes`)."""
    named = quotes[quotes["speaker"].astype(bool)] if len(quotes) else quotes
    names = set(named["speaker"].tolist())
    index = speaker_index(case.sources, words={w for n in names for w in n.casefold().split()}) if names else {}
    resolved = {name: resolve_speaker(name, index) for name in names}
    named = named[named["speaker"].map(resolved).astype(bool).to_numpy()] if len(named) else named
    claim_ids = set(claims.ids_at(named["later"]).tolist()) | set(claims.ids_at(named["earlier"]).tolist())
    cit = case.citations[case.citations["claim_id"].isin(claim_ids)] if claim_ids else case.citations.iloc[:0]
    cited = set(zip(cit["claim_id"].tolist(), cit["cites"].tolist(), strict=True))
    out: dict = {}
    for a, b, sc, ev, name in zip(
        claims.ids_at(named["later"]).tolist(),
        claims.ids_at(named["earlier"]).tolist(),
        named["score"].tolist(),
        named["evidence"].tolist(),
        named["speaker"].tolist(),
        strict=True,
    ):
        sid = resolved[name]
        for me, other in ((a, b), (b, a)):
            if (me, sid) not in cited and (me, sid) not in out:
                out[(me, sid)] = (sc, f"quotes {name} in the same words as {other}: {ev}")
    rows = sorted(out.items(), key=lambda kv: (-kv[1][0], kv[0]))
    return pd.DataFrame(
        {
            "claim_id": pd.array([k[0] for k, _ in rows], dtype="string"),
            "cites": pd.array([k[1] for k, _ in rows], dtype="string"),
            "signal": pd.array(["shared_quote"] * len(rows), dtype="string"),
            "score": np.array([round(v[0], 6) for _, v in rows], dtype=float),
            "evidence": pd.array([v[1] for _, v in rows], dtype="string"),
            "also": pd.array([""] * len(rows), dtype="string"),
        }
    )


def _without_rejected(rows: pd.DataFrame, case: Case, rejected) -> pd.DataFrame:
    if rejected is None:
        from kit.reading import resolve_case_path

        kind, folder = resolve_case_path(case.path) if case.path else ("none", "")
        rejected = read_rejected(folder) if kind == "folder" else ()
    if isinstance(rejected, pd.DataFrame):
        rejected = zip(rejected["claim_id"].tolist(), rejected["cites"].tolist(), strict=False)
    skip = {(str(a), str(b)) for a, b in rejected}
    if not skip or rows.empty:
        return rows
    keep = [(a, b) not in skip for a, b in zip(rows["claim_id"].tolist(), rows["cites"].tolist(), strict=False)]
    return rows[keep].reset_index(drop=True)


def _combine(claims, rows: pd.DataFrame, min_score: float) -> pd.DataFrame:
    if rows.empty:
        return pd.DataFrame({c: pd.Series(dtype=float if c == "score" else "string") for c in COLUMNS})
    rows = rows.sort_values(["later", "earlier", "score"], ascending=[True, True, False], kind="stable")
    key = claims.pair_keys(rows["later"], rows["earlier"])
    first = np.concatenate([[True], key[1:] != key[:-1]])
    group = np.cumsum(first) - 1
    miss = np.bincount(group, weights=np.log1p(-np.minimum(rows["score"].to_numpy(), 1 - 1e-12)))
    combined = 1 - np.exp(miss)
    best = rows[first].reset_index(drop=True)
    also = [""] * len(best)
    for g, sig, sc, ev in zip(
        group[~first], rows["signal"][~first], rows["score"][~first], rows["evidence"][~first], strict=False
    ):
        also[g] = (also[g] + "; " if also[g] else "") + f"{sig} ({sc:.2f}): {ev}"
    out = pd.DataFrame(
        {
            "claim_id": claims.ids_at(best["later"]).array,
            "cites": claims.ids_at(best["earlier"]).array,
            "signal": pd.array(best["signal"], dtype="string"),
            "score": combined.round(6),
            "evidence": pd.array(best["evidence"], dtype="string"),
            "also": pd.array(also, dtype="string"),
        }
    )
    out = out[out["score"] >= min_score]
    return out.sort_values(["score", "claim_id", "cites"], ascending=[False, True, True], kind="stable").reset_index(
        drop=True
    )


def with_suspected(case: Case, audit_rows) -> Case:
    """A new case with the audit's pairs added as ``relies_on`` citations of basis ``suspected``.

    ``cites`` is a claim, or for a ``shared_quote`` row the quoted speaker's source.

    The given case is not changed. Its citations gain a ``basis`` column (``stated`` for every existing row)
    when they have none.

    Parameters
    ----------
    case : kit.Case
    audit_rows : pandas.DataFrame
        Rows of :func:`audit` (at least ``claim_id`` and ``cites``; ``evidence`` is kept when present).

    Returns
    -------
    kit.Case

    Raises
    ------
    ValueError
        When a row names a claim that is not in the case, or a pair that the case already cites (every such row
        at once).

    Examples
    --------
    >>> import kit
    >>> from kit.auditing import audit, with_suspected
    >>> case = kit.testing.synth.make_case(300, seed=4, copy_rate=0.1)
    >>> more = with_suspected(case, audit(case))
    >>> len(more.citations) - len(case.citations) == len(audit(case)), set(case.citations["basis"])
    (True, {'stated'})
    >>> sorted(set(more.citations["basis"]))
    ['stated', 'suspected']
    """
    rows = pd.DataFrame(audit_rows)
    claim_ids = set(case.claims["claim_id"].tolist())
    source_ids = set(case.sources["source_id"].tolist())
    existing = set(zip(case.citations["claim_id"].tolist(), case.citations["cites"].tolist(), strict=False))
    problems = []
    for i, (a, b) in enumerate(zip(rows["claim_id"].tolist(), rows["cites"].tolist(), strict=False)):
        unknown = [x for x in (a,) if x not in claim_ids] + [x for x in (b,) if x not in claim_ids | source_ids]
        if unknown:
            problems.append(f"row {i}: {', '.join(map(repr, unknown))} is not a claim (or cited source) of this case")
        elif (a, b) in existing:
            problems.append(f"row {i}: {a!r} already cites {b!r}; drop the row or change that citation instead")
    if problems:
        raise ValueError("cannot add these suspected citations: " + "; ".join(problems))
    cit = case.citations.copy()
    if "basis" not in cit.columns:
        cit["basis"] = pd.array(["stated"] * len(cit), dtype="string")
    evidence = rows["evidence"] if "evidence" in rows.columns else pd.Series(pd.NA, index=rows.index)
    new = pd.DataFrame({c: pd.Series(pd.NA, index=range(len(rows)), dtype=cit[c].dtype) for c in cit.columns})
    new["claim_id"] = pd.array(rows["claim_id"].tolist(), dtype=cit["claim_id"].dtype)
    new["cites"] = pd.array(rows["cites"].tolist(), dtype=cit["cites"].dtype)
    new["relation"] = pd.array(["relies_on"] * len(rows), dtype=cit["relation"].dtype)
    new["evidence"] = pd.array(evidence.tolist(), dtype=cit["evidence"].dtype)
    new["basis"] = pd.array(["suspected"] * len(rows), dtype=cit["basis"].dtype)
    out = pd.concat([cit, new], ignore_index=True) if len(new) else cit
    return dataclasses.replace(case, citations=out, meta=dict(case.meta), warnings=list(case.warnings))
