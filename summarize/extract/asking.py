"""Ask one pass's question for a bounded list of drafts, and keep what survives grounding.

Grounding runs once per reply, inside the response model's validator (which decides whether
to reask); the validator leaves its result in the call's context, so the accepted reply is
not grounded again. A reply that stays ungrounded after the reask budget is salvaged: its
valid items are kept and its bad ones dropped with their reasons. A reply cut off at
``max_tokens`` (a small model looping) is asked again once with half the list bound.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from summarize.extract.drafts import (
    GROUNDERS,
    Grounded,
    GroundingContext,
    ListName,
    draft_list_model,
)
from summarize.llm.structured import ask

if TYPE_CHECKING:
    from summarize.llm.backend import Backend


@dataclass
class Answer:
    """The grounded items a pass got back, and what went wrong on the way."""

    grounded: Grounded[Any] = field(default_factory=Grounded)
    warnings: list[str] = field(default_factory=list)
    failed: bool = False  # the model never gave a usable reply to this question


def ask_list(
    backend: Backend,
    *,
    messages: list[dict[str, str]],
    list_name: ListName,
    max_items: int,
    max_tokens: int,
    grounding: GroundingContext,
    min_items: int = 0,
) -> Answer:
    """Ask for one bounded list of drafts and return them grounded."""
    answer = Answer()
    bound = max_items
    for _ in range(2):
        model = draft_list_model(list_name, bound, min(min_items, bound))
        context: dict[str, Any] = {"grounding": grounding}
        reply = ask(
            backend,
            stage=list_name,
            messages=messages,
            response_model=model,
            max_tokens=max_tokens,
            context=context,
        )
        if reply.value is not None:
            answer.grounded = context["grounded"]
            return answer
        if reply.cut_off:
            answer.warnings.append(
                f"{list_name}: reply cut off at {max_tokens} tokens (a loop?); "
                f"retrying with at most {max(1, bound // 2)} items"
            )
            bound = max(1, bound // 2)
            continue
        salvaged = _salvage(model, reply.last_text)
        if salvaged is None:
            answer.failed = True
            answer.warnings.append(f"{list_name}: {reply.problem}")
        else:
            answer.grounded = GROUNDERS[list_name](salvaged, grounding)
        return answer
    answer.warnings.append(f"{list_name}: gave up after the reply was cut off twice")
    answer.failed = True
    return answer


def _salvage(model: Any, text: str | None) -> list[Any] | None:
    """The last reply's drafts without the grounding check; None if it is not even valid."""
    if text is None:
        return None
    try:
        return list(model.items_of(model.model_validate_json(text)))
    except (ValidationError, json.JSONDecodeError):
        return None
