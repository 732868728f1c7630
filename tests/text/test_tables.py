"""kit.text.tables: what a person reads of a kit table (names, "—", drift as words), on data/deir-ez-zor."""

import pathlib

import pandas as pd

import kit
import kit.text.tables
from kit.widgets.common import table_html

ROOT = pathlib.Path(__file__).resolve().parents[2]
P = "russians_killed_feb7"


def _deir():
    return kit.load_case(ROOT / "data" / "deir-ez-zor")


def test_the_timeline_for_people_has_no_na_and_no_ids():
    case = _deir()
    t = kit.text.tables.Table(kit.timeline(case, P), case)
    text = str(t)
    assert "<NA>" not in text and "nan" not in text and "NaT" not in text
    assert "—" in text  # the figures the article does not give
    assert "reuters-two-killed" not in text and "bloomberg_two_russians" not in text
    assert "Reuters: at least 2" in set(t.frame["claim"])
    # an uncertain date is its range, in the one published column (issue 19): never its first day alone
    days = set(t.frame["published"])
    assert {"12 Feb 2018", "12–13 Feb 2018", "7–13 Feb 2018"} <= days and "latest" not in t.frame.columns
    uncertain = kit.timeline(case, P)
    uncertain = uncertain[uncertain["published"] != uncertain["published_latest"]]
    assert len(uncertain) and all("–" in d for d in t.frame["published"].iloc[list(uncertain.index)])


def test_independence_origins_are_names():
    case = _deir()
    t = kit.text.tables.for_people(kit.independence(case, P)[["n_origins", "origins"]], case)
    confirmed = t[t["claim"].str.startswith("Other media (unnamed): “Nevertheless")]
    assert confirmed["origins"].tolist() == [
        "Facebook post with a list of names, Other media (unnamed), US-led coalition"
    ]
    ids = set(case.sources["source_id"])
    assert not any(part in ids or part.startswith("(") for cell in t["origins"] for part in cell.split(", "))


def test_drift_is_one_column_of_words():
    case = _deir()
    t = kit.text.tables.for_people(kit.drift(case, P), case)
    assert list(t.columns) == ["claim", "cites", "relation", "basis", "drift"]
    assert "scope changed, hardened" in set(t["drift"]) and "—" in set(t["drift"])
    assert "relies on" in set(t["relation"]) and "False" not in str(kit.text.tables.Table(kit.drift(case, P), case))


def test_claim_names_are_unique_on_deir():
    names = kit.text.tables.claim_names(_deir())
    assert names.is_unique


def test_one_rule_for_widgets_and_notebooks():
    frame = pd.DataFrame({"a": [pd.NA, True], "b": [("x", "y"), 3.0], "c": ["<b>", ""]})
    html = table_html(frame, index=False)
    assert html == kit.text.tables.table_html(frame, index=False)
    assert "—" in html and "x, y" in html and "&lt;b&gt;" in html and "<NA>" not in html and "3.0" not in html
    assert kit.text.tables.Table(frame)._repr_html_().count("<tr") == 3


def test_a_right_to_left_cell_is_isolated_in_the_html():
    html = table_html(pd.DataFrame({"outlet": ["Ivan \u202eTASS"], "grade": ["F"]}), index=False)
    assert "<bdi>Ivan \u202eTASS</bdi>" in html and ">F<" in html
