"""kit.auditing.rows: one frame of pairs for every rule that lists them, with the same types when it lists none."""

import numpy as np

from kit.auditing.rows import PAIR_COLUMNS, pair_rows


def test_pair_rows_types_with_pairs_and_without():
    full = pair_rows(np.array([5, 7]), [2, 3], "same_figure", [0.5, 1], (e for e in ("a", "b")))
    empty = pair_rows([], [], "same_figure", [], [])
    for rows in (full, empty):
        assert tuple(rows.columns) == PAIR_COLUMNS
        assert (str(rows["later"].dtype), str(rows["earlier"].dtype), str(rows["score"].dtype)) == (
            "int64",
            "int64",
            "float64",
        )
        assert rows["evidence"].dtype == object
    assert full["signal"].tolist() == ["same_figure"] * 2 and full["score"].tolist() == [0.5, 1.0]
    assert full["evidence"].tolist() == ["a", "b"] and len(empty) == 0


def test_every_rule_that_lists_pairs_gives_the_frame():
    import kit
    from kit.auditing.context import claims_in_time_order
    from kit.auditing.figure_pairs import same_attribution, same_figure
    from kit.auditing.quotes import framed_quotes
    from kit.auditing.reprints import cut_reprints, edited_reprints, short_reprints
    from kit.auditing.restated import restated_copies
    from kit.auditing.reworded import reworded_copies
    from kit.auditing.signals import matches, shared_text
    from kit.auditing.text import corpus

    claims = claims_in_time_order(kit.testing.synth.make_case(200, seed=3, copy_rate=0.3))
    words = corpus(claims.text)
    found = matches(words, story=claims.proposition, publisher=claims.publisher)
    none = np.array([], dtype=np.int64)
    listed = shared_text(claims, words, lambda a, b: np.zeros(len(a), bool), found=found)
    assert len(listed) > 0
    for rows in (
        listed,
        framed_quotes(claims, words, found),
        short_reprints(claims, words, found),
        cut_reprints(claims, words, found),
        edited_reprints(claims, words, found),
        reworded_copies(claims, words, found, none, none),
        restated_copies(claims, words, found, none, none),
        same_figure(claims),
        same_attribution(claims, words),
    ):
        assert tuple(rows.columns) == PAIR_COLUMNS
        assert str(rows["later"].dtype) == "int64" and str(rows["score"].dtype) == "float64"
