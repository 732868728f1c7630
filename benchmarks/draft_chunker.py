"""Would a part-of-speech tagger and noun-phrase chunker delimit the draft's speakers better? (issue 21, ninth pass)

The candidate: TextBlob's bundled pattern parser (``textblob.en.parser``: a Brill lexicon tagger and a chunker, MIT,
no download at run time: it works with no nltk data). It is *not* a dependency of the kit: install it by hand to run
this (``uv pip install textblob``). Each variant rewrites the speakers :func:`kit.draft.cues._cues` reads in a
sentence, and the development parts (``benchmarks/draft_corpus.py``) and PolNeAR's train and dev splits
(``benchmarks/polnear.py``) are scored with it:

- ``none``: the kit as it is (the baseline);
- ``replace``: a speaker's span (before a verb, or before "told") becomes the chunker's noun-phrase chunk holding its
  last word, read again as a name (:func:`kit.draft.nouns.mention`);
- ``extend``: an unnamed speaker's span takes the lower-case words the chunk has before it (adjectives, nouns,
  numbers, participles: "other militant sources" -> "Several other militant sources");
- ``nounverb``: a cue on "reports", "claims", "estimates", "notes", "shows" or "posts" is dropped when the tagger
  reads the word as a noun inside a noun phrase ("Initial reports suggest").

Run: ``python benchmarks/draft_chunker.py VARIANT PART … [--polnear REPO]``; it prints one JSON object (the totals of
each part, PolNeAR's totals, and the spans the variant changed). The results are in
``benchmarks/results-draft-corpus-ninth-pass.json`` ("tagger").
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = ("none", "replace", "extend", "nounverb")
#: words, the possessive "'s" apart, and marks: the tokens given to the tagger (with their places in the sentence)
_TOKEN = re.compile(r"\w+(?=[’']s\b)|[’']s\b|\w+(?:[’'\-.]\w+)*|[^\w\s]")
_NOMINAL = {"NN", "NNS", "JJ", "CD", "VBG"}
_NOUNS = {"reports", "claims", "estimates", "notes", "shows", "posts"}

__all__ = ["VARIANTS", "tagged", "chunk_at", "main"]


@functools.lru_cache(maxsize=1)
def _parser():
    from textblob.en import parser  # the pattern parser: bundled lexicon, no nltk data

    return parser


@functools.lru_cache(maxsize=4096)
def tagged(s: str) -> list[tuple[str, int, int, str, str]]:
    """(word, start, end, tag, chunk) of every token of ``s``, by TextBlob's pattern parser."""
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(s)]
    if not toks:
        return []
    words = [t[0].replace("’", "'").replace("/", "-") for t in toks]
    out = _parser().parse(" ".join(words), tokenize=False, tags=True, chunks=True, relations=False, lemmata=False)
    rows = [w for sentence in out.split() for w in sentence]
    if len(rows) != len(toks):
        return []
    return [(t[0], t[1], t[2], r[1], r[2]) for t, r in zip(toks, rows, strict=True)]


def chunk_at(s: str, end: int) -> tuple[int, int, list] | None:
    """(start, end, tokens) of the noun-phrase chunk holding the token that ends at (or spans) ``end``, or None."""
    rows = tagged(s)
    i = next((k for k, r in enumerate(rows) if r[1] < end <= r[2]), None)
    if i is None or not rows[i][4].endswith("NP"):
        return None
    a = i
    while a > 0 and rows[a][4] == "I-NP":
        a -= 1
    b = i
    while b + 1 < len(rows) and rows[b + 1][4] == "I-NP":
        b += 1
    return rows[a][1], rows[b][2], rows[a : b + 1]


def _install(variant: str, changed: list) -> None:
    import kit.draft.cues as cues
    from kit.draft.nouns import Mention, mention, tokens

    plain = cues._cues

    def fix(s: str, pos: int, role: str, m):
        if not isinstance(m, Mention) or role not in ("speaker", "told"):
            return m
        at = s.rfind(m.text, 0, pos + 1)
        c = chunk_at(s, at + len(m.text)) if at >= 0 else None
        if c is None:
            return m
        a, b, rows = c
        if variant == "replace":
            new = s[a:b]
        else:  # extend
            extra = [r for r in rows if r[2] <= at]
            if a >= at or not m.common or not extra:
                return m
            if any(r[3] not in _NOMINAL or not re.match(r"\w", r[0]) for r in extra):
                return m
            new = s[extra[0][1] : at + len(m.text)]
        got = mention(tokens(new), m.about, m.affiliation) if new != m.text else None
        if got is None:
            return m
        changed.append([m.text, got.text])
        return got

    def rewritten(s: str) -> list:
        out = []
        for pos, role, m, verb, relay in plain(s):
            if variant == "nounverb" and role in ("speaker", "told", "inverted") and verb in _NOUNS:
                r = next((r for r in tagged(s) if r[1] == pos), None)
                if r is not None and r[3].startswith("NN") and r[4] == "I-NP":
                    changed.append([verb, s[:100]])
                    continue
            out.append((pos, role, fix(s, pos, role, m) if variant in ("replace", "extend") else m, verb, relay))
        return out

    cues._cues = rewritten


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> int:
    resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))  # a MemoryError, not the kernel's killer
    variant = argv[0] if argv and argv[0] in VARIANTS else "none"
    changed: list = []
    if variant != "none":
        _install(variant, changed)
    bench = _load("draft_corpus")
    out: dict = {"variant": variant, "parts": {p: bench.score(p)["total"] for p in argv if p in bench.PARTS}}
    if "--polnear" in argv:
        import contextlib
        import io

        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            _load("polnear").main([argv[argv.index("--polnear") + 1]])
        out["polnear"] = json.loads(buf.getvalue())
    out["changed"] = changed
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
