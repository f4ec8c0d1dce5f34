"""Run llama.cpp's OpenAI-compatible server as a child we fully own.

The embedded model is served by ``python -m llama_cpp.server`` so the rest of the package can
talk to it like any OpenAI endpoint. The server holds ~1 GB of RAM and a port, so it must never
outlive us: it gets its own process group (so we can kill everything it spawns), a parent-death
signal on Linux (so a SIGKILL of our process still takes it down) and an ``atexit`` hook.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Self

import httpx

_HOST = "127.0.0.1"
_STOP_GRACE_S = 10.0
_POLL_S = 0.25
_LOG_TAIL_LINES = 20
_PR_SET_PDEATHSIG = 1


def free_port() -> int:
    """Ask the kernel for an unused loopback port (it may be taken again before we bind it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((_HOST, 0))
        port: int = sock.getsockname()[1]
        return port


class ServerStartError(RuntimeError):
    """The server did not become ready; the message ends with its log tail to explain why."""

    def __init__(self, reason: str, log_tail: str) -> None:
        super().__init__(
            f"llama.cpp server failed to start: {reason}\n--- server log tail ---\n"
            f"{log_tail or '(log is empty)'}"
        )
        self.reason = reason
        self.log_tail = log_tail


def _pdeathsig_preexec(parent_pid: int) -> Callable[[], None] | None:
    """Build a pre-exec hook so the kernel SIGTERMs the server when its parent dies.

    Linux only. The signal fires when the *thread* that forked exits, so start the server from
    a thread that lives as long as the server should (normally the main thread).
    """
    if not sys.platform.startswith("linux"):
        return None

    import ctypes

    # Resolve prctl now: dlopen between fork and exec can deadlock in a threaded parent.
    prctl = ctypes.CDLL(None, use_errno=True).prctl

    def hook() -> None:
        prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
        if os.getppid() != parent_pid:  # parent already died before prctl took effect
            os.kill(os.getpid(), signal.SIGTERM)

    return hook


def _tail(path: Path, lines: int = _LOG_TAIL_LINES) -> str:
    try:
        with path.open("rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - 64 * 1024))
            text = f.read().decode("utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


class LlamaServer:
    """One ``llama_cpp.server`` process on a loopback port; use as a context manager."""

    def __init__(
        self,
        model_path: Path,
        *,
        port: int | None = None,
        n_ctx: int = 8192,
        n_threads: int | None = None,
        log_path: Path | None = None,
        ready_timeout: float = 180.0,
    ) -> None:
        self._model_path = model_path
        self._port = port if port is not None else free_port()
        self._n_ctx = n_ctx
        self._n_threads = n_threads if n_threads is not None else (os.cpu_count() or 1)
        self._own_log = log_path is None
        self._log_path = log_path
        self._ready_timeout = ready_timeout
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://{_HOST}:{self._port}/v1"

    @property
    def running(self) -> bool:
        return self._proc is not None and _exit_status(self._proc) is None

    @property
    def log_path(self) -> Path | None:
        """Where the server writes stdout+stderr; a default temp log is deleted on stop()."""
        return self._log_path

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def start(self) -> None:
        """Launch the server and block until it answers ``/v1/models``."""
        if self.running:
            return
        self.stop()  # reap a server that died on its own before starting afresh
        if self._log_path is None:
            fd, name = tempfile.mkstemp(prefix="llama-server-", suffix=".log")
            os.close(fd)
            self._log_path = Path(name)
        cmd = [
            sys.executable, "-m", "llama_cpp.server",
            "--model", str(self._model_path),
            "--host", _HOST,
            "--port", str(self._port),
            "--n_ctx", str(self._n_ctx),
            "--n_threads", str(self._n_threads),
        ]  # fmt: skip
        with self._log_path.open("ab") as log:
            self._proc = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_pdeathsig_preexec(os.getpid()),
            )
        atexit.register(self.stop)
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise

    def _wait_ready(self) -> None:
        assert self._proc is not None and self._log_path is not None
        deadline = time.monotonic() + self._ready_timeout
        url = f"{self.base_url}/models"
        # trust_env=False: a configured HTTP proxy must not swallow loopback probes.
        timeout = httpx.Timeout(2.0, connect=0.5)
        with httpx.Client(timeout=timeout, trust_env=False) as client:
            while True:
                code = _exit_status(self._proc)
                if code is not None:
                    raise ServerStartError(f"process exited with code {code}", self._log_tail())
                with contextlib.suppress(httpx.HTTPError):
                    if client.get(url).status_code == 200:
                        return
                if time.monotonic() > deadline:
                    raise ServerStartError(
                        f"not ready after {self._ready_timeout:.0f}s", self._log_tail()
                    )
                time.sleep(_POLL_S)

    def _log_tail(self) -> str:
        # Read before stop() so an owned temp log is still there.
        return _tail(self._log_path) if self._log_path is not None else ""

    def stop(self) -> None:
        """SIGTERM the whole process group, SIGKILL it after a grace period, and reap."""
        atexit.unregister(self.stop)
        proc, self._proc = self._proc, None
        if proc is not None:
            _terminate_group(proc)
        if self._own_log and self._log_path is not None:
            with contextlib.suppress(OSError):
                self._log_path.unlink()
            self._log_path = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def _exit_status(proc: subprocess.Popen[bytes]) -> int | None:
    """Exit code (negative signal number) or None, *without* reaping where the OS allows.

    An unreaped leader keeps its process-group id from being reused, so killpg() in
    _terminate_group can only ever reach our own processes.
    """
    if proc.returncode is not None:
        return proc.returncode
    if not hasattr(os, "waitid"):
        return proc.poll()
    try:
        info = os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    except ChildProcessError:
        return proc.poll()
    if info is None:
        return None
    return info.si_status if info.si_code == os.CLD_EXITED else -info.si_status


def _terminate_group(proc: subprocess.Popen[bytes]) -> None:
    pgid = proc.pid  # start_new_session makes the server its own group leader
    _signal_group(pgid, signal.SIGTERM)
    deadline = time.monotonic() + _STOP_GRACE_S
    while _exit_status(proc) is None and time.monotonic() < deadline:
        time.sleep(0.05)
    # The leader is not reaped yet, so this only hits our processes: a stuck leader, or
    # anything it spawned that ignored SIGTERM.
    _signal_group(pgid, signal.SIGKILL)
    proc.wait()
