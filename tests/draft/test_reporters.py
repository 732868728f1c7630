"""kit.draft.reporters: one reporter of a well-known outlet is a speaker of their own (issue 21's recall pass)."""

from __future__ import annotations

from kit.draft import draft_case
from kit.draft.reporters import REPORTER_NOUNS, agency_reporter


def _cited(text: str) -> list[str]:
    t = draft_case("Intro.\n" + text + "\n", publisher="Arab Times", published="2017-09-07")
    names = dict(zip(t["sources"].source_id, t["sources"].name, strict=True))
    return [names[c] for c in t["citations"].cites]


def test_agency_reporter_keeps_one_reporter_apart_from_the_agency() -> None:
    assert agency_reporter("an AFP correspondent") == ("anonymous", "one of AFP's own reporters, unnamed")
    assert agency_reporter("An AFP reporter") == ("anonymous", "one of AFP's own reporters, unnamed")
    assert agency_reporter("AFP") is None and agency_reporter("Associated Press reporters") is None  # the outlet
    assert agency_reporter("a local correspondent") is None  # no outlet the kit knows
    assert "correspondent" in REPORTER_NOUNS


def test_agency_reporter_in_a_draft_said_according_to_and_saw() -> None:
    # unseen5/c1-arabtimes-afp, unseen19/b3-pledgetimes-afp, unseen18/c2-dawn-afp
    said = (
        "The explosion damaged several stalls at the market and gutted shops in the adjoining shopping centre, with "
        "debris, glass and vegetables strewn across the ground, an AFP reporter said."
    )
    assert _cited(said) == ["AFP reporter (unnamed)"]
    according = "According to an AFP correspondent, firefighting teams are carrying out a large-scale rescue operation."
    assert _cited(according) == ["AFP correspondent (unnamed)"]
    saw = "An AFP reporter saw “lots of dead and wounded” civilians in the nearby Jamhuriat hospital."
    assert _cited(saw) == ["AFP reporter (unnamed)"]
    assert _cited("The strike killed 12 people, AFP said.") == ["AFP"]  # the agency itself stays the agency
