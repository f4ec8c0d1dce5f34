"""Find people named with an office: "Estonian Foreign Minister Oskar Brandt".

News style puts the office in front of the name, often with the country as an adjective.
Matching that finds people without a model, grounded by construction; the people pass
returns the union of both. The vocabulary is maintained data, not a list of ours: country
names and demonyms from :mod:`summarize.knowledge.places`, office words from ``nameparser``'s
titles ("minister", "foreign", "deputy", "ambassador"...), and any ministry after "of"
("Minister of Natural Resources and Environmental Protection").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from summarize.knowledge.places import (
    country_words_pattern,
    find_country,
)

_NAME_PART = r"[A-Z][a-z\u00e0-\u00ff'\u2019]+(?:-[a-z][a-z'\u2019]*|-[A-Z][a-z'\u2019]+)?"
# A middle or first initial ("J. Christian Bollwage", "Andrew M. Cuomo"), never the last word.
_INITIAL = r"[A-Z]\."


@cache
def _particles() -> str:
    """Name particles in lower case ("de Blasio", "van der Berg"): ``nameparser``'s prefixes,
    the plain-word ones."""
    from nameparser.config import CONSTANTS

    words = sorted((p for p in CONSTANTS.prefixes if p.isalpha() and p.islower()), key=len)
    return "|".join(re.escape(w) for w in reversed(words))


def _name() -> str:
    part = rf"(?:{_NAME_PART}|{_INITIAL})"
    joint = rf"\s+(?:(?:{_particles()})\s+){{0,2}}"
    return rf"(?P<name>{part}(?:{joint}{part}){{0,2}}{joint}{_NAME_PART})"


# A surname alone ("President Ruiz"), taken only where news style marks it as a person's.
_SURNAME = rf"(?P<name>{_NAME_PART})(?!\s+[A-Z])"
# "Minister of Foreign Affairs", "Minister for Trade and Industry": a ministry's own name.
_MINISTRY = r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][a-z]+(?:(?:\s+and|,)?\s+[A-Z][a-z]+){0,4})?"
# "Brandt's April remarks": the name ends at the possessive.
_POSSESSIVE = re.compile(r"['\u2019]s?\b.*$")
_HEADLINE_CAPS = 0.6
# Words before an office that say its holder no longer holds it: "former", "ex-Foreign".
_FORMER = re.compile(r"\b(?:former|ex-\w*)\s*$", re.IGNORECASE)
# Words a capitalized run starts with that are not a first name.
_NOT_NAMES = frozenset({"The", "North", "South", "East", "West", "In", "On", "During", "While"})
# Titles that qualify a person but not an office a state gives (nameparser lists both).
_NOT_OFFICES = frozenset({"former", "professor", "dr", "mr", "mrs", "ms", "miss", "journalist"})


@dataclass(frozen=True)
class OfficeHolder:
    name: str
    office: str
    country: str | None
    start: int
    end: int
    former: bool = False  # "former Secretary of State Ana Ruiz" holds no office now


@cache
def office_word_set() -> frozenset[str]:
    """``nameparser``'s title words that can name an office, lower case."""
    from nameparser.config import CONSTANTS

    return frozenset(
        t for t in CONSTANTS.titles if t.isalpha() and t not in _NOT_OFFICES and len(t) > 2
    )


@cache
def capitalized_office_words() -> str:
    """:func:`office_word_set` as a regex alternation of capitalized words, longest first."""
    words = sorted(office_word_set(), key=len, reverse=True)
    return "|".join(re.escape(w.capitalize()) for w in words)


@cache
def _office_words() -> str:
    return capitalized_office_words() + "|leader|minister|president"


# "Mira Castell, the deputy commissioner for trade, said": an office set off after a name.
_APPOSITIVE = r",\s+(?:the|a|an)\s+(?P<office>[^,.;:()\"\u201c\u201d]{3,90}?)\s*[,;]"
_APPOSITIVE_WORDS = 10


def office_after(name: str, text: str) -> str | None:
    """The office an article sets off right after a name, as written ("the NYPD assistant
    commissioner for public information"): a short phrase with an office word in it."""
    for m in re.finditer(re.escape(name) + _APPOSITIVE, text):
        office = m.group("office").strip()
        words = re.findall(r"[^\W\d_]+", office.casefold())
        if len(office.split()) <= _APPOSITIVE_WORDS and any(w in office_word_set() for w in words):
            return office
    return None


@cache
def _pattern(surname_only: bool = False) -> re.Pattern[str]:
    words = _office_words()
    # A ministry may also stand before the office: "Natural Resources and Ecology Minister".
    ministry = r"(?:[A-Z][a-z]+(?:\s+and)?\s+){0,4}?"
    office = rf"(?P<office>{ministry}(?:(?:{words})\s+){{0,3}}(?:{words}){_MINISTRY})"
    # Two capitals alone ("US", "UK", "U.S.") are a country only right before an office.
    initials = r"(?<![\w.-])(?:[A-Z]{2}|[A-Z]\.[A-Z]\.)"
    country = rf"(?P<country>{country_words_pattern().pattern}|{initials})\s+"
    name = _SURNAME if surname_only else _name()
    return re.compile(rf"(?<![\w-])(?:{country})?{office},?\s+{name}\b")


def _honorific(name: str) -> re.Pattern[str]:
    """A surname after "Mr.", "Ms." or "Mrs.": news style's mark of a person."""
    return re.compile(rf"\bM(?:r|s|rs)\.?\s+{re.escape(name)}\b")


def _in_headline(text: str, at: int) -> bool:
    """Headlines capitalize every word, so "Minister Visits North Korea" is not a name."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)].strip()
    words = [w for w in line.split() if w[0].isalpha()]
    if not words or line.endswith((".", "?", "!", "\u201d", '"')):
        return False
    return sum(w[0].isupper() for w in words) / len(words) > _HEADLINE_CAPS


def find_office_holders(text: str, known: Collection[str] = ()) -> list[OfficeHolder]:
    """Every "[Country] Office Name" mention in ``text``, in order of appearance; an office
    before a surname alone ("President Ruiz") only where it is a person's: "Mr. Ruiz"
    says so, or it is the surname of one person in ``known`` (the people already found),
    as "General Assembly" is not."""
    full = [h for m in _pattern().finditer(text) if (h := _holder(text, m)) is not None]
    surnames = Counter(name.split()[-1] for name in known if name.split())
    alone = [
        h
        for m in _pattern(surname_only=True).finditer(text)
        if (h := _holder(text, m)) is not None
        and (surnames[h.name] == 1 or _honorific(h.name).search(text))
        and not any(f.start < h.end and h.start < f.end for f in full)
    ]
    return sorted(full + alone, key=lambda h: h.start)


def _holder(text: str, m: re.Match[str]) -> OfficeHolder | None:
    name = _POSSESSIVE.sub("", m.group("name"))
    first = name.split()[0]
    if first in _NOT_NAMES or _in_headline(text, m.start()):
        return None
    if re.fullmatch(_office_words(), first, flags=re.IGNORECASE):
        return None  # "Foreign Minister Brandt" read as the office "Foreign", "Minister Brandt"
    office = " ".join(w for w in m.group("office").split() if w not in _NOT_NAMES)
    if not office:
        return None
    adjective = m.group("country")
    named = find_country(adjective) if adjective else None
    country = named.name if named is not None else None  # not "UN"
    start = m.start("name")
    former = _FORMER.search(text, max(0, m.start() - 12), m.start()) is not None
    if office.split()[0].casefold() == "former":  # "Former Foreign Minister Jon Hale"
        office, former = office.partition(" ")[2], True
    return OfficeHolder(name, office, country, start, start + len(name), former)
