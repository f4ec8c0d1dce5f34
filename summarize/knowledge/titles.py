"""What kind of title a word is, from ``nameparser``'s own vocabulary.

``nameparser`` lists "president" and "federal" alike among its titles, since "Federal Judge"
is a title; its vocabulary files (``nameparser/vocab/en.toml``) say which reading each word
has: an office ("president", "mayor", "director"), a military rank ("general", "capt"), a
title of nobility ("king"), or only a modifier of another title ("federal", "national",
"united", "first", "air", "state", "foreign"). "Federal Communications Commission" and "Air
Force One" open with a modifier and nothing else: no office, so no office holder.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

# Readings that name a post someone holds in a state (not "occupation", "credential",
# "religious" or "academic").
_POSTS = frozenset({"office", "military", "nobility"})
_MODIFIER = "modifier"


@cache
def _readings() -> dict[str, frozenset[str]]:
    """English title word → the kinds of reading ``nameparser`` records for it."""
    data = tomllib.loads(
        resources.files("nameparser").joinpath("vocab", "en.toml").read_text(encoding="utf-8")
    )
    return {
        str(entry["text"]): frozenset(k for k in entry if k not in ("text", "excluded"))
        for entry in data.get("word", [])
        if isinstance(entry, dict) and "text" in entry
    }


# "President-elect", "Prime Minister-designate": an office not yet taken up.
NOT_YET_TAKEN = r"-(?:elect|designate)\b"


def title_word(word: str) -> str:
    """The word as the vocabulary lists it: lower case, no abbreviating dot, and the office
    itself for one not yet taken up ("President-elect": "president")."""
    return re.sub(NOT_YET_TAKEN + "$", "", word.casefold().strip(".,"))


def title_stems(word: str) -> tuple[str, ...]:
    """The title a compound or a plural is formed from (lower case): "chairman",
    "chairwoman" → "chair"; "leaders" → "leader", "secretaries" → "secretary"."""
    stems = [word.removesuffix(end) for end in ("man", "woman", "person") if word.endswith(end)]
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    elif word.endswith("s"):
        stems.append(word[:-1])
    return tuple(s for s in stems if len(s) > 2)


def american_spelling(word: str) -> str:
    """nameparser spells the British way; American news doubles no "l" before "-or"
    ("councillor": "councilor"), and writes "defense" and "labor" ("Defence Secretary",
    "Labour Minister")."""
    word = re.sub(r"llor$", "lor", word)
    return re.sub(r"^(de|of)fence$", r"\1fense", re.sub(r"^labour$", "labor", word))


def _kinds(word: str) -> frozenset[str]:
    folded = title_word(word)
    british = re.sub(r"(?<!l)lor$", "llor", folded)
    return _readings().get(folded) or _readings().get(british, frozenset())


def head_words(office: str) -> list[str]:
    """The office's own words, before the ministry it may name ("Chief" of "Chief of the
    General Staff")."""
    return re.split(r"\s+(?:of|for)\s+", office, maxsplit=1)[0].split()


def only_modifiers(words: list[str]) -> bool:
    """Whether every word has a reading and each is a modifier's only ("Federal", "Air")."""
    kinds = [_kinds(w) for w in words]
    return bool(kinds) and all(k == {_MODIFIER} for k in kinds)


def names_a_post(words: list[str]) -> bool:
    """Whether a word is an office, a military rank or a title of nobility ("Mayor",
    "Assistant Director", "Gen."), alone or joined to another by a hyphen
    ("Secretary-General")."""
    return any(_kinds(part) & _POSTS for w in words for part in (w, *w.split("-")))
