"""kit.save_case: a lossless round trip, and atomic writes.

For hypothesis-generated valid cases (Cyrillic and other Unicode, commas, quotes, line breaks inside cells,
cells starting with = + - @, padding spaces, BOM and CRLF, mixed-case enums, every date form, extra columns,
case.toml with nested tables): ``load_case(save_case(load_case(p), q))`` equals ``load_case(p)`` (all four
frames ``.equals``, meta equal).

Atomicity: save_case writes every file into a staging folder inside the case folder, commits with a journal,
then ``os.replace``-s them in (kit.store.journal); when writing fails (os.fsync monkeypatched to raise) the old files
are intact and nothing is left behind; when a move fails, the next load finishes the save: the case is wholly
new. Real kill -9s are in tests/store/test_saving.py.
"""

import csv
import dataclasses
import datetime
import decimal
import io
import os
import pathlib
import tempfile

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit
from kit.schema import COLUMNS, KINDS

TABLES = ("sources", "reports", "claims", "citations")
EXAMPLES = int(os.environ.get("KIT_ROUNDTRIP_EXAMPLES", "40"))

# --- strategies -------------------------------------------------------------------------------

SLUG = st.text("abcdefghijklmnopqrstuvwxyz0123456789_-", min_size=1, max_size=8)
TRICKY = st.sampled_from(
    [
        ",",
        '"',
        "\n",
        "\r\n",
        "=",
        "+",
        "@",
        "-",
        " ",
        "'",
        ";",
        "\t",
        "Ё",
        "ж",
        "Дейр-эз-Зор",
        "“",
        "”",
        "é",
        "\u00a0",
        "😀",
        "中文",
        "\\",
        "#",
    ]
)
PLAIN = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00"), max_size=12)
FREE = st.lists(st.one_of(PLAIN, TRICKY), max_size=6).map("".join)
NONEMPTY = FREE.filter(lambda s: s.strip())


def enum(values):
    return st.sampled_from(values).flatmap(lambda v: st.sampled_from([v, v.upper(), v.capitalize(), f" {v} "]))


DATES = st.builds(
    lambda d, t, fmt: fmt(d, t),
    st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2100, 12, 31)),
    st.times(),
    st.sampled_from(
        [
            lambda d, t: d.isoformat(),
            lambda d, t: f"{d.isoformat()}T{t.strftime('%H:%M')}",
            lambda d, t: f"{d.isoformat()}T{t.strftime('%H:%M:%S')}Z",
            lambda d, t: f"{d.isoformat()} {t.strftime('%H:%M:%S')}+03:00",
            lambda d, t: f"{d.isoformat()}T{t.strftime('%H:%M:%S')}.{t.microsecond:06d}-05:30",
        ]
    ),
)
NUMBER = st.one_of(
    st.integers(0, 10**6).map(str),
    # large whole numbers the case format keeps exactly (the float writes back as the same number: kit.checking
    # .arrays.figure); one it cannot keep is a problem,
    # tested in test_checking and the bad cases, not a case to round-trip
    st.integers(0, 10**18).map(lambda n: str(int(decimal.Decimal(repr(float(n)))))),
    st.decimals(0, 10**6, places=3, allow_nan=False).map(lambda d: format(d, "f")),
)


@st.composite
def cases(draw):
    """A valid case as {file name: bytes}."""
    ids = draw(st.lists(SLUG, min_size=3, max_size=30, unique=True))
    n_src = draw(st.integers(1, max(1, len(ids) // 3)))
    src_ids, rest = ids[:n_src], ids[n_src:]
    n_rep = draw(st.integers(1, max(1, len(rest) // 2)))
    rep_ids, claim_ids = rest[:n_rep], rest[n_rep:]
    extra = draw(st.sampled_from([None, "twitter", "note_2"]))
    sources = [[*COLUMNS["sources"]] + ([extra] if extra else [])]
    for s in src_ids:
        sources.append(
            [
                s,
                draw(NONEMPTY),
                draw(enum(KINDS)),
                draw(FREE),
                draw(st.sampled_from(["", "RU", "US", "SY", "XX"])),
                draw(st.sampled_from(["", "A", "b", "F", " c "])),
                draw(st.sampled_from(["", "true", "False", "yes", "NO", "1", "0"])),
                draw(FREE),
                draw(FREE),
            ]
            + ([draw(FREE)] if extra else [])
        )
    reports = [[*COLUMNS["reports"]]]
    for r in rep_ids:
        reports.append(
            [
                r,
                draw(st.sampled_from(src_ids)),
                draw(DATES),
                draw(FREE),
                draw(FREE),
                "",
                draw(st.sampled_from(["", "ru", "en"])),
                draw(FREE),
            ]
        )
    claims = [[*COLUMNS["claims"]]]
    for k in claim_ids:
        low, high = draw(
            st.one_of(
                st.just(("", "")),
                st.tuples(NUMBER, st.just("")),
                st.tuples(NUMBER, NUMBER).map(lambda p: tuple(sorted(p, key=float))),
            )
        )
        claims.append(
            [
                k,
                draw(st.sampled_from(rep_ids)),
                draw(st.sampled_from(["q1", "q_2", "russians-killed"])),
                draw(NONEMPTY),
                low,
                high,
                draw(FREE),
                draw(st.one_of(st.just(""), enum(("killed", "wounded", "casualties", "captured", "present", "other")))),
                draw(enum(("asserted", "estimated", "alleged", "rumoured", "questioned", "denied"))),
                draw(st.sampled_from(["", "1", "3", "6"])),
            ]
        )
    citations = [["claim_id", "cites", "relation", "evidence"]]
    if claim_ids:
        pairs = draw(
            st.lists(
                st.tuples(st.sampled_from(claim_ids), st.sampled_from(claim_ids + src_ids)), max_size=20, unique=True
            )
        )
        for a, b in pairs:
            citations.append([a, b, draw(enum(("relies_on", "corroborates", "disputes"))), draw(FREE)])
    crlf = draw(st.booleans())
    bom = draw(st.booleans())
    files = {}
    for name, rows in zip(TABLES, (sources, reports, claims, citations), strict=False):
        files[f"{name}.csv"] = (("\ufeff" if bom else "") + csv_text(rows, "\r\n" if crlf else "\n")).encode("utf-8")
    meta = draw(
        st.one_of(
            st.none(),
            st.fixed_dictionaries(
                {"title": NONEMPTY},
                optional={
                    "question": FREE,
                    "summary": FREE,
                    "language": st.just("ru"),
                    "license": st.just("CC-BY-4.0"),
                    # nested tables (not [verdicts]: those must name a rating and a claim)
                    "sections": st.dictionaries(SLUG, st.dictionaries(SLUG, FREE, max_size=2), max_size=2),
                    "tags": st.lists(FREE, max_size=3),
                    "year": st.integers(1900, 2100),
                },
            ),
        )
    )
    if meta is not None:
        files["case.toml"] = kit.store.saving.meta_toml(meta).encode("utf-8")
    return files


def csv_text(rows, eol):
    """CSV text; a value with a lone "\r" is quoted too (csv.writer only quotes it when "\r" ends its lines)."""
    out = []
    for row in rows:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\r\n").writerow(row)
        out.append(buf.getvalue()[:-2])
    return eol.join(out) + eol


def write(folder: pathlib.Path, files: dict) -> pathlib.Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def assert_same(a, b):
    for t in TABLES:
        fa, fb = getattr(a, t), getattr(b, t)
        assert list(fa.columns) == list(fb.columns), t
        assert dict(fa.dtypes) == dict(fb.dtypes), t
        assert fa.equals(fb), (t, fa.compare(fb) if fa.shape == fb.shape else (fa.shape, fb.shape))
    assert a.meta == b.meta


# --- round trip -------------------------------------------------------------------------------


@settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(cases())
def test_round_trip_is_lossless(files):
    with tempfile.TemporaryDirectory() as d:
        p = write(pathlib.Path(d) / "case", files)
        first = kit.load_case(p)
        q = kit.save_case(first, pathlib.Path(d) / "saved")
        assert_same(kit.load_case(q), first)
        # and saving the saved case again changes no byte
        before = {f.name: f.read_bytes() for f in q.iterdir()}
        kit.save_case(kit.load_case(q), q)
        assert {f.name: f.read_bytes() for f in q.iterdir()} == before


@pytest.mark.parametrize(
    "name", ["cyrillic_bom_crlf", "drift", "loop", "echo", "empty", "one_row", "warnings", "workbook.xlsx"]
)
def test_round_trip_of_fixture_cases(name, tmp_path, cases_dir):
    first = kit.load_case(cases_dir / name)
    assert_same(kit.load_case(kit.save_case(first, tmp_path / "out")), first)


def test_round_trip_of_tricky_cells_by_hand(tmp_path, cases_dir):
    case = kit.load_case(cases_dir / "one_row")
    claims = case.claims.copy()
    claims["text"] = claims["text"].astype("string")
    tricky = '=SUM(A1:A2), "quoted"\nand a new line — Дейр-эз-Зор\r\n+7 @all'
    claims.loc[0, "text"] = tricky
    claims.loc[0, "low"] = pd.NA
    case = dataclasses.replace(case, claims=claims, meta={"title": 'Title with "quotes" \\ and \x7f'})
    again = kit.load_case(kit.save_case(case, tmp_path / "out"))
    assert again.claims.loc[0, "text"] == tricky
    assert again.meta["title"] == case.meta["title"]


def test_small_and_large_floats_are_written_as_plain_numbers(tmp_path, cases_dir):
    case = kit.load_case(cases_dir / "one_row")
    claims = case.claims.copy()
    claims["low"] = pd.array([0.00001], dtype="Float64")
    claims["high"] = pd.array([12345678901234567890.5], dtype="Float64")
    case = dataclasses.replace(case, claims=claims)
    out = kit.save_case(case, tmp_path / "out")
    assert "e" not in (out / "claims.csv").read_text().splitlines()[1].split(",")[4]
    assert_same(kit.load_case(out), case)


# --- atomic writes ------------------------------------------------------------------------------


@pytest.fixture
def saved(tmp_path, cases_dir):
    """A case saved once into tmp_path/out, with every file's bytes."""
    out = kit.save_case(kit.load_case(cases_dir / "drift"), tmp_path / "out")
    return out, {f.name: f.read_bytes() for f in out.iterdir()}


def _other_case(cases_dir):
    return kit.load_case(cases_dir / "echo")


@pytest.mark.parametrize("fail_at", [1, 2, 4, 6])
def test_failed_replace_leaves_the_old_or_the_new_case_whole(saved, cases_dir, monkeypatch, fail_at):
    # replace 1 commits the journal (.kit-save.json); 2..6 move the five staged files in
    out, before = saved
    real, calls = os.replace, []

    def flaky(src, dst):
        calls.append((pathlib.Path(src), pathlib.Path(dst)))
        assert out in pathlib.Path(src).parents  # staged inside the case folder: the move stays on one disk
        if len(calls) == fail_at:
            raise OSError("disk full (simulated)")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    with pytest.raises(OSError, match="simulated"):
        kit.save_case(_other_case(cases_dir), out)
    monkeypatch.undo()
    assert calls[0][1].name == ".kit-save.json"
    case, problems, _ = kit.check_case(out)  # finishes (or rolls back) the interrupted save
    assert problems == [] and case is not None
    now = {f.name: f.read_bytes() for f in out.iterdir()}
    assert set(now) == set(before), "a temporary file or folder was left behind"
    new_dir = kit.save_case(_other_case(cases_dir), out.parent / "new")
    after = {name: (new_dir / name).read_bytes() for name in now}
    assert now == (before if fail_at == 1 else after)  # never a mix of old and new files


def test_failed_write_changes_nothing(saved, cases_dir, monkeypatch):
    out, before = saved
    real, n = os.fsync, []

    def flaky(fd):
        n.append(fd)
        if len(n) == 3:
            raise OSError("I/O error (simulated)")
        return real(fd)

    monkeypatch.setattr(os, "fsync", flaky)
    with pytest.raises(OSError, match="simulated"):
        kit.save_case(_other_case(cases_dir), out)
    monkeypatch.undo()
    assert {f.name: f.read_bytes() for f in out.iterdir()} == before  # nothing replaced, no temp left


def test_interrupted_save_changes_nothing(saved, cases_dir, monkeypatch):
    out, before = saved
    real, n = os.fdopen, []

    def interrupted(fd, *a, **k):
        n.append(fd)
        fh = real(fd, *a, **k)
        if len(n) == 3:  # Ctrl-C while the third file is being written
            fh.close()
            raise KeyboardInterrupt
        return fh

    monkeypatch.setattr(os, "fdopen", interrupted)
    with pytest.raises(KeyboardInterrupt):
        kit.save_case(_other_case(cases_dir), out)
    monkeypatch.undo()
    assert {f.name: f.read_bytes() for f in out.iterdir()} == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_read_only_folder_is_an_error_and_changes_nothing(saved, cases_dir):
    out, before = saved
    os.chmod(out, 0o500)
    try:
        with pytest.raises(PermissionError):
            kit.save_case(_other_case(cases_dir), out)
    finally:
        os.chmod(out, 0o700)
    assert {f.name: f.read_bytes() for f in out.iterdir()} == before
