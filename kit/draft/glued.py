"""Sentences glued together with no blank after the full stop (issue 21's second recall pass).

Some pages lose the blank between sentences when they are scraped: "… Easter Sunday, officials said.Dozens of
ambulances were seen …", "… AFP reported.‘Christians were not the specific target …,’ he said." (unseen21's
jagonews24 article, which quotes in single curly marks). :func:`kit.draft.extract.sentences` ended a sentence only at
a full stop followed by a blank, so a quotation glued to the sentence before was read as part of it, and the speaker
of that sentence's verb (not the "he said" after the quotation) got its words.

The rule ``glued_sentence``: a full stop (or "!" or "?", with a closing quotation mark) right after a word of at least
two small letters and right before a capitalised word of small letters, or an opening quotation mark, ends a
sentence too. An initialism ("U.S.") or a one-letter abbreviation has no two small letters before its stop, and a web
address has no capital after it ("pic.twitter.com"). :data:`GLUED_END` is an alternative of
:data:`kit.draft.extract`'s sentence end.

Examples
--------
>>> import re
>>> re.search(GLUED_END, "officials said.Dozens of ambulances").group()
'.'
>>> re.search(GLUED_END, "AFP reported.‘Christians were not").group()
'.'
>>> re.search(GLUED_END, "the U.S.Army and pic.twitter.com/x") is None
True
"""

from __future__ import annotations

__all__ = ["GLUED_END"]

#: ``glued_sentence``: "said.Dozens", "reported.‘Christians", "park.’ The" is not this rule's (a blank follows)
GLUED_END = r"(?<=[a-z]{2})[.!?][”\"’]?(?=[‘“]?[A-Z][a-z])"
