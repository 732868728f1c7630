"""Reading a ``<table>.parquet`` file as text cells, as a CSV file of the same table would give them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from kit.errors import Problem, shown
from kit.reading.limits import MAX_COLUMNS, file_problem, too_many_columns
from kit.reading.raw import RawTable, cell_text, name_columns

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["read_parquet_table"]


def read_parquet_table(file: str, name: str, problems: list) -> RawTable | None:
    """A ``<table>.parquet`` file as text cells; append problems instead of raising.

    Strings are kept as they are, other values written as in a workbook (:func:`kit.reading.raw.cell_text`),
    missing values empty; a column of bytes, lists or records is a problem (bytes are not decoded: the kit does not
    guess what they hold). A named pandas index is read as a column. The record of row ``i`` (from 0) has line
    ``i + 2``. Column names are matched as in a CSV header (stripped, ignoring case): two that differ only in case
    are one column named twice, a problem.

    Parameters
    ----------
    file : str
        The path of the ``.parquet`` file.
    name : str
        The table it holds (``"claims"``, ...): the name of the table returned.
    problems : list of kit.errors.Problem
        Where the problems found are appended.

    Returns
    -------
    RawTable or None
        The table's cells as text, with the line of each row; None when the file cannot be read at all.

    See Also
    --------
    kit.reading.csv.read_csv_table : the same for a CSV file.
    kit.reading.read_raw : reads a case folder, whichever form its tables have.

    Examples
    --------
    >>> import tempfile, os
    >>> f = os.path.join(tempfile.mkdtemp(), "claims.parquet")
    >>> pd.DataFrame({"claim_id": ["k1", "k2"], "low": [2, None]}).to_parquet(f, index=False)
    >>> t = read_parquet_table(f, "claims", [])
    >>> t.cells.astype(object).to_dict("list"), t.lines.tolist()
    ({'claim_id': ['k1', 'k2'], 'low': ['2', '']}, [2, 3])
    >>> pd.DataFrame({"Claim_ID": ["k1"], "claim_id": ["k2"]}).to_parquet(f, index=False)
    >>> probs = []
    >>> list(read_parquet_table(f, "claims", probs).cells.columns), len(probs)
    (['claim_id'], 1)
    """
    wrong = file_problem(file)
    if wrong is not None:  # a folder, a pipe, a device, a symlink loop: refused before it is opened
        problems.append(Problem(file, 0, None, wrong))
        return None
    try:
        import pyarrow.parquet as pq

        table = pq.read_table(file)
    except Exception as e:  # noqa: BLE001 - any reader failure is reported, not raised
        problems.append(Problem(file, 0, None, f"the file cannot be read as parquet ({type(e).__name__}: {e})"))
        return None
    meta = table.schema.pandas_metadata or {}
    # an unnamed pandas index (``__index_level_0__``) is row numbers, left out; a named one (df.set_index("claim_id"))
    # is a column of the table, read as the others
    index_cols = {c for c in meta.get("index_columns", []) if isinstance(c, str) and c.startswith("__index_level_")}
    data: dict = {}
    names: list = []
    refused = False
    if len(table.column_names) > MAX_COLUMNS:
        problems.append(Problem(file, 0, None, too_many_columns(len(table.column_names))))
        return None
    for col_name, column in zip(table.column_names, table.columns, strict=False):
        if col_name in index_cols:
            continue
        kind = _not_text(column.type)
        if kind is not None:
            col = str(col_name).strip().lower()
            problems.append(Problem(file, 1, shown(col) or None, _NOT_TEXT[kind].format(shown(col), column.type)))
            refused = True  # the column stays, empty, so that it is not also reported missing
            data[len(names)] = pd.Series([""] * table.num_rows, dtype=object)
            names.append(col)
            continue
        try:
            data[len(names)] = pd.Series(pd.arrays.ArrowStringArray(_parquet_text(column)), copy=False)
        except Exception:  # noqa: BLE001 - a type the fast conversions do not cover: value by value
            values = column.to_pandas().astype(object)
            values = values.where(values.notna(), "")
            data[len(names)] = pd.Series(list(map(cell_text, values)), dtype=object)
        names.append(str(col_name).strip().lower())
    del table
    n = len(data[0]) if data else 0
    cells = pd.DataFrame(data) if data else pd.DataFrame(index=range(n))
    table = RawTable(name, file, cells, np.arange(2, n + 2, dtype=np.int64))
    if refused:  # the rows cannot be checked without that column's values
        table.bad_rows = set(range(n))
    if len(set(names)) < len(names) or "" in names:  # e.g. 'Claim_ID' and 'claim_id': named as a CSV header is
        return name_columns(table, names, problems)
    cells.columns = names
    return table


_NOT_TEXT = {
    "bytes": "the column '{}' holds bytes ({}), not text; the kit does not guess what they encode: decode them to "
    "text (in pandas: df[column] = df[column].str.decode('utf-8')) and write the file again",
    "lists": "the column '{}' holds lists ({}), not one value per cell; join them (in pandas: df[column] = "
    "df[column].str.join('; ')) or give each its own row, and write the file again",
    "records": "the column '{}' holds records ({}), not one value per cell; give each field its own column (in "
    "pandas: pd.json_normalize) and write the file again",
}


def _not_text(t: pa.DataType) -> str | None:
    """What a parquet column of type ``t`` holds when that is not a value per cell the kit can write as text.

    >>> import pyarrow as pa
    >>> _not_text(pa.binary()), _not_text(pa.list_(pa.string())), _not_text(pa.string()) is None
    ('bytes', 'lists', True)
    """
    import pyarrow as pa

    if pa.types.is_dictionary(t):
        t = t.value_type
    if pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_fixed_size_binary(t):
        return "bytes"
    if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t):
        return "lists"
    if pa.types.is_struct(t) or pa.types.is_map(t) or pa.types.is_union(t):
        return "records"
    return None


def _parquet_text(column: pa.Array) -> pa.Array:
    """One parquet column as a pyarrow string array, each value as :func:`cell_text` writes it (missing: empty).

    >>> import pyarrow as pa
    >>> ts = pa.array([0, 86_400 * 10**9 + 5 * 10**9], pa.timestamp("ns", "UTC"))
    >>> _parquet_text(ts).to_pylist()
    ['1970-01-01T00:00:00+00:00', '1970-01-02T00:00:05+00:00']
    >>> _parquet_text(pa.array([True, None])).to_pylist(), _parquet_text(pa.array([7, None])).to_pylist()
    (['true', ''], ['7', ''])
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    t = column.type
    if pa.types.is_dictionary(t):
        column = column.cast(t.value_type)
        t = t.value_type
    empty = pa.scalar("", pa.string())
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_null(t):
        column = column.cast(pa.string())
        return pc.fill_null(column, empty) if column.null_count else column
    if pa.types.is_boolean(t):
        return pc.fill_null(pc.if_else(column, "true", "false"), empty)
    if pa.types.is_integer(t) or pa.types.is_date32(t) or pa.types.is_date64(t):
        return pc.fill_null(column.cast(pa.string()), empty)
    if pa.types.is_timestamp(t) and t.tz in (None, "UTC", "utc", "Etc/UTC", "+00:00", "Z"):
        values = column.cast(pa.timestamp("ns", t.tz)) if t.unit != "ns" else column
        ns = np.asarray(pc.fill_null(values.cast(pa.int64()), 0).to_numpy(zero_copy_only=False), dtype=np.int64)
        if (ns % 10**9).any():
            raise ValueError("fractions of a second")  # the value-by-value path writes them as Timestamp does
        text = np.datetime_as_string((ns // 10**9).astype("datetime64[s]"), unit="s")
        if t.tz is None:  # a naive midnight is written as a bare date, like a workbook's date
            midnight = ns % (86_400 * 10**9) == 0
            text = np.where(midnight, text.astype("U10"), text) if midnight.any() else text
        else:
            text = np.char.add(text, "+00:00")
        out = pa.array(text, pa.string())
        return pc.if_else(pc.is_valid(values), out, empty)
    raise ValueError(f"no fast text for {t}")
