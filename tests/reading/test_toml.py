"""kit.reading.toml: case.toml read into the case's settings with the line of every setting (hand-counted, and each
path checked against what Python's own TOML reader finds), and every way it can be wrong a problem, not a traceback."""

import tomllib

import pytest

from kit.reading.raw import RawCase
from kit.reading.toml import MAX_DEPTH, key_lines, line_of, read_toml, read_toml_text, take_meta

TEXT = """\
# a comment
title = "Deir ez-Zor: how many?"
proposition = "russians_killed_feb7"

[verdicts.russians_killed_feb7]
rating = "Unproven"
notes = '''
not = "a setting"
'''

[verdicts."the other one"]
rating.word = "False"
  claim  =  "k1"
"""


def _get(meta, path):
    for key in path:
        meta = meta[key]
    return meta


def test_key_lines_gives_the_line_of_every_setting_and_table():
    lines = key_lines(TEXT)
    assert lines == {
        ("title",): 2,
        ("proposition",): 3,
        ("verdicts", "russians_killed_feb7"): 5,
        ("verdicts", "russians_killed_feb7", "rating"): 6,
        ("verdicts", "russians_killed_feb7", "notes"): 7,
        ("verdicts", "the other one"): 11,
        ("verdicts", "the other one", "rating", "word"): 12,
        ("verdicts", "the other one", "claim"): 13,
    }
    meta = tomllib.loads(TEXT)
    for path in lines:  # every path named is a path Python's reader finds
        _get(meta, path)


def test_read_toml_fills_the_settings_and_their_lines(tmp_path):
    f = tmp_path / "case.toml"
    f.write_text(TEXT, encoding="utf-8")
    raw = RawCase(str(tmp_path))
    read_toml(str(f), raw)
    assert raw.problems == []
    assert raw.meta == tomllib.loads(TEXT)
    assert raw.meta_file == str(f)
    assert raw.meta_lines[("verdicts", "the other one", "claim")] == 13


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('title = "unclosed\n', "the file is not valid TOML"),
        ("title = 5\n", "'title' must be text in double quotes"),
        ('title = "a"\ntitle = "b"\n', "the file is not valid TOML"),
        ("x = " + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2) + "\n", ""),
        ("x = " + "[" * 5000 + "]" * 5000 + "\n", ""),
    ],
)
def test_a_wrong_case_toml_is_one_problem(text, says):
    raw = RawCase(".")
    read_toml_text(text, "case.toml", raw)
    [p] = raw.problems
    assert p.file == "case.toml" and p.severity == "error"
    assert says in p.message


def test_nesting_too_deep_is_refused_on_its_line():
    text = 'title = "t"\n\n' + "deep = " + "[" * (MAX_DEPTH + 1) + "1" + "]" * (MAX_DEPTH + 1) + "\n"
    raw = RawCase(".")
    read_toml_text(text, "case.toml", raw)
    [p] = raw.problems
    assert p.line == 3 and "deep" in p.message
    ok = 'title = "t"\nfine = ' + "[" * (MAX_DEPTH - 1) + "1" + "]" * (MAX_DEPTH - 1) + "\n"
    raw = RawCase(".")
    read_toml_text(ok, "case.toml", raw)
    assert raw.problems == []


def test_a_case_toml_not_utf8_is_a_problem(tmp_path):
    f = tmp_path / "case.toml"
    f.write_bytes('title = "café"\n'.encode("latin-1"))
    raw = RawCase(str(tmp_path))
    read_toml(str(f), raw)
    assert len(raw.problems) == 1 and "UTF-8" in raw.problems[0].message


def test_take_meta_reports_every_text_setting_that_is_not_text():
    raw = RawCase(".")
    take_meta({"title": 2018, "language": ["en"], "other": 1}, "book.xlsx#case", raw)
    assert sorted(p.message.split("'")[1] for p in raw.problems) == ["language", "title"]
    assert raw.meta["other"] == 1 and raw.meta_file == "book.xlsx#case"


def test_line_of_falls_back_to_the_nearest_table():
    lines = {("verdicts",): 3, ("verdicts", "p"): 5}
    assert line_of(lines, ("verdicts", "p", "rating")) == 5
    assert line_of(lines, ("verdicts", "q", "rating")) == 3
    assert line_of(lines, ("title",)) == 0
