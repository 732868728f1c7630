"""Reading one CSV file: decoded and its delimiter checked (:mod:`kit.reading.encoding`), then split into
records keeping the physical line each starts on -- fast with pyarrow when that is exact, else with the csv module.
"""

from __future__ import annotations

import csv
import io
import operator
from types import ModuleType

import numpy as np
import pandas as pd

from kit.errors import Problem
from kit.reading.encoding import DELIMITERS, decode_bytes, sniff_delimiter
from kit.reading.limits import MAX_COLUMNS, too_many_columns
from kit.reading.raw import RawTable, name_columns, read_bytes
from kit.schema import FILE_COLUMNS

__all__ = ["read_csv_table", "parse_csv_fast", "parse_csv_text"]

csv.field_size_limit(2**31 - 1)


def read_csv_table(file: str, name: str, problems: list, fast: bool = True) -> RawTable | None:
    """Read one CSV file into a :class:`RawTable`; append problems instead of raising.

    With ``fast`` (the default), a file that :func:`parse_csv_fast` can read exactly is read with pyarrow;
    any other goes through :func:`parse_csv_text` (the csv module). Both give the same values, lines and
    problems; only the cells' dtype differs (pyarrow-backed strings or Python strings).

    Parameters
    ----------
    file : str
        The path of the ``.csv`` file.
    name : str
        The table it holds (``"claims"``, ...): the name of the table returned, and whose columns an empty file's
        problem lists.
    problems : list of kit.errors.Problem
        Where the problems found are appended.
    fast : bool, default True
        Try pyarrow's reader first.

    Returns
    -------
    RawTable or None
        The cells as text with the physical line each record starts on; None when the file cannot be read at all
        (missing, not UTF-8, empty, another delimiter, too many columns).

    See Also
    --------
    kit.reading.parquet.read_parquet_table : the same for a parquet file.
    kit.reading.read_raw : reads every table of a case.

    Examples
    --------
    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); f = os.path.join(d, "citations.csv")
    >>> text = 'claim_id,cites,relation,evidence\\nk1,s1,relies_on,"a\\nb"\\n\\nk2,k1, corroborates ,x\\n'
    >>> _ = open(f, "w", encoding="utf-8").write(text)
    >>> t = read_csv_table(f, "citations", [])
    >>> list(t.lines), list(t.cells["relation"])
    ([2, 5], ['relies_on', 'corroborates'])
    """
    data = read_bytes(file, problems)
    if data is None:
        return None
    text = decode_bytes(data, file, problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(
            Problem(file, 0, None, f"the file is empty; it needs at least a header row: {','.join(FILE_COLUMNS[name])}")
        )
        return None
    first = text.lstrip("\r\n")[:100_000].splitlines()[0]  # the header line, without splitting the whole file
    if first.count(",") >= MAX_COLUMNS:  # refused before a frame of that many columns is built
        line = text.lstrip("\r\n").split("\n", 1)[0]
        try:
            n = len(next(csv.reader([line], strict=True)))
        except csv.Error:
            n = line.count(",") + 1
        if n > MAX_COLUMNS:
            problems.append(Problem(file, 0, None, too_many_columns(n)))
            return None
    delim = sniff_delimiter(first)
    if delim is not None:
        problems.append(
            Problem(
                file,
                0,
                None,
                f"the file is {DELIMITERS[delim]}-separated; the kit reads comma-separated files: "
                "re-save it as 'CSV UTF-8 (Comma delimited)' (in LibreOffice set the field "
                "delimiter to ','), or export it again from your spreadsheet as CSV",
            )
        )
        return None
    if fast:
        table = parse_csv_fast(data, file, name, problems)
        if table is not None:
            return table
    return parse_csv_text(text, file, name, problems)


def _pyarrow() -> ModuleType | None:
    try:
        import pyarrow
        import pyarrow.compute
        import pyarrow.csv
    except ImportError:  # pragma: no cover - pyarrow is a dependency; without it every file takes the exact path
        return None
    return pyarrow


def parse_csv_fast(data: bytes, file: str, name: str, problems: list) -> RawTable | None:
    """Read CSV bytes with pyarrow's multithreaded reader when that gives exactly what :func:`parse_csv_text` gives.

    That is the case when no value holds a line break and every double quote belongs to a well-formed quoted
    value (opening at the start of a value, closing at its end, quotes inside doubled): then each non-empty
    physical line is one record, and its line number is known from where the line breaks are. The bytes are
    checked for that with array operations; anything else (a quoted line break, a stray quote, a lone carriage
    return, rows of differing widths, ...) returns None, and the caller reads the text with the csv module.
    Cells come back as pyarrow-backed strings, stripped; ``lines`` is a numpy array.

    Parameters
    ----------
    data : bytes
        The file's bytes, UTF-8 (:func:`kit.reading.encoding.decode_bytes` has accepted them).
    file : str
        The file's path, for the problems and the table.
    name : str
        The table it holds.
    problems : list of kit.errors.Problem
        Where the problems found are appended.

    Returns
    -------
    RawTable or None
        The table; None when pyarrow is not installed or the bytes are not of the simple form described.

    See Also
    --------
    parse_csv_text : reads any CSV text, record by record.

    Examples
    --------
    >>> t = parse_csv_fast(b'a,b\\r\\n\\r\\n1,"x, y"\\r\\n,\\r\\n2,3\\r\\n', "t.csv", "citations", [])
    >>> t.lines.tolist(), t.cells.astype(object).to_dict("list")
    ([3, 5], {'a': ['1', '2'], 'b': ['x, y', '3']})
    >>> parse_csv_fast(b'a,b\\n1,"x\\ny"\\n', "t.csv", "citations", []) is None  # a quoted line break
    True
    """
    pa = _pyarrow()
    if pa is None or not data:
        return None
    import pyarrow.compute as pc
    import pyarrow.csv as pv

    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        return None  # a carriage return on its own is a line break to the csv module, not to pyarrow
    arr = np.frombuffer(data, dtype=np.uint8)
    n = len(arr)
    ends = np.flatnonzero(arr == 10)
    if data[-1:] != b"\n":
        ends = np.append(ends, n)
    starts = np.empty(len(ends), dtype=np.int64)
    starts[:1] = 0
    starts[1:] = ends[:-1] + 1
    length = ends - starts
    has_cr = np.zeros(len(ends), dtype=bool)
    nonzero = length > 0
    has_cr[nonzero] = arr[ends[nonzero] - 1] == 13
    length -= has_cr
    nonempty = np.flatnonzero(length > 0)  # pyarrow skips empty lines; each other line is one record
    if not len(nonempty):
        return None
    quotes = np.flatnonzero(arr == 34)
    raw = arr
    if len(quotes):
        per_line = np.bincount(np.searchsorted(ends, quotes), minlength=len(ends))
        if (per_line % 2).any():
            return None  # a value with a line break in it (or a quote left open)
        opens, closes = quotes[0::2], quotes[1::2]
        before = raw[np.maximum(opens - 1, 0)]
        ok_open = (opens == 0) | (before == 44) | (before == 10)
        ok_open[1:] |= opens[1:] == closes[:-1] + 1  # the second quote of a doubled ""
        after = raw[np.minimum(closes + 1, n - 1)]
        ok_close = (closes == n - 1) | (after == 44) | (after == 10) | (after == 13)
        ok_close[:-1] |= closes[:-1] + 1 == opens[1:]
        if not (ok_open.all() and ok_close.all()):
            return None
    first = data[starts[nonempty[0]] : starts[nonempty[0]] + length[nonempty[0]]].decode("utf-8")
    width = len(next(csv.reader([first], strict=True)))
    names = [f"c{j}" for j in range(width)]
    try:
        table = pv.read_csv(
            pa.py_buffer(data),
            read_options=pv.ReadOptions(column_names=names, block_size=1 << 24),
            parse_options=pv.ParseOptions(newlines_in_values=False, ignore_empty_lines=True),
            convert_options=pv.ConvertOptions(
                column_types={c: pa.string() for c in names},
                null_values=[],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowException):
        return None  # e.g. a row with more or fewer values than the first: the exact reader reports it
    if table.num_rows != len(nonempty):
        return None
    columns = [pc.utf8_trim_whitespace(table.column(j)) for j in range(width)]
    del table
    # a record is blank when all its cells are empty: only rows whose first cell is empty can be
    blank = np.zeros(table_rows := len(columns[0]) if width else 0, dtype=bool)
    maybe = np.flatnonzero(pc.equal(columns[0], "").to_numpy(zero_copy_only=False)) if width else blank
    if len(maybe):
        at = pa.array(maybe)
        blank[maybe] = np.logical_and.reduce(
            [pc.equal(col.take(at), "").to_numpy(zero_copy_only=False) for col in columns]
        )
    keep = np.flatnonzero(~blank) if table_rows else np.zeros(0, dtype=np.int64)
    if not len(keep):
        return None
    header = [col[int(keep[0])].as_py() for col in columns]
    header_line = int(nonempty[keep[0]]) + 1
    rows = keep[1:]
    lines = nonempty[rows] + 1
    all_rows = len(rows) == len(nonempty) - 1 and (len(rows) == 0 or rows[0] == 1)
    take = None if all_rows else pa.array(rows)
    data_cols = {}
    for j, col in enumerate(columns):
        col = col.slice(1) if all_rows else col.take(take)
        data_cols[j] = pd.Series(pd.arrays.ArrowStringArray(col), copy=False)
    cells = pd.DataFrame(data_cols) if data_cols else pd.DataFrame(index=range(len(lines)))
    column_names = [c.replace("\ufeff", "").strip().lower() for c in header]
    return name_columns(RawTable(name, file, cells, lines, header_line, set()), column_names, problems)


def parse_csv_text(text: str, file: str, name: str, problems: list) -> RawTable | None:
    """Split CSV text into records, keeping each record's first physical line.

    Blank rows and rows of empty cells are skipped; the header's names are stripped and lower-cased. A row with
    more (non-empty) values than the header has columns, a double quote left open, or a text without a header is
    a problem.

    Parameters
    ----------
    text : str
        The decoded text.
    file : str
        The file's path, for the problems and the table.
    name : str
        The table it holds.
    problems : list of kit.errors.Problem
        Where the problems found are appended.

    Returns
    -------
    RawTable or None
        The table (its ``lines`` a list); None when the text cannot be read as CSV or has no header.

    See Also
    --------
    parse_csv_fast : the same, faster, for text without quoted line breaks.

    Examples
    --------
    >>> probs = []
    >>> t = parse_csv_text(' a , b\\n\\n1,"x\\ny"\\n,\\n2,3,\\n', "t.csv", "citations", probs)
    >>> t.lines, t.cells.to_dict("list"), probs
    ([3, 6], {'a': ['1', '2'], 'b': ['x\\ny', '3']}, [])
    """
    join = "".join
    header = None
    header_line = 1
    rows, lines = [], []
    # Fast path: read every record at once; when the reader consumed exactly one physical line per record
    # (no value holds a line break), record k starts on line k + 1. Otherwise, or on a CSV error, read again
    # record by record, tracking where each starts.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = list(reader)
    except csv.Error:
        records = None
    if records is not None and reader.line_num == len(records):
        keep = [i for i, r in enumerate(records) if join(r).strip()]  # blank rows and rows of empty cells go
        if keep:
            header, header_line = records[keep[0]], keep[0] + 1
            rows = [records[i] for i in keep[1:]]
            lines = [i + 1 for i in keep[1:]]
        del records
        return _build_table(header, header_line, rows, lines, file, name, problems)
    del records
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    prev = 0
    try:
        for record in reader:
            start = prev + 1
            prev = reader.line_num
            if not join(record).strip():
                continue  # a blank row, or a row of empty cells
            if header is None:
                header, header_line = record, start
                continue
            rows.append(record)
            lines.append(start)
    except csv.Error:
        problems.append(
            Problem(
                file,
                prev + 1,
                None,
                'the file cannot be read as CSV from this line on: a double quote (") is probably '
                "left open here; a value with a comma, quote or line break must be wrapped in double "
                'quotes, with quotes inside doubled ("")',
            )
        )
        return None
    return _build_table(header, header_line, rows, lines, file, name, problems)


def _build_table(
    header: list[str] | None,
    header_line: int,
    rows: list[list[str]],
    lines: list[int],
    file: str,
    name: str,
    problems: list[Problem],
) -> RawTable | None:
    join = "".join
    if header is None:
        names = f": {','.join(FILE_COLUMNS[name])}" if name in FILE_COLUMNS else ""
        problems.append(
            Problem(
                file,
                0,
                None,
                f"the file has no header row (only empty cells); the first row must name the columns{names}",
            )
        )
        return None
    columns = [c.replace("\ufeff", "").strip().lower() for c in header]
    width = len(columns)
    bad_rows = set()
    for i in [i for i, record in enumerate(rows) if len(record) != width]:
        record = rows[i]
        if len(record) > width:
            if join(record[width:]).strip():
                bad_rows.add(i)
                problems.append(
                    Problem(
                        file,
                        lines[i],
                        None,
                        f"this row has {len(record)} values but the header has {width} columns, "
                        "so its values land in the wrong columns; a value with a comma in it must be "
                        'wrapped in double quotes, e.g. "Five Russian citizens, it says"',
                    )
                )
            rows[i] = record[:width]
        else:
            rows[i] = record + [""] * (width - len(record))
    # column by column: cheaper in time and memory than a row-wise frame for a million rows
    strip = str.strip
    data = {j: pd.Series(list(map(strip, map(operator.itemgetter(j), rows))), dtype=object) for j in range(width)}
    del rows
    cells = pd.DataFrame(data) if data else pd.DataFrame(index=range(len(lines)))
    return name_columns(RawTable(name, file, cells, lines, header_line, bad_rows), columns, problems)
