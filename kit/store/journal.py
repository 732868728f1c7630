"""Saving several files of one folder all at once: a staging folder, a journal, and the moves it commits.

:func:`write_folder` (what :func:`kit.save_case` uses) gives a folder either all of its new files or none of
them, whenever it is interrupted, a kill -9 or a power cut included:

1. every file is written in full into the staging folder ``FOLDER/.kit-save/`` and flushed to the disk, each
   with the permission bits of the file it will replace (a new file gets the umask's, as ``open`` gives);
2. the journal ``FOLDER/.kit-save.json``, naming the files, is written atomically
   (:func:`kit.store.atomic.atomic_write`). Its arrival is the commit: before it nothing in the folder has changed;
3. each staged file is moved over its old file (``os.replace``, in one folder), then the staging folder and
   the journal are removed.

If a save stops before step 2, the old files are all there, untouched; after it, the journal says what is
left to move. :func:`settle` finishes a committed save (moves what is still staged) or rolls back one that was
not committed (removes the staging folder), and removes the temporary files an interrupted write leaves
(``.NAME.RANDOM.tmp``, see :func:`kit.store.atomic.temp_name`). Every load of a case folder (:func:`kit.load_case`,
:func:`kit.check_case`, ``kit check``) and every save settles the folder first, so no reader of the kit ever
sees a half-saved case. Files the save does not name (a README, notes, ``story.csv``) are never touched.

Where the system has ``flock`` (Linux, macOS) a save holds an exclusive lock on the folder, and a load a
shared one, so a load waits for a save under way instead of taking its staging folder for an interrupted one.
The moves are atomic on one file system; the staging folder is inside the case folder, so they always are.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from pathlib import Path

from kit.store.atomic import atomic_write, sync_folder, write_new_file

__all__ = ["JOURNAL", "STAGING", "write_folder", "settle", "pending", "folder_lock"]

# The journal's name in the folder: its presence means a save was committed and is to be finished.
JOURNAL = ".kit-save.json"
# The staging folder's name in the folder: the new files are written here before the commit.
STAGING = ".kit-save"


@contextlib.contextmanager
def folder_lock(folder, *, shared: bool = False):
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


def _temp_files(folder: Path, names) -> list:
    """The temporary files of an interrupted write of ``names`` (or of the journal) in ``folder``."""
    wanted = {JOURNAL, *names}
    found = []
    with os.scandir(folder) as entries:
        for e in entries:
            m = re.fullmatch(r"\.(.+)\.[A-Za-z0-9_]+\.tmp", e.name)
            if m and m.group(1) in wanted and e.is_file(follow_symlinks=False):
                found.append(folder / e.name)
    return found


def pending(folder, names=()) -> bool:
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


def _journal_files(folder: Path) -> list | None:
    """The file names a committed journal lists; None when there is no journal. A journal that cannot be read
    (changed by hand) stands for every file in the staging folder: the journal is only written once all are."""
    try:
        text = (folder / JOURNAL).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        files = json.loads(text)["files"]
        if isinstance(files, list) and all(isinstance(f, str) for f in files):
            return files
    except (ValueError, KeyError, TypeError):
        pass
    staging = folder / STAGING
    return sorted(os.listdir(staging)) if staging.is_dir() else []


def _plain_name(name: str) -> bool:
    return bool(name) and name not in (".", "..", JOURNAL, STAGING) and os.path.basename(name) == name


def settle(folder, names=()) -> str | None:
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
    files = _journal_files(folder)
    done = None
    if files is not None:
        for name in files:
            if _plain_name(name) and os.path.lexists(staging / name):
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
    temps = _temp_files(folder, names + (files or []))
    for tmp in temps:
        os.unlink(tmp)
    if done or temps:
        sync_folder(folder)
    return done or ("cleaned" if temps else None)


def write_folder(folder, files: dict, encoding: str = "utf-8") -> list:
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
    bad = [n for n in files if not isinstance(n, str) or not _plain_name(n)]
    if bad:
        raise ValueError(f"write_folder writes plain file names in one folder; not {bad[0]!r}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names = list(files)
    staging = folder / STAGING
    with folder_lock(folder):
        _settle_locked(folder, names)
        os.mkdir(staging)
        try:
            for name, data in files.items():
                raw = data if isinstance(data, (bytes, bytearray)) else str(data).encode(encoding)
                write_new_file(staging / name, raw, mode_of=folder / name)
            sync_folder(staging)
            atomic_write(folder / JOURNAL, json.dumps({"kit-save": 1, "files": names}) + "\n")  # the commit
        except BaseException:
            if not os.path.lexists(folder / JOURNAL):
                shutil.rmtree(staging, ignore_errors=True)
            raise
        _settle_locked(folder, names)
    return [folder / n for n in names]
