"""Quotation marks: which words of a text stand inside a quotation (the one rule, for one text and in bulk).

A chunk (a run of characters between white space) that starts with an opening mark (``“``, ``"``, ``«``, ``„``, after
any opening bracket) opens a quotation; a chunk that ends with a closing mark (``”``, ``"``, ``»``, before any
punctuation) closes one; a word is quoted while a quotation is open. A text whose first mark closes a quotation
began inside one (a quoted passage of several sentences cut into claims), and a quotation never closed runs to the
end. Two apostrophes in a row (``''``, or ``’’``) are a quotation mark too, opening at a chunk's start and closing
at its end (a wire's typesetting some pages keep: 'there were "children and entire families,'' the UN statement');
a single ``‘`` or ``’`` is not, since it is an apostrophe as often. :func:`quoted_flags` applies it to one text,
:func:`marks` and :func:`quoted_chunks` to many (:func:`kit.auditing.text.corpus`); ``tests/auditing/test_marks.py``
checks that they agree.

A quotation mark glued to a word is still a quotation mark: an opening mark (``“``, ``„``, ``«``) right after another
character and before a word ("in remote regions.“The death toll", a typesetting slip of a real page), or a closing
mark (``”``, ``»``) right before a word ("safe,”he said"), is cut from that word as if a space stood between them
(:data:`GLUED`, :func:`unglue`). A closing-shaped ``”`` or an ASCII ``"`` glued between a sentence's end and the
next sentence's first capital, with no quotation open before it ("said Diab.”Those responsible", 'at a news
conference."We received'), opens the next quotation (:data:`STRAY`): a quotation closed there would have had to
open somewhere. With a quotation open before it, an ASCII ``"`` glued there closes that quotation ('an "immense
tragedy."Writing on Facebook', sentences glued together by a page): a space is put after it, as many times as a text
has such marks (up to :data:`STRAY_PASSES`). Elsewhere a glued ASCII ``"`` is left alone, since it does not say
whether it opens or closes.

A speech verb and a colon introduce a quotation, marks or not ("He added: What happened today will not pass", a
page that gives the speaker's words without their marks): when no quotation mark opens right after such a chunk
(:data:`INTRODUCES`), the words after it, to the end of the text, are quoted (:func:`opened_after`).

A quotation's *attribution* is the speaker's, not the reporter's prose: :func:`attribution_flags` finds the clause
that names who spoke, next to a quotation: after its closing mark ("…,” Prime Minister Sushil Koirala told Reuters",
"…,” said Mayor Sergio Pirozzi", "…,” Koirala said in an interview with Reuters"), or before its opening mark
("Mayor Ada Colau said in a statement: “…"): capitalised words (a title and a name, :data:`NAME`), a speech verb
(:data:`SPEECH_VERB`; a closing mark as the quotation rule reads it, "them,“ pleaded Isaac" too), then optionally
"told <outlet>" or "told reporters", "in a (written) statement" or "in an interview (with <outlet>)", and "on
<weekday>" (not "in an address to the nation a day after the blaze": where and when
a speaker spoke is the reporter's account). Before an opening mark only capitalised words count as the speaker
("Paris fire brigade chief Jean-Claude Gallet said “…" gives "Jean-Claude Gallet said": the description is the
reporter's); after a closing mark up to four words of a description may lead ("town Mayor, Sergio Pirozzi, told
reporters", "North Lombok district chief Najmul Akhyar told Metro TV"). Of the words these clauses span, only the
capitalised ones (a title, a name, the name of a body) and the speech clause (a speech verb, "told reporters", "in a
statement", "on Monday") are the speaker's: every outlet names a speaker alike. A post described in lower-case
words ("town", "district chief"; "the general secretary of Guatemala's CONRED national disaster management agency",
"spokesman for the volunteer firefighter corps") is how one reporter put it, the reporter's prose: an outlet that
repeats it with the quotation copied the sentence, not only the speaker's words.
:func:`kit.auditing.text.corpus` counts these words as no content words, so they are neither shared prose nor a
shared quotation.
"""

from __future__ import annotations

import re
from bisect import bisect_left

import numpy as np

__all__ = [
    "PUNCTUATION",
    "MARK",
    "GLUED",
    "STRAY",
    "STRAY_REPLACE",
    "STRAY_PASSES",
    "STRAY_HINT",
    "SPEECH_VERB",
    "SPEECH_CLAUSE",
    "NAME",
    "ROLE",
    "ATTRIBUTION_HINT",
    "unglue",
    "glue_points",
    "attribution_flags",
    "quoted_flags",
    "INTRODUCES",
    "introduces",
    "opened_after",
    "marks",
    "quoted_chunks",
]

#: cut from both ends of a chunk: ASCII punctuation and the common typographic marks (a chunk of these alone is no
#: word; :mod:`kit.auditing.text` cuts words with it)
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»‹›“”„‟‘’‚‛–—―‐‑‒…·•°¡¿§¶†‡′″"
#: a chunk holding any quotation mark (a regular expression)
MARK = "[“”\"«»„″]|''"
#: a chunk opening a quotation: an opening mark (or two apostrophes) at its start (after brackets)
_OPENS = r"^[(\[]*(?:[“\"«„]|\'\')"
#: a chunk closing a quotation: a closing mark (or two apostrophes) at its end (before punctuation); "“" closes after a
#: word's last letter too (a typesetting slip seen in real pages: ``them,“``), and a double prime after a word's
#: punctuation (``adults,″`` in a stored page; "2″", an inch mark, closes nothing)
_CLOSES = r"(?:[”\"»]|''|\w[.,;:!?…]*“|\w[.,;:!?…]″)[.,;:!?…)\]’']*$"
_P = re.escape(PUNCTUATION)
#: an opening mark glued after a character and before a word, or a closing mark glued before a word (a regular
#: expression that Python's ``re`` and pyarrow's RE2 read alike; replaced by ``\1\3 \2\4`` it puts the space in)
GLUED = rf"(\S)([“„«][^\s{_P}])|([”»])([^\s{_P}])"
_GLUED = re.compile(GLUED)
#: a closing-shaped ``”``, then an ASCII ``"``, glued between ``.``, ``!`` or ``?`` and a capital or a digit, with
#: only whole quotations (or none) before it: it opens a quotation (regular expressions Python's ``re`` and pyarrow's
#: RE2 read alike, each replaced by its :data:`STRAY_REPLACE`, before :data:`GLUED`); an ASCII ``"`` glued there with
#: a quotation open before it closes that quotation (the third); each is applied up to :data:`STRAY_PASSES` times
STRAY = (
    r"^((?:[^“”]*“[^“”]*”)*[^“”]*[.!?])”([A-Z0-9])",
    r'^((?:[^"]*"[^"]*")*[^"]*[.!?])"([A-Z0-9])',
    r'^((?:[^"]*"[^"]*")*[^"]*"[^"]*[.!?]")([A-Z0-9])',
)
#: what :data:`STRAY` is replaced by: a space and an opening mark, or the closing mark and a space
STRAY_REPLACE = (r"\1 “\2", r'\1 "\2', r"\1 \2")
#: how many times each of :data:`STRAY` is applied to a text (a text of several sentences glued together)
STRAY_PASSES = 3
_STRAY = tuple(re.compile(p) for p in STRAY)
#: what every :data:`STRAY` match holds (a fast first cut, as :mod:`kit.auditing.text` makes it in bulk)
STRAY_HINT = r"[.!?][”\"][A-Z0-9]"
_STRAY_HINT = re.compile(STRAY_HINT)
#: the verbs that report speech (a regular expression): "confirmed", "announced" and "revealed" name a speaker as
#: "said" does ("Greater Manchester Police Chief Constable Ian Hopkins has confirmed 22 people died")
SPEECH_VERB = (
    r"(?:said|says|told|tells|added|warned|tweeted|wrote|stated|insisted|noted|declared|explained|pleaded"
    r"|confirmed|announced|revealed)"
)
#: a speaker's title and name: capitalised words, with "of", "the", "de", ... and commas between them
NAME = r"(?:[A-Z][\w'’.-]*)(?:,?\s+(?:(?:of|the|de|del|al|bin|van|von|la|le)\s+)?[A-Z][\w'’.-]*){0,6}"
_OUTLET = r"(?:reporters|journalists|(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
_SPEECH = (
    rf"(?:(?:told|tells)\s+{_OUTLET}|{SPEECH_VERB})"
    rf"(?:,?\s+in\s+an?\s+(?:[a-z]+\s+)?(?:statement|interview)(?:\s+with\s+{_OUTLET})?)?"
    r"(?:\s+on\s+[A-Z][a-z]+day)?"
)
#: a speech verb with what may follow it in an attribution: "told reporters", "said in a statement", "added on Monday"
SPEECH_CLAUSE = _SPEECH
_WHO = rf"(?:{NAME}|he|she|they)"
#: the nouns that name a post in an appositive ("Immacolata Postiglione, head of the Civil Protection agency's
#: emergency unit,"; "X Y, spokesman for the ... Agency")
ROLE = (
    r"(?:spokes(?:man|woman|person)|head|chief|director|minister|president|mayor|governor|secretary|commander"
    r"|chairman|chairwoman|official|leader|coordinator|ambassador|prosecutor)"
)
#: a title and a full name (two capitalised words or more, no commas between them)
_FULL = r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|the|de|del|al|bin|van|von|la|le)\s+)?[A-Z][\w'’.-]*){1,6}"
#: a text that may hold an attribution outside any quotation (a regular expression Python's ``re`` and pyarrow's RE2
#: read alike, a first cut before :func:`attribution_flags`; ``\S`` where the rule has ``\w``, which RE2 reads as
#: ASCII only: "Mr Cabañas added" is a hint to both)
ATTRIBUTION_HINT = rf"[A-Z]\S*(?:,\s+(?:\S+\s+){{0,3}}(?i:{ROLE})\b|\s+(?:has\s+|had\s+)?{SPEECH_VERB}\b)"
#: outside any quotation, a full name with its post in an appositive, or a title and a full name before a speech verb
_PLAIN = re.compile(
    rf"(?<![\w'’.-])(?:{_FULL},\s+(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){{0,2}}?(?i:{ROLE})\b[^,.;:“”\"()]{{0,80}}"
    rf"|{_FULL}\s+(?:has\s+|had\s+)?{_SPEECH}(?:\s+that)?\b)"
)
_ATTRIBUTION = re.compile(
    rf"(?:[”\"»]|(?<=[\w.,;:!?…])“)[,.!?]?\s+(?P<after>(?:[\w-]+\s+){{0,4}}?{_WHO},?\s+{_SPEECH}|{SPEECH_VERB}\s+{_WHO})\b"
    rf"|(?<![\w'’.-])(?P<before>{NAME},?\s+{_SPEECH})[,:]?\s*(?=[“\"«])"
)
#: the speech clause of an attribution: a speech verb ("has said that", "as saying"), "told reporters", "in a
#: statement", "on Monday"
_SPEECH_CLAUSE = re.compile(rf"(?<![\w'’.-])(?:has\s+|had\s+)?{_SPEECH}(?:\s+(?:that|as\s+saying))?\b")


def unglue(text: str) -> str:
    """``text`` with a space between a quotation mark and the word it is glued to (:data:`GLUED`).

    Parameters
    ----------
    text : str

    Returns
    -------
    str

    Examples
    --------
    >>> unglue("in remote areas.“The toll will rise,”he said")
    'in remote areas. “The toll will rise,” he said'
    >>> unglue("“It will not pass,” said Diab.”Those responsible will pay")
    '“It will not pass,” said Diab. “Those responsible will pay'
    """
    return _GLUED.sub(r"\1\3 \2\4", _unstray(text)[0])


def _unstray(text: str) -> tuple[str, list[int]]:
    """``text`` with :data:`STRAY` marks made opening marks after a space, and where the spaces are (ascending)."""
    spaces: list[int] = []
    if not _STRAY_HINT.search(text):  # a fast first cut: no mark after a sentence's end
        return text, spaces
    for _ in range(STRAY_PASSES):
        for pattern, replacement in zip(_STRAY, STRAY_REPLACE, strict=True):
            m = pattern.search(text)
            if m:
                at = m.end(1)  # where the space goes, in both kinds
                spaces = sorted([q + (q >= at) for q in spaces] + [at])
                text = m.expand(replacement) + text[m.end() :]
    return text, spaces


def glue_points(text: str) -> list[int]:
    """Where :func:`unglue` puts a space, as positions in ``text`` (ascending).

    Parameters
    ----------
    text : str

    Returns
    -------
    list of int

    Examples
    --------
    >>> glue_points("areas.“The toll")
    [6]
    >>> glue_points("said Diab.”Those, and “we,”he said")
    [10, 27]
    """
    plain, spaces = _unstray(text)
    glued = [m.start(2) if m.group(2) else m.start(4) for m in _GLUED.finditer(plain)]
    return sorted(q - sum(1 for s in spaces if s < q) for q in glued + spaces)


def _chunks(plain: str) -> list[re.Match]:
    """The chunks of the unglued text ``plain`` (:func:`unglue`) that hold a word (:mod:`kit.auditing.text`'s rule)."""
    return [m for m in _CHUNK.finditer(plain) if m.group().strip(PUNCTUATION)]


_CHUNK = re.compile(r"\S+")


def attribution_flags(text: str) -> list[bool]:
    """For each word of ``text`` (as :func:`kit.auditing.text.words` gives them): is it in a quotation's attribution
    (see the module's docstring)?

    Parameters
    ----------
    text : str

    Returns
    -------
    list of bool

    Examples
    --------
    >>> attribution_flags("“We will rebuild,” Mayor Ada Colau told reporters. Crews worked on.")
    [False, False, False, True, True, True, True, True, False, False, False]
    >>> attribution_flags("Fire chief Ana Ruiz said: “It is out.”")
    [False, False, True, True, True, False, False, False]
    """
    plain = unglue(text)
    chunks = _chunks(plain)
    flags = [False] * len(chunks)
    if not chunks:
        return flags
    spans = [(m.start(g), m.end(g)) for m in _ATTRIBUTION.finditer(plain) for g in ("after", "before") if m.group(g)]
    spans += [m.span() for m in _PLAIN.finditer(plain)]
    starts = [c.start() for c in chunks]  # ascending: the words whose start lies in [a, b) are a run of them
    lower = []
    for a, b in spans:
        for k in range(bisect_left(starts, a), bisect_left(starts, b)):
            if not flags[k]:
                flags[k] = True
                if chunks[k].group().strip(PUNCTUATION)[:1].islower():
                    lower.append(k)
    if not lower:
        return flags
    # a post described in the reporter's own lower-case words is the reporter's prose: only the capitalised title
    # and name, and the speech clause, are the speaker's
    speech: set = set()
    for a, b in spans:
        for m in _SPEECH_CLAUSE.finditer(plain, a, b):
            speech.update(range(bisect_left(starts, m.start()), bisect_left(starts, m.end())))
    for k in lower:
        flags[k] = k in speech
    return flags


#: a chunk that introduces a quotation without marks: a speech verb and a colon ("He added: What happened today
#: will not pass", a quotation a page gives without its marks); the words after it, to the text's end, are quoted
#: unless a quotation mark opens right after it (a regular expression Python's ``re`` and pyarrow's RE2 read alike)
INTRODUCES = rf"^{SPEECH_VERB}:$"
_INTRODUCES = re.compile(INTRODUCES)


def introduces(chunks):
    """Which of many distinct chunks introduce a quotation without marks (:data:`INTRODUCES`).

    Parameters
    ----------
    chunks : pyarrow.Array of strings

    Returns
    -------
    numpy.ndarray of bool

    Examples
    --------
    >>> import pyarrow as pa
    >>> introduces(pa.array(["added:", "added", "ratio:", "said:"])).tolist()
    [True, False, False, True]
    """
    import pyarrow.compute as pc

    colon = np.asarray(pc.ends_with(chunks, ":").to_numpy(zero_copy_only=False), dtype=bool)
    out = np.zeros(len(chunks), dtype=bool)
    at = np.flatnonzero(colon)
    if len(at):
        import pyarrow as pa

        few = chunks.take(pa.array(at))
        out[at] = np.asarray(pc.match_substring_regex(few, INTRODUCES).to_numpy(zero_copy_only=False), dtype=bool)
    return out


def opened_after(opens: np.ndarray, intro: np.ndarray, doc: np.ndarray) -> np.ndarray:
    """``opens`` with the chunk after each chunk that introduces a quotation without marks (:data:`INTRODUCES`) opening
    one, when it is of the same text and opens none itself (chunks in text order).

    Parameters
    ----------
    opens, intro : numpy.ndarray of bool
        Per chunk.
    doc : numpy.ndarray of int
        Each chunk's text.

    Returns
    -------
    numpy.ndarray of bool

    Examples
    --------
    >>> opened_after(np.array([0, 0, 0, 1], bool), np.array([1, 0, 1, 0], bool), np.array([0, 0, 0, 0])).tolist()
    [False, True, False, True]
    """
    if len(opens) < 2 or not intro.any():
        return opens
    out = opens.copy()
    out[1:] |= intro[:-1] & (doc[1:] == doc[:-1])
    return out


def quoted_flags(text: str) -> list[bool]:
    """For each word of ``text`` (as :func:`words` gives them): is it inside quotation marks?

    Parameters
    ----------
    text : str

    Returns
    -------
    list of bool

    Examples
    --------
    >>> quoted_flags('Pupils moved, “the hall is safe,” the Council said.')
    [False, False, True, True, True, True, False, False, False]
    >>> quoted_flags('safe now,” he said.')
    [True, True, False, False]
    """
    chunks = [c for c in unglue(text).replace("\u2019", "'").split() if c.strip(PUNCTUATION)]
    opens = np.array([bool(re.search(_OPENS, c)) for c in chunks], dtype=bool)
    closes = np.array([bool(re.search(_CLOSES, c)) for c in chunks], dtype=bool)
    doc = np.zeros(len(chunks), np.int64)
    intro = np.array([bool(_INTRODUCES.search(c)) for c in chunks], dtype=bool)
    return quoted_chunks(opened_after(opens, intro, doc), closes, doc).tolist()


def marks(chunks):
    """Which of many distinct chunks open and which close a quotation (the regular expressions run only on the
    chunks holding a quotation mark at all).

    Parameters
    ----------
    chunks : pyarrow.Array of strings

    Returns
    -------
    (numpy.ndarray of bool, numpy.ndarray of bool)
        Opens, closes; one each per chunk.

    Examples
    --------
    >>> import pyarrow as pa
    >>> [a.tolist() for a in marks(pa.array(["“The", "hall", "safe,”", "x"]))]
    [[True, False, False, False], [False, False, True, False]]
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    some = np.asarray(pc.match_substring_regex(chunks, MARK).to_numpy(zero_copy_only=False), dtype=bool)
    at = np.flatnonzero(some)
    opens, closes = np.zeros(len(chunks), dtype=bool), np.zeros(len(chunks), dtype=bool)
    if len(at):
        few = chunks.take(pa.array(at))
        opens[at] = np.asarray(pc.match_substring_regex(few, _OPENS).to_numpy(zero_copy_only=False), dtype=bool)
        closes[at] = np.asarray(pc.match_substring_regex(few, _CLOSES).to_numpy(zero_copy_only=False), dtype=bool)
    return opens, closes


def quoted_chunks(opens: np.ndarray, closes: np.ndarray, doc: np.ndarray) -> np.ndarray:
    """Quoted chunks, given each chunk's opening and closing marks and its text (chunks in text order).

    Parameters
    ----------
    opens, closes : numpy.ndarray of bool
        Per chunk (:func:`marks`).
    doc : numpy.ndarray of int
        Each chunk's text; a text's chunks are together and in order.

    Returns
    -------
    numpy.ndarray of bool

    Examples
    --------
    >>> quoted_chunks(np.array([1, 0, 0, 0], bool), np.array([0, 1, 0, 1], bool), np.array([0, 0, 0, 1])).tolist()
    [True, True, False, True]
    """
    n = len(opens)
    if n == 0:
        return np.zeros(0, dtype=bool)
    o, c = opens.astype(np.int64), closes.astype(np.int64)
    start = np.concatenate([[True], doc[1:] != doc[:-1]])
    first = np.flatnonzero(start)
    run = np.cumsum(start) - 1
    co, cc = np.cumsum(o), np.cumsum(c)
    base_o, base_c = (co - o)[first][run], (cc - c)[first][run]
    # a text whose first mark closes a quotation began inside one
    marked = np.flatnonzero(opens | closes)
    begins_inside = np.zeros(len(first), dtype=bool)
    if len(marked):
        firsts = marked[np.concatenate([[True], run[marked][1:] != run[marked][:-1]])]
        begins_inside[run[firsts]] = closes[firsts] & ~opens[firsts]
    depth = begins_inside[run].astype(np.int64) + (co - base_o) - (cc - c - base_c)
    return depth > 0
