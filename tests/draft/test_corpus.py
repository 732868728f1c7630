"""kit draft measured on real news it was not built on (issue 21, Build 3): the corpus is well formed, every draft is
verbatim and passes kit check, and docs/draft.md ("On real coverage", "Against PolNeAR") states what is measured.

The scores are computed here with benchmarks/draft_corpus.py on tests/draft_corpus (dev: tuned on; test: held out);
the scores before issue 21, after its first pass and PolNeAR's are read from the results files the benchmarks wrote
(benchmarks/results-draft-corpus-before.json, results-draft-corpus-first-pass.json, results-polnear*.json): PolNeAR is
not in the repository.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "draft_corpus"
spec = importlib.util.spec_from_file_location("draft_corpus", ROOT / "benchmarks" / "draft_corpus.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)
_confidence_spec = importlib.util.spec_from_file_location(
    "draft_confidence", ROOT / "benchmarks" / "draft_confidence.py"
)
confidence = importlib.util.module_from_spec(_confidence_spec)
_confidence_spec.loader.exec_module(confidence)


def section(heading: str) -> str:
    text = (ROOT / "docs" / "draft.md").read_text(encoding="utf-8")
    body = text[text.index(heading + "\n") + len(heading) + 1 :]
    return " ".join(re.split(r"\n#{1,3} ", body)[0].split())


def test_the_corpus_is_what_the_issue_asks_for():
    dev, test = bench.articles("dev"), bench.articles("test")
    assert len(dev) >= 25 and len(test) >= 8
    unseen = bench.articles("unseen")  # the second held-out part: other stories again
    every = dev + test + unseen
    assert len({a["outlet"] for _, a in every}) >= 8
    assert len({a["story"] for _, a in dev}) >= 6
    assert any(a.get("wire_copy") for _, a in dev)
    assert not {a["story"] for _, a in dev} & {a["story"] for _, a in test}  # the held-out story is unseen
    assert len(unseen) >= 8 and not {a["story"] for _, a in unseen} & {a["story"] for _, a in dev + test}
    for path, ann in every:
        text = path.read_text(encoding="utf-8")
        assert ann["url"].startswith("http") and ann["attributions"]
        assert not re.search(r"deir|air ?strikes? in syria", text, re.I), path.name
        for a in ann["attributions"]:
            assert a["statement"] in text, (path.name, a["statement"])  # verbatim
            assert all(len(f) == 2 for f in a["figures"])


_SCORED: dict = {}


def scored(part: str) -> dict:
    """``bench.score(part)``, once per part and session (the development part alone when only its tests run)."""
    if part not in _SCORED:
        _SCORED[part] = bench.score(part)
    return _SCORED[part]


@pytest.mark.parametrize("part", bench.PARTS)
def test_every_draft_is_verbatim_and_passes_kit_check(part):
    t = scored(part)["total"]
    assert t["verbatim"] == t["checked"] == t["articles"]


def _row(prose: str, part: str, when: str) -> tuple:
    m = re.search(
        rf"\| {part}, {when} \| (\d+) \| (\d+)/(\d+) \([\d.]+ %\) \| (\d+)/(\d+) \([\d.]+ %\) \| (\d+)/(\d+) "
        rf"\([\d.]+ %\) \| (\d+) of (\d+) \|",
        prose,
    )
    assert m, f"docs/draft.md no longer has the row '{part}, {when}': update tests/draft/test_corpus.py"
    return tuple(int(g) for g in m.groups())


def _as_row(t: dict) -> tuple:
    keys = ("articles", "sources_found", "sources", "attributions_found", "attributions", "citations_right")
    return (*(t[k] for k in keys), t["citations"], t["figure_errors"], t["figures"])


def _goals_stated(goals: str, t: dict) -> None:
    """``goals`` (the prose's "sources not met, attributions met, …") says of each of issue 21's goals what ``t``'s
    scores give."""
    for name, share, goal in (
        ("sources", t["sources_found"] / t["sources"], 0.95),
        ("attributions", t["attributions_found"] / t["attributions"], 0.85),
        ("speaker precision", t["citations_right"] / t["citations"], 0.95),
    ):
        said = re.search(rf"{name} (met|not met)", goals)
        assert said and said.group(1) == ("met" if share >= goal else "not met"), (name, share)
    assert ("invented figures met" in goals) == (t["figure_errors"] == 0)


def _results(name: str) -> dict:
    return json.loads((ROOT / "benchmarks" / name).read_text())


def _before_twelfth(part: str) -> dict:
    """A part's totals with the kit before the twelfth pass (d5bee1a): what the tests of the earlier passes compared
    with the kit as it stood then. The kit as it stands is checked against the twelfth pass's "after" in
    test_docs_state_the_twelfth_pass."""
    return _twelfth_pass(part, "before")


def _before_figures(part: str) -> dict:
    """A part's totals with the kit before the figure pass was merged: the twelfth pass's "after" (measured without
    the figure pass), what the tests of the earlier passes compared with the kit as it stood then (the figure pass
    moved ``dev``'s figures). The kit as it stands is checked against _merged in
    test_the_kit_as_it_stands_is_the_merged_passes."""
    return _twelfth_pass(part, "after")


def _twelfth_pass(part: str, when: str) -> dict:
    """A part's totals ``when`` ("before" or "after") in benchmarks/results-draft-corpus-twelfth-pass.json (Cebu's,
    ``test``, are kept apart in it)."""
    twelfth = _results("results-draft-corpus-twelfth-pass.json")
    return twelfth["test"][when] if part == "test" else twelfth[when][part]


def _merged(part: str) -> dict:
    """A part's totals with the twelfth pass and the figure pass merged
    (benchmarks/results-draft-corpus-figure-pass-merged.json): the kit with the PolNeAR pass merged on every part but
    ``unseen18`` (sealed then; ``unseen19`` not yet annotated), that pass having moved none
    (test_the_kit_as_it_stands_is_the_polnear_pass_merged)."""
    return _results("results-draft-corpus-figure-pass-merged.json")["parts"][part]


def _subject_merged(part: str) -> dict:
    """A part's totals with the subject-phrase pass merged (benchmarks/results-draft-corpus-subject-phrases-merged.json:
    the pass's "after" on every part it scored, Cebu's as with the PolNeAR pass merged, ``unseen19`` its score once),
    the kit before the wrong-speaker pass (test_the_kit_as_it_stands_is_the_subject_phrase_pass_merged)."""
    return _results("results-draft-corpus-subject-phrases-merged.json")["parts"][part]


def _recall(part: str, when: str = "after") -> dict:
    """A part's totals in the recall pass's own file (benchmarks/results-draft-corpus-recall-pass.json): "before" the
    kit with the subject-phrase pass merged (:func:`_subject_merged`), "after" the recall pass on its branch, without
    the wrong-speaker pass (test_the_kit_as_it_stands_is_the_subject_phrase_pass_merged)."""
    return _results("results-draft-corpus-recall-pass.json")[when][part]


def _passes_merged(part: str) -> dict:
    """A part's totals with the recall pass and the wrong-speaker pass merged (main at 7662fd4,
    benchmarks/results-draft-corpus-passes-merged.json), the kit before the second recall pass
    (test_the_kit_as_it_stands_is_the_passes_merged)."""
    return _results("results-draft-corpus-passes-merged.json")["parts"][part]


def _as_it_stands(part: str) -> dict:
    """A part's totals with the kit as it stands, the second recall pass merged
    (benchmarks/results-draft-corpus-recall-pass-2-merged.json: that pass's "after",
    benchmarks/results-draft-corpus-recall-pass-2.json, whose "before" is :func:`_passes_merged`, and unseen23 at its
    score once); compared with the benchmark in test_the_kit_as_it_stands_is_the_second_recall_pass."""
    return _results("results-draft-corpus-recall-pass-2-merged.json")["parts"][part]


def no_measure_fell(now: dict, before: dict) -> bool:
    """No share and no count of sources, attributions and right citations is below ``before``'s; no more figure
    errors."""
    pairs = (("sources_found", "sources"), ("attributions_found", "attributions"), ("citations_right", "citations"))
    kept = all(now[f] / now[of] >= before[f] / before[of] and now[f] >= before[f] for f, of in pairs)
    return kept and now["figure_errors"] <= before["figure_errors"]


def test_docs_state_the_development_scores():
    prose = section("### On real coverage")
    result = scored("dev")
    air = bench.totals([r for r in result["articles"] if bench.is_air_strike(r["article"])])
    for when, name in (
        ("before issue 21", "results-draft-corpus-before.json"),
        ("after the first pass", "results-draft-corpus-first-pass.json"),
        ("after the second pass", "results-draft-corpus-second-pass.json"),
        ("after the third pass", "results-draft-corpus-third-pass.json"),
        ("after the fourth pass", "results-draft-corpus-fourth-pass.json"),
    ):
        assert _row(prose, "development", when) == _as_row(_results(name)["dev"])
    assert _row(prose, "development", "now") == _as_row(result["total"])
    second = _results("results-draft-corpus-second-pass.json")["dev air strikes"]
    assert _row(prose, "development's air strikes", "after the second pass") == _as_row(second)
    assert _row(prose, "development's air strikes", "now") == _as_row(air)
    earlier = bench.totals([r for r in result["articles"] if not bench.is_air_strike(r["article"])])
    before = _results("results-draft-corpus-second-pass.json")["dev"]  # "no measure fell on the 45 earlier articles"
    assert "no measure fell on the 45 earlier development articles" in prose and earlier["articles"] == 45
    assert no_measure_fell(earlier, before)
    assert air["articles"] == 9 and air["articles"] == len(
        [p for p, _ in bench.articles("dev") if bench.is_air_strike(p.stem)]
    )
    # the fourth pass: "a rule was kept only if no measure fell on the development part"
    third, now = _results("results-draft-corpus-third-pass.json")["dev"], result["total"]
    assert "A rule was kept only if no measure fell on the development part" in prose
    assert no_measure_fell(now, third)


def test_docs_state_the_held_out_scores():
    prose = section("### On real coverage")
    for when, name in (
        ("before issue 21", "results-draft-corpus-before.json"),
        ("after the first pass", "results-draft-corpus-first-pass.json"),
        ("after the second pass", "results-draft-corpus-second-pass.json"),
        ("after the third pass", "results-draft-corpus-third-pass.json"),
        ("after the fourth pass", "results-draft-corpus-fourth-pass.json"),
    ):
        assert _row(prose, "held-out test", when) == _as_row(_results(name)["test"])
    t = scored("test")["total"]
    assert _row(prose, "held-out test", "now") == _as_row(t)
    # the fourth pass: "The Cebu part moved: one attribution fewer and a higher speaker precision"
    third, fourth = (_results(f"results-draft-corpus-{n}-pass.json")["test"] for n in ("third", "fourth"))
    assert "The Cebu part moved: one attribution fewer and a higher speaker precision" in prose
    assert fourth["attributions_found"] == third["attributions_found"] - 1
    assert fourth["citations_right"] / fourth["citations"] > third["citations_right"] / third["citations"]
    # the fifth pass: "The Cebu part, scored only at the end, did not move"
    ninth = _results("results-draft-corpus-ninth-pass.json")["test"]["after"]  # Cebu up to the ninth pass
    assert "The Cebu part, scored only at the end, did not move" in prose and ninth == fourth
    assert t == _results("results-draft-corpus-tenth-pass.json")["test"]["after"]  # moved in the tenth pass
    _goals_stated(re.search(r"On the held-out part .*?: (.*?)\.", prose).group(1), t)


def test_docs_state_the_second_held_out_part_as_scored_once():
    # the third pass's kit on tests/draft_corpus/unseen, scored once after its rules were merged
    prose = section("### On real coverage")
    once = _results("results-draft-corpus-unseen-scored-once.json")["unseen"]
    assert _row(prose, "second held-out part", "scored once") == _as_row(once)
    assert once["articles"] == len(bench.articles("unseen"))
    assert f"{round(100 * once['sources_found'] / once['sources'], 1)} %" in prose


def test_docs_state_the_second_held_out_part_now():
    # the fourth pass's kit on tests/draft_corpus/unseen, tuned on after its single score
    prose = section("### On real coverage")
    t = scored("unseen")["total"]
    assert _row(prose, "second held-out part", "now") == _as_row(t)
    assert _results("results-draft-corpus.json")["unseen"] == t
    fourth = _results("results-draft-corpus-fourth-pass.json")["unseen"]
    assert _row(prose, "second held-out part", "after the fourth pass") == _as_row(fourth)
    assert "The fourth pass tuned on that second held-out part after its single score" in prose


def test_docs_state_the_third_held_out_part():
    # tests/draft_corpus/unseen2, never opened while tuning: scored with the third pass's kit and then the fourth's
    prose = section("### On real coverage")
    before = _results("results-draft-corpus-unseen2-third-pass.json")["unseen2"]
    assert _row(prose, "third held-out part", "with the third pass's kit") == _as_row(before)
    t = _results("results-draft-corpus-fourth-pass.json")["unseen2"]  # the fourth pass's kit, before it was tuned on
    assert _row(prose, "third held-out part", "after the fourth pass") == _as_row(t)
    unseen = r"This is the measure of the kit on coverage it has not seen\. On it the goals .*?: (.*?)\."
    _goals_stated(re.search(unseen, prose).group(1), t)
    # "raised every measure a little here"
    for found, of in (
        ("sources_found", "sources"),
        ("attributions_found", "attributions"),
        ("citations_right", "citations"),
    ):
        assert t[found] / t[of] > before[found] / before[of]
    unseen2 = {a["story"] for _, a in bench.articles("unseen2")}
    others = {a["story"] for part in ("dev", "test", "unseen") for _, a in bench.articles(part)}
    assert len(unseen2) == 5 and not unseen2 & others


def test_docs_state_the_fifth_pass():
    # tuned on dev, unseen and unseen2 (the third held-out part, scored twice, then development material)
    prose = section("### On real coverage")
    now = {part: scored(part)["total"] for part in ("dev", "unseen", "unseen2")}
    fourth = _results("results-draft-corpus-fourth-pass.json")
    assert _row(prose, "third held-out part", "now") == _as_row(now["unseen2"])
    assert _results("results-draft-corpus.json")["unseen2"] == now["unseen2"]
    fifth, sixth = _results("results-draft-corpus-fifth-pass.json"), _results("results-draft-corpus-sixth-pass.json")
    assert all(fifth[p] == sixth[p] for p in ("dev", "dev air strikes", "test", "unseen", "unseen2"))
    assert "The fifth pass tuned on the third held-out part after those two scores" in prose
    assert "since the fifth pass the development material is `dev/`, `unseen/` and `unseen2/`" in prose
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert "issue\n21's fifth pass was tuned on it" in readme
    # "A rule was kept only if no measure fell on the 54 development articles against the fourth pass's"
    assert "no measure fell on the 54 development articles against the fourth" in " ".join(prose.split())
    assert now["dev"]["articles"] == 54 and no_measure_fell(now["dev"], fourth["dev"])
    for part in ("unseen", "unseen2"):
        assert no_measure_fell(now[part], fourth[part])


def test_docs_state_the_fourth_and_fifth_held_out_parts():
    # tests/draft_corpus/unseen3 and unseen4, annotated while the fifth pass was written and never opened: scored with
    # the fourth pass's kit before it was merged, and once with the fifth pass
    prose = section("### On real coverage")
    together = {}
    for part, nth in (("unseen3", "fourth"), ("unseen4", "fifth")):
        before = _results(f"results-draft-corpus-{part}-fourth-pass.json")[part]
        once = _results(f"results-draft-corpus-{part}-scored-once.json")[part]
        assert _row(prose, f"{nth} held-out part", "with the fourth pass's kit") == _as_row(before)
        assert _row(prose, f"{nth} held-out part", "scored once") == _as_row(once)
        assert once == _results("results-draft-corpus-fifth-pass.json")[part]  # "scored once" is the single score
        assert once["articles"] == len(bench.articles(part)) == 10
        together = {k: together.get(k, 0) + v for k, v in once.items()}
        if part == "unseen3":  # "changed nothing on the fourth part, to the citation"
            assert once == before
        else:  # "lost one source, one attribution and one right citation on the fifth"
            lost = {k: before[k] - once[k] for k in ("sources_found", "attributions_found", "citations_right")}
            assert set(lost.values()) == {1} and once["citations"] == before["citations"]
    assert _row(prose, "fourth and fifth held-out parts together", "scored once") == _as_row(together)
    _goals_stated(re.search(r"On the two parts together the goals of issue 21 are: (.*?)\.", prose).group(1), together)
    new = {a["story"] for part in ("unseen3", "unseen4") for _, a in bench.articles(part)}
    others = {a["story"] for part in ("dev", "test", "unseen", "unseen2") for _, a in bench.articles(part)}
    assert len(new) == 8 and not new & others


def test_docs_state_the_sixth_held_out_part():
    # tests/draft_corpus/unseen5, annotated while the sixth pass was written and never opened: scored with the fifth
    # pass's kit before it was merged, and once with the sixth
    prose = section("### On real coverage")
    before = _results("results-draft-corpus-unseen5-fifth-pass.json")["unseen5"]
    once = _results("results-draft-corpus-unseen5-scored-once.json")["unseen5"]
    assert _row(prose, "sixth held-out part", "with the fifth pass's kit") == _as_row(before)
    assert _row(prose, "sixth held-out part", "scored once") == _as_row(once)
    assert _results("results-draft-corpus-sixth-pass.json")["unseen5"] == once  # the single score, with the sixth pass
    assert once == before and "it did not move, to the citation" in prose
    _goals_stated(
        re.search(r"The \*\*sixth held-out part\*\*.*?On it the goals of issue 21 are: (.*?)\.", prose).group(1), once
    )
    new = {a["story"] for _, a in bench.articles("unseen5")}
    others = {a["story"] for part in bench.PARTS if part != "unseen5" for _, a in bench.articles(part)}
    assert len(new) == 4 and not new & others


def test_docs_state_the_polnear_scores():
    prose = section("### Against PolNeAR")
    for when, name in (
        ("before issue 21", "results-polnear-before.json"),
        ("after the first pass", "results-polnear-first-pass.json"),
        ("after the second pass", "results-polnear-second-pass.json"),
        ("after the third pass", "results-polnear-third-pass.json"),
        ("after the fourth pass", "results-polnear-fourth-pass.json"),
        ("after the fifth pass", "results-polnear-fifth-pass.json"),
        ("after the sixth pass", "results-polnear-sixth-pass.json"),
        ("after the seventh pass", "results-polnear-seventh-pass.json"),
        ("after the eighth pass", "results-polnear-eighth-pass.json"),
        ("after the ninth pass", "results-polnear-ninth-pass.json"),
        ("after the tenth pass", "results-polnear-tenth-pass.json"),
        ("after the eleventh pass", "results-polnear-eleventh-pass.json"),
        ("after the twelfth pass", "results-polnear-twelfth-pass.json"),
        ("with the figure pass merged", "results-polnear-figure-pass-merged.json"),
        ("after the PolNeAR pass", "results-polnear.json"),
    ):
        r = json.loads((ROOT / "benchmarks" / name).read_text())
        m = re.search(
            rf"\| {when} \| (\d+) \| (\d+) \| (\d+) \(([\d.]+) %\) \| (\d+) \| (\d+) \(([\d.]+) %\) \|", prose
        )
        assert m, f"docs/draft.md no longer has the PolNeAR row '{when}'"
        got = m.groups()
        assert (int(got[0]), int(got[1]), int(got[2]), int(got[4]), int(got[5])) == (
            r["articles"],
            r["attributions"],
            r["found"],
            r["citations"],
            r["right"],
        )
        assert float(got[3]) == round(100 * r["found"] / r["attributions"], 1)
        assert float(got[6]) == round(100 * r["right"] / r["citations"], 1)


def test_docs_state_the_polnear_speech_share():
    # issue 21's "share of reported-speech attributions", given apart (docs/draft.md, Against PolNeAR, "Reported
    # speech apart"): the numbers are results-polnear-speech.json's, its cue list benchmarks/polnear.py's SPEECH_CUES
    spec = importlib.util.spec_from_file_location("polnear", ROOT / "benchmarks" / "polnear.py")
    polnear = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(polnear)
    r = _results("results-polnear-speech.json")
    assert tuple(r["speech_cues"]) == polnear.SPEECH_CUES
    prose = section("### Against PolNeAR")
    for cue in polnear.SPEECH_CUES:
        assert (f'"{cue}"' if cue != ":" else "a quotation's colon") in prose, cue
    splits = r["splits"]
    for k in ("articles", "attributions", "found", "citations", "right", "speech_attributions", "speech_found"):
        assert splits["train+dev"][k] == splits["train"][k] + splits["dev"][k], k
    for when, key in (("train", "train"), ("dev", "dev"), ("train and dev", "train+dev")):
        t = splits[key]
        assert 0 < t["speech_found"] <= t["speech_attributions"] <= t["attributions"]
        assert t["speech_recall"] == round(t["speech_found"] / t["speech_attributions"], 4)
        m = re.search(rf"\| {when} \| (\d+) \| (\d+) \(([\d.]+) %\) \| (\d+) \| (\d+) \(([\d.]+) %\) \|", prose)
        assert m, f"docs/draft.md no longer has the speech row '{when}'"
        got = m.groups()
        assert (int(got[0]), int(got[1]), int(got[3]), int(got[4])) == (
            t["attributions"],
            t["found"],
            t["speech_attributions"],
            t["speech_found"],
        )
        assert float(got[2]) == round(100 * t["found"] / t["attributions"], 1)
        assert float(got[5]) == round(100 * t["speech_found"] / t["speech_attributions"], 1)
    both = splits["train+dev"]
    other, other_found = both["attributions"] - both["speech_attributions"], both["found"] - both["speech_found"]
    assert (
        f"({both['speech_attributions']} of {both['attributions']}) are reported speech by this list, and the draft "
        f"finds {100 * both['speech_found'] / both['speech_attributions']:.1f} % of them; of the other {other} it "
        f"finds {other_found} ({100 * other_found / other:.1f} %)"
    ) in prose
    assert f"(the kit at {r['kit_commit']}," in prose
    assert "The whole-attribution measure stays the headline figure too" in prose
    text = " ".join((ROOT / "CHANGELOG.md").read_text(encoding="utf-8").split())
    assert (
        f"train+dev {both['speech_found']} of {both['speech_attributions']} "
        f"({100 * both['speech_found'] / both['speech_attributions']:.1f} %), beside {both['found']} of all "
        f"{both['attributions']} ({100 * both['found'] / both['attributions']:.1f} %)"
    ) in text


def test_docs_state_the_speech_pass():
    # the speech pass (docs/draft.md, Against PolNeAR, after "Reported speech apart"): dev's numbers before and after
    # are results-polnear-speech-pass.json's; the pass moved no part of the corpus, and its "before" is the speech
    # share's dev row
    r = _results("results-polnear-speech-pass.json")
    b, a = r["polnear"]["dev"]["before"], r["polnear"]["dev"]["after"]
    assert b == {k: v for k, v in _results("results-polnear-speech.json")["splits"]["dev"].items() if k in b}
    assert a["found"] > b["found"] and a["speech_found"] > b["speech_found"]
    assert a["right"] * b["citations"] >= b["right"] * a["citations"]  # precision did not fall
    assert r["corpus"]["before"] == r["corpus"]["after"] and "test" not in r["corpus"]["after"]
    assert sum(r["kinds_of_1468"].values()) == 1468
    assert (
        f"raised dev's found from {b['found']} to {a['found']} and its speech found from {b['speech_found']} to "
        f"{a['speech_found']}, with {b['right']} of {b['citations']} citations right before and {a['right']} of "
        f"{a['citations']} after, and moved no part of the corpus"
    ) in section("### Against PolNeAR")
    text = " ".join((ROOT / "CHANGELOG.md").read_text(encoding="utf-8").split())
    assert (
        f"PolNeAR dev {a['found']} attributions found ({b['found']} before), {a['speech_found']} of its reported "
        f"speech ({b['speech_found']}), {a['right']} of {a['citations']} citations right "
        f"({b['right']} of {b['citations']})"
    ) in text


def test_polnear_guard_of_the_fourth_pass():
    # "recall and speaker precision above the third pass's" (docs/draft.md, Against PolNeAR)
    third = _results("results-polnear-third-pass.json")
    now = _results("results-polnear-fourth-pass.json")
    assert now["articles"] == third["articles"] and now["attributions"] == third["attributions"]
    assert now["found"] > third["found"]
    assert now["right"] / now["citations"] > third["right"] / third["citations"]
    assert "recall and speaker precision above the third pass's" in section("### Against PolNeAR")


def test_polnear_guard_of_the_fifth_pass():
    # "recall and speaker precision at or above the fourth pass's" (docs/draft.md, Against PolNeAR)
    fourth = _results("results-polnear-fourth-pass.json")
    now = _results("results-polnear-fifth-pass.json")
    assert now["articles"] == fourth["articles"] and now["attributions"] == fourth["attributions"]
    assert now["found"] >= fourth["found"]
    assert now["right"] / now["citations"] >= fourth["right"] / fourth["citations"]
    assert "recall and speaker precision at or above the fourth pass's" in section("### Against PolNeAR")


def test_docs_state_the_sixth_pass_and_its_validation_guard():
    # tuned on dev, unseen, unseen2 and unseen3; unseen4 scored for totals only, as a validation part: a change kept
    # only if no measure fell on it nor on a development part against the fifth pass's
    prose = section("### On real coverage")
    fifth, now_json = _results("results-draft-corpus-fifth-pass.json"), _results("results-draft-corpus-sixth-pass.json")
    together = {}
    for part, nth in (("unseen3", "fourth"), ("unseen4", "fifth")):
        t = now_json[part]  # the sixth pass's kit, as merged
        assert _row(prose, f"{nth} held-out part", "after the sixth pass") == _as_row(t)
        together = {k: together.get(k, 0) + v for k, v in t.items()}
    assert _row(prose, "fourth and fifth held-out parts together", "after the sixth pass") == _as_row(together)
    for part in ("dev", "unseen", "unseen2", "unseen3", "unseen4"):
        assert no_measure_fell(now_json[part], fifth[part]), part
    v, before = now_json["unseen4"], fifth["unseen4"]  # "rose by 3 attributions and 3 right citations"
    assert "rose by 3 attributions and 3 right citations" in prose
    assert (
        v["attributions_found"] - before["attributions_found"] == 3 == v["citations_right"] - before["citations_right"]
    )
    assert "kept as a **validation part**" in prose


def test_polnear_guard_of_the_sixth_pass():
    # "recall and speaker precision at or above the fifth pass's" (docs/draft.md, Against PolNeAR)
    fifth = _results("results-polnear-fifth-pass.json")
    now = _results("results-polnear-sixth-pass.json")  # the sixth pass's kit, as merged
    assert now["articles"] == fifth["articles"] and now["attributions"] == fifth["attributions"]
    assert now["found"] >= fifth["found"]
    assert now["right"] / now["citations"] >= fifth["right"] / fifth["citations"]
    assert "recall and speaker precision at or above the fifth pass's" in section("### Against PolNeAR")


def test_docs_state_the_seventh_pass():
    # tuned on every part but Cebu; kinds kept only if missed in two of unseen3-5 (docs/draft.md, "seventh pass")
    prose = section("### On real coverage")
    seventh = _results("results-draft-corpus-seventh-pass.json")
    before, after = seventh["before"], seventh["after"]
    eighth = _results("results-draft-corpus-eighth-pass.json")  # the seventh pass's kit is the eighth's "before"
    assert before == _results("results-draft-corpus-sixth-pass.json")
    assert (
        all(after[p] == eighth["before"][p] for p in after if p != "test") and after["test"] == eighth["test"]["before"]
    )
    assert _row(prose, "development", "after the sixth pass") == _as_row(before["dev"])
    assert _row(prose, "development", "after the seventh pass") == _as_row(after["dev"])
    for part in ("dev", "unseen", "unseen2", "unseen3", "unseen4", "unseen5"):  # "no part fell"
        assert no_measure_fell(after[part], before[part]), part
    assert "no part fell" in prose and after["test"] == before["test"]  # Cebu did not move
    for part, nth in (("unseen3", "fourth"), ("unseen4", "fifth"), ("unseen5", "sixth")):
        assert _row(prose, f"{nth} held-out part", "after the seventh pass") == _as_row(after[part])
    three = ("unseen3", "unseen4", "unseen5")
    for when, src in (("after the sixth pass", before), ("after the seventh pass", after)):
        together = {k: sum(src[p][k] for p in three) for k in src["unseen3"]}
        assert _row(prose, "fourth, fifth and sixth held-out parts together", when) == _as_row(together)
    left = sum(after[p]["citations"] - after[p]["citations_right"] for p in three)
    drafted = sum(after[p]["citations"] for p in three)
    assert f"with {left} wrong speakers left of {drafted} drafted citations" in prose
    # the kinds' table: every miss and wrong speaker of the three parts with the sixth pass's kit, sorted into kinds
    kinds = {k: v for k, v in seventh["kinds"].items() if k != "new_after_the_pass"}
    for part in three:
        missed = sum(len(v[part]["missed"]) for v in kinds.values())
        wrong = sum(len(v[part]["wrong"]) for v in kinds.values())
        assert missed == before[part]["attributions"] - before[part]["attributions_found"], part
        assert wrong == before[part]["citations"] - before[part]["citations_right"], part
    for v in kinds.values():
        cells = []
        for part in three:
            d = v[part]
            m, w = len(d["missed"]), len(d["wrong"])
            cells.append(f"{m} + {w} ({m - len(d['still_missed'])} + {w - len(d['still_wrong'])} fixed)")
        assert " | ".join(cells) in prose, v["what"]
    # the confidence filter, measured and not applied
    f = seventh["confidence_filter"]
    three_parts, six_parts = f["unseen3-5"], f["all six parts"]
    assert three_parts["noted"]["citations"] + three_parts["not noted"]["citations"] == drafted
    assert three_parts["noted"]["right"] + three_parts["not noted"]["right"] == drafted - left
    for words, c in (
        ("in {} of {} cases on the three parts", three_parts["noted"]),
        ("there ({} of {})", three_parts["not noted"]),
        ("and in {} of {} on all six parts", six_parts["noted"]),
        ("(the others {} of {};", six_parts["not noted"]),
    ):
        assert words.format(c["right"], c["citations"]) in prose
    later = _results("results-draft-corpus-eighth-pass.json")["confidence_filter"]  # the eighth pass's kit
    moved = _results("results-draft-corpus-subject-phrases.json")["confidence_filter"]["unseen5"]  # moved it since
    assert moved["before"] == later["parts"]["unseen5"]  # benchmarks/draft_confidence.py wrote them
    recall = _results("results-draft-corpus-recall-pass.json")["confidence_filter"]["unseen5"]  # and the recall pass
    assert recall["before"] == moved["after"]
    recall2 = _results("results-draft-corpus-recall-pass-2.json")["confidence_filter"]["unseen5"]  # and the second
    assert recall2["before"] == recall["after"] and confidence.count_part("unseen5") == recall2["after"]
    wrong_noted = three_parts["noted"]["citations"] - three_parts["noted"]["right"]
    assert f"remove {three_parts['noted']['right']} right ones on the three parts to remove {wrong_noted}" in prose


def test_polnear_guard_of_the_seventh_pass():
    # "found and right at or above the sixth pass's, and speaker precision at or above it" (docs/draft.md)
    sixth, now = _results("results-polnear-sixth-pass.json"), _results("results-polnear-seventh-pass.json")
    assert sixth == _results("results-draft-corpus-seventh-pass.json")["polnear"]["before"]
    assert now == _results("results-draft-corpus-seventh-pass.json")["polnear"]["after"]
    assert now["articles"] == sixth["articles"] and now["attributions"] == sixth["attributions"]
    assert now["found"] >= sixth["found"] and now["right"] >= sixth["right"]
    assert now["right"] / now["citations"] >= sixth["right"] / sixth["citations"]
    prose = section("### Against PolNeAR")
    assert "found and right at or above the sixth pass's" in prose
    added, right = now["citations"] - sixth["citations"], now["right"] - sixth["right"]
    assert f"makes {added} more citations here and {right} more right ones" in prose


def test_docs_state_the_seventh_and_eighth_held_out_parts():
    # tests/draft_corpus/unseen6, annotated while the seventh pass was written and never opened: scored with the sixth
    # pass's kit before it was merged, and once with the seventh; unseen7, annotated after, scored once with the seventh
    prose = section("### On real coverage")
    before = _results("results-draft-corpus-unseen6-sixth-pass.json")["unseen6"]
    once = _results("results-draft-corpus-unseen6-scored-once.json")["unseen6"]
    eighth = _results("results-draft-corpus-unseen7-seventh-pass.json")["unseen7"]
    assert _row(prose, "seventh held-out part", "with the sixth pass's kit") == _as_row(before)
    assert _row(prose, "seventh held-out part", "scored once") == _as_row(once)
    assert _row(prose, "eighth held-out part", "with the seventh pass's kit") == _as_row(eighth)
    # the kit as it stands on unseen6: test_docs_state_the_eighth_pass; unseen7 scored once after the eighth pass
    once7 = _results("results-draft-corpus-unseen7-scored-once.json")["unseen7"]
    assert _row(prose, "eighth held-out part", "scored once after the eighth pass") == _as_row(once7)
    assert once7 == eighth and "it did not move, to the citation" in " ".join(prose.split())
    # then development material: two rules written on its figure errors (a weight, money), nothing else moved; the
    # kit as it stands on unseen7: test_docs_state_the_ninth_pass
    now7 = _results("results-draft-corpus-unseen7-now.json")["unseen7"]
    assert _row(prose, "eighth held-out part", "after its figure rules") == _as_row(now7)
    assert _results("results-draft-corpus-ninth-pass.json")["before"]["unseen7"] == now7
    assert (once7["figure_errors"], now7["figure_errors"]) == (2, 0)
    assert once7["citations_right"] - now7["citations_right"] == once7["citations"] - now7["citations"] == 1
    # "it found no source and no attribution more"
    assert (once["sources_found"], once["attributions_found"]) == (
        before["sources_found"],
        before["attributions_found"],
    )
    for name, t in (("seventh", once), ("eighth", eighth)):
        goals = re.search(rf"The \*\*{name} held-out part\*\*.*?On it the goals of issue 21 are: (.*?)\.", prose, re.S)
        _goals_stated(goals.group(1), t)
    for part in ("unseen6", "unseen7"):
        new = {a["story"] for _, a in bench.articles(part)}
        others = {a["story"] for p in bench.PARTS if p != part for _, a in bench.articles(p)}
        assert len(new) == 4 and not new & others and len(bench.articles(part)) == 10


def test_docs_state_the_eighth_pass():
    # precision and figures first; every part but Cebu and unseen7 tuned on (docs/draft.md, "eighth pass")
    prose = section("### On real coverage")
    eighth = _results("results-draft-corpus-eighth-pass.json")
    before, after, now_json = eighth["before"], eighth["after"], _results("results-draft-corpus.json")
    assert before["unseen6"] == _results("results-draft-corpus-unseen6-scored-once.json")["unseen6"]
    for part in ("dev", "unseen", "unseen2", "unseen3", "unseen4", "unseen5", "unseen6"):  # "no measure fell anywhere"
        if part not in ("unseen3", "unseen4", "unseen6"):  # moved since: …_whole_names_rule, …_ninth/tenth_pass
            assert _before_figures(part) == after[part], part  # the kit as it stood until the figure pass
        assert no_measure_fell(after[part], before[part]), part
        if part != "unseen6":
            assert now_json[part] == after[part], part
    assert "unseen7" not in before and "unseen7" not in after and "unseen7" not in now_json  # never scored here
    assert eighth["test"]["after"] == eighth["test"]["before"] == now_json["test"]  # Cebu, scored once: unchanged
    # the row "development, now" is the kit as it stands: the eighth pass's "after" until the figure pass moved it (and
    # the second recall pass since: one attribution and one right citation more, test_docs_state_the_development_scores)
    assert _row(prose, "development", "now") == _as_row(_as_it_stands("dev")) and _merged("dev") != after["dev"]
    for part, nth in (("unseen3", "fourth"), ("unseen4", "fifth"), ("unseen5", "sixth"), ("unseen6", "seventh")):
        assert _row(prose, f"{nth} held-out part", "after the eighth pass") == _as_row(after[part])
    for part in ("unseen", "unseen2"):  # "did not move, to the citation"
        assert after[part] == before[part], part
    assert after["unseen6"]["figure_errors"] == 0 and after["dev"]["figure_errors"] == 3
    kinds = eighth["figure_errors"]["kinds"]
    errors = [e for k in kinds.values() for e in k["errors"]]
    assert len(errors) == sum(before[p]["figure_errors"] for p in before if p != "dev air strikes") == 6
    assert sum(not e["fixed"] for e in errors) == sum(
        after[p]["figure_errors"] for p in after if p != "dev air strikes"
    )
    goals = re.search(r"On the seventh part, tuned on now, the goals of issue 21 are: (.*?)\.", prose)
    _goals_stated(goals.group(1), after["unseen6"])
    wrong = eighth["wrong_speakers"]
    for part in ("unseen3", "unseen4", "unseen5", "unseen6"):  # every wrong speaker sorted into a kind
        sorted_ = sum(k["parts"].get(part, {}).get("wrong", 0) for k in wrong["kinds"].values())
        fixed = sum(k["parts"].get(part, {}).get("fixed", 0) for k in wrong["kinds"].values())
        assert sorted_ == before[part]["citations"] - before[part]["citations_right"] == wrong["totals"][part]["before"]
        assert wrong["totals"][part]["after"] == after[part]["citations"] - after[part]["citations_right"]
        assert sorted_ - fixed <= wrong["totals"][part]["after"], part
    missed = eighth["missed_recall"]["kinds"]
    assert (
        sum(k["unseen6"] for k in missed.values())
        == before["unseen6"]["attributions"] - before["unseen6"]["attributions_found"]
    )
    assert (
        "(6: 4 in `dev/`, 2 in `unseen6/`)" in prose and "every wrong speaker of `unseen3/` to `unseen6/` (28)" in prose
    )
    assert "every miss of `unseen6/` (31)" in prose
    f = eighth["confidence_filter"]["all parts named"]  # "would still drop N right citations to drop M wrong ones"
    noted_wrong = f["noted"]["citations"] - f["noted"]["right"]
    assert f"would still drop {f['noted']['right']} right citations to drop {noted_wrong} wrong ones" in prose
    assert f["noted"]["right"] > noted_wrong


def test_docs_state_the_whole_names_rule():
    # issue 21's names cut: "The governor of Kaduna state" whole (place_tail); only unseen6 moved, PolNeAR did not
    prose = section("### On real coverage")
    after = _results("results-draft-corpus-eighth-pass.json")["after"]["unseen6"]
    now6 = _results("results-draft-corpus-unseen6-now.json")["unseen6"]
    assert _results("results-draft-corpus-ninth-pass.json")["before"]["unseen6"] == now6  # unseen6 now: ninth pass
    assert no_measure_fell(now6, after)
    assert _row(prose, "seventh held-out part", "after the whole-names rule") == _as_row(now6)
    for k in ("sources_found", "attributions_found", "citations_right"):
        assert now6[k] - after[k] == 1, k  # "one source, one attribution and one right citation more"
    assert "one source, one attribution and one right citation more" in " ".join(prose.split())
    goals = re.search(r"On it the goals of issue 21 are now: (.*?)\.", prose)
    _goals_stated(goals.group(1), now6)


def test_polnear_guard_of_the_eighth_pass():
    # "found and right at or above the seventh pass's" (docs/draft.md, "Against PolNeAR")
    p = _results("results-draft-corpus-eighth-pass.json")["polnear"]
    seventh, now = _results("results-polnear-seventh-pass.json"), _results("results-polnear-eighth-pass.json")
    assert p["before"] == seventh and p["after"] == now
    assert now["articles"] == seventh["articles"] and now["attributions"] == seventh["attributions"]
    assert now["found"] >= seventh["found"] and now["right"] >= seventh["right"]
    assert now["right"] / now["citations"] >= seventh["right"] / seventh["citations"]
    prose = section("### Against PolNeAR")
    assert "found and right at or above the seventh pass's" in prose
    added, right = now["citations"] - seventh["citations"], now["right"] - seventh["right"]
    assert added == right and f"the draft makes {added} more citations here, both right" in prose


def test_docs_say_what_to_expect_on_articles_never_seen():
    # the fresh parts at their single score (docs/draft.md, "Limits")
    once = [
        _results("results-draft-corpus-unseen3-scored-once.json")["unseen3"],
        _results("results-draft-corpus-unseen4-scored-once.json")["unseen4"],
        _results("results-draft-corpus-unseen5-scored-once.json")["unseen5"],
        _results("results-draft-corpus-unseen6-scored-once.json")["unseen6"],
        _results("results-draft-corpus-unseen7-scored-once.json")["unseen7"],
        _results("results-draft-corpus-unseen8-scored-once.json")["unseen8"],
        _results("results-draft-corpus-unseen9-scored-once.json")["unseen9"],
        _results("results-draft-corpus-unseen10-scored-once.json")["unseen10"],
        _results("results-draft-corpus-unseen11-scored-once.json")["unseen11"],
        _results("results-draft-corpus-unseen12-scored-once.json")["unseen12"],
        _results("results-draft-corpus-unseen13-scored-once.json")["unseen13"],
        _results("results-draft-corpus-unseen14-scored-once.json")["unseen14"],
        # sealed while the twelfth pass and the figure pass were written, scored before them and once after: equal;
        # unseen18 sealed while the PolNeAR pass was written, unseen19 while the subject-phrase pass was, each scored
        # before it and once after: equal; unseen20 to unseen22 while the wrong-speaker and recall passes were, scored
        # before them and once after both were merged (unseen21 one source, attribution and right citation more);
        # unseen23 while the second recall pass was, scored before it and once after: equal
        *(
            _results(f"results-draft-corpus-unseen{n}-scored-once.json")[f"unseen{n}"]
            for n in (15, 16, 17, 18, 19, 20, 21, 22, 23)
        ),
    ]
    prose = " ".join(section("## Limits").split())

    def span(found, total):
        shares = [t[found] / t[total] for t in once]
        return f"{min(shares):.0%} to {max(shares):.0%}".replace("%", " %")

    assert f"the draft found {span('sources_found', 'sources')} of the sources" in prose
    assert f"and {span('attributions_found', 'attributions')} of the attributions with the right speaker" in prose
    assert f", {span('citations_right', 'citations')} of its citations named the right speaker" in prose
    assert "on the twenty-one parts of the corpus annotated blind" in prose and len(once) == 21
    assert "(`unseen3/` to `unseen23/`" in prose and bench.PARTS[-1] == "unseen23"
    worst = max(t["figure_errors"] for t in once)
    assert f"up to {worst} of a part's drafted figures were not a figure" in prose


def test_docs_state_the_ninth_pass():
    # a tagger and chunker measured and not adopted; three names cut fixed by rules (docs/draft.md, "ninth pass")
    prose = " ".join(section("### On real coverage").split())
    ninth = _results("results-draft-corpus-ninth-pass.json")
    before, after = ninth["before"], ninth["after"]
    eighth = _results("results-draft-corpus-eighth-pass.json")["after"]
    for part in ("dev", "dev air strikes", "unseen", "unseen2", "unseen3", "unseen4", "unseen5"):
        assert before[part] == eighth[part] == _results("results-draft-corpus.json")[part], part
    assert before["unseen6"] == _results("results-draft-corpus-unseen6-now.json")["unseen6"]
    assert before["unseen7"] == _results("results-draft-corpus-unseen7-now.json")["unseen7"]
    # the kit as it stood until the figure pass (which moved dev's figures: test_the_kit_as_it_stands_is_the_merged_…)
    assert after["dev"] == _before_figures("dev") and after["dev air strikes"] == _before_figures("dev air strikes")
    tenth = _results("results-draft-corpus-tenth-pass.json")["before"]  # the ninth pass's kit as merged
    for part in ("unseen", "unseen2", "unseen3", "unseen4", "unseen5", "unseen6", "unseen7"):
        assert tenth[part] == after[part], part  # the kit as it stands: test_docs_state_the_tenth_pass
    for part in before:  # "no other part moved, up or down"
        assert no_measure_fell(after[part], before[part]), part
    moved = {p for p in before if before[p] != after[p]}
    assert moved == {"unseen3", "unseen6", "unseen7"} and "no other part moved, up or down" in prose
    gained = {p: after[p]["attributions_found"] - before[p]["attributions_found"] for p in moved}
    assert gained == {"unseen3": 1, "unseen6": 2, "unseen7": 1}
    assert after["unseen6"]["sources_found"] - before["unseen6"]["sources_found"] == 2
    assert after["unseen7"]["sources_found"] - before["unseen7"]["sources_found"] == 1
    for part, nth in (("unseen3", "fourth"), ("unseen6", "seventh"), ("unseen7", "eighth")):
        assert _row(prose, f"{nth} held-out part", "after the ninth pass") == _as_row(after[part])
    test_before = _results("results-draft-corpus-tenth-pass.json")["test"]["before"]
    assert ninth["test"]["before"] == ninth["test"]["after"] == test_before  # "Cebu's totals did not move"
    # the tagger (benchmarks/draft_chunker.py, on the kit before the pass): "So the kit does not use it"
    v = ninth["tagger"]["variants"]
    base = v["none"]["parts"]
    assert base == {p: before[p] for p in base}
    replace = v["replace"]["parts"]
    assert all(replace[p]["attributions_found"] < base[p]["attributions_found"] for p in base)  # every part lower
    lost = sum(base[p]["attributions_found"] - replace[p]["attributions_found"] for p in base)
    lost_sources = sum(base[p]["sources_found"] - replace[p]["sources_found"] for p in base)
    assert f"by {lost} attributions and {lost_sources} sources in all" in prose
    assert f"right citations from {v['none']['polnear']['right']} to {v['replace']['polnear']['right']}" in prose
    assert v["extend"]["parts"] == base and f"lowers PolNeAR ({v['extend']['polnear']['right']} right)" in prose
    nounverb = sum(base[p]["attributions_found"] - v["nounverb"]["parts"][p]["attributions_found"] for p in base)
    fewer = v["none"]["polnear"]["found"] - v["nounverb"]["polnear"]["found"]
    assert nounverb == 3 and f"loses three attributions and {fewer} PolNeAR attributions found" in prose
    for name in ("replace", "extend", "nounverb"):  # "lowered found and right here in each way it was used"
        pol = v[name]["polnear"]
        assert pol["found"] <= v["none"]["polnear"]["found"] and pol["right"] < v["none"]["polnear"]["right"]
    assert "So the kit does not use it" in prose


def test_polnear_guard_of_the_ninth_pass():
    # "found and right at or above the eighth pass's" (docs/draft.md, "Against PolNeAR")
    p = _results("results-draft-corpus-ninth-pass.json")["polnear"]
    eighth, now = _results("results-polnear-eighth-pass.json"), _results("results-polnear-ninth-pass.json")
    assert p["before"] == eighth and p["after"] == now
    assert now["articles"] == eighth["articles"] and now["attributions"] == eighth["attributions"]
    assert now["found"] >= eighth["found"] and now["right"] >= eighth["right"]
    assert now["right"] / now["citations"] >= eighth["right"] / eighth["citations"]
    prose = " ".join(section("### Against PolNeAR").split())
    assert "found and right at or above the eighth pass's" in prose
    added, right = now["citations"] - eighth["citations"], now["right"] - eighth["right"]
    assert added == right == 2 and "the draft makes 2 more citations here, both right, and finds as many" in prose


def test_docs_state_the_ninth_held_out_part():
    # tests/draft_corpus/unseen8, annotated while the ninth pass was written and never opened: scored with the eighth
    # pass's kit before the ninth was merged, and once after (docs/draft.md, "On real coverage")
    prose = section("### On real coverage")
    before = _results("results-draft-corpus-unseen8-eighth-pass.json")["unseen8"]
    once = _results("results-draft-corpus-unseen8-scored-once.json")["unseen8"]
    assert _row(prose, "ninth held-out part", "with the eighth pass's kit") == _as_row(before)
    assert _row(prose, "ninth held-out part", "scored once after the ninth pass") == _as_row(once)
    assert _results("results-draft-corpus-tenth-pass.json")["before"]["unseen8"] == once  # then the tenth pass
    flat = " ".join(prose.split())
    assert once == before and "the same to the citation before and after" in flat
    goals = re.search(r"The \*\*ninth held-out part\*\*.*?On it the goals of issue 21 are: (.*?)\.", prose, re.S)
    _goals_stated(goals.group(1), once)
    # "the lowest of any part at its single score"
    share = {
        k: once[f] / once[t]
        for k, f, t in (("a", "attributions_found", "attributions"), ("p", "citations_right", "citations"))
    }
    for part in ("unseen3", "unseen4", "unseen5", "unseen6", "unseen7"):
        other = _results(f"results-draft-corpus-{part}-scored-once.json")[part]
        assert share["a"] < other["attributions_found"] / other["attributions"], part
        assert share["p"] < other["citations_right"] / other["citations"], part
    new = {a["story"] for _, a in bench.articles("unseen8")}
    others = {a["story"] for p in bench.PARTS if p != "unseen8" for _, a in bench.articles(p)}
    assert len(new) == 4 and not new & others and len(bench.articles("unseen8")) == 12


def test_docs_state_the_tenth_pass():
    # precision first on unseen8, opened as development material (docs/draft.md, "The tenth pass")
    prose = " ".join(section("### On real coverage").split())
    tenth = _results("results-draft-corpus-tenth-pass.json")
    before, after = tenth["before"], tenth["after"]
    ninth = _results("results-draft-corpus-ninth-pass.json")["after"]
    for part in ninth:  # the ninth pass's kit as merged
        assert before[part] == ninth[part], part
    assert before["unseen8"] == _results("results-draft-corpus-unseen8-scored-once.json")["unseen8"]
    # the kit as it stood until the figure pass (which moved dev's figures: test_the_kit_as_it_stands_is_the_merged_…)
    assert after["dev"] == _before_figures("dev") and after["dev air strikes"] == _before_figures("dev air strikes")
    eleventh = _results("results-draft-corpus-eleventh-pass.json")["before"]  # the tenth pass's kit as merged
    for part in ("unseen", "unseen2", "unseen3", "unseen4", "unseen5", "unseen6", "unseen7", "unseen8"):
        assert eleventh[part] == after[part], part  # the kit as it stands: test_docs_state_the_eleventh_pass
    for part in before:  # "no part lost a source, an attribution or a right citation or gained a figure error"
        for k in ("sources_found", "attributions_found", "citations_right"):
            assert after[part][k] >= before[part][k], (part, k)
        assert after[part]["figure_errors"] <= before[part]["figure_errors"], part
    assert "no part lost a source, an attribution or a right citation or gained a figure error" in prose
    moved = {p for p in before if before[p] != after[p]}
    assert moved == {"unseen4", "unseen6", "unseen7", "unseen8"} and "Three other parts moved, each up" in prose

    def gain(part: str, k: str) -> int:
        return after[part][k] - before[part][k]

    wrong = {t: tenth[t]["unseen8"]["citations"] - tenth[t]["unseen8"]["citations_right"] for t in ("before", "after")}
    u8 = (gain("unseen8", "sources_found"), gain("unseen8", "attributions_found"), gain("unseen8", "citations_right"))
    assert f"{u8[0]} sources, {u8[1]} attributions and {u8[2]} right citations more" in prose
    assert f"its wrong citations down from {wrong['before']} to {wrong['after']}" in prose
    assert f"its {wrong['before']} wrong citations and its {before['unseen8']['figure_errors']} figure errors" in prose
    assert after["unseen8"]["figure_errors"] == 0 and "no figure error left" in prose
    assert (gain("unseen4", "sources_found"), gain("unseen4", "attributions_found")) == (1, 1)
    assert (gain("unseen6", "sources_found"), gain("unseen6", "attributions_found")) == (0, 1)
    u7 = (gain("unseen7", "sources_found"), gain("unseen7", "attributions_found"))
    assert "`unseen4/` one source and one attribution more, `unseen6/` one attribution more" in prose
    assert f"`unseen7/` {u7[0]} sources and {u7[1]} attributions more" in prose
    for part, nth in (("unseen4", "fifth"), ("unseen6", "seventh"), ("unseen7", "eighth"), ("unseen8", "ninth")):
        assert _row(prose, f"{nth} held-out part", "after the tenth pass") == _as_row(after[part])
    # each rule's moves add up to the pass's
    for part in before:
        for k in ("sources_found", "attributions_found", "citations_right", "citations", "figure_errors"):
            assert sum(r["parts"].get(part, {}).get(k, 0) for r in tenth["rules"]) == gain(part, k), (part, k)
    # Cebu, scored before and after, never opened: "one source, one attribution and one right citation more"
    cebu = tenth["test"]
    assert cebu["after"] == scored("test")["total"]
    assert _row(prose, "held-out test", "now") == _as_row(cebu["after"])
    assert [
        cebu["after"][k] - cebu["before"][k] for k in ("sources_found", "attributions_found", "citations_right")
    ] == [
        1,
        1,
        1,
    ]
    assert "one source, one attribution and one right citation more" in prose
    # the two rules dropped
    dropped = tenth["not_adopted"]
    neg = dropped["negated_speaker"]
    taken = -sum(v["citations"] for v in neg["parts"].values())
    assert f"took {taken} wrong citations away here but {-neg['polnear']['right']} right ones from PolNeAR" in prose
    assert dropped["scare_quote"]["polnear"]["right"] == -1 and "took a right citation from PolNeAR" in prose


def test_polnear_guard_of_the_tenth_pass():
    # "found and right at or above the ninth pass's" (docs/draft.md, "Against PolNeAR")
    tenth = _results("results-draft-corpus-tenth-pass.json")
    p = tenth["polnear"]
    ninth, now = _results("results-polnear-ninth-pass.json"), _results("results-polnear-tenth-pass.json")
    assert p["before"] == ninth and p["after"] == now
    assert now["articles"] == ninth["articles"] and now["attributions"] == ninth["attributions"]
    assert now["found"] >= ninth["found"] and now["right"] >= ninth["right"]
    assert now["right"] / now["citations"] >= ninth["right"] / ninth["citations"]
    prose = " ".join(section("### Against PolNeAR").split())
    assert "found and right at or above the ninth pass's" in prose
    found, added, right = (now[k] - ninth[k] for k in ("found", "citations", "right"))
    assert f"finds {found} more attributions here and makes {added} more citations and {right} more right ones" in prose
    for k, total in (("found", found), ("citations", added), ("right", right)):
        assert sum(r["polnear"][k] for r in tenth["rules"]) == total, k
    fell = [r["rule"] for r in tenth["rules"] if r["polnear"]["right"] < 0]
    assert fell == ["speaker_age"] and "one rule alone took one right citation away (``speaker_age``" in prose


def test_docs_state_the_tenth_held_out_part():
    # tests/draft_corpus/unseen9, annotated while the tenth pass was written and never opened: scored with the ninth
    # pass's kit before the tenth was merged, and once after (docs/draft.md, "On real coverage")
    prose = section("### On real coverage")
    before = _results("results-draft-corpus-unseen9-ninth-pass.json")["unseen9"]
    once = _results("results-draft-corpus-unseen9-scored-once.json")["unseen9"]
    assert _row(prose, "tenth held-out part", "with the ninth pass's kit") == _as_row(before)
    assert _row(prose, "tenth held-out part", "scored once after the tenth pass") == _as_row(once)
    assert _results("results-draft-corpus-eleventh-pass.json")["before"]["unseen9"] == once  # the tenth pass's kit
    assert once == before and "the same to the citation before and after" in " ".join(prose.split())
    goals = re.search(r"The \*\*tenth held-out part\*\*.*?On it the goals of issue 21 are: (.*?)\.", prose, re.S)
    _goals_stated(goals.group(1), once)
    new = {a["story"] for _, a in bench.articles("unseen9")}
    others = {a["story"] for p in bench.PARTS if p != "unseen9" for _, a in bench.articles(p)}
    assert len(new) == 3 and not new & others and len(bench.articles("unseen9")) == 10


def test_docs_state_the_eleventh_pass():
    # WordNet's noun senses decide whether a speaker can speak (docs/draft.md, "The eleventh pass")
    prose = " ".join(section("### On real coverage").split())
    eleventh = _results("results-draft-corpus-eleventh-pass.json")
    before, after = eleventh["before"], eleventh["after"]
    tenth = _results("results-draft-corpus-tenth-pass.json")["after"]
    for part in tenth:  # the tenth pass's kit as merged
        assert before[part] == tenth[part], part
    assert before["unseen9"] == _results("results-draft-corpus-unseen9-scored-once.json")["unseen9"]
    # the kit as it stood until the figure pass (which moved dev's figures: test_the_kit_as_it_stands_is_the_merged_…)
    assert after["dev"] == _before_figures("dev") and after["dev air strikes"] == _before_figures("dev air strikes")
    for part in ("unseen", "unseen2", "unseen3", "unseen4", "unseen5", "unseen6", "unseen7", "unseen8", "unseen9"):
        assert _before_twelfth(part) == after[part], part  # the kit as it stood until the twelfth pass
    parts = [p for p in before if p != "dev air strikes"]
    for part in before:  # "no part lost a source, an attribution or a right citation"
        for k in ("sources_found", "attributions_found", "citations_right"):
            assert after[part][k] >= before[part][k], (part, k)
        assert after[part]["figure_errors"] <= before[part]["figure_errors"], part
    assert "no part lost a source, an attribution or a right citation" in prose
    moved = {p for p in before if before[p] != after[p]}
    assert moved == {"unseen7", "unseen8", "unseen9"} and "no other part moved" in prose

    def total(t: dict, k: str) -> int:
        return sum(t[p][k] for p in parts)

    b, a = ((total(t, "citations_right"), total(t, "citations")) for t in (before, after))
    assert a[0] / a[1] > b[0] / b[1]  # the adoption rule: speaker precision up over the development parts
    assert (
        f"citations went from {b[0]} right of {b[1]} ({100 * b[0] / b[1]:.1f} %) to {a[0]} of {a[1]} "
        f"({100 * a[0] / a[1]:.1f} %)" in prose
    )
    gained = (total(after, "attributions_found") - total(before, "attributions_found"),)
    gained += (total(after, "sources_found") - total(before, "sources_found"),)
    assert gained == (2, 1) and "with 2 attributions and one source more" in prose

    def gain(part: str, k: str) -> int:
        return after[part][k] - before[part][k]

    u9 = [gain("unseen9", k) for k in ("sources_found", "attributions_found", "citations_right", "citations")]
    assert (
        u9 == [1, 2, 3, -1] and "(one source, 2 attributions and 3 right citations more, one citation fewer)" in prose
    )
    assert [gain(p, k) for p in ("unseen7", "unseen8") for k in ("citations_right", "citations")] == [0, -1, 0, -2]
    assert "`unseen7/` and `unseen8/` lost one and two wrong citations" in prose
    for part, nth in (("unseen7", "eighth"), ("unseen8", "ninth"), ("unseen9", "tenth")):
        assert _row(prose, f"{nth} held-out part", "after the eleventh pass") == _as_row(after[part])
    for part in before:  # each rule's moves add up to the pass's
        for k in ("sources_found", "attributions_found", "citations_right", "citations", "figure_errors"):
            assert sum(r["parts"].get(part, {}).get(k, 0) for r in eleventh["rules"]) == gain(part, k), (part, k)
    # Cebu, scored before and after, never opened: "did not move"
    cebu = eleventh["test"]
    assert cebu["before"] == cebu["after"] == scored("test")["total"] and "did not move" in prose
    # the data: 57,327 one-word noun lemmas (tests/draft/test_animacy.py reads the file)
    assert "a table of its 57,327 one-word noun lemmas" in prose
    # MUTE: the files that take no right citation from PolNeAR, measured one by one
    from kit.draft.animacy import MUTE

    files = eleventh["lexicographer_files"]
    assert {f for f, d in files.items() if d["right"] == 0 and d["found"] >= 0} == MUTE
    names = "a body, an animal, a plant, a feeling, a motive or a process"
    assert names in prose and len(MUTE) == 6
    left = eleventh["not_adopted"]
    every, act, place = left["all_files"], left["noun.act"], left["noun.location"]
    wrong = -sum(d.get("citations", 0) for d in every["parts"].values())
    assert all("citations_right" not in d for d in every["parts"].values())
    assert f"dropped the {wrong} wrong citations" in prose and f"but {-every['polnear']['right']} right ones" in prose
    act_wrong = -sum(d["citations"] for d in act["parts"].values())
    place_wrong = -sum(d["citations"] for d in place["parts"].values())
    stated = f"acts alone took {-act['polnear']['right']} right citations there for {act_wrong} wrong ones here, places"
    assert f"{stated} {-place['polnear']['right']} for {place_wrong}" in prose
    name = left["place_name"]
    assert name["parts"] == {} and name["polnear"]["right"] < 0
    assert f"moved no part here and took {-name['polnear']['right']} right citations from PolNeAR" in prose
    assert left["person_group_heads"]["parts"] == {} and "a person or a group counted as a speaker's noun" in prose


def test_polnear_guard_of_the_eleventh_pass():
    # "found and right at or above the tenth pass's" (docs/draft.md, "Against PolNeAR")
    eleventh = _results("results-draft-corpus-eleventh-pass.json")
    p = eleventh["polnear"]
    tenth, now = _results("results-polnear-tenth-pass.json"), _results("results-polnear-eleventh-pass.json")
    assert p["before"] == tenth and p["after"] == now
    assert now["articles"] == tenth["articles"] and now["attributions"] == tenth["attributions"]
    assert now["found"] >= tenth["found"] and now["right"] >= tenth["right"]
    assert now["right"] / now["citations"] >= tenth["right"] / tenth["citations"]
    prose = " ".join(section("### Against PolNeAR").split())
    assert "found and right at or above the tenth pass's" in prose
    found, fewer = now["found"] - tenth["found"], tenth["citations"] - now["citations"]
    assert (found, now["right"] - tenth["right"]) == (1, 0)
    assert f"finds one more attribution here and makes {fewer} fewer citations, as many right" in prose
    for k in ("found", "citations", "right"):
        assert sum(r["polnear"][k] for r in eleventh["rules"]) == now[k] - tenth[k], k
    dropped = "dropping only the candidate takes no right citation from PolNeAR"
    assert eleventh["rules"][0]["polnear"]["right"] == 0 and dropped in " ".join(
        section("### On real coverage").split()
    )


#: the three parts annotated while the eleventh pass was written, with their ordinals among the held-out parts
FRESH = (("unseen10", "eleventh"), ("unseen11", "twelfth"), ("unseen12", "thirteenth"))
PASSES = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh")


def _fresh(part: str) -> tuple[dict, dict]:
    """A part of :data:`FRESH` with the tenth pass's kit (before the eleventh pass) and at its single score."""
    before = _results(f"results-draft-corpus-{part}-tenth-pass.json")[part]
    return before, _results(f"results-draft-corpus-{part}-scored-once.json")[part]


def _stated(t: dict) -> str:
    """How docs/draft.md states a part's totals in prose: "51/62 (82.3 %) of sources, …, 5 figure errors of 40"."""
    shares = ", ".join(
        f"{t[f]}/{t[of]} ({100 * t[f] / t[of]:.1f} %) of {what}"
        for f, of, what in (
            ("sources_found", "sources", "sources"),
            ("attributions_found", "attributions", "attributions"),
            ("citations_right", "citations", "drafted citations naming the right speaker"),
        )
    )
    errors = "figure error" if t["figure_errors"] == 1 else "figure errors"
    return f"{shares}, {t['figure_errors']} {errors} of {t['figures']}"


@pytest.mark.parametrize(("part", "nth"), FRESH)
def test_docs_state_the_held_out_parts_of_the_eleventh_pass(part, nth):
    # tests/draft_corpus/unseen10-12, annotated while the eleventh pass was written and never opened: scored with the
    # tenth pass's kit before the eleventh was merged, and once after (docs/draft.md, "On real coverage"); in PARTS
    # since, as development material (tests/draft_corpus/README.md)
    prose = section("### On real coverage")
    before, once = _fresh(part)
    assert part not in _results("results-draft-corpus-eleventh-pass.json")["before"]  # the pass was not measured on it
    assert _row(prose, f"{nth} held-out part", "before the eleventh pass") == _as_row(before)
    assert _row(prose, f"{nth} held-out part", "scored once after the eleventh pass") == _as_row(once)
    text = re.search(
        rf"The \*\*{nth} held-out part\*\* \(`tests/draft_corpus/{part}/`.*?(?= The \*\*| The three parts|$)", prose
    )
    text = text.group(0)
    assert f"`benchmarks/results-draft-corpus-{part}-tenth-pass.json`" in text
    assert f"`benchmarks/results-draft-corpus-{part}-scored-once.json`" in text
    assert f"): {_stated(once)}" in text
    assert ("the same to the citation before and after" in text) == (once == before)
    _goals_stated(re.search(r"On it the goals of issue 21 are: (.*?)\.", text).group(1), once)
    # its stories: three, in no other part, ten articles; the years stated are its README paragraph's
    new = {a["story"] for _, a in bench.articles(part)}
    others = {a["story"] for p in bench.PARTS if p != part for _, a in bench.articles(p)}
    assert len(new) == 3 and not new & others and len(bench.articles(part)) == 10 and part in bench.PARTS
    assert "10 articles on three more stories" in text
    readme = (CORPUS / "README.md").read_text(encoding="utf-8").split("\n\n")
    own = " ".join(next(p for p in readme if re.match(rf"`{part}/` is an? {nth} held-out part", p)).split())
    assert all(year in own for year in re.findall(r"\b(?:19|20)\d\d\b", text.split(";")[0]))
    assert "scored with the tenth pass's kit before the eleventh pass was merged and once after it" in own
    assert "scored, it is development material" in own
    assert ("the same to the citation" in own) == (once == before)
    assert "it was added to `benchmarks/draft_corpus.py`'s parts after its single score" in own
    if part != "unseen10":  # the kit until the twelfth pass: named_first did not move it
        assert _before_twelfth(part) == once and "``named_first`` did not move it" in text


def test_docs_state_the_eleventh_held_out_part_now():
    # unseen10 lost one sentence's speaker to the eleventh pass; named_first, written on it, set it right
    # (benchmarks/results-draft-corpus-unseen10-now.json, written by benchmarks/draft_corpus.py --json unseen10)
    prose = section("### On real coverage")
    flat = " ".join(prose.split())
    before, once = _fresh("unseen10")
    now = _results("results-draft-corpus-unseen10-now.json")["unseen10"]
    lost = [before[k] - once[k] for k in ("sources_found", "attributions_found", "citations_right", "citations")]
    assert lost == [1, 1, 1, 0] and "one source, one attribution and one right citation fewer, all in one" in flat
    assert now == before == _before_twelfth("unseen10") and "back where it was before the pass" in flat
    assert _row(prose, "eleventh held-out part", "after named_first") == _as_row(now)
    readme = " ".join((CORPUS / "README.md").read_text(encoding="utf-8").split())
    assert "one rule was written on it since (`named_first` in `kit.draft.animacy`" in readme
    from kit.draft.animacy import MUTE, first_sense, senses

    assert first_sense("defence") == "noun.process" and "noun.process" in MUTE
    assert 'whose head noun ``mute_head`` read as a process (WordNet\'s first sense of "defence")' in flat
    assert senses("Ukrainian") == {"noun.communication"}  # a language: "as a person, a place, a group or a language"
    # "no other part moved, Cebu neither": every part at the eleventh pass's kit as merged
    eleventh = _results("results-draft-corpus-eleventh-pass.json")
    after = eleventh["after"]
    assert after["dev"] == _before_figures("dev")  # the kit as it stood until the figure pass moved dev's figures
    assert after["dev air strikes"] == _before_figures("dev air strikes")
    for part in set(after) - {"dev", "dev air strikes"}:
        assert _before_twelfth(part) == after[part], part  # the kit as it stood until the twelfth pass
    assert eleventh["test"]["after"] == _before_twelfth("test") and "no other part moved, Cebu neither" in flat


def test_docs_state_the_thirteenth_held_out_part_lost_wrong_citations():
    # unseen12: the eleventh pass took 3 wrong citations away and moved nothing else
    flat = " ".join(section("### On real coverage").split())
    before, once = _fresh("unseen12")
    assert {k for k in once if once[k] != before[k]} == {"citations"} and before["citations"] - once["citations"] == 3
    assert "left its sources, attributions and right citations as they were and took 3 wrong citations away" in flat
    b, o = (f"{t['citations_right']}/{t['citations']}" for t in (before, once))
    assert (
        f"the right speaker went from {b} ({100 * before['citations_right'] / before['citations']:.1f} %) to {o}"
        in flat
    )


def test_docs_pool_the_held_out_parts_of_the_eleventh_pass():
    # the three parts annotated while the eleventh pass was written, together at their single scores, and what the
    # pass did to them (docs/draft.md, "On real coverage")
    prose = section("### On real coverage")
    flat = " ".join(prose.split())
    t: dict = {}
    for part, _ in FRESH:
        t = {k: t.get(k, 0) + v for k, v in _fresh(part)[1].items()}
    assert t["articles"] == 30
    assert _row(
        prose, "eleventh, twelfth and thirteenth held-out parts together", "scored once after the eleventh pass"
    ) == _as_row(t)
    pooled = re.search(
        r"The three parts annotated while the eleventh pass was written, together.*?Eleven passes on", flat
    )
    assert f"): {_stated(t)}. On them together" in pooled.group(0)
    _goals_stated(re.search(r"On them together the goals of issue 21 are: (.*?)\.", pooled.group(0)).group(1), t)
    # "Eleven passes on": the passes' results files, first to eleventh, written then; the twelfth pass came after
    # (its "before" of these parts is their score when this was written: unseen10's "now", the others' single score)
    assert all((ROOT / "benchmarks" / f"results-draft-corpus-{n}-pass.json").exists() for n in PASSES)
    assert (
        len(PASSES) == 11
        and _before_twelfth("unseen10") == _results("results-draft-corpus-unseen10-now.json")["unseen10"]
    )
    assert all(_before_twelfth(p) == _fresh(p)[1] for p in ("unseen11", "unseen12"))
    precision = {}
    for part, _ in FRESH:
        before, once = _fresh(part)
        for k in ("sources_found", "attributions_found"):  # "no source or attribution more on any of them"
            assert once[k] <= before[k], (part, k)
        precision[part] = [100 * x["citations_right"] / x["citations"] for x in (before, once)]
    assert "and found no source or attribution more on any of them" in flat
    (b10, o10), (b11, o11), (b12, o12) = (precision[p] for p, _ in FRESH)
    assert b11 == o11 and "not at all on `unseen11/`" in flat
    assert f"speaker precision by {b10 - o10:.1f} points down on `unseen10/` (one right citation fewer, " in flat
    assert f"{b10:.1f} % to {o10:.1f} %, set right after its score by a rule written on it)" in flat
    fewer = _fresh("unseen12")[0]["citations"] - _fresh("unseen12")[1]["citations"]
    assert (
        f"by {o12 - b12:.1f} points up on `unseen12/` ({fewer} wrong citations fewer, {b12:.1f} % to {o12:.1f} %)"
        in flat
    )


def test_every_share_docs_draft_md_states_is_its_fraction():
    # "52/62 (83.9 %)": the percentage written beside a fraction is the fraction's, to one decimal
    text = (ROOT / "docs" / "draft.md").read_text(encoding="utf-8")
    shares = re.findall(r"\b(\d+)/(\d+) \(([\d.]+) %\)", text)
    assert len(shares) > 100
    for found, total, share in shares:
        assert f"{100 * int(found) / int(total):.1f}" == share, (found, total, share)


def _readme_says_scored_once_only(part: str, nth: str, text: str, years: list) -> None:
    """The README paragraph of ``part`` gives the years its docs paragraph ``text`` states, and says it was scored once
    at the end of stop 31 with no rule after it, added to the parts since, development material."""
    readme = (CORPUS / "README.md").read_text(encoding="utf-8").split("\n\n")
    own = " ".join(next(p for p in readme if p.startswith(f"`{part}/` is a {nth} held-out part")).split())
    stated = re.findall(r"\b(?:19|20)\d\d\b", text.split(";")[0])
    assert stated == years and all(year in own for year in years)
    assert "it was added to `benchmarks/draft_corpus.py`'s parts after its single score" in own
    assert "It was scored once, with the kit as it stands at the end of stop 31" in own
    assert (
        "no draft rule was written after it was annotated, so that single score is its only one, and there is no"
        ' "before" score' in own
    )
    assert "scored, it is development material" in own and "it is not in `benchmarks" not in own
    assert "end of stop 31" in _results(f"results-draft-corpus-{part}-scored-once.json")["what"]


def _scored_once_only(part: str, nth: str, *, until: str, errors: str) -> tuple[str, dict]:
    """A fresh part annotated blind with no draft rule written after it: the kit as it stands gives its one score (no
    "before" file), its only row, and its paragraph (up to the sentence opening with ``until``) stating the score and
    the goals; returns that paragraph and the score."""
    prose = section("### On real coverage")
    once = _results(f"results-draft-corpus-{part}-scored-once.json")[part]
    assert _before_twelfth(part) == once  # the kit until the twelfth pass gave its single score
    files = {f.name for f in (ROOT / "benchmarks").glob(f"results-draft-corpus-{part}*.json")}
    assert files == {f"results-draft-corpus-{part}-scored-once.json"}  # no "before" file, no "now" file
    # no rule written between its single score and the twelfth pass, which was then written on it (its row "after the
    # twelfth pass"; test_docs_state_the_twelfth_pass)
    assert "twelfth" in _results("results-draft-corpus-twelfth-pass.json")["what"]
    assert _row(prose, f"{nth} held-out part", "scored once") == _as_row(once)
    rows = re.findall(rf"\| {nth} held-out part, ([^|]*?) \|", prose)
    # its only score, the pass written on it since, and the figure pass's move if it moved the part
    figures = _results("results-draft-corpus-figures.json")["parts"][part]
    moved = ["after the figure pass"] if figures["before"] != figures["after"] else []
    assert rows == ["scored once", "after the twelfth pass", *moved]
    found = re.search(rf"The \*\*{nth} held-out part\*\* \(`tests/draft_corpus/{part}/`.*?(?= {until}, )", prose)
    assert found, part
    text = found.group(0)
    assert f"`benchmarks/results-draft-corpus-{part}-scored-once.json`" in text
    assert (
        'No draft rule was written after it was annotated, so that single score is its only one: there is no "before"'
        " file." in text
    )
    assert f"Scored so: {_stated(once)}." in text and errors in text
    _goals_stated(re.search(r"On it the goals of issue 21 are: (.*?)\.", text).group(1), once)
    assert text.endswith("Scored, it is development material.")
    return text, once


def test_docs_state_the_fourteenth_held_out_part_scored_once():
    # tests/draft_corpus/unseen13, annotated blind after the eleventh pass with no draft rule written after it: scored
    # once with the kit as it stands, its only score (no "before" file); in PARTS since, as development material
    text, once = _scored_once_only("unseen13", "fourteenth", until="Together", errors="1 figure error of 30")
    # its stories: three, in no other part, ten articles; the years stated are its README paragraph's
    new = {a["story"] for _, a in bench.articles("unseen13")}
    others = {a["story"] for p in bench.PARTS if p != "unseen13" for _, a in bench.articles(p)}
    assert len(new) == 3 and not new & others and len(bench.articles("unseen13")) == 10
    assert "unseen13" in bench.PARTS and "10 articles on three more stories" in text
    _readme_says_scored_once_only("unseen13", "fourteenth", text, ["2022", "2019", "2024"])


def test_docs_pool_the_four_parts_of_stop_31():
    # unseen10 to unseen13, the four parts annotated in stop 31, together at their single scores (docs/draft.md, "On
    # real coverage"); the three-part sentence of the eleventh pass stays (test_docs_pool_the_held_out_parts_of_the_…)
    four = ("unseen10", "unseen11", "unseen12", "unseen13")
    assert bench.PARTS[-14:-10] == four and bench.PARTS[-10] == "unseen14"  # annotated after them: not among the four
    t: dict = {}
    for part in four:
        once = _results(f"results-draft-corpus-{part}-scored-once.json")[part]
        t = {k: t.get(k, 0) + v for k, v in once.items()}
    assert t["articles"] == 40
    # annotated in stop 31: the first three scored with stop 30's kit before the eleventh pass, the fourth with the
    # kit at the end of stop 31
    for part in four[:3]:
        assert "at the end of stop 30" in _results(f"results-draft-corpus-{part}-tenth-pass.json")["what"]
    assert "at the end of stop 31" in _results("results-draft-corpus-unseen13-scored-once.json")["what"]
    flat = " ".join(section("### On real coverage").split())
    assert (
        "Together, the first four parts annotated in stop 31 (`unseen10/` to `unseen13/`, the eleventh to fourteenth"
        f" held-out parts), at their single scores: {_stated(t)}; on them together none of issue 21's four goals is"
        " met." in flat
    )
    _goals_stated("sources not met, attributions not met, speaker precision not met, invented figures not met", t)
    assert "The three parts annotated while the eleventh pass was written, together at their single scores" in flat


#: the fresh parts up to unseen14, each annotated blind and scored once with no rule written on it before (the "Limits"
#: test reads unseen3 to unseen19)
ONCE = tuple(f"unseen{n}" for n in range(3, 15))


def _goals_met(t: dict) -> list[str]:
    """Which of issue 21's four goals ``t``'s scores meet (sources ≥ 95 %, attributions ≥ 85 %, speaker precision
    ≥ 95 %, no figure error)."""
    met = [
        ("sources", t["sources_found"] / t["sources"] >= 0.95),
        ("attributions", t["attributions_found"] / t["attributions"] >= 0.85),
        ("speaker precision", t["citations_right"] / t["citations"] >= 0.95),
        ("invented figures", t["figure_errors"] == 0),
    ]
    return [name for name, ok in met if ok]


def test_docs_state_the_fifteenth_held_out_part_scored_once():
    # tests/draft_corpus/unseen14, annotated blind at the end of stop 31 with no draft rule written after it: scored
    # once with the kit as it stands, its only score (no "before" file); in PARTS since, as development material
    text, once = _scored_once_only("unseen14", "fifteenth", until="With it", errors="0 figure errors of 30")
    # three of the four goals met, speaker precision not; the first fresh part at its single score to meet the
    # sources goal, and the first to meet three goals
    assert _goals_met(once) == ["sources", "attributions", "invented figures"]
    precision = f"{100 * once['citations_right'] / once['citations']:.1f} %"
    assert precision == "90.2 %" and f"speaker precision, {precision}, is under its 95 %" in text
    earlier = [_results(f"results-draft-corpus-{p}-scored-once.json")[p] for p in ONCE[:-1]]
    assert ONCE[-1] == "unseen14" and all("sources" not in _goals_met(t) for t in earlier)
    assert max(len(_goals_met(t)) for t in earlier) < 3
    assert "It is the first of the fresh parts (`unseen3/` on) to meet the sources goal at its single score" in text
    assert "and the first to meet three of the four" in text
    # its stories: three, in no other part, ten articles, copies of the wires named; the years stated are its README
    # paragraph's
    new = {a["story"] for _, a in bench.articles("unseen14")}
    others = {a["story"] for p in bench.PARTS if p != "unseen14" for _, a in bench.articles(p)}
    assert len(new) == 3 and not new & others and len(bench.articles("unseen14")) == 10
    assert "unseen14" in bench.PARTS and "10 articles on three more stories" in text
    copies = [a["outlet"] for _, a in bench.articles("unseen14") if a.get("wire_copy")]
    assert all(any(f"({wire}" in o for o in copies) for wire in ("Reuters", "AFP", "dpa"))
    assert "Reuters, AFP and dpa copies among them" in text
    _readme_says_scored_once_only("unseen14", "fifteenth", text, ["2025", "2017", "2019"])


def test_docs_pool_the_five_parts_of_stop_31():
    # unseen10 to unseen14, the five parts annotated in stop 31, together at their single scores (docs/draft.md, "On
    # real coverage"); the three- and four-part sentences stay (test_docs_pool_the_held_out_parts_of_the_eleventh_pass,
    # test_docs_pool_the_four_parts_of_stop_31)
    five = ("unseen10", "unseen11", "unseen12", "unseen13", "unseen14")
    # unseen15 to unseen22 after them: test_docs_pool_the_three_sealed_parts, test_docs_state_the_nineteenth_held_out_…
    assert bench.PARTS[-14:-9] == five
    t: dict = {}
    for part in five:
        once = _results(f"results-draft-corpus-{part}-scored-once.json")[part]
        t = {k: t.get(k, 0) + v for k, v in once.items()}
    assert t["articles"] == 50
    # annotated in stop 31: the first three scored with stop 30's kit before the eleventh pass, the last two with the
    # kit at the end of stop 31
    for part in five[:3]:
        assert "at the end of stop 30" in _results(f"results-draft-corpus-{part}-tenth-pass.json")["what"]
    for part in five[3:]:
        assert "at the end of stop 31" in _results(f"results-draft-corpus-{part}-scored-once.json")["what"]
    flat = " ".join(section("### On real coverage").split())
    assert (
        "With it, the five parts annotated in stop 31 (`unseen10/` to `unseen14/`, the eleventh to fifteenth held-out"
        f" parts), together at their single scores: {_stated(t)}; on them together none of issue 21's four goals is"
        " met." in flat
    )
    assert _goals_met(t) == []
    _goals_stated("sources not met, attributions not met, speaker precision not met, invented figures not met", t)
    assert "Together, the first four parts annotated in stop 31 (`unseen10/` to `unseen13/`" in flat
    assert "The three parts annotated while the eleventh pass was written, together at their single scores" in flat


def test_docs_state_the_twelfth_pass():
    # sentence rules for the kinds of misses and wrong speakers of the five parts of stop 31 (docs/draft.md, "The
    # twelfth pass"); benchmarks/results-draft-corpus-twelfth-pass.json holds the kit before and after, per part
    prose = section("### On real coverage")
    flat = " ".join(prose.split())
    twelfth = _results("results-draft-corpus-twelfth-pass.json")
    before, after = twelfth["before"], twelfth["after"]
    # "before" is the kit as the earlier passes left it: the eleventh pass's "after", unseen10's "now", the single
    # scores of unseen11 to unseen14 (no rule written between them and this pass)
    eleventh = _results("results-draft-corpus-eleventh-pass.json")
    for part in eleventh["after"]:
        assert before[part] == eleventh["after"][part], part
    assert before["unseen10"] == _results("results-draft-corpus-unseen10-now.json")["unseen10"]
    for part in ("unseen11", "unseen12", "unseen13", "unseen14"):
        assert before[part] == _results(f"results-draft-corpus-{part}-scored-once.json")[part], part
    assert twelfth["test"]["before"] == eleventh["test"]["after"]
    # "after" is the kit without the figure pass; merged with it, the kit as it stands differs from "after" on exactly
    # the parts the figure pass moved (test_the_kit_as_it_stands_is_the_merged_passes)
    figures = _results("results-draft-corpus-figures.json")["parts"]
    for part in after:
        if part in figures and figures[part]["before"] == figures[part]["after"]:
            assert _merged(part) == after[part], part
    assert twelfth["test"]["after"] == _merged("test") == twelfth["test"]["before"]  # Cebu did not move
    parts = [p for p in before if p != "dev air strikes"]
    # unseen15 to unseen17 sealed then, unseen18 to unseen22 not yet annotated
    assert set(parts) == set(bench.PARTS) - {"test", *(f"unseen{n}" for n in range(15, 24))}
    # "No part lost a source, an attribution or a right citation"; no figure error more
    for part in parts:
        for k in ("sources_found", "attributions_found", "citations_right"):
            assert after[part][k] >= before[part][k], (part, k)
        assert after[part]["figure_errors"] <= before[part]["figure_errors"], part
    assert "No part lost a source, an attribution or a right citation." in flat
    moved = {p for p in parts if before[p] != after[p]}
    assert moved == {"unseen9", "unseen10", "unseen11", "unseen12", "unseen13", "unseen14"}
    written_on = {p for r in twelfth["rules"] for p in r["written_on"]}
    assert written_on == moved  # the parts not written on did not move
    assert "the parts they were not written on (`dev/`, `unseen/` to `unseen8/`) did not move, Cebu's totals" in flat

    def total(t: dict, k: str, among=parts) -> int:
        return sum(t[p][k] for p in among)

    b, a = ((total(t, "citations_right"), total(t, "citations")) for t in (before, after))
    assert a[0] > b[0] and a[1] - a[0] < b[1] - b[0] and a[0] / a[1] > b[0] / b[1]  # right up, wrong down
    assert (
        f"citations went from {b[0]} right of {b[1]} ({100 * b[0] / b[1]:.1f} %) to {a[0]} of {a[1]} "
        f"({100 * a[0] / a[1]:.1f} %): {a[0] - b[0]} right citations more and {(b[1] - b[0]) - (a[1] - a[0])} wrong "
        "ones fewer" in flat
    )
    more = [total(after, k) - total(before, k) for k in ("attributions_found", "sources_found")]
    errors = [total(t, "figure_errors") for t in (before, after)]
    assert (
        f"with {more[0]} attributions and {more[1]} sources more and {errors[0] - errors[1]} figure errors fewer "
        f"({errors[0]} to {errors[1]})" in flat
    )
    # the five parts of stop 31 together, before and after (rows and prose)
    five = ("unseen10", "unseen11", "unseen12", "unseen13", "unseen14")
    pooled = [{k: sum(t[p][k] for p in five) for k in t["unseen10"]} for t in (before, after)]
    together = "eleventh to fifteenth held-out parts together"
    assert _row(prose, together, "before the twelfth pass") == _as_row(pooled[0])
    assert _row(prose, together, "after the twelfth pass") == _as_row(pooled[1])

    def share(t: dict, f: str, of: str) -> str:
        return f"{t[f]}/{t[of]} ({100 * t[f] / t[of]:.1f} %)"

    pb, pa = pooled
    assert (
        f"The five parts of stop 31 together went from {share(pb, 'citations_right', 'citations')} to "
        f"{share(pa, 'citations_right', 'citations')} of drafted citations naming the right speaker and from "
        f"{share(pb, 'attributions_found', 'attributions')} to {share(pa, 'attributions_found', 'attributions')} of "
        "attributions" in flat
    )
    for part, nth in (
        ("unseen9", "tenth"),
        *zip(five, ("eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth"), strict=True),
    ):
        assert _row(prose, f"{nth} held-out part", "after the twelfth pass") == _as_row(after[part]), part
    # unseen14 meets the four goals after the pass, as development material (its single score does not)
    u14 = after["unseen14"]
    assert _goals_met(u14) == ["sources", "attributions", "speaker precision", "invented figures"]
    assert (
        f"`unseen14/`, at {share(u14, 'attributions_found', 'attributions')} of attributions and "
        f"{share(u14, 'citations_right', 'citations')} of citations naming the right speaker after the pass, meets "
        "the four goals as development material" in flat
    )
    # each rule's moves add up to the pass's
    for part in parts:
        for k in ("sources_found", "attributions_found", "citations_right", "citations", "figure_errors"):
            got = sum(r["parts"].get(part, {}).get(k, 0) for r in twelfth["rules"])
            assert got == after[part][k] - before[part][k], (part, k)
    named = " ".join(r["rule"] for r in twelfth["rules"])
    for rule in (
        "interrupted_subject",
        "participle_object",
        "unpunctuated_appositive",
        "blamed_on",
        "put_at",
        "what_was",
        "shared_subject",
        "other_field",
        "statement_before",
        "owner_statement",
        "age_range",
        "age_before_verb",
        "numbered_name",
    ):
        assert rule in named and f"``{rule}``" in flat, rule
    # what was tried and left out
    left = twelfth["not_adopted"]["what_was_any_free_relative"]["polnear"]
    kept = next(r for r in twelfth["rules"] if r["rule"] == "what_was")["polnear"]
    average = _results("results-polnear-eleventh-pass.json")
    average = average["right"] / average["citations"]
    assert left["right"] / left["citations"] < kept["right"] / kept["citations"] < average
    assert f"were right {left['right']} times in {left['citations']}" in flat
    assert (
        f"(after a preposition only, as kept: {kept['right']} in {kept['citations']}, still under the draft's" in flat
    )
    assert f"the draft's {100 * average:.1f} % there, kept for the {kept['found']} attributions it finds there" in flat
    here = next(r for r in twelfth["rules"] if r["rule"] == "what_was")["parts"]
    assert here == {"unseen10": {"sources_found": 1, "attributions_found": 2, "citations_right": 2, "citations": 2}}
    assert "and its 2 right citations here, with none wrong" in flat
    first = twelfth["not_adopted"]["first_version_of_interrupted_subject"]["parts"]["dev"]
    assert first["citations_right"] == first["attributions_found"] == first["sources_found"] == -1
    assert "which cost `dev/` a source, an attribution and a right citation" in flat


def test_polnear_guard_of_the_twelfth_pass():
    # "found and right at or above the eleventh pass's" (docs/draft.md, "Against PolNeAR")
    twelfth = _results("results-draft-corpus-twelfth-pass.json")
    p = twelfth["polnear"]
    eleventh, now = _results("results-polnear-eleventh-pass.json"), _results("results-polnear-twelfth-pass.json")
    assert p["before"] == eleventh and p["after"] == now  # its own run (results-polnear.json: the merged kit's)
    assert now["articles"] == eleventh["articles"] and now["attributions"] == eleventh["attributions"]
    assert now["found"] >= eleventh["found"] and now["right"] >= eleventh["right"]
    assert now["right"] / now["citations"] >= eleventh["right"] / eleventh["citations"]
    found, added, right = (now[k] - eleventh[k] for k in ("found", "citations", "right"))
    for k, total in (("found", found), ("citations", added), ("right", right)):
        assert sum(r["polnear"][k] for r in twelfth["rules"]) == total, k
    prose = " ".join(section("### Against PolNeAR").split())
    assert "found and right at or above the eleventh pass's" in prose
    assert f"finds {found} more attributions here and makes {added} more citations and {right} more right ones" in prose
    b, a = (100 * t["right"] / t["citations"] for t in (eleventh, now))
    assert f"speaker precision from {b:.2f} % to {a:.2f} %" in prose
    fell = [r for r in twelfth["rules"] if r["polnear"]["right"] < 0]
    assert len(fell) == 1 and "numbered_name" in fell[0]["rule"] and fell[0]["polnear"]["found"] == 0
    assert f"one rule alone took right citations away (the counts': {-fell[0]['polnear']['right']}, each" in prose
    coverage = " ".join(section("### On real coverage").split())
    assert f"{found} attributions more found there and {right} more right citations, {added} citations more" in coverage


def test_changelog_states_the_twelfth_pass():
    twelfth = _results("results-draft-corpus-twelfth-pass.json")
    before, after = twelfth["before"], twelfth["after"]
    parts = [p for p in before if p != "dev air strikes"]
    right, wrong, errors = (
        sum(after[p][k] - before[p][k] for p in parts) for k in ("citations_right", "citations", "figure_errors")
    )
    wrong = right - wrong
    p, e = _results("results-polnear-twelfth-pass.json"), _results("results-polnear-eleventh-pass.json")
    text = " ".join((ROOT / "CHANGELOG.md").read_text(encoding="utf-8").split())
    entry = text[text.index("twelfth pass (issue 21)") :][:1200]
    assert f"{right} right citations more, {wrong} wrong ones fewer, {-errors} figure errors fewer" in entry
    assert f"PolNeAR {p['found'] - e['found']} attributions more found" in entry
    assert f"{100 * e['right'] / e['citations']:.2f} % to {100 * p['right'] / p['citations']:.2f} %" in entry


#: the parts the figure pass moved, but ``dev`` (its row "development, now"), with their ordinal (unseenN is the
#: (N+1)th held-out part)
FIGURE_MOVED = {
    "unseen4": "fifth",
    "unseen7": "eighth",
    "unseen9": "tenth",
    "unseen10": "eleventh",
    "unseen11": "twelfth",
    "unseen12": "thirteenth",
    "unseen13": "fourteenth",
}


def test_the_kit_as_it_stands_is_the_merged_passes():
    # benchmarks/results-draft-corpus-figure-pass-merged.json: the kit with the twelfth pass and the figure pass merged,
    # each of which was measured on its own branch without the other; the kit as it stands on every part it holds (the
    # PolNeAR pass moved none: test_the_kit_as_it_stands_is_the_polnear_pass_merged compares it with the benchmark)
    merged = _results("results-draft-corpus-figure-pass-merged.json")
    polnear_merged = _results("results-draft-corpus-polnear-pass-merged.json")["parts"]  # the PolNeAR pass moved none
    for part in merged["parts"]:
        assert polnear_merged[part] == merged["parts"][part], part
    # unseen18 sealed then, unseen19 to unseen23 not yet annotated
    assert set(merged["parts"]) == set(bench.PARTS) - {f"unseen{n}" for n in range(18, 24)} | {"dev air strikes"}
    assert _results("results-polnear-figure-pass-merged.json") == merged["polnear"]  # PolNeAR's row of the merged kit
    twelfth = _results("results-draft-corpus-twelfth-pass.json")
    figures = _results("results-draft-corpus-figures.json")["parts"]
    for part in figures:  # both passes measured from the same kit before them
        assert figures[part]["before"] == (twelfth["test"]["before"] if part == "test" else twelfth["before"][part])
    figure_moved = {p for p, t in figures.items() if t["before"] != t["after"]}
    twelfth_moved = {p for p in twelfth["before"] if twelfth["before"][p] != twelfth["after"][p]}
    assert figure_moved == {"dev", *FIGURE_MOVED}
    parts = set(figures) - {"test"}
    # merged, the kit differs from the twelfth pass's "after" where the figure pass moved a part, and from the figure
    # pass's "after" where the twelfth pass did
    assert {p for p in parts if _merged(p) != twelfth["after"][p]} == figure_moved
    assert {p for p in parts if _merged(p) != figures[p]["after"]} == twelfth_moved
    assert _merged("test") == figures["test"]["after"] == twelfth["test"]["after"]


def test_the_kit_as_it_stands_is_the_polnear_pass_merged():
    # benchmarks/results-draft-corpus-polnear-pass-merged.json: the kit with the PolNeAR pass merged (894c15b), every
    # part of PARTS, unseen18 with it; the benchmark computes each again
    # (dev since moved by the second recall pass: its "before", test_the_kit_as_it_stands_is_the_second_recall_pass)
    now = _results("results-draft-corpus-polnear-pass-merged.json")
    assert now["kit_commit"] == "894c15b"
    before_r2 = _results("results-draft-corpus-recall-pass-2.json")["before"]
    assert now["parts"]["dev"] == before_r2["dev"]
    assert now["parts"]["dev air strikes"] == before_r2["dev air strikes"]
    subject = _results("results-draft-corpus-subject-phrases.json")  # the kit before that pass is this file's kit
    assert {p: now["parts"][p] for p in subject["before"]} == subject["before"]
    for part in now["parts"]:  # the kit with the subject-phrase pass merged (test_the_kit_as_it_stands_is_the_subject…)
        assert (_subject_merged(part) == now["parts"][part]) == (part not in subject["moved"]), part
    # unseen19 sealed then, unseen20 to unseen23 not yet annotated
    assert set(now["parts"]) == set(bench.PARTS) - {f"unseen{n}" for n in range(19, 24)} | {"dev air strikes"}
    # the pass moved no part it was checked on ("No corpus part moved."), and none of the others
    sp = _results("results-polnear-splits.json")["corpus"]
    merged = _results("results-draft-corpus-figure-pass-merged.json")["parts"]
    assert sp["moved"] == [] and sp["equal_to"] == "benchmarks/results-draft-corpus-figure-pass-merged.json"
    assert set(sp["parts"]) == set(merged) - {"test"}
    assert {p for p in merged if now["parts"][p] != merged[p]} == set()
    once = _results("results-draft-corpus-unseen18-scored-once.json")["unseen18"]
    assert {k: now["parts"]["unseen18"][k] for k in once} == once
    # PolNeAR's train and dev with the same kit: the row "after the PolNeAR pass" (benchmarks/results-polnear.json)
    polnear = _results("results-polnear.json")
    counts = ("articles", "attributions", "found", "citations", "right", "failed")
    assert {k: now["polnear"][k] for k in counts} == {k: polnear[k] for k in counts}


def test_the_kit_as_it_stands_is_the_subject_phrase_pass_merged():
    # benchmarks/results-draft-corpus-subject-phrases-merged.json: the kit with the subject-phrase pass merged (main at
    # de885a6), every part of PARTS, unseen19 with it; the benchmark computes each again
    now = _results("results-draft-corpus-subject-phrases-merged.json")
    assert now["kit_commit"] == "de885a6"
    # the kit before the recall pass and before the wrong-speaker pass: each pass's "before", every part (the kit as it
    # stands, both merged: test_the_kit_as_it_stands_is_the_passes_merged)
    assert {p: _recall(p, "before") for p in now["parts"]} == now["parts"]
    assert now["parts"] == _results("results-draft-corpus-wrong-speaker-pass.json")["before"]
    # unseen20 to unseen22 sealed then (test_docs_state_the_parts_sealed_while_both_passes_were_written), unseen23 not
    # yet annotated
    assert set(now["parts"]) == set(bench.PARTS) - set(BOTH_SEALED) - set(SECOND_SEALED) | {"dev air strikes"}
    # the pass's "after" on every part it scored; Cebu's as with the PolNeAR pass merged; unseen19 its score once
    after = _results("results-draft-corpus-subject-phrases.json")["after"]
    assert {p: now["parts"][p] for p in after} == after
    assert set(now["parts"]) - set(after) == {"test", "unseen19"}
    assert now["parts"]["test"] == _results("results-draft-corpus-polnear-pass-merged.json")["parts"]["test"]
    once = _results("results-draft-corpus-unseen19-scored-once.json")["unseen19"]
    assert {k: now["parts"]["unseen19"][k] for k in once} == once


def test_docs_state_the_figure_pass():
    # docs/draft.md, "The figure pass": the kinds of figure error before it, what it fixed, and the merged kit
    prose = section("### On real coverage")
    figures = _results("results-draft-corpus-figures.json")
    errors, parts = figures["errors_before"], figures["parts"]
    kinds: dict = {}
    for e in errors:
        kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
    assert kinds == figures["kinds_before"] and len(parts) == 16
    assert sum(t["before"]["figure_errors"] for t in parts.values()) == len(errors) == 19
    left = [e for e in errors if e["after"] != "gone"]
    assert figures["figure_errors_total"] == {"before": len(errors), "after": len(left)}
    assert sum(t["after"]["figure_errors"] for t in parts.values()) == len(left)
    text = re.search(r"\*\*The figure pass: .*?(?= The \*\*sixteenth held-out part\*\*)", prose).group(0)
    assert (
        f"Before it they held {len(errors)} figure errors: {kinds['wrong_clause']} a figure of the wrong clause" in text
    )
    assert f", {kinds['non_count']} a number that counts nothing" in text
    assert f", {kinds['outlet_own_sentence']} the outlet's own sentence read as an attribution" in text
    assert f", {kinds['bound_wrong']} a bound read wrong" in text
    assert f"and {kinds['annotation_slip']} an annotation slip (not edited)" in text
    assert f"fixed {len(errors) - len(left)} of them; {len(left)} are left, both in `dev/`" in text
    assert {e["part"] for e in left} == {"dev"} and len(left) == 2
    assert {e["kind"] for e in left} == {"annotation_slip", "wrong_clause"}
    for part, t in parts.items():  # "no part's sources, attributions or right speakers lower"
        for k in ("sources_found", "attributions_found", "citations_right"):
            assert t["after"][k] >= t["before"][k], (part, k)
    pol = figures["polnear"]
    assert all(pol["after"][k] == pol["before"][k] for k in pol["before"]) and "every article" in pol["per_article"]
    assert (
        f"Measured on its own branch, without the twelfth pass: {len(errors)} figure errors to {len(left)}, no part's"
        " sources, attributions or right speakers lower, PolNeAR's scores unchanged article by article." in text
    )
    # merged with the twelfth pass: the kit as it stands
    merged_errors = sum(_merged(p)["figure_errors"] for p in parts)
    merged_figures = sum(_merged(p)["figures"] for p in parts)
    assert merged_errors == _merged("dev")["figure_errors"] == 2
    assert (
        f"has {merged_errors} figure errors of {merged_figures} drafted figures over the sixteen parts, both in `dev/`"
        in text
    )
    d = _merged("dev")
    share = f"{d['citations_right']}/{d['citations']} ({100 * d['citations_right'] / d['citations']:.1f} %)"
    assert f"(`dev/` to {share} of right citations and {d['figure_errors']} figure errors of {d['figures']}" in text
    assert all(_merged(f"unseen{n}")["figure_errors"] == 0 for n in range(9, 15))
    assert "`unseen9/` to `unseen14/` have no figure error left" in text
    for part, nth in FIGURE_MOVED.items():
        assert _row(prose, f"{nth} held-out part", "after the figure pass") == _as_row(_merged(part)), part
    rows = re.findall(r"\| ([^|]*?), after the figure pass \|", prose)
    assert rows == [f"{nth} held-out part" for nth in FIGURE_MOVED.values()]


def test_polnear_with_both_passes_merged():
    # docs/draft.md, "Against PolNeAR": the figure pass alone moved nothing there; merged with the twelfth pass, one
    # citation more, right (the row "with the figure pass merged", benchmarks/results-polnear-figure-pass-merged.json)
    now, twelfth = _results("results-polnear-figure-pass-merged.json"), _results("results-polnear-twelfth-pass.json")
    assert now["articles"] == twelfth["articles"] and now["attributions"] == twelfth["attributions"]
    assert now["found"] == twelfth["found"]
    added, right = now["citations"] - twelfth["citations"], now["right"] - twelfth["right"]
    assert added == right == 1
    prose = " ".join(section("### Against PolNeAR").split())
    assert (
        f"the draft finds {now['found']} attributions here, as after the twelfth pass, and makes 1 citation more, "
        f"right: {now['right']} right of {now['citations']}." in prose
    )
    assert "The figure pass left every article's scores here as they were, measured without the twelfth pass" in prose


#: the pass (or passes) a sealed part was scored before and once after: the name of its "before" file, the kit it was
#: scored with before and once after, what each file's "what" says, the rows' label before, what the part's README
#: says the pass was written on
TWO_PASSES = (
    "eleventh-pass",
    "d5bee1a",
    "d8134ff",
    "before the twelfth pass",
    "after the twelfth pass and the figure pass",
    "the twelfth pass was written on the sentences of `unseen9/` to `unseen14/`",
)
POLNEAR_PASS = (
    "before-polnear-pass",
    "a3d1c58",
    "c03dc9c",
    "before the PolNeAR pass",
    "after the PolNeAR pass was merged",
    "the PolNeAR pass was written on PolNeAR's train split, its rules kept by its dev split and checked on `dev/` and"
    " `unseen/` to `unseen17/`, never on this part",
)
SUBJECT_PHRASE_PASS = (
    "before-subject-phrases",
    "894c15b",
    "5c0c3f7",
    "before the subject-phrase pass",
    "after the subject-phrase pass (and publisher_outlet) was merged",
    "the subject-phrase pass was written on the sentences of `dev/` and `unseen/` to `unseen18/`, never on this part",
)
_BOTH = (
    "before the wrong-speaker and recall passes",
    "with the wrong-speaker pass and the recall pass merged",
    "the wrong-speaker and recall passes were written on the sentences of `dev/` and `unseen/` to `unseen19/` (the"
    " wrong-speaker pass on Cebu's part too), never on this part",
)
#: unseen20 and unseen21, annotated while the wrong-speaker pass (then called the speaker-precision pass) and the
#: recall pass were written; unseen22 a little later, while both still were (its "before" file named for the recall
#: pass)
BOTH_PASSES = ("before-speaker-precision", "b58091d", "7662fd4", *_BOTH)
BOTH_PASSES_LATER = ("before-recall", "b58091d", "7662fd4", *_BOTH)
#: unseen23, annotated while the second recall pass was written, scored before it with both earlier passes merged
SECOND_RECALL_PASS = (
    "before-recall-2",
    "2c17e6e",
    "d4f5afc",
    "before the second recall pass",
    "with the second recall pass merged",
    "the second recall pass was written on the sentences of `dev/` and `unseen/` to `unseen22/`, never on this part",
)
#: the parts sealed while the two passes were written, in PARTS since their score once
BOTH_SEALED = ("unseen20", "unseen21", "unseen22")
#: the part sealed while the second recall pass was written, in PARTS since its score once
SECOND_SEALED = ("unseen23",)
#: what the two passes moved on a part sealed while they were written (its score once less its score before)
SEALED_MOVED = {"unseen21": {"sources_found": 1, "attributions_found": 1, "citations_right": 1}}

#: the parts sealed while a pass was written, their ordinal, the years its paragraph states and the pass: three while
#: the twelfth pass and the figure pass were written, one while the PolNeAR pass was, one while the subject-phrase
#: pass was, three while the wrong-speaker and recall passes were, one while the second recall pass was
SEALED = (
    ("unseen15", "sixteenth", ["2014", "2015", "2016"], TWO_PASSES),
    ("unseen16", "seventeenth", ["2023", "2023", "2025"], TWO_PASSES),
    ("unseen17", "eighteenth", ["2018", "2009", "2018"], TWO_PASSES),
    ("unseen18", "nineteenth", ["2017", "2022", "2018"], POLNEAR_PASS),
    ("unseen19", "twentieth", ["2023", "2023", "2023"], SUBJECT_PHRASE_PASS),
    ("unseen20", "twenty-first", ["2020", "2015", "2014"], BOTH_PASSES),
    ("unseen21", "twenty-second", ["2016", "2016", "2015"], BOTH_PASSES),
    ("unseen22", "twenty-third", ["2019", "2018", "2023"], BOTH_PASSES_LATER),
    ("unseen23", "twenty-fourth", ["2022", "2021", "2016"], SECOND_RECALL_PASS),
)


@pytest.mark.parametrize(("part", "nth", "years", "sealed_pass"), SEALED, ids=[p for p, *_ in SEALED])
def test_docs_state_the_sealed_parts_scored_once(part, nth, years, sealed_pass):
    # scored before the pass (or the two passes) and once after it was merged, equal but for unseen21 (SEALED_MOVED);
    # in PARTS since, as development material
    name, kit_before, kit_once, what_before, what_once, written_on = sealed_pass
    prose = section("### On real coverage")
    before = _results(f"results-draft-corpus-{part}-{name}.json")
    once = _results(f"results-draft-corpus-{part}-scored-once.json")
    assert before["kit_commit"] == kit_before and what_before in before["what"]
    assert once["kit_commit"] == kit_once and what_once in once["what"]
    moved = {k: once[part][k] - before[part][k] for k in once[part] if once[part][k] != before[part][k]}
    assert moved == SEALED_MOVED.get(part, {})  # the pass moved none of its totals (unseen21: three, by one)
    total = scored(part)["total"]
    subject = _results("results-draft-corpus-subject-phrases.json")  # the kit before the subject-phrase pass gave it
    if part in subject["before"]:
        assert {k: subject["before"][part][k] for k in once[part]} == once[part]
        assert (
            _recall(part, "before") == subject["after"][part] == _subject_merged(part)
        )  # after the subject-phrase pass
        assert total == _as_it_stands(part)  # the kit as it stands: the recall and wrong-speaker passes merged
    elif sealed_pass is SUBJECT_PHRASE_PASS:  # sealed while that pass was written: its "before" file is that kit's
        assert subject["kit_commit"].startswith(f"before {kit_before},")
        assert total == _as_it_stands(part) and _recall(part, "before") == _subject_merged(part)
    elif sealed_pass is SECOND_RECALL_PASS:  # sealed while it was written: scored with the kit it started from
        r2 = _results("results-draft-corpus-recall-pass-2.json")
        assert part in SECOND_SEALED and part not in r2["before"] and part not in r2["after"]
        assert total == _as_it_stands(part)
    else:  # sealed while the wrong-speaker and recall passes were written: scored with the kit both started from
        assert sealed_pass in (BOTH_PASSES, BOTH_PASSES_LATER) and part in BOTH_SEALED
        ws, recall = (_results(f"results-draft-corpus-{n}-pass.json") for n in ("wrong-speaker", "recall"))
        assert ws["kit_commit"].startswith(f"before {kit_before},") and part not in ws["before"]
        assert part not in recall["before"] and total == _as_it_stands(part)
    o = {**once[part], "articles": total["articles"]}
    assert total["articles"] == 10 and part in bench.PARTS
    assert _row(prose, f"{nth} held-out part", what_before) == _as_row({**before[part], "articles": 10})
    assert _row(prose, f"{nth} held-out part", "scored once") == _as_row(o)
    assert re.findall(rf"\| {nth} held-out part, ([^|]*?) \|", prose) == [what_before, "scored once"]
    text = re.search(
        rf"The \*\*{nth} held-out part\*\* \(`tests/draft_corpus/{part}/`.*?Scored, it is development material\.", prose
    ).group(0)
    for file in (name, "scored-once"):
        assert f"`benchmarks/results-draft-corpus-{part}-{file}.json`" in text
    rows = f'the rows "{nth} held-out part, {what_before}" and "scored once"'
    if moved:  # one more of each: sources, attributions, right citations
        assert set(moved.values()) == {1} and list(moved) == ["sources_found", "attributions_found", "citations_right"]
        assert f"{rows}, the second with one source, one attribution and one right citation more." in text
    else:
        assert f"{rows}, which are equal." in text
    assert f"Scored so: {_stated(o)}." in text
    _goals_stated(re.search(r"On it the goals of issue 21 are: (.*?)\.", text).group(1), o)
    new = {a["story"] for _, a in bench.articles(part)}
    others = {a["story"] for p in bench.PARTS if p != part for _, a in bench.articles(p)}
    assert len(new) == 3 and not new & others and "10 articles on three more stories" in text
    stated = re.findall(r"\b(?:19|20)\d\d\b", text.split("), ")[0])
    readme = (CORPUS / "README.md").read_text(encoding="utf-8").split("\n\n")
    own = " ".join(next(p for p in readme if p.startswith(f"`{part}/` is a")).split())
    assert stated == years and all(year in own for year in years)
    assert "it was added to `benchmarks/draft_corpus.py`'s parts after its score once" in own
    assert written_on in own
    assert "scored, it is development material" in own and "It is sealed" not in own


def _fresh_part(part: str, nth: str, before_file: str, what_before: str, goals: list) -> tuple[dict, str, str]:
    """A fresh part sealed while a pass was written: its two results files equal (or apart by :data:`SEALED_MOVED`),
    the docs' two rows, the goals it meets, and its paragraph; returns its score once, "### On real coverage" and the
    paragraph (whitespace made single)."""
    before = _results(f"results-draft-corpus-{part}-{before_file}.json")[part]
    once = _results(f"results-draft-corpus-{part}-scored-once.json")[part]
    assert {k: once[k] - before[k] for k in once if once[k] != before[k]} == SEALED_MOVED.get(part, {})
    prose = section("### On real coverage")
    o = {**once, "articles": 10}
    assert _row(prose, f"{nth} held-out part", what_before) == _as_row({**before, "articles": 10})
    assert _row(prose, f"{nth} held-out part", "scored once") == _as_row(o)
    assert _goals_met(o) == goals
    text = re.search(rf"The \*\*{nth} held-out part\*\*.*?Scored, it is development material\.", prose).group(0)
    return once, prose, " ".join(text.split())


def test_docs_state_the_nineteenth_held_out_part():
    # unseen18, sealed while the PolNeAR pass was written: its two results files equal, the docs' rows and paragraph
    # (test_docs_state_the_sealed_parts_scored_once), what the pass was checked on, and the kit as it stands
    once, prose, text = _fresh_part("unseen18", "nineteenth", "before-polnear-pass", "before the PolNeAR pass", [])
    assert bench.PARTS[-6] == "unseen18"
    assert "sources not met, attributions not met, speaker precision not met, invented figures not met" in text
    # checked on the parts scored before it, never on this one (benchmarks/results-polnear-splits.json, "corpus")
    checked = set(_results("results-polnear-splits.json")["corpus"]["parts"])
    assert checked == set(bench.PARTS) - {"test", *(f"unseen{n}" for n in range(18, 24))} | {"dev air strikes"}
    assert bench.PARTS[bench.PARTS.index("unseen") : -6] == tuple(f"unseen{n}" for n in ("", *range(2, 18)))
    assert (
        "kept by its dev split and checked on `dev/` and `unseen/` to `unseen17/`, never on this part, moved none of"
        " its totals, to the citation and the figure." in text
    )
    # the kit with the pass merged: the figure pass's merged totals on every part before, this part's score once
    merged = _results("results-draft-corpus-figure-pass-merged.json")["parts"]
    polnear_merged = _results("results-draft-corpus-polnear-pass-merged.json")["parts"]
    assert all(polnear_merged[p] == merged[p] for p in merged) and "unseen18" not in merged
    assert {k: polnear_merged["unseen18"][k] for k in once} == once
    assert (
        "With the pass merged, the kit gave every part the totals of"
        " `benchmarks/results-draft-corpus-polnear-pass-merged.json`: those of"
        " `benchmarks/results-draft-corpus-figure-pass-merged.json` on every part scored before this one, and on this"
        " one its score once. Scored, it is development material." in text
    )
    assert "The subject-phrase pass (below) was written on it since, with the other development parts." in " ".join(
        prose.split()
    )
    assert _subject_merged("unseen18") == _results("results-draft-corpus-subject-phrases.json")["after"]["unseen18"]


def test_docs_state_the_twentieth_held_out_part():
    # unseen19, sealed while the subject-phrase pass was written: its two results files equal, the docs' rows and
    # paragraph (test_docs_state_the_sealed_parts_scored_once), what the pass was written on, and the kit as it stands
    once, _, text = _fresh_part(
        "unseen19", "twentieth", "before-subject-phrases", "before the subject-phrase pass", ["attributions"]
    )
    assert bench.PARTS[-5] == "unseen19"
    assert "sources not met, attributions met, speaker precision not met, invented figures not met" in text
    # written on the development parts scored before it, never on this one (the pass's "before" and "after")
    subject = _results("results-draft-corpus-subject-phrases.json")
    assert (
        set(subject["before"])
        == set(subject["after"])
        == set(bench.PARTS) - {"test", *(f"unseen{n}" for n in range(19, 24))} | {"dev air strikes"}
    )
    assert bench.PARTS[bench.PARTS.index("unseen") : -5] == tuple(f"unseen{n}" for n in ("", *range(2, 19)))
    assert (
        "The subject-phrase pass's rules, written on `dev/` and `unseen/` to `unseen18/`, never on this part, moved"
        " none of its totals, to the citation and the figure." in text
    )
    # the kit with the pass merged (test_the_kit_as_it_stands_is_the_subject_phrase_pass_merged): the pass's "after" on
    # every part it scored, Cebu's with the PolNeAR pass merged, this part's score once
    now = _results("results-draft-corpus-subject-phrases-merged.json")["parts"]
    assert all(now[p] == subject["after"][p] for p in subject["after"]) and "unseen19" not in subject["after"]
    assert now["test"] == _results("results-draft-corpus-polnear-pass-merged.json")["parts"]["test"]
    assert {k: now["unseen19"][k] for k in once} == once
    assert (
        "With the pass merged, the kit gave every part the totals of"
        ' `benchmarks/results-draft-corpus-subject-phrases-merged.json`: those of the pass\'s "after"'
        " (`benchmarks/results-draft-corpus-subject-phrases.json`) on every part it scored, Cebu's those of"
        " `benchmarks/results-draft-corpus-polnear-pass-merged.json`, and on this one its score once. Scored, it is"
        " development material." in text
    )
    assert "The wrong-speaker pass (below) was written on it since, with the other development parts." in " ".join(
        section("### On real coverage").split()
    )


@pytest.mark.parametrize("part", BOTH_SEALED)
def test_docs_state_the_parts_sealed_while_both_passes_were_written(part):
    # unseen20 to unseen22, sealed while the wrong-speaker and recall passes were written: their two results files
    # (equal but for unseen21's one source, attribution and right citation more), the docs' rows and paragraph
    # (test_docs_state_the_sealed_parts_scored_once), what the passes were written on, and the kit as it stands
    _, nth, _, sealed_pass = next(s for s in SEALED if s[0] == part)
    once, _, text = _fresh_part(part, nth, sealed_pass[0], sealed_pass[3], [])
    assert bench.PARTS[-4:-1] == BOTH_SEALED
    assert "sources not met, attributions not met, speaker precision not met, invented figures not met" in text
    # written on the development parts scored before them, never on these: the passes' files hold every part of PARTS
    # then and none of these three (added to PARTS after their score once)
    ws, recall = (_results(f"results-draft-corpus-{n}-pass.json") for n in ("wrong-speaker", "recall"))
    then = set(bench.PARTS) - set(BOTH_SEALED) - set(SECOND_SEALED) | {"dev air strikes"}
    assert set(ws["before"]) == set(ws["after"]) == set(recall["before"]) == set(recall["after"]) == then
    assert bench.PARTS[bench.PARTS.index("unseen") : -4] == tuple(f"unseen{n}" for n in ("", *range(2, 20)))
    passes = "The two passes' rules, written on `dev/` and `unseen/` to `unseen19/` (the wrong-speaker pass on Cebu's"
    if part in SEALED_MOVED:
        assert (
            f"{passes} part too), never on this part, gave it one source, one attribution and one right citation more"
            " (as many citations, one wrong fewer) and moved nothing else." in text
        )
        b = _results(f"results-draft-corpus-{part}-{sealed_pass[0]}.json")[part]
        assert once["citations"] == b["citations"] and once["figures"] == b["figures"]
    else:
        assert (
            f"{passes} part too), never on this part, moved none of its totals, to the citation and the figure." in text
        )
    # the kit with both passes merged (test_the_kit_as_it_stands_is_the_passes_merged), before the second recall
    # pass: this part's score once (past: the kit as it stands is the second recall pass's)
    assert {k: _passes_merged(part)[k] for k in once} == once
    assert (
        "With both merged, the kit gave every part the totals of `benchmarks/results-draft-corpus-passes-merged.json`"
        ' ("Both passes merged", below), and on this one its score once. Scored, it is development material.' in text
    )


def test_docs_state_the_part_sealed_while_the_second_recall_pass_was_written():
    # unseen23: its two results files equal, the docs' rows and paragraph
    # (test_docs_state_the_sealed_parts_scored_once), what the pass was written on, and the kit as it stands
    (part,) = SECOND_SEALED
    _, nth, _, sealed_pass = next(s for s in SEALED if s[0] == part)
    once, _, text = _fresh_part(part, nth, sealed_pass[0], sealed_pass[3], [])
    assert bench.PARTS[-1] == part and part not in SEALED_MOVED
    assert "sources not met, attributions not met, speaker precision not met, invented figures not met" in text
    # written on the development parts scored before it, never on this one: the pass's file holds every part of PARTS
    # then (and Cebu's), not this one
    r2 = _results("results-draft-corpus-recall-pass-2.json")
    assert set(r2["before"]) == set(r2["after"]) == set(bench.PARTS[:-1]) | {"dev air strikes"}
    assert bench.PARTS[bench.PARTS.index("unseen") : -1] == tuple(f"unseen{n}" for n in ("", *range(2, 23)))
    assert (
        "The second recall pass's rules, written on `dev/` and `unseen/` to `unseen22/`, never on this part, moved none"
        " of its totals, to the citation and the figure." in text
    )
    # its score once computed again (test_the_kit_as_it_stands_is_the_second_recall_pass)
    assert {k: _as_it_stands(part)[k] for k in once} == once
    assert (
        "With it merged, the kit as it stands gives every part the totals of"
        ' `benchmarks/results-draft-corpus-recall-pass-2-merged.json` (the second recall pass\'s "after" and, for this'
        " part, its score once). Scored, it is development material." in text
    )
    changelog = " ".join((ROOT / "CHANGELOG.md").read_text(encoding="utf-8").split())
    assert (
        f"scored before and once after it, the same: {once['sources_found']}/{once['sources']} sources, "
        f"{once['attributions_found']}/{once['attributions']} attributions, {once['citations_right']}/"
        f"{once['citations']} right citations, {once['figure_errors']} figure errors of {once['figures']}; development"
        " material since." in changelog
    )


def test_docs_pool_the_three_sealed_parts():
    three = tuple(part for part, _, _, sealed_pass in SEALED if sealed_pass is TWO_PASSES)
    # unseen18 to unseen22 sealed while later passes were written
    assert bench.PARTS[-9:-6] == three and bench.PARTS[-6:] == tuple(f"unseen{n}" for n in range(18, 24))
    t: dict = {}
    for part in three:
        once = {**_results(f"results-draft-corpus-{part}-scored-once.json")[part], "articles": 10}
        t = {k: t.get(k, 0) + v for k, v in once.items()}
        assert once == {**_results(f"results-draft-corpus-{part}-eleventh-pass.json")[part], "articles": 10}
    prose = section("### On real coverage")
    together = "sixteenth, seventeenth and eighteenth held-out parts together"
    assert _row(prose, together, "scored once") == _as_row(t)
    assert (
        "Together, the three parts sealed while the two passes were written (`unseen15/` to `unseen17/`, the sixteenth"
        f" to eighteenth held-out parts), at their scores once: {_stated(t)}; on them together none of issue 21's four"
        " goals is met." in prose
    )
    assert _goals_met(t) == []
    assert (
        "The two passes' rules moved none of the three parts' totals: each part's score once is its score before them,"
        " to the citation and the figure." in prose
    )
    twelfth = _results("results-draft-corpus-twelfth-pass.json")
    written_on = {p for r in twelfth["rules"] for p in r["written_on"]}
    assert written_on == {f"unseen{n}" for n in range(9, 15)}
    assert "The twelfth pass was written on the sentences of `unseen9/` to `unseen14/`" in prose
    assert not set(three) & set(_results("results-draft-corpus-figures.json")["parts"])  # sealed then, not scored


def test_changelog_states_the_figure_pass():
    # the entry's numbers are the merged kit's (the twelfth pass and the figure pass)
    figures = _results("results-draft-corpus-figures.json")
    parts = figures["parts"]
    before = sum(t["before"]["figure_errors"] for t in parts.values())
    now = sum(_merged(p)["figure_errors"] for p in parts)
    for part, t in parts.items():
        for k in ("sources_found", "attributions_found", "citations_right"):
            assert _merged(part)[k] >= t["before"][k], (part, k)
    p = _results("results-polnear-figure-pass-merged.json")
    text = " ".join((ROOT / "CHANGELOG.md").read_text(encoding="utf-8").split())
    entry = text[text.index("gives a claim no figure it did not state (issue 21)") :][:1600]
    assert (
        f"Over the sixteen scored parts of real coverage, with the twelfth pass merged, {now} figure errors are left of"
        f" {before}, with no part's sources, attributions or right speakers lower" in entry
    )
    assert (
        f"PolNeAR's scores unchanged by it (with the twelfth pass: {p['found']} attributions found, {p['right']} right"
        f" of {p['citations']} citations)" in entry
    )


def test_docs_state_the_polnear_pass():
    # docs/draft.md, "Against PolNeAR", "The PolNeAR pass": each split before and after it, what its rules moved on dev
    # (the gate), the rules dropped, and train's misses before it (benchmarks/results-polnear-splits.json)
    sp = _results("results-polnear-splits.json")
    splits = sp["splits"]
    before, after = _results("results-polnear-figure-pass-merged.json"), _results("results-polnear.json")
    counts = ("articles", "attributions", "found", "citations", "right")
    assert all(
        splits["train+dev"]["before"][k] == before[k] and splits["train+dev"]["after"][k] == after[k] for k in counts
    )
    for when in ("before", "after"):  # the joined splits are the sum of the two
        assert all(splits["train"][when][k] + splits["dev"][when][k] == splits["train+dev"][when][k] for k in counts)
    prose = section("### Against PolNeAR")
    for name, key in (("train (read)", "train"), ("dev (the gate)", "dev"), ("train and dev", "train+dev")):
        b, a = splits[key]["before"], splits[key]["after"]

        def pct(x: int, y: int) -> str:
            return f"{100 * x / y:.1f} %"

        row = (
            f"| {name} | {a['articles']} | {a['attributions']} | {b['found']} ({pct(b['found'], b['attributions'])}) | "
            f"{a['found']} ({pct(a['found'], a['attributions'])}) | {b['citations']} | {a['citations']} | "
            f"{b['right']} ({pct(b['right'], b['citations'])}) | {a['right']} ({pct(a['right'], a['citations'])}) |"
        )
        assert row in prose, name
    dev_b, dev_a = splits["dev"]["before"], splits["dev"]["after"]
    # the gate: found did not fall and precision rose on dev, rule by rule and in all
    assert (
        dev_a["found"] >= dev_b["found"] and dev_a["right"] / dev_a["citations"] > dev_b["right"] / dev_b["citations"]
    )
    for r in sp["kept"]:
        d = r["delta"]["dev"]
        rose = d["found"] > 0 and (dev_b["right"] + d["right"]) * dev_b["citations"] >= dev_b["right"] * (
            dev_b["citations"] + d["citations"]
        )
        sharper = d["found"] >= 0 and d["right"] * dev_b["citations"] > dev_b["right"] * d["citations"]
        assert rose or sharper, r["rule"]
    for k in ("found", "citations", "right"):
        assert sum(r["delta"]["dev"][k] for r in sp["kept"]) == dev_a[k] - dev_b[k], k
        assert (
            sum(r["delta"]["train"][k] for r in sp["kept"])
            == splits["train"]["after"][k] - splits["train"]["before"][k]
        )
    notes = [r for r in sp["kept"] if r["kind"] == "note"]
    assert all(r["delta"]["dev"]["citations"] == r["delta"]["train"]["citations"] == 0 for r in notes)
    moved = [r for r in sp["kept"] if r["kind"] == "citation"]
    flat = " ".join(prose.split())
    found_n, right_n = (sum(r["delta"]["dev"][k] for r in notes) for k in ("found", "right"))
    assert (
        f"the two account for {found_n} of the {dev_a['found'] - dev_b['found']} attributions found more on dev and "
        f"{right_n} of its {dev_a['right'] - dev_b['right']} right citations more." in flat
    )
    f, c, r_ = (sum(r["delta"]["dev"][k] for r in moved) for k in ("found", "citations", "right"))
    assert (
        f"The three rules that change citations move dev by {f} attribution found, {c} citations and {r_} right" in flat
    )
    assert len(sp["kept"]) == 5 and "Five rules were kept" in flat and len(moved) == 3
    dropped = sp["dropped"]
    assert f"{len(dropped)} rules were tried and dropped" in flat
    sharper = next(r for r in dropped if r["rule"] == "attributive_figure")  # "2 wrong citations fewer on train"
    assert sharper["delta"]["train"]["citations"] < 0 == sharper["delta"]["train"]["right"]
    assert f"{-sharper['delta']['train']['citations']} wrong citations fewer on train" in flat
    unmoved = [r for r in dropped if r["delta"]["dev"] == {"found": 0, "citations": 0, "right": 0}]
    fewer = [r for r in dropped if r["delta"]["dev"]["found"] < 0]
    wrong = [r for r in dropped if r["delta"]["dev"]["citations"] > r["delta"]["dev"]["right"] >= 0]
    assert (len(unmoved), len(fewer), len(wrong)) == (7, 2, 3) and len(dropped) == 12
    assert all(r["delta"]["dev"]["found"] == -1 for r in fewer)
    assert "seven left dev's totals as they were" in flat and "two found one fewer there" in flat
    assert "and three added a citation on dev that was not right" in flat
    participle = next(r for r in dropped if r["rule"] == "participle_after_clause with he/she/they")
    assert f"opening the sentence too: {participle['delta']['train']['found']} more found on train" in flat
    study = sp["train_before_study"]
    assert study["missed"] == splits["train"]["before"]["attributions"] - splits["train"]["before"]["found"]
    assert study["wrong_citations"] == splits["train"]["before"]["citations"] - splits["train"]["before"]["right"]
    assert study["missed"] == study["missed_no_claim_in_sentence"] + study["missed_cited_to_another_source"]
    assert sum(study["wrong_by_kind"].values()) == study["wrong_citations"]
    kinds = study["wrong_by_kind"]
    assert (
        f"of train's {study['missed']} missed attributions {study['missed_no_claim_in_sentence']} had no claim in "
        f"their sentence, and {study['missed_no_claim_cue_not_read']} of these a cue" in flat
    )
    assert f"of its {study['wrong_citations']} wrong citations {kinds['quotation_owner_source_a_pronoun']} are" in flat
    other = kinds["other_named_source"] + kinds["resolved_other_named_source"]
    assert (
        f"{kinds['no_attribution_in_sentence']} lie in a sentence" in flat
        and f"and {other} name another source" in flat
    )
    assert sp["corpus"]["moved"] == [] and "No corpus part moved." in flat
    for part in sp["corpus"]["parts"]:  # the corpus parts scored for the gate: the merged kit's totals, unmoved
        assert part != "test" and part in _results("results-draft-corpus-figure-pass-merged.json")["parts"]


def test_changelog_states_the_polnear_pass():
    sp = _results("results-polnear-splits.json")
    b, a = sp["splits"]["dev"]["before"], sp["splits"]["dev"]["after"]
    text = " ".join((ROOT / "CHANGELOG.md").read_text(encoding="utf-8").split())
    entry = text[text.index("reads more of political copy's attributions, measured on PolNeAR's dev split") :][:1200]
    assert (
        f"PolNeAR dev: {a['found']} of {a['attributions']} attributions found ({b['found']} before), speaker precision "
        f"{100 * a['right'] / a['citations']:.1f} % ({100 * b['right'] / b['citations']:.1f} %); no part of the corpus "
        "of real coverage moved." in entry
    )
    assert sp["corpus"]["moved"] == []


def test_docs_state_the_subject_phrase_pass():
    # docs/draft.md, "Against PolNeAR", "The subject-phrase pass": the parts it moved and PolNeAR before and after
    # (benchmarks/results-draft-corpus-subject-phrases.json)
    sp = _results("results-draft-corpus-subject-phrases.json")
    b, a = sp["before"], sp["after"]
    flat = " ".join(section("### Against PolNeAR").split())
    keys = ("sources_found", "attributions_found", "citations_right")
    for part in set(b) - {"dev air strikes"}:  # the gate: nothing fell, no figure error added
        assert all(a[part][k] >= b[part][k] for k in keys) and a[part]["figure_errors"] <= b[part]["figure_errors"]
    assert sp["moved"] == ["unseen5", "unseen8", "unseen12", "unseen15", "unseen16", "unseen18"]
    gains = [[a[p][k] - b[p][k] for k in keys] for p in sp["moved"]]
    assert gains == [[0, 2, 1], [1, 1, 1], [1, 1, 1], [3, 4, 4], [1, 3, 2], [4, 8, 7]]
    g = [", ".join(map(str, x[:2])) + f" and {x[2]}" for x in gains]
    assert (
        f"`unseen5/` {gains[0][0]} sources, {gains[0][1]} attributions and {gains[0][2]} right citation more, "
        f"`unseen8/` {g[1]}, `unseen12/` {g[2]}, `unseen15/` {g[3]}, `unseen16/` {g[4]}, `unseen18/` {g[5]}; no "
        "other part moved." in flat
    )
    pb, pa = sp["polnear"]["before"], sp["polnear"]["after"]
    assert pb == _results("results-polnear.json") and pa["found"] >= pb["found"] and pa["right"] >= pb["right"]
    assert (
        f"{pa['found']} attributions found ({pb['found']} before) and {pa['right']} right of {pa['citations']} "
        f"citations ({pb['right']} of {pb['citations']})" in flat
    )
    assert len([c for c in sp["cases"] if not c["kept"]]) == 2 and "Two cuts of the kind are left" in flat
    dev = sp["polnear"]["splits_after"]["dev"], sp["polnear"]["splits_before"]["dev"]
    assert (
        f"({dev[0]['found']} found, {dev[0]['right']} right of {dev[0]['citations']}; {dev[1]['found']} and "
        f"{dev[1]['right']} of {dev[1]['citations']} before)" in flat
    )
    text = " ".join((ROOT / "CHANGELOG.md").read_text(encoding="utf-8").split())
    total = [sum(a[p][k] - b[p][k] for p in sp["moved"]) for k in keys]
    assert (
        f"{total[0]} sources, {total[1]} attributions and {total[2]} right citations more on the development parts"
        in text
    )
    assert f"PolNeAR train+dev {pa['found']} found, {pa['right']} right ({pb['found']}, {pb['right']} before)" in text


def test_the_kit_as_it_stands_is_the_wrong_speaker_pass():
    # benchmarks/results-draft-corpus-wrong-speaker-pass.json: "before" the kit at b58091d (the subject-phrase pass
    # merged: test_the_kit_as_it_stands_is_the_subject_phrase_pass_merged), "after" the pass on its branch, without the
    # recall pass, every part; the kit as it stands, both merged: test_the_kit_as_it_stands_is_the_passes_merged
    ws = _results("results-draft-corpus-wrong-speaker-pass.json")
    # every part of PARTS then; unseen20 to unseen22 were sealed while the pass was written, added to PARTS since, and
    # unseen23 was not yet annotated
    then = set(bench.PARTS) - set(BOTH_SEALED) - set(SECOND_SEALED) | {"dev air strikes"}
    assert set(ws["after"]) == set(ws["before"]) == then
    assert ws["before"] == _results("results-draft-corpus-subject-phrases-merged.json")["parts"]
    assert ws["moved"] == [p for p in ws["before"] if ws["before"][p] != ws["after"][p]]
    # the gate: no part lost a source, an attribution or a right citation or gained a figure error
    keys = ("sources_found", "attributions_found", "citations_right")
    for part, b in ws["before"].items():
        a = ws["after"][part]
        assert all(a[k] >= b[k] for k in keys) and a["figure_errors"] <= b["figure_errors"], part
    # the totals over the development parts (without "dev air strikes", counted in "dev")
    for when in ("before", "after"):
        parts = {p: t for p, t in ws[when].items() if p != "dev air strikes"}
        assert ws["totals"][when] == {k: sum(t[k] for t in parts.values()) for k in ws["totals"][when]}
    # each wrong citation before, with its kind; those left are the wrong citations after, none added
    errors, after = ws["errors"], ws["wrong_after"]
    assert (
        len(errors)
        == ws["wrong_citations"]["before"]
        == ws["totals"]["before"]["citations"] - ws["totals"]["before"]["citations_right"]
    )
    assert (
        len(after)
        == ws["wrong_citations"]["after"]
        == ws["totals"]["after"]["citations"] - ws["totals"]["after"]["citations_right"]
    )
    assert sum(e["after"] == "left" for e in errors) == len(after)
    kinds: dict = {}
    for e in errors:
        kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
    assert kinds == ws["kinds_before"] and "other" not in kinds
    left: dict = {}
    for e in after:
        left[e["kind"]] = left.get(e["kind"], 0) + 1
    assert left == ws["kinds_after"]
    assert sum(len(w) for w in [after]) == ws["wrong_citations"]["after"] < ws["wrong_citations"]["before"]


def test_docs_state_the_wrong_speaker_pass():
    # docs/draft.md, "Against PolNeAR", "The wrong-speaker pass": the kinds, the totals before and after over the
    # development parts, PolNeAR dev and train (benchmarks/results-draft-corpus-wrong-speaker-pass.json,
    # benchmarks/results-polnear-wrong-speaker-pass.json)
    ws = _results("results-draft-corpus-wrong-speaker-pass.json")
    flat = " ".join(section("### Against PolNeAR").split())
    text = flat[flat.index("**The wrong-speaker pass.**") :]
    b, a, kb, ka = ws["totals"]["before"], ws["totals"]["after"], ws["kinds_before"], ws["kinds_after"]
    w = ws["wrong_citations"]
    assert (
        f"{w['before']} before the pass, of {b['citations']} citations. By kind: {kb['clause_noun_as_speaker']} a noun"
        in text
    )
    for kind, words in (
        ("pronoun_or_description_misresolved", "a pronoun, a description or a quotation's owner"),
        ("document_or_medium_cut", "a document, an image or a report named by a piece"),
        ("described_person_named_elsewhere", "a person described where"),
        ("name_form", "the right entity under a form"),
        ("quotation_not_annotated", "quotations the annotator left"),
        ("no_statement_annotated", "verbs the annotator did not take"),
        ("outlet_for_its_reporter_or_source", "an outlet cited where"),
    ):
        assert f"{kb[kind]} {words}" in text, kind
    assert len(ws["kept"]) == 15 and "Fifteen rules fix" in text and all(f"``{r}``" in text for r in ws["kept"])
    pct = lambda t: f"{100 * t['citations_right'] / t['citations']:.1f} %"  # noqa: E731
    assert (
        f"sources {b['sources_found']} -> {a['sources_found']} of {a['sources']}, attributions "
        f"{b['attributions_found']} -> {a['attributions_found']} of {a['attributions']}, right citations "
        f"{b['citations_right']} of {b['citations']} ({pct(b)}) -> {a['citations_right']} of {a['citations']} "
        f"({pct(a)}), "
        f"wrong citations {w['before']} -> {w['after']}, figure errors {b['figure_errors']} of {b['figures']} -> "
        f"{a['figure_errors']} of {a['figures']}; {len(ws['moved'])} parts moved, none fell, and no wrong citation was "
        "added" in text
    )
    assert (
        f"The clause-noun kind fell from {kb['clause_noun_as_speaker']} to {ka['clause_noun_as_speaker']}, "
        f"the document kind from {kb['document_or_medium_cut']} to {ka['document_or_medium_cut']}." in text
    )
    pol = _results("results-polnear-wrong-speaker-pass.json")
    assert ws["polnear"] == {
        when: {s: {k: pol[when][s][k] for k in ws["polnear"][when][s]} for s in pol[when]}
        for when in ("before", "after")
    }
    pb, pa = pol["before"], pol["after"]
    assert pb["dev"]["found"] <= pa["dev"]["found"] and pb["dev"]["right"] <= pa["dev"]["right"]  # the gate
    speech = _results("results-polnear-speech-pass.json")["polnear"]  # the kit before: the speech pass's "after"
    counts = ("found", "citations", "right", "speech_found")
    assert all({k: pb[x][k] for k in counts} == {k: speech[x]["after"][k] for k in counts} for x in ("dev", "train"))
    assert (
        f"PolNeAR dev: {pb['dev']['found']} found and {pb['dev']['right']} right of {pb['dev']['citations']} citations "
        f"before, {pa['dev']['found']} and {pa['dev']['right']} of {pa['dev']['citations']} after; train: "
        f"{pb['train']['found']} and {pb['train']['right']} of {pb['train']['citations']} before, "
        f"{pa['train']['found']} and {pa['train']['right']} of {pa['train']['citations']} after" in text
    )
    assert len(ws["dropped"]) == 3 and "Three rules were tried and dropped" in text
    assert (
        f"(wrong citations {w['after']} -> 97: as often two people)" in text
        and "79 -> 97" in ws["dropped"]["named_later"]
    )
    changelog = " ".join((ROOT / "CHANGELOG.md").read_text(encoding="utf-8").split())
    assert (
        f"development parts {w['before']} wrong citations -> {w['after']}, right {b['citations_right']} -> "
        f"{a['citations_right']}, attributions {b['attributions_found']} -> {a['attributions_found']}, figure errors "
        f"{b['figure_errors']} -> {a['figure_errors']}; PolNeAR dev unchanged" in changelog
    )
    assert pa["dev"]["found"] == pb["dev"]["found"] and pa["dev"]["right"] == pb["dev"]["right"]


def test_the_kit_as_it_stands_is_the_passes_merged():
    # benchmarks/results-draft-corpus-passes-merged.json: the kit with the recall pass and the wrong-speaker pass merged
    # (main at 7662fd4), every part of PARTS but unseen23 (sealed while the second recall pass was written): the second
    # recall pass's "before" (the kit as it stands, that pass merged:
    # test_the_kit_as_it_stands_is_the_second_recall_pass)
    now = _results("results-draft-corpus-passes-merged.json")
    assert now["kit_commit"] == "7662fd4"
    assert set(now["parts"]) == set(bench.PARTS) - set(SECOND_SEALED) | {"dev air strikes"}
    assert now["parts"] == _results("results-draft-corpus-recall-pass-2.json")["before"]
    # both passes' "before" is the kit at b58091d; a part one pass moved and the other did not has that pass's "after"
    before = _results("results-draft-corpus-subject-phrases-merged.json")["parts"]
    recall, ws = (
        _results("results-draft-corpus-recall-pass.json"),
        _results("results-draft-corpus-wrong-speaker-pass.json"),
    )
    assert recall["before"] == ws["before"] == before
    # unseen20 to unseen22, sealed while the passes were written, in PARTS since: their score once
    assert set(now["parts"]) - set(before) == set(BOTH_SEALED)
    for part in BOTH_SEALED:
        once = _results(f"results-draft-corpus-{part}-scored-once.json")[part]
        assert {k: now["parts"][part][k] for k in once} == once
    assert now["moved"] == [p for p in before if now["parts"][p] != before[p]]
    assert set(now["moved"]) <= set(recall["moved"]) | set(ws["moved"])
    for part in before:
        if part not in ws["moved"]:
            assert now["parts"][part] == recall["after"][part], part
        if part not in recall["moved"]:
            assert now["parts"][part] == ws["after"][part], part
    # on the parts both moved, the gains add up but on three, where both passes found the same source and attribution
    both = [p for p in before if p in recall["moved"] and p in ws["moved"]]
    less = {}
    for part in both:
        added = {k: recall["after"][part][k] + ws["after"][part][k] - before[part][k] for k in before[part]}
        if added != now["parts"][part]:
            less[part] = {k: added[k] - now["parts"][part][k] for k in added if added[k] != now["parts"][part][k]}
    assert less == {p: {"sources_found": 1, "attributions_found": 1, "citations_right": 1} for p in less}
    assert list(less) == ["unseen9", "unseen12", "unseen19"]
    flat = " ".join(section("### Against PolNeAR").split())
    assert (
        f"of the {len(both)} parts both moved, {len(both) - len(less)} gained what the two passes' gains add up to, "
        "and `unseen9/`, `unseen12/` and `unseen19/` one source, one attribution and one right citation fewer" in flat
    )
    # the footage both passes found (one rule since: kit.draft.misreads.place_not_author calls footage_phrase)
    assert "the same rule, written by each pass, kept in one place since, `kit.draft.footage.footage_phrase`" in flat
    # the gate of both passes: no part lost a source, an attribution or a right citation or gained a figure error
    keys = ("sources_found", "attributions_found", "citations_right")
    for part, b in before.items():
        a = now["parts"][part]
        assert all(a[k] >= b[k] for k in keys) and a["figure_errors"] <= b["figure_errors"], part
    # the totals over the parts both passes measured: Cebu's with the others (as the wrong-speaker pass counts them) and
    # without (as the recall pass)
    parts = [p for p in before if p != "dev air strikes"]
    assert now["totals"] == {k: sum(now["parts"][p][k] for p in parts) for k in ws["totals"]["after"]}
    dev = [p for p in parts if p != "test"]
    assert now["development_totals"] == {k: sum(now["parts"][p][k] for p in dev) for k in now["totals"]}
    # docs/draft.md states them, and PolNeAR's train and dev with the same kit, in the past: the kit as it stands is
    # the second recall pass's (test_the_kit_as_it_stands_is_the_second_recall_pass)
    text = flat[flat.index("**Both passes merged.**") :]
    assert "`benchmarks/results-draft-corpus-passes-merged.json`), the kit gave, over the development parts" in text
    coverage = " ".join(section("### On real coverage").split())
    assert (
        'with the wrong-speaker pass merged too, the kit gave those of "Both passes merged" (below).' in coverage
        and "the kit gives every part the totals of `benchmarks/results-draft-corpus-passes-merged.json`"
        not in coverage
    )
    # the earlier kits as they then stood: the eleventh pass's (unseen13's and unseen14's single scores) and the twelfth
    # and figure passes merged
    assert coverage.count("was scored once, with the kit as it then stood (the eleventh pass and") == 2
    assert (
        "the kit as it then stood, both passes merged (`benchmarks/results-draft-corpus-figure-pass-merged.json`)"
        in (coverage)
    )
    assert "the kit as it stands (the eleventh pass" not in coverage
    t, d, pol = now["totals"], now["development_totals"], now["polnear"]
    pct = lambda x, y: f"{100 * x / y:.1f} %"  # noqa: E731
    assert (
        f"sources {t['sources_found']} of {t['sources']} ({pct(t['sources_found'], t['sources'])}), attributions "
        f"{t['attributions_found']} of {t['attributions']} ({pct(t['attributions_found'], t['attributions'])}), right "
        f"citations {t['citations_right']} of {t['citations']} ({pct(t['citations_right'], t['citations'])}), wrong "
        f"citations {t['citations'] - t['citations_right']}, figure errors {t['figure_errors']} of {t['figures']}; "
        f"without Cebu's, as the recall pass counts them: sources {d['sources_found']} of {d['sources']}, attributions "
        f"{d['attributions_found']} of {d['attributions']}, right citations {d['citations_right']} of "
        f"{d['citations']} (wrong {d['citations'] - d['citations_right']}), figure errors {d['figure_errors']} of "
        f"{d['figures']}. {len(now['moved'])} parts differ from before both passes, none fell." in text
    )
    assert (
        f"PolNeAR dev: {pol['dev']['found']} found and {pol['dev']['right']} right of {pol['dev']['citations']} "
        f"citations; train: {pol['train']['found']} and {pol['train']['right']} of {pol['train']['citations']}" in text
    )
    assert all(pol[s]["articles"] == ws["polnear"]["after"][s]["articles"] for s in ("train", "dev"))
    changelog = " ".join((ROOT / "CHANGELOG.md").read_text(encoding="utf-8").split())
    assert (
        "With the recall pass merged too, the kit as it then stood (before the second recall pass): on the development"
        f" parts (Cebu's with them) "
        f"{t['citations'] - t['citations_right']} wrong citations of {t['citations']}, right {t['citations_right']}, "
        f"sources {t['sources_found']} of {t['sources']}, attributions {t['attributions_found']} of "
        f"{t['attributions']}, figure errors {t['figure_errors']} of {t['figures']}; PolNeAR dev {pol['dev']['found']} "
        f"found, {pol['dev']['right']} right of {pol['dev']['citations']}" in changelog
    )


def test_the_kit_as_it_stands_is_the_second_recall_pass():
    # benchmarks/results-draft-corpus-recall-pass-2.json: "before" the kit with both passes merged
    # (test_the_kit_as_it_stands_is_the_passes_merged), "after" the kit as it stands, every part of PARTS but unseen23
    # (sealed while the pass was written); benchmarks/results-draft-corpus-recall-pass-2-merged.json, the kit as it
    # stands: that "after" and unseen23 at its score once, every part of PARTS; the benchmark computes each again
    r2 = _results("results-draft-corpus-recall-pass-2.json")
    assert set(r2["after"]) == set(r2["before"]) == set(bench.PARTS) - set(SECOND_SEALED) | {"dev air strikes"}
    merged = _results("results-draft-corpus-recall-pass-2-merged.json")
    assert merged["kit_commit"] == "d4f5afc" and set(merged["parts"]) == set(bench.PARTS) | {"dev air strikes"}
    assert {p: merged["parts"][p] for p in r2["after"]} == r2["after"]
    for part in SECOND_SEALED:
        once = _results(f"results-draft-corpus-{part}-scored-once.json")[part]
        assert {k: merged["parts"][part][k] for k in once} == once
    assert r2["before"] == _results("results-draft-corpus-passes-merged.json")["parts"]
    result = scored("dev")
    assert _as_it_stands("dev") == result["total"]
    air = bench.totals([r for r in result["articles"] if bench.is_air_strike(r["article"])])
    assert _as_it_stands("dev air strikes") == air
    for part in bench.PARTS:
        assert scored(part)["total"] == _as_it_stands(part), part
    assert r2["moved"] == [p for p in r2["before"] if r2["before"][p] != r2["after"][p]]
    # the gate, part by part: no part lost a source, an attribution or a right citation or gained a figure error
    keys = ("sources_found", "attributions_found", "citations_right")
    for part, b in r2["before"].items():
        a = r2["after"][part]
        assert all(a[k] >= b[k] for k in keys) and a["figure_errors"] <= b["figure_errors"], part
    # the totals over every development part (Cebu's aside, then with it), and after each rule: the gate on the totals
    parts = [p for p in r2["before"] if p != "dev air strikes"]
    dev = [p for p in parts if p != "test"]
    for when in ("before", "after"):
        assert r2["development_totals"][when] == {k: sum(r2[when][p][k] for p in dev) for k in r2["totals"][when]}
        assert r2["totals"][when] == {k: sum(r2[when][p][k] for p in parts) for k in r2["totals"][when]}
    pol = _results("results-polnear-recall-pass-2.json")
    merged = _results("results-draft-corpus-passes-merged.json")["polnear"]["dev"]
    assert {k: pol["before"]["dev"][k] for k in ("found", "citations", "right")} == {
        k: merged[k] for k in ("found", "citations", "right")
    }
    previous, dev_before = r2["development_totals"]["before"], pol["before"]["dev"]
    rules = [s["rule"] for s in r2["steps"]]
    assert rules == ["stance_verbs", "apposed_subject", "quoted_passive", "its_passive", "glued_sentence"]
    for step in r2["steps"]:
        now = step["development_totals"]
        assert now["sources_found"] > previous["sources_found"] or (
            now["attributions_found"] > previous["attributions_found"]
        ), step["rule"]
        assert now["citations_right"] >= previous["citations_right"], step["rule"]
        wrong = now["citations"] - now["citations_right"]
        assert wrong <= previous["citations"] - previous["citations_right"], step["rule"]
        assert now["figure_errors"] <= previous["figure_errors"], step["rule"]
        assert step["polnear_dev"]["found"] >= dev_before["found"], step["rule"]
        assert step["polnear_dev"]["precision"] >= dev_before["precision"], step["rule"]
        previous, dev_before = now, step["polnear_dev"]
    assert previous == r2["development_totals"]["after"]
    assert {k: pol["after"]["dev"][k] for k in ("found", "citations", "right", "precision")} == dev_before
    # docs/draft.md and the CHANGELOG state them
    b, a = r2["development_totals"]["before"], r2["development_totals"]["after"]
    pb, pa = pol["before"], pol["after"]
    text = " ".join(section("### On real coverage").split())
    text = text[text.index("**The second recall pass.**") :]
    assert (
        f"sources {b['sources_found']} → {a['sources_found']} of {a['sources']}, attributions "
        f"{b['attributions_found']} → {a['attributions_found']} of {a['attributions']}, right citations "
        f"{b['citations_right']} of {b['citations']} → {a['citations_right']} of {a['citations']} (wrong "
        f"{b['citations'] - b['citations_right']} → {a['citations'] - a['citations_right']}), figure errors "
        f"{b['figure_errors']} → {a['figure_errors']} (of {b['figures']} → {a['figures']}); {len(r2['moved'])} parts "
        "moved" in text
    )
    assert ", ".join(f"`{p}/`" for p in r2["moved"][:5]) in text and "none fell" in text
    assert (
        f"PolNeAR dev: {pb['dev']['found']} → {pa['dev']['found']} found, {pb['dev']['right']} → {pa['dev']['right']} "
        f"right of {pb['dev']['citations']} → {pa['dev']['citations']} citations; train: {pb['train']['found']} → "
        f"{pa['train']['found']} found, {pb['train']['right']} → {pa['train']['right']} right of "
        f"{pb['train']['citations']} → {pa['train']['citations']}." in text
    )
    assert all(f"`{r}`" in text for r in rules)
    missed = sum(p["attributions"] - p["attributions_found"] for k, p in r2["before"].items() if k in dev)
    assert f"{missed} missed attributions with the kit as it stood" in text
    changelog = " ".join((ROOT / "CHANGELOG.md").read_text(encoding="utf-8").split())
    assert (
        f"sources {b['sources_found']} -> {a['sources_found']}, attributions {b['attributions_found']} -> "
        f"{a['attributions_found']}, wrong citations {b['citations'] - b['citations_right']} -> "
        f"{a['citations'] - a['citations_right']}, figure errors {b['figure_errors']} -> {a['figure_errors']}; PolNeAR "
        f"dev {pa['dev']['found']} found, {pa['dev']['right']} right ({pb['dev']['found']}, {pb['dev']['right']} "
        "before)" in changelog
    )
