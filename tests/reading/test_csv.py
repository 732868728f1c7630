"""kit.reading.csv: CSV tables read exactly as Python's csv module reads them (values, the physical line each record
starts on), by both the pyarrow path and the csv-module path, on seeded random tables full of quotes, commas, line
breaks and padding; and what is not a table is a problem, not a traceback."""

import csv
import io
import random

import pytest

from kit.reading.csv import parse_csv_fast, parse_csv_text, read_csv_table

HEADER = ["claim_id", "cites", "relation", "evidence"]
PIECES = ["k1", "a, b", 'say "no"', "Фонтанка", "  padded ", "", "line\nbreak", "x\r\ny", "é", ",", '"', "🙂"]


def _table(seed: int, breaks: bool) -> list:
    rnd = random.Random(seed)
    pieces = PIECES if breaks else [p for p in PIECES if "\n" not in p and "\r" not in p]
    rows = []
    for _ in range(rnd.randint(0, 12)):
        if rnd.random() < 0.1:
            rows.append(["", "", "", ""])  # a row of empty cells
        else:
            rows.append(["".join(rnd.choices(pieces, k=rnd.randint(0, 3))) for _ in HEADER])
    return rows


def _text(rows, newline: str) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=newline)
    w.writerow([" Claim_ID ", "cites", "RELATION", "evidence"])  # names are stripped and lower-cased
    w.writerows(rows)
    return buf.getvalue()


def _expected(text: str):
    """Records, each with the physical line it starts on, as the csv module reads them; empty rows left out."""
    reader = csv.reader(io.StringIO(text, newline=""))
    out, lines = [], []
    start = 1
    for i, record in enumerate(reader):
        if i and any(v.strip() for v in record):
            out.append([v.strip() for v in record])
            lines.append(start)
        start = reader.line_num + 1
    return out, lines


def _got(t):
    return [[str(v) for v in row] for row in t.cells.astype(object).itertuples(index=False)], [int(n) for n in t.lines]


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("fast", [True, False])
def test_values_and_lines_agree_with_the_csv_module(tmp_path, seed, fast):
    newline = "\r\n" if seed % 2 else "\n"
    text = _text(_table(seed, breaks=seed % 3 != 0), newline)
    f = tmp_path / "citations.csv"
    f.write_bytes(("\ufeff" if seed % 5 == 0 else "").encode() + text.encode("utf-8"))
    problems: list = []
    t = read_csv_table(str(f), "citations", problems, fast=fast)
    assert problems == []
    assert list(t.cells.columns) == HEADER
    assert _got(t) == _expected(text)


def test_the_two_paths_agree_where_the_fast_one_reads(tmp_path):
    for seed in range(40):
        text = _text(_table(seed, breaks=False), "\n")
        fast = parse_csv_fast(text.encode(), "t.csv", "citations", [])
        slow = parse_csv_text(text, "t.csv", "citations", [])
        assert fast is not None
        assert _got(fast) == _got(slow)


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "empty"),
        (b"claim_id;cites;relation\nk1;k2;relies_on\n", "semicolon"),
        (b"claim_id\tcites\trelation\n", "tab"),
        ("claim_id,cites\ncafé,x\n".encode("cp1252"), "not UTF-8"),
        (b'claim_id,cites,relation\nk1,"k2,relies_on\n', "quote"),
        (b"claim_id,cites,relation\nk1,k2,relies_on,extra,more\n", "has 5 values but the header has 3 columns"),
    ],
)
def test_what_is_not_a_table_is_a_problem(tmp_path, data, says):
    f = tmp_path / "citations.csv"
    f.write_bytes(data)
    problems: list = []
    read_csv_table(str(f), "citations", problems)
    assert problems, data
    assert any(says.lower() in p.message.lower() for p in problems), [p.message for p in problems]
    assert all(p.file == str(f) for p in problems)
