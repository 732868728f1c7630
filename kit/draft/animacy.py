"""Whether a drafted speaker can speak at all, from WordNet's noun senses (issue 21's eleventh pass).

Ten passes of sentence rules each fitted the sentences they were written on. This pass asks a generic lexical
resource instead: WordNet 3.0 files each sense of a noun in a lexicographer file (``noun.person``, ``noun.group``,
``noun.communication``, ``noun.act``, ``noun.body``, ``noun.location``, ...), and orders a noun's senses by how often
they were tagged, the most frequent first. A common noun phrase drafted as a speaker whose head noun's first sense is
a body or a body part, an animal, a plant, a feeling, a motive or a process (:data:`MUTE`) is no speaker: "there are
25 unidentified bodies believed to be of foreigners,” the foreign ministry said" is the ministry's word, not the
bodies'. Rules, each named and tested in ``tests/draft/test_animacy.py`` on the corpus' sentences:

- ``mute_head``: the head noun of an unnamed speaker (the last word before a preposition, a relative pronoun or a
  participle: "a man wounded in the strike" is headed by "man") is looked up, its plural through WordNet's
  detachment rules (:data:`DETACH`); a noun the kit's own lexicon counts as a speaker ("source", "group",
  "administration", "tally"), a noun with a person sense (``person_sense``: "the star", "a mogul"), a noun after a
  capitalised modifier (``named_modifier``: "the … War Crimes Watch project"), a noun after a capitalised first
  word filed as a person, a place, a group or a language (``named_first``: "Ukrainian air defence", where a
  sentence's first word is capitalised whatever it is) and a noun WordNet does not know always speak;
- ``negated_subject``: "No group has claimed responsibility", "none of the parties", "nobody" names nobody.

Acts, events, places, times, quantities and states stay speakers: measured, they took right citations from PolNeAR
("the campaign said", "the state said", "57 percent said": a body or people named by what they do or are; see
docs/draft.md, "The eleventh pass"). A capitalised name is never judged by WordNet ("Ganja" is a city, WordNet's
"ganja" a plant). The data (``kit/draft/data/wordnet_nouns.tsv.gz``, with WordNet's licence beside it) is read once,
when first asked, so ``import kit`` loads nothing.

Examples
--------
>>> from kit.draft.nouns import Mention
>>> can_speak(Mention("officials", common=True)), can_speak(Mention("25 unidentified bodies", common=True))
(True, False)
>>> can_speak(Mention("No group", common=True)), can_speak(Mention("Reuters"))
(False, True)
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources

from kit.draft.lexicon import (
    BODY_NOUNS,
    DOCUMENT_SUBJECT,
    GROUPS,
    ORG_HEADS,
    PRONOUNS,
    ROLE_WORDS,
    SOURCE_NOUNS,
    SPEAKER_NOUNS,
)
from kit.draft.nouns import DOC_FROM, Mention

__all__ = ["DATA", "DETACH", "MUTE", "NEGATIONS", "lexnames", "senses", "first_sense", "head_noun", "can_speak"]

#: the data file, in this package: one line per WordNet 3.0 noun lemma (``benchmarks/wordnet_nouns.py`` writes it)
DATA = ("data", "wordnet_nouns.tsv.gz")
#: WordNet's detachment rules for nouns (morphy's): a plural's ending and what replaces it, tried in order
DETACH = (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
          ("ies", "y"))  # fmt: skip
#: lexicographer files whose things say nothing: a noun whose first sense is filed here is no speaker. Chosen by
#: measurement (docs/draft.md, "The eleventh pass"): the files whose nouns, taken out as speakers, take no right
#: citation from PolNeAR's train and dev splits; acts, events, places, times, quantities and states are left out
#: ("the campaign said", "the state said", "57 percent said": a body or people named by what they do or are)
MUTE = frozenset(("noun.animal", "noun.body", "noun.feeling", "noun.motive", "noun.plant", "noun.process"))
#: a capitalised first word filed as a person, a place, a group or a language (a people's or a place's name used as a
#: modifier: "Ukrainian air defence", WordNet's "Ukrainian" being the language) names who speaks, where a sentence's
#: first word is capitalised whatever it is
_NAMED = frozenset(("noun.person", "noun.location", "noun.group", "noun.communication"))
#: words opening a subject that names nobody: "No group has claimed …", "None of the parties said"
NEGATIONS = {"no", "none", "nobody", "neither", "nor", "not", "never"}
#: nouns the kit's lexicon counts as speakers, documents or media: never judged by WordNet
_LEXICON = SPEAKER_NOUNS | GROUPS | ROLE_WORDS | ORG_HEADS | SOURCE_NOUNS | BODY_NOUNS | DOC_FROM
#: where a noun phrase's head ends: a preposition, a relative pronoun, a comma, a participle ("a man wounded in")
_HEAD_END = re.compile(
    r"\s(?:of|in|from|at|for|with|on|near|opposite|inside|outside|across|over|under|behind|by|about|to|who|which|"
    r"that|whose|close|familiar)\s|,|(?<=[a-z])\s(?!(?:the|an?|their|its|his|her|our)\s)[a-z]+(?:ed|ing|en)\s"
)
_WORD = re.compile(r"[A-Za-z][\w’'-]*")


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[int, int]], dict[int, str]]:
    """The data file, read once: ``{lemma: (first sense's file, mask of files)}`` and ``{file number: name}``."""
    raw = resources.files("kit.draft").joinpath(*DATA).read_bytes()
    table: dict[str, tuple[int, int]] = {}
    names: dict[int, str] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if line.startswith("# files: "):
            names = {int(n): name for n, _, name in (pair.partition("=") for pair in line[9:].split())}
        elif line and not line.startswith("#"):
            lemma, first, mask = line.split("\t")
            table[lemma] = (int(first), int(mask, 16))
    return table, names


def lexnames() -> dict[int, str]:
    """WordNet's noun lexicographer files, by number (its ``lexnames`` file), as the data file lists them.

    Returns
    -------
    dict of int to str

    Examples
    --------
    >>> lexnames()[18], lexnames()[14], len(lexnames())
    ('noun.person', 'noun.group', 26)
    """
    return dict(_table()[1])


def _lemma(word: str) -> str | None:
    """The WordNet lemma of a noun: the word itself if WordNet lists it, else its singular by :data:`DETACH`."""
    table = _table()[0]
    word = word.lower().replace("’", "'")
    if word in table:
        return word
    for ending, replace in DETACH:
        if word.endswith(ending) and (base := word[: len(word) - len(ending)] + replace) in table:
            return base
    return None


def senses(word: str) -> frozenset[str]:
    """The lexicographer files of all the noun senses of ``word`` (empty when WordNet does not know it as a noun).

    Parameters
    ----------
    word : str
        A noun, singular or plural.

    Returns
    -------
    frozenset of str

    Examples
    --------
    >>> sorted(senses("bodies"))[:3]
    ['noun.artifact', 'noun.attribute', 'noun.body']
    >>> "noun.person" in senses("officials"), senses("zzz")
    (True, frozenset())
    """
    lemma = _lemma(word)
    if lemma is None:
        return frozenset()
    table, names = _table()
    mask = table[lemma][1]
    return frozenset(name for n, name in names.items() if mask >> n & 1)


def first_sense(word: str) -> str | None:
    """The lexicographer file of the first (most frequently tagged) noun sense of ``word``, or None.

    Parameters
    ----------
    word : str
        A noun, singular or plural.

    Returns
    -------
    str or None

    Examples
    --------
    >>> first_sense("attack"), first_sense("Witnesses"), first_sense("scene"), first_sense("zzz")
    ('noun.act', 'noun.person', 'noun.location', None)
    """
    lemma = _lemma(word)
    if lemma is None:
        return None
    table, names = _table()
    return names.get(table[lemma][0])


def head_noun(text: str) -> str:
    """The head noun of a common noun phrase: its last word before a modifier opens ("", when it has no word).

    Parameters
    ----------
    text : str
        A speaker's words ("a man wounded in the strike", "Footage from the scene", "25 unidentified bodies").

    Returns
    -------
    str
        The head word, as written.

    Examples
    --------
    >>> head_noun("a man wounded in the strike"), head_noun("Relatives of the victims"), head_noun("the scene")
    ('man', 'Relatives', 'scene')
    """
    cut = _HEAD_END.search(text)
    words = _WORD.findall(text[: cut.start()] if cut and cut.start() > 0 else text)
    return words[-1] if words else ""


def _negated(text: str) -> bool:
    """``negated_subject``: the phrase opens with a word that names nobody ("No group", "none of the …")."""
    first = (_WORD.findall(text) or [""])[0].lower()
    return first in NEGATIONS or text.lower().startswith("no one")


def can_speak(m: Mention) -> bool:
    """Whether a drafted speaker can be anyone's source: ``negated_subject`` and ``mute_head`` (see the module).

    Parameters
    ----------
    m : kit.draft.nouns.Mention
        A speaker as a sentence names it.

    Returns
    -------
    bool
        False for an unnamed speaker whose phrase is negated ("No group") or whose head noun's first WordNet sense is
        filed in :data:`MUTE` and which the kit's lexicon does not count as a speaker; True otherwise (a name, a
        pronoun, a noun WordNet does not know).

    See Also
    --------
    kit.draft.documents.weak_speaker : fragments of a sentence that are no speaker.

    Examples
    --------
    >>> can_speak(Mention("the bodies", common=True)), can_speak(Mention("medical sources", common=True))
    (False, True)
    >>> can_speak(Mention("a man wounded in the strike", common=True))
    True
    """
    if not m.common or m.text.lower() in PRONOUNS:
        return True
    if _negated(m.text):
        return False
    written = head_noun(m.text)
    head = written.lower()
    words = _WORD.findall(m.text[: m.text.find(written)]) if written else []
    if not head or any(w[:1].isupper() for w in words[1:]):  # named_modifier: "the … War Crimes Watch project"
        return True
    if words[:1] and words[0][:1].isupper() and senses(words[0]) & _NAMED:  # "Ukrainian air defence", "Israeli …"
        return True
    forms = {head} | {head[: len(head) - len(e)] + r for e, r in DETACH if head.endswith(e)}
    if forms & _LEXICON or DOCUMENT_SUBJECT.search(head) or _lemma(head) is None:
        return True
    return first_sense(head) not in MUTE or "noun.person" in senses(head)  # person_sense: "the star", "a mogul"
