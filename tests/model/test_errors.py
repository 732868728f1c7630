"""kit.errors: how a problem is written, every problem at once, and names suggested for a name a case lacks."""

import pytest

from kit.errors import (
    MAX_ECHO,
    CaseError,
    OutputNotWritable,
    OutputOverCase,
    OutputRefused,
    Problem,
    UnknownName,
    format_problems,
    nearest_names,
    shown,
)


def test_a_problem_is_file_line_column_message():
    assert str(Problem("data/x/claims.csv", 7, "low", "'dozens' is not a number")) == (
        "data/x/claims.csv:7: low: 'dozens' is not a number"
    )
    assert str(Problem("c.csv", 3, None, "row cut short")) == "c.csv:3: -: row cut short"
    assert str(Problem("case.toml", 0, None, "not valid TOML", "warning")) == "case.toml: warning: not valid TOML"
    assert Problem("a.csv", 1, "x", "m", "warning").is_warning and not Problem("a.csv", 1, "x", "m").is_warning


def test_problems_sort_in_file_order():
    ps = [Problem("b.csv", 2, "x", "m"), Problem("a.csv", 10, "x", "m"), Problem("a.csv", 2, "y", "m")]
    assert [(p.file, p.line) for p in sorted(ps)] == [("a.csv", 2), ("a.csv", 10), ("b.csv", 2)]


def test_case_error_carries_every_problem_and_says_how_many():
    ps = [Problem("claims.csv", i, "low", "bad") for i in (2, 3)]
    warning = Problem("sources.csv", 1, "colour", "unknown column", "warning")
    err = CaseError(ps, [warning])
    assert isinstance(err, ValueError)
    assert err.problems == ps and err.warnings == [warning]
    assert str(err).splitlines() == ["2 problems in the case:", "claims.csv:2: low: bad", "claims.csv:3: low: bad"]
    assert str(CaseError(ps[:1])).startswith("1 problem in the case:")


def test_shown_makes_invisible_characters_visible_and_cuts_long_values():
    assert shown("col\u200bumn") == "col\\u200bumn"
    assert shown("a\xa0b") == "a\\xa0b"
    assert shown("a\tb") == "a\\x09b"
    assert shown("Фонтанка «Ф»") == "Фонтанка «Ф»"  # printable text in any script is left as it is
    long = "x" * (MAX_ECHO + 1)
    assert shown(long) == "x" * MAX_ECHO + f"... ({MAX_ECHO + 1} characters)"
    assert shown(12) == "12"


def test_nearest_names_by_prefix_first_then_spelling():
    known = ["reuters", "reuters-2", "tass", "ria-novosti"]
    assert nearest_names("reuter", known) == ["reuters", "reuters-2"]
    assert nearest_names("REUTERS", known)[0] == "reuters"  # case does not matter
    assert nearest_names("tas", known) == ["tass"]
    assert nearest_names("ria-novsti", known) == ["ria-novosti"]
    assert nearest_names("x" * 201, known) == []  # too long to be a name: not compared
    assert len(nearest_names("r", [f"r{i}" for i in range(10)], n=2)) <= 2


def test_unknown_name_is_a_key_error_that_reads_as_a_sentence():
    err = UnknownName("source", "reuter", ["reuters", "tass"])
    assert isinstance(err, KeyError)
    assert str(err) == "there is no source 'reuter' in this case; did you mean 'reuters'?"
    assert (err.kind, err.name, err.suggestions) == ("source", "reuter", ["reuters"])
    assert str(UnknownName("claim", "zzz", ["a1"])) == "there is no claim 'zzz' in this case"
    with pytest.raises(KeyError):
        raise UnknownName("claim", "zzz")


def test_output_refusals_are_not_value_errors():
    for cls in (OutputOverCase, OutputNotWritable):
        assert issubclass(cls, OutputRefused) and not issubclass(cls, ValueError)


def test_format_problems_caps_each_file_and_counts_the_rest():
    ps = [Problem("a.csv", i, "x", "bad") for i in range(2, 7)] + [Problem("b.csv", 2, "y", "bad")]
    lines = format_problems(ps, limit=3)
    assert lines == [
        "a.csv:2: x: bad",
        "a.csv:3: x: bad",
        "a.csv:4: x: bad",
        "b.csv:2: y: bad",
        "a.csv: ... and 2 more problems in this file",
    ]
    assert format_problems(ps[:4], limit=3)[-1] == "a.csv: ... and 1 more problem in this file"
    assert format_problems([]) == []
