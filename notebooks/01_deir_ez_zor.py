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
# # Deir ez-Zor, 7 February 2018: on whose word did "more than 200 Russians killed" stand?
#
# On 12 February 2018 Reuters reported that **at least two** Russian men fighting informally with
# pro-government forces had been killed in clashes with US-backed forces in Deir ez-Zor province, Syria.
# On 13 February The Daily Beast wrote that **US forces killed more than 200 Russian fighters**.
#
# This notebook follows that figure, claim by claim, through the case in `data/deir-ez-zor/`, built only
# from one article that tracked the story (every claim quotes it; see `data/README.md`). It asks three
# questions a verification desk would ask:
#
# 1. How did the figure move, and who moved it?
# 2. Which origins does each version finally rest on, and how many of them are independent?
# 3. Where did a figure change its meaning on the way: inflated, its subject narrowed or widened, its
#    certainty hardened?

# %%
import kit
import kit.show

case = kit.load_case("../data/deir-ez-zor")
case

# %% [markdown]
# ## 1. The figure over time
#
# Each row is one claim about *how many Russians were killed on 7 February*, in order of publication.
# `low`/`high` is the figure as a range: "at least two" is low 2 with no upper bound; "more than 200" is low 201.
# Where the article gives no exact date for a report, the case uses the earliest date the article allows
# (7 February, the day of the clashes) and says so in `reports.csv`.

# %%
# NBVAL_CHECK_OUTPUT
timeline = kit.timeline(case, "russians_killed_feb7")
print(timeline[["published", "outlet", "low", "high", "certainty", "n_origins"]]
      .assign(published=timeline["published"].dt.strftime("%d %b"))
      .to_string(index=False))

# %%
kit.show.plot_timeline(case, "russians_killed_feb7");

# %% [markdown]
# Read down the table: the count starts at **2** (Reuters, 12 February), and AFP relays the Conflict
# Intelligence Team's "at least three other Russians". A member of the Cossack community speaks of "dozens";
# unnamed "other media" spread "dozens or hundreds". On 13 February Bloomberg reports **more than 200** — and the
# same day The Daily Beast repeats it twice.
#
# ## 2. On whose word?
#
# `kit.origins` follows each claim's citations (`relies_on`, `corroborates`; never `disputes`) down to the sources
# it finally rests on. Here is The Daily Beast's headline claim:

# %%
# NBVAL_CHECK_OUTPUT
print(kit.origins(case, "daily-beast-200-russian-fighters").to_string(index=False))

# %% [markdown]
# Two hops down: The Daily Beast relied on Bloomberg, and Bloomberg on **two unnamed Russians** — an anonymous
# source whose reliability cannot be judged (grade F). The whole chain, as `python -m kit trace` prints it:

# %%
from kit.trace import trace_text

print(trace_text(case, "daily-beast-200-russian-fighters"))

# %% [markdown]
# The citation graph of the story: claims (circles) from left to right in order of publication, coloured by
# the kind of outlet that published them; the sources they rest on (squares) on the left. Sources that cannot be
# checked — anonymous people, social-media posts — have a red outline. Dashed edges are *corroborations*, red
# edges *disputes*, dotted grey edges a claim resting on its own outlet's reporting.

# %%
kit.show.plot_citation_graph(case, "russians_killed_feb7");

# %% [markdown]
# ## 3. Cited versus independent
#
# For every claim: how many items it cites (`n_cited`), how many distinct origin sources those finally come
# down to (`n_origins`), and `echo` — true where a claim cites two or more supports that share an origin
# (apparent corroboration that is not independent).

# %%
# NBVAL_CHECK_OUTPUT
table = kit.independence(case, "russians_killed_feb7")
print(table[["source_id", "n_cited", "n_origins", "echo", "origins"]].to_string())

# %% [markdown]
# Every version of "200" — Bloomberg's, both of The Daily Beast's, and the seed article's own "up to 200" — rests
# on **one** origin: the two unnamed Russians who spoke to Bloomberg. Repetition by more outlets added no
# independent source.
#
# `kit.provenance` gives the same answer for every claim of the case at once. Counting the claims about the
# death toll of Russians by the number of independent origins they rest on:

# %%
# NBVAL_CHECK_OUTPUT
prov = kit.provenance(case)
deaths = prov.loc[kit.independence(case, "russians_killed_feb7").index]
rest_on_200 = deaths[deaths["origins"] == ("bloomberg_two_russians",)]
print("claims about Russians killed on 7 Feb:", len(deaths))
print("  of which rest only on Bloomberg's two unnamed Russians:", len(rest_on_200))
print("  distinct origins behind all of them:", len(set().union(*deaths["origins"])))

# %% [markdown]
# ## 4. Where the figure changed its meaning
#
# `kit.drift` looks at every claim that rests on another claim about the same thing and flags what changed:
# the number went up (`inflated`), the people counted changed (`scope_changed`, e.g. "contract soldiers, mostly
# Russians" became "Russian fighters"), what was counted changed (`measure_changed`, e.g. casualties read as
# dead), or the certainty hardened (an allegation repeated as fact).

# %%
# NBVAL_CHECK_OUTPUT
print(kit.drift(case, "russians_killed_feb7").to_string(index=False))

# %% [markdown]
# The Daily Beast turned Bloomberg's "more than 200 contract soldiers, mostly Russians … two of the Russians
# said" into "US forces killed more than 200 Russian fighters": the subject narrowed to Russians and an
# allegation became an assertion.
#
# ## 5. The US estimate was about someone else
#
# The one official figure in the story is a US estimate of about 100 dead — but of *pro-regime* forces, not of
# Russians, and Bloomberg's US official gave 200 to 300 *injured*, not dead. These are separate propositions in
# the case, so they never silently count as support for the Russian death toll:

# %%
# NBVAL_CHECK_OUTPUT
for proposition in ["progov_killed_feb7", "progov_wounded_feb7"]:
    t = kit.timeline(case, proposition).merge(case.claims[["claim_id", "subject", "measure"]], on="claim_id")
    print(t[["outlet", "low", "high", "subject", "measure", "certainty"]].to_string(index=False), end="\n\n")

# %% [markdown]
# ## 6. Did reporting go in a circle?
#
# The article describes a *feedback loop*: rumours led reporters to local communities who had heard "dozens",
# which were then "confirmed" by Facebook posts and by the coalition's estimate. `kit.circular` finds loops where
# claims cite each other in a circle. The article names no outlet in that loop and shows no report citing a
# later one, so the case records the "confirmations" as corroborations, not as a loop:

# %%
# NBVAL_CHECK_OUTPUT
print(kit.circular(case))

# %% [markdown]
# ## 7. Step through the story
#
# The story as it unfolded, one step at a time: press **Next** (or drag the date slider, or **Play**). Each step shows
# the citation graph as it stood that day — the newest claim ringed in black — the figure over time with the day
# marked in red, the claims so far with their independent origins, echo and drift flags, and what the seed article
# says about that moment (`data/deir-ez-zor/story.csv`).

# %% tags=["nbval-ignore-output"]
import kit.widgets

kit.widgets.StoryStepper(case, "russians_killed_feb7")

# %% [markdown]
# ## What this adds up to
#
# "More than 200 Russians killed" rests on one anonymous origin, reached through Bloomberg; the earlier, smaller
# figures rest on other, equally thin origins (unnamed associates, one community member, a monitoring group, a
# Facebook post). Only repetition made the large figure look confirmed. To check a claim yourself,
# run `python -m kit trace data/deir-ez-zor <claim_id>` on any claim here.
