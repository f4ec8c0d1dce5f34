"""Title comparison that ignores the country words an article wraps around an office."""

from __future__ import annotations

from collections.abc import Iterable

from summarize.knowledge.person_names import name_parts
from summarize.knowledge.places import without_country_words

# "South African leader", "Cyprus' Foreign Minister": the office is what is scored, the
# country is scored on its own. Country words come from the places data, not a list of ours.


def title_key(title: str) -> tuple[str, ...]:
    """The title's words without the country words before or after the office."""
    bare = without_country_words(title.replace("\u2019", "'"))
    return tuple(p for p in name_parts(bare) if p not in {"of", "s", "the"})


def title_matches(predicted: str | None, accepted: Iterable[str]) -> bool:
    """Whether the system's title is one of the accepted forms, country words aside."""
    if not predicted:
        return False
    key = title_key(predicted)
    return bool(key) and any(key == title_key(a) for a in accepted)
