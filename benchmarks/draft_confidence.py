"""How often ``kit draft``'s citations resolved by a weak cue name the right speaker (issue 21's seventh pass).

A citation whose speaker was resolved only by a weak cue carries a ``draft: check`` note saying so: a pronoun ("'he'
taken to be …"), a surname ("(surname)"), a quotation's owner named before ("the quotation is taken to be …"), a
headline's speaker ("the headline's speaker is taken to be …"). A confidence filter would drop such citations; this
measures, on the corpus parts named (never ``test``), how many of the noted and of the other citations name the right
speaker by the corpus scorer's rule (:mod:`benchmarks.draft_corpus`, loaded from its file).

Usage: ``python benchmarks/draft_confidence.py dev unseen unseen2 unseen3 unseen4 unseen5`` prints, as JSON, the
counts over all the parts named and over ``unseen3``-``unseen5``
(``benchmarks/results-draft-corpus-seventh-pass.json``, "confidence_filter").
"""

from __future__ import annotations

import importlib.util
import json
import re
import resource
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("draft_corpus", ROOT / "benchmarks" / "draft_corpus.py")
bench = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(bench)  # type: ignore[union-attr]

__all__ = ["WEAK", "weak_cue", "count_part", "main"]

#: the notes of a speaker resolved by a weak cue
WEAK = re.compile(r"draft: check: [^;]*?(?:taken to be|is taken|are taken|\(surname\))")


def weak_cue(notes: str) -> bool:
    """Whether a claim's or a citation's notes say its speaker was resolved only by a weak cue."""
    return bool(WEAK.search(notes))


def count_part(part: str) -> dict:
    """``{"noted": {"right", "citations"}, "not noted": {...}}`` for the drafted citations of one part."""
    from kit.case import load_case
    from kit.draft import write_draft
    from kit.draft.extract import sentences

    assert part != "test", "the held-out Cebu part is never opened"
    out = {k: {"right": 0, "citations": 0} for k in ("noted", "not noted")}
    with tempfile.TemporaryDirectory() as d:
        for path, ann in bench.articles(part):
            text = path.read_text(encoding="utf-8")
            spans = [(x.start, x.end) for x in sentences(text)]
            written = write_draft(
                path,
                Path(d) / path.stem,
                publisher=ann.get("outlet") or "Unknown outlet",
                published=ann.get("published") or "2000",
                url=ann.get("url"),
            )
            case = load_case(written)
            sources = {str(r.source_id): str(r.name) for r in case.sources.itertuples()}
            report_of = {str(r.report_id): str(r.source_id) for r in case.reports.itertuples()}
            claims = {str(r.claim_id): r for r in case.claims.itertuples()}
            aliases, atts = ann.get("aliases", {}), ann["attributions"]
            where = {a["statement"]: bench._places(text, a["statement"], spans, quoted=True) for a in atts}
            claim_where = {cid: bench._places(text, str(c.text), spans) for cid, c in claims.items()}
            for r in case.citations.itertuples():
                cid, cites = str(r.claim_id), str(r.cites)
                rid = str(claims[cites].report_id) if cites in claims else ""
                name = sources.get(report_of.get(rid, ""), "") if cites in claims else sources.get(cites, "")
                over = [a for a in atts if claim_where[cid] & where[a["statement"]]]
                ok = any(
                    bench.names_match(name, who, aliases.get(who, []))
                    for a in over
                    for who in (a["speaker"], a.get("via"))
                    if who
                )
                key = "noted" if weak_cue(f"{claims[cid].notes} {r.notes}") else "not noted"
                out[key]["citations"] += 1
                out[key]["right"] += ok
    return out


def _add(a: dict, b: dict) -> dict:
    return {k: {n: a[k][n] + b[k][n] for n in a[k]} for k in a}


def main(argv: list[str]) -> int:
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))  # a MemoryError, not the kernel's killer
    parts = [a for a in argv if a in bench.PARTS and a != "test"]
    counts = {p: count_part(p) for p in parts}
    zero = {k: {"right": 0, "citations": 0} for k in ("noted", "not noted")}
    total, three = zero, zero
    for p, c in counts.items():
        total = _add(total, c)
        three = _add(three, c) if p in ("unseen3", "unseen4", "unseen5") else three
    print(json.dumps({"all parts named": total, "unseen3-5": three, "parts": counts}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
