"""kit.auditing.marks: quoted words, one rule for one text and for many (and they agree)."""

from __future__ import annotations

import pytest

from kit.auditing.marks import attribution_flags, quoted_flags
from kit.auditing.text import corpus, words

TEXTS = [
    "Pupils moved, “the hall is safe,” the Council said.",
    'safe now,” he said. "Next," she said, "the roof."',
    "“We saw it. It fell,” he said, and «so did the wall».",
    "“My little cousins are inside. We must find them,“ pleaded Isaac (18)",
    "No quotation here at all, not one",
    "“never closed, it runs to the end",
    "(“Bracketed,” too.)",
    "Crews reached the valley.“The bridge is gone,”the engineer said.",
    "“We will rebuild,” Mayor Ada Colau told reporters on Monday.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_one_text_and_the_bulk_corpus_mark_the_same_words(text):
    c = corpus([text])
    flags = quoted_flags(text)
    assert len(flags) == len(words(text))
    said = attribution_flags(text)
    assert len(said) == len(flags)
    content = [
        q for w, q, a in zip(words(text), flags, said, strict=True) if not c.stop[list(c.vocab).index(w)] and not a
    ]
    assert c.quoted.tolist() == content


def test_what_is_quoted():
    assert quoted_flags("Pupils moved, “the hall is safe,” the Council said.") == [False] * 2 + [True] * 4 + [False] * 3
    assert quoted_flags("safe now,” he said.") == [True, True, False, False]  # began inside a quotation
    assert quoted_flags("“never closed, it runs") == [True] * 4
    assert quoted_flags("no marks at all") == [False] * 4
