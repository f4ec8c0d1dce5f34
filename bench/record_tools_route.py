"""Re-record the hosted route's cassette (``tests/test_tools_route.py``) from a real server.

Hosted providers answer in tools mode; the embedded engine (llama.cpp's own server) answers a
named tool choice in plain text, so the recording comes from llama-cpp-python's server, which
returns ``tool_calls`` and enforces the function's parameters, with the embedded model's
weights: the server ``engines.py`` starts for its ``lcp`` configurations (built into
``bench/.venv-lcp`` by ``make cassettes`` or ``make bench-engines``). This starts it on a free
loopback port, records, and stops it.

    python bench/record_tools_route.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from engines import ROOT, lcp_server


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp, lcp_server(Path(tmp) / "server.log") as url:
        env = {**os.environ, "SUMMARIZE_TOOLS_SERVER": url}
        test = [sys.executable, "-m", "pytest", "-q", "tests/test_tools_route.py"]
        return subprocess.run([*test, "--record-mode=rewrite"], cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
