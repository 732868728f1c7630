"""kit.draft.known_outlets: the outlets the draft knows by name, and how the draft uses them."""

from kit.draft.known_outlets import KNOWN_OUTLETS, OUTLET_WORDS
from kit.draft.names import guess_kind, outlet_of
from kit.schema import KINDS


def test_every_known_outlet_has_a_kind_of_the_case_format_and_a_normalised_key():
    assert len(KNOWN_OUTLETS) > 20
    for key, (name, kind) in KNOWN_OUTLETS.items():
        assert kind in KINDS, (key, kind)
        assert key == key.lower().strip() and not key.startswith("the "), key
        assert name.strip() == name and name
    assert all(isinstance(w, str) and w == w.lower() for w in OUTLET_WORDS)


def test_a_described_outlet_is_the_outlet_and_its_kind():
    assert outlet_of("China's official Xinhua News Agency") == "Xinhua"
    assert outlet_of("the Associated Press") == "AP"
    assert outlet_of("a man in the street") is None
    assert guess_kind("Reuters")[0] == "wire"
