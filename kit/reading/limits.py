"""The limits a case's files are read within, and what is refused before any byte is read.

Every limit is here, in one place, and in ``docs/case-format-extensions.md`` ("Limits"). Each is far above what a real
case needs; a file past one is refused at once, with a problem that names the limit, rather than read for minutes into
gigabytes of memory. A table must also be a regular file (or a link to one): a folder, a pipe, a device such as
``/dev/zero`` or a link that leads nowhere is refused before it is opened (:func:`file_problem`).
"""

from __future__ import annotations

import errno
import os
import stat
from typing import TYPE_CHECKING

from kit.errors import MAX_ECHO

if TYPE_CHECKING:
    from _typeshed import StrPath

#: (from :mod:`kit.errors`, listed here with the other limits) the most characters of a value a problem quotes
MAX_ECHO = MAX_ECHO

__all__ = [
    "MAX_COLUMNS",
    "MAX_SHEET_ROWS",
    "MAX_UNPACKED_BYTES",
    "MAX_FIGURE",
    "MAX_ECHO",
    "file_problem",
    "too_many_columns",
]

#: the most columns a table's header (or a workbook row) may have; a case's widest table has 10
MAX_COLUMNS = 1_000
#: the most rows a workbook sheet may hold, counting empty rows that carry formatting (CSV files have no row limit)
MAX_SHEET_ROWS = 100_000
#: the most bytes a workbook may unpack to (an .xlsx file is a zip archive), read from the archive's directory
MAX_UNPACKED_BYTES = 100_000_000
#: every whole figure (``low``, ``high``) up to 2**53 is kept exactly; a larger one only when a float holds it without
#: losing a digit (:func:`kit.checking.arrays.figure`)
MAX_FIGURE = 2**53


def file_problem(path: StrPath) -> str | None:
    """Why ``path`` cannot be read as a file (a sentence), or None when it is a regular file.

    Nothing is opened: a pipe would block and a device such as ``/dev/zero`` would never end.

    Parameters
    ----------
    path : str or path

    Returns
    -------
    str or None

    Examples
    --------
    >>> import os, tempfile
    >>> d = tempfile.mkdtemp()
    >>> file_problem(os.path.join(d, "nothing.csv"))
    'the file is missing'
    >>> file_problem(d)
    'this is a folder, not a file; put the file itself here'
    >>> os.symlink("loop.csv", os.path.join(d, "loop.csv"))
    >>> file_problem(os.path.join(d, "loop.csv"))
    'this is a symbolic link that goes round in a loop (a symlink loop), not a file; replace it by the file itself'
    >>> file_problem("/dev/zero")
    'this is a device, not a regular file; put the file itself here'
    """
    p = os.fspath(path)
    try:
        st = os.stat(p)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return (
                "this is a symbolic link that goes round in a loop (a symlink loop), not a file; "
                "replace it by the file itself"
            )
        if e.errno == errno.ENOENT and os.path.islink(p):
            return f"this is a symbolic link to '{os.readlink(p)}', which does not exist; replace it by the file itself"
        if e.errno in (errno.ENOENT, errno.ENOTDIR):
            return "the file is missing"
        return f"the file cannot be read ({e.strerror}); check that you may open it"
    if stat.S_ISREG(st.st_mode):
        return None
    if stat.S_ISDIR(st.st_mode):
        return "this is a folder, not a file; put the file itself here"
    what = (
        "a named pipe (FIFO)" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode) else "a device"
    )
    return f"this is {what}, not a regular file; put the file itself here"


def too_many_columns(n: int) -> str:
    """The problem of a header (or a row) of ``n`` columns, more than :data:`MAX_COLUMNS`.

    Parameters
    ----------
    n : int
        How many columns the header has.

    Returns
    -------
    str
        The message.

    Examples
    --------
    >>> print(too_many_columns(300_000))  # doctest: +ELLIPSIS
    the header has 300,000 columns, more than the 1,000 the kit reads; a case table has at most 10 ...
    """
    return (
        f"the header has {n:,} columns, more than the {MAX_COLUMNS:,} the kit reads; a case table has at most 10 "
        "(see docs/case-format.md): delete the empty columns, or check that the file is comma-separated"
    )
