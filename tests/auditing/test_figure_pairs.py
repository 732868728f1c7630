"""kit.auditing.figure_pairs: unusual figures and named origins, on sentences as news writes them; same_attribution."""

import dataclasses

import numpy as np

from kit.auditing.figure_pairs import named_origins, unusual


def test_a_round_figure_is_not_unusual():
    low = np.array([201.0, 37.0, 5.0, 120.0, 13.0])
    high = np.array([np.nan, 37.0, 5.0, 120.0, np.nan])
    # "more than 200" says 200 (round); 37 is unusual; 5 is under 10; 120 round; "more than 13" says 12: unusual
    assert unusual(low, high).tolist() == [False, True, False, False, True]


def test_named_origins_in_both_orders():
    # a name ending its sentence is the same origin as the name before its verb (it kept the full stop)
    assert named_origins("The toll rose to 77, said Rafael Correa.") == {"rafael correa"}
    assert named_origins("Rafael Correa said the toll rose to 77.") == {"rafael correa"}
    assert named_origins("The toll rose to 77, the monitor said.") == set()  # not a name


def test_named_origins_in_the_forms_real_coverage_uses():
    # sentences of tests/audit_corpus/ecuador-quake-2016 (IBTimes India, Washington Examiner, 17 April 2016)
    assert named_origins(
        "The toll from the massive earthquake along Ecuador's Pacific coast has risen to 262, the Associated Press "
        "quoted Vice Minister Diego Fuentes as saying."
    ) == {"associated press", "vice minister diego fuentes"}
    assert named_origins(
        "The new number, announced by President Rafael Correa Sunday morning, is a increase from the 77 dead "
        "reported previously."
    ) == {"president rafael correa"}  # the day is not part of the name


def test_a_figure_two_outlets_each_attribute_to_the_same_named_origin_is_not_paired():
    import dataclasses

    import kit
    from kit.auditing.context import claims_in_time_order
    from kit.auditing.figure_pairs import same_figure, same_origin

    assert same_origin({"president rafael correa"}, {"rafael correa"})
    assert not same_origin({"reuters"}, {"rafael correa"})
    case = kit.testing.examples.diamond()
    texts = {  # the same unusual figure, each with its origin named in another form
        "wire-a-12": "The official death toll rose to 233 on Sunday, announced by President Rafael Correa.",
        "paper-b-12": "The toll rose to 233, Rafael Correa said.",
        "paper-c-12": "The toll rose to 233.",
    }
    claims = case.claims.copy()
    claims["text"] = claims["claim_id"].map(texts).fillna(claims["text"])
    claims["low"] = claims["high"] = claims["claim_id"].map(dict.fromkeys(texts, 233.0)).astype("Float64")
    c = claims_in_time_order(dataclasses.replace(case, claims=claims, citations=case.citations.iloc[:0]))
    ids = list(c.ids_at(range(len(c))))
    got = {(ids[a], ids[b]) for a, b in zip(same_figure(c)["later"], same_figure(c)["earlier"], strict=True)}
    assert ("paper-b-12", "wire-a-12") not in got  # both rest on Correa
    assert ("paper-c-12", "wire-a-12") in got  # names nobody: paired


def test_anonymous_wordings_are_each_texts_attributions_and_same_attribution_takes_them_made():
    import kit
    from kit.auditing.anonymous import anonymous_wordings, attributions
    from kit.auditing.context import claims_in_time_order
    from kit.auditing.figure_pairs import same_attribution
    from kit.auditing.text import corpus

    texts = [
        "Floods hit Leeds, two officials said.",
        "Two officials said floods hit Leeds, two officials said, and 3 of the crew told us.",
        "Rain fell, the Council said",
        "“We left,” a resident told reporters, speaking on condition of anonymity.",
        # read with Python's re, not RE2 (kit.auditing.figure_pairs reads ASCII texts with RE2): a letter and a
        # digit beyond ASCII, where the two differ on \\b and \\d
        "Two of the café's workers said the roof fell, according to two officials",
        "٣ officials said the bridge fell; two of the crew said",
    ]
    want = [(i, p) for i, t in enumerate(texts) for p in dict.fromkeys(attributions(t))]
    assert want and len(want) > len(texts) - 1
    assert anonymous_wordings(corpus(texts)) == want
    texts = [f"{t} Story {k}." for k in range(30) for t in texts]
    case = kit.testing.synth.make_case(60, seed=2)
    claims = case.claims.assign(text=texts[: len(case.claims)] + case.claims["text"].tolist()[len(texts) :])
    c = claims_in_time_order(dataclasses.replace(case, claims=claims))
    corp = corpus(c.text)
    got = same_attribution(c, corp)
    assert len(got) and got.equals(same_attribution(c, corp, wordings=anonymous_wordings(corp)))


def test_every_text_named_origins_reads_a_name_in_matches_the_hint():
    # NAMED_HINT is a first cut in bulk: it must hold every text named_origins reads a name in, whether pyarrow's RE2
    # or Python's re reads it (every sentence of the real coverage, and the draft corpus's articles line by line)
    import pathlib
    import re

    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    from kit.auditing.figure_pairs import NAMED_HINT

    tests = pathlib.Path(__file__).resolve().parents[1]
    texts = pd.concat([pd.read_csv(p, dtype=str)["text"] for p in sorted(tests.glob("audit_corpus/*/claims.csv"))])
    texts = texts.dropna().tolist()
    for p in sorted(tests.glob("draft_corpus/*/*.txt")):
        texts += [line for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    named = [bool(named_origins(t)) for t in texts]
    re2 = pc.match_substring_regex(pa.array(texts, pa.string()), NAMED_HINT).to_pylist()
    python = [bool(re.search(NAMED_HINT, t)) for t in texts]
    assert sum(named) > 200 and sum(re2) < len(texts) / 2
    assert [t for t, n, h in zip(texts, named, re2, strict=True) if n and not h] == []
    assert [t for t, n, h in zip(texts, named, python, strict=True) if n and not h] == []
