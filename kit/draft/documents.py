"""Documents, footage and images as speakers (issue 21, fourth pass).

News copy often gives its words to a document rather than a person: "Satellite imagery released by Yale
University's Humanitarian Research Lab on Thursday showed …", "Video footage obtained by Reuters showed …",
"Satellite images depicted …", "The report indicates that …". Rules, each named and tested in
``tests/draft/test_documents.py``:

- ``released_by``: a document released, published, issued, posted (on social media), shared, provided or compiled
  by X, or a document from X, is X's word (the document kept in ``about``);
- ``obtained_by``: a document obtained, seen, viewed, verified, reviewed or examined by X is not X's word: the document
  itself is the speaker, X relays it;
- ``document_verbs``: "showed", "depicted", "indicates" attribute only when their subject is a document, an image,
  a post or footage (:data:`DOCUMENT_ONLY`);
- ``statement_by`` (wrong-speaker pass, ``tests/draft/test_misreads.py``): a statement or a report "by" X is X's word,
  as one "from" X; with :func:`kit.draft.misreads.place_not_author` ("Footage from the scene") and
  :func:`kit.draft.misreads.version_of` ("An earlier version of this report");
- ``online_document`` (tenth pass, ``tests/draft/test_tenth_pass.py``): "A video on social media showed", "Videos
  circulating on social media show": the document seen online is the speaker, its phrase whole.
"""

from __future__ import annotations

import re

from kit.draft.footage import footage_phrase
from kit.draft.lexicon import DETERMINERS, QUANTIFIERS
from kit.draft.misreads import place_not_author, version_of
from kit.draft.nouns import Mention
from kit.draft.objects import can_author, object_after
from kit.draft.phrases import subject_before

__all__ = ["DOCUMENT_ONLY", "document_speaker", "weak_speaker"]

#: speech verbs that attribute only after a document, an image, footage or a post: "Satellite images depicted …"
DOCUMENT_ONLY = {"gave", "showed", "listed", "show", "shows", "depicted", "depicts", "indicates", "indicated"}

_AUTHOR = {"released", "published", "issued", "posted", "shared", "provided", "compiled", "from", "by"}
#: statement_by (wrong-speaker pass): "A televised statement by the Moroccan Interior Ministry", "Earlier reports from
#: the area" (a document "by" its author as "from" it; "reports" a document too; an adverb before the verb skipped)
_BY = re.compile(
    r"(?P<doc>(?:[\w’'-]+\s+){0,2}(?:footage|imagery|images|video|videos|photos|photographs|pictures|report|"
    r"statement|data|figures|documents?|analysis|posts?|messages?|letter|study|reports))\s+"
    r"(?:(?P<verb>released|published|issued|posted|shared|provided|compiled|obtained|seen|viewed|verified|reviewed|examined)"
    r"(?:\s+(?:on|to|in)(?:\s+[\w’'-]+){1,3}?)?\s+by|(?P<from>from|by))\s+(?P<who>[^,;“”\"]+?)(?:\s+(?:further|also|again|then|later))?\s*$",
    re.I,
)
#: online_document: a video, footage, images or posts seen online, without their author: the phrase, whole
_ONLINE = re.compile(
    r"(?<![\w’'-])(?:(?:an?|the|one|another|several|some|many)\s+)?(?:[\w’'-]+\s+)?(?:footage|videos?|images|photos|"
    r"pictures|posts?|clips?)\s+(?:(?:widely\s+)?(?:circulating|posted|shared|published|circulated)\s+)?"
    r"(?:on\s+social\s+media|online|on\s+(?:Twitter|X|Facebook|Telegram|TikTok|Instagram|YouTube))$",
    re.I,
)
_WHEN = re.compile(r"\s+(?:on\s+)?(?:\w+day|last\s+\w+|this\s+\w+|earlier|late\s+\w+)$", re.I)


def document_speaker(prefix: str) -> tuple[Mention, Mention | None] | None:
    """The speaker (and relay) of a verb whose subject is a document released or obtained by someone.

    Parameters
    ----------
    prefix : str
        The sentence up to the verb.

    Returns
    -------
    (Mention, Mention or None) or None
        ``released_by``: (the releaser, None); ``obtained_by``: (the document, who obtained it); None when the subject
        is no such document.

    Examples
    --------
    >>> who, via = document_speaker("Satellite imagery released by Yale University’s Humanitarian Research Lab ")
    >>> who.text, who.about, via
    ('Yale University’s Humanitarian Research Lab', 'Satellite imagery released by', None)
    >>> who, via = document_speaker("Video footage obtained by Reuters ")
    >>> who.text, via.text
    ('Video footage obtained by Reuters', 'Reuters')
    >>> document_speaker("Rescuers said ") is None
    True
    """
    text = prefix.rstrip()
    while _WHEN.search(text):
        text = text[: _WHEN.search(text).start()]  # type: ignore[union-attr]
    version = version_of(prefix)
    if version is not None:  # version_of (kit.draft.misreads): "An earlier version of this report said"
        return version, None
    online = _ONLINE.search(text)
    if online:  # online_document (tenth pass): "A video on social media showed", not "social media" nor "A video"
        return Mention(online.group().strip(), common=True, about="a document"), None
    m = _BY.search(text)
    picture = footage_phrase(text)  # footage_phrase (recall pass): "Footage from the scene showed", its phrase whole
    if picture is not None and (not m or m.group("from")):
        return picture, None
    if not m:
        return None
    who = object_after(m.group("who"))
    if who is None or not m.group("who").endswith(who.text):
        return None  # "Pictures from Yirgou shared with VOA": not a document from Yirgou
    doc = subject_before(m.group("doc") + " ")
    doc_text = doc.text if isinstance(doc, Mention) else m.group("doc").strip()
    place = place_not_author(m.group("doc").strip(), who) if m.group("from") == "from" else None
    if place is not None:  # place_not_author (kit.draft.misreads): "Footage from the scene showed"
        return place, None
    if m.group("from") and not can_author(who):
        return None  # "Images from Gaza showed": a place, not an author
    verb = (m.group("verb") or m.group("from")).lower()
    if verb in _AUTHOR:
        return Mention(
            who.text, who.common, f"{doc_text} {verb}" + (" by" * (verb not in ("from", "by"))), who.affiliation
        ), None
    return Mention(f"{doc_text} {verb} by {who.text}", common=True, about="a document"), who


#: words that make no speaker on their own: "let's", "half", "least", "this week", "a new"
_NOBODY = re.compile(
    r"(?:let|he|she|we|who|they|it|you|i)(?:[’']\w+)|n|no|even|down|last|least|half|live|new|week|year|day|"
    r"[a-z]+ly|abroad|here|there|part|site|area|side|way|time|end|moment|case|fact|point"
)


def weak_speaker(m: Mention) -> bool:
    """``weak_speaker``: an unnamed "speaker" that is a fragment of the sentence, not a person, group, body or
    document: made only of small words ("let's", "a new", "half", "even"), of a possessive and such a word ("its
    part": "For its part, the X said"), or an adverb ("abroad"). Better cited by nobody than wrongly.

    Parameters
    ----------
    m : Mention
        A cited speaker, resolved.

    Returns
    -------
    bool

    Examples
    --------
    >>> weak_speaker(Mention("its part", common=True)), weak_speaker(Mention("abroad", common=True))
    (True, True)
    >>> weak_speaker(Mention("the site", common=True)), weak_speaker(Mention("the ministry", common=True))
    (True, False)
    >>> weak_speaker(Mention("an aid group operating at the site", common=True))
    False
    """
    if not m.common:
        return False
    words = re.findall(r"[a-z’'-]+", m.text.lower())
    small = DETERMINERS | QUANTIFIERS
    return bool(words) and all(w in small or _NOBODY.fullmatch(w) for w in words)
