"""A readable drawing of a case's PROV document: :func:`prov_picture` (``prov.dot.prov_to_dot`` on the records a
reader follows, named by their labels).

``prov.dot.prov_to_dot(document)`` with its defaults draws every attribute of every record in a note beside it:
the claims' texts and the citations' evidence make such a drawing tens of thousands of points wide (see
``docs/exports.md``). :func:`prov_picture` draws the same records and relations without those notes, named by their
``prov:label`` (a claim's outlet, day and figure), left to right in time, and leaves out the document's own
bookkeeping (the ``kitdoc:case`` entity). Drawing needs Graphviz (``apt-get install graphviz``) and ``pydot``.
"""

from __future__ import annotations

__all__ = ["prov_picture"]


def prov_picture(case_or_document, *, reveal_confidential: bool = False):
    """The PROV document of a case as a :class:`pydot.Dot` a reader can follow.

    Parameters
    ----------
    case_or_document : kit.Case or prov.model.ProvDocument
        A case (made into PROV with :func:`kit.formats.prov.to_prov`, redacted first) or a document it made.
    reveal_confidential : bool
        For internal use only (cases only): confidential sources keep their names.

    Returns
    -------
    pydot.Dot
        ``.create(format="svg")`` draws it (Graphviz's ``dot``).

    See Also
    --------
    kit.formats.prov.to_prov : the document drawn.

    Examples
    --------
    >>> import kit
    >>> dot = prov_picture(kit.load_case("tests/cases/loop"))
    >>> any("kitdoc" in n.get_name() for n in dot.get_nodes())
    False
    """
    import prov.model as pm
    from prov.dot import prov_to_dot

    from kit.formats.prov.write import NAMESPACES, to_prov

    if isinstance(case_or_document, pm.ProvDocument):
        doc = case_or_document
    else:
        doc = to_prov(case_or_document, reveal_confidential=reveal_confidential)
    shown = pm.ProvDocument()
    shown.add_namespace(pm.Namespace("kit", NAMESPACES["kit"]))
    for rec in doc.get_records():
        names = [rec.identifier, *(rec.args if rec.is_relation() else ())]
        if any(getattr(getattr(n, "namespace", None), "uri", None) == NAMESPACES["kitdoc"] for n in names):
            continue  # the kitdoc:case entity and its membership of the reports
        shown.add_record(rec)
    return prov_to_dot(
        shown, use_labels=True, direction="LR", show_element_attributes=False, show_relation_attributes=False
    )
