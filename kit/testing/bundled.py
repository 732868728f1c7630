"""The numbered notebooks and the example cases that come with kit, wherever kit is installed.

In a clone of the repository they are its ``notebooks/`` and ``data/`` folders; installed from a wheel they are in
``<prefix>/share/whose-word/`` (``pyproject.toml``'s ``data-files``). ``kit notebooks DIR`` copies them out
(:func:`copy_bundle`), and the notebooks find their cases through :func:`shipped`, so papermill and
``jupyter execute`` run them from any working directory.

Examples
--------
>>> import os
>>> os.path.isfile(os.path.join(shipped("../data/deir-ez-zor"), "claims.csv"))
True
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

__all__ = ["BUNDLE_NAME", "bundle_root", "shipped", "copy_bundle"]

#: the folder under ``<prefix>/share`` an installed kit keeps its notebooks and example cases in
BUNDLE_NAME = "whose-word"


def bundle_root() -> Path | None:
    """The folder holding ``notebooks/`` and ``data/``: the repository's root, or ``<prefix>/share/whose-word``.

    Returns
    -------
    pathlib.Path or None
        None when neither exists (a kit installed without its data files).

    See Also
    --------
    copy_bundle : copy both out.

    Examples
    --------
    >>> (bundle_root() / "notebooks").is_dir()
    True
    """
    repo = Path(__file__).resolve().parents[2]
    if (repo / "notebooks").is_dir() and (repo / "data").is_dir() and (repo / "pyproject.toml").is_file():
        return repo
    for prefix in dict.fromkeys([sys.prefix, sys.base_prefix]):
        share = Path(prefix) / "share" / BUNDLE_NAME
        if (share / "notebooks").is_dir():
            return share
    return None


def shipped(path: str | os.PathLike[str]) -> str:
    """``path`` as a shipped notebook writes it (relative to the notebooks' folder, e.g. ``"../data/khasham"``),
    found from any working directory.

    Parameters
    ----------
    path : str or os.PathLike
        A path that exists as given (absolute, or relative to the working directory) is returned as given; a relative
        one that does not is taken relative to the shipped ``notebooks/`` folder.

    Returns
    -------
    str
        The path to use (unchanged when nothing better is found, so the reader's own error message names it).

    See Also
    --------
    bundle_root : where the shipped notebooks are.

    Examples
    --------
    >>> shipped("/no/such/case")
    '/no/such/case'
    """
    if os.path.exists(path) or os.path.isabs(path):
        return os.fspath(path)
    root = bundle_root()
    if root is not None:
        candidate = os.path.normpath(root / "notebooks" / path)
        if os.path.exists(candidate):
            return candidate
    return os.fspath(path)


def copy_bundle(dest: str | os.PathLike[str]) -> list[str]:
    """Copy the numbered notebooks (``notebooks/*.ipynb``) and the example cases (``data/``) into ``dest``.

    Files already in ``dest`` are never overwritten.

    Parameters
    ----------
    dest : str or os.PathLike
        A folder (created if needed).

    Returns
    -------
    list of str
        The files copied, relative to ``dest``.

    Raises
    ------
    FileNotFoundError
        When kit was installed without its notebooks.
    FileExistsError
        When one of the files is already in ``dest`` (nothing is copied then).

    Examples
    --------
    >>> import tempfile
    >>> copied = copy_bundle(tempfile.mkdtemp())
    >>> "notebooks/01_deir_ez_zor.ipynb" in copied, "data/deir-ez-zor/claims.csv" in copied
    (True, True)
    """
    root = bundle_root()
    if root is None:
        raise FileNotFoundError(
            "this kit was installed without its notebooks and example cases; install it again from the wheel or a clone"
        )
    files = sorted(p.relative_to(root) for p in (root / "notebooks").glob("*.ipynb"))
    files += sorted(p.relative_to(root) for p in (root / "data").rglob("*") if p.is_file())
    out = Path(dest)
    clash = [str(f) for f in files if (out / f).exists()]
    if clash:
        raise FileExistsError(f"{out / clash[0]} is already there; give an empty or new folder")
    for f in files:
        (out / f).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / f, out / f)
    return [f.as_posix() for f in files]
