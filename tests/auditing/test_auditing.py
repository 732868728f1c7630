"""kit.audit: suspected dependence the tables do not declare (contract v2), its signals, rules and scale.

The small cases below are written out here as CSV; every expected answer was worked out by hand from them.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import os
import pathlib
import shutil
import stat

import numpy as np
import pandas as pd
import pytest

import kit
from kit.auditing import audit, explained_pairs, with_suspected
from kit.auditing.minhash import candidate_pairs, collision_probability, signatures
from kit.auditing.text import corpus, word_spans, words
from kit.cli import audit as audit_cli

# the shared contract lies beside the repository (as the Makefile's CONTRACT says)
MINI2 = os.path.join(os.path.dirname(os.path.abspath(__file__)), *[".."] * 3, "shared", "contract", "cases", "mini2")
ALL = ("stated", "inferred", "suspected")


def pairs_of(rows) -> set:
    return set(zip(rows["claim_id"], rows["cites"], strict=False))


# ---------------------------------------------------------------------------------------------- small cases

SOURCES = [
    ("herald", "The Herald", "newspaper"),
    ("wire", "Wire Service", "wire"),
    ("radio", "Radio North", "broadcaster"),
    ("council", "Town council", "official"),
    ("anon", "Two Russians (unnamed)", "anonymous"),
    ("berg", "Mayor Anna Berg", "individual"),
]


def write_case(folder, claims, citations=(), basis=True):
    """A case folder: ``claims`` are (claim_id, publisher, published, proposition, text, low, high)."""
    os.makedirs(folder, exist_ok=True)

    def table(name, header, rows):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
        with open(os.path.join(folder, f"{name}.csv"), "w", encoding="utf-8", newline="") as fh:
            fh.write(buf.getvalue())

    table("sources", ["source_id", "name", "kind"], SOURCES)
    table("reports", ["report_id", "source_id", "published"], [(f"r_{c[0]}", c[1], c[2]) for c in claims])
    table(
        "claims",
        ["claim_id", "report_id", "proposition", "text", "low", "high", "certainty"],
        [(c[0], f"r_{c[0]}", c[3], c[4], c[5], c[6], "asserted") for c in claims],
    )
    header = ["claim_id", "cites", "relation", "evidence"] + (["basis"] if basis else [])
    table("citations", header, [(tuple(row) + ("",) * len(header))[: len(header)] for row in citations])
    return folder


COPIED = "Russian contractors fought beside Syrian militias near the Conoco gas plant east of the Euphrates river"
EDITED = "Russian contractors fought alongside Syrian militias near the Conoco gas field east of the Euphrates river"


def one(tmp_path, claims, citations=(), name="c"):
    return kit.load_case(write_case(str(tmp_path / name), claims, citations))


# ---------------------------------------------------------------------------------------------- contract (mini2)


@pytest.fixture(scope="module")
def mini2(tmp_path_factory):
    """mini2 from the shared contract. Until the reader takes version 2 dates, a copy with exact dates and
    ``published_latest`` set as the contract reads them (r3: 2025-05 -> May 1-31, r4: May 2-4)."""
    assert os.path.isdir(MINI2), f"the shared contract case is missing: {MINI2}"
    try:
        return kit.load_case(MINI2)
    except kit.CaseError:
        folder = tmp_path_factory.mktemp("mini2") / "mini2"
        shutil.copytree(MINI2, folder)
        p = folder / "reports.csv"
        p.write_text(p.read_text().replace("2025-05-02/2025-05-04", "2025-05-02").replace(",2025-05,", ",2025-05-01,"))
        case = kit.load_case(folder)
        rep = case.reports.copy()
        latest = {"r3": "2025-05-31", "r4": "2025-05-04"}
        rep["published_latest"] = [
            pd.Timestamp(latest[r], tz="UTC") if r in latest else p
            for r, p in zip(rep["report_id"], rep["published"], strict=False)
        ]
        return dataclasses.replace(case, reports=rep)


def test_mini2_the_radio_copy_is_found_and_the_cited_pair_is_not(mini2):
    a = audit(mini2)
    assert {"claim_id", "cites", "signal", "score", "evidence"} <= set(a.columns)
    pairs = pairs_of(a)
    assert pairs & {("k_radio", "k_notice"), ("k_radio", "k_herald")}
    assert ("k_herald", "k_notice") not in pairs  # already cited
    assert not any(c == "k_wire" for c, _ in pairs)  # "three hundred pupils" alone never suffices
    row = a[a["claim_id"] == "k_radio"].iloc[0]
    radio = mini2.claims.set_index("claim_id").loc["k_radio", "text"]
    # the evidence says what kind of passage it is (issue 22): the reporters' own words, found in the radio's text
    passage = row["evidence"].removeprefix("copied prose: ")
    assert row["evidence"].startswith("copied prose: ") and passage in radio
    assert row["signal"] == "shared_text" and 0.5 <= row["score"] <= 1


def test_mini2_with_suspected_is_a_new_case_whose_links_are_followed_only_when_asked(mini2):
    before = mini2.citations.copy()
    a = audit(mini2)
    more = with_suspected(mini2, a)
    assert mini2.citations.equals(before)  # never changed in place
    new = more.citations.iloc[len(before) :]
    assert list(new["basis"]) == ["suspected"] * len(a) and set(new["relation"]) == {"relies_on"}
    assert list(new["evidence"]) == list(a["evidence"])
    assert pairs_of(new) == pairs_of(a)
    pair = [tuple(sorted(pairs_of(a)))[0]]
    assert not explained_pairs(more, pair)[0]  # default follow: suspected not followed
    assert explained_pairs(more, pair, follow=ALL)[0]
    assert audit(more).empty  # now cited: not suggested again


def test_with_suspected_refuses_unknown_claims_and_cited_pairs_all_at_once(mini2):
    bad = pd.DataFrame({"claim_id": ["k_nobody", "k_herald"], "cites": ["k_notice", "k_notice"]})
    with pytest.raises(ValueError) as err:
        with_suspected(mini2, bad)
    assert "'k_nobody' is not a claim" in str(err.value) and "already cites 'k_notice'" in str(err.value)


def test_with_suspected_adds_a_basis_column_when_the_case_has_none(tmp_path):
    case = one(
        tmp_path,
        [
            ("k1", "wire", "2018-02-13T10:00:00Z", "p", COPIED, "", ""),
            ("k2", "herald", "2018-02-13T12:00:00Z", "p", EDITED, "", ""),
            ("k3", "radio", "2018-02-13T13:00:00Z", "p", "other words entirely", "", ""),
        ],
        [("k3", "k1", "relies_on", "says the wire")],
    )
    case = dataclasses.replace(case, citations=case.citations.drop(columns=["basis"]))
    more = with_suspected(case, audit(case))
    assert "basis" not in case.citations.columns
    assert list(more.citations["basis"]) == ["stated", "suspected"]


# ---------------------------------------------------------------------------------------------- shared quotations

QUOTE = "the river has never risen this fast in forty years of keeping records"


def test_a_shared_quotation_is_not_copying_and_suggests_citing_the_speaker(tmp_path):
    case = one(
        tmp_path,
        [
            (
                "k1",
                "wire",
                "2018-02-13T10:00:00Z",
                "p",
                f"Floods shut the old bridge, “{QUOTE},” Anna Berg said.",
                "",
                "",
            ),
            (
                "k2",
                "herald",
                "2018-02-13T12:00:00Z",
                "p",
                f"Pupils moved to the hall. “{QUOTE},” Anna Berg told us.",
                "",
                "",
            ),
        ],
    )
    rows = audit(case)
    assert set(rows["signal"]) == {"shared_quote"}  # never one claim resting on the other
    assert pairs_of(rows) == {("k1", "berg"), ("k2", "berg")}
    assert rows["evidence"].str.startswith("quotes Anna Berg in the same words as k").all()
    more = with_suspected(case, rows)
    assert set(more.citations.loc[more.citations["basis"] == "suspected", "cites"]) == {"berg"}


def test_a_shared_quotation_of_an_unknown_speaker_is_listed_apart_and_not_as_copying(tmp_path):
    from kit.auditing.context import claims_in_time_order
    from kit.auditing.quotes import shared_quotes
    from kit.auditing.signals import matches

    case = one(
        tmp_path,
        [
            ("k1", "wire", "2018-02-13T10:00:00Z", "p", f"Floods shut the old bridge. “{QUOTE},” he said.", "", ""),
            ("k2", "herald", "2018-02-13T12:00:00Z", "p", f"“{QUOTE},” he told reporters on Monday.", "", ""),
        ],
    )
    assert audit(case).empty
    claims = claims_in_time_order(case)
    c = corpus(claims.text)
    q = shared_quotes(claims, c, matches(c))
    assert len(q) == 1 and q.loc[0, "evidence"] == QUOTE[4:] and q.loc[0, "speaker"] == ""  # from "river"


def test_the_same_quoted_words_given_to_two_people_are_listed_as_shared_text(tmp_path):
    case = one(
        tmp_path,
        [
            (
                "k1",
                "wire",
                "2018-02-13T10:00:00Z",
                "p",
                f"Floods shut the old bridge, “{QUOTE},” Anna Berg said.",
                "",
                "",
            ),
            (
                "k2",
                "herald",
                "2018-02-13T12:00:00Z",
                "p",
                f"Pupils moved to the hall, “{QUOTE},” Tom Hale said.",
                "",
                "",
            ),
        ],
    )
    rows = audit(case)
    assert pairs_of(rows) == {("k2", "k1")} and rows.loc[0, "signal"] == "shared_text"
    assert rows.loc[0, "evidence"].startswith("the same quoted words, given to different people: ")


def test_a_quotation_with_its_framing_copied_is_copied_prose_and_the_evidence_says_which_is_which(tmp_path):
    frame = "said the Ashford flood warden Anna Berg standing on the broken embankment wall"
    case = one(
        tmp_path,
        [
            ("k1", "wire", "2018-02-13T10:00:00Z", "p", f"“{QUOTE},” {frame}.", "", ""),
            ("k2", "herald", "2018-02-13T12:00:00Z", "p", f"“{QUOTE},” {frame} on Monday.", "", ""),
        ],
    )
    rows = audit(case)
    assert pairs_of(rows) == {("k2", "k1")} and rows.loc[0, "signal"] == "shared_text"
    assert rows.loc[0, "evidence"] == f"copied prose: {frame[9:]}; both quote: {QUOTE[4:]}"  # content words


def test_a_quotation_copied_with_four_words_of_its_framing_is_copied_prose(tmp_path):
    # AsiaOne and Al Arabiya on Macron, 16 April 2019 (tests/audit_corpus/notre-dame-fire-2019): the framing
    # shares four content words, one fewer than prose alone needs; with the shared quotation it is a copy
    later = (
        '"Each time we rebuilt them," he said, adding that the cathedral inferno had shown that "our history never '
        'stops and that we will always have trials to overcome".'
    )
    earlier = (
        "“Each time we rebuilt them,” he said, adding that the cathedral inferno had shown that “our history never "
        "stops and that we will always have trials to overcome.”"
    )
    case = one(
        tmp_path,
        [
            ("k1", "wire", "2019-04-16T10:00:00Z", "p", earlier, "", ""),
            ("k2", "herald", "2019-04-16T12:00:00Z", "p", later, "", ""),
            (
                "k3",
                "radio",
                "2019-04-16T13:00:00Z",
                "p",
                "Fire crews left the cathedral square on Tuesday night.",
                "",
                "",
            ),
        ],
    )
    rows = audit(case)
    assert pairs_of(rows) == {("k2", "k1")} and rows.loc[0, "signal"] == "shared_text"
    assert rows.loc[0, "evidence"] == (
        "copied prose: adding that the cathedral inferno had shown; both quote: history never stops and that we will "
        "always have trials to overcome"
    )


@pytest.mark.parametrize(
    "frame",
    [
        "he told reporters in Ashford on Monday",  # an attribution with a place and a day: three words
        "Mayor Anna Berg told reporters",  # the speaker's name and title are the attribution, not framing
    ],
)
def test_a_shared_quotation_with_only_its_attribution_in_common_stays_a_shared_quotation(tmp_path, frame):
    case = one(
        tmp_path,
        [
            ("k1", "wire", "2018-02-13T10:00:00Z", "p", f"Floods shut the old bridge. “{QUOTE},” {frame}.", "", ""),
            ("k2", "herald", "2018-02-13T12:00:00Z", "p", f"“{QUOTE},” {frame}.", "", ""),
        ],
    )
    rows = audit(case)
    assert "shared_text" not in set(rows["signal"])


# ---------------------------------------------------------------------------------------------- shared_text


def test_shared_text_finds_an_edited_copy_with_its_passage_as_the_later_claim_has_it(tmp_path):
    case = one(
        tmp_path,
        [
            ("k1", "wire", "2018-02-13T10:00:00Z", "p", COPIED + ", officials said.", "", ""),
            ("k2", "herald", "2018-02-13T12:00:00Z", "p", "On Tuesday " + EDITED + "!", "", ""),
        ],
    )
    a = audit(case)
    assert pairs_of(a) == {("k2", "k1")}
    assert a.loc[0, "signal"] == "shared_text" and a.loc[0, "evidence"] == "copied prose: " + EDITED
    assert a.loc[0, "score"] > 0.8


def test_shared_text_ignores_stock_phrases_and_stop_words(tmp_path):
    case = one(
        tmp_path,
        [
            (
                "k1",
                "wire",
                "2018-02-13T10:00:00Z",
                "p",
                "Three hundred pupils will move, and it is what it is for them.",
                "",
                "",
            ),
            (
                "k2",
                "herald",
                "2018-02-13T12:00:00Z",
                "p",
                "More than three hundred pupils moved, and it is what it is for them, the Herald says.",
                "",
                "",
            ),
            (
                "k3",
                "radio",
                "2018-02-13T13:00:00Z",
                "p",
                "Three hundred pupils face a long bus ride to the library.",
                "",
                "",
            ),
        ],
    )
    assert audit(case).empty


def test_a_copy_of_a_copy_is_listed_against_the_copy_whose_edits_it_carries(tmp_path):
    # k2 rewrote k1 (two words changed); k3 copies k2 with one more edit: k3 repeats k2's edits, not k1's words
    k2 = COPIED.replace("beside", "with").replace("plant", "site")
    k3 = k2.replace("river", "valley")
    case = one(
        tmp_path,
        [
            ("k1", "wire", "2018-02-13T10:00:00Z", "p", COPIED, "", ""),
            ("k2", "herald", "2018-02-13T12:00:00Z", "p", k2, "", ""),
            ("k3", "radio", "2018-02-13T14:00:00Z", "p", k3, "", ""),
        ],
    )
    assert pairs_of(audit(case)) == {("k2", "k1"), ("k3", "k2")}


def test_texts_differing_only_in_stop_words_are_told_apart(tmp_path):
    # k2 changed only stop words of k1; k3 repeats k2 word for word: it is listed against k2, not k1
    k2 = COPIED.replace(" the Conoco", " a Conoco").replace("east of the", "east of a")
    case = one(
        tmp_path,
        [
            ("k1", "wire", "2018-02-13T10:00:00Z", "p", COPIED, "", ""),
            ("k2", "herald", "2018-02-13T12:00:00Z", "p", k2, "", ""),
            ("k3", "radio", "2018-02-13T14:00:00Z", "p", k2 + ".", "", ""),
        ],
    )
    assert pairs_of(audit(case)) == {("k2", "k1"), ("k3", "k2")}


def test_a_copy_cut_by_edits_into_short_runs_is_found_but_one_short_run_is_not(tmp_path):
    # three words replaced in a row cut the copy into runs of 3 and 4 shared content words: no passage of 5
    original = "Maxim Buga Cossack leader counted many dozens dead volunteers near Khasham"
    cut = "Maxim Buga Cossack chief tallied several dozens dead volunteers near Deir"
    case = one(
        tmp_path,
        [
            ("k1", "wire", "2018-02-13T10:00:00Z", "p", original, "", ""),
            ("k2", "herald", "2018-02-13T12:00:00Z", "p", cut, "", ""),
            (
                "k3",
                "radio",
                "2018-02-13T14:00:00Z",
                "q",
                "Orchards along Maxim Buga Cossack roads flowered early",
                "",
                "",
            ),
        ],
    )
    rows = audit(case, min_score=0.0)
    assert pairs_of(rows) == {("k2", "k1")}  # k3's run of 3 (with either) never suffices
    assert rows.loc[0, "evidence"] == "copied prose: Maxim Buga Cossack … dozens dead volunteers near"


def test_longest_shared_runs_names_the_closest_pairs_and_refuses_an_archive(tmp_path):
    from kit.auditing.runs import longest_shared_runs

    case = one(
        tmp_path,
        [
            ("k1", "wire", "2018-02-13T10:00:00Z", "p", "Pupils moved to the old library on Monday morning", "", ""),
            ("k2", "herald", "2018-02-13T12:00:00Z", "p", "The pupils moved to an old library, officials said", "", ""),
            ("k3", "wire", "2018-02-13T14:00:00Z", "p", "Pupils moved to the old library on Monday morning", "", ""),
        ],
    )
    runs = longest_shared_runs(case)
    # k1 and k3 are one publisher's: never paired; k2 shares four content words in a row with each (the stop
    # words between them do not count), and "officials" with neither
    assert runs[["claim_id", "other", "length", "run"]].values.tolist() == [
        ["k1", "k2", 4, "pupils moved old library"],
        ["k2", "k3", 4, "pupils moved old library"],
    ]
    with pytest.raises(ValueError, match="every pair would be compared"):
        longest_shared_runs(case, max_claims=2)


def test_score_grows_with_the_length_and_rarity_of_the_shared_words(tmp_path):
    from kit.auditing.signals import score

    assert score(8, 10) > score(5, 10) > score(5, 40) > 0  # longer, and more of the claim: surer

    def case(filler_words, name):
        filler = [
            (f"k{i}", "radio", "2018-02-12T00:00:00Z", "q", f"{filler_words} number {i}", "", "") for i in range(10, 30)
        ]
        return one(
            tmp_path,
            [
                ("k1", "wire", "2018-02-13T10:00:00Z", "p", COPIED, "", ""),
                ("k2", "herald", "2018-02-13T12:00:00Z", "p", EDITED, "", ""),
            ]
            + filler,
            name=name,
        )

    rare = audit(case("the council roof was repaired", "rare"), min_score=0.0).set_index("claim_id")
    common = audit(case("Russian contractors fought Syrian militias", "common"), min_score=0.0).set_index("claim_id")
    assert rare.loc["k2", "score"] > common.loc["k2", "score"] > 0  # the same passage, its words less rare


# ---------------------------------------------------------------------------------------------- same_figure


def figure_case(tmp_path, low2="217", when2="2018-02-13T20:00:00Z", cite=None, name="f"):
    claims = [
        ("k1", "wire", "2018-02-13T10:00:00Z", "killed", "Officials counted 217 dead after the attack", "217", "217"),
        ("k2", "herald", when2, "killed", "The toll reached " + low2 + ", a local paper found", low2, low2),
    ]
    claims += [
        (f"k{i}", "radio", "2018-02-12T10:00:00Z", "killed", f"an estimate of {v}", str(v), str(v))
        for i, v in ((3, 40), (4, 63), (5, 88))
    ]
    return one(tmp_path, claims, [("k2", "council", "relies_on", "officials")] if cite else [], name=name)


def test_same_figure_pairs_an_uncited_repeat_of_an_unusual_figure(tmp_path):
    a = audit(figure_case(tmp_path))
    assert pairs_of(a) == {("k2", "k1")}
    row = a.iloc[0]
    assert row["signal"] == "same_figure" and "217" in row["evidence"] and "citing nothing" in row["evidence"]
    assert 0.5 < row["score"] < 1


@pytest.mark.parametrize("change", ["round", "cited", "late"])
def test_same_figure_not_for_round_figures_cited_claims_or_a_long_gap(tmp_path, change):
    case = figure_case(
        tmp_path,
        low2="217" if change != "round" else "200",
        cite=change == "cited",
        when2="2018-02-19T10:00:00Z" if change == "late" else "2018-02-13T20:00:00Z",
        name=change,
    )
    if change == "round":
        case = dataclasses.replace(
            case,
            claims=case.claims.assign(
                low=case.claims["low"].where(case.claims["claim_id"] != "k1", 200),
                high=case.claims["high"].where(case.claims["claim_id"] != "k1", 200),
            ),
        )
    assert audit(case).empty


# ---------------------------------------------------------------------------------------------- same_attribution


def test_same_attribution_pairs_the_same_anonymous_wording(tmp_path):
    case = one(
        tmp_path,
        [
            (
                "k1",
                "wire",
                "2018-02-13T10:00:00Z",
                "p",
                "More than 200 died in the assault, two of the Russians said.",
                "",
                "",
            ),
            (
                "k2",
                "herald",
                "2018-02-14T10:00:00Z",
                "p",
                "Scores perished, two of the Russians said on Wednesday.",
                "",
                "",
            ),
            ("k3", "radio", "2018-02-14T11:00:00Z", "other", "Two of the Russians said it was a rout.", "", ""),
        ],
    )
    a = audit(case)
    assert pairs_of(a) == {("k2", "k1")}  # k3 answers another question
    assert a.iloc[0]["signal"] == "same_attribution" and "two of the russians said" in a.iloc[0]["evidence"]


def test_a_stock_attribution_does_not_suffice(tmp_path):
    case = one(
        tmp_path,
        [
            ("k1", "wire", "2018-02-13T10:00:00Z", "p", "More than 200 died in the assault, a source said.", "", ""),
            ("k2", "herald", "2018-02-14T10:00:00Z", "p", "Scores perished, a source said on Wednesday.", "", ""),
        ],
    )
    assert audit(case).empty


# ---------------------------------------------------------------------------------------------- the rules


def test_pairs_within_one_publisher_are_never_listed(tmp_path):
    case = one(
        tmp_path,
        [
            ("k1", "wire", "2018-02-13T10:00:00Z", "p", COPIED, "217", "217"),
            ("k2", "wire", "2018-02-13T12:00:00Z", "p", EDITED + ", two of the Russians said", "217", "217"),
        ],
    )
    assert audit(case, min_score=0.0).empty


@pytest.mark.parametrize("relation", ["relies_on", "corroborates", "disputes"])
def test_already_cited_pairs_are_never_listed(tmp_path, relation):
    case = one(
        tmp_path,
        [
            ("k1", "wire", "2018-02-13T10:00:00Z", "p", COPIED, "", ""),
            ("k2", "herald", "2018-02-13T12:00:00Z", "p", EDITED, "", ""),
        ],
        [("k2", "k1", relation, "the wire says")],
        name=relation,
    )
    assert audit(case, min_score=0.0).empty


def test_a_followed_chain_explains_a_pair_and_an_unfollowed_one_does_not(tmp_path):
    claims = [
        ("k1", "wire", "2018-02-13T10:00:00Z", "p", COPIED, "", ""),
        ("k2", "radio", "2018-02-13T11:00:00Z", "p", "The wire reports fighting at the plant", "", ""),
        ("k3", "herald", "2018-02-13T12:00:00Z", "p", EDITED, "", ""),
    ]
    chain = [("k3", "k2", "relies_on", "the radio said", "stated"), ("k2", "k1", "relies_on", "per the wire", "")]
    assert audit(one(tmp_path, claims, chain, name="chain")).empty
    hunch = [chain[0], ("k2", "k1", "relies_on", "per the wire", "suspected")]
    assert pairs_of(audit(one(tmp_path, claims, hunch, name="hunch"))) == {("k3", "k1")}


def test_explained_pairs_agrees_with_networkx_reachability():
    import networkx as nx

    case = kit.testing.synth.make_case(3_000, seed=9)
    cit = case.citations[case.citations["relation"] != "disputes"]
    claims = set(case.claims["claim_id"])
    g = nx.DiGraph((a, b) for a, b in zip(cit["claim_id"], cit["cites"], strict=False) if b in claims)
    rng = np.random.default_rng(1)
    ids = case.claims["claim_id"].to_numpy()
    pairs = [tuple(ids[rng.integers(0, len(ids), 2)]) for _ in range(3000)]
    pairs += [(a, b) for a in list(g)[:300] for b in list(nx.descendants(g, a))[:3]]  # some reachable for sure
    want = [a in g and b in nx.descendants(g, a) for a, b in pairs]
    got = explained_pairs(case, pairs).tolist()
    assert got == want and sum(want) > 300


def test_the_earlier_claim_is_the_one_cited(tmp_path):
    case = one(
        tmp_path,
        [
            ("k1", "herald", "2018-02-14T10:00:00Z", "p", EDITED, "", ""),
            ("k2", "wire", "2018-02-13T10:00:00Z", "p", COPIED, "", ""),
        ],
    )
    assert pairs_of(audit(case)) == {("k1", "k2")}


def test_a_copy_of_a_copy_is_listed_against_the_copy_it_repeats(tmp_path):
    third = EDITED.replace("Euphrates river", "Euphrates valley")
    case = one(
        tmp_path,
        [
            ("k1", "wire", "2018-02-13T10:00:00Z", "p", COPIED, "", ""),
            ("k2", "herald", "2018-02-13T12:00:00Z", "p", EDITED, "", ""),
            ("k3", "radio", "2018-02-13T14:00:00Z", "p", third, "", ""),
        ],
    )
    assert pairs_of(audit(case)) == {("k2", "k1"), ("k3", "k2")}


# ---------------------------------------------------------------------------------------------- the parts


@pytest.mark.parametrize(
    "text",
    [
        "“Dozens” were killed, al-Assad’s  allies said…",
        "Zürich — Дейр-эз-Зор,\tthe (unnamed) source's 200+",
        " ,,, -- ",
        "",
        "tab\tand\nnewline  end.",
        "'quoted' \"twice\" «guillemets» ¿qué?",
    ],
)
def test_the_bulk_and_the_single_text_normalisation_agree(text):
    c = corpus([text])
    assert c.normalised(0).split() == words(text)
    assert [text[s:e].replace("’", "'").lower() for _, s, e in word_spans(text)] == words(text)


def test_minhash_identical_sets_agree_and_near_copies_become_candidates():
    rng = np.random.default_rng(5)
    texts = [rng.choice(5000, 20, replace=False) for _ in range(200)]
    copies = [np.concatenate([t[:18], rng.choice(5000, 2)]) for t in texts[:50]]  # J about 0.8
    sets = texts + copies
    ptr = np.concatenate([[0], np.cumsum([len(s) for s in sets])])
    sig = signatures(ptr, np.concatenate(sets))
    cand = {tuple(p) for p in candidate_pairs(sig).tolist()}
    found = sum((200 + i, i) in cand for i in range(50))
    assert found >= 45 and len(cand) < 100
    assert np.isclose(float(collision_probability(0.8)), 1 - (1 - 0.8**3) ** 30)


def test_make_case_without_copies_is_unchanged_and_with_copies_keeps_the_truth_aside():
    plain = kit.testing.synth.make_case(800, seed=3)
    assert plain.claims["text"].str.startswith("Claim k").all()
    with pytest.raises(KeyError):
        kit.testing.synth.hidden_copies(plain)
    case = kit.testing.synth.make_case(800, seed=3, copy_rate=0.2)
    truth = kit.testing.synth.hidden_copies(case)
    assert len(truth) > 50 and not truth["claim_id"].isin(case.citations["claim_id"]).any()
    claims = case.claims.set_index("claim_id")
    pub = case.reports.set_index("report_id")["source_id"]
    assert (
        pub[claims.loc[truth["claim_id"], "report_id"]].to_numpy()
        != pub[claims.loc[truth["cites"], "report_id"]].to_numpy()
    ).all()
    order = {k: i for i, k in enumerate(case.claims["claim_id"])}
    assert all(order[c] > order[s] for c, s in zip(truth["claim_id"], truth["cites"], strict=False))
    assert case.claims["text"].nunique() > 0.5 * len(case.claims)


def test_recall_and_precision_on_5000_synthetic_claims_with_hidden_copies():
    case = kit.testing.synth.make_case(5_000, seed=7, copy_rate=0.1)
    truth = set(map(tuple, kit.testing.synth.hidden_copies(case).to_numpy()))
    found = pairs_of(audit(case))
    hit = len(found & truth)
    assert hit / len(truth) >= 0.95 and hit / len(found) >= 0.95


# ---------------------------------------------------------------------------------------------- the command line


def run_cli(path, *extra):
    parser = argparse.ArgumentParser(prog="kit")
    audit_cli.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["audit", str(path), *extra])
    return args.func(args)


def test_cli_prints_and_writes_only_by_appending(tmp_path, capsys):
    folder = write_case(
        str(tmp_path / "c"),
        [
            ("k1", "wire", "2018-02-13T10:00:00Z", "p", COPIED, "", ""),
            ("k2", "herald", "2018-02-13T12:00:00Z", "p", EDITED, "", ""),
        ],
        [("k1", "council", "relies_on", 'the council said, "so"', "")],
    )
    path = os.path.join(folder, "citations.csv")
    os.chmod(path, 0o640)
    before = pathlib.Path(path).read_bytes()
    assert run_cli(folder) == 0
    out = capsys.readouterr().out
    assert "k2 appears to rest on k1 (shared_text" in out and pathlib.Path(path).read_bytes() == before
    assert run_cli(folder, "--write") == 0
    after = pathlib.Path(path).read_bytes()
    assert after.startswith(before) and after[len(before) :].decode().endswith(",suspected\n")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    again = kit.load_case(folder)
    assert list(again.citations["basis"]) == ["stated", "suspected"]  # an empty basis reads as stated
    assert run_cli(folder, "--write") == 0 and pathlib.Path(path).read_bytes() == after  # nothing new to add
    assert "no suspected dependence found" in capsys.readouterr().out


def test_cli_write_needs_a_basis_column_and_then_changes_nothing(tmp_path, capsys):
    folder = write_case(
        str(tmp_path / "c"),
        [
            ("k1", "wire", "2018-02-13T10:00:00Z", "p", COPIED, "", ""),
            ("k2", "herald", "2018-02-13T12:00:00Z", "p", EDITED, "", ""),
        ],
        basis=False,
    )
    path = os.path.join(folder, "citations.csv")
    before = pathlib.Path(path).read_bytes()
    assert run_cli(folder, "--write") == 1
    assert "no basis column" in capsys.readouterr().err and pathlib.Path(path).read_bytes() == before


def test_cli_bad_case_and_bad_score(tmp_path, capsys):
    assert run_cli(tmp_path / "nothing") == 1
    with pytest.raises(SystemExit):
        run_cli(tmp_path, "--min-score", "2")
    assert "not a score" in capsys.readouterr().err


#: Reuters' story of the central Italy earthquake and The Nation's rewrite of it (tests/audit_corpus/italy-quake-2016)
ITALY_REUTERS = [
    "PESCARA DEL TRONTO, Italy (Reuters) – Hopes of finding more survivors faded on Friday three days after a powerful "
    "earthquake hit central Italy, with the death toll rising to 267 and the rescue operation in some of the "
    "stricken areas called off.",
    "Italy plans to hold a state funeral for around 40 of the victims on Saturday, which will be held in the nearby "
    "city of Ascoli Piceno.",
    "The civil protection department in Rome said nearly 400 people were being treated for injuries in hospitals, "
    "and 40 of them were in critical condition.",
]
ITALY_NATION = [
    "Hopes of finding more survivors from Italy’s devastating earthquake faded on Friday, with the death toll rising "
    "to 268, News Agency Nigeria (NAN) reports.",
    "It said that the rescue operation in some of the stricken areas had been called off.",
    "Italy plans to hold a state funeral for no fewer than 40 of the victims on Saturday, which will be held in the "
    "nearby city of Ascoli Piceno.",
    "The civil protection department in Rome said that nearly 400 people were being treated for injuries in "
    "hospitals, and 40 of them were in critical condition.",
]


def test_a_passage_of_a_long_sentence_is_checked_between_outlets_that_copy_each_other_elsewhere():
    from kit.auditing.signals import matches
    from kit.auditing.text import corpus

    c = corpus(ITALY_REUTERS + ITALY_NATION)
    lead, split = 0, 4  # Reuters' lead; The Nation's second sentence, its second half made a sentence
    alone = matches(c)
    assert not ((alone.later == split) & (alone.earlier == lead)).any()  # MinHash misses it
    # The Nation copies Reuters in two other sentences: the rare runs they share are checked
    related = matches(c, publisher=np.array([0, 0, 0, 1, 1, 1, 1]))
    at = np.flatnonzero((related.later == split) & (related.earlier == lead))
    assert len(at) == 1 and related.check["prose"]["score"][at[0]] >= 0.5
    # outlets that copy each other nowhere else: in a small story, the run of nine words kept whole ("the rescue
    # operation in some of the stricken areas") makes a candidate (kit.auditing.stories) ...
    strangers = matches(c, publisher=np.array([0, 1, 2, 3, 4, 5, 6]))
    assert ((strangers.later == split) & (strangers.earlier == lead)).any()
    # ... but with two stop words dropped (an invented edit: the same content words, no run of seven words), the rare
    # runs alone make no candidate
    cut = [ITALY_NATION[0], "It said that the rescue operation in some stricken areas had been called off."]
    c = corpus(ITALY_REUTERS + cut + ITALY_NATION[2:])
    related = matches(c, publisher=np.array([0, 0, 0, 1, 1, 1, 1]))
    assert ((related.later == split) & (related.earlier == lead)).any()  # between outlets that copy: a candidate
    strangers = matches(c, publisher=np.array([0, 1, 2, 3, 4, 5, 6]))
    assert not ((strangers.later == split) & (strangers.earlier == lead)).any()
    # the funeral sentence alone is one copy: not enough to say the two outlets copy each other
    one = corpus(ITALY_REUTERS[:2] + cut + ITALY_NATION[2:3])
    m = matches(one, publisher=np.array([0, 0, 1, 1, 1]))
    assert not ((m.later == 3) & (m.earlier == 0)).any()
    # a sentence reprinted word for word (the toll of homeless: one group of equal texts) is a second copy
    homeless = "An estimated 2,500 people were left homeless by the most deadly quake in Italy since 2009."
    two = corpus([*ITALY_REUTERS[:2], homeless, *ITALY_NATION[:3], homeless])
    m = matches(two, publisher=np.array([0, 0, 0, 1, 1, 1, 1]))
    assert ((m.later == split) & (m.earlier == lead)).any()


def test_two_outlets_citing_one_speaker_for_the_words_they_share_rest_on_the_speaker(tmp_path):
    # the draft stores a quoted statement without its marks, resting on its speaker: two outlets that each give the
    # mayor's words and each cite her share an origin; neither is listed as copying the other (issue 22)
    said = "Too many buildings were damaged and we are collecting data on deaths and injuries in the old town"
    claims = [
        ("h1", "herald", "2025-05-01T10:00:00Z", "damage", said, "", ""),
        ("w1", "wire", "2025-05-01T12:00:00Z", "damage", said, "", ""),
    ]
    both = [("h1", "berg", "relies_on", said, "stated"), ("w1", "berg", "relies_on", said, "stated")]
    assert not pairs_of(audit(one(tmp_path, claims, both, "both")))
    # the same words where only one of them cites her (or each cites someone else) are still listed
    assert pairs_of(audit(one(tmp_path, claims, both[:1], "one"))) == {("w1", "h1")}
    other = [both[0], ("w1", "council", "relies_on", said, "stated")]
    assert pairs_of(audit(one(tmp_path, claims, other, "other"))) == {("w1", "h1")}
    # a claim citing the speaker through a basis the audit does not follow is no shared origin
    unfollowed = [both[0], ("w1", "berg", "relies_on", said, "suspected")]
    assert pairs_of(audit(one(tmp_path, claims, unfollowed, "unfollowed"))) == {("w1", "h1")}


def test_the_corpus_leaves_out_each_texts_attribution_read_on_a_second_thread_or_not():
    # kit.auditing.text.corpus reads the attributions in a second thread, for every text holding a mark character or
    # a hint; a text it did not read there is read on the spot: the same content words either way
    from kit.auditing.marks import attribution_flags
    from kit.auditing.text import STOP_WORDS, _attribution_texts, _attributions

    texts = [
        "“We will rebuild,” Mayor Ada Colau told reporters on Monday.",
        "Mayor Ada Colau said in a statement: “We will rebuild.”",
        "Immacolata Postiglione, head of the Civil Protection agency, visited the town",
        "No quotation here at all, not one",
        None,
        "safe now,” he said. Crews reached the valley.“The bridge is gone,”the engineer said.",
    ] * 3
    c = corpus(texts)
    for i, t in enumerate(texts):
        said = attribution_flags(t or "")
        want = [w for w, a in zip(words(t or ""), said, strict=True) if not a and w not in STOP_WORDS]
        assert c.vocab[c.ids[c.ptr[i] : c.ptr[i + 1]]].tolist() == want
    assert any(attribution_flags(t or "")[0] for t in texts[1:3])
    import pyarrow as pa

    arr = pa.array([t or "" for t in texts])
    marked = np.array([bool(t) and "“" in t for t in texts])
    read = _attribution_texts(arr)
    unread = (np.zeros(0, np.int64), read[1], [])
    said = _attributions(arr, marked, c.all_ptr, read)
    assert said.any() and (said == _attributions(arr, marked, c.all_ptr, unread)).all()


def test_the_texts_read_for_attributions_are_found_in_one_pass_as_in_two():
    # kit.auditing.text reads the texts holding a mark or a hint in one pass (MARK|ATTRIBUTION_HINT) and the hint on
    # those only, and reads each distinct text once: the same texts, hints and flags as two passes over every text
    import pyarrow as pa
    import pyarrow.compute as pc

    from kit.auditing.marks import ATTRIBUTION_HINT, MARK, attribution_flags
    from kit.auditing.text import _attribution_texts

    texts = [
        "“We will rebuild,” Mayor Ada Colau told reporters on Monday.",
        "Immacolata Postiglione, head of the Civil Protection agency, visited the town",
        "No quotation here at all, not one",
        'He said "enough" and left',
        "Police Chief Ian Hopkins has confirmed 22 people died",
        "",
    ] * 4
    arr = pa.array(texts)
    docs, hint, flags = _attribution_texts(arr)
    want_hint = np.asarray(pc.match_substring_regex(arr, ATTRIBUTION_HINT).to_numpy(zero_copy_only=False), bool)
    want_mark = np.asarray(pc.match_substring_regex(arr, MARK).to_numpy(zero_copy_only=False), bool)
    assert docs.tolist() == np.flatnonzero(want_hint | want_mark).tolist() and (hint == want_hint).all()
    assert flags == [attribution_flags(texts[d]) for d in docs] and hint.any() and not hint.all()
