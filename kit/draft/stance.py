"""Verbs of stance that state a speaker's word (issue 21's second recall pass).

Annotators of the draft corpus take "Narendra Modi decried the “heinous act”", "Pope Francis denounced such
attacks in his Easter Mass", "Priyanka Gandhi Vadra also expressed condolences to the families" as the speaker's
statement, as they take "X condemned the attack" (already a verb of :data:`kit.draft.lexicon.SPEECH_VERBS`).

The rule ``stance_verbs``: "decried", "decries", "denounced", "denounces" (the lexicon's ``verb_as`` took
"denounced" only before "… as", and now leaves it to this rule), and "expressed", "offered", "extended" or
"conveyed" before "condolences" (with at most a possessive but "its", "deep", "deepest", "sincere", "heartfelt" or an
opening quotation mark between; "In a statement, the agency expressed its deep condolences." stays no statement of
its words, as the fifth pass's ``statement_colon`` reads it, which tests/draft/test_fifth_pass.py keeps). Bare
"expressed" stays out of the lexicon: it reads "expressed hope", "expressed concern" as often as a statement (the
sixth pass, on PolNeAR's train split). :data:`STANCE_VERBS` is a part of :data:`kit.draft.lexicon.SPEECH_VERBS`.

Examples
--------
>>> import re
>>> bool(re.match(STANCE_VERBS, "decried the “heinous act”"))
True
>>> bool(re.match(STANCE_VERBS, "expressed “sincere condolences” to relatives"))
True
>>> bool(re.match(STANCE_VERBS, "expressed hope"))
False
"""

from __future__ import annotations

__all__ = ["STANCE_VERBS"]

#: ``stance_verbs``: "decried", "denounced", "expressed condolences" (a part of SPEECH_VERBS' alternatives)
STANCE_VERBS = (
    r"(?:decried|decries|denounced|denounces|"
    r"(?:expressed|expresses|offered|offers|extended|extends|conveyed|conveys)(?= (?:(?:his|her|their|our|my|"
    r"deep|deepest|sincere|sincerest|heartfelt)\s+|[“\"])*condolences\b))"
)
