"""Checking the publishing settings of ``case.toml``: ``proposition = "..."`` and ``[verdicts.<proposition>]``.

These are the rules ``kit publish`` (which proposition the page tells, the verdict it shows) and ``kit export``
(the ClaimReview of each verdict) apply: checking them here lets ``kit check`` report each one, with its line in
``case.toml`` and the nearest existing name, before either command is run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

from kit.checking.suggestions import nearest, suggest
from kit.errors import Problem
from kit.reading.toml import line_of
from kit.schema import VERDICT_KEYS

__all__ = ["check_meta"]


class _Claims:
    """The claims' ids and propositions (text, as in claims.csv), looked at only when a setting needs them."""

    def __init__(self, claims: pd.DataFrame | None) -> None:
        self.frame = claims

    @property
    def known(self) -> bool:
        return self.frame is not None and {"claim_id", "proposition"} <= set(self.frame.columns)

    def _col(self, name: str) -> pd.Series:
        if self.frame is None:  # asked only when ``known``
            raise TypeError("there are no claims to look in")
        col = self.frame[name]
        return col.astype(object).where(col.notna(), "").astype(str) if col.dtype != object else col

    def propositions(self) -> list:
        return [p for p in pd.unique(self._col("proposition").to_numpy(dtype=object)) if p != ""]

    def proposition_of(self, claim_id: str) -> str | None:
        """The proposition of ``claim_id``, or None when no claim has that id."""
        hit = np.flatnonzero((self._col("claim_id") == claim_id).to_numpy())
        return str(self._col("proposition").iat[int(hit[0])]) if len(hit) else None

    def ids_of(self, proposition: str) -> list[str]:
        ids = self._col("claim_id")
        return list(ids[(self._col("proposition") == proposition).to_numpy()])

    def ids(self) -> list:
        return [i for i in pd.unique(self._col("claim_id").to_numpy(dtype=object)) if i != ""]


def _listing(names: Iterable[str], most: int = 5) -> str:
    names = sorted(names)
    shown = ", ".join(names[:most])
    return shown + (f", ... ({len(names)} in all)" if len(names) > most else "")


def _unknown_proposition(value: str, claims: _Claims, ask: str, fix: str, give_up: str) -> str:
    """``ask`` (e.g. "no claim has it") with the nearest proposition, or the list of them, and how to fix it."""
    props = claims.propositions()
    near = nearest(value, props)
    if near:
        return f"{ask}: did you mean '{near}'? Otherwise {fix} a proposition of claims.csv"
    if not props:
        return f"{ask} (claims.csv has no claims yet); add the claims, or {give_up}"
    return f"{ask}; {fix} one of the case's propositions ({_listing(props)})"


def check_meta(
    meta: dict, claims: pd.DataFrame | None = None, file: str = "case.toml", lines: dict | None = None
) -> tuple[list[Problem], list[Problem]]:
    """The problems and warnings of the publishing settings in ``meta``.

    Parameters
    ----------
    meta : dict
        The settings (as read from ``case.toml``, or ``case.meta``).
    claims : pandas.DataFrame, optional
        The claims (typed, or as raw text), with ``claim_id`` and ``proposition``; without them the settings'
        names are not compared with the case's.
    file : str
        The file named in the problems.
    lines : dict, optional
        ``key path -> line`` (:func:`kit.reading.toml.key_lines`); without it every problem has line 0.

    Returns
    -------
    (list of Problem, list of Problem)
        The errors and the warnings, in the order the settings are written.

    See Also
    --------
    kit.publish.choose_proposition, kit.formats.export.claim_reviews : the commands that use these settings.

    Examples
    --------
    >>> import kit
    >>> case = kit.load_case("tests/cases/hostile")
    >>> meta = {"proposition": "plant_fire", "verdicts": {"plant_fire_dead": {"ratng": "False", "claim_id": "k-wire"}}}
    >>> lines = {("proposition",): 1, ("verdicts", "plant_fire_dead"): 3}
    >>> errors, warnings = check_meta(meta, case.claims, lines=lines)
    >>> for p in errors + warnings:
    ...     print(p)  # doctest: +NORMALIZE_WHITESPACE
    case.toml:1: proposition: this names the proposition 'plant_fire', but no claim has it: did you mean
      'plant_fire_dead'? Otherwise name a proposition of claims.csv, or delete the setting to tell the one with
      most claims
    case.toml:3: verdicts.plant_fire_dead.rating: the verdict for 'plant_fire_dead' has no rating; write e.g.
      rating = "False" under [verdicts.plant_fire_dead]
    case.toml:3: verdicts.plant_fire_dead.ratng: warning: unknown setting 'ratng' in a verdict (did you mean
      'rating'?); a verdict takes rating, claim_id, note, author, url
    """
    lines = lines or {}
    claims = _Claims(claims)
    errors: list[Problem] = []
    warnings: list[Problem] = []

    def err(path: tuple[str, ...], message: str) -> None:
        errors.append(Problem(file, line_of(lines, path), ".".join(map(str, path)), message))

    example = (claims.propositions()[:1] if claims.known else []) or ["my_proposition"]
    if "proposition" in meta:
        named = meta["proposition"]
        if not isinstance(named, str):
            err(
                ("proposition",),
                f'the proposition must be text in double quotes, e.g. proposition = "{example[0]}" '
                "(a proposition of claims.csv)",
            )
        elif claims.known and named not in claims.propositions():
            ask = f"this names the proposition '{named}', but no claim has it"
            err(
                ("proposition",),
                _unknown_proposition(named, claims, ask, "name", "delete the setting")
                + (", or delete the setting to tell the one with most claims" if claims.propositions() else ""),
            )
    if "verdicts" in meta:
        verdicts = meta["verdicts"]
        if not isinstance(verdicts, dict):
            err(
                ("verdicts",),
                f"'verdicts' must be tables, one per proposition, e.g. [verdicts.{example[0]}] "
                'with rating = "False" and claim_id = "..." on the lines below it',
            )
        else:
            for prop, verdict in verdicts.items():
                _check_verdict(str(prop), verdict, claims, err, warnings, file, lines)
    return errors, warnings


def _check_verdict(
    prop: str,
    v: object,
    claims: _Claims,
    err: Callable[[tuple[str, ...], str], None],
    warnings: list[Problem],
    file: str,
    lines: dict,
) -> None:
    here = ("verdicts", prop)
    table = f"[verdicts.{prop}]"
    if not isinstance(v, dict):
        err(
            here,
            f"the verdict for '{prop}' must be a table with rating, claim_id and note: write {table} on a "
            'line of its own, then rating = "False" and claim_id = "..." below it',
        )
        return
    known_prop = not claims.known or prop in claims.propositions()
    if not known_prop:
        ask = f"a verdict is given for '{prop}', but no claim has that proposition"
        err(here, _unknown_proposition(prop, claims, ask, f"rename {table} after", f"delete {table}"))
    rating = v.get("rating")
    if rating is None or (isinstance(rating, str) and not rating.strip()):
        err(here + ("rating",), f"the verdict for '{prop}' has no rating; write e.g. rating = \"False\" under {table}")
    elif not isinstance(rating, str):
        err(here + ("rating",), 'the rating must be text in double quotes, e.g. rating = "False"')
    claim_id = v.get("claim_id")
    example = (claims.ids_of(prop)[:1] or ["..."])[0] if claims.known and known_prop else "..."
    if claim_id is None:
        err(
            here + ("claim_id",),
            f"the verdict for '{prop}' names no claim; write the id of the claim reviewed "
            f'under {table}, e.g. claim_id = "{example}"',
        )
    elif not isinstance(claim_id, str):
        err(here + ("claim_id",), f'the claim_id must be text in double quotes, e.g. claim_id = "{example}"')
    elif claims.known:
        about = claims.proposition_of(claim_id)
        if about is None:
            near = nearest(claim_id, claims.ids_of(prop) if known_prop else claims.ids()) or nearest(
                claim_id, claims.ids()
            )
            hint = f": did you mean '{near}'? Otherwise name" if near else "; name"
            err(
                here + ("claim_id",),
                f"'{claim_id}' is not a claim_id in claims.csv{hint} the claim the verdict reviews",
            )
        elif known_prop and about != prop:
            err(
                here + ("claim_id",),
                f"claim '{claim_id}' is about '{about}', not '{prop}'; name a claim of "
                f"'{prop}' (e.g. '{example}'), or move the verdict to [verdicts.{about}]",
            )
    for key in ("note", "author", "url"):
        if key in v and not isinstance(v[key], str):
            err(here + (key,), f'the {key} must be text in double quotes, e.g. {key} = "..."')
    for key in v:
        if key not in VERDICT_KEYS:
            s = suggest(str(key), VERDICT_KEYS)
            hint = f" (did you mean '{s}'?)" if s else ""
            warnings.append(
                Problem(
                    file,
                    line_of(lines, here + (key,)),
                    ".".join(map(str, here + (key,))),
                    f"unknown setting '{key}' in a verdict{hint}; a verdict takes {', '.join(VERDICT_KEYS)}",
                    "warning",
                )
            )
