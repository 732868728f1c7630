"""The frame of pairs each signal of the audit gives, before :func:`kit.audit` names the claims.

Every rule that lists pairs (``shared_text`` and its reprint, framing and rewording rules, ``same_figure``,
``same_attribution``) gives the same five columns: ``later`` and ``earlier`` (time-order positions,
:mod:`kit.auditing.context`), ``signal``, ``score`` and ``evidence``. :func:`pair_rows` makes that frame, with the
same types whether it holds pairs or none.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["PAIR_COLUMNS", "pair_rows"]

#: the columns of a signal's pairs, in order
PAIR_COLUMNS = ("later", "earlier", "signal", "score", "evidence")


def pair_rows(later, earlier, signal: str, score, evidence) -> pd.DataFrame:
    """Pairs (``later``, ``earlier``) of one signal, with their scores and evidence.

    Parameters
    ----------
    later, earlier : sequence of int
        Time-order positions of the later claim and of the earlier one it appears to depend on.
    signal : str
        The signal that lists them (``"shared_text"``, ``"same_figure"``, ...).
    score : sequence of float
    evidence : iterable of str

    Returns
    -------
    pandas.DataFrame
        :data:`PAIR_COLUMNS`: ``later`` and ``earlier`` int64, ``score`` float, ``evidence`` object.

    Examples
    --------
    >>> rows = pair_rows([3], [1], "shared_text", [0.9], ["copied prose: pupils move"])
    >>> rows.to_dict("records")
    [{'later': 3, 'earlier': 1, 'signal': 'shared_text', 'score': 0.9, 'evidence': 'copied prose: pupils move'}]
    >>> empty = pair_rows([], [], "shared_text", [], [])
    >>> empty.columns.tolist(), str(empty["later"].dtype), str(empty["score"].dtype)
    (['later', 'earlier', 'signal', 'score', 'evidence'], 'int64', 'float64')
    """
    return pd.DataFrame(
        {
            "later": np.asarray(later, dtype=np.int64),
            "earlier": np.asarray(earlier, dtype=np.int64),
            "signal": signal,
            "score": np.asarray(score, dtype=float),
            "evidence": pd.Series(list(evidence), dtype=object),
        }
    )
