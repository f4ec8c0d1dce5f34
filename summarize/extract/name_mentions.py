"""Where a text names a person: in full, by the part a later mention uses, or by a short
family name only they bear; and whether two spellings name one person.

The checks every pass and the voices share ("Sisi" for Abdel Fattah el-Sisi, "Abe" for
Shinzo Abe where no other Abe is named, "Mrs May"): kept apart from the grounding so the
speakers' reading can use them without importing the grounding that uses the speakers.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence

from summarize.extract.office_holders import joined_particles
from summarize.ingest.text_match import contains, normalize
from summarize.knowledge.person_names import mention_key, name_parts, same_person


def names_person(text: str, name: str, among: Sequence[str] = ()) -> bool:
    """Whether ``text`` names the person, by full name or by the part a later mention uses;
    given the people the article names (``among``), also by a three-letter family name
    written as a name that no one else of them bears ("Abe will meet Trump"; not "May", a
    month's name too, and not "Abe" where Shinzo Abe and Akie Abe are both named)."""
    if contains(text, name):
        return True
    mention = mention_key(name)
    key = normalize(mention, fold_case=True).text
    hay = normalize(text, fold_case=True).text
    if key and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", hay) is not None:
        return True
    bare = _without_joined_particle(mention)
    if bare and re.search(rf"(?<![\w'\u2019-]){re.escape(bare)}(?![\w'\u2019-])", text):
        return True  # "Sisi" for Abdel Fattah el-Sisi, "Assad" for Bashar al-Assad
    short = _short_name(name, among)
    return short is not None and short.search(normalize(text).text) is not None


_BARE_NAME_LETTERS = 3


def _without_joined_particle(key: str) -> str | None:
    """A family name without the particle joined to it by a hyphen, as news style also
    writes it ("el-Sisi" and "Sisi", "al-Assad" and "Assad"): capitalized, of three letters or
    more; None where the name has no such particle."""
    head, hyphen, rest = key.partition("-")
    if not hyphen or not re.fullmatch(joined_particles(), f"{head.casefold()}-"):
        return None
    return rest if len(rest) >= _BARE_NAME_LETTERS and rest[:1].isupper() else None


def _short_name(name: str, among: Sequence[str]) -> re.Pattern[str] | None:
    """The three-letter family name written as a name, where the person is among the
    article's people and no one else of them bears it (:func:`names_person`)."""
    short = _short_family_name(name)
    if short is None or not any(same_name(other, name) for other in among):
        return None
    if any(_short_family_name(other) == short for other in among if not same_name(other, name)):
        return None
    return re.compile(rf"(?<![\w'\u2019-]){short}(?![\w'\u2019-])(?!\s+[A-Z])")


def _short_family_name(name: str) -> str | None:
    """The last part of a name of two or more, where it has three letters ("Shinzo Abe",
    "Taro Aso") and is no month's or weekday's name: what a later mention calls them by."""
    parts = name.split()
    last = parts[-1] if len(parts) > 1 else ""
    if len(last) != 3 or not last.isalpha() or not last[0].isupper():
        return None
    return None if last.casefold() in _CALENDAR_WORDS else last


# Month and weekday names, in full and abbreviated ("May", "Jan", "Sun"), from the stdlib.
_CALENDAR_WORDS = frozenset(
    w.casefold()
    for w in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name, *calendar.day_abbr)
    if w
)


def name_positions(text: str, name: str, among: Sequence[str] = ()) -> list[int]:
    """Where ``text`` names the person (by the part a later mention uses, which the full
    name contains; given the article's people, also by a three-letter family name only they
    bear), as offsets into ``normalize(text)``: comparable with each other."""
    key = normalize(mention_key(name), fold_case=True).text
    if not key:
        return []
    hay = normalize(text, fold_case=True).text
    found = {m.start() for m in re.finditer(rf"(?<!\w){re.escape(key)}(?!\w)", hay)}
    family = normalize(name.split()[-1], fold_case=True).text if " " in name else ""
    if family and family != key:  # "Mrs May": an honorific makes a short family name one
        found |= {m.start(1) for m in re.finditer(rf"{_HONORIFIC}({re.escape(family)})(?!\w)", hay)}
    plain = normalize(text).text
    if (short := _short_name(name, among)) is not None and len(plain) == len(hay):
        found |= {m.start() for m in short.finditer(plain)}
    return sorted(found)


_HONORIFIC = r"(?<!\w)(?:mr|mrs|ms|dr)\.?\s+"


def same_name(a: str, b: str) -> bool:
    pa, pb = name_parts(a), name_parts(b)
    return pa == pb or same_person(pa, pb)
