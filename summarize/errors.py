"""One error family: everything the tool raises on purpose is a :class:`SummarizeError`.

A caller catches ``SummarizeError`` for "this input, this provider or this setup cannot be
used, and here is why"; anything else is a bug and is left to surface. ``str()`` of each is one
line a person can act on, and each carries the context needed to debug it.
"""

from __future__ import annotations

from pathlib import Path


class SummarizeError(Exception):
    """Base of every error the package raises on purpose."""


class InputError(SummarizeError):
    """Arguments that name no article at all (an empty folder, a pattern matching nothing)."""


class ArticleError(SummarizeError):
    """One input file that cannot be processed; ``reason`` is the one-line why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ProviderConfigError(SummarizeError):
    """A provider setting that cannot be used as given (unknown route, missing key or URL)."""


class ModelFileError(SummarizeError):
    """The embedded model file cannot be produced or trusted; the message says what to do."""


class EngineError(SummarizeError):
    """The embedded engine did not start, or died: the exit code or signal and its log tail."""

    def __init__(self, reason: str, *, log_tail: str = "", hint: str = "") -> None:
        message = f"the embedded llama.cpp engine {reason}"
        if hint:
            message += f"; {hint}"
        last = [line.strip()[:160] for line in log_tail.splitlines() if line.strip()][-3:]
        if last:
            message += "; its last log lines: " + " | ".join(last)
        super().__init__(message)
        self.reason = reason
        self.log_tail = log_tail
        self.hint = hint


class ModelCallError(SummarizeError):
    """The provider failed a request for good: retries spent, or a permanent refusal."""

    def __init__(self, stage: str, reason: str, *, attempts: int | None = None) -> None:
        tried = f" after {attempts} attempt(s)" if attempts else ""
        super().__init__(f"{stage}: the model call failed{tried}: {reason}")
        self.stage = stage
        self.reason = reason
        self.attempts = attempts


class ExtractionError(SummarizeError):
    """The model gave no usable answer to any question about an article."""

    def __init__(self, reason: str, *, questions: int, last_reply: str | None = None) -> None:
        super().__init__(f"no usable answer from the model in {questions} questions: {reason}")
        self.questions = questions
        self.last_reply = last_reply


class RequestCancelled(SummarizeError):
    """The run is being interrupted: no new request and no retry is sent."""


class EvaluationError(SummarizeError):
    """Nothing to score: no output folder, or no extraction in it."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a run, after the run report was closed; not a SummarizeError, so that
    catching those never swallows an interrupt."""

    def __init__(self, finished: int, total: int, report: Path) -> None:
        super().__init__(f"interrupted: {finished} of {total} articles finished (see {report})")
        self.finished = finished
        self.total = total
        self.report = report
