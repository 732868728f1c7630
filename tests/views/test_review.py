"""The audit's review widget (kit.widgets.review.AuditReview): Accept, Reject and Later on a copy of a case.

Each test clicks the widget's real ipywidgets buttons (``Button.click()`` runs the same handlers a browser
click does) on a synthetic case saved to ``tmp_path``, then reads the files back: Accept appends exactly one row to
citations.csv (the old file is a prefix of the new one), Reject keeps the pair in audit_rejected.csv and the audit
stops listing it, Later changes no file; ``kit check`` passes afterwards.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit.auditing.rejected import REJECTED_FILE, append_rejected, read_rejected

pytest.importorskip("ipywidgets")
from kit.widgets.review import AuditReview, answers_line, both_answers, marked_html

ROOT = Path(__file__).resolve().parents[2]


def _save(folder: Path, *, basis: bool = True) -> Path:
    case = kit.testing.synth.make_case(40, seed=6, copy_rate=0.1)
    if basis:
        case = kit.Case(
            case.sources,
            case.reports,
            case.claims,
            case.citations.assign(basis=pd.array(["stated"] * len(case.citations), dtype="string")),
            meta=case.meta,
        )
    else:  # a version 1 citations.csv, without the column
        case = kit.Case(case.sources, case.reports, case.claims, case.citations.drop(columns="basis"), meta=case.meta)
    kit.save_case(case, folder)
    return folder


@pytest.fixture
def folder(tmp_path) -> Path:
    return _save(tmp_path / "case")


def _files(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _check(run_kit, folder: Path) -> subprocess.CompletedProcess:
    """``python -m kit check FOLDER`` from the project root (conftest's run_kit)."""
    return run_kit("check", folder)


def _pairs(rows) -> list:
    return list(zip(rows["claim_id"].tolist(), rows["cites"].tolist(), strict=False))


def _item(review, pair):
    return next(box for box in review._list.children if box.pair == pair)


def test_the_case_gives_two_suggestions(run_kit, folder):
    review = AuditReview(folder)
    assert len(review.rows) == 2
    assert _pairs(review.rows) == _pairs(kit.audit(kit.load_case(folder)))
    assert len(review._list.children) == 2
    assert _check(run_kit, folder).returncode == 0


def test_accept_appends_only_the_accepted_row(run_kit, folder):
    review = AuditReview(folder)
    before = _files(folder)
    pair = _pairs(review.rows)[0]
    evidence = str(review.rows["evidence"].iloc[0])
    box = _item(review, pair)
    box.controls["basis"].value = "inferred"
    box.controls["accept"].click()
    after = _files(folder)
    assert set(after) == set(before)
    assert {n for n in after if after[n] != before[n]} == {"citations.csv"}
    old, new = before["citations.csv"], after["citations.csv"]
    assert new.startswith(old) and len(new) > len(old)
    header = next(csv.reader(io.StringIO(old.decode())))
    added = list(csv.reader(io.StringIO(new[len(old) :].decode())))
    assert len(added) == 1
    row = dict(zip(header, added[0], strict=False))
    assert (row["claim_id"], row["cites"], row["relation"], row["basis"]) == (*pair, "relies_on", "inferred")
    assert row["evidence"] == evidence
    assert pair not in _pairs(review.rows) and len(review.rows) == 1
    assert pair not in _pairs(kit.audit(kit.load_case(folder)))
    assert "appended" in review.message
    got = _check(run_kit, folder)
    assert got.returncode == 0, got.stdout + got.stderr


def test_accept_as_stated_then_the_other(run_kit, folder):
    review = AuditReview(folder)
    first, second = _pairs(review.rows)
    old = (folder / "citations.csv").read_bytes()
    _item(review, first).controls["basis"].value = "stated"
    _item(review, first).controls["accept"].click()
    _item(review, second).controls["accept"].click()  # the default basis: inferred
    new = (folder / "citations.csv").read_bytes()
    assert new.startswith(old)
    cit = kit.load_case(folder).citations
    tail = cit.iloc[-2:]
    assert _pairs(tail) == [first, second]
    assert tail["basis"].tolist() == ["stated", "inferred"]
    assert review.rows.empty and "No open suggestions" in review._answers.value
    assert _check(run_kit, folder).returncode == 0


def test_reject_is_remembered_and_changes_no_table(run_kit, folder):
    review = AuditReview(folder)
    checked = _check(run_kit, folder)
    before = _files(folder)
    pair = _pairs(review.rows)[1]
    signal = str(review.rows["signal"].iloc[1])
    _item(review, pair).controls["reject"].click()
    after = _files(folder)
    assert {n: b for n, b in after.items() if n != REJECTED_FILE} == before
    kept = read_rejected(folder)
    assert kept[["claim_id", "cites", "signal"]].values.tolist() == [[*pair, signal]]
    assert len(kept["rejected_on"].iloc[0]) == 10  # YYYY-MM-DD
    case = kit.load_case(folder)
    assert pair not in _pairs(kit.audit(case))
    assert pair in _pairs(kit.audit(case, rejected=()))  # asked to, the audit still finds it
    assert pair not in _pairs(review.rows) and len(review.rows) == 1
    assert pair not in _pairs(AuditReview(folder).rows)  # and a new review does not offer it again
    got = _check(run_kit, folder)
    # kit check ignores audit_rejected.csv: the same report, word for word, as before the rejection
    assert got.returncode == 0 and (got.stdout, got.stderr) == (checked.stdout, checked.stderr)
    assert REJECTED_FILE not in got.stdout + got.stderr


def test_later_changes_no_file(run_kit, folder):
    review = AuditReview(folder)
    before = _files(folder)
    first, second = _pairs(review.rows)
    _item(review, first).controls["later"].click()
    assert _files(folder) == before
    assert _pairs(review.rows) == [second, first]
    assert [b.pair for b in review._list.children] == [second, first]
    assert "nothing written" in review.message
    assert _check(run_kit, folder).returncode == 0


def test_accept_is_refused_without_a_basis_column(tmp_path):
    folder = _save(tmp_path / "nobasis", basis=False)
    review = AuditReview(folder)
    before = _files(folder)
    pair = _pairs(review.rows)[0]
    assert review.accept(*pair) is False
    assert "no basis column" in review.message and "add a column named basis" in review.message
    assert _files(folder) == before
    assert pair in _pairs(review.rows)


def test_the_text_repr_says_to_run_the_notebook(folder):
    review = AuditReview(folder)
    bundle = review._repr_mimebundle_()
    assert "run the notebook to use this widget" in bundle["text/plain"]
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_a_workbook_or_missing_path_is_refused(tmp_path):
    with pytest.raises(ValueError, match="needs a case folder"):
        AuditReview(tmp_path / "no-such-case")


def test_both_answers_count_the_declared_and_the_suspected_origins(folder):
    case = kit.load_case(folder)
    rows = kit.audit(case)
    a = both_answers(case, rows)
    more = kit.with_suspected(case, rows)
    for prop in a.index:
        declared = set().union(*kit.independence(more, prop)["origins"])
        real = set().union(*kit.independence(more, prop, follow=("stated", "inferred", "suspected"))["origins"])
        assert (a.at[prop, "declared"], a.at[prop, "if_suspected"]) == (len(declared), len(real))
    assert (a["if_suspected"] < a["declared"]).any()  # the hidden copies do take origins away
    review = AuditReview(folder)
    prop = a.index[(a["if_suspected"] < a["declared"]).to_numpy()][0]
    assert answers_line(a.at[prop, "declared"], a.at[prop, "if_suspected"]) in review._answers.value


def test_case_text_is_escaped_and_the_shared_passage_marked():
    text = 'Ten <script>alert("x")</script> pupils & teachers moved to the old library on Monday'
    out = marked_html(text, "pupils & teachers moved to the old library")
    assert "<script" not in out and "&lt;script&gt;" in out and "&amp;" in out
    assert out.count("<mark>") == 1
    assert "<mark>pupils &amp; teachers moved to the old library</mark>" in out
    assert marked_html(text, "") == kit.text.html.escape(text)


def test_shared_words_across_joined_passages_are_not_paired():
    # "library" ends one passage and "monday" starts the next: no pair (library, monday) comes from the join
    out = marked_html("the library monday", "old library … monday morning")
    assert "<mark>" not in out


def test_a_rejected_file_with_problems_is_reported_by_line(tmp_path):
    (tmp_path / REJECTED_FILE).write_text("claim_id,cites,signal,rejected_on\nk1,,shared_text,2026-01-01\n,k2,,\n")
    with pytest.raises(ValueError) as e:
        read_rejected(tmp_path)
    lines = str(e.value).splitlines()
    assert lines[0].endswith(f"{REJECTED_FILE}:2: cites: the cites is empty; give the pair's cites, or delete the line")
    assert f"{REJECTED_FILE}:3: claim_id:" in lines[1]
    (tmp_path / REJECTED_FILE).write_text("claim,cites\n")
    with pytest.raises(ValueError, match=r":1: claim_id: the column 'claim_id' is missing"):
        read_rejected(tmp_path)


def test_rejections_are_appended_byte_for_byte(tmp_path):
    assert append_rejected(tmp_path, [("k2", "k1", "shared_text")], on="2026-01-05") == 1
    first = (tmp_path / REJECTED_FILE).read_bytes()
    assert append_rejected(tmp_path, [("k3", "k1", "same_figure")], on="2026-01-06") == 1
    second = (tmp_path / REJECTED_FILE).read_bytes()
    assert second.startswith(first) and second[len(first) :] == b"k3,k1,same_figure,2026-01-06\n"
    assert append_rejected(tmp_path, [], on="2026-01-07") == 0
    assert (tmp_path / REJECTED_FILE).read_bytes() == second


# ------------------------------------------------------------------------------------------ in a real browser


@pytest.fixture(scope="module")
def review_lab(tmp_path_factory):
    """One JupyterLab (tests/_browser.py's jupyterlab) for the module's browser tests, stopped in every outcome:
    ``(root, url_of)``, where ``url_of(name)`` opens the notebook ``root/name``. Each test writes its own notebook
    and case folder under ``root``, so each has a kernel of its own and sees nothing of the other's."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from _browser import jupyterlab, playwright_or_fail

    playwright_or_fail()  # checked before any server starts
    tmp_path = tmp_path_factory.mktemp("review-lab")
    (tmp_path / "root").mkdir()
    with jupyterlab(tmp_path, "") as url:
        yield tmp_path / "root", lambda name: url.replace("/lab/tree/?", f"/lab/tree/{name}?")


def _review_notebook(root: Path, name: str, code: str) -> str:
    """Write a one-cell notebook ``root/name`` running ``code``; return ``name``."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(code)]
    nbformat.write(nb, root / name)
    return name


def test_later_accept_reject_in_jupyterlab(run_kit, review_lab, browser):
    """Later, Accept and Reject clicked in Chromium on the widget in JupyterLab; the files are read back here."""
    from _browser import run_all

    root, url_of = review_lab
    folder = _save(root / "case")
    first, second = _pairs(AuditReview(folder).rows)
    code = f"from kit.widgets.review import AuditReview\nreview = AuditReview({str(folder)!r})\nreview"
    url = url_of(_review_notebook(root, "review.ipynb", code))
    artifacts = ROOT / "tests" / "artifacts"
    artifacts.mkdir(exist_ok=True)
    before = _files(folder)
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    try:
        run_all(page, url)
        widget = page.locator(".kit-audit-review")
        widget.wait_for(state="visible", timeout=120_000)
        boxes = widget.locator(".kit-suggestion")
        boxes.nth(1).wait_for(timeout=30_000)
        assert widget.locator("mark").count() >= 2
        assert "if the suspected copying is real" in widget.inner_text()
        page.screenshot(path=str(artifacts / "audit_review.png"), full_page=False)

        def click(n, label, says):
            boxes.nth(n).locator("button", has_text=label).click()
            widget.get_by_text(says).first.wait_for(timeout=30_000)

        def heads():  # the pair each box names, in order, once the list has been redrawn
            return page.evaluate(
                "() => [...document.querySelectorAll('.kit-audit-review .kit-suggestion')]"
                ".map(b => b.innerText.split(' appears')[0])"
            )

        def wait_for(pairs):
            page.wait_for_function(
                "want => JSON.stringify([...document.querySelectorAll("
                "'.kit-audit-review .kit-suggestion')].map(b => b.innerText.split("
                "' appears')[0])) === JSON.stringify(want)",
                arg=pairs,
                timeout=30_000,
            )

        assert heads() == [first[0], second[0]]
        click(0, "Later", "left for later")
        wait_for([second[0], first[0]])
        after_later = _files(folder)
        click(0, "Accept", "one row appended")
        wait_for([first[0]])
        after_accept = _files(folder)
        click(0, "Reject", "rejected, kept in")
        page.wait_for_function(
            "() => document.querySelectorAll('.kit-audit-review .kit-suggestion').length === 0", timeout=30_000
        )
        page.screenshot(path=str(artifacts / "audit_review_done.png"), full_page=False)
    except Exception:
        page.screenshot(path=str(artifacts / "audit_review_failure.png"), full_page=False)
        raise
    finally:
        page.close()
    assert after_later == before
    old, new = before["citations.csv"], after_accept["citations.csv"]
    assert new.startswith(old)
    added = list(csv.reader(io.StringIO(new[len(old) :].decode())))
    assert [r[:3] for r in added] == [[*second, "relies_on"]] and added[0][-1] == "inferred"
    assert {n for n in after_accept if after_accept[n] != before.get(n)} == {"citations.csv"}
    assert read_rejected(folder)[["claim_id", "cites"]].values.tolist() == [list(first)]
    assert (folder / "citations.csv").read_bytes() == new
    assert _check(run_kit, folder).returncode == 0


def test_a_long_review_fits_the_screen_and_scrolls_in_jupyterlab(review_lab, browser):
    """Ten suggestions (data/coverage/notre-dame-fire-2019, as notebook 04 shows them): the widget is no taller than
    the 1440x900 window, its list scrolls, and the last suggestion's buttons are reached and work."""
    import shutil

    from _browser import run_all

    root, url_of = review_lab
    folder = root / "notre-dame"
    shutil.copytree(ROOT / "data" / "coverage" / "notre-dame-fire-2019", folder)
    rows = AuditReview(folder).rows
    assert len(rows) >= 8
    code = f"from kit.widgets.review import AuditReview\nAuditReview({str(folder)!r})"
    url = url_of(_review_notebook(root, "long_review.ipynb", code))
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    try:
        run_all(page, url)
        widget = page.locator(".kit-audit-review")
        widget.wait_for(state="visible", timeout=120_000)
        boxes = widget.locator(".kit-suggestion")
        boxes.nth(len(rows) - 1).wait_for(state="attached", timeout=30_000)
        assert widget.bounding_box()["height"] <= 900
        scroller = boxes.first.locator("xpath=..")
        assert scroller.evaluate("e => e.scrollHeight > e.clientHeight + 100")
        last = boxes.nth(len(rows) - 1)
        last.locator("button", has_text="Later").click()  # Playwright scrolls it into view, as a reader would
        widget.get_by_text("left for later").first.wait_for(timeout=30_000)
    finally:
        page.close()
    assert not (folder / REJECTED_FILE).exists()
