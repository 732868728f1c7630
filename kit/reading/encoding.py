"""Decoding a table file: UTF-8 only (with or without a BOM), other encodings named, other delimiters refused.

:func:`decode_bytes` says what a file that is not UTF-8 most likely is (UTF-16, UTF-32, Latin-1 or
Windows-1252, ...) and how to re-save it; :func:`sniff_delimiter` names the delimiter of a header line that is
not comma-separated. :mod:`kit.reading.csv` reads the records.
"""

from __future__ import annotations

from kit.errors import Problem

__all__ = ["decode_bytes", "sniff_delimiter", "ENCODING_HINT", "DELIMITERS"]

#: how to re-save a file as UTF-8, in the three spreadsheets reporters use
ENCODING_HINT = (
    "re-save it as UTF-8: in Excel choose 'CSV UTF-8 (Comma delimited) (*.csv)', "
    "in LibreOffice tick 'Edit filter settings' and pick 'Unicode (UTF-8)', "
    "in Google Sheets use File > Download > CSV"
)
#: the delimiters recognised (and refused) in a header line, with their names
DELIMITERS = {";": "semicolon", "\t": "tab", "|": "pipe"}


def _guess_encoding(data: bytes) -> str:
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if len(data) >= 8 and (
        data[2::4].count(0) + data[3::4].count(0) > len(data) // 3
        or data[0::4].count(0) + data[1::4].count(0) > len(data) // 3
    ):
        return "UTF-32"
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


def _byte_order(data: bytes, enc: str) -> str:
    """``big-endian`` or ``little-endian``: where the zero bytes of mostly ASCII (or Cyrillic ...) text stand."""
    if enc == "UTF-32":
        big = data[0::4].count(0) + data[1::4].count(0) > data[2::4].count(0) + data[3::4].count(0)
    else:
        big = data[0::2].count(0) > data[1::2].count(0)
    return "big-endian" if big else "little-endian"


def decode_bytes(data: bytes, file: str, problems: list) -> str | None:
    """Decode a table's bytes as UTF-8 (a BOM is fine); report, never guess, anything else.

    Parameters
    ----------
    data : bytes
        The file's bytes.
    file : str
        The file's path, for the problem.
    problems : list of kit.errors.Problem
        Where the problem is appended when the bytes are not UTF-8 (with the encoding they look like, the first
        line that shows it, and :data:`ENCODING_HINT`).

    Returns
    -------
    str or None
        The text, without its BOM; None when it is not UTF-8.

    See Also
    --------
    read_csv_table : reads a file's bytes and decodes them with this.

    Examples
    --------
    >>> probs = []
    >>> decode_bytes("\\ufeffname\\r\\nФонтанка\\r\\n".encode("utf-8"), "s.csv", probs)
    'name\\r\\nФонтанка\\r\\n'
    >>> decode_bytes("caf\\xe9".encode("cp1252"), "s.csv", probs) is None
    True
    >>> print(probs[0])  # doctest: +ELLIPSIS
    s.csv: the file is not UTF-8: it looks like Latin-1 (ISO-8859-1) or Windows-1252 (first seen on line 1,
    which reads 'café' in that encoding); re-save it as UTF-8: ...
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        enc = _guess_encoding(data)
        line = data[: e.start].count(b"\n") + 1
        where = f"line {line}"
        if not enc.startswith("UTF-"):
            start = max(data.rfind(b"\n", 0, e.start), data.rfind(b",", 0, e.start)) + 1
            end = min([i for i in (data.find(b"\n", e.start), data.find(b",", e.start)) if i >= 0] or [len(data)])
            word = data[start:end].decode("cp1252" if "Windows" in enc else "latin-1", errors="replace")
            word = " ".join(word.split())[:40]
            if word:
                where += f", which reads '{word}' in that encoding"
        problems.append(
            Problem(
                file, 0, None, f"the file is not UTF-8: it looks like {enc} (first seen on {where}); {ENCODING_HINT}"
            )
        )
        return None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        enc = _guess_encoding(data)
        if enc in ("UTF-16", "UTF-32"):  # without a BOM, text whose bytes are all below 0x80 is UTF-8 with NULs
            message = (
                f"the file is not UTF-8: it looks like {enc} ({_byte_order(data, enc)}, without a byte order mark; "
                f"its NUL bytes start on line {line})"
            )
        else:
            message = (
                f"the file contains NUL bytes (first on line {line}); it looks like UTF-16 or a binary file, "
                "or was damaged"
            )
        problems.append(Problem(file, 0, None, f"{message}; {ENCODING_HINT}"))
        return None
    return text


def sniff_delimiter(header_line: str) -> str | None:
    """The delimiter the header line uses when it is not a comma (``;``, tab or ``|``), else None.

    Parameters
    ----------
    header_line : str
        The file's first line.

    Returns
    -------
    str or None
        One of :data:`DELIMITERS`, when the line holds more of it than commas; else None.

    See Also
    --------
    read_csv_table : refuses a file whose header uses another delimiter, naming it.

    Examples
    --------
    >>> sniff_delimiter("source_id;name;kind"), sniff_delimiter("source_id,name,kind")
    (';', None)
    """
    commas = header_line.count(",")
    best = max(DELIMITERS, key=header_line.count)
    if header_line.count(best) > commas:
        return best
    return None
