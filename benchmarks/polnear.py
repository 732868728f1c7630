"""``kit draft`` against PolNeAR's hand-annotated attributions (train and dev splits only; never test).

PolNeAR (GitHub networkdynamics/PolNeAR: political news articles whose attributions are annotated as Source, Cue
and Content spans, BRAT standoff) is read from a local clone, read-only; nothing of it is copied into the
repository (its repository states no licence for the articles). Each article is drafted with
:func:`kit.draft.draft_case` and measured:

- **recall**: the share of reported-speech attributions (those with a Source and a Cue span) whose Content the draft
  takes as a claim (a claim in the Content's sentence) resting on the right source (the cited source's name and the
  Source span share their words, or the draft read the Source span itself as a pronoun or description:
  ``'he' taken to be …``);
- **speech recall** (``speech_attributions``, ``speech_found``, ``speech_recall``): the same recall over the
  attributions whose Cue is a verb or phrase of saying (:data:`SPEECH_CUES`, :func:`speech_cue`), given apart because
  most of PolNeAR's attributions without speech are beliefs, wishes and support that the draft does not read as claims;
- **speaker precision**: of the draft's citations, the share whose claim lies in the sentence of an annotated
  Content and whose cited source is that attribution's Source (as above).

One annotator's file per article (the first by name). Usage::

    python benchmarks/polnear.py /path/to/PolNeAR [--splits train,dev] [--limit N] [--out FILE] [--misses FILE]

prints (or writes to ``FILE``) a JSON object: the totals of each split named in ``--splits`` (never ``test``), and
with more than one split their totals together under the joined names (``"train+dev"``, the form of
``benchmarks/results-polnear.json``). ``--misses FILE`` writes, for a study of one split, every missed attribution
and every wrong citation as JSON lines.

The clone is the ``fetch`` tool's mirror or a ``git clone``; a bare repository is read with ``git show``.
"""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

__all__ = ["SPEECH_CUES", "articles", "attributions", "speech_cue", "score_article", "main"]


# Reported speech, told apart from the other attributions (beliefs, wishes, support, evidence: "wants", "believe",
# "supported", "called for", "show"), for issue 21's "share of reported-speech attributions": verbs and phrases of
# saying written from general knowledge, fixed before any result was looked at, neither read from the kit's lexicon
# nor tuned on PolNeAR. An attribution is speech when a word of its Cue span, lower-cased, is one of these lemmas or
# an inflection of one (see :func:`speech_cue`), when the Cue holds the phrase "according to", or when the Cue is a
# quotation's colon (":"). Nouns other than the verbs' own forms ("statement", "testimony") do not count.
SPEECH_CUES = (
    "say",
    "tell",
    "according to",
    "add",
    "state",
    "announce",
    "claim",
    "note",
    "explain",
    "confirm",
    "deny",
    "reply",
    "respond",
    "answer",
    "warn",
    "write",
    "insist",
    "argue",
    "acknowledge",
    "admit",
    "declare",
    "report",
    "quote",
    "comment",
    "remark",
    "tweet",
    "post",
    "testify",
    "allege",
    "assert",
    "contend",
    "maintain",
    "predict",
    "promise",
    "recall",
    "reiterate",
    "repeat",
    "stress",
    "emphasise",
    "emphasize",
    "ask",
    ":",
)
# the forms no suffix rule below gives
_IRREGULAR = {"say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "admit": ("admitted", "admitting")}


def _inflections(lemma: str) -> set[str]:
    """A verb's forms by a small suffix rule: -s/-es, -ed/-d, -ing (a final "e" dropped, a consonant's "y" made
    "ie"/"i"), and the irregular ones of ``_IRREGULAR``: ``say`` -> say, says, saying, said."""
    forms = {lemma, *_IRREGULAR.get(lemma, ())}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in set("aeiou"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return forms


_SPEECH_WORDS = {f for c in SPEECH_CUES if c.isalpha() for f in _inflections(c)}
_SPEECH_PHRASES = tuple(c for c in SPEECH_CUES if " " in c)


def speech_cue(cue: str) -> bool:
    """Whether an attribution's Cue span is reported speech by ``SPEECH_CUES``: one of its words a listed verb or its
    inflection ("told", "has said", "did not deny"), a listed phrase among its words ("according to"), or the Cue a
    colon alone. ``speech_cue("wants") is False``; ``speech_cue("said") is True``."""
    if cue.strip() == ":":
        return True
    words = re.findall(r"[a-z]+", cue.lower())
    joined = " " + " ".join(words) + " "
    return any(w in _SPEECH_WORDS for w in words) or any(f" {p} " in joined for p in _SPEECH_PHRASES)


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True).stdout.decode("utf-8")


def articles(repo: Path, splits=("train", "dev")) -> list[tuple[str, str, str]]:
    """(name, text, annotation) of each article of ``splits``: one annotator's ``.ann`` per text."""
    files = _git(repo, "ls-tree", "-r", "--name-only", "HEAD", "data").split("\n")
    out = []
    for split in splits:
        texts = sorted(f for f in files if f.startswith(f"data/{split}/text/") and f.endswith(".txt"))
        anns = sorted(f for f in files if f.startswith(f"data/{split}/attributions/") and f.endswith(".ann"))
        for t in texts:
            stem = Path(t).stem
            ann = next((a for a in anns if Path(a).stem.rsplit("_", 1)[0] == stem), None)
            if ann is not None:
                out.append((f"{split}/{stem}", _git(repo, "show", f"HEAD:{t}"), _git(repo, "show", f"HEAD:{ann}")))
    return out


def attributions(ann: str) -> list[dict]:
    """The attributions of a BRAT ``.ann`` file: ``source``, ``cue``, ``content``, each (start, end, text) or None."""
    spans, out = {}, []
    for line in ann.split("\n"):
        if line.startswith("T") and "\t" in line:
            tid, rest, *text = line.split("\t")
            kind, *offsets = rest.split(" ")
            pieces = " ".join(offsets).split(";")
            first, last = pieces[0].split(), pieces[-1].split()
            spans[tid] = (int(first[0]), int(last[-1]), text[0] if text else "")
        elif line.startswith("E") and "\t" in line:
            row: dict = {"source": None, "cue": None, "content": None}
            for part in line.split("\t")[1].split():
                role, tid = part.split(":")
                role = re.sub(r"\d+$", "", role).lower()
                if role in row and tid in spans:
                    row[role] = spans[tid]
            out.append(row)
    return out


_PRONOUNS = {"he", "she", "it", "they", "i", "we", "you", "his", "her", "its", "their"}


def _tokens(s: str) -> set[str]:
    from kit.draft.names import name_tokens

    return set(name_tokens(s)) - {"said", "says"}


def _same_source(name: str, notes: str, span: str) -> bool:
    """The cited source is the Source span: the same words, one's inside the other's, the name's last word (a
    surname, a head noun) among the span's first words ("Murphy, now a consultant …"), or the draft read the span
    itself as a pronoun or description."""
    a, b = _tokens(name), _tokens(span)
    if a and b and (a <= b or b <= a):
        return True
    words = re.findall(r"[a-z0-9]+", span.lower())[:4]
    last = re.findall(r"[a-z0-9]+", re.sub(r"\([^)]*\)", "", name).lower())
    if last and last[-1] in words and len(last[-1]) > 2:
        return True
    return f"'{span.strip()}' taken to be" in notes or f"'{span.strip().lower()}' taken to be" in notes


def score_article(text: str, ann: str, detail: bool = False) -> dict:
    """Draft one article and count what the recall and the precision above need; with ``detail``, also the missed
    attributions (``missed``: their Source, Cue and Content and the sentence) and the wrong citations (``wrong``: the
    cited name, the evidence, the sentence's annotated Sources)."""
    from kit.draft import draft_case
    from kit.draft.extract import sentences

    sents = [(s.start, s.end) for s in sentences(text)]

    def sentence_of(start: int, end: int) -> set[int]:
        return {i for i, (a, b) in enumerate(sents) if a < end and start < b}

    atts = [a for a in attributions(ann) if a["source"] and a["cue"] and a["content"]]
    t = draft_case(text, publisher="The article", published="2016")
    claims = {r["claim_id"]: r for r in t["claims"].to_dict("records")}
    names = dict(zip(t["sources"]["source_id"], t["sources"]["name"], strict=True))
    publisher = dict(zip(t["reports"]["report_id"], t["reports"]["source_id"], strict=True))
    cites = []
    for c in t["citations"].to_dict("records"):
        claim = claims[c["claim_id"]]
        at = text.find(c["evidence"])
        where = sentence_of(at, at + len(c["evidence"])) if at >= 0 else set()
        cited = c["cites"]
        name = names.get(cited) or names.get(publisher.get(claims.get(cited, {}).get("report_id", ""), ""), "")
        cites.append((where, name, str(claim.get("notes", "")), str(c["evidence"])))
    found, speech, speech_found, missed = 0, 0, 0, []
    for a in atts:
        where = sentence_of(a["content"][0], a["content"][1]) | sentence_of(a["source"][0], a["source"][1])
        ok = any(w & where and _same_source(n, notes, a["source"][2]) for w, n, notes, _ in cites)
        found += ok
        if speech_cue(a["cue"][2]):
            speech += 1
            speech_found += ok
        if detail and not ok:
            said = [n for w, n, _, _ in cites if w & where]
            missed.append(
                {
                    "source": a["source"][2],
                    "cue": a["cue"][2],
                    "content": a["content"][2],
                    "cited": said,
                    "sentence": " ".join(text[sents[i][0] : sents[i][1]] for i in sorted(where)),
                }
            )
    right, wrong = 0, []
    for w, n, notes, evidence in cites:
        over = [a for a in atts if w & (sentence_of(*a["content"][:2]) | sentence_of(*a["source"][:2]))]
        ok = any(_same_source(n, notes, a["source"][2]) for a in over)
        right += ok
        if detail and not ok:
            wrong.append(
                {
                    "cited": n,
                    "notes": notes,
                    "evidence": evidence,
                    "sources": [a["source"][2] for a in over],
                    "cues": [a["cue"][2] for a in over],
                    "sentence": " ".join(text[sents[i][0] : sents[i][1]] for i in sorted(w)),
                }
            )
    out = {"attributions": len(atts), "found": found, "citations": len(cites), "right": right}
    out |= {"speech_attributions": speech, "speech_found": speech_found}
    if detail:
        out |= {"missed": missed, "wrong": wrong}
    return out


def _option(argv: list[str], name: str, default: str | None = None) -> str | None:
    return argv[argv.index(name) + 1] if name in argv else default


_COUNTS = ("articles", "attributions", "found", "citations", "right", "failed", "speech_attributions", "speech_found")


def _shares(total: dict, seconds: float) -> dict:
    total["recall"] = round(total["found"] / total["attributions"], 4) if total["attributions"] else None
    total["precision"] = round(total["right"] / total["citations"], 4) if total["citations"] else None
    speech = total["speech_attributions"]
    total["speech_recall"] = round(total["speech_found"] / speech, 4) if speech else None
    total["seconds"] = round(seconds, 1)
    total["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return total


def main(argv: list[str]) -> int:
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))  # a MemoryError, not the kernel's killer
    repo = Path(argv[0])
    limit = int(_option(argv, "--limit") or 0) or None
    splits = tuple(str(_option(argv, "--splits", "train,dev")).split(","))
    if "test" in splits:
        raise SystemExit("polnear.py: the test split is never read here (it is how the draft will be judged)")
    misses = _option(argv, "--misses")
    if misses and len(splits) > 1:
        raise SystemExit("polnear.py: --misses studies one split (--splits train)")
    out: dict = {}
    for split in splits:
        t0 = time.perf_counter()
        total = dict.fromkeys(_COUNTS, 0)
        lines = []
        for name, text, ann in articles(repo, (split,))[:limit]:
            try:
                r = score_article(text, ann, detail=bool(misses))
            except Exception:  # noqa: BLE001 - a draft that fails on an article is counted, not hidden
                total["failed"] += 1
                continue
            total["articles"] += 1
            for k in ("attributions", "found", "citations", "right", "speech_attributions", "speech_found"):
                total[k] += r[k]
            lines += [json.dumps({"article": name, "kind": k, **m}) for k in ("missed", "wrong") for m in r.get(k, [])]
        out[split] = _shares(total, time.perf_counter() - t0)
        if misses:
            Path(misses).write_text("\n".join(lines) + "\n", encoding="utf-8")
    if len(splits) > 1:
        joined = {k: sum(out[s][k] for s in splits) for k in _COUNTS}
        out["+".join(splits)] = _shares(joined, sum(out[s]["seconds"] for s in splits))
    text = json.dumps(out, indent=1)
    if _option(argv, "--out"):
        Path(str(_option(argv, "--out"))).write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
