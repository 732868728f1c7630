"""Reading an ``.xlsx`` workbook: one sheet per table (``sources``, ``reports``, ``claims``, ``citations``) and an
optional ``case`` sheet of key/value settings; a problem's file is ``book.xlsx#sheet`` and its line the sheet's row.
"""

from __future__ import annotations

import pandas as pd

from ..errors import Problem
from ..schema import COLUMNS, REQUIRED, TABLES
from .tables import RawCase, RawTable, cell_text, name_columns
from .toml import take_meta

__all__ = ["read_workbook"]


def read_workbook(file: str, raw: RawCase) -> None:
    """Read the workbook ``file`` into ``raw`` (its tables, its settings, the problems met).

    Examples
    --------
    >>> raw = RawCase("tests/cases/workbook.xlsx")
    >>> read_workbook("tests/cases/workbook.xlsx", raw)
    >>> sorted(raw.tables), raw.problems
    (['citations', 'claims', 'reports', 'sources'], [])
    """
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
    sheets = {s.strip().lower(): s for s in wb.sheetnames}
    if "case" in sheets:
        ws = wb[sheets["case"]]
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
        raw.tables[name] = name_columns(RawTable(name, label, cells, lines, header_line), columns, raw.problems)
