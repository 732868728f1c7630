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
# # Exercise: find the origin
#
# *For learners.* You will see the claims of a story one at a time, in the order they were published, with what
# the report itself says about where the claim comes from: its words, and the passages in which it cites someone.
# For each claim, answer two questions before you press **Check**:
#
# 1. **How many independent origins** does the claim rest on? Follow every citation down to a source that is
#    quoted directly — a person, an official, a post, a document — or to an outlet's own reporting. Two outlets
#    that repeat the same source count **once**.
# 2. **Which source does it finally rest on?** Select it in the list (hold Ctrl or Cmd to select several).
#
# Then grade that source from A (completely reliable) to F (reliability cannot be judged), as you would on a
# verification desk. **Check** shows the kit's answer, explains where yours differs, and keeps your score: one point
# for the number of origins, one for the origins themselves, one for the grade.
#
# *For trainers.* The answers are computed from the case when the notebook runs (`kit.independence` and
# `kit.origins`); nothing in this notebook gives them away. To run the exercise on another case, change `case_path`
# and `proposition` in the next cell, or let papermill do it:
#
# ```
# papermill notebooks/03_exercise_find_the_origin.ipynb exercise.ipynb -p case_path ../data/my-case -p proposition my_question
# ```
#
# Then hand out the executed notebook, or open it in JupyterLab (`make lab`) and share the screen. Leave
# `proposition` empty to use the question with the most claims.

# %% tags=["parameters"]
case_path = "../data/deir-ez-zor"
proposition = "russians_killed_feb7"

# %%
import kit
import kit.widgets

case = kit.load_case(case_path)
proposition = proposition or str(case.claims["proposition"].value_counts().idxmax())
print(case.meta.get("question", case.title))

# %% [markdown]
# The Deir ez-Zor case has **10** claims about how many Russians were killed on 7 February 2018, from **7**
# outlets, published between 7 and 13 February:

# %%
# NBVAL_CHECK_OUTPUT
exercise = kit.widgets.SourceExercise(case, proposition)
claims = kit.timeline(case, proposition)
print(f"{len(exercise.claims)} claims from {claims['outlet'].nunique()} outlets, "
      f"{claims['published'].min():%d %b} to {claims['published'].max():%d %b %Y}")

# %% [markdown]
# ## The exercise
#
# Use **Next claim** and **Previous claim** to move; each claim is scored the first time you check it.

# %% tags=["nbval-ignore-output"]
exercise

# %% [markdown]
# ## Your score
#
# Run this cell when you are done (it reads the score from the exercise above).

# %% tags=["nbval-ignore-output"]
print(f"Score: {exercise.score} of {exercise.max_score} ({exercise.checked} of {len(exercise.claims)} claims checked)")

# %% [markdown]
# ## Afterwards
#
# Trace any claim in full, with the evidence for every hop, in `02_trace_a_claim.ipynb`; see where repetition
# made a figure look confirmed in `01_deir_ez_zor.ipynb`.
