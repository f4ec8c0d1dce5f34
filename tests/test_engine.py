"""The embedded engine against the real model: it must come up, answer, never outlive us, and
say how it died when it dies."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import summarize
from summarize.errors import EngineError
from summarize.llm.embedded.engine import Engine, EngineSupervisor, free_port
from summarize.llm.embedded.model_file import ensure_model, models_dir
from tests.conftest import interruptible, seed

pytestmark = pytest.mark.live

MODEL_CACHE = models_dir() / "models"  # the tool's own copy: assembled once, shared
N_CTX = 2048  # small context keeps load time and RAM down; the tests never need more


def _gone(pid: int) -> bool:
    """Dead or a zombie: a reparented zombie may linger if PID 1 does not reap."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


def _group_gone(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return True
    return False


def _wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not _gone(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _wait_dead(engine: Engine, timeout: float = 15) -> bool:
    """Until the engine's exit is reportable: a dying leader shows as a zombie before that."""
    deadline = time.monotonic() + timeout
    while engine.running:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.fixture(scope="session")
def model_path() -> Path:
    return ensure_model(MODEL_CACHE)


@pytest.fixture(scope="module")
def server(model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    log = tmp_path_factory.mktemp("llama") / "server.log"
    started = time.monotonic()
    with Engine(model_path, n_ctx=N_CTX, log_path=log) as srv:
        print(f"server ready in {time.monotonic() - started:.1f}s")
        yield srv


def test_free_port_is_bindable() -> None:
    port = free_port()
    assert 1024 <= port <= 65535


def test_server_is_ready_and_lists_models(server: Engine) -> None:
    assert server.running
    assert server.base_url == f"http://127.0.0.1:{server.port}/v1"
    resp = httpx.get(f"{server.base_url}/models", timeout=5)
    assert resp.status_code == 200
    assert resp.json()["data"], resp.text


def test_start_is_idempotent(server: Engine) -> None:
    pid = server.pid
    server.start()
    assert server.pid == pid


def test_chat_completion_uses_embedded_template(server: Engine) -> None:
    resp = httpx.post(
        f"{server.base_url}/chat/completions",
        json={
            "messages": [{"role": "user", "content": "Say hi"}],
            "max_tokens": 8,
            "temperature": 0,
        },
        timeout=60,
    )
    assert resp.status_code == 200, resp.text
    content = resp.json()["choices"][0]["message"]["content"]
    assert content.strip()
    assert "<|im_" not in content  # template tokens leaking means the wrong chat format


def test_stop_leaves_no_process(model_path: Path) -> None:
    srv = Engine(model_path, n_ctx=N_CTX)
    srv.start()
    pid = srv.pid
    log = srv.log_path
    assert pid is not None and log is not None

    srv.stop()

    assert not srv.running
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert _group_gone(pid)
    assert not log.exists()  # the default temp log is ours to clean up
    srv.stop()  # idempotent


def test_keyboard_interrupt_in_with_block_stops_server(model_path: Path) -> None:
    pid = None
    with pytest.raises(KeyboardInterrupt), Engine(model_path, n_ctx=N_CTX) as srv:
        pid = srv.pid
        raise KeyboardInterrupt
    assert pid is not None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert _group_gone(pid)


def test_bad_model_path_raises_with_log_tail(tmp_path: Path) -> None:
    srv = Engine(tmp_path / "missing.gguf", ready_timeout=60)
    with pytest.raises(EngineError) as err:
        srv.start()

    assert "exited" in err.value.reason
    assert err.value.log_tail.strip()
    last_line = err.value.log_tail.strip().splitlines()[-1].strip()[:160]
    assert last_line in str(err.value)
    assert not srv.running


def test_ready_timeout_raises_and_kills(model_path: Path) -> None:
    srv = Engine(model_path, n_ctx=N_CTX, ready_timeout=0.01)
    with pytest.raises(EngineError, match="not ready"):
        srv.start()
    assert not srv.running
    assert srv.pid is None


CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from summarize.llm.embedded.engine import Engine

    srv = Engine(Path(sys.argv[1]), n_ctx=int(sys.argv[2]))
    srv.start()
    print(srv.pid, flush=True)
    time.sleep(600)
    """
)


def test_server_dies_with_sigkilled_parent(model_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(summarize.__file__).parent.parent)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(model_path), str(N_CTX)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    server_pid = None
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip().isdigit(), f"child printed {line!r}"
        server_pid = int(line)
        assert not _gone(server_pid)

        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)

        assert _wait_gone(server_pid, timeout=15), "server outlived its SIGKILLed parent"
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if server_pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server_pid, signal.SIGKILL)


def _llama_children(parent: int) -> list[int]:
    """PIDs of embedded engines whose parent is ``parent``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
            if int(fields[1]) == parent and b"summarize.llm.embedded.engine_main" in cmdline:
                found.append(int(stat.parent.name))
    return found


def test_a_server_killed_mid_run_is_restarted_and_none_is_left(model_path: Path) -> None:
    from summarize.llm import open_backend, resolve

    spec = resolve()  # the embedded model, started by the tool on first use

    def ask() -> str:
        reply = backend.client.chat.completions.create(
            model=spec.model,
            messages=[{"role": "user", "content": "Reply with the word OK."}],
            response_model=None,
            max_tokens=4,
        )
        return str(reply.choices[0].message.content)

    others = set(_llama_children(os.getpid()))  # the module's shared server, if running

    def ours() -> list[int]:
        return [pid for pid in _llama_children(os.getpid()) if pid not in others]

    with open_backend(spec, None) as backend:
        ask()
        (first,) = ours()
        os.killpg(first, signal.SIGKILL)  # the server dies between two requests
        assert _wait_gone(first, timeout=15)
        assert ask()
        (second,) = ours()
        assert second != first
    assert _wait_gone(second, timeout=15)
    assert ours() == []


def test_ctrl_c_during_a_real_run_leaves_no_server(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SUMMARIZE_EMBEDDED_URL"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarize", "extract", str(seed("001")),
         "-o", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache")],
        env=env | {"CI": "1"},
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=interruptible,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while not (servers := _llama_children(proc.pid)):
        assert proc.poll() is None and time.monotonic() < deadline, "no server was started"
        time.sleep(0.2)
    time.sleep(8)  # let it load the model and take the first question
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)

    assert proc.returncode == 130, stderr
    assert all(_wait_gone(pid, timeout=15) for pid in servers), "server outlived Ctrl-C"


def test_a_crashed_engine_restarts_once_without_repacked_weights_then_says_how_it_died(
    model_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A crash signal switches off the repacked-weights path once; the budget then ends it."""
    before = set(_llama_children(os.getpid()))  # the module's shared server, if it runs
    supervisor = EngineSupervisor(lambda: model_path, slots=1)
    try:
        supervisor.ensure_running()
        engine = supervisor.engine
        assert engine is not None and not engine.safe
        for expected_safe in (True, True):
            pid = engine.pid
            assert pid is not None
            os.killpg(pid, signal.SIGSEGV)  # what the AMX path did on its first completion
            assert _wait_dead(engine)
            with caplog.at_level(logging.WARNING, logger="summarize.llm.embedded.engine"):
                supervisor.ensure_running()
            assert engine.running and engine.safe is expected_safe
            assert "--no-extra-bufts" in engine.command()
        assert "restarting it once without repacked weights" in caplog.text
        pid = engine.pid
        assert pid is not None
        os.killpg(pid, signal.SIGSEGV)
        assert _wait_dead(engine)
        with pytest.raises(EngineError) as err:
            supervisor.ensure_running()
        message = str(err.value)
        assert "was killed by SIGSEGV (signal 11)" in message
        assert "without repacked weights" in message and "SUMMARIZE_EMBEDDED_URL" in message
        assert "its last log lines:" in message
    finally:
        supervisor.stop()
    left = set(_llama_children(os.getpid())) - before
    assert all(_wait_gone(p, timeout=15) for p in left), "an engine outlived its supervisor"
