"""Hashes and orders of integer arrays for the audit's candidate search: SplitMix64's finaliser and a stable grouping
of equal keys by sorting values."""

from __future__ import annotations

import numpy as np

__all__ = ["mix64", "stable_order"]

_M1, _M2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)


def mix64(x: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser: a well-spread 64-bit hash of each integer.

    Parameters
    ----------
    x : numpy.ndarray of integers

    Returns
    -------
    numpy.ndarray of uint64

    Examples
    --------
    >>> mix64(np.array([1, 2])).dtype, len(set(mix64(np.arange(1000)).tolist()))
    (dtype('uint64'), 1000)
    """
    with np.errstate(over="ignore"):  # in place: one copy and one temporary, not one array per step
        z, t = np.asarray(x).astype(np.uint64), np.empty(np.shape(x), np.uint64)
        z += np.uint64(0x9E3779B97F4A7C15)
        for shift, times in ((30, _M1), (27, _M2)):
            z ^= np.right_shift(z, np.uint64(shift), out=t)
            z *= times
        z ^= np.right_shift(z, np.uint64(31), out=t)
        return z


def stable_order(key: np.ndarray) -> np.ndarray:
    """An order of the rows that puts equal keys together, each key's rows in row order (as a stable argsort does,
    the keys themselves in another order), by sorting values rather than indices (several times faster): each
    key's hash (a bijection, :func:`mix64`) keeps its high bits and takes the row number in its low bits. Two keys
    whose hashes share the high bits would be mixed: that is checked, and then the stable argsort is used.

    Parameters
    ----------
    key : numpy.ndarray of integers

    Returns
    -------
    numpy.ndarray of int64

    Examples
    --------
    >>> k = np.array([7, 3, 7, 3, 5])
    >>> order = stable_order(k)
    >>> k[order].tolist() in ([7, 7, 3, 3, 5], [7, 7, 5, 3, 3], [3, 3, 7, 7, 5], [3, 3, 5, 7, 7], [5, 7, 7, 3, 3],
    ...                       [5, 3, 3, 7, 7]), order[k[order] == 7].tolist()
    (True, [0, 2])
    """
    n = len(key)
    bits = max(1, (n - 1).bit_length())
    if n < 2 or bits > 40:
        return np.argsort(key, kind="stable")
    low = np.uint64((1 << bits) - 1)
    s = np.sort((mix64(key) & ~low) | np.arange(n, dtype=np.uint64))
    order = (s & low).astype(np.int64)
    k, high = key[order], s & ~low
    if np.any((high[1:] == high[:-1]) & (k[1:] != k[:-1])):
        return np.argsort(key, kind="stable")
    return order
