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
# # Outlets: who cites whom, who only repeats, who brings an origin
#
# The citation graph links claims; step back and link the *outlets* instead. `kit.outlet_graph` has one node per
# source of the case and an edge from outlet A to B weighted by how many citations run from A's claims to B — to a
# claim B published, or to B quoted directly. An outlet that only cites other outlets' claims *repeats*; an outlet
# that quotes someone directly, or reports on its own, *brings an origin* the story can rest on.

# %% tags=["parameters"]
case_path = "../data/deir-ez-zor"

# %%
import kit
import kit.show
import kit.text.tables
from kit.analysis.outlets import outlet_edges, outlet_reach, outlet_roles
from kit.testing.bundled import shipped

case = kit.load_case(shipped(case_path))
case

# %% [markdown]
# ## Who cites whom
#
# Every edge of the outlet graph, heaviest first, with its citations counted by relation. In the Deir ez-Zor case
# the heaviest edge is The Daily Beast's **3** citations of Bloomberg; the seed article (Tsarizm) relies on
# Bloomberg once and disputes it once, and disputes The Daily Beast twice.

# %%
# NBVAL_CHECK_OUTPUT
print(outlet_edges(case).to_string(index=False))

# %% [markdown]
# The same graph drawn: each outlet stands left of every outlet it cites, so the origins are on the right. Grey arcs
# are support (relies on, corroborates), red arcs disputes, drawn apart so an outlet that both relies on and disputes
# another shows both; the wider the arc, the more citations. Sources that cannot be checked (anonymous people,
# social-media posts) have a black outline.

# %%
edges = outlet_edges(case)
kit.show.Described(
    kit.show.plot_outlet_graph(case),
    "Who cites whom among the outlets: "
    + "; ".join(f"{e.cites} cites {e.cited} ({e.relations})" for e in edges.itertuples()),
)
# %% [markdown]
# ## Who only repeats, who brings an origin
#
# For each outlet that published claims: how many, how many citations it makes of other outlets (`cites`) and
# receives from them (`cited_by`), and the origins it brings *first-hand*: sources its claims quote directly, or the
# outlet itself where a claim rests on its own reporting. An outlet with none only repeats what others published.

# %%
# NBVAL_CHECK_OUTPUT
kit.text.tables.Table(outlet_roles(case).reset_index(), case)

# %% [markdown]
# **2** outlets only repeat: The Daily Beast, all of whose **3** claims rest on Bloomberg's report, and the local
# Russian communities, whose "dozens", the article implies, came from the other media's rumours. Bloomberg
# brings the origins of "more than 200" — two unnamed Russians — and of the US official's figures; Reuters brings the
# associates of the dead and Maxim Buga; AFP brings the Conflict Intelligence Team. Being cited is not the same as
# being an origin: Bloomberg is the most-cited outlet, but what it is cited for rests on two people nobody named
# and, as the article reads it, on an unnamed US official's estimate of about 100 dead, which is about other people.
#
# ## Where each outlet's claims finally rest
#
# The same question per claim instead of per outlet: for each outlet, the distinct origins its claims rest on in the
# end (through any number of hops), and how many of those it brought itself.

# %%
# NBVAL_CHECK_OUTPUT
kit.text.tables.Table(outlet_reach(case).reset_index(), case)
