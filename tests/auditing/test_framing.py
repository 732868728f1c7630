"""kit.auditing.framing: a quotation with the same lower-case framing, between two reports that copy each other
elsewhere, is copied prose; with a bare attribution, or between reports that do not copy each other, it is not. On the
real coverage's sentences (tests/audit_corpus/): Reuters' and AAP's texts on the Kanjuruhan stadium crush (Nahar's
words "said Nahar, a ministry official" / "Nahar, a ministry official, was quoted as saying"), two texts of one agency
story on the Notre-Dame fire ("But he also warned: “Let us not fall into the trap of haste.”")."""

from __future__ import annotations

import json
import pathlib

import numpy as np
import pandas as pd
from test_aligned import write
from test_auditing import pairs_of

import kit
from kit.auditing import audit
from kit.auditing.framing import FRAMING, KEPT, LINKED, QUOTED, SAME_QUOTE, linked_reports

CORPUS = pathlib.Path(__file__).resolve().parents[1] / "audit_corpus"
RESULTS = pathlib.Path(__file__).resolve().parents[2] / "benchmarks" / "results-audit-corpus-twelfth-round.json"


def sentences(story: str, report: str) -> list:
    """The claims of ``report`` in ``story`` (its sentences, in order), as build.py made them from the article."""
    claims = pd.read_csv(CORPUS / story / "claims.csv", dtype=str, keep_default_na=False)
    return claims[claims["report_id"] == report]["text"].tolist()


AAP = sentences("kanjuruhan-stadium-2022", "sbsau")  # AAP's version of Reuters' story (SBS News)
REUTERS = sentences("kanjuruhan-stadium-2022", "gulfnews")  # Reuters' story (Gulf News)


def shared_text(case) -> pd.DataFrame:
    rows = audit(case, rejected=())
    return rows[rows["signal"] == "shared_text"]


def test_the_real_sentences_are_these():
    assert AAP[5] == (
        '"Seventeen children died and seven were treated, but there is a possibility that could increase," Nahar, a '
        "ministry official, was quoted as saying."
    )
    assert REUTERS[5] == (
        '"Seventeen children died and seven were treated, but there is a possibility that could increase," said Nahar, '
        "a ministry official."
    )


def test_a_quotation_framed_alike_by_two_reports_that_copy_each_other_is_copied_prose(tmp_path):
    # the two leads and the next sentence, edited copies, are listed: the reports copy each other (2 pairs)
    articles = [("sbsau", "2022-10-03T05:00:00Z", [AAP[0], AAP[1], AAP[5]])]
    articles.append(("gulfnews", "2022-10-03T06:00:00Z", [REUTERS[0], REUTERS[1], REUTERS[5]]))
    rows = shared_text(kit.load_case(write(tmp_path / "c", articles)))
    assert {("gulfnews-1", "sbsau-1"), ("gulfnews-2", "sbsau-2"), ("gulfnews-3", "sbsau-3")} <= pairs_of(rows)
    ev = rows.set_index(["claim_id", "cites"])["evidence"][("gulfnews-3", "sbsau-3")]
    assert ev.startswith("copied prose: ministry official; both quote: seventeen children died") and "alike" in ev


def test_between_reports_linked_by_one_pair_it_is_not(tmp_path):
    # the framing rule asks two pairs; the same description of the speaker ("a ministry official") between reports
    # linked by one pair is kit.auditing.description's (the fourteenth round), not this rule's
    articles = [("sbsau", "2022-10-03T05:00:00Z", [AAP[0], AAP[5]])]
    articles.append(("gulfnews", "2022-10-03T06:00:00Z", [REUTERS[0], REUTERS[5]]))
    rows = shared_text(kit.load_case(write(tmp_path / "c", articles)))
    assert ("gulfnews-1", "sbsau-1") in pairs_of(rows)
    ev = rows.set_index(["claim_id", "cites"])["evidence"].get(("gulfnews-2", "sbsau-2"), "")
    assert "alike" not in ev and "same description of its speaker" in ev


def test_with_a_bare_attribution_it_is_a_shared_quotation(tmp_path):
    # the same two reports, the speaker's description left out of both: nothing of the framing is the reporter's
    bare = [REUTERS[0], REUTERS[1], REUTERS[5].replace(", a ministry official.", ".")]
    articles = [("sbsau", "2022-10-03T05:00:00Z", [AAP[0], AAP[1], AAP[5].replace(", a ministry official,", "")])]
    articles.append(("gulfnews", "2022-10-03T06:00:00Z", bare))
    got = pairs_of(shared_text(kit.load_case(write(tmp_path / "c", articles))))
    assert ("gulfnews-2", "sbsau-2") in got and ("gulfnews-3", "sbsau-3") not in got


def test_a_speech_verb_is_no_framing_on_the_notre_dame_story():
    # AsiaOne's and Al Arabiya's texts of one agency story, listed as copying each other in six pairs, both give
    # Macron's words with "But he also warned:" (annotated a shared quotation): "warned" is the attribution's
    case = kit.load_case(str(CORPUS / "notre-dame-fire-2019"))
    got = pairs_of(shared_text(case))
    linked = {(a, b) for a, b in got if {a.split("-")[0], b.split("-")[0]} == {"asiaone", "alarabiya"}}
    assert len(linked) >= LINKED
    assert (
        sentences("notre-dame-fire-2019", "asiaone")[3]
        == 'But he also warned: "Let us not fall into the trap of haste."'
    )
    assert ("alarabiya-3", "asiaone-4") not in got and ("asiaone-4", "alarabiya-3") not in got


def test_the_kanjuruhan_story_lists_nahar_with_reuters_framing():
    rows = shared_text(kit.load_case(str(CORPUS / "kanjuruhan-stadium-2022")))
    framed = rows[rows["evidence"].str.contains("framed alike", regex=False)]
    assert set(zip(framed["claim_id"], framed["cites"], strict=True)) == {
        ("gulfnews-6", "sbsau-6"),
        ("thenationalnews-11", "sbsau-6"),
    }


def test_linked_reports():
    report = np.array([0, 0, 1, 1, 2, 2])
    assert linked_reports(report, np.array([2, 3, 4]), np.array([0, 1, 0])) == {frozenset((0, 1))}
    assert linked_reports(report, np.array([2, 3, 4]), np.array([0, 1, 0]), at_least=1) == {
        frozenset((0, 1)),
        frozenset((0, 2)),
    }
    assert linked_reports(report, np.array([1]), np.array([0]), at_least=1) == set()  # one report with itself


def test_the_settings_are_the_ones_chosen_leaving_one_part_out():
    r = json.loads(RESULTS.read_text(encoding="utf-8"))
    chosen = r["framing"]["settings"]
    assert (
        chosen["LINKED"],
        chosen["FRAMING"],
        chosen["KEPT"],
        chosen["SAME_QUOTE"],
        chosen["QUOTED"],
    ) == (LINKED, FRAMING, KEPT, SAME_QUOTE, QUOTED)
    folds = r["framing"]["leave_one_part_out"]["folds"]
    key = f"{LINKED},{FRAMING},{KEPT},{SAME_QUOTE}"
    assert all(key in f["chosen"] for f in folds.values())


def test_a_bare_designation_is_the_speakers_not_framing_on_the_visakhapatnam_story():
    # two versions of Reuters' story (bdnews24.com, CNBC-TV18), listed as copying each other in other sentences,
    # both give an official's words with a bare "the official added" (annotated a shared quotation; the twelfth
    # held-out part listed it as copying at its single score, before this rule): "official" is the speaker's
    # designation, not a description the reporter wrote
    story = "visakhapatnam-gas-leak-2020"
    quote = '"We expect it to take at least an hour to complete evacuation of these villages," the official added.'
    assert sentences(story, "bdnews24com")[3] == sentences(story, "cnbctv18com")[4] == quote
    got = pairs_of(shared_text(kit.load_case(str(CORPUS / story))))
    linked = {(a, b) for a, b in got if {a.rsplit("-", 1)[0], b.rsplit("-", 1)[0]} == {"bdnews24com", "cnbctv18com"}}
    assert len(linked) >= LINKED
    assert ("cnbctv18com-5", "bdnews24com-4") not in got


def test_a_description_by_an_organisations_name_is_framing_on_the_derna_story():
    # WION's "the WMO chief further told reporters" (no name: the reporter's description), copied by APA with the
    # quotation: copied prose, listed for its framing; "told reporters" itself is the speech clause's
    rows = shared_text(kit.load_case(str(CORPUS / "derna-floods-2023")))
    framed = rows[rows["evidence"].str.contains("framed alike", regex=False)].set_index(["claim_id", "cites"])
    assert framed.loc[("apaaz-5", "wionewscom-5"), "evidence"].startswith("copied prose: chief; both quote")
