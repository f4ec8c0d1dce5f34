"""A loopback OpenAI-compatible server that answers from cassettes and injects faults.

The answers are the real embedded model's, recorded in ``cassettes/``; nothing here writes
a model response. What it adds is the network misbehaving the way real ones do: 429s with
and without ``Retry-After``, 5xx, a stalled reply, a connection reset or a body cut short,
an error page where JSON should be, a reply in the wrong schema. It is a real HTTP server
on a real socket, so the tool's whole stack is exercised, and a ``summarize`` subprocess can
be pointed at it (``SUMMARIZE_EMBEDDED_URL``).
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Fault:
    """What to do instead of (or before) answering one request."""

    kind: str  # status | delay | reset | truncate | garbage | wrong_schema | edit | hang
    status: int = 0
    headers: tuple[tuple[str, str], ...] = ()
    seconds: float = 0.0
    message: str = ""
    # edit: the recorded answer's content (or, for a request never recorded, "") rewritten:
    # a model answer no real model can be made to give on cue.
    edit: Callable[[str], str] | None = None


Plan = Callable[[int, dict[str, Any], dict[str, str]], Fault | None]


def canonical(body: bytes | str) -> str:
    """A request body with key order and spacing normalised, as the cache key does."""
    return json.dumps(json.loads(body), sort_keys=True, separators=(",", ":"))


def recorded_calls(path: Path) -> int:
    """How many chat completions a cassette holds: every question its run asked, once."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return sum(e["request"]["uri"].endswith("/chat/completions") for e in data["interactions"])


def load_answers(cassettes: Iterable[Path]) -> dict[str, list[str]]:
    """Recorded chat-completion bodies by canonical request body."""
    answers: dict[str, list[str]] = {}
    for path in cassettes:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for exchange in data["interactions"]:
            request, response = exchange["request"], exchange["response"]
            if not request["uri"].endswith("/chat/completions"):
                continue
            answers.setdefault(canonical(request["body"]), []).append(response["body"]["string"])
    return answers


@dataclass
class Traffic:
    """What the server saw: every POST body, which were answered, the peak concurrency."""

    received: list[str] = field(default_factory=list)
    answered: list[str] = field(default_factory=list)
    in_flight: int = 0
    peak_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class ReplayServer:
    """Serve recorded answers on 127.0.0.1; ``plan(n, body, headers)`` picks faults."""

    def __init__(
        self, cassettes: Iterable[Path], plan: Plan | None = None, latency: float = 0.0
    ) -> None:
        self.answers = load_answers(cassettes)
        self.plan: Plan = plan or (lambda _n, _body, _headers: None)
        self.latency = latency
        self.traffic = Traffic()
        self.release = threading.Event()  # ends a "hang" fault
        self.hanging = threading.Event()  # set while a request hangs
        self._served: dict[str, int] = {}
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def __enter__(self) -> ReplayServer:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def recorded(self, body: str) -> str | None:
        """The next recorded answer for this body (the last one again once used up)."""
        options = self.answers.get(body)
        if not options:
            return None
        n = self._served.get(body, 0)
        self._served[body] = n + 1
        return options[min(n, len(options) - 1)]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                self._send(200, json.dumps({"object": "list", "data": []}).encode())

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("content-length", 0)))
                body = canonical(raw)
                traffic = server.traffic
                with traffic.lock:
                    traffic.received.append(body)
                    n = len(traffic.received)
                    traffic.in_flight += 1
                    traffic.peak_in_flight = max(traffic.peak_in_flight, traffic.in_flight)
                try:
                    self._answer(n, body)
                finally:
                    with traffic.lock:
                        traffic.in_flight -= 1

            def _answer(self, n: int, body: str) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                fault = server.plan(n, json.loads(body), headers)
                if server.latency:
                    time.sleep(server.latency)
                if fault is not None and fault.kind == "hang":
                    server.hanging.set()
                    server.release.wait()
                    return self._reset()
                if fault is not None and fault.kind == "delay":
                    time.sleep(fault.seconds)
                    fault = None
                if fault is not None and fault.kind == "status":
                    error = {"error": {"message": fault.message or f"injected {fault.status}"}}
                    return self._send(fault.status, json.dumps(error).encode(), fault.headers)
                if fault is not None and fault.kind == "garbage":
                    page = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
                    return self._send(200, page, (("content-type", "application/json"),))
                answer = server.recorded(body)
                if fault is not None and fault.kind in {"wrong_schema", "edit"}:
                    # A recorded completion with its content swapped: reasks get it too.
                    template = answer or next(iter(server.answers.values()))[0]
                    completion = json.loads(template)
                    message = completion["choices"][0]["message"]
                    if fault.edit is not None:
                        message["content"] = fault.edit(message["content"] if answer else "")
                    else:
                        message["content"] = '{"unexpected": [1, 2]}'
                    return self._send(200, json.dumps(completion).encode())
                if answer is None:
                    error = {"error": {"message": "no recorded answer for this request"}}
                    return self._send(404, json.dumps(error).encode())
                payload = answer.encode()
                if fault is not None and fault.kind in {"reset", "truncate"}:
                    return self._cut(payload, reset=fault.kind == "reset")
                with server.traffic.lock:
                    server.traffic.answered.append(body)
                self._send(200, payload)

            def _send(
                self, status: int, payload: bytes, headers: Iterable[tuple[str, str]] = ()
            ) -> None:
                self.send_response(status)
                extra = dict(headers)
                self.send_header("content-type", extra.pop("content-type", "application/json"))
                for name, value in extra.items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def _cut(self, payload: bytes, *, reset: bool) -> None:
                """Promise the whole body, send half, then close (RST or FIN)."""
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload[: len(payload) // 2])
                self.wfile.flush()
                if reset:
                    self._reset()
                else:
                    self.close_connection = True

            def _reset(self) -> None:
                linger = struct.pack("ii", 1, 0)  # close with RST, not FIN
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
                self.close_connection = True

        return Handler


def at(*numbers: int, fault: Fault) -> Plan:
    """A plan that injects ``fault`` on the given request numbers (1-based)."""
    wanted = set(numbers)
    return lambda n, _body, _headers: fault if n in wanted else None


def always(fault: Fault) -> Plan:
    return lambda _n, _body, _headers: fault
