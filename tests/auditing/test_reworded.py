"""kit.auditing.reworded: a sentence reworded around a run of words kept whole, by an outlet that copies the other
elsewhere in the story. Sentences of the AP's Odisha story as Sky News' text (Stockinfoway) and a machine rewording
of it (Illinois News Today) printed them, and of Reuters' Sydney story in two versions (tests/audit_corpus/odisha-
train-crash-2023 and sydney-siege-2014, development material since they were scored)."""

from __future__ import annotations

import numpy as np
from test_auditing import one, pairs_of

import kit
from kit.auditing import audit
from kit.auditing.context import claims_in_time_order
from kit.auditing.reworded import RUN, reworded_copies
from kit.auditing.signals import matches
from kit.auditing.text import corpus

# two sentences the Herald reprints whole: the outlets are listed as copying each other twice
REPRINTED = [
    "The accident which happened Friday night about 220 kilometers (137 miles) southwest of Kolkata, created a "
    "chaotic scene of twisted wreckage and desperate rescuers as teams tried to free passengers and recover bodies.",
    "As dawn approached on Saturday, the top bureaucrat in the eastern state of Odisha said that at least 233 people "
    "were dead.",
]
SURVIVOR = "Another survivor, who did not give his name, said he was sleeping when the impact of the crash woke him up."
REWORDED = "Another survivor, who did not give his name, said he was asleep when the shock woke him up."
POLICE = (
    "Police are investigating whether the two hostages were killed by the gunman or died in the crossfire, said "
    "Andrew Scipione, police commissioner for the state of New South Wales."
)
INVESTIGATION = (
    "An investigation would determine whether hostages were killed by the gunman or died in cross-fire, Scipione "
    "told reporters just before dawn."
)


def _rows(tmp_path, wire_text: str, herald_text: str, name: str, *, reprinted: int = 2):
    rows = [(f"w{i}", "wire", "2023-06-03T08:00:00Z", "p", t, "", "") for i, t in enumerate(REPRINTED[:reprinted], 1)]
    rows += [
        (f"h{i}", "herald", "2023-06-03T12:00:00Z", "p", t, "", "") for i, t in enumerate(REPRINTED[:reprinted], 1)
    ]
    rows += [("w9", "wire", "2023-06-03T08:00:00Z", "p", wire_text, "", "")]
    rows += [("h9", "herald", "2023-06-03T12:00:00Z", "p", herald_text, "", "")]
    return audit(one(tmp_path, rows, name=name))


def test_a_sentence_reworded_around_a_run_kept_whole_is_copied_prose(tmp_path):
    rows = _rows(tmp_path, SURVIVOR, REWORDED, "survivor")
    shared = rows[rows["signal"] == "shared_text"]
    assert {("h1", "w1"), ("h2", "w2"), ("h9", "w9")} <= pairs_of(shared)
    evidence = shared.set_index("claim_id").loc["h9", "evidence"]
    assert evidence == "copied prose: Another survivor, who did not give his name, said he was"
    # the same in Reuters' Sydney story: "whether ... hostages were killed by the gunman or died in"
    rows = _rows(tmp_path, POLICE, INVESTIGATION, "sydney")
    assert ("h9", "w9") in pairs_of(rows[rows["signal"] == "shared_text"])


def test_not_between_outlets_that_copy_each_other_once_or_never(tmp_path):
    for n in (0, 1):
        rows = _rows(tmp_path, SURVIVOR, REWORDED, f"alone{n}", reprinted=n)
        assert ("h9", "w9") not in pairs_of(rows), n


def test_not_a_quotation_both_give_alike(tmp_path):
    # Narendra Modi's tweet, quoted by PTI's reprint and by NDTV with a framing of their own: the speaker's words
    tweet = '"The fire in Delhi\'s Anaj Mandi on Rani Jhansi Road is extremely horrific," the prime minister tweeted.'
    ndtv = '"The fire in Delhi\'s Anaj Mandi on Rani Jhansi Road is extremely horrific," Prime Minister Modi said.'
    rows = _rows(tmp_path, tweet, ndtv, "tweet")
    assert ("h9", "w9") not in pairs_of(rows[rows["signal"] == "shared_text"])


def test_a_run_of_stop_words_or_one_shorter_than_run_words_is_not_enough(tmp_path):
    # "who did not give his name, said he was" holds two content words; six words in a row are too few
    short = "Another man, who did not give details, was asleep when the shock woke him."
    assert ("h9", "w9") not in pairs_of(_rows(tmp_path, SURVIVOR, short, "short"))
    # seven words in a row, one of them a content word ("going")
    wire, herald = (
        "He said that it was not going to be over for them yet.",
        "She said that it was not going to be easy.",
    )
    assert RUN == 7 and ("h9", "w9") not in pairs_of(_rows(tmp_path, wire, herald, "stop"))


def test_nothing_without_listed_pairs():
    claims = claims_in_time_order(kit.testing.synth.make_case(60, seed=2, copy_rate=0.2))
    words = corpus(claims.text)
    none = np.array([], dtype=np.int64)
    assert len(reworded_copies(claims, words, matches(words), none, none)) == 0


def test_shared_runs_counts_each_pairs_runs_of_words_kept_whole():
    from kit.auditing.reworded import shared_runs

    c = corpus([SURVIVOR, REWORDED, POLICE, INVESTIGATION])
    runs, first, last = shared_runs(c, np.array([1, 3, 3]), np.array([0, 2, 0]))
    # "Another survivor, who did not give his name, said he was": 11 words, 5 runs of 7; "hostages were killed by
    # the gunman or died in": 9 words, 3 runs; nothing between the survivor's sentence and the investigation's
    assert runs.tolist() == [5, 3, 0]
    assert (first[0], last[0]) == (0, 10)
    # runs of other lengths: the eleven words are one run of 11 and none of 12
    assert shared_runs(c, np.array([1, 1]), np.array([0, 0]), run=11)[0].tolist() == [1, 1]
    assert shared_runs(c, np.array([1]), np.array([0]), run=12)[0].tolist() == [0]
