"""A person introduced with an apposition is the "he" or "she" of the next sentence (issue 21's second recall pass).

"Riaz Ahmed, a 74-year-old lawyer, had gone to the hospital … when the blast occurred." and then "“I was near a
wall and I fell down,” he said.": the article introduces a witness as the subject of a sentence of narrative and
quotes him in the next. :class:`kit.draft.coref.Speakers` took "he" to be the nearest earlier *speaker* (the hospital
director quoted two paragraphs before), so every sentence of the witness's quotation was cited to the director.

The rule ``apposed_subject``: when a sentence in which nobody speaks opens with a person's full name followed by an
apposition between commas that starts with "a", "an" or "the" ("Riaz Ahmed, a 74-year-old lawyer, …"), a "he" or
"she" in the very next sentence is that person (if the article has not called them the other). Only the next
sentence: later, the nearest speaker is again the reading. :func:`apposed_person` reads the name;
:meth:`kit.draft.coref.Speakers.passing` remembers it and :meth:`kit.draft.coref.Speakers.resolve` prefers it.

Examples
--------
>>> apposed_person("Riaz Ahmed, a 74-year-old lawyer, had gone to the hospital with an assistant.")
'Riaz Ahmed'
>>> apposed_person("Gulshan Park, the largest in Lahore, was crowded.")  # coref's is_person tells it is no person
'Gulshan Park'
"""

from __future__ import annotations

import re

__all__ = ["apposed_person"]

#: a sentence's opening full name (two or three capitalised words) and an apposition "a/an/the …" between commas
_APPOSED = re.compile(r"^([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}),\s+(?:a|an|the)\s+[^,“”\"]{1,60},\s+[a-z]")


def apposed_person(sentence: str) -> str | None:
    """``apposed_subject``: the person a sentence opens with, named in full and described between commas.

    Parameters
    ----------
    sentence : str
        A sentence of the article in which nobody speaks.

    Returns
    -------
    str or None
        The name ("Riaz Ahmed"), or None when the sentence does not open so; the caller checks that it is a
        person's (:func:`kit.draft.coref.is_person`: not a place nor a body).

    See Also
    --------
    kit.draft.coref.Speakers.resolve : "he" and "she", which prefer this person in the next sentence.

    Examples
    --------
    >>> apposed_person("Another lawyer, Jameel Ahmed, 48, said he headed for the hospital.") is None
    True
    """
    m = _APPOSED.match(sentence.strip())
    return None if m is None else m.group(1)
