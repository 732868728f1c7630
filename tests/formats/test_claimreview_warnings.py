"""A ClaimReview that lacks its url, its author or the reviewed claim's appearance is written, and the lack is said:
kit.formats.claimreview.review_warnings, printed by kit export and kit publish."""

import dataclasses
import subprocess
import sys

import kit
from conftest import HOSTILE
from kit.formats.claimreview import claim_reviews, review_warnings


def _with_verdict(case, **verdict):
    v = {"rating": "Unproven", "claim_id": "k-tabloid-50", **verdict}
    return dataclasses.replace(case, meta={**case.meta, "verdicts": {"plant_fire_dead": v}})


def test_each_lack_is_one_warning_and_the_review_is_still_written(hostile_case):
    bare = _with_verdict(hostile_case)
    said = [str(w) for w in review_warnings(bare)]
    assert len(said) == 2 and "has no url" in said[0] and "has no author" in said[1]
    assert all(w.is_warning for w in review_warnings(bare))
    assert "url" not in claim_reviews(bare, built="2026-01-01")["plant_fire_dead"]

    full = _with_verdict(hostile_case, url="https://example.org/review", author="Desk")
    assert review_warnings(full) == []
    assert claim_reviews(full, built="2026-01-01")["plant_fire_dead"]["url"] == "https://example.org/review"

    odd = _with_verdict(hostile_case, url="javascript:alert(1)", author="Desk")
    (w,) = review_warnings(odd)
    assert "not an http(s) address" in str(w)

    report = hostile_case.claims.set_index("claim_id").at["k-tabloid-50", "report_id"]
    no_url = dataclasses.replace(
        full, reports=full.reports.assign(url=full.reports["url"].where(full.reports["report_id"] != report))
    )
    (w,) = review_warnings(no_url)
    assert f"report {report!r} has no http(s) url" in str(w)
    assert "appearance" not in claim_reviews(no_url, built="2026-01-01")["plant_fire_dead"]["itemReviewed"]


def test_kit_export_prints_them(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "kit", "export", str(HOSTILE), str(tmp_path / "out")], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert "warning: [verdicts.plant_fire_dead] has no url" in out.stderr
    assert "has no author" in out.stderr
    assert (tmp_path / "out" / "claimreview.jsonld").exists()
    assert kit.load_case(HOSTILE).meta["verdicts"]  # the case itself is not changed
