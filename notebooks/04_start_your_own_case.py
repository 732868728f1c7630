# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Start your own case
#
# A case is a folder of small tables you can keep in any spreadsheet: who can be the origin of a claim
# (`sources.csv`), what was published (`reports.csv`), what each report asserts (`claims.csv`) and on whose word
# (`citations.csv`); optionally a title (`case.toml`) and a story to step through (`story.csv`). The kit ships a
# blank one in `data/template/`. This notebook copies it to a scratch folder, fills each table with one example
# row — Bloomberg's "more than 200" from the Deir ez-Zor case — and checks the case until it is clean.
#
# Set `work_dir` to the folder you want your case in; left empty, a temporary folder is used.

# %% tags=["parameters"]
work_dir = ""

# %%
import pathlib
import shutil
import tempfile

import pandas as pd

import kit
import kit.story
from kit.analyses import summary_line

work = pathlib.Path(work_dir or tempfile.mkdtemp(prefix="kit-")) / "my-case"
shutil.copytree("../data/template", work)
print(sorted(p.name for p in work.iterdir()))

# %% [markdown]
# A blank case is a valid case: the tables have their header row and nothing else.

# %%
# NBVAL_CHECK_OUTPUT
case, problems, warnings = kit.check_case(work)
print(summary_line(case))

# %% [markdown]
# ## sources.csv: who can be the origin of a claim
#
# One row per outlet, official, anonymous person, social-media post or document that a claim can rest on.
# `source_id` is a short slug you make up (lower case, digits, `_` and `-`); `name` is how a reader would name it;
# `kind` is one of `wire, newspaper, broadcaster, online, official, military, monitor, company, individual, social,
# anonymous, document`. `reliability` is the Admiralty grade A–F (empty means F, *cannot be judged*).
#
# We add Bloomberg, and the two unnamed Russians Bloomberg quoted. Typing fast, we misspell a kind.

# %%
with open(work / "sources.csv", "a", encoding="utf-8") as f:
    f.write("bloomberg,Bloomberg,wire,,US,,false,,\n")
    f.write('two_russians,"Two Russians (unnamed, to Bloomberg)",anonymus,,RU,,false,,"quoted by Bloomberg"\n')
print(pd.read_csv(work / "sources.csv", dtype=str, keep_default_na=False).T.to_string(header=False))

# %% [markdown]
# ## reports.csv: what was published, by whom, when
#
# One row per article, broadcast, statement or post. `source_id` is the publisher (it must be in `sources.csv`);
# `published` is an ISO date (`2018-02-13`) or date-time (`2018-02-13T14:05:00Z`). We type the date the way a
# European spreadsheet shows it.

# %%
with open(work / "reports.csv", "a", encoding="utf-8") as f:
    f.write("bloomberg-2018-02-13,bloomberg,13/02/2018,,,,en,\n")
print(pd.read_csv(work / "reports.csv", dtype=str, keep_default_na=False).T.to_string(header=False))

# %% [markdown]
# ## claims.csv: what each report asserts
#
# One row per thing a report asserts. `proposition` is a slug for the question it answers, shared by every claim
# about the same thing; `text` is the report's own words; `low`/`high` is the figure as a range ("more than 200" is
# low 201, high empty); `certainty` is how the report holds it (`asserted, estimated, alleged, rumoured, questioned,
# denied`); `credibility` the Admiralty grade 1–6.

# %%
with open(work / "claims.csv", "a", encoding="utf-8") as f:
    f.write(
        'bloomberg-more-than-200,bloomberg-2018-02-13,russians_killed_feb7,"More than 200 contract soldiers, '
        "mostly Russians fighting on behalf of Syrian leader Bashar al-Assad, died in a failed attack [...], two of "
        'the Russians said.",201,,"contract soldiers, mostly Russians",killed,alleged,4\n'
    )
print(pd.read_csv(work / "claims.csv", dtype=str, keep_default_na=False).T.to_string(header=False))

# %% [markdown]
# ## citations.csv: on whose word
#
# One row per citation: the citing `claim_id`, what it `cites` (another claim's id, or a source quoted directly),
# the `relation` (`relies_on`, `corroborates` — offered as independent support — or `disputes`) and the
# `evidence`, the passage that shows it. We drop a letter of the source's id.

# %%
with open(work / "citations.csv", "a", encoding="utf-8") as f:
    f.write('bloomberg-more-than-200,two_russian,relies_on,"two of the Russians said."\n')
print(pd.read_csv(work / "citations.csv", dtype=str, keep_default_na=False).T.to_string(header=False))

# %% [markdown]
# ## Check the case
#
# `kit.check_case` reads every table and reports **every** problem at once: the file, the line (the header is
# line 1), the column and what to do. Our three slips give **3** problems:

# %%
# NBVAL_CHECK_OUTPUT
case, problems, warnings = kit.check_case(work)
print(
    pd.DataFrame(
        [
            {"file": pathlib.Path(p.file).name, "line": p.line, "column": p.column, "problem": p.message}
            for p in problems
        ]
    ).to_string(index=False)
)

# %% [markdown]
# We fix them in the files (in a spreadsheet you would edit the cells) and check again, until the case is clean:

# %%
# NBVAL_CHECK_OUTPUT
for name, wrong, right in [
    ("sources.csv", ",anonymus,", ",anonymous,"),
    ("reports.csv", "13/02/2018", "2018-02-13"),
    ("citations.csv", ",two_russian,", ",two_russians,"),
]:
    (work / name).write_text((work / name).read_text(encoding="utf-8").replace(wrong, right), encoding="utf-8")
case, problems, warnings = kit.check_case(work)
print(len(problems), "problems")
print(summary_line(case))

# %% [markdown]
# ## Use it
#
# The case now answers the kit's questions. The claim rests on **1** origin, **1** hop away: the unnamed Russians, whom it cites
# directly.

# %%
# NBVAL_CHECK_OUTPUT
print(kit.origins(case, "bloomberg-more-than-200").to_string(index=False))

# %% [markdown]
# ## Optional: case.toml and story.csv
#
# `case.toml` holds the case's `title`, `question`, `summary`, `language` and `license`. `story.csv` gives the
# StoryStepper numbered steps (`step, date, title, text`); while it has no rows, the stepper makes one step per
# publication day.

# %%
# NBVAL_CHECK_OUTPUT
(work / "case.toml").write_text(
    'title = "My first case"\nquestion = "How many Russians were killed on 7 February 2018?"\n', encoding="utf-8"
)
with open(work / "story.csv", "a", encoding="utf-8") as f:
    f.write('1,2018-02-13,Bloomberg: more than 200,"Two unnamed Russians speak to Bloomberg."\n')
case = kit.load_case(work)
print(case.title)
story = kit.story.load_story(case)
print(story.assign(date=story["date"].dt.strftime("%Y-%m-%d"))[["step", "date", "title"]].to_string(index=False))

# %% [markdown]
# ## Next
#
# Keep the folder (`work` above) somewhere safe — for example copy it to `data/my-case` — add rows as you read,
# and check it from the command line at any time:
#
# ```
# python -m kit check data/my-case
# ```
#
# Then trace its claims in `02_trace_a_claim.ipynb` (set `case_path`) and step through its story with
# `kit.widgets.StoryStepper`. The full format is in `docs/case-format.md`.
