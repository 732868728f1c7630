"""Reading an ``.xlsx`` workbook: one sheet per table (``sources``, ``reports``, ``claims``, ``citations``) and an
optional ``case`` sheet of key/value settings; a problem's file is ``book.xlsx#sheet`` and its line the sheet's row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from kit.errors import Problem, shown
from kit.reading.limits import file_problem
from kit.reading.raw import RawCase, RawTable, cell_text, column_letters, name_columns
from kit.reading.toml import take_meta
from kit.reading.xlsx import Scan, scan_workbook
from kit.schema import COLUMNS, REQUIRED, TABLES

if TYPE_CHECKING:
    from openpyxl import Workbook

__all__ = ["read_workbook"]


def read_workbook(file: str, raw: RawCase) -> None:
    """Read the workbook ``file`` into ``raw`` (its tables, its settings, the problems met).

    Before openpyxl opens it, the workbook is scanned (:func:`kit.reading.xlsx.scan_workbook`): one too big to read
    is refused, and a cell holding a formula whose value was never saved, or a spreadsheet error (``#REF!``,
    ``#N/A``, ...), is a problem, not an empty cell or text. Sheets are found by name ignoring case and spaces at
    either end; two sheets that both answer to a table's name (``claims`` and a hidden ``Claims ``) are a problem,
    and neither is read.

    Parameters
    ----------
    file : str
        The path of the ``.xlsx`` workbook: one sheet per table, and a ``case`` sheet for the settings of
        ``case.toml``.
    raw : RawCase
        The case being read: its ``tables`` and ``meta`` are filled, its ``problems`` appended to.

    See Also
    --------
    kit.reading.xlsx.scan_workbook : the scan made before openpyxl opens the file.
    kit.reading.read_raw : reads a case whether it is a folder or a workbook.

    Examples
    --------
    >>> raw = RawCase("tests/cases/workbook.xlsx")
    >>> read_workbook("tests/cases/workbook.xlsx", raw)
    >>> sorted(raw.tables), raw.problems
    (['citations', 'claims', 'reports', 'sources'], [])
    """
    wrong = file_problem(file)
    if wrong is not None:  # a folder, a pipe, a device, a symlink loop: refused before it is opened
        raw.problems.append(Problem(file, 0, None, wrong))
        return
    scan = scan_workbook(file)
    if scan is not None and scan.refused:  # too big to open: refused before openpyxl unpacks it
        raw.problems.append(Problem(file, 0, None, scan.refused))
        return
    try:
        import openpyxl

        wb = openpyxl.load_workbook(file, data_only=True)
    except Exception as e:  # noqa: BLE001 - a broken workbook is a problem to report
        raw.problems.append(
            Problem(
                file,
                0,
                None,
                f"the workbook cannot be opened ({type(e).__name__}): it may be damaged, "
                "password-protected, or an old .xls file; open it in your spreadsheet and save it "
                "again as 'Excel Workbook (.xlsx)'",
            )
        )
        return
    sheets = _sheets(file, wb, scan, raw.problems)
    if "case" in sheets:
        ws = wb[sheets["case"]]
        _odd_cells(f"{file}#case", scan, sheets["case"], ["key", "value"], raw.problems)
        meta, meta_lines = {}, {}
        for r, row in enumerate(ws.iter_rows(values_only=True)):
            if row and row[0] is not None and str(row[0]).strip():
                key, value = str(row[0]).strip(), cell_text(row[1] if len(row) > 1 else None).strip()
                if r == 0 and key.lower() == "key" and value.lower() == "value":
                    continue  # a header row, not a setting
                meta[key] = value
                meta_lines[(key,)] = r + 1
        take_meta(meta, f"{file}#case", raw, meta_lines)
    for name in TABLES:
        label = f"{file}#{name}"
        if name in sheets and sheets[name] is None:
            continue  # named by several sheets: reported
        if name not in sheets:
            raw.problems.append(
                Problem(
                    label,
                    0,
                    None,
                    f"the workbook has no sheet named '{name}' (it has: "
                    f"{', '.join(wb.sheetnames)}); add it with the columns "
                    f"{', '.join(REQUIRED[name])}",
                )
            )
            continue
        ws = wb[sheets[name]]
        merged = list(getattr(ws.merged_cells, "ranges", ()))
        header, header_line, rows, lines = None, 1, [], []
        for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [cell_text(v).strip() for v in row]
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
            raw.problems.append(
                Problem(
                    label,
                    rng.min_row,
                    column,
                    f"cells {rng.coord} are merged; unmerge them and put a value in each cell",
                )
            )
        if header is None:
            raw.problems.append(
                Problem(
                    label, 0, None, f"the sheet is empty; it needs at least a header row: {','.join(COLUMNS[name])}"
                )
            )
            continue
        width = len(header)
        rows = [(c + [""] * width)[:width] for c in rows]
        cells = (
            pd.DataFrame(rows, columns=range(width), dtype=object)
            if rows
            else pd.DataFrame({i: pd.Series([], dtype=object) for i in range(width)})
        )
        columns = [c.strip().lower() for c in header]
        _odd_cells(label, scan, sheets[name], columns, raw.problems)
        raw.tables[name] = name_columns(RawTable(name, label, cells, lines, header_line), columns, raw.problems)


def _sheets(file: str, wb: Workbook, scan: Scan | None, problems: list[Problem]) -> dict[str, str | None]:
    """``table name -> sheet name`` (None for a name that several sheets answer to, after reporting it)."""
    found: dict = {}
    for s in wb.sheetnames:
        found.setdefault(s.strip().lower(), []).append(s)
    out = {}
    for key, names in found.items():
        if len(names) == 1:
            out[key] = names[0]
            continue
        out[key] = None
        if key not in TABLES and key != "case":
            continue

        def hidden(s: str) -> str:
            sheet = scan.sheets.get(s) if scan is not None else None
            state = sheet.hidden if sheet is not None else wb[s].sheet_state != "visible"
            return " (hidden)" if state else ""

        listed = ", ".join(f"'{shown(s)}'{hidden(s)}" for s in names)
        problems.append(
            Problem(
                f"{file}#{key}",
                0,
                None,
                f"{len(names)} sheets answer to the name '{key}' (sheet names are matched ignoring case and spaces "
                f"at either end): {listed}; the kit does not choose between them: delete or rename all but the table",
            )
        )
    return out


def _odd_cells(label: str, scan: Scan | None, sheet: str | None, columns: list[str], problems: list[Problem]) -> None:
    """Report the cells of ``sheet`` the scan found holding an unsaved formula or a spreadsheet error."""
    found = scan.sheets.get(sheet) if scan is not None else None
    for row, col, what, text in found.cells if found is not None else ():
        column = (columns[col - 1] or None) if 0 < col <= len(columns) else None
        cell = f"{column_letters(col)}{row}" if col else f"in row {row}"
        if what == "error":
            message = (
                f"cell {cell} holds the spreadsheet error {shown(text)}, not a value; correct the formula, or type "
                "the value"
            )
        else:
            message = (
                f"cell {cell} holds a formula (={shown(text)}) whose value was never saved, so the kit cannot know "
                "it; open the workbook in Excel or LibreOffice and save it again, or type the value"
            )
        problems.append(Problem(label, row, column, message))
