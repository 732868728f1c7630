"""First names that tell a person's gender, for "he" and "she" (``first_name_gender`` in :mod:`kit.draft.coref`).

"“It was awful,” he said." after "Jennifer Lopez said …" is not Jennifer Lopez's. The lists are the kit's general
knowledge of common given names in English-language news (including names from the regions whose conflicts it
reports) that are borne almost only by women or almost only by men; a name on neither list tells nothing, and
a pronoun or a title the article itself uses ("Ms.", "spokeswoman") is always read first. Every resolution leaves a
``draft: check`` note.

Examples
--------
>>> gender_of("Mirella Hodeib"), gender_of("Barack Obama"), gender_of("Dr. Sarah Jones"), gender_of("Reuters")
('she', 'he', 'she', None)
"""

from __future__ import annotations

import re

from kit.draft.lexicon import TITLES

__all__ = ["FEMALE", "MALE", "gender_of"]

#: given names borne almost only by women
FEMALE = {
    "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "nancy",
    "lisa", "margaret", "sandra", "ashley", "emily", "donna", "michelle", "carol", "amanda", "melissa", "deborah",
    "stephanie", "rebecca", "laura", "helen", "anna", "anne", "ann", "maria", "marie", "julia", "julie", "catherine",
    "caroline", "christine", "rachel", "hillary", "nicola", "angela", "theresa", "teresa", "kamala", "nikki", "carly",
    "emma", "olivia", "sophie", "claire", "louise", "alice", "jane", "joanna", "kate", "katherine", "victoria",
    "fatima", "fatma", "aisha", "ayesha", "maryam", "mariam", "zainab", "khadija", "amina", "leila", "layla", "noor",
    "nour", "rania", "huda", "samira", "yasmin", "yasmine", "hanan", "malala", "benazir", "shireen", "lina", "mirella",
    "priya", "sonia", "indira", "kaniz", "hasina", "nasrin", "tahmina",
    "svetlana", "olga", "tatiana", "natalia", "irina", "yulia", "elena", "oksana", "ursula", "angelika", "ingrid",
}  # fmt: skip
#: given names borne almost only by men
MALE = {
    "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles", "christopher",
    "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua", "kenneth", "kevin",
    "brian", "george", "edward", "ronald", "timothy", "jason", "jeffrey", "ryan", "jacob", "gary", "eric", "peter",
    "barack", "bill", "joe", "ted", "mike", "jim", "tom", "bob", "dave", "tony", "adam", "ben", "sam", "jack", "harry",
    "mohammed", "mohammad", "muhammad", "mohamed", "ahmed", "ahmad", "ali", "hassan", "hussein", "hussain", "omar",
    "abdul", "abdullah", "khalid", "ibrahim", "mustafa", "mahmoud", "youssef", "yusuf", "tariq", "hamid", "rami",
    "bashar", "nawfal", "turki", "fazlullah", "kamran", "imran", "nawaz", "asif", "ashraf", "zabihullah", "malik",
    "yahya", "jameel", "jamil", "farhan", "antonio", "johannes", "nasser", "ghani", "vladimir", "sergei", "dmitry",
    "volodymyr", "ivan", "narendra", "rahul", "rajnath",
}  # fmt: skip


def gender_of(name: str) -> str | None:
    """``first_name_gender``: "she" or "he" from a person's first name, or None when the name does not tell.

    Parameters
    ----------
    name : str
        A person's name as the article writes it (a title before it is skipped).

    Returns
    -------
    str or None
        ``"she"``, ``"he"``, or None (a name on neither list, or one word only).

    Examples
    --------
    >>> gender_of("Fatima Ahmed"), gender_of("Colonel Turki al-Malki"), gender_of("Chris Smith"), gender_of("Ma Hao")
    ('she', 'he', None, None)
    """
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*\.?", name) if not w.endswith(".")]
    while words and words[0].lower() in TITLES:  # "President Barack Obama", "Colonel Turki al-Malki"
        words = words[1:]
    if len(words) < 2:
        return None
    first = words[0].lower()
    return "she" if first in FEMALE else "he" if first in MALE else None
