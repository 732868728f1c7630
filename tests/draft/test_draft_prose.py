"""The prose about ``kit draft`` on the seed article says what the kit measures, and its commands run.

docs/draft.md ("On the seed article") and README.md ("From an article, and out to other tools") state how much of
the hand-built case ``data/deir-ez-zor`` the draft of the seed article proposes. Each test finds the sentence or table
row that states a number (by a pattern; reworded prose fails and says which pattern), and compares it with
``kit.draft.compare`` measured now, so a rebuilt case or a better cue finder cannot leave a wrong sentence behind.
Every number left in the section outside a checked span fails the coverage test. The README's example commands are
run as written (``python`` is this interpreter, ``datasette`` the one beside it) in a scratch folder laid out like a
clone with ``shared/`` beside it, and the output the README shows under a command (as ``# …`` lines) must be printed.

Expected values are not written here: they come from the draft and the case, so only the prose can disagree.
"""

from __future__ import annotations

import ast
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import kit
from conftest import SEED
from kit.draft import compare, write_draft

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "data" / "deir-ez-zor"
# issue 13's targets
SOURCE_TARGET, CITATION_TARGET = 80, 60


def flat(text: str) -> str:
    return " ".join(text.split())


def section(path: Path, heading: str) -> str:
    """The text under ``heading`` up to the next heading of the same or a higher level (outside code blocks)."""
    text = path.read_text(encoding="utf-8")
    level = len(heading) - len(heading.lstrip("#"))
    lines = text[text.index(heading + "\n") + len(heading) + 1 :].split("\n")
    fenced = False
    for i, line in enumerate(lines):
        fenced ^= line.startswith("```")
        if not fenced and re.match(rf"#{{1,{level}}} ", line):
            return "\n".join(lines[:i])
    return "\n".join(lines)


class Prose:
    """A text whose numbered statements are checked one by one; it remembers the spans checked."""

    def __init__(self, name: str, text: str):
        self.name, self.text, self.checked = name, flat(text), []

    def says(self, pattern: str) -> re.Match:
        m = re.search(pattern, self.text)
        assert m, f"{self.name} no longer says /{pattern}/: update tests/draft/test_draft_prose.py to what it says now"
        self.checked.append(m.span())
        return m

    def unchecked_numbers(self) -> list[str]:
        blank = re.sub(r"`[^`]*`|\[[^\]]*\]\([^)]*\)", lambda m: " " * len(m.group()), self.text)
        return [
            f"{m.group()} in “…{self.text[max(0, m.start() - 40) : m.end() + 20]}…”"
            for m in re.finditer(r"\d+(?:\.\d+)?", blank)
            if not any(a <= m.start() < b for a, b in self.checked)
        ]


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    if not SEED.is_file():
        pytest.fail(f"the seed article {SEED} is missing")
    out = write_draft(SEED, tmp_path_factory.mktemp("seed") / "draft", publisher="Tsarizm", published="2018-02-13")
    draft, reference = kit.load_case(out), kit.load_case(REFERENCE)
    return draft, reference, compare(draft, reference)


def pct(share: float) -> str:
    """A share as docs/draft.md writes it: ``100 %``, ``63.2 %``."""
    return f"{share * 100:.1f}".removesuffix(".0") + " %"


def test_draft_md_states_the_measured_numbers(measured):
    draft, reference, m = measured
    prose = Prose("docs/draft.md, On the seed article", section(ROOT / "docs" / "draft.md", "### On the seed article"))
    t = prose.says(r"targets: at least (\d+) % of its sources, (\d+) % of the citations the article states")
    assert (int(t.group(1)), int(t.group(2))) == (SOURCE_TARGET, CITATION_TARGET)
    assert m["source_share"] * 100 >= SOURCE_TARGET and m["stated_share"] * 100 >= CITATION_TARGET
    st = prose.says(r"\| citations stated \| (\d+) \| (\d+) \| ([\d.]+ %) \|")
    assert (int(st.group(1)), int(st.group(2)), st.group(3)) == (
        m["stated_citations"],
        m["stated_matched"],
        pct(m["stated_share"]),
    )

    s = prose.says(r"\| sources \| (\d+) \| (\d+) \| ([\d.]+ %) \|")
    assert (int(s.group(1)), int(s.group(2)), s.group(3)) == (
        m["sources"],
        m["sources_matched"],
        pct(m["source_share"]),
    )
    c = prose.says(r"\| citations \| (\d+) \| (\d+) \| ([\d.]+ %) \|")
    assert (int(c.group(1)), int(c.group(2)), c.group(3)) == (
        m["citations"],
        m["citations_matched"],
        pct(m["citation_share"]),
    )

    # the rows of the draft without a counterpart, and the sources named as such
    ds = prose.says(r"\| sources \| (\d+) \| (\d+) \((.*?)\) \|")
    assert (int(ds.group(1)), int(ds.group(2))) == (m["draft_sources"], m["draft_sources_unmatched"])
    unmatched = set(draft.sources["source_id"]) - set(m["source_pairs"].values())
    names = {n.lower() for n in draft.sources.set_index("source_id").loc[sorted(unmatched), "name"]}
    quoted = re.findall(r"\"([^\"]+)\"", ds.group(3))
    assert len(quoted) == len(unmatched) and all(any(n.startswith(q) for n in names) for q in quoted), (quoted, names)
    dc = prose.says(r"\| claims \| (\d+) \| (\d+) \(")
    assert (int(dc.group(1)), int(dc.group(2))) == (m["draft_claims"], m["draft_claims_unmatched"])
    dcit = prose.says(r"\| citations \| (\d+) \| (\d+) \|(?! [\d.]+ %)")
    assert (int(dcit.group(1)), int(dcit.group(2))) == (m["draft_citations"], m["draft_citations_unmatched"])

    # what was missed, and why
    missed = m["missed_citations"]
    relation = {
        (a, b): r
        for a, b, r in zip(
            reference.citations["claim_id"], reference.citations["cites"], reference.citations["relation"], strict=True
        )
    }
    basis = dict(
        zip(
            zip(reference.citations["claim_id"], reference.citations["cites"], strict=True),
            reference.citations["basis"],
            strict=True,
        )
    )
    disputes = [x for x in missed if relation[x] == "disputes"]
    confirmed_200 = [x for x in missed if x == ("bloomberg-more-than-200", "bloomberg-official-about-100")]
    loop = [x for x in missed if relation[x] != "disputes" and x not in confirmed_200]
    assert n_of(prose.says(r"The (\d+) citations missed")) == len(missed)
    assert n_of(prose.says(r"(\d+) are the citations of the feedback-loop paragraph")) == len(loop)
    assert "inferred" in {basis[x] for x in loop}
    loop_claims = {"communities-heard-dozens", "media-confirmed-facebook", "media-confirmed-coalition"}
    assert {a for a, _ in loop} == loop_claims  # the communities' "dozens" and the media's confirmations
    m = prose.says(r"(\d+) is Bloomberg's 200 resting on its US official's estimate of about 100 \(basis `inferred`\)")
    assert n_of(m) == len(confirmed_200) == 1 and basis[confirmed_200[0]] == "inferred"
    assert n_of(prose.says(r"(\d+) are the `disputes` citations")) == len(disputes)
    figure = prose.says(r"questioning of the (\d+) figure").group(1)
    texts = reference.claims.set_index("claim_id")["text"]
    assert all(figure in texts[b] for _, b in disputes), [texts[b] for _, b in disputes]

    assert not prose.unchecked_numbers(), prose.unchecked_numbers()


def n_of(match: re.Match) -> int:
    return int(match.group(1))


def readme_section() -> str:
    return section(ROOT / "README.md", "## From an article, and out to other tools")


def test_readme_states_the_measured_numbers(measured):
    _, _, m = measured
    prose = Prose("README.md, From an article", readme_section().split("```python")[0].split("```")[-1])
    s = prose.says(r"it proposes (\d+) of the (\d+) sources and (\d+) of the (\d+) citations of the case built by hand")
    assert tuple(int(g) for g in s.groups()) == (
        m["sources_matched"],
        m["sources"],
        m["citations_matched"],
        m["citations"],
    )


def test_readme_commands_run_as_written(tmp_path, monkeypatch):
    """The README's shell block, line by line, then its Python block, in a scratch clone with shared/ beside it."""
    if not SEED.is_file():
        pytest.fail(f"the seed article {SEED} is missing")
    text = readme_section()
    sh = re.search(r"```sh\n(.*?)```", text, re.S).group(1)
    py = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    clone = tmp_path / "clone"
    clone.mkdir()
    (clone / "data").symlink_to(ROOT / "data")
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "seeds").symlink_to(SEED.parent)
    bindir = Path(sys.executable).parent
    commands: list[tuple[list[str], list[str]]] = []
    for line in sh.strip().splitlines():
        if line.startswith("# "):
            commands[-1][1].append(line[2:])
        else:
            commands.append((shlex.split(line), []))
    assert [c[0][:3] for c in commands if c[0][0] == "python"] == [
        ["python", "-m", "kit"],
        ["python", "-m", "kit"],
        ["python", "-m", "kit"],
    ]
    for argv, expected in commands:
        exe = sys.executable if argv[0] == "python" else str(bindir / argv[0])
        done = subprocess.run([exe, *argv[1:]], cwd=clone, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, (argv, done.stdout, done.stderr)
        for line in expected:
            assert line in done.stdout, (argv, line, done.stdout)
    monkeypatch.chdir(clone)
    namespace: dict = {}
    values = []
    for node in ast.parse(py).body:  # each expression's value, as a reader at the prompt would see it
        if isinstance(node, ast.Expr):
            values.append(eval(compile(ast.Expression(node.value), "README.md", "eval"), namespace))
        else:
            exec(compile(ast.Module([node], []), "README.md", "exec"), namespace)
    document, case, mode = values
    assert type(document).__module__.startswith("prov.model") and type(document).__name__ == "ProvDocument"
    assert "a prov.model.ProvDocument" in py
    assert isinstance(case, kit.Case) and case.claims.equals(kit.load_case(REFERENCE).claims)
    assert re.search(r"# '([^']*)'$", py, re.M).group(1) == mode == "dynamic"
