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
