"""Re-record the hosted route's cassette (``tests/test_tools_route.py``) from a real server.

Hosted providers answer in tools mode; the embedded engine (llama.cpp's own server) answers a
named tool choice in plain text, so the recording comes from llama-cpp-python's server, which
returns ``tool_calls`` and enforces the function's parameters, with the embedded model's
weights. This builds that server into ``bench/.venv-lcp`` when missing (compiled by pip,
about 6 minutes on two cores), starts it on a free loopback port, records, and stops it.

    python bench/record_tools_route.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from summarize.llm.embedded.engine import free_port
from summarize.llm.embedded.model_file import ensure_model, models_dir

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "bench" / ".venv-lcp"
PACKAGE = "llama-cpp-python[server]==0.3.36"
START_TIMEOUT_S = 300


def _server_python() -> Path:
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", PACKAGE], check=True)
    return python


def _wait_until_up(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode} before answering")
        try:
            with urllib.request.urlopen(f"{url}/models", timeout=5):
                return
        except OSError:
            time.sleep(1)
    raise SystemExit(f"the server did not answer within {START_TIMEOUT_S} s")


def main() -> int:
    model = ensure_model(models_dir())
    port = free_port()
    url = f"http://127.0.0.1:{port}/v1"
    command = [
        str(_server_python()), str(ROOT / "bench" / "lcp_server.py"), "--model", str(model),
        "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "8192", "--n_threads", "2",
    ]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until_up(url, server)
        env = {**os.environ, "SUMMARIZE_TOOLS_SERVER": url}
        test = [sys.executable, "-m", "pytest", "-q", "tests/test_tools_route.py"]
        return subprocess.run([*test, "--record-mode=rewrite"], cwd=ROOT, env=env).returncode
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
