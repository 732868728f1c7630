"""A description two outlets share and nothing else: a small part of both sentences, by outlets that copy each
other nowhere else in the story.

An outlet that copies one sentence of another's, and nothing else of its story, copies most of that sentence (a
lead, a paragraph edited). Outlets that do not copy each other write the same event in the same words inside
sentences of their own ("… following several explosions targeting churches and hotels in Sri Lanka", "… in a
series of explosions targeting churches holding Easter services and hotels in Sri Lanka"; "plane that crashed on
Sunday morning en route to Nairobi from Addis Ababa", "crashed shortly after takeoff … en route to Nairobi,
Kenya"), or report the same words of an official in their own sentences ("One man in his late 20s has been charged
with murder, he said", "Police said later … one man in his late 20s had been charged with murder"). So a pair whose
two publishers have no other pair of copies in the story (texts with :data:`kit.auditing.stock.COPY_SIMILARITY` of
their content words the same) is copied prose only when the words it shares are at least
:data:`MOSTLY` of the content words of one of the two texts, or :data:`OWN` of the two together
(:func:`lone_descriptions`). A passage copied with most
of its sentence, and every pair between outlets that copy each other elsewhere, is not affected.

A wording is one outlet's when it is long, though: a run of at least :data:`RUN` consecutive words of the reporters'
shared (:func:`shared_run`: outside quotation marks, stop words counted in their place), at least :data:`RUN_WORDS`
of them content words and no figure among them ("whose narrow lanes are lined with many small manufacturing and
storage units" / "tucked inside congested lanes lined with many small manufacturing and storage units"; "Ali Bayati,
a member of Iraq's Human Rights Commission"), keeps the pair as copied prose. The event named alike ("the death toll
from the earthquake and tsunami that": four content words), a channel ("said in a post on social media platform X")
and a fact with its figure ("killing all 189 people on board the Lion Air flight", told alike by outlets that each
recall it) do not. What the exception changes on the real coverage: ``docs/audit.md`` (the fourteenth round).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import numpy as np

from kit.auditing.marks import SPEECH_VERB, quoted_flags
from kit.auditing.quotes import CHANNEL_WORDS
from kit.auditing.stock import COPY_SIMILARITY
from kit.auditing.text import STOP_WORDS, word_spans

__all__ = ["MOSTLY", "OWN", "RUN", "RUN_WORDS", "copy_elsewhere", "shared_run", "lone_descriptions", "word_keys"]

#: a pair of outlets that copy each other nowhere else is copied prose when it shares this share of the content
#: words of one of its two texts
MOSTLY = 0.7
#: ... or this share of the two texts' content words together (their Jaccard similarity): an edited copy of a
#: whole sentence shares about half its words with it, a description in two sentences of their own far less
OWN = 0.4
#: ... or when the two sentences share a run of at least this many consecutive words of the reporters' (outside
#: quotation marks, stop words counted, no figure among them): "lined with many small manufacturing and storage
#: units", "a pall of gloom hung over Dandaman village" are one outlet's wording, not the event told alike
RUN = 8
#: ... at least this many of them content words, not the channel a statement was posted on ("… said in a post on
#: social media platform X"; :data:`kit.auditing.quotes.CHANNEL_WORDS`): "the death toll from the earthquake and
#: tsunami that" (4) is the event named alike
RUN_WORDS = 5
_DIGIT = re.compile(r"\d")
#: a speech verb or "according" ends a run: the attribution ("…, the army said in a statement posted online";
#: "according to figures released by the health ministry") is how many sentences end, not one outlet's wording
_SAID = re.compile(rf"{SPEECH_VERB}|according|reported|saying")


def _words(corp, i: int) -> set:
    return set(corp.ids[corp.ptr[i] : corp.ptr[i + 1]].tolist())


def copy_elsewhere(corp, x: int, y: int, publisher, story) -> bool:
    """Whether the publishers of texts ``x`` and ``y`` have another pair of texts in their story with
    :data:`kit.auditing.stock.COPY_SIMILARITY` of their content words the same.

    Parameters
    ----------
    corp : kit.auditing.text.Corpus
    x, y : int
        Two texts.
    publisher, story : numpy.ndarray of int
        Each text's publisher and story (codes).

    Returns
    -------
    bool

    Examples
    --------
    >>> from kit.auditing.text import corpus
    >>> c = corpus(["Nine foreigners were among the dead.", "Nine foreigners were among the dead, officials said.",
    ...             "No claim of responsibility was made.", "There were no immediate claims of responsibility."])
    >>> copy_elsewhere(c, 3, 2, np.array([0, 1, 0, 1]), np.zeros(4, int))
    True
    """
    here = np.asarray(story) == story[x]
    mine = [(i, _words(corp, i)) for i in np.flatnonzero(here & (np.asarray(publisher) == publisher[x])).tolist()]
    for j in np.flatnonzero(here & (np.asarray(publisher) == publisher[y])).tolist():
        v = _words(corp, j)
        for i, u in mine:
            if {i, j} != {x, y} and u and v and len(u & v) >= COPY_SIMILARITY * len(u | v):
                return True
    return False


def shared_run(a: str, b: str) -> list:
    """The longest run of consecutive words outside quotation marks that texts ``a`` and ``b`` share (lower-case),
    not across a speech verb or "according" (the attribution).

    Parameters
    ----------
    a, b : str

    Returns
    -------
    list of str

    Examples
    --------
    >>> shared_run("Fire engines rushed to the factory, tucked inside lanes lined with many small storage units.",
    ...            "The old quarter's narrow lanes are lined with many small storage units, “crowded” ones.")
    ['lined', 'with', 'many', 'small', 'storage', 'units']
    """

    def own(text: str) -> list:
        spans, flags = word_spans(text), quoted_flags(text)
        if len(spans) != len(flags):
            flags = [False] * len(spans)
        return [None if q or _SAID.fullmatch(w) else w for (w, _, _), q in zip(spans, flags, strict=True)]

    x, y = own(a), own(b)
    y = [w if w is not None else 0 for w in y]  # a quoted word matches nothing
    m = SequenceMatcher(None, x, y, autojunk=False).find_longest_match(0, len(x), 0, len(y))
    return [w for w in x[m.a : m.a + m.size] if w is not None]


def lone_descriptions(corp, later, earlier, publisher, story, *, mostly: float = MOSTLY, texts=None) -> np.ndarray:
    """Which listed pairs (``later``, ``earlier``) are a description shared by outlets that copy each other nowhere
    else in the story (see the module's docstring).

    Parameters
    ----------
    corp : kit.auditing.text.Corpus
    later, earlier : numpy.ndarray of int
        The listed pairs (text positions).
    publisher, story : numpy.ndarray of int
        Each text's publisher and story (codes).
    mostly : float
    texts : pyarrow.Array of str, optional
        The texts (by position); when given, a pair sharing a run of :data:`RUN` words (:func:`shared_run`, no
        figure among them) is kept as copied prose.

    Returns
    -------
    numpy.ndarray of bool
        True for a pair that is not copied prose.

    Examples
    --------
    >>> from kit.auditing.text import corpus
    >>> texts = ["At least 150 people have been reported to be killed and hundreds more injured in a series of "
    ...          "explosions targeting churches holding Easter services and hotels in Sri Lanka.",
    ...          "At least 207 have been killed, including 35 foreigners, following several explosions targeting "
    ...          "churches and hotels in Sri Lanka."]
    >>> c = corpus(texts)
    >>> lone_descriptions(c, np.array([1]), np.array([0]), np.array([0, 1]), np.zeros(2, int)).tolist()
    [True]
    """
    later = np.asarray(later, dtype=np.int64)
    earlier = np.asarray(earlier, dtype=np.int64)
    publisher = np.asarray(publisher)
    known = (publisher[later] >= 0) & (publisher[earlier] >= 0) & (publisher[later] != publisher[earlier])
    (nx, kx), (ny, ky) = word_keys(corp, later), word_keys(corp, earlier)
    shared = np.bincount(np.intersect1d(kx, ky, assume_unique=True) // len(corp.vocab), minlength=len(later))
    # most of one of the two sentences, or of the two together: a copy, whatever else the outlets copy
    small = (shared < mostly * np.maximum(np.minimum(nx, ny), 1)) & (shared < OWN * (nx + ny - shared))
    out = np.zeros(len(later), dtype=bool)
    for k in np.flatnonzero(known & small).tolist():
        out[k] = not copy_elsewhere(corp, int(later[k]), int(earlier[k]), publisher, story)
    if texts is not None:
        for k in np.flatnonzero(out).tolist():
            run = shared_run(texts[int(later[k])].as_py() or "", texts[int(earlier[k])].as_py() or "")
            content = [w for w in run if w not in STOP_WORDS and w not in CHANNEL_WORDS]
            out[k] = len(run) < RUN or len(content) < RUN_WORDS or any(_DIGIT.search(w) for w in run)
    return out


def word_keys(corp, texts) -> tuple[np.ndarray, np.ndarray]:
    """Each text's number of distinct content words, and its words as sorted keys ``row * vocabulary + word``.

    Parameters
    ----------
    corp : kit.auditing.text.Corpus
    texts : numpy.ndarray of int
        Text positions (``row`` is the index into ``texts``).

    Returns
    -------
    counts : numpy.ndarray of int
    keys : numpy.ndarray of int
        Sorted, each distinct.

    Examples
    --------
    >>> from kit.auditing.text import corpus
    >>> c = corpus(["floods hit Leeds, floods", "Leeds"])
    >>> counts, keys = word_keys(c, np.array([0, 1]))
    >>> counts.tolist(), (keys // len(c.vocab)).tolist()
    ([3, 1], [0, 0, 0, 1])
    """
    starts, lengths = corp.ptr[texts], np.diff(corp.ptr)[texts]
    row = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    at = np.arange(int(lengths.sum()), dtype=np.int64) + np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    keys = np.sort(row * len(corp.vocab) + corp.ids[at])
    keys = keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) else keys
    return np.bincount(keys // len(corp.vocab), minlength=len(texts)), keys
