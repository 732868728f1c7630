"""Build the real-coverage cases of ``tests/audit_corpus/`` from their articles: every sentence a claim.

Each story folder holds ``articles/<report_id>.txt``: a header of ``key: value`` lines (``url``, ``title``,
``source_id``, ``source_name``, ``kind``, ``published``, ``notes``), a line ``---``, then the article's text as the
stored page has it (whole paragraphs only). This script writes the story's case tables beside them
(``sources.csv``, ``reports.csv``, ``claims.csv``, ``citations.csv``; ``case.toml`` is written by hand): one claim
per sentence, ``<report_id>-<n>`` numbered from 1 in the article's order, all on the story's proposition, no
citation declared. ``reuse.csv`` (written by hand, before the audit was run on the case) says which pairs of
sentences share words and why.

    python tests/audit_corpus/build.py            # rewrite every story's tables
    python tests/audit_corpus/build.py --print    # print each sentence with its id (for annotating)

``tests/auditing/test_audit_corpus.py`` checks that the tables are what this script makes of the articles.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

from kit.schema import COLUMNS

HERE = Path(__file__).resolve().parent
#: words that end with a full stop without ending a sentence
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "lt", "col", "gen", "st", "no", "sgt", "prof", "gov", "sen", "rep", "jr"}
ABBREVIATIONS |= {"brig"}  # "Brig. Gen. Mohammed Siddiqul Alam Shikder" (no other story has "Brig.")
_END = re.compile(r"[.!?](?:[\"”’')]+)?(?=\s+[\"“‘(]?[A-Z0-9])")


def read_article(path: Path) -> tuple[dict, str]:
    """The header (a dict) and the text of one article file."""
    head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    meta = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    return meta, body.strip()


def sentences(text: str) -> list[str]:
    """The sentences of ``text``: each paragraph (line) cut after ``.``, ``!`` or ``?`` (and any closing quotes)
    that a space and a capital letter, a digit or an opening quote follow, unless the word before the stop is an
    abbreviation (:data:`ABBREVIATIONS`) or a run of single letters with stops ("U.S."; but "6:28 a.m. The" ends a
    sentence), unless a quotation opened in the sentence is still open (a quoted passage of several sentences
    stays one claim), and unless "<Name> time" follows ("By 11 p.m. Paris time")."""
    out = []
    for para in text.splitlines():
        para = para.strip()
        start = 0
        for m in _END.finditer(para):
            word = para[start : m.start()].split()[-1] if para[start : m.start()].split() else ""
            bare = word.strip('"“‘(').rstrip(".").lower()
            if bare in ABBREVIATIONS or re.fullmatch(r"(?:[A-Za-z]\.)*[A-Z]", word.strip('"“‘(').rstrip(".")):
                continue
            if _open_quote(para[start : m.end()]) or re.match(r"\s+[A-Z]\w* [Tt]ime\b", para[m.end() :]):
                continue
            out.append(para[start : m.end()].strip())
            start = m.end()
        if para[start:].strip():
            out.append(para[start:].strip())
    return out


def _open_quote(text: str) -> bool:
    """A quotation opened in ``text`` is not closed: a sentence inside a quotation does not end the claim."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def tables(story: Path) -> dict[str, str]:
    """The CSV text of each table of one story folder."""
    sources, reports, claims = {}, [], []
    for path in sorted((story / "articles").glob("*.txt"), key=lambda p: _order(story, p.stem)):
        meta, body = read_article(path)
        rid = path.stem
        sid = meta["source_id"]
        sources.setdefault(sid, [sid, meta["source_name"], meta["kind"], "", "", "", "false", meta["url"], ""])
        reports.append([rid, sid, meta["published"], meta.get("title", ""), meta["url"], "", "en", meta["notes"]])
        for k, s in enumerate(sentences(body), 1):
            claims.append([f"{rid}-{k}", rid, story.name.replace("-", "_"), s, "", "", "", "", "asserted", ""])
    return {  # the rows above follow the contract's columns, in its order
        "sources.csv": _csv([list(COLUMNS["sources"])] + list(sources.values())),
        "reports.csv": _csv([list(COLUMNS["reports"])] + reports),
        "claims.csv": _csv([list(COLUMNS["claims"])] + claims),
        "citations.csv": _csv([list(COLUMNS["citations"])]),
    }


def _order(story: Path, stem: str) -> int:
    """Articles in the order ``order.txt`` lists them (one report id a line), so that table order breaks ties
    between reports of the same date as the stories' own order does (wires first)."""
    names = (story / "order.txt").read_text(encoding="utf-8").split()
    return names.index(stem)


def stories() -> list[Path]:
    return sorted(p for p in HERE.iterdir() if (p / "articles").is_dir())


def main(argv: list[str]) -> int:
    for story in stories():
        if "--print" in argv:
            for meta_path in sorted((story / "articles").glob("*.txt"), key=lambda p: _order(story, p.stem)):
                _, body = read_article(meta_path)
                for k, s in enumerate(sentences(body), 1):
                    print(f"{meta_path.stem}-{k}\t{s}")
            continue
        for name, text in tables(story).items():
            (story / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
