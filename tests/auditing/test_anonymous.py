"""kit.auditing.anonymous: anonymous-source wordings, on sentences as news writes them, read one by one and in bulk."""

from kit.auditing.anonymous import attributions


def test_only_anonymous_wording_is_an_attribution():
    assert attributions("More than 200 died, two of the Russians said.") == ["two of the russians said"]
    # issue 22: named or documentary wording is not anonymous
    assert attributions("The coalition may have conducted strikes, the statement said.") == []


def test_anonymous_wording_in_real_coverage_and_named_wording_not():
    # Every sentence of the development part of tests/audit_corpus read by hand: two quote unnamed officials
    # (MPR News, Business Standard); the named or documentary wordings ("Correa told state radio, according to
    # Reuters", "he told reporters", "Jean-Claude Juncker released a statement") are not anonymous.
    import pathlib

    import pandas as pd

    corpus = pathlib.Path(__file__).resolve().parents[1] / "audit_corpus"
    found = {}
    for story in ("ecuador-quake-2016", "italy-quake-2016", "notre-dame-fire-2019"):
        claims = pd.read_csv(corpus / story / "claims.csv", dtype=str, keep_default_na=False)
        for cid, text in zip(claims["claim_id"], claims["text"], strict=True):
            if attributions(text):
                found[cid] = attributions(text)
    assert found == {"mpr-4": ["officials say"], "businessstandard-13": ["officials have said"]}


def test_anonymous_wordings_read_in_bulk_are_each_real_sentences_attributions():
    # every sentence of the real coverage (tests/audit_corpus), read in bulk (RE2 for ASCII texts) and one by one
    # (Python's re): the same wordings
    import pathlib

    import pandas as pd

    from kit.auditing.anonymous import anonymous_wordings
    from kit.auditing.text import corpus

    root = pathlib.Path(__file__).resolve().parents[1] / "audit_corpus"
    texts = pd.concat([pd.read_csv(p, dtype=str)["text"] for p in sorted(root.glob("*/claims.csv"))]).tolist()
    want = [(i, p) for i, t in enumerate(texts) for p in dict.fromkeys(attributions(t))]
    assert len(texts) > 1000 and len(want) > 20
    assert anonymous_wordings(corpus(texts)) == want


def test_a_hyphenated_word_for_unnamed_people_is_read_in_bulk_as_one_by_one():
    # "Eye-witnesses say": the regular expression reads "witnesses say" after the hyphen; the bulk reading's word
    # filter must not drop the text because its vocabulary holds "eye-witnesses" as one word
    from kit.auditing.anonymous import anonymous_wordings
    from kit.auditing.text import corpus

    texts = ["Eye-witnesses say that a lizard was found in the soup.", "Co-workers told reporters nothing."]
    assert attributions(texts[0]) == ["witnesses say"]
    assert anonymous_wordings(corpus(texts)) == [(0, "witnesses say")]


def _plain_maybe_anonymous(corp):
    """The texts where an anonymous wording can match, each kind of word placed in its texts over every word (as
    kit.auditing.anonymous did before placing only the words of a kind)."""
    import re

    import numpy as np

    from kit.auditing.anonymous import _ANONYMOUS, _HINT_WORDS, _NUM_WORDS, _WHO_WORDS

    vocab, ids = corp.vocab, corp.all_ids
    owner = np.repeat(np.arange(len(corp)), corp.n_words)
    joined = {i: re.split(r"[^a-z0-9]+", str(w)) for i, w in enumerate(vocab) if re.search("[^a-z0-9]", str(w))}

    def has(words):
        flag = np.isin(vocab, words)
        flag[[i for i, parts in joined.items() if set(words).intersection(parts)]] = True
        return np.bincount(owner[flag[ids]], minlength=len(corp)) > 0

    hint, cue = has(_HINT_WORDS), has(_WHO_WORDS + _ANONYMOUS)
    num_of = np.zeros(len(corp), dtype=bool)
    for k in np.flatnonzero((vocab[ids[1:]] == "of") & (owner[1:] == owner[:-1])).tolist():
        before = str(vocab[ids[k]])
        num_of[owner[k]] |= before in _NUM_WORDS or before.isdigit()
    return np.flatnonzero(hint & (cue | num_of))


def test_the_texts_that_may_hold_an_anonymous_wording_are_those_the_plain_pass_finds():
    import kit
    from kit.auditing.anonymous import _maybe_anonymous
    from kit.auditing.text import corpus

    texts = [
        "Two of the Russians said the plane was hit",
        "of course, three officials told us",  # "of" first in its text: no number before it
        "Floods hit Leeds, eye-witnesses say",
        "12 of the crew said so",
        "The council said so, according to its minutes.",
        "",
        "Speaking on condition of anonymity, a source said",
        "Many of them left",
        "The toll rose to 5",
        "of the dead, the mayor said nothing",  # "of" first: the number before it is the text before's
    ] * 3
    texts += kit.testing.synth.make_case(400, seed=3, copy_rate=0.2).claims["text"].tolist()
    c = corpus(texts)
    got = _maybe_anonymous(c)
    assert got.tolist() == _plain_maybe_anonymous(c).tolist()
    assert {0, 1, 2, 3, 6}.issubset(got.tolist()) and not {4, 7, 8, 9}.intersection(got.tolist())
