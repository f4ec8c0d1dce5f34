"""One structured call: instructor with grounding reasks, loop recovery and salvage.

The outcome is never an exception for a model that misbehaves: a reply that stays
ungrounded after the reask budget is parsed without the grounding check so that its good
items survive and its bad ones are reported; a reply cut off at ``max_tokens`` (a small
model looping) is retried once with a tighter list bound.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any

from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from pydantic import ValidationError

from summarize.drafts import DraftList, GroundingContext, ListName, draft_list_model
from summarize.providers import Backend
from summarize.redact import redact

log = logging.getLogger(__name__)

REASKS = 2


@dataclass
class Answer:
    """The items a pass got back, and what went wrong on the way."""

    items: list[Any] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failed: bool = False  # the model never gave a usable reply to this question


def _completion_text(completion: Any) -> str | None:
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError):
        return None
    if getattr(message, "tool_calls", None):
        return str(message.tool_calls[0].function.arguments)
    content = getattr(message, "content", None)
    return content if isinstance(content, str) else None


def _salvage(model: type[DraftList], error: InstructorRetryException) -> list[Any] | None:
    """Parse the last reply without the grounding check; None if it is not even valid JSON."""
    text = _completion_text(error.last_completion)
    if text is None:
        return None
    try:
        return model.items_of(model.model_validate_json(text))
    except (ValidationError, json.JSONDecodeError):
        return None


def ask(
    backend: Backend,
    *,
    messages: list[dict[str, str]],
    list_name: ListName,
    max_items: int,
    max_tokens: int,
    grounding: GroundingContext,
    min_items: int = 0,
) -> Answer:
    """Ask for one bounded list; return the raw draft items (grounding happens later)."""
    answer = Answer()
    bound = max_items
    for _ in range(2):
        model = draft_list_model(list_name, bound, min(min_items, bound))
        try:
            value = backend.client.chat.completions.create(
                model=backend.spec.model,
                messages=messages,  # type: ignore[arg-type]
                response_model=model,
                max_retries=REASKS,
                max_tokens=max_tokens,
                context={"grounding": grounding},
                **backend.spec.request_options(model.model_json_schema()),
            )
            answer.items = model.items_of(value)
            return answer
        except IncompleteOutputException:
            answer.warnings.append(
                f"{list_name}: reply cut off at {max_tokens} tokens (a loop?); "
                f"retrying with at most {max(1, bound // 2)} items"
            )
            bound = max(1, bound // 2)
        except InstructorRetryException as error:
            if error.last_completion is None:
                raise  # the provider never answered: that fails the article, not one pass
            salvaged = _salvage(model, error)
            if salvaged is None:
                answer.failed = True
                answer.warnings.append(
                    f"{list_name}: no usable reply after {error.n_attempts} attempts: "
                    f"{_one_line(error)}"
                )
            else:
                answer.items = salvaged
            return answer
    answer.warnings.append(f"{list_name}: gave up after the reply was cut off twice")
    answer.failed = True
    return answer


def _one_line(error: BaseException) -> str:
    text = " ".join(redact(str(error)).split())
    return text if len(text) <= 300 else text[:297] + "..."
