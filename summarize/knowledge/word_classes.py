"""Which word class an English word can be, from ``lemminflect``'s lexicon.

A cue rule that needs to know whether "to reporters" is an infinitive or "the agreement" is
preceded by adjectives only asks here instead of keeping a list of verbs: ``lemminflect``
ships the lemma and inflection tables (built from the Automatically Generated Inflection
Database and the English Wiktionary) that say "reporters" is no verb, "leave" is one and
"addressed" is a past participle. Only its lookup tables are used, never its guesser for
unknown words.
"""

from __future__ import annotations

from functools import cache


@cache
def _lemmas(word: str, upos: str) -> tuple[str, ...]:
    from lemminflect import getAllLemmas

    found: dict[str, tuple[str, ...]] = getAllLemmas(word, upos=upos)
    return tuple(found.get(upos, ()))


def base_verb(word: str) -> bool:
    """The plain form of a verb ("leave", "discuss"; not "reporters", "left", "regional")."""
    return word in _lemmas(word, "VERB")


def past_participle(word: str) -> bool:
    """A verb's past participle ("addressed", "done", "deputised")."""
    from lemminflect import getInflection

    return any(
        word in getInflection(lemma, tag="VBN", inflect_oov=False)
        for lemma in _lemmas(word, "VERB")
    )


def past_tense(word: str) -> bool:
    """A verb's simple past ("departed", "flew"; not "known", "heading")."""
    from lemminflect import getInflection

    return any(
        word in getInflection(lemma, tag="VBD", inflect_oov=False)
        for lemma in _lemmas(word, "VERB")
    )


def adjective(word: str) -> bool:
    """A word that can be an adjective ("similar", "bilateral", "new")."""
    return bool(_lemmas(word.casefold(), "ADJ"))


def verb_lemmas(word: str) -> tuple[str, ...]:
    """The plain forms a verb form may be of ("understood" -> "understand"), lower case."""
    return _lemmas(word.casefold(), "VERB")


@cache
def only_a_noun(word: str) -> bool:
    """A word the lexicon knows as a noun and as nothing else ("era", "summit"; not
    "campaign", which is also a verb, nor "and", which it does not list)."""
    from lemminflect import getAllLemmas

    classes: dict[str, tuple[str, ...]] = getAllLemmas(word.casefold())
    return set(classes) == {"NOUN"}
