"""Reading a case's files into raw tables of text, with the physical line of every record.

Nothing here judges the values; :mod:`kit.checking` does. This module only finds the files,
decodes them (UTF-8, with or without a BOM, CRLF or LF), refuses to guess other encodings or
delimiters, and keeps every record with the line it starts on.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import operator
import os
import tomllib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .errors import Problem
from .schema import COLUMNS, META_KEYS, TABLES

__all__ = ["RawTable", "RawCase", "read_raw", "resolve_case_path"]

csv.field_size_limit(2**31 - 1)


@dataclass
class RawTable:
    """One table as text: ``cells`` (a DataFrame of str, blank rows left out) and ``lines`` (record start lines)."""

    name: str
    file: str
    cells: pd.DataFrame
    lines: list
    header_line: int = 1
    #: rows (0-based) already reported as unreadable (e.g. too many values): their values are not checked again.
    bad_rows: set = field(default_factory=set)


@dataclass
class RawCase:
    """What :func:`read_raw` found: the raw tables, ``meta``, and the problems met while reading."""

    path: str
    tables: dict = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    folder: str | None = None


def resolve_case_path(path) -> tuple[str, str]:
    """Say what kind of case ``path`` names: ``("folder", dir)``, ``("xlsx", file)`` or ``("missing", path)``.

    Examples
    --------
    >>> resolve_case_path("no/such/place")[0]
    'missing'
    """
    p = os.fspath(path)
    if os.path.isdir(p):
        return "folder", p
    if os.path.isfile(p):
        if p.lower().endswith((".xlsx", ".xlsm")):
            return "xlsx", p
        if os.path.basename(p) == "case.toml":
            return "folder", os.path.dirname(p) or "."
        return "unknown", p
    return "missing", p


def read_raw(path) -> RawCase:
    """Read every table of the case at ``path`` (folder, ``case.toml`` or ``.xlsx``) as text.

    Examples
    --------
    >>> raw = read_raw("no/such/place")
    >>> print(raw.problems[0])
    no/such/place: there is no folder or file here; give the case's folder, its case.toml, or an .xlsx workbook
    """
    kind, p = resolve_case_path(path)
    raw = RawCase(path=os.fspath(path))
    if kind == "missing":
        raw.problems.append(Problem(raw.path, 0, None,
                                    "there is no folder or file here; give the case's folder, its case.toml, or an .xlsx workbook"))
    elif kind == "unknown":
        raw.problems.append(Problem(raw.path, 0, None,
                                    "this is not a case: give the case's folder, its case.toml, or an .xlsx workbook"))
    elif kind == "xlsx":
        _read_workbook(p, raw)
    else:
        raw.folder = p
        _read_folder(p, raw)
    if "title" not in raw.meta or not str(raw.meta.get("title") or "").strip():
        base = raw.folder if raw.folder is not None else os.path.splitext(p)[0]
        raw.meta["title"] = os.path.basename(os.path.abspath(base))
    return raw


# --- folders of CSV ---------------------------------------------------------------------------

def _read_folder(folder: str, raw: RawCase) -> None:
    toml_path = os.path.join(folder, "case.toml")
    if os.path.exists(toml_path):
        _read_toml(toml_path, raw)
    if not any(os.path.exists(os.path.join(folder, f"{name}.{ext}")) for name in TABLES for ext in ("csv", "parquet")):
        raw.problems.append(Problem(raw.path, 0, None,
                                    "this folder holds none of the case's tables (sources.csv, reports.csv, claims.csv, "
                                    "citations.csv); give the folder that holds them, or start a case as "
                                    "docs/case-format.md shows"))
        return
    for name in TABLES:
        file = os.path.join(folder, f"{name}.csv")
        parquet = os.path.join(folder, f"{name}.parquet")
        if not os.path.exists(file) and os.path.exists(parquet):
            _read_parquet(parquet, name, raw)
            continue
        if not os.path.exists(file):
            raw.problems.append(Problem(file, 0, None,
                                        f"the file is missing; a case needs {name}.csv with the columns "
                                        f"{', '.join(_required_names(name))} (see docs/case-format.md)"))
            continue
        table = read_csv_table(file, name, raw.problems)
        if table is not None:
            raw.tables[name] = table


def _required_names(name):
    from .schema import REQUIRED
    return REQUIRED[name]


def _read_toml(file: str, raw: RawCase) -> None:
    try:
        with open(file, "rb") as fh:
            data = fh.read()
        text = data.decode("utf-8-sig")
        meta = tomllib.loads(text)
    except UnicodeDecodeError:
        raw.problems.append(Problem(file, 0, None, "the file is not UTF-8; re-save it as UTF-8 text"))
        return
    except tomllib.TOMLDecodeError as e:
        raw.problems.append(Problem(file, 0, None,
                                    f"the file is not valid TOML ({e}); write one setting per line, "
                                    'text in double quotes, e.g. title = "Deir ez-Zor, 7 Feb 2018"'))
        return
    except OSError as e:
        raw.problems.append(Problem(file, 0, None, f"the file cannot be read ({e.strerror}); check that "
                                                                "you may open it and that no other program locks it"))
        return
    _take_meta(meta, file, raw)


def _take_meta(meta: dict, file: str, raw: RawCase) -> None:
    for key in META_KEYS:
        if key in meta and not isinstance(meta[key], str):
            raw.problems.append(Problem(file, 0, None,
                                        f"'{key}' must be text in double quotes, e.g. {key} = \"...\""))
    raw.meta.update(meta)


def _read_parquet(file: str, name: str, raw: RawCase) -> None:
    """A ``<table>.parquet`` file as text cells: strings as they are, other values written as in a workbook
    (:func:`_cell_text`), missing values empty; the record of row ``i`` (from 0) has line ``i + 2``."""
    try:
        import pyarrow.parquet as pq
        table = pq.read_table(file)
    except Exception as e:  # noqa: BLE001 - any reader failure is reported, not raised
        raw.problems.append(Problem(file, 0, None, f"the file cannot be read as parquet ({type(e).__name__}: {e})"))
        return
    meta = table.schema.pandas_metadata or {}
    index_cols = {c for c in meta.get("index_columns", []) if isinstance(c, str)}
    data, names = {}, []
    for j, (col_name, column) in enumerate(zip(table.column_names, table.columns)):
        if col_name in index_cols:
            continue
        try:
            data[len(names)] = pd.Series(pd.arrays.ArrowStringArray(_parquet_text(column)), copy=False)
        except Exception:  # noqa: BLE001 - a type the fast conversions do not cover: value by value
            values = column.to_pandas().astype(object)
            values = values.where(values.notna(), "")
            data[len(names)] = pd.Series(list(map(_cell_text, values)), dtype=object)
        names.append(str(col_name).strip().lower())
    del table
    n = len(data[0]) if data else 0
    cells = pd.DataFrame(data) if data else pd.DataFrame(index=range(n))
    cells.columns = names
    raw.tables[name] = RawTable(name, file, cells, np.arange(2, n + 2, dtype=np.int64))


def _parquet_text(column):
    """One parquet column as a pyarrow string array, each value as :func:`_cell_text` writes it (missing: empty).

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


# --- one CSV file -----------------------------------------------------------------------------

_ENCODING_HINT = ("re-save it as UTF-8: in Excel choose 'CSV UTF-8 (Comma delimited) (*.csv)', "
                  "in LibreOffice tick 'Edit filter settings' and pick 'Unicode (UTF-8)', "
                  "in Google Sheets use File > Download > CSV")
_DELIMITERS = {";": "semicolon", "\t": "tab", "|": "pipe"}


def _guess_encoding(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    if len(data) > 3 and (data[1::2].count(0) > len(data) // 4 or data[0::2].count(0) > len(data) // 4):
        return "UTF-16"
    high = [b for b in data if b >= 0x80]
    if any(0x80 <= b <= 0x9F for b in high):
        try:
            data.decode("cp1252")
            return "Windows-1252"
        except UnicodeDecodeError:
            pass
    return "Latin-1 (ISO-8859-1) or Windows-1252"


def decode_bytes(data: bytes, file: str, problems: list) -> str | None:
    """Decode a table's bytes as UTF-8 (a BOM is fine); report, never guess, anything else.

    Examples
    --------
    >>> probs = []
    >>> decode_bytes("\\ufeffname\\r\\nФонтанка\\r\\n".encode("utf-8"), "s.csv", probs)
    'name\\r\\nФонтанка\\r\\n'
    >>> decode_bytes("caf\\xe9".encode("cp1252"), "s.csv", probs) is None
    True
    >>> print(probs[0])  # doctest: +ELLIPSIS
    s.csv: the file is not UTF-8: it looks like Latin-1 (ISO-8859-1) or Windows-1252 (first seen on line 1, which reads 'café' in that encoding); re-save it as UTF-8: ...
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        enc = _guess_encoding(data)
        line = data[: e.start].count(b"\n") + 1
        where = f"line {line}"
        if enc != "UTF-16":
            start = max(data.rfind(b"\n", 0, e.start), data.rfind(b",", 0, e.start)) + 1
            end = min([i for i in (data.find(b"\n", e.start), data.find(b",", e.start)) if i >= 0] or [len(data)])
            word = data[start:end].decode("cp1252" if "Windows" in enc else "latin-1", errors="replace")
            word = " ".join(word.split())[:40]
            if word:
                where += f", which reads '{word}' in that encoding"
        problems.append(Problem(file, 0, None,
                                f"the file is not UTF-8: it looks like {enc} (first seen on {where}); "
                                f"{_ENCODING_HINT}"))
        return None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        problems.append(Problem(file, 0, None,
                                f"the file contains NUL bytes (first on line {line}); it looks like UTF-16 or a binary "
                                f"file, or was damaged; {_ENCODING_HINT}"))
        return None
    return text


def _sniff_delimiter(header_line: str) -> str | None:
    commas = header_line.count(",")
    best = max(_DELIMITERS, key=header_line.count)
    if header_line.count(best) > commas:
        return best
    return None


def read_csv_table(file: str, name: str, problems: list, fast: bool = True) -> RawTable | None:
    """Read one CSV file into a :class:`RawTable`; append problems instead of raising.

    With ``fast`` (the default), a file that :func:`parse_csv_fast` can read exactly is read with pyarrow;
    any other goes through :func:`parse_csv_text` (the csv module). Both give the same values, lines and
    problems; only the cells' dtype differs (pyarrow-backed strings or Python strings).

    Examples
    --------
    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); f = os.path.join(d, "citations.csv")
    >>> _ = open(f, "w", encoding="utf-8").write('claim_id,cites,relation,evidence\\nk1,s1,relies_on,"a\\nb"\\n\\nk2,k1, corroborates ,x\\n')
    >>> t = read_csv_table(f, "citations", [])
    >>> list(t.lines), list(t.cells["relation"])
    ([2, 5], ['relies_on', 'corroborates'])
    """
    try:
        with open(file, "rb") as fh:
            data = fh.read()
    except OSError as e:
        problems.append(Problem(file, 0, None, f"the file cannot be read ({e.strerror}); check that "
                                                                "you may open it and that no other program locks it"))
        return None
    text = decode_bytes(data, file, problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(Problem(file, 0, None,
                                f"the file is empty; it needs at least a header row: {','.join(COLUMNS[name])}"))
        return None
    first = text.lstrip("\r\n")[:100_000].splitlines()[0]  # the header line, without splitting the whole file
    delim = _sniff_delimiter(first)
    if delim is not None:
        problems.append(Problem(file, 0, None,
                                f"the file is {_DELIMITERS[delim]}-separated; the kit reads comma-separated files: "
                                "re-save it as 'CSV UTF-8 (Comma delimited)' (in LibreOffice set the field "
                                "delimiter to ','), or export it again from your spreadsheet as CSV"))
        return None
    if fast:
        table = parse_csv_fast(data, file, name, problems)
        if table is not None:
            return table
    return parse_csv_text(text, file, name, problems)


def _pyarrow():
    try:
        import pyarrow  # noqa: F401
        import pyarrow.compute  # noqa: F401
        import pyarrow.csv  # noqa: F401
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
    import numpy as np
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
    first = data[starts[nonempty[0]]: starts[nonempty[0]] + length[nonempty[0]]].decode("utf-8")
    width = len(next(csv.reader([first], strict=True)))
    names = [f"c{j}" for j in range(width)]
    try:
        table = pv.read_csv(
            pa.py_buffer(data),
            read_options=pv.ReadOptions(column_names=names, block_size=1 << 24),
            parse_options=pv.ParseOptions(newlines_in_values=False, ignore_empty_lines=True),
            convert_options=pv.ConvertOptions(column_types={c: pa.string() for c in names}, null_values=[],
                                              strings_can_be_null=False, quoted_strings_can_be_null=False))
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
            [pc.equal(col.take(at), "").to_numpy(zero_copy_only=False) for col in columns])
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
    return _name_columns(RawTable(name, file, cells, lines, header_line, set()), column_names, problems)


def parse_csv_text(text: str, file: str, name: str, problems: list) -> RawTable | None:
    """Split CSV text into records, keeping each record's first physical line.

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
        problems.append(Problem(file, prev + 1, None,
                                "the file cannot be read as CSV from this line on: a double quote (\") is probably "
                                "left open here; a value with a comma, quote or line break must be wrapped in double "
                                'quotes, with quotes inside doubled ("")'))
        return None
    return _build_table(header, header_line, rows, lines, file, name, problems)


def _build_table(header, header_line, rows, lines, file, name, problems) -> RawTable | None:
    join = "".join
    if header is None:
        names = f": {','.join(COLUMNS[name])}" if name in COLUMNS else ""
        problems.append(Problem(file, 0, None,
                                f"the file has no header row (only empty cells); the first row must name the "
                                f"columns{names}"))
        return None
    columns = [c.replace("\ufeff", "").strip().lower() for c in header]
    width = len(columns)
    bad_rows = set()
    for i in [i for i, record in enumerate(rows) if len(record) != width]:
        record = rows[i]
        if len(record) > width:
            if join(record[width:]).strip():
                bad_rows.add(i)
                problems.append(Problem(file, lines[i], None,
                                        f"this row has {len(record)} values but the header has {width} columns, "
                                        "so its values land in the wrong columns; a value with a comma in it must be "
                                        'wrapped in double quotes, e.g. "Five Russian citizens, it says"'))
            rows[i] = record[:width]
        else:
            rows[i] = record + [""] * (width - len(record))
    # column by column: cheaper in time and memory than a row-wise frame for a million rows
    strip = str.strip
    data = {j: pd.Series(list(map(strip, map(operator.itemgetter(j), rows))), dtype=object) for j in range(width)}
    del rows
    cells = pd.DataFrame(data) if data else pd.DataFrame(index=range(len(lines)))
    return _name_columns(RawTable(name, file, cells, lines, header_line, bad_rows), columns, problems)


def _letters(n: int) -> str:
    """A spreadsheet's column letters: 1 -> A, 27 -> AA.

    >>> _letters(1), _letters(26), _letters(28)
    ('A', 'Z', 'AB')
    """
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _name_columns(table: RawTable, columns: list, problems: list) -> RawTable:
    seen = {}
    keep, names = [], []
    for i, col in enumerate(columns):
        if col == "":
            if (table.cells[i].astype(str).str.strip() != "").any():
                problems.append(Problem(table.file, table.header_line, None,
                                        f"column {i + 1} ({_letters(i + 1)} in a spreadsheet) has values but no name "
                                        "in the header row; give it a name in the first row, or delete the column"))
            continue
        if col in seen:
            problems.append(Problem(table.file, table.header_line, col,
                                    f"the column '{col}' appears twice in the header (columns {seen[col] + 1} "
                                    f"and {i + 1}); keep one"))
            continue
        seen[col] = i
        keep.append(i)
        names.append(col)
    cells = table.cells[keep].copy()
    cells.columns = names
    table.cells = cells.reset_index(drop=True)
    return table


# --- xlsx workbooks ---------------------------------------------------------------------------

def _cell_text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        if v != v:  # NaN
            return ""
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, _dt.datetime):
        if v.time() == _dt.time(0) and v.tzinfo is None:
            return v.date().isoformat()
        return v.isoformat()
    if isinstance(v, (_dt.date, pd.Timestamp)):
        return v.isoformat()
    return str(v)


def _read_workbook(file: str, raw: RawCase) -> None:
    try:
        import openpyxl
        wb = openpyxl.load_workbook(file, data_only=True)
    except Exception as e:  # noqa: BLE001 - a broken workbook is a problem to report
        raw.problems.append(Problem(file, 0, None,
                                    f"the workbook cannot be opened ({type(e).__name__}): it may be damaged, "
                                    "password-protected, or an old .xls file; open it in your spreadsheet and save it "
                                    "again as 'Excel Workbook (.xlsx)'"))
        return
    sheets = {s.strip().lower(): s for s in wb.sheetnames}
    if "case" in sheets:
        ws = wb[sheets["case"]]
        meta = {}
        for r, row in enumerate(ws.iter_rows(values_only=True)):
            if row and row[0] is not None and str(row[0]).strip():
                key, value = str(row[0]).strip(), _cell_text(row[1] if len(row) > 1 else None).strip()
                if r == 0 and key.lower() == "key" and value.lower() == "value":
                    continue  # a header row, not a setting
                meta[key] = value
        _take_meta(meta, f"{file}#case", raw)
    for name in TABLES:
        label = f"{file}#{name}"
        if name not in sheets:
            raw.problems.append(Problem(label, 0, None,
                                        f"the workbook has no sheet named '{name}' (it has: "
                                        f"{', '.join(wb.sheetnames)}); add it with the columns "
                                        f"{', '.join(_required_names(name))}"))
            continue
        ws = wb[sheets[name]]
        merged = list(getattr(ws.merged_cells, "ranges", ()))
        header, header_line, rows, lines = None, 1, [], []
        for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [_cell_text(v).strip() for v in row]
            if not any(cells):
                continue
            if header is None:
                header, header_line = cells, r
                continue
            rows.append(cells)
            lines.append(r)
        for rng in merged:
            column = None
            if header is not None and rng.min_col == rng.max_col and rng.min_col <= len(header):
                column = header[rng.min_col - 1].strip().lower() or None
            raw.problems.append(Problem(label, rng.min_row, column,
                                        f"cells {rng.coord} are merged; unmerge them and put a value in each cell"))
        if header is None:
            raw.problems.append(Problem(label, 0, None,
                                        f"the sheet is empty; it needs at least a header row: {','.join(COLUMNS[name])}"))
            continue
        width = len(header)
        rows = [(c + [""] * width)[:width] for c in rows]
        cells = pd.DataFrame(rows, columns=range(width), dtype=object) if rows else \
            pd.DataFrame({i: pd.Series([], dtype=object) for i in range(width)})
        columns = [c.strip().lower() for c in header]
        raw.tables[name] = _name_columns(RawTable(name, label, cells, lines, header_line), columns, raw.problems)

