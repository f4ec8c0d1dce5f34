"""The HTML brief in a real headless Chromium: a citation click must land on its evidence.

Chromium is driven over the DevTools protocol on ``--remote-debugging-pipe`` (JSON messages
separated by NUL on file descriptors 3 and 4), so the test needs no websocket client and
opens no port. Debian's ``chromium`` is installed by a fixture when missing, so a fresh CI
machine runs the test the same way a developer's does.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarize.render.html import render_html
from tests.conftest import ROOT
from tests.test_render import load_articles, make_brief

ARTIFACTS = ROOT / "test-artifacts"
TIMEOUT = 15.0


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path to Chromium, installed from Debian's archive on first use."""
    found = shutil.which("chromium")
    if found:
        return found
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        pytest.fail("chromium is missing and cannot be installed here (needs root and apt-get)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, timeout=900)
    found = shutil.which("chromium")
    assert found, "apt-get installed chromium but it is not on PATH"
    return found


class DevTools:
    """A minimal CDP client over the pipe pair: send a command, wait for its reply."""

    def __init__(self, to_browser: int, from_browser: int) -> None:
        self._out = to_browser
        self._in = from_browser
        self._buffer = b""
        self._next_id = 0

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._in], [], [], max(left, 0))
            if not ready:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._in, 1 << 20)
            if not chunk:
                raise EOFError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message


def _high_fd(fd: int) -> int:
    """Move a pipe end above 10, so putting the other on fd 3 or 4 cannot clobber it."""
    high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return high


@pytest.fixture
def browser(chromium: str, tmp_path: Path) -> Iterator[tuple[DevTools, subprocess.Popen[bytes]]]:
    """A headless Chromium with its DevTools pipe; killed whatever the test does."""
    cmd_read, cmd_write = (_high_fd(fd) for fd in os.pipe())
    ev_read, ev_write = (_high_fd(fd) for fd in os.pipe())

    def wire_pipes() -> None:  # runs in the child: Chromium expects fds 3 (in) and 4 (out)
        os.dup2(cmd_read, 3)
        os.dup2(ev_write, 4)

    args = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--hide-scrollbars",
        "--window-size=1100,800",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--remote-debugging-pipe",
        "about:blank",
    ]
    log = (tmp_path / "chromium.log").open("wb")
    # close_fds=False: every other descriptor is non-inheritable anyway (PEP 446).
    process = subprocess.Popen(
        args, stdin=subprocess.DEVNULL, stdout=log, stderr=log, close_fds=False,
        preexec_fn=wire_pipes,
    )  # fmt: skip
    os.close(cmd_read)
    os.close(ev_write)
    try:
        yield DevTools(cmd_write, ev_read), process
    finally:
        process.kill()
        process.wait(timeout=10)
        for fd in (cmd_write, ev_read):
            os.close(fd)
        log.close()


def _open_page(devtools: DevTools, url: str) -> str:
    """Attach to the first page and navigate; returns the session id."""
    targets = devtools.call("Target.getTargets")["targetInfos"]
    page = next(t for t in targets if t["type"] == "page")
    session = devtools.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)
    session_id: str = session["sessionId"]
    devtools.call("Page.enable", session_id)
    devtools.call("Page.navigate", session_id, url=url)
    _wait_for(devtools, session_id, "document.readyState === 'complete' && !!document.body")
    return session_id


def _eval(devtools: DevTools, session: str, expression: str) -> Any:
    result = devtools.call("Runtime.evaluate", session, expression=expression, returnByValue=True)
    if "exceptionDetails" in result:
        raise AssertionError(f"{expression}: {result['exceptionDetails']}")
    return result["result"].get("value")


def _wait_for(devtools: DevTools, session: str, condition: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not _eval(devtools, session, f"!!({condition})"):
        assert time.monotonic() < deadline, f"timed out waiting for {condition}"
        time.sleep(0.05)


def _screenshot(devtools: DevTools, session: str, name: str) -> bytes:
    """The viewport as PNG, kept under test-artifacts/ for a person to look at."""
    png = base64.b64decode(devtools.call("Page.captureScreenshot", session, format="png")["data"])
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / name).write_bytes(png)
    return png


# A real DOM click on a citation, then what the reader would see: the URL's hash, the element
# the browser treats as :target, and the "active" class the page's script puts on the evidence.
_CLICK = """(() => {
  const link = document.querySelector(%s);
  link.click();
  const id = link.getAttribute('href').slice(1);
  const target = document.getElementById(id);
  const spans = (link.dataset.spans || id).split(' ');
  const marks = spans.flatMap(s => [...document.querySelectorAll(`mark[data-spans~="${s}"]`)]);
  return {
    href: link.getAttribute('href'),
    hash: location.hash,
    targetExists: !!target,
    isTarget: !!target && target.matches(':target'),
    active: !!target && target.classList.contains('active'),
    marks: marks.length,
    marksActive: marks.every(m => m.classList.contains('active')),
    activeCount: document.querySelectorAll('.active').length,
    targetText: target ? target.textContent : null,
  };
})()"""


def test_clicking_a_citation_highlights_its_evidence(
    browser: tuple[DevTools, subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    devtools, _process = browser
    path = tmp_path / "brief.html"
    path.write_text(render_html(make_brief(), load_articles()), encoding="utf-8")
    session = _open_page(devtools, path.as_uri())
    assert _eval(devtools, session, "document.querySelectorAll('a.cite').length") > 10
    memo_png = _screenshot(devtools, session, "brief-memo.png")

    # The first citation on the page (a key judgment citing a whole article).
    first = _eval(devtools, session, _CLICK % json.dumps("a.cite"))
    assert first["hash"] == first["href"]
    assert first["targetExists"] and first["isTarget"] and first["active"]

    # The first citation that rests on sentences: every one of its marks lights up.
    cited = _eval(devtools, session, _CLICK % json.dumps("a.cite[data-spans]"))
    assert cited["hash"] == cited["href"] and cited["href"].startswith("#s")
    assert cited["targetExists"] and cited["isTarget"] and cited["active"]
    assert cited["marks"] >= 1 and cited["marksActive"]
    assert not _eval(devtools, session, f"document.getElementById({first['href'][1:]!r})"
                     ".classList.contains('active')")  # fmt: skip
    # The browser scrolled the evidence into view.
    top = _eval(
        devtools,
        session,
        f"document.getElementById({cited['href'][1:]!r}).getBoundingClientRect().top",
    )
    assert 0 <= top < _eval(devtools, session, "window.innerHeight")

    png = _screenshot(devtools, session, "brief-click.png")
    for image in (memo_png, png):
        assert image.startswith(b"\x89PNG\r\n\x1a\n") and len(image) > 10_000
    assert png != memo_png


def test_the_filter_narrows_people_and_engagements(
    browser: tuple[DevTools, subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    devtools, _process = browser
    brief = make_brief()
    path = tmp_path / "brief.html"
    path.write_text(render_html(brief, load_articles()), encoding="utf-8")
    session = _open_page(devtools, path.as_uri())
    rows = "document.querySelectorAll('#officials tbody tr:not(.hidden)').length"
    shown = _eval(devtools, session, rows)
    assert shown == len(brief.officials) > 1
    person = brief.officials[0]
    typed = json.dumps(person.name.split()[-1])
    _eval(
        devtools,
        session,
        f"(() => {{ const box = document.getElementById('filter'); box.value = {typed};"
        " box.dispatchEvent(new Event('input')); })()",
    )
    visible = _eval(
        devtools,
        session,
        "[...document.querySelectorAll('#officials tbody tr:not(.hidden)')]"
        ".map(r => r.textContent)",
    )
    assert visible and all(person.name.split()[-1] in text for text in visible)
    assert len(visible) < shown
    _screenshot(devtools, session, "brief-filtered.png")


def _page_at_width(
    devtools: DevTools, tmp_path: Path, width: int, height: int, *, mobile: bool
) -> str:
    """The test brief's page, open in a viewport of that size."""
    path = tmp_path / "brief.html"
    path.write_text(render_html(make_brief(), load_articles()), encoding="utf-8")
    session = _open_page(devtools, path.as_uri())
    devtools.call(
        "Emulation.setDeviceMetricsOverride",
        session,
        width=width,
        height=height,
        deviceScaleFactor=1,
        mobile=mobile,
    )
    _wait_for(devtools, session, f"window.innerWidth === {width}")
    return session


def test_the_page_reads_at_phone_width(
    browser: tuple[DevTools, subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    devtools, _process = browser
    session = _page_at_width(devtools, tmp_path, 390, 844, mobile=True)
    # Nothing wider than the screen: no sideways scrolling to read a line.
    assert _eval(devtools, session, "document.documentElement.scrollWidth") <= 390
    # The memo comes first, the sources below it, in one column.
    memo_top = _eval(
        devtools, session, "document.querySelector('.memo').getBoundingClientRect().top"
    )
    sources_top = _eval(
        devtools, session, "document.querySelector('.sources').getBoundingClientRect().top"
    )
    assert memo_top < sources_top
    png = _screenshot(devtools, session, "brief-phone.png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_on_a_wide_screen_the_memo_stands_beside_its_sources(
    browser: tuple[DevTools, subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    devtools, _process = browser
    session = _page_at_width(devtools, tmp_path, 1400, 900, mobile=False)
    box = "document.querySelector(%s).getBoundingClientRect()"
    memo = _eval(
        devtools,
        session,
        f"(() => {{ const r = {box % repr('.memo')}; return [r.left, r.top]; }})()",
    )
    sources = _eval(
        devtools,
        session,
        f"(() => {{ const r = {box % repr('.sources')}; return [r.left, r.top]; }})()",
    )
    assert sources[0] > memo[0] and abs(sources[1] - memo[1]) < 5
    _screenshot(devtools, session, "brief-wide.png")
