"""Regenerate the CSV cases of the bad-input corpus (tests/bad_cases/<name>/).

Run from the repository root:  python tests/bad_cases/make_cases.py

Every case starts from BASE, a small valid case (the Deir ez-Zor story in miniature), and breaks one
thing. The workbook cases are made by make_xlsx.py. Each folder's ``expected.txt`` holds the exact lines
``python -m kit check tests/bad_cases/<name>`` prints (the exit code follows from the last line: 0 after
``OK: ...``, else 1); those files were reviewed by hand (``python tests/checking/test_bad_cases.py --update`` rewrites
them from the current kit, for review with ``git diff``).

The committed files are the test data; this script only documents how they were made.
"""

import pathlib

HERE = pathlib.Path(__file__).resolve().parent

BASE = {
    "case.toml": 'title = "Deir ez-Zor in miniature"\nquestion = "How many Russians were killed on 7 February 2018?"\n',
    "sources.csv": (
        "source_id,name,kind,affiliation,country,reliability,confidential,url,notes\n"
        "reuters,Reuters,wire,,GB,B,false,https://www.reuters.com,\n"
        "mod_ru,Russian Ministry of Defence,official,Russian government,RU,D,false,,\n"
        "anon_us,US official (unnamed),anonymous,US government,US,F,true,,\n"
        "fontanka,Fontanka,online,,RU,C,false,https://www.fontanka.ru,\n"
    ),
    "reports.csv": (
        "report_id,source_id,published,title,url,archive_url,language,notes\n"
        "r_fontanka,fontanka,2018-02-13,Russian fighters killed in Syria,,,ru,\n"
        "r_reuters,reuters,2018-02-14T09:30:00Z,Russians killed in U.S. strikes,,,en,\n"
        "r_mod,mod_ru,2018-02-15,Statement on Deir ez-Zor,,,ru,\n"
    ),
    "claims.csv": (
        "claim_id,report_id,proposition,text,low,high,subject,measure,certainty,credibility\n"
        'k_font,r_fontanka,russians_killed_feb7,"Dozens of Russian fighters were killed, sources say",'
        "20,,Russian fighters,killed,alleged,3\n"
        'k_reut,r_reuters,russians_killed_feb7,"Some 100 Russians killed, a US official says",'
        "100,100,Russians,killed,asserted,3\n"
        "k_mod,r_mod,russians_killed_feb7,Five Russian citizens may have died,5,5,Russian citizens,killed,"
        "asserted,2\n"
        "k_mod_deny,r_mod,servicemen_involved,No Russian servicemen took part,,,Russian servicemen,present,"
        "denied,\n"
    ),
    "citations.csv": (
        "claim_id,cites,relation,evidence\n"
        'k_reut,anon_us,relies_on,"a U.S. official said"\n'
        "k_reut,k_font,corroborates,\n"
        "k_mod,k_reut,disputes,reports of hundreds are disinformation\n"
    ),
}

# a valid story.csv for BASE (docs/case-format.md): one step per report, in time order
STORY = (
    "step,date,title,text\n"
    '1,2018-02-13,Fontanka: dozens,"Dozens of Russian fighters were killed, sources say"\n'
    '2,2018-02-14T09:30:00Z,Reuters: some 100,"Some 100 Russians killed, a US official says"\n'
    "3,2018-02-15,Ministry: five,Five Russian citizens may have died\n"
)

REQUIRED = {
    "sources": ("source_id", "name", "kind"),
    "reports": ("report_id", "source_id", "published"),
    "claims": ("claim_id", "report_id", "proposition", "text", "certainty"),
    "citations": ("claim_id", "cites", "relation"),
}


def drop_column(text: str, column: str) -> str:
    """Remove ``column`` from simple CSV text (no quoted commas before it)."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    i = rows[0].index(column)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([r[:i] + r[i + 1 :] for r in rows])
    return buf.getvalue()


def sub(file, old, new, count=1):
    """A change: replace ``old`` by ``new`` in ``file`` (it must be there)."""

    def change(files):
        assert old in files[file], (file, old)
        files[file] = files[file].replace(old, new, count)

    return change


def append(file, text):
    def change(files):
        files[file] += text

    return change


def remove(file):
    def change(files):
        del files[file]

    return change


def put(file, text):
    def change(files):
        files[file] = text

    return change


def encode_as(file, encoding):
    def change(files):
        files[file] = files[file].encode(encoding)

    return change


def to_parquet(table, extra_column=None, index=None, odd=False):
    """Give ``table`` as ``<table>.parquet`` (text columns, as pyarrow writes them) instead of its CSV file;
    ``extra_column`` (name, copy of) adds a column; ``index`` writes that column as a pandas index
    (``df.set_index(index).to_parquet(...)``); ``odd`` makes ``text`` bytes, ``subject`` lists and adds a column of
    records."""

    def change(files):
        import csv
        import io

        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = list(csv.reader(io.StringIO(files.pop(f"{table}.csv"))))
        columns = {name: [r[i] for r in rows[1:]] for i, name in enumerate(rows[0])}
        names, arrays = list(columns), [pa.array(v, pa.string()) for v in columns.values()]
        if extra_column:
            name, copy_of = extra_column
            names.insert(0, name)
            arrays.insert(0, pa.array(columns[copy_of], pa.string()))
        if odd:
            arrays[names.index("text")] = pa.array([v.encode("utf-8") for v in columns["text"]], pa.binary())
            arrays[names.index("subject")] = pa.array([[v] for v in columns["subject"]], pa.list_(pa.string()))
            names.append("where")
            arrays.append(pa.array([{"place": "Deir ez-Zor"}] * len(rows[1:])))
        buf = io.BytesIO()
        if index:
            import pandas as pd

            frame = pd.DataFrame({n: a.to_pylist() for n, a in zip(names, arrays, strict=True)}).set_index(index)
            frame.to_parquet(buf)
        else:
            pq.write_table(pa.Table.from_arrays(arrays, names=names), buf)
        files[f"{table}.parquet"] = buf.getvalue()

    return change


# name -> list of changes applied to a copy of BASE (files are str, or bytes once encoded).
CASES = {}

for _t in REQUIRED:
    CASES[f"missing_file_{_t}"] = [remove(f"{_t}.csv")]
for _t, _cols in REQUIRED.items():
    for _c in _cols:
        CASES[f"missing_column_{_t}_{_c}"] = [
            lambda f, t=_t, c=_c: f.__setitem__(f"{t}.csv", drop_column(f[f"{t}.csv"], c))
        ]

CASES.update(
    {
        # columns and shape
        "unknown_column_warning": [
            sub("sources.csv", "url,notes\n", "url,notes,twitter\n"),
            sub("sources.csv", "https://www.reuters.com,\n", "https://www.reuters.com,,@reuters\n"),
        ],
        "misspelt_column": [sub("claims.csv", ",certainty,", ",certainity,")],
        "duplicate_column": [sub("reports.csv", "language,notes\n", "language,title\n")],
        "reserved_column_names": [
            sub("reports.csv", "language,notes\n", "language,notes,published_latest\n"),
            sub("citations.csv", "relation,evidence\n", "relation,evidence,cited_claim_id,ROWID\n"),
        ],
        "unnamed_column_with_values": [
            sub("citations.csv", "relation,evidence\n", "relation,evidence,\n"),
            sub("citations.csv", "disinformation\n", "disinformation,see page 2\n"),
        ],
        "row_too_long": [
            sub("claims.csv", "Five Russian citizens may have died,5,5", "Five Russian citizens, may have died,5,5")
        ],
        "unclosed_quote": [
            sub(
                "claims.csv",
                '"Some 100 Russians killed, a US official says"',
                '"Some 100 Russians killed, a US official says',
            )
        ],
        "empty_file": [put("claims.csv", "")],
        "blank_lines_only": [put("citations.csv", "\n\n  \n")],
        "only_empty_cells": [put("citations.csv", ",,,\n,,,\n")],
        "header_only_claims": [put("claims.csv", BASE["claims.csv"].splitlines(keepends=True)[0])],
        "header_only_citations_is_fine": [put("citations.csv", BASE["citations.csv"].splitlines(keepends=True)[0])],
        # ids
        "duplicate_id_sources": [append("sources.csv", "reuters,Reuters (again),wire,,GB,B,false,,\n")],
        "duplicate_id_reports": [append("reports.csv", "r_mod,mod_ru,2018-02-16,Second statement,,,ru,\n")],
        "duplicate_id_claims": [
            append("claims.csv", "k_font,r_fontanka,russians_killed_feb7,Dozens killed,,,,killed,alleged,\n")
        ],
        "duplicate_citation_pair": [append("citations.csv", "k_reut,k_font,relies_on,\n")],
        "id_both_source_and_claim": [append("sources.csv", "k_mod,Ministry spokesman,individual,,RU,,,,\n")],
        "bad_slug_ids": [
            sub("sources.csv", "fontanka,Fontanka", "Fontanka.ru,Fontanka"),
            sub("reports.csv", "r_fontanka,fontanka,", "r fontanka,Fontanka.ru,"),
            sub("claims.csv", "k_font,r_fontanka,", "K-Font,r fontanka,"),
            sub("citations.csv", "k_reut,k_font,", "k_reut,K-Font,"),
        ],
        "bad_slug_proposition": [sub("claims.csv", "servicemen_involved", "Servicemen involved?")],
        "empty_required_cells": [
            sub("sources.csv", "mod_ru,Russian Ministry of Defence,official", "mod_ru,,official"),
            sub(
                "claims.csv",
                "No Russian servicemen took part,,,Russian servicemen,present,denied",
                ",,,Russian servicemen,present,",
            ),
        ],
        # references
        "dangling_report_source": [sub("reports.csv", "r_mod,mod_ru,", "r_mod,mod_rus,")],
        "dangling_claim_report": [sub("claims.csv", "k_mod,r_mod,", "k_mod,r_tass,")],
        "dangling_citation_claim": [append("citations.csv", "k_tass,k_mod,relies_on,\n")],
        "dangling_citation_cites": [
            sub("citations.csv", "k_reut,anon_us,", "k_reut,anon_usa,"),
            append("citations.csv", "k_mod_deny,pentagon,disputes,\n"),
        ],
        # enums and grades
        "enum_kind_near_miss": [
            sub("sources.csv", "US official (unnamed),anonymous,", "US official (unnamed),anonymus,")
        ],
        "enum_kind_unknown": [sub("sources.csv", "Fontanka,online,", "Fontanka,blog,")],
        "enum_measure_near_miss": [sub("claims.csv", "Russians,killed,", "Russians,kiled,")],
        "enum_certainty_near_miss": [
            sub("claims.csv", "Russian fighters,killed,alleged,", "Russian fighters,killed,alledged,")
        ],
        "enum_relation_near_miss": [sub("citations.csv", "anon_us,relies_on,", "anon_us,relies on,")],
        "enum_case_insensitive_is_fine": [
            sub("sources.csv", "Reuters,wire,", "Reuters,Wire,"),
            sub("claims.csv", "killed,asserted,3", "Killed,ASSERTED,3"),
            sub("citations.csv", "corroborates", "Corroborates"),
        ],
        "bad_grades": [
            sub("sources.csv", "Reuters,wire,,GB,B,false", "Reuters,wire,,gb,A+,maybe"),
            sub(
                "claims.csv",
                "Five Russian citizens may have died,5,5,Russian citizens,killed,asserted,2",
                "Five Russian citizens may have died,5,5,Russian citizens,killed,asserted,7",
            ),
        ],
        # dates
        "date_dd_mm_yyyy": [sub("reports.csv", "2018-02-13", "13/02/2018")],
        "date_month_name": [sub("reports.csv", "2018-02-13", "Feb 13 2018")],
        "date_ambiguous": [sub("reports.csv", "2018-02-13", "02/03/2018")],
        "date_not_real": [sub("reports.csv", "2018-02-13", "2018-02-30")],
        "date_empty": [sub("reports.csv", "fontanka,2018-02-13,", "fontanka,,")],
        "date_time_of_day": [sub("reports.csv", "2018-02-14T09:30:00Z", "2018-02-14T25:30:00Z")],
        "date_year_out_of_range": [sub("reports.csv", "2018-02-15", "0001-01-01")],
        "date_words": [sub("reports.csv", "2018-02-15", "mid-February")],
        # numbers
        "low_above_high": [sub("claims.csv", "100,100,Russians", "100,10,Russians")],
        "words_in_low": [sub("claims.csv", "20,,Russian fighters", "dozens,,Russian fighters")],
        "tilde_in_high": [sub("claims.csv", "100,100,Russians", "100,~100,Russians")],
        "thousands_separator": [sub("claims.csv", "100,100,Russians", '"1,000","1,000",Russians')],
        "range_in_one_cell": [sub("claims.csv", "100,100,Russians", "100-200,,Russians")],
        "huge_number": [sub("claims.csv", "100,100,Russians", "1" + "0" * 400 + ",,Russians")],
        "negative_count": [sub("claims.csv", "5,5,Russian citizens", "-5,5,Russian citizens")],
        # encodings and delimiters
        "semicolon_delimited": [put("sources.csv", BASE["sources.csv"].replace(",", ";"))],
        "tab_delimited": [put("reports.csv", BASE["reports.csv"].replace(",", "\t"))],
        "windows_1252": [
            sub(
                "sources.csv",
                "Russian Ministry of Defence",
                "Minist\u00e8re russe de la D\u00e9fense \u2013 \u201cMO\u201d",
            ),
            encode_as("sources.csv", "cp1252"),
        ],
        "latin_1": [
            sub("claims.csv", "Five Russian citizens may have died", "F\u00fcnf russische B\u00fcrger get\u00f6tet"),
            encode_as("claims.csv", "latin-1"),
        ],
        "nul_bytes": [
            sub("citations.csv", "disinformation", "disinfo\x00rmation"),
            encode_as("citations.csv", "utf-8"),
        ],
        "case_toml_not_utf8": [sub("case.toml", "miniature", "mini\u00e8ture"), encode_as("case.toml", "cp1252")],
        "utf16": [encode_as("citations.csv", "utf-16")],
        "bom_and_crlf_is_fine": [
            lambda f: f.__setitem__("claims.csv", ("\ufeff" + f["claims.csv"]).replace("\n", "\r\n").encode("utf-8"))
        ],
        "formula_like_cells_are_text": [
            sub("sources.csv", "Russian Ministry of Defence,official", "=Russian Ministry of Defence,official"),
            sub("claims.csv", "Five Russian citizens may have died", "+5 Russian citizens may have died"),
            sub("citations.csv", "reports of hundreds are disinformation", "@mod_russia: reports of hundreds are fake"),
            sub("reports.csv", "Statement on Deir ez-Zor", "-Statement on Deir ez-Zor"),
        ],
        # case.toml
        "broken_case_toml": [put("case.toml", "title = Deir ez-Zor in miniature\n")],
        "case_toml_title_not_text": [put("case.toml", "title = 2018\n")],
        # case.toml: the publishing settings (proposition, [verdicts]) that kit publish and kit export use
        "case_toml_proposition_near_miss": [append("case.toml", 'proposition = "russians_kiled"\n')],
        "case_toml_proposition_unknown": [append("case.toml", 'proposition = "who_fired_first"\n')],
        "case_toml_proposition_not_text": [append("case.toml", "proposition = 7\n")],
        "case_toml_verdicts_not_tables": [append("case.toml", 'verdicts = "False"\n')],
        "case_toml_verdict_not_a_table": [append("case.toml", '\n[verdicts]\nrussians_killed_feb7 = "False"\n')],
        "case_toml_verdict_unknown_proposition": [
            append("case.toml", '\n[verdicts.russians_kiled]\nrating = "False"\nclaim_id = "k_font"\n')
        ],
        "case_toml_verdict_no_rating_no_claim": [
            append("case.toml", '\n[verdicts.russians_killed_feb7]\nnote = "Rests on one unnamed official."\n')
        ],
        "case_toml_verdict_claim_near_miss": [
            append("case.toml", '\n[verdicts.russians_killed_feb7]\nrating = "False"\nclaim_id = "k_fnt"\n')
        ],
        "case_toml_verdict_claim_unknown": [
            append("case.toml", '\n[verdicts.russians_killed_feb7]\nrating = "False"\nclaim_id = "tass_statement"\n')
        ],
        "case_toml_verdict_claim_of_other_proposition": [
            append("case.toml", '\n[verdicts.russians_killed_feb7]\nrating = "False"\nclaim_id = "k_mod_deny"\n')
        ],
        "case_toml_verdict_values_not_text": [
            append("case.toml", "\n[verdicts.russians_killed_feb7]\nrating = 3\nclaim_id = 2\nnote = true\n")
        ],
        "case_toml_verdict_unknown_key_warning": [
            append(
                "case.toml",
                "\n[verdicts.russians_killed_feb7]\n"
                'rating = "Unproven"\nclaim_id = "k_reut"\n'
                'notes = "Rests on one unnamed official."\n',
            )
        ],
        "case_toml_verdict_is_fine": [
            append(
                "case.toml",
                'proposition = "russians_killed_feb7"\n\n'
                '[verdicts.russians_killed_feb7]\nrating = "Unproven"\n'
                'claim_id = "k_reut"\nnote = "Rests on one unnamed official."\n',
            )
        ],
        # story.csv: read by the tables' reader, checked with them
        "story_csv_is_fine": [put("story.csv", STORY)],
        "story_csv_missing_column": [put("story.csv", drop_column(STORY, "title"))],
        "story_csv_unknown_column_warning": [put("story.csv", STORY.replace("title,text\n", "title,text,colour\n"))],
        "story_csv_bad_steps": [
            put(
                "story.csv",
                STORY.replace("\n1,", "\n,").replace("\n2,", "\nx,") + "3,2018-02-16,Again,\n0,2018-02-16,Zero,\n",
            )
        ],
        "story_csv_bad_dates": [
            put(
                "story.csv",
                STORY.replace("2018-02-13", "13/02/2018")
                .replace("2018-02-14T09:30:00Z", "")
                .replace("2018-02-15", "2018-02-30"),
            )
        ],
        "story_csv_empty_title": [put("story.csv", STORY.replace("Reuters: some 100", ""))],
        "story_csv_back_in_time": [put("story.csv", STORY.replace("2018-02-15", "2018-02-12"))],
        "story_csv_semicolon_delimited": [put("story.csv", STORY.replace(",", ";"))],
        "story_csv_windows_1252": [
            put("story.csv", STORY.replace("Ministry: five", "Minist\u00e8re: cinq")),
            encode_as("story.csv", "cp1252"),
        ],
        "story_csv_row_too_long": [put("story.csv", STORY.replace("Ministry: five,", "Ministry, five,"))],
        # hostile input (issue 14)
        "story_csv_step_not_plain_digits": [
            put("story.csv", STORY.replace("\n2,", "\n\u00b2,").replace("\n3,", "\n" + "3" * 5000 + ","))
        ],
        "case_toml_nested_too_deep": [append("case.toml", "sections = " + "[" * 500 + "]" * 500 + "\n")],
        "case_toml_tables_too_deep": [append("case.toml", "\n[" + ".".join(["part"] * 100) + ']\nnote = "deep"\n')],
        "parquet_columns_differ_only_in_case": [to_parquet("claims", ("Claim_ID", "claim_id"))],
        "figure_digits_of_other_scripts": [
            sub("claims.csv", "100,100,Russians", "\u0661\u0660\u0660,\u06f1\u06f0\u06f0,Russians"),
            sub("claims.csv", "5,5,Russian citizens", "\uff15,,Russian citizens"),
        ],
        "figure_5000_digits": [sub("claims.csv", "100,100,Russians", "1" * 5000 + ",,Russians")],
        "figure_past_2_53": [sub("claims.csv", "100,100,Russians", "9007199254740993,9007199254740993,Russians")],
        "figure_2_53_is_fine": [sub("claims.csv", "100,100,Russians", "9007199254740992,9007199254740992,Russians")],
        "date_arabic_indic_digits": [
            sub("reports.csv", "2018-02-13", "\u0662\u0660\u0661\u0668-\u0660\u0662-\u0661\u0663"),
            sub("reports.csv", "2018-02-14T09:30:00Z", "\uff12\uff10\uff11\uff18-02-14T09:30:00Z"),
        ],
        "utf32": [encode_as("citations.csv", "utf-32")],
        "header_invisible_characters": [
            sub("claims.csv", ",text,", ",te\x0bxt,"),
            sub("sources.csv", ",kind,", ",kind\u200b,"),
        ],
        "long_bad_value_is_cut": [sub("claims.csv", "100,100,Russians", "about " * 20_000 + ",,Russians")],
        "pandas_index_column": [
            lambda f: f.__setitem__(
                "claims.csv",
                "".join(
                    ("," if i == 0 else f"{i - 1},") + line + "\n"
                    for i, line in enumerate(f["claims.csv"].splitlines())
                ),
            ),
            lambda f: f.__setitem__(
                "sources.csv",
                "".join(
                    ("Unnamed: 0," if i == 0 else f"{i - 1},") + line + "\n"
                    for i, line in enumerate(f["sources.csv"].splitlines())
                ),
            ),
        ],
        "too_many_columns": [sub("claims.csv", "certainty,credibility\n", "certainty,credibility" + "," * 1500 + "\n")],
        "parquet_named_index_is_fine": [to_parquet("claims", index="claim_id")],
        "parquet_bytes_lists_records": [to_parquet("claims", odd=True)],
        "parquet_empty_column_name": [to_parquet("citations", ("", "evidence"))],
        "story_csv_claims_unknown": [
            put(
                "story.csv",
                STORY.replace("title,text\n", "title,text,claims\n")
                .replace('sources say"\n', 'sources say",k_font\n')
                .replace('official says"\n', 'official says","k_reut k_fnt"\n')
                .replace("may have died\n", "may have died,k_mod;k_tass;k_mod_deny\n"),
            )
        ],
        # analyses-level findings that are not errors
        "citation_of_later_claim_warning": [append("citations.csv", "k_font,k_mod,disputes,\n")],
        "loop_is_fine": [append("citations.csv", "k_font,k_reut,relies_on,as Reuters reported\n")],
        "loop_same_report_is_fine": [
            append("citations.csv", "k_mod,k_mod_deny,relies_on,\nk_mod_deny,k_mod,relies_on,\n")
        ],
        "self_citation_is_fine": [append("citations.csv", "k_mod_deny,k_mod_deny,relies_on,\n")],
        "empty_folder": [remove(f) for f in ("case.toml", "sources.csv", "reports.csv", "claims.csv", "citations.csv")],
        "many_problems_capped": [
            append(
                "claims.csv",
                "".join(f"k_extra{i:03d},r_mod,extra,Extra claim {i},lots,,,,asserted,\n" for i in range(105)),
            )
        ],
    }
)


def build(name, changes, root=HERE):
    files = dict(BASE)
    for change in changes:
        change(files)
    folder = root / name
    if folder.exists():
        for p in folder.iterdir():
            if p.name != "expected.txt":
                p.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    for file, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (folder / file).write_bytes(data)
    return folder


def main(names=()):
    """Build every case, or only those ``names`` (``python tests/bad_cases/make_cases.py utf32 ...``)."""
    for name, changes in CASES.items():
        if not names or name in names:
            build(name, changes)
    print(f"wrote {len([n for n in CASES if not names or n in names])} cases under {HERE}")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
