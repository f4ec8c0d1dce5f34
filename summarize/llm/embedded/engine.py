"""Run the embedded llama.cpp engine as a child we fully own, and say why when it dies.

The engine (:mod:`engine_main`, llama.cpp's own server from the prebuilt xllamacpp wheel)
holds about 1.5 GB of RAM and a port, so it must never outlive us: it gets its own process
group (so everything it spawns can be killed), a parent-death signal on Linux (so a SIGKILL of
our process still takes it down) and an ``atexit`` hook. When it dies the error names the exit
code or signal and the last lines of its log, and says what to try. A crash in the CPU code
(SIGSEGV, SIGILL…) is retried once without repacked weights, the path that crashed on Intel
CPUs with AMX in llama.cpp builds tuned to them.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Self

import httpx

from summarize.errors import EngineError

log = logging.getLogger(__name__)

_HOST = "127.0.0.1"
_STOP_GRACE_S = 10.0
_POLL_S = 0.25
_LOG_TAIL_LINES = 12
_PR_SET_PDEATHSIG = 1
# What the prebuilt x86-64 wheel is compiled for (its system info: AVX2 FMA F16C BMI2).
REQUIRED_CPU_FLAGS = ("avx2", "fma", "f16c", "bmi2")
CRASH_SIGNALS = frozenset(
    {signal.SIGSEGV, signal.SIGILL, signal.SIGBUS, signal.SIGFPE, signal.SIGABRT}
)
MAX_RESTARTS = 2
_ELSEWHERE = (
    "to use a llama.cpp server you run yourself, set SUMMARIZE_EMBEDDED_URL to its /v1 "
    "address, or pick another provider with --model"
)


def free_port() -> int:
    """Ask the kernel for an unused loopback port (it may be taken again before we bind it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((_HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def cpu_problem(cpuinfo: Path = Path("/proc/cpuinfo")) -> str | None:
    """Why the prebuilt engine cannot run on this CPU, or None when it can (or we cannot tell)."""
    if platform.machine().lower() not in {"x86_64", "amd64"}:
        return None
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    flags: set[str] = set()
    for line in text.splitlines():
        if line.startswith("flags"):
            flags = set(line.partition(":")[2].split())
            break
    missing = [f for f in REQUIRED_CPU_FLAGS if flags and f not in flags]
    if not missing:
        return None
    return (
        f"cannot run on this CPU: the prebuilt engine needs {', '.join(REQUIRED_CPU_FLAGS)} "
        f"and this CPU lacks {', '.join(missing)}"
    )


def _pdeathsig_preexec(parent_pid: int) -> Callable[[], None] | None:
    """A pre-exec hook so the kernel SIGTERMs the engine when its parent dies (Linux only).

    The signal fires when the *thread* that forked exits, so start the engine from a thread
    that lives as long as the engine should (normally the main thread).
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


def describe_exit(code: int) -> str:
    """``exited with code 1`` or ``was killed by SIGSEGV (signal 11)``."""
    if code >= 0:
        return f"exited with code {code}"
    try:
        name = signal.Signals(-code).name
    except ValueError:
        name = "an unknown signal"
    return f"was killed by {name} (signal {-code})"


def _hint(code: int, safe: bool) -> str:
    if code < 0 and -code in CRASH_SIGNALS:
        if safe:
            return f"it crashed even without repacked weights; {_ELSEWHERE}"
        return "a crash in llama.cpp's CPU code"
    if code == -signal.SIGKILL:
        return (
            "killed from outside, often by the out-of-memory killer: free memory (the engine "
            "needs about 2 GB, more with -j) or lower -j"
        )
    return _ELSEWHERE


class Engine:
    """One engine process on a loopback port; use as a context manager."""

    def __init__(
        self,
        model_path: Path,
        *,
        port: int | None = None,
        slots: int = 1,
        n_ctx: int = 8192,
        n_threads: int | None = None,
        log_path: Path | None = None,
        ready_timeout: float = 180.0,
        safe: bool = False,
        lookup: bool = False,
    ) -> None:
        self._model_path = model_path
        self._port = port if port is not None else free_port()
        self.slots = slots
        self._n_ctx = n_ctx
        self._n_threads = n_threads if n_threads is not None else (os.cpu_count() or 1)
        self._own_log = log_path is None
        self._log_path = log_path
        self._ready_timeout = ready_timeout
        self.safe = safe  # no repacked weights: the fallback after a crash
        self.lookup = lookup  # n-gram lookup decoding, for the benchmark
        self._proc: subprocess.Popen[bytes] | None = None
        self.last_exit: int | None = None

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
        """Where the engine writes stdout+stderr; a default temp log is deleted on stop()."""
        return self._log_path

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def command(self) -> list[str]:
        cmd = [
            sys.executable, "-m", "summarize.llm.embedded.engine_main",
            "--model", str(self._model_path),
            "--port", str(self._port),
            "--slots", str(self.slots),
            "--ctx", str(self._n_ctx),
            "--threads", str(self._n_threads),
        ]  # fmt: skip
        return [*cmd, *(["--no-extra-bufts"] * self.safe), *(["--lookup"] * self.lookup)]

    def start(self) -> None:
        """Launch the engine and block until it answers ``/health``."""
        if self.running:
            return
        self._reap()  # an engine that died on its own
        if (problem := cpu_problem()) is not None:
            raise EngineError(problem, hint=_ELSEWHERE)
        if self._log_path is None:
            fd, name = tempfile.mkstemp(prefix="summarize-engine-", suffix=".log")
            os.close(fd)
            self._log_path = Path(name)
        with self._log_path.open("ab") as out:
            self._proc = subprocess.Popen(
                self.command(),
                stdin=subprocess.DEVNULL,
                stdout=out,
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
        assert self._proc is not None
        deadline = time.monotonic() + self._ready_timeout
        url = f"http://{_HOST}:{self._port}/health"
        # trust_env=False: a configured HTTP proxy must not swallow loopback probes.
        timeout = httpx.Timeout(2.0, connect=0.5)
        with httpx.Client(timeout=timeout, trust_env=False) as client:
            while True:
                code = _exit_status(self._proc)
                if code is not None:
                    self.last_exit = code
                    raise EngineError(
                        f"did not start: it {describe_exit(code)}",
                        log_tail=self.log_tail(),
                        hint=_hint(code, self.safe),
                    )
                with contextlib.suppress(httpx.HTTPError):
                    if client.get(url).status_code == 200:
                        return
                if time.monotonic() > deadline:
                    raise EngineError(
                        f"was not ready after {self._ready_timeout:.0f} s",
                        log_tail=self.log_tail(),
                        hint=_ELSEWHERE,
                    )
                time.sleep(_POLL_S)

    def exit_code(self) -> int | None:
        """The dead engine's exit code (negative: the signal), or None while it runs."""
        if self._proc is None:
            return self.last_exit
        return _exit_status(self._proc)

    def log_tail(self) -> str:
        """The last lines the engine wrote (read before stop() deletes an owned log)."""
        return _tail(self._log_path) if self._log_path is not None else ""

    def _reap(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            self.last_exit = _exit_status(proc)
            _terminate_group(proc)

    def stop(self) -> None:
        """SIGTERM the whole process group, SIGKILL it after a grace period, and reap."""
        atexit.unregister(self.stop)
        self._reap()
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


class EngineSupervisor:
    """Start the engine on the first request that needs it; restart it, within reason.

    A run answered wholly from the cache never starts it. An engine that dies mid-run is
    restarted (at most ``MAX_RESTARTS`` times); when it died of a crash signal, the restart
    keeps the weights unpacked, once, saying so. When it will not stay up, the error says how
    it died, what it last logged, and what to try.
    """

    def __init__(
        self, model_path: Callable[[], Path], *, slots: int = 1, port: int | None = None
    ) -> None:
        self.port = port if port is not None else free_port()
        self._model_path = model_path
        self._slots = slots
        self._engine: Engine | None = None
        self._restarts = 0
        self._lock = threading.Lock()

    @property
    def base_url(self) -> str:
        return f"http://{_HOST}:{self.port}/v1"

    @property
    def engine(self) -> Engine | None:
        return self._engine

    def ensure_running(self) -> None:
        """Called before every request that reaches the wire."""
        with self._lock:
            if self._engine is None:
                self._engine = Engine(self._model_path(), port=self.port, slots=self._slots)
                self._engine.start()
                return
            if self._engine.running:
                return
            self._restart(self._engine)

    def _restart(self, engine: Engine) -> None:
        code = engine.exit_code()
        died = describe_exit(code) if code is not None else "stopped"
        tail = engine.log_tail()
        if self._restarts >= MAX_RESTARTS:
            raise EngineError(
                f"{died} and was restarted {self._restarts} times already; not again",
                log_tail=tail,
                hint=_hint(code if code is not None else 0, engine.safe),
            )
        self._restarts += 1
        crashed = code is not None and code < 0 and -code in CRASH_SIGNALS
        if crashed and not engine.safe:
            engine.safe = True
            log.warning(
                "the embedded engine %s (a crash in llama.cpp's CPU code); restarting it once "
                "without repacked weights (extra buffer types off). Its last log lines:\n%s",
                died,
                tail,
            )
        else:
            log.warning(
                "the embedded engine %s; restarting it (restart %d of %d)",
                died,
                self._restarts,
                MAX_RESTARTS,
            )
        engine.start()

    def stop(self) -> None:
        if self._engine is not None:
            self._engine.stop()


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
    pgid = proc.pid  # start_new_session makes the engine its own group leader
    _signal_group(pgid, signal.SIGTERM)
    deadline = time.monotonic() + _STOP_GRACE_S
    while _exit_status(proc) is None and time.monotonic() < deadline:
        time.sleep(0.05)
    # The leader is not reaped yet, so this only hits our processes: a stuck leader, or
    # anything it spawned that ignored SIGTERM.
    _signal_group(pgid, signal.SIGKILL)
    proc.wait()
