"""kit.auditing.figure_pairs: unusual figures, named origins and anonymous wording, on sentences as news writes them."""

import numpy as np

from kit.auditing.figure_pairs import attributions, named_origins, unusual


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


def test_only_anonymous_wording_is_an_attribution():
    assert attributions("More than 200 died, two of the Russians said.") == ["two of the russians said"]
    # issue 22: named or documentary wording is not anonymous
    assert attributions("The coalition may have conducted strikes, the statement said.") == []
