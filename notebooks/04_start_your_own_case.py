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
# # Start your own case: from a story's coverage
#
# A case is a folder of small tables you can keep in any spreadsheet: who can be the origin of a claim
# (`sources.csv`), what was published (`reports.csv`), what each report asserts (`claims.csv`) and on whose word
# (`citations.csv`). Typing them by hand is the slow part. A reporter rarely starts from one article: they collect
# a story's **coverage**, a wire story, its copies, the outlets that cite it. `kit draft` reads all of it and proposes
# **one first draft** of the four tables, for you to correct: every claim's `text` and every citation's `evidence` is
# an article's own words, and every guess carries a note that starts `draft: check`. It is never a finished case.
#
# The coverage here is `data/coverage/ludian-earthquake`: five articles on the earthquake in Ludian county, Yunnan,
# China, in August 2014 (Xinhua's story as CNTV and China Daily printed it, a blog's copy of the Associated Press',
# AFP's as AsiaOne printed it, and Deutsche Welle's). Its README gives each article's url, title, outlet and date.
# The details of the draft are in `docs/draft.md`; the columns in `docs/case-format.md`.
#
# Parameters: `articles` is a folder of articles as `.txt` files (`kit draft` also reads `.md` and saved `.html`
# pages); `published` is the date of the articles whose file gives none (ISO 8601); `work_dir` is the folder you want
# your case in (left empty, a temporary folder is used).

# %% tags=["parameters"]
articles = "../data/coverage/ludian-earthquake"
published = "2014-08-04"
work_dir = ""

# %%
import pathlib
import shutil
import tempfile

import pandas as pd

import kit
import kit.widgets

files = sorted(pathlib.Path(kit.testing.bundled.shipped(articles)).glob("*.txt"))
work = pathlib.Path(work_dir or tempfile.mkdtemp(prefix="kit-")) / "my-case"
kit.draft.write_coverage(files, work, published=published)
print([f.name for f in files], "->", sorted(p.name for p in work.iterdir()))

# %% [markdown]
# `kit draft` never writes into an existing case: `work` must be new or empty. From a terminal the same is
# `python -m kit draft data/coverage/ludian-earthquake/*.txt OUT_DIR --published 2014-08-04` (the articles' files,
# or a folder holding only articles: the `README.md` beside these would be read as one).
#
# ## Check it
#
# The draft loads as a case: no problems, no warnings. The `notes` columns the draft adds to `claims.csv` and
# `citations.csv` for its `draft: check` notes are columns the kit writes itself: it keeps them as text and does not
# warn about them (any other column the case format does not have is a warning).

# %%
# NBVAL_CHECK_OUTPUT
case, problems, warnings = kit.check_case(work)
print(len(problems), "problems")
for w in warnings:
    print(f"{pathlib.Path(w.file).name}:{w.line}: {w.column}: {w.message}")
print(kit.analysis.findings.summary_line(case))

# %% [markdown]
# ## One report per article
#
# Each article is one report, by its publisher. A `.txt` file names no publisher, so the draft takes it from the
# file's name (`xinhua.txt` is Xinhua) and says so in the report's notes; a saved `.html` page would give its site
# name. The reports the articles quote ("Xinhua reported", "told Xinhua") are reports too, by the outlet quoted. The
# `.txt` files give no date either, so every report has `published`, the date given above. (Each article's title
# is its file's first line, which you check against the README.)

# %%
# NBVAL_CHECK_OUTPUT
reports_as_drafted = case.reports.assign(published=case.reports["published"].dt.date)
print(reports_as_drafted[["report_id", "source_id", "published"]].to_string(index=False))

# %% [markdown]
# ## Sources merged across articles
#
# A speaker quoted in several articles is **one** source: the draft merges sources by entity, so "China's official
# Xinhua News Agency", "the official news agency Xinhua" and "the news agency" are all `xinhua`. (Unnamed speakers,
# "officials" or "rescuers", are never merged across articles: two articles' officials need not be the same.) The
# sources cited in more than one article, each with the articles that cite it (the file whose text holds the
# citation's evidence):

# %%
# NBVAL_CHECK_OUTPUT
texts = {f.name: f.read_text(encoding="utf-8") for f in files}
evidence = case.citations["evidence"]
cited_in = case.citations.assign(article=[next(n for n, t in texts.items() if e in t) for e in evidence])
shared = cited_in.groupby("cites")["article"].unique().map(sorted)
shared = shared[shared.map(len) > 1]
print(case.sources.set_index("source_id").loc[shared.index, ["name", "kind"]].assign(articles=shared).to_string())
print(len(case.sources), "sources in all")

# %% [markdown]
# ## A citation of an outlet, linked to its claim in the set
#
# AP's story says "Xinhua said there are 181 missing". Xinhua's own article is in the set, so the draft does not stop
# at "AP cites Xinhua": it points the citation at the claim in Xinhua's article that carries the same statement (the
# same words, or the same figure of the same thing counted). Where Xinhua's article had no claim there yet, the draft
# made one from Xinhua's own words, and its note says so. Each linked citation, what it says and the claim it now
# rests on:

# %%
# NBVAL_CHECK_OUTPUT
text = case.claims.set_index("claim_id")["text"]
linked = case.citations[case.citations["notes"].fillna("").str.contains("linked to")]
for claim_id, cites in linked[["claim_id", "cites"]].itertuples(index=False):
    print(f"{claim_id}: {text[claim_id]}\n  relies on {cites}: {text[cites]}")

# %% [markdown]
# The other citations of Xinhua still point at Xinhua the source, and their notes say to point each at the claim in
# a Xinhua report it rests on. The claims that cite Xinhua itself (their text cut to 90 characters):

# %%
# NBVAL_CHECK_OUTPUT
unlinked = case.citations[case.citations["cites"] == "xinhua"]["claim_id"]
print("\n".join(f"{c}: {text[c][:90]}" for c in unlinked))

# %% [markdown]
# Some rest on Xinhua reports that are not in the set (its later death toll, its count for Qiaojia county). Three
# state what Xinhua's article states too. AP's "At least 122 of the dead were in Ludian" is Xinhua's "122 residents
# had been killed" (`xinhua-article-2`, below): the draft links a citation only on the same words or the same figure
# of the same thing counted, and "at least 122" is not the same figure as "122". AP's and Deutsche Welle's 12,000
# homes are in a sentence of Xinhua's article that names no speaker, so the draft made no claim of it. Point these
# three at Xinhua's claims yourself (making the one for the homes).
#
# ## Propositions by what they count
#
# Claims with a figure are grouped across articles by what the figure counts (`killed`, `wounded`, `missing`, …;
# `figure` when the draft cannot tell), so the analyses work on the draft at once. A claim without a figure gets a
# proposition of its own, until you group them. Claims per proposition:

# %%
# NBVAL_CHECK_OUTPUT
counted = case.claims["low"].notna() | case.claims["high"].notna()
print(case.claims[counted]["proposition"].value_counts().to_string())
print(f"{(~counted).sum()} claims without a figure, each its own proposition")

# %% [markdown]
# ## What you must check
#
# Every row the draft is unsure of says so in its `notes`: what to check and why (the kind of a source, whose words a
# quotation is, who "she" or "the news agency" is, a date, a figure's bounds). How many rows of each table carry a
# `draft: check` note:

# %%
# NBVAL_CHECK_OUTPUT
tables = {name: getattr(case, name) for name in ["sources", "reports", "claims", "citations"]}
notes = pd.concat({name: table["notes"].fillna("") for name, table in tables.items()}, names=["table", "row"])
print(notes.str.contains("draft: check").groupby(level="table").agg(rows_to_check="sum", rows="size").to_string())

# %% [markdown]
# ## Correct the dates
#
# `kit audit` and `kit.drift` read the reports in time order, so the dates matter. The folder's README gives each
# article's own date (the blog's copy of AP gives only its month, `2014-08`). We write them into `reports.csv` (in a
# spreadsheet you would edit the cells) and check again. The reports the articles quote keep the date of the article
# quoting them, with a note to check it.

# %%
# NBVAL_CHECK_OUTPUT
dates = {
    "xinhua-article": "2014-08-04",
    "china-daily-article": "2014-08-03",
    "ap-article": "2014-08",
    "afp-article": "2014-08-04",
    "dw-article": "2014-08-03",
}
reports = pd.read_csv(work / "reports.csv", dtype=str, keep_default_na=False)
reports["published"] = reports["report_id"].map(dates).fillna(reports["published"])
reports.to_csv(work / "reports.csv", index=False)
dated, dated_problems, _warnings = kit.check_case(work)
print(len(dated_problems), "problems")
own = dated.reports.set_index("report_id").loc[list(dates), ["published", "published_latest"]]
print(own.map(pd.Timestamp.date).to_string())

# %% [markdown]
# ## How many origins: `independence`
#
# For each claim of a proposition, `kit.independence` follows the citations back to the sources nothing further
# back is cited for: its origins. The claims of the dead (their text cut to 50 characters):

# %%
# NBVAL_CHECK_OUTPUT
ind = kit.independence(dated, "killed").join(dated.claims.set_index("claim_id")["text"].str.slice(0, 50))
print(ind[["source_id", "n_origins", "origins", "text"]].to_string())
relayed = ind[(ind["source_id"] != "xinhua") & ind["origins"].isin([("xinhua",)])]
print(f"{len(relayed)} claims of other outlets rest on Xinhua alone: {', '.join(relayed.index)}")

# %% [markdown]
# AP's and AFP's tolls of the dead rest on Xinhua alone; Xinhua's own figures rest on the local government and the
# local officials it quotes (its headline cites no one, so Xinhua is its own origin). Read so, the coverage's many
# outlets are fewer voices. The table shows a mistake to correct, too: two of Deutsche Welle's claims
# (`dw-article-4`, `dw-article-5`) count the dead of earlier earthquakes, which "state media" recalled. They are not
# this story's toll: give them a proposition of their own in `claims.csv`.
#
# ## What changed along a citation: `drift`
#
# `kit.drift` compares each citing claim with the claim it rests on and flags what changed. On a draft its flags
# are first of all checks of the draft. The flags on the draft's claims (all propositions with a figure), then the
# figures of the claims on both sides:

# %%
# NBVAL_CHECK_OUTPUT
flags = ["question_changed", "inflated", "scope_changed", "measure_changed", "hardened"]
drifted = pd.concat([kit.drift(dated, p) for p in dated.claims[counted]["proposition"].unique()], ignore_index=True)
print(drifted[["claim_id", "cites", *flags]].to_string(index=False))
sides = dated.claims.set_index("claim_id").loc[[*drifted["claim_id"], *drifted["cites"]]]
print(sides[["low", "high", "measure", "proposition"]].to_string())

# %% [markdown]
# Both flagged citations are the linked ones above, and both flags come from the claims the draft made from Xinhua's
# words: each took its sentence's first figure (175 dead in the headline "At least 175 dead, 181 missing", 122 dead in
# the Ludian sentence), while AP's claims count the missing (181) and the injured (1,300). Correct the made claims'
# figures, measures and propositions in `claims.csv` (181 missing; 1,300 injured) and run `drift` again: what it
# flags then is what changed between the outlets.
#
# ## Undeclared dependence: `kit audit`
#
# `kit audit` looks for what the citations do not say: a claim that shares a run of rare words with an earlier claim
# of another publisher that it does not cite (`docs/audit.md`).

# %%
# NBVAL_CHECK_OUTPUT
suspected = kit.audit(dated)
print(f"{len(suspected)} suspected pairs at the default threshold (0.5)")
weakest = kit.audit(dated, min_score=0.0)
print(f"{len(weakest)} at any score:")
print(weakest[["claim_id", "cites", "signal", "score", "evidence"]].round(2).to_string(index=False))

# %% [markdown]
# `kit audit` proposes no pair, at any score. Before it told shared quotations apart (issue 22) it proposed two: AP's
# Ma Liya quotation resting on China Daily's, and AFP's Chen Guoyong quotation on China Daily's. Both are words the
# outlets put in quotation marks and give to the same official, and the draft already has each claim resting on that
# official: two outlets quoting one speaker both rest on the speaker, not one on the other, so the audit no longer
# lists them (docs/audit.md). What is left for you is what the draft could not know: the China Daily page *is*
# Xinhua's story (correct its publisher), and AP says Ma Liya "told Xinhua". When the audit does propose pairs, review
# them in the widget below (Accept adds a citation to the case folder, Reject remembers the pair, Later keeps it for
# this session), or add every pair listed to `citations.csv` with basis `suspected` by
# `python -m kit audit OUT --write`.

# %% tags=["nbval-ignore-output"]
kit.widgets.AuditReview(work)

# %% [markdown]
# ## The review at work: coverage that copied
#
# The Ludian coverage leaves the review nothing to do. `data/coverage/notre-dame-fire-2019` is coverage that did
# copy: ten outlets' articles on the Notre-Dame fire of 15 April 2019, every sentence a claim, no citation declared,
# and the reuse read by hand in its `reuse.csv` (copied prose, rewritten sentences, shared quotations, stock
# phrases; its README gives every page's url). Here is what the audit proposes, beside that hand annotation:

# %%
# NBVAL_CHECK_OUTPUT
notre_dame = pathlib.Path(tempfile.mkdtemp(prefix="kit-")) / "notre-dame"
shutil.copytree(kit.testing.bundled.shipped("../data/coverage/notre-dame-fire-2019"), notre_dame)
proposed = kit.audit(kit.load_case(notre_dame))
by_hand = pd.read_csv(notre_dame / "reuse.csv", dtype=str, keep_default_na=False)
kinds = {frozenset((a, b)): k for a, b, k in by_hand[["claim_id", "other", "kind"]].itertuples(index=False)}
pairs = proposed[["claim_id", "cites"]].itertuples(index=False)
proposed = proposed.assign(by_hand=[kinds.get(frozenset(p), "-") for p in pairs])
print(f"{len(proposed)} pairs proposed; by hand: {proposed['by_hand'].value_counts().to_dict()}")
print(f"copied prose annotated by hand: {(by_hand['kind'] == 'copied_prose').sum()}")
print(proposed[["claim_id", "cites", "score", "by_hand"]].round(2).to_string(index=False))

# %% [markdown]
# Every pair the audit proposes is one the annotation calls copied prose, and none is a shared quotation. Read the
# direction too: the audit takes the earlier publication as the one copied, and Business Standard's page gives only
# its day, which the case format reads as 00:00 UTC (`docs/case-format.md`), before CNN's entry of 00:16 UTC; the
# annotation has it the other way round (IANS's story, printed by Business Standard, reused CNN's live page). Before
# you Accept such a pair, check which came first: Reject it, and write the citation the right way in
# `citations.csv`. AsiaOne's and Al Arabiya's pages carry the same sentences, dated the same day, and neither names
# where they come from (their reports' `notes` say so): the audit puts AsiaOne first only by the table's order. That
# the two share a text is sure; who took it from whom is not, and a common origin they both printed, such as a news
# agency's story, is as likely.

# %% tags=["nbval-ignore-output"]
kit.widgets.AuditReview(notre_dame)

# %% [markdown]
# ## Next
#
# Keep the folder (`work` above) somewhere safe — for example copy it to `data/my-case` — go through every
# `draft: check` note, add what the draft missed, and check it from the command line at any time:
#
# ```
# python -m kit check data/my-case
# ```
#
# From **one article**, `python -m kit draft ARTICLE OUT_DIR --publisher P --published DATE` drafts a case the same
# way; `docs/draft.md` measures such a draft of the Deir ez-Zor seed article against `data/deir-ez-zor`, the case
# built by hand from it (`kit.draft.compare`). Without an article to start from, copy the blank case in
# `data/template/` (header-only tables and a `case.toml` to fill in) and type the rows yourself. Then trace the
# case's claims in `02_trace_a_claim.ipynb` (set `case_path`) and step through its story with
# `kit.widgets.StoryStepper`.
