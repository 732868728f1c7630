"""kit.checking.suggestions: the nearest existing value for a misspelt one, and an id made from a name."""

import difflib

import pytest

from kit.checking.suggestions import MAX_SUGGEST, Suggester, nearest, slugify, suggest
from kit.checking.values import SLUG

KINDS = ["named", "anonymous", "official", "organisation", "document", "social", "media"]


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("anonymus", "anonymous"), ("ANONYMOUS", "anonymous"), ("oficial", "official"), ("organization", "organisation")],
)
def test_suggest_finds_the_meant_word(typo, meant):
    assert suggest(typo, KINDS) == meant


def test_suggest_gives_nothing_for_a_far_value_or_a_huge_one():
    assert suggest("zzzz", KINDS) is None
    assert suggest("a" * (MAX_SUGGEST + 1), ["a" * (MAX_SUGGEST + 1)]) is None


def test_nearest_completes_an_id_cut_short_and_an_id_too_long():
    ids = ["daily-beast-200-russian-fighters", "bloomberg-more-than-200", "x"]
    assert nearest("daily-beast", ids) == "daily-beast-200-russian-fighters"
    assert nearest("bloomberg-more-than-200-extra-words", ids) == "bloomberg-more-than-200"
    # an id of one or two characters is not taken as the start of everything
    assert nearest("xylophone-quartet", ids) is None
    assert nearest("", ids) is None


def test_suggester_on_many_ids_agrees_with_difflib_on_ids_of_about_the_same_length():
    ids = [f"claim-{i:05d}" for i in range(5000)] + ["russians-killed-feb7"]
    s = Suggester(ids)
    assert s("russians-kiled-feb7") == "russians-killed-feb7"
    assert s("claim-0123") == difflib.get_close_matches("claim-0123", ids, n=1)[0]
    assert s("q") is None


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Kyiv Post", "kyiv_post"),
        ("  Wagner (PMC)! ", "wagner_pmc"),
        ("already-ok_1", "already-ok_1"),
        ("???", "an_id"),
    ],
)
def test_slugify(name, slug):
    assert slugify(name) == slug


@pytest.mark.parametrize("name", ["Фонтанка", "a  b", "__x__", "R&D / Novaya Gazeta", "ÉLYSÉE 2018"])
def test_slugify_always_gives_a_valid_id(name):
    # the id rule of the checker, not restated here
    assert SLUG.match(slugify(name))
    assert not slugify(name).startswith("_") and not slugify(name).endswith("_")
