"""kit.analysis.trace: the one lineage walker behind `kit trace`, the tracer widget and the lineage picture.

Regression tests for the house issue: a repeat (a diamond) is not a loop, and chains of any length are traced
without recursion.
"""

import pandas as pd
import pytest

import kit
from kit.analysis.trace import lineage, tree_rows
from kit.text.trace_text import trace_text


def _write(folder, sources, reports, claims, citations):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sources.csv").write_text("source_id,name,kind\n" + "".join(f"{s},{s.title()},wire\n" for s in sources))
    (folder / "reports.csv").write_text(
        "report_id,source_id,published\n" + "".join(f"{r},{s},{d}\n" for r, s, d in reports)
    )
    (folder / "claims.csv").write_text(
        "claim_id,report_id,proposition,text,certainty\n"
        + "".join(f"{k},{r},p,words of {k},asserted\n" for k, r in claims)
    )
    (folder / "citations.csv").write_text(
        "claim_id,cites,relation\n" + "".join(f"{a},{b},{rel}\n" for a, b, rel in citations)
    )
    return folder


@pytest.fixture
def diamond(tmp_path):
    """A cites B and C; B and C both cite D, which rests on the wire. No loop anywhere."""
    return _write(
        tmp_path / "diamond",
        ["wire", "paper"],
        [("r1", "wire", "2024-01-01"), ("r2", "paper", "2024-01-02")],
        [("d", "r1"), ("b", "r2"), ("c", "r2"), ("a", "r2")],
        [("a", "b", "relies_on"), ("a", "c", "relies_on"), ("b", "d", "relies_on"), ("c", "d", "relies_on")],
    )


def test_a_diamond_is_a_repeat_not_a_loop(diamond, run_kit):
    case = kit.load_case(diamond)
    assert kit.circular(case) == []
    text = trace_text(case, "a")
    assert "(already shown above)" in text and "loop" not in text
    t = lineage(case, "a")
    assert t["repeat"].sum() == 1 and not t["loop"].any()
    p = run_kit("trace", diamond, "a")
    assert p.returncode == 0 and "(already shown above)" in p.stdout and "loop" not in p.stdout


def test_a_real_loop_is_called_a_loop(loop_case):
    assert ["ring_m", "ring_k", "ring_b"] in kit.circular(loop_case)
    t = lineage(loop_case, "ring_m")
    assert t["loop"].any()
    assert "(loop:" in trace_text(loop_case, "ring_m")


def _chain(tmp_path, n):
    claims = [(f"k{i}", "r1") for i in range(n)]
    cites = [(f"k{i}", f"k{i + 1}", "relies_on") for i in range(n - 1)]
    return _write(tmp_path / f"chain{n}", ["wire"], [("r1", "wire", "2024-01-01")], claims, cites)


def test_a_1500_hop_chain_traces_on_the_command_line(tmp_path, run_kit):
    folder = _chain(tmp_path, 1500)
    p = run_kit("trace", folder, "k0")
    assert p.returncode == 0, p.stderr
    assert "1500 hops" in p.stdout and "RecursionError" not in p.stderr


def test_a_100000_hop_chain_has_a_lineage(tmp_path):
    n = 100_000
    case = kit.load_case(_chain(tmp_path, n))
    t = lineage(case, "k0", drift_flags=False)
    assert len(t) == n + 1  # n claims and the wire the last one rests on
    assert t["depth"].max() == n and t["item"].iloc[-1] == "wire"
    assert t["parent_row"].tolist()[:4] == [-1, 0, 1, 2]
    ys = tree_rows(t)
    assert len(ys) == n + 1 and set(ys) == {0.0}
    assert int(kit.origins(case, "k0")["hops"].iloc[0]) == n


def test_tree_rows_put_a_parent_between_its_children():
    t = pd.DataFrame({"parent_row": [-1, 0, 1, 1, 0]})  # 0 -> (1 -> (2, 3), 4)
    assert tree_rows(t) == [-1.25, -0.5, 0.0, -1.0, -2.0]


def test_unknown_names_read_as_sentences_and_suggest_by_prefix():
    deir = kit.load_case("data/deir-ez-zor")
    with pytest.raises(kit.UnknownName) as err:
        kit.origins(deir, "daily-beast-200")
    assert isinstance(err.value, KeyError)
    msg = str(err.value)
    assert msg.startswith("there is no claim 'daily-beast-200' in this case; did you mean ")
    assert "'daily-beast-200-russian-fighters'" in msg and not msg.startswith('"')
    with pytest.raises(kit.UnknownName, match="there is no proposition 'russians_kiled'.*russians_killed_feb7"):
        kit.independence(deir, "russians_kiled")
    with pytest.raises(kit.UnknownName, match="there is no source"):
        kit.without(deir, "reuter")
    with pytest.raises(kit.UnknownName, match="there is no claim"):
        lineage(deir, "nope-not-here")


def test_follow_stated_only_drops_inferred_links(tmp_path):
    folder = _write(
        tmp_path / "basis",
        ["wire", "paper"],
        [("r1", "wire", "2024-01-01"), ("r2", "paper", "2024-01-02")],
        [("w", "r1"), ("p", "r2")],
        [("p", "w", "relies_on")],
    )
    text = (folder / "citations.csv").read_text().replace("claim_id,cites,relation", "claim_id,cites,relation,basis")
    (folder / "citations.csv").write_text(text.replace("relies_on\n", "relies_on,inferred\n"))
    case = kit.load_case(folder)
    assert set(lineage(case, "p")["item"]) == {"p", "w", "wire"}
    stated = lineage(case, "p", follow=("stated",))
    assert stated.loc[stated["item"] == "w", "followed"].tolist() == [False]
    assert "(basis inferred: not followed)" in trace_text(case, "p", follow=("stated",))


def test_trace_text_prints_an_uncertain_date_as_its_range(tmp_path):
    """An exact date prints as its day; a month, a year or an interval as the range the case file gave."""
    folder = _write(
        tmp_path / "dates",
        ["wire", "paper", "blog"],
        [("r1", "wire", "2018-02-12T14:05:00Z"), ("r2", "paper", "2018-02-12/2018-02-13"), ("r3", "blog", "2018-03")],
        [("w", "r1"), ("p", "r2"), ("b", "r3")],
        [("b", "p", "relies_on"), ("p", "w", "relies_on")],
    )
    text = trace_text(kit.load_case(folder), "b")
    assert text.splitlines()[0].startswith("b — Blog, 2018-03 (asserted)")
    assert "relies_on p — Paper, 2018-02-12/2018-02-13 (asserted)" in text
    assert "relies_on w — Wire, 2018-02-12 (asserted)" in text
