"""A received case folder is not trusted: what the kit checks before it writes in one or finishes a save there.

A case folder may come from anyone (an e-mail, a shared drive, an archive). The journal of an interrupted save
(:mod:`kit.store.journal`) in it is checked before recovery moves anything (:func:`staged_files`): only files the
journal staged, as files of their own inside the folder, are moved; and a case's table that is a symbolic link is
never written (:func:`refuse_links`). Either refusal is :class:`kit.errors.UnsafeCaseFolder`, one sentence, and
nothing changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kit.errors import UnsafeCaseFolder

if TYPE_CHECKING:
    from _typeshed import StrPath

__all__ = ["JOURNAL", "STAGING", "staged_files", "refuse_links", "plain_name"]

# The journal's name in the folder: its presence means a save was committed and is to be finished.
JOURNAL = ".kit-save.json"
# The staging folder's name in the folder: the new files are written here before the commit.
STAGING = ".kit-save"


def refuse_links(folder: StrPath, names: Iterable[str]) -> None:
    """Refuse to write ``names`` in ``folder`` when one of them is a symbolic link.

    Replacing the link would leave its target without the new rows, and writing through it could change a file
    outside the case folder (a received case may link ``citations.csv`` anywhere): the kit writes a case's files
    only as files of their own in its folder.

    Parameters
    ----------
    folder : str or path
        The case folder.
    names : iterable of str
        Plain file names in it.

    Returns
    -------
    None

    Raises
    ------
    kit.errors.UnsafeCaseFolder
        Naming the first link, and what to do, in one sentence.

    Examples
    --------
    >>> import os, tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); os.symlink("/etc/hostname", d / "claims.csv")
    >>> refuse_links(d, ["sources.csv", "claims.csv"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kit.errors.UnsafeCaseFolder: .../claims.csv: this is a symbolic link (to /etc/hostname): the kit writes ...
    """
    folder = Path(folder)
    for name in names:
        path = folder / name
        if path.is_symlink():
            raise UnsafeCaseFolder(
                os.fspath(path),
                f"this is a symbolic link (to {os.readlink(path)}): the kit writes a case's files only as files "
                "of their own in its folder, so that nothing outside the case changes; put a copy of the file "
                "there in place of the link and run the command again",
            )


def _refuse(folder: Path, why: str) -> UnsafeCaseFolder:
    return UnsafeCaseFolder(
        os.fspath(folder / JOURNAL),
        f"the journal of an interrupted save {why}, so it was not written by the kit and "
        f"nothing was moved; check the folder's files, then remove {JOURNAL} and {STAGING} from it",
    )


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def staged_files(folder: StrPath, names: Iterable[str]) -> dict[str, str | None] | None:
    """What the journal of a committed save in ``folder`` staged, once it is checked to be one the kit wrote.

    Parameters
    ----------
    folder : str or path
        The case folder.
    names : iterable of str
        The files the caller's saves write (a case's tables and ``case.toml``): an older journal (version 1, which
        names the files without their SHA-256) may name only these.

    Returns
    -------
    dict or None
        ``file name -> SHA-256`` of what is staged (``None`` for each file of a version-1 journal); None when
        there is no journal.

    Raises
    ------
    kit.errors.UnsafeCaseFolder
        When the journal is not one the kit wrote: a link, unreadable, a name that is not a plain file name or
        (version 1) not one of ``names``, a staging folder that is a link or not a folder, or a staged file that is
        a link, has a second name, or is not the bytes the journal names.

    See Also
    --------
    kit.store.journal.settle : which moves the staged files in only after this check.

    Examples
    --------
    >>> import json, os, tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); os.symlink("/tmp", d / STAGING)
    >>> _ = (d / JOURNAL).write_text(json.dumps({"kit-save": 1, "files": ["claims.csv"]}))
    >>> staged_files(d, ["claims.csv"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kit.errors.UnsafeCaseFolder: .../.kit-save.json: the journal of an interrupted save has a .kit-save that is ...
    """
    folder = Path(folder)
    names = list(names)
    journal = folder / JOURNAL
    if not os.path.lexists(journal):
        return None
    if os.path.islink(journal) or not journal.is_file():
        raise _refuse(folder, "is a link or not a file")
    try:
        data = json.loads(journal.read_text(encoding="utf-8"))
        version, files = data["kit-save"], data["files"]
    except (OSError, ValueError, KeyError, TypeError):
        raise _refuse(folder, "cannot be read") from None
    if version == 1 and isinstance(files, list) and all(isinstance(f, str) for f in files):
        if any(f not in names for f in files):
            raise _refuse(folder, "names a file that is not one of the case's own")
        files = dict.fromkeys(files)
    elif not (version == 2 and isinstance(files, dict) and all(isinstance(v, str) for v in files.values())):
        raise _refuse(folder, "cannot be read")
    if not all(isinstance(f, str) and plain_name(f) for f in files):
        raise _refuse(folder, "names a file outside the case folder")
    staging = folder / STAGING
    if os.path.lexists(staging) and (staging.is_symlink() or not staging.is_dir()):
        raise _refuse(folder, f"has a {STAGING} that is a link or not a folder")
    for name, digest in files.items():
        staged = staging / name
        if not os.path.lexists(staged):
            continue  # moved in already
        st = os.lstat(staged)
        if not stat.S_ISREG(st.st_mode) or st.st_nlink != 1:
            raise _refuse(folder, f"stages {name} as a link, not as a file of its own")
        if digest is not None and _digest(staged) != digest:
            raise _refuse(folder, f"stages a {name} that is not the one it names")
    return files


def plain_name(name: str) -> bool:
    """Whether ``name`` is a plain file name in a folder, and not the journal's or staging folder's.

    Parameters
    ----------
    name : str

    Returns
    -------
    bool

    Examples
    --------
    >>> plain_name("claims.csv"), plain_name("../x.csv"), plain_name(JOURNAL)
    (True, False, False)
    """
    return bool(name) and name not in (".", "..", JOURNAL, STAGING) and os.path.basename(name) == name
