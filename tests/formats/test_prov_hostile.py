"""kit.formats.prov.import_prov on documents it did not write (issue 24, items 6-7): a case or a CaseError whose
problems say where, never a crash; two values for one field are a problem, so a confidential source is never made
less confidential by a guess; the case.toml a document carries is checked as kit check checks a case.toml."""

import copy
import json
import pathlib
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit
from kit.formats.prov import import_prov, prov_json
from kit.text.redact import redact

CASES = pathlib.Path(__file__).resolve().parents[1] / "cases"
ECHO = kit.load_case(CASES / "echo")
DOC = json.loads(prov_json(ECHO, reveal_confidential=True))
SECRET = next(k for k, v in DOC["agent"].items() if v.get("kit:confidential") is True)


def _problems(doc) -> list:
    with pytest.raises(kit.CaseError) as err:
        import_prov(json.dumps(doc))
    return err.value.problems


@pytest.mark.parametrize("values", [[True, False], [False, True], [True, True, False]])
def test_two_values_for_confidential_are_a_problem_never_a_guess(values):
    doc = copy.deepcopy(DOC)
    doc["agent"][SECRET]["kit:confidential"] = values
    [p] = _problems(doc)
    assert (p.file, p.line, p.column) == ("PROV-JSON text#sources", 2, "confidential")
    assert "has 2 values" in p.message  # the prov library keeps each distinct value once


def test_two_publishers_or_two_reports_are_problems():
    doc = copy.deepcopy(DOC)
    first = next(iter(doc["wasAttributedTo"].values()))
    doc["wasAttributedTo"]["_:extra"] = {**first, "prov:agent": SECRET}
    member = next(m for m in doc["hadMember"].values() if m["prov:entity"].startswith("claim:"))
    other = next(k for k in doc["entity"] if k.startswith("report:") and k != member["prov:collection"])
    doc["hadMember"]["_:extra"] = {**member, "prov:collection": other}
    messages = [p.message for p in _problems(doc)]
    assert any("the publisher of report" in m and "is given twice" in m for m in messages), messages
    assert any("the report of claim" in m and "is given twice" in m for m in messages), messages


@pytest.mark.parametrize("columns", ['["a"]', '{"sources": 5}', '[["a"]]', '{"sources": ["name", "name"]}', "{x"])
def test_kitdoc_columns_of_another_shape(columns):
    doc = copy.deepcopy(DOC)
    _set(doc, "columns", columns)
    [p] = _problems(doc)
    assert (p.file, p.column) == ("PROV-JSON text", "kitdoc:columns")


def _text(doc, name: str) -> str:
    """A text the kitdoc:case entity carries, its lines (``kitdoc:NAME.0``, ``kitdoc:NAME.1`` ...) joined."""
    case = doc["entity"]["kitdoc:case"]
    lines = sorted((k for k in case if k.rsplit(".", 1)[0] == f"kitdoc:{name}"), key=lambda k: int(k.rsplit(".")[-1]))
    return "".join(case[k] for k in lines)


def _set(doc, name: str, value) -> None:
    """Put ``value`` in place of the text ``name``, as its one line."""
    case = doc["entity"]["kitdoc:case"]
    for k in [k for k in case if k.rsplit(".", 1)[0] == f"kitdoc:{name}"]:
        del case[k]
    case[f"kitdoc:{name}.0"] = value


def _order(doc) -> dict:
    return json.loads(_text(doc, "order"))


#: the document as kit wrote it before its free texts and settings were in lines (kitdoc:order whole, texts on the
#: records); made with ``prov_json(kit.load_case("tests/cases/echo"))`` on 2026-12-07
FORM_2 = json.loads((pathlib.Path(__file__).parent / "older_prov" / "echo.prov.json").read_text(encoding="utf-8"))


def _older(doc=FORM_2) -> dict:
    """The document as kit wrote it before kitdoc:order: each record's place as kitdoc:row on the record."""
    doc = copy.deepcopy(doc)
    order = json.loads(doc["entity"]["kitdoc:case"].pop("kitdoc:order"))
    place = {
        f"{p}:{i}": n
        for t, p in (("sources", "source"), ("reports", "report"), ("claims", "claim"))
        for n, i in enumerate(order[t])
    }
    cites = {tuple(pair): n for n, pair in enumerate(order["citations"])}
    for kind, recs in doc.items():
        for ident, rec in recs.items() if kind != "prefix" else ():
            if ident in place:
                rec["kitdoc:row"] = {"$": str(place[ident]), "type": "xsd:int"}
            elif "kit:relation" in rec:
                ends = [rec[k].split(":", 1)[1] for k in rec if k in ("prov:generatedEntity", "prov:influencee")]
                ends += [rec[k].split(":", 1)[1] for k in rec if k in ("prov:usedEntity", "prov:influencer")]
                rec["kitdoc:row"] = {"$": str(cites[tuple(ends)]), "type": "xsd:int"}
    return doc


def test_no_record_but_the_case_carries_bookkeeping():
    holders = {
        i
        for kind, recs in DOC.items()
        if kind != "prefix"
        for i, rec in recs.items()
        if any(k.startswith("kitdoc:") for k in rec)
    }
    assert holders == {"kitdoc:case"}
    assert [len(v) for v in _order(DOC).values()] == [len(getattr(ECHO, t)) for t in _order(DOC)]


def test_kitdoc_order_missing_a_record_naming_an_unknown_one_and_one_twice():
    doc = copy.deepcopy(DOC)
    order = _order(doc)
    dropped = order["claims"].pop(1)
    order["reports"].append("no-such-report")
    order["citations"].append(["no-such-claim", "nobody"])
    _set(doc, "order", json.dumps(order))
    problems = _problems(doc)
    where = {(p.file, p.line) for p in problems}
    messages = [p.message for p in problems]
    assert len(problems) == 3, messages
    assert any(f"claim '{dropped}' is not in" in m for m in messages), messages
    assert any("names 'no-such-report'" in m for m in messages), messages
    assert any("names 'nobody' by 'no-such-claim'" in m for m in messages), messages
    assert ("PROV-JSON text#reports", len(ECHO.reports) + 2) in where  # the row's line where the table is saved
    order = _order(DOC)
    order["sources"].append(order["sources"][0])
    doc = copy.deepcopy(DOC)
    _set(doc, "order", json.dumps(order))
    [p] = _problems(doc)
    assert p.column == "kitdoc:order" and "each once" in p.message


@pytest.mark.parametrize(
    "order",
    [
        "[]",
        "{x",
        '{"sources": []}',
        5,
        '{"sources": [1], "reports": [], "claims": [], "citations": []}',
        '{"sources": [], "reports": [], "claims": [], "citations": [["a"]], "extra": []}',
        '{"sources": [], "reports": [], "claims": [], "citations": [[1, 2]]}',
    ],
)
def test_kitdoc_order_of_another_shape(order):
    doc = copy.deepcopy(DOC)
    _set(doc, "order", order)
    problems = _problems(doc)
    assert [p.column for p in problems] == ["kitdoc:order"], problems  # one problem, not one for every record


@pytest.mark.parametrize("form", ["kitdoc:row on each record", "kitdoc:order whole, texts on the records"])
def test_an_older_document_reads_the_same(form):
    older = _older() if form.startswith("kitdoc:row") else FORM_2
    assert ("kitdoc:order" in older["entity"]["kitdoc:case"]) == form.startswith("kitdoc:order")
    assert any("kit:text" in e for e in older["entity"].values())
    again = import_prov(json.dumps(older))
    for t in ("sources", "reports", "claims", "citations"):
        assert getattr(again, t).equals(getattr(redact(ECHO), t)), t
    assert again.meta == ECHO.meta


def test_kitdoc_row_text_on_one_record_and_missing_on_another():
    doc = _older()
    claims = [k for k in doc["entity"] if k.startswith("claim:")]
    doc["entity"][claims[0]]["kitdoc:row"] = "x"
    del doc["entity"][claims[1]]["kitdoc:row"]
    doc["entity"][claims[2]]["kitdoc:row"] = doc["entity"][claims[3]]["kitdoc:row"]
    messages = [str(p) for p in _problems(doc)]
    assert len(messages) == 3 and sum("not one whole number" in m for m in messages) == 2, messages
    assert any("given to two records" in m for m in messages), messages


def test_the_case_toml_it_carries_is_checked_as_kit_check_checks_it(tmp_path):
    toml = 'title = 5\nproposition = "nope"\n[verdicts.nope]\nrating = "False"\nurl = "javascript:alert(1)"\n'
    doc = copy.deepcopy(DOC)
    _set(doc, "meta_toml", toml)
    from_doc = [(p.line, p.column, p.message) for p in _problems(doc)]
    folder = tmp_path / "c"
    shutil.copytree(CASES / "echo", folder)
    (folder / "case.toml").write_text(toml, encoding="utf-8")
    _, problems, _ = kit.check_case(folder)
    assert from_doc == [(p.line, p.column, p.message) for p in problems] and len(from_doc) >= 4
    assert all(p.file == "PROV-JSON text#case.toml" for p in _problems(doc))


def test_a_value_of_a_kind_kit_does_not_write():
    doc = copy.deepcopy(DOC)
    doc["agent"][SECRET]["kit:name"] = {"$": "source:x", "type": "xsd:QName"}
    p = _problems(doc)[0]
    assert (p.line, p.column) == (2, "name") and "a value of a kind kit does not write" in p.message


def test_a_value_the_prov_library_would_drop_is_a_problem_not_a_loss():
    doc = copy.deepcopy(DOC)
    claim = next(k for k in doc["entity"] if k.startswith("claim:"))
    doc["entity"][claim]["kit:text"] = None  # prov drops it with a warning: the claim's text would be lost
    problems = _problems(doc)
    assert any("the prov library drops" in p.message and "kit:text" in p.message for p in problems), problems


# ------------------------------------------------------------------------------------------------ hypothesis

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)
TYPED = st.sampled_from(["xsd:int", "xsd:dateTime", "xsd:QName", "xsd:string", "prov:QUALIFIED_NAME", "x"])


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*path, i))


PATHS = [p for p in _paths(DOC) if p]


@st.composite
def mutated(draw):
    doc = copy.deepcopy(DOC)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(PATHS))
        parent = doc
        try:
            for k in path[:-1]:
                parent = parent[k]
            old = parent[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue
        how = draw(st.sampled_from(["replace", "twice", "delete", "typed"]))
        if how == "delete" and isinstance(parent, dict):
            del parent[path[-1]]
        elif how == "twice":
            parent[path[-1]] = [old, draw(JSON)]
        elif how == "typed":
            parent[path[-1]] = {"$": draw(st.text(max_size=12)), "type": draw(TYPED)}
        else:
            parent[path[-1]] = draw(JSON)
    return doc


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_any_mutation_gives_a_case_or_problems_that_say_where(doc):
    import warnings

    text = json.dumps(doc)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # nothing dropped with only a warning
            case = import_prov(text)
    except kit.CaseError as err:
        assert err.problems
        assert all(p.file.startswith("PROV-JSON text") and p.message for p in err.problems)
        return
    agent = doc.get("agent", {})
    value = agent.get(SECRET, {}).get("kit:confidential") if isinstance(agent, dict) else None
    if isinstance(value, list) and len(value) > 1:
        pytest.fail("two values for kit:confidential were read as one")
    if value is True and "confidential-source" not in json.dumps(doc):
        secret_id = SECRET.split(":", 1)[1]
        rows = case.sources[case.sources["source_id"] == secret_id]
        assert rows.empty or bool(rows["confidential"].iloc[0])
