"""How far two careful annotators agree (issues 21 and 22): the ceiling against which a tool's score on one
annotation can be read.

A held-out part of each corpus was annotated a second time, by someone who had not seen the first annotation:

- **draft** (issue 21): ``tests/agreement/draft/<part>/NAME.json``, a second annotation of the articles of
  ``tests/draft_corpus/<part>/``, in the same format. It is scored against the first exactly as
  ``benchmarks/draft_corpus.py`` scores a draft, each second-annotation attribution taken as one citation of its
  speaker in its statement's sentence: **sources** (the first annotation's speakers and relays that the second names,
  under a name or alias the matcher accepts), **attributions** (the first's statements for which the second gives
  a statement in the same sentence by a matching speaker), **right** (the second's attributions whose speaker is the
  speaker or the relay of a statement of the first in that sentence) and **figures that disagree** (a second's
  attribution with figures none of which the first allows in that sentence). Then the other way round.
- **audit** (issue 22): ``tests/agreement/audit/<story>/reuse.csv``, a second annotation of the reuse of a story of
  ``tests/audit_corpus``; its ``copied_prose`` pairs are scored against the first annotation exactly as the audit's
  ``shared_text`` rows are (``tests/auditing/test_audit_corpus.py``'s ``score_rows``): recall, precision, shared
  quotations and stock phrases of the first called copied prose by the second. Then the other way round; and the
  kinds the two give each pair either lists.

Usage: ``python benchmarks/agreement.py [--json]`` prints the scores (``--json``: as
``benchmarks/results-agreement.json`` holds them).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
AGREEMENT = ROOT / "tests" / "agreement"


def _module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


draft_corpus = _module("draft_corpus", ROOT / "benchmarks" / "draft_corpus.py")


def draft_agreement(ref: dict, other: dict, text: str) -> dict:
    """The second annotation ``other`` of one article scored against ``ref``, as a draft is (module docstring): by
    ``benchmarks/draft_corpus.py``'s :func:`judge`, each of ``other``'s attributions one citation of its speaker (by
    the names ``other`` gives it) in its statement's sentences, with its figures."""
    from kit.draft.extract import sentences

    spans = [(x.start, x.end) for x in sentences(text)]
    other_aliases = other.get("aliases", {})
    first, second = ref["attributions"], other["attributions"]

    def where(att: dict) -> set:
        return draft_corpus._places(text, att["statement"], spans, quoted=True)

    def alts(name: str) -> tuple:  # the second's names for it
        return (name, *other_aliases.get(name, []))

    named = {b["speaker"] for b in second} | {b["via"] for b in second if b.get("via")}
    figured = [b for b in second if b.get("figures")]
    v = draft_corpus.judge(
        text,
        spans,
        ref,
        [alts(n) for n in named],
        [(where(b), alts(b["speaker"])) for b in second],
        [(where(b), {tuple(f) for f in b["figures"]}) for b in figured],
    )
    return {
        "sources": len(v["entities"]),
        "sources_found": len(v["found"]),
        "attributions": len(first),
        "attributions_found": sum(v["hits"]),
        "citations": len(second),
        "citations_right": sum(v["right"]),
        "figures": len(figured),
        "figures_differing": v["figure_ok"].count(False),
        "missed_sources": sorted(set(v["entities"]) - set(v["found"])),
        "missed_attributions": [
            f"{a['speaker']}: {a['statement']}" for a, ok in zip(first, v["hits"], strict=True) if not ok
        ],
        "wrong": [f"{b['speaker']}: {b['statement']}" for b, ok in zip(second, v["right"], strict=True) if not ok],
    }


TOTALS = (
    "sources",
    "sources_found",
    "attributions",
    "attributions_found",
    "citations",
    "citations_right",
    "figures",
    "figures_differing",
)


def draft_part(part: str) -> dict:
    """Both directions over every article of ``part`` that has a second annotation, with their totals."""
    out: dict = {"articles": [], "second_against_first": {}, "first_against_second": {}}
    for path in sorted((AGREEMENT / "draft" / part).glob("*.json")):
        text = (draft_corpus.CORPUS / part / f"{path.stem}.txt").read_text(encoding="utf-8")
        first = json.loads((draft_corpus.CORPUS / part / path.name).read_text(encoding="utf-8"))
        second = json.loads(path.read_text(encoding="utf-8"))
        row = {"article": path.stem}
        for key, (ref, other) in (("second_against_first", (first, second)), ("first_against_second", (second, first))):
            got = draft_agreement(ref, other, text)
            row[key] = got
            for k in TOTALS:
                out[key][k] = out[key].get(k, 0) + got[k]
        out["articles"].append(row)
    return out


def audit_story(story: str) -> dict:
    """The second annotation's ``copied_prose`` pairs of ``story`` scored as the audit's rows are, both ways, and the
    kinds the two annotations give each pair either of them lists."""
    tests = _module("test_audit_corpus", ROOT / "tests" / "auditing" / "test_audit_corpus.py")
    case, first = tests.load_part((story,))
    second = pd.read_csv(AGREEMENT / "audit" / story / "reuse.csv", dtype=str, keep_default_na=False)

    def listing(reuse: pd.DataFrame) -> pd.DataFrame:
        copied = reuse[reuse["kind"] == "copied_prose"]
        return pd.DataFrame({"claim_id": copied["claim_id"], "cites": copied["other"], "signal": "shared_text"})

    out = {}
    for key, (ref, other) in (("second_against_first", (first, second)), ("first_against_second", (second, first))):
        got = tests.score_rows(case, ref, listing(other))
        out[key] = {k: v for k, v in got.items() if k not in ("rows", "missed", "claims", "articles")}
    kinds: Counter = Counter()
    one = {frozenset((a, b)): k for a, b, k in zip(first["claim_id"], first["other"], first["kind"], strict=True)}
    two = {frozenset((a, b)): k for a, b, k in zip(second["claim_id"], second["other"], second["kind"], strict=True)}
    for pair in set(one) | set(two):
        kinds[f"{one.get(pair, 'none')} / {two.get(pair, 'none')}"] += 1
    out["kinds_first_second"] = dict(sorted(kinds.items()))
    return out


#: what the results file holds
WHAT = (
    "Second, independent annotations of held-out material scored against the first as the tools are "
    "(benchmarks/agreement.py): parts of the draft corpus (ten articles each) and of the audit corpus (two stories "
    "each), each written by someone who had seen neither the first annotation nor the tools' scores on it; "
    "'second_against_first' takes the first annotation as the reference, as the tools are scored, "
    "'first_against_second' the other way round; 'audit_parts' sums a part's stories, 'pooled' every part."
)


def score() -> dict:
    """Every part and story that has a second annotation; the audit's by part (its stories summed) and pooled."""
    tests = _module("test_audit_corpus", ROOT / "tests" / "auditing" / "test_audit_corpus.py")
    draft = {p.name: draft_part(p.name) for p in sorted((AGREEMENT / "draft").iterdir()) if p.is_dir()}
    audit = {s.name: audit_story(s.name) for s in sorted((AGREEMENT / "audit").iterdir()) if s.is_dir()}
    directions = ("second_against_first", "first_against_second")
    parts = {
        part: {key: {k: sum(audit[s][key][k] for s in stories) for k in tests.TOTALS} for key in directions}
        for part, stories in tests.PARTS.items()
        if all(s in audit for s in stories)
    }
    assert sorted(s for part in parts for s in tests.PARTS[part]) == sorted(audit), "a story outside a whole part"
    pooled = {
        "draft": {key: {k: sum(d[key][k] for d in draft.values()) for k in TOTALS} for key in directions},
        "audit": {key: {k: sum(a[key][k] for a in audit.values()) for k in tests.TOTALS} for key in directions},
    }
    return {"what": WHAT, "draft": draft, "audit": audit, "audit_parts": parts, "pooled": pooled}


def main(argv: list[str]) -> int:
    got = score()
    if "--json" in argv:
        print(json.dumps(got, indent=1, ensure_ascii=False))
        return 0
    for part, d in got["draft"].items():
        for key in ("second_against_first", "first_against_second"):
            t = d[key]
            print(
                f"draft {part} {key}: sources {t['sources_found']}/{t['sources']}, attributions "
                f"{t['attributions_found']}/{t['attributions']}, right {t['citations_right']}/{t['citations']}, "
                f"figures differing {t['figures_differing']}/{t['figures']}"
            )
    for story, d in got["audit"].items():
        for key in ("second_against_first", "first_against_second"):
            t = d[key]
            print(
                f"audit {story} {key}: found {t['found']}/{t['copies']}, right {t['right']}/{t['listed']}, shared "
                f"quotations as copying {t['shared_quotes_as_copying']}/{t['shared_quotes']}, stock "
                f"{t['stock_phrases_as_copying']}, unannotated {t['unannotated_as_copying']}"
            )
        print(f"audit {story} kinds (first / second): {d['kinds_first_second']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
