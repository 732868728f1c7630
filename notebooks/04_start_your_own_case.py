# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.7
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Start your own case: from a draft
#
# A case is a folder of small tables you can keep in any spreadsheet: who can be the origin of a claim
# (`sources.csv`), what was published (`reports.csv`), what each report asserts (`claims.csv`) and on whose word
# (`citations.csv`). Typing them by hand is the slow part. `kit draft` reads one article and proposes a **first
# draft** of the four tables, for you to correct: every claim's `text` and every citation's `evidence` is the
# article's own words, and every guess carries a note that starts `draft: check`. It is never a finished case.
#
# This notebook drafts a case from the seed article of the Deir ez-Zor case, shows what the draft proposes and what
# you must check, checks it with `kit check`, compares it with `data/deir-ez-zor` (the same article, built by hand),
# and makes one correction. The details are in `docs/draft.md`; the columns in `docs/case-format.md`.
#
# Parameters: `article` is a `.txt`, `.md` or saved `.html` page (the seed lies in `shared/seeds/`, beside the
# repository); `publisher` and `published` are the article's own publisher and ISO date; `work_dir` is the folder
# you want your case in (left empty, a temporary folder is used).

# %% tags=["parameters"]
article = "../../shared/seeds/deir-ez-zor-article.txt"
publisher = "Tsarizm"
published = "2018-02-13"
work_dir = ""

# %%
import pathlib
import tempfile

import pandas as pd

import kit
import kit.draft
from kit.analysis.findings import summary_line
from kit.testing.bundled import shipped

work = pathlib.Path(work_dir or tempfile.mkdtemp(prefix="kit-")) / "my-case"
kit.draft.write_draft(article, work, publisher=publisher, published=published)
print(sorted(p.name for p in work.iterdir()))

# %% [markdown]
# `kit draft` never writes into an existing case: `work` must be new or empty. From a terminal the same is
# `python -m kit draft ARTICLE OUT_DIR --publisher P --published DATE`.
#
# ## Check it
#
# The draft loads as a case: no problems. The warnings are the `notes` columns the draft adds to `claims.csv` and
# `citations.csv` for its `draft: check` notes; the kit keeps them as text.

# %%
# NBVAL_CHECK_OUTPUT
case, problems, warnings = kit.check_case(work)
print(len(problems), "problems")
for w in warnings:
    print(f"{pathlib.Path(w.file).name}:{w.line}: {w.column}: {w.message}")
print(summary_line(case))

# %% [markdown]
# ## What the draft proposes
#
# **Sources**: each speaker and outlet the article names, with a `kind` guessed from the words ("their associates"
# is `anonymous`, "which monitors social networks" a `monitor`, Reuters a `wire` from the kit's short list).

# %%
# NBVAL_CHECK_OUTPUT
print(case.sources[["source_id", "name", "kind"]].to_string(index=False))

# %% [markdown]
# **Claims**: the article's own words (here cut to 60 characters), in a report of the outlet that relays them
# ("told Reuters" makes Reuters the publisher) or of the article itself; `low`/`high` from the words ("at least
# two" is low 2 and no high, "dozens" at least 24), `certainty` from the verb.

# %%
# NBVAL_CHECK_OUTPUT
claims = case.claims.assign(text=case.claims["text"].str.slice(0, 60))
print(claims[["claim_id", "text", "low", "high", "certainty"]].to_string(index=False))

# %% [markdown]
# **Citations**: each claim `relies_on` the speaker it names, `basis` `stated`, with the whole sentence as
# `evidence`.

# %%
# NBVAL_CHECK_OUTPUT
print(case.citations[["claim_id", "cites", "relation", "basis"]].to_string(index=False))

# %% [markdown]
# ## What you must check
#
# Every row the draft is unsure of says so in its `notes`: what to check and why. How many rows of each table
# carry a `draft: check` note, and what they ask you to check:

# %%
# NBVAL_CHECK_OUTPUT
tables = {name: getattr(case, name) for name in ["sources", "reports", "claims", "citations"]}
notes = pd.concat({name: table["notes"].fillna("") for name, table in tables.items()}, names=["table", "row"])
print(notes.str.contains("draft: check").groupby(level="table").agg(rows_to_check="sum", rows="size").to_string())
checks = notes.str.findall(r"draft: check:? ('[^']*'|the quotation|[\w/]+)").explode().dropna().rename("check")
print(checks.groupby(level="table").value_counts().to_string())

# %% [markdown]
# The riskiest guesses are who "it", "they" or "this report" is, whose words a quotation is, and which citations
# point at an outlet instead of the claim in its report they rest on:

# %%
# NBVAL_CHECK_OUTPUT
guesses = notes.str.findall(
    r"draft: check: (?:'[^']*' taken to be [^;]*|the quotation is taken to be [^;(]*|cites [^;]* itself)"
)
print(guesses.explode().dropna().value_counts().to_string())

# %% [markdown]
# ## Compare with the case built by hand
#
# `data/deir-ez-zor` was built by hand from the same article. `kit.draft.compare` matches the two one to one: a
# source by its name, a citation by the citing claim's words and the source it rests on.

# %%
# NBVAL_CHECK_OUTPUT
m = kit.draft.compare(case, shipped("../data/deir-ez-zor"))
print(f"sources:   the draft proposes {m['sources_matched']} of the {m['sources']} built by hand")
print(f"citations: the draft proposes {m['citations_matched']} of the {m['citations']} built by hand")
print(
    f"draft rows without a counterpart: {m['draft_sources_unmatched']} of {m['draft_sources']} sources, "
    f"{m['draft_claims_unmatched']} of {m['draft_claims']} claims, "
    f"{m['draft_citations_unmatched']} of {m['draft_citations']} citations"
)
print("citations the draft misses (claim, cites):")
print("\n".join(f"  {claim} -> {cites}" for claim, cites in m["missed_citations"]))

# %% [markdown]
# The citations missed are the ones the article does not state with a cue next to the claim: the feedback loop,
# which the hand-built case reads across sentences, and the article's own doubts about the 200 figure (`disputes`).
# Those are for you to add.
#
# ## Correct it
#
# The draft's Daily Beast claim cites Bloomberg itself, and its note says to point it at the claim in Bloomberg's
# report it rests on: Bloomberg's "more than 200", `bloomberg-report-1`. We edit `citations.csv` (in a spreadsheet
# you would edit the cell) and, typing fast, drop a character of the id:

# %%
# NBVAL_CHECK_OUTPUT
citations = work / "citations.csv"
citations.write_text(
    citations.read_text(encoding="utf-8").replace(
        "daily-beast-report-1,bloomberg,", "daily-beast-report-1,bloomberg-report1,"
    ),
    encoding="utf-8",
)
case, problems, warnings = kit.check_case(work)
for p in problems:
    print(f"{pathlib.Path(p.file).name}:{p.line}: {p.column}: {p.message}")

# %% [markdown]
# `kit check` names the file, the line, the column and the fix. We fix it and check again:

# %%
# NBVAL_CHECK_OUTPUT
citations.write_text(
    citations.read_text(encoding="utf-8").replace(",bloomberg-report1,", ",bloomberg-report-1,"), encoding="utf-8"
)
case, problems, warnings = kit.check_case(work)
print(len(problems), "problems")
print(kit.origins(case, "daily-beast-report-1").to_string(index=False))

# %% [markdown]
# The Daily Beast's "more than 200" now rests, through Bloomberg's claim, on the two unnamed Russians Bloomberg
# quoted, two hops away: what the hand-built case finds.

# %% tags=["nbval-ignore-output"]
# The audit's review: each claim that looks copied from an earlier one without citing it, to Accept (a citation is
# added to the case folder), Reject or leave for Later (docs/audit.md).
kit.widgets.AuditReview(work)
#
# ## Next
#
# Keep the folder (`work` above) somewhere safe — for example copy it to `data/my-case` — go through every
# `draft: check` note, add what the draft missed, and check it from the command line at any time:
#
# ```
# python -m kit check data/my-case
# ```
#
# Without an article to start from, copy the blank case in `data/template/` (header-only tables and a `case.toml`
# to fill in) and type the rows yourself. Then trace the case's claims in `02_trace_a_claim.ipynb` (set
# `case_path`) and step through its story with `kit.widgets.StoryStepper`.
