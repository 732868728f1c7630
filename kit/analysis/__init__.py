"""The analysis layer: what a case's citations say about its claims. Never imports text, views, formats or publishing.

- :mod:`kit.analysis.origins`: origins, independence, provenance and what falls when sources are discredited
  (``kit.without``);
- :mod:`kit.analysis.findings`: loops (``kit.circular``), drift and the figure over time;
- :mod:`kit.analysis.feedback`: loops between outlets (a feedback loop told in time, each step a later claim);
- :mod:`kit.analysis.trace`: a claim's lineage, hop by hop;
- :mod:`kit.analysis.selection`: claims in order of publication, what a picture of a question shows, the default
  question;
- :mod:`kit.analysis.outlets`: the outlets' roles and reach;
- :mod:`kit.analysis.scale`: origins on Dask, past one machine.
"""

from kit.lazy import submodules

__all__ = ["feedback", "findings", "origins", "outlets", "scale", "selection", "trace"]

__getattr__ = submodules(__name__, __all__)
