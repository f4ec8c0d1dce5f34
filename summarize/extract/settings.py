"""The knobs of the passes that measurements choose between, read once from the environment.

The defaults are what ``bench/README.md`` ("Pass settings") measured; the variables let a run
measure another setting (``SUMMARIZE_HEDGE_BATCH=1 summarize extract ...``). They shape the
requests or what is kept of the replies, so they are part of the extraction store's key.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from functools import cache

from summarize.errors import ProviderConfigError


@dataclass(frozen=True)
class PassSettings:
    """How many candidate sentences one question asks about, and whether they are quoted."""

    hedge_batch: int = 10
    aim_batch: int = 16
    # Candidate sentences per events question, and the most events one reply may list: more
    # room (8) or smaller questions (6 sentences) only added trips nobody made (bench/README).
    event_batch: int = 12
    event_items: int = 4
    # Reask a reply whose items fail grounding (telling the model which), rather than keep its
    # grounded items and drop the rest at once. A reply that does not parse is reasked either way.
    reask_ungrounded: bool = False
    # Quote each candidate sentence in the question, not only its number: more uncached
    # prompt tokens, for a model that attends to the quoted text better than to "[n]".
    quote_candidates: bool = False

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _positive(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) < 1:
        raise ProviderConfigError(f"{name}={value!r}: give a whole number of 1 or more")
    return int(value)


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "yes"}


@cache
def pass_settings() -> PassSettings:
    """The settings for this process: defaults, unless an environment variable says else."""
    return PassSettings(
        hedge_batch=_positive("SUMMARIZE_HEDGE_BATCH", PassSettings.hedge_batch),
        aim_batch=_positive("SUMMARIZE_AIM_BATCH", PassSettings.aim_batch),
        event_batch=_positive("SUMMARIZE_EVENT_BATCH", PassSettings.event_batch),
        event_items=_positive("SUMMARIZE_EVENT_ITEMS", PassSettings.event_items),
        quote_candidates=_flag("SUMMARIZE_QUOTE_CANDIDATES"),
        reask_ungrounded=_flag("SUMMARIZE_REASK_UNGROUNDED"),
    )
