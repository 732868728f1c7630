"""schema.org ClaimReview JSON-LD for the propositions a case gives a verdict in ``case.toml``.

A verdict is written in ``case.toml`` as a table per proposition (here ``tests/cases/hostile/case.toml``)::

    [verdicts.plant_fire_dead]
    rating = "Unproven"
    claim_id = "k-tabloid-50"
    note = "Rests on one confidential source and a <b>social</b> post; \"50\" is not supported."

:func:`claim_reviews` turns each into one ClaimReview object (a dict ready for :func:`json.dumps`).
``kit export`` writes them as ``claimreview.jsonld`` (:func:`kit.formats.export.export`); ``kit publish`` embeds the
one of
the page's proposition as ``<script type="application/ld+json">`` (:func:`kit.publish.page_html`). Both pass a
redacted case (:func:`kit.text.redact.redact`); urls are used only when they are ``http(s)``
(:func:`kit.text.html.safe_url`). A review without ``url`` or ``author``, or of a claim whose report has no url, is
still written; :func:`review_warnings` says what it lacks, and ``kit export`` and ``kit publish`` print that.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

import pandas as pd

from kit.errors import Problem
from kit.text.html import safe_url
from kit.text.wording import cell_text

if TYPE_CHECKING:
    from kit.case import Case

__all__ = ["claim_reviews", "review_warnings"]


def claim_reviews(case: Case, *, built=None) -> dict:
    """schema.org ClaimReview objects for the propositions with a verdict in ``case.toml``.

    ``[verdicts.<proposition>]`` takes ``rating`` (text, required), ``claim_id`` (the claim reviewed, required, a
    claim of that proposition), ``note`` (the review's text), and optionally ``author`` (who reviews) and ``url``
    (where the review is published; only an http(s) url is used).

    Parameters
    ----------
    case : kit.Case
        Redacted already when the result is published (:func:`kit.text.redact.redact`); not changed.
    built : str, optional
        The reviews' ``datePublished`` (ISO date); today (UTC) by default.

    Returns
    -------
    dict
        ``proposition -> ClaimReview`` (a dict ready for ``json.dumps``), in ``case.toml`` order.

    Raises
    ------
    ValueError
        When a verdict is not a table, has no rating, or names a claim that is not a claim of its proposition.

    See Also
    --------
    kit.formats.export.export : writes these as ``claimreview.jsonld``.

    Examples
    --------
    >>> import kit
    >>> r = claim_reviews(kit.load_case("tests/cases/hostile"), built="2026-01-01")["plant_fire_dead"]
    >>> r["@type"], r["reviewRating"]["alternateName"], r["itemReviewed"]["author"]["name"]
    ('ClaimReview', 'Unproven', 'Tabloid <img src=x onerror=alert(3)>')
    """
    from kit.graph.citation import claim_context

    verdicts = case.meta.get("verdicts") or {}
    if not isinstance(verdicts, dict):
        raise ValueError("case.toml: 'verdicts' must be tables, e.g. [verdicts.my_proposition] rating = \"False\"")
    built = built or _dt.datetime.now(_dt.UTC).date().isoformat()
    ctx = claim_context(case).set_index("claim_id")
    kinds = case.sources.set_index("source_id")["kind"].to_dict()
    reports = case.reports.set_index("report_id")
    out = {}
    for prop, v in verdicts.items():
        where = f"case.toml: [verdicts.{prop}]"
        if not isinstance(v, dict):
            raise ValueError(f"{where} must be a table with rating, claim_id and note")
        rating, claim_id = v.get("rating"), v.get("claim_id")
        if not isinstance(rating, str) or not rating.strip():
            raise ValueError(f'{where} has no rating; write e.g. rating = "False"')
        if not isinstance(claim_id, str) or claim_id not in ctx.index:
            raise ValueError(f"{where}: claim_id {claim_id!r} is not a claim of the case")
        row = ctx.loc[claim_id]
        if row["proposition"] != prop:
            raise ValueError(f"{where}: claim {claim_id!r} is about {row['proposition']!r}, not {prop!r}")
        publisher = row["source_id"]
        author_type = "Person" if kinds.get(publisher) == "individual" else "Organization"
        item = {
            "@type": "Claim",
            "datePublished": pd.Timestamp(row["published"]).strftime("%Y-%m-%d"),
            "author": {"@type": author_type, "name": cell_text(row["outlet"])},
        }
        rep = reports.loc[row["report_id"]] if row["report_id"] in reports.index else None
        if rep is not None:
            url = safe_url(rep.get("url"))
            if url:
                appearance = {"@type": "CreativeWork", "url": url}
                if cell_text(rep.get("title")):
                    appearance["headline"] = cell_text(rep.get("title"))
                item["appearance"] = [appearance]
        review = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "datePublished": built,
            "name": f"{case.title}: {prop}",
            "claimReviewed": " ".join(cell_text(row["text"]).split()),
            "itemReviewed": item,
            "reviewRating": {"@type": "Rating", "alternateName": rating.strip()},
        }
        if isinstance(v.get("note"), str) and v["note"].strip():
            review["reviewBody"] = v["note"].strip()
        if isinstance(v.get("author"), str) and v["author"].strip():
            review["author"] = {"@type": "Organization", "name": v["author"].strip()}
        if safe_url(v.get("url")):
            review["url"] = safe_url(v.get("url"))
        out[prop] = review
    return out


def review_warnings(case) -> list:
    """What the ClaimReview of each verdict lacks, as warnings: the review's ``url`` and ``author``, and the url of
    the reviewed claim's report (``itemReviewed.appearance``).

    Search engines show a ClaimReview only with the ``url`` of the page that publishes the review; ``author`` and
    the claim's appearance are what readers are shown beside it. :func:`claim_reviews` writes a review without them,
    so this says so instead of leaving them out silently.

    Parameters
    ----------
    case : kit.Case
        With its verdicts in ``case.toml`` (not changed).

    Returns
    -------
    list of kit.errors.Problem
        Warnings on ``case.toml`` (file order of the verdicts), each with the line to add; empty when nothing lacks.

    See Also
    --------
    claim_reviews : the reviews.

    Examples
    --------
    >>> import kit
    >>> for w in review_warnings(kit.load_case("tests/cases/hostile")):
    ...     print(w)  # doctest: +ELLIPSIS
    tests/cases/hostile/case.toml: warning: [verdicts.plant_fire_dead] has no url: ...
    tests/cases/hostile/case.toml: warning: [verdicts.plant_fire_dead] has no author: ...
    """
    import os

    verdicts = case.meta.get("verdicts")
    if not isinstance(verdicts, dict):
        return []
    where = os.path.join(str(case.path), "case.toml") if case.path else "case.toml"
    claims = case.claims.set_index("claim_id")["report_id"]
    urls = case.reports.set_index("report_id")["url"] if "url" in case.reports.columns else pd.Series(dtype=object)
    out = []
    for prop, v in verdicts.items():
        if not isinstance(v, dict):
            continue  # claim_reviews refuses it, with its own message
        head = f"[verdicts.{prop}]"
        if not safe_url(v.get("url")):
            given = cell_text(v.get("url"))
            out.append(
                (
                    f"{head} has url {given!r}, not an http(s) address, so it is left out"
                    if given
                    else f"{head} has no url"
                )
                + ": search engines show a ClaimReview only with the address of the page that publishes it; "
                'write url = "https://..." (the published review)'
            )
        if not (isinstance(v.get("author"), str) and v["author"].strip()):
            out.append(f'{head} has no author: the ClaimReview names no reviewer; add author = "Your newsroom"')
        report = claims.get(v.get("claim_id")) if isinstance(v.get("claim_id"), str) else None
        if report is not None and not safe_url(urls.get(report)):
            out.append(
                f"{head} reviews claim {v['claim_id']!r}, whose report {report!r} has no http(s) url, so the review "
                "cannot say where the claim appeared (itemReviewed.appearance); add the report's url in reports.csv"
            )
    return [Problem(where, 0, None, m, "warning") for m in out]
