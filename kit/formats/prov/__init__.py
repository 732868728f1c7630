"""A case as W3C PROV (PROV-JSON), and back: :func:`to_prov`, :func:`prov_json`, :func:`write_prov` (in
:mod:`kit.formats.prov.write`), :func:`import_prov` (in :mod:`kit.formats.prov.read`).

The mapping, made with the ``prov`` library:

==========================  ===========================================================================================
kit                         PROV
==========================  ===========================================================================================
a source                    ``agent(source:ID)``, ``prov:label`` its name
a report                    ``entity(report:ID)`` of ``prov:type`` ``kit:Report`` and ``prov:Collection``,
                            ``wasAttributedTo(report:ID, source:PUBLISHER)`` (publishing)
a claim                     ``entity(claim:ID)`` of ``prov:type`` ``kit:Claim``, ``hadMember(report:R, claim:ID)``
``relies_on`` a claim       ``wasDerivedFrom(claim:A, claim:B)``
``relies_on`` a source      ``wasQuotedFrom(claim:A, said:S)`` (a quotation), where ``entity(said:S)`` is what the
                            source said, ``wasAttributedTo(said:S, source:S)``
``corroborates``,           ``wasInfluencedBy(claim:A, claim:B or source:S)``
``disputes``
the case                    ``entity(kitdoc:case)`` of ``prov:type`` ``kit:Case``: ``kitdoc:meta_toml``
                            (``case.toml``), ``kitdoc:columns`` (each table's columns, as JSON)
==========================  ===========================================================================================

Every column keeps its value as an attribute in the ``kit:`` namespace (``kit:relation``, ``kit:evidence``,
``kit:proposition``, ``kit:low``, ``kit:high``, ``kit:certainty``, ``kit:basis`` when the case has it, extra
columns too), with ``kitdoc:row`` the row's place in its table, so :func:`import_prov` rebuilds the tables exactly:
``import_prov(prov_json(case))`` has tables equal to ``kit.text.redact.redact(case)`` (or to ``case`` itself with
``reveal_confidential=True``); times are kept to the microsecond. Identifiers are local to the case
(``urn:x-kit:claim:ID`` ...). The writers redact confidential sources first, as every other export does.
"""

from kit.formats.prov.read import import_prov
from kit.formats.prov.write import NAMESPACES, prov_json, to_prov, write_prov  # noqa: F401 - NAMESPACES: see below

# NAMESPACES (the prefixes of the document) stays importable from here; it is documented in kit.formats.prov.write
__all__ = ["to_prov", "prov_json", "write_prov", "import_prov"]
