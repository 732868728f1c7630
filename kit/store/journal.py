"""Saving several files of one folder all at once: a staging folder, a journal, and the moves it commits.

:func:`write_folder` (what :func:`kit.save_case` uses) gives a folder either all of its new files or none of
them, whenever it is interrupted, a kill -9 or a power cut included:

1. every file is written in full into the staging folder ``FOLDER/.kit-save/`` and flushed to the disk, each
   with the permission bits of the file it will replace (a new file gets the umask's, as ``open`` gives);
2. the journal ``FOLDER/.kit-save.json``, naming the files and the SHA-256 of each, is written atomically
   (:func:`kit.store.atomic.atomic_write`). Its arrival is the commit: before it nothing in the folder has changed;
3. each staged file is moved over its old file (``os.replace``, in one folder), then the staging folder and
   the journal are removed.

If a save stops before step 2, the old files are all there, untouched; after it, the journal says what is
left to move. :func:`settle` finishes a committed save (moves what is still staged) or rolls back one that was
not committed (removes the staging folder), and removes the temporary files an interrupted write leaves
(``.NAME.RANDOM.tmp``, see :func:`kit.store.atomic.temp_name`). Every load of a case folder (:func:`kit.load_case`,
:func:`kit.check_case`, ``kit check``) and every save settles the folder first, so no reader of the kit ever
sees a half-saved case. Files the save does not name (a README, notes, ``story.csv``) are never touched.

A received case folder may hold a journal the kit did not write. Recovery moves only what the journal staged:
plain files of their own inside ``FOLDER/.kit-save/`` (a real folder, not a link) whose bytes are the ones the
journal names; anything else (a link out of the folder, a file it did not stage, a journal changed by hand) is
refused in one sentence (:class:`kit.errors.UnsafeCaseFolder`) and nothing moves. A save never replaces a table
that is a symbolic link (:func:`kit.store.safety.refuse_links`).

Where the system has ``flock`` (Linux, macOS) a save holds an exclusive lock on the folder, and a load a
shared one, so a load waits for a save under way instead of taking its staging folder for an interrupted one.
The moves are atomic on one file system; the staging folder is inside the case folder, so they always are.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from kit.store.atomic import atomic_write, sync_folder, write_new_file
from kit.store.safety import JOURNAL, STAGING, plain_name, refuse_links, staged_files

if TYPE_CHECKING:
    from _typeshed import StrPath

__all__ = ["write_folder", "settle", "settled", "pending", "folder_lock"]


@contextlib.contextmanager
def folder_lock(folder: StrPath, *, shared: bool = False) -> Iterator[None]:
    """Hold an advisory lock on ``folder`` (``flock``; exclusive, or ``shared``) for the ``with`` block.

    Where the system cannot lock a folder (no ``fcntl``, or the folder cannot be opened) the block runs
    without a lock.

    Parameters
    ----------
    folder : str or path
        An existing folder.
    shared : bool
        A shared (reader's) lock instead of an exclusive (writer's) one.

    Returns
    -------
    context manager

    Examples
    --------
    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> with folder_lock(d, shared=True):
    ...     pending(d)
    False
    """
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        with contextlib.suppress(OSError):  # a file system without locks
            fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _temp_files(folder: Path, names: Iterable[str]) -> list[Path]:
    """The temporary files of an interrupted write of ``names`` (or of the journal) in ``folder``."""
    wanted = {JOURNAL, *names}
    found = []
    with os.scandir(folder) as entries:
        for e in entries:
            m = re.fullmatch(r"\.(.+)\.[A-Za-z0-9_]+\.tmp", e.name)
            if m and m.group(1) in wanted and e.is_file(follow_symlinks=False):
                found.append(folder / e.name)
    return found


def pending(folder: StrPath, names: Iterable[str] = ()) -> bool:
    """Whether ``folder`` holds what an interrupted save leaves: a journal, a staging folder, or a temporary
    file of one of ``names`` (file names in the folder, e.g. ``"claims.csv"``).

    Parameters
    ----------
    folder : str or path
        The folder.
    names : iterable of str
        The files whose stray temporary files count.

    Returns
    -------
    bool

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> pending(d), (d / ".claims.csv.a1b2.tmp").write_text("half"), pending(d, ["claims.csv"])
    (False, 4, True)
    """
    folder = Path(folder)
    try:
        return (
            os.path.lexists(folder / JOURNAL)
            or os.path.lexists(folder / STAGING)
            or bool(_temp_files(folder, list(names)))
        )
    except OSError:
        return False


@contextlib.contextmanager
def settled(folder: StrPath, names: Iterable[str] = ()) -> Iterator[Path]:
    """Hold ``folder``'s exclusive lock for the ``with`` block, an interrupted save in it finished or undone first.

    What a writer that changes a case's files in place (:func:`kit.store.append.append_suspected`) works under:
    no save, load or other writer runs meanwhile, so what it reads is what it replaces.

    Parameters
    ----------
    folder : str or path
        An existing folder.
    names : iterable of str
        As for :func:`settle`.

    Returns
    -------
    context manager

    Raises
    ------
    kit.errors.UnsafeCaseFolder
        As :func:`settle`.

    Examples
    --------
    >>> import tempfile
    >>> with settled(tempfile.mkdtemp(), ["claims.csv"]) as d:
    ...     pending(d)
    False
    """
    folder = Path(folder)
    with folder_lock(folder):
        _settle_locked(folder, list(names))
        yield folder


def settle(folder: StrPath, names: Iterable[str] = ()) -> str | None:
    """Finish or undo an interrupted :func:`write_folder` in ``folder``; remove stray temporary files.

    A committed save (the journal is there) is finished: what is still staged is moved in. One that was not
    committed is rolled back: the staging folder is removed and the old files stay as they were. Then the
    temporary files of ``names`` (and of the journal) that an interrupted write left are removed. Nothing else
    in the folder is touched. Takes the folder's exclusive lock (:func:`folder_lock`).

    Parameters
    ----------
    folder : str or path
        The folder (nothing happens when it does not exist).
    names : iterable of str
        The file names whose stray temporary files (``.NAME.RANDOM.tmp``) are removed.

    Returns
    -------
    str or None
        ``"completed"``, ``"rolled back"``, ``"cleaned"`` (only temporary files were removed), or None
        (nothing to do).

    Raises
    ------
    OSError
        When the folder cannot be changed (read-only, say); it is left as it was found.
    kit.errors.UnsafeCaseFolder
        When the journal is not one the kit wrote (a link, unreadable, a staging folder that is a link, a staged
        file that is a link or not the one the journal names, a name that is not one of ``names`` in an older
        journal): nothing is moved, so recovery never changes or brings in a file from outside the folder.

    See Also
    --------
    write_folder : what it finishes.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("old")
    >>> (d / STAGING).mkdir(); _ = (d / STAGING / "a.txt").write_text("new")  # killed before the commit
    >>> settle(d), (d / "a.txt").read_text(), sorted(p.name for p in d.iterdir())
    ('rolled back', 'old', ['a.txt'])
    """
    folder = Path(folder)
    if not folder.is_dir():
        return None
    names = list(names)
    with folder_lock(folder):
        return _settle_locked(folder, names)


def _settle_locked(folder: Path, names: list) -> str | None:
    staging = folder / STAGING
    files = staged_files(folder, names)
    done = None
    if files is not None:
        for name in files:
            if os.path.lexists(staging / name):
                os.replace(staging / name, folder / name)
        sync_folder(folder)
        shutil.rmtree(staging, ignore_errors=True)
        os.unlink(folder / JOURNAL)
        done = "completed"
    elif os.path.lexists(staging):
        if staging.is_dir() and not staging.is_symlink():
            shutil.rmtree(staging)
        else:
            os.unlink(staging)
        done = "rolled back"
    temps = _temp_files(folder, names + list(files or ()))
    for tmp in temps:
        os.unlink(tmp)
    if done or temps:
        sync_folder(folder)
    return done or ("cleaned" if temps else None)


def write_folder(folder: StrPath, files: Mapping[str, str | bytes], encoding: str = "utf-8") -> list[Path]:
    """Write ``files`` (``name -> data``) into ``folder``, all of them or none, whenever it is interrupted.

    See the module's description for how (a staging folder, a journal, then the moves), and :func:`settle` for
    what the next save or load does after an interruption. Each file keeps the permission bits of the file it
    replaces; a new one gets the umask's. Files of the folder not in ``files`` are not touched.

    Parameters
    ----------
    folder : str or path
        Created if needed.
    files : dict
        ``file name -> data``: plain names in ``folder`` (no folders, not the journal's or staging folder's
        names); data as for :func:`kit.store.saving.atomic_write` (text in ``encoding``, or bytes).
    encoding : str
        For text values.

    Returns
    -------
    list of pathlib.Path
        The files, in the order given.

    Raises
    ------
    ValueError
        When a name is not a plain file name.
    kit.errors.UnsafeCaseFolder
        When one of the files is a symbolic link (:func:`kit.store.safety.refuse_links`), or an earlier save's
        journal is not one the kit wrote (:func:`settle`); nothing is written.
    OSError
        When a file cannot be written (the folder is then as it was), or when a committed save cannot be
        finished (the next save or load of the folder finishes it).

    See Also
    --------
    kit.store.saving.atomic_write_all : several files anywhere, each atomic on its own.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "notes.txt").write_text("mine")
    >>> [p.name for p in write_folder(d, {"a.csv": "x\\n", "b.csv": b"y\\n"})]
    ['a.csv', 'b.csv']
    >>> sorted(p.name for p in d.iterdir()), (d / "a.csv").read_text()
    (['a.csv', 'b.csv', 'notes.txt'], 'x\\n')
    """
    bad = [n for n in files if not isinstance(n, str) or not plain_name(n)]
    if bad:
        raise ValueError(f"write_folder writes plain file names in one folder; not {bad[0]!r}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names = list(files)
    staging = folder / STAGING
    with folder_lock(folder):
        _settle_locked(folder, names)
        refuse_links(folder, names)
        os.mkdir(staging)
        try:
            staged = {}
            for name, data in files.items():
                raw = data if isinstance(data, (bytes, bytearray)) else str(data).encode(encoding)
                write_new_file(staging / name, raw, mode_of=folder / name)
                staged[name] = hashlib.sha256(raw).hexdigest()
            sync_folder(staging)
            atomic_write(folder / JOURNAL, json.dumps({"kit-save": 2, "files": staged}) + "\n")  # the commit
        except BaseException:
            if not os.path.lexists(folder / JOURNAL):
                shutil.rmtree(staging, ignore_errors=True)
            raise
        _settle_locked(folder, names)
    return [folder / n for n in names]
