"""The graph layer: a case's tables as the graphs the analyses walk.

:mod:`kit.graph.citation` builds the citation graph (claims and sources) and the outlet graph with networkx, and holds
the one rule for which citations an analysis follows (:func:`~kit.graph.citation.followed_mask`, an empty basis being
``stated``) and which claims rest on their own reporting; :mod:`kit.graph.engine` is the same graph as integer arrays
(scipy's sparse matrices), on which origins are computed for a million claims in seconds.
"""

from kit.lazy import submodules

__all__ = ["citation", "engine"]

__getattr__ = submodules(__name__, __all__)
