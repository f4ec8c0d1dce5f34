"""Find people named with a government office: "Belarusian Foreign Minister Maxim Ryzhenkov".

News style names officials with their office in front, often with the country as an
adjective. Matching that pattern finds them without a model, grounded by construction. The
1.5B model's officials pass sometimes loops over three names and misses the rest (measured on
the NK News seed); the union of both is what the officials pass returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarize.knowledge.person_names import country_display, country_key

_COUNTRY = (
    r"(?P<country>Belarusian|Belarus['\u2019]s?|North Korean|North Korea['\u2019]s|Russian|"
    r"Russia['\u2019]s|South Korean|South Korea['\u2019]s|Chinese|China['\u2019]s|Japanese|"
    r"Ukrainian|U\.S\.|American|Iranian|Indian)\s+"
)
_OFFICE = (
    r"(?P<office>(?:(?:Vice|Deputy|First|Prime|Foreign|Defen[cs]e|Interior|Trade|Economy|"
    r"Finance|Natural Resources and Ecology|Supreme|State)\s+)*"
    r"(?:Minister|President|Premier|Chancellor|[Ll]eader|Ambassador|Secretary of State|"
    r"Chairman|Chairwoman|Speaker|Governor|Mayor))"
)
_NAME_PART = r"[A-Z][a-z\u00e0-\u00ff'\u2019]+(?:-[a-z][a-z'\u2019]*|-[A-Z][a-z'\u2019]+)?"
_NAME = rf"(?P<name>{_NAME_PART}(?:\s+{_NAME_PART}){{1,3}})"
_PATTERN = re.compile(rf"(?<![\w-])(?:{_COUNTRY})?{_OFFICE},?\s+{_NAME}\b")
# "Lukashenko's April remarks": the name ends at the possessive.
_POSSESSIVE = re.compile(r"['\u2019]s?\b.*$")
_HEADLINE_CAPS = 0.6
_NOT_NAMES = frozenset({"The", "North", "South", "In", "On", "During", "While"})


@dataclass(frozen=True)
class OfficeHolder:
    name: str
    office: str
    country: str | None
    start: int
    end: int


def _in_headline(text: str, at: int) -> bool:
    """Headlines capitalize every word, so "Minister Visits North Korea" is not a name."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)].strip()
    words = [w for w in line.split() if w[0].isalpha()]
    if not words or line.endswith((".", "?", "!", "\u201d", '"')):
        return False
    return sum(w[0].isupper() for w in words) / len(words) > _HEADLINE_CAPS


def find_office_holders(text: str) -> list[OfficeHolder]:
    """Every "[Country] Office Name" mention in ``text``, in order of appearance."""
    out: list[OfficeHolder] = []
    for m in _PATTERN.finditer(text):
        name = _POSSESSIVE.sub("", m.group("name"))
        if name.split()[0] in _NOT_NAMES or len(name.split()) < 2 or _in_headline(text, m.start()):
            continue
        adjective = m.group("country")
        country = None
        if adjective:
            country = country_display(country_key(re.sub(r"['\u2019]s?$", "", adjective)))
        start = m.start("name")
        out.append(OfficeHolder(name, m.group("office"), country, start, start + len(name)))
    return out
