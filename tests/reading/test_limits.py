"""kit.reading.limits: what is refused before a byte is read (not a regular file) and the limits named in the
problems; a header one column past the limit is refused by the reader, one at the limit is not."""

import os

import pytest

from kit.reading import read_raw
from kit.reading.limits import MAX_COLUMNS, MAX_FIGURE, file_problem, too_many_columns


def test_a_regular_file_and_a_link_to_one_are_fine(tmp_path):
    f = tmp_path / "claims.csv"
    f.write_text("claim_id\n", encoding="utf-8")
    os.symlink(f, tmp_path / "link.csv")
    assert file_problem(f) is None and file_problem(tmp_path / "link.csv") is None


def test_what_is_not_a_regular_file_is_named(tmp_path):
    os.symlink("loop.csv", tmp_path / "loop.csv")
    os.symlink("gone.csv", tmp_path / "dangling.csv")
    os.mkfifo(tmp_path / "pipe.csv")
    (tmp_path / "folder.csv").mkdir()
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert file_problem(tmp_path / "nothing.csv") == "the file is missing"
    assert file_problem(tmp_path / "file" / "below.csv") == "the file is missing"  # a file where a folder should be
    assert file_problem(tmp_path / "folder.csv").startswith("this is a folder, not a file")
    assert "goes round in a loop" in file_problem(tmp_path / "loop.csv")
    assert file_problem(tmp_path / "dangling.csv").startswith("this is a symbolic link to 'gone.csv', which does not")
    assert file_problem(tmp_path / "pipe.csv").startswith("this is a named pipe (FIFO), not a regular file")
    assert file_problem("/dev/zero").startswith("this is a device, not a regular file")


def test_too_many_columns_names_the_count_and_the_limit():
    message = too_many_columns(MAX_COLUMNS + 1)
    assert message.startswith(f"the header has {MAX_COLUMNS + 1:,} columns, more than the {MAX_COLUMNS:,} the kit")


@pytest.mark.parametrize(("extra", "refused"), [(MAX_COLUMNS - 3, False), (MAX_COLUMNS - 2, True)])
def test_the_reader_refuses_a_header_past_the_limit(tmp_path, extra, refused):
    # citations has three columns of its own: 3 + extra columns in all
    header = ["claim_id", "cites", "relation"] + [f"x{i}" for i in range(extra)]
    (tmp_path / "citations.csv").write_text(",".join(header) + "\n", encoding="utf-8")
    for name, cols in {
        "sources": "source_id,name,kind",
        "reports": "report_id,source_id,published",
        "claims": "claim_id,report_id,proposition,text,certainty",
    }.items():
        (tmp_path / f"{name}.csv").write_text(cols + "\n", encoding="utf-8")
    raw = read_raw(str(tmp_path))
    past = [p for p in raw.problems if "more than the" in p.message]
    assert len(past) == int(refused)
    if refused:
        assert past[0].file.endswith("citations.csv") and f"{len(header):,} columns" in past[0].message


def test_max_figure_is_where_floats_stop_holding_every_whole_number():
    assert float(MAX_FIGURE) == MAX_FIGURE and float(MAX_FIGURE - 1) == MAX_FIGURE - 1
    assert float(MAX_FIGURE + 1) != MAX_FIGURE + 1
