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
# # Trace a claim down to its origins
#
# Pick any claim of any case and follow it, hop by hop, to the sources it finally rests on. This notebook runs on
# a case it has never seen: set `case_path` and `claim_id` in the next cell, or run it with papermill:
#
# ```
# papermill notebooks/02_trace_a_claim.ipynb traced.ipynb -p case_path path/to/case -p claim_id some-claim
# ```
#
# (`case_path` is relative to `notebooks/`, or absolute. Leave `claim_id` empty to trace the claim that cites most.)

# %% tags=["parameters"]
case_path = "../data/deir-ez-zor"
claim_id = "media-confirmed-facebook"

# %%

import kit
import kit.show
import kit.widgets
from kit.testing.bundled import shipped
from kit.text.trace_text import trace_text

case = kit.load_case(shipped(case_path))
claim_id = claim_id or str(kit.provenance(case)["n_cited"].idxmax())
case

# %% [markdown]
# ## The claim and its chain of citations
#
# Each line below is one hop: the relation (`relies_on`, `corroborates`, `disputes`) and what is cited — another
# claim, or a source quoted directly. A claim that cites nobody rests on its own outlet's reporting.

# %%
# NBVAL_CHECK_OUTPUT
print(trace_text(case, claim_id))

# %% [markdown]
# ## Its origins
#
# `kit.origins` lists the sources the claim finally rests on, nearest first, with their reliability grade
# (A–F; F: cannot be judged) and how many hops away they are. For the Deir ez-Zor claim traced here by default —
# the unnamed media "confirming" the "dozens" killed by examining Facebook posts — there are **2** origins: a
# Facebook post with a list of names (2 hops, through what the posts indicate: casualties, not deaths; a
# social-media post, which cannot be checked), and the other media themselves (3 hops), through the local
# communities' "dozens", which the article implies the communities had heard from the media's own rumours: the
# media's confirmation comes back to the media.

# %%
# NBVAL_CHECK_OUTPUT
print(kit.origins(case, claim_id).to_string(index=False))

# %% [markdown]
# The lineage drawn as a tree, from the claim (left) to its origins (right). Solid arrows *rely on*, dashed arrows
# *corroborate*, red arrows *dispute*, dotted arrows lead to an outlet's own reporting; origins that cannot be
# checked (anonymous people, social-media posts) have a black outline (red would vanish on a red anonymous square);
# a hop where the figure or its meaning drifted is labelled in red.

# %%
# the picture, with the same tree in words as its alt text
kit.show.Described(kit.show.plot_lineage(case, claim_id), "The lineage drawn as a tree: " + trace_text(case, claim_id))
# %% [markdown]
# ## What if an origin is discredited?
#
# `kit.without(case, source_id)` lists the claims of the whole case that would lose every origin if that source
# were discredited. For the default claim, no origin alone brings it down: it has two. Discrediting the Facebook
# post takes **1** claim with it, what the posts indicate; discrediting the other media takes **3**: their two
# rumours and the communities' "dozens", which rest on them as the article reads it.

# %%
# NBVAL_CHECK_OUTPUT
for source_id in kit.origins(case, claim_id)["source_id"]:
    print(f"without {source_id}: {kit.without(case, source_id)}")

# %% [markdown]
# ## Explore: the claim tracer
#
# Pick another claim (type in the search box to filter by outlet or words), read its lineage hop by hop with the
# evidence for each citation, and switch on *discredit* for an origin to see which claims of the case lose all
# support.

# %% tags=["nbval-ignore-output"]
kit.widgets.ClaimTracer(case, claim_id)
