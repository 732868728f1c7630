"""kit.auditing.stock: a run that several outlets each write in their own sentence weighs little; a wire copy does
not. Sentences from the development part of the real-coverage corpus (tests/audit_corpus/ethiopian-crash-2019) and
from other stored pages (the India train derailment of 20 November 2016)."""

from __future__ import annotations

import numpy as np

from kit.auditing.signals import matches
from kit.auditing.stock import COPY_SIMILARITY, RELATED_FROM, contexts, copy_clusters, related_pairs, stock_factor
from kit.auditing.text import corpus

#: the Lion Air crash of October 2018 as six outlets (the AP's, Reuters' and others' sentences) describe it
LION_AIR = [
    "The aircraft, a 737 MAX 8, is the same model that crashed into the Java Sea shortly after take-off from Jakarta "
    "on Oct 29, killing all 189 people on board the Lion Air flight.",
    "In October 2018, another Boeing 737-8 MAX plunged into the Java Sea, killing all 189 people on board the Lion "
    "Air flight.",
    "The aircraft was also involved in a Lion Air crash in October when a two-month-old plane plunged into the Java "
    "Sea minutes after taking off from Jakarta, Indonesia's capital, killing 189 people.",
    "A Lion Air plane of the same type plunged into the Java Sea off the coast of Indonesia on Oct 29 last year, "
    "killing 189 people.",
    "But the accident was strikingly similar to last year's crash of a Lion Air jet that plunged into the Java Sea, "
    "killing 189 people.",
    "In October one of the jets crashed into the Java Seat just 13 minutes after takeoff killing all 189 people on "
    "board.",
]
#: the AP's sentence and outlets that reprinted it, one edited
AP = (
    "It was not immediately clear what caused the crash of the Boeing 737-8 MAX plane, which was new and had been "
    "delivered to the airline in November."
)
AP_EDITED = (
    "It was not immediately clear what caused the crash of the plane, which had been delivered to the airline in "
    "November."
)
#: unrelated sentences of other stored pages (the India derailment), so the case is not only the phrase
OTHER = [
    "At least 119 people were killed and more than 150 injured when an Indian express train derailed in northern "
    "state of Uttar Pradesh on Sunday, with the toll set to rise amid a scramble to locate survivors.",
    "Fourteen carriages of the Indore-Patna Express derailed just after 03:00 local time on November 20 near the "
    "city of Kanpur.",
    "Rescuers are still trying to reach the injured and recover the dead from the twisted carriages.",
    "The cause of the crash near the village of Pukhrayan is not yet known.",
]


def _prose_score(texts, later, earlier):
    found = matches(corpus(texts))
    at = np.flatnonzero((found.later == later) & (found.earlier == earlier))
    assert len(at) == 1, "the pair is a candidate"
    return float(found.check["prose"]["score"][at[0]])


def test_a_set_description_written_in_several_different_sentences_weighs_little():
    # "plunged into the Java Sea ... killing 189 people": two outlets and no third sentence with the run score as
    # a copy; with the other outlets' sentences in the case it is a set description
    for later, earlier in ((3, 2), (4, 2), (4, 3), (2, 1)):
        alone = _prose_score([LION_AIR[earlier], LION_AIR[later], *OTHER], 1, 0)
        assert alone >= 0.5, (later, earlier)
        assert _prose_score(LION_AIR + OTHER, later, earlier) < 0.5, (later, earlier)
    # the AP's and Reuters' sentences also share "on board the Lion Air flight", which no third sentence holds:
    # the pair weighs less, but is still listed (docs/audit.md, "What it does not find")
    alone = _prose_score([LION_AIR[0], LION_AIR[1], *OTHER], 1, 0)
    assert 0.5 <= _prose_score(LION_AIR + OTHER, 1, 0) < alone - 0.2


def test_a_wire_copy_reprinted_by_many_outlets_stays_one_context_and_is_still_listed():
    texts = [AP, AP_EDITED, AP + " ", AP.replace("Boeing", "Boeing's"), *OTHER]
    # reprints (one edited) are copies of one another: one cluster, the copied run held in one context
    assert _prose_score(texts, 1, 0) >= 0.8
    # a text's own words alone never weigh anything down: a run of ten shared by two texts and by no third
    ten = "rescue crews from three provinces searched the collapsed school building through the night"
    other_uses = [f"the word {w} alone, in another sentence" for w in ten.split()]
    before = _prose_score([ten + " on Monday", "On Tuesday " + ten, *OTHER], 1, 0)
    after = _prose_score([ten + " on Monday", "On Tuesday " + ten, *OTHER, *other_uses], 1, 0)
    assert before >= 0.8 and abs(after - before) < 0.1  # frequent single words are no evidence against the run


def test_contexts_count_copy_clusters_once_and_the_factor_falls_with_them():
    c = corpus(LION_AIR + [LION_AIR[1] + " The cause is still under investigation."])
    clusters = copy_clusters(len(c), np.array([6]), np.array([1]), np.array([COPY_SIMILARITY]))
    assert clusters[6] == clusters[1] and len(set(clusters.tolist())) == 6
    at, count = contexts(c, np.arange(len(c)), clusters)
    # "189 people": every sentence has it; the reprint of the second counts with it as one context
    ids = c.vocab.tolist()
    first = ids.index("189")
    held = count[np.isin(at, np.flatnonzero(c.ids == first))]
    assert np.allclose(held, 6.0)
    assert stock_factor(np.array([2.0]))[0] == 1.0 and stock_factor(np.array([6.0]))[0] < 0.2


def test_contexts_are_counted_within_a_story():
    # the same six sentences as six stories (one each): no story holds the run twice, nothing is weighed down
    c = corpus(LION_AIR)
    alone = np.arange(len(c))
    at, count = contexts(c, alone, alone, story=np.arange(len(c)))
    assert np.allclose(count, 1.0)
    at, count = contexts(c, alone, alone, story=np.zeros(len(c), dtype=np.int64))
    assert count.max() >= 5.0


#: Hurricane Michael (tests/audit_corpus/hurricane-michael-2018, now development material): Reuters' sentence in
#: its two versions (World News Fever's of the 16th, Global News' of the 17th), the Daily Mail's edit of it, and
#: other sentences of the same outlets, several of them copies of one another
MICHAEL = {
    "dailyherald-1": "Hurricane Michael killed at least 16 people in Florida, most of them in the coastal county that "
    "took a direct hit from the storm, state emergency authorities said Tuesday.",
    "worldnewsfever-2": "Michael slammed into the northwest coastal strip of Florida last Wednesday with top sustained "
    "winds of 155 miles per hour (250 km per hour), unleashing a surge of seawater that demolished homes.",
    "worldnewsfever-6": "Teams from the volunteer organization were searching for more than 1,135 people in Florida "
    "who lost contact with friends and family.",
    "worldnewsfever-8": "Most of those missing are from Panama City and many are elderly, disabled, impoverished, or "
    "live alone, Marchetti said.",
    "globalnewsca-2": "Teams made up of hundreds of volunteers with the Houston-based CrowdSource Rescue organization "
    "were searching for more than1,135 people in Florida who lost contact with friends and family, Matthew "
    "Marchetti, co-founder of Houston-based CrowdSource Rescue.",
    "globalnewsca-5": "Those who are missing may be with relatives and friends, and not necessarily presumed dead.",
    "globalnewsca-7": "The death toll includes 17 in Florida, one in Georgia, three in North Carolina and six in "
    "Virginia, according to a Reuters tally of official reports.",
    "dailymail-2": "Hundreds of volunteers were searching on Wednesday for the roughly 1,135 people in Florida who "
    "lost contact with family and friends when the Category 4 hurricane struck on October 10.",
    "dailymail-3": "Most of those missing are from Panama City and many are elderly, disabled, impoverished, or live "
    "alone, according to Matthew Marchetti, co-founder of Houston-based CrowdSource Rescue.",
    "dailymail-5": "Those who are missing may be with relatives and friends, and are not necessarily presumed dead.",
    "dailymail-8": "The death toll includes 17 in Florida, one in Georgia, three in North Carolina and six in "
    "Virginia.",
    "dailymail-10": "Michael slammed into the northwest coastal strip of Florida last Wednesday with top sustained "
    "winds of 155 miles per hour, unleashing a surge of seawater that demolished homes.",
}


def test_edited_copies_of_one_sentence_by_outlets_that_copy_each_other_are_one_context():
    ids = list(MICHAEL)
    c = corpus(list(MICHAEL.values()))
    publisher = np.array(
        [{"dailyherald": 3, "worldnewsfever": 0, "globalnewsca": 1}.get(i.rsplit("-", 1)[0], 2) for i in ids]
    )
    dm, wnf = ids.index("dailymail-2"), ids.index("worldnewsfever-6")
    found = matches(c)
    # the Daily Mail's edit shares under half its words with Reuters' sentence: not a copy by similarity alone
    at = np.flatnonzero((found.later == dm) & (found.earlier == wnf))
    assert len(at) == 1
    words = found.check["prose"]["words"][at[0]]
    lengths = np.diff(c.ptr)
    similarity = words / (lengths[dm] + lengths[wnf] - words)
    assert 0 < similarity < COPY_SIMILARITY
    # the Daily Mail and World News Fever copy each other in two other sentences (dailymail-3 / -10): their texts
    # that share a run are one context
    pairs_later, pairs_earlier = found.later, found.earlier
    w = found.check["prose"]["words"]
    sim = w / np.maximum(lengths[pairs_later] + lengths[pairs_earlier] - w, 1)
    related = related_pairs(pairs_later, pairs_earlier, sim >= COPY_SIMILARITY, publisher)
    assert related[at[0]]
    joined = copy_clusters(len(c), pairs_later, pairs_earlier, sim, publisher=publisher)
    assert joined[dm] == joined[wnf]
    # so the copied run keeps more of its weight
    with_publishers = matches(c, publisher=publisher)
    assert with_publishers.check["prose"]["score"][at[0]] > found.check["prose"]["score"][at[0]]


def test_one_shared_sentence_does_not_make_two_outlets_copies_of_each_other():
    # two outlets with one copied pair in the story (RELATED_FROM is 2): their other pairs are not joined
    later, earlier = np.array([1, 3]), np.array([0, 2])
    publisher = np.array([5, 6, 5, 6])
    assert related_pairs(later, earlier, np.array([True, False]), publisher).tolist() == [False, False]
    assert related_pairs(
        np.array([1, 3, 5]), np.array([0, 2, 4]), np.array([True, True, False]), np.array([5, 6, 5, 6, 5, 6])
    ).tolist() == [True, True, True]
    # and never within one story's outlets across stories, nor for an unknown publisher
    story = np.array([0, 0, 0, 0, 1, 1])
    assert related_pairs(
        np.array([1, 3, 5]), np.array([0, 2, 4]), np.array([True, True, False]), np.array([5, 6, 5, 6, 5, 6]), story
    ).tolist() == [True, True, False]
    assert not related_pairs(np.array([1]), np.array([0]), np.array([True]), np.array([-1, 6])).any()
    assert RELATED_FROM == 2
