"""kit.saving: save_case round trips, and the one atomic write every writer uses.

The hypothesis-driven round trip and the interrupted-save tests are in tests/test_roundtrip.py (run by make fuzz).
"""

import pandas as pd
import pytest

import kit
from _tables import TABLES


@pytest.mark.parametrize("case_name", ["cyrillic_case", "drift_case", "workbook_case", "empty_case", "warnings_case"])
def test_save_case_round_trip(tmp_path, case_name, request):
    case = request.getfixturevalue(case_name)
    out = tmp_path / "saved"
    kit.save_case(case, out)
    again = kit.load_case(out)
    for t in TABLES:
        pd.testing.assert_frame_equal(getattr(again, t), getattr(case, t))


# --------------------------------------------------------------------------------------------- atomic writes


def test_atomic_write_writes_text_and_bytes_exactly(tmp_path):
    from kit.saving import atomic_write

    p = tmp_path / "x.csv"
    assert atomic_write(p, "a,b\r\nФ\n") == p
    assert p.read_bytes() == "a,b\r\nФ\n".encode()  # no newline translation
    atomic_write(p, "a\n", encoding="utf-8-sig")
    assert p.read_bytes() == b"\xef\xbb\xbfa\n"
    atomic_write(p, b"\x00\x01")
    assert p.read_bytes() == b"\x00\x01"
    assert [f.name for f in tmp_path.iterdir()] == ["x.csv"]  # no temporary file left


def test_atomic_write_all_replaces_nothing_when_one_write_fails(tmp_path, monkeypatch):
    import os

    from kit.saving import atomic_write_all

    (tmp_path / "a.txt").write_text("old a")
    (tmp_path / "b.txt").write_text("old b")
    real, calls = os.fsync, []

    def flaky(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError("disk full (simulated)")
        return real(fd)

    monkeypatch.setattr(os, "fsync", flaky)
    with pytest.raises(OSError, match="simulated"):
        atomic_write_all({tmp_path / "a.txt": "new a", tmp_path / "b.txt": "new b"})
    monkeypatch.undo()
    assert {f.name: f.read_text() for f in tmp_path.iterdir()} == {"a.txt": "old a", "b.txt": "old b"}
