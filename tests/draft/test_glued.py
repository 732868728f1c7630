"""kit.draft.glued: a full stop with no blank after it still ends a sentence (issue 21's second recall pass)."""

from __future__ import annotations

from kit.draft import draft_case
from kit.draft.extract import sentences

# unseen21/a1-jagonews24 (Lahore, 2016), as scraped: no blank after the full stops
_LAHORE = (
    "Senior police official Haider Ashraf confirmed the number killed, adding the majority of the dead were Muslims, "
    "AFP reported.‘Christians were not the specific target of this attack because the majority of the dead are "
    "Muslims,’ he said.Lahore’s top administration official Muhammad Usman said 233 were wounded."
)


def test_glued_sentences_are_split() -> None:
    assert [s.text[:20] for s in sentences(_LAHORE)] == [
        "Senior police offici",
        "‘Christians were not",
        "Lahore’s top adminis",
    ]
    assert len(sentences("The U.S.Army said so, see pic.twitter.com/x and e.g.This.")) == 1


def test_glued_sentences_in_a_draft() -> None:
    t = draft_case("Intro.\n" + _LAHORE + "\n", publisher="Jago News 24", published="2016-03-28")
    names = dict(zip(t["sources"].source_id, t["sources"].name, strict=True))
    cited = [names[c] for c in t["citations"].cites]
    assert "Muhammad Usman" in cited and cited.count("Haider Ashraf") >= 2
