"""kit.draft.called: "called it “…”" gives the quoted words to the verb's subject (issue 21's recall pass)."""

from __future__ import annotations

import re

from kit.draft import draft_case
from kit.draft.called import CALLED_QUOTE
from kit.draft.lexicon import SPEECH_VERBS


def _cited(text: str) -> list[str]:
    t = draft_case("Intro.\n" + text + "\n", publisher="Leadership", published="2022-04-08")
    names = dict(zip(t["sources"].source_id, t["sources"].name, strict=True))
    return [names[c] for c in t["citations"].cites]


def test_called_quote_needs_a_quotation_after_its_object_or_article() -> None:
    called = re.compile(CALLED_QUOTE)
    assert called.match("called it “a deliberate attack”")  # unseen6/d1-leadersng
    assert called.match("called the attacks a “flagrant violation”")  # unseen11/j2-newdelhitimes-ap
    assert called.match('called a "terrorist attack"')  # unseen8/b1-trtworld-afp, after "which state television"
    assert not called.match("called “hotlining,”")  # dev: "a process called “hotlining,”" names, it does not say
    assert not called.match("called police at 5 a.m.") and not called.match("called it off")
    assert SPEECH_VERBS.search('which state television called a "terrorist attack"')


def test_called_quote_in_a_draft() -> None:
    # unseen6/d1-leadersng, unseen17/r1-wral
    s = (
        "Oleksandr Kamyshin, head of the railway company, called it “a deliberate attack on the passenger "
        "infrastructure of the railway and the residents of Kramatorsk”."
    )
    assert _cited(s) == ["Oleksandr Kamyshin"]
    s = "A leading Roman Catholic bishop called it a “massacre,” and the talks ended."
    assert _cited(s) == ["Roman Catholic bishop (unnamed)"]
    assert _cited("Residents called police at 5 a.m. after the blast.") == []
