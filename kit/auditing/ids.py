"""Looking ids up in Arrow: string columns as ``pyarrow`` arrays and positions by ``pyarrow.compute.index_in``.

(``kit.provenance`` has the same look-up inside its engine; this is the audit's public one.)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["arrow_strings", "positions"]


def arrow_strings(values):
    """A column of strings as a ``pyarrow`` array (no copy when it is Arrow-backed already); missing stays null.

    Parameters
    ----------
    values : pandas.Series, pandas.Index, pyarrow.Array or sequence of str

    Returns
    -------
    pyarrow.StringArray

    Examples
    --------
    >>> arrow_strings(pd.Series(["a", None], dtype=object)).to_pylist()
    ['a', None]
    """
    import pyarrow as pa

    arr = values.array if isinstance(values, (pd.Series, pd.Index)) else values
    if isinstance(arr, (pa.Array, pa.ChunkedArray)):
        out = arr
    elif isinstance(getattr(arr, "dtype", None), pd.StringDtype) and arr.dtype.storage == "pyarrow":
        out = pa.array(arr)
    else:
        out = pa.array([v if isinstance(v, str) else None for v in np.asarray(arr, dtype=object)], type=pa.string())
    out = out.combine_chunks() if isinstance(out, pa.ChunkedArray) else out
    return out.cast(pa.string())


def positions(values, ids) -> np.ndarray:
    """Position of each of ``values`` among ``ids`` (the first, if repeated), -1 where absent.

    Parameters
    ----------
    values, ids : as for :func:`arrow_strings`

    Returns
    -------
    numpy.ndarray of int64

    Examples
    --------
    >>> positions(pd.Series(["b", "x", "a"]), pd.Series(["a", "b"])).tolist()
    [1, -1, 0]
    """
    import pyarrow.compute as pc

    found = pc.index_in(arrow_strings(values), value_set=arrow_strings(ids))
    return np.asarray(pc.fill_null(found, -1).to_numpy(zero_copy_only=False), dtype=np.int64)
