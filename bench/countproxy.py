"""A counting reverse proxy on loopback, in front of the one llama.cpp server.

Every system in the comparison talks to the model through it, so model calls and tokens are
counted the same way for all of them: one call per ``POST …/chat/completions`` that reached
the server (retries and reasks included), and the ``usage`` block of each reply summed.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import asdict, dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

_HOP_HEADERS = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailers",
        "transfer-encoding",
        "upgrade",
        "host",
        "content-length",
        "accept-encoding",
        "content-encoding",
    }
)


@dataclass
class Counts:
    """What went through the proxy; ``errors`` are completions answered with HTTP >= 400."""

    model_calls: int = 0
    prompt_tokens: int = 0
    cached_prompt_tokens: int = 0
    completion_tokens: int = 0
    errors: int = 0
    other_requests: int = 0
    busy_s: float = 0.0

    def minus(self, other: Counts) -> Counts:
        return Counts(
            model_calls=self.model_calls - other.model_calls,
            prompt_tokens=self.prompt_tokens - other.prompt_tokens,
            cached_prompt_tokens=self.cached_prompt_tokens - other.cached_prompt_tokens,
            completion_tokens=self.completion_tokens - other.completion_tokens,
            errors=self.errors - other.errors,
            other_requests=self.other_requests - other.other_requests,
            busy_s=round(self.busy_s - other.busy_s, 3),
        )

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class CountingProxy:
    """``with CountingProxy(upstream) as proxy: … proxy.base_url … proxy.snapshot()``."""

    def __init__(
        self, upstream: str, *, timeout_s: float = 1800.0, dump_dir: Path | None = None
    ) -> None:
        self.upstream = upstream.rstrip("/")  # e.g. http://127.0.0.1:PORT (no /v1)
        # With dump_dir, every completion's request and reply go to dump_dir/<label>.jsonl,
        # so what each system asked and got can be audited afterwards.
        self.dump_dir = dump_dir
        self.label = "calls"
        self._counts = Counts()
        self._lock = threading.Lock()
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout_s, connect=10.0),
            trust_env=False,
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=32),
        )
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        """The OpenAI-style ``/v1`` address clients should use."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def snapshot(self) -> Counts:
        with self._lock:
            return Counts(**asdict(self._counts))

    def _dump(self, request: bytes, status: int, reply: bytes, seconds: float) -> None:
        if self.dump_dir is None:
            return
        self.dump_dir.mkdir(parents=True, exist_ok=True)
        line = json.dumps(
            {
                "status": status,
                "seconds": round(seconds, 3),
                "request": request.decode("utf-8", "replace"),
                "reply": reply.decode("utf-8", "replace"),
            },
            ensure_ascii=False,
        )
        with self._lock, (self.dump_dir / f"{self.label}.jsonl").open("a") as f:
            f.write(line + "\n")

    def _record(self, completion: bool, status: int, body: bytes, seconds: float) -> None:
        usage: dict[str, Any] = {}
        parsed: Any = None
        if completion and status < 400:
            try:
                parsed = json.loads(body)
            except ValueError:
                parsed = None
            if isinstance(parsed, dict) and isinstance(parsed.get("usage"), dict):
                usage = parsed["usage"]
        with self._lock:
            c = self._counts
            if not completion:
                c.other_requests += 1
                return
            c.model_calls += 1
            c.busy_s += seconds
            if status >= 400:
                c.errors += 1
            c.prompt_tokens += int(usage.get("prompt_tokens") or 0)
            details = usage.get("prompt_tokens_details")
            if isinstance(details, dict):
                c.cached_prompt_tokens += int(details.get("cached_tokens") or 0)
            timings = parsed.get("timings") if isinstance(parsed, dict) else None
            if not isinstance(details, dict) and isinstance(timings, dict):
                c.cached_prompt_tokens += int(timings.get("cache_n") or 0)
            c.completion_tokens += int(usage.get("completion_tokens") or 0)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_HEADERS}
                completion = self.command == "POST" and self.path.rstrip("/").endswith(
                    "/chat/completions"
                )
                began = time.perf_counter()
                try:
                    reply = proxy._client.request(
                        self.command, proxy.upstream + self.path, content=body, headers=headers
                    )
                    status, content = reply.status_code, reply.content
                    out_headers = [
                        (k, v) for k, v in reply.headers.items() if k.lower() not in _HOP_HEADERS
                    ]
                except httpx.HTTPError as exc:
                    status = 502
                    content = json.dumps({"error": {"message": f"proxy: {exc}"}}).encode()
                    out_headers = [("Content-Type", "application/json")]
                seconds = time.perf_counter() - began
                proxy._record(completion, status, content, seconds)
                if completion:
                    proxy._dump(body, status, content, seconds)
                self.send_response(status)
                for key, value in out_headers:
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            do_GET = _forward
            do_POST = _forward
            do_DELETE = _forward
            do_PUT = _forward

        return Handler

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._client.close()

    def __enter__(self) -> CountingProxy:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()
