"""The formats layer: a case written for the tools a newsroom already uses, each redacted first.

:mod:`kit.formats.export` (GEXF, GraphML, node-link JSON, spreadsheet-safe CSV), :mod:`kit.formats.gexf` (the dynamic
GEXF for Gephi's timeline), :mod:`kit.formats.gephi` (the graph Gephi gets: typed, with the kit's findings, colours and
layout), :mod:`kit.formats.sqlite` (SQLite for Datasette) with :mod:`kit.formats.datasette` (its metadata, views and
canned queries), :mod:`kit.formats.prov` (W3C PROV-JSON, written, read back and drawn) and
:mod:`kit.formats.claimreview` (schema.org ClaimReview).
"""

from kit.lazy import submodules

__all__ = ["claimreview", "datasette", "export", "gephi", "gexf", "prov", "sqlite"]

__getattr__ = submodules(__name__, __all__)
