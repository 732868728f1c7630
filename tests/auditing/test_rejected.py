"""kit.auditing.rejected: the pairs a reporter rejected, kept beside the case, appended to and read back."""

import pytest

from kit.auditing.rejected import REJECTED_COLUMNS, REJECTED_FILE, append_rejected, read_rejected


def test_appended_pairs_read_back_and_earlier_bytes_stay(tmp_path):
    assert read_rejected(tmp_path).empty and list(read_rejected(tmp_path).columns) == list(REJECTED_COLUMNS)
    assert append_rejected(tmp_path, [("k2", "k1", "shared_text")], on="2026-12-07") == 1
    before = (tmp_path / REJECTED_FILE).read_bytes()
    assert append_rejected(tmp_path, [("k3", "k1", "same_figure")], on="2026-12-08") == 1
    after = (tmp_path / REJECTED_FILE).read_bytes()
    assert after.startswith(before)
    rows = read_rejected(tmp_path)
    assert rows[["claim_id", "cites"]].values.tolist() == [["k2", "k1"], ["k3", "k1"]]


def test_a_file_in_another_shape_is_refused_with_its_place(tmp_path):
    (tmp_path / REJECTED_FILE).write_text("claim_id;cites;signal\nk2;k1;shared_text\n", encoding="utf-8")
    with pytest.raises(ValueError, match=REJECTED_FILE):
        read_rejected(tmp_path)
