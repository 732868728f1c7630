"""kit.text.textmatch: names found the way a reader sees them (every byte form of one name), replaced in the
original text with everything around them kept byte for byte; the documented limits hold too."""

import unicodedata

import pytest

from kit.text.textmatch import SHORT, Matcher, as_read, fold, fold_map

NAME = "Ivan Petrov"
# one name as a reader sees it, written as Word, a web page or a phone writes it
SAME = [
    "Ivan Petrov",
    "IVAN PETROV",
    "ivan\u00a0petrov",  # a non-breaking space
    "Ivan\r\n  Petrov",  # a line break and spaces
    "Ivan\x0bPetrov",  # Word's manual line break
    "Iv\u200ban Pet\u00adrov",  # a zero-width space and a soft hyphen
    "\u202eIvan Petrov\u202c",  # bidi controls
    "Ｉｖａｎ Ｐｅｔｒｏｖ",  # full-width letters
    "I\u0301van Petro\u0308v",  # combining accents
]
# what the module says it does not match
NOT_SAME = ["Ivan Petroff", "Petrov", "IvanPetrov", "Ivan-Petrov", "Ivan_Petrov", "Ivаn Petrov"]  # Cyrillic а


@pytest.mark.parametrize("written", SAME)
def test_every_form_of_a_name_folds_alike_and_is_replaced(written):
    assert fold(written).strip() == fold(NAME)
    out = Matcher({NAME: "Source 1"}).sub(f"«{written}», said a resident.")
    # ignorable characters around the name (bidi controls) may stay; no letter of it does
    assert fold(out) == "«source 1», said a resident."


@pytest.mark.parametrize("written", NOT_SAME)
def test_what_is_documented_as_not_matched_is_left(written):
    text = f"{written} said so."
    assert Matcher({NAME: "Source 1"}).sub(text) == text


def test_fold_agrees_with_nfkc_casefold_on_letters():
    # for texts of letters and single spaces, the folded form is the NFKC case-folded form without its marks
    for text in ["Straße", "İstanbul", "ﬁnal ﬂight", "Ǆemal", "Ωmega ΣΑΣ", "Фонтанка Ёлка", "x² ½"]:
        nfkc = unicodedata.normalize("NFKC", text).casefold()
        expected = "".join(
            c for c in unicodedata.normalize("NFKD", nfkc) if unicodedata.category(c) not in ("Mn", "Me")
        )
        assert fold(text) == expected, text


def test_fold_map_points_back_to_the_characters_each_came_from():
    text = "Straße\u00a0\n İPEK\u200b x"
    folded, starts, ends = fold_map(text)
    assert folded == fold(text)
    assert len(starts) == len(ends) == len(folded)
    for i, ch in enumerate(folded):
        # each folded character is in the fold of the original span it names
        assert ch in fold(text[starts[i] : ends[i]]) or (ch == " " and text[starts[i] : ends[i]].isspace())
    assert text[starts[folded.index(" ")] : ends[folded.index(" ")]] == "\u00a0\n "  # one run, one space
    assert "\u200b" not in "".join(text[s:e] for s, e in zip(starts, ends, strict=True))  # ignorable: no character


def test_short_terms_only_as_whole_words_longer_anywhere():
    m = Matcher({"abc": "X", "wagner": "W"})
    assert len(fold("abc")) < SHORT <= len(fold("wagner"))
    assert m.sub("abcd xabc abc-said (abc) abc_1 ABC") == "abcd xabc X-said (X) X_1 X"
    assert m.sub("Wagnerites, pro-Wagner") == "Wites, pro-W"


def test_overlapping_terms_the_first_then_the_longest_wins():
    m = Matcher({"Rostov": "R", "Rostov Tractor Plant": "P", "Tractor Plant workers": "T"})
    assert m.spans("the Rostov Tractor Plant workers") == [(4, 24, "P")]
    assert m.sub("in Rostov, the Tractor Plant workers") == "in R, the T"


def test_the_first_of_two_terms_with_one_folded_form_wins_and_empty_terms_are_ignored():
    m = Matcher({"JOSÉ": "first", "jose": "second", "\u200b ": "nothing"})
    assert m.terms == {"jose": "first"}
    assert m and not Matcher({"  ": "x"})
    assert m.sub("Jose\u0301 said").startswith("first")


def test_a_decomposed_accent_at_the_end_of_a_name_goes_with_it():
    assert Matcher({"José": "Source 1"}).sub("Jose\u0301 said") == "Source 1 said"


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Ivan%20Petrov", "Ivan Petrov"),
        ("Ivan+Petrov", "Ivan Petrov"),
        ("Ivan&nbsp;Petrov", "Ivan\u00a0Petrov"),
        ("q=Ivan%2520Petrov", "q=Ivan Petrov"),  # encoded twice
        ("u=https%3A%2F%2Fx.org%2F%3Fq%3DIvan%252BPetrov", "u=https://x.org/?q=Ivan Petrov"),  # three layers
        ("plain text", "plain text"),
    ],
)
def test_as_read_undoes_the_layers_of_encoding(written, read):
    assert as_read(written) == read
    assert Matcher({NAME: "S"}).sub(as_read(written)) == read.replace(NAME, "S").replace("Ivan\u00a0Petrov", "S")
