"""kit.reading.encoding: UTF-8 (with or without a BOM) is read, every other encoding is named, never guessed into text;
a header written with another delimiter is named."""

import pytest

from kit.reading.encoding import DELIMITERS, ENCODING_HINT, decode_bytes, sniff_delimiter

TEXT = "source_id,name\r\nfontanka,Фонтанка\r\n"


def test_utf8_with_and_without_bom_is_the_same_text():
    probs: list = []
    assert decode_bytes(TEXT.encode("utf-8"), "s.csv", probs) == TEXT
    assert decode_bytes(TEXT.encode("utf-8-sig"), "s.csv", probs) == TEXT
    assert probs == []


@pytest.mark.parametrize(
    ("codec", "named"),
    [
        ("utf-16", "UTF-16"),
        ("utf-16-le", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-32-be", "UTF-32"),  # no BOM: bytes all below 0x80, valid UTF-8 with NULs, named all the same
        ("utf-32-le", "UTF-32"),
        ("utf-16-be", "UTF-16"),
    ],
)
def test_wide_encodings_are_named(codec, named):
    probs: list = []
    assert decode_bytes(TEXT.encode(codec), "s.csv", probs) is None
    [p] = probs
    assert (p.file, p.line, p.column, p.severity) == ("s.csv", 0, None, "error")
    assert f"it looks like {named} " in p.message
    assert ENCODING_HINT in p.message


@pytest.mark.parametrize(
    ("codec", "order"),
    [
        ("utf-32-be", "big-endian"),
        ("utf-32-le", "little-endian"),
        ("utf-16-be", "big-endian"),
        ("utf-16-le", "little-endian"),
    ],
)
def test_wide_encodings_without_a_bom_say_their_byte_order(codec, order):
    probs: list = []
    for text in (TEXT, "claim_id,text\nk1,plain ASCII only\n"):
        assert decode_bytes(text.encode(codec), "s.csv", probs) is None
        assert f"it looks like {codec[:6].upper()} ({order}, without a byte order mark;" in probs[-1].message
    assert len(probs) == 2


def test_windows_1252_is_named_with_the_word_and_its_line():
    # 0x93/0x94 are curly quotes in Windows-1252 and control characters in Latin-1: only Windows-1252 fits
    data = "source_id,name\nwire,\u201cAl Masdar\u201d\n".encode("cp1252")
    probs: list = []
    assert decode_bytes(data, "sources.csv", probs) is None
    [p] = probs
    assert "it looks like Windows-1252 (first seen on line 2, which reads '\u201cAl Masdar\u201d'" in p.message


def test_latin_1_is_named_with_the_word_and_its_line():
    data = "a,b\nx,y\nz,caf\xe9 noir\n".encode("latin-1")
    probs: list = []
    assert decode_bytes(data, "c.csv", probs) is None
    assert "Latin-1 (ISO-8859-1) or Windows-1252 (first seen on line 3, which reads 'café noir'" in probs[0].message


def test_nul_bytes_in_valid_utf8_are_refused_with_their_line():
    probs: list = []
    assert decode_bytes(b"a,b\n1,2\n3,\x004\n", "n.csv", probs) is None
    assert "NUL bytes (first on line 3)" in probs[0].message


@pytest.mark.parametrize(("line", "expected"), [(f"source_id{d}name{d}kind", d) for d in DELIMITERS])
def test_other_delimiters_are_named(line, expected):
    assert sniff_delimiter(line) == expected


@pytest.mark.parametrize(
    "line",
    ["source_id,name,kind", "claim_id,text", "claim_id,text;with a semicolon,certainty", "one_column", ""],
)
def test_comma_headers_have_no_other_delimiter(line):
    assert sniff_delimiter(line) is None
