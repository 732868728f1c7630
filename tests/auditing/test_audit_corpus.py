"""kit.audit on real coverage (tests/audit_corpus/): every sentence a claim, the reuse annotated by hand before the
audit was run on the texts. Two parts: the *development* part (the stories the audit's rules were tuned on) and
the *held-out* part (stories annotated and committed before any audit was run on them, and scored once the rules
were fixed). The numbers docs/audit.md states for each part are computed here."""

from __future__ import annotations

import csv
import dataclasses
import functools
import importlib.util
import json
import pathlib
import re
import statistics

import pandas as pd
import pytest

import kit
import kit.auditing.edited
import kit.auditing.framing
import kit.auditing.quotes
import kit.auditing.reprints
from kit.auditing import audit
from kit.auditing.marks import MARK
from kit.draft.numbers import NUMBER_WORDS

HERE = pathlib.Path(__file__).resolve().parents[1]
CORPUS = HERE / "audit_corpus"
DOC = HERE.parent / "docs" / "audit.md"
#: the stories the rules were tuned on, and those they were measured on afterwards
PARTS = {
    "dev": (
        "beirut-blast-2020",
        "ecuador-quake-2016",
        "ethiopian-crash-2019",
        "italy-quake-2016",
        "notre-dame-fire-2019",
    ),
    "held-out": ("genoa-bridge-2018", "mexico-quake-2017", "nepal-quake-2015", "sulawesi-tsunami-2018"),
    # a second held-out part, annotated and committed while this stop's rules were written elsewhere, and scored
    # after they were merged (the kit of the stop before scored it too: benchmarks/results-audit-corpus-second-
    # held-out-before.json)
    "held-out-2": ("hurricane-michael-2018", "lagos-school-collapse-2019"),
    # a third, annotated while the second round of this stop's rules was written, and scored once after it was merged
    "held-out-3": ("guatemala-volcano-2018", "manchester-arena-2017"),
    # a fourth, annotated at the start of stop 28 while its first round of rules was written elsewhere, scored with
    # stop 27's kit (benchmarks/results-audit-corpus-fourth-held-out-before.json) and once after that round was
    # merged (-fourth-held-out-scored-once.json); development material since
    "held-out-4": ("christchurch-mosques-2019", "sri-lanka-easter-2019"),
    # a fifth, annotated at the start of stop 28, sealed while the third and fourth rounds of rules were written,
    # scored with stop 27's kit (benchmarks/results-audit-corpus-fifth-held-out-before.json) and once after both
    # rounds were merged (-fifth-held-out-scored-once.json)
    "held-out-5": ("kanjuruhan-stadium-2022", "odisha-train-crash-2023"),
    # a sixth, annotated while the fifth round of rules was written, sealed, scored with the fourth round's kit
    # (benchmarks/results-audit-corpus-sixth-held-out-before.json) and once after the fifth was merged
    # (-sixth-held-out-scored-once.json)
    "held-out-6": ("delhi-factory-fire-2019", "sydney-siege-2014"),
    # a seventh, annotated at the start of stop 29 while its rules were written elsewhere, sealed, scored with stop
    # 28's kit (benchmarks/results-audit-corpus-seventh-held-out-before.json) and once after that stop's round was
    # merged (-seventh-held-out-scored-once.json)
    "held-out-7": ("lake-victoria-ferry-2018", "soma-mine-2014"),
    # an eighth, annotated while stop 29's second round was written, sealed, scored with its first round's kit
    # (benchmarks/results-audit-corpus-eighth-held-out-before.json) and once after the second was merged
    # (-eighth-held-out-scored-once.json)
    "held-out-8": ("derna-floods-2023", "mina-hajj-stampede-2015"),
    # a ninth, annotated while a learned stage was tried (and not adopted: benchmarks/results-audit-corpus-learned-
    # lopo.json), sealed, scored once with the kit as it stood (benchmarks/results-audit-corpus-ninth-held-out-
    # before.json): no rule was merged after it was annotated, so that score is its single one
    "held-out-9": ("cutro-shipwreck-2023", "wayanad-landslides-2024"),
    # a tenth, annotated at the start of stop 30 while that stop's round was written elsewhere, sealed, scored with
    # stop 29's kit (benchmarks/results-audit-corpus-tenth-held-out-before.json) and once after the round was merged
    # (-tenth-held-out-scored-once.json)
    "held-out-10": ("mati-wildfire-2018", "santa-maria-nightclub-fire-2013"),
    # an eleventh, annotated while stop 30's eleventh round was written elsewhere, sealed, scored with the tenth
    # round's kit (benchmarks/results-audit-corpus-eleventh-held-out-before.json) and once after the eleventh was
    # merged (-eleventh-held-out-scored-once.json)
    "held-out-11": ("bihar-school-meal-poisoning-2013", "rana-plaza-collapse-2013"),
    # a twelfth, annotated while the twelfth round was written elsewhere, sealed, scored with stop 30's kit
    # (benchmarks/results-audit-corpus-twelfth-held-out-before.json) and once after the twelfth round was merged
    # (-twelfth-held-out-scored-once.json); development material since (kit.auditing.framing's bare designation,
    # "…,” the official added", was written on it after that score)
    "held-out-12": ("visakhapatnam-gas-leak-2020", "whakaari-white-island-eruption-2019"),
    # a thirteenth, annotated while the twelfth round was written elsewhere, sealed, scored with stop 30's kit
    # (benchmarks/results-audit-corpus-thirteenth-held-out-before.json) and once after the twelfth round was merged
    # (-thirteenth-held-out-scored-once.json)
    "held-out-13": ("pokhara-plane-crash-2023", "rigopiano-avalanche-2017"),
    # a fourteenth, annotated while the twelfth round was written elsewhere, sealed, scored with stop 30's kit
    # (benchmarks/results-audit-corpus-fourteenth-held-out-before.json) and once after the twelfth round was merged
    # (-fourteenth-held-out-scored-once.json)
    "held-out-14": ("amasra-mine-2022", "santiago-train-crash-2013"),
    # a fifteenth, annotated while the twelfth to fourteenth parts were moved into PARTS, sealed, scored once with the
    # kit as it stands at the end of the stop (benchmarks/results-audit-corpus-fifteenth-held-out-scored-once.json):
    # no rule was written after it was annotated, so that score is its single one (there is no "before" file)
    "held-out-15": ("bangladesh-ferry-fire-2021", "cyclone-idai-2019"),
    # a sixteenth, annotated blind at the end of stop 31, sealed, scored once with the kit as it stands
    # (benchmarks/results-audit-corpus-sixteenth-held-out-scored-once.json): no rule was written after it was
    # annotated, so that score is its single one (there is no "before" file)
    "held-out-16": ("brumadinho-dam-collapse-2019", "itaewon-crowd-crush-2022"),
    # a seventeenth, annotated while the thirteenth round was written elsewhere, sealed, scored with the kit before
    # it (d5bee1a: benchmarks/results-audit-corpus-seventeenth-held-out-before.json, totals only) and once after it
    # was merged (-seventeenth-held-out-scored-once.json); the two scores are the same
    "held-out-17": ("amtrak-derailment-philadelphia-2015", "sierre-bus-crash-2012"),
    # an eighteenth, annotated while the thirteenth round was written elsewhere, sealed, scored with the kit before
    # it (d5bee1a: benchmarks/results-audit-corpus-eighteenth-held-out-before.json, totals only) and once after it was
    # merged (-eighteenth-held-out-scored-once.json); the two scores are the same
    "held-out-18": ("baghdad-hospital-fire-2021", "morbi-bridge-collapse-2022"),
    # a nineteenth, annotated a little later while the thirteenth round was written elsewhere, sealed, scored with
    # the kit before it (d5bee1a: benchmarks/results-audit-corpus-nineteenth-held-out-before.json, totals only) and
    # once after it was merged (-nineteenth-held-out-scored-once.json); the two scores are the same
    "held-out-19": ("madeira-bus-crash-2019", "xiangshui-chemical-plant-explosion-2019"),
}
#: stories annotated and committed but not yet scored by any kit of the rules written after them: kept out of
#: every score until they are
#: (the seventeenth to nineteenth held-out parts, annotated blind while the thirteenth round was written, were scored
#: with the kit before it and once after it was merged, and all three are in PARTS): none now
SEALED: tuple = ()
#: the held-out part in two: the stories whose failure kinds had been seen (scored before this round of rules; the
#: kinds described in docs/audit.md) and the one annotated after the rules were written, never seen
SECTIONS = {
    **PARTS,
    "held-out-seen": ("mexico-quake-2017", "nepal-quake-2015", "sulawesi-tsunami-2018"),
    "held-out-unseen": ("genoa-bridge-2018",),
}
STORIES = sorted(p for p in CORPUS.iterdir() if (p / "articles").is_dir())
KINDS = {"copied_prose", "shared_quote", "stock_phrase", "rewritten"}
#: what a part's score holds that the kit as it stands must give again (score's keys but the ratios and the rows)
SCORED = (
    "copies",
    "found",
    "listed",
    "right",
    "shared_quotes",
    "shared_quotes_as_copying",
    "stock_phrases_as_copying",
    "unannotated_as_copying",
    "missed",
)
#: the totals of a score (SCORED but the claims missed): what a results file of totals only holds
TOTALS = tuple(k for k in SCORED if k != "missed")
#: the seventeen parts the thirteenth round was written with (the seventeenth to nineteenth held-out parts, sealed
#: while it was written, are scored in their own tests)
THIRTEENTH = tuple(p for p in PARTS if p not in {"held-out-17", "held-out-18", "held-out-19"})
#: the three held-out parts annotated while the thirteenth round was written: part and key of each results file
STOP_32 = {
    "seventeenth": ("held-out-17", "amtrak-derailment-philadelphia-2015+sierre-bus-crash-2012"),
    "eighteenth": ("held-out-18", "baghdad-hospital-fire-2021+morbi-bridge-collapse-2022"),
    "nineteenth": ("held-out-19", "madeira-bus-crash-2019+xiangshui-chemical-plant-explosion-2019"),
}
#: the three held-out parts annotated while the twelfth round was written: part and key of each results file
FRESH = {
    "twelfth": ("held-out-12", "visakhapatnam+whakaari"),
    "thirteenth": ("held-out-13", "pokhara+rigopiano"),
    "fourteenth": ("held-out-14", "amasra+santiago"),
}


def _meets_the_goals(s: dict) -> bool:
    """Issue 22's goals on real coverage: recall and precision on copied prose at least 0.9, and no shared quotation
    listed as copying."""
    return s["recall"] >= 0.9 and s["precision"] >= 0.9 and s["shared_quotes_as_copying"] == 0


def _stated(t: dict) -> str:
    """How docs/audit.md states a part's score: "recall 0.59 (22 of 37), precision 0.91 (20 of 22), 1 of 28 shared
    quotations listed as copying"."""
    return (
        f"recall {t['recall']:.2f} ({t['found']} of {t['copies']}), precision {t['precision']:.2f} "
        f"({t['right']} of {t['listed']}), {t['shared_quotes_as_copying']} of {t['shared_quotes']} shared "
        "quotations listed as copying"
    )


def _build():
    spec = importlib.util.spec_from_file_location("audit_corpus_build", CORPUS / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_part(names) -> tuple:
    """The stories ``names`` as one case (so that what recurs across stories is learned as such) and their reuse."""
    cases = [kit.load_case(str(CORPUS / n)) for n in names]
    tables = {t: pd.concat([getattr(c, t) for c in cases], ignore_index=True) for t in ("sources", "reports", "claims")}
    tables["sources"] = tables["sources"].drop_duplicates("source_id", ignore_index=True)  # an outlet in two stories
    tables["citations"] = pd.concat([c.citations for c in cases], ignore_index=True)
    case = dataclasses.replace(cases[0], **tables, meta=dict(cases[0].meta), warnings=[])
    reuse = pd.concat([pd.read_csv(CORPUS / n / "reuse.csv", dtype=str, keep_default_na=False) for n in names])
    return case, reuse.reset_index(drop=True)


@pytest.fixture(scope="module")
def corpus():
    """The development part."""
    return load_part(PARTS["dev"])


@pytest.fixture(scope="module")
def held_out():
    """The held-out part."""
    return load_part(PARTS["held-out"])


@functools.cache
def _alone(story: str) -> dict:
    """The score of one story on its own (read only; several tests ask for the same story)."""
    return score(*load_part((story,)))


@pytest.fixture(scope="module")
def scores(corpus, held_out):
    out = {"dev": score(*corpus), "held-out": score(*held_out)}
    out.update({k: score(*load_part(v)) for k, v in SECTIONS.items() if k not in out})
    return out


def copy_groups(reuse) -> tuple:
    """``same(a, b)``: whether claims ``a`` and ``b`` are of one group joined by ``copied_prose`` rows (a copy of a
    copy may be listed against any earlier member); and the kind annotated for each pair (a frozenset of its ids)."""
    parent: dict = {}

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    copied = reuse[reuse["kind"] == "copied_prose"]
    for a, b in zip(copied["claim_id"], copied["other"], strict=True):
        parent[find(a)] = find(b)
    kind = {frozenset(p): k for *p, k in zip(reuse["claim_id"], reuse["other"], reuse["kind"], strict=True)}
    return (lambda a, b: bool(a in parent or b in parent) and find(a) == find(b)), kind


def score(case, reuse) -> dict:
    """Copied prose found, and shared quotations (and other annotated reuse) suggested as copying.

    Claims joined by ``copied_prose`` rows form one group (a copy of a copy may be listed against any earlier
    member). Recall: the share of claims annotated as copying another claim (``claim_id`` of a ``copied_prose``
    row) that a ``shared_text`` row pairs with a member of their group. Precision: the share of ``shared_text``
    rows whose two claims are of one group.
    """
    return score_rows(case, reuse, audit(case))


def score_rows(case, reuse, rows) -> dict:
    """:func:`score` of a listing ``rows`` (``claim_id``, ``cites``, ``signal``) made by the audit or by anyone else:
    ``benchmarks/agreement.py`` scores a second annotator's ``copied_prose`` pairs against the first's by it."""
    shared = rows[rows["signal"] == "shared_text"]
    same, kind = copy_groups(reuse)
    copied = reuse[reuse["kind"] == "copied_prose"]
    good = [same(a, b) for a, b in zip(shared["claim_id"], shared["cites"], strict=False)]
    partners: dict = {}
    for a, b, ok in zip(shared["claim_id"], shared["cites"], good, strict=True):
        if ok:
            partners.setdefault(a, set()).add(b)
            partners.setdefault(b, set()).add(a)
    later = set(copied["claim_id"])
    found = {c for c in later if partners.get(c)}
    wrong = [
        kind.get(frozenset((a, b)), "none")
        for (a, b), ok in zip(zip(shared["claim_id"], shared["cites"], strict=False), good, strict=False)
        if not ok
    ]
    return {
        "claims": len(case.claims),
        "articles": len(case.reports),
        "copies": len(later),
        "found": len(found),
        "recall": len(found) / len(later),
        "listed": len(shared),
        "right": sum(good),
        "precision": sum(good) / len(shared) if len(shared) else 1.0,
        "shared_quotes_as_copying": wrong.count("shared_quote"),
        "shared_quotes": int((reuse["kind"] == "shared_quote").sum()),
        "stock_phrases_as_copying": wrong.count("stock_phrase"),
        "unannotated_as_copying": wrong.count("none"),
        "missed": sorted(later - found),
        "rows": rows,
    }


def test_the_tables_are_what_build_py_makes_of_the_articles():
    build = _build()
    for story in STORIES:
        for name, text in build.tables(story).items():
            assert (story / name).read_text(encoding="utf-8") == text, f"{story.name}/{name}: run build.py"


def test_every_story_is_in_one_part():
    assert sorted(sum(PARTS.values(), SEALED)) == [p.name for p in STORIES]


def _in_words(n: int) -> str:
    word = {v: w for w, v in NUMBER_WORDS.items()}  # the kit's one table of number words
    return word.get(n) or f"{word[n // 10 * 10]}-{word[n % 10]}"


def test_the_readme_counts_the_stories():
    head = re.sub(r"\s+", " ", (CORPUS / "README.md").read_text(encoding="utf-8")[:700])
    stories = f"{_in_words(len(STORIES))} stories"
    assert head.startswith(f"# Real coverage for the audit: {stories}, every sentence a claim"), head[:80]
    assert f"articles on {stories}, every sentence" in head
    assert f"{_in_words(len(PARTS))} in `PARTS`" in head
    # with no story sealed, every part is in PARTS and the README says so
    parts = _in_words(len(PARTS))
    said = (
        f"in {parts} parts, all {parts} in `PARTS`" in head and "none is sealed (the test's `SEALED` is empty)" in head
    )
    assert said == (not SEALED)


def test_every_story_sealed_or_not_loads_as_a_case():
    # a sealed story is scored by no test, but its tables must pass kit check before it is: a source kind outside the
    # case format's ('blog', 'website') was caught only when the sixteenth part was first scored
    for story in STORIES:
        case = kit.load_case(str(story))
        assert len(case.claims) and len(case.reports), story.name


@pytest.mark.parametrize("part", list(PARTS))
def test_every_sentence_is_a_claim_and_the_cases_check(part):
    build = _build()
    case, _ = load_part(PARTS[part])
    for story in PARTS[part]:
        for path in (CORPUS / story / "articles").glob("*.txt"):
            meta, body = build.read_article(path)
            assert meta["url"].startswith("http") and meta["notes"], path
            got = case.claims[case.claims["report_id"] == path.stem]["text"].tolist()
            assert got == build.sentences(body) and len(got) > 0
    assert build.sentences("“We saw it. It fell,” he said. By 11 p.m. Paris time, the U.S. Army left.") == [
        "“We saw it. It fell,” he said.",
        "By 11 p.m. Paris time, the U.S. Army left.",
    ]


@pytest.mark.parametrize("part", list(PARTS))
def test_the_reuse_is_annotated_between_claims_of_different_outlets(part):
    case, reuse = load_part(PARTS[part])
    publisher = dict(zip(case.reports["report_id"], case.reports["source_id"], strict=True))
    report = dict(zip(case.claims["claim_id"], case.claims["report_id"], strict=True))
    assert set(reuse["kind"]) == KINDS  # each part has every kind of reuse
    for a, b in zip(reuse["claim_id"], reuse["other"], strict=True):
        assert a in report and b in report, (a, b)
        assert publisher[report[a]] != publisher[report[b]], (a, b)
    assert (reuse["speaker"] != "").equals(reuse["kind"] == "shared_quote")
    assert not reuse.duplicated(["claim_id", "other"]).any()


def test_development_part_copied_prose_found_and_no_shared_quotation_called_copying(scores):
    s = scores["dev"]
    # issue 22's goal is 0.9: 60 of 65 since rare runs between outlets that copy each other are candidates and
    # such outlets' edited copies of one sentence are one context (docs/audit.md says which are missed)
    assert s["recall"] >= 0.9, s["missed"]
    assert s["precision"] >= 0.93
    assert s["shared_quotes_as_copying"] == 0
    listed = set(zip(s["rows"]["claim_id"], s["rows"]["cites"], strict=True))
    # set descriptions of the Lion Air crash that several outlets write in sentences of their own are not listed
    # (kit.auditing.stock), while the AP's sentence reprinted by several outlets is
    assert not {("straitstimes-6", "nationalpost-6"), ("geekzone-4", "straitstimes-6")} & listed
    assert {("tvnewslies-3", "cbsnews-3"), ("byolife-4", "cbsnews-3"), ("tvnewslies-6", "nationalpost-6")} <= listed
    # the evidence says which passage is copied prose and which is quoted
    ev = s["rows"].set_index(["claim_id", "cites"])["evidence"]
    assert all(e.startswith("copied prose: ") for e in s["rows"].loc[s["rows"]["signal"] == "shared_text", "evidence"])
    # the speaker's name and verb are his attribution, the description before them the reporters' copied prose
    assert ev[("theweek-4", "egyptindependent-6")].startswith("copied prose: Paris fire brigade chief … well as")
    assert "; both quote: " in ev[("theweek-4", "egyptindependent-6")]
    # a quotation copied with four words of its framing (AsiaOne and Al Arabiya on Macron)
    assert ev[("alarabiya-7", "asiaone-8")].startswith("copied prose: adding that the cathedral inferno had shown;")


def test_held_out_part_copied_prose_found_as_measured(scores):
    # measured once, after the rules were fixed (docs/audit.md)
    s = scores["held-out"]
    assert s["recall"] >= 0.85, s["missed"]
    rows = s["rows"][s["rows"]["signal"] == "shared_text"]
    # the evidence says copied prose, or that the same quoted words are given to two different names
    assert all(
        e.startswith(("copied prose: ", "the same quoted words, given to different people: ")) for e in rows["evidence"]
    )
    # the shared quotations of the stories seen before are no longer listed: the attribution "Prime Minister Sushil
    # Koirala told Reuters" is Koirala's, the opening mark glued to "regions." is an opening mark, and "Nugroho said" /
    # "said Sutopo" are one man, Sutopo Purwo Nugroho, as the story names him
    listed = set(zip(rows["claim_id"], rows["cites"], strict=True))
    assert (
        not {("asiaone-2", "stabroeknews-2"), ("endtimeheadlines-5", "stabroeknews-6"), ("iranpress-4", "marvels-6")}
        & listed
    )
    assert scores["held-out-seen"]["shared_quotes_as_copying"] == 0
    # a title and a name before "said" are attribution: a copy whose shared words are mostly that is lost (Xinhua's
    # "Vice President Jusuf Kalla said the toll could rise into the thousands", annotated as copied from AP)
    assert "xinhua-3" in s["missed"]


def test_held_out_part_no_shared_quotation_called_copying(scores):
    # issue 22's goal, met on the held-out part: 0 of its shared quotations (on the story never seen too)
    assert scores["held-out"]["shared_quotes_as_copying"] == 0
    assert scores["held-out-unseen"]["shared_quotes_as_copying"] == 0


def test_held_out_part_precision_goal(scores):
    assert scores["held-out"]["precision"] >= 0.9


def test_held_out_part_recall_goal(scores):
    # issue 22's goal, met on the held-out part once it was development material too (93 of 101; 94 with the third
    # round's short reprints, kit.auditing.reprints)
    assert scores["held-out"]["recall"] >= 0.9


def test_held_out_story_never_seen_meets_the_goals(scores):
    # issue 22's goals on the story never seen (Genoa): recall 0.81 when it was scored, 0.88 since the tenth round,
    # 0.94 since the twelfth (Tasnim's copy of Reuters' sentence on Toninelli's tweet, "said in a tweet that he was",
    # between two reports that copy each other: kit.auditing.framing); development material since it was scored
    s = scores["held-out-unseen"]
    assert s["recall"] >= 0.9 and s["precision"] >= 0.9


def test_second_held_out_part_as_scored(scores):
    # scored after this stop's rules were merged: no shared quotation called copying, precision 1.00
    s = scores["held-out-2"]
    assert s["shared_quotes_as_copying"] == 0 and s["precision"] >= 0.9
    before = json.loads((HERE.parent / "benchmarks" / "results-audit-corpus-second-held-out-before.json").read_text())
    was = before["lagos+michael"]  # the stop before's kit on the same texts
    assert (was["found"], was["copies"], was["right"], was["listed"]) == (37, 41, 36, 37)
    # the set-description rule cost the Daily Mail's copy of Reuters' second sentence; the Daily Mail and Reuters'
    # outlets copy each other in other sentences, so the three versions are one context again
    assert "dailymail-2" not in s["missed"]
    assert set(s["missed"]) <= set(was["missed"])
    # Al Jazeera's and Uromi Voice's edits of Reuters' sentence share "spokes... for the National Emergency Management
    # Agency's southwest region" with it: the post described in lower case is the reporters' prose (the third round)
    assert not {"aljazeera-4", "uromivoice-6"} & set(s["missed"])


def test_second_held_out_part_recall_goal(scores):
    # issue 22's goal, met once this part was development material (37 of 41; 39 with the third round)
    assert scores["held-out-2"]["recall"] >= 0.9


def test_third_held_out_part_as_scored(scores):
    # scored once, after both rounds of this stop's rules were merged: no shared quotation of its 51 called copying
    s = scores["held-out-3"]
    assert s["shared_quotes"] == 51 and s["shared_quotes_as_copying"] == 0
    assert s["precision"] >= 0.9
    before = json.loads((HERE.parent / "benchmarks" / "results-audit-corpus-third-held-out-before.json").read_text())
    was = before["fuego+manchester"]  # the first round's kit on the same texts: the second round changed nothing
    assert (was["found"], was["copies"], was["right"], was["listed"]) == (25, 38, 25, 27)
    # as scored once, the third round's rules not merged (benchmarks/results-audit-corpus-third-round-before.json)
    third = json.loads((HERE.parent / "benchmarks" / "results-audit-corpus-third-round-before.json").read_text())
    assert (third["held-out-3"]["found"], third["held-out-3"]["listed"]) == (25, 27)
    assert set(s["missed"]) < set(was["missed"])


def test_a_quotation_copied_with_the_reporters_description_of_the_speaker(scores):
    # Reuters' sentences that are a quotation and its attribution, copied whole or with the framing moved: the post
    # in the reporter's words ("the general secretary of Guatemala's CONRED national disaster management agency",
    # "spokesman for the volunteer firefighter corps") is the reporter's prose (kit.auditing.marks.attribution_flags),
    # while a title and a name are the speaker's ("Prime Minister Sushil Koirala told Reuters": Nepal's shared
    # quotations stay so)
    s = scores["held-out-3"]
    assert not {"mydailyinformer-9", "mydailyinformer-10", "trendaz-3", "ibtimesin-5", "ibtimesin-6"} & set(s["missed"])
    ev = s["rows"].set_index(["claim_id", "cites"])["evidence"]
    assert ev[("mydailyinformer-9", "reutersgt-4")].startswith("copied prose: general secretary of Guatemala’s CONRED")
    assert scores["held-out"]["shared_quotes_as_copying"] == 0
    # Trend's second such sentence gives the figures in words ("seven confirmed dead, four adults and three kids"),
    # Reuters in digits: too few quoted words left in common to count on their own, but they are copied with the post
    # in Reuters' words ("spokesman for the volunteer firefighter corps": kit.auditing.quotes.framed_quotes; the
    # speaker's name is his), before the tenth round a run kept whole (kit.auditing.reworded)
    assert "trendaz-4" not in s["missed"]
    assert ev[("trendaz-4", "reutersgt-5")] == (
        "copied prose: spokesman for the volunteer firefighter corps; both quote: confirmed dead … kids, who were "
        "already taken to the morgue"
    )


@pytest.mark.xfail(
    strict=True,
    reason="issue 22: on the third held-out part recall 30/38 = 0.79 (Fuego 20/28); 31/38 since stop 29's round, 32/38 "
    "since the seventh",
)
def test_third_held_out_part_recall_goal(scores):
    assert scores["held-out-3"]["recall"] >= 0.9


@pytest.mark.parametrize(
    "nth, key",
    [
        ("fourth", "christchurch+sri"),
        ("fifth", "kanjuruhan+odisha"),
        ("sixth", "delhi+sydney"),
        ("seventh", "lake+soma"),
        ("eighth", "derna+mina"),
    ],
)
def test_held_out_part_as_scored_once(nth, key):
    # scored with stop 27's kit, then once with stop 28's rules written without it; docs/audit.md states both
    before, once = (
        json.loads((HERE.parent / "benchmarks" / f"results-audit-corpus-{nth}-held-out-{n}.json").read_text())
        for n in ("before", "scored-once")
    )
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    for r in (before, once):
        s = r[key]
        said = _stated(s)
        assert said in prose, said


def test_fourth_round_no_part_worse_and_no_shared_quotation_called_copying(scores):
    # the fourth round (a description two outlets share and nothing else, kit.auditing.lone; a sentence cut short,
    # kit.auditing.reprints.cut_reprints), written with every scored part as development material: against the kit
    # before it (benchmarks/results-audit-corpus-fourth-round-before.json) no part finds fewer copies or lists
    # more wrong pairs, and no part lists a shared quotation as copying
    before = json.loads((HERE.parent / "benchmarks" / "results-audit-corpus-fourth-round-before.json").read_text())
    # every part but the fifth and sixth, sealed (or not yet annotated) while the round was written
    assert set(PARTS) - set(before) == {
        "held-out-5",
        "held-out-6",
        "held-out-7",
        "held-out-8",
        "held-out-9",
        "held-out-10",
        "held-out-11",
        "held-out-12",
        "held-out-13",
        "held-out-14",
        "held-out-15",
        "held-out-16",
        "held-out-17",
        "held-out-18",
        "held-out-19",
    }
    for part in set(before) & set(PARTS):
        s, was = scores[part], before[part]
        assert s["found"] >= was["found"] and s["listed"] - s["right"] <= was["listed"] - was["right"], part
        assert s["shared_quotes_as_copying"] == 0, part
    assert (before["held-out-4"]["found"], before["held-out-4"]["listed"]) == (25, 31)
    s = scores["held-out-4"]
    listed = set(zip(s["rows"]["claim_id"], s["rows"]["cites"], strict=True))
    # the police commissioner's words, reported by EFE and News.az each in its own sentence (a shared quotation),
    # and "explosions targeting churches and hotels in Sri Lanka" in Alwaght's and The Guardian's
    assert not {("efe-7", "newsaz-4"), ("alwaght-1", "guardianlk-3")} & listed
    # Reuters' sentences in its reprints, cut short, or with "At least" put before and the figure updated
    assert not {"didpress-7", "thetechusa-5"} & set(s["missed"])


def test_fifth_held_out_part_recall_goal(scores):
    # issue 22's recall goal on the fifth held-out part: 38/52 = 0.73 when it was scored (Odisha 20/32), unchanged by
    # the fifth round written with it as a validation part; 42/52 since stop 29's round, written on its misses; 46/52
    # since the eleventh; 48/52 since the twelfth (Nahar's words with Reuters' "said Nahar, a ministry official" in
    # two copies: kit.auditing.framing), all written with it as development material
    assert scores["held-out-5"]["recall"] >= 0.9


@pytest.mark.xfail(
    strict=True,
    reason="issue 22: on the sixth held-out part, sealed while the fifth round was written, recall 14/22 = 0.64 and "
    "precision 14/18 = 0.78 (15/22 and 15/19 since stop 29's round; 16/22 and 16/21 since the tenth; 16/22 "
    "and 16/19 since the eleventh; 17/22 and 17/20 since the twelfth)",
)
def test_sixth_held_out_part_goals(scores):
    s = scores["held-out-6"]
    assert s["recall"] >= 0.9 and s["precision"] >= 0.9


def test_sixth_held_out_part_no_shared_quotation_called_copying(scores):
    assert scores["held-out-6"]["shared_quotes_as_copying"] == 0


@pytest.mark.xfail(
    strict=True,
    reason="issue 22: on the seventh held-out part, sealed while stop 29's round was written, recall 52/73 = 0.71; "
    "55/73 = 0.75 since the seventh round, 58/73 = 0.79 since the tenth, 59/73 = 0.81 since the twelfth",
)
def test_seventh_held_out_part_recall_goal(scores):
    assert scores["held-out-7"]["recall"] >= 0.9


def test_eighth_held_out_part_recall_goal(scores):
    # sealed while stop 29's second round was written, recall 30/40 = 0.75 at its single score (31/40 since the tenth
    # round, 34/40 since the eleventh, 35/40 since the twelfth); 36/40 = 0.90 since the fourteenth, written with it as
    # development material: not a score on coverage never seen
    assert scores["held-out-8"]["recall"] >= 0.9 and _fourteenth_round()["before"]["held-out-8"]["recall"] < 0.9


def test_eighth_held_out_part_precision_and_shared_quotations(scores):
    # issue 22's goals met on this part, never seen: precision 29/30 and no shared quotation (of 40) listed as copying
    s = scores["held-out-8"]
    assert s["precision"] >= 0.9
    assert s["shared_quotes_as_copying"] == 0 and s["shared_quotes"] == 40


def test_seventh_held_out_part_precision_and_shared_quotations(scores):
    # issue 22's goals met on this part, never seen: precision 51/53 (53/55 since the seventh round, 55/57 since the
    # tenth) and no shared
    # quotation (of 44) listed as copying
    s = scores["held-out-7"]
    assert s["precision"] >= 0.9
    assert s["shared_quotes_as_copying"] == 0 and s["shared_quotes"] == 44


def test_seventh_round_no_part_worse_and_the_numbers_docs_audit_md_states(scores):
    # the seventh round (a wire sentence restated around its figure, kit.auditing.restated), written with every part
    # as development material: against main's kit before it no part finds fewer copies or lists more wrong pairs,
    # none lists a shared quotation as copying, and the kit finds what the results file says it found after it
    r = json.loads((HERE.parent / "benchmarks" / "results-audit-corpus-seventh-round.json").read_text())
    assert set(r["before"]) == set(r["after"]) <= set(PARTS)  # every part scored then (none was sealed)
    tenth = json.loads((HERE.parent / "benchmarks" / "results-audit-corpus-tenth-round.json").read_text())
    for part in r["before"]:
        s, was, now = scores[part], r["before"][part], r["after"][part]
        # the kit finds what the file says it found after the seventh round, as the tenth round's "before" confirms
        # (the eighth and ninth changed nothing on these numbers but held-out-9's channel pair, listed on none of them)
        then = tenth["before"][part]
        assert (then["found"], then["right"]) == (now["found"], now["right"]), part
        assert s["found"] >= was["found"], part
        # no more wrong pairs than before the seventh round, but held-out-6's one of the tenth round (small stories)
        assert s["listed"] - s["right"] <= was["listed"] - was["right"] + (part == "held-out-6"), part
        assert s["shared_quotes_as_copying"] == 0, part
    assert not {"ibtimesin-7"} & set(scores["held-out-3"]["missed"])
    assert not {"wusa9-5", "senttrib-10", "aljazeeraqa-3"} & set(scores["held-out-7"]["missed"])
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    for part in ("held-out-3", "held-out-7"):
        was, now = r["before"][part], r["after"][part]
        assert f"{now['found']} of {now['copies']} ({was['found']} before" in prose, part
    now, was = r["after"]["held-out-7"], r["before"]["held-out-7"]
    assert f"{now['right']} of {now['listed']} pairs right ({was['right']} of {was['listed']} before)" in prose
    # the misses of held-out-3..7 by kind, as the paragraph gives them (parts 3, 4, 5, 6, 7)
    table = r["misses_by_kind"]
    parts = [f"held-out-{n}" for n in range(3, 8)]
    assert (
        sum(table[k][p] for k in table for p in parts)
        == sum(r["before"][p]["copies"] - r["before"][p]["found"] for p in parts)
        == 48
    )
    for kind, words in [
        ("reported_speech_edited", "changed:"),
        ("synonyms_word_order", "a phrase kept):"),
        ("clause_cut", "clauses of two joined:"),
        ("quotation_with_framing", "framing repeated or edited:"),
        ("lead_rewritten", "a lead rewritten:"),
        ("short_sentence_identical", "the same word for word:"),
        ("wire_sentence_updated", "in a later version:"),
        ("framing_around_another_quotation", "around another quotation:"),
    ]:
        assert f"{words} {', '.join(str(table[kind][p]) for p in parts)}" in prose, kind
    # the rule works only on kinds of at least three of the five parts
    assert table["reported_speech_edited"]["parts"] >= 3 and len(table["reported_speech_edited"]["found_now"]) == 4


def test_fifth_held_out_part_precision_and_shared_quotations(scores):
    s = scores["held-out-5"]
    assert s["precision"] >= 0.9 and s["shared_quotes_as_copying"] == 0


def test_fifth_round_no_part_worse_and_the_numbers_docs_audit_md_states(scores):
    # the fifth round (a sentence edited in a reprint, kit.auditing.reprints.edited_reprints), with held-out-5 a
    # validation part: against main's kit before it no part finds fewer copies or lists more wrong pairs
    before = json.loads((HERE.parent / "benchmarks" / "results-audit-corpus-fifth-round-before.json").read_text())
    assert set(PARTS) - set(before) == {
        "held-out-6",
        "held-out-7",
        "held-out-8",
        "held-out-9",
        "held-out-10",
        "held-out-11",
        "held-out-12",
        "held-out-13",
        "held-out-14",
        "held-out-15",
        "held-out-16",
        "held-out-17",
        "held-out-18",
        "held-out-19",
    }  # sealed (or not yet annotated) then
    for part in set(before) & set(PARTS):
        s, was = scores[part], before[part]
        assert s["found"] >= was["found"] and s["listed"] - s["right"] <= was["listed"] - was["right"], part
        assert s["shared_quotes_as_copying"] == 0, part
    assert (before["dev"]["found"], before["held-out"]["found"], before["held-out-5"]["found"]) == (60, 95, 38)
    assert "thenation-5" not in scores["dev"]["missed"] and "thenewmail-3" not in scores["held-out"]["missed"]
    # the settings tried and not kept, as docs/audit.md states them
    tried = json.loads((HERE.parent / "benchmarks" / "results-audit-corpus-fifth-round-tried.json").read_text())
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    for key, part in [("from_2", "held-out-5"), ("from_3", "held-out-5"), ("from_2", "held-out-4")]:
        s = tried[key][part]
        assert f"{s['found']} of {s['copies']}" in prose and f"{s['right']} of {s['listed']}" in prose, (key, part)
    assert (tried["from_2"]["held-out-5"]["found"], tried["from_3"]["held-out-4"]["listed"]) == (40, 32)
    assert tried["figures_in_words"]["held-out-3"]["found"] == 31
    assert tried["figures_in_words"]["held-out-5"]["right"] == 36


def test_fourth_held_out_part_recall_goal(scores):
    # met once the part was development material (25 of 30 as scored once; 27 with the fourth round)
    assert scores["held-out-4"]["recall"] >= 0.9


@pytest.mark.xfail(
    strict=True,
    reason="issue 22: on the fourth held-out part precision 27/31 = 0.87 (3 stock phrases: 'two mosques in the New "
    "Zealand city of Christchurch' twice, 'three Sri Lankan luxury hotels'; 1 pair not annotated: 'country's worst "
    "ever mass shooting'); 28/32 since the tenth round, 29/33 since the twelfth (one copy more listed)",
)
def test_fourth_held_out_part_precision_goal(scores):
    assert scores["held-out-4"]["precision"] >= 0.9


def _doc_numbers(part: str) -> dict:
    text = DOC.read_text(encoding="utf-8")
    m = re.search(rf"<!-- real-coverage {part} -->(.*?)<!-- /real-coverage {part} -->", text, re.S)
    assert m, f"docs/audit.md has no real-coverage {part} section"
    return {k: v.rstrip(".") for k, v in re.findall(r"\*\*([a-z_]+)\*\*: ([0-9.]+)", m.group(1))}


@pytest.mark.parametrize("part", list(SECTIONS))
def test_the_numbers_docs_audit_md_states_for_real_coverage(scores, part):
    s = scores[part]
    stated = _doc_numbers(part)
    want = {
        "articles": str(s["articles"]),
        "claims": str(s["claims"]),
        "copies": str(s["copies"]),
        "found": str(s["found"]),
        "recall": f"{s['recall']:.2f}",
        "listed": str(s["listed"]),
        "right": str(s["right"]),
        "precision": f"{s['precision']:.2f}",
        "shared_quotes": str(s["shared_quotes"]),
        "shared_quotes_as_copying": str(s["shared_quotes_as_copying"]),
        "stock_phrases_as_copying": str(s["stock_phrases_as_copying"]),
        "unannotated_as_copying": str(s["unannotated_as_copying"]),
    }
    assert stated == want


def test_ninth_held_out_part_as_scored_once(scores):
    # annotated and sealed while a learned stage was tried and not adopted, and scored once: one of its shared
    # quotations was listed as copying (issue 22's goal is 0); the channel rule (kit.auditing.quotes.CHANNEL_WORDS),
    # written on it after that score, removed that pair and nothing else
    once = json.loads((HERE.parent / "benchmarks" / "results-audit-corpus-ninth-held-out-before.json").read_text())
    tenth = json.loads((HERE.parent / "benchmarks" / "results-audit-corpus-tenth-round.json").read_text())
    s, t = (
        tenth["before"]["held-out-9"] | {"shared_quotes": scores["held-out-9"]["shared_quotes"]},
        once["cutro+wayanad"],
    )
    assert {k: s[k] for k in ("found", "copies", "right", "shared_quotes")} == {
        k: t[k] for k in ("found", "copies", "right", "shared_quotes")
    }
    assert (
        (s["listed"], s["shared_quotes_as_copying"]) == (t["listed"] - 1, t["shared_quotes_as_copying"] - 1) == (45, 0)
    )
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    said = _stated(t)
    assert said in prose, said


def test_the_learned_scorer_as_docs_audit_md_states_it():
    # leave-one-part-out over the nine parts before the ninth held-out one (benchmarks/fit_audit_pairs.py)
    r = json.loads((HERE.parent / "benchmarks" / "results-audit-corpus-learned-lopo.json").read_text())
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    now = r["variants"]["all"]["total"]["current"]
    assert f"{now['found']} of {now['copies']} copies ({now['recall']:.3f})" in prose
    for name, v in r["variants"].items():
        t = v["total"]["learned"]
        assert t["shared_quotes_as_copying"] == 0
        assert f"{name}: {t['found']} ({t['recall']:.3f})" in prose, name
    reach = sum(len(p["missed_with_a_candidate"]) for p in r["candidates"]["checked"].values())
    missed = sum(p["missed"] for p in r["candidates"]["checked"].values())
    assert f"{reach} of the {missed} copies the audit misses" in prose
    assert missed == now["copies"] - now["found"]
    assert "memory_error_after_seconds" in r["cost"]["linked"] and "MemoryError" in prose


@pytest.mark.xfail(
    strict=True,
    reason="issue 22: on the ninth held-out part, never seen, recall 45/58 = 0.78 and 1 of 24 shared quotations "
    "listed as copying (0 since the channel rule written on it after its score; recall 47/58 since the tenth round)",
)
def test_ninth_held_out_part_goals(scores):
    s = scores["held-out-9"]
    assert _meets_the_goals(s)


def test_docs_audit_md_says_what_to_expect_on_coverage_never_seen():
    # the held-out parts annotated while rules were written elsewhere, each at its single score
    once = {"fourth": "christchurch+sri", "fifth": "kanjuruhan+odisha", "sixth": "delhi+sydney"}
    once |= {"seventh": "lake+soma", "eighth": "derna+mina", "tenth": "nightclub+mati", "eleventh": "plaza+bihar"}
    once |= {n: k for n, (_, k) in FRESH.items()} | {"fifteenth": "ferry+idai", "sixteenth": "itaewon+brumadinho"}
    once |= {n: k for n, (_, k) in STOP_32.items()}
    bench = HERE.parent / "benchmarks"
    got = [
        json.loads((bench / f"results-audit-corpus-{n}-held-out-scored-once.json").read_text())[k]
        for n, k in once.items()
    ]
    got.append(json.loads((bench / "results-audit-corpus-ninth-held-out-before.json").read_text())["cutro+wayanad"])
    recall, precision = [g["recall"] for g in got], [g["precision"] for g in got]
    quotes = sum(g["shared_quotes_as_copying"] for g in got), sum(g["shared_quotes"] for g in got)
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    assert f"found {min(recall):.0%} to {max(recall):.0%} of the copied sentences".replace("%", " %") in prose
    assert f"{min(precision):.0%} to {max(precision):.0%} of the pairs it listed".replace("%", " %") in prose
    assert f"and {quotes[0]} of {quotes[1]} shared quotations were listed as copying" in prose
    assert "On the sixteen parts of real coverage" in prose and len(got) == 16
    assert "(the fourth to nineteenth held-out parts, above)" in prose
    heading = re.search(r"## Real coverage: (\d+) stories annotated by hand, in (\d+) parts", prose)
    scored = sum(PARTS.values(), ())  # the stories of the parts (a sealed story is not yet in docs/audit.md)
    assert heading and (int(heading.group(1)), int(heading.group(2))) == (len(scored), len(PARTS))


def test_tenth_round_no_part_worse_by_more_than_a_pair_and_the_numbers_docs_audit_md_states(scores):
    # the tenth round (a short quotation copied with its framing, kit.auditing.quotes.framed_quotes; candidates in
    # small stories, kit.auditing.stories), written with every part as development material: against main's kit
    # before it no part finds fewer copies, none lists more than one more wrong pair, none a shared quotation
    r = json.loads((HERE.parent / "benchmarks" / "results-audit-corpus-tenth-round.json").read_text())
    # every part then (the tenth held-out part, sealed while the round was written, is scored in its own test)
    assert set(r["before"]) == set(r["after"]) == set(PARTS) - {f"held-out-{n}" for n in range(10, 20)}
    # the kit the eleventh round started from (benchmarks/results-audit-corpus-eleventh-round.json) is this round's
    eleventh = json.loads((HERE.parent / "benchmarks" / "results-audit-corpus-eleventh-round.json").read_text())
    for part in r["before"]:
        s, was, now, then = scores[part], r["before"][part], r["after"][part], eleventh["before"][part]
        assert (then["found"], then["listed"], then["right"]) == (now["found"], now["listed"], now["right"]), part
        assert s["found"] >= was["found"], part
        assert s["listed"] - s["right"] <= was["listed"] - was["right"] + 1, part
        assert s["shared_quotes_as_copying"] == 0, part
    assert "tsbnewsuk-9" not in scores["held-out-7"]["missed"]  # "… ‘reaching a critical stage,’ Yildiz said, …"
    assert not {"nationalpost-5", "mo4ch-2", "yuzhongnet-7", "cnnpoint-12"} & {
        c for p in r["before"] for c in scores[p]["missed"]
    }
    total, cand = r["total"], r["small_story_candidates"]
    every = cand["not_adopted_every_pair_unfiltered"]
    kept = cand["adopted_run_of_7_words"]
    lengths = r["run_length_leave_one_part_out"]
    by = lengths["totals_by_length"]
    more, worse = by["-1"]["found"] - by["0"]["found"], by["-1"]["wrong"] - by["0"]["wrong"]
    after, before = total["after"], total["before"]
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    said = [
        f"of the {sum(v['missed_before'] for v in kept.values())} copies the ten parts missed, "
        f"{sum(v['missed_with_a_candidate_before'] for v in kept.values())} had any checked pair",
        f"would give all {sum(v['missed_with_a_candidate_after'] for v in every.values())} one, and would find "
        f"{more} copies more but list {worse} wrong pairs more",
        f"{sum(v['missed_with_a_candidate_after'] for v in kept.values())} have one",
        f"finds {after['found']} of {after['copies']} copies in all ({before['found']} before",
    ]
    for words in said:
        assert words in prose, words
    wrong = {p: v["listed"] - v["right"] for p, v in r["after"].items()}
    assert {p for p in r["before"] if wrong[p] > r["before"][p]["listed"] - r["before"][p]["right"]} == {"held-out-6"}
    chosen = [v["chosen_run"] for v in lengths["lopo"].values()]
    assert chosen.count(6) == 9 and lengths["lopo"]["held-out-8"]["chosen_run"] == 4


def test_tenth_held_out_part_as_scored_once(scores):
    # annotated and sealed while the tenth round was written elsewhere; scored with stop 29's kit and once after the
    # round was merged (docs/audit.md, "The tenth held-out part")
    bench = HERE.parent / "benchmarks"
    before = json.loads((bench / "results-audit-corpus-tenth-held-out-before.json").read_text())
    once = json.loads((bench / "results-audit-corpus-tenth-held-out-scored-once.json").read_text())
    s, t, b = scores["held-out-10"], once["nightclub+mati"], before["nightclub+mati"]
    keys = ("copies", "found", "listed", "right", "shared_quotes", "shared_quotes_as_copying", "missed")
    # the kit before the eleventh round scored it so; the eleventh round's lists 1 pair fewer; the twelfth's (the kit
    # as it stands) finds 1 copy more
    eleventh = json.loads((bench / "results-audit-corpus-eleventh-round.json").read_text())
    twelfth = json.loads((bench / "results-audit-corpus-twelfth-round.json").read_text())
    assert {k: eleventh["before"]["held-out-10"][k] for k in keys} == {k: t[k] for k in keys}
    assert {k: twelfth["before"]["held-out-10"][k] for k in keys} == {
        k: eleventh["after"]["held-out-10"][k] for k in keys
    }
    fourteenth = _fourteenth_round()  # the thirteenth round changed nothing here, the fourteenth (as it stands) did
    assert {k: fourteenth["before"]["held-out-10"][k] for k in keys} == {
        k: twelfth["after"]["held-out-10"][k] for k in keys
    }
    assert {k: s[k] for k in keys} == {k: fourteenth["after"]["held-out-10"][k] for k in keys}
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    for r in (b, t):
        said = _stated(r)
        assert said in prose, said
    for story, name in (("santa-maria-nightclub-fire-2013", "Santa Maria"), ("mati-wildfire-2018", "Mati")):
        assert f"{name} {once[story]['found']} of {once[story]['copies']}" in prose
    # "the most any round has moved a part it was not written on (the fourth to eighth ... by 0 to 2 copies)"
    moved = t["found"] - b["found"]
    earlier = {"fourth": "christchurch+sri", "fifth": "kanjuruhan+odisha", "sixth": "delhi+sydney"}
    earlier |= {"seventh": "lake+soma", "eighth": "derna+mina"}
    gains = [
        json.loads((bench / f"results-audit-corpus-{n}-held-out-scored-once.json").read_text())[k]["found"]
        - json.loads((bench / f"results-audit-corpus-{n}-held-out-before.json").read_text())[k]["found"]
        for n, k in earlier.items()
    ]
    assert f"The round found {moved} copies more here" in prose and moved > max(gains)
    assert f"moved by {min(gains)} to {max(gains)} copies" in prose
    # "its recall is the lowest of any part at its single score"
    singles = [
        json.loads((bench / f"results-audit-corpus-{n}-held-out-scored-once.json").read_text())[k]["recall"]
        for n, k in earlier.items()
    ]
    singles.append(
        json.loads((bench / "results-audit-corpus-ninth-held-out-before.json").read_text())["cutro+wayanad"]["recall"]
    )
    assert t["recall"] < min(singles)
    assert t["precision"] >= 0.9 and "precision goal is met" in prose


@pytest.mark.xfail(
    strict=True,
    reason="issue 22: on the tenth held-out part, never seen, recall 22/37 = 0.59 and 1 of 28 shared quotations "
    "listed as copying (Rodrigo Moura's account in indirect speech in two outlets; 0 since the eleventh round, "
    "recall unchanged; 23/37 = 0.62 since the twelfth)",
)
def test_tenth_held_out_part_goals(scores):
    s = scores["held-out-10"]
    assert _meets_the_goals(s)


def test_eleventh_round_no_part_worse_and_the_numbers_docs_audit_md_states(scores):
    # the eleventh round (a speaker named and described alike with nothing of the statement shared,
    # kit.auditing.reported; sentences in the same place of two reports of which a pair is listed,
    # kit.auditing.aligned), written with all eleven parts as development material: against main's kit before it
    # no part finds fewer copies or lists more wrong pairs, and no part lists a shared quotation as copying
    r = json.loads((HERE.parent / "benchmarks" / "results-audit-corpus-eleventh-round.json").read_text())
    # every part then (the eleventh to nineteenth held-out parts, sealed or not yet annotated while the round was
    # written, are scored in their own tests)
    assert set(r["before"]) == set(r["after"]) == set(PARTS) - {f"held-out-{n}" for n in range(11, 20)}
    # the kit the twelfth round started from (benchmarks/results-audit-corpus-twelfth-round.json) is this round's
    twelfth = json.loads((HERE.parent / "benchmarks" / "results-audit-corpus-twelfth-round.json").read_text())
    for part in r["before"]:
        s, was, now, then = scores[part], r["before"][part], r["after"][part], twelfth["before"][part]
        assert (then["found"], then["listed"], then["right"], then["missed"]) == (
            now["found"],
            now["listed"],
            now["right"],
            now["missed"],
        ), part
        assert s["found"] >= was["found"] and s["listed"] - s["right"] <= was["listed"] - was["right"], part
        assert s["shared_quotes_as_copying"] == 0, part
    # Rodrigo Moura's account in indirect speech is no longer listed; the AP's "The cause was under investigation."
    # in the same place of three copies is
    listed = set(zip(scores["held-out-10"]["rows"]["claim_id"], scores["held-out-10"]["rows"]["cites"], strict=True))
    assert ("dailyhedlines-7", "wuncorg-17") not in listed
    assert not {"nzherald-3", "illinoisnewstoday-6", "thenorthatlanticleague-4"} & set(scores["held-out-5"]["missed"])
    # the speaker rule loses no copy; leaving one part out, half the content words (ALIKE) is among the choices of
    # every fold, and with it no part left out finds fewer copies or lists more wrong pairs
    said = r["speaker_only"]["changed"]
    assert r["speaker_only"]["copies_lost"] == 0
    assert sorted(k for v in said.values() for k in v["kinds"]) == ["none", "none", "shared_quote"]
    folds = r["aligned"]["leave_one_part_out"]["folds"]
    assert set(folds) == set(r["before"]) and all(f["half_among_chosen"] for f in folds.values())
    assert all(f["found_with"] >= f["found_without"] and f["wrong_with"] <= f["wrong_without"] for f in folds.values())
    assert r["synthetic_100k"]["same_rows"] == {"kit": True, "heldout": True}
    full = r["aligned"]["leave_one_part_out_all_four_settings"]["folds"]
    b, a = r["total"]["before"], r["total"]["after"]
    counts = r["misses_after_by_kind"]["counts"]
    nocand = counts["no_checked_candidate"] + counts["no_checked_candidate_short"]
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    for words in [
        f"finds {a['found']} of {a['copies']} copies in all ({b['found']} before)",
        f"lists {b['listed'] - b['right'] - (a['listed'] - a['right'])} wrong pairs fewer",
        f"{sum(1 for f in full.values() if f['found'] > f['found_off'])} of the eleven folds",
        f"{counts['no_checked_candidate'] + counts['no_checked_candidate_short']} of the {a['copies'] - a['found']} "
        "copies still missed",
    ]:
        assert words in prose, words
    for part in ("held-out-5", "held-out-8"):
        f = folds[part]
        assert f"{part}: {f['found_without']} to {f['found_with']}" in prose, part
    mb, q = r["misses_before"], r["not_adopted"]["identical_quotation_between_linked_outlets"]["counts"]
    runs = r["not_adopted"]["linked_outlet_candidates"]["settings"]
    close = q["word_pair_overlap_0.9_links_0"]
    for words in [
        f"Of the {mb['missed']} copies the eleven parts missed before the round, {mb['with_a_checked_candidate']} had",
        f"every pair of such outlets {runs['all_linked_pairs']['found']} more with {runs['all_linked_pairs']['wrong']} "
        "wrong pairs more",
        f"are {close['copies']} copies and {close['shared_quotes']} shared quotations",
        f"({a['listed'] - a['right']} instead of {b['listed'] - b['right']})",
        f"of the other {a['copies'] - a['found'] - nocand}, "
        f"{counts['candidate_quotation_shared']} share a quotation with one, "
        f"{counts['candidate_prose_below_threshold']} share some prose below the thresholds and "
        f"{counts['candidate_no_run_of_shared_words']} no run",
    ]:
        assert words in prose, words
    assert mb["missed"] == b["copies"] - b["found"]
    tried = r["not_adopted"]["short_quotation_in_aligned_sentences"]
    lower = sum(1 for v in tried["folds_choosing"].values() if 0.4 in v)
    assert f"finds {tried['found_at_half'] - a['found']} copy more (held-out-10" in prose
    assert f"choose a share of 0.4 in {lower} of the 11 folds" in prose
    f4 = tried["all_four_settings_folds"]["held-out-4"]
    assert f4["wrong"] == f4["wrong_off"] + 1 and tried["wrong_at_half"] == a["listed"] - a["right"]
    assert all(runs[f"run_of_{n}_words"]["found"] == 0 for n in (3, 4, 5, 6))


def test_eleventh_held_out_part_as_scored_once(scores):
    # annotated and sealed while the eleventh round was written elsewhere; scored with the tenth round's kit and
    # once after the eleventh was merged (docs/audit.md, "The eleventh held-out part")
    bench = HERE.parent / "benchmarks"
    before = json.loads((bench / "results-audit-corpus-eleventh-held-out-before.json").read_text())
    once = json.loads((bench / "results-audit-corpus-eleventh-held-out-scored-once.json").read_text())
    s, t, b = scores["held-out-11"], once["plaza+bihar"], before["plaza+bihar"]
    keys = ("copies", "found", "listed", "right", "shared_quotes", "shared_quotes_as_copying", "missed")
    twelfth = json.loads((bench / "results-audit-corpus-twelfth-round.json").read_text())
    assert {k: twelfth["before"]["held-out-11"][k] for k in keys} == {k: t[k] for k in keys}  # before the twelfth
    thirteenth = _thirteenth_round()
    assert {k: thirteenth["before"]["held-out-11"][k] for k in keys} == {
        k: twelfth["after"]["held-out-11"][k] for k in keys
    }  # after the twelfth round
    fourteenth = _fourteenth_round()
    assert {k: fourteenth["before"]["held-out-11"][k] for k in keys} == {
        k: thirteenth["after"]["held-out-11"][k] for k in keys
    }  # after the thirteenth round
    assert {k: s[k] for k in keys} == {k: fourteenth["after"]["held-out-11"][k] for k in keys}  # the kit as it stands
    assert {k: b[k] for k in keys} == {k: t[k] for k in keys}  # "the same before the round and after it"
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    said = _stated(t) + ", the same before the round and after it"
    assert said in prose, said
    for story, name in (("rana-plaza-collapse-2013", "Rana Plaza"), ("bihar-school-meal-poisoning-2013", "Bihar")):
        assert f"{name} {once[story]['found']} of {once[story]['copies']}" in prose
    assert t["precision"] >= 0.9 and t["shared_quotes_as_copying"] == 0 and t["recall"] < 0.9


@pytest.mark.xfail(
    strict=True,
    reason="issue 22: on the eleventh held-out part, never seen, recall 49/60 = 0.82 (precision 0.96 and no shared "
    "quotation listed as copying: those goals are met there); 50/60 = 0.83 since the twelfth round",
)
def test_eleventh_held_out_part_goals(scores):
    s = scores["held-out-11"]
    assert _meets_the_goals(s)


def test_twelfth_round_no_part_worse_and_the_numbers_docs_audit_md_states(scores):
    # the twelfth round (a quotation framed alike by two reports that copy each other, kit.auditing.framing), written
    # with all twelve parts as development material: against the kit before it no part finds fewer copies or lists
    # more wrong pairs, no part lists a shared quotation as copying, and the kit finds what the results file says
    r = json.loads((HERE.parent / "benchmarks" / "results-audit-corpus-twelfth-round.json").read_text())
    # every part then (the twelfth to fourteenth held-out parts, sealed while the round was written, and the
    # fifteenth to nineteenth, not yet annotated then, are scored in their own tests)
    assert set(r["before"]) == set(r["after"]) == set(PARTS) - {f"held-out-{n}" for n in range(12, 20)}
    thirteenth = _thirteenth_round()
    for part in r["before"]:
        s, was, now = scores[part], r["before"][part], r["after"][part]
        keys = ("copies", "found", "listed", "right", "shared_quotes_as_copying", "missed")
        # the kit before the thirteenth round scored what the round's file says (the kit as it stands: the
        # thirteenth round's test)
        assert {k: thirteenth["before"][part][k] for k in keys} == {k: now[k] for k in keys}, part
        assert s["found"] >= was["found"] and s["listed"] - s["right"] <= was["listed"] - was["right"], part
        assert s["shared_quotes_as_copying"] == 0, part
    # the rule's pairs are all copies, and each is a copy the kit missed before
    pairs = [p for v in r["framing"]["pairs"].values() for p in v]
    assert all(p["right"] for p in pairs)
    assert {p["claim_id"] for p in pairs} - {c for v in r["before"].values() for c in v["missed"]} <= {
        "devdiscourse-3",  # the earlier of its group is listed as the later here (time order): deccanheraldin-3 found
        "businesslivecoza-6",  # the same: aljazeeraqa-9 found
    }
    assert {"thailandnews-4", "gulfnews-6", "thenationalnews-11", "deccanheraldin-3", "aljazeeraqa-9"}.isdisjoint(
        {c for p in PARTS for c in scores[p]["missed"]}
    )
    b, a = r["total"]["before"], r["total"]["after"]
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    gained = [p for p in r["before"] if r["after"][p]["found"] > r["before"][p]["found"]]
    said = [f"The round finds {a['found']} of {a['copies']} copies in all ({b['found']} before)"]
    said += [f"{p}: {r['before'][p]['found']} to {r['after'][p]['found']}" for p in gained]
    five, genoa = scores["held-out-5"], scores["held-out-unseen"]
    said += [f"the fifth held-out part ({five['found']} of {five['copies']})"]
    said += [f"the Genoa story ({genoa['found']} of {genoa['copies']}"]
    assert five["recall"] >= 0.9 and genoa["recall"] >= 0.9
    # leaving one part out
    grid, lopo = r["framing"]["grid"]["settings"], r["framing"]["leave_one_part_out"]
    chosen = r["framing"]["settings"]
    key = f"{chosen['LINKED']},{chosen['FRAMING']},{chosen['KEPT']},{chosen['SAME_QUOTE']}"
    assert all(key in f["chosen"] for f in lopo["folds"].values()) and set(lopo["folds"]) == set(r["before"])
    assert lopo["wrong_on_left_out"] == lopo["shared_quotes_on_left_out"] == 0
    said += [f"over a grid of {len(grid)}", f"in all {len(r['before'])} folds"]
    said += [f"finds {lopo['found_on_left_out']} copies more on the parts left out"]
    assert sum(v["found_more"] for v in grid[key].values()) == a["found"] - b["found"]
    # a speech verb counted as framing lists the Notre-Dame story's shared quotation at one framing word
    ns = r["not_adopted"]["framing_without_the_speech_verb_rule"]
    assert ns["settings"]["2,1,0.4,0.8"]["dev"]["shared_quotes_as_copying"] == 1
    assert {p for p, f in ns["leave_one_part_out"].items() if f["on_left_out"][2]} == {"dev", "held-out"}
    quoted = r["framing"]["quoted_words"]["settings"]
    assert sum(v[0] for v in quoted["1"].values()) == sum(v[0] for v in quoted["2"].values())
    assert [p for p, v in quoted["1"].items() if v[1]] == ["held-out-3"]
    one = {k: v for k, v in grid.items() if k.startswith("1,")}
    best = max(sum(x["found_more"] for x in v.values()) for k, v in one.items() if not _any_quote(v))
    said += [f"but {best} copies in all at best (1 framing word, 0.6 kept)"]
    for k in ("1,1,0.4,0.8", "1,1,0.5,0.8"):
        assert _any_quote(one[k]) and {p for p, x in one[k].items() if x["shared_quotes_as_copying"]} <= {
            "dev",
            "held-out",
            "held-out-11",
        }
    once = r["not_adopted"]["framing_in_the_same_place_of_reports_linked_once"]
    assert once["wrong_more"] == once["shared_quotes_as_copying"] == 0
    (part, more), *others = once["found_more"].items()
    assert not others and f"they find {more} copy more, on {part} alone" in prose
    # not adopted: whole-sentence similarity, words in order, and the misses with no candidate
    sim = r["not_adopted"]["prose_similarity_between_linked_reports"]
    c = sim["counts"]
    copy = "copied_prose (same group)"
    tsr, ratio = c["token_set_ratio"]["75"], c["ratio"]["70"]
    said += [f"of their {sim['pairs']:,} pairs whose later sentence is not listed"]
    said += [f"at least 75 holds {tsr[copy]} copy pairs and {sum(tsr.values()) - tsr[copy]} others"]
    said += [f"at least 70 holds {ratio[copy]} copy pairs and {ratio['stock_phrase']} stock phrases"]
    words = r["not_adopted"]["edited_sentence_word_order"]["settings"]
    assert all(sum(v[0] for v in words[f"2,{t}"].values()) == 2 for t in (0.65, 0.7, 0.75))
    assert all(v[1] == 0 for t in (0.65, 0.7, 0.75) for v in words[f"2,{t}"].values())
    assert words["2,0.6"]["held-out-4"][1] == 1 and words["2,0.8"]["held-out-5"][0] == 0
    m = r["misses_after"]
    none, short = m["counts"]["no_candidate"], m["counts"]["no_candidate_short"]
    assert sum(v for k, v in m["counts"].items() if "candidate" in k) == a["copies"] - a["found"] == len(m["missed"])
    said += [f"{none + short} of the {a['copies'] - a['found']} still missed have no checked candidate pair"]
    said += [f"({short} of them under five content words)", f"({len(r['no_candidate_quoting'])} of the {none + short}"]
    assert all(v < m["pair_budget"] for v in m["small_story_pairs_per_part"].values())
    for words in said:
        assert words in prose, words
    log = " ".join((HERE.parent / "CHANGELOG.md").read_text(encoding="utf-8").split())
    assert (
        f"On the twelve parts of real coverage {a['found']} of {a['copies']} copies are found ({b['found']} before)"
        in log
    )
    step = r["framing"]["synthetic_step_s"]
    assert f"the rule's step takes at most {max(step['ho'] + step['kit'])} s there" in prose
    assert r["synthetic_100k"]["same_rows"] == {"ho": True, "kit": True}
    runs = r["synthetic_100k"]["runs"]
    assert {(x["case"], x["rows"], x["hash"]) for x in runs} == {
        ("ho", 4367, "f87f56c3dad870ad"),
        ("kit", 9789, "a037bdc45c428c09"),
    }


def _thirteenth_round() -> dict:
    """benchmarks/results-audit-corpus-thirteenth-round.json: every part before the thirteenth round and after it."""
    return json.loads((HERE.parent / "benchmarks" / "results-audit-corpus-thirteenth-round.json").read_text())


@functools.cache
def _fourteenth_round() -> dict:
    """benchmarks/results-audit-corpus-fourteenth-round.json: every part and story before the fourteenth round and
    after it (the kit as it stands)."""
    return json.loads((HERE.parent / "benchmarks" / "results-audit-corpus-fourteenth-round.json").read_text())


def _any_quote(per_part: dict) -> bool:
    return any(x["shared_quotes_as_copying"] for x in per_part.values())


def _fresh(nth: str) -> tuple:
    """The part of ``FRESH[nth]`` scored with stop 30's kit before the twelfth round, and once after it was merged."""
    bench, key = HERE.parent / "benchmarks", FRESH[nth][1]
    before, once = (
        json.loads((bench / f"results-audit-corpus-{nth}-held-out-{n}.json").read_text())
        for n in ("before", "scored-once")
    )
    return before[key], once[key], once


def _shared_text(s: dict) -> pd.DataFrame:
    return s["rows"][s["rows"]["signal"] == "shared_text"].set_index(["claim_id", "cites"])


def test_twelfth_held_out_part_as_scored_once(scores, monkeypatch):
    # annotated and sealed while the twelfth round was written elsewhere; scored with stop 30's kit and once after the
    # round was merged (docs/audit.md, "The twelfth held-out part"); the kit as it stands lists one pair fewer
    b, t, once = _fresh("twelfth")
    s = scores["held-out-12"]
    keys = ("copies", "found", "right", "shared_quotes", "stock_phrases_as_copying", "unannotated_as_copying")
    # the round found no copy more and listed 2 pairs more, both shared quotations
    assert {k: b[k] for k in keys} == {k: t[k] for k in keys} == {k: s[k] for k in keys}
    assert t["listed"] - b["listed"] == t["shared_quotes_as_copying"] - b["shared_quotes_as_copying"] == 2
    # the fix written on it after that score (a77451f: the speaker's bare designation next to the speech verb is not
    # framing) removes one of them and nothing else: without the fix the kit lists what the scored-once file says,
    # and exactly one pair more, the official's words with a bare "the official added" in two versions of Reuters'
    # story (CNBC-TV18's, bdnews24.com's)
    case, reuse = load_part(PARTS["held-out-12"])
    _, kind = copy_groups(reuse)
    monkeypatch.setattr(kit.auditing.framing, "_BARE", re.compile(r"(?!)"))
    then = score(case, reuse)
    assert {k: then[k] for k in (*keys, "listed", "shared_quotes_as_copying")} == {
        k: t[k] for k in (*keys, "listed", "shared_quotes_as_copying")
    }
    gone = ("cnbctv18com-5", "bdnews24com-4")
    listed, listed_then = set(_shared_text(s).index), set(_shared_text(then).index)
    assert listed_then - listed == {gone} and listed <= listed_then and kind[frozenset(gone)] == "shared_quote"
    assert (s["listed"], s["shared_quotes_as_copying"]) == (t["listed"] - 1, t["shared_quotes_as_copying"] - 1)
    # the other: Modi's tweet with "Modi said in a tweet" in PTI's two copies, the channel read as framing (the
    # README's rule), annotated as a shared quotation (this part's annotator: a bare attribution)
    modi = ("onmanoramacom-11", "greaterkashmircom-11")
    assert [p for p in listed if kind.get(frozenset(p)) == "shared_quote"] == [modi]
    assert _shared_text(s).loc[modi, "evidence"].startswith("copied prose: tweet; both quote: ")
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    for said in (_stated(b), _stated(t)):
        assert said in prose, said
    for story, name in (
        ("whakaari-white-island-eruption-2019", "Whakaari"),
        ("visakhapatnam-gas-leak-2020", "Visakhapatnam"),
    ):
        assert f"{name} {once[story]['found']} of {once[story]['copies']}" in prose
    assert f"found no copy more here and listed {t['listed'] - b['listed']} pairs more, both shared quotations" in prose
    assert (
        f"the kit as it stands lists {s['listed']} pairs instead of {t['listed']}, {s['shared_quotes_as_copying']} of "
        f"{s['shared_quotes']} shared quotations as copying instead of {t['shared_quotes_as_copying']}"
    ) in prose
    readme = " ".join((CORPUS / "README.md").read_text(encoding="utf-8").split())
    assert 'this part\'s annotator read "Modi said in a tweet" as a bare attribution' in readme
    assert 'this part\'s annotator read "Modi said in a tweet" as a bare attribution' in prose
    assert t["recall"] >= 0.9 and t["precision"] >= 0.9 and t["shared_quotes_as_copying"] > 0


@pytest.mark.xfail(
    strict=True,
    reason="issue 22: on the twelfth held-out part, never seen, 2 of 17 shared quotations listed as copying at its "
    "single score (recall 60/64 = 0.94 and precision 60/64 = 0.94: those goals are met there); 1 of 17 since the fix "
    "written on it after that score (a bare 'the official added' is not framing); the other, Modi's tweet with 'Modi "
    "said in a tweet' in PTI's two copies, is framing by the README's rule and a shared quotation by its annotation",
)
def test_twelfth_held_out_part_goals(scores):
    s = scores["held-out-12"]
    assert _meets_the_goals(s)


def test_thirteenth_held_out_part_as_scored_once(scores):
    # annotated and sealed while the twelfth round was written elsewhere; scored with stop 30's kit and once after the
    # round was merged (docs/audit.md, "The thirteenth held-out part"): the same before the round and after it; the
    # kit as it stands (since the thirteenth round's possessive rule) lists the shared quotation no more
    b, t, once = _fresh("thirteenth")
    s = scores["held-out-13"]
    keys = TOTALS
    assert {k: b[k] for k in keys} == {k: t[k] for k in keys}
    fewer = {"listed": 1, "shared_quotes_as_copying": 1}
    assert {k: s[k] for k in keys} == {k: t[k] - fewer.get(k, 0) for k in keys}
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    said = _stated(t) + ", the same before the round and after it"
    assert said in prose, said
    for story, name in (("pokhara-plane-crash-2023", "Pokhara"), ("rigopiano-avalanche-2017", "Rigopiano")):
        assert f"{name} {once[story]['found']} of {once[story]['copies']}" in prose
    # the wrong pairs by what the annotation calls them
    case, reuse = load_part(PARTS["held-out-13"])
    same, kind = copy_groups(reuse)
    bartaula = ("lokmattimescom-2", "japantimes23-2")
    wrong = [kind.get(frozenset(p), "none") for p in [*_shared_text(s).index, bartaula] if not same(*p)]
    assert len(wrong) == t["listed"] - t["right"]
    assert (
        f"Of the {len(wrong)} wrong pairs, {wrong.count('stock_phrase')} are stock phrases, "
        f"{wrong.count('rewritten')} sentences annotated as rewritten and {wrong.count('none')} pairs annotated as "
        "nothing"
    ) in prose
    assert (
        wrong.count("shared_quote")
        == 1
        == len(wrong) - sum(wrong.count(k) for k in ("stock_phrase", "rewritten", "none"))
    )
    # the shared quotation: the airline's spokesman's words to AFP, read as given to different people ("told AFP" read
    # as the speaker, "airline's" stopping the description); since the thirteenth round both name Sudarshan Bartaula
    assert kind[frozenset(bartaula)] == "shared_quote"
    assert bartaula not in set(_shared_text(s).index)
    text = dict(zip(case.claims["claim_id"], case.claims["text"], strict=True))
    assert {kit.auditing.quotes.speaker(text[c]) for c in bartaula} == {"Sudarshan Bartaula"}
    assert "the possessive in \"the airline's spokesman\" is read as part of the speaker's description" in prose
    # WFAA's retelling of the AP's story holds most of Rigopiano's misses
    rigopiano = set(kit.load_case(str(CORPUS / "rigopiano-avalanche-2017")).claims["claim_id"])
    missed = [c for c in s["missed"] if c in rigopiano]
    wfaa = [c for c in missed if c.startswith("wfaacom-")]
    assert len(missed) == once["rigopiano-avalanche-2017"]["copies"] - once["rigopiano-avalanche-2017"]["found"]
    assert f"holds {len(wfaa)} of Rigopiano's {len(missed)} misses" in prose and len(wfaa) > len(missed) / 2
    assert t["recall"] < 0.9 and t["precision"] < 0.9 and t["shared_quotes_as_copying"] > 0
    assert "none of issue 22's three goals is met" in prose


@pytest.mark.xfail(
    strict=True,
    reason="issue 22: on the thirteenth held-out part, never seen, recall 35/44 = 0.80, precision 35/42 = 0.83 and 1 "
    "of 14 shared quotations listed as copying (the airline spokesman's words to AFP, read as given to different "
    "people), before the twelfth round and at its single score after it; now (since the thirteenth round) precision "
    "35/41 = 0.85 and 0 shared quotations listed: recall and precision still under 0.9",
)
def test_thirteenth_held_out_part_goals(scores):
    s = scores["held-out-13"]
    assert _meets_the_goals(s)


def test_fourteenth_held_out_part_as_scored_once(scores):
    # annotated and sealed while the twelfth round was written elsewhere; scored with stop 30's kit and once after the
    # round was merged (docs/audit.md, "The fourteenth held-out part"): the round found one copy more, and the kit as
    # it stands scores it as it did then (the thirteenth round changed nothing here)
    b, t, once = _fresh("fourteenth")
    s = scores["held-out-14"]
    keys = TOTALS
    assert {k: s[k] for k in keys} == {k: t[k] for k in keys}
    assert t["found"] - b["found"] == t["right"] - b["right"] == t["listed"] - b["listed"] == 1
    assert all(b[k] == t[k] for k in ("copies", "shared_quotes", "shared_quotes_as_copying"))
    # that copy: a passenger's words with Reuters' framing in a later version of its story, listed by the round's rule
    montesco = ("csmonitorproof-9", "chicagotribune24-7")
    assert "csmonitorproof-9" not in s["missed"]
    assert (
        _shared_text(s)
        .loc[montesco, "evidence"]
        .endswith("(a quotation framed alike by two reports that copy each other)")
    )
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    for said in (_stated(b), _stated(t)):
        assert said in prose, said
    for story, name in (("amasra-mine-2022", "Amasra"), ("santiago-train-crash-2013", "Santiago")):
        assert f"{name} {once[story]['found']} of {once[story]['copies']}" in prose
    assert f"The round found {t['found'] - b['found']} copy more here" in prose


def test_fourteenth_held_out_part_goals(scores):
    # issue 22's three goals, met on this part never seen at its single score, and by the kit as it stands: the first
    # part of coverage never seen to meet all three (docs/audit.md says so)
    _, t, _ = _fresh("fourteenth")
    for s in (t, scores["held-out-14"]):
        assert _meets_the_goals(s)
    bench = HERE.parent / "benchmarks"
    earlier = {"fourth": "christchurch+sri", "fifth": "kanjuruhan+odisha", "sixth": "delhi+sydney"}
    earlier |= {"seventh": "lake+soma", "eighth": "derna+mina", "tenth": "nightclub+mati", "eleventh": "plaza+bihar"}
    earlier |= {n: k for n, (_, k) in FRESH.items() if n != "fourteenth"}
    singles = [
        json.loads((bench / f"results-audit-corpus-{n}-held-out-scored-once.json").read_text())[k]
        for n, k in earlier.items()
    ]
    singles.append(json.loads((bench / "results-audit-corpus-ninth-held-out-before.json").read_text())["cutro+wayanad"])
    assert not any(_meets_the_goals(s) for s in singles)
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    assert "the first part of coverage never seen to meet all three at its single score" in prose
    # the second and third held-out parts and the Genoa story, when first scored (as docs/audit.md states them)
    for first in ("not for recall (0.88: 36 of 41)", "**not met for recall: 0.66**", "On Genoa 11 of 16 are found"):
        assert first in prose, first


def test_the_three_parts_annotated_while_the_twelfth_round_was_written_together():
    # pooled at their single scores (docs/audit.md, after "The fourteenth held-out part")
    got = [_fresh(n)[1] for n in FRESH]
    n = {k: sum(g[k] for g in got) for k in ("found", "copies", "right", "listed")}
    q = sum(g["shared_quotes_as_copying"] for g in got), sum(g["shared_quotes"] for g in got)
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    said = (
        "Together, the three parts annotated while the twelfth round was written, at their single scores: "
        f"{n['found']} of {n['copies']} copies found, {n['right']} of {n['listed']} pairs listed right, {q[0]} of "
        f"{q[1]} shared quotations listed as copying."
    )
    assert said in prose, said
    log = " ".join((HERE.parent / "CHANGELOG.md").read_text(encoding="utf-8").split())
    said = (
        f"At their single scores {n['found']} of {n['copies']} copies are found, {n['right']} of {n['listed']} listed "
        f"pairs are right and {q[0]} of {q[1]} shared quotations are listed as copying"
    )
    assert said in log, said


def _single(nth: str, key: str) -> tuple:
    """A held-out part scored once with the kit as it stands at the end of stop 31 (no rule written after it): its
    totals (``key``, its stories joined) and the whole file."""
    path = HERE.parent / "benchmarks" / f"results-audit-corpus-{nth}-held-out-scored-once.json"
    once = json.loads(path.read_text())
    return once[key], once


def _fifteenth() -> tuple:
    """The fifteenth held-out part at its single score, and the file."""
    return _single("fifteenth", "ferry+idai")


def test_fifteenth_held_out_part_as_scored_once(scores):
    # annotated and sealed while the twelfth to fourteenth parts were moved into PARTS; scored once with the kit as it
    # stands at the end of the stop (docs/audit.md, "The fifteenth held-out part"): no rule was written after it, so
    # that score is its only one (there is no "before" file) and the kit as it stands scores it exactly so
    t, once = _fifteenth()
    s, fourteenth = scores["held-out-15"], _fourteenth_round()
    keys = SCORED  # the kit before the fourteenth round scored it exactly so; the kit as it stands as that round says
    assert {k: fourteenth["before"]["held-out-15"][k] for k in keys} == {k: t[k] for k in keys}
    assert {k: s[k] for k in keys} == {k: fourteenth["after"]["held-out-15"][k] for k in keys}
    for story in PARTS["held-out-15"]:  # each story on its own too
        one, was = _alone(story), fourteenth["stories"]
        assert {k: was["before"][story][k] for k in TOTALS} == {k: once[story][k] for k in TOTALS}, story
        assert {k: one[k] for k in TOTALS} == {k: was["after"][story][k] for k in TOTALS}, story
    assert not (HERE.parent / "benchmarks" / "results-audit-corpus-fifteenth-held-out-before.json").exists()
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    said = _stated(t)
    assert said in prose, said
    assert 'and that is its only score: there is no "before" file' in prose
    for story, name in (("bangladesh-ferry-fire-2021", "ferry fire"), ("cyclone-idai-2019", "Cyclone Idai")):
        assert f"{name} {once[story]['found']} of {once[story]['copies']}" in prose
    # precision stated as 0.90 at two places, and under the goal of 0.9: no goal is met
    assert f"{t['precision']:.2f}" == "0.90" and t["precision"] < 0.9
    assert t["recall"] < 0.9 and t["shared_quotes_as_copying"] > 0
    said = (
        f"{t['right']} of {t['listed']} is {t['precision']:.3f}, under the goal of 0.9: on this coverage never seen "
        "**none of issue 22's three goals is met**"
    )
    assert said in prose, said
    # the wrong pairs by what the annotation calls them
    case, reuse = load_part(PARTS["held-out-15"])
    same, kind = copy_groups(reuse)
    rows = _shared_text(s)
    wrong = [kind.get(frozenset(p), "none") for p in rows.index if not same(*p)]
    assert len(wrong) == t["listed"] - t["right"] and wrong.count("none") == t["unannotated_as_copying"] == 0
    said = (
        f"Of the {len(wrong)} wrong pairs, {wrong.count('shared_quote')} are shared quotations, "
        f"{wrong.count('rewritten')} sentences annotated as rewritten and {wrong.count('stock_phrase')} a stock phrase"
    )
    assert said in prose, said
    assert len(wrong) == sum(wrong.count(k) for k in ("shared_quote", "rewritten", "stock_phrase"))
    # the two shared quotations listed as copying: the junior minister's words in The Telegraph's standfirst (PTI's
    # story, no quotation marks, no attribution) against The Tribune's copy (quoted, "... Chowdhury said"); the Red
    # Cross statement's "Beira has been severely battered." in the blog's text of Jamie LeSueur's words against the
    # AP's sentence (CTV News), which uses them without quotation marks. In both, the sentence listed as the copy
    # (claim_id) has none
    minister, battered = ("ttefin-1", "tribuneindiacom-8"), ("nonews2read-14", "ctvnewsca-6")
    assert sorted(p for p in rows.index if kind.get(frozenset(p)) == "shared_quote") == sorted([minister, battered])
    speaker = {frozenset(p): w for *p, w in zip(reuse["claim_id"], reuse["other"], reuse["speaker"], strict=True)}
    assert speaker[frozenset(minister)] == "Khaled Mahmud Chowdhury"
    assert speaker[frozenset(battered)] == "Jamie LeSueur"
    text = dict(zip(case.claims["claim_id"], case.claims["text"], strict=True))
    # (no quotation mark as the audit reads them, kit.auditing.marks.MARK)
    assert not any(re.search(MARK, text[c]) for c in ("ttefin-1", "nonews2read-14", "ctvnewsca-6"))
    assert "the sentence listed as the copy gives the speaker's words without quotation marks" in prose
    assert text["tribuneindiacom-8"].startswith("“The record suggests 310 listed passengers")
    assert rows.loc[minister, "evidence"] == (
        "copied prose: record suggests 310 listed passengers were travelling in the ferry, but the actual number can "
        "be much higher"
    )
    assert rows.loc[battered, "evidence"] == "copied prose: Beira has been severely battered."
    for pair in (minister, battered):
        evidence = rows.loc[pair, "evidence"]
        assert f'listed as "{evidence}"' in prose, evidence
    # most of Cyclone Idai's misses are Reuters' sentences in its two edits and in RT's item
    idai = once["cyclone-idai-2019"]["missed"]
    reuters = [c for c in idai if c.rsplit("-", 1)[0] in {"iolcoza", "thenationalnewsmz", "rtnewsline"}]
    assert len(idai) == once["cyclone-idai-2019"]["copies"] - once["cyclone-idai-2019"]["found"]
    assert f"{len(reuters)} of Cyclone Idai's {len(idai)} misses are Reuters' sentences" in prose
    assert len(reuters) > len(idai) / 2


@pytest.mark.xfail(
    strict=True,
    reason="issue 22: on the fifteenth held-out part, never seen, at its single score (the kit as it stands): recall "
    "43/54 = 0.80, precision 44/49 = 0.898 (stated 0.90, under 0.9) and 2 of 39 shared quotations listed as copying "
    "(the junior minister's words in The Telegraph's standfirst against The Tribune's copy of PTI's story; the Red "
    "Cross' 'Beira has been severely battered.' in a blog's text against the AP's sentence): none of the three goals",
)
def test_fifteenth_held_out_part_goals(scores):
    s = scores["held-out-15"]
    assert _meets_the_goals(s)


def test_the_four_parts_annotated_in_stop_31_together():
    # the twelfth to fifteenth held-out parts pooled at their single scores (docs/audit.md, after "The fifteenth
    # held-out part"; the three-part sentence before it is kept as it was)
    got = [_fresh(n)[1] for n in FRESH] + [_fifteenth()[0]]
    n = {k: sum(g[k] for g in got) for k in ("found", "copies", "right", "listed")}
    q = sum(g["shared_quotes_as_copying"] for g in got), sum(g["shared_quotes"] for g in got)
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    said = (
        "Together, the first four parts annotated in stop 31 (the twelfth to fifteenth held-out parts), at their "
        f"single scores: {n['found']} of {n['copies']} copies found, {n['right']} of {n['listed']} pairs listed right, "
        f"{q[0]} of {q[1]} shared quotations listed as copying."
    )
    assert said in prose, said
    log = " ".join((HERE.parent / "CHANGELOG.md").read_text(encoding="utf-8").split())
    said = (
        f"The four parts together: {n['found']} of {n['copies']} copies found, {n['right']} of {n['listed']} listed "
        f"pairs right, {q[0]} of {q[1]} shared quotations listed as copying"
    )
    assert said in log, said
    t, _ = _fifteenth()
    said = f"recall {t['recall']:.2f} ({t['found']} of {t['copies']}), precision {t['right']} of {t['listed']} ("
    said += f"{t['precision']:.3f}, under 0.9) and {t['shared_quotes_as_copying']} of {t['shared_quotes']} shared"
    assert said in log, said


def _sixteenth() -> tuple:
    """The sixteenth held-out part at its single score, and the file."""
    return _single("sixteenth", "itaewon+brumadinho")


def test_sixteenth_held_out_part_as_scored_once(scores):
    # annotated blind at the end of stop 31, sealed, scored once with the kit as it stands (docs/audit.md, "The
    # sixteenth held-out part"): no rule was written after it, so that score is its only one (there is no "before"
    # file); the kit before the thirteenth round scored it exactly so, and the thirteenth round finds 1 of Itaewon's
    # copies more (kit.auditing.edited: a witness' tweet with Yonhap's framing in the blog's pasted copy)
    t, once = _sixteenth()
    s = scores["held-out-16"]
    keys = SCORED
    assert {k: _thirteenth_round()["before"]["held-out-16"][k] for k in keys} == {k: t[k] for k in keys}
    gained = {"rokdropnet-6"}
    assert set(t["missed"]) - set(s["missed"]) == gained and set(s["missed"]) < set(t["missed"])
    assert set(once) - {"itaewon+brumadinho"} == {"kit_commit", "what"} | set(PARTS["held-out-16"])
    for story, was in [("itaewon+brumadinho", t), *((x, once[x]) for x in PARTS["held-out-16"])]:
        one = s if story == "itaewon+brumadinho" else _alone(story)  # each story on its own too
        more = len(gained & set(was["missed"]))
        assert more == (0 if story == "brumadinho-dam-collapse-2019" else 1), story
        plus = {"found": more, "listed": more, "right": more}
        assert {k: one[k] for k in TOTALS} == {k: was[k] + plus.get(k, 0) for k in TOTALS}, story
        assert sorted(set(was["missed"]) - gained) == one["missed"], story
    assert not (HERE.parent / "benchmarks" / "results-audit-corpus-sixteenth-held-out-before.json").exists()
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    said = _stated(t)
    assert said in prose, said
    assert 'and that is its only score: there is no "before" file' in prose
    for story, name in (("brumadinho-dam-collapse-2019", "Brumadinho"), ("itaewon-crowd-crush-2022", "Itaewon")):
        assert f"{name} {once[story]['found']} of {once[story]['copies']}" in prose
    # its sources' kinds, corrected after it was annotated (commit 762656c): every one a kind of the case format
    assert "(commit 762656c; its `reuse.csv` untouched)" in prose
    for story in PARTS["held-out-16"]:
        kinds = set(pd.read_csv(CORPUS / story / "sources.csv")["kind"])
        assert "online" in kinds and not kinds & {"blog", "website"}, story
    # two goals met, recall not
    assert t["precision"] >= 0.9 and t["shared_quotes_as_copying"] == 0 and t["recall"] < 0.9
    assert "Precision and shared quotations meet issue 22's goals; **recall does not**" in prose
    # the wrong pairs by what the annotation calls them: the BBC's two versions on the cafeteria (rewritten), the
    # dam's lead in Sky News' text on a blog against RNZ's standfirst (not annotated)
    case, reuse = load_part(PARTS["held-out-16"])
    same, kind = copy_groups(reuse)
    rows = _shared_text(s)
    wrong = {p: kind.get(frozenset(p), "none") for p in rows.index if not same(*p)}
    assert wrong == {("rnzbrm-8", "newswirepk-2"): "rewritten", ("positivedoings-2", "rnzbrm-1"): "none"}
    assert list(wrong.values()).count("none") == t["unannotated_as_copying"] == len(wrong) - 1
    said = f"Of the {len(wrong)} wrong pairs, 1 is a sentence annotated as rewritten"
    assert said in prose and "and 1 a pair not annotated" in prose, said
    lead = rows.loc[("positivedoings-2", "rnzbrm-1"), "evidence"].removeprefix("copied prose: ")
    assert f"the lead's \"{lead}\" in Sky News' text on a blog" in prose, lead
    # where the misses are: Itaewon's mostly in the AP's story retold (latin-american.news), Brumadinho's in the
    # BBC's lead (RNZ) and the AP's sentences in The Independent's (Yahoo News)
    itaewon, dam = once["itaewon-crowd-crush-2022"]["missed"], once["brumadinho-dam-collapse-2019"]["missed"]
    retold = [c for c in itaewon if c.startswith("latinamericannews-")]
    assert f"{len(retold)} of Itaewon's {len(itaewon)} misses are the AP's sentences retold" in prose
    assert sorted(c.rsplit("-", 1)[0] for c in set(itaewon) - set(retold)) == ["indiatodayne", "rokdropnet"]
    assert sorted({c.rsplit("-", 1)[0] for c in dam}) == ["rnzbrm", "yahoonewsbrm"]
    assert f"Brumadinho's {len(dam)} are the BBC's lead in RNZ's version" in prose


@pytest.mark.xfail(
    strict=True,
    reason="issue 22: on the sixteenth held-out part, never seen, at its single score: recall 26/35 = 0.74 "
    "(Brumadinho 16/19, Itaewon 10/16: 4 of Itaewon's 6 misses the AP's sentences retold in a translation's English); "
    "precision 26/28 = 0.93 and 0 of 10 shared quotations listed as copying: those goals are met there; since the "
    "thirteenth round recall 27/35 = 0.77, still under 0.9",
)
def test_sixteenth_held_out_part_goals(scores):
    s = scores["held-out-16"]
    assert _meets_the_goals(s)


def test_the_five_parts_annotated_in_stop_31_together():
    # the twelfth to sixteenth held-out parts pooled at their single scores (docs/audit.md, after "The sixteenth
    # held-out part"; the three- and four-part sentences before it are kept as they were)
    got = [_fresh(n)[1] for n in FRESH] + [_fifteenth()[0], _sixteenth()[0]]
    n = {k: sum(g[k] for g in got) for k in ("found", "copies", "right", "listed")}
    q = sum(g["shared_quotes_as_copying"] for g in got), sum(g["shared_quotes"] for g in got)
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    said = (
        "Together, the five parts annotated in stop 31 (the twelfth to sixteenth held-out parts), at their single "
        f"scores: {n['found']} of {n['copies']} copies found, {n['right']} of {n['listed']} pairs listed right, "
        f"{q[0]} of {q[1]} shared quotations listed as copying."
    )
    assert said in prose, said
    first_four = prose.index("Together, the first four parts")
    assert first_four < prose.index("The **sixteenth held-out part**") < prose.index(said)
    log = " ".join((HERE.parent / "CHANGELOG.md").read_text(encoding="utf-8").split())
    said = (
        f"The five parts together: {n['found']} of {n['copies']} copies found, {n['right']} of {n['listed']} listed "
        f"pairs right, {q[0]} of {q[1]} shared quotations listed as copying"
    )
    assert said in log, said
    t, _ = _sixteenth()
    said = f"scored once with the kit as it stands, its only score: {_stated(t)}"
    assert said in log, said
    # the parts the entry counts: those the twelfth round was written with, these three, the fifteenth and the
    # sixteenth: every part
    twelfth = json.loads((HERE.parent / "benchmarks" / "results-audit-corpus-twelfth-round.json").read_text())
    then = set(twelfth["before"]) | {p for p, _ in FRESH.values()} | {"held-out-15", "held-out-16"}
    assert then == set(THIRTEENTH)  # every part then (the seventeenth to nineteenth were annotated after the stop)
    stories = _in_words(sum(len(PARTS[p]) for p in then))
    assert f"`docs/audit.md` measures `kit.audit` on {stories} stories in {_in_words(len(then))} parts" in log


def test_benchmarks_md_counts_the_real_coverage():
    text = " ".join((HERE.parent / "BENCHMARKS.md").read_text(encoding="utf-8").split())
    # the stories scored (those in PARTS): a sealed story is in STORIES but in none of the parts the sentence counts
    scored = sum(len(stories) for stories in PARTS.values())
    said = (
        f"{_in_words(scored)} stories of real news in {_in_words(len(PARTS))} parts (a development part and "
        f"{_in_words(len(PARTS) - 1)} held-out parts, each annotated before the audit was run on it)"
    )
    assert said in text, said


def test_thirteenth_round_no_part_worse_and_the_numbers_docs_audit_md_states(scores):
    # the thirteenth round (a sentence edited word by word, kit.auditing.edited; two apostrophes as a quotation mark,
    # kit.auditing.marks; a possessive in the speaker's description, kit.auditing.quotes.speaker), written with all
    # seventeen parts as development material: against the kit before it (d5bee1a) no part finds fewer copies, lists
    # more wrong pairs or more shared quotations as copying, and the kit as it stands scores what the file says
    r = json.loads((HERE.parent / "benchmarks" / "results-audit-corpus-thirteenth-round.json").read_text())
    # exactly the seventeen parts it was written with: the seventeenth to nineteenth held-out parts, sealed while it was
    # written, are scored in their own tests (their before and scored-once files)
    assert set(r["before"]) == set(r["after"]) == set(THIRTEENTH) and len(THIRTEENTH) == 17
    assert set(PARTS) - set(THIRTEENTH) == {"held-out-17", "held-out-18", "held-out-19"}
    for part in THIRTEENTH:  # the kit after it: as the fourteenth round's file has the kit before that round
        s, was, now = _fourteenth_round()["before"][part], r["before"][part], r["after"][part]
        assert {k: s[k] for k in SCORED} == {k: now[k] for k in SCORED}, part
        assert s["found"] >= was["found"] and s["listed"] - s["right"] <= was["listed"] - was["right"], part
        assert s["shared_quotes_as_copying"] <= was["shared_quotes_as_copying"], part
        assert set(s["missed"]) <= set(was["missed"]), part
    b, a = r["total"]["before"], r["total"]["after"]
    assert (
        a["found"] > b["found"]
        and a["wrong"] < b["wrong"]
        and a["shared_quotes_as_copying"] < b["shared_quotes_as_copying"]
    )
    assert all(
        t[k] == sum(r[w][p][k] for p in THIRTEENTH)
        for w, t in (("before", b), ("after", a))
        for k in ("found", "copies")
    )
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    gained = [p for p in THIRTEENTH if r["after"][p]["found"] > r["before"][p]["found"]]
    said = [f"The round finds {a['found']} of {a['copies']} copies in all ({b['found']} before): "]
    said += [", ".join(f"{p}: {r['before'][p]['found']} to {r['after'][p]['found']}" for p in gained)]
    said += [f"it lists {a['wrong']} wrong pairs ({b['wrong']} before)"]
    said += [f"{a['shared_quotes_as_copying']} of {a['shared_quotes']} shared quotations as copying"]
    said += [f"({b['shared_quotes_as_copying']} before)"]
    # the misses and wrong pairs before the round, by kind
    kinds = r["kinds_before"]["counts"]
    m, w, ann = kinds["misses"], kinds["wrong"], kinds["wrong_by_annotation"]
    assert sum(m.values()) == b["copies"] - b["found"] == sum(len(v) for v in r["kinds_before"]["misses"].values())
    assert sum(w.values()) == b["wrong"] == sum(ann.values())
    said += [f"the kit missed {b['copies'] - b['found']} of {b['copies']} copies and listed {b['wrong']} wrong pairs"]
    said += [f"{m['reworded: own words under 0.7 alike']} are sentences reworded"]
    said += [f"{m['quoting, framing reworded']} quote with the framing reworded"]
    said += [f"{m['a quotation with little framing (under 5 own words)']} are a quotation with under five own words"]
    said += [f"{m['short: under 5 content words']} are short (under five content words)"]
    said += [f"{m['edited: own words at least 0.7 alike in order']} are edited word by word"]
    said += [f"{w['a short run: a place, a post or a set phrase (at most 8 words)']} share a short run"]
    said += [f"{w['a longer run in sentences told apart by the annotation']} a longer run in sentences the annotation"]
    said += [f"({ann['none']} of the {b['wrong']} are annotated as nothing, {ann['rewritten']} as rewritten"]
    said += [f"{ann['stock_phrase']} as stock phrases) and {w['shared quotation']} are shared quotations"]
    # (1) the edited sentences: each pair listed is a copy; the settings as docs/audit.md states them
    e = r["edited"]
    settings = (e["settings"]["PROSE"], e["settings"]["SIMILAR"], e["settings"]["LINKED"])
    assert settings == (kit.auditing.edited.PROSE, kit.auditing.edited.SIMILAR, kit.auditing.reprints.REPRINTS_FROM)
    for part, pairs in e["pairs"].items():
        _, reuse = load_part(PARTS[part])
        same, _ = copy_groups(reuse)
        assert all(same(p["claim_id"], p["cites"]) for p in pairs), part
        listed = _shared_text(scores[part])
        assert all(listed.loc[(p["claim_id"], p["cites"]), "evidence"] == p["evidence"] for p in pairs), part
    assert sorted(p["claim_id"] for v in e["pairs"].values() for p in v) == ["rokdropnet-6", "thenationalaeabudhabi-7"]
    said += [f"each with at least {settings[0]} own words", f"at least {settings[1]} alike in order"]
    said += [f"copying each other in at least {settings[2]} pairs of the story"]
    grid, lopo = e["grid"]["settings"], e["leave_one_part_out"]
    key = ",".join(map(str, settings))
    assert set(lopo["folds"]) == set(THIRTEENTH) and lopo["adopted"] == key
    assert set(lopo["folds_choosing_the_adopted"]) == {p for p, f in lopo["folds"].items() if key in f["chosen"]}
    assert lopo["folds_not_choosing_it"] == {"dev": ["4,0.7,4"]}
    n = len(lopo["folds_choosing_the_adopted"])
    found, wrong, quotes = lopo["adopted_on_left_out_where_chosen"]
    assert wrong == quotes == 0
    assert set(grid) == {f"5,{a},{k}" for a in (0.65, 0.7, 0.75) for k in (2, 3, 4, 5)} | {"4,0.7,4", "6,0.7,4"}
    said += ["(5 own words at 0.65, 0.7 or 0.75 alike with 2 to 5 linked pairs; 4 or 6 own words at 0.7 with 4)"]
    said += [f"over a grid of {len(grid)}", f"The adopted setting is among them in {n} of the {len(THIRTEENTH)} folds"]
    said += [f"there finds {found} copies more on the parts left out, with no wrong pair and no shared quotation"]
    dev = lopo["folds"]["dev"]
    assert dev["on_left_out"]["4,0.7,4"] == [0, 1, 1]
    said += [f"which finds {dev['found_on_others']} copies more on the sixteen others but on the development part"]
    found, wrong, quotes = lopo["strictest_on_left_out"]
    said += [f"the strictest of each fold's choices finds {found} copies more on the parts left out, with {wrong} "]
    said += [f"wrong pair and {quotes} shared quotation"]
    total = {
        k: [sum(x[f] for x in v.values()) for f in ("found_more", "wrong_more", "shared_quotes_as_copying")]
        for k, v in grid.items()
    }
    assert total[key] == [a["found"] - b["found"] - 1, 0, 0]  # the other copy more: two apostrophes (2)
    loose = r["not_adopted"]["edited_without_the_link"]
    assert loose["total"]["found"] - a["found"] == sum(len(v) for v in loose["found_more_than_adopted"].values())
    assert (
        loose["total"]["wrong"] == a["wrong"]
        and loose["total"]["shared_quotes_as_copying"] == a["shared_quotes_as_copying"]
    )
    said += [f"finds {loose['total']['found'] - a['found']} copies more on the seventeen parts with no wrong pair"]
    said += [f"({loose['total']['found']} of {a['copies']})"]
    # (2) and (3)
    assert (
        r["two_apostrophes"]["found_more"] == {"held-out-9": 1} and "stuffconz-13" not in scores["held-out-9"]["missed"]
    )
    assert ("lokmattimescom-2", "japantimes23-2") not in set(_shared_text(scores["held-out-13"]).index)
    # not adopted
    curly, told = r["not_adopted"]["single_curly_marks"], r["not_adopted"]["told_names_the_listener"]
    assert curly["found_more"] == {"held-out-3": -1, "held-out-9": 1} and curly["shared_quotes_as_copying_more"] == 0
    assert told["found_more"] == {"held-out-8": -2}
    said += [f"loses {-told['found_more']['held-out-8']} copies on held-out-8"]
    # the synthetic cases: the same rows as main's; CPU seconds of whole audits
    syn = r["synthetic_100k"]
    assert syn["same_rows"] == {"ho": True, "kit": True}
    assert {(x["case"], x["rows"], x["hash"]) for x in syn["runs"]} == {
        ("ho", 4367, "f87f56c3dad870ad"),
        ("kit", 9789, "a037bdc45c428c09"),
    }
    assert {x["kit"].split()[0] for x in syn["runs"]} == {"main", "audit13"} and len(syn["runs"]) == 12
    cpu = [t for x in syn["runs"] for t in x["cpu_s"]]
    said += [f"take {min(cpu):.1f} to {max(cpu):.1f} CPU seconds with either kit"]
    median = {
        (k, c): statistics.median(
            t for x in syn["runs"] if x["kit"].startswith(k) and x["case"] == c for t in x["cpu_s"]
        )
        for k in ("main", "audit13")
        for c in ("ho", "kit")
    }
    said += [
        f"{median['main', 'ho']:.2f} s with main's kit and {median['audit13', 'ho']:.2f} s with this round's on the "
        f"held-out generator's case, {median['main', 'kit']:.2f} s and {median['audit13', 'kit']:.2f} s"
    ]
    for words in said:
        assert words in prose, words
    log = " ".join((HERE.parent / "CHANGELOG.md").read_text(encoding="utf-8").split())
    said = (
        f"On the seventeen parts of real coverage {a['found']} of {a['copies']} copies are found ({b['found']} "
        f"before), {a['wrong']} listed pairs are wrong ({b['wrong']} before) and {a['shared_quotes_as_copying']} of "
        f"{a['shared_quotes']} shared quotations are listed as copying ({b['shared_quotes_as_copying']} before)"
    )
    assert said in log, said


def _before_and_once(nth: str, scores) -> tuple:
    """A part of ``STOP_32`` scored with the kit before the thirteenth round (d5bee1a) and once after it was merged
    (3839421), checked: the two files agree on every story and the part, and the kit as it stands scores each story
    and the part exactly as the scored-once file says. Its totals and the scored-once file."""
    part, key = STOP_32[nth]
    bench = HERE.parent / "benchmarks"
    before, once = (
        json.loads((bench / f"results-audit-corpus-{nth}-held-out-{n}.json").read_text())
        for n in ("before", "scored-once")
    )
    assert (before["kit_commit"], once["kit_commit"]) == ("d5bee1a", "3839421")
    assert set(once) == set(before) == {"kit_commit", "what", key} | set(PARTS[part])
    assert key == "+".join(PARTS[part])
    keys = TOTALS  # totals only: the files hold no pairs
    s, fourteenth = scores[part], _fourteenth_round()
    for story, was in [(key, once[key]), *((x, once[x]) for x in PARTS[part])]:
        assert {k: before[story][k] for k in keys} == {k: was[k] for k in keys}, story  # the round changed nothing
        one = s if story == key else _alone(story)  # each story on its own too
        then, now = (
            fourteenth[w][part] if story == key else fourteenth["stories"][w][story] for w in ("before", "after")
        )
        assert {k: then[k] for k in keys} == {k: was[k] for k in keys}, story  # the kit before the fourteenth round
        assert {k: one[k] for k in keys} == {k: now[k] for k in keys}, story  # the kit as it stands
    assert all(sum(once[x][k] for x in PARTS[part]) == once[key][k] for k in keys if k not in ("recall", "precision"))
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    said = _stated(once[key])
    assert said in prose, said
    assert f"`benchmarks/results-audit-corpus-{nth}-held-out-before.json`" in prose
    assert f"`benchmarks/results-audit-corpus-{nth}-held-out-scored-once.json`" in prose
    return once[key], once, prose


def test_seventeenth_held_out_part_as_scored_once(scores):
    # annotated blind while the thirteenth round was written elsewhere, sealed, scored with the kit before it and once
    # after it was merged (docs/audit.md, "The seventeenth, eighteenth and nineteenth held-out parts"): the same
    t, once, prose = _before_and_once("seventeenth", scores)
    for story, name in (("amtrak-derailment-philadelphia-2015", "Amtrak"), ("sierre-bus-crash-2012", "Sierre")):
        assert f"{name} {once[story]['found']} of {once[story]['copies']}" in prose, name
    assert not _meets_the_goals(t) and t["recall"] < 0.9 and t["precision"] < 0.9 and t["shared_quotes_as_copying"]
    assert "The seventeenth part meets none of issue 22's three goals" in prose


@pytest.mark.xfail(
    strict=True,
    reason="issue 22: on the seventeenth held-out part, never seen, before the thirteenth round and once after it "
    "(the same): recall 39/44 = 0.89, precision 39/46 = 0.85, 1 of 100 shared quotations listed as copying",
)
def test_seventeenth_held_out_part_goals(scores):
    assert _meets_the_goals(scores["held-out-17"])


def test_eighteenth_held_out_part_as_scored_once(scores):
    # annotated blind while the thirteenth round was written elsewhere, sealed, scored with the kit before it and once
    # after it was merged: the same
    t, once, prose = _before_and_once("eighteenth", scores)
    for story, name in (("baghdad-hospital-fire-2021", "Baghdad"), ("morbi-bridge-collapse-2022", "Morbi")):
        assert f"{name} {once[story]['found']} of {once[story]['copies']}" in prose, name
    assert not _meets_the_goals(t) and t["recall"] < 0.9 and t["precision"] < 0.9 and t["shared_quotes_as_copying"]
    assert "goals, the eighteenth none either" in prose
    # the two shared quotations listed as copying are Morbi's
    morbi = once["morbi-bridge-collapse-2022"]
    assert morbi["shared_quotes_as_copying"] == t["shared_quotes_as_copying"] == 2
    assert f"both of Morbi's ({morbi['shared_quotes_as_copying']} of {morbi['shared_quotes']})" in prose


@pytest.mark.xfail(
    strict=True,
    reason="issue 22: on the eighteenth held-out part, never seen, before the thirteenth round and once after it "
    "(the same): recall 36/44 = 0.82, precision 36/41 = 0.88, 2 of 33 shared quotations listed as copying (Morbi's)",
)
def test_eighteenth_held_out_part_goals(scores):
    assert _meets_the_goals(scores["held-out-18"])


def test_nineteenth_held_out_part_as_scored_once(scores):
    # annotated blind a little later while the thirteenth round was written elsewhere, sealed, scored with the kit
    # before it and once after it was merged: the same; precision meets its goal, recall and shared quotations not
    t, once, prose = _before_and_once("nineteenth", scores)
    for story, name in (
        ("madeira-bus-crash-2019", "Madeira"),
        ("xiangshui-chemical-plant-explosion-2019", "Xiangshui"),
    ):
        assert f"{name} {once[story]['found']} of {once[story]['copies']}" in prose, name
    assert t["precision"] >= 0.9 and t["recall"] < 0.9 and t["shared_quotes_as_copying"]
    assert "the nineteenth precision's goal alone" in prose
    # more listed pairs right than copies found: a copy can be listed against two members of its group
    assert t["right"] > t["found"]


@pytest.mark.xfail(
    strict=True,
    reason="issue 22: on the nineteenth held-out part, never seen, before the thirteenth round and once after it "
    "(the same): recall 49/55 = 0.89, 1 of 30 shared quotations listed as copying (Xiangshui's); precision "
    "50/54 = 0.93 meets its goal",
)
def test_nineteenth_held_out_part_goals(scores):
    assert _meets_the_goals(scores["held-out-19"])


def test_madeira_never_seen_meets_the_goals():
    # the Madeira story alone meets issue 22's three goals, before the thirteenth round, once after it and with the
    # kit as it stands (docs/audit.md says so)
    bench = HERE.parent / "benchmarks"
    story = "madeira-bus-crash-2019"
    for n in ("before", "scored-once"):
        t = json.loads((bench / f"results-audit-corpus-nineteenth-held-out-{n}.json").read_text())[story]
        assert _meets_the_goals(t), n
    s = _alone(story)
    assert _meets_the_goals(s)
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    said = f"The Madeira story alone meets all three ({_stated(s)})"
    assert said in prose, said


def test_the_three_parts_annotated_while_the_thirteenth_round_was_written_together():
    # the seventeenth to nineteenth held-out parts pooled at their single scores (docs/audit.md, after their
    # paragraph), and the CHANGELOG entry
    bench = HERE.parent / "benchmarks"
    got = [
        json.loads((bench / f"results-audit-corpus-{n}-held-out-scored-once.json").read_text())[k]
        for n, (_, k) in STOP_32.items()
    ]
    n = {k: sum(g[k] for g in got) for k in ("found", "copies", "right", "listed")}
    q = sum(g["shared_quotes_as_copying"] for g in got), sum(g["shared_quotes"] for g in got)
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    said = (
        "Together, the three parts annotated while the thirteenth round was written, at their single scores: "
        f"{n['found']} of {n['copies']} copies found, {n['right']} of {n['listed']} pairs listed right, {q[0]} of "
        f"{q[1]} shared quotations listed as copying."
    )
    assert said in prose, said
    assert prose.index("**The thirteenth round**") < prose.index(said)
    log = " ".join((HERE.parent / "CHANGELOG.md").read_text(encoding="utf-8").split())
    said = (
        f"Together {n['found']} of {n['copies']} copies are found, {n['right']} of {n['listed']} listed pairs are "
        f"right and {q[0]} of {q[1]} shared quotations are listed as copying"
    )
    assert said in log, said
    stories = _in_words(sum(len(v) for v in PARTS.values()))
    assert f"`docs/audit.md` measures `kit.audit` on {stories} stories in {_in_words(len(PARTS))} parts" in log


def test_every_reuse_csv_parses_with_its_five_fields_and_its_claims():
    # every story, sealed or not: a reuse.csv row with an unquoted comma in its notes read as 6 or 7 fields, and was
    # caught only when the nineteenth part was first scored; every row has exactly the header's five fields, and
    # every claim id it names is one of that story's claims
    for story in STORIES:
        with open(story / "reuse.csv", newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header, body = rows[0], rows[1:]
        assert header == ["claim_id", "other", "kind", "speaker", "notes"], (story.name, header)
        bad = [i for i, r in enumerate(body, start=2) if len(r) != len(header)]
        assert not bad, f"{story.name}/reuse.csv: lines {bad} do not have the header's five fields"
        reuse = pd.read_csv(story / "reuse.csv", dtype=str, keep_default_na=False)
        claims = set(pd.read_csv(story / "claims.csv", dtype=str, keep_default_na=False)["claim_id"])
        ids = [*reuse["claim_id"], *reuse["other"]]
        assert ids and set(ids) <= claims, (story.name, sorted(set(ids) - claims))


def test_fourteenth_round_no_part_worse_and_the_numbers_docs_audit_md_states(scores):
    # the fourteenth round (a quotation repeated with the reporter's description of its speaker,
    # kit.auditing.description; a long run of the reporters' words keeps a lone pair, kit.auditing.lone.shared_run; a
    # double prime after a word's punctuation closes a quotation, kit.auditing.marks), written with all twenty parts as
    # development material: against the kit before it (b58091d) no part finds fewer copies or lists fewer right pairs,
    # more wrong pairs, more shared quotations, stock phrases or unannotated pairs as copying; every pair it adds is a
    # copy; the kit as it stands scores what the file says, each part and each story
    r = _fourteenth_round()
    assert set(r["before"]) == set(r["after"]) == set(PARTS) and r["kit_before"] == "b58091d"
    assert set(r["stories"]["before"]) == set(r["stories"]["after"]) == {x for v in PARTS.values() for x in v}
    for part in PARTS:
        s, was, now = scores[part], r["before"][part], r["after"][part]
        assert {k: s[k] for k in SCORED} == {k: now[k] for k in SCORED}, part
        assert now["found"] >= was["found"] and now["right"] >= was["right"], part
        assert now["listed"] - now["right"] <= was["listed"] - was["right"], part
        for k in ("shared_quotes_as_copying", "stock_phrases_as_copying", "unannotated_as_copying"):
            assert now[k] <= was[k], (part, k)
        assert set(now["missed"]) <= set(was["missed"]), part
    for story in ("mina-hajj-stampede-2015", "delhi-factory-fire-2019", "mati-wildfire-2018"):  # a few, each alone
        one = _alone(story)
        assert {k: one[k] for k in TOTALS} == {k: r["stories"]["after"][story][k] for k in TOTALS}, story
    b, a = r["total"]["before"], r["total"]["after"]
    for w, t in (("before", b), ("after", a)):
        assert all(t[k] == sum(r[w][p][k] for p in PARTS) for k in TOTALS), w
        assert t["wrong"] == t["listed"] - t["right"]
    assert a["found"] > b["found"] and a["right"] > b["right"] and a["wrong"] <= b["wrong"]
    assert a["shared_quotes_as_copying"] <= b["shared_quotes_as_copying"]
    # each rule's pairs: copies all, as listed now; the copies each finds
    rules = r["rules"]
    assert rules["described"]["settings"] == {
        "LINKED_ONCE": kit.auditing.description.LINKED_ONCE,
        "SAME_QUOTE": kit.auditing.description.SAME_QUOTE,
        "DESCRIBED": kit.auditing.description.DESCRIBED,
        "QUOTED": kit.auditing.framing.QUOTED,
    }
    assert rules["long_run"]["settings"] == {"RUN": kit.auditing.lone.RUN, "RUN_WORDS": kit.auditing.lone.RUN_WORDS}
    added = 0
    for rule in rules.values():
        for part, pairs in rule["pairs"].items():
            same, _ = copy_groups(load_part(PARTS[part])[1])
            listed = _shared_text(scores[part])
            assert all(same(p["claim_id"], p["cites"]) for p in pairs), part
            assert all(listed.loc[(p["claim_id"], p["cites"]), "evidence"] == p["evidence"] for p in pairs), part
            added += len(pairs)
    assert added == a["listed"] - b["listed"] == a["right"] - b["right"]
    found = {k: sum(rule["found_more"].values()) for k, rule in rules.items()}
    assert (
        found == {"described": 4, "long_run": 5, "double_prime": 1} and sum(found.values()) == a["found"] - b["found"]
    )
    assert [p["claim_id"] for p in rules["double_prime"]["pairs"]["held-out-9"]].count("latintimes-10") == 1
    described = {p["claim_id"] for v in rules["described"]["pairs"].values() for p in v}
    assert {"torontostar-2", "israelhayomcom-5", "sakshien-12"} <= described
    # the synthetic cases: the same rows before and after
    syn = r["synthetic_100k"]
    assert syn["same_rows"] == {"kit": True, "heldout": True}
    assert syn["after"]["heldout"]["recall"] == syn["before"]["heldout"]["recall"]
    assert r["not_adopted"]["long_run_without_lone"]["synthetic_heldout_listed"] == [
        syn["before"]["heldout"]["listed"],
        syn["before"]["heldout"]["listed"] + 23,
    ]
    prose = " ".join(DOC.read_text(encoding="utf-8").split())
    gained = [p for p in PARTS if r["after"][p]["found"] > r["before"][p]["found"]]
    said = [
        f"Before it, the kit found {b['found']} of {b['copies']} copies, listed {b['listed']} pairs of which "
        f"{b['right']} right, and {b['shared_quotes_as_copying']} of {b['shared_quotes']} shared quotations as copying",
        f"The round finds {a['found']} of {a['copies']} copies in all ({b['found']} before): "
        + ", ".join(f"{p}: {r['before'][p]['found']} to {r['after'][p]['found']}" for p in gained),
        f"it lists {a['listed']} pairs of which {a['right']} right ({b['listed']} and {b['right']} before: "
        f"{a['wrong']} wrong pairs, {b['wrong']} before), {a['shared_quotes_as_copying']} of {a['shared_quotes']} "
        f"shared quotations as copying ({b['shared_quotes_as_copying']} before), {a['stock_phrases_as_copying']} stock "
        f"phrases and {a['unannotated_as_copying']} unannotated pairs (the same)",
        "linked by at least 1 listed pair",
        "at least 0.75 in the other (at least 2 of them)",
        "they share at least 0.75 of the shorter one's",
        "a run of at least 8 consecutive words outside quotation marks",
        "at least 5 of them content words",
        f"Held-out-8's recall now reaches issue 22's goal ({scores['held-out-8']['recall']:.2f}, "
        f"{scores['held-out-8']['found']} of {scores['held-out-8']['copies']})",
        "precision 0.9836 to 0.9778, recall the same",
    ]
    for words in said:
        assert words in prose, words
    log = " ".join((HERE.parent / "CHANGELOG.md").read_text(encoding="utf-8").split())
    said = (
        f"On the twenty parts of real coverage {a['found']} of {a['copies']} copies are found ({b['found']} before), "
        f"{a['right']} of {a['listed']} listed pairs right ({b['right']} of {b['listed']} before) and "
        f"{a['shared_quotes_as_copying']} of {a['shared_quotes']} shared quotations listed as copying (the same)"
    )
    assert said in log, said
