"""Turning checked tables of text into the typed frames of a Case."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kit.checking.arrays import arrow, by_uniques, numbers
from kit.checking.checker import Checker
from kit.checking.values import ENUMS, TRUE
from kit.reading.limits import MAX_FIGURE
from kit.schema import COLUMNS

__all__ = ["typed_frame", "text_array", "lower_text", "count_array"]


def text_array(values: pd.Series, arr: pa.Array | None = None) -> pd.api.extensions.ExtensionArray:
    """A text column as a pandas string array, an empty cell as missing.

    Parameters
    ----------
    values : pandas.Series
        The cells as text.
    arr : pyarrow.Array, optional
        The same cells as a pyarrow array, when the caller has it already (:meth:`Checker.pa`).

    Returns
    -------
    pandas.arrays.ArrowStringArray
        The cells, ``<NA>`` where one is empty.

    See Also
    --------
    lower_text : the same for the columns of an enum, lower-cased.

    Examples
    --------
    >>> text_array(pd.Series(["Wire A", "", "Paper B"], dtype=object)).tolist()
    ['Wire A', <NA>, 'Paper B']
    """
    arr = arrow(values) if arr is None else arr
    empty = pc.equal(arr, "")
    n_empty = pc.sum(empty).as_py() or 0
    if n_empty == len(arr):
        arr = pa.nulls(len(arr), arr.type)
    elif n_empty:
        arr = pc.if_else(empty, pa.scalar(None, arr.type), arr)
    return pd.array(arr, dtype="string")


def lower_text(
    values: pd.Series, allowed: tuple[str, ...] = (), arr: pa.Array | None = None
) -> pd.api.extensions.ExtensionArray:
    """Enum values lower-cased (by Python's rules, once per distinct value), empty as missing.

    Parameters
    ----------
    values : pandas.Series
        The cells as text, each one of ``allowed`` in any case (the check made sure of it).
    allowed : tuple of str, optional
        The enum's values: when every cell is one of them already, nothing is lower-cased.
    arr : pyarrow.Array, optional
        The same cells as a pyarrow array, when the caller has it already.

    Returns
    -------
    pandas.arrays.ArrowStringArray
        The values in lower case, ``<NA>`` where a cell is empty.

    See Also
    --------
    kit.checking.values.ENUMS : the enum columns and their values.

    Examples
    --------
    >>> lower_text(pd.Series(["Wire", "", "anonymous"], dtype=object), ("wire", "anonymous")).tolist()
    ['wire', <NA>, 'anonymous']
    """
    arr = arrow(values) if arr is None else arr
    if pc.all(pc.is_in(arr, value_set=pa.array(("",) + tuple(allowed), pa.large_string()))).as_py() is not False:
        return text_array(values, arr)  # already lower-case
    codes, uniques = pd.factorize(values, sort=False)
    mapped = pa.array([None if v == "" else v.lower() for v in np.asarray(uniques, dtype=object)], pa.large_string())
    return pd.array(mapped.take(pa.array(np.asarray(codes))), dtype="string")


def typed_frame(c: Checker, name: str) -> pd.DataFrame:
    """One checked table as the typed frame of a :class:`kit.Case`.

    Text columns are pandas strings (empty: missing), enums lower-cased, ``reliability`` upper-cased (empty:
    ``F``), ``confidential`` a bool, ``published`` the earliest moment (UTC) with ``published_latest`` beside it,
    ``low`` and ``high`` counts (:func:`count_array`), ``credibility`` a grade 1 to 6 (empty: 6); an unknown column
    is kept as text.

    Parameters
    ----------
    c : Checker
        The check of the tables, which found no error in this one.
    name : str
        The table: ``"sources"``, ``"reports"``, ``"claims"`` or ``"citations"``.

    Returns
    -------
    pandas.DataFrame
        One row per row of the table, in its order.

    See Also
    --------
    kit.schema.COLUMNS : the columns of each table.
    kit.checking.check_tables : checks the tables, then types them with this.

    Examples
    --------
    ``tests/cases/one_row`` has one claim, "Seven residents were present":

    >>> from kit.reading import read_raw
    >>> claims = typed_frame(Checker(read_raw("tests/cases/one_row").tables), "claims")
    >>> claims[["claim_id", "low", "high", "certainty", "credibility"]]
      claim_id  low  high certainty  credibility
    0       c1    7     7  asserted            2
    >>> claims.dtypes["low"], claims.dtypes["credibility"]
    (Int64Dtype(), Int64Dtype())
    """
    cells = c.tables[name].cells
    parsed = c.numbers  # figures the checker parsed already
    out = {}
    for col in COLUMNS[name]:
        values = c.col(name, col).reset_index(drop=True)
        if (name, col) == ("citations", "basis"):  # empty means stated (contract version 2)
            out[col] = lower_text(values, ENUMS[(name, col)], c.pa(name, col)).fillna("stated")
        elif (name, col) in ENUMS:
            out[col] = lower_text(values, ENUMS[(name, col)], c.pa(name, col))
        elif col == "reliability":
            values = c.obj(name, col).reset_index(drop=True)
            out[col] = pd.array(values.str.upper().where(values != "", "F"), dtype="string")
        elif col == "confidential":
            values = c.obj(name, col).reset_index(drop=True)
            out[col] = values.str.lower().isin(TRUE).astype(bool).to_numpy()
        elif col == "published":
            earliest, latest, _ = c.published_range()
            out[col] = earliest.reset_index(drop=True).astype("datetime64[ns, UTC]")
            out["published_latest"] = latest.reset_index(drop=True).astype("datetime64[ns, UTC]")
        elif col in ("low", "high"):
            nums = parsed[col] if col in parsed else numbers(values, np.ones(len(values), dtype=bool))
            out[col] = count_array(nums.reset_index(drop=True))
        elif col == "credibility":
            grades = by_uniques(values, lambda v: 6 if v == "" else int(v))
            out[col] = pd.array(grades.astype(np.int64), dtype="Int64")
        else:
            out[col] = text_array(values, c.pa(name, col))
    for col in cells.columns:
        if col not in out:
            values = cells[col]
            if values.dtype != object and not isinstance(values.dtype, pd.StringDtype):
                values = values.astype(str)
            out[col] = text_array(values.reset_index(drop=True))
    return pd.DataFrame(out)


def count_array(nums: pd.Series) -> pd.api.extensions.ExtensionArray:
    """Parsed counts as whole numbers (Int64) when all are whole, else Float64.

    Parameters
    ----------
    nums : pandas.Series
        The figures as floats, NaN where a cell is empty.

    Returns
    -------
    pandas.arrays.IntegerArray or pandas.arrays.FloatingArray
        Int64 when every figure is whole (and at most :data:`kit.reading.limits.MAX_FIGURE`, so exact), else
        Float64; ``<NA>`` where a cell is empty.

    See Also
    --------
    kit.checking.arrays.numbers : parses the cells into these figures.

    Examples
    --------
    >>> count_array(pd.Series([12.0, None, 200.0])).tolist()
    [12, <NA>, 200]
    >>> count_array(pd.Series([1.5, None])).tolist()
    [1.5, <NA>]
    """
    whole = nums.dropna()
    if (whole == whole.round()).all() and (whole.abs() <= MAX_FIGURE).all():  # up to 2**53: every integer exact
        return pd.array(nums.round().astype("Float64"), dtype="Int64")
    return pd.array(nums, dtype="Float64")
