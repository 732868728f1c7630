"""kit.checking.values: each bad value of a table reported on its own line and column, with the fix (the valid id,
the enum word meant, the figure in digits); the figures read kept exactly (checked against Python's int and float)."""

import math

import pytest

from kit.checking.checker import Checker
from kit.checking.values import ENUMS, check_claims, check_values, number_problem
from kit.reading import read_raw

SOURCES = "source_id,name,kind,country,reliability,confidential\nwire,Wire,wire,GB,B,false\n"
CLAIMS = "claim_id,report_id,proposition,text,certainty,low,high,credibility\n"


def _checker(tmp_path, name, text):
    (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    return Checker(read_raw(str(tmp_path)).tables)


def _where(c):
    return [(p.line, p.column) for p in c.problems]


def test_a_sound_table_has_no_problem(tmp_path):
    c = _checker(tmp_path, "sources", SOURCES + "tass,TASS,Wire,RU,a,YES\nanon,,anonymous,,,\n")
    check_values(c, "sources")
    # enums and grades are read ignoring case; an empty name is the one problem (a required cell)
    assert [(p.line, p.column, p.message) for p in c.problems] == [
        (4, "name", "the name is empty; every source needs one")
    ]


def test_ids_enums_and_grades_of_sources(tmp_path):
    text = SOURCES + (
        "Kyiv Post,Kyiv Post,newspaper,UA,C,no\n"  # 3: not a valid id
        "wire,Wire again,wire,GB,B,no\n"  # 4: the id is used on line 2
        "ria,RIA,newspapr,ru,G,maybe\n"  # 5: kind, country, reliability, confidential
    )
    c = _checker(tmp_path, "sources", text)
    check_values(c, "sources")
    assert _where(c) == [
        (3, "source_id"),
        (4, "source_id"),
        (5, "kind"),
        (5, "country"),
        (5, "reliability"),
        (5, "confidential"),
    ]
    messages = [p.message for p in c.problems]
    assert "(for example 'kyiv_post')" in messages[0]
    assert messages[1] == "the id 'wire' is already used on line 2; give each source its own id"
    assert messages[2].startswith("'newspapr' is not a kind: did you mean 'newspaper'? Use one of: ")
    assert messages[2].endswith(", ".join(ENUMS[("sources", "kind")]))
    assert "(write 'RU')" in messages[3]


def test_figures_are_read_exactly_or_reported(tmp_path):
    rows = [
        ("k1", "200", ""),
        ("k2", "+3", "2.5"),  # line 3: high below low
        ("k3", "1,200", "10-20"),  # 4: a separator; a range in one cell
        ("k4", str(2**53), str(2**53 + 1)),  # 5: high cannot be kept exactly
        ("k5", "١٢", "-4"),  # 6: other digits; a negative count
        ("k6", "", "9" * 400),  # 7: too large
    ]
    text = CLAIMS + "".join(f'{k},r1,q,t,asserted,"{lo}","{hi}",\n' for k, lo, hi in rows)
    c = _checker(tmp_path, "claims", text)
    check_claims(c)
    assert sorted(_where(c)) == [
        (3, "high"),
        (4, "high"),
        (4, "low"),
        (5, "high"),
        (6, "high"),
        (6, "low"),
        (7, "high"),
    ]
    low, high = c.numbers["low"].tolist(), c.numbers["high"].tolist()
    assert low[:2] == [200.0, 3.0] and high[1] == 2.5
    assert low[3] == 2**53 and int(low[3]) == 2**53  # exact at the limit
    assert all(math.isnan(x) for x in (high[0], low[2], high[2], high[3], low[4], high[4], low[5], high[5]))


@pytest.mark.parametrize(
    ("cell", "says"),
    [
        ("1,200", "write it without separators, as 1200"),
        ("1 200", "write it without separators, as 1200"),
        ("10-20", "a range goes in two cells: low 10 and high 20"),
        ("10 to 20", "a range goes in two cells: low 10 and high 20"),
        ("٢٠٠", "written with digits other than 0-9; write it as 200"),
        ("２００", "written with digits other than 0-9; write it as 200"),
        ("-4", "a count cannot be negative"),
        ("dozens", "keep the report's own words in 'text'"),
    ],
)
def test_number_problem_says_what_to_write(cell, says):
    assert says in number_problem(cell, "low")


def test_credibility_is_one_to_six_or_empty(tmp_path):
    rows = "".join(f"k{i},r1,q,t,asserted,,,{v}\n" for i, v in enumerate(["1", "6", "", "7", "0", "high"]))
    c = _checker(tmp_path, "claims", CLAIMS + rows)
    check_values(c, "claims")
    assert _where(c) == [(5, "credibility"), (6, "credibility"), (7, "credibility")]


def test_a_proposition_must_be_an_id_too(tmp_path):
    c = _checker(tmp_path, "claims", CLAIMS + "k1,r1,Russians Killed,t,asserted,,,\nk2,r1,,t,asserted,,,\n")
    check_values(c, "claims")
    assert sorted(_where(c)) == [(2, "proposition"), (3, "proposition")]
    assert any("(for example 'russians_killed')" in p.message for p in c.problems)
