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
# # Outlets: who cites whom, who only repeats, who brings an origin
#
# The citation graph links claims; step back and link the *outlets* instead. `kit.outlet_graph` has one node per
# source of the case and an edge from outlet A to B weighted by how many citations run from A's claims to B — to a
# claim B published, or to B quoted directly. An outlet that only cites other outlets' claims *repeats*; an outlet
# that quotes someone directly, or reports on its own, *brings an origin* the story can rest on.

# %% tags=["parameters"]
case_path = "../data/deir-ez-zor"

# %%
import textwrap

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd

import kit
import kit.show
from kit.graph import claim_context

case = kit.load_case(case_path)
outlets = kit.outlet_graph(case)
names = case.sources.set_index("source_id")["name"]
case

# %% [markdown]
# ## Who cites whom
#
# Every edge of the outlet graph, heaviest first, with its citations counted by relation. In the Deir ez-Zor case
# the heaviest edge is The Daily Beast's **3** citations of Bloomberg; the seed article (Tsarizm) relies on
# Bloomberg once and disputes it once, and disputes The Daily Beast twice.

# %%
# NBVAL_CHECK_OUTPUT
edges = nx.to_pandas_edgelist(outlets).sort_values(["weight", "source", "target"], ascending=[False, True, True])
print(edges.assign(cites=edges["source"].map(names), cited=edges["target"].map(names))
      [["cites", "cited", "weight", "relations"]].to_string(index=False))

# %%
kinds = case.sources.set_index("source_id")["kind"]
active = outlets.subgraph([n for n in outlets if outlets.degree(n) > 0]).copy()
layers = nx.condensation(active)  # columns: origins on the right, each outlet left of all it cites
for node in reversed(list(nx.topological_sort(layers))):
    layers.nodes[node]["depth"] = 1 + max([layers.nodes[m]["depth"] for m in layers.successors(node)] + [-1])
nx.set_node_attributes(active, {n: -layers.nodes[layers.graph["mapping"][n]]["depth"] for n in active}, "layer")
pos = nx.multipartite_layout(active, subset_key="layer")
fig, ax = plt.subplots(figsize=(11, 8))
nx.draw_networkx_nodes(active, pos, ax=ax, node_size=500,
                       node_color=[kit.show.KIND_COLOURS.get(kinds[n], "#cccccc") for n in active],
                       edgecolors=["#d62728" if kinds[n] in kit.show.UNCHECKABLE else "white" for n in active],
                       linewidths=2.5)
nx.draw_networkx_edges(active, pos, ax=ax, node_size=500, arrowsize=14, connectionstyle="arc3,rad=0.08",
                       width=[1 + d["weight"] for *_, d in active.edges(data=True)],
                       edge_color=["#d62728" if set(d["relations"]) == {"disputes"} else "#555555"
                                   for *_, d in active.edges(data=True)])
nx.draw_networkx_labels(active, pos, ax=ax, font_size=8,
                        labels={n: textwrap.fill(str(names[n]), 18) for n in active})
ax.set_title(f"{case.title}: who cites whom (origins on the right; red: disputes only)", fontsize=10)
ax.set_axis_off()

# %% [markdown]
# ## Who only repeats, who brings an origin
#
# For each outlet that published claims: how many, how many citations it makes of other outlets (`cites`) and
# receives from them (`cited_by`), and the origins it brings *first-hand*: sources its claims quote directly, or the
# outlet itself where a claim rests on its own reporting. An outlet with none only repeats what others published.

# %%
# NBVAL_CHECK_OUTPUT
claims = claim_context(case)
prov = kit.provenance(case)
support = case.citations[case.citations["relation"].isin(["relies_on", "corroborates"])]
quoted = support[support["cites"].isin(case.sources["source_id"])].merge(claims[["claim_id", "source_id"]])
own = claims[claims["claim_id"].map(prov["n_cited"]) == 0]
first_hand = (pd.concat([quoted[["source_id", "cites"]].rename(columns={"cites": "origin"}),
                         own[["source_id"]].assign(origin=own["source_id"])])
              .drop_duplicates().sort_values(["source_id", "origin"]))
roles = pd.DataFrame({
    "claims": claims.groupby("source_id").size(),
    "cites": pd.Series(dict(outlets.out_degree(weight="weight"))),
    "cited_by": pd.Series(dict(outlets.in_degree(weight="weight"))),
    "origins_brought": first_hand.groupby("source_id")["origin"].agg(", ".join),
}).loc[list(dict.fromkeys(claims["source_id"]))]
roles["role"] = roles["origins_brought"].isna().map({True: "only repeats", False: "brings an origin"})
roles.index = roles.index.map(names).rename("outlet")
print(roles.astype({"claims": int}).fillna("").to_string())

# %% [markdown]
# **1** outlet only repeats: The Daily Beast, all of whose **3** claims rest on Bloomberg's report. Bloomberg
# brings the origins of "more than 200" — two unnamed Russians — and of the US official's figures; Reuters brings the
# associates of the dead and Maxim Buga; AFP brings the Conflict Intelligence Team. Being cited is not the same as
# being an origin: Bloomberg is the most-cited outlet, but what it is cited for rests on two people nobody named.
#
# ## Where each outlet's claims finally rest
#
# The same question per claim instead of per outlet: for each outlet, the distinct origins its claims rest on in the
# end (through any number of hops), and how many of those it brought itself.

# %%
# NBVAL_CHECK_OUTPUT
rest = (claims[["claim_id", "source_id"]].assign(origin=claims["claim_id"].map(prov["origins"]))
        .explode("origin").dropna(subset=["origin"]))
reach = rest.groupby("source_id")["origin"].nunique().rename("origins_in_the_end")
brought = first_hand.groupby("source_id")["origin"].nunique().rename("brought_itself")
print(pd.concat([reach, brought], axis=1).fillna(0).astype(int)
      .loc[list(dict.fromkeys(claims["source_id"]))].rename(index=names).rename_axis("outlet").to_string())
