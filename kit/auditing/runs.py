"""The longest runs of content words that claims of different publishers share: what the audit had to go on.

When :func:`kit.auditing.audit` lists nothing, :func:`longest_shared_runs` says how close it came: for each pair of
claims by different publishers, the longest run of consecutive content words (:mod:`kit.auditing.text`) that both
texts have, the longest first. A ``shared_text`` passage needs :data:`kit.auditing.exact.MIN_WORDS` shared words,
so a case whose longest run is shorter holds no copied passage the audit could find. It compares every pair of
claims, so it is for a reporter's case (up to ``max_claims`` claims), not an archive.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import TYPE_CHECKING

import pandas as pd

from kit.auditing.text import STOP_WORDS, words

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["longest_shared_runs"]


def longest_shared_runs(case: Case, *, top: int = 5, max_claims: int = 2000) -> pd.DataFrame:
    """The pairs of claims by different publishers sharing the longest runs of content words.

    Parameters
    ----------
    case : kit.Case
    top : int
        How many pairs to give (the longest runs; on equal length, in table order of the pair's first claim,
        then of its second).
    max_claims : int
        Refuse a case with more claims than this: every pair is compared (use :func:`kit.auditing.audit`, which
        does not, on an archive).

    Returns
    -------
    pandas.DataFrame
        ``claim_id`` and ``other`` (the two claims, in table order), ``length`` (content words in the run) and
        ``run`` (those words, normalised, joined by spaces). Claims of one publisher are never paired, nor a
        claim with no text.

    Raises
    ------
    ValueError
        When the case has more than ``max_claims`` claims.

    See Also
    --------
    kit.auditing.audit : the pairs whose shared words make a passage.

    Examples
    --------
    >>> import kit
    >>> case = kit.testing.synth.make_case(30, seed=2, copy_rate=0.3)
    >>> runs = longest_shared_runs(case, top=3)
    >>> list(runs.columns), len(runs), bool(runs["length"].is_monotonic_decreasing)
    (['claim_id', 'other', 'length', 'run'], 3, True)
    """
    claims = case.claims
    if len(claims) > max_claims:
        raise ValueError(
            f"the case has {len(claims)} claims and every pair would be compared; pass max_claims= to allow it"
            " or use kit.auditing.audit"
        )
    publisher = dict(zip(case.reports["report_id"].tolist(), case.reports["source_id"].tolist(), strict=False))
    rows = [
        (cid, publisher.get(rid), [w for w in words(t) if w not in STOP_WORDS])
        for cid, rid, t in zip(
            claims["claim_id"].tolist(), claims["report_id"].tolist(), claims["text"].tolist(), strict=True
        )
        if isinstance(t, str)
    ]
    found: list = []
    for i, (a, pa, x) in enumerate(rows):
        for b, pb, y in rows[i + 1 :]:
            if pa is None or pa == pb:
                continue
            m = SequenceMatcher(None, x, y, autojunk=False).find_longest_match(0, len(x), 0, len(y))
            if m.size:
                found.append((-m.size, len(found), a, b, " ".join(x[m.a : m.a + m.size])))
    found.sort()
    out = [(a, b, -n, run) for n, _, a, b, run in found[:top]]
    return pd.DataFrame(
        {
            "claim_id": pd.array([r[0] for r in out], dtype="string"),
            "other": pd.array([r[1] for r in out], dtype="string"),
            "length": pd.array([r[2] for r in out], dtype="int64"),
            "run": pd.array([r[3] for r in out], dtype="string"),
        }
    )
