"""Ask one pass's question and keep what survives grounding.

Grounding runs once per reply, inside the reply model's validator; the validator leaves its
result in the call's context, so the accepted reply is not grounded again. The items that
fail it are dropped with their reasons at once: reasking them bought nothing on the tune split
or the seeds (``bench/README.md``), so it is a setting (``SUMMARIZE_REASK_UNGROUNDED=1``). A
reply that does not parse is reasked; one that stays unparsable or ungrounded after the reask
budget is salvaged: its good items are kept and its bad ones dropped with their reasons. A
reply cut off at ``max_tokens`` (a small model looping) is asked again once with half the
list bound.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from summarize.extract.drafts import Reply
from summarize.extract.grounding import ArticleContext, Grounded
from summarize.extract.settings import pass_settings
from summarize.llm.structured import ask

if TYPE_CHECKING:
    from summarize.llm.backend import Backend

Ground = Callable[[list[Any], ArticleContext], Grounded[Any]]


@dataclass
class Answer:
    """The grounded items a pass got back, and what went wrong on the way."""

    grounded: Grounded[Any] = field(default_factory=Grounded)
    warnings: list[str] = field(default_factory=list)
    failed: bool = False  # the model never gave a usable reply to this question


def ask_pass(
    backend: Backend,
    *,
    stage: str,
    messages: list[dict[str, str]],
    reply_model: Callable[[int], type[Reply]],
    max_items: int,
    max_tokens: int,
    ground: Ground,
    article: ArticleContext,
    reasks: int = 1,
) -> Answer:
    """Ask for one bounded list (``reply_model(bound)``) and return it grounded."""
    answer = Answer()
    bound = max_items
    for _ in range(2):
        model = reply_model(bound)
        context: dict[str, Any] = {
            "ground": ground,
            "article": article,
            "reask_ungrounded": pass_settings().reask_ungrounded,
        }
        reply = ask(
            backend,
            stage=stage,
            messages=messages,
            response_model=model,
            max_tokens=max_tokens,
            context=context,
            reasks=reasks,
        )
        if reply.value is not None:
            answer.grounded = context["grounded"]
            return answer
        if reply.cut_off and bound > 1:
            answer.warnings.append(
                f"{stage}: reply cut off at {max_tokens} tokens (a loop?); "
                f"asking again for at most {max(1, bound // 2)} items"
            )
            bound = max(1, bound // 2)
            continue
        salvaged = _salvage(model, reply.last_text)
        if salvaged is None:
            answer.failed = True
            answer.warnings.append(f"{stage}: {reply.problem}")
        else:
            answer.grounded = ground(salvaged, article)
        return answer
    answer.warnings.append(f"{stage}: gave up after the reply was cut off twice")
    answer.failed = True
    return answer


def _salvage(model: type[Reply], text: str | None) -> list[Any] | None:
    """The last reply's items without the grounding check; None if it is not even valid."""
    if text is None:
        return None
    try:
        return model.model_validate_json(text).items()
    except (ValidationError, json.JSONDecodeError):
        return None
