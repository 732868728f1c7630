"""What docs/*.md state about the shipped cases is what the kit computes (issue 19: prose is computed, docs/ too).

tests/project/test_prose.py reads the README's Deir ez-Zor section, data/README.md and notebook 01;
tests/draft/test_draft_prose.py reads docs/draft.md's measures of the draft. This file reads the rest of docs/: each
test finds the sentence that
states something about ``data/deir-ez-zor`` (a claim id, a quoted alt text, an accessible name, a command's output, a
date, a count) and compares it with the kit's answer now, so a rebuilt case or a changed rule cannot leave a wrong
sentence behind. A sentence reworded so that its pattern no longer matches fails and names the pattern.

docs/case-format.md is the contract as it stands: word for word ``shared/CASE_FORMAT.md`` (version 2).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest

import kit
from conftest import SEED, SHARED
from kit.publish.words import timeline_alt

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
DEIR = ROOT / "data" / "deir-ez-zor"
SHIPPED = [ROOT / "data" / "deir-ez-zor", ROOT / "data" / "khasham"]
P = "russians_killed_feb7"


def flat(text: str) -> str:
    return " ".join(text.split())


def doc(name: str) -> str:
    return flat((DOCS / name).read_text(encoding="utf-8"))


def says(text: str, pattern: str, where: str) -> re.Match:
    m = re.search(pattern, text, re.S)
    assert m, f"{where} no longer says /{pattern}/: update tests/project/test_prose_docs.py with what it says now"
    return m


@pytest.fixture(scope="module")
def case():
    return kit.load_case(DEIR)


@pytest.fixture(scope="module")
def draft_case():
    seed = SEED
    if not seed.is_file():
        pytest.skip(f"the seed article {seed} is not beside the clone")
    from kit.draft import write_draft

    out = Path(tempfile.mkdtemp()) / "draft"
    write_draft(seed, out, publisher="Tsarizm", published="2018-02-13")
    return out, seed.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------- the contract


def test_case_format_is_the_contract_word_for_word():
    contract = SHARED / "CASE_FORMAT.md"
    if not contract.is_file():
        pytest.skip(f"{contract} is not beside the clone")
    ours = (DOCS / "case-format.md").read_text(encoding="utf-8")
    assert ours == contract.read_text(encoding="utf-8"), (
        "docs/case-format.md differs from shared/CASE_FORMAT.md: copy the contract, and put what the kit adds in "
        "docs/case-format-extensions.md"
    )
    assert ours.startswith("# The case format (contract, version 2)")


def test_the_extensions_page_restates_no_contract_section():
    """One rule in one place: the extensions page has none of the contract's own sections."""
    contract = (DOCS / "case-format.md").read_text(encoding="utf-8")
    extensions = (DOCS / "case-format-extensions.md").read_text(encoding="utf-8")
    theirs = set(re.findall(r"^## (.+)$", contract, re.M))
    ours = set(re.findall(r"^## (.+)$", extensions, re.M))
    assert ours and not ours & theirs, ours & theirs


# ---------------------------------------------------------------------------------------------- claim ids


def _shipped_ids():
    ids, firsts = set(), set()
    for path in SHIPPED:
        c = kit.load_case(path)
        ids |= set(c.claims["claim_id"]) | set(c.sources["source_id"]) | set(c.reports["report_id"])
        firsts |= {cid.split("-")[0] for cid in c.claims["claim_id"]}
    return ids, firsts


def test_every_claim_id_the_docs_name_is_a_claim_of_a_shipped_case():
    """An id in code or quotes that looks like a shipped case's claim id (its first word, two hyphens) must be one."""
    ids, firsts = _shipped_ids()
    firsts -= {"other", "media"}  # common words; such ids are checked where they are named in backticks below
    bad = []
    for path in sorted(DOCS.glob("*.md")) + [ROOT / "README.md", ROOT / "data" / "README.md"]:
        text = path.read_text(encoding="utf-8")
        for span in re.findall(r"`([^`\n]+)`|\"([^\"\n]+)\"|'([^'\n]+)'", text):
            for token in re.findall(r"\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b", " ".join(span)):
                if token.split("-")[0] in firsts and token not in ids and not token.endswith(("-article", "-zor")):
                    bad.append((path.name, token))
        for token in re.findall(r"`((?:other|media)-[a-z0-9-]+)`", text):
            if token not in ids:
                bad.append((path.name, token))
    assert bad == [], "ids named in the docs that no shipped case has"


def test_the_verdict_example_names_a_claim_of_its_proposition(case):
    text = (DOCS / "publishing.md").read_text(encoding="utf-8")
    m = says(text, r'\[verdicts\.(\w+)\]\nrating = "[^"]+"\s+#[^\n]*\nclaim_id = "([^"]+)"', "docs/publishing.md")
    claims = case.claims.set_index("claim_id")
    assert m.group(2) in claims.index and claims.at[m.group(2), "proposition"] == m.group(1)


# ---------------------------------------------------------------------------------------------- publishing


def test_the_alt_text_quoted_is_the_one_the_kit_writes(case):
    text = doc("publishing.md")
    m = says(
        text,
        r"e\.g\. for the whole Deir ez-Zor story \(`kit\.publish\.words\.timeline_alt`\): \*\"(.+?)\"\*",
        "docs/publishing.md",
    )
    assert m.group(1) == timeline_alt(case, P)


def test_the_accessible_names_quoted_are_the_graph_views(case):
    from kit.graphview.data import graph_data

    text = doc("publishing.md")
    m = says(text, r"with an accessible name \(\"([^\"]+)\"; \"([^\"]+)\"\)", "docs/publishing.md")
    names = {n["aria"] for n in graph_data(case, P)["nodes"]}
    assert {m.group(1), m.group(2)} <= names


def test_the_page_and_the_stepper_sentence(case):
    """The page and the notebook's stepper show the same steps, computed once: the doc says so, the kit does so."""
    from kit.text.story import load_story
    from kit.text.story_steps import story_steps

    text = doc("publishing.md")
    says(text, r"in the same steps as the notebook's `StoryStepper`", "docs/publishing.md")
    says(
        text,
        r"The steps are computed once \(`kit\.text\.story_steps\.story_steps`: where `story\.csv` names the "
        r"claims each step adds, a step shows exactly those so far\)",
        "docs/publishing.md",
    )
    says(text, r"the page and the notebook cannot disagree", "docs/publishing.md")
    story, steps = load_story(case, P), story_steps(case, P)
    props = case.claims.set_index("claim_id")["proposition"]
    named: list[str] = []
    for row, step in zip(story.itertuples(), steps, strict=True):
        named += [c for c in row.claims if props[c] == P]
        assert set(step["claims"]) == set(named), step["step"]  # exactly the claims named so far


# ---------------------------------------------------------------------------------------------- exports


def test_the_sqlite_answer_shown_is_kit_origins(case):
    text = (DOCS / "exports.md").read_text(encoding="utf-8")
    m = says(
        text,
        r"```\nsqlite3 out/deir\.db \"select source, hops from claim_origins where claim_id = '([^']+)'\"\n(.*?)```",
        "docs/exports.md",
    )
    o = kit.origins(case, m.group(1))
    assert m.group(2).splitlines() == [f"{s}|{h}" for s, h in zip(o["name"], o["hops"], strict=True)]


def test_the_gephi_replay_sentence(case):
    text = doc("exports.md")
    m = says(
        text,
        r"replays from the (\w+ \d{4}) report, through the reports the seed article does not date .*? to Reuters' "
        r"\"at least two\" on (\d+ \w+) and Bloomberg's \"more than 200\" on (\d+ \w+)\.",
        "docs/exports.md",
    )
    r = case.reports.set_index("report_id")
    assert m.group(1) == f"{case.reports['published'].min():%B %Y}"
    day = {i: f"{r.at[i, 'published'].day} {r.at[i, 'published']:%B}" for i in r.index}
    assert (m.group(2), m.group(3)) == (day["reuters-2018-02-12"], day["bloomberg-2018-02-13"])
    undated = case.reports[case.reports["published"] != case.reports["published_latest"]]
    assert len(undated)  # there are reports the seed does not date


# ---------------------------------------------------------------------------------------------- draft


def test_the_draft_dates_sentence(draft_case):
    out, seed = draft_case
    text = doc("draft.md")
    m = says(
        text,
        r"A report the article quotes gets the date the article's words give it \(the seed article has \"(On "
        r"February 12 Reuters)\" and \"(Then on February 13 Bloomberg)\"\), else the article's own date; each is "
        r"marked `draft: check date …`",
        "docs/draft.md",
    )
    assert m.group(1) in seed and m.group(2) in seed
    drafted = kit.load_case(out).reports.set_index("report_id")
    dated = {i.split("-")[0]: f"{drafted.at[i, 'published']:%Y-%m-%d}" for i in drafted.index}
    assert (dated["reuters"], dated["bloomberg"]) == ("2018-02-12", "2018-02-13")
    quoted = [i for i in drafted.index if not i.endswith("-article")]
    assert quoted and all("draft: check date" in str(drafted.at[i, "notes"]) for i in quoted)


def test_the_draft_warnings_sentence(draft_case):
    out, _ = draft_case
    text = doc("draft.md")
    m = says(text, r"so `kit check` prints (\d+) warnings and (\d+) problems on the draft", "draft.md")
    case, problems, warnings = kit.check_case(out)
    assert (len(warnings), len(problems)) == (int(m.group(1)), int(m.group(2)))
    assert "notes" in case.claims.columns and "notes" in case.citations.columns  # the notes are there, unwarned
