"""What an ``.xlsx`` workbook holds, read from its zip archive before openpyxl opens it, in bounded time and memory.

:func:`scan_workbook` reads the archive's directory (a workbook that would unpack to more than
:data:`~kit.reading.limits.MAX_UNPACKED_BYTES` is refused before anything is unpacked), the sheets' names and
whether each is hidden, and streams each sheet's XML once: a sheet of more than
:data:`~kit.reading.limits.MAX_SHEET_ROWS` rows or a row of more than :data:`~kit.reading.limits.MAX_COLUMNS` cells is
refused, and the cells a CSV file could not hold are listed: a formula whose value was never saved (openpyxl would
give it as empty) and a spreadsheet error such as ``#REF!`` (openpyxl would give it as text).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

from kit.reading.limits import MAX_COLUMNS, MAX_SHEET_ROWS, MAX_UNPACKED_BYTES

__all__ = ["Scan", "SheetScan", "scan_workbook", "MAX_FINDINGS"]

#: at most this many odd cells are listed per sheet
MAX_FINDINGS = 200
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CELL = re.compile(r"^([A-Z]+)([0-9]+)$")


@dataclass
class SheetScan:
    """One sheet: its name, whether it is hidden, its rows, and the cells no CSV could hold.

    ``cells`` lists ``(row, column number, what, text)``: what is ``"formula"`` (text: the formula) or
    ``"error"`` (text: the error, e.g. ``#REF!``).
    """

    name: str
    hidden: bool = False
    rows: int = 0
    cells: list = field(default_factory=list)


@dataclass
class Scan:
    """A workbook as :func:`scan_workbook` found it: ``refused`` (why it is not opened, or None) and its sheets."""

    refused: str | None = None
    sheets: dict = field(default_factory=dict)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def scan_workbook(file: str) -> Scan | None:
    """Scan the workbook ``file``; None when it is not a workbook this scan can read (openpyxl then says why).

    Parameters
    ----------
    file : str
        The ``.xlsx`` file (a regular file: :func:`kit.reading.limits.file_problem` is asked first).

    Returns
    -------
    Scan or None
        ``refused`` says why the workbook is not to be opened (past a limit); ``sheets`` maps each sheet's name to
        its :class:`SheetScan`.

    Examples
    --------
    >>> scan = scan_workbook("tests/cases/workbook.xlsx")
    >>> scan.refused, sorted(scan.sheets), scan.sheets["claims"].rows > 1, scan.sheets["claims"].cells
    (None, ['case', 'citations', 'claims', 'reports', 'sources'], True, [])
    """
    try:
        z = zipfile.ZipFile(file)
    except (OSError, zipfile.BadZipFile, ValueError):
        return None
    with z:
        infos = z.infolist()
        unpacked = sum(i.file_size for i in infos)
        if unpacked > MAX_UNPACKED_BYTES:
            return Scan(
                f"the workbook would unpack to {unpacked:,} bytes, more than the {MAX_UNPACKED_BYTES:,} the kit "
                "reads (an .xlsx file is a zip archive; this one may be damaged or built to exhaust memory); "
                "save each table as a CSV file instead (see docs/case-format.md)"
            )
        try:
            book = ElementTree.fromstring(z.read("xl/workbook.xml"))
            rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError, ValueError):
            return None
        targets = {r.get("Id"): r.get("Target", "") for r in rels if _local(r.tag) == "Relationship"}
        scan = Scan()
        names = set(z.namelist())
        for sheet in (e for e in book.iter() if _local(e.tag) == "sheet"):
            name = sheet.get("name", "")
            target = targets.get(sheet.get(_REL), "")
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            found = SheetScan(name, hidden=sheet.get("state", "visible") != "visible")
            scan.sheets[name] = found
            if part not in names:
                continue
            try:
                refused = _scan_sheet(z, part, found)
            except (ElementTree.ParseError, zipfile.BadZipFile, OSError, ValueError, EOFError):
                return None  # a damaged sheet: openpyxl reports the workbook as damaged
            if refused:
                scan.refused = refused
                return scan
        return scan


def _scan_sheet(z: zipfile.ZipFile, part: str, found: SheetScan) -> str | None:
    with z.open(part) as fh:
        context = ElementTree.iterparse(fh, events=("start", "end"))
        row_cells, rows_parent = 0, None
        for event, elem in context:
            tag = _local(elem.tag)
            if event == "start":
                if tag == "sheetData":
                    rows_parent = elem
                elif tag == "row":
                    row_cells = 0
                    found.rows += 1
                    if found.rows > MAX_SHEET_ROWS:
                        return (
                            f"the sheet '{found.name}' has more than {MAX_SHEET_ROWS:,} rows (empty rows that carry "
                            f"formatting count), more than the kit reads from a sheet; delete the empty rows below the "
                            "table, or save the table as a CSV file, which has no row limit"
                        )
                elif tag == "c":
                    row_cells += 1
                    if row_cells > MAX_COLUMNS:
                        return (
                            f"a row of the sheet '{found.name}' has more than {MAX_COLUMNS:,} cells, more than the kit "
                            "reads; a case table has at most 10 columns: delete the empty columns"
                        )
                continue
            if tag == "c":
                _note_cell(elem, found)
                elem.clear()
            elif tag == "row" and rows_parent is not None:
                rows_parent.clear()  # the rows read so far are dropped: memory stays bounded
    return None


def _note_cell(c: ElementTree.Element, found: SheetScan) -> None:
    if len(found.cells) >= MAX_FINDINGS:
        return
    formula = value = None
    for child in c:
        tag = _local(child.tag)
        if tag == "f":
            formula = child.text or ""
        elif tag == "v":
            value = child.text
        elif tag == "is":
            value = "".join(child.itertext())
    m = _CELL.match(c.get("r", ""))
    row, col = (int(m.group(2)), _column_number(m.group(1))) if m else (found.rows, 0)
    if c.get("t") == "e":
        found.cells.append((row, col, "error", value or "#N/A"))
    elif formula is not None and (value is None or value == ""):
        if c.get("t") == "str" and value == "":
            return  # a formula whose saved value is empty text
        found.cells.append((row, col, "formula", formula))
