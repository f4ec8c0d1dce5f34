"""Title comparison that ignores the country words an article wraps around an office."""

from __future__ import annotations

from collections.abc import Iterable

from summarize.knowledge.person_names import name_parts

# "North Korean leader", "Belarus' Foreign Minister": the office is what is scored, the
# country is scored separately.
_COUNTRY_WORDS = frozenset(
    [
        "north",
        "south",
        "korea",
        "korean",
        "koreas",
        "dprk",
        "belarus",
        "belarusian",
        "russia",
        "russian",
        "russian",
        "federation",
        "china",
        "chinese",
        "japan",
        "japanese",
        "united",
        "states",
        "us",
        "u",
        "s",
        "american",
        "s",
        "the",
    ]
)


def title_key(title: str) -> tuple[str, ...]:
    return tuple(p for p in name_parts(title) if p not in _COUNTRY_WORDS)


def title_matches(predicted: str | None, accepted: Iterable[str]) -> bool:
    """Whether the system's title is one of the accepted forms, country words aside."""
    if not predicted:
        return False
    key = title_key(predicted)
    return bool(key) and any(key == title_key(a) for a in accepted)
