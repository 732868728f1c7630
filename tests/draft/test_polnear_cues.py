"""benchmarks/polnear.py's reported-speech cues (issue 21, item 3): which PolNeAR Cue spans count as speech, and the
speech counts of one article, on cues and an article written here (no PolNeAR text is in the repository)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("polnear", ROOT / "benchmarks" / "polnear.py")
polnear = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(polnear)


@pytest.mark.parametrize(
    "cue",
    [
        "said",
        "says",
        "saying",
        "say",
        "told",
        "tells",
        "telling",
        "has said",
        "did not deny",
        "denied",
        "replies",
        "testified",
        "according to",
        "According to",
        "added",
        "stated",
        "noting",
        "argued",
        "stresses",
        "admitted",
        "admits",
        "wrote",
        "written",
        "writes",
        "emphasised",
        "emphasized",
        "asked",
        "tweeted",
        "posted",
        "said in a statement",
        ":",
        " : ",
    ],
)
def test_speech_cues(cue: str) -> None:
    assert polnear.speech_cue(cue)


@pytest.mark.parametrize(
    "cue",
    [
        "wants",
        "believe",
        "believes",
        "supported",
        "called for",
        "show",
        "shows",
        "thinks",
        "hopes",
        "accorded to",
        ";",
        "",
        "sayings",
    ],
)
def test_cues_that_are_not_speech(cue: str) -> None:
    assert not polnear.speech_cue(cue)


def test_inflections_by_the_suffix_rule() -> None:
    assert polnear._inflections("say") == {"say", "says", "saying", "said", "sayed"}
    assert polnear._inflections("deny") == {"deny", "denies", "denied", "denying"}
    assert polnear._inflections("state") == {"state", "states", "stated", "stating"}
    assert polnear._inflections("stress") == {"stress", "stresses", "stressed", "stressing"}
    assert {"admitted", "admitting", "admits"} <= polnear._inflections("admit")
    assert {"told", "tells", "telling"} <= polnear._inflections("tell")


def test_the_list_is_fixed_and_without_repeats() -> None:
    cues = polnear.SPEECH_CUES
    assert len(cues) == len(set(cues)) == 42
    assert {"say", "tell", "according to", "ask", ":"} <= set(cues)
    assert not {"want", "believe", "support", "show", "call for"} & set(cues)


TEXT = "The mayor said the bridge was closed. The governor wants a new bridge."
ANN = "\n".join(
    [
        "T1\tSource 0 9\tThe mayor",
        "T2\tCue 10 14\tsaid",
        "T3\tContent 15 36\tthe bridge was closed",
        "T4\tSource 38 50\tThe governor",
        "T5\tCue 51 56\twants",
        "T6\tContent 57 69\ta new bridge",
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
        "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4",
    ]
)


def test_an_article_s_speech_counts() -> None:
    atts = polnear.attributions(ANN)
    assert [a["cue"][2] for a in atts] == ["said", "wants"]
    assert [TEXT[a["content"][0] : a["content"][1]] for a in atts] == ["the bridge was closed", "a new bridge"]
    r = polnear.score_article(TEXT, ANN)
    assert r["attributions"] == 2 and r["speech_attributions"] == 1
    assert r["speech_found"] == 1 <= r["found"]  # the mayor's statement is a claim citing the mayor
