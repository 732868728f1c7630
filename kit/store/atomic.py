"""Atomic writes: every file the kit writes goes through :func:`atomic_write` or :func:`atomic_write_all`.

A file is written in full to a temporary file beside it (:func:`temp_name`, :func:`write_new_file`: flushed
to the disk, with the permission bits of the file it replaces, or the umask's for a new one), then moved over
it with ``os.replace``: a reader, or a crash, sees the old file or the new one, never half of one. A library
that writes only to a file name (sqlite) writes to :func:`atomic_path`'s temporary file instead. Several
files of one folder that must change together (a case) are written with :func:`kit.store.journal.write_folder`.
:mod:`kit.store.saving` re-exports :func:`atomic_write` and :func:`atomic_write_all`.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import StrPath

__all__ = ["atomic_write", "atomic_write_all", "atomic_path", "write_new_file", "temp_name", "sync_folder"]


def write_new_file(path: StrPath, data: bytes, *, mode_of: StrPath | None = None) -> Path:
    """Create ``path`` (it must not exist), write ``data`` in full and flush it to the disk.

    The file gets the permission bits of ``mode_of`` when that file exists (so a replaced file keeps its
    mode), else those of any new file (``0o666`` less the umask, as ``open(path, "w")`` gives). On failure it is
    removed again.

    Parameters
    ----------
    path : str or path
        The new file; its folder must exist.
    data : bytes
        Written as it is.
    mode_of : str or path, optional
        The file whose permission bits to copy (the one ``path`` will replace).

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    FileExistsError
        When ``path`` exists.

    Examples
    --------
    >>> import os, stat, tempfile
    >>> d = tempfile.mkdtemp(); old = os.path.join(d, "a.csv"); _ = open(old, "w").write("x"); os.chmod(old, 0o640)
    >>> p = write_new_file(os.path.join(d, ".a.csv.new"), b"y", mode_of=old)
    >>> oct(stat.S_IMODE(os.stat(p).st_mode)), p.read_bytes()
    ('0o640', b'y')
    """
    path = Path(path)
    try:
        mode = stat.S_IMODE(os.stat(mode_of).st_mode) if mode_of is not None else None
    except OSError:
        mode = None
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(path, mode)
    except BaseException:
        _remove(path)
        raise
    return path


def sync_folder(folder: StrPath) -> None:
    """Flush a folder's entries (a file created, renamed or removed in it) to the disk, where the system allows.

    Parameters
    ----------
    folder : str or path
        An existing folder.

    Returns
    -------
    None

    Examples
    --------
    >>> import tempfile
    >>> sync_folder(tempfile.mkdtemp())
    """
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its renames are flushed by the file system
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def temp_name(path: StrPath) -> Path:
    """A fresh name for a temporary file beside ``path``: ``.NAME.RANDOM.tmp`` (hidden, and never a case file).

    Parameters
    ----------
    path : str or path
        The file the temporary one will replace.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> n = temp_name("out/claims.csv")
    >>> n.parent.name, n.name.startswith(".claims.csv."), n.suffix
    ('out', True, '.tmp')
    """
    path = Path(path)
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")


def _through_links(path: Path) -> Path:
    """The file a write of ``path`` changes: ``path`` itself, or the file its symbolic link(s) lead to."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _remove(tmp: StrPath) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def _as_bytes(data: str | bytes | bytearray, encoding: str) -> bytes:
    return bytes(data) if isinstance(data, (bytes, bytearray)) else str(data).encode(encoding)


def atomic_write(path: StrPath, data: str | bytes, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder, then replace: never half a file.

    The temporary file (:func:`temp_name`) is written in full and flushed to the disk, given the permission
    bits of the file it replaces (a new file gets the umask's, as with ``open``), then moved over ``path`` with
    ``os.replace`` (atomic on one file system); when ``path`` is a symbolic link, the file it leads to is the one
    replaced (the temporary file is written beside it) and the link stays. A reader, or a crash, sees the old
    file or the new one; if
    anything fails or is interrupted, the temporary file is removed. A kill -9 at the wrong moment can leave
    the hidden temporary file behind (never a half-written ``path``); :func:`kit.store.journal.settle` removes it from
    a case folder.

    Parameters
    ----------
    path : str or path
        The file to write; its folder must exist.
    data : str or bytes
        Text is written as it is (no newline translation), in ``encoding``; bytes as they are.
    encoding : str
        For text: ``"utf-8"`` by default (``"utf-8-sig"`` for a spreadsheet-friendly BOM).

    Returns
    -------
    pathlib.Path
        ``path``.

    See Also
    --------
    atomic_write_all : several files, none replaced before all are written.
    kit.store.journal.write_folder : several files of one folder, all or none.

    Examples
    --------
    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "x.csv")
    >>> _ = atomic_write(p, "a,b\\n"); open(p).read()
    'a,b\\n'
    >>> _ = atomic_write(p, b"\\x00\\x01"); open(p, "rb").read()
    b'\\x00\\x01'
    """
    return atomic_write_all({path: data}, encoding)[0]


def atomic_write_all(files: dict, encoding: str = "utf-8") -> list:
    """Write every ``path -> data`` of ``files`` (as :func:`atomic_write`), all to temporary files first.

    Only when all of them are written are they moved over the old files (``os.replace``, atomic on one file
    system). If anything fails or is interrupted, the temporary files are removed and no file is ever left
    half-written. Each file is atomic, the set is not: a crash between two moves leaves some files new and
    some old (each whole); for a case folder, :func:`kit.store.journal.write_folder` (what :func:`kit.save_case` uses)
    makes the whole set atomic.

    Parameters
    ----------
    files : dict
        ``path -> data`` (str or bytes), as for :func:`atomic_write`; each path's folder must exist.
    encoding : str
        For text values.

    Returns
    -------
    list of pathlib.Path
        The files, in the order given.

    See Also
    --------
    atomic_write : one file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in atomic_write_all({d / "a.txt": "A", d / "b.txt": "B"})], (d / "b.txt").read_text()
    (['a.txt', 'b.txt'], 'B')
    """
    paths = [Path(p) for p in files]
    targets = [_through_links(p) for p in paths]
    temps = {}
    try:
        for path, data in zip(targets, files.values(), strict=True):
            temps[path] = write_new_file(temp_name(path), _as_bytes(data, encoding), mode_of=path)
        for path in list(temps):
            os.replace(temps[path], path)
            del temps[path]
    except BaseException:
        for tmp in temps.values():
            _remove(tmp)
        raise
    for folder in dict.fromkeys(p.parent for p in targets):
        sync_folder(folder)
    return paths


@contextlib.contextmanager
def atomic_path(path: StrPath) -> Iterator[Path]:
    """A temporary file name beside ``path`` for a library that writes to a name; moved over ``path`` on success.

    When the ``with`` block ends without an error, the temporary file is flushed to the disk, given the
    permission bits of the file it replaces (a new file keeps those the library gave it), and moved over
    ``path`` (``os.replace``). On an error or an interruption it is removed and ``path`` is unchanged.

    Parameters
    ----------
    path : str or path
        The file to write; its folder must exist.

    Returns
    -------
    context manager
        Gives the temporary file's :class:`pathlib.Path` (not created yet).

    See Also
    --------
    atomic_write : when the bytes are at hand.

    Examples
    --------
    >>> import tempfile, sqlite3, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.db"
    >>> with atomic_path(p) as tmp:
    ...     con = sqlite3.connect(tmp); _ = con.execute("create table t (a)"); con.commit(); con.close()
    >>> [f.name for f in p.parent.iterdir()]
    ['x.db']
    """
    path = _through_links(Path(path))
    tmp = temp_name(path)
    try:
        yield tmp
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except OSError:
            mode = None
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        _remove(tmp)
        raise
    sync_folder(path.parent)
