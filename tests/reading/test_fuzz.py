"""Fuzzing kit.load_case: whatever the files hold, the only outcomes are a Case or kit.CaseError; and redaction: a
confidential name, however a text writes it (case mappings that change length, Cc/Cf/Zs/Mn characters, NFD, RTL
overrides), is never left in a redacted case.

Never another exception, never a hang (each load runs under an alarm of HANG_SECONDS). Inputs:
random bytes as each table or case.toml; near-valid tables (the bad-case corpus's valid base case with random
edits: cells replaced by tricky text, characters inserted/deleted, rows duplicated/dropped, quotes and
delimiters sprinkled, re-encoded, truncated); random tables under the right headers; random workbooks.

``make test`` runs a bounded number of examples (a few seconds). For a long run set KIT_FUZZ_EXAMPLES, e.g.
``KIT_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest -p no:cacheprovider tests/reading/test_fuzz.py -q``
(``make fuzz``). Failing examples are kept in .hypothesis/ and replayed first next time.
"""

import contextlib
import datetime
import functools
import os
import pathlib
import signal
import sys
import tempfile
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "bad_cases"))
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from make_cases import BASE

EXAMPLES = int(os.environ.get("KIT_FUZZ_EXAMPLES", "40"))
HANG_SECONDS = 20
FILES = ("sources.csv", "reports.csv", "claims.csv", "citations.csv", "case.toml")
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 100,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


class Hang(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds):
    """Raise Hang if the block runs longer than ``seconds`` (SIGALRM; POSIX main thread)."""
    if not hasattr(signal, "setitimer"):  # pragma: no cover - Windows: no limit
        yield
        return

    def on_alarm(signum, frame):
        raise Hang(f"load_case ran longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def only_case_or_case_error(path):
    """Load ``path``; fail on anything but a Case or a CaseError whose problems print in the contract's form."""
    try:
        with time_limit(HANG_SECONDS):
            result = kit.load_case(path)
    except kit.CaseError as e:
        assert e.problems, "a CaseError without problems"
        for p in e.problems + e.warnings:
            assert str(p).startswith(p.file) and p.message
            assert isinstance(p.line, int) and p.line >= 0
        return e
    assert isinstance(result, kit.Case)
    for t in ("sources", "reports", "claims", "citations"):
        assert len(getattr(result, t).columns) > 0
    return result


def load_files(files: dict):
    with tempfile.TemporaryDirectory() as d:
        folder = pathlib.Path(d) / "case"
        folder.mkdir()
        for name, data in files.items():
            (folder / name).write_bytes(data)
        return only_case_or_case_error(folder)


BASE_BYTES = {name: text.encode("utf-8") for name, text in BASE.items()}

# --- random bytes -------------------------------------------------------------------------------


@FUZZ
@given(st.sampled_from(FILES), st.binary(max_size=400))
def test_random_bytes_in_one_file(name, data):
    load_files({**BASE_BYTES, name: data})


@FUZZ
@given(st.dictionaries(st.sampled_from(FILES), st.binary(max_size=200), max_size=5))
def test_random_bytes_everywhere(files):
    load_files(files)


# --- near-valid tables --------------------------------------------------------------------------

TRICKY = st.sampled_from(
    [
        '"',
        '""',
        ",",
        "\n",
        "\r",
        "\r\n",
        ";",
        "\t",
        "\x00",
        "\ufeff",
        " ",
        "=",
        "+",
        "-1",
        "@",
        "~100",
        "1e400",
        "9" * 30,
        "0.5",
        "NaN",
        "inf",
        "-0",
        "2018-02-30",
        "13/02/2018",
        "1677-01-01",
        "2262-04-12T00:00:00Z",
        "0001-01-01",
        "9999-12-31T23:59:59+14:00",
        "2018-02-13T25:00",
        "2018-02-13T14:05:00.1234567891Z",
        "T",
        "Z",
        "\u2028",
        "\x85",
        "\x0b",
        "\x1c",
        "Ё",
        "😀",
        "k_font",
        "reuters",
        "anon_us",
        "r_mod",
        "anonymus",
        "relies_on",
        "denied",
        "source_id",
        "claim_id",
        "true",
        "F",
        "7",
        "",
        "#",
        "\\",
        "ß",
        "\ud7ff",
        "a" * 300,
        "İ",
        "ﬁ",
        "ŉ",
        "e\u0301",
        "\u200b",
        "\u202e",
        "\u2069",
        "\u00a0",
        "\u3000",
    ]
)
CELL = st.one_of(TRICKY, st.text(max_size=6), st.lists(TRICKY, max_size=4).map("".join))


@st.composite
def edited_text(draw, text):
    """``text`` with a few random edits."""
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(
            st.sampled_from(
                ["insert", "delete", "replace_cell", "dup_line", "drop_line", "truncate", "swap_lines", "header"]
            )
        )
        lines = text.split("\n")
        if kind == "insert":
            i = draw(st.integers(0, len(text)))
            text = text[:i] + draw(CELL) + text[i:]
        elif kind == "delete" and text:
            i = draw(st.integers(0, len(text) - 1))
            text = text[:i] + text[i + draw(st.integers(1, 10)) :]
        elif kind == "replace_cell":
            i = draw(st.integers(0, len(lines) - 1))
            cells = lines[i].split(",")
            j = draw(st.integers(0, len(cells) - 1))
            cells[j] = draw(CELL)
            lines[i] = ",".join(cells)
            text = "\n".join(lines)
        elif kind == "dup_line":
            i = draw(st.integers(0, len(lines) - 1))
            text = "\n".join(lines[: i + 1] + [lines[i]] + lines[i + 1 :])
        elif kind == "drop_line":
            i = draw(st.integers(0, len(lines) - 1))
            text = "\n".join(lines[:i] + lines[i + 1 :])
        elif kind == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
        elif kind == "swap_lines" and len(lines) > 1:
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif kind == "header":
            cells = lines[0].split(",")
            j = draw(st.integers(0, len(cells) - 1))
            cells[j] = draw(st.sampled_from(["", cells[j].upper(), cells[j] + " ", "x", cells[0], "\ufeff" + cells[j]]))
            lines[0] = ",".join(cells)
            text = "\n".join(lines)
    return text


ENCODINGS = st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])


def encode(text, encoding):
    return (
        text.encode(encoding, errors="replace")
        if encoding in ("cp1252", "latin-1")
        else text.encode(encoding, errors="surrogatepass")
    )


@st.composite
def near_valid_cases(draw):
    files = dict(BASE_BYTES)
    for name in draw(st.lists(st.sampled_from(FILES), min_size=1, max_size=5, unique=True)):
        text = draw(edited_text(BASE[name]))
        if draw(st.booleans()):
            text = text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\n"])))
        files[name] = encode(text, draw(ENCODINGS))
    return files


@FUZZ
@given(near_valid_cases())
def test_near_valid_tables(files):
    load_files(files)


COLUMNS = {
    "sources.csv": "source_id,name,kind,affiliation,country,reliability,confidential,url,notes",
    "reports.csv": "report_id,source_id,published,title,url,archive_url,language,notes",
    "claims.csv": "claim_id,report_id,proposition,text,low,high,subject,measure,certainty,credibility",
    "citations.csv": "claim_id,cites,relation,evidence",
}
IDS = st.sampled_from(["a", "b", "c", "k1", "k2", "s1", "r1", "A", "a b", ""])
VALUES = {
    "kind": st.sampled_from(["wire", "anonymous", "Social", "blog", ""]),
    "published": st.sampled_from(
        ["2018-02-13", "2018-02-13T14:05:00Z", "2018-02-13 14:05+03:00", "", "2018-02-30", "0001-01-01", "x"]
    ),
    "low": st.sampled_from(["", "1", "2.5", "100", "dozens", "1e400", "9" * 400, "+3", "-1", "1,000"]),
    "certainty": st.sampled_from(["asserted", "Denied", "", "sure"]),
    "relation": st.sampled_from(["relies_on", "corroborates", "disputes", "DISPUTES", "cites"]),
    "credibility": st.sampled_from(["", "1", "6", "7", "2.0"]),
    "reliability": st.sampled_from(["", "A", "f", "Z"]),
    "confidential": st.sampled_from(["", "yes", "0", "maybe"]),
    "country": st.sampled_from(["", "RU", "ru", "Russia"]),
}


@st.composite
def random_tables(draw):
    """Random rows under the right headers: ids from a tiny pool so that references and duplicates happen."""
    files = {}
    for name, header in COLUMNS.items():
        cols = header.split(",")
        rows = [header]
        for _ in range(draw(st.integers(0, 6))):
            row = []
            for c in cols:
                if c in VALUES or (c == "high" and "low" in VALUES):
                    row.append(draw(VALUES.get(c, VALUES["low"])))
                elif c.endswith("_id") or c in ("cites", "proposition"):
                    row.append(draw(IDS))
                else:
                    row.append(draw(CELL))
            rows.append(
                ",".join('"' + v.replace('"', '""') + '"' if any(ch in v for ch in ',"\r\n') else v for v in row)
            )
        files[name] = ("\n".join(rows) + "\n").encode("utf-8", errors="surrogatepass")
    return files


@FUZZ
@given(random_tables())
def test_random_tables(files):
    load_files(files)


# --- workbooks ------------------------------------------------------------------------------------

XL_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**20),
    st.floats(allow_nan=True),
    st.datetimes(min_value=datetime.datetime(1900, 1, 1)),
    st.dates(min_value=datetime.date(1900, 1, 1)),
    st.times(),
    IDS,
    TRICKY.filter(lambda s: all(ch >= " " or ch in "\t\n\r" for ch in s)),
)


@settings(
    max_examples=max(5, EXAMPLES // 4),
    deadline=None,
    derandomize=EXAMPLES <= 100,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.dictionaries(
        st.sampled_from(["sources", "reports", "claims", "citations", "case", "Claims ", "other"]),
        st.lists(st.lists(XL_VALUE, max_size=10), max_size=5),
        max_size=5,
    ),
    st.booleans(),
)
def test_random_workbooks(sheets, with_headers):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        key = name.strip().lower()
        if with_headers and key in ("sources", "reports", "claims", "citations"):
            ws.append(COLUMNS[f"{key}.csv"].split(","))
        for row in rows:
            with contextlib.suppress(ValueError, TypeError, openpyxl.utils.exceptions.IllegalCharacterError):
                ws.append(row)  # openpyxl refuses some values; not what we test
    with tempfile.TemporaryDirectory() as d:
        path = pathlib.Path(d) / "case.xlsx"
        try:
            wb.save(path)
        except Exception:  # noqa: BLE001 - openpyxl could not write it; nothing to load
            return
        only_case_or_case_error(path)


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_as_a_workbook(data):
    with tempfile.TemporaryDirectory() as d:
        path = pathlib.Path(d) / "case.xlsx"
        path.write_bytes(b"PK\x03\x04" + data if data[:1] == b"\x00" else data)
        only_case_or_case_error(path)


# --- the CSV reader's fast path agrees with reading record by record ------------------------------


def reference_records(text):
    """(line, record) of every non-blank record, tracking lines record by record (the slow, obvious way)."""
    import csv
    import io

    reader, out, prev = csv.reader(io.StringIO(text, newline=""), strict=True), [], 0
    for record in reader:
        start, prev = prev + 1, reader.line_num
        if "".join(record).strip():
            out.append((start, [c.strip() for c in record]))
    return out


@FUZZ
@given(
    st.lists(st.lists(CELL, min_size=1, max_size=5), min_size=1, max_size=8),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.booleans(),
)
def test_csv_lines_are_physical_lines(rows, eol, quote_all):
    import csv
    import io

    from kit.reading import parse_csv_text

    rows = [[c.replace("\x00", "") for c in r] for r in rows]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL).writerows(
        [["a", "b", "c", "d", "e"]] + rows
    )
    text = buf.getvalue().replace("\r\n", eol) if eol != "\r\n" else buf.getvalue()
    try:
        want = reference_records(text)
    except csv.Error:
        problems = []
        assert parse_csv_text(text, "t.csv", "claims", problems) is None and problems
        return
    problems = []
    table = parse_csv_text(text, "t.csv", "claims", problems)
    assert table is not None
    assert table.header_line == want[0][0]
    assert table.lines == [line for line, _ in want[1:]]
    got = table.cells.values.tolist()
    for (line, record), row in zip(want[1:], got, strict=False):
        n = min(len(record), 5)
        assert row[:n] == record[:n], line


# --- redaction of hostile names: case mappings that change length, Cc/Cf/Zs/Mn, NFD, RTL overrides --------

# letters whose full case folding or upper case changes the length (İ -> i̇, ß -> ss, ŉ -> ʼn, ǰ, ΐ, ﬁ), letters of
# other scripts, and the characters that made names escape redaction: controls (Cc), format characters (Cf: zero
# width, soft hyphen, bidi overrides), spaces (Zs), combining marks (Mn)
NAME_LETTERS = st.sampled_from(list("kmpqvxzjbgy") + list("İßŉǰΐﬁǅΣςŁØÆþЖЩΩΞ"))
# inside a word: invisible characters and accents (ignored by redaction, as a reader does not see them)
NOISE = st.sampled_from(
    ["\u0301", "\u0327", "\u0308", "\u200b", "\u200d", "\u00ad", "\u202e", "\u2066", "\u2069", "\ufeff"]
    + ["\x01", "\x1b", "\x7f", "\ufe0f"]
)
# between the words: any run of blanks
BLANKS = st.sampled_from([" ", "\u00a0", "\n", "\x0b", " \t ", "\u2009", "\u3000", "\r\n", "\u2028"])


@functools.cache
def _hostile():
    return kit.load_case(pathlib.Path(__file__).resolve().parents[1] / "cases" / "hostile")


@st.composite
def hostile_names(draw):
    """A confidential name of two words (at least four letters in all, none a word of the hostile case), and
    the ways a reporter's texts may write it: another case, NFD or NFC, other blanks, invisible characters."""
    words = [
        "".join(draw(st.lists(NAME_LETTERS, min_size=2, max_size=6))),
        "".join(draw(st.lists(NAME_LETTERS, min_size=2, max_size=6))),
    ]
    name = " ".join(words)
    written = []
    for _ in range(draw(st.integers(1, 4))):
        w = draw(st.sampled_from([name, name.upper(), name.lower(), name.casefold(), name.title()]))
        w = unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD", "NFKC", "NFKD"])), w)
        chars = list(w)
        for _ in range(draw(st.integers(0, 3))):
            i = draw(st.integers(1, max(1, len(chars) - 1)))
            chars.insert(i, draw(NOISE))
        written.append("".join(chars).replace(" ", draw(BLANKS)))
    return name, written


@FUZZ
@given(hostile_names(), st.sampled_from(["", "«", "(", "'", " "]), st.sampled_from(["", ".", "-said", "'s", ")"]))
def test_a_confidential_name_however_written_is_never_published(names, before, after):
    import dataclasses

    from _unicode import findable
    from kit.text.redact import confidential_fields, redact

    name, written = names
    case = _hostile()
    src = case.sources.copy()
    src.loc[src["source_id"] == "ivan-petrov-telegram", "name"] = name
    claims = case.claims.copy()
    texts = [f"{before}{w}{after} said it" for w in written]
    claims["text"] = [texts[i % len(texts)] for i in range(len(claims))]
    cit = case.citations.copy()
    cit["evidence"] = [f"as {w} told us" for w in written[: len(cit)]] + list(cit["evidence"][len(written) :])
    hostile = dataclasses.replace(case, sources=src, claims=claims, citations=cit)
    red = redact(hostile)
    secrets = confidential_fields(hostile)
    assert name in secrets
    cells = [red.meta.__repr__(), *map(str, red.sources.columns)]
    for t in ("sources", "reports", "claims", "citations"):
        cells += [v for v in getattr(red, t).to_numpy().ravel() if isinstance(v, str)]
    for cell in cells:
        for secret in secrets:
            assert not findable(secret, cell), (secret, cell)
    assert all("Confidential source 1" in t for t in red.claims["text"]), list(red.claims["text"])
    assert all(t.endswith(f"{after} said it") for t in red.claims["text"])


# --- hostile input (issue 14): other scripts' digits, huge integers, invisible characters, odd files -------------

#: the digits 0-9 of other scripts: Arabic-Indic, extended Arabic-Indic, Devanagari, Bengali, full-width, Thai
SCRIPT_DIGITS = ["٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "०१२३४५६७८९", "০১২৩৪৫৬৭৮৯", "０１２３４５６７８９", "๐๑๒๓๔๕๖๗๘๙"]
INVISIBLE = st.characters(categories=["Cc", "Cf", "Zs", "Mn"], exclude_characters="\x00\r\n\"',")
FIGURE = st.one_of(
    st.integers(0, 2**53).map(str),
    st.integers(2**53 + 1, 2**200).map(str),  # beyond 64 bits
    st.integers(0, 10**6).map(str).map(lambda s: "0" * 3 + s),
    st.tuples(st.sampled_from(SCRIPT_DIGITS), st.integers(0, 10**9)).map(
        lambda t: "".join(t[0][int(d)] for d in str(t[1]))
    ),
    st.tuples(st.integers(0, 10**6).map(str), INVISIBLE, st.integers(0, 3)).map(
        lambda t: t[0][: t[2]] + t[1] + t[0][t[2] :]
    ),
)
_K_REUT = 'k_reut,r_reuters,russians_killed_feb7,"Some 100 Russians killed, a US official says",100,100,'


@FUZZ
@given(FIGURE, FIGURE)
def test_a_figure_is_read_exactly_or_reported_never_empty_or_rounded(low, high):
    """Whatever the digits: a figure that loads is the integer written, exactly; anything else is a problem on its
    line and column (this is the class of Arabic-Indic figures loading as empty and of 2**53 + 1 rounding)."""
    claims = BASE["claims.csv"].replace(_K_REUT, _K_REUT.replace(",100,100,", f",{low},{high},"))
    result = load_files({**BASE_BYTES, "claims.csv": claims.encode("utf-8")})
    row = 3  # k_reut's line

    def plain(v):  # what the kit reads: digits 0-9 (cells are stripped), kept exactly (all up to 2**53)
        v = v.strip()
        return v.isascii() and v.isdigit() and len(v) <= 308 and same(float(v), v)

    def same(x, v):  # the float the kit keeps writes back as the number written
        return int(v) <= 2**53 and x == int(v) or Decimal(repr(float(x))) == Decimal(v)

    if isinstance(result, kit.Case):
        got = result.claims.set_index("claim_id").loc["k_reut", ["low", "high"]]
        assert plain(low) and plain(high), (low, high, got)
        assert same(got["low"], low.strip()) and same(got["high"], high.strip()), (low, high, got)
        return
    for col, v in (("low", low), ("high", high)):
        if not plain(v):
            assert any(p.line == row and p.column == col for p in result.problems), (col, v, result.problems)


@FUZZ
@given(st.sampled_from(SCRIPT_DIGITS), st.sampled_from(["2018-02-13", "2018-02-14T09:30:00Z", "2018-02", "2018"]))
def test_a_date_in_other_digits_is_named_as_such(digits, date):
    written = "".join(digits[int(ch)] if ch.isdigit() else ch for ch in date)
    reports = BASE["reports.csv"].replace("2018-02-15", written)
    result = load_files({**BASE_BYTES, "reports.csv": reports.encode("utf-8")})
    assert isinstance(result, kit.CaseError)
    assert [p.message for p in result.problems] == [
        f"'{written}' is written with digits other than 0-9; write it as {date}"
    ]


@FUZZ
@given(st.sampled_from(list(COLUMNS)), st.data())
def test_invisible_characters_in_a_header_are_shown_in_the_message(name, data):
    """A header cell with a control, format or space character in it: the message shows the character as an escape,
    so that it never asks to rename a column to the name it appears to have."""
    cols = COLUMNS[name].split(",")
    j = data.draw(st.integers(0, len(cols) - 1))
    ch = data.draw(INVISIBLE.filter(lambda c: not c.isspace() or c not in " \t\x0b\x0c\x1c\x1d\x1e\x1f\x85"))
    at = data.draw(st.integers(1, len(cols[j]) - 1))
    cols[j] = cols[j][:at] + ch + cols[j][at:]
    text = BASE[name].replace(COLUMNS[name], ",".join(cols), 1)
    result = load_files({**BASE_BYTES, name: text.encode("utf-8")})
    for p in (result.problems + result.warnings) if isinstance(result, kit.CaseError) else result.warnings:
        if "rename it" in p.message:
            shown_as = p.message.split("the header has '")[1].split("'")[0]
            assert shown_as != p.column, p.message


NOT_REGULAR = {
    "fifo": lambda p: os.mkfifo(p),
    "folder": lambda p: os.mkdir(p),
    "symlink_to_dev_zero": lambda p: os.symlink("/dev/zero", p),
    "symlink_loop": lambda p: os.symlink(p.name, p),
    "dangling_symlink": lambda p: os.symlink("nowhere", p),
}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX files")
@FUZZ
@given(st.lists(st.tuples(st.sampled_from(FILES + ("story.csv",)), st.sampled_from(sorted(NOT_REGULAR))), max_size=3))
def test_files_that_are_not_regular_files(odd):
    """FIFOs, folders, links to /dev/zero, loops, links to nothing, in place of any file: a problem, at once."""
    with tempfile.TemporaryDirectory() as d:
        folder = pathlib.Path(d) / "case"
        folder.mkdir()
        odd = dict(odd)
        for name, data in BASE_BYTES.items():
            if name not in odd:
                (folder / name).write_bytes(data)
        for name, kind in odd.items():
            NOT_REGULAR[kind](folder / name)
        result = only_case_or_case_error(folder)
        tables = {n for n in odd if n != "story.csv"}
        assert isinstance(result, kit.CaseError) == bool(tables)
        with time_limit(HANG_SECONDS):
            _, problems, _ = kit.check_case(folder, story=True)
        assert {os.path.basename(p.file) for p in problems if p.line == 0} >= set(odd)


XL_ODD = st.sampled_from(["=1+1", "=E3", "=SUM(A1:A3)", "#REF!", "#N/A", "#DIV/0!", "#VALUE!", "#NAME?"])


@settings(max_examples=max(5, EXAMPLES // 4), deadline=None, derandomize=EXAMPLES <= 100)
@given(st.sampled_from(["sources", "reports", "claims", "citations"]), st.integers(2, 3), st.integers(1, 3), XL_ODD)
def test_workbook_formulas_and_errors_are_problems(sheet, row, col, value):
    """A formula never computed or a spreadsheet error in any cell of a table: a problem at that cell, never an
    empty cell or text."""
    openpyxl = pytest.importorskip("openpyxl")
    import make_xlsx

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in make_xlsx.sheets().items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    wb[sheet].cell(row=row, column=col, value=value)
    with tempfile.TemporaryDirectory() as d:
        path = pathlib.Path(d) / "case.xlsx"
        wb.save(path)
        result = only_case_or_case_error(path)
    assert isinstance(result, kit.CaseError)
    letters = "ABC"[col - 1]
    assert any(
        p.file.endswith(f"#{sheet}") and p.line == row and f"cell {letters}{row} " in p.message for p in result.problems
    ), result.problems
