"""kit.draft.lexicon: the word lists names are read with, one list each, shared by phrases, coref and cues."""

from kit.draft import coref, cues, lexicon, phrases


def test_one_list_each_shared_by_its_readers():
    assert phrases.ROLE_WORDS is lexicon.ROLE_WORDS and coref.ROLE_WORDS is lexicon.ROLE_WORDS
    assert cues.SPEECH_VERBS is lexicon.SPEECH_VERBS and coref.PRONOUNS is lexicon.PRONOUNS
    assert lexicon.SPEAKER_NOUNS <= lexicon.SOURCE_NOUNS  # who speaks may be cited
    assert lexicon.TITLES <= lexicon.ROLE_WORDS  # a title before a name is a role too


def test_roles_found_on_real_articles_are_listed():
    # "Butte County Sheriff Kory Honea" (w1-columbian-ap), "aides in both parties" (p1-rollcall)
    assert {"sheriff", "chairman"} <= lexicon.ROLE_WORDS and "aides" in lexicon.SPEAKER_NOUNS
