"""kit.auditing.restated: a wire sentence restated around its figure, by an outlet listed as copying the other
elsewhere in the story, among the story's other sentences. Sentences of the AP's Soma story in two versions
(Sentinel-Tribune, WUSA9), of Reuters' Guatemala story as IBTimes India recast it, and of AFP's Lake Victoria story
as Al Jazeera recast it (tests/audit_corpus/soma-mine-2014, guatemala-volcano-2018, lake-victoria-ferry-2018:
development material since they were scored)."""

from __future__ import annotations

import pathlib

import numpy as np
import pandas as pd
from test_auditing import one, pairs_of

import kit
from kit.auditing import audit
from kit.auditing.context import claims_in_time_order
from kit.auditing.groups import RARE_AT_MOST
from kit.auditing.restated import KEPT, LINKED, restated_copies
from kit.auditing.signals import matches
from kit.auditing.text import corpus

# three sentences of the AP's story the second outlet reprints whole: the outlets are listed as copying each other
REPRINTED = [
    "Hundreds of relatives and miners jostled outside the coal mine in western Turkey, waiting for news amid a heavy "
    "police presence.",
    "The rescue operation was being hampered by an ongoing fire in the mine, which had knocked out the electricity.",
    "Prime Minister Recep Tayyip Erdogan declared three days of national mourning and postponed a foreign trip.",
]
# the AP's sentence in its later version (Sentinel-Tribune) and as WUSA9 printed the earlier one
EARLIER = "Earlier he had put the injured total at 80, including four in serious condition."
RESTATED = "He said 80 mine workers were injured, at least four of them in serious condition."
# Reuters' sentence and IBTimes India's recast of it
REUTERS = "He added that 3,100 people had evacuated the area so far."
IBTIMES = "He also said that an alert had been sounded in the area and 3,100 people have been evacuated until now."
# AFP's sentence (BusinessLIVE) and Al Jazeera's, with the AP's attribution
AFP = (
    "Regional governor John Mongella said late on Thursday that the toll had reached 44 ,while 37 others had been "
    'rescued, though some were in "a very bad condition".'
)
ALJAZEERA = (
    "Regional governor John Mongella told The Associated Press that 37 people were rescued before operations were "
    'suspended for the night, though some of the survivors were in "a very bad condition".'
)


#: the story's other sentences, as a third outlet (The Christian Science Monitor) printed them: how common each word is
#: in a story's coverage ("earlier", "including", "said") is learned from the case
STORY = pd.read_csv(pathlib.Path(__file__).parents[1] / "audit_corpus" / "soma-mine-2014" / "claims.csv")
BACKGROUND = STORY[STORY["report_id"].isin(["csmonitor", "belfasttelegraph"])]["text"].tolist()


def _rows(tmp_path, wire_text: str, herald_text: str, name: str, *, reprinted: int = 3, more=()):
    rows = [(f"w{i}", "wire", "2014-05-14T08:00:00Z", "p", t, "", "") for i, t in enumerate(REPRINTED[:reprinted], 1)]
    rows += [
        (f"h{i}", "herald", "2014-05-14T12:00:00Z", "p", t, "", "") for i, t in enumerate(REPRINTED[:reprinted], 1)
    ]
    rows += [("w9", "wire", "2014-05-14T08:00:00Z", "p", wire_text, "", "")]
    rows += [("h9", "herald", "2014-05-14T12:00:00Z", "p", herald_text, "", "")]
    rows += [(f"r{i}", "radio", "2014-05-14T10:00:00Z", "p", t, "", "") for i, t in enumerate([*BACKGROUND, *more])]
    return audit(one(tmp_path, rows, name=name))


def test_a_sentence_restated_around_its_figure_is_copied_prose(tmp_path):
    for name, wire, herald, figure in (
        ("soma", EARLIER, RESTATED, "80"),
        ("guatemala", REUTERS, IBTIMES, "3,100"),
        ("ferry", AFP, ALJAZEERA, "37"),
    ):
        rows = _rows(tmp_path, wire, herald, name)
        shared = rows[rows["signal"] == "shared_text"]
        assert {("h1", "w1"), ("h2", "w2"), ("h3", "w3"), ("h9", "w9")} <= pairs_of(shared), name
        evidence = shared.set_index("claim_id").loc["h9", "evidence"]
        assert evidence == f"copied prose, restated around the same figure ({figure}): {herald}"


def test_not_between_outlets_listed_as_copying_each_other_fewer_than_linked_times(tmp_path):
    assert LINKED == 3
    for n in (0, 1, 2):
        rows = _rows(tmp_path, EARLIER, RESTATED, f"alone{n}", reprinted=n)
        assert ("h9", "w9") not in pairs_of(rows[rows["signal"] == "shared_text"]), n


def test_not_without_the_same_figure_outside_quotation_marks(tmp_path):
    # no figure in one of the two
    rows = _rows(tmp_path, EARLIER, RESTATED.replace("80", "many"), "nofigure")
    assert ("h9", "w9") not in pairs_of(rows[rows["signal"] == "shared_text"])
    # the figure inside quotation marks in both: the speaker's words
    wire = 'Earlier he had put the injured total at "80, including four in serious condition."'
    herald = 'He said "80 mine workers were injured," at least four of them in serious condition.'
    rows = _rows(tmp_path, wire, herald, "quoted")
    assert ("h9", "w9") not in pairs_of(rows[rows["signal"] == "shared_text"])
    # a year is not such a figure
    rows = _rows(tmp_path, EARLIER.replace("80", "2014"), RESTATED.replace("80", "2014"), "year")
    assert ("h9", "w9") not in pairs_of(rows[rows["signal"] == "shared_text"])


def test_not_a_figure_most_of_the_story_gives(tmp_path):
    # the toll every outlet repeats: more than RARE_AT_MOST texts of the story give "80"
    more = [f"Rescuers said {80} miners were hurt in shaft {i} of the mine near Soma." for i in range(RARE_AT_MOST)]
    rows = _rows(tmp_path, EARLIER, RESTATED, "toll", more=more)
    assert ("h9", "w9") not in pairs_of(rows[rows["signal"] == "shared_text"])


def test_not_when_less_than_kept_of_the_words_are_kept(tmp_path):
    assert KEPT == 0.5
    herald = "Officials said 80 families were given tents and blankets by volunteers on Wednesday."
    rows = _rows(tmp_path, EARLIER, herald, "few")
    assert ("h9", "w9") not in pairs_of(rows[rows["signal"] == "shared_text"])


def test_nothing_without_listed_pairs():
    claims = claims_in_time_order(kit.testing.synth.make_case(60, seed=2, copy_rate=0.2))
    words = corpus(claims.text)
    none = np.array([], dtype=np.int64)
    assert len(restated_copies(claims, words, matches(words), none, none)) == 0
