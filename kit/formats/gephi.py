"""The citation graph as Gephi users want it: typed attributes, the kit's colours and layout, the kit's findings per
node: :func:`gephi_graph` (written by :func:`kit.formats.export.export` as GEXF and GraphML, and by
:func:`kit.formats.gexf.dynamic_gexf` with times).

Every attribute has one type across the file, so Gephi can size, colour and filter by it:

==================  ===========  ======================================================================================
attribute           type         meaning
==================  ===========  ======================================================================================
``low``, ``high``   integer      the figure a claim asserts (absent when the case leaves it empty)
``credibility``     integer      Admiralty credibility 1–6 of a claim
``n_cited``         integer      distinct items a claim cites with relies_on/corroborates (:func:`kit.provenance`)
``n_origins``       integer      distinct origin sources of a claim (:func:`kit.provenance`)
``echo``            boolean      the claim's supports share an origin: corroboration that is not independent
``loop``            integer      the number of the citation loop the claim is in (:func:`kit.circular`), 0 for none
``drift``           string       how the claim changed what it rests on, in words (``inflated, hardened``)
``drifted``         boolean      ``drift`` is not empty
``falls_with``      string       the name of the claim's only origin: discredit it and the claim rests on nothing
``claims_falling``  integer      (sources) claims that lose every origin if the source is discredited (kit.without)
``n_resting``       integer      (sources) claims that count the source among their origins
``confidential``    boolean      (sources) a confidential source (its name is "Confidential source N" here)
==================  ===========  ======================================================================================

Every other attribute is text, as :func:`export_graph` gives it. Each node has a ``viz``
colour (its source kind's colour in :data:`kit.text.style.KIND_COLOURS`: a claim takes its publisher's) and a
position from :func:`kit.graphview.positions.layout` (the kit's own picture: a lane per outlet, time left to right;
y grows upwards, as Gephi draws it).
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from kit.schema import COLUMNS
from kit.text.wording import cell_text, figure_words

__all__ = ["TYPED", "export_graph", "gephi_graph", "graphml_ready", "findings", "viz"]

#: attribute -> Python type written (GEXF ``integer``/``boolean``, GraphML ``int``/``boolean``); the rest are text
TYPED = {
    "low": int,
    "high": int,
    "credibility": int,
    "n_cited": int,
    "n_origins": int,
    "echo": bool,
    "loop": int,
    "drifted": bool,
    "claims_falling": int,
    "n_resting": int,
    "confidential": bool,
}


def export_graph(case) -> nx.DiGraph:
    """The citation graph with only text attributes (``None`` dropped), ready for the GEXF and GraphML writers.

    Claim nodes: ``node_type="claim"``, ``label`` (outlet, date, figure), ``kind`` and ``reliability`` of the
    publisher, ``published`` (ISO 8601, UTC), ``proposition``, ``text``, ``low``, ``high``, ``certainty``,
    ``credibility``, ``outlet``, ``source_id``, ``report_id``. Source nodes: ``node_type="source"``, ``label``
    (the name), ``kind``, ``reliability`` and the other source columns. Edges: ``relation`` and ``evidence``.

    Parameters
    ----------
    case : kit.Case
        The case as it is: nothing is redacted here (:func:`export` passes it the redacted case, made with
        :func:`kit.text.redact.redact`).

    Returns
    -------
    networkx.DiGraph
        One node per claim and per source, one edge per citation, every attribute a string.

    See Also
    --------
    kit.graph.citation.citation_graph : the graph it is made from, with typed attributes.
    gephi_graph : the same graph with typed attributes, findings and viz, as :func:`kit.formats.export.export`
        writes it.

    Examples
    --------
    In :func:`kit.testing.examples.diamond`, Site D cites Paper B and Paper C, which both rely on Wire A:

    >>> from kit.testing import examples
    >>> g = export_graph(examples.diamond())
    >>> g.number_of_nodes(), g.number_of_edges()
    (8, 4)
    >>> g.nodes["site-d-12"]["label"], g.nodes["site-d-12"]["published"]
    ('Site D, 2020-01-02: 12', '2020-01-02T09:00:00Z')
    >>> sorted(g.successors("site-d-12")), g.edges["site-d-12", "paper-c-12"]
    (['paper-b-12', 'paper-c-12'], {'relation': 'corroborates', 'evidence': 'Paper C confirms'})
    >>> all(isinstance(v, str) for _, d in g.nodes(data=True) for v in d.values())
    True
    """
    from kit.graph.citation import citation_graph

    src = citation_graph(case)
    kinds = case.sources.set_index("source_id")
    g = nx.DiGraph()
    for n, d in src.nodes(data=True):
        attrs = {}
        if d.get("node_type") == "claim":
            pub = d.get("source_id")
            attrs["kind"] = kinds.at[pub, "kind"] if pub in kinds.index else None
            attrs["reliability"] = kinds.at[pub, "reliability"] if pub in kinds.index else None
            date = pd.Timestamp(d["published"]).strftime("%Y-%m-%d") if d.get("published") is not None else ""
            fig = figure_words(d.get("low"), d.get("high"))
            attrs["label"] = f"{d.get('outlet')}, {date}" + (f": {fig}" if fig else "")
            # the claim's own columns (the case format's, in its order) and where it was published
            keys: tuple[str, ...] = (
                "node_type",
                "published",
                *(c for c in COLUMNS["claims"] if c not in ("claim_id", "report_id")),
                "outlet",
                "source_id",
                "report_id",
            )
        else:
            attrs["label"] = d.get("name")
            keys = ("node_type", *(c for c in COLUMNS["sources"] if c != "source_id"))
        for k in keys:
            if k in d:
                attrs[k] = d[k]
        clean = {k: cell_text(v) for k, v in attrs.items() if cell_text(v) != ""}
        g.add_node(str(n), **clean)
    for u, v, d in src.edges(data=True):
        g.add_edge(str(u), str(v), **{k: cell_text(x) for k, x in d.items() if cell_text(x) != ""})
    return g


def findings(case) -> tuple[dict, dict]:
    """The kit's findings per claim and per source, as :func:`gephi_graph` writes them.

    Parameters
    ----------
    case : kit.Case
        Redacted first when the result is published.

    Returns
    -------
    (dict, dict)
        claim id -> ``{"n_cited", "n_origins", "echo", "loop", "drift", "drifted", "falls_with"}`` and source id ->
        ``{"claims_falling", "n_resting"}`` (``falls_with`` and ``drift`` are left out where empty).

    Examples
    --------
    >>> import kit
    >>> claims, sources = findings(kit.load_case("data/deir-ez-zor"))
    >>> claims["reuters-two-killed"]["falls_with"], sources["reuters_associates"]["claims_falling"]
    ('Associates of the dead (unnamed, to Reuters)', 1)
    >>> "falls_with" in claims["daily-beast-200-russian-fighters"]  # it rests on two sources, no one alone fells it
    False
    """
    from kit.analysis.findings import circular, drift
    from kit.analysis.origins import origin_hops, provenance
    from kit.schema import DRIFT_FLAGS
    from kit.text.style import drift_words

    prov = provenance(case)
    names = case.sources.set_index("source_id")["name"]
    loop_of = {k: i for i, loop in enumerate(circular(case), start=1) for k in loop}
    changed: dict = {}
    for prop in pd.unique(case.claims["proposition"]):
        for row in drift(case, prop).to_dict("records"):
            for flag in DRIFT_FLAGS:
                if row.get(flag) is True:
                    changed.setdefault(row["claim_id"], {})[flag] = True
    claims = {}
    for k in case.claims["claim_id"]:
        origins = prov.at[k, "origins"]
        out: dict[str, int | bool | str] = {
            "n_cited": int(prov.at[k, "n_cited"]),
            "n_origins": int(prov.at[k, "n_origins"]),
            "echo": bool(prov.at[k, "echo"]),
            "loop": loop_of.get(k, 0),
            "drifted": k in changed,
        }
        if k in changed:
            out["drift"] = drift_words(changed[k])
        if len(origins) == 1:
            out["falls_with"] = str(names.get(origins[0], origins[0]))
        claims[str(k)] = out
    hops = origin_hops(case)
    resting = hops.groupby("source_id")["claim_id"].nunique()
    sole = prov[prov["n_origins"] == 1]["origins"].map(lambda o: o[0]).value_counts()
    sources = {
        str(s): {"claims_falling": int(sole.get(s, 0)), "n_resting": int(resting.get(s, 0))}
        for s in case.sources["source_id"]
    }
    return claims, sources


def viz(case) -> dict:
    """Gephi's ``viz`` per node: ``color`` (``r``, ``g``, ``b``, ``a``), ``position`` (``x``, ``y``, ``z``), ``size``.

    Parameters
    ----------
    case : kit.Case

    Returns
    -------
    dict
        node id -> viz dict, as networkx's GEXF writer takes it.

    Examples
    --------
    >>> import kit
    >>> v = viz(kit.load_case("data/deir-ez-zor"))["reuters-two-killed"]
    >>> v["color"], sorted(v["position"])
    ({'r': 31, 'g': 119, 'b': 180, 'a': 1.0}, ['x', 'y', 'z'])
    """
    from kit.graph.citation import claim_context
    from kit.graphview.data import layout_rows
    from kit.graphview.positions import layout, text_width
    from kit.text.style import KIND_COLOURS

    claims, sources, _ = layout_rows(case)
    lay = layout(claims, sources)
    nodes = dict(lay["nodes"])
    # sources the picture leaves out (publishers whose claims all rest on others): a row under the drawing
    # side by side, each as wide as its label (Gephi centres a label on its node), so no labels overlap
    names = case.sources.set_index("source_id")["name"].astype(object).to_dict()
    x = lay["left"]
    for s in (s for s in case.sources["source_id"].astype(str) if s not in nodes):
        w = max(text_width(str(names.get(s) or s)), 40.0) + 24.0
        nodes[s] = (x + w / 2, lay["height"] + 40.0)
        x += w
    kind = case.sources.set_index("source_id")["kind"].astype(object).to_dict()
    publisher = claim_context(case).drop_duplicates("claim_id").set_index("claim_id")["source_id"].to_dict()
    out = {}
    for n, (x, y) in nodes.items():
        k = kind.get(publisher.get(n, n))
        hexa = KIND_COLOURS.get(str(k), "#7f7f7f").lstrip("#")
        r, g, b = (int(hexa[i : i + 2], 16) for i in (0, 2, 4))
        out[str(n)] = {
            "color": {"r": r, "g": g, "b": b, "a": 1.0},
            "position": {"x": round(float(x), 2), "y": round(-float(y), 2), "z": 0.0},
            "size": 8.0 if n in publisher else 12.0,
        }
    return out


def _typed(key, text):
    want = TYPED.get(key)
    if want is bool:
        return text == "true"
    if want is int:
        return int(float(text))
    return text


def gephi_graph(case, *, with_viz: bool = True) -> nx.DiGraph:
    """:func:`export_graph` with typed attributes (:data:`TYPED`), the findings and the viz.

    Parameters
    ----------
    case : kit.Case
        As it is: nothing is redacted here (the writers pass the redacted case).
    with_viz : bool
        Add the ``viz`` attribute (GEXF only; GraphML gets ``x``, ``y``, ``r``, ``g``, ``b`` and ``size`` instead,
        see :func:`graphml_ready`).

    Returns
    -------
    networkx.DiGraph

    Examples
    --------
    >>> import kit
    >>> g = gephi_graph(kit.load_case("data/deir-ez-zor"))
    >>> d = g.nodes["daily-beast-200-russian-fighters"]
    >>> d["low"], d["n_origins"], d["echo"], d["loop"], d["drift"]
    (201, 2, False, 0, 'scope changed, hardened')
    """
    g = export_graph(case)
    claims, sources = findings(case)
    for n, d in g.nodes(data=True):
        for k, v in list(d.items()):
            d[k] = _typed(k, v)
        d.update(claims.get(n, {}) if d.get("node_type") == "claim" else sources.get(n, {}))
    if with_viz:
        for n, v in viz(case).items():
            if n in g:
                g.nodes[n]["viz"] = v
    return g


def graphml_ready(g: nx.DiGraph) -> nx.DiGraph:
    """A copy of ``g`` whose ``viz`` is flat attributes GraphML can hold: ``x``, ``y``, ``size`` (float), ``r``, ``g``,
    ``b`` (integer), as Gephi's GraphML importer reads them.

    Parameters
    ----------
    g : networkx.DiGraph
        :func:`gephi_graph`'s graph (not changed).

    Returns
    -------
    networkx.DiGraph
        The copy, without ``viz``.

    Examples
    --------
    >>> import kit
    >>> g = graphml_ready(gephi_graph(kit.load_case("tests/cases/loop")))
    >>> sorted(k for k in g.nodes["dead_x"] if k in ("x", "y", "r", "g", "b", "size"))
    ['b', 'g', 'r', 'size', 'x', 'y']
    """
    out = g.copy()
    for _, d in out.nodes(data=True):
        v = d.pop("viz", None)
        if v:
            d.update(x=v["position"]["x"], y=v["position"]["y"], size=v["size"])
            d.update(r=v["color"]["r"], g=v["color"]["g"], b=v["color"]["b"])
    return out
