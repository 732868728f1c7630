"""kit.formats.claimreview: schema.org ClaimReview JSON-LD from the verdicts of case.toml (as export and publish
write it)."""

import dataclasses
import json

import pytest

import kit
from conftest import HOSTILE
from kit.formats.claimreview import claim_reviews


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory):
    from kit.formats.export import export

    return export(kit.load_case(HOSTILE), tmp_path_factory.mktemp("hx"), built="2026-01-02")


def test_claimreview_jsonld(hostile_files):
    reviews = json.loads(hostile_files["claimreview"].read_text(encoding="utf-8"))
    assert len(reviews) == 1
    r = reviews[0]
    assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
    assert r["datePublished"] == "2026-01-02"
    assert r["claimReviewed"] == "=cmd|' /C calc'!A0 50 dead says the wire"
    assert r["reviewRating"] == {"@type": "Rating", "alternateName": "Unproven"}
    assert r["reviewBody"].startswith("Rests on one confidential source")
    item = r["itemReviewed"]
    assert item["@type"] == "Claim" and item["datePublished"] == "2024-03-03"
    assert item["author"] == {"@type": "Organization", "name": "Tabloid <img src=x onerror=alert(3)>"}
    assert item["appearance"] == [
        {"@type": "CreativeWork", "url": "https://tabloid.example/50", "headline": "Tabloid: 50 dead"}
    ]


def test_verdict_errors(hostile_case, deir_case):
    case = hostile_case
    for verdict, message in (
        ({"claim_id": "k-wire"}, "no rating"),
        ({"rating": "False", "claim_id": "nope"}, "not a claim"),
        ({"rating": "False", "claim_id": "k-tabloid-denial"}, "is about"),
        ("False", "must be a table"),
    ):
        bad = dataclasses.replace(case, meta={**case.meta, "verdicts": {"plant_fire_dead": verdict}})
        with pytest.raises(ValueError, match=message):
            claim_reviews(bad)
    assert claim_reviews(deir_case) == {}


def test_an_unsafe_review_url_is_left_out(hostile_case):
    case = hostile_case
    verdict = {**case.meta["verdicts"]["plant_fire_dead"], "url": "javascript:alert(1)"}
    bad = dataclasses.replace(case, meta={**case.meta, "verdicts": {"plant_fire_dead": verdict}})
    assert "url" not in claim_reviews(bad, built="2026-01-02")["plant_fire_dead"]
    good = dataclasses.replace(
        case, meta={**case.meta, "verdicts": {"plant_fire_dead": {**verdict, "url": "https://review.example/fire"}}}
    )
    assert claim_reviews(good)["plant_fire_dead"]["url"] == "https://review.example/fire"


def test_export_keeps_its_name_for_it():
    import kit.formats.export

    assert kit.formats.export.claim_reviews is claim_reviews
