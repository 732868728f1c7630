"""A case as W3C PROV (PROV-JSON), and back: :func:`to_prov`, :func:`prov_json`, :func:`write_prov` (in
:mod:`kit.formats.prov.write`), :func:`import_prov` (in :mod:`kit.formats.prov.read`).

The mapping, made with the ``prov`` library:

==========================  ===========================================================================================
kit                         PROV
==========================  ===========================================================================================
a source                    ``agent(source:ID)``, ``prov:label`` its name
a report                    ``entity(report:ID)`` of ``prov:type`` ``kit:Report`` and ``prov:Collection``,
                            ``prov:label`` its outlet, day and title (:func:`kit.text.tables.report_labels`),
                            ``wasAttributedTo(report:ID, source:PUBLISHER)``
its publishing              ``activity(publishing:ID, published, published_latest)`` of ``prov:type``
                            ``kit:Publishing``, ``wasAssociatedWith(publishing:ID, source:PUBLISHER)``,
                            ``wasGeneratedBy(report:ID, publishing:ID, published)``: the time (PROV's
                            ``generatedAtTime``) only where the date is exact; an uncertain date is the activity's
                            interval alone
a claim                     ``entity(claim:ID)`` of ``prov:type`` ``kit:Claim``, ``prov:label`` its outlet and
                            figure (:func:`kit.text.tables.claim_names`), ``hadMember(report:R, claim:ID)``
``relies_on`` a claim       ``wasDerivedFrom(claim:A, claim:B)``
``relies_on`` a source      ``wasQuotedFrom(claim:A, said:S)`` (a quotation), where ``entity(said:S)`` is what the
                            source said, ``wasAttributedTo(said:S, source:S)``
``corroborates``,           ``wasInfluencedBy(claim:A, claim:B or source:S)``
``disputes``
the case                    ``entity(kitdoc:case)`` of ``prov:type`` ``kit:Case`` and ``prov:Collection``,
                            ``hadMember(kitdoc:case, report:ID)``; it carries ``case.toml``, each table's columns,
                            each table's ids in row order (a citation ``[claim, cites]``) and the free texts, each
                            as lines ``kitdoc:NAME.K`` (:mod:`kit.formats.prov.kitdoc`)
==========================  ===========================================================================================

Every column keeps its value: the short, structured ones as attributes of the records in the ``kit:`` namespace
(``kit:relation``, ``kit:proposition``, ``kit:low``, ``kit:high``, ``kit:certainty``, ``kit:basis`` when the case
has it ...), the free texts (``text``, ``subject``, ``evidence``, ``title``, ``url``, ``archive_url``, ``notes`` and
any column the case format does not name) on the ``kitdoc:case`` entity, and each table's records in row order there
too, so :func:`import_prov` rebuilds the tables exactly:
``import_prov(prov_json(case))`` has tables equal to ``kit.text.redact.redact(case)`` (or to ``case`` itself with
``reveal_confidential=True``); times are kept to the microsecond. Identifiers are local to the case
(``urn:x-kit:claim:ID`` ...). The writers redact confidential sources first, as every other export does.

So ``prov.dot.prov_to_dot(document)``, which writes every attribute of a record in a note beside it, draws the texts
once, in one note of short lines (``docs/exports.md`` gives its size). :func:`import_prov` still reads older
documents: the free texts on the records and each setting in one attribute, or ``kitdoc:row`` on each record. Typed
values are written as strings (``{"$": "2", "type": "xsd:int"}``) and qualified names typed
``prov:QUALIFIED_NAME``, so prov 2.0 (conda-forge's) and prov 3.2 write the same text and each reads the other's.
:func:`kit.formats.prov.picture.prov_picture` draws the document without its texts.
"""

from kit.formats.prov.read import import_prov
from kit.formats.prov.write import NAMESPACES, prov_json, to_prov, write_prov  # noqa: F401 - NAMESPACES: see below

# NAMESPACES (the prefixes of the document) stays importable from here; it is documented in kit.formats.prov.write
__all__ = ["to_prov", "prov_json", "write_prov", "import_prov"]
