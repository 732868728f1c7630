"""A speaker who calls something by quoted words: "Kamyshin called it “a deliberate attack …”" (issue 21's recall pass).

Wire copy gives a speaker's characterisation with "called" and the words quoted: "Oleksandr Kamyshin, head of the
railway company, called it “a deliberate attack on the passenger infrastructure …”" (unseen6's d1-leadersng), "The
U.N. called the attacks a “flagrant violation of human rights …”" (unseen11's j2-newdelhitimes-ap), "A leading Roman
Catholic bishop called it a “massacre,”" (unseen17's r1-wral), "Wednesday's blasts, which state television called a
"terrorist attack"" (unseen8's b1-trtworld-afp). "called" was no verb of speech (only "called for", "called on" and
"called out … as" were): it names too much ("called police", "a man called Ali", "called off"). The rule
``called_quote`` reads "called" as the speaker's verb only when a quotation follows it at once, after at most its
object ("it", "them", "this", "that" or "the" and up to four words) and an article, one of the two at least ("a
process called “hotlining”" names, it does not characterise): the quoted words are the speaker's, and the verb's
subject is the speaker.
"""

from __future__ import annotations

__all__ = ["CALLED_QUOTE"]

#: ``called_quote``: "called" before its object and the quotation it characterises it with (a pattern for
#: :data:`kit.draft.lexicon.SPEECH_VERBS`): "called it “a deliberate attack”", "called the attacks a “flagrant …”",
#: "which state television called a "terrorist attack""; not "called police", "called for calm", "called it off"
CALLED_QUOTE = r"(?:called|calls)(?= (?:(?:it|them|this|that|the(?: [\w’'-]+){1,4}) (?:an? |the )?|an? |the )[“\"])"
