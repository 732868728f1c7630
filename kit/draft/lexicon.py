"""The words and patterns attributions are read with: pronouns, titles, roles, speaking nouns, organisations' heads,
speech verbs, the phrases that name a source, and the clauses that are no attribution.

Kept apart from :mod:`kit.draft.phrases` (which reads the names) so that :mod:`kit.draft.coref` and
:mod:`kit.draft.cues` share one list of each.

Examples
--------
>>> "sheriff" in ROLE_WORDS, "aides" in SPEAKER_NOUNS, "observatory" in ORG_HEADS
(True, True, True)
"""

from __future__ import annotations

import re

from kit.draft.called import CALLED_QUOTE
from kit.draft.stance import STANCE_VERBS

__all__ = [
    "AUXILIARIES",
    "DETERMINERS",
    "QUANTIFIERS",
    "NAME_STOPS",
    "GROUPS",
    "MONTH_WORDS",
    "WEEKDAYS",
    "LY_NOUNS",
    "PRONOUNS",
    "TITLES",
    "ROLE_WORDS",
    "SPEAKER_NOUNS",
    "ORG_HEADS",
    "BODY_NOUNS",
    "SPEECH_VERBS",
    "SOURCE_NOUNS",
    "PARTICIPLE",
    "COUNTED",
    "SUBORDINATE",
    "DOCUMENT_SUBJECT",
    "FUNCTION",
    "NO_OBJECT",
    "PASSIVE",
    "INVERTED",
    "TWEET",
    "HEADLINE",
    "HEADLINE_LEAD",
    "OPENER",
    "BOUNDARY",
    "SOURCE_PHRASES",
    "PROGRESSIVE",
    "QUOTED_OWN",
    "OPENING_NAME",
    "CERTAINTY",
]

#: words between a speaker and its verb that are not the speaker's: "also", "has", "reportedly"
AUXILIARIES = {
    "also", "has", "have", "had", "then", "later", "earlier", "previously", "reportedly", "would", "will", "may",
    "might", "did", "does", "do", "since", "first", "again", "once", "initially", "just", "recently", "still",
    "officially", "separately", "yesterday", "today", "overnight", "further", "who", "which", "even", "long", "now",
    "sometimes", "already", "often", "always", "repeatedly", "publicly", "privately", "yet",
}  # fmt: skip

#: determiners that open an unnamed speaker's phrase: "the", "several", "anonymous"
DETERMINERS = {
    "the", "a", "an", "their", "his", "her", "its", "our", "this", "that", "these", "those", "other", "another",
    "several", "some", "many", "numerous", "unnamed", "anonymous",
}  # fmt: skip

#: quantities that open a speaker's phrase: "two", "some", "most"
QUANTIFIERS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "some", "several", "many",
    "most", "all", "none", "each", "both", "few",
}  # fmt: skip

#: words never inside a speaker's name: prepositions, conjunctions, verbs of speech, pronouns
NAME_STOPS = {
    "with", "on", "in", "at", "by", "for", "from", "to", "about", "into", "over", "after", "before", "during", "and",
    "or", "but", "if", "when", "because", "while", "as", "than", "know", "knew", "is", "was", "were", "are", "be",
    "been", "led", "that", "which", "who", "what", "where", "there", "here", "we", "i", "you", "not", "so", "then",
    "also", "of", "said", "says", "told", "say", "tell", "tells", "reported", "added", "confirmed", "announced",
    "noted", "warned", "wrote", "stated", "claimed", "however", "meanwhile", "additionally", "earlier", "later",
    "although", "though", "instead", "asked", "whom", "how", "why", "could", "would", "should", "will", "can",
    "may", "might", "must", "has", "have", "had", "do", "does", "did", "it", "he", "she", "they", "him", "them",
    "well", "out", "very", "too", "via",
}  # fmt: skip
#: month names and their short forms: a date, never a speaker
MONTH_WORDS = {
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
#: days of the week: "Reuters on Sunday said" is Reuters
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
#: nouns ending in -ly (not adverbs): a speaker's phrase may hold them
LY_NOUNS = {"tally", "family", "rally", "assembly", "daily", "weekly", "monthly", "supply", "ally", "bully"}

#: unnamed groups of speakers, capitalised only where they open a sentence: "Residents told AFP"
GROUPS = {
    "officials", "residents", "witnesses", "activists", "sources", "medics", "doctors", "rescuers", "survivors",
    "authorities", "police", "villagers", "locals", "relatives", "paramedics", "monitors",
}  # fmt: skip

#: pronouns a speaker may be named by: resolved to the nearest earlier speaker of a fitting kind
PRONOUNS = {"it", "they", "he", "she"}

#: titles written before a person's name (capitalised or not): not part of the name
TITLES = {
    "president", "vice", "premier", "prime", "minister", "governor", "mayor", "superintendent", "supt", "inspector",
    "chief", "secretary", "assistant", "asec", "deputy", "capt", "captain", "gen", "general", "col", "colonel", "lt",
    "sgt", "dr", "mr", "mrs", "ms", "sen", "senator", "rep", "judge", "prof", "professor", "commander", "director",
    "ambassador", "secretary-general", "king", "queen", "sheikh", "constable", "detective", "officer-in-charge", "gov",
}  # fmt: skip
#: words naming what a person does (lower case in the article): before a name they are its role
ROLE_WORDS = {
    "spokesman", "spokeswoman", "spokesperson", "official", "officer", "executive", "head", "adviser", "advisor",
    "designer", "worker", "student", "resident", "administrator", "coordinator", "co-ordinator", "analyst",
    "researcher", "reporter", "correspondent", "commander", "chairman", "chairwoman", "chair", "founder", "leader",
    "manager", "activist", "lawyer", "doctor", "nurse", "engineer", "farmer", "teacher", "volunteer", "survivor",
    "witness", "carer", "driver", "owner", "expert", "economist", "editor", "producer", "photographer", "journalist",
    "sheriff", "marshal", "attorney", "coroner", "commissioner", "councillor", "councilman", "representative",
    "lawmaker", "legislator", *TITLES,
}  # fmt: skip
#: common nouns that speak; a phrase after them ("officials in New Zealand") is part of the speaker
SPEAKER_NOUNS = {
    "office", "officials", "official", "department", "ministry", "spokesman", "spokesperson", "user", "users",
    "resident", "residents", "headquarters", "authorities", "police", "agency", "council", "command", "officers",
    "sources", "source", "members", "member", "workers", "staff", "group", "team", "service", "administration",
    "pictures", "photos", "images", "videos", "clips", "posts", "post", "messages", "footage", "aides", "desk",
}  # fmt: skip
#: nouns of a body that a name beside them names (``named_body``, tenth pass): "a separatist group, the X,", "the X
#: (XA) militant group", "claimed by the militant group X", "according to Iran's official news agency IRNA"
BODY_NOUNS = {
    "group", "organisation", "organization", "movement", "militia", "faction", "outfit", "network", "alliance",
    "agency", "broadcaster", "newspaper", "channel", "tabloid",
}  # fmt: skip
#: words that make a capitalised phrase an organisation's name, not a person's
ORG_HEADS = {
    "office", "ministry", "department", "council", "administration", "institute", "agency", "service", "center",
    "centre", "committee", "observatory", "survey", "command", "coalition", "government", "police", "brigade",
    "station", "bureau", "commission", "authority", "secretariat", "network", "networks", "force", "forces", "army",
    "navy",
    "house", "news", "times", "post", "press", "radio", "television", "tv", "broadcasting", "corporation", "company",
    "university", "hospital", "foundation", "association", "union", "party", "organization", "organisation", "group",
    "monitor", "court", "parliament", "embassy", "team", "headquarters", "management", "daily", "website", "site",
    "online", "media", "weekly", "magazine", "journal", "gazette", "tribune", "herald", "telegraph", "channel",
}  # fmt: skip
#: the verbs (and phrases) that attribute words to a speaker: "said", "told", "argued", "put the toll at"
SPEECH_VERBS = re.compile(  # not inside a hyphenated word: "a self-described socialist"
    r"(?<![\w-])(?:said|says|say|told|tells|telling|reported|reports|claimed|claims|wrote|writes|noted|notes|"
    r"confirmed|confirms|stated|added|adds|announced|announces|estimated|estimates|thought|believes|believed|"
    r"intimated|insisted|alleged|alleges|denied|denies|posted|published|tweeted|warned|warns|explained|saying|"
    r"described|attributed|condemned|quipped|quoted|called for|urged|"
    r"argued|argues|pointed out|points out|acknowledged|acknowledges|recalled|"
    r"recalls|asserted|asserts|contended|contends|responded|replied|conceded|concedes|admitted|admits|"
    r"vowed|vows|cautioned|emphasi[sz]ed|stressed|stresses|remarked|countered|testified|reiterated|echoed|"
    r"insists|explains|warning|urging|insisting|arguing|claiming|suggesting|"
    r"criticized|criticised|accused|accuses|accuse(?= \w+(?: \w+){0,3} of\b)|questioned|argue|insist|warn|"
    r"(?:found|finds|concluded|concludes)(?= that\b)|"
    r"spread rumou?rs|"
    # put_at (twelfth pass): also "placed", and a modifier before the noun ("put the provisional number of injuries
    # at 33", "initially placed the death toll at four")
    r"(?:put|puts|placed|places) the (?:[\w-]+ )?(?:death |casualty )?(?:toll|number|figure|casualties|count|tally)"
    r"(?: of(?: \w+){1,2})? at|"
    r"recounted|recounts|called on|"
    r"gave|showed|listed|show|shows|depicted|depicts|indicates|indicated|"
    # polnear_cues (sixth pass): cue words frequent in PolNeAR's train split that the list lacked, each kept only if
    # the citations it adds there name the annotated Source more often than the draft's average on train and on dev
    # (88 %: 43 of 49), and no development part nor the validation part falls ("continued", "declared", "pledged",
    # "revealed", "predicted", "blamed" were left out by that guard; "expressed" read "expressed its condolences");
    # blamed_for (seventh pass): "blamed" with its object and "for" ("he blamed the Taliban for …"), not "which
    # blamed Israel" nor "which India has long blamed for …"
    # verb_as (seventh pass): a speaker's verb of characterising, with its object and "as": "identified the man as",
    # "dismissed reports of any civilian casualties as propaganda", "called out the shelling as an act of revenge"
    # ("denounced … as" too, read without "as" by stance_verbs below)
    r"(?:identified|dismissed|branded|labell?ed|characteri[sz]ed|called out)(?= (?:[\w’'.-]+ ){1,8}as\b)|"
    r"(?:assured|disclosed|maintained|hinted|speculated)(?= that\b)|"  # verb_that: "The defence ministry assured that"
    # verb_clause (speech pass, PolNeAR's reported speech): a verb of promising or predicting, not as a participle
    # before a preposition ("rainfall predicted in some parts"); "declared" only before the clause it reports ("that",
    # or the clause's own subject pronoun: "declared he would run"), never before a noun ("declared a state of
    # emergency")
    r"(?:promised|promises|predicted|predicts)(?! (?:in|on|at|by|for|from|over|across|during|since)\b)|"
    r"(?:declared|declares)(?= (?:that|he|she|they|we|I|it|there|you)\b)|"
    # quote_asked (speech pass): "asked" beside the question it quotes ("…?” asked the mayor", "she asked, “…”"),
    # not "asked the court to" nor "asked for"
    r"(?<=[?!,][”\"] )asked|asked(?=[,:]? [“\"])|"
    r"rejected|blasted|blamed(?= (?:[\w’'-]+ ){1,4}for\b)|"
    # blamed_on (twelfth pass): "blamed the attack on a rebel group", "GNA blames air attack … on Haftar's forces":
    # the other frame of blaming, the deed first and "on" the one blamed (not "was blamed on": a word must come first)
    r"(?:blamed|blames)(?= (?:the|an?|this|these|that|those|its|their) (?:[\w’'-]+ ){0,8}on\b)|"
    r"blames(?= (?:[\w’'-]+ ){1,4}for\b)|"
    # reports_suggest (ninth pass): "Initial reports suggest", "Local media reports suggested": after the noun
    # "reports", "suggest" says what the reports say (and "reports" is then the speaker's head noun, not a verb)
    r"(?<=reports )suggest(?:s|ed)?|"
    + STANCE_VERBS  # stance_verbs (second recall pass, kit.draft.stance): "decried", "expressed condolences"
    + "|"
    + CALLED_QUOTE  # called_quote (recall pass, kit.draft.called): "called it “a deliberate attack …”"
    + r")\b"
)
#: what "citing", "relying on", "based on" may name as a source when it is no name: a speaker or a document
SOURCE_NOUNS = SPEAKER_NOUNS | {
    "reports", "report", "accounts", "account", "estimate", "estimates", "figures", "data", "statement", "statements",
    "media", "officials", "witnesses", "residents", "activists", "analysts", "experts", "documents", "document",
    "survey", "study", "records", "sources", "intelligence", "diplomats", "investigators", "rescuers", "monitors",
}  # fmt: skip
#: "reported missing", "confirmed dead", "no deaths reported": a participle describing the counted, not a speaker
PARTICIPLE = re.compile(
    r"^\s+(?:as\s+)?(?:missing|killed|dead|injured|wounded|hurt|trapped|safe|someone|anyone|from|so far|across)\b|^\s*$"
)
#: what a participle after a count describes: "deaths reported"
COUNTED = re.compile(r"\b(?:deaths?|dead|casualties|injuries|hundreds|dozens|thousands|people|victims)$", re.I)
#: a clause that is no attribution: "if they have reported someone missing", "what the man says"
SUBORDINATE = re.compile(
    r"\b(?:if|when|because|unless|whether|once|what)\s+\S+(?:\s+\S+)?\s+(?:have\s+|had\s+|has\s+)?$", re.I
)
#: a document or a medium as a verb's subject: "the tally showed", "images on social media"
DOCUMENT_SUBJECT = re.compile(
    r"\b(?:tally|report|figures|data|statement|records|images|imagery|pictures|photos|videos?|clips|footage|posts?|media|"
    r"polls?|surveys?|study|studies|analysis|e-?mails?|letter|tweet|memo|release)$",
    re.I,
)
#: words ending in -s that are no noun a reduced relative clause follows
FUNCTION = {"as", "was", "is", "has", "this", "his", "its", "thus", "yes", "perhaps", "always", "sometimes", "towards"}
#: a verb with no object ("has acknowledged during …"): in a reduced relative clause
NO_OBJECT = re.compile(r"\s*(?:during|in|on|at|since|over|for|so far|to date|[.,;”\"])", re.I)
#: a passive verb with no "by": "is reported to be"
PASSIVE = re.compile(  # its_passive (second recall pass): "It's estimated that …" is "It is estimated", no speaker
    r"(?:\b(?:is|was|were|are|been|be|being)|(?<![\w’'])[Ii]t[’']s)\s+(?:\w+ly\s+)?$", re.I
)
#: the end of the words before an inverted verb: "…,” said Bali"
INVERTED = re.compile(r"[,”\"’:]\s*$")
#: an embedded post's signature line: "— Karl Mondon (@karlmondon) November 9, 2018"
TWEET = re.compile(r"^[—–]\s*([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s*\((@\w+)\)")
#: a headline's closing speaker: "Validation reduces the toll to 68 – OCD"
HEADLINE = re.compile(r"\s[–—]\s*([A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,4})\s*$")
#: a headline's opening speaker: "Police: Arrest made after crossbow arrow fired" (not "Update:", "Watch:"; credit_caps,
#: wrong-speaker pass: nor "SOURCE:" in capitals)
HEADLINE_LEAD = re.compile(
    r"^(?!(?i:Update|Updated|Watch|Video|Photos?|Opinion|Analysis|Breaking|Live|Exclusive|Editorial|Review|Explainer|"
    r"Credit|Source|Tags|Posted|Published|Last|Date|By|Image|Read|See|Note|Edition|Editor|Author|Copyright)\b)"
    r"([A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,3}):\s+[A-Z][a-z]*\s+(?:[A-Z]\w*\s+|\d[\d,]*\s+)?[a-z]+\s+\w+"
)
#: a sentence's opening phrase before a comma, never its speaker: "For its part,", "In a statement,", "Meanwhile,"
OPENER = re.compile(
    r"(?:[Ff]or|[Ii]n|[Oo]n|[Aa]t|[Aa]fter|[Bb]efore|[Dd]uring|[Mm]eanwhile|[Hh]owever|[Ss]eparately|[Ee]arlier|"
    r"[Ll]ater|[Aa]lso|[Ss]till|[Ii]nstead|[Ee]lsewhere|[Bb]ut|[Aa]nd|[Ss]ince|[Dd]espite|[Uu]nder)\b[^,;:“”\"]{0,40}"
)
#: where one speaker's clause ends and the next one's begins: ", and", "; "
BOUNDARY = re.compile(r",\s+(?:and|but|while|whereas|although|though)\s+|;\s+")
#: phrases that name a source: "according to", "citing", "based on", "as reported by"
SOURCE_PHRASES = re.compile(
    r"(?<![\w-])(?:[Aa]ccording to|[Cc]iting|[Rr]elying on|[Rr]elied on|[Rr]elies on|[Bb]ased on|"
    r"[Qq]uoting|(?:as )?reported by|[Aa]s per|who cited)\s+"
)
#: speech verbs read only after "is", "are" ("officials are warning"), never alone ("a warning")
PROGRESSIVE = {"warning", "urging", "insisting", "arguing", "claiming", "suggesting"}
#: how a report holds a claim, from its verb: (name, pattern) tried in order, then the default
CERTAINTY = (
    (
        ("asserted", r"confirm"),
        ("estimated", r"estimat|put the|toll at"),
        ("rumoured", r"rumou?r"),
        ("denied", r"denie"),
    ),
    ("alleged", ""),
)
#: first words of a speaker inside a quotation that are the quoted speaker's own wording ("my cousin said")
QUOTED_OWN = {"my", "our", "your", "a", "an", "everybody", "people"}
#: a name opening the sentence or a clause, then its verb: whose participle "…, telling …" is
OPENING_NAME = re.compile(
    r"(?:^|,\s+)((?:[A-Z][\w.-]*(?:’s|'s)\s+[a-z]+\s+)?(?:[A-Z][\w.’'-]*\s+){1,5})"  # "Mogadishu’s mayor X"
    r"(?!(?:in|on|at|of|for|to|from|by|with|the|an?|and|or|but|campaign|"
    r"administration|office|team|spokes\w+|officials?|government|department|ministry|police|aides?)\b)[a-z]"
)
