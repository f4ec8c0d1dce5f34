"""The one structured call every model request goes through: instructor, bounded reasks.

A model that misbehaves is an outcome, never an exception: a reply that keeps failing its
validator after the reask budget comes back as ``Reply.last_text`` so the caller can salvage
what it can, and a reply cut off at ``max_tokens`` comes back with ``cut_off`` set and is never
shown as an answer. A provider that fails (retries spent, a permanent refusal, a dead engine)
raises :class:`~summarize.errors.ModelCallError` or the engine's own
:class:`~summarize.errors.EngineError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel

from summarize.errors import ModelCallError, SummarizeError
from summarize.llm.redact import redact

if TYPE_CHECKING:
    from summarize.llm.backend import Backend

REASKS = 2
M = TypeVar("M", bound=BaseModel)


@dataclass
class Reply(Generic[M]):
    """What one question got: a validated value, or why not and the last reply's text."""

    value: M | None = None
    last_text: str | None = None
    problem: str | None = None
    cut_off: bool = False
    attempts: int = 1


def ask(
    backend: Backend,
    *,
    stage: str,
    messages: list[dict[str, str]],
    response_model: type[M],
    max_tokens: int,
    context: dict[str, Any] | None = None,
    reasks: int = REASKS,
) -> Reply[M]:
    """Ask once (plus up to ``reasks`` reasks on validation errors) for ``response_model``.

    ``context`` reaches the model's validators (grounding needs the article); a validator may
    also leave its results in it, so nothing is computed twice.
    """
    from instructor.core.exceptions import (
        IncompleteOutputException,
        InstructorError,
        InstructorRetryException,
    )
    from openai import OpenAIError

    try:
        value = backend.client.chat.completions.create(
            model=backend.spec.model,
            messages=messages,  # type: ignore[arg-type]
            response_model=response_model,
            max_retries=reasks,
            max_tokens=max_tokens,
            context=context,
            **backend.spec.request_options(response_model.model_json_schema()),
        )
    except IncompleteOutputException:
        return Reply(problem=f"reply cut off at {max_tokens} tokens", cut_off=True)
    except InstructorRetryException as error:
        if error.last_completion is None:
            raise call_failed(stage, error) from error
        if _finish_reason(error.last_completion) == "length":
            return Reply(
                problem=f"reply cut off at {max_tokens} tokens",
                cut_off=True,
                attempts=error.n_attempts,
            )
        return Reply(
            last_text=completion_text(error.last_completion),
            problem=f"no valid reply after {error.n_attempts} attempts: {one_line(error)}",
            attempts=error.n_attempts,
        )
    except (OpenAIError, InstructorError) as error:
        raise call_failed(stage, error) from error
    return Reply(value=value)


def completion_text(completion: Any) -> str | None:
    """The text of a chat completion's first choice (a tool call's arguments, or content)."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError):
        return None
    if getattr(message, "tool_calls", None):
        return str(message.tool_calls[0].function.arguments)
    content = getattr(message, "content", None)
    return content if isinstance(content, str) else None


def _finish_reason(completion: Any) -> str | None:
    try:
        return str(completion.choices[0].finish_reason)
    except (AttributeError, IndexError):
        return None


def call_failed(stage: str, error: BaseException) -> SummarizeError:
    """The error a failed provider call becomes: the engine's own, or a ModelCallError."""
    chain = list(_causes(error))
    for link in chain:
        if isinstance(link, SummarizeError):
            return link
    underlying = _underlying(error)
    attempts = getattr(error, "n_attempts", None)
    reason = f"{type(underlying).__name__}: {one_line(underlying)}"
    cause = underlying.__cause__
    if cause is not None and str(cause) not in reason:
        reason += f" ({type(cause).__name__}: {one_line(cause)})"
    return ModelCallError(stage, reason, attempts=attempts if isinstance(attempts, int) else None)


def _causes(error: BaseException) -> list[BaseException]:
    out: list[BaseException] = []
    link: BaseException | None = error
    while link is not None and link not in out:
        out.append(link)
        link = link.__cause__ or link.__context__
    return out


def _underlying(error: BaseException) -> BaseException:
    """The provider's own error inside instructor's wrapper, which only repeats it."""
    from instructor.core.exceptions import InstructorError

    while isinstance(error, InstructorError) and error.__cause__ is not None:
        error = error.__cause__
    return error


def one_line(error: BaseException | str) -> str:
    """A key-free, single-line, bounded rendering of an error or a message."""
    text = " ".join(redact(str(error)).split())
    return text if len(text) <= 600 else text[:597] + "..."


__all__ = ["REASKS", "Reply", "ask", "call_failed", "completion_text", "one_line"]
