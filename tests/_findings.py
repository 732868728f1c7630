"""What kit.draft's attribution finder reads in a text, for the tests of its passes (tests/draft/test_*_pass.py)."""

from __future__ import annotations

from kit.draft.cues import find_attributions
from kit.draft.extract import sentences


def found(text: str) -> list[tuple[str, list[str], str | None]]:
    """(the claim's words, names cited, relay) of each finding."""
    return [
        (text[f.start : f.end], [c.text for c in f.cited], f.relay.text if f.relay else None)
        for f in find_attributions(sentences(text))
    ]


def names(text: str) -> list[list[str]]:
    """The names cited by each finding."""
    return [n for _, n, _ in found(text)]
