"""data/coverage/ludian-earthquake: the shipped coverage is the corpus' articles, verbatim, and its README and notebook
04 give each article's url, title and date as the corpus' hand annotation has them.

Each file of the folder is a copy of an article of tests/draft_corpus/dev (named after whoever wrote the story, as
``kit draft`` takes a .txt's publisher from its file's name); the README's table has one row per file with the
annotation's url, title and date, and notebook 04's ``dates`` (the articles' dates it writes into the draft) are the
same dates. The passages the README quotes are in the articles.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jupytext
import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "data" / "coverage" / "ludian-earthquake"
DEV = ROOT / "tests" / "draft_corpus" / "dev"
# file in the folder -> its article in the corpus
ARTICLES = {
    "xinhua.txt": "y4-cntv-xinhua",
    "china-daily.txt": "y5-chinadaily",
    "ap.txt": "y2-wavetv-ap",
    "afp.txt": "y3-asiaone-afp",
    "dw.txt": "y7-dw",
}


def annotation(name: str) -> dict:
    return json.loads((DEV / f"{ARTICLES[name]}.json").read_text(encoding="utf-8"))


def readme_rows() -> dict[str, list[str]]:
    text = (FOLDER / "README.md").read_text(encoding="utf-8")
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in text.splitlines() if line.startswith("| `")]
    return {r[0].strip("`"): r for r in rows}


def test_the_folder_holds_the_corpus_articles_verbatim():
    assert sorted(p.name for p in FOLDER.iterdir()) == sorted([*ARTICLES, "README.md"])
    for name, stem in ARTICLES.items():
        assert (FOLDER / name).read_bytes() == (DEV / f"{stem}.txt").read_bytes(), name
        assert annotation(name)["story"] == "yunnan-ludian-earthquake-2014", name  # one story


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_the_readme_gives_each_article_its_url_title_and_date(name):
    row = readme_rows()[name]
    a = annotation(name)
    title, date, url = row[3], row[4], row[5]
    assert (title, url) == (a["title"], a["url"])
    assert date.split(" ")[0] == a["published"]


def test_the_readme_quotes_the_articles():
    readme = " ".join((FOLDER / "README.md").read_text(encoding="utf-8").split())
    texts = " ".join(" ".join((FOLDER / n).read_text(encoding="utf-8").split()) for n in ARTICLES)
    quoted = re.findall(r"“([^”]+)”", readme)
    assert len(quoted) >= 5
    for q in quoted:
        for part in q.split(", …, "):
            assert part.strip(" …") in texts, q


def test_notebook_04_dates_the_articles_as_annotated():
    nb = jupytext.read(ROOT / "notebooks" / "04_start_your_own_case.py")
    source = next(c.source for c in nb.cells if c.cell_type == "code" and "dates = {" in c.source)
    dates = dict(re.findall(r'"([\w-]+)-article": "([\d-]+)"', source))
    assert dates == {Path(n).stem: annotation(n)["published"] for n in ARTICLES}


NOTRE_DAME = ROOT / "data" / "coverage" / "notre-dame-fire-2019"
CORPUS_STORY = ROOT / "tests" / "audit_corpus" / "notre-dame-fire-2019"
WORDS = {10: "ten"}


def test_the_notre_dame_case_is_the_audit_corpus_story():
    """The shipped case is the development story of tests/audit_corpus, table for table (one copy cannot drift)."""
    tables = ["sources.csv", "reports.csv", "claims.csv", "citations.csv", "reuse.csv"]
    assert sorted(p.name for p in NOTRE_DAME.iterdir()) == sorted([*tables, "case.toml", "README.md"])
    for name in tables:
        assert (NOTRE_DAME / name).read_bytes() == (CORPUS_STORY / name).read_bytes(), name


def test_the_notre_dame_readme_states_the_tables():
    import pandas as pd

    reports = pd.read_csv(NOTRE_DAME / "reports.csv", dtype=str, keep_default_na=False)
    claims = pd.read_csv(NOTRE_DAME / "claims.csv", dtype=str, keep_default_na=False)
    text = (NOTRE_DAME / "README.md").read_text(encoding="utf-8")
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in text.splitlines() if line.startswith("| `")]
    assert [r[0].strip("`") for r in rows] == reports["report_id"].tolist()
    counts = claims.groupby("report_id").size()
    for row, (_, report) in zip(rows, reports.iterrows(), strict=True):
        assert row[2] == (report["title"] or "(none stored)") and row[3] == report["published"], row
        assert int(row[4]) == counts[report["report_id"]] and row[5] == report["url"], row
    assert f"{WORDS[len(reports)]} outlets' articles" in " ".join(text.split())
    notebook = " ".join((ROOT / "notebooks" / "04_start_your_own_case.py").read_text(encoding="utf-8").split())
    assert f"{WORDS[len(reports)]} outlets' articles on the Notre-Dame fire" in notebook.replace("# ", "")
    data_readme = " ".join((ROOT / "data" / "README.md").read_text(encoding="utf-8").split())
    assert f"{WORDS[len(reports)]} outlets' coverage of the Notre-Dame fire" in data_readme
