"""A story's coverage at once: one draft case from several articles (``kit draft A.txt B.html C.txt OUT``).

Each article is drafted as :func:`kit.draft.draft_case` drafts one; the drafts are then merged into one case:

- **one report per article** (its publisher's), and the reports the articles quote;
- **sources merged by entity across articles**: the same name after :func:`kit.draft.names.normalise_name` ("Bloomberg
  News" is Bloomberg), or a person's shorter name inside a longer one; unnamed speakers ("officials") are never
  merged across articles;
- **citations linked to claims in the set**: when article B cites an outlet that published article A of the set, the
  citation points at A's claim carrying the same statement (the same words, or the same figure of the same
  measure); when A has no claim there yet, the sentence of A carrying it becomes one (A's own words). Otherwise it
  cites the outlet as a source. ``basis`` stays ``stated``: B states it;
- **claims grouped into propositions by what they count** (``killed``, ``wounded``, ``casualties``, ``strikes``, …),
  so that ``independence`` and ``drift`` work on the draft at once.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from kit.draft.build import COLUMNS, DraftError, build_tables
from kit.draft.cues import find_attributions
from kit.draft.extract import SUFFIXES, Article, sentences
from kit.draft.matching import overlaps
from kit.draft.names import name_tokens, normalise_name, slug
from kit.draft.numbers import counted, figures, measure_of
from kit.progressbar import Progress

__all__ = ["article_paths", "draft_coverage"]


def article_paths(paths) -> list[Path]:
    """The article files named, a folder standing for the articles in it (``.txt``, ``.md``, ``.html``), by name.

    A folder's ``README.md`` (or ``README.txt``) is what describes the articles, not one of them: it is left out.
    A file named on its own is always taken.

    Parameters
    ----------
    paths : list of str or Path
        Files and folders.

    Returns
    -------
    list of Path

    Raises
    ------
    DraftError
        A folder holds no article.

    Examples
    --------
    >>> [p.name for p in article_paths(["data/coverage/ludian-earthquake"])]
    ['afp.txt', 'ap.txt', 'china-daily.txt', 'dw.txt', 'xinhua.txt']
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(
                f for f in p.iterdir() if f.is_file() and f.suffix.lower() in SUFFIXES and f.stem.lower() != "readme"
            )
            if not found:
                raise DraftError(f"{p}: this folder holds no article (.txt, .md or .html); give the articles' files")
            out += found
        else:
            out.append(p)
    return out


def _merge_key(name: str, kind: str):
    if kind in ("anonymous", "document"):
        return None
    return normalise_name(name)


def _same_entity(a: str, b: str) -> bool:
    ta, tb = set(name_tokens(a)), set(name_tokens(b))
    if not ta or not tb:
        return False
    if normalise_name(a) == normalise_name(b):
        return True
    small, big = sorted((ta, tb), key=len)
    return len(small) >= 2 and small < big


class _Merged:
    """The merged tables and the ids taken (sources and claims share one namespace, reports another)."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict]] = {t: [] for t in COLUMNS}
        self.ids: set[str] = set()
        self.report_ids: set[str] = set()

    def take(self, base: str, reports: bool = False) -> str:
        pool = self.report_ids if reports else self.ids
        new, n = base, 2
        while new in pool:
            new, n = f"{base}-{n}", n + 1
        pool.add(new)
        return new

    def source_for(self, row: dict) -> str:
        key = _merge_key(row["name"], row["kind"])
        if key is not None:
            for s in self.rows["sources"]:
                if s["kind"] not in ("anonymous", "document") and _same_entity(s["name"], row["name"]):
                    if len(row["name"]) > len(s["name"]) and s["kind"] == row["kind"]:
                        s["notes"] += f" draft: check: also named '{row['name']}' in another article."
                    return s["source_id"]
        sid = self.take(row["source_id"])
        self.rows["sources"].append({**row, "source_id": sid})
        return sid


def _statement_in(article: Article, claim: dict) -> tuple[int, int] | None:
    """Where article A carries the statement of another article's claim: same words, or same figure and measure."""
    low, high = claim.get("low", ""), claim.get("high", "")
    for s in sentences(article.text):
        if overlaps(s.text, str(claim["text"])):
            return s.start, s.end
        if low or high:
            for f in figures(s.text):
                same = (str(f.low or ""), str(f.high or "")) == (str(low), str(high))
                if same and claim.get("proposition") and counted(s.text[f.start : f.end + 40]) == claim["proposition"]:
                    return s.start, s.end
    return None


def draft_coverage(articles: list[Article], *, published: str | None = None, progress: bool = False) -> dict:
    """One draft case (the four tables, all text) from a story's articles.

    Parameters
    ----------
    articles : list of kit.draft.extract.Article
        The articles, as :func:`kit.draft.extract.read_article` reads them; each needs a publisher (its page's site
        name, or else its file's name, marked ``draft: check``) and a date (its page's, or ``published``).
    published : str, optional
        The date of the articles whose page gives none (ISO 8601).
    progress : bool, default False
        Show a bar of the articles drafted (:class:`kit.progressbar.Progress`: tqdm, in a terminal or a notebook).

    Returns
    -------
    dict of str to pandas.DataFrame
        ``sources``, ``reports``, ``claims`` and ``citations`` as :func:`kit.draft.draft_case` gives them.

    Raises
    ------
    DraftError
        An article has no date and ``published`` is not given (every such article is named).

    Examples
    --------
    >>> from kit.draft.extract import Article
    >>> a = Article("Two people were killed in the blast on Monday.", publisher="Reuters", published="2024-01-02")
    >>> b = Article("Two people were killed in the blast, according to Reuters.", publisher="Daily",
    ...             published="2024-01-03")
    >>> t = draft_coverage([a, b])
    >>> t["reports"]["report_id"].tolist()
    ['reuters-article', 'daily-article']
    >>> t["citations"][["claim_id", "cites", "basis"]].values.tolist()
    [['daily-article-1', 'reuters-article-1', 'stated']]
    """
    undated = [
        a.path or a.title or f"article {i + 1}" for i, a in enumerate(articles) if not (a.published or published)
    ]
    if undated:
        raise DraftError(
            f"no date for {', '.join(map(str, undated))}: give --published DATE (e.g. 2024-08-26) for the "
            "articles whose page gives none"
        )
    merged = _Merged()
    own: list[tuple[Article, str, str]] = []  # (article, its report id, its publisher's source id)
    with Progress(len(articles), shown=progress, desc="draft", unit="article") as bar:
        for i, art in enumerate(articles):
            bar.set(i, note=Path(art.path).name if art.path else f"article {i + 1}")
            _draft_one(merged, own, art, i, len(articles), published)
    _link(merged, own)
    return {
        name: pd.DataFrame(
            [{c: r.get(c, "") for c in COLUMNS[name]} for r in rows], columns=COLUMNS[name], dtype=object
        )
        for name, rows in merged.rows.items()
    }


def _draft_one(merged: _Merged, own: list, art: Article, i: int, n: int, published: str | None) -> None:
    """Draft article ``i`` of ``n`` as one article is drafted, and merge its rows into ``merged``."""
    publisher = art.publisher or (Path(art.path).stem if art.path else f"Article {i + 1}")
    notes = "" if art.publisher else "draft: check publisher (from the file's name)."
    t = build_tables(
        art.text,
        find_attributions(sentences(art.text)),
        publisher=publisher,
        published=str(art.published or published),
        url=art.url,
        title=art.title,
        notes=f"{notes} Article {i + 1} of {n}: {Path(art.path).name if art.path else ''}".strip(),
    )
    t = {k: v.to_dict("records") for k, v in t.items()}
    sid = {r["source_id"]: merged.source_for(r) for r in t["sources"]}
    rid = {}
    for r in t["reports"]:
        rid[r["report_id"]] = merged.take(r["report_id"], reports=True)
        merged.rows["reports"].append({**r, "report_id": rid[r["report_id"]], "source_id": sid[r["source_id"]]})
    own.append((art, rid[t["reports"][0]["report_id"]], sid[t["reports"][0]["source_id"]]))
    cid: dict[str, str] = {}
    count: dict[str, int] = {}
    for c in t["claims"]:
        report = rid[c["report_id"]]
        count[report] = count.get(report, 0) + 1
        cid[c["claim_id"]] = merged.take(f"{report}-{count[report]}")
        prop = c["proposition"] if c["low"] or c["high"] else slug(cid[c["claim_id"]])
        merged.rows["claims"].append({**c, "claim_id": cid[c["claim_id"]], "report_id": report, "proposition": prop})
    for c in t["citations"]:
        merged.rows["citations"].append({**c, "claim_id": cid[c["claim_id"]], "cites": sid.get(c["cites"], c["cites"])})


def _link(merged: _Merged, own: list[tuple[Article, str, str]]) -> None:
    """Point each citation of an outlet that published an article of the set at that article's claim."""
    claims = {c["claim_id"]: c for c in merged.rows["claims"]}
    by_publisher = {sid: (art, rid) for art, rid, sid in own}
    for cit in merged.rows["citations"]:
        if cit["cites"] not in by_publisher:
            continue
        art, rid = by_publisher[cit["cites"]]
        claim = claims[cit["claim_id"]]
        if claim["report_id"] == rid:
            continue
        span = _statement_in(art, claim)
        if span is None:
            continue
        words = art.text[span[0] : span[1]]
        target = next((c for c in merged.rows["claims"] if c["report_id"] == rid and c["text"] == words), None)
        if target is None:
            n = sum(c["report_id"] == rid for c in merged.rows["claims"]) + 1
            figs = figures(words)
            target = {
                "claim_id": merged.take(f"{rid}-{n}"),
                "report_id": rid,
                "text": words,
                "low": "" if not figs or figs[0].low is None else str(figs[0].low),
                "high": "" if not figs or figs[0].high is None else str(figs[0].high),
                "subject": "",
                "measure": (measure_of(words) or "") if figs else "",
                "certainty": "asserted",
                "credibility": "",
                "notes": "draft: check: made from the article's own words, for the citation "
                f"of {claim['claim_id']}; check certainty, subject, measure and proposition",
            }
            target["proposition"] = (counted(words) or "figure") if figs else slug(target["claim_id"])
            merged.rows["claims"].append(target)
            claims[target["claim_id"]] = target
        how = "the same words" if overlaps(words, str(claim["text"])) else "the same figure"
        cit["cites"] = target["claim_id"]
        cit["notes"] = re.sub(r"draft: check: cites .*? it rests on", "", str(cit.get("notes", ""))).strip()
        cit["notes"] = (f"{cit['notes']} " if cit["notes"] else "") + (
            f"draft: check: linked to {target['claim_id']}, the claim in the article of the set by this outlet "
            f"that carries {how}"
        )
