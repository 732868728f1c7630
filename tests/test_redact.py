"""kit.redact: confidential sources become "Confidential source N" everywhere, once, before publishing."""

import dataclasses
import json
import pathlib

import pandas as pd
import pytest

import kit
from kit.redact import confidential_fields, confidential_labels, redact, redact_text

ROOT = pathlib.Path(__file__).resolve().parent.parent
MINI = ROOT.parent / "shared" / "contract" / "cases" / "mini"
HOSTILE = pathlib.Path(__file__).resolve().parent / "cases" / "hostile"


def _everything(case) -> str:
    parts = [getattr(case, t).to_csv(index=False) for t in ("sources", "reports", "claims", "citations")]
    parts.append(json.dumps(case.meta, ensure_ascii=False, default=str))
    return "\n".join(parts)


def _cases():
    out = [kit.load_case(HOSTILE)]
    if MINI.exists():
        out.append(kit.load_case(MINI))
    return out


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c.title[:20])
def test_no_confidential_field_left_in_any_cell(case):
    secrets = confidential_fields(case)
    assert secrets, "the fixture must have a confidential source"
    text = _everything(redact(case)).lower()
    for s in secrets:
        assert s.lower() not in text, s


def test_hostile_fields_are_the_ones_written():
    case = kit.load_case(HOSTILE)
    assert set(confidential_fields(case)) == {
        "ivan-petrov-telegram",
        "Ivan Petrov (Telegram)",
        "https://t.me/ivanpetrov_secret",
        "Met in Rostov; fears for his job at the plant",
        "Rostov Tractor Plant",
    }


def test_ids_rewritten_consistently_and_answers_unchanged():
    case = kit.load_case(HOSTILE)
    red = redact(case)
    assert list(red.sources["source_id"]) == ["confidential-source-1", "wire", "tabloid", "forum"]
    assert list(red.reports["report_id"])[0] == "confidential-report-1"
    assert list(red.reports["source_id"])[0] == "confidential-source-1"
    assert "confidential-claim-1" in set(red.claims["claim_id"])
    assert set(red.citations["cites"]) <= set(red.claims["claim_id"]) | set(red.sources["source_id"])
    before, after = kit.provenance(case), kit.provenance(red)
    assert list(before["n_origins"]) == list(after["n_origins"])
    assert list(before["echo"]) == list(after["echo"])
    assert after.loc["k-wire", "origins"] == ("confidential-source-1", "forum")
    assert red.path is None and red.warnings == []
    assert red.meta["verdicts"]["plant_fire_dead"]["claim_id"] == "k-tabloid-50"
    # dtypes kept
    assert dict(red.sources.dtypes) == dict(case.sources.dtypes)
    assert dict(red.claims.dtypes) == dict(case.claims.dtypes)


def test_stable_numbering_by_source_id():
    case = kit.load_case(HOSTILE)
    src = case.sources.copy()
    src["confidential"] = src["source_id"].isin(["wire", "ivan-petrov-telegram", "forum"])
    two = dataclasses.replace(case, sources=src)
    assert confidential_labels(two) == {
        "forum": "Confidential source 1",
        "ivan-petrov-telegram": "Confidential source 2",
        "wire": "Confidential source 3",
    }
    shuffled = dataclasses.replace(two, sources=src.iloc[::-1].reset_index(drop=True))
    assert confidential_labels(shuffled) == confidential_labels(two)
    red = redact(two)
    assert set(red.sources["name"]) >= {"Confidential source 1", "Confidential source 2", "Confidential source 3"}


def test_input_not_changed_and_reveal_copies():
    case = kit.load_case(HOSTILE)
    snap = {t: getattr(case, t).copy() for t in ("sources", "reports", "claims", "citations")}
    meta = json.dumps(case.meta, sort_keys=True)
    redact(case)
    for t, frame in snap.items():
        pd.testing.assert_frame_equal(getattr(case, t), frame)
    assert json.dumps(case.meta, sort_keys=True) == meta
    shown = redact(case, reveal=True)
    assert shown is not case and shown.sources is not case.sources
    assert "Ivan Petrov (Telegram)" in set(shown.sources["name"])


def test_redact_text_and_no_confidential_source():
    case = kit.load_case(HOSTILE)
    assert (
        redact_text(case, "see https://t.me/ivanpetrov_secret or t.me/ivanpetrov_secret")
        == "see (withheld) or (withheld)"
    )
    plain = kit.synth.make_case(5)
    assert confidential_labels(plain) == {}
    pd.testing.assert_frame_equal(redact(plain).claims, plain.claims)
