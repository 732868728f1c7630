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
# # Deir ez-Zor, 7 February: on whose word did "more than 200 Russians killed" stand?
#
# On 12 February Reuters reported that **at least two** Russian men fighting informally with pro-government forces
# had been killed in clashes with the US-led coalition and US-backed forces in Deir ez-Zor province, Syria. On
# 13 February Bloomberg reported **more than 200** dead, "mostly Russians", and The Daily Beast wrote that **US forces
# killed more than 200 Russian fighters**. (The year is 2018: that is general knowledge, the article never names it.)
#
# This notebook follows that figure through the case in `data/deir-ez-zor/`, built only from one article that
# tracked the story (every row quotes it; every reading of it is argued in the rows' `notes`, see `data/README.md`).
# The article's point is *circular confirmation*: such accounts, it says, "tend to create a feedback loop".

# %%
import pandas as pd
from IPython.display import display

import kit
import kit.graphview
import kit.show
import kit.text.tables
import kit.widgets
from kit.analysis.feedback import outlet_loops
from kit.publish.words import graph_alt, timeline_alt
from kit.testing.bundled import shipped
from kit.text.story import load_story
from kit.text.style import drift_words
from kit.text.trace_text import trace_text

case = kit.load_case(shipped("../data/deir-ez-zor"))
P = "russians_killed_feb7"  # the question: how many Russians were killed on 7 February?
case

# %% [markdown]
# ## 1. The story, as the article tells it
#
# The article tells the story in 8 steps, each a row of `data/deir-ez-zor/story.csv` quoting it and naming the
# claims it adds: Reuters' two dead, AFP's "three other Russians", a Cossack's "dozens", rumours online, Bloomberg's
# "more than 200", The Daily Beast's version of it, then the article's own questions, with its account of the
# feedback loop, and a December report on earlier tolls.

# %%
# NBVAL_CHECK_OUTPUT
story = load_story(case)
names = kit.text.tables.claim_names(case)  # each claim by its outlet and figure, or its first words
print(len(story), "steps:")
for step in story.itertuples():
    print(f"{step.step}. {step.title}")
    for claim in step.claims:
        print("     ", names[claim])

# %% [markdown]
# The sections below ask the questions a verification desk would ask, one at a time, and the last section steps
# through the story again with the answers in hand: the stepper shows, at each step, the citation graph as it stood
# then, the figure over time, and what changed.

# %% [markdown]
# ## 2. The figure over time
#
# Each row is one claim about *how many Russians were killed on 7 February*, in order of publication.
# `low`/`high` is the figure as a range: "at least two" is low 2 with no upper bound; "more than 200" is low 201; the
# article's own "up to 200" has no low and high 200. The article dates only Reuters' and Bloomberg's reports. Every
# other report has the interval of dates the article's text allows, shown as that interval ("7–13 Feb 2018"), and
# `reports.csv` says why: the Conflict Intelligence Team counts "at least three *other* Russians" who "*also* died",
# so its count comes after Reuters' two.

# %%
# NBVAL_CHECK_OUTPUT
timeline = kit.timeline(case, P)
display(kit.text.tables.Table(timeline[["published", "published_latest", "outlet", "low", "high", "certainty"]], case))
counts = timeline.dropna(subset=["low"])  # the rows that give a lower bound
print("\nlower bounds in time order:", [f"{o} {int(v)}" for o, v in zip(counts["outlet"], counts["low"], strict=True)])
print("they never fall:", counts["low"].is_monotonic_increasing)
last = timeline.iloc[-1]
print(f"the last row: {names[last['claim_id']]} (low {last['low']}, high {last['high']}), a ceiling, not a count")

# %%
kit.show.Described(kit.show.plot_timeline(case, P), timeline_alt(case, P))  # the picture, with its words as alt text

# %% [markdown]
# The lower bounds rise from **2** (Reuters, 12 February) through the Conflict Intelligence Team's "at least three
# other Russians", relayed by AFP, to **201** (Bloomberg, 13 February), and The Daily Beast repeats it; the last row,
# the article's own "up to 200", bounds the figure from above. The rows at the top have no figure and no date in the
# article: rumours, posts, hearsay and the media's "confirmations", which its text places anywhere from 7 to 13 or
# 28 February, so they sort first by their earliest possible day.
#
# ## 3. On whose word?
#
# `kit.origins` follows each claim's citations (`relies_on`, `corroborates`; never `disputes`) down to the sources
# it finally rests on. Every analysis takes `follow=`: the bases of citation to follow. `("stated",)` follows what the
# reports themselves say; the default, `("stated", "inferred")`, also what the article argues. Here is The Daily
# Beast's headline claim both ways:

# %%
# NBVAL_CHECK_OUTPUT
columns = ["name", "kind", "reliability", "hops"]
print("on what the reports state:")
display(kit.text.tables.Table(kit.origins(case, "daily-beast-200-russian-fighters", follow=("stated",))[columns]))
print("as the article reads them:")
display(kit.text.tables.Table(kit.origins(case, "daily-beast-200-russian-fighters")[columns]))

# %% [markdown]
# On what the reports state, one origin, 2 hops down: The Daily Beast relied on Bloomberg, and Bloomberg on **two
# unnamed Russians**, an anonymous source whose reliability cannot be judged (grade F). As the article reads it, a
# second: Bloomberg printed a US official's estimate of "about 100" dead beside its 200, the article's "confirm" by an
# estimate (section 7). The whole chain, as `python -m kit trace` prints it:

# %%
# NBVAL_CHECK_OUTPUT
print(trace_text(case, "daily-beast-200-russian-fighters"))

# %% [markdown]
# The citation graph of the story: claims (circles) from left to right in order of publication, coloured by
# the kind of outlet that published them; the sources they rest on (squares) on the left. Sources that cannot be
# checked (anonymous people, social-media posts) have a red outline. Dashed edges are *corroborations*, red
# edges *disputes*, dotted grey edges a claim resting on its own outlet's reporting.

# %%
kit.show.Described(kit.show.plot_citation_graph(case, P), graph_alt(case, P))

# %% [markdown]
# The same graph to explore (the published page has the same view): hover or Tab to a claim for its words, click or
# press Enter to trace it to its origins, and trace a source to ask "what if it is discredited?".

# %% tags=["nbval-ignore-output"]
kit.graphview.GraphView(case, P)

# %% [markdown]
# ## 4. Cited versus independent
#
# For every claim: how many items it cites (`n_cited`), how many distinct origin sources those finally come
# down to (`n_origins`), and `echo`: yes where a claim cites two or more supports that share an origin
# (apparent corroboration that is not independent).

# %%
# NBVAL_CHECK_OUTPUT
table = kit.independence(case, P)
said = kit.independence(case, P, follow=("stated",))
kit.text.tables.Table(table[["n_cited", "n_origins", "echo", "origins"]], case)  # claims and origins by name

# %%
# NBVAL_CHECK_OUTPUT
source = case.sources.set_index("source_id")["name"]  # sources by name
rest_on_200 = said[said["origins"] == ("bloomberg_two_russians",)]
print("claims about Russians killed on 7 Feb:", len(table))
print("  of which rest only on Bloomberg's two unnamed Russians, on what the reports state:", len(rest_on_200))
for claim in rest_on_200.index:
    print("    " + names[claim], "| as the article reads it:", ", ".join(source[list(table.at[claim, "origins"])]))
print("  distinct origins behind all of them:", len(set().union(*table["origins"])))
print("  marked echo:", [names[c] for c in table.index[table["echo"]]])

# %% [markdown]
# Every version of "200" (Bloomberg's, both of The Daily Beast's, and the article's own "up to 200") rests, on what
# the reports state, on **one** origin: the two unnamed Russians who spoke to Bloomberg. Repetition by more outlets
# added no independent source; read as the article reads them, each adds only the US official's estimate, which is
# about other people (section 7). The one claim marked `echo` is the media's "confirmation" by the coalition's
# estimate: the "several accounts" it relies on share their origin (section 6 shows why).
#
# ## 5. Where the figure changed its meaning
#
# `kit.drift` looks at every claim about Russians killed that rests on another claim, and flags what changed:
# the cited claim answers another question (`question_changed`), the number went up (`inflated`), the people counted
# changed (`scope_changed`, e.g. "contract soldiers, mostly Russians" became "Russian fighters"), what was counted
# changed (`measure_changed`, e.g. casualties read as dead), or the certainty hardened (an allegation repeated as
# fact); the table says each flag in words. `basis` says whether the report states the link or the article only
# implies it.

# %%
# NBVAL_CHECK_OUTPUT
drift = kit.drift(case, P)
kit.text.tables.Table(drift, case)

# %% [markdown]
# The Daily Beast turned Bloomberg's "more than 200 contract soldiers, mostly Russians … two of the Russians
# said" into "US forces killed more than 200 Russian fighters": the subject narrowed to Russians and an
# allegation became an assertion. The first rows belong to the feedback loop. On its first link the figure rises
# from the rumours' "several" to the communities' "dozens", but neither word is a number, so `inflated` cannot say
# so: the row is there for a reader to see.
#
# ## 6. The feedback loop
#
# The article: "The rumors of several killed led to contacts with local Russian communities who intimated that they
# had heard “dozens” were killed. These were then “confirmed” by examining Facebook posts. […] Nevertheless, relying
# on several accounts the media then tended to “confirm” them by relying on the coalition estimate of “100 killed.”"
#
# Each step comes after the one before, so the case records the media's confirmations as later claims that rest on
# the communities' "dozens" (stated). The article does not say from whom the communities "had heard" it; a feedback
# loop it is only if they had heard it from the media's own rumours, so that one citation has basis `inferred`.
# `kit.circular` looks for claims that cite each other in a circle, and there are none here: no claim cites a later
# one. The circle is between outlets, and `outlet_loops` finds it:

# %%
# NBVAL_CHECK_OUTPUT
print("loops of claims (kit.circular):", len(kit.circular(case)))
loops = outlet_loops(case)
print("loops between outlets, as the article reads them:", loops["loop"].nunique())
for row in loops.itertuples():
    print(f"  {names[row.claim_id]}\n      rests on {names[row.cites]} ({row.basis})")
print("loops between outlets, on what the reports state:", outlet_loops(case, follow=("stated",))["loop"].nunique())

# %% [markdown]
# Drawn as a loop: the other media's claims rest on the communities, and the communities' "dozens" rest, as the
# article reads them, on the media's rumours of several killed. Go round once and the media's "confirmation" is back
# at the media's own rumour.

# %%
kit.show.Described(
    kit.show.plot_outlet_loop(case),
    "A loop between outlets, drawn going round: "
    + "; ".join(f"{names[row.claim_id]} rests on {names[row.cites]}" for row in loops.itertuples()),
)

# %% [markdown]
# The media's last "confirmation", traced down to its origins: the media's own rumour is one of them.

# %%
# NBVAL_CHECK_OUTPUT
print(trace_text(case, "media-confirmed-coalition"))

# %% [markdown]
# ## 7. The same question, two readings; support from another question
#
# Asked on stated links only ("what do the reports themselves say?") beside stated + inferred ("what the article
# argues"), the independent origins of each claim about Russians killed:

# %%
# NBVAL_CHECK_OUTPUT
side = pd.DataFrame({"reports say": said["n_origins"], "article argues": table["n_origins"]})
display(kit.text.tables.Table(side, case))
changed = said.index[said["origins"] != table["origins"]]  # a claim whose origins differ, in number or in name
for claim in changed:
    print(
        f"{names[claim]}:\n  reports say:    {', '.join(source[list(said.at[claim, 'origins'])])}"
        f"\n  article argues: {', '.join(source[list(table.at[claim, 'origins'])])}"
    )

# %% [markdown]
# Taken at their word, the media's first "confirmation" rests on 2 origins, the communities and the Facebook posts;
# as the article reads it, the communities only repeat the media's rumour, and the media themselves take their place.
# The 200 gains a second origin in the article's reading, and so does the media's last confirmation: more origins
# is not better sourced when they answer another question. `kit.drift` follows a citation to a claim of *another*
# proposition and flags it `question_changed`:

# %%
# NBVAL_CHECK_OUTPUT
cited = case.claims.set_index("claim_id")
flagged = drift[drift["question_changed"] | drift["measure_changed"]]
for row in flagged.itertuples(index=False):
    c = cited.loc[row.cites]
    print(
        f"{names[row.claim_id]} {row.relation.replace('_', ' ')} {names[row.cites]}: "
        f"{drift_words(row._asdict())}\n  the cited claim answers {c['proposition']!r}, counts "
        f"{c['measure']!r} of {c['subject'] if pd.notna(c['subject']) else 'no one named'}: “{c['text']}”"
    )

# %% [markdown]
# The coalition's "100 killed" was about "pro-regime" groups, not Russians: the article says so ("the coalition
# didn't say it was “Russians” but “pro-regime” groups"). The Facebook posts "indicate casualties, which included
# injured": a count of casualties read as a count of dead. Bloomberg's US official gave "about 100" dead and 200 to
# 300 *injured*, without saying whose; whether his is the coalition's estimate the article does not say. The case
# files both on the question of pro-government dead, the official's by a reading its notes state:

# %%
# NBVAL_CHECK_OUTPUT
for proposition in ["progov_killed_feb7", "progov_wounded_feb7"]:
    t = kit.timeline(case, proposition).merge(case.claims[["claim_id", "subject", "measure"]], on="claim_id")
    display(kit.text.tables.Table(t[["outlet", "low", "high", "subject", "measure", "certainty"]]))

# %% [markdown]
# ## 8. What the audit finds
#
# `kit.audit` looks for dependence the tables do not declare: claims of different publishers whose texts share a
# passage, a figure or an attribution, where no followed citation already explains it.

# %%
# NBVAL_CHECK_OUTPUT
print("suspected pairs at the default threshold:", len(kit.audit(case)))
print("suspected pairs at min_score=0.1:", len(kit.audit(case, min_score=0.1)))
print(f"claims: {len(case.claims)}, distinct texts: {case.claims['text'].nunique()}")

# %% [markdown]
# No suspected pair, even at a low threshold, and that is no clean bill of health: it means no two claims of
# different publishers share enough words, a figure or an attribution that no declared citation explains. Every
# claim's text in this case is the article's wording of what an outlet said (every claim has its own text), so words
# copied from one outlet to the next are mostly not in the case to be found. The dependences that are there were
# declared by hand from the article, and the ones it only implies are marked `inferred`.
#
# ## What this adds up to
#
# "More than 200 Russians killed" rests on one anonymous origin, reached through Bloomberg; read as the article reads
# it, also on an estimate of about 100 dead of unnamed people. The earlier, smaller figures rest on other single
# origins: Reuters' on unnamed associates of the dead (the case grades it credibility 2, probably true, because the
# article accepts it), the Cossack's "dozens" on one community member, the Conflict Intelligence Team's count on a
# monitoring group. The media's "confirmations" of "dozens" look the best sourced of all, but the loop shows why:
# followed as the article reads them, they come back to the media's own rumour, and what is left outside the circle is
# a count of casualties and an estimate about other people. To check a claim yourself, run
# `python -m kit trace data/deir-ez-zor <claim_id>` on any claim here.
#
# ## Step through the story
#
# The story once more, one step at a time, in the steps of `story.csv` (the published page shows the same steps,
# drawn by the same code). In a running notebook, move with **Next**, **Previous**, the slider, **Play** or the ← →
# keys. Each step shows the citation graph as it stood then (only the claims told so far and what they rest on, the
# new ones ringed, the newest in red; hover or Tab to a claim for its words, click or press Enter to trace it to its
# origins) beside the figure over time with the step's day marked, then what changed at that step and the claims
# so far.

# %% tags=["nbval-ignore-output"]
kit.widgets.StoryStepper(case, P)
