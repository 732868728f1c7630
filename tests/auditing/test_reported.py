"""kit.auditing.reported: two outlets that name one speaker with the same description and channel, and share nothing
of the statement but a figure, report the speaker; they do not copy each other. Sentences written for these tests
(after the shape of real coverage: a guard's account to a newspaper in indirect speech, in two outlets' words)."""

from __future__ import annotations

import numpy as np
from test_auditing import one, pairs_of

from kit.auditing import audit
from kit.auditing.context import claims_in_time_order
from kit.auditing.reported import speaker_only, speaker_spans
from kit.auditing.signals import shared_text
from kit.auditing.text import corpus, words

#: the guard's account in indirect speech, each outlet with its own sentence: the name, the description, the
#: newspaper and the figure alike, the statement not
TOLD = (
    "Ana Maria Ruiz, a night guard at the Lumen club, told the Diario de Lima newspaper that between 300 and 400 "
    "people were inside the hall when the fire began."
)
IDENTIFIED = (
    "Ana Maria Ruiz, identified by the Diario de Lima newspaper as a night guard at the Lumen club, said it was "
    "full with between 300 and 400, and dancers were pushing to reach the door."
)
#: an agency's sentence edited: the description and the statement's words repeated
EDITED = (
    "Ana Maria Ruiz, a night guard at the Lumen club, told the Diario de Lima newspaper that between 300 and 400 "
    "people were inside the hall as the fire spread."
)
#: two different quotations of one official, each with the same description after the speech verb
FIRST = "“We got everyone out of the hall,” said Tomas Vidal, fire chief for the province of Lima."
SECOND = "“The roof fell in less than an hour,” said Tomas Vidal, fire chief for the province of Lima."
#: the same quotation and description: a quotation copied with its framing (kit.auditing.quotes), not this rule's
QUOTED = "“We got everyone out of the hall,” said Tomas Vidal, fire chief for the province of Lima, on Sunday."


def test_the_speaker_phrase_is_the_name_the_description_the_verb_and_the_channel():
    flags = speaker_spans(TOLD)
    got = " ".join(w for w, f in zip(words(TOLD), flags, strict=True) if f)
    assert got == "ana maria ruiz a night guard at the lumen club told the diario de lima newspaper that"
    flags = speaker_spans(SECOND)
    got = " ".join(w for w, f in zip(words(SECOND), flags, strict=True) if f)
    assert got == "said tomas vidal fire chief for the province of lima"
    # inside quotation marks nothing is the speaker phrase; a sentence naming nobody has none
    assert not any(speaker_spans("“Ana Maria Ruiz, a guard, told me so,” he said."))
    assert not any(speaker_spans("Between 300 and 400 people were inside the hall."))


def test_a_pair_sharing_only_the_speaker_phrase_and_a_figure_is_marked():
    texts = [TOLD, IDENTIFIED, EDITED, FIRST, SECOND, QUOTED, "Between 300 and 400 people were inside the hall."]
    c = corpus(texts)
    later, earlier = np.array([1, 2, 4, 5, 6]), np.array([0, 0, 3, 3, 0])
    assert speaker_only(texts, c, later, earlier).tolist() == [
        True,  # the name, the description, the newspaper and "300", "400"
        False,  # the statement's words too: "people", "inside", "hall", "fire"
        True,  # two quotations of one official, the description alike
        False,  # the same quotation: its words are shared outside the phrase
        False,  # no speaker phrase in the later text
    ]


def test_the_audit_does_not_list_a_speaker_described_alike_but_lists_the_edited_copy(tmp_path):
    rows = [
        ("a1", "wire", "2013-01-27T08:00:00Z", "p", TOLD, "", ""),
        ("b1", "herald", "2013-01-27T12:00:00Z", "p", IDENTIFIED, "", ""),
        ("c1", "radio", "2013-01-27T13:00:00Z", "p", EDITED, "", ""),
    ]
    case = one(tmp_path, rows, name="guard")
    # without the rule the shared words make b1 a shared_text pair of a1 (the test could fail)
    claims = claims_in_time_order(case)
    words_ = corpus(claims.text)
    before = shared_text(claims, words_, lambda a, b: np.zeros(len(a), bool))
    assert set(zip(claims.ids_at(before["later"]), claims.ids_at(before["earlier"]), strict=True)) >= {("b1", "a1")}
    got = pairs_of(audit(case).query("signal == 'shared_text'"))
    assert ("b1", "a1") not in got and ("c1", "a1") in got


def test_the_bulk_filter_never_drops_a_text_that_holds_a_speaker_phrase():
    # kit.auditing.reported._without_phrase (RE2, in bulk) only skips texts the regular expression cannot match:
    # every sentence of the real coverage, and a phrase with non-ASCII letters in the name
    import pathlib

    import numpy as np
    import pandas as pd

    from kit.auditing.reported import _SPEAKER, _without_phrase

    root = pathlib.Path(__file__).resolve().parents[1] / "audit_corpus"
    texts = pd.concat([pd.read_csv(p, dtype=str)["text"] for p in sorted(root.glob("*/claims.csv"))]).tolist()
    texts.append("Şükrü Özdemir, a miner’s son, told Reuters that 40 were missing.")
    skipped = set(_without_phrase(dict(enumerate(texts)), np.arange(len(texts))))
    holding = {i for i, t in enumerate(texts) if _SPEAKER.search(t or "")}
    assert len(holding) > 50 and len(skipped) > 1000
    assert not holding & skipped
