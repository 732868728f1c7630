"""kit.auditing.bulk: each bulk edit gives what the plain pass over every text gives."""

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from kit.auditing.bulk import non_ascii, replace_at, split_whitespace, unstray
from kit.auditing.marks import MARK, STRAY, STRAY_HINT, STRAY_PASSES, STRAY_REPLACE, unglue

CODE_POINTS = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]


def _same_chunks(got, want):
    """The same chunks, but that a run of white space at a text's end gives one empty chunk, not two (as
    ``utf8_split_whitespace`` gives them): an empty chunk is no word, and the first comes at the same place."""

    def key(chunks):
        while len(chunks) > 1 and chunks[-1] == chunks[-2] == "":
            chunks = chunks[:-1]
        return chunks

    same = pc.equal(pc.list_value_length(got), pc.list_value_length(want))
    other = np.flatnonzero(~np.asarray(same.to_numpy(zero_copy_only=False), dtype=bool))  # read one by one
    return pc.list_flatten(got.filter(same)).equals(pc.list_flatten(want.filter(same))) and all(
        key(got[int(i)].as_py()) == key(want[int(i)].as_py()) for i in other
    )


@pytest.mark.parametrize("shape", ["a{}b", "{}a", "a{}", "{}{}é {}\t{}b{}"])
def test_split_whitespace_cuts_as_utf8_split_whitespace_at_every_code_point(shape):
    arr = pa.array([shape.replace("{}", chr(c)) for c in CODE_POINTS])
    got, want = split_whitespace(arr), pc.utf8_split_whitespace(arr)
    assert _same_chunks(got, want)
    assert got[0x3000].as_py() == want[0x3000].as_py() or shape.endswith("{}")  # a cut at a wide space
    assert got[0x3000].as_py() != [shape.replace("{}", "\u3000")]


def test_split_whitespace_of_texts_with_and_without_other_white_space():
    texts = ["plain words here", "tab\tand\nnewline", "no\u00a0break", "ünïcode wörds", "", "  ", "\u2009", "x\x1fy"]
    texts += ["ends in spaces  ", "  starts so", "é  \u3000", "a\u3000\u3000"]
    arr = pa.array(texts * 50)
    assert _same_chunks(split_whitespace(arr), pc.utf8_split_whitespace(arr))
    assert not split_whitespace(arr).equals(pc.utf8_split_whitespace(arr))  # the one difference: shown, of no word
    assert split_whitespace(arr).to_pylist()[:4] == [t.split() for t in texts[:4]]


def _plain_unstray(arr):
    """The stray marks made opening marks, every text read (as kit.auditing.text did before reading fewer)."""
    maybe = pc.match_substring_regex(arr, STRAY_HINT)
    some = pc.filter(arr, maybe)
    for _ in range(STRAY_PASSES):
        for pattern, replacement in zip(STRAY, STRAY_REPLACE, strict=True):
            some = pc.replace_substring_regex(some, pattern, replacement, max_replacements=1)
    return pc.replace_with_mask(arr, maybe, some)


def test_unstray_reading_only_texts_with_a_mark_gives_the_plain_pass():
    texts = [
        "Crews arrived.”The bridge is gone,” he said.",
        'It fell."Next," she said. "Then."Later',
        "No marks at all.",
        "“Whole quotation.” Then more.”Stray",
        "A sentence. Another sentence.",
    ] * 20
    arr = pa.array(texts)
    within = np.asarray(pc.match_substring_regex(arr, MARK).to_numpy(zero_copy_only=False), dtype=bool)
    got = unstray(arr, within)
    assert got.equals(_plain_unstray(arr))
    assert got.to_pylist()[0] != texts[0] and got.to_pylist()[2] == texts[2]
    assert [unglue(t) for t in texts] == [unglue(t) for t in got.to_pylist()]  # what unglue reads, in bulk
    assert unstray(arr, np.zeros(len(arr), bool)).equals(arr)


def test_non_ascii_changes_only_the_texts_beyond_ascii_and_replace_at_puts_texts_in_place():
    arr = pa.array(["it’s here", "its here", None, "ça va’"])
    got = non_ascii(arr, lambda a: pc.replace_substring(a, "’", "'"))
    assert got.to_pylist() == ["it's here", "its here", None, "ça va'"]
    assert non_ascii(pa.array(["plain"]), lambda a: 1 / 0).to_pylist() == ["plain"]  # nothing to change: not called
    assert replace_at(arr, np.array([1, 3]), pa.array(["b", "d"])).to_pylist() == ["it’s here", "b", None, "d"]
