"""kit.auditing.lone: a description two outlets share and nothing else. Sentences of the Sri Lanka Easter bombings'
and the Christchurch shootings' coverage (tests/audit_corpus/, development material since it was scored)."""

from __future__ import annotations

import numpy as np
from test_auditing import one, pairs_of

from kit.auditing import audit
from kit.auditing.lone import MOSTLY, RUN, RUN_WORDS, lone_descriptions, shared_run
from kit.auditing.text import corpus

# Alwaght's and The Guardian's leads: the same description of the attacks in sentences of their own
ALWAGHT = (
    "At least 207 have been killed, including 35 foreigners, following several explosions targeting churches and "
    "hotels in Sri Lanka."
)
GUARDIAN = (
    "At least 150 people have been reported to be killed and hundreds more injured in a series of explosions "
    "targeting churches holding Easter services and hotels in Sri Lanka."
)
# EFE's and News.az's: the police commissioner's words, each outlet reporting them in its own sentence
EFE = (
    "One man in his late 20s has been charged with murder, he said, adding that he was due to appear in court on "
    "Saturday."
)
NEWSAZ = "Police said later three people were in custody and one man in his late 20s had been charged with murder."


def test_a_description_in_sentences_of_their_own_is_not_copied_prose():
    c = corpus([GUARDIAN, ALWAGHT, NEWSAZ, EFE])
    got = lone_descriptions(c, np.array([1, 3]), np.array([0, 2]), np.array([0, 1, 2, 3]), np.zeros(4, int))
    assert got.tolist() == [True, True]


def test_most_of_a_sentence_is_copied_prose_and_outlets_that_copy_elsewhere_are_not_lone():
    short = "Explosions targeting churches and hotels in Sri Lanka killed at least 207 people."
    c = corpus([ALWAGHT, short])
    # the shared words are most of the shorter sentence: a copy of one sentence
    assert lone_descriptions(c, np.array([1]), np.array([0]), np.array([0, 1]), np.zeros(2, int)).tolist() == [False]
    # the same two outlets print another sentence alike: they copy each other, the description is copied too
    other = "Nine foreigners were among the dead, the officials said."
    c = corpus([GUARDIAN, ALWAGHT, other, other])
    pub = np.array([0, 1, 0, 1])
    assert lone_descriptions(c, np.array([1]), np.array([0]), pub, np.zeros(4, int)).tolist() == [False]
    # in another story they do not
    assert lone_descriptions(c, np.array([1]), np.array([0]), pub, np.array([0, 0, 1, 1])).tolist() == [True]
    # an unknown publisher: nothing is known, nothing is dropped
    assert not lone_descriptions(c, np.array([1]), np.array([0]), np.array([-1, 1, 0, 1]), np.zeros(4, int)).any()
    assert 0.5 < MOSTLY < 1


def test_the_audit_does_not_list_them(tmp_path):
    # The Guardian as the wire, Alwaght as the Herald; News.az as Radio North, EFE as the Herald
    rows = [
        ("g1", "wire", "2019-04-21T08:00:00Z", "p", GUARDIAN, "", ""),
        ("a1", "herald", "2019-04-21T12:00:00Z", "p", ALWAGHT, "", ""),
        ("n1", "radio", "2019-03-15T08:00:00Z", "q", NEWSAZ, "", ""),
        ("e1", "herald", "2019-03-15T12:00:00Z", "q", EFE, "", ""),
    ]
    listed = pairs_of(audit(one(tmp_path, rows, name="lone")))
    assert ("a1", "g1") not in listed and ("e1", "n1") not in listed
    # the same sentences when the outlets reprint each other's story elsewhere: listed
    lead = "Easter Day bomb blasts at three Sri Lankan churches and three luxury hotels killed 138 people, police said."
    rows += [
        ("g2", "wire", "2019-04-21T08:00:00Z", "p", lead, "", ""),
        ("a2", "herald", "2019-04-21T12:00:00Z", "p", lead, "", ""),
    ]
    listed = pairs_of(audit(one(tmp_path, rows, name="related")))
    assert ("a1", "g1") in listed and ("e1", "n1") not in listed


# The National's and The Guardian's sentences on the Delhi factory fire: AFP's wording of the lanes in both (annotated
# copied prose); Marvels' and Israel Hayom's leads on Sulawesi, Digital Journal's and Newslk's on Ethiopian 302, and
# The Nation's and Siasat's on Wayanad: the event, a fact with its figure, a channel, named alike (annotated stock)
NATIONAL = (
    "Thirty fire engines rushed to the factory, which is tucked inside congested lanes lined with many small "
    "manufacturing and storage units."
)
GUARDIAN_DELHI = (
    "The blaze broke out in the early hours in the city’s old quarter, whose narrow and congested lanes are lined "
    "with many small manufacturing and storage units."
)
MARVELS = (
    "The confirmed death toll from the earthquake and tsunami that struck the Indonesian island of Sulawesi has "
    "risen to 832, and the vice-president, Jusuf Kalla, has warned it could reach into the thousands."
)
ISRAEL_HAYOM = (
    "The official death toll from the earthquake and tsunami that devastated part of the Indonesian island of "
    "Sulawesi on Friday reached 832."
)
DIGITAL_JOURNAL = (
    "In October 2018, another Boeing 737-8 MAX plunged into the Java Sea, killing all 189 people on board the Lion "
    "Air flight."
)
NEWSLK = (
    "The aircraft, a 737 MAX 8, is the same model that crashed into the Java Sea shortly after take-off from Jakarta "
    "on Oct 29, killing all 189 people on board the Lion Air flight."
)
NATION = (
    "“My thoughts are with all those who have lost their loved ones,” Modi said in a post on social media platform X."
)
SIASAT = (
    "“Rescue ops are currently underway to assist all those affected,” Modi said in a post on social media platform X."
)


def test_the_longest_run_of_the_reporters_words():
    assert shared_run(GUARDIAN_DELHI, NATIONAL) == [
        "lined",
        "with",
        "many",
        "small",
        "manufacturing",
        "and",
        "storage",
        "units",
    ]
    assert shared_run(NATION, SIASAT) == ["in", "a", "post", "on", "social", "media", "platform", "x"]
    assert shared_run("“We are here,” she said.", "“We are here,” he said.") == []  # quoted words are not hers
    # the attribution ends a run (the held-out generator's boilerplate: benchmarks/heldout_gen.py)
    a = "Rochukkur trotal the voust be 207 traik, the army said in a statement posted online."
    b = "Traik been sysgamquaix syrgax postno xylrondjis 264 the traik, the army said in a statement posted online."
    assert shared_run(a, b) == ["in", "a", "statement", "posted", "online"]


def _lone(a: str, b: str, texts: bool) -> bool:
    import pyarrow as pa

    c = corpus([b, a])
    kw = {"texts": pa.array([b, a])} if texts else {}
    return bool(lone_descriptions(c, np.array([1]), np.array([0]), np.array([0, 1]), np.zeros(2, int), **kw)[0])


def test_a_long_run_of_one_outlets_words_is_copied_prose():
    assert _lone(NATIONAL, GUARDIAN_DELHI, texts=False)  # a small part of both sentences
    assert not _lone(NATIONAL, GUARDIAN_DELHI, texts=True)  # but a run of eight words, six of them content words
    assert RUN == 8 and RUN_WORDS == 5


def test_the_event_a_figure_or_a_channel_named_alike_is_not():
    for a, b in ((MARVELS, ISRAEL_HAYOM), (NEWSLK, DIGITAL_JOURNAL), (SIASAT, NATION)):
        assert _lone(a, b, texts=False) and _lone(a, b, texts=True), (a, b)
