"""Keep API keys out of every line we print or log.

Provider errors sometimes echo the key they refused ("Incorrect API key provided: sk-...").
Error lines and log records pass through :func:`redact`, which removes the values of the
key variables we read and anything shaped like a known provider key or bearer token.
"""

from __future__ import annotations

import logging
import os
import re

# Every environment variable a route reads a key from (tests check routes against this).
KEY_ENV_NAMES = (
    "OPENAI_API_KEY",
    "ANTHROPIC_API_KEY",
    "GEMINI_API_KEY",
    "GOOGLE_API_KEY",
    "SUMMARIZE_API_KEY",
)
REDACTED = "[redacted]"
_MIN_SECRET_LEN = 8
_KEY_SHAPED = re.compile(
    r"\bsk-(?:ant-|proj-)?[A-Za-z0-9_\-]{16,}"
    r"|\bAIza[0-9A-Za-z_\-]{30,}"
    r"|(?i:\bbearer\s+)[A-Za-z0-9._\-~+/]{12,}=*"
    r"|(?i:\b(?:api[_-]?key|x-api-key|authorization)[\"']?\s*[:=]\s*[\"']?)[A-Za-z0-9._\-]{12,}"
)


def _configured_secrets() -> list[str]:
    values = (os.environ.get(name, "") for name in KEY_ENV_NAMES)
    return sorted({v for v in values if len(v) >= _MIN_SECRET_LEN}, key=len, reverse=True)


def redact(text: str) -> str:
    """``text`` without any configured key value or key-shaped token."""
    for secret in _configured_secrets():
        text = text.replace(secret, REDACTED)
    return _KEY_SHAPED.sub(REDACTED, text)


class RedactingFilter(logging.Filter):
    """A handler filter: the formatted message and any traceback, redacted."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True


def install_log_redaction() -> None:
    """Attach :class:`RedactingFilter` to every handler of the root logger."""
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
