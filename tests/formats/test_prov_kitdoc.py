"""kit.formats.prov.kitdoc: the kitdoc:case entity carries the settings and the free texts in short lines that join
back exactly; what it carries is checked when read (lines numbered 0, 1, 2 ..., one text each, every text for a
record the document holds, never a text given twice); the confidential source stays redacted there too."""

import copy
import dataclasses
import json
import pathlib

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from conftest import HOSTILE
from kit.formats.prov import import_prov, prov_json
from kit.formats.prov.kitdoc import LINE, free_text, text_lines, text_name
from kit.text.redact import redact

TEXT = st.lists(
    st.sampled_from(["a", "b", " ", "  ", "\n", "\r\n", "\r", "\u2028", "\t", "é", "🙂", "abcdefghij" * 3]),
    max_size=200,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT.filter(bool), st.sampled_from(["meta_toml", "claims.k1.text"]))
def test_lines_join_back_exactly_and_are_short(text, name):
    lines = text_lines(name, text)
    assert "".join(lines.values()) == text
    numbers = [k.rsplit(".", 1)[1] for k in lines]
    assert [int(n) for n in numbers] == list(range(len(lines)))
    assert len({len(n) for n in numbers}) == 1  # zero-padded: a drawing lists them in order
    assert all(len(v.strip()) <= LINE for v in lines.values())
    assert all(v.strip() for v in lines.values()) or not text.strip()  # no blank line a PROV-XML reader would drop


def test_a_line_is_cut_after_a_space_or_a_line_end():
    text = "first line\n" + "word " * 25 + "x" * 150
    lines = list(text_lines("t", text).values())
    assert lines[0] == "first line\n"
    assert lines[1] == "word " * 20 and lines[2] == "word " * 5  # a line of 100 characters, cut after a space
    assert lines[3:] == ["x" * 100, "x" * 50]  # a word longer than a line is cut where it must be


def test_free_texts_and_names():
    assert [c for c in kit.schema.COLUMNS["claims"] if free_text("claims", c, "x")] == ["text", "subject"]
    assert free_text("sources", "name", "Reuters") is False and free_text("reports", "notes", 5) is False
    assert text_name("claims", "a.b c", "x.y") == "claims.a%2Eb%20c.x.y"  # an id's '.' is encoded, a column's not


def test_a_column_with_dots_and_odd_ids_round_trip():
    case = kit.load_case(HOSTILE)
    claims = case.claims.copy()
    claims["seen.by editor"] = pd.array(["yes. twice", None, "x" * 250, "a\n\nb", " "], dtype="string")
    odd = dataclasses.replace(case, claims=claims)
    again = import_prov(prov_json(odd, reveal_confidential=True))
    want = kit.load_case(kit.save_case(odd, __import__("tempfile").mkdtemp()))
    assert again.claims.equals(want.claims)
    assert again.claims["seen.by editor"].iloc[2] == "x" * 250


DOC = json.loads(prov_json(kit.load_case(HOSTILE)))
CASE = DOC["entity"]["kitdoc:case"]
TEXT_LINE = next(k for k in CASE if k.startswith("kitdoc:claims."))


def _problems(doc) -> list:
    with pytest.raises(kit.CaseError) as err:
        import_prov(json.dumps(doc))
    return err.value.problems


def test_misnumbered_lines_are_a_problem():
    doc = copy.deepcopy(DOC)
    case = doc["entity"]["kitdoc:case"]
    case["kitdoc:meta_toml.7"] = case.pop("kitdoc:meta_toml.0")
    [p] = _problems(doc)
    assert p.column == "kitdoc:meta_toml" and "numbered" in p.message and "not 0, 1, 2" in p.message


def test_a_line_of_two_values_or_given_whole_too_is_a_problem():
    doc = copy.deepcopy(DOC)
    doc["entity"]["kitdoc:case"][TEXT_LINE] = ["one", "two"]
    doc["entity"]["kitdoc:case"]["kitdoc:order"] = "{}"
    messages = [(p.column, p.message) for p in _problems(doc)]
    name = TEXT_LINE.rsplit(".", 1)[0]
    assert (name, f"{name} is not one text; write the document again with kit.formats.prov") in messages, messages
    assert any(c == "kitdoc:order" and "both whole and in lines" in m for c, m in messages), messages
    # and the claim's text, not read, is missing; but not a problem more for every record whose place is not known
    assert len(messages) == 3 and messages[2] == ("text", "the text is empty; every claim needs one"), messages


def test_a_text_for_no_record_or_one_the_record_has_too_is_a_problem():
    doc = copy.deepcopy(DOC)
    case = doc["entity"]["kitdoc:case"]
    case["kitdoc:claims.no-such-claim.text.0"] = "said by nobody"
    claim = TEXT_LINE.split(".")[1]
    doc["entity"][f"claim:{claim}"]["kit:text"] = "given twice"
    case["kitdoc:unknown.0"] = "?"
    messages = [str(p) for p in _problems(doc)]
    assert any("carries a text for 'no-such-claim', but no record of the document is" in m for m in messages)
    assert any(f"carries a text for '{claim}', but the record has one too (given twice)" in m for m in messages)
    assert any("kitdoc:unknown is not a text the kitdoc:case entity carries" in m for m in messages), messages
    assert len(messages) == 3, messages


def test_the_confidential_source_stays_redacted_on_the_case_entity():
    case = kit.load_case(HOSTILE)
    secret = case.sources[case.sources["confidential"]].iloc[0]
    carried = json.dumps(CASE, ensure_ascii=False)
    for private in (secret["source_id"], secret["name"], secret["url"], secret["notes"], "Rostov"):
        assert private not in carried
    assert "kitdoc:citations.k-wire.confidential-source-1.evidence.0" in CASE


@pytest.mark.parametrize("name", ["echo", "hostile"])
def test_a_document_of_the_previous_form_reads_the_same(name):
    # written by kit before the free texts moved to the kitdoc:case entity (texts on the records, settings whole)
    path = pathlib.Path(__file__).parent / "older_prov" / f"{name}.prov.json"
    older = json.loads(path.read_text(encoding="utf-8"))
    assert "kitdoc:order" in older["entity"]["kitdoc:case"] and "kit:text" in json.dumps(older)
    case = kit.load_case(pathlib.Path(__file__).parents[1] / "cases" / name)
    again = import_prov(path)
    for table in ("sources", "reports", "claims", "citations"):
        assert getattr(again, table).equals(getattr(redact(case), table)), table
    assert again.meta == redact(case).meta  # the settings redacted too
    assert json.loads(prov_json(again)) == json.loads(prov_json(case))  # written again: the new form, the same
