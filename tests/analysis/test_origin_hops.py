"""kit.analysis.origins.origin_hops walks all claims at once (issue 24, item 16): its rows are, claim for claim,
what kit.origins gives one claim at a time, on every fixture case, synthetic cases, a chain and a loop."""

import pathlib

import pandas as pd
import pytest

import kit
from kit.analysis.origins import origin_hops

CASES = pathlib.Path(__file__).resolve().parents[1] / "cases"
FOLLOWS = [("stated", "inferred"), ("stated",), ("stated", "inferred", "suspected"), ()]


def _chain(n, loop):
    claims = pd.DataFrame(
        {"claim_id": [f"k{i}" for i in range(n)], "report_id": "r", "proposition": "p", "text": "t"}
    ).assign(certainty="asserted")
    cites = [(f"k{i}", f"k{i + 1}") for i in range(n - 1)] + [(f"k{n - 1}", "k0" if loop else "s0"), ("k3", "s1")]
    if loop:
        cites.append(("k0", "s0"))
    import tempfile

    folder = pathlib.Path(tempfile.mkdtemp())
    tables = {
        "sources": pd.DataFrame({"source_id": ["s0", "s1", "out"], "name": ["S", "T", "Out"], "kind": "official"}),
        "reports": pd.DataFrame({"report_id": ["r"], "source_id": ["out"], "published": ["2020-01-01"]}),
        "claims": claims,
        "citations": pd.DataFrame(cites, columns=["claim_id", "cites"]).assign(relation="relies_on"),
    }
    for name, frame in tables.items():
        frame.to_csv(folder / f"{name}.csv", index=False)
    return kit.load_case(folder)


def _cases():
    for folder in ("echo", "loop", "disputes", "own_reporting", "drift", "hostile"):
        yield folder, kit.load_case(CASES / folder)
    for seed in range(3):
        yield f"synth-{seed}", kit.testing.synth.make_case(120, seed=seed, copy_rate=0.2)
    yield "chain", _chain(60, loop=False)
    yield "loop", _chain(60, loop=True)


@pytest.mark.parametrize("name,case", list(_cases()), ids=lambda v: v if isinstance(v, str) else "")
def test_all_at_once_equals_one_claim_at_a_time(name, case):
    for follow in FOLLOWS:
        table = origin_hops(case, follow=follow)
        for claim in case.claims["claim_id"]:
            one = kit.origins(case, claim, follow=follow)
            got = table[table["claim_id"] == claim]
            assert got["source_id"].tolist() == one["source_id"].tolist(), (name, follow, claim)
            assert got["hops"].tolist() == one["hops"].tolist(), (name, follow, claim)
        assert table["claim_id"].drop_duplicates().tolist() == [
            c for c in case.claims["claim_id"] if c in set(table["claim_id"])
        ]


def test_a_chain_has_its_hops():
    t = origin_hops(_chain(3000, loop=False))
    assert len(t) == 3000 + 4 and t.iloc[0].tolist() == ["k0", "s1", 4] and t.iloc[1].tolist() == ["k0", "s0", 3000]
