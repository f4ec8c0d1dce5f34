"""A byline a scrape moved: its "By" left dangling at the end of the standfirst, its names
glued to the end of the headline.

Feature pages scraped into title, standfirst and text lose the byline's line break::

    OSCE head Lamberto Zannier discusses the Ukraine crisis Rosiland Jordan
    ...
    Secretary General Lamberto Zannier discusses the future of the OSCE. By

The dangling "By" is the evidence (one per name: "... by settlers. By By" over "... a
lifetime' Shatha Hammad Zena Tahhan"); the names are the headline's last words, two each, or
three where the middle one is a particle ("Nihad El Aabedy", ``nameparser``'s prefixes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarize.knowledge.person_names import is_name_particle

__all__ = ["DisplacedByline", "displaced_byline"]

# The "By" run that ends a line after a sentence (or alone), one "By" per author.
_DANGLING = re.compile(r"(?:(?<=[.?!\"'\u201d\u2019])|^)(?P<run>(?:\s*\bBy\b)+)\s*$")
# A word of a name: capitalized, or a particle joined by a hyphen ("al-Ali"); no punctuation
# after it, which would end the headline's own words ("... so far? Chris Kenning").
_NAME_WORD = re.compile(r"(?:[a-z]+-)?[A-Z][\w'\u2019-]*")
# The standfirst stands within the page's first lines.
_HEADER_LINES = 6
_WORDS_PER_NAME = 2


@dataclass(frozen=True)
class DisplacedByline:
    """The names, and the ranges of ``text`` to cut: the names in the headline (with the space
    before them) and the dangling "By" run."""

    names: tuple[str, ...]
    in_headline: tuple[int, int]
    dangling: tuple[int, int]


def displaced_byline(text: str) -> DisplacedByline | None:
    """The byline a scrape split between the standfirst's end and the headline's, if any."""
    lines = [m for m in re.finditer(r"[^\n]*", text) if m.group().strip()][:_HEADER_LINES]
    if len(lines) < 2:
        return None
    headline = lines[0]
    for line in lines[1:]:
        dangling = _DANGLING.search(line.group())
        if dangling is None:
            continue
        authors = dangling["run"].split().count("By")
        found = _trailing_names(headline.group(), authors)
        if found is None:
            return None
        start, names = found
        run_start = line.start() + dangling.start("run")
        return DisplacedByline(
            names=names,
            in_headline=(headline.start() + start, headline.start() + len(headline.group())),
            dangling=(run_start, line.start() + dangling.end("run")),
        )
    return None


def _trailing_names(headline: str, authors: int) -> tuple[int, tuple[str, ...]] | None:
    """Where the last ``authors`` names of ``headline`` start (the space before them), and the
    names; None unless each is name-shaped and words of the headline stand before them."""
    words = list(re.finditer(r"\S+", headline.rstrip()))
    names: list[str] = []
    end = len(words)
    for _ in range(authors):
        start = end - _WORDS_PER_NAME
        if start > 0 and is_name_particle(words[start].group()):
            start -= 1
        name = [w.group() for w in words[start:end]]
        if start < 1 or not _is_name(name):
            return None
        names.insert(0, " ".join(name))
        end = start
    return words[end - 1].end(), tuple(names)


def _is_name(words: list[str]) -> bool:
    """Capitalized first and last words, a particle allowed between ("Ben van Dijk")."""
    ends = (words[0], words[-1])
    middle = words[1:-1]
    return all(_NAME_WORD.fullmatch(w) for w in ends) and all(map(is_name_particle, middle))
