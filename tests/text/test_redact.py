"""kit.text.redact: confidential sources become "Confidential source N" everywhere, once, before publishing."""

import dataclasses
import json

import pandas as pd
import pytest

import kit
from conftest import HOSTILE, MINI
from kit.text.redact import confidential_fields, confidential_labels, redact, redact_text


def _everything(case) -> str:
    parts = [getattr(case, t).to_csv(index=False) for t in ("sources", "reports", "claims", "citations")]
    parts.append(json.dumps(case.meta, ensure_ascii=False, default=str))
    return "\n".join(parts)


@pytest.mark.parametrize("path", [p for p in (HOSTILE, MINI) if p.exists()], ids=lambda p: p.name)
def test_no_confidential_field_left_in_any_cell(path, assert_no_secret):
    case = kit.load_case(path)
    assert confidential_fields(case), "the fixture must have a confidential source"
    assert_no_secret(case, _everything(redact(case)))


def test_hostile_fields_are_the_ones_written(hostile_case):
    case = hostile_case
    assert set(confidential_fields(case)) == {
        "ivan-petrov-telegram",
        "Ivan Petrov (Telegram)",
        "https://t.me/ivanpetrov_secret",
        "Met in Rostov; fears for his job at the plant",
        "Rostov Tractor Plant",
    }


def test_ids_rewritten_consistently_and_answers_unchanged(hostile_case):
    case = hostile_case
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


def test_stable_numbering_by_source_id(hostile_case):
    case = hostile_case
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


def test_input_not_changed_and_reveal_copies(hostile_case):
    case = hostile_case
    snap = {t: getattr(case, t).copy() for t in ("sources", "reports", "claims", "citations")}
    meta = json.dumps(case.meta, sort_keys=True)
    redact(case)
    for t, frame in snap.items():
        pd.testing.assert_frame_equal(getattr(case, t), frame)
    assert json.dumps(case.meta, sort_keys=True) == meta
    shown = redact(case, reveal=True)
    assert shown is not case and shown.sources is not case.sources
    assert "Ivan Petrov (Telegram)" in set(shown.sources["name"])


def test_redact_text_and_no_confidential_source(hostile_case):
    case = hostile_case
    assert (
        redact_text(case, "see https://t.me/ivanpetrov_secret or t.me/ivanpetrov_secret")
        == "see (withheld) or (withheld)"
    )
    plain = kit.testing.synth.make_case(5)
    assert confidential_labels(plain) == {}
    pd.testing.assert_frame_equal(redact(plain).claims, plain.claims)
