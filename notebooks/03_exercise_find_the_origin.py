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
# verification desk. Nothing is filled in for you. **Check** shows the kit's answer, explains where yours differs,
# and keeps your score: one point for the number of origins, one for the origins themselves, one for the grade.
# **Each claim is scored once**, at your first Check with an answer; after that its answer is locked. Your answers
# stay when you go back and forth between claims, and the score under the exercise updates at every Check.
#
# *For trainers.* The answers are computed from the case when the notebook runs (`kit.independence` and
# `kit.origins`); the exercise keeps them inside its grading function, not in an attribute a learner's
# tab-completion shows. Your answer key, and a worksheet to print for a class without laptops:
#
# ```
# kit worksheet data/deir-ez-zor handout/ --proposition russians_killed_feb7
# ```
#
# writes `handout/worksheet.html` and `handout/answers.html` (confidential sources redacted, as in everything the
# kit publishes). Each learner can save their scores with **Save my scores (CSV)** at the end (a file
# `scores-NAME.csv` beside the notebook); read a class's files together with
# `pandas.concat(map(pandas.read_csv, glob.glob("scores-*.csv")))`. To run the exercise on another case, change
# `case_path` and `proposition` in the next cell, or let papermill do it:
#
# ```
# papermill notebooks/03_exercise_find_the_origin.ipynb exercise.ipynb \
#     -p case_path ../data/khasham -p proposition russian_casualties_khasham
# ```
#
# `../data/khasham` is a second case for the exercise, built from public news pages quoted with their urls: the
# Russians killed or wounded near Khasham on 7 February 2018, as Reuters, TRT World, The Moscow Times and relays in
# Russian, Arabic and Bengali reported them. There some claims rest on more than one origin, and the origins are
# graded differently (unnamed people F, the Russian Foreign Ministry D, a grade explained in the case's notes), so a
# learner cannot score by answering "1" and "F" everywhere.
#
# Then hand out the executed notebook, or open it in JupyterLab (`make lab`) and share the screen. Leave
# `proposition` empty to use the question with the most claims.

# %% tags=["parameters"]
case_path = "../data/deir-ez-zor"
proposition = "russians_killed_feb7"

# %%
import kit
import kit.widgets
from kit.testing.bundled import shipped
from kit.text.wording import date_words, plural

case = kit.load_case(shipped(case_path))
proposition = proposition or str(case.claims["proposition"].value_counts().idxmax())
print(case.meta.get("question", case.title))

# %% [markdown]
# How many claims the exercise asks about, from how many outlets, and when they were published (at the earliest,
# where a case dates a report by an interval):

# %%
# NBVAL_CHECK_OUTPUT
exercise = kit.widgets.SourceExercise(case, proposition)
claims = kit.timeline(case, proposition)
print(
    f"{plural(len(exercise.claims), 'claim')} from {plural(claims['outlet'].nunique(), 'outlet')}, "
    f"{date_words(claims['published'].min())} to {date_words(claims['published'].max())}"
)

# %% [markdown]
# ## The exercise
#
# Use **Next claim** and **Previous claim** to move; each claim is scored the first time you check it with an
# answer.

# %% tags=["nbval-ignore-output"]
exercise

# %% [markdown]
# ## Your score
#
# The same live score as under the exercise: it follows every Check. Type your name and save your scores for your
# trainer when you are done.

# %% tags=["nbval-ignore-output"]
exercise.scoreboard

# %% [markdown]
# ## Afterwards
#
# Trace any claim in full, with the evidence for every hop, in `02_trace_a_claim.ipynb`; see where repetition
# made a figure look confirmed in `01_deir_ez_zor.ipynb`.
