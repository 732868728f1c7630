"""kit.auditing.aligned: a short or edited sentence in the same place of two reports, next to a listed copy, is one
more copied sentence; a quotation there is not. Articles written for these tests (a wire story of four sentences and
an outlet's copy of it)."""

from __future__ import annotations

import csv

import numpy as np
from test_auditing import pairs_of

import kit
from kit.auditing import audit
from kit.auditing.aligned import ALIKE, PROSE, SKEW, WINDOW, aligned_copies, neighbours
from kit.auditing.stock import COPY_SIMILARITY

WIRE = [
    "A fire swept through a three-storey furniture factory in the river port of Ashford overnight, killing at least "
    "twelve workers who were sleeping on the upper floor.",
    "The cause was under investigation.",
    "“We could hear them calling from the windows,” said Pia Lund, who lives across the street.",
    "Firefighters from four towns fought the blaze for six hours before bringing it under control at dawn.",
]
COPY = [
    "A fire swept through a three-storey furniture factory in the river port of Ashford overnight, killing at least "
    "twelve workers sleeping on its upper floor.",
    "The cause was under investigation.",
    "“We could hear them calling from the windows,” said Pia Lund, who lives across the street.",
    "Crews from four towns fought the blaze for six hours before they brought it under control at dawn.",
]
#: an outlet that copies nothing of the wire's: the same short sentence is no evidence there
OWN = ["Rain is forecast for the weekend across the county.", "The cause was under investigation."]


def write(folder, articles) -> str:
    """A case folder of several articles, each a list of sentences (one claim each, in order)."""
    folder.mkdir()
    tables = {
        "sources": [("source_id", "name", "kind")] + [(s, s.title(), "newspaper") for s, _, _ in articles],
        "reports": [("report_id", "source_id", "published")] + [(s, s, when) for s, when, _ in articles],
        "claims": [("claim_id", "report_id", "proposition", "text", "low", "high", "certainty")]
        + [(f"{s}-{i}", s, "fire", t, "", "", "asserted") for s, _, texts in articles for i, t in enumerate(texts, 1)],
        "citations": [("claim_id", "cites", "relation", "evidence", "basis")],
    }
    for name, rows in tables.items():
        with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerows(rows)
    return str(folder)


def test_the_sentences_around_a_pair_in_both_reports_orders():
    report, row = np.array([0, 0, 0, 0, 1, 1, 1, 1]), np.arange(8)
    x, y = neighbours(report, row, np.array([5]), np.array([1]), window=1, skew=0)
    assert sorted(zip(x.tolist(), y.tolist(), strict=True)) == [(4, 0), (6, 2)]
    x, y = neighbours(report, row, np.array([5]), np.array([1]), window=1, skew=1)
    assert sorted(zip(x.tolist(), y.tolist(), strict=True)) == [(4, 0), (6, 2), (6, 3)]
    # the order is the claims table's, not the positions': reversed rows reverse the neighbours
    x, y = neighbours(report, row[::-1].copy(), np.array([5]), np.array([1]), window=1, skew=0)
    assert sorted(zip(x.tolist(), y.tolist(), strict=True)) == [(4, 0), (6, 2)]
    # at most 2 * window * (2 * skew + 1) pairs for a listed pair (here less the two with e = 0)
    x, _ = neighbours(np.zeros(40, int) + np.repeat([0, 1], 20), np.arange(40), np.array([30]), np.array([10]))
    assert len(x) == 2 * WINDOW * (2 * SKEW + 1) - 2 == 10
    assert (WINDOW, SKEW, PROSE, ALIKE) == (2, 1, 2, COPY_SIMILARITY)


def test_a_short_sentence_next_to_a_listed_copy_is_listed_a_quotation_there_is_not(tmp_path):
    case = kit.load_case(
        write(tmp_path / "c", [("wire", "2019-12-08T06:00:00Z", WIRE), ("herald", "2019-12-08T09:00:00Z", COPY)])
    )
    rows = audit(case)
    got = pairs_of(rows[rows["signal"] == "shared_text"])
    assert ("herald-1", "wire-1") in got and ("herald-4", "wire-4") in got  # the copy's own words
    assert ("herald-2", "wire-2") in got  # two content words, in the same place
    ev = rows.set_index(["claim_id", "cites"])["evidence"]
    assert ev[("herald-2", "wire-2")].startswith("copied prose: The cause was under investigation.")
    assert "same place" in ev[("herald-2", "wire-2")]
    # the quotation is not listed for its place; it is listed since the twelfth round for its framing, the wire's
    # description of the speaker ("who lives across the street") repeated by a report that copies the wire
    # (kit.auditing.framing)
    assert "same place" not in ev[("herald-3", "wire-3")] and "framed alike" in ev[("herald-3", "wire-3")]
    assert ev[("herald-3", "wire-3")].startswith("copied prose: lives across street; both quote:")
    # with a bare attribution it is a shared quotation, however aligned
    bare = [WIRE[0], WIRE[1], WIRE[2].replace(", who lives across the street", ""), WIRE[3]]
    copy = [COPY[0], COPY[1], COPY[2].replace(", who lives across the street", ""), COPY[3]]
    case = kit.load_case(
        write(tmp_path / "d", [("wire", "2019-12-08T06:00:00Z", bare), ("herald", "2019-12-08T09:00:00Z", copy)])
    )
    got = pairs_of(audit(case)[lambda r: r["signal"] == "shared_text"])
    assert ("herald-2", "wire-2") in got and ("herald-3", "wire-3") not in got


def test_no_listed_pair_no_neighbours(tmp_path):
    case = kit.load_case(
        write(tmp_path / "c", [("wire", "2019-12-08T06:00:00Z", WIRE), ("radio", "2019-12-08T09:00:00Z", OWN)])
    )
    assert ("radio-2", "wire-2") not in pairs_of(audit(case))
    from kit.auditing.context import claims_in_time_order
    from kit.auditing.signals import matches
    from kit.auditing.text import corpus

    claims = claims_in_time_order(case)
    words = corpus(claims.text)
    report = np.zeros(len(claims), int)
    assert len(aligned_copies(claims, words, matches(words), report, np.array([], int), np.array([], int))) == 0
