"""kit.auditing.stories: in a small story, every pair of different publishers sharing a run of words kept whole is a
candidate. Sentences of real coverage (tests/audit_corpus, development material since they were scored) whose copies
MinHash and rare runs missed: the AP's sentence on the Ethiopian Airlines plane as the National Post cut it, and
Reuters' Sydney sentence as a reprint of an earlier version edited it."""

from __future__ import annotations

import numpy as np
from test_auditing import one, pairs_of

import kit
from kit.auditing import audit
from kit.auditing.context import claims_in_time_order
from kit.auditing.reworded import RUN
from kit.auditing.stories import PAIR_BUDGET, SMALL_STORY, small_pairs, small_stories, story_candidates, story_pairs
from kit.auditing.text import corpus

#: tests/audit_corpus/ethiopian-crash-2019: cbsnews-3 (the AP's sentence) and nationalpost-5
CBS = (
    "It was not immediately clear what caused the crash of the Boeing 737-8 MAX plane, which was new and had been "
    "delivered to the airline in November."
)
NATIONAL_POST = "Records show the plane was new and had been delivered to the airline in November."
#: tests/audit_corpus/sydney-siege-2014: wnd-4 and yuzhongnet-7
WND = "Heavy gunfire and blasts from stun grenades filled the air shortly after 2 a.m. local time (1500 GMT on Monday)."
YUZHONG = "Police then moved in, with heavy gunfire and blasts from stun grenades echoing from the building."
OTHER = "Rain fell all day on the capital, and the roads out of the city were closed."


def test_every_pair_of_different_publishers_in_each_small_story():
    story = np.array([0, 0, 1, 0, 1, -1])
    publisher = np.array([3, 4, 3, 3, 4, 4])
    assert story_pairs(story, publisher).tolist() == [[1, 0], [3, 1], [4, 2]]
    # a story of more than `most` texts gives none; a case of more than `budget` pairs in all gives none
    assert story_pairs(story, publisher, most=2).tolist() == [[4, 2]]
    assert len(story_pairs(story, publisher, budget=2)) == 0
    assert SMALL_STORY * (SMALL_STORY - 1) // 2 <= PAIR_BUDGET  # one small story always fits the budget


def test_the_texts_of_the_small_stories_within_the_budget():
    story = np.array([0, 0, 1, 0, 1, -1])
    publisher = np.array([3, 4, 3, 3, 4, 4])
    # the texts story_pairs pairs: a text of unknown story is in none
    assert small_stories(story, publisher).tolist() == [True, True, True, True, True, False]
    assert small_stories(story, publisher, most=2).tolist() == [False, False, True, False, True, False]
    assert not small_stories(story, publisher, budget=2).any()  # over the budget: an archive, none
    pairs = story_pairs(story, publisher)
    assert set(pairs.ravel().tolist()) <= set(np.flatnonzero(small_stories(story, publisher)).tolist())


def test_the_pairs_grow_with_the_texts_times_the_bound_not_their_square():
    rng = np.random.default_rng(1)
    story = np.repeat(np.arange(50), 40)  # 2,000 texts in stories of 40
    pairs = story_pairs(story, rng.integers(0, 10, len(story)))
    assert 0 < len(pairs) <= len(story) * 40 // 2
    assert ((story[pairs[:, 0]] == story[pairs[:, 1]]) & (pairs[:, 0] > pairs[:, 1])).all()
    # 200 stories of 40 hold more pairs than the budget: an archive gets none (its audit does not grow)
    assert len(story_pairs(np.repeat(np.arange(300), 40), rng.integers(0, 10, 12_000))) == 0


def test_a_pair_is_a_candidate_only_when_it_shares_a_run_kept_whole():
    c = corpus([CBS, WND, OTHER, NATIONAL_POST, YUZHONG])
    got = story_candidates(c, np.arange(5), np.zeros(5, int), np.arange(5))
    assert got.tolist() == [[3, 0], [4, 1]]
    assert story_candidates(c, np.arange(5), np.zeros(5, int), np.arange(5), known=got[:1]).tolist() == [[4, 1]]
    # one publisher, or two stories: no pair
    assert len(story_candidates(c, np.arange(5), np.zeros(5, int), np.zeros(5, int))) == 0
    assert len(story_candidates(c, np.arange(5), np.array([0, 0, 0, 1, 1]), np.arange(5))) == 0
    assert RUN == 7


def test_a_sentence_copied_as_part_of_a_longer_one_is_listed_in_a_small_case(tmp_path):
    rows = [
        ("a1", "wire", "2019-03-10T08:00:00Z", "p", CBS, "", ""),
        ("a2", "wire", "2019-03-10T08:00:00Z", "p", OTHER, "", ""),
        ("b1", "herald", "2019-03-10T12:00:00Z", "p", NATIONAL_POST, "", ""),
    ]
    shared = audit(one(tmp_path, rows, name="plane"))
    assert pairs_of(shared[shared["signal"] == "shared_text"]) == {("b1", "a1")}
    # the same words in another story of the case are not compared with it
    rows[2] = ("b1", "herald", "2019-03-10T12:00:00Z", "q", NATIONAL_POST, "", "")
    shared = audit(one(tmp_path, rows, name="apart"))
    assert ("b1", "a1") not in pairs_of(shared)


def test_docs_audit_md_states_the_bounds_and_the_real_coverage_within_them():
    # docs/audit.md ("At scale"): the bounds are the module's constants, and the real coverage is within them
    import importlib.util
    import json
    import pathlib
    import re

    from kit.auditing import reworded, stories
    from kit.auditing.context import claims_in_time_order

    root = pathlib.Path(__file__).resolve().parents[2]
    prose = " ".join((root / "docs" / "audit.md").read_text(encoding="utf-8").split())
    assert f"within each story of at most {stories.SMALL_STORY} texts" in prose
    assert f"shares a run of {reworded.RUN} words in a row" in prose
    assert f"held by at most {reworded.RARE_AT_MOST} of the texts compared" in prose
    assert f"holding at least {reworded.PROSE} content words neither quotes" in prose
    assert f"at most {stories.SMALL_STORY // 2} pairs per text" in prose
    assert f"more than {stories.PAIR_BUDGET:,} such pairs in all gets none" in prose
    spec = importlib.util.spec_from_file_location("corpus_tests", root / "tests" / "auditing" / "test_audit_corpus.py")
    corpus_tests = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus_tests)
    sizes, most = [], 0
    for names in corpus_tests.PARTS.values():
        case, _ = corpus_tests.load_part(names)
        sizes += case.claims.groupby("proposition").size().tolist()
        c = claims_in_time_order(case)
        most = max(most, len(stories.story_pairs(c.proposition, c.publisher)))
    m = re.search(r"\(stories of (\d+)–(\d+) claims, at most ([\d,]+) pairs in a part\)", prose)
    assert m and (int(m.group(1)), int(m.group(2))) == (min(sizes), max(sizes)), (min(sizes), max(sizes))
    assert most <= int(m.group(3).replace(",", "")) < most + 1000 and max(sizes) <= stories.SMALL_STORY
    cost = json.loads((root / "benchmarks" / "results-audit-corpus-tenth-round.json").read_text())["cost"]["kit"]
    at = cost["5000"]
    assert f"{at['on_s']:.2f} s instead of {at['off_s']:.2f} s" in prose
    assert f"of 5,000 claims ({round(at['pairs_in_small_stories'], -4):,} pairs)" in prose


def test_the_pairs_of_two_texts_of_small_stories():
    c = claims_in_time_order(kit.testing.synth.make_case(40, seed=1))
    small = small_stories(c.proposition, c.publisher)
    later, earlier = np.arange(1, len(c)), np.zeros(len(c) - 1, dtype=np.int64)
    assert small_pairs(c, later, earlier).tolist() == (small[later] & small[earlier]).tolist()
    assert small.all()  # a small case: every pair is of small stories
