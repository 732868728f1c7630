"""kit.draft.footage: footage, videos and photos "from the scene" are the speaker, whole (issue 21's recall pass)."""

from __future__ import annotations

from kit.draft import draft_case
from kit.draft.footage import PICTURE_NOUNS, SCENE_NOUNS, footage_phrase


def _cited(text: str) -> list[str]:
    t = draft_case("Intro.\n" + text + "\n", publisher="Daily8", published="2019-04-06")
    names = dict(zip(t["sources"].source_id, t["sources"].name, strict=True))
    return [names[c] for c in t["citations"].cites]


def test_footage_phrase_takes_the_picture_not_the_place() -> None:
    # unseen10/a1-daily8-afp, unseen13/q2-arunachaltimes-pti, unseen15/c1-aljazeera
    assert footage_phrase("Footage from the scene ").text == "Footage from the scene"  # type: ignore[union-attr]
    assert footage_phrase("Purported videos from the spot ").text == "Purported videos from the spot"  # type: ignore[union-attr]
    s = "A Reuters witness saw two people wounded and a video taken by a witness "
    assert footage_phrase(s).text == "a video taken by a witness"  # type: ignore[union-attr]
    assert footage_phrase("Images from the ministry ") is None  # an author: released_by's, not this rule's
    assert footage_phrase("Rescuers from the scene ") is None  # no picture
    assert footage_phrase("Police said images from the scene ") is None  # not the sentence's subject
    assert "scene" in SCENE_NOUNS and "footage" in PICTURE_NOUNS


def test_footage_phrase_in_a_draft() -> None:
    # unseen10/a1-daily8-afp, unseen13/p2-dawn-afp
    s = "Footage from the scene showed smoke pouring from a convenience store attached to the petrol station."
    assert _cited(s) == ["Footage from the scene (unnamed)"]
    s = (
        "Photos of the aftermath of the bombing showed dazed residents walking through charred, smoking ruins, the "
        "ground littered with corrugated metal."
    )
    assert _cited(s) == ["Photos of the aftermath of the bombing (unnamed)"]
    # released_by still gives the ministry its word
    assert _cited("Video footage released by the ministry showed the wreckage of the plane.") == ["Ministry"]
