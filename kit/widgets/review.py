"""Reviewing the audit's suggestions in a notebook: Accept, Reject or Later, one suggestion at a time.

:class:`AuditReview` lists each pair :func:`kit.auditing.audit` suggests, with its evidence and the two claims' texts
side by side (the shared passage marked), and above them both answers: the independent origins on the declared
citations and if the suspected copying is real. Nothing in the case changes until the reporter clicks:

- **Accept** appends one row to ``citations.csv`` (relation ``relies_on``, basis ``inferred`` or ``stated`` as
  the reporter chooses, evidence the shared passage). Every byte already in the file stays, and the file is
  replaced atomically (:func:`kit.store.append.append_suspected`). A ``citations.csv`` without a ``basis`` column is
  refused, with the reason: add the column first.
- **Reject** appends the pair to ``audit_rejected.csv`` beside the tables (:mod:`kit.auditing.rejected`), so the
  audit does not suggest it again.
- **Later** moves the suggestion to the end of the list for this session; no file changes.
(This module imports ``ipywidgets``; ``import kit`` does not.)
"""

from __future__ import annotations

import os

import ipywidgets as W
import pandas as pd

from kit.analysis.origins import provenance
from kit.auditing import audit, with_suspected
from kit.auditing.exact import GAP
from kit.auditing.rejected import append_rejected
from kit.auditing.text import STOP_WORDS, word_spans, words
from kit.case import Case, load_case
from kit.cells import is_null
from kit.reading import resolve_case_path
from kit.schema import DEFAULT_FOLLOW
from kit.store.append import append_suspected
from kit.text.html import escape, isolate

__all__ = ["AuditReview", "both_answers", "answers_line", "marked_html", "BASES"]

#: the bases a reporter may give an accepted suggestion (the first is the default)
BASES = ("inferred", "stated")
# a suggestion keeps its height (flex 0 0 auto) in the list, which scrolls past 600 px so the widget fits 1440x900
_SUGGESTION_BOX = {"padding": "0.5em", "margin": "0.5em 0", "flex": "0 0 auto"}


def both_answers(case: Case, rows) -> pd.DataFrame:
    """Independent origins per proposition on the declared citations, and if the suspected copying is real.

    Both are counted on ``kit.with_suspected(case, rows)``: once following the declared bases only, once following
    ``suspected`` too. A proposition's independent origins are the distinct origins behind all its claims.

    Parameters
    ----------
    case : kit.Case
    rows : pandas.DataFrame
        Suggestions, as :func:`kit.auditing.audit` gives them.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``proposition`` (sorted): ``declared`` and ``if_suspected`` (int).

    Examples
    --------
    >>> import kit
    >>> case = kit.testing.synth.make_case(200, seed=4, copy_rate=0.3)
    >>> a = both_answers(case, kit.audit(case))
    >>> list(a.columns), bool((a["if_suspected"] <= a["declared"]).all())
    (['declared', 'if_suspected'], True)
    """
    more = with_suspected(case, pd.DataFrame(rows)[["claim_id", "cites", "evidence"]])
    prop = pd.Series(
        more.claims["proposition"].to_numpy(dtype=object), index=more.claims["claim_id"].to_numpy(dtype=object)
    )
    out = {}
    for name, follow in (("declared", DEFAULT_FOLLOW), ("if_suspected", tuple(DEFAULT_FOLLOW) + ("suspected",))):
        origins = provenance(more, follow=follow)["origins"]
        per: dict = {}
        for claim, got in zip(origins.index, origins.to_numpy(), strict=False):
            per.setdefault(prop.get(claim), set()).update(got)
        out[name] = {p: len(s) for p, s in per.items() if isinstance(p, str)}
    frame = pd.DataFrame(out).fillna(0).astype("int64").sort_index()
    frame.index.name = "proposition"
    return frame


def answers_line(declared: int, if_suspected: int) -> str:
    """The sentence that gives both answers.

    Parameters
    ----------
    declared, if_suspected : int

    Returns
    -------
    str

    Examples
    --------
    >>> answers_line(8, 5)
    'on the declared citations: 8 independent origins; if the suspected copying is real: 5'
    """
    s = "s" if declared != 1 else ""
    return (
        f"on the declared citations: {declared} independent origin{s}; if the suspected copying is real: {if_suspected}"
    )


def _content(text: str):
    """The content words of ``text`` with their character spans."""
    return [(w, a, b) for w, a, b in word_spans(text) if w not in STOP_WORDS]


def marked_html(text, passage) -> str:
    """``text`` as escaped HTML with the words it shares with ``passage`` wrapped in ``<mark>``.

    A content word of ``text`` is marked when it starts or ends a pair of adjacent content words that ``passage``
    also has (the rule of the ``shared_text`` signal); marked words at most ``GAP`` content words apart are marked
    as one span, with the characters between them. Every piece of ``text`` is escaped with
    :func:`kit.text.html.escape` before the marks are added.

    Parameters
    ----------
    text : str
        A claim's text (untrusted).
    passage : str
        The shared passage; passages joined by " … " are taken one by one. Empty: nothing is marked.

    Returns
    -------
    str

    Examples
    --------
    >>> marked_html("Pupils & staff will move to the old <library>, the council said",
    ...             "staff will move to the old library")
    'Pupils &amp; <mark>staff will move to the old &lt;library</mark>&gt;, the council said'
    """
    text = "" if is_null(text) else str(text)
    pairs: set = set()
    for part in str(passage or "").split(" … "):
        ws = [w for w in words(part) if w not in STOP_WORDS]
        pairs.update(zip(ws, ws[1:], strict=False))
    cw = _content(text)
    hit = [False] * len(cw)
    for i in range(len(cw) - 1):
        if (cw[i][0], cw[i + 1][0]) in pairs:
            hit[i] = hit[i + 1] = True
    spans, last = [], None
    for i, on in enumerate(hit):
        if not on:
            continue
        if last is not None and i - last <= GAP + 1:
            spans[-1][1] = cw[i][2]
        else:
            spans.append([cw[i][1], cw[i][2]])
        last = i
    out, at = [], 0
    for a, b in spans:
        out.append(escape(text[at:a]))
        out.append(f"<mark>{escape(text[a:b])}</mark>")
        at = b
    out.append(escape(text[at:]))
    return "".join(out)


def _marked_passage(signal: str, evidence: str) -> str:
    """What to mark in the two texts: the shared passage, or an anonymous wording's quoted words."""
    if signal == "shared_text":
        return evidence
    if signal == "same_attribution" and "“" in evidence and "”" in evidence:
        return evidence.split("“", 1)[1].split("”", 1)[0]
    return ""


class AuditReview(W.VBox):
    """A widget to review the audit's suggestions for the case folder ``case_path``: Accept, Reject or Later.

    Parameters
    ----------
    case_path : str or os.PathLike
        A case folder of CSV files (or its ``case.toml``).
    min_score : float
        As for :func:`kit.auditing.audit`.

    Attributes
    ----------
    folder : str
        The case folder.
    case : kit.Case
        The case as last read (read again after each Accept or Reject).
    rows : pandas.DataFrame
        The suggestions still open, in the order shown (suggestions put off with Later last).
    answers : pandas.DataFrame
        :func:`both_answers` for the case and its open suggestions.
    message : str
        What the last click did, or why it was refused.

    Raises
    ------
    ValueError
        When ``case_path`` is not a case folder.
    kit.CaseError
        When the case has problems (see ``kit check``).

    Examples
    --------
    >>> import kit, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> _ = kit.save_case(kit.testing.synth.make_case(60, seed=2, copy_rate=0.2), folder)
    >>> review = AuditReview(folder)
    >>> len(review.rows) == len(kit.audit(kit.load_case(folder))), "run the notebook" in repr(review)
    (True, True)
    """

    def __init__(self, case_path, *, min_score: float = 0.5):
        kind, folder = resolve_case_path(case_path)
        if kind != "folder":
            raise ValueError(
                f"{os.fspath(case_path)}: the review writes citations.csv, so it needs a case folder "
                "of CSV files; give the folder (or its case.toml)"
            )
        super().__init__(layout=W.Layout(width="100%"))
        self.folder = folder
        self.min_score = float(min_score)
        self.message = ""
        self._later: list = []
        self._status = W.HTML()
        self._answers = W.HTML()
        self._list = W.VBox(layout=W.Layout(max_height="600px", overflow="auto"))
        self.children = [self._answers, self._status, self._list]
        self.add_class("kit-audit-review")
        self.refresh()

    def __repr__(self) -> str:
        n = len(self.rows)
        return (
            f"AuditReview of {self.folder}: {n} suggestion{'s' if n != 1 else ''} to review; "
            "run the notebook to use this widget"
        )

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        if isinstance(bundle, tuple):
            bundle = bundle[0]
        bundle = dict(bundle or {})
        bundle["text/plain"] = repr(self)
        return bundle

    # -- the reporter's three answers -------------------------------------------------------------------------

    def accept(self, claim_id: str, cites: str, basis: str = BASES[0]) -> bool:
        """Add the suggestion as a citation of ``basis`` to ``citations.csv`` (appended; nothing else changes).

        Parameters
        ----------
        claim_id, cites : str
            The suggested pair.
        basis : {"inferred", "stated"}

        Returns
        -------
        bool
            True when the row was written; False when it was refused (:attr:`message` says why).
        """
        if basis not in BASES:
            raise ValueError(
                f"basis '{basis}' cannot be given to an accepted suggestion; choose one of {', '.join(BASES)}"
            )
        row = self._row(claim_id, cites)
        if row is None:
            return False
        path = os.path.join(self.folder, "citations.csv")
        if not os.path.isfile(path):
            return self._say(f"{path} does not exist (the citations come from another file); add the row by hand")
        try:
            append_suspected(self.folder, row[["claim_id", "cites", "evidence"]], basis=basis)
        except ValueError as e:
            return self._say(f"not written: {e}")
        self._say(f"{claim_id} now relies on {cites} ({basis}): one row appended to citations.csv", ok=True)
        self.refresh(keep_message=True)
        return True

    def reject(self, claim_id: str, cites: str) -> bool:
        """Keep the pair in ``audit_rejected.csv`` so that it is not suggested again.

        Parameters
        ----------
        claim_id, cites : str
            The suggested pair.

        Returns
        -------
        bool
            True when the pair was recorded.
        """
        row = self._row(claim_id, cites)
        if row is None:
            return False
        append_rejected(self.folder, [(claim_id, cites, str(row["signal"].iloc[0]))])
        self._say(f"{claim_id} and {cites}: rejected, kept in audit_rejected.csv (not suggested again)", ok=True)
        self.refresh(keep_message=True)
        return True

    def later(self, claim_id: str, cites: str) -> bool:
        """Put the suggestion at the end of the list, for this session only; no file changes.

        Parameters
        ----------
        claim_id, cites : str
            The suggested pair.

        Returns
        -------
        bool
            True when the pair was among the open suggestions.
        """
        if self._row(claim_id, cites) is None:
            return False
        key = (claim_id, cites)
        self._later = [k for k in self._later if k != key] + [key]
        self._say(f"{claim_id} and {cites}: left for later (nothing written)", ok=True)
        self._show()
        return True

    def refresh(self, keep_message: bool = False) -> None:
        """Read the case again, run the audit and show the open suggestions.

        Parameters
        ----------
        keep_message : bool
            Keep the last click's message (otherwise it is cleared).

        Returns
        -------
        None
        """
        self.case = load_case(self.folder)
        self._all = audit(self.case, min_score=self.min_score)
        self.answers = both_answers(self.case, self._all)
        if not keep_message:
            self._say("")
        self._show()

    # -- drawing ----------------------------------------------------------------------------------------------

    def _row(self, claim_id, cites):
        got = self._all[(self._all["claim_id"] == claim_id) & (self._all["cites"] == cites)]
        if got.empty:
            self._say(f"{claim_id} and {cites} are not among the open suggestions")
            return None
        return got.reset_index(drop=True)

    def _say(self, text: str, ok: bool = False) -> bool:
        self.message = text
        colour = "#1b5e20" if ok else "#b71c1c"
        self._status.value = f'<p style="color:{colour}">{escape(text)}</p>' if text else ""
        return False

    def _show(self) -> None:
        later = {k: i for i, k in enumerate(self._later)}
        keys = list(zip(self._all["claim_id"].tolist(), self._all["cites"].tolist(), strict=False))
        order = sorted(range(len(keys)), key=lambda i: (keys[i] in later, later.get(keys[i], 0), i))
        self.rows = self._all.iloc[order].reset_index(drop=True)
        self._answers.value = self._answers_html()
        self._list.children = [self._item(r, (r.claim_id, r.cites) in later) for r in self.rows.itertuples(index=False)]

    def _answers_html(self) -> str:
        a = self.answers
        if self._all.empty:
            head = (
                "<p><b>No open suggestions</b>: the audit finds no undeclared dependence in this case that is "
                "not cited or rejected already.</p>"
            )
        else:
            n = len(self._all)
            head = f"<p><b>{n} suggestion{'s' if n != 1 else ''}</b> of dependence the citations do not declare.</p>"
        touched = set(
            self.case.claims.loc[
                self.case.claims["claim_id"].isin(set(self._all["claim_id"]) | set(self._all["cites"])), "proposition"
            ].dropna()
        )
        first = self.case.meta.get("proposition")
        props = [p for p in a.index if p in touched or p == first]
        props.sort(key=lambda p: (p != first, p))
        cells = "".join(
            f'<div style="flex:1;min-width:18em"><b>{isolate(p)}</b>: declared <b>{a.at[p, "declared"]}</b> · '
            f"if the copying is real <b>{a.at[p, 'if_suspected']}</b><br><small>"
            f"{escape(answers_line(int(a.at[p, 'declared']), int(a.at[p, 'if_suspected'])))}</small></div>"
            for p in props
        )
        return head + f'<div style="display:flex;flex-wrap:wrap;gap:1em">{cells}</div>'

    def _side(self, claim_id, passage, label) -> str:
        c = self.case.claims[self.case.claims["claim_id"] == claim_id].iloc[0]
        rep = self.case.reports[self.case.reports["report_id"] == c["report_id"]]
        who = str(rep["source_id"].iloc[0]) if len(rep) else ""
        when = str(rep["published"].iloc[0]) if len(rep) else ""
        return (
            f'<div style="flex:1;min-width:20em;padding:0.5em;border:1px solid #ccc">'
            f"<small>{escape(label)} · {isolate(claim_id)} · {isolate(who)} · {escape(when)}</small>"
            f"<p><bdi>{marked_html(c['text'], passage)}</bdi></p></div>"
        )

    def _item(self, r, is_later: bool):
        passage = _marked_passage(str(r.signal), str(r.evidence))
        also = f"<br><small>also {isolate(r.also)}</small>" if isinstance(r.also, str) and r.also else ""
        html = (
            f"<p><b>{isolate(r.claim_id)}</b> appears to rest on <b>{isolate(r.cites)}</b> "
            f"({escape(r.signal)}, score {r.score:.2f}){' · <i>later</i>' if is_later else ''}<br>"
            f"evidence: “{isolate(r.evidence)}”{also}</p>"
            f'<div style="display:flex;gap:1em;flex-wrap:wrap">'
            f"{self._side(r.claim_id, passage, 'later claim')}{self._side(r.cites, passage, 'earlier claim')}</div>"
        )
        basis = W.ToggleButtons(
            options=list(BASES),
            value=BASES[0],
            tooltips=["the reporter infers the dependence", "the report states it"],
            style={"button_width": "6em"},
            layout=W.Layout(width="auto"),
        )
        accept = W.Button(description="Accept", button_style="success", tooltip="append to citations.csv")
        reject = W.Button(description="Reject", button_style="danger", tooltip="keep in audit_rejected.csv")
        later = W.Button(description="Later", tooltip="leave it for later (nothing written)")
        a, b = str(r.claim_id), str(r.cites)
        accept.on_click(lambda _b: self.accept(a, b, basis.value))
        reject.on_click(lambda _b: self.reject(a, b))
        later.on_click(lambda _b: self.later(a, b))
        box = W.VBox(
            [
                W.HTML(html),
                W.HBox(
                    [W.Label("accept as"), basis, accept, reject, later],
                    layout=W.Layout(align_items="center", flex_flow="row wrap"),
                ),
            ],
            layout=W.Layout(border=f"1px {'dashed #bbb' if is_later else 'solid #999'}", **_SUGGESTION_BOX),
        )
        box.add_class("kit-suggestion")
        box.pair = (a, b)
        box.controls = {"basis": basis, "accept": accept, "reject": reject, "later": later}
        return box
